"""Relevance: is this report about North Korean workers sent abroad?

Two steps. `triage` is a literal prefilter that a news feed can afford on every article: no
mention of the DPRK, no further work. `assess_relevance` then weighs, on the few that pass,
how much of the text is about DPRK nationals working abroad rather than soldiers, missiles or
other countries' workers.
"""

from __future__ import annotations

import math
import re
from functools import cache
from importlib import resources

from tumen.model import Relevance

_DPRK = re.compile(
    r"north\s+korea|\bdprk\b|pyongyang|\bn\.\s?korea|kim\s+jong|\bnk\s+workers|\bthe\s+north['\u2019]s\b|"
    # the state's full name, as UN documents and foreign ministries write it
    r"democratic\s+people['\u2019]?s\s+republic\s+of\s+korea",
    re.IGNORECASE,
)
# The trades and professions dispatched labour is named by when a report does not say
# "workers": "a crew of North Korean bricklayers", "North Korean doctors and nurses". Plurals
# only, and no soldiers, performers, players or hackers: those are other stories.
OCCUPATIONS: tuple[str, ...] = (
    "workers",
    "labou?rers",
    "builders",
    "bricklayers",
    "masons",
    "carpenters",
    "joiners",
    "plasterers",
    "finishers",
    "decorators",
    "painters",
    "tilers",
    "roofers",
    "glaziers",
    "concreters",
    "scaffolders",
    "riggers",
    "welders",
    "electricians",
    "plumbers",
    "(?:pipe)?fitters",
    "mechanics",
    "machinists",
    "technicians",
    "engineers",
    "architects",
    "surveyors",
    "specialists",
    "loggers",
    "lumberjacks",
    "woodcutters",
    "fishermen",
    "seamen",
    "sailors",
    "deckhands",
    "crewmen",
    "miners",
    "farmhands",
    "pickers",
    "cooks",
    "chefs",
    "waitress(?:es)?",
    "waiters",
    "seamstresses",
    "tailors",
    "doctors",
    "physicians",
    "nurses",
    "medics",
    "dentists",
    "pharmacists",
    "acupuncturists",
    "programmers",
    "developers",
    "coders",
    "sculptors",
    "(?:construction|building|work|medical|logging|road|repair|fishing)\\s+(?:crews|teams|brigades|units|staff)",
)
# One person by a manual trade ("a North Korean welder who fled his shipyard"): a single
# escapee or witness is often the whole subject of a story. Manual trades only: a single
# "engineer", "doctor" or "programmer" is as often a scientist, a defector or a hacker.
SINGULAR_TRADES: tuple[str, ...] = (
    "worker",
    "labou?rer",
    "builder",
    "bricklayer",
    "mason",
    "carpenter",
    "plasterer",
    "tiler",
    "roofer",
    "welder",
    "electrician",
    "plumber",
    "logger",
    "lumberjack",
    "fisherman",
    "deckhand",
    "seamstress",
)
_OCCUPATION = "(?:" + "|".join(OCCUPATIONS + SINGULAR_TRADES) + ")"
# A DPRK demonym, a few lower-case modifiers ("skilled", "young", "medical"), then a trade:
# "North Korean construction workers", "DPRK medical teams". Case-sensitive, so a proper noun
# ("North Korean leader Kim") never stands in for a modifier; the armed forces' and defectors'
# trades are another story.
_DPRK_OCCUPATION = re.compile(
    r"\b(?:North\s+Korean|N\.\s?Korean|DPRK|NK|North\s+Korea['\u2019]s)\s+(?:IT\s+)?"
    r"(?:(?!(?:military|combat|army|navy|defector|defectors|former|nuclear|missile|weapons|rocket|drone|cyber|intelligence|security)\b)[a-z][a-z-]*\s+){0,3}"
    + _OCCUPATION
    + r"\b|\b"
    + _OCCUPATION
    + r"\s+(?:sent\s+)?from\s+(?:North\s+Korea|the\s+DPRK|the\s+North\b)"
)
# DPRK nationals as people rather than a state ("North Koreans", "North Korean women") and
# batches of them: beside a verb of work, employment, hosting or dispatch they are labour.
_DPRK_PEOPLE = re.compile(
    r"\bNorth\s+Koreans\b|\b(?:North\s+Korean|DPRK)\s+(?:women|men|nationals|citizens)\b|"
    r"\b(?:nationals|citizens)\s+of\s+(?:the\s+)?(?:DPRK\b|North\s+Korea\b|"
    r"Democratic\s+People['\u2019]?s\s+Republic\s+of\s+Korea)|"
    r"\b(?:batch|group|contingent|intake|crew|team|brigade)\s+of\s+(?:about\s+|some\s+|around\s+)?"
    r"[\w,-]+\s+North\s+Koreans?\b"
)
_WORK_VERB = re.compile(
    r"\b(?:work(?:s|ed|ing)?|employ(?:s|ed|ing)?|hir(?:e|es|ed|ing)|host(?:s|ed|ing)?|"
    r"dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?|staff(?:s|ed|ing)|toil(?:s|ed|ing)?|"
    r"assembl(?:e|es|ed|ing)|build(?:s|ing)?|built|sent\s+(?:to|abroad|overseas)|"
    r"earn(?:s|ed|ing)?\s+(?:an?\s+)?(?:income|wages|a\s+living)|"
    r"brought\s+in|taken\s+on|(?:is|are|were|was)\s+(?:using|taking\s+in)|takes\s+in)\b",
    re.IGNORECASE,
)
_LABOUR = re.compile(
    r"\b(?:workers?|labou?rers?|labou?r\s+(?:export|force|dispatch)|forced\s+labou?r|"
    r"personnel|manpower|dispatch(?:ed|ing)?|overseas\s+work|(?:work(?:ing)?|labou?r)\s+(?:abroad|overseas)|"
    r"sent\s+(?:abroad|overseas)|recruit(?:s|ed|ing|ment|ments)?|selections?|"
    r"(?:construction|building)\s+(?:sites?|workers?|troops|works?|crews?|projects?)|loyalty\s+(?:funds?|money|fees?)|"
    r"foreign[- ]currency\s+earning|repatriat\w+|defect(?:ed|ors?|ion)?|"
    # the trades and workplaces of dispatched labour
    r"loggers|logging|timber|builders|crews|seafood|(?:processing|garment)\s+(?:plants?|factor(?:y|ies))|"
    r"programmers|coders|(?:IT|software|app)\s+(?:workers|developers|engineers|specialists|teams?)|"
    r"writ(?:e|es|ing)\s+(?:apps|software|code)|employ(?:s|ed|ing|ment)?|wages?|(?:at|to)\s+work|seamstresses|"
    r"sew(?:s|ing)?|garment\s+factor(?:y|ies)|textile\s+factor(?:y|ies)|restaurants?|waitress(?:es)?|cooks|"
    r"(?:assembly|electronics|sewing)\s+(?:plants?|lines?|factor(?:y|ies)))\b",
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
# Somewhere abroad: a labour word must meet a foreign place or "abroad" in one sentence. The
# verbs of sending are not enough ("dispatched from the provinces" to Pyongyang's building
# sites, a temp agency's "dispatched workers"), and a report about DPRK labour at home or about
# defectors' jobs in the South names no such place.
_FOREIGN_PLACE = re.compile(
    r"\b(?:abroad|overseas|foreign[- ]currency|Russia\w*|China|Chinese|"
    r"Mongolia\w*|Kuwait\w*|Qatar\w*|Emirates|Middle\s+East|Gulf|Africa\w*|Laos|Cambodia\w*|"
    r"Ukraine|Donbas\w*|Donetsk|Luhansk|Vladivostok|Khabarovsk|Siberia\w*|Far\s+East|Dandong|Dalian|"
    r"Hunchun|Shenyang|Jilin|Liaoning|Poland|Malta)\b",
    re.IGNORECASE,
)
# The Koreas and the United States are not where workers are sent ("Seoul's spy agency",
# "Washington's sanctions" name the seat of a speaker).
_NOT_ABROAD = frozenset({"KP", "KR", "US"})


@cache
def _any_country() -> re.Pattern[str]:
    """Every other country and its capital by name (GeoNames), case-sensitive: the short list
    above misses less usual hosts ("Malabo, the capital of Equatorial Guinea")."""
    names: set[str] = set()
    rows = resources.files("tumen.data").joinpath("geonames_countries.tsv").read_text("utf-8")
    for line in rows.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) < 4 or fields[1] in _NOT_ABROAD:
            continue
        names.update(name.strip() for name in fields[2:4] if len(name.strip()) > 3)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b")


