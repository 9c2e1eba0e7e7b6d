"""Roles of places in the journey a report describes (extraction.md, "Roles").

Two steps. `analyse_mentions` reads each mention's own context: the preposition that governs it
and the words before it ("sent to", "via", "divide up at", "works in", "leaving from"), what
follows it ("and from there", "before travelling to", "'s spy agency", "said"), and whether it
stands in a caption, dateline or byline, at the seat of a speaker or agency, or in a sentence
about something else (troops, missiles, tours). `assign_journey_roles` then decides per place,
over the whole report: the DPRK is where workers come from; border stations are passed through;
a place passed on the way to a named further destination is transit, whatever the verb; a region
or country holding the destination is a destination too. Mentions in captions, datelines,
bylines, speakers' seats and unrelated events stay `other`.

Events, when given, only fill gaps: the text is read first, so roles do not depend on them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import cast

from tumen.model import Event, Place, PlaceKind, Role, Sentence
from tumen.resolve.gazetteer import Entry, gazetteer

PLACE = "PLACE"  # what earlier/later mentions are replaced with in a context window

_WINDOW_LEFT = 160
_WINDOW_RIGHT = 120
_VERB_REACH = 80  # how far before "to X" the verb of movement may stand

# --- where a mention stands ------------------------------------------------------------------

_CAPTION_CREDIT = re.compile(
    r"(?:\([^()\n]*(?:/|\bvia\b|Courtesy|courtesy|Photo|photo|AFP|Reuters|Yonhap|YONHAP|Getty|"
    r"KCNA|Sputnik|Screenshot|screenshot|EPA|News1|Newsis)[^()\n]*\)|"
    r"\[[^\[\]\n]*(?:YONHAP|Yonhap|Screenshot|screenshot|AFP|Reuters|AP|KCNA|Photo|photo|"
    r"Courtesy|NEWS1|Newsis|EPA|Getty)[^\[\]\n]*\])\s*$"
)
_CAPTION_START = re.compile(r"^\s*(?:Photo|Caption|File photo|Pictured)\s*[:\-]")
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][a-z]{2,}\.?(?:\s+\d{1,2})?)?\s*(?:\([^)\n]{1,40}\))?\s*"
    r"(?:-|--|\u2013|\u2014)\s"
)
_BYLINE = re.compile(r"^\s*(?:[Bb]y|BY)\s+[A-Z]|^\s*(?:Published|Updated|Posted)\s*:")
_EMAIL = re.compile(r"\S+@\S+\.\w+")

# A sentence about troops, weapons, tours or summits, with no workers in it, is another story.
_UNRELATED = re.compile(
    r"\b(?:troops|soldiers?|servicemen|mercenar\w*|missiles?|ballistic|weapons?|ammunition|"
    r"artillery|shells|combat|casualties|battlefields?|warplanes?|drones?|nuclear|tourists?|"
    r"tours?|tourism|delegations?|summit)\b(?!\s+visas?)",
    re.IGNORECASE,
)
_WORKERS = re.compile(
    r"\b(?:workers?(?!['\u2019]\s*Party)|laborers?|labourers?|labou?r(?!['\u2019]?\s*Party)|"
    r"personnel|workforce|employees|builders|loggers|manpower|North Koreans)\b",
    re.IGNORECASE,
)
_MOVE = re.compile(
    r"\b(?:send\w*|sent|dispatch\w*|deploy\w*|go|goes|going|gone|went|head\w*|travel\w*|"
    r"arriv\w*|move[ds]?|moving|transfer\w*|bring\w*|brought|export\w*|supply|supplie[ds]|"
    r"supplying|relocat\w*|bound|destined|return\w*|fl(?:y|ew|own|ying)|ship\w*|transport\w*|"
    r"tak(?:e|en|ing)|took|leav\w*|left|depart\w*|c(?:o|a)me|coming|enter\w*|admit\w*|"
    r"accept\w*|defect\w*|escap\w*|fled|flee\w*|smuggl\w*|en\s+route|flights?|continu\w*|"
    r"proceed\w*|cross\w*|sail\w*|bus(?:s)?ed|bus(?:s)?ing|driv(?:e|en|ing)|drove|ferr(?:y|ied)|"
    r"airlift\w*|evacuat\w*|truck(?:ed|ing)|escort\w*|redeploy\w*|reassign\w*|board\w*|"
    r"trains?|bus(?:es)?|on\s+(?:the|their|its|his|her)\s+way|"
    r"recruit\w*|hire[ds]?|hiring|rebuild\w*|reconstruct\w*|welcom\w*|"
    r"placed|assign\w*|join\w*|repatriat\w*|deport\w*|recall\w*|call(?:ed|s|ing)?\s+back|"
    r"summon\w*|order(?:ed|s)?\s+(?:home|back))\b",
    re.IGNORECASE,
)
_ROUTE_MEANS = re.compile(
    r"\b(?:via|through|by\s+(?:train|rail|air|sea|ship|bus|road|land)|flights?|flying|fly|flew|"
    r"by\s+way\s+of|"
    r"aboard|routes?|overland|railway|trains?|ferr(?:y|ies)|sail\w*|bridge|cross(?:es|ed|ing)?)\b",
    re.IGNORECASE,
)
# A feared or hypothetical posting: "they fear they might be sent to sites in X" names where they
# may end up, not where they work ("they are expected to work on blocks in X" does).
_MODAL = re.compile(r"\b(?:might|may|could|would|feared|fear|worried)\b", re.IGNORECASE)
# "the country" in a sentence that names one foreign country is that country.
_COUNTRY_TRANSIT = re.compile(
    r"\b(?:transit\w*|pass\w*|travel\w*|go\w*|mov\w*)\s+(?:through|via|across)\s+the\s+country\b",
    re.IGNORECASE,
)
_COUNTRY_HOLDS_WORKERS = re.compile(
    r"\b(?:workers?|laborers?|labourers?|nationals|North\s+Koreans|personnel)\b[^.;]{0,40}?"
    r"\b(?:in|to|into)\s+the\s+country\b",
    re.IGNORECASE,
)

# --- the words around a mention --------------------------------------------------------------

_WORD = re.compile(
    r"PLACE['\u2019]s|PLACE|[A-Za-z][A-Za-z'\u2019\-]*|[()\[\],;:\u2014\u2013\"]|\d[\d,.]*"
)
# "on the outskirts of X": "on" governs X only through one of these (not "on the US Treasury").
_ON_NOUNS = frozenset("outskirts outskirt edge edges coast banks shores fringes periphery".split())
_PREPOSITIONS = frozenset(
    "to into toward towards for via through across from in at inside within throughout near "
    "outside around over onto of by with between among against amid off".split()
)
# Words that may stand between a preposition and the place it governs ("to the northeastern
# city of", "in Russia's Far East", "across various construction sites in").
_NP_WORDS = frozenset(
    """the a an its their his her this these those all of region regions city cities town towns
    village port province provinces oblast krai area areas part parts territory territories
    capital outskirts suburbs vicinity district districts border zone side coast republic
    northern southern eastern western northeastern northwestern southeastern southwestern
    north-eastern south-eastern far remote coastal neighboring neighbouring various several
    many other local major key small large distant special economic industrial occupied
    nearby front-line frontline war-torn country's nation's city's town's port's capital's
    region's north south east west central
    upper lower greater whole entire edge edges heart rest shores banks""".split()
)
_SPEAKERS = frozenset(
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
_WAR = frozenset(
    """war wars conflict fighting fight fought invasion aggression battle battles offensive
    incursion hostilities counteroffensive front frontline efforts casualties combat
    attacks attack strikes""".split()
)
_RELATION = frozenset(
    """relations relation ties cooperation rift talks summit treaty agreement alliance
    partnership trade dispute tension tensions deal negotiations meeting meetings discussions
    friendship rapprochement aligning aligned siding sided""".split()
)
_PEOPLE = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}?(?:workers?|laborers?|labourers?|nationals|people|personnel|"
    r"citizens|employees|builders|loggers|men|women|youths?|recruits|teams?|volunteers|"
    r"applicants|candidates|students|trainees|defectors|escapees)\b"
)

_RIGHT_OTHER = (
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
)
_SPEECH = 2  # the index of the "X said" pattern above
_RIGHT_HOST_SAID = re.compile(
    r"^,?\s+(?:\w+\s+){0,2}?(?:said|says|reported|told\s+[\w\s]{0,30}?)\s+(?:that\s+)?"
    r"(?:it|its\s+\w+)\s+(?:had|has|have)\s+(?:already\s+)?(?:sent\s+(?:home|back)|"
    r"repatriat\w*|expel\w*|deport\w*|return\w*|host\w*|employ\w*|order\w*)"
)
# "Tanzania has told a team of North Korean doctors to go home": the host instructs the workers
# it hosts; it is no mere speaker.
_RIGHT_HOST_ORDERS = re.compile(
    r"^,?\s+(?:(?:has|have|had|also|now|formally)\s+)*(?:told|tells|ordered|orders|asked|asks|"
    r"instructed|instructs|gave|gives)\s+(?:[\w,\-]+\s+){0,6}?(?:workers|labou?rers|doctors|"
    r"medics|nurses|builders|staff|crews|teams?|nationals|North\s+Koreans|PLACE)\b[^.;]{0,80}?"
    r"\b(?:to\s+(?:leave|go\s+home|return|wind\s+up|pack\s+up)|home)\b"
)
_RIGHT_FORK = re.compile(
    r"^\s*,?\s*where\s+(?:they|the\s+\w+|workers|teams)\s+(?:will\s+|would\s+|could\s+|may\s+|"
    r"are\s+to\s+)?(?:divide|split|spread|disperse|scatter|change|transfer|board|switch|part)"
)
_RIGHT_TRANSIT = re.compile(
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
# "flown to X on Tuesday and were expected to continue to Y", "arrived in X and were driven to
# camps in Y": a further leg follows from X.
_RIGHT_AND_ON = re.compile(
    r"^[^.;,]{0,30}?\s*,?\s*and\s+"
    r"(?:(?:were|was|are|is|will|would|be|being|then|later|soon|they)\s+)*"
    r"(?:(?:expected|due|scheduled|set|planned|meant|supposed)\s+to\s+)?"
    r"(?:continu\w*|proceed\w*|driven|taken|bus(?:s)?ed|sent|moved|transferred|flown|shipped|"
    r"transported|trucked|travel\w*|fly|flew|head\w*)\b(?:\s+on)?\s+(?:to|into|for)\s+"
    r"(?:(?:[\w\-]+\s+){0,5}?PLACE|(?:[\w\-]+\s+){0,3}?(?:camps?|sites?|plants?|factories|"
    r"farms?|mines?|projects?|mills?|yards?)\s+(?:in|near|at|outside)\s+(?:the\s+)?[A-Z])"
)
# "From Vladivostok they will be split up and sent to ...": the route goes on from X.
_RIGHT_FROM_ON = re.compile(
    r"^\s*,?\s*(?:they|the\s+\w+|workers|teams|groups|the\s+group)\s+(?:will\s+|would\s+|were\s+|"
    r"are\s+(?:to\s+)?|had\s+|have\s+)?(?:be\s+|been\s+)?(?:split|divided|dispersed|scattered|"
    r"distributed|sent|taken|transferred|moved|bus(?:s)?ed|driven|flown|shipped|transported|"
    r"travel\w*|head\w*|go|went|continu\w*|proceed\w*|board\w*)\b"
)
# "After landing at X, they were bused to ...": the arrival is one leg, another follows.
_ARRIVED_BEFORE = re.compile(
    r"\b(?:after|upon|on|following)\s+(?:their\s+|its\s+)?(?:arriv\w*|land\w*|reach\w*|"
    r"stopp\w*|disembark\w*)\s*$"
)
_FURTHER_LEG = re.compile(
    r"\b(?:sent|bus(?:s)?ed|taken|transferred|moved|driven|flown|shipped|transported|travel\w*|"
    r"head\w*|continu\w*|proceed\w*|board\w*|put\s+on)\b[^.;]{0,60}?\b(?:to|into|for)\s+"
    r"(?:[\w\-]+\s+){0,5}?PLACE"
)
# "were first sent to X": a first leg, whatever follows.
_FIRST_LEG = re.compile(
    r"\bfirst\s+(?:be\s+|been\s+)?(?:sent|taken|flown|moved|transported|brought|bus(?:s)?ed|"
    r"driven|shipped|went|go|travel\w*|head\w*)\s*$"
)
# The verbs whose object, with no preposition, is where the workers got to.
_BACK_HOME = re.compile(r"\b(?:return\w*|back|home|repatriat\w*|recall\w*|deport\w*)\b")
_REBUILD_LAST = re.compile(
    r"\b(?:rebuild\w*|build\w*|repair\w*|renovat\w*|reconstruct\w*|restor\w*)\s+"
    r"(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:(?:city|town|port|village)\s+of\s+)?$"
)
_REACHED = re.compile(r"\b(?:reach\w*|entered|enter|enters|entering)\s*$")
_RIGHT_DESTINATION = re.compile(r"^[\-\u2010\u2011\u2013]bound\b")  # "Russia-bound workers"
_SUBJECT_SENDS = re.compile(
    r"^(?:\s+[\w']+){0,5}?\s+(?:send|sends|sending|sent|dispatch\w*|export\w*|recruit\w*|"
    r"select\w*|deploy\w*|supply|supplies|supplying|mobiliz\w*|mobilis\w*)\b"
)
_SUBJECT_RECEIVES = re.compile(
    r"^(?:\s+[\w']+){0,5}?\s+(?:bring|brings|bringing|brought|import\w*|accept\w*|receiv\w*|"
    r"host\w*|hire[sd]?|hiring|employ\w*|source|sourcing|welcom\w*|request\w*|demand\w*)\b"
)
_BRANCH_AT = re.compile(
    r"\b(?:divide|divided|dividing|split|splitting|spread|disperse[ds]?|scatter\w*|gather\w*|"
    r"change|changed|changing|transfer|transferred|stop|stopped|stopover|layover|regroup\w*|"
    r"separate[ds]?|part|swap\w*|rotated)(?:\s+(?:up|trains|planes|out))?$"
)
_WORK_AT = re.compile(
    r"\b(?:work|works|working|worked|employed|toil\w*|labou?r\w*|sites?|projects?|farms?|"
    r"factor(?:y|ies)|plants?|mills?|camps?|mines?|restaurants?|shipyards?|companies|firms|"
    r"enterprises|workshops?|dormitor(?:y|ies)|hostels?|fields|forests?)$"
)
_FOR_LEAVING = re.compile(
    r"\b(?:bound|destined|leav\w*|left|depart\w*|head\w*|sail\w*)(?:\s+place(?:\s+\w+){0,3})?$"
)
_LEFT_PLACE = re.compile(
    r"\b(?:left|leave|leaves|leaving|departed|departs|departing|quit|exited)\s*$"
)
_STAY_AT = re.compile(
    r"\b(?:arriv\w*|land\w*|entered|reached|settled|stationed|deployed|stay\w*|liv\w*|"
    r"resid\w*|based|remain\w*|still|already|currently|now)$"
)
_FROM_THERE = re.compile(
    r"\b(?:defect\w*|escap\w*|fled|flee\w*|return\w*|repatriat\w*|back|home|came|come|"
    r"arriv\w*|deport\w*|expel\w*|sent|withdr\w*)$"
)
_ORIGIN_IN = re.compile(
    r"\b(?:selection|selections|selected|select|recruit\w*|chosen|people|residents|families|"
    r"those|volunteers|applicants|candidates|youths?|men|women|citizens|hired|mobili[sz]\w*|"
    r"enterprises|factories|units|kept|housed|waiting|wait|waits|guesthouses?|pick|picked|"
    r"drawn|gathered|standby|training|trained|vetting|checks|lectures|education)$"
)
# Work done at a place, anywhere in the words before its preposition: "expected to work on
# apartment blocks in X", "construction workers in X", "cuts timber in X".
_WORK_NEAR = re.compile(
    r"\b(?:work|works|working|worked|employed|toil\w*|labou?ring|build|builds|building|built|"
    r"construct\w*|renovat\w*|repair\w*|lay|lays|laying|cut|cuts|cutting|fell|"
    r"felling|logging|sites?|projects?|farms?|factor(?:y|ies)|plants?|mills?|camps?|mines?|"
    r"restaurants?|shipyards?|compan(?:y|ies)|firms?|enterprises|workshops?|dormitor(?:y|ies)|"
    r"hostels?|fields|forests?|yards?|depots?|blocks|pipes|housing|apartments?|roads?|"
    r"stadiums?|hotels?|timber|seafood|garment|textile|fishing|processing|builders|loggers|"
    r"fishermen|deckhands|miners|plasterers|restor\w*|rebuild\w*|infrastructure|"
    r"catch(?:es|ing)?|trawling|trawled|doctors|nurses|medics|welders|waitresses|programmers|"
    r"developers|tilers|seamstresses|staffed|clinics?|hospitals?|villas?|compounds?)\b"
)
# Arrival right before the preposition: the workers got there, whatever they do next.
_ARRIVAL_LAST = re.compile(r"\b(?:arriv\w*|land\w*|reached|entered|settled|disembark\w*|docked)$")
# "... travelled on to X, where they are now renovating a depot": X is where they work.
_RIGHT_WHERE_WORK = re.compile(
    r"^\s*,?\s*where\s+(?:they|the\s+\w+|workers|teams|crews|\w+)\s+(?:[\w']+\s+){0,3}?"
    r"(?:work|build|renovat|repair|construct|toil|cut|fell|process|staff|lay|dig|rebuild|employ|"
    r"earn)\w*"
)
# "In the taiga north of X, North Korean loggers have been felling larch": work in that clause.
_CLAUSE_WORK = re.compile(
    r"^\s*,[^.;]{0,80}?\b(?:work(?:s|ing|ed)?|felling|fell|build(?:s|ing)?|logging|cut(?:s|ting)?|"
    r"renovat\w*|repair\w*|lay(?:s|ing)?|toil\w*|employed|construct(?:s|ing|ed))\b"
)
_ACROSS_FROM = re.compile(
    r"\bacross\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:river|border|strait|bay|sea|lake|water)$"
)
_RIGHT_ONWARD = re.compile(
    r"^\s*(?:by\s+(?:train|rail|bus|air|plane|road|ship|sea|boat)\s+)?,?\s*"
    r"(?:through|via|on\s+to|onward|(?:to|into)\s+(?:the\s+)?(?:PLACE|[A-Z]))"
)
_BY_MEANS = re.compile(r"\bby\s+(?:train|rail|bus|air|plane|ship|sea|road|boat|ferry|truck)$")
# Venues: "speaking at a forum in X" sets a scene, not a stop of the journey.
_VENUES = frozenset(
    """forum forums conference conferences summit meeting meetings briefing exhibition expo
    ceremony session talks festival congress event gathering rally hearing""".split()
)
# "the two Gulf states", "both regions": a region word that points back to named countries.
_ANAPHOR_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:two|three|four|both|these|those|such)\s*$", re.IGNORECASE
)
# "In Washington, the Treasury designated ...": the scene of an authority's act.
_RIGHT_AUTHORITY = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}(?:Treasury|Ministry|Department|[Gg]overnment|"
    r"officials|authorities|lawmakers|Congress|Parliament|Kremlin|[Cc]ourt|prosecutors|police|"
    r"spokes\w+|[Aa]gency|Council|Commission|Office|[Ss]enate|[Ee]mbassy)\b"
)
_DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)


# A route the workers avoid is no stop of theirs: "the route bypasses the crossing at X".
_AVOIDED = re.compile(
    r"\b(?:bypass\w*|avoid\w*|circumvent\w*|skirt(?:s|ed|ing)?|instead\s+of|rather\s+than)\b"
    r"[^.;]{0,60}$",
    re.IGNORECASE,
)
# A capital as the subject of a verb stands for its government ("Pyongyang has denied",
# "Moscow says", "Washington blacklists"), or hosts a visit: not a stop of the journey.
_CAPITALS = frozenset("pyongyang moscow seoul washington beijing tokyo kyiv kiev minsk".split())
# "..., said a researcher at the Korea Institute for National Unification in X": a speaker's seat.
_ATTRIBUTION_SEAT = re.compile(
    r"\b(?:said|says|according\s+to|told)\s+(?:a|an|the|one)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:researcher|analyst|expert|professor|official|scholar|fellow|spokes\w+|director|"
    r"economist|lawmaker|diplomat)\s+(?:at|with|of|from)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w\-]*|for|of|and|on)\s+)*(?:in|at)\s*$"
)
# Employers named in a region ("companies in Khabarovsk Krai asked for workers"): where the
# workers are sent, not a named site of their work.
_EMPLOYERS = frozenset(
    "company companies firm firms enterprise enterprises trust trusts employer employers "
    "developer developers contractor contractors".split()
)
# A KP place where people gather, wait or sign up before leaving is where they come from.
_KP_GATHER = re.compile(
    r"\b(?:workers?|labou?rers?|men|women|recruits|candidates|applicants|crews?|teams?|groups?|"
    r"contingents?|batch(?:es)?|brigades?|those|they|enlist\w*|recruit\w*|select\w*|screen\w*|"
    r"board\w*|wait\w*|stuck|housed|billeted|gathered|assembled|trained|training|"
    r"joined|sign\w*\s+up|taking\s+names|registration)\b",
    re.IGNORECASE,
)
_KP_ENLIST = re.compile(
    r"\b(?:enlist\w*|recruit\w*|taking\s+names|sign\w*\s+up|registration|applications|"
    r"select\w*|screen\w*)\b",
    re.IGNORECASE,
)
# "a housing construction project in Pyongyang" is work done at home, not a departure.
_KP_BUILT = re.compile(r"\b(?:construction|projects?|building|housing|sites?|apartments?)\b")
_KP_OFFICES = frozenset("office offices committee committees bureau bureaus".split())
# "... in X and neighbouring Y, many of them working for ...": work there.
_RIGHT_THEM_WORK = re.compile(
    r"^(?:\s*(?:,|and|or)\s*(?:and\s+|or\s+)?(?:[a-z\-]+\s+)?PLACE)*\s*,\s*(?:many|most|some|"
    r"all|half|several|none)\s+of\s+(?:them|whom)\s+(?:\w+\s+)?(?:working|employed|toiling|"
    r"logging|building|felling)\b"
)
# "... listed X alongside Y and Z as countries where North Koreans still worked".
_RIGHT_HOST_COUNTRIES = re.compile(
    r"^(?:\s*(?:,|and|or|alongside|as\s+well\s+as|together\s+with)\s*(?:and\s+)?PLACE)*\s*,?"
    r"\s+(?:as|among)\s+(?:the\s+)?(?:\w+\s+)?(?:countries|nations|places|destinations|hosts)"
    r"\s+(?:where|that\s+(?:host|employ|use|receiv))"
)
# "across some 40 countries from X to Y": both ends of a range of host countries.
_RANGE_FROM = re.compile(
    r"\b(?:countries|nations|markets|destinations)\s+(?:\w+\s+)?from\s+(?:PLACE\s+to\s+)?$"
)
_RIGHT_RANGE_TO = re.compile(r"^\s+to\s+PLACE")
# "African countries hosting North Korean teams", "Gulf states that employ them".
_RIGHT_HOST_STATES = re.compile(
    r"^\s+(?:countries|nations|states)\s+(?:that\s+|which\s+|where\s+)?(?:still\s+)?"
    r"(?:host\w*|employ\w*|receiv\w*|us(?:e|es|ed|ing)|accept\w*|"
    r"(?:North\s+Koreans?|workers|labou?rers)\s+(?:still\s+)?(?:work|toil|are))"
)
# "using X as a staging point": a stop on the way.
_RIGHT_STAGING = re.compile(
    r"^\s+as\s+(?:a|an|the|its|their)\s+(?:[\w\-]+\s+)?(?:staging|transit|transfer|stopover|"
    r"waypoint|hub|corridor|gateway|springboard)\b"
)
# "fishermen working on Chinese and Russian vessels": the flag's country hosts them.
_WORK_ON = re.compile(
    r"\b(?:work\w*|employed|toil\w*|serv(?:e|es|ed|ing)|crew\w*)\s+(?:on|aboard)"
    r"(?:\s+(?:a|an|the))?(?:\s+[\w\-]+)?$"
)
_VIA_SITE = re.compile(
    r"\b(?:via|through)\s+(?:the\s+|a\s+)?(?:[\w\-]+\s+){0,2}?(?:crossing|bridge|checkpoint|"
    r"station|border\s+post|airport)$"
)
# "a smaller team in X": a group of workers stationed there.
_RIGHT_DOING_WORK = re.compile(
    r"^(?:\s*(?:,|and|or)\s*(?:and\s+|or\s+)?PLACE)*\s*,(?:[^.;,]{0,40},)?\s*(?:writing|coding|"
    r"programming|developing|working|building|logging|felling|cutting|sewing|fishing|"
    r"processing|laying|renovating|repairing|toiling|constructing)\b"
)
_QUESTION = re.compile(r"^[ \t]*Q\s*[:.][^\n]*", re.MULTILINE)
_ANSWER = re.compile(r"[ \t]*A\s*[:.]")


def _answers_workers(text: str, pos: int) -> bool:
    """Does the line holding `pos` answer ("A: ...") a question about workers ("Q: ...")?"""
    line_start = text.rfind("\n", 0, pos) + 1
    if not _ANSWER.match(text, line_start):
        return False
    questions = _QUESTION.findall(text, 0, line_start)
    return bool(questions) and bool(_WORKERS.search(questions[-1]))


_ISLAND = re.compile(r"\b(?:[Ii]sland|[Ii]sle)$")
_GROUPS = frozenset(
    "team teams group groups crew crews contingent contingents brigade brigades unit units "
    "workforce squad squads".split()
)
_VERBISH = re.compile(r"^(?:[a-z]+s|[a-z]+ed)$")
# Where money is held or a company is registered is no stop of the workers: "earnings moved
# through accounts in X", "any property the firms hold in X", "a front company registered in X".
_MONEY_BEFORE = re.compile(
    r"\b(?:accounts?|banks?|assets|propert(?:y|ies)|funds|deposits?|holdings|registered|"
    r"incorporated|laundered|banked)(?:\s+(?:the|a|an|its|their|his|her|firms?|companies|"
    r"company|they|it|hold|holds|held|kept|keeps|opened)){0,3}$"
)
# "their earnings were funnelled to X", "through Chinese bank accounts": the money's way.
_MONEY_MOVED = re.compile(
    r"\b(?:earnings|money|funds|proceeds|wages|revenues?|income|cash|payments?|salaries|pay)\s+"
    r"(?:(?:were|was|is|are|being|been|had|have|then|later)\s+)*(?:funnel\w*|remitt\w*|wired|"
    r"channel\w*|routed|laundered|transferred|sent|moved|siphoned)\s+(?:back\s+)?"
    r"(?:to|into|through|via)\s+(?:the\s+)?$"
)
_RIGHT_ACCOUNTS = re.compile(r"^\s+(?:[a-z\-]+\s+)?(?:bank\s+)?(?:accounts?|banks?)\b")
# "through a X staffing agency": X names the agency, not a stop on the route.
_RIGHT_AGENCY = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,2}?(?:agency|agencies|company|companies|firm|firms|brokers?|"
    r"contractors?|intermediar(?:y|ies)|subsidiar(?:y|ies)|partners?)\b"
)
# A demonym adjective naming a place: "the Russian city of X", "the Russian Far East".
_RIGHT_PLACE_NOUN = re.compile(
    r"^\s+(?:[a-z\-]+\s+)?(?:city|cities|town|towns|port|ports|region|regions|province|"
    r"provinces|border|side|territory|territories|soil|capital|coast|Far\s+East|island|"
    r"islands|waters|mainland|interior|hinterland|north|south|east|west)\b"
)
# "Russian finishers", "U.S. assets": that country's people or money, not a place of the journey.
_RIGHT_NATIONALS = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}?(?:finishers|workers?|labou?rers?|staff|sailors?|nationals|"
    r"citizens|police|welders|builders|men|women|people|employees|colleagues|counterparts|"
    r"managers?|foremen|supervisors?|guards?|tourists|students|businessm[ae]n|traders|"
    r"middlemen|nurses|doctors|fishermen|seamen|engineers|specialists|drivers|residents|"
    r"villagers|assets|accounts?|banks?|dollars?|currency|property|law|laws)\b"
)
_RIGHT_VESSELS = re.compile(
    r"^(?:[\-\u2010\u2011]flagged\s+|\s+)(?:[\w\-]+\s+){0,2}?(?:vessels?|boats?|ships?|"
    r"trawlers?|fleets?)\b"
)
# ... but "working on X vessels in waters off Y" is located by Y, not the flag.
_RIGHT_LOCATED = re.compile(
    r"^\s+(?:[\w\-]+\s+){1,3}?(?:in|off|near|around)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?PLACE"
)
# "arrived in X ... to rebuild port warehouses": the work is done where they arrived.
_RIGHT_PURPOSE_WORK = re.compile(
    r"^[^.;]{0,80}?,?\s+to\s+(?:help\s+)?(?:re)?(?:build|construct|repair|renovat|restor|work|"
    r"staff|assembl|lay)\w*"
)
# "across the border at X", "crossed into China at X": the crossing point, passed through.
_BORDER_AT = re.compile(
    r"\b(?:(?:across|over|cross\w*)\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:border|frontier)|"
    r"cross\w*\s+(?:by\s+\w+\s+)?(?:in)?to\s+place)$"
)
# "who had spent two years at sites in X was moved by train to Y": X is an earlier stop.
_HAD_BEEN = re.compile(r"\bhad\s+(?:\w+\s+)?(?:spent|worked|been|lived|toiled|stayed)\b")
_RIGHT_MOVED_ON = re.compile(
    r"^[^.;]{0,80}?\b(?:moved|transferred|relocated|redeployed|sent|taken|reassigned|shifted)"
    r"\b[^.;]{0,40}?\b(?:to|into)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?PLACE"
)
# "squid boats operating from X", "trawlers sailing out of X": the port the crews work from.
_VESSELS_FROM = re.compile(
    r"\b(?:vessels?|boats?|ships?|trawlers?|fleets?|seiners?)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:operating|operated|sailing|fishing|working|based|run)(?:\s+out)?$"
)
# A governor or mayor is the seat of a speaker, unless the sentence goes on to put workers in
# "his region" or "the region" (it could absorb builders, its companies applied for workers).
_HEADS = frozenset("governor governors mayor mayors".split())
_RIGHT_OWN_REGION_WORKERS = re.compile(
    r"^[^.;]{0,90}?\b(?:his|her|their|its|the)\s+(?:region|krai|oblast|province|territory|city|"
    r"republic)\b[^.;]{0,70}?\b(?:workers?|labou?rers?|builders|loggers|crews|hands|"
    r"North\s+Koreans)\b"
)
# "a shipyard draws welders from X", "crews pulled from X": an earlier posting left for another.
_DRAWN_FROM = re.compile(
    r"\b(?:draw|draws|drew|drawn|pull|pulls|pulled|poach\w*|moved|transferred|relocated|"
    r"redeployed|reassigned|shifted)\b"
)

_CAPTION = "caption, dateline or byline"
_SEAT = "seat of a speaker or agency"
_CITY_AGAIN = re.compile(r"\b(?:in|at|of)\s+the\s+city\b|\bthe\s+city['\u2019]s\b")
# "... taken to a compound on the city's outskirts, where they are to pour foundations".
_CITY_WHERE_WORK = re.compile(
    r"[\w\s\-]{0,25},\s*where\s+[^.;]{0,30}?\b(?:work|build|renovat|repair|construct|"
    r"pour|lay|dig|rebuild|toil|fell|cut|install|assembl)\w*"
)
_UNRELATED_SENTENCE = "sentence about another matter"
_LAYOUT = (_CAPTION, _UNRELATED_SENTENCE)

_EVENT_HINTS: dict[str, Role] = {
    "transit": "transit",
    "arrival": "destination",
    "deployment": "destination",
}


@dataclass(slots=True)
class Cue:
    """What one mention's own context says about its role."""

    role: Role | None = None  # the role the context points at, if any
    excluded: str | None = None  # why the mention is `other` whatever the place's role
    branch: bool = False  # "divide up at X": the route splits here
    route_means: bool = False  # the sentence is about how they travel
    soft: bool = False  # the cue came from sentence context only, not from a preposition
    sentence: int = -1

    @property
    def provisional(self) -> Role:
        return "other" if self.excluded or self.role is None else self.role


