"""`tumen explain`: why an event is in a record — its rule, the sentence, the words it rests on.

`explain_event` returns a rich renderable, so the CLI prints it to a terminal with the spans
highlighted, and the store or web app can render the same object for a stored record.
"""

from __future__ import annotations

from typing import Any

from tumen.errors import InputError
from tumen.model import Event, Record


def find_event(record: Record, event_id: str) -> Event:
    """The event with local id (`e3`) or key `event_id`; raises TumenError when absent."""
    for event in record.events:
        if event.id == event_id or event.key == event_id:
            return event
    known = ", ".join(e.id for e in record.events) or "none"
    raise InputError(
        f"no event '{event_id}' in this report (events: {known})", source=record.report.id
    )


def explain_event(record: Record, event_id: str) -> Any:
    """A rich renderable: the event's rule and arguments, and each sentence that holds its
    evidence with the evidence (bold on yellow) and attribution (underlined) marked."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    event = find_event(record, event_id)
    text = record.report.text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row(
        "event", f"{event.id}  {event.type}" + (f"  round {event.round}" if event.round else "")
    )
    facts.add_row("rule", event.cue or "-")
    facts.add_row("status", event.status)
    certainty = event.certainty + (
        f'  (cue: "{event.certainty_cue}")' if event.certainty_cue else ""
    )
    facts.add_row("certainty", certainty)
    who = event.attribution
    facts.add_row(
        "attribution",
        who.kind
        + (f'  "{who.mention}"' if who.mention else "")
        + (f"  [{who.actor}]" if who.actor else ""),
    )
    names = {p.id: p.name for p in record.places}
    if event.places:
        facts.add_row("places", ", ".join(f"{pid} {names.get(pid, '?')}" for pid in event.places))
    for label, ref, items in (
        ("time", event.time, record.times),
        ("workers", event.workers, record.quantities),
        ("duration", event.duration, record.durations),
    ):
        if ref:
            mention = next((i.mention for i in items if i.id == ref), "?")
            facts.add_row(label, f'{ref} "{mention}"')
    if event.sector:
        facts.add_row("sector", event.sector)

    sentences = []
    for start, end in _sentence_spans(text, event):
        line = Text(text[start:end])
        if who.span and start <= who.span[0] < end:
            line.stylize("underline", who.span[0] - start, min(end, who.span[1]) - start)
        for evidence in event.evidence:
            s, e = evidence.span
            if start <= s < end:
                line.stylize("bold black on yellow", s - start, min(end, e) - start)
        sentences.append(line)
    spans = Text(
        "evidence: "
        + "; ".join(f"[{ev.span[0]}, {ev.span[1]}] \u201c{ev.text}\u201d" for ev in event.evidence),
        style="dim",
    )
    return Panel(
        Group(facts, Text(""), *sentences, Text(""), spans),
        title=f"{record.report.id} {event.id}",
        expand=False,
    )


def _sentence_spans(text: str, event: Event) -> list[tuple[int, int]]:
    """The sentences that hold the event's evidence (split the way the extractor splits)."""
    from tumen.extract.sentences import split_sentences

    spans: list[tuple[int, int]] = []
    for sentence in split_sentences(text):
        if any(sentence.start <= ev.span[0] < sentence.end for ev in event.evidence):
            spans.append((sentence.start, sentence.end))
    return spans
