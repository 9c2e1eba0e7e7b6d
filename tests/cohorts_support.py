"""Hand-made records for the dispatch model's tests: the team's own sentences in the genre's
phrasing, with items placed by the mentions they name (never text from the corpus)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tumen.ids import event_key, item_key, report_id, text_sha256
from tumen.model import (
    Attribution,
    Duration,
    Event,
    Evidence,
    Place,
    Quantity,
    Record,
    Relevance,
    Report,
    TimeExpression,
)


@dataclass
class Ev:
    type: str
    evidence: str  # a substring of the text
    status: str = "unknown"
    round: int | None = None
    certainty: str = "certain"
    workers: str | None = None  # mention of a quantity
    time: str | None = None  # mention of a time
    places: tuple[str, ...] = ()  # mentions of places
    duration: str | None = None
    attribution: tuple[str, str | None] = ("insider_source", None)
    extra: dict[str, Any] = field(default_factory=dict)


def _span(text: str, mention: str) -> tuple[int, int]:
    start = text.index(mention)
    return start, start + len(mention)


def record(
    text: str,
    *,
    published: str | None,
    publisher: str | None = "Daily NK",
    relevant: bool = True,
    places: tuple[tuple[str, str, str, str], ...] = (),  # mention, name, country, role
    quantities: tuple[tuple[Any, ...], ...] = (),  # mention, unit, min, max[, approximate]
    times: tuple[tuple[str, str | None, str | None], ...] = (),  # mention, start, end
    durations: tuple[tuple[str, float | None, float | None], ...] = (),
    events: tuple[Ev, ...] = (),
) -> Record:
    sha = text_sha256(text)
    rid = report_id(sha)
    report = Report(id=rid, sha256=sha, text=text, publisher=publisher, published=published)
    rec = Record(report=report, relevance=Relevance(relevant=relevant, score=0.9))
    ids: dict[str, str] = {}
    for n, (mention, name, country, role) in enumerate(places, 1):
        span = _span(text, mention)
        rec.places.append(
            Place(
                mention=mention,
                span=span,
                name=name,
                country=country,
                lat=None,
                lon=None,
                kind="city",
                precision=1,
                role=role,  # type: ignore[arg-type]
                id=f"p{n}",
                key=item_key(rid, "place", span),
            )
        )
        ids[mention] = f"p{n}"
    for n, q in enumerate(quantities, 1):
        mention, unit, lo, hi = q[:4]
        span = _span(text, mention)
        rec.quantities.append(
            Quantity(
                mention=mention,
                span=span,
                unit=unit,
                min=lo,
                max=hi,
                approximate=bool(q[4]) if len(q) > 4 else False,
                id=f"q{n}",
                key=item_key(rid, "quantity", span),
            )
        )
        ids[mention] = f"q{n}"
    for n, (mention, start, end) in enumerate(times, 1):
        span = _span(text, mention)
        rec.times.append(
            TimeExpression(
                mention=mention,
                span=span,
                start=start,
                end=end,
                relation="on",
                precision="day",
                anchor="absolute",
                id=f"t{n}",
                key=item_key(rid, "time", span),
            )
        )
        ids[mention] = f"t{n}"
    for n, (mention, lo, hi) in enumerate(durations, 1):
        span = _span(text, mention)
        rec.durations.append(
            Duration(
                mention=mention,
                span=span,
                min_days=lo,
                max_days=hi,
                id=f"d{n}",
                key=item_key(rid, "duration", span),
            )
        )
        ids[mention] = f"d{n}"
    for n, ev in enumerate(events, 1):
        span = _span(text, ev.evidence)
        kind, who = ev.attribution
        rec.events.append(
            Event(
                type=ev.type,  # type: ignore[arg-type]
                evidence=[Evidence(span=span, text=ev.evidence)],
                status=ev.status,  # type: ignore[arg-type]
                round=ev.round,
                certainty=ev.certainty,  # type: ignore[arg-type]
                attribution=Attribution(
                    kind=kind,  # type: ignore[arg-type]
                    mention=who,
                    span=_span(text, who) if who else None,
                ),
                places=[ids[p] for p in ev.places],
                time=ids[ev.time] if ev.time else None,
                workers=ids[ev.workers] if ev.workers else None,
                duration=ids[ev.duration] if ev.duration else None,
                id=f"e{n}",
                key=event_key(rid, ev.type, ev.round, span),
            )
        )
    return rec


# The running example: a dispatch to the occupied east, told over six weeks by several outlets.
# Every sentence is the team's own.

FIRST = record(
    "A source inside North Korea told Daily NK that officials have finished choosing 800 to "
    "1,000 workers in Pyongyang for the occupied Donbas. The workers are due to leave in early "
    "November, travelling in groups of 30 to 60.",
    published="2022-10-17",
    places=(
        ("Pyongyang", "Pyongyang", "KP", "origin"),
        ("occupied Donbas", "Donbas", "UA", "destination"),
    ),
    quantities=(("800 to 1,000", "workers", 800, 1000), ("30 to 60", "workers", 30, 60)),
    times=(("early November", "2022-11-01", "2022-11-10"),),
    events=(
        Ev(
            "recruitment",
            "finished choosing 800 to 1,000 workers",
            status="completed",
            round=1,
            workers="800 to 1,000",
            places=("Pyongyang",),
        ),
        Ev(
            "departure",
            "due to leave in early November",
            status="planned",
            round=1,
            time="early November",
            places=("occupied Donbas",),
        ),
    ),
)

SECOND = record(
    "From Nov. 1, officials will hold a second round of selections for work in the occupied "
    "Donbas, a source told Daily NK. The second round is to make up six teams. Roughly 50 "
    "workers will serve in each team.",
    published="2022-10-24",
    places=(("occupied Donbas", "Donbas", "UA", "destination"),),
    quantities=(("six teams", "teams", 6, 6), ("Roughly 50", "workers", 50, 50, True)),
    times=(("Nov. 1", "2022-11-01", "2022-11-01"),),
    events=(
        Ev(
            "recruitment",
            "hold a second round of selections",
            status="planned",
            round=2,
            time="Nov. 1",
        ),
        Ev("recruitment", "The second round is to make up six teams", status="planned", round=2),
    ),
)

THIRD = record(
    "A second round was planned, Daily NK reported last month. The source now says the "
    "second round of selections is complete, and another selection is under way after Moscow "
    "asked for more workers. The workers meant to leave in early November have yet to leave "
    "the country, and nobody could say why the departure has slipped.",
    published="2022-11-28",
    places=(),
    times=(("early November", "2022-11-01", "2022-11-10"),),
    events=(
        Ev("recruitment", "second round of selections is complete", status="completed", round=2),
        Ev("recruitment", "another selection is under way", status="ongoing"),
        Ev(
            "departure",
            "meant to leave in early November have yet to leave",
            status="delayed",
            time="early November",
        ),
    ),
)

# Another outlet retelling Daily NK: its claim is Daily NK's, not a second source.
RETOLD = record(
    "According to Daily NK, the second round of selections picked about 300 workers bound for "
    "the occupied Donbas.",
    published="2022-12-01",
    publisher="Example Wire",
    places=(("occupied Donbas", "Donbas", "UA", "destination"),),
    quantities=(("about 300", "workers", 300, 300, True),),
    events=(
        Ev(
            "recruitment",
            "the second round of selections picked about 300 workers",
            status="completed",
            round=2,
            workers="about 300",
            attribution=("other_media", "According to Daily NK"),
        ),
    ),
)

# An outlet with its own source: an independent voice on the same round.
INDEPENDENT = record(
    "A trader in Rason told NK News that the second round of selections chose close to 300 "
    "labourers for the occupied Donbas.",
    published="2022-12-05",
    publisher="NK News",
    places=(("occupied Donbas", "Donbas", "UA", "destination"),),
    quantities=(("close to 300", "workers", 300, 300, True),),
    events=(
        Ev(
            "recruitment",
            "the second round of selections chose close to 300",
            status="completed",
            round=2,
            workers="close to 300",
            attribution=("insider_source", "A trader in Rason"),
        ),
    ),
)

# A contradicting voice on the size of the second round.
RIVAL = record(
    "A broker in Dandong told KBS that the second round of selections took 1,500 workers for the "
    "occupied Donbas.",
    published="2022-12-08",
    publisher="KBS",
    places=(("occupied Donbas", "Donbas", "UA", "destination"),),
    quantities=(("1,500", "workers", 1500, 1500),),
    events=(
        Ev(
            "recruitment",
            "the second round of selections took 1,500 workers",
            status="completed",
            round=2,
            workers="1,500",
            attribution=("insider_source", "A broker in Dandong"),
        ),
    ),
)

_COPIED_PARAGRAPH = (
    "A trader in Rason told NK News that the second round of selections chose close to 300 "
    "labourers for the occupied Donbas."
)
# A blog copying NK News's paragraph word for word, under its own name.
REPRINT = record(
    "Posted by the editors.\n\n" + _COPIED_PARAGRAPH + "\n\nShare this post with friends.",
    published="2022-12-09",
    publisher="Some Blog",
    places=(("occupied Donbas", "Donbas", "UA", "destination"),),
    quantities=(("close to 300", "workers", 300, 300, True),),
    events=(
        Ev(
            "recruitment",
            "the second round of selections chose close to 300",
            status="completed",
            round=2,
            workers="close to 300",
            attribution=("insider_source", "A trader in Rason"),
        ),
    ),
)

UNDATED = record(
    "Workers from the second round have reportedly reached the occupied Donbas, a source said.",
    published=None,
    places=(("occupied Donbas", "Donbas", "UA", "destination"),),
    events=(
        Ev(
            "arrival",
            "have reportedly reached the occupied Donbas",
            status="completed",
            round=2,
            certainty="likely",
        ),
    ),
)

# A later, separate dispatch to Russia: another programme.
RUSSIA_2024 = record(
    "Over 300 North Korean laborers reached Vladivostok by train on Feb. 5, a researcher "
    "told a Seoul newspaper.",
    published="2024-02-14",
    publisher="The Chosun Ilbo",
    places=(
        ("North Korean", "North Korea", "KP", "origin"),
        ("Vladivostok", "Vladivostok", "RU", "destination"),
    ),
    quantities=(("Over 300", "workers", 300, None),),
    times=(("Feb. 5", "2024-02-05", "2024-02-05"),),
    events=(
        Ev(
            "arrival",
            "reached Vladivostok by train on Feb. 5",
            status="completed",
            workers="Over 300",
            time="Feb. 5",
            places=("Vladivostok",),
        ),
    ),
)

ALL = (FIRST, SECOND, THIRD, RETOLD, INDEPENDENT, RIVAL, REPRINT, UNDATED, RUSSIA_2024)
