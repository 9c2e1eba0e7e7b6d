"""Certainty from the report's own hedging, negation and unknowns.

One scale: certain / likely / possible / doubtful / unknown (mapped to the ICD 203 probability
bands in `docs/certainty.md`). A claim stated flatly is `certain`: it is the report's certainty,
not ours. The cue word that set the level is kept (`certainty_cue`), so an analyst sees why.

Scope is the clause that holds the event's trigger: a hedge counts when it is in the same
sentence and not cut off from the trigger by a clause break ("; ", ", but", ", while").
Negation is read here too, because a denial ("no workers were sent") removes an event, and
"have yet to leave" or "postponed" change its status rather than its certainty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tumen.model import Certainty, Span

Polarity = Literal["affirmed", "denied", "delayed", "cancelled"]

# ICD 203 (ODNI, 2015) probability bands for each level of the scale (percent). `unknown` has
# no band: the report says it cannot tell, which is not a probability.
ICD203_BANDS: dict[str, tuple[int, int] | None] = {
    "certain": (95, 99),
    "likely": (55, 95),
    "possible": (20, 55),
    "doubtful": (1, 20),
    "unknown": None,
}
ICD203_TERMS: dict[str, str | None] = {
    "certain": "almost certain (nearly certain)",
    "likely": "likely / very likely (probable / highly probable)",
    "possible": "unlikely to roughly even chance (improbable to roughly even odds)",
    "doubtful": "almost no chance / very unlikely (remote / highly improbable)",
    "unknown": None,
}

# Cues, strongest reading first within each level. Order between levels is decided by distance
# to the trigger (the nearest governing cue wins), with `unknown` and `doubtful` checked first
# because they override a weaker hedge in the same clause ("it remains unknown whether ... may").
_UNKNOWN = (
    r"remains? (?:unknown|unclear|to be seen)|(?:is|are|was|were|it is|it's) (?:still )?(?:unknown|unclear|not known)"
    r"|(?:was|were|is|are) unable to (?:find out|confirm|verify|learn|determine|establish)"
    r"|could not (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)"
    r"|cannot be (?:independently )?(?:verified|confirmed)|not (?:been )?(?:specified|disclosed|known)"
    r"|(?:refused|declined|would not|did not|could not) (?:to )?confirm|no (?:further )?details"
    r"|without providing (?:any )?(?:further )?(?:information|details)"
)
_DOUBTFUL = (
    r"(?:highly |very )?unlikely|doubts?|doubted|doubtful|improbable|skeptical|sceptical"
    r"|(?:is|are|was|were) not expected to|no (?:firm|clear) (?:evidence|sign)"
)
_POSSIBLE = (
    r"(?<!\bin )(?<!early )(?<!late )(?<!since )(?<!until )(?<!of )may(?!\s+\d)|might|could|possibly|possible|perhaps|allegedly|alleged|rumou?red|rumou?rs?|speculat\w*"
    r"|(?:is|are|was|were) (?:considering|discussing|reviewing)|discussing plans|under (?:review|consideration)"
    r"|if|whether|potential(?:ly)?|would consider|not ruled out|cannot be ruled out|hinting|hints?"
)
_LIKELY = (
    r"(?:highly |very |most )?likely|probably|probable|presumably|presumed|reportedly|reported to"
    r"|(?:is|are|was|were) (?:said|believed|thought|understood|suspected|estimated|expected|known) to"
    r"|believed|suspected|estimated|apparent(?:ly)?|appears?|appeared|seems?|seemed|suggests?|suggested"
    r"|indications?|signs?|signals?|understood|expected to|are said|is said"
)
_CERTAIN = r"confirmed|clearly|(?:has|have) (?:been )?(?:confirmed|learned|found)|it has been found|officially"

_LEVELS: tuple[tuple[Certainty, str], ...] = (
    ("unknown", _UNKNOWN),
    ("doubtful", _DOUBTFUL),
    ("possible", _POSSIBLE),
    ("likely", _LIKELY),
    ("certain", _CERTAIN),
)
_CUE = re.compile(
    "|".join(rf"(?P<{level}>\b(?:{pattern})\b)" for level, pattern in _LEVELS), re.IGNORECASE
)


def lower_same_length(text: str) -> str:
    """`text` lower-cased, keeping every offset (a few letters lower to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Where a clause ends: a hedge beyond one of these does not govern the trigger.
_CLAUSE_BREAK = re.compile(
    r";|:\s|\u2014|\s-\s|,\s+(?:but|while|whereas|although|though|however|and)\b|\.\s|\bbut\b"
    r"|[\u201c\u201d\"]",
    re.IGNORECASE,
)

# Outright denial governing the trigger: "no workers were sent", "did not dispatch",
# "has never sent", "denied sending". Checked only in the few words before the trigger.
_DENIED = re.compile(
    r"(?:\b(?:not|never|n't|no longer|nor)\s+(?:\w+ly\s+)?(?:be(?:en)?\s+|have\s+|has\s+|had\s+)?"
    r"|\bno\s+(?:[\w-]+\s+){0,2}(?:were|was|have been|has been|are|is)?\s*|\bdenied\s+|\bdenies\s+"
    # "barred from going home", "stopped renewing their visas", "unable to send": not done.
    r"|\b(?:barred|banned|prevented|prohibited|stopped|kept)\s+from\s+|\b(?:stopped|ceased|refused\s+to"
    r"|declined\s+to|unable\s+to)\s+|\bnot\s+(?:allowed|permitted)\s+to\s+)$",
    re.IGNORECASE,
)
# A denied subject right before the verb: "not one of them was allowed to go home", "none of
# the North Korean women has left", "nobody from the brigade returned".
_DENIED_SUBJECT = re.compile(
    r"\b(?:not\s+(?:one|a\s+single\s+(?:one|worker|man|woman|person))|none|no\s+one|nobody)"
    r"(?:\s+(?:of|from)\s+(?:them|those|these|(?:the|their|its)\s+(?:[\w-]+\s+){0,3}?[\w-]+))?\s+"
    r"(?:(?:was|were|is|are|has|have|had|will|would|could|can)\s+(?:been\s+)?)?"
    r"(?:(?:allowed|permitted|able)\s+to\s+)?$",
    re.IGNORECASE,
)
_DELAYED = re.compile(
    r"\b(?:(?:have|has|had) yet to|not yet|still (?:in|waiting|awaiting)|postponed|delayed|put off"
    r"|pushed back|on hold)\b",
    re.IGNORECASE,
)
_CANCELLED = re.compile(
    r"\b(?:cancel(?:l)?ed|called off|scrapped|abandoned|halted|suspended|no longer)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Hedge:
    """How sure the report is of one claim, and the words that say so."""

    certainty: Certainty
    cue: str | None = None
    cue_span: Span | None = None
    polarity: Polarity = "affirmed"


def clause_bounds(text: str, start: int, end: int, sent_start: int, sent_end: int) -> Span:
    """The clause of a sentence that holds [start, end): between the nearest clause breaks."""
    left = sent_start
    for m in _CLAUSE_BREAK.finditer(text, sent_start, start):
        left = m.end()
    right = sent_end
    m2 = _CLAUSE_BREAK.search(text, end, sent_end)
    if m2:
        right = m2.start()
    return left, right


def assess(text: str, start: int, end: int, sent_start: int, sent_end: int) -> Hedge:
    """Certainty and polarity of the claim whose trigger is text[start:end].

    The nearest cue in the trigger's clause wins, so a lead-in ("It is widely rumoured that
    ...", "Many experts doubt ...") governs what follows it unless a nearer cue overrides.
    """
    left, right = clause_bounds(text, start, end, sent_start, sent_end)
    polarity = _polarity(text, start, end, left, right)
    best: tuple[int, int, Certainty, re.Match[str]] | None = None
    for m in _sentence_cues(text, sent_start, sent_end):
        if m.start() < left or m.end() > right:
            continue
        if m.end() > start and m.start() < end:
            continue  # the cue is the trigger itself
        level: Certainty = m.lastgroup  # type: ignore[assignment]  # group names are the levels
        after = m.start() >= end
        if after and m.group(0).lower() in ("if", "whether"):
            continue  # a condition after the claim ("... if they were to arrive") is its own clause
        # Cues before the trigger govern it; one after it only weakly (a trailing "reportedly").
        # "unknown" and "doubtful" before the trigger override a nearer weaker hedge ("it is
        # unclear whether ...").
        rank = 0 if (not after and level in ("unknown", "doubtful")) else 1
        distance = start - m.end() if not after else m.start() - end + 40
        if best is None or (rank, distance) < (best[0], best[1]):
            best = (rank, distance, level, m)
    if best is None:
        return Hedge("certain", None, None, polarity)
    _, _, level, m = best
    return Hedge(level, m.group(0), m.span(), polarity)


@lru_cache(maxsize=256)
def _sentence_cues(text: str, sent_start: int, sent_end: int) -> tuple[re.Match[str], ...]:
    """The hedge cues of one sentence, scanned once for all the triggers in it."""
    return tuple(_CUE.finditer(text, sent_start, sent_end))


def _polarity(text: str, start: int, end: int, left: int, right: int) -> Polarity:
    before = text[max(left, start - 40) : start]
    if _DENIED.search(before) and not re.search(r"\bnot only\s*$", before, re.IGNORECASE):
        if re.search(r"\b(?:yet|no longer)\b", before, re.IGNORECASE):
            return "delayed" if "yet" in before.lower() else "cancelled"
        return "denied"
    if _DENIED_SUBJECT.search(text, max(left, start - 90), start):
        return "denied"
    clause = text[left:right]
    if _DELAYED.search(clause):
        return "delayed"
    if _CANCELLED.search(clause):
        return "cancelled"
    return "affirmed"
