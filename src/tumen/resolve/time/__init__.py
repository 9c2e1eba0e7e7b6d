"""Time normaliser: time expressions, durations and frequencies, anchored to publication.

`find_times` is the pipeline's entry point. A cheap prefilter finds the sentences that could
hold a date at all (a digit, a month, a unit word, a season, a holiday); only those are parsed.
Conventions (gold.md and docs/time.md): relative expressions resolve against the publication
date; without one they are kept `unresolved` with null bounds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from datetime import date

from tumen.model import Duration, Frequency, Sentence, TimeExpression
from tumen.resolve.time.context import Cue, Sentences, cues_in, tense_from
from tumen.resolve.time.durations import durations_in, frequencies_in
from tumen.resolve.time.expressions import Skipped, build
from tumen.resolve.time.grammar import (
    CANDIDATE,
    HAS_FREQUENCY,
    HAS_UNIT,
    LOWER_CANDIDATE,
    MAX_LEAD,
    PREFILTER,
    TIME,
    fold,
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
    scan = _Scan(text)
    cues: dict[tuple[int, int], list[Cue]] = {}

    def tense(start: int, end: int) -> str | None:
        sentence = index.around(start)
        found = cues.get(sentence)
        if found is None:
            found = cues[sentence] = cues_in(text, sentence, scan.lower)
        return tense_from(found, start, end)

    position = 0
    length = len(text)
    while position < length:
        hit = scan.next_hit(position)
        if hit is None:
            break
        hit_start, hit_end = hit
        s_start, s_end = index.around(hit_start)
        s_start = max(s_start, position)  # never parse a stretch twice
        if s_end <= hit_start:
            s_end = min(length, hit_end)
        times.extend(_times_in(scan, s_start, s_end, published, tense))
        position = max(s_end, hit_end)
        if not scan.has(_UNIT_WORD, HAS_UNIT, s_start, s_end):
            continue
        found_frequencies = []
        if scan.has(_FREQUENCY_WORD, HAS_FREQUENCY, s_start, s_end):
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


# The gates of `find_times` as plain literals over the lower-cased text (much faster than the
# case-insensitive HAS_UNIT and HAS_FREQUENCY they stand for, with the same hits).
_UNIT_WORD = re.compile(r"day|week|month|year|decade")
_FREQUENCY_WORD = re.compile(r"once|twice|thrice|times|every")


class _Scan:
    """One text with what every stretch of it needs: PREFILTER hits, found once for the text.

    The hits of the whole text are the hits of any stretch of it (PREFILTER has no context),
    except where a hit straddles the stretch's edge; there the stretch is scanned on its own,
    exactly as before.
    """

    __slots__ = ("text", "lower", "starts", "ends", "candidates")

    def __init__(self, text: str) -> None:
        self.text = text
        # Folded first, so that "thiſ" reads "this" here as it does to the case-insensitive
        # grammar; the fast path also needs the same offsets (no character lowered to two).
        lower = fold(text)
        if len(lower) != len(text):
            self.lower: str | None = None
            self.candidates = CANDIDATE
        else:
            self.lower = lower
            self.candidates = LOWER_CANDIDATE
        self.starts: list[int] = []
        self.ends: list[int] = []
        for hit in PREFILTER.finditer(text):
            self.starts.append(hit.start())
            self.ends.append(hit.end())

    def _straddled(self, position: int) -> bool:
        i = bisect_right(self.starts, position - 1) - 1
        return i >= 0 and self.ends[i] > position

    def next_hit(self, position: int) -> tuple[int, int] | None:
        """The span of `PREFILTER.search(text, position)`."""
        if self._straddled(position):
            m = PREFILTER.search(self.text, position)
            return None if m is None else m.span()
        i = bisect_left(self.starts, position)
        if i == len(self.starts):
            return None
        return self.starts[i], self.ends[i]

    def hits(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of `PREFILTER.finditer(text, start, end)`."""
        if self._straddled(start) or self._straddled(end):
            return [m.span() for m in PREFILTER.finditer(self.text, start, end)]
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        return list(zip(self.starts[i:j], self.ends[i:j], strict=True))

    def has(self, literal: re.Pattern[str], folded: re.Pattern[str], start: int, end: int) -> bool:
        """Does `folded` (a case-insensitive pattern) occur in the stretch?"""
        if self.lower is None:
            return folded.search(self.text, start, end) is not None
        return literal.search(self.lower, start, end) is not None

    def candidate_starts(self, start: int, end: int) -> Iterator[int]:
        """Word starts from `start` where TIME may match (TIME itself decides)."""
        subject = self.text if self.lower is None else self.lower
        for m in self.candidates.finditer(subject, start, end):
            yield m.start()


def _times_in(
    scan: _Scan,
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
    text = scan.text
    found: list[TimeExpression] = []
    position = start  # nothing before this is tried again
    for hit_start, hit_end in scan.hits(start, end):
        if hit_start < position:
            continue
        lead = max(position, hit_start - MAX_LEAD)
        taken = False
        for candidate in scan.candidate_starts(lead, end):
            if candidate >= hit_end:
                break
            m = TIME.match(text, candidate, end)
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
            taken = True
            break
        if not taken:
            position = max(position, hit_end)
    return found
