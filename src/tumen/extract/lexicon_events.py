"""The trigger lexicon of event extraction: which words, in which constructions, say that a
stage of a dispatch happened (or is planned, feared, hypothetical).

Each rule is (event type, label, pattern, needs_worker). `needs_worker`: the trigger only counts
when the sentence speaks of DPRK workers (a worker noun near it, or a pronoun whose antecedent is
one), since "the train departed" or "troops were sent" are not labour dispatch. The labels are
what `Event.cue` and `tumen explain` show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own regex parser
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    RANGE,
    SUBPATTERN,
)
from typing import Any

from tumen.model import EventType

_WORKERS = (
    r"(?:workers|laborers|labourers|labou?r|manpower|workforce|personnel|people|North Koreans|staff|"
    r"hands|builders|crews|deckhands|loggers|specialists)"
)
# DPRK nationals named as people, the object of hiring where a report never says "workers"
# ("after hiring about 250 North Korean women to peel shrimp").
_NATIONALS = r"(?:North Korean|DPRK) (?:women|men|nationals|citizens)"
# A word between a verb and its object: also numbers and quoted vague counts ("request for
# 1,500 additional North Koreans", "needed \"tens of thousands\" of builders").
_GAP = r"[\w,.'\"\u201c\u201d\u2019-]+"


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger rule. `cased` rules run over the original text (they test capitals); the
    others over its lower-cased copy, which lets the regex engine skip ahead by first letter
    (case-insensitive alternations are several times slower to scan)."""

    type: EventType
    label: str
    pattern: re.Pattern[str]
    needs_worker: bool = True
    cased: bool = False


_ESCAPE_OR_LETTER = re.compile(r"\\.|[A-Z]")
_LEADING_BOUNDARY = re.compile(r"(^|(?<!\\)\|)\\b")


def lower_pattern(pattern: str) -> str:
    """The pattern for lower-cased text: letters lowered, escapes (\\W, \\S) kept."""
    return _ESCAPE_OR_LETTER.sub(
        lambda m: m.group(0) if len(m.group(0)) == 2 else m.group(0).lower(), pattern
    )


def _r(pattern: str) -> tuple[re.Pattern[str], bool]:
    if "(?-i:" in pattern:
        return re.compile(pattern, re.IGNORECASE), True
    # A leading \b hides the first letters from the engine's prefix scan; the word boundary
    # is checked after the match instead (see `starts_word`).
    return re.compile(_top_level_unbound(lower_pattern(pattern))), False


def _top_level_unbound(pattern: str) -> str:
    out = []
    depth = 0
    i = 0
    at_branch_start = True
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if at_branch_start and depth == 0 and pattern[i + 1] == "b":
                i += 2
                at_branch_start = False
                continue
            out.append(pattern[i : i + 2])
            i += 2
            at_branch_start = False
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        out.append(c)
        at_branch_start = c == "|" and depth == 0
        i += 1
    return "".join(out)


def starts_word(text: str, start: int) -> bool:
    """Does a match at `start` begin a word (the \\b the scan did not test)?"""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


