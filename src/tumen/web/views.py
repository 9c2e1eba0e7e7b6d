"""Views over every report: the cohort table, the map and the timeline.

Each is built from the *effective* records (reviews applied, rejected claims gone, hand-made
claims in; with `reviewed_only`, only claims an analyst accepted, edited or added) and cached by
`Desk.cached` until the store's next write. Unreviewed claims are marked, not hidden.
"""

from __future__ import annotations

import heapq
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

    A report whose claims no review changed (none rejected or edited, none added by hand)
    has the facts the store keeps for the dispatch model: those are used as they are, parsed
    once per process and shared with the store's own updates, so the model of an unchanged
    set of facts is found again rather than rebuilt (`tumen.cohorts.store.cached_build`).
    Other reports' facts are worked out from their effective record and remembered until that
    report changes, so a review costs one report's facts, not the whole store's. Reprint links
    and the analyst's programme operations come from the cohort model's own tables.
    """
    from tumen.cohorts import facts_of

    grades = desk.grades()
    stored: dict[str, Any] = {}
    if not reviewed_only:
        stored = desk.cached("stored_facts", (), lambda: _stored_facts(desk))
    changed = desk.changed_reports() if stored else None

    def records(ids: list[str]) -> dict[str, Any]:
        if changed is not None:
            ids = [rid for rid in ids if rid in changed or rid not in stored]
        return desk._effective(ids, reviewed_only) if ids else {}

    def build(ids: list[str]) -> dict[str, Any]:
        if changed is not None:
            ids = [rid for rid in ids if rid in changed or rid not in stored]
        found = records(ids)
        return {rid: facts_of(found[rid], outlets=grades) for rid in ids if rid in found}

    worked_out = desk.per_report("facts", reviewed_only, build)
    facts = list(worked_out.values())
    if changed is not None:
        facts += [f for rid, f in stored.items() if rid not in changed and rid not in worked_out]
    reprints: list[Any] | None = None
    overrides: Any = ()
    try:
        from tumen.cohorts.store import overrides_of
        from tumen.cohorts.tables import ReportLinkRow

        def from_tables() -> tuple[list[Any], Any]:
            from sqlalchemy import select

            from tumen.cohorts import Link

            with desk.read() as session:
                links = [
                    Link(r.source_id, r.target_id, r.kind, r.score)
                    for r in session.scalars(
                        select(ReportLinkRow).order_by(
                            ReportLinkRow.source_id, ReportLinkRow.target_id, ReportLinkRow.kind
                        )
                    )
                ]
                return links, overrides_of(session)

        reprints, overrides = desk.cached("links", (), from_tables)
    except ImportError:  # an older cohort package: find reprints from the texts instead
        reprints = None
    return facts, reprints, grades, overrides


def _stored_facts(desk: Desk) -> dict[str, Any]:
    try:
        from tumen.cohorts.store import current_facts
    except ImportError:  # an older cohort package: every report's facts from its record
        return {}
    with desk.read() as session:
        return current_facts(session)


def _build(
    facts: list[Any], *, as_of: str | None, grades: Any, reprints: Any, overrides: Any
) -> Any:
    from tumen.cohorts import build_model

    if reprints is None:
        return build_model(facts, as_of=as_of, grades=grades, overrides=overrides)
    from tumen.cohorts.store import cached_build

    if as_of:
        # What `build_model` keeps of an as-of view (and the undated reports it lists), so
        # that the same view after a later report finds its model again.
        facts = [f for f in facts if not f.published or f.published <= as_of]
    return cached_build(
        facts, as_of=as_of, grades=grades, overrides=tuple(overrides), reprints=reprints
    )


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
            import tumen.cohorts  # noqa: F401
        except ImportError as error:  # the cohort model is another package; say so, not 500
            return {"available": False, "error": str(error)}
        facts, reprints, grades, overrides = _facts(desk, reviewed_only)
        model = _build(
            facts, as_of=as_of or None, grades=grades, reprints=reprints, overrides=overrides
        )
        # The model's page data is the same until the model is: only which claims are still
        # unreviewed is worked out again after a write that left the model as it was.
        shown = _MODEL_PAGES.get(id(model))
        if shown is None or shown[0] is not model:
            shown = (model, *_model_page(model))
            _MODEL_PAGES[id(model)] = shown
            while len(_MODEL_PAGES) > 8:
                del _MODEL_PAGES[next(iter(_MODEL_PAGES))]
        data = dict(shown[1])
        unreviewed = desk.unreviewed_keys()
        reviewed = unreviewed.reviewed  # the few reviewed keys: a set test per key is enough
        data["unreviewed"] = [k for k in shown[2] if k not in reviewed and ":h:" not in k]
        return data

    result: dict[str, Any] = desk.cached("cohorts", (as_of, reviewed_only), build)
    return result


_MODEL_PAGES: dict[int, tuple[Any, dict[str, Any], list[str]]] = {}


def _model_page(model: Any) -> tuple[dict[str, Any], list[str]]:
    """The cohorts page's data of a model, and every claim key it cites (sorted)."""
    data: dict[str, Any] = model.to_dict()
    data["conflicts"] = model.conflicts_dict()["conflicts"]
    # Every cluster by (cohort, slot), so each value in the table links to its claims.
    data["slots"] = {}
    for cluster in model.clusters:
        c = cluster.to_dict()
        data["slots"].setdefault(c["cohort"], {})[c["slot"]] = c
    data["notes"] = list(model.notes)
    data["available"] = True
    data["claim_reports"] = {}
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
    return data, sorted(keys)


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
        unreviewed = desk.unreviewed_keys()
        # Each report's places and legs, worked out once and remembered until that report
        # changes (redacted views differ in names, and are worked out per write like the
        # redaction itself); the merge below only adds them up.
        if redacted or report:
            records = _viewer_records(desk, reviewed_only, redacted=redacted)
            if report:
                records = [r for r in records if r.report.id == report]
            parts = {r.report.id: _map_part(r) for r in records}
        else:
            parts = desk.per_report(
                "map", reviewed_only, lambda ids: _map_parts(desk, ids, reviewed_only)
            )
        places: dict[tuple[str, float, float], dict[str, Any]] = {}
        legs: dict[tuple[str, str, int, int], dict[str, Any]] = {}
        for rid, (report_places, report_legs) in parts.items():
            for key, role, evidence in report_places:
                entry = places.get(key)
                if entry is None:
                    entry = places[key] = {
                        "name": key[0],
                        "lat": evidence["lat"],
                        "lon": evidence["lon"],
                        "roles": Counter(),
                        "evidence": [],
                        "count": 0,
                    }
                entry["roles"][role] += 1
                entry["count"] += 1
                if len(entry["evidence"]) < MAX_EVIDENCE:
                    shown = {k: v for k, v in evidence.items() if k not in ("lat", "lon")}
                    shown["unreviewed"] = shown["key"] in unreviewed
                    entry["evidence"].append(shown)
            for leg_key, geometry, role in report_legs:
                leg = legs.get(leg_key)
                if leg is None:
                    leg = legs[leg_key] = {
                        "type": "Feature",
                        "geometry": geometry,
                        "properties": {
                            "from_name": leg_key[0],
                            "to_name": leg_key[1],
                            "order": leg_key[2],
                            "branch": leg_key[3],
                            "role": role,
                            "colour": ROLE_COLOURS.get(role, ROLE_COLOURS["other"]),
                            "reports": [],
                            "count": 0,
                        },
                    }
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
            "reports": len(parts),
        }

    result: dict[str, Any] = desk.cached("map", (report, reviewed_only, redacted), build)
    return result


