"""What the words around an expression say: tense, quotation, the sentence it sits in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from tumen.model import Sentence
from tumen.resolve.time.grammar import backwards, trie
from tumen.text import fold

# Cues of the tense an expression is used in, nearest to the expression wins. "Neutral" cues
# are the future-in-the-past ("planned to", "was scheduled to", "would"): the event may fall
# either side of publication, so the nearest occurrence decides.
_CUES = re.compile(
    # An order runs from the moment it was given, which may be weeks before publication: "told
    # the doctors to go home by the end of March" is the nearest March, deadline or not.
    r"\b(?P<near>(?:told|ordered|asked|instructed|urged|directed|forced)\s+"
    r"(?:(?!that\b)[\w'-]+\s+){0,16}?to\s+(?:go|return|leave|wind|quit|depart|pack|close|finish"
    r"|complete|hand)\b)"
    r"|\b(?P<neutral>(?:was|were|had\s+been)\s+(?:scheduled|planned|planning|set|expected|supposed"
    r"|due|going|about|slated|likely|meant)\b|planned|would|could|might"
    # A plan, permission or duty whose time runs from its own moment, not from a past verb
    # further off: "applied for permission to bring them in before the summer", "a rule
    # requiring their return by December".
    r"|(?:permission|approval|licen[cs]e|agreed|promised|pledged|vowed|decided)\s+to"
    # A request looks ahead from its own moment, as a plan does: "had asked for more workers
    # ahead of the summer" in March is the coming summer.
    r"|(?:asked|applied|called|appealed|pressed|lobbied)\s+for|requested"
    r"|requir(?:e|es|ing))\b"
    r"|(?P<future>\b(?:will|shall|won't|plans?\s+(?:to|for|an?|another)|aims?\s+to|intends?\s+to|must|upcoming"
    r"|hopes?\s+to|wants?|seeks?\s+to|needs?\s+to|expects?|anticipates?"
    # A plan under discussion: "owners are talking about bringing a new group in the spring".
    r"|talking\s+(?:about|of)"
    # A plan named by its participle right before the time: "departure, expected in March".
    r"|(?:expected|due|scheduled|slated)(?=\s+(?:in|on|by|for|before|around|at|early|late|mid"
    r"|next)\b)"
    r"|(?:is|are|'s|'re|be)\s+(?:planning|planned|scheduled|slated|set|expected|likely|going|due"
    r"|about|poised|to)\b|scheduled\s+to|slated\s+to|expected\s+to|likely\s+to|set\s+to"
    # A deadline named before the expression: "to finish the work by the party's anniversary
    # in October", "ahead of the congress in May".
    r"|(?:by|before|ahead\s+of|in\s+time\s+for)\s+(?:the\s+)?(?:[\w']+\s+){0,2}?(?:anniversary"
    r"|holidays?|deadline|congress|plenum|celebrations?|festival|birthday|elections?|opening)"
    r"))\b"
    r"|'ll\b"
    # "The move follows a designation in March": what a step follows came before it.
    r"|(?P<past>\b(?:follows\s+(?:a|an|the|last)|comes\s+after|on\s+the\s+heels\s+of"
    r"|was|were|had|did|said|told|ago|earlier|previously|already|began|met|sent"
    r"|came|went|made|took|left|held|gave|spoke|saw|found|became|brought|paid|fled|won|lost"
    r"|flew|got|ran|drove|rode|built|sought|kept|wrote|knew|fought|caught|bought|sold|stood"
    r"|spent|struck|led|fell|grew|rose|chose|drew|felt|heard|taught|thought|broke|stole|withdrew"
    r"|[a-z]{3,}ed)\b)",
    re.IGNORECASE,
)
# The same cues over a lower-cased copy of the text (all of _CUES is lower case and matched
# without case): a case-sensitive scan is several times faster. Every cue begins a word with a
# letter, or is "'ll": checked first, that turns down a position inside a word in one step
# instead of one per alternative. A word start then passes only if it begins with the first
# word of some cue (`_CUE_STARTS`, factored by letter) or is a word in "-ed": most words are
# turned down after a letter or two instead of after every alternative (tests check that the
# cues found are the same).
_CUE_STARTS = (
    "told ordered asked instructed urged directed forced was were had planned planning would"
    " could might permission approval licence license agreed promised pledged vowed decided"
    " applied called appealed pressed lobbied requested require requires requiring will shall"
    " won plan plans aim aims intend intends must upcoming hope hopes want wants seek seeks talking"
    " need needs expect expects anticipate anticipates expected due scheduled slated is are be"
    " likely set by before ahead in follows comes on did said ago earlier previously already"
    " began met sent came went made took left held gave spoke saw found became brought paid"
    " fled lost flew got ran drove rode built sought kept wrote knew fought caught bought sold"
    " stood spent struck led fell grew rose chose drew felt heard taught thought broke stole"
    " withdrew"
).split()
_LOWER_CUES = re.compile(
    rf"(?=\b(?:{trie([(word, '') for word in _CUE_STARTS])}|[a-z]*ed\b)|')(?:{_CUES.pattern})"
)
# Participles that read as plans, not as past events ("the scheduled departure").
_PARTICIPLE_WORDS = "be|been|being|is|are|am|the|a|an|its|their|his|her|our|newly|recently|get|got"
_PARTICIPLE = re.compile(rf"(?i:\b(?:{_PARTICIPLE_WORDS})\s+)$")
# The same read backwards (`_participle_before`).
_PARTICIPLE_BACKWARDS = re.compile(rf"(?i:\s+(?:{backwards(_PARTICIPLE_WORDS)})(?!\w))")
# A reporting verb after the expression dates the report, not the event ("... will leave in
# mid-June," he said).
_REPORTING = frozenset("said told added noted reported explained stated claimed".split())
# A participle opening a clause of its own after a comma ("..., followed by a second group in
# the autumn", "..., accompanied by guards"): no tense of its own, the main verb's holds.
_CLAUSE_PARTICIPLE_AFTER = re.compile(r"\s+by\b")
_NOT_PAST = frozenset(
    "scheduled planned expected slated intended supposed aimed proposed required needed"
    " hundred indeed united limited related speed need feed seed bed red".split()
)


def _no_tense(text: str, match: re.Match[str], word: str) -> bool:
    """Is this past-looking word a participle with no tense of its own?"""
    start = match.start()
    if word in _NOT_PAST or _participle_before(text, start):
        return True
    return text[max(0, start - 2) : start].rstrip().endswith(",") and bool(
        _CLAUSE_PARTICIPLE_AFTER.match(text, match.end())
    )


def _participle_before(text: str, start: int) -> bool:
    """`_PARTICIPLE.search(text, max(0, start - 12), start)`, asked for every past-tense cue,
    so asked fast: matched once at the start of the 12 characters reversed, instead of tried
    at each of them. The character before them is read too, as the search's `\\b` reads it
    (a test checks the two against each other)."""
    pos = max(0, start - 12)
    reach = text[pos - 1 : start] if pos else text[:start]
    m = _PARTICIPLE_BACKWARDS.match(reach[::-1])
    return m is not None and m.end() <= start - pos


class Cue(NamedTuple):
    """A tense cue of a sentence, read once for every expression of the sentence."""

    start: int
    end: int
    label: str | None  # "past", "future", "near" (an order) or None (a neutral cue)
    reporting: bool  # a reporting verb: no cue when it follows the expression


def _cue_matches(
    text: str, sentence: tuple[int, int], lower: str | None
) -> Iterator[re.Match[str]]:
    """The matches of the cue pattern in a sentence, in text order. `lower` is `fold(text)`
    when that keeps every offset (see `find_times`); it is scanned instead, case-sensitively."""
    if lower is None:
        return _CUES.finditer(text, sentence[0], sentence[1])
    return _LOWER_CUES.finditer(lower, sentence[0], sentence[1])


def cues_in(text: str, sentence: tuple[int, int], lower: str | None = None) -> list[Cue]:
    """Every cue of a sentence that may weigh on the tense of an expression, in text order: the
    plain form that `SentenceCues` reads lazily (a test checks the two against each other)."""
    return [cue for m in _cue_matches(text, sentence, lower) if (cue := _cue(text, m)) is not None]


def tense_from(cues: list[Cue], start: int, end: int) -> str | None:
    """The tense of an expression from its sentence's cues (`cues_in`): the nearest cue outside
    the expression wins; one after it weighs less, and a reporting verb after it not at all."""
    best: tuple[float, str | None] | None = None
    for cue in cues:
        if cue.start < end and cue.end > start:
            continue  # a cue inside the expression itself ("last year") says nothing
        if cue.reporting and cue.start >= end:
            continue
        if cue.end <= start:
            distance = float(start - cue.end)
        else:
            distance = (cue.start - end) * 1.5  # a cue after the expression weighs less
        if best is None or distance < best[0]:
            best = (distance, cue.label)
    return best[1] if best else None


class SentenceCues:
    """The tense of the expressions of one sentence: `tense_from` over `cues_in`, with the
    cues read from the sentence's start only as far as each question needs.

    The cues come in text order and a cue after the expression weighs more the further it
    is, so once one lies no nearer than the best cue so far, no later one can win: the rest
    of the sentence is left unread unless a later expression needs it.
    """

    __slots__ = ("_text", "_matches", "_cues", "_done")

    def __init__(self, text: str, sentence: tuple[int, int], lower: str | None = None) -> None:
        self._text = text
        self._matches = _cue_matches(text, sentence, lower)
        self._cues: list[Cue] = []
        self._done = False

    def _read_one(self) -> bool:
        """Read the next cue of the sentence; False when there is none left."""
        text = self._text
        for match in self._matches:
            cue = _cue(text, match)
            if cue is not None:
                self._cues.append(cue)
                return True
        self._done = True
        return False

    def tense(self, start: int, end: int) -> str | None:
        """`tense_from(cues_in(...), start, end)`, reading no more cues than it needs."""
        cues = self._cues
        best: tuple[float, str | None] | None = None
        i = 0
        while i < len(cues) or (not self._done and self._read_one()):
            cue = cues[i]
            i += 1
            if cue.start < end and cue.end > start:
                continue  # a cue inside the expression itself ("last year") says nothing
            if cue.end <= start:
                distance = float(start - cue.end)
            else:
                distance = (cue.start - end) * 1.5  # a cue after the expression weighs less
                if best is not None and distance >= best[0]:
                    break  # and every later cue lies further still
                if cue.reporting:
                    continue
            if best is None or distance < best[0]:
                best = (distance, cue.label)
        return best[1] if best else None


def _cue(text: str, match: re.Match[str]) -> Cue | None:
    """The cue of one match of _CUES (or _LOWER_CUES), None for a past tense that never
    counts ("the selected workers"): it is left out once per sentence, instead of being
    turned down for every expression."""
    kind = match.lastgroup  # at most one of the four groups takes part; none for "'ll"
    if kind == "past":
        word = fold(match.group("past"))
        if _no_tense(text, match, word):
            return None
        return Cue(match.start(), match.end(), "past", word in _REPORTING)
    label = "near" if kind == "near" else None if kind == "neutral" else "future"
    return Cue(match.start(), match.end(), label, False)


def in_quotation(text: str, position: int) -> bool:
    """Is `position` inside quoted speech? Counted from the start of its paragraph."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    opened = before.count("\u201c") - before.count("\u201d")
    if opened > 0:
        return True
    return before.count('"') % 2 == 1


class Sentences:
    """Finds the sentence around a position; falls back to the line when none covers it."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self._text = text
        self._spans = sorted((s.start, s.end) for s in sentences)
        self._starts = [s for s, _ in self._spans]

    def around(self, position: int) -> tuple[int, int]:
        index = bisect_right(self._starts, position) - 1
        if index >= 0:
            start, end = self._spans[index]
            if start <= position < end:
                return start, end
        start = self._text.rfind("\n", 0, position) + 1
        end = self._text.find("\n", position)
        return start, len(self._text) if end < 0 else end
