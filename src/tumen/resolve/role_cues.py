"""The phrasing that tells a place's role in a report's journey: compiled cue patterns and
word lists (movement and route verbs, work words, speakers' seats, exclusions, the words
around a mention). Pure data, read by `tumen.resolve.roles` and `tumen.resolve.journey`,
which hold the logic.

Patterns that look at a context window match the token `PLACE`, which stands there for every
other place mention (see `roles._window`).
"""

from __future__ import annotations

import re

PLACE = "PLACE"  # what earlier/later mentions are replaced with in a context window

# --- where a mention stands ------------------------------------------------------------------

# A sentence about troops, weapons, tours or summits, with no workers in it, is another story.
UNRELATED = re.compile(
    r"\b(?:troops|soldiers?|servicemen|mercenar\w*|missiles?|ballistic|weapons?|ammunition|"
    r"artillery|shells|combat|casualties|battlefields?|warplanes?|drones?|nuclear|tourists?|"
    r"tours?|tourism|delegations?|summit)\b(?!\s+visas?)",
    re.IGNORECASE,
)

WORKERS = re.compile(
    r"\b(?:workers?(?!['\u2019]\s*Party)|laborers?|labourers?|labou?r(?!['\u2019]?\s*Party)|"
    r"personnel|workforce|employees|builders|loggers|manpower|North Koreans)\b",
    re.IGNORECASE,
)

MOVE = re.compile(
    r"\b(?:send\w*|sent|dispatch\w*|deploy\w*|go|goes|going|gone|went|head\w*|travel\w*|"
    r"arriv\w*|move[ds]?|moving|transfer\w*|bring\w*|brought|export\w*|supply|supplie[ds]|"
    r"supplying|relocat\w*|bound|destined|return\w*|fl(?:y|ew|own|ying)|ship\w*|transport\w*|"
    r"tak(?:e|en|ing)|took|leav\w*|left|depart\w*|c(?:o|a)me|coming|enter\w*|admit\w*|"
    r"accept\w*|defect\w*|escap\w*|fled|flee\w*|smuggl\w*|en\s+route|flights?|continu\w*|"
    r"proceed\w*|cross\w*|sail\w*|bus(?:s)?ed|bus(?:s)?ing|driv(?:e|en|ing)|drove|ferr(?:y|ied)|"
    r"airlift\w*|evacuat\w*|truck(?:ed|ing)|escort\w*|redeploy\w*|reassign\w*|board\w*|"
    r"trains?|bus(?:es)?|on\s+(?:the|their|its|his|her)\s+way|"
    r"recruit\w*|hire[ds]?|hiring|rebuild\w*|reconstruct\w*|welcom\w*|"
    r"placed|posted|assign\w*|join\w*|repatriat\w*|deport\w*|recall\w*|call(?:ed|s|ing)?\s+back|"
    r"summon\w*|order(?:ed|s)?\s+(?:home|back)|distribut\w*|dispers\w*|scatter\w*|"
    r"spread\s+(?:out|across|among)|split\s+up|allocated|parcell?ed\s+out|fann?(?:ed|ing)\s+out)\b",
    re.IGNORECASE,
)

# "then distributed by rail to X, Y and Z", "split up and sent to X": the group is shared out
# among the places named, so each is an end of the journey, not a stop on the way to a later
# leg that only some of them take ("about 2,000 of them were moved on to W").
DISPERSE = re.compile(
    r"\b(?:distribut\w*|dispers\w*|scatter\w*|spread\s+(?:out|across|among)|split|allocated|"
    r"parcell?ed\s+out|"
    r"fann?(?:ed|ing)\s+out|divid\w*\s+(?:up\s+)?(?:among|between))\b",
    re.IGNORECASE,
)

ROUTE_MEANS = re.compile(
    r"\b(?:via|through|by\s+(?:train|rail|air|sea|ship|bus|road|land)|flights?|flying|fly|flew|"
    r"by\s+way\s+of|"
    r"aboard|routes?|overland|railway|trains?|ferr(?:y|ies)|sail\w*|bridge|cross(?:es|ed|ing)?)\b",
    re.IGNORECASE,
)

# A feared or hypothetical posting: "they fear they might be sent to sites in X" names where they
# may end up, not where they work ("they are expected to work on blocks in X" does).
MODAL = re.compile(r"\b(?:might|may|could|would|feared|fear|worried)\b", re.IGNORECASE)