@dataclass(slots=True)
class _Entity:
    key: str
    entry: Entry | None
    mentions: list[int] = field(default_factory=list)
    role: Role | None = None


def analyse_mentions(text: str, sentences: list[Sentence], places: list[Place]) -> list[Cue]:
    """One Cue per place (places in span order), from the text around each mention."""
    key = (text, tuple((s.start, s.end) for s in sentences), tuple(_place_key(p) for p in places))
    return [replace(cue) for cue in _analyse(*key)]


def _place_key(place: Place) -> tuple[int, int, str | None, str, str | None, str]:
    return (place.span[0], place.span[1], place.gazetteer, place.kind, place.country, place.mention)


@lru_cache(maxsize=4)
def _analyse(
    text: str,
    sentence_spans: tuple[tuple[int, int], ...],
    place_keys: tuple[tuple[int, int, str | None, str, str | None, str], ...],
) -> tuple[Cue, ...]:
    # Cached: find_places (provisional roles) and assign_roles read the same cues.
    sentences = [Sentence(a, b) for a, b in sentence_spans]
    places = [
        Place(m, (a, b), "", c, None, None, cast(PlaceKind, k), 1, gazetteer=g)
        for a, b, g, k, c, m in place_keys
    ]
    gaz = gazetteer()
    starts = [s.start for s in sentences]
    marked = _marked_lines(text)
    cues: list[Cue] = []
    sentence_flags: dict[int, tuple[bool, bool, bool]] = {}
    for idx, place in enumerate(places):
        start, end = place.span
        k = bisect_right(starts, start) - 1
        s_start, s_end = (sentences[k].start, sentences[k].end) if k >= 0 else (0, len(text))
        if k not in sentence_flags:
            sent = text[s_start:s_end]
            # An answer in a Q&A is about the workers its question asks about.
            workers = bool(_WORKERS.search(sent)) or _answers_workers(text, s_start)
            sentence_flags[k] = (
                workers,
                bool(_UNRELATED.search(sent)) and not workers,
                bool(_ROUTE_MEANS.search(sent)),
            )
        workers, unrelated, route_means = sentence_flags[k]
        cue = Cue(sentence=k, route_means=route_means)
        cues.append(cue)
        if any(a <= start < b for a, b in marked):
            cue.excluded = _CAPTION
            continue
        if unrelated:
            cue.excluded = _UNRELATED_SENTENCE
            continue
        entry = gaz.get(place.gazetteer) if place.gazetteer else None
        left = _window(text, places, idx, max(s_start, start - _WINDOW_LEFT), start, before=True)
        right = _window(text, places, idx, end, min(s_end, end + _WINDOW_RIGHT), before=False)
        _read_cue(cue, place, entry, left, right, text[s_start:start], workers)

    _sentence_coreference(text, sentences, places, cues)
    return tuple(cues)


