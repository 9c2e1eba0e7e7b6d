"""How the places named around a trigger change its reading: a DPRK town before a crossing, a
host country left (a return, not a departure), a place reached by a leg's means ("from
Vladivostok by train"), the time before leaving spent in a DPRK town.

Split from `events` (which calls these while reading each trigger); pure functions over the
text and the places found in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tumen.model import Place

# A DPRK town or the country named earlier in the sentence, as where the workers came from.
KP_BEFORE = re.compile(
    r"\b(?:in|from|at|out of)\s+(?:North\s+Korea|the\s+DPRK|Pyongyang|Sinuiju|Rason|Rajin|Chongjin|"
    r"Hamhung|Hyesan|Namyang|Manpo|Hoeryong|Wonsan|Nampo|Kanggye|Musan|Onsong)\b"
)

_ONWARD = re.compile(r"(?:\s+[\w-]+){0,4}?\s+to\s+(?:the\s+)?$")

# The time before leaving: waiting for papers, a departure still ahead, people just chosen.
_BEFORE_LEAVING = re.compile(
    r"\b(?:wait\w*|await\w*|yet\s+to|pending|still\s+without|selected|chosen|candidates|"
    r"before\s+(?:leaving|departure|departing|they\s+(?:leave|depart|set\s+off|go|fly))|"
    r"ahead\s+of\s+(?:their\s+|the\s+)?departure|exit\s+(?:visas?|permits?)|"
    r"until\s+(?:their|the)\s+(?:[\w-]+\s+)?(?:visas?|passports?|permits?|papers|departure|flight|train))\b",
    re.IGNORECASE,
)


def _is_demonym(place: Place) -> bool:
    """ "North Korean(s)": a people named, which the gazetteer reads as their country."""
    return place.mention.lower().rstrip("s").endswith("korean")


def before_leaving(text: str, start: int, end: int, places: Sequence[Place]) -> bool:
    """Is the sentence about the time before departure: a DPRK town where they are kept, or
    waiting, papers still to come, people just chosen?"""
    if _BEFORE_LEAVING.search(text, start, end) or KP_BEFORE.search(text, start, end):
        return True
    return any(
        start <= p.span[0] < end and p.country == "KP" and not _is_demonym(p) for p in places
    )


def from_place_before(text: str, start: int, places: Sequence[Place]) -> bool:
    """ "arrived from Vladivostok by train": the means of a leg from a place outside the DPRK."""
    for place in places:
        gap = start - place.span[1]
        if 0 <= gap <= 2 and place.country not in (None, "KP"):
            return (
                text[max(0, place.span[0] - 6) : place.span[0]].lower().endswith(("from ", "via "))
            )
    return False


def onward_place(text: str, end: int, sentence_end: int, places: Sequence[Place]) -> bool:
    """Is "left" followed in its clause by "(on a flight) to" a place outside the DPRK?"""
    for place in places:
        if end < place.span[0] <= min(sentence_end, end + 60):
            return place.country not in (None, "KP") and bool(
                _ONWARD.fullmatch(text, end, place.span[0])
            )
    return False


def from_host(text: str, end: int, places: Sequence[Place]) -> bool:
    """Is "departing" followed by "from" a named place outside the DPRK ("departing from Doha")?"""
    for place in places:
        gap = place.span[0] - end
        if 0 < gap <= 12 and text[end : place.span[0]].strip().lower() in ("from", "from the"):
            return place.country not in (None, "KP")
    return False


def leaves_host(text: str, end: int, places: Sequence[Place]) -> bool:
    """Is the object of "left" a named place outside the DPRK ("have left Kuwait")?"""
    for place in places:
        gap = place.span[0] - end
        if 0 < gap <= 5 and not text[end : place.span[0]].strip(" the"):
            return place.country not in (None, "KP")
    return False


# An active present perfect just before "sent" or "dispatched": "North Korea has sent", "the
# ministry has now dispatched". Not "may have sent" (a guess), "had sent" (background told
# before another event) or "have been sent" (a passive, often of a posting long ago).
_PERFECT_BEFORE = re.compile(
    r"(?<!\bmay\s)(?<!\bmight\s)(?<!\bcould\s)(?<!\bwould\s)(?<!\bmust\s)(?<!\bto\s)"
    r"\b(?:has|have)\s+(?:(?:already|now|also|reportedly|recently|so\s+far)\s+)?$",
    re.IGNORECASE,
)
# The object and then "to" in one clause: "sent a second batch of about 120 workers to".
_OBJECT_THEN_TO = re.compile(r"[^.;:()]{0,100}?\bto\s+", re.IGNORECASE)


def sent_and_there(
    text: str, sentence_start: int, start: int, end: int, sentence_end: int, places: Sequence[Place]
) -> bool:
    """ "has sent 120 workers to Krasnoyarsk", "has dispatched 85 nationals to work near
    Vanino": a dispatch told as done, with a place outside the DPRK after its "to", says that
    the workers are there (an arrival) as well as that they left."""
    if not _PERFECT_BEFORE.search(text, max(sentence_start, start - 40), start):
        return False
    to = _OBJECT_THEN_TO.match(text, end, sentence_end)
    if to is None:
        return False
    return any(
        to.end() <= p.span[0] <= min(sentence_end, to.end() + 90)
        and p.country not in (None, "KP")
        and not _is_demonym(p)
        for p in places
    )
