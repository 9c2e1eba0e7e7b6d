"""The legs of one journey among the triggers of a sentence: a leg joined to the one before it
("... to Moscow and then by train to Kazan"), and a border crossed on the way on.

Split from `events` (which calls these on its trigger hits); pure functions over the text.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar


class _Leg(Protocol):
    @property
    def span(self) -> tuple[int, int]: ...

    @property
    def type(self) -> str: ...


H = TypeVar("H", bound=_Leg)

_ONWARD_LEG = re.compile(
    r"[^.;]{0,40}?\b(?:and|then)\s+(?:then\s+)?(?:go|goes|going|went|travel\w*|continu\w+|head\w*|"
    r"mov(?:e|es|ed|ing)|proceed\w*|be\s+(?:taken|driven|bused|bussed|moved|sent))\s+on\s+(?:to|towards?)\b",
    re.IGNORECASE,
)

# The legs of one journey: "after flying from Pyongyang to Moscow ... and continuing to St.
# Petersburg by overnight train" has the subject of the first leg, however far back it stands.
LEGS = frozenset({"departure", "transit", "arrival"})
_LEG_JOIN = re.compile(r"\b(?:and|then)\b")


def next_leg(text: str, start: int, hits: list[H]) -> bool:
    """Is the trigger at `start` joined by "and" or "then" to a journey leg just before it?"""
    return any(
        h.type in LEGS
        and 0 <= start - h.span[1] <= 80
        and _LEG_JOIN.search(text, h.span[1], start) is not None
        for h in hits
    )


def drop_crossings_on_the_way(text: str, hits: list[H]) -> list[H]:
    """A border crossed on the way to a further leg ("cross into Russia at Khasan and change at
    Ussuriysk for Svobodny") is a place passed through, not the arrival: the journey goes on."""
    crossings = [
        h
        for h in hits
        if h.type == "arrival" and text[h.span[0] : h.span[0] + 5].lower() == "cross"
    ]
    if not crossings:
        return hits
    legs = [h.span for h in hits if h.type in ("transit", "arrival") and h not in crossings]

    def goes_on(crossing: H) -> bool:
        end = crossing.span[1]
        if _ONWARD_LEG.match(text, end, end + 80):
            return True  # "cross the bridge from Tumangang into Khasan and go on to ..."
        return any(
            0 <= start - end <= 80 and _LEG_JOIN.search(text, end, start) is not None
            for start, _ in legs
        )

    return [h for h in hits if h not in crossings or not goes_on(h)]