# A journey still to come ("told to be ready to fly to X", "due to leave for X"): it does not
# outweigh work named at X.
PLANNED = re.compile(
    r"\b(?:ready|told|due|expected|scheduled|planned|planning|preparing|prepared|waiting)\s+to\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)

# Where the clause around a mention starts: a modal in a quotation or an earlier clause ("...
# they could barely climb the steps,' the source said, adding that one man had fled his dormitory
# in X") does not make the later posting hypothetical.
CLAUSE_BREAK = re.compile(r"[\"\u201c\u201d;]|\b(?:adding|saying|noting)\s+that\b")

# "the country" in a sentence that names one foreign country is that country.
COUNTRY_TRANSIT = re.compile(
    r"\b(?:transit\w*|pass\w*|travel\w*|go\w*|mov\w*)\s+(?:through|via|across)\s+the\s+country\b",
    re.IGNORECASE,
)

COUNTRY_HOLDS_WORKERS = re.compile(
    r"\b(?:workers?|laborers?|labourers?|nationals|North\s+Koreans|personnel)\b[^.;]{0,40}?"
    r"\b(?:in|to|into)\s+the\s+country\b",
    re.IGNORECASE,
)

# --- the words around a mention --------------------------------------------------------------

WORD = re.compile(
    r"PLACE['\u2019]s|PLACE|[A-Za-z][A-Za-z'\u2019\-]*|[()\[\],;:\u2014\u2013\"]|\d[\d,.]*"
)

# "on the outskirts of X": "on" governs X only through one of these (not "on the US Treasury").
ON_NOUNS = frozenset("outskirts outskirt edge edges coast banks shores fringes periphery".split())

PREPOSITIONS = frozenset(
    "to into toward towards for via through across from in at inside within throughout near "
    "outside around over onto of by with between among against amid off".split()
)

# Words that may stand between a preposition and the place it governs ("to the northeastern
# city of", "in Russia's Far East", "across various construction sites in").
NP_WORDS = frozenset(
    """the a an its their his her this these those all of region regions city cities town towns
    village port province provinces oblast krai area areas part parts territory territories
    capital outskirts suburbs vicinity district districts border zone side coast republic
    northern southern eastern western northeastern northwestern southeastern southwestern
    north-eastern south-eastern far remote coastal neighboring neighbouring various several
    many other local major key small large distant special economic industrial occupied
    nearby front-line frontline war-torn country's nation's city's town's port's capital's
    region's north south east west central
    upper lower greater whole entire edge edges heart rest shores banks
    wider broader surrounding adjacent adjoining russian-occupied russian-held""".split()
)

SPEAKERS = frozenset(
    """source sources insider insiders informant informants official officials spokesperson
    spokesman spokeswoman governor mayor ambassador ambassadors envoy envoys embassy embassies
    consulate consulates mission office offices agency agencies ministry correspondent
    correspondents reporter reporters representative representatives diplomat diplomats analyst
    analysts expert experts observer observers researcher researchers lawmaker lawmakers officer
    officers customs president leader minister delegation delegates parliament court police
    intelligence government authorities commander commanders trader traders broker brokers
    merchant merchants resident residents contact contacts media inspectors inspector
    prosecutors prosecutor""".split()
)

WAR = frozenset(
    """war wars conflict fighting fight fought invasion aggression battle battles offensive
    incursion hostilities counteroffensive front frontline efforts casualties combat
    attacks attack strikes""".split()
)

RELATION = frozenset(
    """relations relation ties cooperation rift talks summit treaty agreement alliance
    partnership trade dispute tension tensions deal negotiations meeting meetings discussions
    friendship rapprochement aligning aligned siding sided""".split()
)

PEOPLE = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}?(?:workers?|laborers?|labourers?|nationals|people|personnel|"
    r"citizens|employees|builders|loggers|men|women|youths?|recruits|teams?|volunteers|"
    r"applicants|candidates|students|trainees|defectors|escapees)\b"
)

RIGHT_OTHER = (
    # "Seoul's spy agency", "North Korea's leader", "Russia's war"
    re.compile(
        r"^['\u2019]s\s+(?:[a-z\-]+\s+){0,2}(?:spy|intelligence|military|army|navy|government|"
        r"foreign|defen[cs]e|ministry|ambassador|embassy|envoy|president|leader|leadership|"
        r"prime|premier|officials?|authorities|state|news|media|joint|top|parliament|lawmakers|"
        r"forces|troops|security|unification|federal|customs|war|invasion|border\s+guards?|"
        r"delegation|diplomats?|consulate|statistics|ruling|central\s+bank|weapons|nuclear|"
        r"missiles?|involvement|allies|ally|army)\b"
    ),
    # "Ukraine's National Resistance Center", "North Korea's Defense Ministry"
    re.compile(
        r"^['\u2019]s\s+(?:[A-Z][\w\-]*\s+){0,4}(?:Center|Centre|Service|Agency|Ministry|Council|"
        r"Office|Department|Committee|Institute|Commission|Bureau|Forces|Army|Navy|Guard|"
        r"Embassy|Party|Chiefs|Staff|Assembly|Court|Administration|Railways?|Authority|"
        r"Intelligence|Government|Federation|Kremlin)\b"
    ),
    # "..., China and Russia have agreed", "Seoul said"
    re.compile(
        r"^(?:\s*(?:,|and|or)\s*(?:and\s+|or\s+)?PLACE)*,?\s+(?:(?:has|have|had|also|reportedly|not|yet|"
        r"officially|recently|later|then|previously|repeatedly|publicly|strongly|on\s+\w+)\s+)*"
        r"(?:said|says|say|told|tells|stated|states|announced|announces|reported|reports|claimed|"
        r"claims|confirmed|confirms|denied|denies|agreed|agree|agrees|insisted|warned|urged|"
        r"protested|responded|condemned|criticized|criticised|accused|sees|saw|believes|noted|"
        r"added|estimated|admitted|acknowledged|recognized|recognised|argued|explained|revealed|"
        r"disclosed|rejected|dismissed|vowed|pledged|signed|fired|test-fired|commented|comment|"
        r"reacted)\b"
    ),
    re.compile(r"^\s+time\b"),  # "8 a.m. Moscow time"
    re.compile(
        r"^[\-\u2010\u2011\u2013](?:based|backed|occupied|controlled|led|held|made|born|annexed|"
        r"aligned|friendly|allied|installed|appointed|run|funded|sponsored)\b"
    ),
    re.compile(
        r"^\s+(?:customs|office|embassy|consulate|ministry|government|authorities|police|court|"
        r"officials?|intelligence|military|forces|troops|army|navy|leader|president|delegation|"
        r"ambassador|envoy|media|correspondent|regime|side)\b"
    ),
    # A sanctioning state: "X on Monday imposed sanctions on ...", "X sanctions a Russian firm"
    re.compile(
        r"^\s+(?:(?:on\s+\w+|has|have|had|also|again|now|today|formally)\s+)*"
        r"(?:(?:imposed|imposes|imposing|slapped|levied|announced|expanded)\s+(?:\w+\s+){0,2}?"
        r"sanctions|(?:sanctions|sanctioned|blacklists|blacklisted|designates|designated)\s+"
        r"(?:a|an|the|two|three|four|several|\d+|[A-Z][\w.]*))\b"
    ),
)

SPEECH = 2  # the index of the "X said" pattern above

RIGHT_HOST_SAID = re.compile(
    r"^,?\s+(?:\w+\s+){0,2}?(?:said|says|reported|told\s+[\w\s]{0,30}?)\s+(?:that\s+)?"
    r"(?:it|its\s+\w+)\s+(?:had|has|have)\s+(?:already\s+)?(?:sent\s+(?:home|back)|"
    r"repatriat\w*|expel\w*|deport\w*|return\w*|host\w*|employ\w*|order\w*)"
)