def assign_journey_roles(
    text: str, sentences: list[Sentence], places: list[Place], events: list[Event]
) -> None:
    """Set every place's role from its own cue and the report's whole journey."""
    if not places:
        return
    gaz = gazetteer()
    cues = analyse_mentions(text, sentences, places)
    entities: dict[str, _Entity] = {}
    for idx, place in enumerate(places):
        key = place.gazetteer or "name:" + place.name.casefold()
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = _Entity(
                key, gaz.get(place.gazetteer) if place.gazetteer else None
            )
        ent.mentions.append(idx)

    # Events only fill gaps, and only for a place inside the words an event rests on: an
    # event's place list may hold every place of its sentence.
    by_id = {p.id: i for i, p in enumerate(places) if p.id}
    for event in events:
        hint = _EVENT_HINTS.get(event.type)
        for pid in event.places:
            i = by_id.get(pid)
            if hint is None or i is None or cues[i].role or cues[i].excluded:
                continue
            place = places[i]
            inside = any(
                ev.span[0] <= place.span[0] and place.span[1] <= ev.span[1] for ev in event.evidence
            )
            if inside and place.country != "KP" and place.kind != "country":
                cues[i].role = hint
                cues[i].soft = True

    for ent in entities.values():
        e = ent.entry
        if e is not None and e.kind == "country" and e.country == "KP":
            # The DPRK is where the workers come from in every dispatch: named anywhere but in
            # a caption, dateline, byline or another story ("used by North Korean IT workers"),
            # it is the origin.
            for i in ent.mentions:
                if cues[i].excluded and cues[i].excluded not in _LAYOUT:
                    cues[i].excluded = None
        ent.role = _entity_role(ent, places, cues)

    _journey_transit(text, sentences, places, entities, cues)
    _apposed_regions(text, places, entities, cues)
    _propagate(entities, cues)
    _coordinated_countries(text, places, entities, cues)
    _outer_roles(entities)

    for ent in entities.values():
        for i in ent.mentions:
            places[i].role = "other" if cues[i].excluded or ent.role is None else ent.role


