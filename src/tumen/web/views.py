"""Views over every report: the cohort table, the map and the timeline.

Each is built from the *effective* records (reviews applied, rejected claims gone, hand-made
claims in; with `reviewed_only`, only claims an analyst accepted, edited or added) and cached by
`Desk.cached` until the store's next write. Unreviewed claims are marked, not hidden.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from tumen.errors import InputError
from tumen.model import Record
from tumen.web.desk import Desk, redact_record
from tumen.web.text import name_spans, redact

ROLE_COLOURS = {
    "origin": "#c0392b",
    "transit": "#e67e22",
    "destination": "#2c7fb8",
    "workplace": "#7b3294",
    "other": "#7f8c8d",
}
# How much a date is worth: the timeline draws precise dates dark and vague ones pale.
PRECISION_ORDER = (
    "day",
    "week",
    "part_of_month",
    "month",
    "quarter",
    "half_year",
    "part_of_year",
    "season",
    "year",
    "decade",
)
MAX_EVIDENCE = 30  # per place on the map; the count says how many there are in all
MAX_TIMELINE_EVENTS = 2000


# -- cohorts -----------------------------------------------------------------------------------


def _facts(desk: Desk, reviewed_only: bool) -> tuple[list[Any], list[Any] | None, Any, Any]:
    """(facts of every report, reprint links, grades, programme overrides).

    Facts are worked out per report from its effective record and remembered until that
    report changes, so a review costs one report's facts, not the whole store's. Reprint
    links and the analyst's programme operations come from the cohort model's own tables.
    """
    from tumen.cohorts import facts_of

    grades = desk.grades()
    records = desk.per_report(
        "records", reviewed_only, lambda ids: desk._effective(ids, reviewed_only)
    )

    def build(ids: list[str]) -> dict[str, Any]:
        return {rid: facts_of(records[rid], outlets=grades) for rid in ids if rid in records}

    facts = list(desk.per_report("facts", reviewed_only, build).values())
    reprints: list[Any] | None = None
    overrides: Any = ()
    try:
        from tumen.cohorts.store import overrides_of
        from tumen.cohorts.tables import ReportLinkRow

        def stored() -> tuple[list[Any], Any]:
            from sqlalchemy import select

            from tumen.cohorts import Link

            with desk.read() as session:
                links = [
                    Link(r.source_id, r.target_id, r.kind, r.score)
                    for r in session.scalars(select(ReportLinkRow))
                ]
                return links, overrides_of(session)

        reprints, overrides = desk.cached("links", (), stored)
    except ImportError:  # an older cohort package: find reprints from the texts instead
        reprints = None
    return facts, reprints, grades, overrides


def cohorts_view(desk: Desk, *, as_of: str | None, reviewed_only: bool) -> dict[str, Any]:
    """The dispatch model as of a day: programmes, cohorts, conflicts, and which claims are
    still unreviewed. `{"available": False, "error": ...}` when the model cannot be built."""
    if as_of:
        try:
            date.fromisoformat(as_of)
        except ValueError:
            raise InputError(f"as_of must be YYYY-MM-DD, not {as_of!r}") from None

    def build() -> dict[str, Any]:
        try:
            from tumen.cohorts import build_model
        except ImportError as error:  # the cohort model is another package; say so, not 500
            return {"available": False, "error": str(error)}
        facts, reprints, grades, overrides = _facts(desk, reviewed_only)
        model = build_model(
            facts, as_of=as_of or None, grades=grades, reprints=reprints, overrides=overrides
        )
        data = model.to_dict()
        data["conflicts"] = model.conflicts_dict()["conflicts"]
        # Every cluster by (cohort, slot), so each value in the table links to its claims.
        data["slots"] = {}
        for cluster in model.clusters:
            c = cluster.to_dict()
            data["slots"].setdefault(c["cohort"], {})[c["slot"]] = c
        data["notes"] = list(model.notes)
        data["available"] = True
        data["claim_reports"] = {}
        unreviewed = desk.unreviewed_keys()
        keys: set[str] = set()
        for programme in data["programmes"]:
            keys.update(programme.get("evidence", []))
            for cohort in programme["cohorts"]:
                keys.update(cohort.get("evidence", []))
                for stage in cohort.get("dates", {}).values():
                    keys.update(stage.get("evidence", []))
        for conflict in data["conflicts"]:
            for side in conflict["sides"]:
                keys.update(side["evidence"])
        data["unreviewed"] = sorted(k for k in keys if k in unreviewed)
        return data

    result: dict[str, Any] = desk.cached("cohorts", (as_of, reviewed_only), build)
    return result


# -- map ---------------------------------------------------------------------------------------


def _route_features(record: Record) -> list[dict[str, Any]]:
    """GeoJSON features of one record's places and route legs."""
    from tumen.export.geojson import routes_geojson

    features: list[dict[str, Any]] = routes_geojson(record)["features"]
    return features