_RULES: tuple[tuple[EventType, str, str, bool], ...] = (
    # recruitment
    (
        "recruitment",
        "round of selections",
        r"\b(?:rounds?|batch) of (?:[\w-]+ ){0,2}(?:selections?|recruitments?|recruiting|recommendations?)\b"
        r"|\bround selections?\b",
        False,
    ),
    (
        "recruitment",
        "recommendation rights",
        r"\brecommendation rights\b|\bsubmit recommendations\b",
        False,
    ),
    (
        "recruitment",
        "select/recruit",
        r"\b(?:select(?:s|ed|ing|ion|ions)?|recruit(?:s|ed|ing|ment|ments)?(?! (?:agenc|firm|compan|office|broker))|"
        r"chosen|choose|pick(?:s|ed|ing)?|hand-picked|shortlist(?:s|ed|ing)?|vetted|vetting|recommended|"
        r"screen(?:s|ed|ing)|nominat(?:e|es|ed|ing|ion|ions)|enlist(?:s|ed|ing|ment)?|put forward|"
        r"taking names|sign(?:s|ed|ing)? on)\b"
        # hiring through an intermediary: "seamen hired through a Chinese manning agency"
        r"|\bhired (?:through|via) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:agenc(?:y|ies)|brokers?|intermediar(?:y|ies))\b",
        True,
    ),
    (
        "recruitment",
        "apply/compete",
        r"\b(?:apply(?:ing)?|applied)\b(?! for (?:[\w-]+ )?(?:permits?|visas?|licen[cs]es?|quotas?|authori[sz]ations?))"
        r"|\b(?:applicants?|compet(?:e|ing|ition) for|sign(?:ed|ing)? up|volunteers?|vie(?:s|d)? for|vying for)\b",
        True,
    ),
    # demand
    (
        "demand",
        "request for workers",
        rf"\b(?:requests?(?! of)|requested|requesting|asked|asking|asks|call(?:ed|ing|s)? for|appeal(?:ed)?|orders?|"
        rf"press(?:ed|ing)? for|push(?:ed|es|ing)? (?:[\w-]+ )?for|clamou?r(?:ed|ing)? for|begg(?:ed|ing) for|lobb(?:y|ied|ying) (?:[\w-]+ ){{0,6}}?to take on) "
        rf"(?:(?!send|dispatch|return|repatriat|expul|expel|deport|remov|arrest|detain|ban){_GAP} ){{0,7}}?{_WORKERS}\b"
        # "orders medical staff out": an expulsion, not an order for workers
        r"(?! (?:out|home|back|to leave)\b)"
        r"|\brequests? for more\b|\bask(?:s|ed|ing)? (?:[\w-]+ ){0,4}?for more (?:men|women|hands|people)\b"
        # "asked the regional government for up to 600 North Korean workers"
        rf"|\b(?:ask(?:s|ed|ing)?|appeal(?:s|ed)? to|appl(?:y|ied|ies) to) (?:[\w-]+ ){{1,4}}?for (?:(?:up to|as many as|some|about|"
        rf"around|more than|at least|another|an extra|a further) )?[\d,]+ (?:[\w-]+ ){{0,3}}?(?:{_WORKERS}|{_NATIONALS})\b"
        rf"|\bpermission to (?:bring|hire|employ|import|recruit|take on) (?:in )?(?:{_GAP} ){{0,3}}?{_WORKERS}\b",
        False,
    ),
    (
        "demand",
        "seek/source workers",
        rf"\b(?:demand(?:s|ed|ing)? for|need(?:s|ed)?|wants?|wanted|seek(?:s|ing)?|sought|sourcing|"
        rf"attract(?:ing)?|hire|hiring|hired|invite[sd]?|accept(?:ing)?|take in|quotas? for|to source|"
        rf"struggled to find|find|prefer(?:s|red|ring)?|absorb) (?:(?!send|dispatch|return|repatriat|expul|expel|deport|remov|arrest|detain|ban){_GAP} ){{0,4}}?(?:{_WORKERS}|{_NATIONALS})\b",
        False,
    ),
    (
        "demand",
        "welcomed",
        r"\b(?:would be|will be|are|be) welcomed\b|\bwelcome (?:North Korean )?workers\b",
        True,
    ),
    (
        "demand",
        "slots opening",
        r"\b(?:more|new|additional) (?:slots|positions|places|vacancies|quotas?)\b"
        r"|\bslots (?:have |had )?(?:recently )?open(?:ed|ing)?\b"
        r"|\bappl(?:y|ied|ying) for (?:[\w-]+ )?(?:work )?(?:permits?|quotas?)\b",
        False,
    ),
    (
        "demand",
        "plan to bring workers",
        rf"\b(?:plan(?:s|ned|ning)?|attempt(?:s|ed|ing)?|seek(?:s|ing)?|want(?:s|ed)?) to "
        # a bound and a figure may stand between: "planned to bring in up to 5,000 ... builders"
        rf"(?:bring|import|hire|employ|attract) (?:in )?(?:{_GAP} ){{0,5}}?(?:{_WORKERS}|{_NATIONALS})\b",
        False,
    ),
    (
        "demand",
        "orders placed",
        r"\b(?:confirm\w*|plac(?:e|es|ed|ing)|submit\w*|put in) (?:[\w-]+ ){0,2}?(?:orders?|requests?)\b",
        True,
    ),
    (
        "demand",
        "ask the DPRK for more",
        r"\bask(?:s|ed|ing)? (?:pyongyang|north korea|the north|the dprk) (?:to (?:send|supply|provide|double|"
        r"triple|increase|raise|expand)|for more)\b",
        False,
    ),
    (
        "demand",
        "request for help with building",
        r"\bask(?:s|ed|ing)? (?:[\w-]+ ){0,2}?for (?:help|assistance|support) (?:with|in) (?:the )?"
        r"(?:reconstruction|rebuilding|construction|restoration)\b",
        False,
    ),
    (
        # a receiving side that looks to DPRK labour: "Moscow was turning to North Korean labour
        # to rebuild occupied areas"
        "demand",
        "turn to DPRK labour",
        r"\b(?:turn(?:s|ed|ing)?|look(?:s|ed|ing)?|rel(?:y|ies|ied|ying)) (?:to|on) (?:North Korean|DPRK|the North's) "
        r"(?:labou?r|workers|manpower|builders|workforce)\b",
        False,
    ),
    # standby
    (
        "standby",
        "waiting to leave",
        r"\bon standby\b|\bstand(?:ing)? by\b|\bwaiting (?:to|for)\b|\bawait(?:s|ing)?\b"
        r"|\byet to (?:leave|depart|be sent|be dispatched|go)\b|\bstill in North Korea\b"
        r"|\bno (?:firm|fixed|set|specific|exact|confirmed) (?:departure )?(?:date|schedule)\b"
        r"|\bready to (?:leave|depart|go|be sent|be dispatched)\b|\blined up\b|\bstill waiting\b|\bwaiting in\b"
        r"|\bcool(?:s|ed|ing)? (?:their|his|her) heels\b|\bstuck (?:in|at)\b|(?<!left them )\bstranded\b|\bheld up (?:in|at|by)\b|\bidl(?:e|ed|ing)\b"
        r"|\bkept waiting\b|\bon hold\b|\bbilleted\b|\b(?:has|have|had) (?:all )?packed\b"
        # "waited two weeks at a guesthouse in Namyang before the crossing"
        r"|\bwait(?:ed|s|ing)? (?:[\w-]+ ){0,3}?(?:at|in) (?:a |the |their )?(?:[\w'\u2019-]+ ){0,2}?(?:guesthouses?|hostels?|lodging houses?|boarding houses?|inns?|"
        r"dormitor(?:y|ies)|hotels?|barracks|camps?|border (?:towns?|cit(?:y|ies))|training (?:camps?|cent(?:er|re)s?))\b"
        # kept back while the papers for the journey are made: "while passports and Russian
        # visas were arranged"
        r"|\bwhile (?:their |the )?(?:passports|visas|papers|documents|travel documents|exit permits)"
        r"(?: and (?:[\w-]+ ){0,2}?(?:visas|permits|papers|tickets))? (?:were|was|are|is|had been) "
        r"(?:being )?(?:arranged|prepared|processed|issued|sorted out|obtained)\b",
        True,
    ),
    (
        # Housed before leaving; `events` keeps it only where the sentence is about the time
        # before departure ("housed in dormitories provided by the city" is life at the site).
        "standby",
        "housed before leaving",
        r"\b(?:kept|held|housed|confined|lodged) (?:[\w-]+ ){0,2}?in (?:a |the )?(?:[\w-]+ )?(?:guesthouses?|hostels?|"
        r"dormitor(?:y|ies)|barracks|camps?|training (?:camps?|cent(?:er|re)s?))\b",
        True,
    ),
    # departure
    (
        "departure",
        "send/dispatch",
        r"\b(?:send|sends|sending|sent|dispatch|dispatches|dispatching|dispatched)\b",
        True,
    ),
    (
        "departure",
        "leave",
        r"\b(?:leave|leaves|leaving|left(?! with| behind| over))(?! (?:many|most|some|them|him|her|it|us|few|little|nothing)\b)"
        r"|\b(?:depart(?:s|ed|ing|ure)?|"
        r"head(?:s|ed|ing)? (?:abroad|overseas)|go(?:es|ing)? (?:abroad|overseas)|going overseas|"
        r"went (?:abroad|overseas)|set off|set out for|outbound|embark(?:s|ed|ing)?|shipped (?:out|off|abroad|overseas)|"
        r"board(?:s|ed|ing)? (?:a|the|their) (?:[\w-]+ ){0,2}?(?:trains?|ships?|ferry|ferries|planes?|flights?|buses|bus|vessels?)|"
        r"join(?:s|ed|ing)? (?:the|their) (?:vessels?|ships?|trawlers?|fleet))\b",
        True,
    ),
    (
        "departure",
        "out of the DPRK",
        # "flown out of Pyongyang", "will fly from Pyongyang to Moscow", "crossed the bridge
        # into China": a journey that starts in the DPRK (leaving it is the departure).
        r"\b(?:fl(?:y|ies|ew|own|ying)|travel(?:l?ed|l?ing|s)?|bus(?:s?ed)|driven|taken|brought|ship(?:ped)?|"
        r"sail(?:s|ed|ing)?|(?:set|sets|setting) (?:off|out)|come|came|moved|went|go(?:es|ing)?|"
        r"head(?:s|ed|ing)?|trucked|ferried|arriv(?:e|es|ed|ing)) (?:in (?:groups|teams|batches|parties) of [\w,]+(?: to [\w,]+)? )?"
        r"(?:[\w-]+ ){0,3}?(?:out of|from) (?:pyongyang|north korea|the north\b|"
        r"the dprk|sinuiju|rason|rajin|chongjin|wonsan|nampo|hamhung|hyesan|tumangang|namyang|manpo)\b"
        r"|\bcross(?:ed|es|ing)? (?:the )?(?:[\w-]+ ){0,2}?(?:bridge|river|border|tumen|yalu|amnok|duman)"
        r"(?: river)? (?:from north korea |from the north )?into (?:china|russia|jilin|liaoning|primorsky|the russian)\b"
        # "crossed the Tumen River bridge from Rason": the crossing leaves the DPRK
        r"|\bcross(?:ed|es|ing)? (?:the )?(?:[\w-]+ ){0,3}?(?:bridge|river|border) from (?:pyongyang|north korea|"
        r"the north\b|the dprk|sinuiju|rason|rajin|chongjin|namyang|manpo|hyesan|tumangang|onsong|hoeryong)\b",
        True,
    ),
    (
        "departure",
        "labour export",
        r"\b(?:suppl(?:y|ying|ied|ies)|export(?:s|ed|ing)?|provid(?:e|es|ed|ing)) (?:of )?(?:[\w,-]+ ){0,2}?"
        r"(?:labou?r|workers|crews|builders|manpower|hands|construction teams)\b"
        r"|\blabou?r exports?\b|\bdispatch of\b",
        True,
    ),
    # transit
    (
        "transit",
        "route",
        r"\bvia\b|\btransit(?:ing|ed|s)?\b|\b(?:pass(?:ed|ing|es)?|travel(?:l?ed|l?ing|s)?|go(?:ing)?|"
        r"head(?:ing|ed)?|mov(?:e|ed|ing)|rout(?:e|ed)) through\b|\boverland routes?\b"
        r"|\bby (?:train|rail|road|bus|ship|boat|sea|air|plane|truck|land)\b"
        r"|\btravel(?:l?ing|l?ed|s)?\b"
        r"|\bfrom (?:there|where)\b|\bchange trains\b|\bstopover\b|\bcross(?:ed|ing)? the border\b"
        # a leg after landing: "landed on April 3, after which it was taken by bus to ..."
        r"|\bafter which (?:[\w-]+ ){0,3}?(?:taken|moved|bus(?:s?ed)|driven|flown|sent|transferred|put on|"
        r"travel(?:l?ed)|continued|went|headed)\b"
        r"|\bcross(?:ed|es|ing)? the (?:[\w-]+ )?(?:bridge|river|checkpoint)\b"
        r"|\bgather(?:ed|ing)? (?:at|in)\b|\brail journey\b|\btransportation of\b|\bscheduled to go to\b"
        r"|\bbound for\b|\ben route\b|\b(?:by (?:bus|road|truck|car|rail|train) )?across the border\b|\bflying them\b|\bby way of\b|\bstaging (?:point|post|area|ground)s?\b"
        r"|\bchang(?:e|ed|ing) (?:to|trains|planes|buses)\b|\bchang(?:e|ed|es|ing) (?:(?:trains|planes|buses) )?at\b"
        # "entered Russia through Khasan": the way in is a place passed through
        r"|\b(?:enter(?:s|ed|ing)?|cross(?:es|ed|ing)? into|arriv(?:e|es|ed|ing) in) (?:[\w-]+ ){0,3}?through\b|\b(?:halt|stopp|stay)ed overnight\b|\bcorridor\b"
        r"|\b(?:halted|stopped) (?:in|at)\b|\bbefore continuing\b"
        # "stayed in a dormitory there before boarding a train for the ride west"
        r"|\bbefore (?:boarding|taking|catching|changing to) (?:a |an |the |their )?(?:[\w-]+ )?(?:trains?|flights?|planes?|buses|bus|ships?|ferry|boats?)\b"
        r"|\bonward (?:to|journey|flights?|travel)\b|\bconnecting (?:flights?|trains?)\b"
        # a second leg after a first: "fly to Vladivostok ... and then sail to Petropavlovsk"
        r"|\b(?:and|before) then (?:be )?(?:sail(?:s|ed|ing)?|fly|flies|flew|flown|board(?:s|ed|ing)?|"
        r"travel(?:l?ed|l?ing|s)?|head(?:s|ed|ing)?|proceed(?:s|ed|ing)?|transfer(?:s|red|ring)?|"
        r"ship(?:ped)?|ferried|bus(?:s?ed)|driven|taken|moved|carried|transported|rode|ride|rides|riding|"
        r"continu(?:e|es|ed|ing))\b"
        # "were later moved on from Rostov-on-Don to Donetsk": the place left is passed through
        r"|\b(?:moved|taken|sent|transferred|bus(?:s?ed)|driven|flown) on from\b"
        # a leg on from where they landed: "were taken from the airport to Jilin city by bus"
        r"|\b(?:taken|driven|bus(?:s?ed)|moved|transferred|carried|ferried) (?:straight )?from (?:the )?"
        r"(?:airport|station|railway station|port|harbou?r|terminal|pier|docks?) (?:to|in)\b"
        # "... and then take a domestic flight to Yuzhno-Sakhalinsk"
        r"|\b(?:and|before) then (?:tak(?:e|es|en|ing)|took|catch(?:es|ing)?|caught|change to) (?:a |an |the |their )?"
        r"(?:[\w-]+ )?(?:flights?|trains?|planes?|buses|bus|ships?|ferry|ferries|boats?)\b"
        # "... and then made a week-long train journey to Nizhny Novgorod"
        r"|\b(?:and|before) then (?:ma(?:de|ke|kes|king)|undert(?:ook|ake|akes|aking)|took|take) (?:a|an|the|their) "
        r"(?:[\w-]+ ){0,2}?(?:journey|trip|ride|voyage|drive|crossing)\b"
        r"|\b(?:taken|flown|sent|moved|bused|driven|put) on to\b|\b(?:came|come|coming|flew|flown) (?:in )?through\b|\bcross(?:ed|es|ing)? (?:the border )?at\b|\bcross(?:ed|es|ing)? into (?:[\w-]+ ){1,3}?at\b|\blayovers?\b|\bstop(?:ped|s)? over\b",
        True,
    ),
    (
        "transit",
        # "flew from Pyongyang to Vladivostok and continued by train": the city reached is
        # passed through
        "continued by a means",
        r"\bcontinu(?:e|es|ed|ing) (?:on |onward |their journey )?by (?:train|rail|road|bus|coach|"
        r"ship|boat|sea|air|plane|truck|car|ferry)\b",
        True,
    ),
    (
        "transit",
        "continued to a place",
        r"\bcontinu(?:e|es|ed|ing) (?:on )?(?:to|towards?) (?:the )?(?-i:[A-Z])",
        True,
    ),
    # arrival
    (
        "arrival",
        "arrive/enter",
        r"\b(?:arriv(?:e|es|ed|ing|als?)|reach(?:ed|es|ing)?(?! \d)|entered|enter|entering|entries|"
        r"landed|disembark(?:ed|ing)?|brought (?:in|to)|import(?:ed|ing)?|turn(?:ed|s|ing)? up (?:in|at)|"
        r"show(?:ed|s|ing)? up (?:in|at)|reappear(?:ed|s|ing)? (?:in|at)|docked (?:in|at)|touch(?:ed|es)? down)\b"
        r"|\bcross(?:ed|es|ing)? (?:the )?(?:[\w-]+ ){0,3}?into\b|\b(?:came|come|coming) in (?:through|via|on|from)\b"
        r"|\b(?:is|are|was|were) (?:expected|due) (?:to arrive|by|in|at|on|next|within|shortly|soon|before|later|this|early)\b"
        # "the men came from Pyongyang": they are here now (leaving is the departure rule's)
        r"|\b(?:came|had come|have come|has come) (?:[\w-]+ ){0,2}?from\b"
        # "the women were brought from Rason by bus": conveyed here
        r"|\b(?:was|were|been|being|are|is) (?:first |originally |later )?brought (?:over |across |in )?from\b"
        # "a plant took in a fresh group of women"
        r"|\b(?:took|takes|taken|taking) in (?:a |an |another )?(?:fresh|new|further|second|third|first|latest) "
        r"(?:group|batch|contingent|intake|team|wave)\b",
        True,
    ),
    (
        "arrival",
        "carried to",
        # Workers conveyed to a place reach it: "bused to seafood plants", "moved by train to St
        # Petersburg", "flown on to Doha", "continued to Doha on commercial flights".
        r"\btravel(?:l?ed|l?ing|s)? on to\b|\b(?:came|arrived|come|arrive) in (?:two|three|four|several|\d+) (?:groups|batches|waves)\b"
        r"|\b(?:bus(?:s?ed)|trucked|ferried|flown|airlifted|transported|driven|moved|relocated|"
        r"redeployed|shuttled) (?:(?!back |home |from |out )[\w-]+ ){0,4}?(?:on )?(?:to|into)\b"
        # "continued to grow" is no journey; "flown back to Pyongyang" is a return
        r"(?! (?:the |a )?(?:rise|grow|increase|work|be|do|make|have|pay|send|earn|remit|hand|operate|live)\b)"
        r"(?! (?:pyongyang|north korea|the north\b|the dprk))",
        True,
    ),
    (
        "arrival",
        "continued to a place",
        # "continued to Doha on commercial flights" (a place, capitalised: not "continued to work");
        # "continue to Pyongyang" is the way home, not an arrival
        r"\bcontinu(?:e|es|ed|ing) (?:on )?(?:to|towards?) (?:the )?(?!(?-i:Pyongyang|North Korea|DPRK))(?-i:[A-Z])",
        True,
    ),
    (
        "arrival",
        "bring workers to",
        rf"\bbring(?:ing)? (?:in )?(?:[\w-]+ ){{0,3}}?{_WORKERS} (?:to|into|in)\b",
        True,
    ),
    # deployment
    (
        "deployment",
        "work/deploy",
        r"\b(?:work(?:s|ed|ing)?(?! (?:on|to|out|visas?|permits?|authori[sz]ations?)\b)|toil(?:s|ed|ing)?|"
        r"employ(?:s|ed|ing|ment)?|deploy(?:s|ed|ing|ment)?|stationed|put to work|"
        r"participat(?:e|es|ed|ing) in|take part in|taking part in|help (?:to )?rebuild|rebuild(?:ing)?|"
        r"reconstruction (?:work|works|efforts?|sites?|projects?)|construction (?:sites?|projects?|works?)|"
        r"building sites?|logging camps?|(?:construction|building|shipbuilding|logging|factory|farm) and "
        r"(?:[\w-]+ )(?:sites?|projects?)|renovat(?:e|es|ed|ing)|repair(?:s|ed|ing)?|lay(?:s|ing)? (?:pipes?|bricks|tracks?|rails?|cables?|"
        r"foundations?)|pour(?:s|ed|ing)? (?:concrete|foundations?|cement)|(?:fell(?:s|ed)?|felling) (?:trees|timber|larch|pine)|"
        r"cut(?:s|ting)? timber|active (?:in|at|abroad|overseas)|assigned to|posted (?:to|in|at|abroad|overseas)|"
        r"(?:are|were|is|was|be) (?:already |now |still )?(?:building|constructing|erecting|plastering|welding|sewing|paving|putting up)|"
        # "is working on a bridge project": the bare "working on" is left out above ("work on a
        # plan"), a named project or site is work at a workplace
        r"(?:(?:is|are|was|were|been) (?:already |now |still )?working|to work) on (?:a |an |the |their )?(?:[\w-]+ ){0,2}?"
        r"(?:projects?|sites?|blocks|buildings|roads?|bridges?|railways?|plants?|terminals?|expansions?|"
        r"estates?|shipyards?|piers?|docks?|dams?|pipelines?)|"
        # time served at a site: "loggers who had spent five years at camps near Tynda"
        r"(?:spent|spend|spends|spending) (?:[\w-]+ ){1,2}?(?:years?|months?|winters?|seasons?) "
        r"(?:at|in|on) (?:[\w-]+ ){0,2}?(?:camps?|sites?|plants?|factor(?:y|ies)|farms?|mines?|shipyards?|"
        r"forests?|russia|china|the (?:far east|country))\b|"
        r"help(?:s|ed|ing)? (?:to )?(?:build|restore|repair)|"
        # work done at the site: "workers who had built housing estates in Moscow"
        r"(?:had|have|has) (?:been )?(?:built|building|constructed|put up) (?:[\w-]+ ){0,2}?(?:housing|estates?|homes|"
        r"flats|apartments?|blocks|roads?|bridges?|schools?|hospitals?|stadiums?|factories|plants?)|"
        # work ahead at the destination: "put on a train to Birobidzhan, where they will build ..."
        r"(?:will|would|are to|are due to|are set to|are expected to) (?:help )?(?:build|construct|erect|put up)|restor(?:e|es|ed|ing) (?:infrastructure|buildings|housing)|"
        r"catch(?:ing)? (?:fish|pollock|crab|squid|cod)|unloading|(?:install|mount|plaster|weld|tile|glaze|insulate|paint)"
        r"(?:s|ed|ing)? (?:[\w-]+ ){0,2}?(?:facades?|windows?|walls?|roofs?|panels?|pipes?|wiring|floors?|ceilings?)|"
        r"(?:sing|sings|singing|serve|serves|serving|cook|cooks|cooking) (?:for|at|in) (?:guests|diners|customers|restaurants?)|"
        r"gut(?:s|ted|ting)? fish|(?:building|writ(?:e|es|ing)|develop(?:s|ed|ing)?|coding) (?:[\w-]+ ){0,2}?(?:apps|software|websites|platforms|games)|peel(?:ing|ed)? shrimp|process(?:ing|es)? (?:fish|seafood|shrimp|crab)|"
        r"win (?:[\w-]+ ){0,2}contracts|took on|take on|taking on|"
        # the UN wording for nationals at work abroad: "earning income in its territory"
        r"earn(?:s|ed|ing)? (?:an )?income (?:in|on|within))\b",
        True,
    ),
    (
        "deployment",
        "at a workplace",
        # Where the workers are put: "at a textile factory in Darkhan", "to seafood processing
        # plants", "aboard Chinese trawlers", "in restaurants in Vientiane".
        r"\b(?:at|in|to(?! (?:leave|build|work|run|open|close|visit|join|staff|supply|repair|set up)\b)|"
        r"into|for|aboard|on) (?:a |an |the |its |their |two |three |several |various |local |"
        r"state-run |private |chinese |russian )?(?:[\w-]+ ){0,2}?(?:factor(?:y|ies)|plants?|shipyards?|sawmills?|"
        r"mines|farms?|restaurants?|hospitals?|clinics?|greenhouses?|canneries|cannery|workshops?|"
        r"trawlers?|(?:fishing|[\w-]+-fishing|fishing and [\w-]+) (?:boats?|vessels?|fleets?)|(?:construction|building) (?:sites?|projects?)|"
        r"housing (?:projects?|estates?|complex(?:es)?)|logging (?:sites?|camps?|concessions?)|"
        # "a gas chemical complex in Svobodny", "greenhouse complexes"
        r"(?:(?:gas|chemical|petrochemical|industrial|residential|apartment|greenhouse|hotel|processing|"
        r"farming|livestock|mining|steel|power|sports|resort|port)[ -]){1,3}complex(?:es)?)\b",
        True,
    ),
    (
        "deployment",
        "host workers",
        rf"\bhost(?:s|ed|ing)? (?:{_GAP} ){{0,4}}?{_WORKERS}\b",
        True,
    ),
    (
        "deployment",
        "workers in a place",
        r"\b(?:workers|laborers|labourers)\s+(?:already\s+|currently\s+|still\s+|now\s+)?(?:in|at)\s+"
        r"(?!North Korea|the North\b|Pyongyang|their home)(?:the\s+)?(?-i:[A-Z])",
        False,
    ),
    (
        "deployment",
        "workers abroad",
        r"\b(?:overseas|dispatched|expatriate|dispatch) (?:North Korean )?(?:workers|laborers|labourers)\b"
        r"|\b(?:workers|laborers|labourers) (?:abroad|overseas)\b",
        False,
    ),
    # extension
    (
        "extension",
        "extend stay",
        r"\b(?:extend\w*|renew\w*|prolong\w*|lengthen\w*|stretch\w*)\s+(?:[\w'\u2019-]+\s+){0,3}(?:visas?|stays?|contracts?|"
        r"passports?|permits?|terms?|assignments?|stints?|tours?|postings?|residence|documents|employment)\b"
        # the job itself: "an option to extend the work until the end of the year"
        r"|\b(?:extend\w*|prolong\w*) (?:the|their|its) (?:[\w-]+ )?(?:work|job|project|deployment)\b(?! (?:week|day|hours?)\b)"
        r"|\b(?:possib\w+|option|chance|right) to (?:extend|renew|prolong)\b"
        r"|\bstay (?:on )?(?:for )?(?:one|two|three|six|a few|several) more (?:years?|months?)\b"
        r"|\b(?:visas?|stays?|contracts?|passports?|permits?|terms?|stints?|tours?|postings?)\s+(?:[\w-]+\s+){0,3}"
        r"(?:extended|renewed|prolonged|lengthened|stretched)\b"
        r"|\bkept on (?:for|beyond|past|until|after|longer)\b|\bstay(?:ed|ing|s)? on (?:for|beyond|past|after)\b"
        r"|\brenewal (?:applications?|of (?:their|the|his|her) (?:visas?|permits?|contracts?|passports?))\b"
        r"|\bextension (?:term|period)s?\b|\bextension of\b|\bextend their\b"
        # "with the possibility of a one-year extension": a term that can be lengthened
        r"|\b(?:possib\w+|option|chance|prospect) of (?:an? )?(?:[\w-]+ )?extension\b"
        r"|\b(?:the|an|their|this|that) extension\b|\bstay (?:on )?(?:for )?(?:another|an additional|a further|an extra)\b"
        r"|\b(?:passports?|visas?|permits?|contracts?)\b[^.]{0,80}?\b(?:to be|be|been|being|were|was|are|is) "
        r"(?:renewed|extended|prolonged)\b"
        # a relative clause: "visas that their handlers have had extended", "which a broker renews"
        r"|\b(?:passports?|visas?|permits?|contracts?)\b[^.;]{0,60}?\b(?:which|that) (?:[\w'\u2019-]+ ){0,4}?"
        r"(?:renew|extend|prolong)(?:s|ed)?\b",
        False,
    ),
    # "have been extended by a year until December", told of the workers' contracts: the
    # subject may stand far back, so a worker must be near
    (
        "extension",
        "extended by a term",
        r"\b(?:extended|renewed|prolonged) (?:by|for) (?:a|an|one|two|"
        r"three|six|another|a further|an additional|an extra|\d+) (?:[\w-]+ )?(?:years?|months?|weeks?)\b"
        r"|\b(?:been|were|was) (?:extended|renewed|prolonged) (?:until|till|through)\b",
        True,
    ),
    # return
    (
        "return",
        "return home",
        r"\breturn(?:s|ed|ing)?\s+(?:home|to (?:North Korea|the North|their home|Pyongyang|their country|the DPRK))"
        r"|\b(?:(?:ship|plane|flight|train|bus|boat)s? (?:back )?home)\b"
        r"|\b(?:sent|send|sending|brought|bring|go|went|going|come|came|coming|flown|flew|ordered|pulled|shipped|summoned|called) "
        r"(?!(?:anything|money|cash|funds|remittances|earnings|savings|part|some|most|half|nothing|it|dollars|enough|"
        r"gifts|presents|wages|pay|(?:extra|more|additional|the) (?:cash|money|funds|dollars))\b)"
        # up to four words of object ("sent North Korean workers home"), none of them money
        r"(?:(?!(?:money|cash|funds|earnings|savings|wages|pay|dollars|remittances|gifts|goods)\b)[\w-]+ ){0,4}?"
        r"(?:back|home)\b(?! to (?:their|his|her|the) (?:old|former|previous|regular|usual)\b)"
        r"(?! (?:enough|money|cash|savings|earnings|wages|pay|gifts|presents|dollars)\b)"
        r"|\brepatriat\w*|\breturn of\b|\breplace(?:d|ment)?\b|\brotat(?:ed|ion)\b|\b(?:swapped|rotated|switched) out\b|\brecall(?:ed|ing)?\b"
        r"|\bdeport\w*|\bexpel\w*|\bexpulsion\b|\breturn(?:s|ed|ing)?\b",
        True,
    ),
    # terms
    (
        "terms",
        "conditions of dispatch",
        r"\b(?:\d+|one|two|three|four|five|six|seven|ten)[- ]year (?:passports?|visas?|contracts?|terms?|stays?|assignments?|stints?|tours?|postings?|rotations?)\b"
        # who may go: "married men between 30 and 45"
        r"|\b(?:men|women|candidates|applicants|workers) (?:aged )?between \d\d and \d\d\b"
        # where they are housed: "live in a dormitory inside the factory compound"
        r"|\bliv(?:e|es|ed|ing) in (?:a |the |company |their )?(?:[\w-]+ )?(?:dormitor(?:y|ies)|hostels?|trailers?|barracks|containers?|cabins?)\b"
        r"|\bcontracts?\b|\bpassports?\b|\bwages?\b|\bsalar(?:y|ies)\b|\b(?:paid|pay(?:ing|s)?)\b(?![^.]{0,40}\bbribes?\b)"
        r"|\bloyalty (?:funds?|fees?|money|payments?)\b|\bdues\b|\bper (?:worker|person|head)\b"
        r"|\b(?:\$\s?\d[\d,]*|\d[\d,]* (?:dollars|roubles|rubles|yuan|euros|won)) (?:a|per) (?:month|day|hour|week)\b"
        r"|\bfrom each worker\b|\bages? (?:of|between)\b|\baged \d|\bworking hours\b|\bdays? off\b"
        r"|\bshare of (?:their |the )?(?:wages|salar\w+|earnings|income|pay)\b"
        r"|\b(?:stay|be) (?:overseas|abroad) for\b|\bwork visas?\b|\bvisas?\b|\bclause\b"
        # how long they stay: "will gut fish for three years"; their papers: "residence permits"
        r"|\bfor (?:up to |at least |at most |about |around )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
        r"(?: (?:to|or) (?:\d+|two|three|four|five|six|seven|eight|ten))? years?\b(?! (?:ago|now|running|in a row)\b)"
        # "are expected to stay for at least a year"
        r"|\bstay (?:there |abroad |overseas )?for (?:up to |at least |at most |about |around )?(?:an?|one|two|three|six|\d+) "
        r"(?:years?|months?)\b"
        r"|\b(?:residence|residency|work|working|labou?r) permits?\b"
        # a stay told by its season: "will spend the nine-month season gutting fish"
        r"|\b(?:spend|spends|spent|spending|serve|serves|work|works) (?:the |a |an |their )?"
        r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ](?:month|year|week) "
        r"(?:season|stint|term|tour|posting|rotation|contract)\b"
        r"|\b(?:rotations?|stints?|tours?|terms?|assignments?) of (?:up to |about |around )?(?:\d+|one|two|three|four|"
        r"five|six|seven|eight|nine|ten)(?: (?:to|or) (?:\d+|two|three|four|five|six|seven|ten))? (?:years?|months?)\b"
        r"|\b(?:earn|earns|earned|earning|make|makes|receive|receives|get|gets|bring in|brings in|remit|remits) "
        r"(?:[\w$,.-]+ ){0,4}?(?:a|per|each) "
        r"(?:month|year|day|hour)\b|\b(?:handed|hand(?:s|ed)? over|remit(?:s|ted)?|goes|go|paid|pays) (?:[\w-]+ ){0,4}?"
        r"to the (?:state|party|regime)\b",
        True,
    ),
    # revenue
    (
        "revenue",
        "earnings for the state",
        r"\b(?:earn|earns|earning|earned|secure|securing|obtain|raise|raising|generate|generating|make|making)"
        r" (?:[\w-]+ ){0,2}?(?:foreign|hard) (?:currency|cash|exchange)\b|\bforeign (?:currency|cash|exchange)\b"
        r"|\bhard currency\b|\brevenues?\b|\bincome for (?:the )?(?:state|regime)\b"
        # labour paid for in kind: "sends workers in return for food and oil"
        r"|\bin (?:return|exchange) for (?:[\w-]+ ){0,3}?(?:food|oil|fuel|grain|rice|flour|goods|supplies|energy|"
        r"technology|cash|money|payment)\b"
        r"|\bmoney\b[^.]{0,60}\bbring(?:ing)? in\b|\bmoney to be made\b|\bboost (?:its|the|their) (?:own )?econom\w*"
        r"|\b(?:funds?|funding|finance|financing) (?:[\w'\u2019-]+ ){0,3}?(?:construction|projects?|program(?:me)?s?|regime|weapons|nuclear|missiles?)\b"
        r"|(?:\$|USD|US\$|U\.S\. \$)\s?\d[\d.,]* ?(?:million|billion|bn|m)\b|\bremittances?\b|\bcover the costs?\b"
        r"|\b\d[\d.,]* (?:million|billion) (?:dollars|euros|yuan|won|ro?ubles)\b|\bfunnel(?:l?ed|l?ing|s)?\b"
        r"|\bearn(?:ed|s|ing)? (?:pyongyang|the regime|the state|north korea|the north)\b"
        r"|\b(?:remit(?:s|ted|ting)?|send(?:s|ing)?|sent|hand(?:s|ed|ing)? over|transfer(?:s|red|ring)?) (?:all |most |part of |much of )?(?:their|the|its|his|her) (?:earnings|income|profits?|takings|proceeds)\b"
        r"|\b(?:earnings|income|profits?|proceeds|takings) (?:[\w-]+ ){0,2}?(?:go(?:es)?|went|flow(?:s|ed)?|are sent|were sent) to (?:the )?"
        r"(?:state|regime|party|pyongyang|north korea|north korean|government)\b"
        r"|\b(?:tens|hundreds) of millions of (?:dollars|euros|yuan)\b|\b(?:steady|major|key|reliable|big) (?:earner|source of (?:cash|income|money))\b",
        False,
    ),
    # abuse
    (
        "abuse",
        "exploitation",
        r"\bexploit\w*|\binhumane?\b|\bforced? labou?r\b|\bmiserable\b|\btoil(?:s|ed|ing)?\b|\bslave\w*"
        r"|\babus(?:e|es|ed|ive)\b|\bmistreat\w*|\bmaltreat\w*|\bsurveil\w*|\bminders?\b|\bwatched by\b"
        r"|\bmonitored by\b|\bconfiscat\w*|\bwithh(?:e|o)ld\w*|\bunpaid\b|\blion(?:'|\u2019)s share\b"
        r"|\bbarely (?:make|earn|cover|survive)\w*|\b(?:harsh|arduous|dire|poor|appalling|brutal|dangerous|"
        r"squalid|slave-like|prison-like|gruelling|grueling) (?:working |living )?conditions\b|\bmost arduous\b"
        r"|\b\d+-hour (?:work ?)?days?\b|\bno days off\b|\bbeat(?:en|ings?)\b|\bstretching them\b"
        r"|\bhuman rights (?:abuses|violations)\b|\bdeprived of\b"
        r"|\b(?:1[2-9]|2[0-4]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|twenty)[- ]hours? (?:a|per|each) day\b"
        r"|\bfrom dawn (?:to|till|until) dusk\b|\buntil late (?:at|into the) night\b"
        r"|\b(?:accompanied|escorted) by (?:a |an |their |one )?(?:minders?|managers?|guards?|supervisors?|security officers?)\b|\bextreme (?:heat|cold)\b|\baround the clock\b"
        r"|\bguarded (?:compounds?|dormitor\w+|apartments?|flats?|housing|hostels?|quarters|premises|barracks)\b"
        r"|\b(?:1[0-9]|2[0-4]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty)[- ]hour "
        r"(?:shifts?|days?|workdays?)\b|\blocked (?:in|into|up)\b|\b(?:pay|wages?|salar(?:y|ies)) docked\b"
        r"|\b(?:wages?|pay|salar(?:y|ies)|earnings) (?:(?:were|was|are|is|being|been) )*held back\b"
        r"|\bdock(?:ed|ing|s)? (?:their |his |her )?(?:pay|wages?)\b|\bdenied (?:medical|food|rest|contact|care|treatment)\b"
        r"|\b(?:phones?|passports?) (?:were |was )?(?:taken away|confiscated|seized)\b"
        r"|\b(?:kept|held|holds|keeps?|hold|took|collect(?:s|ed|ing)?) (?:[\w'\u2019-]+ ){0,2}?passports?\b|\bunheated\b"
        # "our passports stayed in the manager's safe"
        r"|\bpassports? (?:stayed|stay|stays|remained|remain|remains|were locked|are locked|sat) (?:in|with)\b"
        # a minder living among them "to watch them"; "made to work through the night"
        r"|\bto (?:watch|monitor|spy on|keep an eye on|keep watch over|report on) (?:them|the workers|the men|the women)\b"
        r"|\b(?:made|forced|compelled) to work\b"
        # the passive of the same, and the little of their pay that workers keep
        r"|\bpassports? (?:are|were|is|was|being|get|got) (?:being )?(?:held|kept|taken|collected) (?:by|in)\b"
        r"|\btake home (?:only |barely |just |less than |no more than )(?:a (?:fifth|quarter|third|tenth|fraction)|"
        r"(?:\d+|ten|twenty|thirty) (?:percent|per cent|%))\b"
        # no rest day: "seven days a week", "work without days off"
        r"|\bseven days a week\b|\bwithout (?:a )?days? off\b"
        r"|\b(?:not|never) (?:get|got|have|had|given|take|took|getting|having) (?:even )?(?:a |one )?(?:single )?days? off\b"
        # long days told by the clock: "from six in the morning until nine at night"
        r"|\bfrom (?:[\w-]+ ){1,2}?(?:in the morning|a\.m\.|am) (?:until|till|to) (?:[\w-]+ ){1,2}?(?:at night|in the evening|p\.m\.|pm)\b"
        r"|\b(?:until|till|past) midnight\b"
        r"|\b(?:tak(?:e|es|ing)|took) (?:half|most|two-thirds|the bulk) of (?:each|every|their|the) (?:[\w'\u2019-]+ ){0,2}?(?:earnings|wages|pay)\b|\bonly in (?:supervised|escorted|guarded) groups\b"
        r"|\bwithout (?:ever )?(?:coming|going|being allowed) ashore\b|\bnot (?:received|receiving|got|been given) (?:any |their |his )?"
        r"(?:wages|pay|salar\w+)\b|\btemperatures? (?:fell|fall|dropped|drop|plunged?) (?:to|below)\b"
        r"|\b(?:most|much|the bulk|all) of (?:the|their|his|her) (?:money|wages|pay|earnings) (?:was|were|is|are) "
        r"(?:deducted|taken|kept|confiscated|withheld)\b"
        r"|\bunder the watch of\b|\bpaid (?:almost|next to|virtually|practically|hardly|close to) (?:nothing|anything)\b"
        r"|\bpaid (?:a )?pittance\b|\b(?:has|have|had|was|were) (?:still )?not been paid\b|\bnever (?:been )?paid\b"
        r"|\bthreaten(?:ed|s|ing)? (?:with|to)\b|\bnot (?:allowed|permitted) to leave\b|\bforbidden to leave\b"
        r"|\b(?:escorted|guarded|watched|followed) by (?:[\w-]+ ){0,3}?(?:security|minders?|guards?|officers?|agents?|"
        r"supervisors?|managers?|police|policemen|soldiers|troops)\b",
        True,
    ),
    # evasion
    (
        "evasion",
        "sanctions evasion",
        r"\bavoid(?:ing|s)? (?:[\w-]+ ){0,3}?(?:sanctions|watchful eye|notice|detection|scrutiny|monitoring|attention|"
        r"port calls|inspections?|checks)\b|\bnot to draw attention\b|\bto draw (?:less|little|no) attention\b|\bship[- ]to[- ]ship\b"
        r"|\bevad\w*|\bevasion\b|\bcircumvent\w*|\bskirt\w* (?:the )?sanctions\b|\bguise\b|\bpretense\b"
        r"|\bpretext\b|\bdisguis\w*|\b(?:as )?a front\b|\b(?:student|study|tourist|trainee|training|visitor|education(?:al)?)"
        r"(?: or (?:student|study|tourist|trainee|training|visitor|business|education(?:al)?))?[\"'\u201d\u2019]? visas?\b|\bbusiness visas?\b"
        # "split into small groups" hides a crew; "split into teams of 25 to 40" only organises it
        r"|\b(?:split|divid(?:e|ed|ing)) (?:up )?into (?:small(?:er)?|several small) (?:[\w-]+ )?(?:teams|groups|units)\b|\b(?:split|divid(?:e|ed|ing)) up\b(?! into)|\bin turns\b|\bsmall (?:teams|groups)\b"
        r"|\bfeign\w* ignorance\b|\bnot stepping foot\b|\bthird[- ]countr(?:y|ies)\b"
        r"|\bfalse (?:identit\w+|nationalit\w+|documents|papers|passports|names?)\b|\bunder (?:false|fake|assumed|borrowed|other people's) names?\b|\bunder the name of\b"
        r"|\bfor (?:education(?:al)?|study) purposes\b|\billegally\b|\bsmuggl\w*|\bunder (?:the )?cover of\b"
        r"|\boff the books\b|\bpos(?:e|es|ed|ing) as\b|\blaunder\w*|\bnon-work(?:ing)? visas?\b"
        r"|\b(?:describ(?:e|es|ed|ing)|register(?:s|ed|ing)?|list(?:s|ed|ing)?|classif(?:y|ies|ied|ying)|"
        r"disguis(?:e|es|ed|ing)|pass(?:es|ed)? off|present(?:s|ed|ing)?) (?:[\w-]+ ){0,2}?as [\"'\u201c\u2018]?(?:[\w-]+ )?"
        r"(?:students?|trainees?|interns?|tourists?|specialists?|performers?|researchers?|visitors?)\b"
        r"|\bvisas? (?:issued |granted )?for [\"'\u201c\u2018]?(?:educational|education|study|cultural|training|"
        r"exchange|tourism|tourist)\b"
        r"|\b(?:officially|nominally|ostensibly|on paper) (?:as )?(?:students?|trainees?|interns?|tourists?)\b"
        r"|\b(?:insist\w*|claim\w*|say|says|said) (?:that )?(?:they|the workers|the men) (?:are|were) "
        r"(?:students|trainees|interns)\b|\b(?:stolen|rented|borrowed|fake|forged|fraudulent) identit\w+"
        r"|\bhide (?:where|who|their)\b"
        # "spread across contractors so that the Russians do not see one big workforce"
        r"|\bso (?:that )?(?:[\w-]+ ){1,3}?(?:do|does|did|would|will|could|can)(?: not|n't|n\u2019t) "
        r"(?:see|notice|spot|detect|realise|realize|know|show up|appear|stand out)\b"
        # the purpose a visitor declares: "most of them declaring study as the purpose of their visit"
        r"|\b(?:study|studies|education|tourism|training|business) as (?:the|their) (?:stated |declared |official )?purpose\b"
        r"|\bregistered (?:[\w-]+ ){0,2}?under (?:a|an|the|another) (?:[\w'\u2019-]+ ){0,3}?names?\b"
        # "told to call themselves technical trainees"
        r"|\b(?:call(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|identif(?:y|ies|ied|ying)) (?:themselves|them|the workers|the men|the women)"
        r"(?: as)? (?:[\w-]+ )?(?:students?|trainees?|interns?|tourists?)\b"
        r"|\bbypass(?:es|ed|ing)? (?:the )?(?:[\w-]+ ){0,3}?"
        r"(?:crossings?|checkpoints?|border|controls?)\b",
        False,
    ),
    # defection
    (
        "defection",
        "defect/escape",
        r"\bdefect(?:s|ed|ing|ion|ions|ors?)?\b|\bescap(?:e|ed|es|ing|ees?)\b(?! (?:the )?(?:sanctions|notice))"
        r"|\bfled\b|\bflee(?:ing|s)?\b|\basylum\b|\brefugee status\b|\bran away\b|\babscond\w*|\bwent missing\b"
        r"|\bslipped away\b|\b(?:went )?into hiding\b|\bin hiding\b",
        False,
    ),
    (
        "defection",
        "desert/walk out",
        r"\bdesert(?:s|ed|ing|ers?|ion)\b|\bwalked out of\b|\bnot been seen since\b|\bvanished\b"
        r"|\bsought (?:the )?protection\b|\bbolted\b|\bbroke away\b",
        True,
    ),
    # enforcement
    (
        "enforcement",
        "act under sanctions",
        r"\bdesignat(?:ed|es|ing|ion|ions)\b|\bsanctioned\b|\bimpos(?:ed|es|ing) (?:[\w-]+ ){0,3}?sanctions (?:on|against)\b|\bblacklist\w*"
        r"|\binspect(?:ion|ions|ed)\b|\bdeport\w*|\bexpel\w*|\bexpulsion\b|\brepatriation orders?\b"
        r"|\b(?:have|has|had|were|was) (?:already )?been repatriated\b|\bfound (?:to be )?in violation\b"
        r"|\bseiz(?:ed|ure)\b|\barrest(?:ed|s)?\b|\bfined\b|\bindict\w*|\bfroze(?:n)?\b"
        r"|\brevok(?:ed|es|ing) (?:[\w'\u2019-]+ ){0,3}?(?:permits?|visas?|licen[cs]es?|accreditations?|registrations?)\b"
        r"|\b(?:permits?|visas?|licen[cs]es?) (?:were |was |had been |have been )?revoked\b|\b(?:interim|midterm|final|implementation) reports?\b"
        r"|\bcharg(?:ed|es|ing) (?:[\w-]+ ){1,5}?with\b|\btook control of\b|\braid(?:ed|s|ing)?\b|\bdetain(?:ed|s|ing)?\b"
        r"|\binspectors?\b|\bprosecutor\w*|\bfines? of\b|\bfac(?:e|es|ing) (?:fines|charges|prosecution)\b"
        r"|\b(?:launch\w*|open\w*|began|begun|start\w*) (?:an |a )?(?:criminal )?(?:investigation|probe|case)\b"
        r"|\binvestigation (?:is|was) continuing\b"
        # "placed two North Koreans and a front company on its sanctions list"
        r"|\b(?:plac(?:e|es|ed|ing)|put(?:s|ting)?|add(?:s|ed|ing)?) (?:[\w'\u2019-]+ ){1,10}?(?:on|to) (?:its|the|their|a) "
        r"(?:[\w-]+ )?(?:sanctions|black) ?list\b"
        # workers sent home on the ground of sanctions: "sent home ..., citing UN sanctions"
        r"|\bciting (?:the )?(?:UN |U\.N\. |United Nations |international )?(?:sanctions|resolutions?)\b",
        False,
    ),
)