# --- reading one mention ---------------------------------------------------------------------


def _read_cue(
    cue: Cue,
    place: Place,
    entry: Entry | None,
    left: str,
    right: str,
    sentence_before: str,
    workers: bool,
) -> None:
    kp = place.country == "KP"
    country = place.kind == "country"
    prep, before = _governing(left)
    if prep is None and before and before[-1].lower() == "on" and _ISLAND.search(place.mention):
        prep, before = "on", before[:-1]  # "a housing estate on Russky Island": on the island
    last = before[-1].lower() if before else ""
    before_text = " ".join(before[-6:]).lower()

    # Where the mention is `other` whatever the place's role.
    if prep in ("against", "with", "by", "amid"):
        cue.excluded = f"'{prep} X'"
        return
    if prep and last in _SPEAKERS:
        if (
            prep == "of"
            and last in _HEADS
            and not kp
            and place.kind in ("region", "city")
            and _RIGHT_OWN_REGION_WORKERS.match(right)
        ):
            cue.role = "destination"  # "the governor of X said his region could take builders"
            return
        if (
            kp
            and not country
            and last in _KP_OFFICES
            and _KP_ENLIST.search(sentence_before + right)
        ):
            cue.role = "origin"  # "labour offices in X began taking names": recruitment there
            return
        cue.excluded = _SEAT
        return
    if _AVOIDED.search(sentence_before):
        cue.excluded = "a route or place the workers avoid"
        return
    if (prep in ("in", "at", "through", "via") and _MONEY_BEFORE.search(before_text)) or (
        _MONEY_MOVED.search(sentence_before[-60:]) or _RIGHT_ACCOUNTS.match(right)
    ):
        cue.excluded = "where money is held or a company registered"
        return
    if (
        place.kind == "region"
        and not kp
        and _RIGHT_HOST_STATES.match(right)
        and gazetteer().demonym(place.mention) is not None
    ):
        cue.role = "destination"  # "among 10 African countries hosting North Korean medics"
        return
    if (
        (country or place.kind == "region")
        and not kp
        and prep is None
        and gazetteer().demonym(place.mention) is not None
        and not _RIGHT_PLACE_NOUN.match(right)
    ):
        # A demonym is a mention of its place as a place ("the Russian city of X") or as the
        # host's employers ("Chinese companies hire ..."), not as other people or things:
        # "Russian finishers", "Americans", "U.S. assets", "a Siberian camp". A flag state
        # employing a crew ("working on Chinese vessels") is where they were sent, unless the
        # vessels are placed elsewhere ("... vessels in waters off Y").
        if _RIGHT_VESSELS.match(right):
            if _WORK_ON.search(before_text) and not _RIGHT_LOCATED.match(right):
                cue.role = "destination"
            else:
                cue.excluded = "a flag state's vessels, placed elsewhere or not worked on"
            return
        if place.mention.endswith("s") or _RIGHT_NATIONALS.match(right) or place.kind == "region":
            cue.excluded = "a demonym describing people or things, not the place"
            return
    if prep in ("in", "at") and _ATTRIBUTION_SEAT.search(left):
        cue.excluded = _SEAT
        return
    if (
        prep is None
        and place.kind == "city"
        and entry is not None
        and entry.name.lower() in _CAPITALS
        and place.mention.lower() == entry.name.lower()
        and not _LEFT_PLACE.search(sentence_before)
        and not _REACHED.search(sentence_before)
        and not _people_after(right)
    ):
        cue.excluded = "a capital standing for its government"
        return
    if prep and (last in _WAR or last in _RELATION):
        cue.excluded = f"'{last} {prep} X'"
        return
    if prep in ("in", "at") and last in _VENUES:
        cue.excluded = "venue of a meeting"
        return
    if place.kind == "region" and _ANAPHOR_BEFORE.search(left):
        cue.excluded = "a region word pointing back to named countries"
        return
    if prep in ("in", "at") and not before and _RIGHT_AUTHORITY.match(right):
        cue.excluded = "scene of an authority's act"
        return
    if country and not kp and (_RIGHT_HOST_SAID.match(right) or _RIGHT_HOST_ORDERS.match(right)):
        cue.role = "destination"  # "Russia said it had sent home 18,500 North Koreans"
        return
    if not right.startswith(("'s " + PLACE, "\u2019s " + PLACE)):
        for n, pattern in enumerate(_RIGHT_OTHER):
            # "X said" makes X the speaker only when X is the subject, not "who works in X".
            if (n != _SPEECH or prep is None) and pattern.match(right):
                cue.excluded = "seat of a speaker or agency, or the speaker"
                return

    # Transit: "via X", "A, B and C, and from there", "stayed in X before travelling".
    if (
        country
        and not kp
        and (
            _RIGHT_HOST_COUNTRIES.match(right)
            or (_RANGE_FROM.search(left) and (prep == "to" or _RIGHT_RANGE_TO.match(right)))
        )
    ):
        cue.role = "destination"  # "countries from X to Y", "as countries where they work"
        return
    if prep in ("via", "through") and _RIGHT_AGENCY.match(right):
        return  # "through a X staffing agency": the agency's seat, not a stop
    if (
        prep in ("via", "through")
        or _RIGHT_TRANSIT.match(right)
        or _RIGHT_STAGING.match(right)
        or (
            not kp
            and not country
            and prep in ("to", "in", "at", "into")
            and _RIGHT_AND_ON.match(right)
        )
    ):
        cue.role = "transit"
        return
    if _RIGHT_FORK.match(right) or (prep in ("in", "at") and _BRANCH_AT.search(before_text)):
        cue.role = "transit"
        cue.branch = True
        return
    if _RIGHT_DESTINATION.match(right):
        cue.role = "origin" if kp else "destination"
        return
    # A possessor naming where the next place lies ("Russia's Khasan Station") is no cue.
    if right.startswith(("'s ", "\u2019s ")) and PLACE in right[:40].split(".")[0]:
        return
    if not kp and not country and (_RIGHT_WHERE_WORK.match(right) or _RIGHT_THEM_WORK.match(right)):
        cue.role = "workplace"  # "... on to Khabarovsk, where they are renovating a depot"
        return
    if prep == "between":
        # "flights between Pyongyang and Vladivostok" carry workers only when the sentence says
        # so; a route reopened is news about the route.
        if cue.route_means and workers:
            cue.role = "origin" if kp else "destination"
            cue.soft = True
        return

    if prep == "near" and len(before) >= 2 and before[-1] == "," and before[-2].startswith(PLACE):
        cue.excluded = "a point locating another place ('X, north of Y')"
        return
    if prep == "off":
        if not kp:
            cue.role = "workplace"  # "fishing in waters off X": the sea where they work
        return
    if prep == "from":
        if _ACROSS_FROM.search(before_text):
            cue.excluded = "where another place lies ('across the river from X')"
        elif not kp and _VESSELS_FROM.search(before_text):
            cue.role = "destination" if country else "workplace"  # "boats operating from X"
        elif kp:
            cue.role = "origin"
        elif _RIGHT_FROM_ON.match(right):
            cue.role = "transit"
            cue.branch = True
        elif _BY_MEANS.search(before_text):
            cue.role = "transit"  # "crews arrive by train from Ussuriysk": a stop on the way
        elif _FROM_THERE.search(before_text) or (
            before_text.endswith(("workers", "laborers", "labourers")) and "return" in before_text
        ):
            cue.role = "destination"  # "defected from Russia": they had been sent there
        elif _RIGHT_ONWARD.match(right) or _DRAWN_FROM.search(sentence_before):
            cue.role = "transit"  # "travelled from Vladivostok by train through Khabarovsk"
        return
    if prep in ("to", "into", "toward", "towards", "onto", "for", "over"):
        if prep == "for" and not _FOR_LEAVING.search(before_text):
            return
        # The verb must be near: "connecting X to Y" far after "working on" is no dispatch.
        if _MOVE.search(sentence_before[-_VERB_REACH:]):
            if not kp:
                cue.role = "transit" if _FIRST_LEG.search(before_text) else "destination"
            else:
                cue.role = "origin"  # "sent to Pyongyang for training", "returned to Chongjin"
        return
    if prep == "in" and place.kind == "region" and before and before[-1].startswith(PLACE):
        return  # "reached X in the Y region": Y places X; its role follows X's (_apposed_regions)
    if place.kind == "region" and _CAPITAL_OF_LEFT.search(left):
        return
    if prep in (
        "in",
        "at",
        "inside",
        "within",
        "across",
        "throughout",
        "near",
        "outside",
        "around",
        "on",
    ):
        if kp:
            if (
                _ORIGIN_IN.search(before_text)
                or last in ("workers", "laborers")
                or (
                    not country
                    and _KP_GATHER.search(sentence_before + right)
                    and not _KP_BUILT.search(before_text)
                )
            ):
                cue.role = "origin"
            return
        if _ARRIVED_BEFORE.search(before_text) and _FURTHER_LEG.search(right):
            cue.role = "transit"  # "after landing at X, they were bused to Y"
        elif _HAD_BEEN.search(sentence_before) and _RIGHT_MOVED_ON.match(right):
            cue.role = "transit"  # "who had spent two years in X was moved to Y"
        elif prep == "at" and not country and _BORDER_AT.search(" ".join(before[-8:]).lower()):
            cue.role = "transit"  # "then across the border at X"
        elif _VIA_SITE.search(before_text):
            cue.role = "transit"  # "via the railway crossing at X"
        elif _ARRIVAL_LAST.search(before_text):
            if not country and place.kind != "region" and _RIGHT_PURPOSE_WORK.match(right):
                cue.role = "workplace"  # "arrived in X to rebuild port warehouses"
            else:
                cue.role = "destination"
        elif _WORK_AT.search(before_text) or _WORK_NEAR.search(before_text):
            if (
                country
                or _MODAL.search(sentence_before)
                or (place.kind == "region" and last in _EMPLOYERS)
            ):
                cue.role = "destination"
            else:
                cue.role = "workplace"
        elif (
            not country
            and workers
            and len(sentence_before.split()) <= 6
            and _CLAUSE_WORK.match(right)
        ):
            cue.role = "workplace"  # "In the taiga north of X, loggers have been felling larch"
        elif not country and workers and _RIGHT_DOING_WORK.match(right):
            cue.role = "workplace"  # "teams sit in X and Y, writing apps for clients"
        elif _STAY_AT.search(before_text) or workers or last in _GROUPS:
            cue.role = "destination"
        return
    if prep == "of":
        if kp and last in ("residents", "people", "natives", "citizens", "out"):
            cue.role = "origin"
        return
    if prep:
        return

    # No preposition: left from, a demonym, or the subject of a verb.
    if _LEFT_PLACE.search(sentence_before):
        cue.role = "origin" if kp else "destination"  # "left Russia": they had been there
        return
    if not kp and _REACHED.search(sentence_before):
        cue.role = "destination"  # "the worker reached Seoul"
        return
    if (
        not kp
        and place.kind in ("city", "town", "facility")
        and _REBUILD_LAST.search(sentence_before)
    ):
        cue.role = "workplace"  # "to help rebuild the war-damaged city of Mariupol"
        return
    if kp and _people_after(right):
        cue.role = "origin"
        return
    if country and not kp and _WORK_ON.search(before_text):
        cue.role = "destination"  # "fishermen working on Chinese vessels"
        return
    if kp and place.kind != "country" and place.mention.endswith(("ites", "ers")):
        cue.role = "origin"  # "Pyongyangites" are people from Pyongyang
        return
    if _SUBJECT_SENDS.match(right):
        if kp:
            cue.role = "origin"
        return
    if not kp and _SUBJECT_RECEIVES.match(right):
        cue.role = "destination"
        return
    if place.kind == "region" and not kp and workers and _MOVE.search(sentence_before):
        cue.role = "destination"  # "...workers to help rebuild the occupied territories"
        cue.soft = True


