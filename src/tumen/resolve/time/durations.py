"""Durations ("at least two years", "two-year passports") and frequencies ("twice a year").

gold.md annotates the length of a stay, contract, assignment or validity, in days: a year is
365, a month 30, a week 7. Open ends: "at least N" has no max; "up to", "at most", "within",
"nearly N" have no min; "N-year" and "after N years" have both.
"""

from __future__ import annotations

import re

from tumen.model import Duration, Frequency
from tumen.resolve.time.expressions import parse_number
from tumen.resolve.time.grammar import DURATION, FREQUENCY
from tumen.text import fold

UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}

_MIN_ONLY = frozenset(
    "at least|a minimum of|no less than|no fewer than|not less than|more than|over|longer than"
    "|upwards of".split("|")
)
_MAX_ONLY = frozenset(
    "up to|at most|a maximum of|no more than|not more than|less than|under|fewer than|within"
    "|nearly|almost|just under|as long as".split("|")
)
# Words right after a number of years that make it an age, a point in time or a gap between
# events, not a length of stay.
_NOT_AFTER = re.compile(
    r"[\s-]*(?i:old|ago|later|earlier|before|after|from\s+now|since|prior|in\s+prison"
    r"|of\s+age|of\s+(?:his|her|their)\s+li(?:fe|ves)|plans?|programmes?|programs?|strategy"
    r"|highs?|lows?|records?)\b"
)
# A bare "three years" is a duration only before a noun of stay or after a verb of staying.
_STAY_NOUN_AFTER = re.compile(
    r"\s+(?i:contracts?|stints?|terms?|stays?|assignments?|dispatch(?:es)?|visas?|periods?|tours?"
    r"|postings?|deployments?|permits?|passports?|extensions?|rotations?|trips?|visits?)\b"
)
# "rotations of two to three years", "a stay of six months": the noun of stay comes first.
_STAY_NOUN_BEFORE = re.compile(
    r"(?i:\b(?:contracts?|stints?|terms?|stays?|assignments?|dispatch(?:es)?|tours?|postings?"
    r"|deployments?|rotations?|periods?|extensions?)\s+of\s+)$"
)
_STAY_VERB_BEFORE = re.compile(
    r"(?i:\b(?:stay(?:s|ed|ing)?|work(?:s|ed|ing)?|spen[dt]s?|spending|serve[sd]?|serving"
    r"|last(?:s|ed|ing)?|remain(?:s|ed|ing)?|live[sd]?|living|extend(?:s|ed|ing)?(?:\s+by)?"
    r"|valid|another|additional|extra|been\s+(?:here|there|abroad|away|overseas)"
    r"|wait(?:s|ed|ing)?)\s+)$"
)
# "extended their contracts by 18 months (after ...)": the stay's new length, its noun in
# between; a word after it ("after the border closed") is then the reason, not a gap.
# The noun may be long: "extended the contracts of about 350 workers on building sites in
# Sverdlovsk Oblast by 18 months" (words only: a comma or a full stop ends the reach).
_EXTENDED_BY = re.compile(
    r"(?i:\b(?:extend|prolong|lengthen|renew)\w*\s+(?:[\w'\u2019-]+\s+){0,16}?by\s+)$"
)
_EXTENDED_REACH = 160
# "a week-long train journey": a count-free length needs its noun of stay or journey next to
# it ("a year-long investigation" is none).
_LONG_NOUN_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?i:contracts?|stints?|terms?|stays?|assignments?|dispatch(?:es)?|visas?"
    r"|tours?|postings?|deployments?|permits?|extensions?|rotations?|trips?|visits?|journeys?"
    r"|voyages?|rides?|treks?|crossings?|quarantines?|waits?|stopovers?)\b"
)
# An answer to a "how long" question: "How long was your contract?" then "Three years." (an
# interview's speaker label before it allowed). The question stands for the stay.
_ANSWER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.' -]{0,30}:[ \t]*)?$")
_ANSWER_AFTER = re.compile(r"\s*(?:[.!]|$)")
_HOW_LONG = re.compile(r"(?i:\bhow\s+long\b)[^\n]*\?[ \t]*$")
# "the first direct flights in more than three decades": time since, not a stay.
_IN_BEFORE = re.compile(r"(?i:\bin\s+)$")
# "six days a week", "nine months a year": a rate of work, not a length of stay.
_RATE_AFTER = re.compile(r"\s+(?i:a|per|each|every)\s+(?i:day|week|month|year)\b")
# "gave member states 24 months to send the workers home": a length granted for a task.
_GRANT_BEFORE = re.compile(
    r"(?i:\b(?:gave|give[sn]?|giving|granted|grants?|granting|allow(?:s|ed|ing)?)\s+"
    r"(?:[\w'-]+\s+){0,3})$"
)
_TO_AFTER = re.compile(r"\s+(?i:to|in\s+which\s+to)\s")
# The length a contract or visa allows, named after it: "beyond the two years their visas
# originally permitted", "the three years the contract allowed".
_ALLOWED_AFTER = re.compile(
    r"\s+(?i:(?:that|which)\s+)?(?i:their|the|its|his|her|a)\s+(?:[\w'-]+\s+)?"
    r"(?i:contracts?|visas?|permits?|agreements?|deals?)\s+(?:[\w'-]+\s+)?"
    r"(?i:allowed|allows?|permitted|permits?|stipulated|specified|provided\s+for|called\s+for)\b"
)
# "for the last four months of their stay": a stretch inside a stay, not its length.
_PART_OF_AFTER = re.compile(r"\s+(?i:of)\b")
# Money granted over a period (a hiring subsidy, a pension) is not a stay, unless the sentence
# names the stay itself. Wages are not in the list: workers' stories tell stays through pay.
_PAYMENT = re.compile(
    r"(?i:\b(?:subsid\w*|grants?|allowances?|pensions?|loans?|stipends?|benefits?)\b)"
)
_STAY_NAMED = re.compile(
    r"(?i:visa|passport|contract|\bstay|dispatch|assign|rotation|deploy|posted|abroad|overseas"
    r"|permit|\bterm\b|\bstint)"
)
# "the maximum term of a work permit was seven years": a bare length named as a term.
_TERM_BEFORE = re.compile(
    r"(?i:\b(?:term|period|length|duration|maximum|minimum)\b[^.;,]*\b(?:is|was|are|were|of)\s+)$"
    r"|(?i:\bvalidity\b[^.;,]{0,60}\b(?:to|of|at)\s+)$"
)
_MAXIMUM_BEFORE = re.compile(r"(?i:\bmaximum\b|\bthe\s+longest\b|\bat\s+the\s+most\b)")
_MINIMUM_BEFORE = re.compile(r"(?i:\bminimum\b|\bthe\s+shortest\b)")
# Lengths of something other than a stay: a suspension, a war, a prison term.
_NOT_A_STAY = re.compile(
    r"(?i:\b(?:suspen\w*|halt\w*|hiatus|clos(?:ed|ure|ing)|shut\w*|paus\w*|froze\w*|frozen"
    r"|war|fighting|pandemic|prison|jail\w*|imprison\w*|sentenc\w*|lockdown|ban(?:ned)?"
    r"|strikes?|walkouts?|protests?|rall(?:y|ies)|festivals?|drills?|exercises?|summits?"
    r"|conferences?|talks|meetings?)\b)"
)
# The time a task takes, not a stay: "a brigade can take up to three weeks to assemble", "it
# takes six months to obtain a permit". A journey's time ("took a week to reach Moscow") stays.
_TAKES_BEFORE = re.compile(r"(?i:\b(?:take|takes|took|taking)\s+(?:about\s+|around\s+)?)$")
_TASK_AFTER = re.compile(
    r"\s+(?i:to\s+(?:assemble|process|issue|approve|arrange|fill|find|recruit|hire|obtain|get|"
    r"complete|prepare|train|register|clear))\b"
)
# The sentence must be about a stay, a contract or a validity: a worker's life abroad.
_STAY_CONTEXT = re.compile(
    r"(?i:worker|labou?r|\bstay|contract|visa|passport|overseas|abroad|dispatch|repatriat|assign"
    r"|valid|exten[ds]|\bterm\b|employ|deploy|\bsen[dt]\b|\bpost(?:ed|ings?)\b|residen|permit"
    r"|\bremain"
    r"|rotation|\bwork|\bspen[dt]|\bliv(?:e|ed|ing)\b|\btrip|\bvisit|\btour"
    # Journeys, stopovers, waits and time kept somewhere: "the journey took about a week",
    # "stopped in Ulan-Ude for a day", "kept at sea for up to two years", "had been in the
    # country for more than five years" (not a rule "in force" or "in place").
    r"|\bjourney|\btravel|\bstopped\s+(?:over|in|at)\b|\bstopover|\bwait"
    r"|\bkept\b|\baboard\b|\bat\s+sea\b|\bbeen\s+(?:in|at)\s+(?!place|force|effect|power|office))"
)


