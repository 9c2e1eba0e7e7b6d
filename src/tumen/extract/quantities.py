"""Quantities: worker counts, teams, money, and other counted things.

One regex scan (`numbers.NUMBER_MATCH`) finds every number expression (digits with separators
and scale words, number words, vague plurals, ranges, currencies); each match is then read in
its context:

- the words in front give the bound ("more than", "up to") or approximation ("about", "some");
- the noun phrase after it (read by `quantity_heads`) gives the unit: a worker noun ("workers",
  "labourers", "North Koreans", "people") makes `workers` when the report is about the DPRK and
  the phrase is not about soldiers, border entries, visas or another country's workers;
  "teams"/"groups" make `teams`; a currency makes `money`, with `per` from "a month", "from each
  worker";
- a few constructions without a noun also make `workers`: "teams of 30 to 60", "the 800 to 1,000
  selected", "sent 300 to Russia", "two of those" (when the sentences before are about workers),
  a bare count in brackets after a country ("China (50,000)") in a sentence about workers, and
  the parts of a count ("in two groups, 24 in late August and another 18 in September"), and a
  running total after a count ("..., bringing the number working there to at least 1,100").

Dates, clock times, ages, ordinals, durations ("two-year", "24 months") and identifiers
("Resolution 2397", "Article 8") are not quantities: other stages own times and durations.
"""

from __future__ import annotations

import bisect
import re

from tumen.extract.numbers import (
    NUMBER_MATCH,
    apply_scales,
    currency_code,
    money_rate,
    number_value,
)
from tumen.extract.quantity_heads import head_of
from tumen.model import Per, Quantity, QuantityUnit, Sentence

# --- context vocabulary -------------------------------------------------------------------------

# Bound and approximation words in front of a number (longest first inside the alternation).
_MODIFIER = re.compile(
    r"(?:(?:an?\s+)?(?:estimated|approximate)|about|around|approximately|approx\.|roughly|some|"
    r"circa|c\.|~|nearly|almost|close\s+to|just\s+(?:under|over)|as\s+many\s+as|up\s+to|"
    r"more\s+than|over|at\s+least|upwards?\s+of|in\s+excess\s+of|less\s+than|fewer\s+than|under|"
    r"below|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|a\s+minimum\s+of|"
    r"between|from|a\s+total\s+of|totall?ing|another|an\s+additional|a\s+further)\s*$",
    re.IGNORECASE,
)
_APPROX = frozenset(
    "estimated approximate about around approximately approx. roughly some circa c. ~ nearly "
    "almost close".split()
)
_MIN_ONLY = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "upward of",
    "in excess of",
    "a minimum of",
    "just over",
)
_MAX_ONLY = (
    "up to",
    "less than",
    "fewer than",
    "under",
    "below",
    "at most",
    "no more than",
    "not more than",
    "a maximum of",
    "as many as",
    "nearly",
    "almost",
    "close to",
    "just under",
)
_OPEN_AFTER = re.compile(r"^(?:\s*(?:or|and)\s+(?:more|above|over)\b|\+|-plus\b)", re.IGNORECASE)
_VERB_OVER = re.compile(
    r"\b(?:hand|turn|pass|give|gave|sign|took|take|paid|pay|fork|hold|held)\w*\s+over\s*$",
    re.IGNORECASE,
)
_OR_SO = re.compile(r"^\s*or\s+so\b", re.IGNORECASE)

# Numbers that are identifiers, not counts: "Resolution 2397", "Article 8", "No. 5".
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:resolutions?|orders?|articles?|paragraphs?|paras?\.?|op|sections?|sec\.|§|nos?\.|"
    r"numbers?|regulations?|decisions?|directives?|laws?|acts?|p\.l\.|flights?|routes?|rooms?|"
    r"pages?|pp?\.|chapters?|lines?|codes?|s/res/|tel\.?|phone|covid|model|version|unit|"
    r"platform|gate|track|exit|highway|paragraph)\s*(?:\(\w+\)\s*)?$|[#§]\s*$)",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
# Durations, clock times, ages, multiples, ordinals: owned by other stages or not counts.
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:(?:\s+|-)(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|"
    r"centur(?:y|ies)|nights?|times|fold|year-olds?|a\.m\.?|p\.m\.?|am|pm|o'clock|"
    r"storey|story|stories)\b|s\b|st\b|nd\b|rd\b|th\b|:\d|\s*-?\s*(?:km|kilometers?|kilometres?|"
    r"miles?|meters?|metres?|kg|tons?|tonnes?|mm|cm|sq)\b)",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b(?:ages?(?:\s+of)?|aged|age\s+between|ages\s+between|between\s+the\s+ages\s+of)\s*$",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(
    r"^\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.IGNORECASE
)
_YEAR_SPAN = re.compile(r"^(?:1[89]|20)\d\d$")