def _people_after(right: str) -> bool:
    """ "X workers", "X construction crews" (but not "X screens builders": a verb between)."""
    m = _PEOPLE.match(right)
    return m is not None and not any(_VERBISH.match(w) for w in m.group().split()[:-1])


def _governing(left: str) -> tuple[str | None, list[str]]:
    """The preposition that governs a mention, and the words before that preposition."""
    words = _WORD.findall(left)
    tail = [w.lower() for w in words[-4:]]
    if tail[-3:] == ["as", "far", "as"]:
        return "in", words[:-3]  # "to building sites as far as X": X is where those sites are
    if tail == ["as", "far", "away", "as"]:
        return "in", words[:-4]
    i = len(words) - 1
    skipped = 0
    while i >= 0 and skipped < 10:
        w = words[i]
        lw = w.lower()
        if (
            lw == "of"
            and i > 0
            and words[i - 1].lower() in _DIRECTIONS
            and (i < 2 or words[i - 2].lower() not in ("the", "far"))
        ):
            return "near", words[: i - 1]  # "the taiga north of X": near X
        if lw == "of" and [x.lower() for x in words[max(0, i - 2) : i]] == ["by", "way"]:
            return "via", words[: i - 2]  # "by way of X and Y"
        if lw in _PREPOSITIONS and not (lw == "of" and i > 0 and words[i - 1].lower() in _NP_WORDS):
            return lw, words[:i]
        if lw == "on" and any(x.lower() in _ON_NOUNS for x in words[i + 1 :]):
            return "on", words[:i]  # "on the outskirts of X", "on the southern edge of X"
        if w == ")" or w == "]":
            opening = "(" if w == ")" else "["
            while i >= 0 and words[i] != opening:
                i -= 1
        elif not (
            lw in _NP_WORDS
            or lw in (",", "and", "or", "en", "route", "all")
            or w.startswith(PLACE)
            or lw == "of"
        ):
            return None, words[: i + 1]
        i -= 1
        skipped += 1
    return None, words[: i + 1]


