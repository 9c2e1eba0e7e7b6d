"""The canonical extraction record, `tumen.extraction/1`.

Every stage reads and writes these types; nothing else passes between stages. The field order
and names follow `shared/spec/extraction.md` exactly, and `Record.to_dict()` is the one place
that turns the model into the public JSON.

Spans are code-point offsets into `Report.text`, half-open: `text[start:end] == mention`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA = "tumen.extraction/1"

Span = tuple[int, int]

PlaceKind = Literal[
    "country", "region", "city", "town", "station", "border_crossing", "port", "facility"
]
Role = Literal["origin", "transit", "destination", "workplace", "other"]
Relation = Literal["on", "before", "after", "from", "until", "by", "since", "during", "around"]
TimePrecision = Literal[
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
]
Anchor = Literal["absolute", "published", "unresolved"]
QuantityUnit = Literal["workers", "teams", "money", "other"]
Per = Literal["month", "year", "day", "hour", "worker", "worker_month"]
ActorKind = Literal[
    "state", "agency", "company", "person", "media", "international_body", "ngo", "source"
]
EventType = Literal[
    "recruitment",
    "demand",
    "standby",
    "departure",
    "transit",
    "arrival",
    "deployment",
    "extension",
    "return",
    "terms",
    "revenue",
    "abuse",
    "evasion",
    "defection",
    "enforcement",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]  # Literal keeps its values here
Status = Literal["planned", "ongoing", "completed", "delayed", "cancelled", "unknown"]
Certainty = Literal["certain", "likely", "possible", "doubtful", "unknown"]
AttributionKind = Literal[
    "insider_source",
    "report_author",
    "official",
    "government",
    "other_media",
    "ngo",
    "international_body",
    "unknown",
]
Sector = Literal[
    "construction", "logging", "fishing", "seafood", "it", "agriculture", "manufacturing", "other"
]
SanctionRelation = Literal["cited", "implicated"]


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


@dataclass(slots=True)
class Report:
    """One report as read: the decoded text and what is known about where it came from."""

    id: str
    sha256: str
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    language: str = "en"
    encoding: str | None = "utf-8"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "encoding": self.encoding,
            "text": self.text,
        }


@dataclass(slots=True)
class Relevance:
    relevant: bool
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"relevant": self.relevant, "score": round(self.score, 4)}


@dataclass(slots=True)
class Sentence:
    """A sentence of the report: a span, never a copy of the text."""

    start: int
    end: int


@dataclass(slots=True)
class Place:
    mention: str
    span: Span
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: PlaceKind
    precision: int
    role: Role = "other"
    admin1: str | None = None
    gazetteer: str | None = None
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "mention": self.mention,
            "span": _span(self.span),
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
            "precision": self.precision,
            "role": self.role,
            "gazetteer": self.gazetteer,
        }


@dataclass(slots=True)
class TimeExpression:
    mention: str
    span: Span
    start: str | None
    end: str | None
    relation: Relation
    precision: TimePrecision
    anchor: Anchor
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "mention": self.mention,
            "span": _span(self.span),
            "start": self.start,
            "end": self.end,
            "relation": self.relation,
            "precision": self.precision,
            "anchor": self.anchor,
        }


@dataclass(slots=True)
class Quantity:
    mention: str
    span: Span
    unit: QuantityUnit
    min: float | None
    max: float | None
    approximate: bool = False
    currency: str | None = None
    per: Per | None = None
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "mention": self.mention,
            "span": _span(self.span),
            "unit": self.unit,
            "min": _number(self.min),
            "max": _number(self.max),
            "approximate": self.approximate,
            "currency": self.currency,
            "per": self.per,
        }


@dataclass(slots=True)
class Duration:
    mention: str
    span: Span
    min_days: float | None
    max_days: float | None
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "mention": self.mention,
            "span": _span(self.span),
            "min_days": _number(self.min_days),
            "max_days": _number(self.max_days),
        }


@dataclass(slots=True)
class Frequency:
    mention: str
    span: Span
    times: float
    per_days: float
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "mention": self.mention,
            "span": _span(self.span),
            "times": _number(self.times),
            "per_days": _number(self.per_days),
        }


@dataclass(slots=True)
class Actor:
    mention: str
    span: Span
    name: str
    kind: ActorKind
    country: str | None = None
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "mention": self.mention,
            "span": _span(self.span),
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
        }


@dataclass(slots=True)
class Evidence:
    span: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": _span(self.span), "text": self.text}


@dataclass(slots=True)
class Attribution:
    """Who makes a claim. `mention`/`span` are null for the publication's own unmarked voice."""

    kind: AttributionKind
    mention: str | None = None
    span: Span | None = None
    actor: str | None = None  # local actor id, "a1"

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "span": _span(self.span),
            "kind": self.kind,
            "actor": self.actor,
        }