def durations_in(text: str, start: int, end: int, sentence: tuple[int, int]) -> list[Duration]:
    """Durations in `text[start:end]`, a window inside `sentence`."""
    found: list[Duration] = []
    for m in DURATION.finditer(text, start, end):
        duration = _duration(text, m, sentence)
        if duration is not None:
            found.append(duration)
    return found


def _duration(text: str, m: re.Match[str], sentence: tuple[int, int]) -> Duration | None:
    cued = False
    low: float | None
    high: float | None
    if m.group("longunit"):
        count = parse_number(m.group("ln")) if m.group("ln") else 1
        if not count or not _LONG_NOUN_AFTER.match(text, m.end()):
            return None
        low = high = float(count * UNIT_DAYS[fold(m.group("longunit"))])
        mod = None
    elif m.group("halfa") or m.group("another"):
        unit_word = m.group("halfunit") or m.group("aunit")
        low = high = UNIT_DAYS[fold(unit_word)] / (2 if m.group("halfa") else 1)
        mod = None
    else:
        unit = fold(m.group("unit"))
        first = parse_number(m.group("n1"))
        second = parse_number(m.group("n2")) if m.group("n2") else None
        if first is None or (m.group("n2") and second is None):
            return None
        extra = 0.5 if (m.group("half") or m.group("half2")) else 0.0
        mod = " ".join(fold(m.group("mod")).split()) if m.group("mod") else None
        hyphenated = m.group("sep") == "-" and not m.group("plural")
        article = fold(m.group("n1")) in ("a", "an")
        extended = bool(
            _EXTENDED_BY.search(text, max(sentence[0], m.start() - _EXTENDED_REACH), m.start())
        )
        if (not extended and _NOT_AFTER.match(text, m.end())) or _RATE_AFTER.match(text, m.end()):
            return None
        if mod in _MIN_ONLY and _IN_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            return None
        if hyphenated and mod == "under":
            mod = None  # "employed under one-year contracts": the contract's own length
        if hyphenated and mod is None and _STAY_NOUN_AFTER.match(text, m.end()):
            cued = True  # "three-year postings", "a three-year stint": a stay by its noun
        if m.group("for") and mod == "up to":
            # "hired for up to two years", "will fell larch for up to two years": a term of
            # work, whatever the sentence names (a ban or a prison term is still turned down).
            cued = True
        if mod is None and m.group("for") is None and not hyphenated:
            # A bare "three years" needs a word of staying next to it, which then also
            # stands for the sentence's context ("Some have been here seven years").
            cued = bool(
                _STAY_NOUN_AFTER.match(text, m.end())
                or _STAY_NOUN_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or extended
                or _STAY_VERB_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or _TERM_BEFORE.search(text, max(sentence[0], m.start() - 60), m.start())
                or (
                    _GRANT_BEFORE.search(text, max(sentence[0], m.start() - 40), m.start())
                    and _TO_AFTER.match(text, m.end())
                )
                or _ALLOWED_AFTER.match(text, m.end())
                or _answers_how_long(text, m)
            )
            if not cued:
                return None
        if article and mod is None and m.group("for") is None and not extended:
            return None  # "$600 a month" is a rate, not a stay
        if mod in ("the past", "the last") and m.group("for") is None:
            return None  # "in the past two years": a time span, not a stay
        if mod in ("the past", "the last", "the next", "the coming") and _PART_OF_AFTER.match(
            text, m.end()
        ):
            return None  # "the last four months of their stay": part of a stay
        low = (first + extra) * UNIT_DAYS[unit]
        high = (second + extra) * UNIT_DAYS[unit] if second is not None else low
        if second is not None and m.group("dconj") and fold(m.group("dconj").strip()) == "and":
            if mod != "between":
                return None  # "two and three" without "between" is two items, not a range
        if second is not None and high < low:
            return None
        if mod == "between" and second is None:
            return None
    if _TAKES_BEFORE.search(
        text, max(sentence[0], m.start() - 20), m.start()
    ) and _TASK_AFTER.match(text, m.end()):
        return None
    local_before = text[max(sentence[0], m.start() - 40) : m.start()]
    local_after = text[m.end() : min(sentence[1], m.end() + 25)]
    if _NOT_A_STAY.search(local_before) or _NOT_A_STAY.search(local_after):
        return None
    if not cued and not _STAY_CONTEXT.search(text, sentence[0], sentence[1]):
        return None
    if (
        not cued
        and _PAYMENT.search(text, sentence[0], sentence[1])
        and not _STAY_NAMED.search(text, sentence[0], sentence[1])
    ):
        return None  # "a subsidy ... for as long as four years": a payment's period
    if mod in _MIN_ONLY:
        high = None
    elif mod in _MAX_ONLY:
        low = None
    elif mod is None:
        clause = text[max(sentence[0], m.start() - 80) : m.start()]
        if _MAXIMUM_BEFORE.search(clause):  # "the maximum term was seven years"
            low = None
        elif _MINIMUM_BEFORE.search(clause):
            high = None
    # The span starts at the modifier ("at least two years"), leaving a plain "for" out.
    start = m.start("mod") if mod else m.start("n1") if m.group("n1") else m.start()
    span = (start, m.end())
    return Duration(mention=text[start : m.end()], span=span, min_days=low, max_days=high)