def _window(text: str, places: list[Place], idx: int, a: int, b: int, before: bool) -> str:
    """text[a:b] with the other place mentions in it replaced by PLACE."""
    parts: list[str] = []
    pos = a
    rng = range(idx - 1, -1, -1) if before else range(idx + 1, len(places))
    spans = []
    for j in rng:
        s, e = places[j].span
        if (before and e <= a) or (not before and s >= b):
            break
        spans.append((s, e))
    for s, e in sorted(spans):
        s, e = max(s, a), min(e, b)
        if s < pos:
            continue
        parts.append(text[pos:s])
        parts.append(PLACE)
        pos = e
    parts.append(text[pos:b])
    return "".join(parts)


def _marked_lines(text: str) -> list[tuple[int, int]]:
    """Spans of captions, bylines and datelines: places there are `other`."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if (
            _CAPTION_CREDIT.search(line)
            or _CAPTION_START.match(line)
            or _BYLINE.match(line)
            or (_EMAIL.search(line) and len(line) < 120)
        ):
            spans.append(m.span())
            continue
        d = _DATELINE.match(line)
        if d:
            spans.append((m.start(), m.start() + d.end()))
    return spans


def _sentence_coreference(
    text: str, sentences: list[Sentence], places: list[Place], cues: list[Cue]
) -> None:
    """ "...transiting through the country": the one foreign country the sentence names; "a
    source in X said ... at a site in the city's north": X, the speaker's seat, is a workplace."""
    for i, cue in enumerate(cues):
        if places[i].kind not in ("city", "town") or cue.excluded != _SEAT or cue.sentence < 0:
            continue
        sentence_end = sentences[cue.sentence].end
        later = _CITY_AGAIN.search(text, places[i].span[1], sentence_end)
        if later and (
            _WORK_NEAR.search(text, max(places[i].span[1], later.start() - 40), later.start())
            or _CITY_WHERE_WORK.match(text, later.end(), sentence_end)
        ):
            cue.excluded = None
            cue.role = "workplace"
    by_sentence: dict[int, list[int]] = {}
    for i, cue in enumerate(cues):
        if places[i].kind == "country" and places[i].country != "KP":
            by_sentence.setdefault(cue.sentence, []).append(i)
    for k, idxs in by_sentence.items():
        if k < 0 or len({places[i].country for i in idxs}) != 1:
            continue
        sent = text[sentences[k].start : sentences[k].end]
        role: Role | None = None
        if _COUNTRY_TRANSIT.search(sent):
            role = "transit"
        elif _COUNTRY_HOLDS_WORKERS.search(sent):
            role = "destination"
        if role is None:
            continue
        # The mention nearest before "the country" is the one it refers back to.
        for i in reversed(idxs):
            if cues[i].excluded in _LAYOUT or cues[i].role not in (None, "destination"):
                continue
            cues[i].excluded = None
            cues[i].role = role
            break


# --- the whole journey -----------------------------------------------------------------------


def _entity_role(ent: _Entity, places: list[Place], cues: list[Cue]) -> Role | None:
    live = [i for i in ent.mentions if not cues[i].excluded]
    if not live:
        return None
    roles = {cues[i].role for i in live if cues[i].role}
    place = places[ent.mentions[0]]
    kind = place.kind
    if kind in ("station", "border_crossing"):
        # The border stations and the bridge are passed through, not lived in.
        return "workplace" if roles == {"workplace"} else "transit"
    if place.country == "KP":
        if kind == "country":
            return "origin"  # the workers come from the DPRK in every dispatch
        if "transit" in roles:
            return "transit"
        return "origin" if "origin" in roles else None
    if kind == "country":
        if roles == {"workplace"}:
            return "workplace"  # only "in waters off X": the sea off that country is worked
        if "destination" in roles or "workplace" in roles:
            return "destination"
        return "transit" if "transit" in roles else None
    if "transit" in roles:
        return "transit"
    if "workplace" in roles:
        return "workplace"
    if "destination" in roles:
        return "destination"
    return None


# "flew from X to Y and were then put on flights to Z": Z ends that journey, nothing follows.
_WHOLE_ROUTE_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z]")
_FURTHER_AFTER = re.compile(
    r"\b(?:then|onward|on\s+to|before|from\s+there|later|after\s+which|where)\b|\bvia\b"
)


def _ends_own_route(text: str, sentences: list[Sentence], place: Place, cue: Cue) -> bool:
    """Is the mention the end of a whole route its sentence gives, from a start to it?"""
    if cue.sentence < 0:
        return False
    sentence = sentences[cue.sentence]
    return bool(
        _WHOLE_ROUTE_BEFORE.search(text, sentence.start, place.span[0])
        and not _FURTHER_AFTER.search(text, place.span[1], sentence.end)
    )


def _journey_transit(
    text: str,
    sentences: list[Sentence],
    places: list[Place],
    entities: dict[str, _Entity],
    cues: list[Cue],
) -> None:
    """A stop named only in a sentence about the route ("fly them to Vladivostok", "to Moscow via
    Beijing") is transit when the report's journey ends in a further place elsewhere."""
    g = gazetteer()
    finals = [
        e
        for e in entities.values()
        if e.role in ("destination", "workplace")
        and e.entry is not None
        and e.entry.kind != "country"
        and any(not cues[i].excluded and cues[i].role for i in e.mentions)
    ]
    # Countries named as destinations: a report on several host countries ("flights on to
    # Kinshasa" next to sites in Luanda) has one journey's end in each.
    host_countries = {
        e.entry.country
        for e in entities.values()
        if e.role == "destination" and e.entry is not None and e.entry.kind == "country"
    }
    for ent in entities.values():
        if (
            ent.role != "destination"
            or ent.entry is None
            or ent.entry.kind in ("country", "region")
        ):
            continue
        cued = [i for i in ent.mentions if cues[i].role == "destination" and not cues[i].excluded]
        if not cued or not all(cues[i].route_means for i in cued):
            continue
        for final in finals:
            f = final.entry
            assert f is not None
            if final is ent or g.contains(ent.entry, f) or final.role == "transit":
                continue  # (a stop found to be on the way, earlier in this loop, is no end)
            if (
                f.country != ent.entry.country
                and {f.country, ent.entry.country} <= host_countries
                and all(_ends_own_route(text, sentences, places[i], cues[i]) for i in cued)
            ):
                continue  # two host countries, each with its own journey's end
            if final.role == "workplace":
                # Flown to X, then taken to work in a further place (or in X's region): X is a
                # stop on the way. A region is a further place only when work there is named.
                if f.kind != "region" or any(cues[i].role == "workplace" for i in final.mentions):
                    ent.role = "transit"
                    break
                continue
            if g.contains(f, ent.entry):
                continue
            if f.country != ent.entry.country or f.kind == "region":
                ent.role = "transit"
                break


# "reached X in the Y region", "X, Y region": the region named right after a place holds it.
_APPOSED = re.compile(
    r"^(?:\s+in\s+(?:the\s+)?|\s*,\s*(?:in\s+)?(?:the\s+)?|"
    r"\s*,\s*(?:the\s+)?(?:[\w\-]+\s+)?(?:capital|centre|center|seat)\s+of\s+(?:the\s+)?)$"
)
# "Kazan, the capital of Tatarstan": the region only places the city before it.
_CAPITAL_OF_LEFT = re.compile(
    r"PLACE\s*,\s*(?:the\s+)?(?:[\w\-]+\s+)?(?:capital|centre|center|seat)\s+of\s+(?:the\s+)?$"
)
_DISTRICT_OF = re.compile(
    r"^\s+(?:district|county|raion|area|municipality|region)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def _apposed_regions(
    text: str, places: list[Place], entities: dict[str, _Entity], cues: list[Cue]
) -> None:
    """A region with no role of its own, named right after an end of the journey as the region
    it lies in, is a destination: the gazetteer may not know that the town lies in it."""
    by_key = {p.gazetteer: entities[p.gazetteer] for p in places if p.gazetteer in entities}
    for i in range(1, len(places)):
        place = places[i]
        ent = by_key.get(place.gazetteer or "")
        if ent is None or place.kind != "region" or cues[i].excluded:
            continue
        prev = by_key.get(places[i - 1].gazetteer or "")
        if prev is None or prev.role not in ("destination", "workplace") or cues[i - 1].excluded:
            continue
        if place.country != places[i - 1].country or places[i - 1].kind == "region":
            continue
        gap = text[places[i - 1].span[1] : place.span[0]]
        if ent.role is None and _APPOSED.match(gap):
            ent.role = "destination"
        elif ent.role == "workplace" and prev.role == "workplace" and _DISTRICT_OF.match(gap):
            ent.role = "destination"  # the region holding the named site of work


def _propagate(entities: dict[str, _Entity], cues: list[Cue]) -> None:
    """A named region or country holding (or held by) the destination is a destination too:
    "Primorsky Krai" when workers arrive in Vladivostok, "Ukraine" when they go to the Donbas."""
    g = gazetteer()
    ends = [e for e in entities.values() if e.role in ("destination", "workplace") and e.entry]
    passes = [e for e in entities.values() if e.role == "transit" and e.entry]
    for ent in entities.values():
        if ent.role is not None or ent.entry is None or ent.entry.kind not in ("country", "region"):
            continue
        if ent.entry.country == "KP":
            continue
        if all(cues[i].excluded for i in ent.mentions):
            continue
        outer = ent.entry
        if any(
            g.contains(outer, e.entry) or (outer.kind == "region" and g.contains(e.entry, outer))
            for e in ends
            if e.entry is not None
        ):
            ent.role = "destination"
        elif outer.kind == "country" and any(
            g.contains(outer, e.entry) for e in passes if e.entry is not None
        ):
            ent.role = "transit"


def _coordinated_countries(
    text: str, places: list[Place], entities: dict[str, _Entity], cues: list[Cue]
) -> None:
    """A country listed next to a destination country ("activity in China, Russia and Laos")
    is a destination too, when nothing else gives it a role."""
    by_key = {p.gazetteer or "": entities[p.gazetteer] for p in places if p.gazetteer in entities}
    for i, place in enumerate(places):
        ent = by_key.get(place.gazetteer or "")
        if ent is None or ent.role is not None or place.kind != "country" or cues[i].excluded:
            continue
        if place.country == "KP":
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(places) or places[j].kind != "country":
                continue
            a, b = sorted((i, j))
            gap = text[places[a].span[1] : places[b].span[0]]
            other = by_key.get(places[j].gazetteer or "")
            if (
                _LIST_GAP.match(gap)
                and other is not None
                and other.role == "destination"
                and not cues[j].excluded
            ):
                ent.role = "destination"
                break


_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _outer_roles(entities: dict[str, _Entity]) -> None:
    """A country or macro-region holding a site of work is the destination, not the site
    ("logging operations in the Russian Far East ... camps in the Amur region")."""
    g = gazetteer()
    ends = [
        e
        for e in entities.values()
        if e.role in ("destination", "workplace") and e.entry is not None
    ]
    for ent in entities.values():
        outer = ent.entry
        if outer is None or outer.kind not in ("country", "region") or outer.country == "KP":
            continue
        inside = [e for e in ends if e is not ent and e.entry and g.contains(outer, e.entry)]
        # Only a country or a macro-region (no admin1: the Far East, occupied Ukraine): work
        # in a province holding a named site ("builders in the Amur region ... in Tynda") is
        # still work there.
        if ent.role == "workplace" and inside and not outer.admin1:
            ent.role = "destination"
