r"""The hits of `grammar.PREFILTER` in a text, found by one Aho-Corasick pass instead of the regex.

Python's `re` tries the prefilter's thirty alternatives at nearly every character (about 45 ns
a character); a Rust Aho-Corasick automaton (ahocorasick_rs) reads the lower-cased text once
for all trigger words and the ten digits, about fifteen times faster. What it finds is then
made exactly what `PREFILTER.finditer` gives:
- each trigger word found in the lower-cased copy is kept only where the original text has it
  as written in `grammar.TRIGGER_WORDS` ("Year" and "year", but "Jan" only capitalised);
- where several begin at one character, the regex's first alternative wins (digits, then the
  words in their order: "Decade" before "Dec"); hits never overlap, the leftmost wins;
- a run of digits makes one hit, as `\d+` does.
`\d` is any decimal digit, and the automaton holds the ASCII ones only: a text with another
("٣", "３"), like a text whose lower-cased copy has another length, is left to the regex
(`scan_triggers` returns None).

The same pass finds the text's time cores: words that every time expression holds one of (a
year such as 2023, a month or weekday name as TIME reads it, "week", "year", "ago" after a
space, a season as a word of its own, a holiday's name...). A stretch without one holds no
time expression, and the finder skips its word-by-word search (a test checks that every TIME
match holds a core).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick

from tumen.resolve.time.grammar import COUNT_WORDS, MONTH, TRIGGER_WORDS

_DIGITS = "0123456789"
# Characters outside ASCII: a text with any is checked for a decimal digit among them.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_MONTH = re.compile(MONTH)

# Time cores among the trigger words and a few more, and what makes an occurrence one (TIME's
# own context for the word, or looser): units after a space and ending a word ("this week",
# "two years ago"), seasons as words of their own, "day" starting a word or ending a weekday's
# name, holidays' and days' names anywhere, month names as MONTH reads them.
_UNITS = ("week", "month", "year", "quarter", "half", "ago")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_ANYWHERE = ("tomorrow", "yesterday", "seollal", "chuseok", "thanksgiving", "birthday")
_MONTH_KEYS = tuple("jan feb mar apr may jun jul aug sep oct nov dec".split())
_EXTRA_KEYS = ("ago", "yesterday", "birthday", "juche", "q1", "q2", "q3", "q4")
_WEEKDAY_STEMS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")


# Units as DURATION and FREQUENCY read them: after spaces or hyphens after a count, a digit or
# a word ending as one of COUNT_WORDS does (`grammar.COUNTED_UNIT`, looser).
_DURATION_UNITS = ("day", "week", "month", "year", "decade")
_COUNT_ENDINGS = tuple(sorted(set(re.findall(r"[a-z]+", re.sub(r"\\.|\?:", "", COUNT_WORDS)))))
_COUNT_REACH = max(map(len, _COUNT_ENDINGS))


class Triggers(NamedTuple):
    """The PREFILTER hits of a text (starts, ends), the starts of its time cores, and of its
    units after a count."""

    starts: list[int]
    ends: list[int]
    cores: list[int]
    counted: list[int]


def _forms(word: str) -> frozenset[str]:
    """The spellings a TRIGGER_WORDS entry matches: "[Yy]ear" -> {"Year", "year"}."""
    if word.startswith("["):
        return frozenset({word[1] + word[4:], word[2] + word[4:]})
    return frozenset({word})


@cache
def _automaton() -> tuple[AhoCorasick, list[str], list[frozenset[str] | None]]:
    """The automaton of the ten digits, every trigger word (lower-cased) and the other core
    words; per pattern its key, and the spellings a trigger word must have in the original
    (None for a digit, an empty set for a word that is no trigger)."""
    forms = [_forms(word) for word in TRIGGER_WORDS]
    keys = [next(iter(f)).lower() for f in forms]
    if len(set(keys)) != len(keys) or set(keys) & set(_EXTRA_KEYS):
        raise ValueError(f"trigger words repeat a key: {keys}")
    patterns = [*_DIGITS, *keys, *_EXTRA_KEYS]
    spellings: list[frozenset[str] | None] = [None] * len(_DIGITS)
    spellings += forms + [frozenset()] * len(_EXTRA_KEYS)
    return AhoCorasick(patterns), patterns, spellings


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # `\w`


def _core(text: str, lower: str, key: str, start: int, end: int) -> bool:
    """Is this occurrence of `key` (in the lower-cased copy) a time core?"""
    starts_word = start == 0 or not _is_word(lower[start - 1])
    ends_word = end == len(lower) or not _is_word(lower[end])
    if key in _UNITS:
        if key == "week" and lower.startswith("end", end):  # "weekend"
            ends_word = end + 3 == len(lower) or not _is_word(lower[end + 3])
        if start and lower[start - 1].isspace():
            if ends_word:
                return True
            # A holiday's name may run on into a word: "Lunar New Yearly" is matched.
            return key == "year" and lower[: start - 1].rstrip().endswith("new")
        return False
    if key in _SEASONS:
        return starts_word and ends_word
    if key == "day":  # "day of the sun", "foundation days", "Monday"
        return starts_word or any(
            start >= len(stem) and text.startswith(stem, start - len(stem))
            for stem in _WEEKDAY_STEMS
        )
    if key in _ANYWHERE:
        return True
    if key in _MONTH_KEYS:
        return _MONTH.match(text, start) is not None
    if key == "juche":
        return text[start:end] in ("Juche", "JUCHE")
    if key.startswith("q") and len(key) == 2:
        return text[start] == "Q"
    return False


def _counted(lower: str, start: int, end: int) -> bool:
    """Is the unit word at `start` after spaces or hyphens after a count ("two-year"), or
    before "-long" ("week-long")?"""
    if lower.startswith("-long", end):
        return True  # looser than COUNTED_UNIT (no word boundary checked), as the rest is
    at = start
    while at and (lower[at - 1] == "-" or lower[at - 1].isspace()):
        at -= 1
    if at == start or not at:
        return False  # inside a word ("today") or at the start of the text
    return lower[at - 1].isdecimal() or lower.endswith(
        _COUNT_ENDINGS, max(0, at - _COUNT_REACH), at
    )


def scan_triggers(text: str, lower: str) -> Triggers | None:
    """The hits of `PREFILTER.finditer(text)` and the time cores of `text`, in text order.

    `lower` is a lower-cased copy of `text` (any with the same length, offset for offset).
    None for a text with a decimal digit outside ASCII (its digit runs are the regex's to find)
    or with a lone surrogate, which the automaton cannot take.
    """
    if len(lower) != len(text):
        return None
    if not text.isascii() and any(c.isdecimal() for c in _NON_ASCII.findall(text)):
        return None
    automaton, patterns, spellings = _automaton()
    found = []
    cores = []
    counted = []
    run_start = run_end = -1  # the run of digits being read (`\d+` takes it whole)
    try:
        matches = automaton.find_matches_as_indexes(lower, overlapping=True)
    except UnicodeEncodeError:
        return None  # a lone surrogate (no UTF-8 form): the regex reads such text
    for pattern, start, end in matches:
        forms = spellings[pattern]
        if forms is None:  # a digit
            if start != run_end:
                if run_end >= 0:
                    found.append((run_start, 0, run_end))
                run_start = start
            run_end = end
            continue
        # Checked on the original: the case rules, and that no non-ASCII letter lowered to one.
        # The priority is the regex's order: digits (0), then the words in TRIGGER_WORDS.
        if text[start:end] in forms:
            found.append((start, pattern, end))
        key = patterns[pattern]
        if _core(text, lower, key, start, end):
            cores.append(start)
        if key in _DURATION_UNITS and _counted(lower, start, end):
            counted.append(start)
    if run_end >= 0:
        found.append((run_start, 0, run_end))
    found.sort()
    starts: list[int] = []
    ends: list[int] = []
    reached = -1  # the end of the last hit kept
    for start, priority, end in found:
        if start >= reached:  # else inside a hit kept, or a later alternative at its start
            starts.append(start)
            ends.append(end)
            reached = end
            # A year as TIME reads one: four digits from 19 or 20, a run of its own.
            if priority == 0 and end - start == 4 and text[start : start + 2] in ("19", "20"):
                cores.append(start)
    cores.sort()
    counted.sort()
    return Triggers(starts, ends, cores, counted)
