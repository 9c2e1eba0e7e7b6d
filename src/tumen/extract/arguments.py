"""Arguments of events: which places, time, worker count, duration and sector an event takes.

A time belongs to the verb of its own clause ("were selected and will leave in early November"
dates the departure only); counts and durations go to the nearest mention in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tumen.model import Duration, EventType, Place, Quantity, Sector, Sentence, TimeExpression


def place_ids(places: Sequence[Place], sentence: Sentence) -> list[str]:
    """The places named in the event's sentence."""
    return [p.id for p in places if sentence.start <= p.span[0] < sentence.end]


def nearest_id(
    items: Sequence[TimeExpression | Quantity | Duration],
    trigger: tuple[int, int],
    sentence: Sentence,
) -> str | None:
    best = None
    best_distance = 10**9
    for item in items:
        s, e = item.span
        if s < sentence.start or e > sentence.end:
            continue
        distance = abs(s - trigger[0])
        if distance < best_distance:
            best, best_distance = item.id or None, distance
    return best


# A clause of its own: "..., and most of them are now working", "..., while others stayed".
CLAUSE_BREAK = re.compile(r"[;:]\s|,\s+(?:and|but|while|whereas|although|though|yet)\b")
# Conditions named by a noun ("on study visas", "their contracts") are no verb of their own:
# they neither own a time nor keep it from the verb they hang on.
_NOT_VERBS = frozenset({"terms", "evasion"})
# "send the recruited welders in late March": a participle after a determiner describes the
# object of another verb and owns no time.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|these|their|its|newly|already|recently|freshly)\s+$", re.IGNORECASE
)


def verb_triggers(
    text: str, triggers: Sequence[tuple[tuple[int, int], EventType]]
) -> list[tuple[tuple[int, int], EventType]]:
    """The triggers (span, event type) of a sentence that are verbs of a stage."""
    return [
        (span, event_type)
        for span, event_type in triggers
        if event_type not in _NOT_VERBS
        and not _ATTRIBUTIVE_BEFORE.search(text, max(0, span[0] - 12), span[0])
    ]


def _time_owner(
    text: str,
    span: tuple[int, int],
    verbs: Sequence[tuple[tuple[int, int], EventType]],
) -> EventType | None:
    """The stage whose verb a time belongs to: the nearest verb before it in its clause (a
    time follows its verb: "selected ... to leave in early November"), else the nearest after
    it ("In May, the workers left")."""
    before = [
        (vs, ve, t)
        for (vs, ve), t in verbs
        if ve <= span[0] and not CLAUSE_BREAK.search(text, ve, span[0])
    ]
    if before:
        return max(before)[2]
    after = [
        (vs, ve, t)
        for (vs, ve), t in verbs
        if vs >= span[1] and not CLAUSE_BREAK.search(text, span[1], vs)
    ]
    return min(after)[2] if after else None


def own_time_id(
    text: str,
    times: Sequence[TimeExpression],
    trigger: tuple[int, int],
    event_type: EventType,
    sentence: Sentence,
    verbs: Sequence[tuple[tuple[int, int], EventType]],
) -> str | None:
    """The nearest time in the trigger's clause that belongs to this stage's verb and not to
    another's: "were selected and will leave in early November" dates the departure only."""

    def own(item: TimeExpression) -> bool:
        s, e = item.span
        low, high = (trigger[1], s) if s >= trigger[1] else (e, trigger[0])
        if CLAUSE_BREAK.search(text, low, high):
            return False  # a time of another clause
        if event_type in _NOT_VERBS:
            return True
        owner = _time_owner(text, item.span, verbs)
        return owner is None or owner == event_type  # else another stage's verb owns it

    in_sentence = [
        t for t in times if t.span[0] >= sentence.start and t.span[1] <= sentence.end and own(t)
    ]
    return nearest_id(in_sentence, trigger, sentence)


# --- sector ---------------------------------------------------------------------------------

_SECTORS: tuple[tuple[Sector, re.Pattern[str]], ...] = (
    (
        "construction",
        re.compile(
            r"\b(?:construction|reconstruction|rebuild\w*|build(?:ing|ers)|housing)\b", re.I
        ),
    ),
    ("logging", re.compile(r"\b(?:logging|lumber|timber|forestry|loggers)\b", re.I)),
    (
        "seafood",
        re.compile(r"\b(?:seafood|fish processing|fish-processing|processing plants?)\b", re.I),
    ),
    ("fishing", re.compile(r"\b(?:fishing|fisheries|fishermen|trawlers?)\b", re.I)),
    ("it", re.compile(r"\b(?:IT workers|software|programmers?|developers?|cyber|crypto\w*)\b")),
    (
        "agriculture",
        re.compile(r"\b(?:agricultur\w*|farms?|farming|farmers?|greenhouses?)\b", re.I),
    ),
    (
        "manufacturing",
        re.compile(
            r"\b(?:factor(?:y|ies)|manufactur\w*|garments?|sewing|textiles?|shipbuilding|shipyards?)\b",
            re.I,
        ),
    ),
    (
        "other",
        re.compile(r"\b(?:restaurants?|medical|hospitals?|hospitality|mines?|mining)\b", re.I),
    ),
)


def sector_of(text: str, sentence: Sentence) -> Sector | None:
    body = text[sentence.start : sentence.end]
    for sector, pattern in _SECTORS:
        if pattern.search(body):
            return sector
    return None