# "Tanzania has told a team of North Korean doctors to go home": the host instructs the workers
# it hosts; it is no mere speaker.
RIGHT_HOST_ORDERS = re.compile(
    r"^,?\s+(?:(?:has|have|had|also|now|formally)\s+)*(?:told|tells|ordered|orders|asked|asks|"
    r"instructed|instructs|gave|gives)\s+(?:[\w,\-]+\s+){0,6}?(?:workers|labou?rers|doctors|"
    r"medics|nurses|builders|staff|crews|teams?|nationals|North\s+Koreans|PLACE)\b[^.;]{0,80}?"
    r"\b(?:to\s+(?:leave|go\s+home|return|wind\s+up|pack\s+up)|home)\b"
)

RIGHT_FORK = re.compile(
    r"^\s*,?\s*where\s+(?:they|the\s+\w+|workers|teams)\s+(?:will\s+|would\s+|could\s+|may\s+|"
    r"are\s+to\s+)?(?:divide|split|spread|disperse|scatter|change|transfer|board|switch|part)"
)

RIGHT_TRANSIT = re.compile(
    r"^(?:\s*(?:\([^)]*\))?\s*(?:,|and|or)\s*(?:and\s+|or\s+)?PLACE)*\s*(?:\([^)]*\))?\s*,?\s*"
    r"(?:and\s+|then\s+)?(?:from\s+there|from\s+where|from\s+which|then\s+on|onward|"
    r"before\s+(?:\w+\s+)?(?:travel\w*|head\w*|mov\w*|go\w*|fly\w*|flew|leav\w*|"
    r"being\s+(?:sent|bus(?:s)?ed|taken|driven|flown|shipped|transported|moved|transferred)|"
    r"continu\w*|transfer\w*|board\w*|cross\w*|arriv\w*)|"
    # "flown to X and then bused to sites in Y": a further leg follows, X is on the way.
    r"then\s+(?:(?:were|was|are|is|be|being|will\s+be|they|the\s+\w+)\s+)*"
    r"(?:sent|bus(?:s)?ed|taken|transferred|moved|driven|flown|shipped|transported|put|loaded|"
    r"went|go|travel\w*|head\w*|continu\w*|board\w*|proceed\w*|fly|flew|take|took|to|into|"
    r"by\s+(?:train|rail|bus|road|air|sea|ship))\b)",
)

# "travelled by train to X and flew home from there", "reached X and went on from there by
# ship": the journey goes on from X.
RIGHT_ON_FROM_THERE = re.compile(
    r"^[^.;]{0,40}?\band\s+(?:then\s+)?(?:(?:were|was|they)\s+)?[a-z]+\s+"
    r"(?:(?:home|back|on|onward|out)\s+)?(?:\w+\s+){0,2}?from\s+there\b"
)

# "no family members living in X", "relatives who have defected to X": a vetting rule about
# kin, not a place of the journey.
KIN_ABROAD = re.compile(
    r"\b(?:famil(?:y|ies)|relatives?|kin|kinsmen|spouses?|parents|siblings|children)"
    r"(?:\s+members?)?\s+(?:(?:who|that)\s+(?:\w+\s+){0,2}?)?"
    r"(?:liv(?:e|es|ing)|resid\w*|based|defected|fled|settled|escaped)$"
)

# "flown to X on Tuesday and were expected to continue to Y", "arrived in X and were driven to
# camps in Y": a further leg follows from X.
RIGHT_AND_ON = re.compile(
    r"^[^.;,]{0,30}?\s*,?\s*and\s+"
    r"(?:(?:were|was|are|is|will|would|be|being|then|later|soon|they)\s+)*"
    r"(?:(?:expected|due|scheduled|set|planned|meant|supposed)\s+to\s+)?"
    r"(?:continu\w*|proceed\w*|driven|taken|bus(?:s)?ed|sent|moved|transferred|flown|shipped|"
    r"transported|trucked|travel\w*|fly|flew|head\w*|distribut\w*|dispers\w*|allocat\w*|"
    r"split|scattered|(?:put\s+on|board\w*)\s+(?:a|an|the)\s+(?:[\w\-]+\s+)?"
    r"(?:train|bus|coach|flight|plane|ship|ferry))\b(?:\s+on|\s+up)?(?:\s+by\s+(?:rail|road|train|bus|air))?\s+"
    r"(?:to|into|for|between|among)\s+(?:(?:[\w\-]+\s+){0,5}?PLACE|(?:[\w\-]+\s+){0,3}?(?:camps?|sites?|plants?|factories|"
    r"farms?|mines?|projects?|mills?|yards?)\s+(?:in|near|at|outside)\s+(?:the\s+)?[A-Z])"
)

# "From Vladivostok they will be split up and sent to ...": the route goes on from X.
RIGHT_FROM_ON = re.compile(
    r"^\s*,?\s*(?:they|the\s+\w+|workers|teams|groups|the\s+group)\s+(?:will\s+|would\s+|were\s+|"
    r"are\s+(?:to\s+)?|had\s+|have\s+)?(?:be\s+|been\s+)?(?:split|divided|dispersed|scattered|"
    r"distributed|sent|taken|transferred|moved|bus(?:s)?ed|driven|flown|shipped|transported|"
    r"travel\w*|head\w*|go|went|continu\w*|proceed\w*|board\w*)\b"
)

# "After landing at X, they were bused to ...": the arrival is one leg, another follows.
ARRIVED_BEFORE = re.compile(
    r"\b(?:after|upon|on|following)\s+(?:their\s+|its\s+)?(?:arriv\w*|land\w*|reach\w*|"
    r"stopp\w*|disembark\w*)\s*$"
)

FURTHER_LEG = re.compile(
    r"\b(?:sent|bus(?:s)?ed|taken|transferred|moved|driven|flown|shipped|transported|travel\w*|"
    r"head\w*|continu\w*|proceed\w*|board\w*|put\s+on|distribut\w*|dispers\w*|allocat\w*|"
    r"split|scatter\w*)\b[^.;]{0,60}?\b(?:to|into|for|between|among)\s+(?:[\w\-]+\s+){0,5}?PLACE"
)

# "were first sent to X": a first leg, whatever follows.
FIRST_LEG = re.compile(
    r"\bfirst\s+(?:be\s+|been\s+)?(?:sent|taken|flown|moved|transported|brought|bus(?:s)?ed|"
    r"driven|shipped|went|go|travel\w*|head\w*)\s*$"
)

