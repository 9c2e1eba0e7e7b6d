"""What the dispatch model needs from one record: its claims, flattened and keyed.

A record is large (the report text, every mention); the model needs only a little of it per
event. `facts_of(record)` keeps that little as plain values (a `ReportFacts` with its
`Claim`s), so the store can keep it in a compact row and rebuild the model from thousands of
reports without re-reading whole records. Every value keeps the key of the item it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from tumen.cohorts.sources import cited_publishers, derivative_of, outlet_of, sketch_of
from tumen.model import Record

# A range of numbers: (min, max); either bound may be None (open or unknown).
Range = tuple[float | None, float | None]

# Countries named in programme titles; anything else shows its ISO code.
COUNTRY_NAMES = {
    "KP": "DPRK",
    "RU": "Russia",
    "UA": "Ukraine",
    "CN": "China",
    "MN": "Mongolia",
    "AE": "United Arab Emirates",
    "QA": "Qatar",
    "KW": "Kuwait",
    "LA": "Laos",
    "VN": "Vietnam",
    "KH": "Cambodia",
    "NG": "Nigeria",
}
# The occupied east of Ukraine is a destination of its own: reports of dispatches there name
# Russia as the route, and the de jure country (UA) alone would merge it with free Ukraine.
OCCUPIED = "UA-OCC"
REGION_NAMES = {OCCUPIED: "occupied eastern Ukraine", "??": "destination unknown"}
_OCCUPIED_MARKERS = re.compile(
    r"occupied|donbas|donetsk|luhansk|lugansk|zaporizh|kherson|crimea|\bDPR\b|\bLPR\b",
    re.IGNORECASE,
)
DEFAULT_ORIGIN = "KP"  # Tumen follows DPRK workers: the sending country unless a record says

# "another selection", "additional recruitments", "a request for more personnel": a selection
# outside the numbered rounds.
_EXTRA = re.compile(
    r"\b(?:another|additional|extra|further|new|more)\b(?:\s+\w+){0,2}?\s+"
    r"(?:selections?|recruit\w*|rounds?|workers|labou?rers|personnel|slots|people)\b",
    re.IGNORECASE,
)
# A worker count that is the size of one team ("teams of 30 to 60", "50 in each team").
_TEAM_BEFORE = re.compile(
    r"\b(?:teams?|groups?|units?)\s+of\s+(?:about\s+|around\s+|some\s+)?$", re.I
)
_TEAM_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:in\s+each|per|each|every|a)\s+(?:team|group|unit)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)\s+|\n+")


@dataclass(frozen=True, slots=True)
class Claim:
    """One event of one report, with the values the model reads and the keys they rest on."""

    key: str
    report: str
    type: str
    status: str
    round: int | None
    certainty: str
    attribution_kind: str
    attribution: str | None  # the attribution's mention, e.g. "A source in North Korea"
    extra: bool = False  # a selection outside the numbered rounds
    total: Range | None = None  # a stated number of workers
    total_key: str | None = None
    total_approx: bool = False
    teams: Range | None = None  # a number of teams
    teams_key: str | None = None
    team_size: Range | None = None  # workers per team
    team_size_key: str | None = None
    time: tuple[str | None, str | None] | None = None
    time_key: str | None = None
    route: tuple[str, ...] = ()  # transit and destination place names, in text order
    route_keys: tuple[str, ...] = ()
    duration: Range | None = None  # days, for terms
    duration_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        values = dict(data)
        for name in ("total", "teams", "team_size", "time", "duration"):
            if values.get(name) is not None:
                values[name] = tuple(values[name])
        for name in ("route", "route_keys"):
            values[name] = tuple(values.get(name) or ())
        return cls(**values)


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the model knows of one report."""

    id: str
    published: str | None
    publisher: str | None
    outlet: str  # the publisher whose reporting this is (a wire story's agency)
    relevant: bool
    origin: str
    destination: str
    cites: tuple[str, ...] = ()  # outlets the text cites as its sources
    derived_from: str | None = None  # the outlet this report retells, if it retells one
    cites_own_earlier: bool = False  # "Daily NK reported last month"
    sketch: tuple[int, ...] = ()  # shingle hashes for finding reprints (see sources.py)
    claims: tuple[Claim, ...] = ()
    title: str | None = None
    text: str | None = field(default=None, compare=False, repr=False)  # kept only in memory

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published,
            "publisher": self.publisher,
            "outlet": self.outlet,
            "relevant": self.relevant,
            "origin": self.origin,
            "destination": self.destination,
            "cites": list(self.cites),
            "derived_from": self.derived_from,
            "cites_own_earlier": self.cites_own_earlier,
            "sketch": list(self.sketch),
            "claims": [c.to_dict() for c in self.claims],
            "title": self.title,
        }

    def to_row(self) -> dict[str, Any]:
        """The compact form the store keeps (no sketch, no text): values by position, so
        that a fresh process reads 10,000 reports' facts in a fraction of the dict form's
        time. `from_dict` reads both forms."""
        return {
            "v": ROW_VERSION,
            "report": [
                self.id,
                self.published,
                self.publisher,
                self.outlet,
                self.relevant,
                self.origin,
                self.destination,
                list(self.cites),
                self.derived_from,
                self.cites_own_earlier,
                self.title,
            ],
            "claims": [[_plain(getattr(c, name)) for name in _CLAIM_FIELDS] for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str | None = None) -> ReportFacts:
        if data.get("v") == ROW_VERSION:
            return cls._from_row(data, text)
        return cls(
            id=data["id"],
            published=data["published"],
            publisher=data["publisher"],
            outlet=data["outlet"],
            relevant=data["relevant"],
            origin=data["origin"],
            destination=data["destination"],
            cites=tuple(data["cites"]),
            derived_from=data["derived_from"],
            cites_own_earlier=data["cites_own_earlier"],
            sketch=tuple(data.get("sketch") or ()),
            claims=tuple(Claim.from_dict(c) for c in data["claims"]),
            title=data.get("title"),
            text=text,
        )

    @classmethod
    def _from_row(cls, data: dict[str, Any], text: str | None) -> ReportFacts:
        (rid, published, publisher, outlet, relevant, origin, destination, cites, derived,
         own, title) = data["report"]  # fmt: skip
        claims = []
        for values in data["claims"]:
            for i in _CLAIM_TUPLES:
                if values[i] is not None:
                    values[i] = tuple(values[i])
            claims.append(Claim(*values))
        return cls(
            id=rid,
            published=published,
            publisher=publisher,
            outlet=outlet,
            relevant=relevant,
            origin=origin,
            destination=destination,
            cites=tuple(cites),
            derived_from=derived,
            cites_own_earlier=own,
            claims=tuple(claims),
            title=title,
            text=text,
        )


ROW_VERSION = 2
_CLAIM_FIELDS = Claim.__slots__
# Positions of the fields stored as JSON lists that the model reads as tuples.
_CLAIM_TUPLES = tuple(
    i
    for i, name in enumerate(_CLAIM_FIELDS)
    if name in ("total", "teams", "team_size", "time", "duration", "route", "route_keys")
)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def region_of(country: str | None, *names: str | None) -> str | None:
    """The destination region of a place: its country, or the occupied east of Ukraine."""
    if country is None:
        return None
    if country == "UA" and any(n and _OCCUPIED_MARKERS.search(n) for n in names):
        return OCCUPIED
    return country


def region_name(region: str) -> str:
    return REGION_NAMES.get(region) or COUNTRY_NAMES.get(region, region)


def facts_of(record: Record, *, outlets: Any = None) -> ReportFacts:
    """Flatten one record into the facts the model needs. Pure.

    `outlets` is the publisher table of `tumen.cohorts.grades` (aliases for citation finding);
    the shipped defaults are used when it is None.
    """
    from tumen.cohorts.grades import cached_grades

    grades = outlets if outlets is not None else cached_grades()
    report = record.report
    text = report.text
    outlet = outlet_of(report.publisher, grades)
    cites, own_earlier = cited_publishers(text, outlet, grades)
    relevant = record.relevance.relevant
    claims = tuple(_claims(record)) if relevant else ()
    return ReportFacts(
        id=report.id,
        published=report.published,
        publisher=report.publisher,
        outlet=outlet,
        relevant=relevant,
        origin=_origin(record),
        destination=_destination(record),
        cites=cites,
        derived_from=derivative_of(text, outlet, grades),
        cites_own_earlier=own_earlier,
        sketch=sketch_of(text),
        claims=claims,
        title=report.title,
        text=text,
    )


def _origin(record: Record) -> str:
    counts: dict[str, int] = {}
    for place in record.places:
        if place.role == "origin" and place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    if not counts:
        return DEFAULT_ORIGIN
    return min(counts, key=lambda c: (-counts[c], c))


def _destination(record: Record) -> str:
    """The region a report's dispatch goes to: the occupied east first (see OCCUPIED), then
    the region with most destination or workplace mentions, ties by code."""
    counts: dict[str, int] = {}
    for place in record.places:
        if place.role in ("destination", "workplace"):
            region = region_of(place.country, place.name, place.admin1, place.mention)
            if region and region != DEFAULT_ORIGIN:
                counts[region] = counts.get(region, 0) + 1
    if not counts:
        return "??"
    if OCCUPIED in counts:
        return OCCUPIED
    return min(counts, key=lambda r: (-counts[r], r))


def _sentence_bounds(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]


def _sentence_of(bounds: list[int], offset: int) -> tuple[int, int]:
    i = bisect_right(bounds, offset) - 1
    i = max(0, min(i, len(bounds) - 2))
    return bounds[i], bounds[i + 1]


def _is_team_size(text: str, span: tuple[int, int]) -> bool:
    start, end = span
    return bool(
        _TEAM_BEFORE.search(text[max(0, start - 30) : start]) or _TEAM_AFTER.match(text[end:])
    )


def _claims(record: Record) -> list[Claim]:
    text = record.report.text
    bounds = _sentence_bounds(text)
    quantities = {q.id: q for q in record.quantities}
    times = {t.id: t for t in record.times}
    places = {p.id: p for p in record.places}
    durations = {d.id: d for d in record.durations}
    teams_q = [q for q in record.quantities if q.unit == "teams"]
    sizes_q = [q for q in record.quantities if q.unit == "workers" and _is_team_size(text, q.span)]
    claims = []
    for event in record.events:
        first = event.evidence[0].span
        # The event's sentences, and the next one: "six teams" then "about 50 in each team".
        lo, hi = _sentence_of(bounds, first[0])
        last = event.evidence[-1].span
        hi = max(hi, _sentence_of(bounds, max(last[1] - 1, last[0]))[1])
        hi_next = _sentence_of(bounds, min(hi, len(text) - 1))[1] if hi < len(text) else hi
        window = text[lo:hi] + " " + " ".join(e.text for e in event.evidence)
        # Only a selection or a request can open an extra cohort; "send more workers" cannot.
        extra = (
            event.round is None
            and event.type in ("recruitment", "demand")
            and bool(_EXTRA.search(window) or (event.cue and _EXTRA.search(event.cue)))
        )
        total = team_size = teams = None
        total_key = team_size_key = teams_key = None
        approx = False
        q = quantities.get(event.workers) if event.workers else None
        if q is not None and q.unit == "workers" and (q.min is not None or q.max is not None):
            if _is_team_size(text, q.span):
                team_size, team_size_key = (q.min, q.max), q.key
            else:
                total, total_key, approx = (q.min, q.max), q.key, q.approximate
        for t in teams_q:
            if lo <= t.span[0] < hi and t.min is not None:
                teams, teams_key = (t.min, t.max), t.key
                break
        if teams is not None and team_size is None:
            for s in sizes_q:
                if lo <= s.span[0] < hi_next and s.min is not None:
                    team_size, team_size_key = (s.min, s.max), s.key
                    break
        time = times.get(event.time) if event.time else None
        duration = durations.get(event.duration) if event.duration else None
        route = [
            places[p]
            for p in event.places
            if p in places and places[p].role in ("transit", "destination", "workplace")
        ]
        route.sort(key=lambda p: p.span)
        claims.append(
            Claim(
                key=event.key,
                report=record.report.id,
                type=event.type,
                status=event.status,
                round=event.round,
                certainty=event.certainty,
                attribution_kind=event.attribution.kind,
                attribution=event.attribution.mention,
                extra=extra,
                total=total,
                total_key=total_key,
                total_approx=approx,
                teams=teams,
                teams_key=teams_key,
                team_size=team_size,
                team_size_key=team_size_key,
                time=(time.start, time.end) if time and (time.start or time.end) else None,
                time_key=time.key if time and (time.start or time.end) else None,
                route=tuple(p.name for p in route),
                route_keys=tuple(p.key for p in route),
                duration=(duration.min_days, duration.max_days) if duration else None,
                duration_key=duration.key if duration else None,
            )
        )
    claims.sort(key=lambda c: c.key)
    return claims