def _safe_routes(record: Record) -> list[dict[str, Any]]:
    try:
        return _route_features(record)
    except Exception:  # noqa: BLE001  # one bad record must not blank the whole map
        return []


def map_view(
    desk: Desk, *, report: str | None, reviewed_only: bool, redacted: bool
) -> dict[str, Any]:
    """Places (merged across reports, with their evidence) and route legs, as GeoJSON."""

    def build() -> dict[str, Any]:
        records = _viewer_records(desk, reviewed_only, redacted=redacted)
        if report:
            records = [r for r in records if r.report.id == report]
        unreviewed = desk.unreviewed_keys()
        # Route legs per report, remembered until that report changes (redacted views differ
        # only in names, and are rebuilt per write like the redaction itself).
        by_id = {r.report.id: r for r in records}
        routes = (
            {r.report.id: _safe_routes(r) for r in records}
            if redacted
            else desk.per_report(
                "routes",
                reviewed_only,
                lambda ids: {rid: _safe_routes(by_id[rid]) for rid in ids if rid in by_id},
            )
        )
        places: dict[tuple[str, float, float], dict[str, Any]] = {}
        legs: dict[tuple[str, str, int, int], dict[str, Any]] = {}
        for record in records:
            rid = record.report.id
            by_key = {p.key: p for p in record.places}
            features = routes.get(rid) or []
            for place in record.places:
                if place.lat is None or place.lon is None:
                    continue
                key = (place.name, round(place.lat, 4), round(place.lon, 4))
                entry = places.setdefault(
                    key,
                    {
                        "name": place.name,
                        "lat": place.lat,
                        "lon": place.lon,
                        "roles": Counter(),
                        "evidence": [],
                        "count": 0,
                    },
                )
                entry["roles"][place.role] += 1
                entry["count"] += 1
                if len(entry["evidence"]) < MAX_EVIDENCE:
                    entry["evidence"].append(
                        {
                            "report": rid,
                            "title": record.report.title,
                            "published": record.report.published,
                            "key": place.key,
                            "mention": place.mention,
                            "role": place.role,
                            "unreviewed": place.key in unreviewed,
                        }
                    )
            for feature in features:
                if feature["geometry"]["type"] != "LineString":
                    continue
                props = feature["properties"]
                a, b = by_key.get(props["from"]), by_key.get(props["to"])
                if a is None or b is None:
                    continue
                leg_key = (a.name, b.name, int(props["order"]), int(props.get("branch", 0)))
                leg = legs.setdefault(
                    leg_key,
                    {
                        "type": "Feature",
                        "geometry": feature["geometry"],
                        "properties": {
                            "from_name": a.name,
                            "to_name": b.name,
                            "order": props["order"],
                            "branch": props.get("branch", 0),
                            "role": b.role,
                            "colour": ROLE_COLOURS.get(b.role, ROLE_COLOURS["other"]),
                            "reports": [],
                            "count": 0,
                        },
                    },
                )
                leg["properties"]["count"] += 1
                if len(leg["properties"]["reports"]) < MAX_EVIDENCE:
                    leg["properties"]["reports"].append(rid)
        points = []
        for entry in sorted(places.values(), key=lambda e: (-e["count"], e["name"])):
            role = entry["roles"].most_common(1)[0][0]
            points.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [entry["lon"], entry["lat"]]},
                    "properties": {
                        "name": entry["name"],
                        "role": role,
                        "roles": dict(entry["roles"]),
                        "colour": ROLE_COLOURS.get(role, ROLE_COLOURS["other"]),
                        "count": entry["count"],
                        "evidence": entry["evidence"],
                    },
                }
            )
        ordered = sorted(
            legs.values(),
            key=lambda f: (f["properties"]["order"], f["properties"]["branch"]),
        )
        return {
            "places": {"type": "FeatureCollection", "features": points},
            "routes": {"type": "FeatureCollection", "features": ordered},
            "reports": len(records),
        }

    result: dict[str, Any] = desk.cached("map", (report, reviewed_only, redacted), build)
    return result


