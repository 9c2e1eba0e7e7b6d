"""The extraction pipeline: one Report in, one Record out. Pure: no I/O, no global state.

Each stage is a small function with one job; this module only calls them in order, gives
every item its local id and stable key, and applies the record-wide rules of the spec
(an irrelevant report keeps its places as `other` and has no events or worker counts).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, TypeVar

from tumen import __version__
from tumen.assess.sanctions import find_sanctions
from tumen.extract.actors import find_actors
from tumen.extract.events import EventContext, find_events
from tumen.extract.language import SUPPORTED_LANGUAGES
from tumen.extract.quantities import find_quantities
from tumen.extract.relevance import assess_relevance
from tumen.extract.sentences import split_sentences
from tumen.ids import event_key, item_key
from tumen.model import Event, Extractor, Record, Relevance, Report, Span
from tumen.resolve.places import assign_roles, find_places
from tumen.resolve.time import find_times

RULES_VERSION = "rules-2026.11"


def extract(report: Report) -> Record:
    """Extract the full record of one report."""
    if report.language not in SUPPORTED_LANGUAGES:
        # Stored and shown, but English rules are not run over another language.
        return Record(
            report=report,
            relevance=Relevance(relevant=False, score=0.0),
            extractor=Extractor(
                version=__version__,
                rules=f"language '{report.language}' is not yet supported: no rules were run",
            ),
        )

    text = report.text
    published = date.fromisoformat(report.published) if report.published else None
    sentences = split_sentences(text)
    relevance = assess_relevance(text)

    times, durations, frequencies = find_times(text, published, sentences)
    places = find_places(text, sentences)
    quantities = find_quantities(text, sentences)
    actors = find_actors(text, sentences)

    rid = report.id
    _number(places, "p", "place", rid)
    _number(times, "t", "time", rid)
    _number(quantities, "q", "quantity", rid)
    _number(durations, "d", "duration", rid)
    _number(frequencies, "f", "frequency", rid)
    _number(actors, "a", "actor", rid)

    events: list[Event] = []
    if relevance.relevant:
        context = EventContext(
            text=text,
            sentences=sentences,
            places=places,
            times=times,
            quantities=quantities,
            durations=durations,
            actors=actors,
        )
        events = find_events(context)
        assign_roles(text, sentences, places, events)
    else:
        for place in places:
            place.role = "other"
        quantities = [q for q in quantities if q.unit != "workers"]
        _number(quantities, "q", "quantity", rid)

    events.sort(key=lambda e: (e.evidence[0].span, e.type, e.round or 0))
    for n, event in enumerate(events, 1):
        event.id = f"e{n}"
        event.key = event_key(rid, event.type, event.round, event.evidence[0].span)

    sanctions = find_sanctions(text, sentences, events)

    return Record(
        report=report,
        relevance=relevance,
        extractor=Extractor(version=__version__, rules=RULES_VERSION),
        places=places,
        times=times,
        quantities=quantities,
        durations=durations,
        frequencies=frequencies,
        actors=actors,
        events=events,
        sanctions=sanctions,
    )


class _Mention(Protocol):
    span: Span
    id: str
    key: str


M = TypeVar("M", bound=_Mention)


def _number(items: list[M], prefix: str, kind: str, report_id: str) -> None:
    """Sort items into text order and give each its local id and stable key."""
    items.sort(key=lambda item: item.span)
    for n, item in enumerate(items, 1):
        item.id = f"{prefix}{n}"
        item.key = item_key(report_id, kind, item.span)