# "to rebuild the city of X": X is where they work.
REBUILD_LAST = re.compile(
    r"\b(?:rebuild\w*|build\w*|repair\w*|renovat\w*|reconstruct\w*|restor\w*)\s+"
    r"(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:(?:city|town|port|village)\s+of\s+)?$"
)

# The verbs whose object, with no preposition, is where the workers got to.
REACHED = re.compile(r"\b(?:reach\w*|entered|enter|enters|entering)\s*$")

# "entered Russia on study visas": a country entered, which may be one passed through.
ENTERED = re.compile(r"\benter(?:ed|s|ing)?\s*$")

# "transited Moscow", "transiting Beijing": the verb itself says the place is passed through.
TRANSITED = re.compile(r"\b(?:transit(?:ed|ing|s)?|stopp(?:ed|ing)\s+over\s+in|crossed)\s*$")

RIGHT_DESTINATION = re.compile(r"^[\-\u2010\u2011\u2013]bound\b")  # "Russia-bound workers"

SUBJECT_SENDS = re.compile(
    r"^(?:\s+[\w']+){0,5}?\s+(?:send|sends|sending|sent|dispatch\w*|export\w*|recruit\w*|"
    r"select\w*|deploy\w*|supply|supplies|supplying|mobiliz\w*|mobilis\w*)\b"
)

SUBJECT_RECEIVES = re.compile(
    r"^(?:\s+[\w']+){0,5}?\s+(?:bring|brings|bringing|brought|import\w*|accept\w*|receiv\w*|"
    r"host\w*|hire[sd]?|hiring|employ\w*|source|sourcing|welcom\w*|request\w*|demand\w*)\b"
)

BRANCH_AT = re.compile(
    r"\b(?:divide|divided|dividing|split|splitting|spread|disperse[ds]?|scatter\w*|gather\w*|"
    r"change|changed|changing|transfer|transferred|stop|stopped|stopover|layover|regroup\w*|"
    r"separate[ds]?|part|swap\w*|rotated)(?:\s+(?:up|trains|planes|out))?$"
)

WORK_AT = re.compile(
    r"\b(?:work|works|working|worked|employed|toil\w*|labou?r\w*|sites?|projects?|farms?|"
    r"factor(?:y|ies)|plants?|(?:saw)?mills?|camps?|mines?|restaurants?|shipyards?|companies|"
    r"firms|enterprises|workshops?|dormitor(?:y|ies)|hostels?|fields|forests?|greenhouses?|"
    r"clinics?)$"
)

FOR_LEAVING = re.compile(
    r"\b(?:bound|destined|leav\w*|left|depart\w*|head\w*|sail\w*)(?:\s+place(?:\s+\w+){0,3})?"
    r"(?:\s+(?:eventually|ultimately|finally|onward|directly|later))?$"  # "bound eventually for X"
)

# "recruiting more builders for X", "welders selected for X": what workers are taken on for is
# where they go. Read on the lower-cased words before "for" (a mention in them is "place").
_TAKE_ON = (
    r"(?:recruit\w*|hir(?:e|es|ed|ing)|sign(?:s|ed|ing)?\s+up|select\w*|enlist\w*|"
    r"pick(?:s|ed|ing)?(?:\s+out)?|cho(?:ose|oses|osing|se|sen)|mobili[sz]\w*|draft(?:s|ed|ing)?|"
    r"round(?:s|ed|ing)?\s+up|vett?(?:s|ed|ing)?|screen(?:s|ed|ing)?|train(?:ed|ing))"
)
_STAFF = (
    r"(?:workers?|labou?rers?|builders?|loggers?|staff|personnel|crews?|hands|recruits|"
    r"employees|workforce|manpower|technicians|engineers|welders|masons|plasterers|electricians|"
    r"carpenters|painters|bricklayers|plumbers|seamstresses|fishermen|seamen|sailors|medics|"
    r"doctors|nurses|cooks|north\s+koreans)"
)
_TAKEN_FROM = r"(?:\s+(?:from|in)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+)?"  # "... from X for Y"
RECRUIT_FOR = re.compile(
    rf"\b(?:{_TAKE_ON}\s+(?:[\w\-,]+\s+){{0,4}}?{_STAFF}"
    r"(?:\s+(?:again|abroad|now|too|also|already|en\s+masse))?"
    rf"|{_STAFF}\s+(?:(?:were|was|are|is|be|being|been|have|has|had|now|already|newly|"
    rf"specially|recently|just|to\s+be)\s+){{0,3}}{_TAKE_ON}"
    rf"|recruitment\s+of\s+(?:[\w\-]+\s+){{0,3}}?{_STAFF}){_TAKEN_FROM}$"
)

# "the regions of Ukraine that Russia occupies": the occupier is no place of the journey (as in
# "held by X"); the relative follows land or a place ("the workers that Russia holds" do not).
RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:parts?|areas?|regions?|territor(?:y|ies)|lands?|provinces?|oblasts?|zones?)|PLACE)"
    r"\s*,?\s+(?:that|which)\s*$"
)
RIGHT_OCCUPIES = re.compile(
    r"^\s+(?:(?:now|currently|still|partly|partially|largely|mostly|illegally|temporarily|"
    r"already|effectively)\s+)?(?:occupies|holds|controls|(?:has\s+|had\s+)?(?:occupied|"
    r"annexed|seized|captured|taken)|took|annexed|occupied|seized|captured|controlled|held)\b"
)

LEFT_PLACE = re.compile(
    r"\b(?:left|leave|leaves|leaving|departed|departs|departing|quit|exited)\s*$"
)

STAY_AT = re.compile(
    r"\b(?:arriv\w*|land\w*|entered|reached|settled|stationed|deployed|stay\w*|liv\w*|"
    r"resid\w*|based|remain\w*|still|already|currently|now)$"
)

FROM_THERE = re.compile(
    r"\b(?:defect\w*|escap\w*|fled|flee\w*|return\w*|repatriat\w*|back|home|came|come|"
    r"arriv\w*|deport\w*|expel\w*|sent|withdr\w*)$"
)