# A capitalised word or pair after a preposition of place ("in Irkutsk", "from Nizhny
# Novgorod"), for the gazetteer test below: GeoNames also holds towns called "Police", "Human"
# or "March", which the preposition and the calendar words below keep out.
_CAPITALISED = re.compile(
    r"\b(?:in|at|to|from|near|outside|around|via)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b"
)
_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter".split()
)


def _names_foreign_city(sentence: str) -> bool:
    """Does the sentence name a city outside the Koreas (and the US) in the GeoNames index?
    The short list misses hosts named only by their city ("carpenters in Irkutsk"). Only asked
    of sentences that name DPRK nationals at work, so the gazetteer loads (once) only then."""
    from tumen.resolve.gazetteer import gazetteer  # lazily: a large index, cached

    gaz = gazetteer()
    for m in _CAPITALISED.finditer(sentence):
        words = m.group(1)
        if words.split(" ")[0] in _CALENDAR:
            continue
        for name in (words, words.split(" ")[0]) if " " in words else (words,):
            found = gaz.lookup(name)
            best = found[0] if found else None
            if (
                best is not None
                # a region too: "sent to Kamchatka", "posted to Buryatia"
                and best.kind in ("city", "town", "region")
                and best.country not in _NOT_ABROAD
                and best.country is not None
            ):
                return True
    return False


