"""Views over every report: the cohort table, the map and the timeline.

Each is built from the *effective* records (reviews applied, rejected claims gone, hand-made
claims in; with `reviewed_only`, only claims an analyst accepted, edited or added) and cached by
`Desk.cached` until the store's next write. Unreviewed claims are marked, not hidden.
"""

from __future__ import annotations

import json
from bisect import bisect_left, insort
from collections import Counter
from datetime import date, timedelta
from typing import Any, get_args

from tumen.errors import InputError
from tumen.model import Record, TimePrecision
from tumen.web.desk import Desk
from tumen.web.redaction import redacted_record

ROLE_COLOURS = {
    "origin": "#c0392b",
    "transit": "#e67e22",
    "destination": "#2c7fb8",
    "workplace": "#7b3294",
    "other": "#7f8c8d",
}
# How much a date is worth: the timeline draws precise dates dark and vague ones pale. The
# order is the model's own, most precise first.
PRECISION_ORDER: tuple[str, ...] = get_args(TimePrecision)
MAX_EVIDENCE = 30  # per place on the map; the count says how many there are in all
MAX_TIMELINE_EVENTS = 2000


# -- cohorts -----------------------------------------------------------------------------------


def _facts(desk: Desk, reviewed_only: bool) -> tuple[list[Any], list[Any], Any, Any]:
    """(facts of every report, reprint links, grades, programme overrides).

    A report whose claims no review changed (none rejected or edited, none added by hand)
    has the facts the store keeps for the dispatch model: those are used as they are, parsed
    once per process, kept in memory by `desk.live` and shared with the store's own updates.
    The other reports' facts come from their effective record, worked out once per change of
    that report; with every claim not rejected they are the very objects the store's model
    reads too (`tumen.cohorts.store.reviewed_facts`), so the model the store's update built
    after an add is found again (`tumen.cohorts.store.cached_build`) rather than rebuilt.
    Reprint links and the analyst's programme operations come from the cohort model's own
    tables (in memory too, re-read only after a write to them).
    """
    from tumen.cohorts import facts_of
    from tumen.cohorts.store import reuse, reviewed_facts
    from tumen.store.reviews import review_print

    live = desk.live
    live.refresh()
    grades = live.grades
    stored: dict[str, Any] = {} if reviewed_only else live.facts
    changed = live.changed

    def build(ids: list[str]) -> dict[str, Any]:
        ids = [rid for rid in ids if rid in changed or rid not in stored]
        if not reviewed_only:
            wanted = {
                rid: (
                    stored.get(rid),
                    review_print(live.reviews.get(rid, {}), live.manual.get(rid, [])),
                )
                for rid in ids
            }
            return reviewed_facts(
                live.url, wanted, grades, lambda missing: live.effective(missing, False)
            )
        out: dict[str, Any] = {}
        for rid, record in (live.effective(ids, True) if ids else {}).items():
            last = _LAST_FACTS.get(rid)
            new = facts_of(record, outlets=grades)
            out[rid] = _LAST_FACTS[rid] = reuse(new, [] if last is None else [last])
        return out

    worked_out = desk.per_report("facts", reviewed_only, build)
    facts = list(worked_out.values())
    facts += [f for rid, f in stored.items() if rid not in changed and rid not in worked_out]
    return facts, list(live.links), grades, live.overrides


# The facts last worked out for a report's reviewed claims only: a review makes new facts
# objects, and the dispatch model keeps its cohorts by the identity of their claims.
_LAST_FACTS: dict[str, Any] = {}


def _build(
    facts: list[Any], *, as_of: str | None, grades: Any, reprints: Any, overrides: Any
) -> Any:
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
    still unreviewed."""
    return _cohorts(desk, as_of, reviewed_only)[0]


def cohorts_json(desk: Desk, *, as_of: str | None, reviewed_only: bool) -> bytes:
    """`cohorts_view` as the API sends it, encoded once per model and review state: the
    model's part once per model, the unreviewed list once per change of it."""

    def build() -> bytes:
        data, page = _cohorts(desk, as_of, reviewed_only)
        return page.encoded(data["unreviewed"])

    result: bytes = desk.cached("cohorts.json", (as_of or None, reviewed_only), build)
    return result


