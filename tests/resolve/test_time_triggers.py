"""The time finder's fast paths must find exactly what the regexes they stand for find.

`triggers.scan_triggers` (one Aho-Corasick pass over a lower-cased copy) stands for
`grammar.PREFILTER.finditer` and finds the time cores that every TIME match holds;
`grammar.DIGIT_START` turns down digit starts before `TIME` is tried, and `grammar.LETTER_START`
other starts; `grammar.COUNTED_UNIT` (and `_Scan.counted_unit` for it) turns down stretches
before DURATION and FREQUENCY are. All are checked on every text the grammar tests read, in
several cases and with case-fold traps, and on random text built from the pieces that make them
differ.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tumen.extract.sentences import split_sentences
from tumen.resolve.time import find_times
from tumen.resolve.time.grammar import (
    COUNTED_UNIT,
    DIGIT_START,
    DURATION,
    FREQUENCY,
    LETTER_START,
    LOWER_CANDIDATE,
    LOWER_CANDIDATE_PLAIN,
    PREFILTER,
    TIME,
    TRIGGER_WORDS,
    WORD_START,
)
from tumen.resolve.time.triggers import scan_triggers
from tumen.text import fold

from .test_time_grammar import _texts, _variants


def _regex_spans(text: str) -> tuple[list[int], list[int]]:
    hits = list(PREFILTER.finditer(text))
    return [m.start() for m in hits], [m.end() for m in hits]


def trigger_spans(text: str, lower: str) -> tuple[list[int], list[int]] | None:
    found = scan_triggers(text, lower)
    return None if found is None else (found.starts, found.ends)


def _check(text: str) -> None:
    for lower in (text.lower(), fold(text)):
        spans = trigger_spans(text, lower)
        if spans is not None:
            assert spans == _regex_spans(text), repr(text[:80])


def test_trigger_spans_are_the_prefilter_hits_on_every_text() -> None:
    checked = 0
    for original in _texts():
        for text in _variants(original):
            _check(text)
            checked += trigger_spans(text, text.lower()) is not None
    assert checked > 500  # the fast path must have run, or the test proves nothing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Decade began in December 2019.", ["Decade", "Dec", "2019"]),  # first alternative
        ("a decade; the DECADE", ["decade"]),  # only the first letter in either case
        ("Mayear and yearmonth", ["May", "year", "month"]),  # overlapping: the leftmost wins
        ("on 12/05/2021, 1,000 or 3.5", ["12", "05", "2021", "1", "000", "3", "5"]),
        ("May2023 and JANUARY, Jan.", ["May", "2023", "Jan"]),
        ("Holiday today, Monday: Mariners' landfall", ["day", "day", "day", "Mar", "fall"]),
        ("\u212aelvin ye\u017fterday \u0131n \u017fpring, thanksgiving", ["day"]),
        ("emoji \U0001f600 2024 year", ["2024", "year"]),
    ],
)
def test_trigger_spans_follow_the_regex_rules(text: str, expected: list[str]) -> None:
    spans = trigger_spans(text, text.lower())
    assert spans is not None
    assert [text[s:e] for s, e in zip(*spans, strict=True)] == expected
    assert spans == _regex_spans(text)


@pytest.mark.parametrize(
    "text", ["in \u0663\u0660 days", "year \uff12\uff10\uff12\uff14", "\u0130n May"]
)
def test_trigger_spans_leave_other_digits_and_longer_lower_case_to_the_regex(text: str) -> None:
    assert trigger_spans(text, text.lower()) is None


# Pieces that make the fast paths differ if they can: trigger words in several cases and cut
# short, digits of other scripts, the fold traps, astral characters, punctuation of dates.
_PIECES = st.sampled_from(
    [w.strip("[]")[1:] if w.startswith("[") else w for w in TRIGGER_WORDS]
    + [w.lower() for w in TRIGGER_WORDS if not w.startswith("[")]
    + [w.upper() for w in TRIGGER_WORDS if not w.startswith("[")]
    + ["Y", "y", "D", "d", "De", "ec", "ade", "Ma", "ay", "ear"]
    + ["0", "1", "2", "19", "2024", "1st", "3rd", "\u0663", "\uff12", "\U0001d7d8"]
    + ["\u0130", "\u0131", "\u017f", "\u212a", "\U0001f600", "\u00e9", "\u20ac"]
    + [" ", "  ", "\n", ".", ",", "-", "/", "'s", "of", "the", "in", "ago", "quarter", "Q3"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_trigger_spans_match_the_regex_on_random_text(text: str) -> None:
    _check(text)


def _assert_start_tests(text: str, end: int | None = None) -> int:
    """DIGIT_START or LETTER_START passes at every word start where TIME matches, and the
    match holds a time core."""
    checked = 0
    found = scan_triggers(text, fold(text))
    for m in WORD_START.finditer(text):
        at = m.start()
        stop = len(text) if end is None else end
        match = TIME.match(text, at, stop) if at < stop else None
        if match is not None:
            checked += 1
            test = DIGIT_START if "0" <= text[at] <= "9" else LETTER_START
            assert test.match(text, at, stop), repr(text[at:][:40])
            if found is not None:
                cores = [c for c in found.cores if match.start() <= c < match.end()]
                assert cores, f"no core in {match.group()!r}"
    return checked


def test_start_tests_never_turn_down_a_start_where_time_matches() -> None:
    checked = 0
    for original in _texts():
        for text in _variants(original):
            checked += _assert_start_tests(text)
            for sentence in split_sentences(text)[:5]:  # the finder's own end of stretch
                checked += _assert_start_tests(text, sentence.end)
    assert checked > 5000


# Written for this test: time expressions of every shape, to be cut and joined at random.
_EXPRESSION_PIECES = st.sampled_from(
    ["no later than", "as of", "as early as", "prior to", "ahead of", "up until", "starting"]
    + ["beginning in", "between", "and", "to", "through", "-", "the", "very", "beginning of"]
    + ["end of", "mid-", "early", "Late", "the first half of", "second quarter", "last"]
    + ["this coming", "next", "Monday,", "March", "Sept.", "May", "5", "5th", "of", "2023"]
    + ["12.05.2021", "3/4/2022", "2024-01-05", "Q3", "Juche 112", "the 1990s", "a", "two"]
    + ["twenty-one", "days", "weeks", "ago", "yesterday", "the weekend", "summer", "Chuseok"]
    + ["Lunar New Year", "Kim Jong Un's birthday", "New Year's Day", "current", "year", "month"]
    + [" ", "  ", "\n", ",", ".", "1st", "quarter", "latter half", "final week", "IN", "ſ"]
    + ["Lunar New Yearly", "party foundation days", "x", "the year", "Thursday", "this weekend"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_EXPRESSION_PIECES, max_size=10).map(" ".join))
def test_start_tests_on_random_expressions(text: str) -> None:
    _assert_start_tests(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_start_tests_on_random_text(text: str) -> None:
    _assert_start_tests(text)


@pytest.mark.parametrize(
    "text",
    [
        "Output rose 2.5 percent; 1,000 fans came; the 3-2 win.",
        "They left 2.5 years ago, on 3 March, on 1.2.2021, on 3/4/2022 and in the 2nd quarter.",
        "In 1990s terms, 2023-01-05, 5th of June, 12th\u00a0May, 4TH QUARTER of 2020.",
    ],
)
def test_find_times_is_the_same_without_the_start_shortcuts(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = date(2024, 3, 1)
    fast = find_times(text, published, split_sentences(text))
    # The plain first-word test, and no start test: TIME alone decides at every start.
    monkeypatch.setattr("tumen.resolve.time.LOWER_CANDIDATE", re.compile(LOWER_CANDIDATE_PLAIN))
    monkeypatch.setattr("tumen.resolve.time.LETTER_START", re.compile(""))
    assert find_times(text, published, split_sentences(text)) == fast


def _stretches(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))] + [(s.start, s.end) for s in split_sentences(text)]


def _assert_gate(text: str) -> int:
    """The gate lets through every stretch that holds a duration or frequency; how many did."""
    from tumen.resolve.time import _Scan

    checked = 0
    scan = _Scan(text)
    for start, end in _stretches(text):
        if DURATION.search(text, start, end) or FREQUENCY.search(text, start, end):
            checked += 1
            assert scan.counted_unit(start, end), repr(text[start:end][:80])
            assert COUNTED_UNIT.search(text, start, end), repr(text[start:end][:80])
    return checked


def test_counted_unit_gate_never_turns_down_a_duration_or_frequency() -> None:
    checked = 0
    for original in _texts():
        for text in _variants(original):
            checked += _assert_gate(text)
    assert checked > 500  # the texts must hold durations, or the test proves nothing


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["two", "Twenty-one", "a", "an", "half", "another", "an extra", "one more", "per"]
            + ["once", "twice", "3 times", "every", "other", "each", "2", "1.5", "and a half"]
            + ["day", "days", "week", "Month", "YEARS", "decade", "today", "\u017f", "\u212a"]
            + [" ", "  ", "-", " - ", "\n", ",", "for", "at least", "up to", "the", "Monday"]
        ),
        max_size=14,
    ).map("".join)
)
def test_counted_unit_gate_on_random_text(text: str) -> None:
    _assert_gate(text)


def _assert_same_candidates(text: str) -> None:
    """LOWER_CANDIDATE lets through no start the plain pattern turns down, and turns down no
    start the plain pattern lets through where TIME matches."""
    plain = re.compile(LOWER_CANDIDATE_PLAIN)
    folded = fold(text)
    if len(folded) != len(text):
        return  # the finder reads such a text with CANDIDATE
    for at in range(len(folded)):
        fast = LOWER_CANDIDATE.match(folded, at) is not None
        if fast:
            assert plain.match(folded, at), repr(folded[at : at + 30])
        elif plain.match(folded, at):
            assert TIME.match(text, at) is None, repr(text[at : at + 30])


def test_candidate_test_keeps_every_start_where_time_matches() -> None:
    for original in _texts()[:150]:
        for text in _variants(original):
            _assert_same_candidates(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_candidate_test_on_random_text(text: str) -> None:
    _assert_same_candidates(text)


def test_guarded_cue_pattern_finds_the_same_cues() -> None:
    from tumen.resolve.time.context import _CUES, _LOWER_CUES

    plain = re.compile(_CUES.pattern)  # over the folded copy, as before the guard
    for original in _texts():
        for text in list(_variants(original))[:3]:  # as it is, upper-cased, title-cased
            folded = fold(text)
            for s in split_sentences(text):
                fast = [
                    (m.span(), m.lastgroup) for m in _LOWER_CUES.finditer(folded, s.start, s.end)
                ]
                slow = [(m.span(), m.lastgroup) for m in plain.finditer(folded, s.start, s.end)]
                assert fast == slow, repr(text[s.start : s.end][:80])