def _prefixes(items: list[Any], n: int) -> set[str] | None:
    """Every string of up to `n` characters a match of `items` (a parsed regex) can start with;
    a shorter string stands for all its continuations. None: cannot tell (any start)."""
    results: set[str] = set()

    def walk(seq: list[Any], i: int, prefix: str) -> bool:
        if len(prefix) >= n:
            results.add(prefix[:n])
            return True
        if i >= len(seq):
            results.add(prefix)  # the match may end here; a shorter prefix is a superset
            return True
        op, av = seq[i]
        if op is LITERAL:
            return walk(seq, i + 1, prefix + chr(av))
        if op is IN:
            chars = _charset(av)
            if chars is None:
                if not prefix:
                    return False
                results.add(prefix)
                return True
            return all(walk(seq, i + 1, prefix + c) for c in chars)
        if op is BRANCH:
            return all(walk(list(alt) + seq[i + 1 :], 0, prefix) for alt in av[1])
        if op is SUBPATTERN:
            return walk(list(av[3]) + seq[i + 1 :], 0, prefix)
        if op in (MAX_REPEAT, MIN_REPEAT):
            low, high, sub = av
            # One iteration, then the rest of the pattern; when the group may repeat, stop
            # after the first iteration (a shorter prefix stands for every continuation).
            ok = walk(list(sub) + (seq[i + 1 :] if high == 1 else []), 0, prefix)
            if low == 0:
                ok = ok and walk(seq, i + 1, prefix)
            return ok
        if op in (AT, ASSERT, ASSERT_NOT):
            return walk(seq, i + 1, prefix)
        if not prefix:
            return False
        results.add(prefix)
        return True

    if not walk(list(items), 0, ""):
        return None
    return results if "" not in results else None