# "repatriated in 2019, departing from X via Y": the place the workers leave when sent home is
# where they had been sent, not a stop on the way, whatever follows it.
SENT_HOME = re.compile(
    r"\b(?:repatriat\w*|deport\w*|expel\w*|(?:sent|send|sending|shipped|flown)\s+(?:home|back))\b"
)
LEAVING = re.compile(r"\b(?:depart\w*|leav\w*|left|flown\s+out|flew\s+out|exit\w*)$")

ORIGIN_IN = re.compile(
    r"\b(?:selection|selections|selected|select|recruit\w*|chosen|people|residents|families|"
    r"those|volunteers|applicants|candidates|youths?|men|women|citizens|hired|mobili[sz]\w*|"
    r"enterprises?|factor(?:y|ies)|units?|kept|housed|waiting|wait|waits|guesthouses?|pick|picked|"
    r"drawn|gathered|standby|training|trained|vetting|checks|lectures|education)$"
)

# Work done at a place, anywhere in the words before its preposition: "expected to work on
# apartment blocks in X", "construction workers in X", "cuts timber in X".
WORK_NEAR = re.compile(
    r"\b(?:work|works|working|worked|employed|toil\w*|labou?ring|build|builds|building|built|"
    r"construct\w*|renovat\w*|repair\w*|lay|lays|laying|cut|cuts|cutting|fell|"
    r"felling|logging|sites?|projects?|farms?|factor(?:y|ies)|plants?|(?:saw)?mills?|camps?|"
    r"mines?|greenhouses?|"
    r"restaurants?|shipyards?|compan(?:y|ies)|firms?|enterprises|workshops?|dormitor(?:y|ies)|"
    r"hostels?|fields|forests?|yards?|depots?|blocks|pipes|housing|apartments?|roads?|"
    r"stadiums?|hotels?|timber|seafood|garment|textile|fishing|processing|builders|loggers|"
    r"fishermen|deckhands|miners|plasterers|restor\w*|rebuild\w*|infrastructure|"
    r"catch(?:es|ing)?|trawling|trawled|doctors|nurses|medics|welders|waitresses|programmers|"
    r"developers|tilers|seamstresses|staffed|clinics?|hospitals?|villas?|compounds?)\b"
)

# Arrival right before the preposition: the workers got there, whatever they do next.
ARRIVAL_LAST = re.compile(r"\b(?:arriv\w*|land\w*|reached|entered|settled|disembark\w*|docked)$")

# "on arrival at X airport": a port of entry, a stop on the way when work lies elsewhere.
RIGHT_PORT_OF_ENTRY = re.compile(
    r"^\s+(?:International\s+|international\s+)?(?:airport|Airport|air\s+terminal|airfield|"
    r"railway\s+station|train\s+station|Railway\s+Station)\b"
)

# "... travelled on to X, where they are now renovating a depot": X is where they work.
RIGHT_WHERE_WORK = re.compile(
    # "X and Y in occupied eastern Z, where they are repairing ...": the clause covers the list.
    r"^(?:\s*(?:,|and|or)\s*(?:and\s+|or\s+)?PLACE)*"
    r"(?:\s*,?\s+in\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?PLACE(?:['\u2019]s)?"
    r"(?:\s+(?:[\w\-]+\s+)?PLACE)?)?"
    r"\s*,?\s*where\s+(?:they|the\s+\w+|workers|teams|crews|\w+)\s+(?:[\w']+\s+){0,3}?"
    r"(?:work|build|renovat|repair|construct|toil|cut|fell|process|staff|lay|dig|rebuild|employ|"
    r"earn|finish|pour|plaster|install|assembl)\w*"
)

# "In the taiga north of X, North Korean loggers have been felling larch": work in that clause.
CLAUSE_WORK = re.compile(
    r"^\s*,[^.;]{0,80}?\b(?:work(?:s|ing|ed)?|felling|fell|build(?:s|ing)?|logging|cut(?:s|ting)?|"
    r"renovat\w*|repair\w*|lay(?:s|ing)?|toil\w*|employed|construct(?:s|ing|ed))\b"
)

ACROSS_FROM = re.compile(
    r"\bacross\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:river|border|strait|bay|sea|lake|water)$"
)

# "crossed the border from X", "crossed into China by bus from X": a DPRK town crossed from.
CROSSED_FROM = re.compile(
    r"\bcross(?:ed|es|ing)?(?:\s+(?:over|into|the|a|place))*"
    r"(?:\s+(?:[\w\-]+\s+){0,2}?(?:border|frontier|river|bridge))?"
    r"(?:\s+(?:on\s+foot|by\s+(?:bus|train|rail|road|car|truck|boat)))?$"
)

# "..., arrived in Y and were sent on", "... and travelled on through Y": the route goes on to
# a named further place.
RIGHT_LEG_ON = re.compile(
    r"^[^.;]{0,80}?\b(?:arriv\w*|travel\w*|continu\w*|sent|taken|driven|bus(?:s)?ed|head\w*|"
    r"proceed\w*|moved|rode|went)\b(?:\s+on)?\s+(?:in|at|to|into|through|via|for)\s+"
    r"(?:[\w\-]+\s+){0,4}?PLACE"
)

# "gathered in X", "assembled at X": where the workers meet before setting off.
GATHERED = re.compile(r"\b(?:gather\w*|assembl\w*|muster\w*|convened?)$")

# "... and crossed into Y", "before crossing the river": the meeting point is a border town
# they cross from, a stop on the way out.
RIGHT_CROSSING = re.compile(r"^[^.;]{0,50}?\bcross(?:ed|es|ing)?\b")

RIGHT_ONWARD = re.compile(
    r"^\s*(?:by\s+(?:train|rail|bus|air|plane|road|ship|sea|boat)\s+)?,?\s*"
    r"(?:through|via|on\s+to|onward|(?:to|into)\s+(?:the\s+)?(?:PLACE|[A-Z]))"
)

BY_MEANS = re.compile(r"\bby\s+(?:train|rail|bus|air|plane|ship|sea|road|boat|ferry|truck)$")

# Venues: "speaking at a forum in X" sets a scene, not a stop of the journey.
VENUES = frozenset(
    """forum forums conference conferences summit meeting meetings briefing exhibition expo
    ceremony session talks festival congress event gathering rally hearing""".split()
)

# "the two Gulf states", "both regions": a region word that points back to named countries.
ANAPHOR_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:two|three|four|both|these|those|such)\s*$", re.IGNORECASE
)