# DPRK nationals named as workers ("North Korean construction crews", "workers from the DPRK",
# "overseas workers"), and another country's workers ("local workers", "Chinese employees"):
# a report about factories in Dandong or a job fair in the South names only the second.
_DPRK_WORKERS = re.compile(
    r"\b(?:North\s+Korean?|N\.\s?Korean|DPRK|NK|North\s+Korea['\u2019]s|the\s+North['\u2019]s)\s+(?:(?:construction|IT|software|forestry|logging|"
    r"fishing|seafood|factory|garment|military|overseas|guest|contract|young|male|female|skilled)\s+)?"
    r"(?:workers|labou?rers|labou?r|builders|crews|loggers|seamstresses|fishermen|deckhands|employees|"
    r"staff|personnel|programmers|developers|technicians|specialists|welders|plasterers|hands|"
    r"manpower|workforce|recruits)\b"
    r"|\b(?:workers|labou?rers|crews|builders|manpower|personnel|staff|employees|waitress(?:es)?|cooks|women|"
    r"men)\s+from\s+(?:North\s+Korea|the\s+DPRK|the\s+North\b)"
    r"|\b(?:overseas|expatriate|dispatched)\s+(?:North\s+Korean\s+)?(?:workers|labou?rers)\b"
    r"|\b(?:workers|labou?rers)\s+(?:abroad|overseas)\b|\blabou?r\s+exports?\b",
    re.IGNORECASE,
)
# The state (or one of its ministries or firms) as the subject of a verb of dispatch with
# workers as the object: "North Korea has sent 200 construction workers to Russia", "Pyongyang
# plans to send between 1,500 and 2,000 builders". A brief wire item may name its workers
# only so, with no demonym on them. Soldiers, sappers, athletes and "military builders" are
# not a trade here (the modifier guard of `_DPRK_OCCUPATION`), and a dispatch at home
# (flood-hit towns) still needs a foreign place in the sentence (`_cooccurrences`).
_STATE_SENDS_WORKERS = re.compile(
    r"\b(?:(?:North\s+Korea|Pyongyang|the\s+DPRK|the\s+North)"
    # "North Korea's Ministry of External Economic Relations"
    r"(?:['\u2019]s\s+(?:[\w-]+\s+){0,6}?)?"
    # "a North Korean trading firm", "a Pyongyang-based company"
    r"|(?:North\s+Korean|DPRK|Pyongyang-based)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:company|firm|ministry|agency|enterprise|corporation|authorities))\s*"
    r"(?:(?:has|have|had|will|would|is\s+to|is\s+set\s+to|is\s+expected\s+to|"
    r"(?:plans|intends|wants|aims|is\s+planning|is\s+preparing)\s+to|also|recently|reportedly)\s+){0,2}"
    r"(?:send|sends|sent|sending|dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?)\s+"
    r"(?:(?:an?|another|the|its|(?:a\s+)?(?:new|second|third|fourth|fifth|fresh|further|first)\s+"
    r"(?:batch|group|team|contingent|round)\s+of|about|some|around|over|nearly|almost|roughly|"
    r"up\s+to|more\s+than|at\s+least|between|and|an\s+additional|additional|more|[\d][\d,.]*|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand)s?)\s+){0,6}"
    r"(?:(?!(?:military|combat|army|navy|nuclear|missile|weapons|rocket|drone|cyber|security)\b)"
    r"[a-z][a-z-]*\s+){0,2}(?:" + "|".join(OCCUPATIONS) + r"|nationals|citizens|"
    # "has sent some 200 women to seafood plants"; not "its women's team", "women athletes"
    # ("men" sent abroad are as often soldiers)
    r"women(?!['\u2019]|\s+(?:athletes|players|footballers|boxers|wrestlers|skaters|"
    r"soldiers|troops|officers|officials|diplomats))\b)\b",
    re.IGNORECASE,
)
_OTHER_WORKERS = re.compile(
    r"\b(?:local|Chinese|Russian|South\s+Korean|Vietnamese|domestic|migrant|Central\s+Asian|Uzbek|"
    r"Tajik|Kyrgyz)\s+(?:[\w-]+\s+)?(?:workers|labou?rers|employees|staff|seamstresses|workforce|"
    r"builders|welders)\b",
    re.IGNORECASE,
)
# Sentence breaks, for the co-occurrence test (cheap: no abbreviations handling needed here).
# A closing quote ends a sentence only after its own stop: 'a "brigade of 40 finishers" for
# renovation work' is one sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\u201d\"]?\s+|\n+")
# A question-and-answer layout (interviews, think-tank explainers): "Q:"/"A:" at a line start or
# after a sentence. An answer rarely repeats its subject ("Most of the teams sit in Shenyang"),
# so it is read together with the question before it, as one unit.
_QA_MARK = re.compile(
    r"(?:^|(?<=[\n.!?]))[ \t]*(?:Q|A|Question|Answer)[ \t]*[:\u2013\u2014][ \t]", re.M
)
_QUESTION_MARK = re.compile(
    r"(?:^|(?<=[\n.!?]))[ \t]*(?:Q|Question)[ \t]*[:\u2013\u2014][ \t]", re.M
)
# First-person testimony ("I was sent to Tynda", "we worked", "our brigade", "my wages"): the
# narrator's work counts as DPRK nationals' work when the text places the narrator in the DPRK
# ("we left Pyongyang", "I was born in North Korea") or names them as North Korean.
_NARRATOR_DPRK = re.compile(
    r"(?:\b(?:I|[Ww]e)|\b[Oo]ur\s+(?:group|team|brigade|crew|unit|batch)(?:\s+of\s+[\w,]+\s+(?:[a-z]+\s+)?"
    r"(?:women|men|workers|people))?)\s+(?:(?:had|have|had\s+been|were|was|all|both|first|then|finally)\s+)?"
    r"(?:left|came\s+from|come\s+from|fled|was\s+born\s+in|were\s+born\s+in|grew\s+up\s+in|lived\s+in|"
    r"returned\s+to|went\s+back\s+to|set\s+off\s+from|set\s+out\s+from|departed(?:\s+from)?|"
    r"travell?ed\s+from|(?:was|were)\s+(?:sent|dispatched|taken|brought)\s+from)\s+"
    r"(?:(?:the\s+)?(?:capital|city\s+of|port\s+of|town\s+of)\s+)?"
    # the country, its capital, or a city workers are sent from ("Our group of 60 women left
    # Sinuiju by bus")
    r"(?:North\s+Korea|the\s+DPRK|Pyongyang|the\s+North\b|Sinuiju|Chongjin|Hamhung|Rason|Rajin|"
    r"Hyesan|Wonsan|Nampo|Sariwon|Kanggye|Hoeryong|Namyang|Manpo|Kimchaek|Tanchon)"
    r"|\b(?:I\s+(?:am|was)\s+a|[Ww]e\s+(?:are|were))\s+(?:\w+\s+)?North\s+Koreans?\b"
    r"|\b[Ww]e\s+North\s+Koreans\b|\bNorth\s+Koreans?\s+like\s+(?:me|us)\b"
)
_FIRST_PERSON_SENT = (
    r"\b(?:I|[Ww]e)\s+(?:(?:had|had\s+been|have\s+been|all|both|first|then|were\s+all)\s+)?"
    r"(?:was|were)\s+(?:sent|dispatched|posted|assigned|taken|brought|put\s+to\s+work)\b"
)
_FIRST_PERSON_DISPATCH = re.compile(_FIRST_PERSON_SENT)
_FIRST_PERSON_WORK = re.compile(
    _FIRST_PERSON_SENT
    + r"|\b(?:I|[Ww]e)\b[^.;:!?]{0,60}?\b(?:work(?:ed|ing)?|toil(?:ed|ing)|labou?r(?:ed|ing)|"
    r"(?:was|were)\s+paid|earn(?:ed)?)\b"
    r"|\b(?:[Oo]ur|[Mm]y)\s+(?:team|brigade|crew|group|unit|squad|foreman|wages?|pay|salary|earnings)\b"
)
# A report about smuggling defectors out (brokers, escape routes, resettlement, trials in the
# South) is not about labour dispatch unless it also names workers sent abroad by the state.
_DEFECTOR_ESCAPE = re.compile(
    r"\b(?:brokers?|smuggl\w+|escape\s+routes?|resettle\w*|Hanawon|asylum|safe\s+houses?|"
    r"underground\s+railroad)\b",
    re.IGNORECASE,
)
_DEFECTOR = re.compile(r"\b(?:defect(?:ed|ors?|ion|ing)|escapees?|fled|escaped)\b", re.IGNORECASE)
# A rescue at sea (fishermen adrift, a boat in distress, the crew handed back at the border):
# "North Korean fishermen" there are a rescued crew, not labour sent abroad, unless the report
# also speaks of labour, of work, or of the state sending people.
_RESCUE_AT_SEA = re.compile(
    r"\b(?:rescu(?:e|ed|es|ing)|adrift|drift(?:ed|ing)|capsiz\w*|shipwreck\w*|"
    r"(?:in|into)\s+distress|washed\s+ashore|run\s+aground|ran\s+aground)\b",
    re.IGNORECASE,
)
_STATE_DISPATCH = re.compile(
    r"\b(?:sent|dispatch(?:ed)?|posted|deployed)\s+(?:abroad|overseas|to\s+work)\b|"
    r"\blabou?r\s+(?:exports?|dispatch)\b|\boverseas\s+(?:work|labou?r|postings?)\b|"
    r"\bloyalty\s+(?:funds?|money|fees?)\b|\bforeign[- ]currency\s+earning",
    re.IGNORECASE,
)


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
    dprk_workers = (
        len(_DPRK_WORKERS.findall(text))
        + len(_DPRK_OCCUPATION.findall(text))
        + len(_STATE_SENDS_WORKERS.findall(text))
    )
    narrator = dprk_narrator(text)
    together, abroad_labour, working = _cooccurrences(text, narrator)
    # A report about workers names them repeatedly, and in the same breath as the DPRK;
    # military or missile news names soldiers, home labour news names unions and strikes.
    # A short report may name its workers once, by their trade: one sentence with DPRK
    # nationals at work ("a crew of North Korean bricklayers has been working") carries it.
    evidence = (
        0.6 * min(dprk, 5)
        + 0.9 * min(labour, 10)
        + 1.2 * min(workers + dprk_workers, 8)
        + 1.5 * min(together, 3)
        + 2.0 * min(working, 2)
    )
    against = 1.3 * min(military, 12) + 1.5 * min(union, 8)
    z = -4.0 + evidence - against
    score = 1.0 / (1.0 + math.exp(-z))
    # At least one sentence must speak of the DPRK and of labour together: a report that names
    # North Korea only in passing (military ties, a summit) is about something else.
    # Labour must be abroad in some sentence (not only "dispatched from the provinces"), and a
    # report that names only other countries' workers is about their labour market.
    relevant = (
        score >= 0.5
        and together > 0
        # a worker noun or two alone is not enough: trade news names "wigs made by workers in
        # Sinuiju" in passing; DPRK nationals named as workers, or at work, or more labour words are
        and (dprk_workers > 0 or working > 0 or labour >= 3)
        and abroad_labour > 0
        and not (dprk_workers == 0 and len(_OTHER_WORKERS.findall(text)) >= 2)
        and not _about_escape(text, dprk_workers, narrator)
        and not (labour == 0 and working == 0 and _RESCUE_AT_SEA.search(text))
    )
    return Relevance(relevant=relevant, score=score if relevant else min(score, 0.49))


