"""The noun phrase after a number, for `tumen.extract.quantities`: which head word it has (a
worker, a generic person word, a lone "man", an opening, a team, a soldier, a border entry, some
other counted noun, or none) and whether it names another country's or the DPRK's nationals.

"about 300 North Korean construction workers" has a `worker` head with `dprk`; "some 5,000
Uzbek migrants" a `worker` head that is `foreign`; "29 countries" a plain `noun`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Words allowed between the number and its head noun.
_NP_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*(?:-[A-Za-z]+)*")
_NP_MODIFIERS = frozenset(
    """new more additional extra other young male female skilled unskilled semi-skilled
    construction it logging seafood fishing farm agricultural factory textile manual contract
    dispatched selected recruited overseas local low-wage cheap labor labour work entry student
    tourist migrant guest strong plus odd of the its their these those such so-called
    north korean n. nk dprk registered legal illegal undocumented official estimated remaining
    young able-bodied healthy qualified trained experienced ordinary former current military
    civilian fellow returning returned medical health restaurant software hospitality catering
    fish-processing road building housing electronics assembly garment repair maintenance
    railway rail shipyard mining forestry timber clinic hospital his her sick ill injured
    fish processing food plant sawmill""".split()
)
_WORKER_HEADS = frozenset(
    """worker workers laborer laborers labourer labourers workforce recruits recruit trainees
    builders loggers lumberjacks fishermen seafarers crew-members employees technicians
    engineers programmers developers welders carpenters plasterers painters masons bricklayers
    tailors seamstresses doctors nurses cooks waitresses deckhands crewmen miners farmhands
    loggers plumbers electricians tilers roofers glaziers joiners fitters pipefitters mechanics
    machinists physicians medics dentists pharmacists acupuncturists coders sculptors
    woodcutters seamen chefs waiters concreters scaffolders riggers""".split()
)
# Generic nouns: workers only when the sentence is about sending people to work.
_GENERIC_HEADS = frozenset(
    """people persons men women personnel staff members individuals citizens nationals
    koreans northerners candidates applicants volunteers compatriots countrymen others
    interviewees respondents""".split()
)
# One person ("one man"): `quantities` counts them only when the clause says they fled or
# were sent home.
_LONE_HEADS = frozenset("man woman".split())
_TEAM_HEADS = frozenset("team teams group groups squad squads crew crews brigade brigades".split())
# Openings for workers: "roughly 180 places are on offer", "300 slots for Russia". Counted as
# workers in a sentence about selecting or sending people, like the generic nouns.
_SLOT_HEADS = frozenset("places slots vacancies openings positions spots".split())
_SOLDIER_HEADS = frozenset(
    """soldier soldiers troops troop forces servicemen service-members mercenaries guards
    officers police policemen fighters combatants marines sailors pilots special-forces
    casualties prisoners pows""".split()
)
_ENTRY_HEADS = frozenset(
    """visa visas permit permits entries entry arrivals visitors visits passengers tourists
    travellers travelers students crossings trips""".split()
)
# Another country's nationals: never DPRK workers.
_FOREIGN = frozenset(
    """russian russians chinese central asian asians tajik tajiks uzbek uzbeks kyrgyz kazakh
    vietnamese south ukrainian ukrainians mongolian filipino indian bangladeshi nepalese
    foreign irregular unionized turkish""".split()
)
_DPRK_NP = frozenset("north n. nk dprk".split())
_ABBREVIATIONS = frozenset("n. u.s. u.n. s. n.k.".split())
_MEMBERS_NEXT = re.compile(r"\s+(?:members?|leaders?)\b", re.IGNORECASE)

Kind = Literal["worker", "generic", "lone", "slot", "team", "soldier", "entry", "noun", "none"]


@dataclass(slots=True)
class Head:
    """The head word's kind, its nationality, and where the phrase ends."""

    kind: Kind
    foreign: bool  # another country's nationals
    dprk: bool  # "North Korean", "DPRK" in the phrase
    end: int  # offset just past the phrase in the text


# Which kind of noun a head word is; a word in several lists takes the first kind here
# (so built from the last list to the first, each overriding the ones after it).
_HEAD_KINDS: tuple[tuple[Kind, frozenset[str]], ...] = (
    ("worker", _WORKER_HEADS),
    ("generic", _GENERIC_HEADS),
    ("lone", _LONE_HEADS),
    ("team", _TEAM_HEADS),
    ("slot", _SLOT_HEADS),
    ("soldier", _SOLDIER_HEADS),
    ("entry", _ENTRY_HEADS),
)
_HEAD_KIND: dict[str, Kind] = {
    word: kind for kind, words in reversed(_HEAD_KINDS) for word in words
}


def head_of(text: str, end: int) -> Head:
    """The noun phrase right after a number: its head word's kind, and its nationality."""
    pos = end
    limit = min(len(text), end + 90)
    # Closing quotes or brackets around the number: '"800 to 1,000" workers'
    while pos < limit and text[pos] in "\"'”’)]":
        pos += 1
    foreign = dprk = False
    previous = ""
    for words in range(6):
        gap = pos
        while gap < limit and text[gap] in " \t\u00a0-":
            gap += 1
        if gap == pos and words > 0:
            break
        hyphenated = gap > pos and text[gap - 1] == "-" and gap - pos == 1
        m = _NP_WORD.match(text, gap)
        if not m:
            break
        raw = m.group(0)
        word = raw.lower()
        if word.endswith(("'s", "’s")):
            break
        sentence_end = word.endswith(".") and word not in _ABBREVIATIONS
        word = word.rstrip(".") if word not in _ABBREVIATIONS else word
        pos = m.end()
        if word in _FOREIGN:
            foreign = True
        if word in _DPRK_NP:
            dprk = True
        if word == "koreans" and previous in ("north", "n."):
            return Head("generic", False, True, pos)
        if word in _TEAM_HEADS and _MEMBERS_NEXT.match(text, pos):
            previous = word  # "team members" are people, not teams
            continue
        kind = _HEAD_KIND.get(word)
        if kind is not None:
            return Head(kind, foreign, dprk, pos)
        if word in _NP_MODIFIERS or raw[0].isupper():
            if sentence_end:
                break
            previous = word
            continue
        # An unknown noun: a plural ("29 countries", "50,000 homes") or a compound
        # adjective ("10,000-home project") is something counted, but not people.
        if word.isalpha() and ((word.endswith("s") and len(word) > 3) or hyphenated):
            return Head("noun", foreign, dprk, pos)
        break
    return Head("none", foreign, dprk, pos)