_MapPart = tuple[list[tuple[Any, str, dict[str, Any]]], list[tuple[Any, Any, str]]]


def _map_parts(desk: Desk, ids: list[str], reviewed_only: bool) -> dict[str, _MapPart]:
    records = desk.per_report(
        "records", reviewed_only, lambda stale: desk._effective(stale, reviewed_only)
    )
    return {rid: _map_part(records[rid]) for rid in ids if rid in records}


def _map_part(record: Record) -> _MapPart:
    """One report's share of the map: its placed places (merge key, role, evidence) and its
    route legs (merge key, geometry, role)."""
    rid = record.report.id
    places: list[tuple[Any, str, dict[str, Any]]] = []
    for place in record.places:
        if place.lat is None or place.lon is None:
            continue
        key = (place.name, round(place.lat, 4), round(place.lon, 4))
        evidence = {
            "report": rid,
            "title": record.report.title,
            "published": record.report.published,
            "key": place.key,
            "mention": place.mention,
            "role": place.role,
            "lat": place.lat,
            "lon": place.lon,
        }
        places.append((key, place.role, evidence))
    by_key = {p.key: p for p in record.places}
    legs: list[tuple[Any, Any, str]] = []
    for feature in _safe_routes(record):
        if feature["geometry"]["type"] != "LineString":
            continue
        props = feature["properties"]
        a, b = by_key.get(props["from"]), by_key.get(props["to"])
        if a is None or b is None:
            continue
        leg_key = (a.name, b.name, int(props["order"]), int(props.get("branch", 0)))
        legs.append((leg_key, feature["geometry"], b.role))
    return places, legs


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
        # Each report's dated events, remembered until that report changes (redacted views:
        # per write, like the redaction); only the first MAX_TIMELINE_EVENTS by date are
        # dressed with their cohort row and review mark.
        if redacted:
            records = _viewer_records(desk, reviewed_only, redacted=True)
            parts = {r.report.id: _timeline_part(r) for r in records}
        else:
            parts = desk.per_report(
                "timeline", reviewed_only, lambda ids: _timeline_parts(desk, ids, reviewed_only)
            )
        every = [e for part in parts.values() for e in part]
        truncated = len(every) > MAX_TIMELINE_EVENTS
        first = heapq.nsmallest(MAX_TIMELINE_EVENTS, every, key=lambda e: (e[0], e[1]))
        events = []
        for _, key, base in first:
            event = dict(base)
            event["row"] = cohort_of.get(key, "no cohort")
            event["unreviewed"] = key in unreviewed
            events.append(event)
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


_TimelinePart = list[tuple[str, str, dict[str, Any]]]


def _timeline_parts(desk: Desk, ids: list[str], reviewed_only: bool) -> dict[str, _TimelinePart]:
    records = desk.per_report(
        "records", reviewed_only, lambda stale: desk._effective(stale, reviewed_only)
    )
    return {rid: _timeline_part(records[rid]) for rid in ids if rid in records}


def _timeline_part(record: Record) -> _TimelinePart:
    """One report's dated events: (start, claim key, the event as the timeline shows it but
    for its cohort row and review mark)."""
    times = {t.id: t for t in record.times}
    out = []
    for event in record.events:
        t = times.get(event.time or "")
        if t is None or not (t.start or t.end):
            continue
        start = t.start or t.end
        end = t.end or t.start
        assert start is not None and end is not None
        base = {
            "row": None,
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
            "unreviewed": None,
            "certainty": event.certainty,
        }
        out.append((start, event.key, base))
    return out


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
