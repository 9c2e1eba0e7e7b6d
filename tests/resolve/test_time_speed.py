"""The time finder's fast paths give exactly what the plain forms they replace give."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tumen.resolve.time import expressions as ex
from tumen.resolve.time.context import _CUES, _LOWER_CUES, _PARTICIPLE, _participle_before
from tumen.resolve.time.expressions import Point
from tumen.resolve.time.grammar import TIME

# The forward patterns, as they were written before they were read backwards (`ex._Ending`).
FORWARD = {
    "_NUMBERED_BEFORE": re.compile(
        r"(?i:resolutions?|unscr|s/res/|no\.|nos\.|article|paragraph|order|number|#|\$|usd|won"
        r"|room|flight|route|code|decree|law)\s*(?:\d+\s*(?:,|and|or)\s*)*$"
    ),
    "_VERB_BEFORE": re.compile(
        r"(?i:\b(?:to|will|would|could|should|may|might|must|can|did|not|never)\s+)$"
    ),
    "_THE_BEFORE": re.compile(r"(?i:\bthe\s+)$"),
    "_COORDINATION_BEFORE": re.compile(
        r"(?i:\b(?:and|or|to|through|of|until|till|in|since|from)\s+|-\s*)$"
    ),
}

ENDINGS = [
    # (the 40 characters before a match, which patterns find their words at its end)
    ("under Resolution 2397, 2270 and ", {"_NUMBERED_BEFORE", "_COORDINATION_BEFORE"}),
    ("Security Council resolutions ", {"_NUMBERED_BEFORE"}),
    ("UNSCR 2375 and\n", {"_NUMBERED_BEFORE", "_COORDINATION_BEFORE"}),
    ("UNSCR 2375 or 2397", set()),  # the words must end the stretch
    ("UNSCR 2375 AND ", {"_COORDINATION_BEFORE"}),  # "and" of a list of numbers: lower case
    ("paid $", {"_NUMBERED_BEFORE"}),
    ("Decree No. ", {"_NUMBERED_BEFORE"}),
    ("in the border order of ", {"_COORDINATION_BEFORE"}),
    ("the lawyer said the ", {"_THE_BEFORE"}),
    ("bathe ", set()),
    ("contracts were due to ", {"_VERB_BEFORE", "_COORDINATION_BEFORE"}),
    ("which could never ", {"_VERB_BEFORE"}),
    ("cannot ", set()),
    ("from mid-", {"_COORDINATION_BEFORE"}),
    ("sent workers in ", {"_COORDINATION_BEFORE"}),
    ("shipments of ſteel arrived in ", {"_COORDINATION_BEFORE"}),
    ("THE ", {"_THE_BEFORE"}),
    ("", set()),
]


@pytest.mark.parametrize(("before", "expected"), ENDINGS)
def test_endings_read_backwards(before: str, expected: set[str]) -> None:
    found = {name for name in FORWARD if getattr(ex, name).search(before)}
    assert found == expected
    assert found == {name for name, forward in FORWARD.items() if forward.search(before)}


# Text made of the patterns' own pieces, so that near-misses are common.
PIECES = st.sampled_from(
    "resolution resolutions UNSCR s/res/ no. Nos. article order number # $ usd won law room"
    " the The tHe bathe to will could never not and or of in from till - , 2397 12 1"
    " a x ſ ı K".split()
    + [" ", "  ", "\n", "\t", "-", ","]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_endings_agree_with_forward_patterns(before: str) -> None:
    for name, forward in FORWARD.items():
        assert getattr(ex, name).search(before) == bool(forward.search(before)), name


def test_both_points_read_from_the_same_group_layout() -> None:
    """`read_point` reads either point's slice of `groups()` by the first point's names."""
    first = [n for n, i in TIME.groupindex.items() if i - 1 in range(100)[ex.POINT_GROUPS["_1"]]]
    second = [n for n, i in TIME.groupindex.items() if i - 1 in range(200)[ex.POINT_GROUPS["_2"]]]
    assert first and [n.replace("_1", "_2", 1) for n in first] == second


@pytest.mark.parametrize(
    ("words", "second_point"),
    [
        ("from March to May 2023", Point("month", year=2023, month=5)),
        ("between 2019 and 2021", Point("year", year=2021)),
        ("in late 2024", None),
        ("on June 28-30, 2022", None),  # a bare day is no point of its own
    ],
)
def test_a_range_reads_each_point_from_its_own_groups(
    words: str, second_point: Point | None
) -> None:
    m = TIME.match(words)
    assert m is not None
    groups = m.groups()
    first, second = (groups[ex.POINT_GROUPS[s]] for s in ("_1", "_2"))
    assert ex.read_point(first) is not None
    assert ex.read_point(second) == second_point


# Sentences of the genre's words and of every word the cue pattern names, so that the
# first-word guard of _LOWER_CUES meets each cue, and near-misses of each ("toldx", "re-").
_PATTERN_WORDS = set(re.findall(r"[a-z']+", _CUES.pattern.replace("\\s", " ")))
# ...with the last letter off too: "plans?" is written "plans", and reads "plan".
_CUE_WORDS = sorted(
    _PATTERN_WORDS | {w[:-1] for w in _PATTERN_WORDS} | {"workers", "the", "arrived"}
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(_CUE_WORDS) | st.sampled_from(["x", "ed", "-", "'", "s", "ing"]),
        max_size=24,
    ).flatmap(lambda words: st.sampled_from([" ", "  "]).map(lambda gap: gap.join(words)))
)
def test_guarded_cues_on_random_cue_words(text: str) -> None:
    plain = re.compile(_CUES.pattern)
    fast = [(m.span(), m.lastgroup) for m in _LOWER_CUES.finditer(text)]
    assert fast == [(m.span(), m.lastgroup) for m in plain.finditer(text)]
    # Glued words too ("toldx", "wasplanned"): a guard on a prefix must not misread them.
    glued = text.replace(" ", "", 3)
    fast = [(m.span(), m.lastgroup) for m in _LOWER_CUES.finditer(glued)]
    assert fast == [(m.span(), m.lastgroup) for m in plain.finditer(glued)]


def test_guarded_cues_on_every_cue_word() -> None:
    """Each word of the pattern, in each of the places a cue's first word stands."""
    plain = re.compile(_CUES.pattern)
    for word in _CUE_WORDS:
        for text in (
            f"they {word} to go home",
            f"it {word} for the workers",
            f"{word} been planned",
            f"the workers, {word} by the guards",
            f"a{word} {word}s {word}ed {word}'ll",
        ):
            fast = [(m.span(), m.lastgroup) for m in _LOWER_CUES.finditer(text)]
            assert fast == [(m.span(), m.lastgroup) for m in plain.finditer(text)], text