@dataclass(slots=True)
class Event:
    type: EventType
    evidence: list[Evidence]
    status: Status = "unknown"
    round: int | None = None
    certainty: Certainty = "certain"
    certainty_cue: str | None = None
    attribution: Attribution = field(default_factory=lambda: Attribution(kind="report_author"))
    places: list[str] = field(default_factory=list)  # local place ids
    time: str | None = None
    workers: str | None = None
    duration: str | None = None
    sector: Sector | None = None
    cue: str | None = None
    id: str = ""
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "type": self.type,
            "status": self.status,
            "round": self.round,
            "certainty": self.certainty,
            "certainty_cue": self.certainty_cue,
            "attribution": self.attribution.to_dict(),
            "places": list(self.places),
            "time": self.time,
            "workers": self.workers,
            "duration": self.duration,
            "sector": self.sector,
            "cue": self.cue,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(slots=True)
class SanctionLink:
    instrument: str
    relation: SanctionRelation
    rationale: str
    provision: str | None = None
    events: list[str] = field(default_factory=list)  # local event ids
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "provision": self.provision,
            "relation": self.relation,
            "rationale": self.rationale,
            "events": list(self.events),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(slots=True)
class Extractor:
    name: str = "tumen"
    version: str = "0.1.0"
    rules: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "rules": self.rules}


@dataclass(slots=True)
class Record:
    """One report's extraction record: what `tumen extract --format json` prints."""

    report: Report
    relevance: Relevance
    extractor: Extractor = field(default_factory=Extractor)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    durations: list[Duration] = field(default_factory=list)
    frequencies: list[Frequency] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sanctions: list[SanctionLink] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "extractor": self.extractor.to_dict(),
            "report": self.report.to_dict(),
            "relevance": self.relevance.to_dict(),
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "durations": [d.to_dict() for d in self.durations],
            "frequencies": [f.to_dict() for f in self.frequencies],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "sanctions": [s.to_dict() for s in self.sanctions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Read a record back from its JSON form (the store keeps records as JSON)."""
        r = data["report"]
        report = Report(**{f: r[f] for f in _field_names(Report) if f in r})
        ex = data.get("extractor") or {}
        return cls(
            report=report,
            relevance=Relevance(**data["relevance"]),
            extractor=Extractor(**{f: ex[f] for f in _field_names(Extractor) if f in ex}),
            places=[_mention_from(Place, p) for p in data.get("places", [])],
            times=[_mention_from(TimeExpression, t) for t in data.get("times", [])],
            quantities=[_mention_from(Quantity, q) for q in data.get("quantities", [])],
            durations=[_mention_from(Duration, d) for d in data.get("durations", [])],
            frequencies=[_mention_from(Frequency, f) for f in data.get("frequencies", [])],
            actors=[_mention_from(Actor, a) for a in data.get("actors", [])],
            events=[_event_from(e) for e in data.get("events", [])],
            sanctions=[
                SanctionLink(
                    instrument=s["instrument"],
                    relation=s["relation"],
                    rationale=s["rationale"],
                    provision=s.get("provision"),
                    events=list(s["events"]),
                    evidence=_evidence_from(s["evidence"]),
                )
                for s in data.get("sanctions", [])
            ],
        )


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


M = TypeVar("M")


def _mention_from(cls: type[M], data: dict[str, Any]) -> M:
    """A mention item from its JSON: the same keys as the dataclass, spans as tuples."""
    values = {name: data[name] for name in _field_names(cls) if name in data}
    values["span"] = (data["span"][0], data["span"][1])
    return cls(**values)


def _evidence_from(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(span=(e["span"][0], e["span"][1]), text=e["text"]) for e in items]


def _event_from(data: dict[str, Any]) -> Event:
    values = {name: data[name] for name in _field_names(Event) if name in data}
    a = data["attribution"]
    values["attribution"] = Attribution(
        kind=a["kind"],
        mention=a["mention"],
        span=None if a["span"] is None else (a["span"][0], a["span"][1]),
        actor=a.get("actor"),
    )
    values["evidence"] = _evidence_from(data["evidence"])
    values["places"] = list(data["places"])
    return Event(**values)


def _number(value: float | None) -> float | int | None:
    """Whole numbers serialise as integers (730, not 730.0)."""
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return value