def _answers_how_long(text: str, m: re.Match[str]) -> bool:
    """Is the length the whole answer to a "how long" question on the line before?"""
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not _ANSWER_BEFORE.match(text, max(0, line_start - 1), m.start()):
        return False
    if not _ANSWER_AFTER.match(text, m.end()):
        return False
    question_end = len(text[:line_start].rstrip())
    question_start = text.rfind("\n", 0, question_end) + 1
    question = text[question_start:question_end]
    return bool(_HOW_LONG.search(question)) and bool(_STAY_CONTEXT.search(question))


def frequencies_in(text: str, start: int, end: int) -> list[Frequency]:
    found: list[Frequency] = []
    for m in FREQUENCY.finditer(text, start, end):
        if m.group("every"):
            unit = fold(m.group("eunit"))
            every = m.group("en")
            count = 2 if every and fold(every) == "other" else parse_number(every or "1")
            times: float | None = 1
        else:
            unit = fold(m.group("unit"))
            word = fold(m.group("times") or "")
            times = {"once": 1, "twice": 2, "thrice": 3}.get(word) or parse_number(
                m.group("tn") or ""
            )
            count = parse_number(m.group("pn")) if m.group("pn") else 1
        if not times or not count:
            continue
        per_days = count * UNIT_DAYS[unit]
        found.append(
            Frequency(mention=m.group(0), span=m.span(), times=int(times), per_days=int(per_days))
        )
    return found