# "In Washington, the Treasury designated ...": the scene of an authority's act.
RIGHT_AUTHORITY = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}(?:Treasury|Ministry|Department|[Gg]overnment|"
    r"officials|authorities|lawmakers|Congress|Parliament|Kremlin|[Cc]ourt|prosecutors|police|"
    r"spokes\w+|[Aa]gency|Council|Commission|Office|[Ss]enate|[Ee]mbassy)\b"
)

DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)

# A route the workers avoid is no stop of theirs: "the route bypasses the crossing at X".
AVOIDED = re.compile(
    r"\b(?:bypass\w*|avoid\w*|circumvent\w*|skirt(?:s|ed|ing)?|instead\s+of|rather\s+than)\b"
    r"[^.;]{0,60}$",
    re.IGNORECASE,
)

# A capital as the subject of a verb stands for its government ("Pyongyang has denied",
# "Moscow says", "Washington blacklists"), or hosts a visit: not a stop of the journey.
CAPITALS = frozenset("pyongyang moscow seoul washington beijing tokyo kyiv kiev minsk".split())

# "..., said an analyst at the Sejong Institute in X": a speaker's seat.
ATTRIBUTION_SEAT = re.compile(
    r"\b(?:said|says|according\s+to|told)\s+(?:a|an|the|one)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:researcher|analyst|expert|professor|official|scholar|fellow|spokes\w+|director|"
    r"economist|lawmaker|diplomat)\s+(?:at|with|of|from)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w\-]*|for|of|and|on)\s+)*(?:in|at)\s*$"
)

# Employers named in a region ("companies in Khabarovsk Krai asked for workers"): where the
# workers are sent, not a named site of their work.
EMPLOYERS = frozenset(
    "company companies firm firms enterprise enterprises trust trusts employer employers "
    "developer developers contractor contractors".split()
)

# A KP place where people gather, wait or sign up before leaving is where they come from.
KP_GATHER = re.compile(
    r"\b(?:workers?|labou?rers?|men|women|recruits|candidates|applicants|crews?|teams?|groups?|"
    r"contingents?|batch(?:es)?|brigades?|those|they|enlist\w*|recruit\w*|select\w*|screen\w*|"
    r"board\w*|wait\w*|stuck|housed|billeted|gathered|assembled|trained|training|"
    r"joined|sign\w*\s+up|taking\s+names|registration)\b",
    re.IGNORECASE,
)

KP_ENLIST = re.compile(
    r"\b(?:enlist\w*|recruit\w*|taking\s+names|sign\w*\s+up|registration|applications|"
    r"select\w*|screen\w*)\b",
    re.IGNORECASE,
)

# "a housing construction project in Pyongyang" is work done at home, not a departure.
KP_BUILT = re.compile(r"\b(?:construction|projects?|building|housing|sites?|apartments?)\b")

KP_OFFICES = frozenset("office offices committee committees bureau bureaus".split())

# "... in X and neighbouring Y, many of them working for ...": work there.
RIGHT_THEM_WORK = re.compile(
    r"^(?:\s*(?:,|and|or)\s*(?:and\s+|or\s+)?(?:[a-z\-]+\s+)?PLACE)*\s*,\s*(?:many|most|some|"
    r"all|half|several|none)\s+of\s+(?:them|whom)\s+(?:\w+\s+)?(?:working|employed|toiling|"
    r"logging|building|felling)\b"
)

# "... listed X alongside Y and Z as countries where North Koreans still worked".
RIGHT_HOST_COUNTRIES = re.compile(
    r"^(?:\s*(?:,|and|or|alongside|as\s+well\s+as|together\s+with)\s*(?:and\s+)?PLACE)*\s*,?"
    r"\s+(?:as|among)\s+(?:the\s+)?(?:\w+\s+)?(?:countries|nations|places|destinations|hosts)"
    r"\s+(?:where|that\s+(?:host|employ|use|receiv))"
)

# "across some 40 countries from X to Y": both ends of a range of host countries.
RANGE_FROM = re.compile(
    r"\b(?:countries|nations|markets|destinations)\s+(?:\w+\s+)?from\s+(?:PLACE\s+to\s+)?$"
)

RIGHT_RANGE_TO = re.compile(r"^\s+to\s+PLACE")

# "African countries hosting North Korean teams", "Gulf states that employ them".
RIGHT_HOST_STATES = re.compile(
    r"^\s+(?:countries|nations|states)\s+(?:that\s+|which\s+|where\s+)?(?:still\s+)?"
    r"(?:host\w*|employ\w*|receiv\w*|us(?:e|es|ed|ing)|accept\w*|"
    r"(?:North\s+Koreans?|workers|labou?rers)\s+(?:still\s+)?(?:work|toil|are))"
)

# "using X as a staging point": a stop on the way.
RIGHT_STAGING = re.compile(
    r"^\s+as\s+(?:a|an|the|its|their)\s+(?:[\w\-]+\s+)?(?:staging|transit|transfer|stopover|"
    r"waypoint|hub|corridor|gateway|springboard)\b"
)

# "fishermen working on Chinese and Russian vessels": the flag's country hosts them.
WORK_ON = re.compile(
    r"\b(?:work\w*|employed|toil\w*|serv(?:e|es|ed|ing)|crew\w*)\s+(?:on|aboard)"
    r"(?:\s+(?:a|an|the))?(?:\s+[\w\-]+)?$"
)

VIA_SITE = re.compile(
    r"\b(?:via|through)\s+(?:the\s+|a\s+)?(?:[\w\-]+\s+){0,2}?(?:crossing|bridge|checkpoint|"
    r"station|border\s+post|airport)$"
)

# "a smaller team in X": a group of workers stationed there.
RIGHT_DOING_WORK = re.compile(
    r"^(?:\s*(?:,|and|or)\s*(?:and\s+|or\s+)?PLACE)*\s*,(?:[^.;,]{0,40},)?\s*(?:writing|coding|"
    r"programming|developing|working|building|logging|felling|cutting|sewing|fishing|"
    r"processing|laying|renovating|repairing|toiling|constructing)\b"
)

