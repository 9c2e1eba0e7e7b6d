"""What the extract tests share: the event types and worker counts of a passage."""

from __future__ import annotations

from tumen.extract.actors import find_actors
from tumen.extract.events import EventContext, find_events
from tumen.extract.quantities import find_quantities
from tumen.extract.sentences import split_sentences
from tumen.resolve.places import find_places


def types_of(text: str) -> set[str]:
    """The event types of `text` as the pipeline reads them, whatever its relevance (a
    one-sentence passage is read for its events, not judged as a whole report)."""
    sentences = split_sentences(text)
    places = find_places(text, sentences)
    actors = find_actors(text, sentences)
    for n, place in enumerate(places, 1):
        place.id = f"p{n}"
    for n, actor in enumerate(actors, 1):
        actor.id = f"a{n}"
    context = EventContext(text, sentences, places, [], [], [], actors)
    return {e.type for e in find_events(context)}


def worker_counts(text: str) -> list[float | None]:
    """The lower bounds of the worker counts of `text`, in text order."""
    return [q.min for q in find_quantities(text, split_sentences(text)) if q.unit == "workers"]