def _charset(av: list[Any]) -> list[str] | None:
    chars: list[str] = []
    for op, a in av:
        if op is LITERAL:
            chars.append(chr(a))
        elif op is RANGE:
            chars.extend(chr(c) for c in range(a[0], a[1] + 1))
        elif op is CATEGORY and a is CATEGORY_DIGIT:
            chars.extend("0123456789")
        else:
            return None
    return chars if len(chars) <= 40 else None


@dataclass(frozen=True, slots=True)
class Dispatch:
    """Which rules can match at a word that starts with given letters: scanning ~700 word
    starts and trying only the few rules they can begin is several times faster than
    scanning the whole text once per rule."""

    by_two: dict[str, tuple[Rule, ...]]
    by_one: dict[str, tuple[Rule, ...]]
    everywhere: tuple[Rule, ...]


@cache
def dispatch() -> Dispatch:
    by_two: dict[str, list[Rule]] = {}
    by_one: dict[str, list[Rule]] = {}
    everywhere: list[Rule] = []
    for rule in rules():
        prefixes = None if rule.cased else _prefixes(list(_parser.parse(rule.pattern.pattern)), 2)
        if prefixes is None:
            everywhere.append(rule)
            continue
        for prefix in prefixes:
            table = by_two if len(prefix) == 2 else by_one
            if rule not in table.setdefault(prefix, []):
                table[prefix].append(rule)
    return Dispatch(
        {k: tuple(v) for k, v in by_two.items()},
        {k: tuple(v) for k, v in by_one.items()},
        tuple(everywhere),
    )


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules (compiled once, on first use)."""
    compiled = []
    for event_type, label, pattern, need in _RULES:
        regex, cased = _r(pattern)
        compiled.append(Rule(event_type, label, regex, need, cased))
    return tuple(compiled)