# "spread across X, chiefly in construction and logging": the trade they work in, named right
# after the area, puts the work there.
RIGHT_IN_TRADE = re.compile(
    r"^\s*,?\s*(?:chiefly|mostly|mainly|largely|primarily|principally|often|usually)\s+in\s+"
    r"(?:the\s+)?(?:construction|building|logging|forestry|timber|farming|agriculture|fishing|"
    r"fish\s+processing|seafood|mining|textiles?|garments?|sewing|catering|restaurants?|"
    r"shipbuilding|shipyards?|IT|software|medicine|health\s+care|healthcare|factories|"
    r"manufacturing|road\s+building|housing)\b"
)

QUESTION = re.compile(r"^[ \t]*Q\s*[:.][^\n]*", re.MULTILINE)

ANSWER = re.compile(r"[ \t]*A\s*[:.]")

ISLAND = re.compile(r"\b(?:[Ii]sland|[Ii]sle)$")

GROUPS = frozenset(
    "team teams group groups crew crews contingent contingents brigade brigades unit units "
    "workforce squad squads".split()
)

VERBISH = re.compile(r"^(?:[a-z]+s|[a-z]+ed)$")

# Where money is held or a company is registered is no stop of the workers: "earnings moved
# through accounts in X", "any property the firms hold in X", "a front company registered in X".
MONEY_BEFORE = re.compile(
    r"\b(?:accounts?|banks?|assets|propert(?:y|ies)|funds|deposits?|holdings|registered|"
    r"incorporated|laundered|banked)(?:\s+(?:the|a|an|its|their|his|her|firms?|companies|"
    r"company|they|it|hold|holds|held|kept|keeps|opened)){0,3}$"
)

# "the phone number belongs to a construction firm in X", "the site is owned by a company in X":
# the firm is named as an owner, so X is its seat, not where the workers are.
FIRM_SEAT = re.compile(
    r"\b(?:belong\w*|owned|registered|traced|traces|linked|leads?|led)\s+(?:back\s+)?"
    r"(?:to|by)\s+(?:a|an|the|one)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:firm|company|agency|business|employer|contractor|broker)$"
)

# "their earnings were funnelled to X", "through Chinese bank accounts": the money's way.
MONEY_MOVED = re.compile(
    r"\b(?:earnings|money|funds|proceeds|wages|revenues?|income|cash|payments?|salaries|pay)\s+"
    r"(?:(?:were|was|is|are|being|been|had|have|then|later)\s+)*(?:funnel\w*|remitt\w*|wired|"
    r"channel\w*|routed|laundered|transferred|sent|moved|siphoned)\s+(?:back\s+)?"
    r"(?:to|into|through|via)\s+(?:the\s+)?$"
)

RIGHT_ACCOUNTS = re.compile(r"^\s+(?:[a-z\-]+\s+)?(?:bank\s+)?(?:accounts?|banks?)\b")

# "through a X staffing agency": X names the agency, not a stop on the route.
RIGHT_AGENCY = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,2}?(?:agency|agencies|company|companies|firm|firms|brokers?|"
    r"contractors?|intermediar(?:y|ies)|subsidiar(?:y|ies)|partners?)\b"
)

# A demonym adjective naming a place: "the Russian city of X", "the Russian Far East".
RIGHT_PLACE_NOUN = re.compile(
    r"^\s+(?:[a-z\-]+\s+)?(?:city|cities|town|towns|port|ports|region|regions|province|"
    r"provinces|border|side|territory|territories|soil|capital|coast|Far\s+East|island|"
    r"islands|waters|mainland|interior|hinterland|north|south|east|west)\b"
)

# "Russian finishers", "U.S. assets": that country's people or money, not a place of the journey.
RIGHT_NATIONALS = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}?(?:finishers|workers?|labou?rers?|staff|sailors?|nationals|"
    r"citizens|police|welders|builders|men|women|people|employees|colleagues|counterparts|"
    r"managers?|foremen|supervisors?|guards?|tourists|students|businessm[ae]n|traders|"
    r"middlemen|nurses|doctors|fishermen|seamen|engineers|specialists|drivers|residents|"
    r"villagers|assets|accounts?|banks?|dollars?|currency|property|law|laws|freelancers|"
    r"programmers|developers|coders|hackers|clients|customers|buyers|partners)\b"
)

RIGHT_VESSELS = re.compile(
    r"^(?:[\-\u2010\u2011]flagged\s+|\s+)(?:[\w\-]+\s+){0,2}?(?:vessels?|boats?|ships?|"
    r"trawlers?|fleets?)\b"
)

# ... but "working on X vessels in waters off Y" is located by Y, not the flag.
RIGHT_LOCATED = re.compile(
    r"^\s+(?:[\w\-]+\s+){1,3}?(?:in|off|near|around)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?PLACE"
)

# "arrived in X ... to rebuild port warehouses": the work is done where they arrived.
RIGHT_PURPOSE_WORK = re.compile(
    r"^[^.;]{0,80}?,?\s+(?P<to>to)\s+(?:help\s+)?(?:re)?(?:build|construct|repair|renovat|"
    r"restor|work|staff|assembl|lay)\w*"
)

# "bused to X and driven straight to the factory compound": the last leg ends at an unnamed
# site of work inside X, so X is where they work, not a stop on the way.
RIGHT_ON_TO_SITE = re.compile(
    r"^\s*,?\s*(?:and|then|before\s+being)\s+(?:then\s+)?(?:were\s+|was\s+)?(?:then\s+)?"
    r"(?:driven|taken|bus(?:s)?ed|trucked|escorted|sent|moved|led|walked|marched|delivered)\s+"
    r"(?:straight|directly|immediately|on)?\s*to\s+(?:the|a|an|their|its)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:factor(?:y|ies)|sites?|compounds?|camps?|plants?|yards?|shipyards?|mines?|farms?|"
    r"dormitor(?:y|ies)|hostels?|quarters|workshops?|mills?|estates?|greenhouses?)\b"
)

# "... to work in greenhouses in Y": the purpose names its own place, so the work is not at X.
WORK_ELSEWHERE = re.compile(
    r"[^.;,]{0,60}?\b(?:in|at|near|outside|around)\s+(?:[\w\-']+\s+){0,4}?PLACE"
)

