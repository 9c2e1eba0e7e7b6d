"""The cues of event extraction besides the trigger rules of `lexicon_events`: who counts as
workers, what makes a trigger someone else's story or the wording of a resolution, and the
words that tell an event's status."""

from __future__ import annotations

import re

from tumen.extract.lexicon_events import lower_pattern

# --- words about workers -----------------------------------------------------------------

# Nouns for the people dispatched. "Workers' Party" is a party, not workers.
WORKER = re.compile(
    r"\b(?:workers?(?!['\u2019] ?Party)|laborers?|labourers?|labou?r(?: force)?|workforce|manpower|"
    r"personnel|staff|employees|recruits|volunteers|candidates|builders|people|men|North Koreans|"
    r"Pyongyangites|nationals|migrants|teams?|crews?|loggers|fishermen|selected|escapees|women|"
    r"programmers|developers|waitresses|waiters|cooks|chefs|plasterers|welders|seamstresses|deckhands|"
    r"doctors|nurses|physicians|medics|tilers|finishers|painters|carpenters|bricklayers|masons|"
    r"electricians|plumbers|(?:pipe)?fitters|technicians|seamen|sailors|crewmen|miners|acupuncturists|"
    r"roofers|glaziers|joiners|concreters|scaffolders|riggers|tailors|lumberjacks|woodcutters|farmhands|"
    r"seafarers|dentists|coders|farm hands|"
    r"(?:first|second|third|fourth|fifth|next|new|replacement|another|latest)"
    r" (?:groups?|batch(?:es)?|contingents?))\b",
    re.IGNORECASE,
)
WORD_START = re.compile(r"[\w$]+")
# The same, scanned over the lower-cased text without a leading \b (a faster prefix scan).
WORKER_LOWER = re.compile(lower_pattern(WORKER.pattern.removeprefix(r"\b")))
# Pronouns, and "the group" or "the batch" named before, stand for workers named just before.
PRONOUN = re.compile(
    r"\b(?:they|them|those|these|their|the (?:group|batch|team|contingent))\b"
    # "many entered Russia as students", "most of them stayed": a quantifier standing for them
    # "both had flown from Pyongyang" after two groups were named
    r"|\b(?:many|most|some|others|several|both)(?= (?:of (?:them|whom) )?(?:\w+ed|are|were|have|had|will|"
    r"went|came|left|got|stayed)\b)",
    re.IGNORECASE,
)
# A worker noun modified as someone else's workers: "Central Asian migrants", "the male Russian
# workforce", "labour migrants from Central Asia", "South Korean workers".
FOREIGN_BEFORE = re.compile(
    r"(?:Central Asian|Uzbek|Tajik|Kyrgyz|Chinese|Vietnamese|Russian|Ukrainian|South Korean|Korean "
    r"Confederation|Indian|Nepali|Bangladeshi|migrant|domestic|local|unionized)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
FOREIGN_AFTER = re.compile(
    r"\s+(?:(?:migrants?|workers)\s+)?(?:from|of)\s+(?:Central Asia|Uzbekistan|Tajikistan|Kyrgyzstan|China|Vietnam|India|Nepal|"
    r"Bangladesh|South Korea|the South\b|abroad\s+such as)",
    re.IGNORECASE,
)
# In a DPRK national's own account (`dprk_narrator`), the narrator and their group are the
# workers: "I was sent to ...", "we left ...", "they put us on a train", "our brigade".
FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e|us|me|[Oo]ur|[Mm]y)\b(?:\s+(?:brigade|team|crew|group|unit|squad|gang)\b)?"
)
# "I was sent to Tynda", "we were posted to a sawmill": told afterwards by the one sent, the
# sending also says they got there.
FIRST_PERSON_SENT_TO = re.compile(
    r"\b(?:I\s+was|[Ww]e\s+were|[Ww]e\s+(?:had\s+)?been)\s+(?:\w+ly\s+)?$"
)
TO_AFTER = re.compile(r"\s+to\s+(?:[A-Z]|(?:a|an|the)\s+\w)")
DPRK = re.compile(r"\bNorth Korean?\b|\bDPRK\b|\bN\. Korean?\b|\bPyongyang\b", re.IGNORECASE)
# Soldiers are not workers; a trigger whose object is troops or a train is not a dispatch.
NOT_WORKERS_AFTER = re.compile(
    r"^\s+(?:(?:some|about|around|over|nearly|more than|an estimated)\s+)?(?:[\d,]+\s+)?"
    r"(?:troops|soldiers|forces|weapons|ammunition|missiles?|shells|a passenger train|passengers|"
    r"trains?|delegations?|envoys|(?:them|it)\s+to\s+(?:the\s+)?(?:consulate|embassy|ministry|office|"
    r"authorities|police))\b",
    re.IGNORECASE,
)
# Where a defector ends up is not a receiving country: arrival or transit "to South Korea".
TO_SOUTH = re.compile(
    r"(?:[^.;]{0,25}?\b(?:in|to|into)\s+|\s+)(?:South Korea|the South\b|Seoul)", re.IGNORECASE
)
# "by train" is a route only with a place after it ("by train from Rason to Khasan").
MODE_PLACE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:from|to|via|through|across|as far as|into)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?[A-Z]"
)
# "sent home", "sent back": a return, not a departure.
HOME_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:home|back)\b", re.IGNORECASE)
# Defectors' routes ("made their way to a third country") are not sanctions evasion.
DEFECTION_WORDS = re.compile(
    r"\b(?:defect\w*|escap\w*|fled|flee\w*|asylum|hiding|slipped away|ran away|abscond\w*)",
    re.IGNORECASE,
)

