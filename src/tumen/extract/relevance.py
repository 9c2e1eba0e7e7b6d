"""Relevance: is this report about the dispatch of North Korean workers abroad?

Two steps. `triage` is a literal prefilter that a news feed can afford on every article: no
mention of the DPRK, no further work. `assess_relevance` then weighs, on the few that pass,
how much of the text is about DPRK nationals working abroad rather than soldiers, missiles or
other countries' workers.
"""

from __future__ import annotations

import math
import re

from tumen.model import Relevance

_DPRK = re.compile(
    r"north\s+korea|\bdprk\b|pyongyang|\bn\.\s?korea|kim\s+jong|\bnk\s+workers|\bthe\s+north['\u2019]s\b",
    re.IGNORECASE,
)
_LABOUR = re.compile(
    r"\b(?:workers?|labou?rers?|labou?r\s+(?:export|force|dispatch)|forced\s+labou?r|"
    r"personnel|manpower|dispatch(?:ed|ing)?|overseas\s+work|work(?:ing)?\s+(?:abroad|overseas)|"
    r"sent\s+(?:abroad|overseas)|recruit(?:s|ed|ing|ment|ments)?|selections?|"
    r"construction\s+(?:sites?|workers?|troops|works?|crews?|projects?)|loyalty\s+(?:funds?|money|fees?)|"
    r"foreign[- ]currency\s+earning|repatriat\w+|defect(?:ed|ors?|ion)?|"
    # the trades and workplaces of dispatched labour
    r"loggers|logging|timber|builders|crews|seafood|(?:processing|garment)\s+(?:plants?|factor(?:y|ies))|"
    r"programmers|IT\s+workers|employ(?:s|ed|ing|ment)?|wages?|(?:at|to)\s+work|seamstresses|"
    r"sew(?:s|ing)?|garment\s+factor(?:y|ies)|textile\s+factor(?:y|ies))\b",
    re.IGNORECASE,
)
_MILITARY = re.compile(
    r"\b(?:soldiers?|troops?|missiles?|warheads?|artillery|shells|combat|battlefield|"
    r"prisoners?\s+of\s+war|POWs?)\b",
    re.IGNORECASE,
)
_WORKER_NOUN = re.compile(r"\b(?:workers?|labou?rers?|labou?r)\b", re.IGNORECASE)
# South Korean (or any home-country) labour news: unions, strikes, rallies.
_UNION = re.compile(
    r"\b(?:strikes?|striking|unions?|unionized|unionised|walk(?:ed)?\s+off|walkouts?|rall(?:y|ied|ies)|"
    r"pickets?|collective\s+bargaining|minimum\s+wage)\b",
    re.IGNORECASE,
)
# Somewhere abroad, or the act of sending: a report about DPRK labour at home or about defectors'
# jobs in the South names neither.
_ABROAD = re.compile(
    r"\b(?:abroad|overseas|foreign[- ]currency|dispatch\w*|sent|send(?:s|ing)?|Russia\w*|China|Chinese|"
    r"Mongolia\w*|Kuwait\w*|Qatar\w*|Emirates|Middle\s+East|Gulf|Africa\w*|Laos|Cambodia\w*|"
    r"Ukraine|Donbas\w*|Donetsk|Luhansk|Vladivostok|Khabarovsk|Siberia\w*|Far\s+East|Dandong|Dalian|"
    r"Hunchun|Shenyang|Jilin|Liaoning|Poland|Malta)\b",
    re.IGNORECASE,
)
# Sentence breaks, for the co-occurrence test (cheap: no abbreviations handling needed here).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u201d\"])\s+|\n+")


def triage(text: str) -> bool:
    """The cheap first pass: could the text be about North Korea at all?

    Literal substring tests on the lower-cased text: a news feed pays about 10 µs an
    article here, where one case-insensitive regex over the text costs twenty times more.
    "korea" lets South Korean news through too; `assess_relevance` sorts that out.
    """
    lowered = text.lower()
    return (
        "korea" in lowered or "dprk" in lowered or "pyongyang" in lowered or "kim jong" in lowered
    )


def assess_relevance(text: str) -> Relevance:
    """Score a report's relevance to DPRK labour dispatch, 0..1, and decide."""
    if not triage(text):
        return Relevance(relevant=False, score=0.0)
    dprk = len(_DPRK.findall(text))
    if not dprk:
        return Relevance(relevant=False, score=0.0)
    labour = len(_LABOUR.findall(text))
    workers = len(_WORKER_NOUN.findall(text))
    military = len(_MILITARY.findall(text))
    union = len(_UNION.findall(text))
    together = _sentences_with_both(text)
    # A report about workers names them repeatedly, and in the same breath as the DPRK;
    # military or missile news names soldiers, home labour news names unions and strikes.
    evidence = (
        0.6 * min(dprk, 5) + 0.9 * min(labour, 10) + 1.2 * min(workers, 8) + 1.5 * min(together, 3)
    )
    against = 1.3 * min(military, 12) + 1.5 * min(union, 8)
    z = -4.0 + evidence - against
    score = 1.0 / (1.0 + math.exp(-z))
    # At least one sentence must speak of the DPRK and of labour together: a report that names
    # North Korea only in passing (military ties, a summit) is about something else.
    relevant = (
        score >= 0.5
        and together > 0
        and (workers > 0 or labour >= 3)
        and _ABROAD.search(text) is not None
    )
    return Relevance(relevant=relevant, score=score if relevant else min(score, 0.49))


def _sentences_with_both(text: str) -> int:
    """How many sentences name the DPRK and a labour word together."""
    count = 0
    for sentence in _SENTENCE_BREAK.split(text):
        if _DPRK.search(sentence) and _LABOUR.search(sentence):
            count += 1
    return count