# "to X port", "X housing site", "X seafood plants": the name only qualifies a site of work, so
# a verb of movement before it says where they work rather than where the journey ends.
RIGHT_SITE_NOUN = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}?(?:port|sites?|plants?|factor(?:y|ies)|shipyards?|projects?|"
    r"mills?|camps?|farms?|estates?|complex(?:es)?|yards?)\b"
)

# "across the border at X", "crossed into China at X": the crossing point, passed through.
BORDER_AT = re.compile(
    r"\b(?:(?:across|over|cross\w*)\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:border|frontier)|"
    r"cross\w*\s+(?:by\s+\w+\s+)?(?:in)?to\s+place)$"
)

# "who had spent two years at sites in X was moved by train to Y": X is an earlier stop.
HAD_BEEN = re.compile(r"\bhad\s+(?:\w+\s+)?(?:spent|worked|been|lived|toiled|stayed)\b")

RIGHT_MOVED_ON = re.compile(
    r"^[^.;]{0,80}?\b(?:moved|transferred|relocated|redeployed|sent|taken|reassigned|shifted)"
    r"\b[^.;]{0,40}?\b(?:to|into)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?PLACE"
)

# "squid boats operating from X", "trawlers sailing out of X": the port the crews work from.
VESSELS_FROM = re.compile(
    r"\b(?:vessels?|boats?|ships?|trawlers?|fleets?|seiners?)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:operating|operated|sailing|fishing|working|based|run)(?:\s+out)?$"
)

# "a team works out of X", "IT workers operate from X and Y": the base they work from.
WORK_FROM = re.compile(r"\b(?:work(?:s|ed|ing)?|operat(?:e|es|ed|ing))(?:\s+out)?$")

# A governor or mayor is the seat of a speaker, unless the sentence goes on to put workers in
# "his region" or "the region" (it could absorb builders, its companies applied for workers).
HEADS = frozenset("governor governors mayor mayors".split())

RIGHT_OWN_REGION_WORKERS = re.compile(
    r"^[^.;]{0,90}?\b(?:his|her|their|its|the)\s+(?:region|krai|oblast|province|territory|city|"
    r"republic)\b[^.;]{0,70}?\b(?:workers?|labou?rers?|builders|loggers|crews|hands|"
    r"North\s+Koreans)\b"
)

# "a shipyard draws welders from X", "crews pulled from X": an earlier posting left for another.
DRAWN_FROM = re.compile(
    r"\b(?:draw|draws|drew|drawn|pull|pulls|pulled|poach\w*|moved|transferred|relocated|"
    r"redeployed|reassigned|shifted)\b"
)

# "recruited from factories in X and Y and taken by bus to Z": in the DPRK, a town the workers
# are taken to after being drawn from others is a stop on the way out, not where they start.
KP_TAKEN_ON = re.compile(
    r"\b(?:recruit\w*|select\w*|picked|drawn|chosen|mobili[sz]ed|rounded\s+up|gathered)\s+"
    r"(?:[\w\-']+\s+){0,4}?from\s+[^.;]{0,80}?PLACE[^.;]{0,100}?\b(?:taken|bus(?:s)?ed|driven|"
    r"sent|moved|brought|transported|trucked|escorted)\b(?:[^.;]|\.(?=\s*\d)){0,50}$"
)

CITY_AGAIN = re.compile(r"\b(?:in|at|of)\s+the\s+city\b|\bthe\s+city['\u2019]s\b")

# "... taken to a compound on the city's outskirts, where they are to pour foundations".
CITY_WHERE_WORK = re.compile(
    r"[\w\s\-]{0,25},\s*where\s+[^.;]{0,30}?\b(?:work|build|renovat|repair|construct|"
    r"pour|lay|dig|rebuild|toil|fell|cut|install|assembl)\w*"
)

# "flew from X to Y and were then put on flights to Z": Z ends that journey, nothing follows.
WHOLE_ROUTE_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z]")

# "fly to X and then take a domestic flight to Y", "flying to X and continuing to Y", "change at
# X for the journey west to Y": a leg to an earlier stop, then a further leg that reaches the
# mention (the pattern ends where the mention starts).
LATER_LEG_BEFORE = re.compile(
    r"\b(?:to|into|for|at|in)\s+(?:[\w\-]+\s+){0,3}?[A-Z][^.;]{0,120}?"
    r"\b(?:then|continu\w*|on\s+to|onward|onwards|chang\w*\s+(?:trains?\s+)?(?:at|in)|"
    r"(?:taken|sent|moved|driven|carried|transported)\s+on\s+by\s+(?:bus|coach|train|rail|road|"
    r"truck|air|sea|ship|ferry)|"
    r"and\s+(?:were\s+|was\s+)?(?:put\s+on|board\w*|transferr\w*\s+to))\b"
    r"[^.;]{0,80}?\b(?:to|for|into)\s+(?:[\w\-\u2019']+\s+){0,6}?$"
)

FURTHER_AFTER = re.compile(
    r"\b(?:then|onward|on\s+to|before|from\s+there|later|after\s+which|where)\b|\bvia\b"
)

# "reached X in the Y region", "X, Y region": the region named right after a place holds it.
APPOSED = re.compile(
    r"^(?:\s+in\s+(?:the\s+)?|\s*,\s*(?:in\s+)?(?:the\s+)?|"
    r"\s*,\s*(?:the\s+)?(?:[\w\-]+\s+)?(?:capital|centre|center|seat)\s+of\s+(?:the\s+)?)$"
)

# "Kazan, the capital of Tatarstan": the region only places the city before it.
CAPITAL_OF_LEFT = re.compile(
    r"PLACE\s*,\s*(?:the\s+)?(?:[\w\-]+\s+)?(?:capital|centre|center|seat)\s+of\s+(?:the\s+)?$"
)

DISTRICT_OF = re.compile(
    r"^\s+(?:district|county|raion|area|municipality|region)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)

# "work in X and across Y", "in X and throughout the Y region": the region the named site of
# work lies in, widened to; gazetteer containment confirms it.
AND_ACROSS = re.compile(
    r"^\s*,?\s+(?:and|or)\s+(?:elsewhere\s+)?(?:across|throughout|around|in|all\s+over)\s+"
    r"(?:the\s+(?:rest\s+of\s+(?:the\s+)?)?)?$",
    re.IGNORECASE,
)

LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