def _cohorts(
    desk: Desk, as_of: str | None, reviewed_only: bool
) -> tuple[dict[str, Any], _ModelPage]:
    if as_of:
        try:
            date.fromisoformat(as_of)
        except ValueError:
            raise InputError(f"as_of must be YYYY-MM-DD, not {as_of!r}") from None

    def build() -> tuple[dict[str, Any], _ModelPage]:
        facts, reprints, grades, overrides = _facts(desk, reviewed_only)
        model = _build(
            facts, as_of=as_of or None, grades=grades, reprints=reprints, overrides=overrides
        )
        page = _page_of(model)
        data = dict(page.data)
        data["unreviewed"] = page.unreviewed(desk.unreviewed_keys().reviewed)
        return data, page

    result: tuple[dict[str, Any], _ModelPage] = desk.cached(
        "cohorts", (as_of or None, reviewed_only), build
    )
    return result


def encode_json(data: Any) -> bytes:
    """What FastAPI's JSONResponse sends (compact, UTF-8, no NaN), by the C encoder."""
    return json.dumps(
        data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_jsonable
    ).encode("utf-8")


def _jsonable(obj: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(obj)


class _ModelPage:
    """A model's page data, the claim keys it cites, and what follows from them: the keys
    still unreviewed (updated from the change in the reviewed set, not re-checked key by key),
    its JSON bytes, and each cohort's row label and keys for the timeline."""

    __slots__ = (
        "model",
        "data",
        "cited",
        "cited_set",
        "rows",
        "_reviewed",
        "_unreviewed",
        "_head",
        "_unrev_json",
        "_unrev_bytes",
    )
    cited: list[str]
    cited_set: frozenset[str]

    def __init__(self, model: Any, before: _ModelPage | None = None) -> None:
        self.model = model
        self.data, keys, self.rows = _model_page(model)
        self.cited_set = frozenset(keys)
        self._reviewed: frozenset[str] | None = None
        self._unreviewed: list[str] = []
        self._head: list[bytes] | None = None
        self._unrev_json: list[str] | None = None
        self._unrev_bytes: list[bytes] = []
        added: list[str] = []
        removed: list[str] = []
        if before is not None:
            added = sorted(self.cited_set - before.cited_set)
            removed = sorted(before.cited_set - self.cited_set)
        if before is None or len(added) + len(removed) > _MAX_DELTA:
            full = None if model.as_of is None else _newest_page(None)
            if full is not None and self.cited_set <= full.cited_set:
                # A model as of a day cites (nearly always) a subset of what the model of
                # every report cites: keep that sorted list's keys, not sort them again.
                keep = self.cited_set.__contains__
                self.cited = list(filter(keep, full.cited))
                if full._reviewed is not None:
                    self._reviewed = full._reviewed
                    self._unreviewed = list(filter(keep, full._unreviewed))
            else:
                self.cited = sorted(keys)
        else:
            # A model rebuilt after one write cites nearly the keys of the one before: patch
            # that sorted list (and its unreviewed list) rather than sort ~100,000 keys again.
            self.cited = _patched(before.cited, added, removed)
            if before._reviewed is not None:
                reviewed = before._reviewed
                self._reviewed = reviewed
                self._unreviewed = _patched(
                    before._unreviewed,
                    [k for k in added if k not in reviewed and ":h:" not in k],
                    removed,
                )

    def unreviewed(self, reviewed: frozenset[str]) -> list[str]:
        """The cited keys not in `reviewed` and not made by hand, in key order. After a
        write only the keys whose review state changed are looked at."""
        old = self._reviewed
        if old is None:
            out = [k for k in self.cited if k not in reviewed and ":h:" not in k]
        elif old is reviewed or old == reviewed:
            out = self._unreviewed
        else:
            touched = sorted((old ^ reviewed) & self.cited_set)
            if not touched:
                out = self._unreviewed
            else:
                out = list(self._unreviewed)
                for k in touched:
                    if ":h:" in k:
                        continue
                    at = bisect_left(out, k)
                    present = at < len(out) and out[at] == k
                    if k in reviewed and present:
                        del out[at]
                    elif k not in reviewed and not present:
                        out.insert(at, k)
        self._reviewed, self._unreviewed = reviewed, out
        return out

    def encoded(self, unreviewed: list[str]) -> bytes:
        # Kept as pieces, joined once for the response: the megabytes of keys are copied once.
        if self._head is None:
            head: list[bytes] = []
            _write_parts(self.data, head)
            # Without the closing brace (`_write_dict` ends with it as a piece of its own).
            self._head = head[:-1] if head[-1] == b"}" else [b"".join(head)[:-1]]
        if self._unrev_json is not unreviewed:
            self._unrev_json = unreviewed
            self._unrev_bytes = []
            _write_parts(unreviewed, self._unrev_bytes)
        sep = b"," if self.data else b""
        return b"".join([*self._head, sep, b'"unreviewed":', *self._unrev_bytes, b"}"])


_MODEL_PAGES: dict[int, _ModelPage] = {}


def _newest_page(as_of: str | None) -> _ModelPage | None:
    """The page of the newest model as of this day (None: of every report) still kept."""
    return next((p for p in reversed(_MODEL_PAGES.values()) if p.model.as_of == as_of), None)


def _page_of(model: Any) -> _ModelPage:
    """The page data of a model: worked out once per model object."""
    page = _MODEL_PAGES.get(id(model))
    if page is None or page.model is not model:
        # The newest page of a model of the same day is the one to patch.
        page = _ModelPage(model, _newest_page(model.as_of))
        _MODEL_PAGES.pop(id(model), None)
        _MODEL_PAGES[id(model)] = page
        while len(_MODEL_PAGES) > 8:
            del _MODEL_PAGES[next(iter(_MODEL_PAGES))]
    return page


# Page data of the parts of a model, by the identity of the part: a model rebuilt after one
# report changed shares every untouched cohort and cluster with the one before
# (`tumen.cohorts.build` keeps them), so only the touched ones are turned into page data again.
_PARTS: dict[int, tuple[Any, Any]] = {}
_PARTS_KEPT = 4096


def _part(obj: Any, make: Any) -> Any:
    entry = _PARTS.get(id(obj))
    if entry is not None and entry[0] is obj:
        return entry[1]
    value = make(obj)
    _PARTS[id(obj)] = (obj, value)
    shown = value[0] if isinstance(value, tuple) else value
    _PART_BYTES[id(shown)] = (shown, None)
    while len(_PARTS) > _PARTS_KEPT:
        del _PARTS[next(iter(_PARTS))]
    while len(_PART_BYTES) > _PARTS_KEPT:
        del _PART_BYTES[next(iter(_PART_BYTES))]
    return value


# The JSON bytes of each part's page data (a cohort's or a cluster's dict), by the identity of
# that dict: a model's bytes are put together from them, so only rebuilt parts are encoded.
_PART_BYTES: dict[int, tuple[Any, bytes | None]] = {}
# Beyond this many changed cited keys, sorting them all again is as quick as patching.
_MAX_DELTA = 2000


def _patched(keys: list[str], added: list[str], removed: list[str]) -> list[str]:
    """Sorted `keys` without `removed` (where present) and with `added` (where absent)."""
    out = list(keys)
    for k in removed:
        at = bisect_left(out, k)
        if at < len(out) and out[at] == k:
            del out[at]
    for k in added:
        at = bisect_left(out, k)
        if at == len(out) or out[at] != k:
            out.insert(at, k)
    return out


def _encode_parts(obj: Any) -> bytes:
    """`encode_json(obj)`, byte for byte, but quicker on what the model pages are made of, and
    with each part's bytes (a cohort's or a cluster's dict) encoded once and kept: dicts and
    lists holding containers are put together around their items, lists of strings are
    joined in one go, the rest goes to the C encoder. The pieces are gathered in one list and
    joined once: joining at every level of nesting copied the megabytes of claim keys a model
    cites once per level."""
    out: list[bytes] = []
    _write_parts(obj, out)
    return b"".join(out)


def _write_parts(obj: Any, out: list[bytes]) -> None:
    if type(obj) is dict:
        entry = _PART_BYTES.get(id(obj))
        if entry is not None and entry[0] is obj:
            encoded = entry[1]
            if encoded is None:
                pieces: list[bytes] = []
                _write_dict(obj, pieces)
                encoded = b"".join(pieces)
                _PART_BYTES[id(obj)] = (obj, encoded)
            out.append(encoded)
            return
        _write_dict(obj, out)
        return
    if type(obj) is list and obj:
        if _write_str_list(obj, out):
            return
        if any(type(v) is dict or type(v) is list for v in obj):
            out.append(b"[")
            for i, v in enumerate(obj):
                if i:
                    out.append(b",")
                _write_parts(v, out)
            out.append(b"]")
            return
    out.append(encode_json(obj))


def _write_dict(obj: dict[Any, Any], out: list[bytes]) -> None:
    if not all(type(k) is str for k in obj):
        out.append(encode_json(obj))  # json's own key conversions
        return
    out.append(b"{")
    for i, (k, v) in enumerate(obj.items()):
        out.append(b"," + encode_json(k) + b":" if i else encode_json(k) + b":")
        _write_parts(v, out)
    out.append(b"}")


def _write_str_list(items: list[Any], out: list[bytes]) -> bool:
    """A list of strings that need no escaping, as JSON, by one join (2-4x the C encoder's
    speed on ~100,000 claim keys); False (nothing written) for anything else."""
    try:
        joined = '","'.join(items)
    except TypeError:
        return False
    # What the encoder escapes (with ensure_ascii off): the quote (counted), the backslash and
    # control characters. Claim keys are ASCII: their bytes are checked by one translate (a few
    # times quicker than str.isprintable on megabytes); other text must be printable (a few
    # printable-or-not characters then go to the C encoder too: correct, only slower).
    if joined.count('"') != 2 * (len(items) - 1):
        return False
    encoded = joined.encode("utf-8")
    if joined.isascii():
        if len(encoded.translate(None, _ESCAPED_ASCII)) != len(encoded):
            return False
    elif "\\" in joined or not joined.isprintable():
        return False
    out.extend((b'["', encoded, b'"]'))
    return True


# The bytes the JSON encoder escapes in ASCII text, besides the quote.
_ESCAPED_ASCII = bytes(range(32)) + b"\\"


def _cohort_page(cohort: Any) -> tuple[dict[str, Any], frozenset[str]]:
    data: dict[str, Any] = cohort.to_dict()
    keys = set(data.get("evidence", []))
    for stage in data.get("dates", {}).values():
        keys.update(stage.get("evidence", []))
    return data, frozenset(keys)


def _model_page(
    model: Any,
) -> tuple[dict[str, Any], set[str], list[tuple[str, frozenset[str]]]]:
    """The cohorts page's data of a model, every claim key it cites, and the
    timeline's rows: each cohort's label and the keys of its evidence and dates, in order."""
    keys: set[str] = set()
    programmes = []
    rows: list[tuple[str, frozenset[str]]] = []
    for p in model.programmes:
        cohorts = []
        for c in p.cohorts:
            shown, cited = _part(c, _cohort_page)
            cohorts.append(shown)
            keys |= cited
            rows.append((f"{p.name}: {shown['label']}", cited))
        programmes.append(
            {
                "id": p.id,
                "name": p.name,
                "origin": p.origin,
                "destination": p.destination,
                "period": {"start": p.period[0], "end": p.period[1]},
                "reports": p.reports,
                "cohorts": cohorts,
                "evidence": p.evidence,
            }
        )
        keys.update(p.evidence)
    data: dict[str, Any] = {
        "as_of": model.as_of,
        "programmes": programmes,
        "undated": model.undated,
    }
    clusters = [(c, _part(c, lambda cl: cl.to_dict())) for c in model.clusters]
    data["conflicts"] = [d for c, d in clusters if c.contradiction]
    # Every cluster by (cohort, slot), so each value in the table links to its claims.
    data["slots"] = {}
    for _, c in clusters:
        data["slots"].setdefault(c["cohort"], {})[c["slot"]] = c
    data["notes"] = list(model.notes)
    data["available"] = True
    data["claim_reports"] = {}
    for conflict in data["conflicts"]:
        for side in conflict["sides"]:
            keys.update(side["evidence"])
    return data, keys, rows


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
        records = _viewer_records(desk, reviewed_only, redacted=redacted)
        if report:
            records = [r for r in records if r.report.id == report]
        parts = _parts_of("map", records, _map_part)
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
        cohort_rows = _cohorts(desk, None, reviewed_only)[1].rows
        unreviewed = desk.unreviewed_keys()
        # Each report's dated events, remembered until that report changes (redacted views:
        # per write, like the redaction), kept in one list sorted by date that a write
        # updates report by report; only the first MAX_TIMELINE_EVENTS are dressed with their
        # cohort row (the first cohort citing the event) and review mark.
        records = _viewer_records(desk, reviewed_only, redacted=redacted)
        parts = _parts_of("timeline", records, _timeline_part)
        order = _sorted_events((reviewed_only, redacted), parts)
        truncated = len(order) > MAX_TIMELINE_EVENTS
        events = []
        for _, key, rid, n in order[:MAX_TIMELINE_EVENTS]:
            event = dict(parts[rid][n][2])
            event["row"] = next((label for label, keys in cohort_rows if key in keys), "no cohort")
            event["unreviewed"] = key in unreviewed
            events.append(event)
        rows = [label for label, _ in cohort_rows]
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
_Order = list[tuple[str, str, str, int]]
# Per (reviewed_only, redacted): the parts the sorted list was made of, and the list of every
# dated event as (start, key, report, index in its part), sorted.
_TIMELINES: dict[tuple[bool, bool], tuple[dict[str, Any], _Order]] = {}


def _sorted_events(which: tuple[bool, bool], parts: dict[str, _TimelinePart]) -> _Order:
    """Every dated event in (start, key) order. After a write only the reports whose part is
    a new object are taken out and put back in (by bisection), not all events sorted again."""
    old = _TIMELINES.get(which)
    if old is not None:
        before, order = old
        gone = [rid for rid, part in before.items() if parts.get(rid) is not part]
        new = [rid for rid, part in parts.items() if before.get(rid) is not part]
    if old is None or len(gone) + len(new) > 256:
        order = sorted(
            (e[0], e[1], rid, n) for rid, part in parts.items() for n, e in enumerate(part)
        )
    else:
        order = list(order)
        for rid in gone:
            for n, e in enumerate(before[rid]):
                at = bisect_left(order, (e[0], e[1], rid, n))
                del order[at]
        for rid in new:
            for n, e in enumerate(parts[rid]):
                insort(order, (e[0], e[1], rid, n))
    _TIMELINES[which] = (dict(parts), order)
    return order


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
    """Every report's effective record, as a user may see it: with `redacted`, as a viewer
    (every sensitive detail blanked). Each report's redacted record is worked out once and
    kept until that report or the marks change (`redaction.redacted_record`)."""
    records = list(desk.live.records(reviewed_only).values())
    if not redacted:
        return records
    marks = desk.live.marks
    if not marks:
        return records
    return [redacted_record(desk, r, marks) for r in records]


# One report's share of a view, by the identity of the record it came from: a record object is
# kept until its report changes (`Desk.per_report`), and a redacted one until the marks change
# too, so a share is worked out once per change of its report, not per write to the store.
_SHARES: dict[str, dict[str, tuple[Record, Any]]] = {}


def _parts_of(name: str, records: list[Record], make: Any) -> dict[str, Any]:
    memo = _SHARES.setdefault(name, {})
    out = {}
    for record in records:
        rid = record.report.id
        entry = memo.get(rid)
        if entry is None or entry[0] is not record:
            # Views with and without redaction alternate: keep both while they last.
            alt = memo.get(rid + "#")
            if alt is not None and alt[0] is record:
                entry = alt
            else:
                entry = (record, make(record))
                if rid in memo:
                    memo[rid + "#"] = memo[rid]
            memo[rid] = entry
        out[rid] = entry[1]
    return out


def warm(desk: Desk) -> None:
    """Build the views over every report once, so that the first visitor does not wait for
    10,000 records to be read (`tumen serve` runs this in the background at start)."""
    cohorts_view(desk, as_of=None, reviewed_only=False)
    map_view(desk, report=None, reviewed_only=False, redacted=False)
    timeline_view(desk, reviewed_only=False, redacted=False)