# A defector's way to the South ("left Russia for a third country and flew to Seoul"): the
# movements of that sentence are not stages of a dispatch.
DEFECTOR_ROUTE = re.compile(
    r"\b(?:flew|fled|went|made\s+(?:their|his|her)\s+way|arrived|escaped|defected|travell?ed|"
    r"taken|brought|resettled)\s+(?:[\w-]+\s+){0,3}?(?:to|in|into)\s+(?:South\s+Korea|the\s+South\b|Seoul)"
    r"|\breach(?:ed|ing)?\s+(?:South\s+Korea|the\s+South\b|Seoul)"
    # "I escaped and reached Moscow": where an escapee gets to is no stage of the dispatch
    r"|\b(?:escaped|fled|defected|ran\s+away|slipped\s+away)\b[^.;]{0,30}?\breach(?:ed|ing)?\b",
    re.IGNORECASE,
)
DEFECTOR_ROUTE_TYPES = frozenset({"return", "evasion", "departure", "transit", "arrival"})
# "conditions designed to make defection less tempting", "to prevent escapes": a purpose, not
# an escape.
DETERRED = re.compile(
    r"\b(?:prevent\w*|deter\w*|discourag\w*|make|makes|making|risk\s+of|fears?\s+of|"
    r"guard(?:ing)?\s+against|to\s+stop|avoid\w*)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "called on Russia to allow independent inspections": asked for, not done.
CALLED_FOR = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+(?:on|for)|urg(?:e|es|ed|ing)|allow|permit|demand\w*|press\w*\s+for)\b"
    r"[^.;]{0,50}$",
    re.IGNORECASE,
)
FINE_BEFORE = re.compile(r"\b(?:fin(?:ed|es?)|penalt\w*)\b[^;]{0,40}$", re.IGNORECASE)
# A company's business contracts are not the workers' ("lost several contracts").
BUSINESS_CONTRACT = re.compile(
    r"\b(?:lost|lose|losing|won|win|winning|awarded|landing|landed|secured|bid(?:ding)?\s+for)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

# --- background wording of resolutions ------------------------------------------------------

LEGAL = re.compile(
    r"resolution|sanction|security council|\bUNSC\b|\barticle \d|\blaws?\b", re.IGNORECASE
)
DEONTIC = re.compile(
    # "mandate" as a noun ("vetoed the renewal of its mandate", "whose mandate ended") is a
    # body's remit, not a rule; the verb and the adjective are
    r"\b(?:bans?|banned|banning|bars|barred|barring|prohibit\w*|"
    r"mandat(?:es|ed|ing|ory)|mandate (?:that|all|member|states)|required|requires?|must|oblig(?:e|es|ed|ing)|obligat\w*|"
    r"restrict\w*|forbid\w*|outlaw\w*|presum\w*)\b",
    re.IGNORECASE,
)
# "The dispatch of workers has been banned by Resolution 2397": the subject is the resolution's
# wording too.
CONTRAST = re.compile(r"[,;] (?:but|yet|although|though|while) ", re.IGNORECASE)
PASSIVE_DEONTIC = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:banned|prohibited|outlawed|forbidden|"
    r"restricted)\b",
    re.IGNORECASE,
)
# "the Security Council, in resolution 2397, ordered all of them repatriated": the body orders.
# A date's abbreviation may come between ("Resolution 2397, adopted on Dec. 22, 2017, ordered").
BODY_ORDERS = re.compile(
    r"(?:resolution|security council|\bUNSC\b|\bUN\b|\bU\.N\.)(?:[^.;]|\.(?= \d)){0,60}?"
    r"\b(?:ordered|order(?:s|ing)|called on|demanded|gave)\b",
    re.IGNORECASE,
)
# The order's reason is the report's own statement: "..., on the grounds that the wages they
# earn for the state fund its weapons programmes" (revenue) ends the order's wording.
ORDER_REASON = re.compile(r", (?:on the grounds that|because) ", re.IGNORECASE)
GERUND_SUBJECT = re.compile(
    r"^(?:[A-Z][\w ,]{0,20}, )?(?:The )?(?:[A-Za-z]+ing|employment|dispatch|use|hiring) "
    r"[^.;]*?\b(?:contraven\w*|violat\w*|run afoul|breach\w*|would be illegal|is illegal)",
)

# --- status ---------------------------------------------------------------------------------

PLANNED = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|will|'ll|\u2019ll|would|shall|scheduled|set to|to be|expected to|"
    r"intends?|intended|going to|preparing|prepares|aims? to|about to|is to|are to|next|soon|future|"
    r"upcoming|decide|decision|may|might|could|if|considering|discussing|prospects?)\b",
    re.IGNORECASE,
)
ONGOING = re.compile(
    r"\b(?:is|are|am|being|currently|now|still|continu\w*|ongoing|underway|keeps?)\b", re.IGNORECASE
)
COMPLETED = re.compile(
    r"\b(?:has|have|had|already|completed|finished|was|were|did|last|ago|previously|earlier)\b"
    r"|\b\w+ed\b|\b(?:sent|left|went|came|began|took|made|paid|got|found|fled|brought)\b",
    re.IGNORECASE,
)
GERUND_OR_PROGRESSIVE = re.compile(r"ing$", re.IGNORECASE)