def dprk_narrator(text: str) -> bool:
    """Is the text (or a testimony quoted in it) told by a DPRK national in first person ("we
    left Pyongyang", "I was born in North Korea")? Then "I", "we" and "our brigade" are the
    workers, for relevance here and for the event triggers (`tumen.extract.events`)."""
    return _NARRATOR_DPRK.search(text) is not None


def _about_escape(text: str, dprk_workers: int, narrator: bool) -> bool:
    """Is the report about defectors' escape (brokers, routes, resettlement) with no worker
    sent abroad by the state in it?"""
    if not (_DEFECTOR.search(text) and _DEFECTOR_ESCAPE.search(text)):
        return False
    if dprk_workers or _STATE_DISPATCH.search(text):
        return False
    return not (narrator and _FIRST_PERSON_DISPATCH.search(text))


def _units(text: str) -> list[str]:
    """Sentences, or in a Q&A layout question-and-answer blocks: an answer keeps the subject
    its question named."""
    if _QA_MARK.search(text) is None:
        return _SENTENCE_BREAK.split(text)
    questions = [m.start() for m in _QUESTION_MARK.finditer(text)]
    if not questions:  # answers only (a transcript's lines): one unit per answer
        return _SENTENCE_BREAK.split(_QA_MARK.sub("\n", text))
    units = _SENTENCE_BREAK.split(text[: questions[0]])
    bounds = [*questions, len(text)]
    units.extend(text[start:end] for start, end in zip(bounds, bounds[1:], strict=False))
    return units


