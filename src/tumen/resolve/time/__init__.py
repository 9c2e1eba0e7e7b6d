"""Time normaliser: time expressions, durations and frequencies, anchored to publication.

`find_times` is the pipeline's entry point. A cheap prefilter finds the sentences that could
hold a date at all (a digit, a month, a unit word, a season, a holiday); only those are parsed.
Conventions (gold.md and docs/time.md): relative expressions resolve against the publication
date; without one they are kept `unresolved` with null bounds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tumen.model import Duration, Frequency, Sentence, TimeExpression
from tumen.resolve.time.context import Sentences, tense_at
from tumen.resolve.time.durations import durations_in, frequencies_in
from tumen.resolve.time.expressions import Skipped, build
from tumen.resolve.time.grammar import (
    HAS_FREQUENCY,
    HAS_UNIT,
    MAX_LEAD,
    PREFILTER,
    TIME,
    WORD_START,
)

__all__ = ["find_times"]


def find_times(
    text: str, published: date | None, sentences: list[Sentence]
) -> tuple[list[TimeExpression], list[Duration], list[Frequency]]:
    """All time expressions, durations and frequencies of `text`, in text order."""
    times: list[TimeExpression] = []
    durations: list[Duration] = []
    frequencies: list[Frequency] = []
    index = Sentences(text, sentences)

    def tense(start: int, end: int) -> str | None:
        return tense_at(text, index.around(start), start, end)

    position = 0
    length = len(text)
    while position < length:
        hit = PREFILTER.search(text, position)
        if hit is None:
            break
        s_start, s_end = index.around(hit.start())
        s_start = max(s_start, position)  # never parse a stretch twice
        if s_end <= hit.start():
            s_end = min(length, hit.end())
        times.extend(_times_in(text, s_start, s_end, published, tense))
        position = max(s_end, hit.end())
        if not HAS_UNIT.search(text, s_start, s_end):
            continue
        found_frequencies = []
        if HAS_FREQUENCY.search(text, s_start, s_end):
            found_frequencies = frequencies_in(text, s_start, s_end)
            frequencies.extend(found_frequencies)
        for duration in durations_in(text, s_start, s_end, (s_start, s_end)):
            # A frequency is not a duration: "twice a year" is one frequency only.
            if not any(
                f.span[0] < duration.span[1] and duration.span[0] < f.span[1]
                for f in found_frequencies
            ):
                durations.append(duration)
    return times, durations, frequencies


def _times_in(
    text: str,
    start: int,
    end: int,
    published: date | None,
    tense: Callable[[int, int], str | None],
) -> list[TimeExpression]:
    """The time expressions of `text[start:end]`, trying only starts near a trigger word.

    The grammar is costly to try at every word; every expression holds a PREFILTER hit and
    starts at most MAX_LEAD characters before it, so only those word starts are tried, left to
    right (the leftmost match wins, as in finditer). A match that turns out not to be a time
    ("the year" alone) consumes nothing: the next start is tried.
    """
    found: list[TimeExpression] = []
    position = start  # nothing before this is tried again
    for hit in PREFILTER.finditer(text, start, end):
        if hit.start() < position:
            continue
        lead = max(position, hit.start() - MAX_LEAD)
        for candidate in WORD_START.finditer(text, lead, hit.end()):
            if candidate.start() < position:
                continue
            m = TIME.match(text, candidate.start(), end)
            if m is None:
                continue
            expression = build(text, m, published, tense)
            if expression is None:
                continue
            if isinstance(expression, Skipped):
                position = expression.end
            else:
                found.append(expression)
                position = expression.span[1]
            break
        else:
            position = max(position, hit.end())
    return found