_PARTICIPLE_PIECES = st.sampled_from(
    "be been being is are am the a an its their his her our newly recently get got x ed"
    " The BEEN ſ ı".split()
    + [" ", "  ", "\n", "-", ","]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_PARTICIPLE_PIECES, max_size=12).map("".join), st.integers(0, 40))
def test_participle_read_backwards(text: str, start: int) -> None:
    start = min(start, len(text))
    expected = bool(_PARTICIPLE.search(text, max(0, start - 12), start))
    assert _participle_before(text, start) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("workers who had been selected", True),
        ("the newly selected", True),
        ("it was then selected", False),
        ("xxxxxxxxxxxxxxxxxxxthe selected", False),  # inside a word: no word start there
        ("xxxxxxxxxxxxxxxxxxxx the selected", True),
        ("recently selected", True),
        ("unrecently selected", False),
        # "the" opens the 12 characters before the participle: the character before them
        # decides whether a word starts there.
        ("ab" + "the" + " " * 9 + "selected", False),
        ("a." + "the" + " " * 9 + "selected", True),
    ],
)
def test_participle_before_examples(text: str, expected: bool) -> None:
    start = text.rindex(" ") + 1
    assert _participle_before(text, start) == expected
    assert bool(_PARTICIPLE.search(text, max(0, start - 12), start)) == expected


def test_lazy_cues_give_the_tense_of_all_cues() -> None:
    """`SentenceCues.tense` answers as `tense_from` over every cue of the sentence does, for
    each expression of the corpus in text order (the order the finder asks in)."""
    from pathlib import Path

    from tumen.extract.sentences import split_sentences
    from tumen.resolve.time.context import SentenceCues, cues_in, tense_from
    from tumen.text import fold

    corpus = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
    texts = [
        # A reporting verb after the expression, alone or beyond a nearer cue; cues on both
        # sides at several distances; two expressions in one sentence.
        "In March, officials said.",
        "By late May the crews will leave, a broker told reporters.",
        "Workers who arrived in June were sent home in August, and more will come in October.",
        "The contracts, signed in April, expired in the autumn, the trust reported.",
        "In July 2024 they would return, the selected workers said in an interview.",
    ]
    for path in sorted(corpus.glob("*.txt")) + sorted(corpus.glob("*.json")):
        if path.name.endswith(".gold.json"):
            continue
        raw = path.read_text(encoding="utf-8")
        texts.append(raw if path.suffix == ".txt" else json.loads(raw)["text"])
    asked = 0
    for text in texts:
        lower = fold(text)
        for s in split_sentences(text):
            sentence = (s.start, s.end)
            lazy = SentenceCues(text, sentence, lower)
            every = cues_in(text, sentence, lower)
            for m in TIME.finditer(text, s.start, s.end):
                assert lazy.tense(*m.span()) == tense_from(every, *m.span())
                asked += 1
    assert asked > 50
