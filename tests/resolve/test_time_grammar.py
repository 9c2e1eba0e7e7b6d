"""The finder's shortcuts must never change what the grammar finds.

`find_times` tries the full grammar only at word starts that a cheap first-word filter lets
through (`grammar.CANDIDATE`, `LOWER_CANDIDATE` over the folded copy of the text, and the
`STARTER` guard inside `TIME`), and reads matched words through `tumen.text.fold`. These tests
check the filter against the unguarded grammar at every word start of many texts: the
development corpus (read in place), the held-out sets, the examples, generated articles, and
the same texts upper-cased, title-cased and with case-fold traps swapped in.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from tumen.extract.sentences import split_sentences
from tumen.resolve.time import find_times
from tumen.resolve.time.grammar import CANDIDATE, LOWER_CANDIDATE, TIME, TIME_BODY, WORD_START
from tumen.text import fold

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus"
# The grammar without its first-word guard: what TIME would match if nothing were filtered.
UNGUARDED = re.compile(rf"(?<![\w-]){TIME_BODY}")

# Written for this test: every kind of start the grammar has, in several cases.
OWN = [
    "No later than the very beginning of next year, as early as 2019, prior to Chuseok.",
    "AHEAD OF THE LUNAR NEW YEAR, up until June 3, starting from 12.05.2021 and in Q3 2022.",
    "Between July and September 2023 the men left; a year ago, the weekend, yesterday.",
    "Seollal, SEOLLAL, Juche 111, JUCHE 112, Kim Jong Un's birthday, Day of the Sun.",
    "twenty-one days ago, Mid-June, the 1990s, the first half of 2021, in the 3rd quarter.",
    "Korean Thanksgiving Day, Party Foundation Day, New Year's Day, solar new year.",
]


def _generated(count: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    return [a.text for a in generate.feed(count, 2026)]


@cache
def _texts() -> tuple[str, ...]:
    texts = list(OWN)
    for folder in (CORPUS, *sorted(ROOT.glob("tests/heldout*")), ROOT / "examples"):
        for path in sorted(folder.glob("*.json")):
            if not path.name.endswith(".gold.json"):
                texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    texts.extend(_generated(120))
    return tuple(texts)


def _variants(text: str) -> Iterator[str]:
    yield text
    yield text.upper()
    yield text.title()
    # Case-fold traps: the long s and the Kelvin sign read as "s" and "k" to `(?i:...)`; the
    # Turkish dotless i as "i"; U+0130 lower-cases to two characters.
    yield text.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131")
    yield text.replace("I", "\u0130").replace("S", "\u017f")


def test_first_word_filter_never_rejects_a_start_where_the_grammar_matches() -> None:
    checked = 0
    for original in _texts():
        for text in _variants(original):
            folded = fold(text)
            same_offsets = len(folded) == len(text)
            for start in WORD_START.finditer(text):
                at = start.start()
                full = UNGUARDED.match(text, at)
                if full is None:
                    continue
                checked += 1
                where = repr(text[at : at + 40])
                assert CANDIDATE.match(text, at), where
                if same_offsets:
                    assert LOWER_CANDIDATE.match(folded, at), where
                guarded = TIME.match(text, at)
                assert guarded is not None, where
                assert guarded.span() == full.span(), where
                assert guarded.groupdict() == full.groupdict(), where
    assert checked > 1000  # the texts must exercise the grammar, or the test proves nothing


def test_fold_lists_every_character_that_case_insensitive_matching_takes_for_ascii() -> None:
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    for m in re.finditer(r"(?i:[a-z])", everything):
        letter = m.group()
        assert len(fold(letter)) == 1 and fold(letter).isascii(), hex(ord(letter))
        assert re.fullmatch(f"(?i:{fold(letter)})", letter), hex(ord(letter))


TRAPS = [
    # (text, expected (mention, start, end)): the trap is read as the letter it folds to.
    ("Wages were cut thi\u017f year, the workers said.", [("thi\u017f year", "2024-01-01", "2024-12-31")]),
    ("The crews left in \u017fpring 2020.", [("in \u017fpring 2020", "2020-03-01", "2020-05-31")]),
    ("Hiring resumed in the fir\u017ft half of 2021.",
     [("in the fir\u017ft half of 2021", "2021-01-01", "2021-06-30")]),
    ("The \u212aorean Thanksgiving of 2023 passed quietly.",
     [("The \u212aorean Thanksgiving of 2023", "2023-09-29", "2023-09-29")]),
    ("\u0130n January 2020 the first group arrived.",
     [("\u0130n January 2020", "2020-01-01", "2020-01-31")]),
    ("The men arrived \u0131n March 2021.", [("\u0131n March 2021", "2021-03-01", "2021-03-31")]),
    ("Ju\u212ahe 111 was stamped on the passes.", []),  # "Juche" is matched with its case
    ("Workers left \uff12\uff10\uff12\uff14 and \u017fummer. \u0130\u0307 \u017f \u212a \ufb01 \U0001d7d8", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TRAPS)
def test_time_case_fold_traps_are_read_not_raised(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    times, _, _ = find_times(text, date(2024, 3, 1), split_sentences(text))
    assert [(t.mention, t.start, t.end) for t in times] == expected
    assert [t.relation for t in times if t.mention.startswith(("\u0130n", "\u0131n"))] in (
        [],
        ["during"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The workers stay abroad for at lea\u017ft two \u017fears.", []),  # "ſears" is no unit
        ("The workers stay abroad for at lea\u017ft two years.", [("at lea\u017ft two years", 730, None)]),
        ("Their visas are valid for up to 90 \u017f\u212a day\u017f.", []),
    ],
)  # fmt: skip
def test_duration_case_fold_traps_are_read_not_raised(
    text: str, expected: list[tuple[str, float | None, float | None]]
) -> None:
    _, durations, _ = find_times(text, date(2024, 3, 1), split_sentences(text))
    assert [(d.mention, d.min_days, d.max_days) for d in durations] == expected
