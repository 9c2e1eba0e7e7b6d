"""Time normaliser: time expressions, durations and frequencies, anchored to publication.

`find_times` is the pipeline's entry point. A cheap prefilter finds the sentences that could
hold a date at all (a digit, a month, a unit word, a season, a holiday); only those with a time
core (a year, a month name, "last week"...: `triggers`) are parsed. docs/time.md, "Speed".
Conventions (gold.md and docs/time.md): relative expressions resolve against the publication
date; without one they are kept `unresolved` with null bounds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from datetime import date

from tumen.model import Duration, Frequency, Sentence, TimeExpression
from tumen.resolve.time.context import SentenceCues, Sentences
from tumen.resolve.time.durations import durations_in, frequencies_in
from tumen.resolve.time.expressions import Skipped, build
from tumen.resolve.time.grammar import (
    CANDIDATE,
    COUNTED_UNIT,
    HAS_FREQUENCY,
    LETTER_START,
    LOWER_CANDIDATE,
    MAX_LEAD,
    PREFILTER,
    TIME,
)
from tumen.resolve.time.triggers import scan_triggers
from tumen.text import fold

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
    cues: dict[tuple[int, int], SentenceCues] = {}

    def tense(start: int, end: int) -> str | None:
        # Only the expressions that need a tense read their sentence's cues, and only as far
        # as the nearest cue is sure (`SentenceCues`).
        sentence = index.around(start)
        found = cues.get(sentence)
        if found is None:
            found = cues[sentence] = SentenceCues(text, sentence, scan.lower)
        return found.tense(start, end)

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
        if scan.may_hold_time(s_start, s_end):
            times.extend(_times_in(scan, s_start, s_end, published, tense))
        position = max(s_end, hit_end)
        if not scan.counted_unit(s_start, s_end):
            continue
        found_frequencies = []
        if scan.frequency_word(s_start, s_end):
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


# HAS_FREQUENCY as a plain literal over the folded text (much faster than the case-insensitive
# pattern, with the same hits).
_FREQUENCY_WORD = re.compile(r"once|twice|thrice|times|every")


class _Scan:
    """One text with what every stretch of it needs: PREFILTER hits, found once for the text.

    The hits of the whole text are the hits of any stretch of it (PREFILTER has no context),
    except where a hit straddles the stretch's edge; there the stretch is scanned on its own,
    exactly as before.
    """

    __slots__ = ("text", "lower", "starts", "ends", "cores", "counted", "candidates")

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
        # The PREFILTER hits and the time cores, from one Aho-Corasick pass where it gives the
        # same hits as the regex (`triggers`); elsewhere the regex, and no cores known.
        found = scan_triggers(text, lower)
        self.cores: list[int] | None
        self.counted: list[int] | None
        if found is None:
            self.starts, self.ends, self.cores, self.counted = [], [], None, None
            for hit in PREFILTER.finditer(text):
                self.starts.append(hit.start())
                self.ends.append(hit.end())
        else:
            self.starts, self.ends, self.cores, self.counted = found

    def next_hit(self, position: int) -> tuple[int, int] | None:
        """The span of `PREFILTER.search(text, position)`."""
        starts = self.starts
        i = bisect_left(starts, position)
        if i and self.ends[i - 1] > position:  # a hit straddles `position`: as the regex does
            m = PREFILTER.search(self.text, position)
            return None if m is None else m.span()
        if i == len(starts):
            return None
        return starts[i], self.ends[i]

    def hits(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """The starts and ends of `PREFILTER.finditer(text, start, end)`."""
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if (i and ends[i - 1] > start) or (j and ends[j - 1] > end):  # straddled edges
            found = PREFILTER.finditer(self.text, start, end)
            spans = [m.span() for m in found]
            return [a for a, _ in spans], [b for _, b in spans]
        return starts[i:j], ends[i:j]

    def frequency_word(self, start: int, end: int) -> bool:
        """Is there a frequency word in the stretch (`grammar.HAS_FREQUENCY`)? Without one,
        FREQUENCY matches nowhere in it."""
        if self.lower is None:
            return HAS_FREQUENCY.search(self.text, start, end) is not None
        return _FREQUENCY_WORD.search(self.lower, start, end) is not None

    def may_hold_time(self, start: int, end: int) -> bool:
        """Is there a time core in the stretch? Without one, TIME matches nowhere in it."""
        return self.cores is None or _any_in(self.cores, start, end)

    def counted_unit(self, start: int, end: int) -> bool:
        """Is there a unit after a count in the stretch? Without one, DURATION and FREQUENCY
        match nowhere in it (`grammar.COUNTED_UNIT`, the gate where the scan found none)."""
        if self.counted is None:
            return COUNTED_UNIT.search(self.text, start, end) is not None
        return _any_in(self.counted, start, end)

    @property
    def subject(self) -> str:
        """The text the candidate starts are found in: the folded copy where there is one."""
        return self.text if self.lower is None else self.lower


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """Does the sorted list hold a position in [start, end)?"""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


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
    subject = scan.subject
    candidates = scan.candidates.finditer  # word starts where TIME may match (TIME decides)
    found: list[TimeExpression] = []
    position = start  # nothing before this is tried again
    # One scan of candidates serves the windows of several hits while they follow on from one
    # another (the candidates are zero-width, so where a scan starts does not change them):
    # `ahead` is its next candidate not yet tried, None once it has run out.
    scanner: Iterator[re.Match[str]] = iter(())
    ahead: int | None = None
    scanned_from = end  # the scan covers the candidates from here on
    for hit_start, hit_end in zip(*scan.hits(start, end), strict=True):
        if hit_start < position:
            continue
        lead = max(position, hit_start - MAX_LEAD)
        if lead < scanned_from or (ahead is not None and ahead < lead):
            scanner = candidates(subject, lead, end)
            scanned_from = lead
            following = next(scanner, None)
            ahead = None if following is None else following.start()
        taken = False
        while ahead is not None and ahead < hit_end:
            candidate = ahead
            following = next(scanner, None)
            ahead = None if following is None else following.start()
            # LOWER_CANDIDATE lets a digit through only where DIGIT_START does ("2.5 percent" is
            # no candidate); CANDIDATE, for the rare text without a folded copy, leaves it to TIME.
            if not "0" <= text[candidate] <= "9" and not LETTER_START.match(text, candidate, end):
                continue  # "the new hospital", "Mariners": no TIME alternative starts here
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