# -- timeline ----------------------------------------------------------------------------------


def timeline_view(desk: Desk, *, reviewed_only: bool, redacted: bool) -> dict[str, Any]:
    """Events with a resolved date, one row per cohort (or "no cohort"), with precision."""

    def build() -> dict[str, Any]:
        cohort_of: dict[str, str] = {}
        model = cohorts_view(desk, as_of=None, reviewed_only=reviewed_only)
        rows: list[str] = []
        if model.get("available"):
            for programme in model["programmes"]:
                for cohort in programme["cohorts"]:
                    label = f"{programme['name']}: {cohort['label']}"
                    rows.append(label)
                    for key in cohort.get("evidence", []):
                        cohort_of.setdefault(key, label)
                    for stage in cohort.get("dates", {}).values():
                        for key in stage.get("evidence", []):
                            cohort_of.setdefault(key, label)
        unreviewed = desk.unreviewed_keys()
        events: list[dict[str, Any]] = []
        for record in _viewer_records(desk, reviewed_only, redacted=redacted):
            times = {t.id: t for t in record.times}
            for event in record.events:
                t = times.get(event.time or "")
                if t is None or not (t.start or t.end):
                    continue
                start = t.start or t.end
                end = t.end or t.start
                assert start is not None and end is not None
                row = cohort_of.get(event.key, "no cohort")
                events.append(
                    {
                        "row": row,
                        "type": event.type,
                        "status": event.status,
                        "round": event.round,
                        "start": start,
                        # inclusive end: the bar runs to the end of its last day
                        "end": (date.fromisoformat(end) + timedelta(days=1)).isoformat(),
                        "precision": t.precision,
                        "mention": t.mention,
                        "report": record.report.id,
                        "key": event.key,
                        "unreviewed": event.key in unreviewed,
                        "certainty": event.certainty,
                    }
                )
        events.sort(key=lambda e: (e["start"], e["key"]))
        truncated = len(events) > MAX_TIMELINE_EVENTS
        events = events[:MAX_TIMELINE_EVENTS]
        used = {e["row"] for e in events}
        ordered = [r for r in rows if r in used] + (["no cohort"] if "no cohort" in used else [])
        return {
            "rows": ordered,
            "events": events,
            "precisions": list(PRECISION_ORDER),
            "truncated": truncated,
        }

    result: dict[str, Any] = desk.cached("timeline", (reviewed_only, redacted), build)
    return result


# -- records as a user may see them ------------------------------------------------------------


def _viewer_records(desk: Desk, reviewed_only: bool, *, redacted: bool) -> list[Record]:
    records = desk.effective_records(reviewed_only=reviewed_only)
    if not redacted:
        return records

    def build() -> list[Record]:
        marks = desk.marks()
        out = []
        persons = [mk.name for mk in marks if mk.kind == "person" and mk.name]
        by_report: dict[str, list[Any]] = {}
        for mk in marks:
            if mk.report_id:
                by_report.setdefault(mk.report_id, []).append(mk)
        for record in records:
            rid = record.report.id
            relevant_marks = by_report.get(rid, [])
            if not relevant_marks and not persons:
                out.append(record)
                continue
            view_marks = relevant_marks + [mk for mk in marks if mk.kind == "person"]
            claims = [c for c in _claims_for_marks(desk, rid, view_marks)]
            from tumen.web.desk import sensitive_spans

            spans = sensitive_spans(record.report.text, claims, view_marks)
            if not spans:
                out.append(record)
                continue
            data = record.to_dict()
            text = redact(record.report.text, spans)
            data = redact_record(data, text, spans)
            data["report"] = {**data["report"], "text": text}
            if record.report.title:
                data["report"]["title"] = redact(
                    record.report.title, name_spans(record.report.title, persons)
                )
            out.append(Record.from_dict(data))
        return out

    result: list[Record] = desk.cached("redacted", (reviewed_only,), build)
    return result


def _claims_for_marks(desk: Desk, report_id: str, marks: list[Any]) -> list[Any]:
    keys = [mk.key for mk in marks if mk.kind == "item" and mk.key]
    return [desk.claim(k) for k in keys]


def warm(desk: Desk) -> None:
    """Build the views over every report once, so that the first visitor does not wait for
    10,000 records to be read (`tumen serve` runs this in the background at start)."""
    cohorts_view(desk, as_of=None, reviewed_only=False)
    map_view(desk, report=None, reviewed_only=False, redacted=False)
    timeline_view(desk, reviewed_only=False, redacted=False)
