"""GeoJSON export of a record's places and route (RFC 7946: coordinates are [lon, lat]).

Points: every resolved place mention (properties `name`, `role`, `precision`, `report`, `span`).
LineStrings: the legs of the route (`from`, `to`, `order`, `branch`, `report`, `evidence_span`),
`from` and `to` being the place keys. Unresolved places (no coordinates) have no Point.
"""

from __future__ import annotations

from typing import Any

from tumen.model import Record
from tumen.resolve.routes import route_legs


def routes_geojson(record: Record) -> dict[str, Any]:
    """The FeatureCollection of one record: place points, then route legs."""
    rid = record.report.id
    features: list[dict[str, Any]] = []
    by_key = {p.key: p for p in record.places}
    for place in record.places:
        if place.lat is None or place.lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "name": place.name,
                    "mention": place.mention,
                    "role": place.role,
                    "precision": place.precision,
                    "report": rid,
                    "span": [place.span[0], place.span[1]],
                },
            }
        )
    for leg in route_legs(record):
        a, b = by_key.get(leg.from_key), by_key.get(leg.to_key)
        if (
            a is None
            or b is None
            or a.lat is None
            or a.lon is None
            or b.lat is None
            or b.lon is None
        ):
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]},
                "properties": {
                    "from": leg.from_key,
                    "to": leg.to_key,
                    "from_name": a.name,
                    "to_name": b.name,
                    "order": leg.order,
                    "branch": leg.branch,
                    "report": rid,
                    "evidence_span": [leg.evidence[0], leg.evidence[1]],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
