"""The extraction pipeline: one Report in, one Record out. Pure: no I/O, no global state.

Each stage is a small function with one job; this module only calls them in order, gives
every item its local id and stable key, and applies the record-wide rules of the spec
(an irrelevant report keeps its places as `other` and has no events or worker counts).
"""

from __future__ import annotations

from datetime import date

from tumen import __version__
from tumen.assess.sanctions import find_sanctions
from tumen.extract.actors import find_actors
from tumen.extract.events import EventContext, find_events
from tumen.extract.language import SUPPORTED_LANGUAGES
from tumen.extract.quantities import find_quantities
from tumen.extract.relevance import assess_relevance
from tumen.extract.sentences import split_sentences
from tumen.ids import event_key, item_key
from tumen.model import Extractor, Record, Relevance, Report
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
    for prefix, kind, items in (
        ("p", "place", places),
        ("t", "time", times),
        ("q", "quantity", quantities),
        ("d", "duration", durations),
        ("f", "frequency", frequencies),
        ("a", "actor", actors),
    ):
        items.sort(key=lambda item: item.span)  # type: ignore[attr-defined]
        for n, item in enumerate(items, 1):  # type: ignore[attr-defined]
            item.id = f"{prefix}{n}"
            item.key = item_key(rid, kind, item.span)

    events = []
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
        _renumber(quantities, "q")

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


def _renumber(items: list, prefix: str) -> None:  # type: ignore[type-arg]
    for n, item in enumerate(items, 1):
        item.id = f"{prefix}{n}"
