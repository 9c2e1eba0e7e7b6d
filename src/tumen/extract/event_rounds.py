"""Round, batch and group numbers named in a sentence ("the second round of selections", "the
first two batches", "group No. 3"), and whether each is a selection round: the lexicon and its
reading. Split from `lexicon_events` and `events`, which attach each round to its event.
"""

from __future__ import annotations

import re

from tumen.extract.numbers import UNIT_WORDS
from tumen.model import Sentence
from tumen.text import fold

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
    "eighth": 8,
    "8th": 8,
    "ninth": 9,
    "9th": 9,
    "tenth": 10,
    "10th": 10,
    "initial": 1,
}
_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|initial)"
# One word may stand between the ordinal and its head: "a second enlistment round".
_ROUND_MODIFIER = r"(?:selection|recruitment|enlistment|screening|dispatch|deployment|worker|labou?r|construction|training)"
_ROUND_HEADS = (
    r"(?:rounds?|batch(?:es)?|groups?|waves?|contingents?|cohorts?|selections?|recruitments?|"
    r"rotations?|dispatch(?:es)?|teams?|crews?|brigades?|detachments?|intakes?|tranches?)"
)
# "the third and fourth round selections", "fourth round of selections", "a fifth round",
# "the first batch"; never "the first time", "the first half".
ROUND = re.compile(
    rf"\b(?P<ords>{_ORD}(?:(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)(?:the\s+)?{_ORD})*)"
    # "the third such contingent", "a second fresh batch"
    rf"(?:\s+(?:such|new|fresh|large|small|big|major))?"
    rf"(?:[\s-]+(?P<mod>{_ROUND_MODIFIER}))?[\s-]+(?P<head>{_ROUND_HEADS})\b",
    re.IGNORECASE,
)
# A later ordinal of the same series with its head left out, after a comma or "and", followed
# by a preposition or a verb rather than a noun ("the second by", "the third in", "the second
# was"): never "the second time", "the first half".
ELLIPTIC_ORDINAL = re.compile(
    rf"(?:,|;|\band)\s+the\s+(?P<ord>{_ORD})(?=\s+(?:by|in|at|on|near|under|was|were|is|are|"
    r"took|came|followed|will|would|had|has)\b|\s*[,;.])",
    re.IGNORECASE,
)
# The number after the head: "round two", "batch No. 3", "group 4" (not "group of").
ROUND_CARDINAL = re.compile(
    r"\b(?P<head>rounds?|batch|group|wave|contingent|rotation)\s+(?:(?:no\.|number)\s*)?"
    r"(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|10|[1-9])\b(?![-,.]?\d|[- ](?:year|month|week|day|hour|times|percent|million|thousand)|%)",
    re.IGNORECASE,
)
# "round six", "batch 3": the number words of a round, one to ten.
CARDINAL_WORDS = {word: n for word, n in UNIT_WORDS.items() if 1 <= n <= 10}
ORD_WORD = re.compile(_ORD, re.IGNORECASE)
# "the first two rounds", "the first three batches": rounds 1 to N.
FIRST_N = re.compile(
    rf"\bfirst\s+(?P<n>two|three|four|five|2|3|4|5)\s+(?P<head>{_ROUND_HEADS})\b", re.IGNORECASE
)
CARDINALS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# A round in a sentence about choosing people is a selection round ("the first round is over
# and 400 were picked", "how many will be chosen in the second round").
SELECT_WORD = re.compile(
    r"\b(?:select\w*|pick(?:s|ed|ing)?|chos(?:e|en)|choos\w*|recruit\w*|vett\w*|recommend\w*|"
    r"candidates?|applicants?)\b",
    re.IGNORECASE,
)
ROUND_TAIL = re.compile(
    r"\s+of\s+(?:[\w-]+\s+)?(?:selections?|recruitments?|recruiting|recommendations?)\b"
    r"|\s+(?:selections?|recruitments?)\b",
    re.IGNORECASE,
)
SELECTION_HEAD = re.compile(r"round|selection|recruitment", re.IGNORECASE)
ROUND_IS_SELECTION = re.compile(
    r"^\s*(?:of\s+(?:[\w-]+\s+)?(?:selections?|recruitments?|recruiting|recommendations?)|"
    r"(?:selections?|recruitments?))\b|^\s*$|^\s*(?:of\s+)?(?:worker\s+)?selection",
    re.IGNORECASE,
)


def rounds_of(text: str, sentence: Sentence) -> list[tuple[int, tuple[int, int], bool | None]]:
    """Round numbers named in a sentence: (number, span of the phrase, is it a selection round;
    None: a bare "round" that is one unless the sentence speaks of moving workers)."""
    found: list[tuple[int, tuple[int, int], bool | None]] = []
    for first in FIRST_N.finditer(text, sentence.start, sentence.end):
        is_round = fold(first.group("head")).startswith("round")
        chosen = is_round and bool(SELECT_WORD.search(text, sentence.start, sentence.end))
        for number in range(1, CARDINALS[fold(first.group("n"))] + 1):
            found.append((number, first.span(), True if chosen else (None if is_round else False)))
    for m in ROUND.finditer(text, sentence.start, sentence.end):
        head = m.group("head")
        after = text[m.end() : m.end() + 40]
        modifier = fold(m.group("mod") or "")
        selection: bool | None = bool(SELECTION_HEAD.match(head)) and (
            fold(head).startswith(("selection", "recruitment"))
            or modifier in ("selection", "recruitment", "enlistment", "screening")
            or bool(ROUND_IS_SELECTION.match(after))
            or "select" in fold(text[max(sentence.start, m.start() - 30) : m.start()])
        )
        if not selection and fold(head).startswith("round"):
            # "round" is the genre's word for a selection round: one, when the sentence is
            # about choosing people, or when nothing in it moves workers (decided by the caller).
            selection = True if SELECT_WORD.search(text, sentence.start, sentence.end) else None
        span = m.span()
        tail = ROUND_TAIL.match(text, m.end(), sentence.end)
        if selection and tail:
            span = (m.start(), tail.end())  # evidence: "second round of worker selections"
        for o in ORD_WORD.finditer(m.group("ords")):
            found.append((ORDINALS[fold(o.group(0))], span, selection))
        # The head left out after the first: "The first round was held at their plant, the
        # second by party officials and the third in Pyongyang".
        for e in ELLIPTIC_ORDINAL.finditer(text, m.end(), sentence.end):
            found.append((ORDINALS[fold(e.group("ord"))], e.span("ord"), selection))
    for c in ROUND_CARDINAL.finditer(text, sentence.start, sentence.end):
        raw = fold(c.group("n"))
        number = CARDINAL_WORDS.get(raw) or int(raw)
        is_round = fold(c.group("head")).startswith("round")
        chosen = is_round and bool(SELECT_WORD.search(text, sentence.start, sentence.end))
        found.append((number, c.span(), True if chosen else (None if is_round else False)))
    return found