# One person ("one man") counts only when the clause says they fled or were sent home.
_LONE_FATE_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:defect\w*|fled|escap(?:e|ed|ing)|disappear(?:ed|s)|vanish(?:ed|es)|"
    r"went\s+missing|gone\s+missing|ran\s+away|abscond\w*|desert(?:ed|s)|sent\s+home|"
    r"repatriated|sought\s+asylum)\b",
    re.IGNORECASE,
)

_DPRK_DOC = re.compile(r"North\s+Korea|N\.\s?Korea|\bDPRK\b|Pyongyang|Kim\s+Jong", re.IGNORECASE)
# The sentence is about sending, keeping or losing people abroad for work.
_DISPATCH_CUE = re.compile(
    r"\b(?:send|sends|sent|sending|dispatch\w*|deploy\w*|recruit\w*|select\w*|chosen|choose|"
    r"workers?|labou?r\w*|work|works|worked|working|employ\w*|abroad|overseas|"
    # kept beyond their term: "about 230 men ... were told they would be kept on"
    r"kept\s+on|extended|"
    r"repatriat\w*|returned|sent\s+home|defect\w*|expel\w*|deport\w*|host(?:s|ed|ing)?|arriv\w*|personnel|construction|"
    # moved on as a group: "some 80 of the men would be moved on to Berdiansk"
    r"moved\s+(?:on\s+)?to|transferred|relocated|redeployed|"
    r"leave|leaving|depart\w*|"
    r"rounds?|hire[ds]?|hiring|mobili[sz]\w*|contract\w*|quotas?|disembark\w*|rebuil\w*|building\s+sites?|"
    r"bring\s+in|brought\s+in|take\s+in|taken\s+in|vett\w*|picked|"
    # the stages between choosing and leaving: "150 men drawn from machine plants passed the
    # final interviews and are on standby"
    r"drawn\s+from|standby|(?:passed|cleared)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+)?"
    r"(?:interviews?|checks?|tests?|exams?|screenings?|vetting)|exit\s+(?:visas?|permits?)|"
    # a receiving side's request: "requested as many as 500 North Koreans"
    r"request(?:s|ed|ing)?|asked\s+for|ask(?:s|ing)?\s+for|order(?:s|ed)?)\b",
    re.IGNORECASE,
)
# Openings are for workers in a sentence about choosing or sending them ("180 places are on
# offer" to applicants of a selection round); elsewhere "places" are places.
_SLOT_CUE = re.compile(
    r"\b(?:applicants?|candidates?|select\w*|selection|screening|rounds?|recruit\w*|vett\w*|"
    r"quotas?|on\s+offer|allocated|dispatch\w*|workers?)\b",
    re.IGNORECASE,
)
_DESIGNATED_BEFORE = re.compile(
    r"\b(?:designat\w*|sanction(?:ed|s|ing)|blacklist\w*|indict\w*|charg(?:ed|es|ing)|arrest\w*)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:and\s+)?$",
    re.IGNORECASE,
)
_TEAM_CUE = re.compile(
    r"\b(?:teams?|batch(?:es)?|groups?|squads?|crews?|brigades?)\b", re.IGNORECASE
)
# A sentence about another labour market ("Russia's shortage of 4.8 million workers").
_FOREIGN_LABOUR = re.compile(
    r"\b(?:shortages?|Central\s+Asia\w*|migrants?\s+from|Russian\s+workers|labou?r\s+market|"
    r"unemploy\w*|Tajik\w*|Uzbek\w*|Kyrgyz\w*|Vietnam\w*|unions?|strikes?)\b",
    re.IGNORECASE,
)
_DPRK_SENTENCE = re.compile(
    r"North\s+Korea|N\.\s?Korea|\bDPRK\b|Pyongyang|\bthe\s+North\b|\bNK\b", re.IGNORECASE
)
_MILITARY_OR_DEATH = re.compile(
    r"\b(?:soldiers?|troops|combat|fight\w*|battle\w*|front\s*lines?|killed|dead|died|deaths|"
    r"wounded|injured|casualties|missiles?|military\s+personnel)\b",
    re.IGNORECASE,
)
_MILITARY = re.compile(
    r"\b(?:soldiers?|troops|combat|fight\w*|battle\w*|front\s*lines?|missiles?|military)\b",
    re.IGNORECASE,
)
# Sick or injured workers sent home are still workers: "about 40 men, most of them ill or
# injured, were sent home". Only outside a military story.
_SENT_HOME = re.compile(
    r"\b(?:sent|flown|brought|shipped)\s+(?:back\s+)?home\b|\brepatriated\b|\bsent\s+back\b",
    re.IGNORECASE,
)
# Defectors who reached the South are not workers sent abroad.
_IN_THE_SOUTH = re.compile(
    r"\b(?:reached|arrived\s+in|settled\s+in|fled\s+to|resettled\s+in|live\s+in)\s+(?:the\s+South\b|South\s+Korea|Seoul)"
    r"|\bdefectors\b",
    re.IGNORECASE,
)
_ENTRY_CUE = re.compile(
    r"\b(?:entered|entering|entries|entry|visit\w*|tourists?|tourism|crossed|passengers?|"
    r"students?|education(?:al)?|visas?|study|studies|statistics)\b",
    re.IGNORECASE,
)
_TEAM_OF_BEFORE = re.compile(
    r"\b(?:teams?|groups?|squads?|crews?|brigades?|units?|batch(?:es)?|workforce|contingent|"
    r"cohort|delegation|rotations?|waves?|shifts?),?\s+"
    # "a contingent of", "numbering", and told with a verb: "the contingent will comprise".
    r"(?:of|numbering|comprising|consisting\s+of|"
    r"(?:(?:will|would|is\s+to|are\s+to|was\s+to|were\s+to)\s+)?"
    r"(?:number(?:s|ed)?|comprise[sd]?|consist(?:s|ed)?\s+of))\s+"
    r"(?:(?:about|around|some|roughly|approximately|up\s+to|at\s+least|between|nearly|"
    r"more\s+than|no\s+more\s+than|fewer\s+than|less\s+than)\s+)?$",
    re.IGNORECASE,
)
# The parts of a group listed after it: "arrived in two groups, 24 in late August and ...".
_GROUP_SPLIT_BEFORE = re.compile(
    r"\b(?:in|into)\s+(?:two|three|four|five|six|several|\d)\s+(?:[\w-]+\s+)?"
    r"(?:groups|batches|teams|waves|contingents|parties|lots)\s*[,:;\u2013\u2014-]\s*"
    r"(?:(?:the\s+first\s+(?:of\s+)?)?(?:about|around|some|roughly|nearly|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# The next part of a count just given: "..., 24 in late August and another 18 in September".
_NEXT_PART_BEFORE = re.compile(
    r"(?:,|\band)\s+(?:(?:another|a\s+further|an\s+additional|some|about|around|roughly|"
    r"nearly|over|more\s+than|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_PART_GAP = 80  # characters from the end of one count to the next part of it
_EACH_TEAM_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:in\s+each|per|each|for\s+each|to\s+a)\s+(?:team|group|batch|unit|squad)\b",
    re.IGNORECASE,
)
_DISPATCH_VERB_BEFORE = re.compile(
    r"\b(?:send|sends|sent|sending|dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?|recruit(?:s|ed|ing)?|"
    r"select(?:s|ed|ing)?|hire[ds]?|hiring|repatriat(?:e|es|ed|ing)|return(?:s|ed)?|chose|"
    r"chosen|mobili[sz](?:e|es|ed|ing))\s+(?:(?:an?\s+)?(?:further|additional|another|extra)\s+)?$",
    re.IGNORECASE,
)
# A part of workers just named, with its own destination: "send 3,000 workers, including 500 to
# Moscow", "more workers next year, possibly including more than 5,000 to the Donbas".
_INCLUDING_BEFORE = re.compile(
    r"\b(?:workers|labou?rers)\b[^.;]{0,60}?\bincluding\s+"
    r"(?:(?:about|around|some|roughly|nearly|up\s+to|more\s+than|over|at\s+least)\s+)?$",
    re.IGNORECASE,
)
# Choosing people needs no destination after the count: "pick another 400 from factories".
_SELECT_VERB_BEFORE = re.compile(
    r"\b(?:select(?:s|ed|ing)?|pick(?:s|ed|ing)?|choose|chose|chosen|recruit(?:s|ed|ing)?|hire[ds]?|"
    r"hiring)\s+(?:(?:an?\s+)?(?:further|additional|another|extra)\s+)?$",
    re.IGNORECASE,
)
# Permits and visas counted for workers are not workers ("permits for some 5,000 builders").
_PERMITS_FOR_BEFORE = re.compile(
    r"\b(?:permits?|visas?|authori[sz]ations?|licen[cs]es?)\s+for\s+"
    r"(?:(?:some|about|around|roughly|nearly|up\s+to|more\s+than|over|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_PARTICIPLE_AFTER = re.compile(
    # "as many as 5,000 more could be sent": "more" after the figure stands for the noun
    r"^[\"'”’\]\)]*\s*(?:workers?\s+|more\s+|others\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+|are\s+|will\s+be\s+|(?:could|may|might|would|can|"
    r"should|are\s+to|is\s+to|are\s+set\s+to|are\s+expected\s+to)\s+be\s+)?"
    r"(?:(?:more|others?|additional)\s+(?:were\s+|have\s+been\s+|had\s+)?)?"
    r"(?:(?:newly|already|later|eventually|then|since|subsequently)\s+)?"
    r"(?:selected|recruited|dispatched|sent|deployed|chosen|repatriated|hired|mobili[sz]ed|employed|working|"
    # "Eleven worked in Irkutsk; eight were sent to Kazan": a share of the men just named
    r"worked|"
    r"returned|arrived|defected|fled|passed|qualified|approved|remained|stayed|departed|escaped|"
    r"deserted|disembarked)\b",
    re.IGNORECASE,
)
# A share of a mixed crew or workforce by nationality: "18 of the 25 crew members aboard ... were
# North Korean". The part is the DPRK count; the total counts other nationals too.
_NATIONALITY_SHARE = re.compile(
    r"\b(?P<part>\d[\d,]*)\s+of\s+(?:the|its|their)\s+(?P<total>\d[\d,]*)\s+[^.;!?]{0,80}?"
    r"\b(?:were|are|was|is)\s+(?:all\s+)?(?:North\s+Korean|from\s+North\s+Korea|DPRK\s+nationals|"
    r"from\s+the\s+DPRK|citizens\s+of\s+North\s+Korea)",
    re.IGNORECASE,
)
_OF_THOSE_AFTER = re.compile(
    r"^\s+of\s+(?:them|those|these|whom|(?:the|our|its|their)\s+(?:[a-z-]+\s+){0,2}?"
    # "15 of the 23": a share of a total just given
    r"(?:workers|labou?rers|group|men|\d[\d,]*))\b",
    re.IGNORECASE,
)
_NUMBER_OF_BEFORE = re.compile(
    r"(?:\bnumber\s+of\s+(?:[\w.'-]+\s+){0,4}?(?:workers|labou?rers)\b[^.;]{0,50}?"
    r"\b(?:reached|reaching|stood\s+at|stands\s+at|was|is|totall?ed|rose\s+to|increased\s+to|"
    r"fell\s+to|dropped\s+to|grew\s+to|at)"
    r"|\b(?:workers|labou?rers)\b[^.;]{0,40}?\b(?:numbering|numbered|totall?ing|totall?ed|"
    r"estimated\s+at|stood\s+at))\s+"
    r"(?:(?:about|around|some|roughly|approximately|more\s+than|over|up\s+to|nearly|"
    r"at\s+least|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
# People who are a report's sources, not its workers: "citing two people familiar with the
# talks", "according to three officials", "two people with knowledge of the plan said".
_CITING_BEFORE = re.compile(
    r"\b(?:citing|according\s+to|quoting)\s+(?:at\s+least\s+)?$", re.IGNORECASE
)
_SOURCES_AFTER = re.compile(
    r"\s+(?:(?:who\s+(?:are|were)\s+)?familiar\s+with|close\s+to\s+the|with\s+(?:direct\s+)?"
    r"knowledge\s+of|briefed\s+on|involved\s+in\s+the\s+(?:talks|negotiations|deal|matter))\b",
    re.IGNORECASE,
)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:(?:who|that)\s+[^.;,]{0,40}?)?(?:told|said|says|recalled|described|explained)\b",
    re.IGNORECASE,
)
# People named by a generic noun who are at work, were chosen, or were moved on as a group: workers
# even where the sentence also speaks of entries or visas ("more than 1,000 DPRK nationals were
# working on construction sites after entering on tourist visas", "180 women chosen from textile
# mills ... crossed the border", "about 40 men from his site were put on buses and taken to").
_PEOPLE_AT_WORK_AFTER = re.compile(
    r"\s+(?:(?:were|are|was|is|have\s+been|had\s+been|has\s+been)\s+)?"
    r"(?:(?:still|already|currently|now|reportedly|also)\s+)?"
    r"(?:work(?:s|ed|ing)?|employed|toil(?:s|ed|ing)?)\b(?!\s+(?:visas?|permits?)\b)"
    r"|\s+(?:chosen|selected|recruited|picked|drawn)\s+from\b"
    r"|[^.;,]{0,30}?\b(?:were|had\s+been|have\s+been)\s+(?:then\s+|later\s+)?"
    r"(?:put\s+on\s+(?:an?\s+)?(?:bus(?:es)?|trains?|planes?|ships?|trucks?)|taken|moved|transferred|"
    r"relocated|bus(?:s?ed)|flown|driven|dispatched|deployed)\b",
    re.IGNORECASE,
)
# A running total after a worker count of the same sentence: "..., bringing the number working in
# the port city to at least 1,100".
_RUNNING_TOTAL_BEFORE = re.compile(
    r"\b(?:bring(?:s|ing)?|brought|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|tak(?:e|es|ing)|took)\s+"
    r"(?:the|their|its)\s+(?:total\s+)?(?:number|total|headcount|workforce|count)\b[^.;]{0,60}?\bto\s+"
    r"(?:(?:about|around|some|roughly|nearly|more\s+than|over|at\s+least|almost|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
# The same count told as a number that changed, after workers were named: "Their number fell to
# roughly 4,000 by the end of 2019".
_THEIR_NUMBER_BEFORE = re.compile(
    r"\b(?:their|whose)\s+(?:total\s+)?(?:numbers?|headcount|ranks)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:fell|fallen|dropped|shrank|shrunk|declined|rose|risen|grew|grown|climbed|increased|decreased|"
    r"swelled|dwindled)\s+to\s+"
    r"(?:(?:about|around|some|roughly|approximately|more\s+than|over|nearly|at\s+least|"
    r"an\s+estimated|fewer\s+than|less\s+than|just)\s+)?$",
    re.IGNORECASE,
)
# An earlier count of the same workers, compared after one: "dispatched more than 12,000 workers
# in 2025, up from about 4,000 the year before".
_UP_FROM_BEFORE = re.compile(
    r"\b(?:(?:up|down|rising|falling|rose|fell|jumping|increasing|decreasing)\s+from|"
    r"compared\s+(?:with|to))\s+"
    r"(?:(?:about|around|some|roughly|approximately|nearly|just|an\s+estimated|fewer\s+than|"
    r"less\s+than|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
# A figure a correction withdraws: "An earlier version of this story said about 3,000 ...".
_RETRACTED = re.compile(
    r"\b(?:an\s+)?earlier\s+version\s+of\s+(?:this|the)\s+(?:story|article|report|item)\b"
    r"|\b(?:misstated|incorrectly\s+(?:said|stated|reported))\b",
    re.IGNORECASE,
)
# A small group that came on study visas is a crew, not border statistics: those are counted
# in thousands, and named as statistics, entries or tourists.
_SMALL_GROUP = 1000
_STATISTICS = re.compile(
    r"\b(?:statistics|data|figures|entries|touris\w+|tours?|visit\w*|crossings|border\s+guards?|"
    r"delegations?|expos?|exhibitions?|fairs?|festivals?|games|championships?|conferences?)\b",
    re.IGNORECASE,
)
_ENTRY_VERB_AFTER = re.compile(
    r"\s*(?:have\s+|had\s+)?(?:entered|visited|crossed|travell?ed|arrived\s+as\s+tourists)\b",
    re.IGNORECASE,
)


def find_quantities(text: str, sentences: list[Sentence]) -> list[Quantity]:
    """Every quantity in the text, in order; ids and keys are left to the pipeline."""
    dprk_doc = _DPRK_DOC.search(text) is not None
    starts = [s.start for s in sentences]
    out: list[Quantity] = []
    last_end = -1
    for match in NUMBER_MATCH.finditer(text):
        if match.start() < last_end:
            continue
        # The end of a worker count just before: "24 in late August and another 18 in ..."
        prior = out[-1].span[1] if out and out[-1].unit == "workers" else -1
        quantity = _read(text, match, sentences, starts, dprk_doc, prior)
        if quantity is not None:
            out.append(quantity)
            last_end = quantity.span[1]
            second = _second_of_pair(text, match, quantity, sentences, starts, dprk_doc)
            if second is not None:
                out.append(second)
                last_end = second.span[1]
    return out


def _second_of_pair(
    text: str,
    match: re.Match[str],
    first: Quantity,
    sentences: list[Sentence],
    starts: list[int],
    dprk_doc: bool,
) -> Quantity | None:
    """The second count of "two groups, numbering about 180 and 150": read alone it has no
    noun, so it shares the first one's unit (only for worker counts)."""
    if match.group("n2") is None or (match.group("sep") or "").strip().lower() != "and":
        return None
    if first.unit != "workers" or first.span[1] > match.start("n2"):
        return None
    again = NUMBER_MATCH.match(text, match.start("n2"))
    if again is None:
        return None
    quantity = _read(text, again, sentences, starts, dprk_doc)
    if quantity is not None or head_of(text, again.end()).kind != "none":
        return quantity
    value = number_value(again.group("n1")) if again.group("n1") else None
    if value is None or again.group("n2") is not None:
        return None
    end = again.end("n1")
    return _make(text, again.start(), end, "workers", value, value, first.approximate)


def _read(
    text: str,
    match: re.Match[str],
    sentences: list[Sentence],
    starts: list[int],
    dprk_doc: bool,
    prior_workers_end: int = -1,
) -> Quantity | None:
    start, end = match.span()
    before = text[max(0, start - 80) : start]
    after = text[end : end + 120]
    sent_start, sent_end = _sentence_bounds(text, start, sentences, starts)

    if match.group("vague"):
        return _read_vague(text, match, before, after, sent_start, sent_end, dprk_doc)

    n1, n2 = match.group("n1"), match.group("n2")
    sep = match.group("sep")
    cursuf = match.group("cursuf")
    is_between = re.search(r"\bbetween\s*$", before, re.IGNORECASE) is not None
    if n2 is not None and sep is not None and sep.strip().lower() == "and" and not is_between:
        # "2375 and 2397", "nine and 12": two items, not a range; read the first alone.
        n2 = None
        cursuf = None
        end = match.end("n1")
        after = text[end : end + 120]
    if n2 is not None and sep is not None and sep.strip().lower() == "or" and _is_year_like(n1):
        return None
    low1 = number_value(n1)
    if low1 is None:
        return None
    high1 = number_value(n2) if n2 is not None else None
    if n2 is not None and high1 is None:
        return None

    # Identifiers, dates, clock times, ages, durations.
    # "number" after a group is the verb of a count ("the batch will number 200"), no label.
    identifier = _IDENTIFIER_BEFORE.search(before) and not _TEAM_OF_BEFORE.search(before)
    if identifier or _MONTH_BEFORE.search(before):
        return None
    if _MONTH_AFTER.match(after) and not cursuf:
        return None
    if _AGE_BEFORE.search(before) or _NOT_A_COUNT_AFTER.match(after):
        return None

    currency = currency_code(match.group("cur1"), match.group("cur2"), cursuf)
    mod_match = _MODIFIER.search(before)
    modifier = re.sub(r"\s+", " ", mod_match.group(0).strip().lower()) if mod_match else ""
    mention_start = mod_match.start() + (start - len(before)) if mod_match else start
    if modifier in ("another", "an additional", "a further", "a total of"):
        mention_start = start  # not a bound: the mention is the number itself
    if modifier == "over" and _VERB_OVER.search(before):
        modifier, mention_start = "", start  # "hands over $800": a verb's particle, not a bound
    if modifier == "from" and n2 is None:
        modifier, mention_start = "", start

    low, high = apply_scales(low1, high1, n1, n2)
    approximate = any(word in _APPROX for word in modifier.split())
    or_so = _OR_SO.match(after)
    if or_so:
        approximate = True
    if n2 is None:
        lo: float | None = low
        hi: float | None = low
        if modifier.startswith(_MIN_ONLY) or _OPEN_AFTER.match(after):
            hi = None
        elif modifier.startswith(_MAX_ONLY):
            lo = None
    else:
        lo, hi = low, high
        if hi is not None and lo is not None and hi < lo:
            return None  # "10-3" is a score or an identifier, not a range

    mention_end = end
    if or_so:  # "another 10,000 or so could be sent": the noun or verb follows the phrase
        mention_end = end = end + or_so.end()
        after = text[end : end + 120]
    open_after = _OPEN_AFTER.match(after)
    if open_after:  # "1,000 or more": the phrase belongs to the mention, the noun follows it
        mention_end = end = end + open_after.end()
        after = text[end : end + 120]
    if currency:
        per = money_rate(text, mention_start, end, sent_start, sent_end)
        return _make(text, mention_start, mention_end, "money", lo, hi, approximate, currency, per)

    if re.search(r"\d(?:[kmb]|mn|bn|mln|tn)$", n2 or n1, re.IGNORECASE):
        return None  # "9m", "5k" without a currency: metres, ratings; not counts we can trust
    if percent := _PERCENT_AFTER.match(after):
        return _make(text, mention_start, end + percent.end(), "other", lo, hi, approximate)

    word_number = not n1[0].isdigit()
    if n1.lower() == "one" and re.match(r"^\s+of\b", after):
        return None  # "one of the workers said": a speaker, not a count
    digits_plain = n1.replace(".", "").isdigit()  # no separators, no scale word
    year_like = n2 is None and digits_plain and len(n1) == 4 and not modifier

    unit = _unit(text, start, end, before, after, sent_start, sent_end, dprk_doc, prior_workers_end)
    if unit is None:
        # A bare number: kept only when a bound word marks it as a count ("up to 315,000").
        if mod_match and modifier not in ("from", "between") and not word_number and not year_like:
            return _make(text, mention_start, mention_end, "other", lo, hi, approximate)
        return None
    if unit == "other" and (word_number or year_like):
        return None  # "one locomotive", "1718 Committee": not counts worth keeping
    if unit == "workers" and _RETRACTED.search(text, sent_start, sent_end):
        unit = "other"  # a correction's withdrawn figure
    return _make(text, mention_start, mention_end, unit, lo, hi, approximate)


def _read_vague(
    text: str,
    match: re.Match[str],
    before: str,
    after: str,
    sent_start: int,
    sent_end: int,
    dprk_doc: bool,
) -> Quantity | None:
    start, end = match.span()
    unit = _unit(text, start, end, before, after, sent_start, sent_end, dprk_doc)
    if unit is None:
        return None
    if unit == "other" and not re.match(r"^\s+of\b", after):
        return None
    return _make(text, start, end, unit, None, None, True)


def _unit(
    text: str,
    start: int,
    end: int,
    before: str,
    after: str,
    sent_start: int,
    sent_end: int,
    dprk_doc: bool,
    prior_workers_end: int = -1,
) -> QuantityUnit | None:
    """`workers`, `teams` or `other` from the words around the number; None: no counted noun.
    `prior_workers_end`: where the last worker count before this number ends (-1: none)."""
    sentence = text[sent_start:sent_end]
    if dprk_doc and " of " in sentence:
        for share in _NATIONALITY_SHARE.finditer(text, sent_start, sent_end):
            if share.start("part") == start:
                return "workers"
            if share.start("total") == start:
                return "other"
    head = head_of(text, end)
    if head.kind in ("worker", "generic") and _PERMITS_FOR_BEFORE.search(before):
        return "other"
    if head.kind == "worker":
        if not dprk_doc or head.foreign:
            return "other"
        if text[start:end].lower() in ("one", "1") and _SPEAKER_AFTER.match(text, head.end):
            return None  # "one former worker told the group": a speaker, not a count
        if (
            not head.dprk
            and _FOREIGN_LABOUR.search(sentence)
            and not _DPRK_SENTENCE.search(sentence)
        ):
            return "other"
        return "workers"
    if head.kind == "generic":
        if not dprk_doc or head.foreign:
            return "other"
        if _TEAM_OF_BEFORE.search(before):
            return "workers"  # "a group of about 150 North Korean women crossed ...": a team
        if _DESIGNATED_BEFORE.search(before):
            return "other"  # "designated two companies and three individuals": named persons
        if _CITING_BEFORE.search(before) or _SOURCES_AFTER.match(text, head.end, sent_end):
            return "other"  # "citing two people familiar with the talks": the sources
        if head.dprk and _ENTRY_VERB_AFTER.match(text, head.end, head.end + 40):
            return "other"  # "13,000 North Koreans entered Russia": border statistics
        clause = text[start : min(sent_end, head.end + 80)]
        if _IN_THE_SOUTH.search(clause):
            return "other"
        if _MILITARY_OR_DEATH.search(clause) and not (
            _SENT_HOME.search(clause) and not _MILITARY.search(sentence)
        ):
            return "other"
        if _TEAM_OF_BEFORE.search(before) or _EACH_TEAM_AFTER.match(after):
            return "workers"
        if _PEOPLE_AT_WORK_AFTER.match(text, head.end, sent_end):
            return "workers"
        if (
            _ENTRY_CUE.search(sentence)
            and not _has_worker_word(sentence)
            and not _TEAM_CUE.search(sentence)
        ):
            if _first_value(text, start, end) < _SMALL_GROUP and not _STATISTICS.search(sentence):
                return "workers"  # '"no more than 120" North Koreans had come, on study visas'
            return "other"  # "12,000 North Koreans arrived, most on study visas"
        if _DISPATCH_CUE.search(sentence) or _TEAM_CUE.search(sentence):
            return "workers"
        return "other"
    if head.kind == "lone":
        # "one man had disappeared from his dormitory ... to defect": a worker who fled or was
        # sent home is counted; "one man told RFA" is a speaker
        if (
            dprk_doc
            and not head.foreign
            and text[start:end].lower() in ("one", "1")
            and _LONE_FATE_AFTER.match(text, head.end, sent_end)
            and not _MILITARY_OR_DEATH.search(sentence)
        ):
            return "workers"
        return None
    if head.kind == "slot":
        if dprk_doc and not head.foreign and _SLOT_CUE.search(sentence):
            return "workers"
        return "other"
    if head.kind == "team":
        if dprk_doc and re.match(r"-strong\b", after) and _DISPATCH_CUE.search(sentence):
            return "workers"  # "a 40-strong crew": the crew's size
        if dprk_doc and not head.foreign and _DISPATCH_CUE.search(sentence):
            return "teams"
        return "other"
    if head.kind in ("soldier", "entry", "noun"):
        if head.kind == "noun" and dprk_doc and _TEAM_OF_BEFORE.search(before):
            return "workers"  # "teams of 30 to 60 in all" (rare) keeps its worker reading
        return "other"

    # No noun after the number: constructions that still count workers.
    if not dprk_doc:
        return None
    if _TEAM_OF_BEFORE.search(before) or _GROUP_SPLIT_BEFORE.search(before):
        return "workers"
    if (
        sent_start <= prior_workers_end  # a worker count ends just before, in this sentence
        and start - prior_workers_end <= _PART_GAP
        and _NEXT_PART_BEFORE.search(before)
        and not _is_year_like(text[start:end])
        and not _ENTRY_CUE.search(text, sent_start, sent_end)
    ):
        return "workers"  # "24 in late August and another 18 in September": the next part
    if _PARTICIPLE_AFTER.match(after) or _NUMBER_OF_BEFORE.search(before):
        return "workers"
    if _THEIR_NUMBER_BEFORE.search(before):
        # the same people as a worker count just before, or as workers named just before
        context_start = _context_start(text, sent_start)
        if prior_workers_end >= context_start or (
            _has_worker_word(text[context_start:start]) and not _ENTRY_CUE.search(sentence)
        ):
            return "workers"
    if (
        sent_start <= prior_workers_end < start
        and _UP_FROM_BEFORE.search(before)
        and not _is_year_like(text[start:end])
    ):
        return "workers"  # "12,000 workers ..., up from about 4,000 the year before"
    if (
        sent_start <= prior_workers_end < start
        and _RUNNING_TOTAL_BEFORE.search(before)
        and not _ENTRY_CUE.search(text, sent_start, sent_end)
    ):
        return "workers"
    if _DISPATCH_VERB_BEFORE.search(before) and re.match(r"^\s*(?:to|abroad|overseas)\b", after):
        return "workers"
    if _INCLUDING_BEFORE.search(before) and re.match(r"^\s*(?:to|in|at|for)\b", after):
        return "workers"
    if _SELECT_VERB_BEFORE.search(before) and re.match(r"^\s*(?:from|in|at|this|next|by)\b", after):
        return "workers"
    if (
        _OF_THOSE_AFTER.match(after)
        and not _ENTRY_CUE.search(sentence)
        and not _MILITARY_OR_DEATH.search(text, end, min(sent_end, end + 60))
    ):
        context = text[_context_start(text, sent_start) : sent_end]
        # "The men are on two-year contracts ... Five of them were sent home": the men are
        # the workers of the report (a DPRK report, no soldiers in the sentence).
        if _has_worker_word(context) or (
            _CREW_WORD.search(context) and not _MILITARY.search(text, sent_start, sent_end)
        ):
            return "workers"
    if (
        before.endswith("(")
        and after.startswith(")")
        and re.search(r"[A-Z][a-z]+\s*\($", before)
        and _has_worker_word(sentence)
        and not _ENTRY_CUE.search(sentence)
    ):
        return "workers"  # "in China (40,000) and Russia (20,000)"
    return None


def _first_value(text: str, start: int, end: int) -> float:
    """The first figure written in digits in text[start:end] (infinite when there is none)."""
    digits = re.search(r"\d[\d,]*", text[start:end])
    return float(digits.group(0).replace(",", "")) if digits else float("inf")


_CREW_WORD = re.compile(r"\b(?:men|women|builders|crews|brigades)\b", re.IGNORECASE)


def _has_worker_word(text: str) -> bool:
    return re.search(r"\b(?:workers?|labou?rers?|workforce)\b", text, re.IGNORECASE) is not None


def _context_start(text: str, sent_start: int) -> int:
    """Start of the window of the current and up to two previous sentences (about 400 chars)."""
    return max(0, sent_start - 400)


def _sentence_bounds(
    text: str, pos: int, sentences: list[Sentence], starts: list[int]
) -> tuple[int, int]:
    if sentences:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and sentences[i].start <= pos < max(sentences[i].end, pos + 1):
            return sentences[i].start, sentences[i].end
    # No sentence list (or a gap between sentences): the surrounding line up to full stops.
    left = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    right_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return left + 1, right


def _is_year_like(raw: str) -> bool:
    return _YEAR_SPAN.match(raw.strip()) is not None


def _make(
    text: str,
    start: int,
    end: int,
    unit: QuantityUnit,
    lo: float | None,
    hi: float | None,
    approximate: bool,
    currency: str | None = None,
    per: Per | None = None,
) -> Quantity:
    return Quantity(
        mention=text[start:end],
        span=(start, end),
        unit=unit,
        min=lo,
        max=hi,
        approximate=approximate,
        currency=currency,
        per=per,
    )