def _cooccurrences(text: str, narrator: bool) -> tuple[int, int, int]:
    """How many sentences name the DPRK and a labour word together, how many name a labour
    word and a foreign place (or "abroad") together, and how many put DPRK nationals to work
    (a DPRK trade or DPRK nationals beside a verb of work, employment, hosting or dispatch).
    A narrator placed in the DPRK (`narrator`) is one of those nationals in first person."""
    together = abroad = working = 0
    for sentence in _units(text):
        # the state sending workers is DPRK nationals put to work abroad in one clause
        state_sends = _STATE_SENDS_WORKERS.search(sentence) is not None
        nationals = (
            state_sends
            or _DPRK_OCCUPATION.search(sentence) is not None
            or _DPRK_PEOPLE.search(sentence) is not None
            or (narrator and _FIRST_PERSON_WORK.search(sentence) is not None)
        )
        if state_sends or (nationals and _WORK_VERB.search(sentence)):
            working += 1
        # DPRK nationals named by a trade or as people count as labour here: "work permits
        # to North Koreans" beside Russia puts them abroad as surely as "workers" does.
        if not (nationals or _LABOUR.search(sentence)):
            continue
        dprk = _DPRK.search(sentence) is not None
        together += dprk
        # Any other country counts only beside the DPRK: "skilled workers from Vietnam" alone
        # is another country's labour.
        if (
            _FOREIGN_PLACE.search(sentence)
            or (dprk and _any_country().search(sentence))
            or (nationals and (dprk or narrator) and _names_foreign_city(sentence))
        ):
            abroad += 1
    return together, abroad, working
