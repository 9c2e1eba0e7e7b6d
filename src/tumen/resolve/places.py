"""Place mentions: find them in the text, resolve each against the gazetteer, give it a role.

`find_places` scans capitalised words once, takes the longest gazetteer name (or demonym) at each
position, and resolves it from context: the curated reading of a name first (that is the reading
in this genre), otherwise the candidate in a country the report is about, otherwise the most
populous. Descriptive phrases for the occupied territories ("the southern areas of Ukraine held
by Russia") are found by pattern; the country they name stays a place of its own. A capitalised
name that the gazetteer lacks, right after a strong dispatch cue ("sent to Zzyzxgrad"), is kept
as an unresolved place (lat/lon null) rather than dropped or guessed.

`assign_roles` sets each place's role in the whole journey: `tumen.resolve.roles` reads each
mention's context, `tumen.resolve.journey` settles the roles over the whole report.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from tumen.model import Event, Place, Sentence
from tumen.resolve.gazetteer import Entry, Gazetteer, exact_form, gazetteer, normalize
from tumen.resolve.journey import assign_journey_roles
from tumen.resolve.role_types import Cue
from tumen.resolve.roles import analyse_mentions

__all__ = ["Candidate", "assign_roles", "explain", "find_places"]

_TOKEN = re.compile(r"[^\W\d_]+")
_WORD_BREAK = re.compile(r"[ ']")
# What may separate the words of one name: "Rajin-Sonbong", "St. Petersburg", "P'yongyang".
_NAME_GAPS = frozenset({" ", "-", "\u2010", "\u2011", "\u2013", "\u2014", ".", ". ", "'", "\u2019"})

# Names the gazetteer would resolve but that are not places of a dispatch: rivers and seas,
# and names of media and parties that contain a place ("Kyiv Independent", "United Russia").
_BLOCKED = frozenset(
    normalize(n)
    for n in (
        "Tumen River",
        "Tuman River",
        "Amur River",
        "Ussuri River",
        "Yalu River",
        "Yalu",
        "Amnok River",
        "Duman River",
        "East Sea",
        "Sea of Japan",
        "Yellow Sea",
        "Korean Peninsula",
        "Korea",
        "Koreas",
        "Korean",
        "Koreans",
        "Kyiv Independent",
        "Kyiv Post",
        "Moscow Times",
        "Korea Herald",
        "Korea Times",
        "Korea JoongAng Daily",
        "Japan Times",
        "China Daily",
        "New York Times",
        "Washington Post",
        "South China Morning Post",
        "Radio Free Asia",
        "Free Asia",
        "Voice of America",
        "United Russia",
        "Russia Today",
        "Far Eastern Railway",
        "Far Eastern Federal University",
        "Daily NK",
        "NK News",
        # An airline and a law whose names hold a place ("Koryo" is also Gangneung in GeoNames).
        "Air Koryo",
        "Koryo",
        "Countering America's Adversaries Through Sanctions Act",
        "Countering America's Adversaries",
    )
)
# A name directly followed by one of these words is part of an organisation's name.
_ORG_AFTER = re.compile(
    r"[ \-](?:Institute|University|Univ|Times|Herald|Post|Daily|News|Ilbo|Journal|Foundation|"
    r"Group|Corporation|Corp|Company|Co|Bank|Airlines?|Express|Broadcasting|Agency|Tribune|"
    r"Gazette|Review|Observer|Today|Network|Radio|Television|TV)\b"
)

_CURRENCY_AFTER = re.compile(r"\s*\$|\s+dollars?\b")
# "North America", "Latin America": a continent, not the United States.
_CONTINENT_BEFORE = re.compile(r"\b(?:North|South|Latin|Central)[ \-]$")
# "Phnom Penh International Airport": a capitalised facility word after a name is no surname.
_FACILITY_AFTER = frozenset(
    "international airport airfield station railway port harbour harbor bridge".split()
)

# Ordinary words and given names that GeoNames also lists as towns ("Police" in Poland, "Most" in
# Czechia, "March" in England, "Vladimir" in Russia): never a place unless the curated table says.
_COMMON = frozenset(
    """a of the in at to for and or but is was be by on as it its this that with from
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    police most split nice reading bath deal mobile orange union independence victoria hope
    progress nation liberty justice enterprise university centre center central national capital
    read given many much more like along early late mid same best born bar sale gap male
    labor labour worker workers river sea bay lake island port station city town state states
    north south east west northern southern eastern western republic federation government
    kim park lee moon chung cho choi kang shin jang yoon jong han un il sung putin vladimir
    irina oleg alexei antony marat mark alisher sergei dmitry peter paul john victor nikolai
    friendship security council resolution sanctions defense defence ministry service agency
    intelligence party army navy korean chinese russian american japanese many media news
    daily times herald radio free asia europe africa america union world global international
    unification reuters yonhap tass kcna novosti sputnik
    """.split()
)
_TITLES = frozenset(
    "president mr mrs ms dr prof professor leader minister chairman general gen premier "
    "ambassador governor mayor secretary deputy spokesperson spokesman".split()
)
# Capitalised words that may stand before a place name without making it part of a person's.
_FUNCTION_CAPS = frozenset(
    "in to from at via near of the and or but for with by on as into across through since "
    "while when after before during a an both".split()
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|to|from|via|at|near|outside|around|toward|towards|through|into|across|of)\s+"
    r"(?:the\s+)?$"
)
# "in Chongjin and Hoeryong", "to Kano, Kaduna or Jos": a small town listed after a place that a
# preposition governs is governed by it too.
_LISTED_AFTER = re.compile(
    r"\b(?:in|to|from|via|at|near|through|into)\s+(?:the\s+)?"
    r"(?P<first>[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)?)"
    r"(?:\s*,\s*[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)?)*\s*,?\s+(?:and|or)\s+$"
)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|outskirts\s+of|suburbs\s+of|vicinity\s+of|close\s+to|"
    r"(?<!the\s)(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)"
    r"\s+(?:the\s+)?$"
)
# "Donggang, a port town south-west of Dandong": the other town is placed from this one, which
# is named as itself, not as a point near it.
_REFERENCE_POINT = re.compile(
    r"\b(?:town|city|port|village|county|settlement)\s+(?:\w+\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$"
)
_REGION_CONTEXT = re.compile(
    r"\b(?:territor(?:y|ies)|republics?|regions?|oblasts?|provinces?|separatists?|DPR|LPR|"
    r"People['\u2019]s\s+Republic)\b"
)

# The occupied territories, described rather than named. The country named inside the phrase
# ("...parts of eastern Ukraine") is left out of the region's span: it is a place of its own.
_OCC_ADJ = r"(?:(?:Russian|Russia)[\-\u2010\u2011\u2013 ])?(?:[Oo]ccupied|[Cc]ontrolled|[Hh]eld|[Aa]nnexed)"
_OCC_NOUN = r"(?:parts?|areas?|regions?|territor(?:y|ies)|lands?|provinces?|oblasts?|zones?)"
_DIRECTION = r"(?:(?:eastern|southern|south-eastern|southeastern|east|south)\s+)?"
# What follows "parts of Ukraine" to make them the occupied ones: a participle, maybe after an
# adverb or a relative's verb ("(that are) now held by Russia"), or a relative clause with Russia
# as its subject ("that Russia occupies", "which Moscow has annexed").
_OCC_BY = r"(?:Russia|Moscow|Russian\s+(?:forces|troops|army))"
_OCC_WHEN = (
    r"(?:(?:now|currently|still|partly|partially|largely|mostly|illegally|temporarily|already|"
    r"effectively|de\s+facto)\s+)?"
)
_OCC_CLAUSE = (
    rf"(?:(?:(?:that|which)\s+(?:are|is|were|was|remain|have\s+been|has\s+been)\s+)?{_OCC_WHEN}"
    rf"(?:occupied|controlled|held|annexed|seized|captured)\s+by\s+{_OCC_BY}"
    rf"|(?:that|which)\s+{_OCC_BY}\s+{_OCC_WHEN}(?:occupies|holds|controls|(?:has\s+)?"
    r"(?:occupied|annexed|seized|captured|taken)|took|annexed|occupied|seized|captured))"
)
_OCCUPIED = (
    re.compile(
        rf"\b{_OCC_ADJ}\s+{_DIRECTION}{_OCC_NOUN}\b"
        r"(?:\s+in\s+the\s+country['\u2019]s\s+(?:east|south|southeast|east\s+and\s+south))?"
    ),
    re.compile(rf"\b{_DIRECTION}{_OCC_NOUN}(?=\s+of\s+{_DIRECTION}Ukraine,?\s+{_OCC_CLAUSE})"),
    re.compile(rf"\b{_OCC_ADJ}(?=\s+{_DIRECTION}Ukraine\b)"),
)
_UKRAINE_CONTEXT = re.compile(
    r"\b(?:Ukrain\w*|Donbas+|Donetsk|Luhansk|Lugansk|Zaporizh\w*|Zaporozh\w*|Kherson|Crimea\w*|"
    r"Mariupol|Melitopol)\b"
)
# "occupied parts of Zaporizhzhia": the phrase names that region, and takes it as its entry.
_OCCUPIED_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'\u2019\-]+(?:\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince))?)"
)
# Names that are also rivers (and "Tumen", this project): after "the", or before a common noun
# ("the Tumen team", "the Amur"), they are not the city or region.
_RIVER_NAMES = frozenset({"tumen", "tuman", "amur", "ussuri", "yalu", "tumannaya"})
_THE_BEFORE = re.compile(r"(?i:\bthe\s+)$")
_NOUN_AFTER = re.compile(
    r"\s+(?:team|teams|project|projects|tool|software|database|river|basin|estuary|delta|valley|"
    r"bank|banks|waters|area\s+development|initiative|programme|program|group)\b"
)
_OCCUPIED_BEFORE = re.compile(
    r"(?:[Oo]ccupied|[Cc]ontrolled|[Hh]eld|[Aa]nnexed|so-called|"
    r"(?P<part>(?:[Pp]arts?|[Aa]reas?|[Rr]egions?)\s+of))\s+(?:the\s+)?$"
)
# Oblasts Russia occupies in part whose capital city Ukraine holds (Kherson since November
# 2022, Zaporizhzhia throughout): "occupied Kherson" can only mean the region.
_HELD_CITY_REGIONS = frozenset({"tumen:kherson-region", "tumen:zaporizhzhia-region"})
# "the Russian-occupied part of Ukraine's Kherson region": the named region says it all.
_OF_UKRAINES = re.compile(r"\s+of\s+(?:the\s+)?Ukraine['\u2019]s\s+")
_CITY_OF_BEFORE = re.compile(r"\b(?:city|town)\s+of\s+$")
_OCCUPIED_ID = "tumen:occupied-east-ukraine"
_THE_OCCUPIED_ONE = re.compile(r"(?i:the )occupied (?:territory|region|area|zone)")
# "to rebuild occupied areas" with no article, after one named oblast: the same oblast, spoken of
# in general terms, not the whole occupied east.
_BARE_OCCUPIED = re.compile(r"occupied (?:areas|territories)")
# Regions written as a lower-case direction before a country ("north-eastern China"): the scan
# only starts at capitals, so these are found by pattern and take the region's entry.
_DIRECTED_REGIONS = (
    (
        re.compile(r"\b[Nn]orth[\-\u2010\u2011 ]?east(?:ern)?\s+China\b"),
        "tumen:northeast-china",
    ),
)

# A name the gazetteer lacks is kept when a strong dispatch cue stands right before it.
_UNKNOWN_AFTER_CUE = re.compile(
    r"\b(?:sent|dispatched|deployed|transferred|relocated|moved|arrived|working|worked|works|"
    r"employed|recruited|heading|headed|bound|destined|taken|brought|shipped|flown|assigned|"
    r"transported|transit(?:ed|ing)?|travel(?:l?ed|l?ing))\s+(?:to|in|at|for|from|into|via|through)\s+"
    r"(?:the\s+(?:city|town|village|port|settlement|region|district|province)\s+of\s+)?"
    r"(?P<name>[A-Z][a-z\u00e0-\u017f]+(?:[\-\u2010 ][A-Z][a-z\u00e0-\u017f]+){0,2})"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may mean, with its score and why."""

    entry: Entry
    score: float
    reasons: tuple[str, ...]


def find_places(text: str, sentences: list[Sentence]) -> list[Place]:
    """Every place mention in the text, resolved, with a provisional (mention-level) role."""
    gaz = gazetteer()
    taken: list[tuple[int, int]] = []
    raw: list[tuple[int, int, Entry | None, bool]] = []  # start, end, entry, is_demonym

    if _UKRAINE_CONTEXT.search(text):
        region = gaz.get(_OCCUPIED_ID)
        for pattern in _OCCUPIED:
            for m in pattern.finditer(text):
                end, entry = m.end(), region
                if _OF_UKRAINES.match(text, end):
                    continue
                named = _OCCUPIED_OF.match(text, end)
                if named:
                    # "occupied parts of Zaporizhzhia": that oblast, as one mention
                    inner = _ukraine_region(gaz, named.group("name"))
                    if inner is not None:
                        end, entry = named.end(), inner
                if not _overlaps(taken, m.start(), end):
                    taken.append((m.start(), end))
                    raw.append((m.start(), end, entry, False))

    for pattern, region_id in _DIRECTED_REGIONS:
        directed = gaz.get(region_id)
        for m in pattern.finditer(text):
            if directed is not None and not _overlaps(taken, m.start(), m.end()):
                taken.append(m.span())
                raw.append((m.start(), m.end(), directed, False))

    raw.extend(_scan_names(text, gaz, list(taken)))
    raw.sort(key=lambda r: r[0])
    _refer_back(text, raw)
    taken = [(start, end) for start, end, _e, _d in raw]
    sentence_starts = [s.start for s in sentences]
    doc_countries = {e.country for _s, _e, e, _d in raw if e and e.curated and e.country}

    places: list[Place] = []
    near: set[int] = set()  # starts of mentions read as "near X" (precision 2)
    for start, end, entry, _demonym in raw:
        mention = text[start:end]
        if entry is None:
            places.append(_unresolved(mention, start, end))
            continue
        if not entry.curated and entry.kind != "country":
            best = _choose(
                gaz, normalize(mention), text, start, sentences, sentence_starts, doc_countries
            )
            entry = best.entry if best else entry
        entry = _region_twin(gaz, entry, mention, text, start, sentences, sentence_starts)
        precision = entry.precision
        if (
            precision == 1
            and _NEAR_BEFORE.search(text, max(0, start - 30), start)
            and not _REFERENCE_POINT.search(text, max(0, start - 40), start)
        ):
            precision = 2  # "near Vladivostok": a point near a site
            near.add(start)
        places.append(
            Place(
                mention=mention,
                span=(start, end),
                name=entry.name,
                country=entry.country,
                lat=entry.lat,
                lon=entry.lon,
                kind=entry.kind,
                precision=precision,
                admin1=entry.admin1,
                gazetteer=entry.id,
            )
        )
    places.extend(_find_unknown(text, taken))
    places.sort(key=lambda p: p.span)
    cues = analyse_mentions(text, sentences, places)
    for place, cue in zip(places, cues, strict=True):
        place.role = cue.provisional
    if near:
        _near_named_plainly(places, cues, near)
    return places


def _near_named_plainly(places: list[Place], cues: list[Cue], near: set[int]) -> None:
    """A town the report also names plainly ("arrived in X" ... "a site outside X") is one
    place: "near X" is then a point of the town the report is about, not a second place."""
    plain = {
        p.gazetteer
        for p, cue in zip(places, cues, strict=True)
        if p.precision == 1 and p.span[0] not in near and not cue.excluded
    }
    for place in places:
        if place.span[0] in near and place.gazetteer in plain:
            place.precision = 1


def assign_roles(
    text: str, sentences: list[Sentence], places: list[Place], events: list[Event]
) -> None:
    """Set each place's role in the whole journey the report describes (extraction.md, Roles)."""
    assign_journey_roles(text, sentences, places, events)


def explain(name: str, context: str = "") -> list[Candidate]:
    """The candidates for a name, best first, with the reasons for their order (`tumen place`)."""
    gaz = gazetteer()
    key = normalize(name)
    doc_countries = {
        e.country
        for m in _TOKEN.finditer(context)
        for e in gaz.candidates(normalize(m.group()))[:1]
        if e.kind == "country" and e.country
    }
    demonym = gaz.demonym(name)
    out: list[Candidate] = []
    if demonym:
        out.append(Candidate(demonym, 100.0, ("demonym in the curated table",)))
    for rank, entry in enumerate(gaz.candidates(key)):
        if entry.curated:
            out.append(
                Candidate(
                    entry, 50.0 - rank, ("curated: the reading of this name in dispatch reporting",)
                )
            )
        else:
            score, reasons = _score(entry, doc_countries, set())
            out.append(Candidate(entry, score, reasons))
    out.sort(key=lambda c: -c.score)
    return out


# --- scanning -------------------------------------------------------------------------------


def _scan_names(
    text: str, gaz: Gazetteer, taken: list[tuple[int, int]]
) -> list[tuple[int, int, Entry | None, bool]]:
    prefixes = _prefixes()
    reserved = list(taken)  # the occupied-territory phrases; the scan itself never overlaps
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[tuple[int, int, Entry | None, bool]] = []
    n = len(tokens)
    i = 0
    while i < n:
        first = i
        start = tokens[i][0]
        if not text[start].isupper() or (reserved and _overlaps(reserved, start, tokens[i][1])):
            i += 1
            continue
        best: tuple[int, int, str] | None = None
        j = i
        while j < n and j - i < gaz.max_words:
            if j > i and text[tokens[j - 1][1] : tokens[j][0]] not in _NAME_GAPS:
                break
            end = tokens[j][1]
            key = normalize(text[start:end])
            if key in gaz.names or key in gaz.demonyms or key in _BLOCKED:
                best = (j, end, key)
            if key not in prefixes:
                break
            j += 1
        if best is None:
            i += 1
            continue
        j, end, key = best
        i = j + 1
        if key in _BLOCKED:
            continue
        if key in _RIVER_NAMES and (
            _THE_BEFORE.search(text, max(0, start - 6), start) or _NOUN_AFTER.match(text, end)
        ):
            continue  # "the Amur", "the Tumen team": a river or a name, not the city
        surface = text[start:end]
        if "." in surface and text[end : end + 1] == ".":
            end += 1  # "U.S." keeps its last full stop
            surface = text[start:end]
        if key in gaz.exact and exact_form(surface) not in gaz.exact[key]:
            continue  # "Us" is not "US"
        if reserved and _overlaps(reserved, start, end):
            continue
        demonym = gaz.demonyms.get(key)
        if demonym:  # "North Korean workers", "Pyongyangites": a mention of the place
            found.append((start, end, gaz.get(demonym), True))
            taken.append((start, end))
            continue
        candidates = gaz.candidates(key)
        if not candidates:
            continue
        top = candidates[0]
        if _ORG_AFTER.match(text, end) and top.kind != "country":
            continue
        if _CURRENCY_AFTER.match(text, end):
            continue  # "U.S. $100", "US dollars": money, not a place
        if key in ("america", "americas") and _CONTINENT_BEFORE.search(
            text, max(0, start - 8), start
        ):
            continue
        if not top.curated and top.kind != "country":
            if not _plausible(text, tokens, first, j, key, top):
                continue
        found.append((start, end, top, False))
        taken.append((start, end))
    return found


def _plausible(
    text: str, tokens: list[tuple[int, int]], first: int, last: int, key: str, entry: Entry
) -> bool:
    """Is an uncurated GeoNames town really a place here, not a word or part of a person's name?"""
    start, end = tokens[first][0], tokens[last][1]
    surface = text[start:end]
    if key in _COMMON:
        return False
    if surface.isupper() and len(surface) > 1 and entry.population < 1_000_000:
        return False  # headline capitals: only the great cities ("SEOUL -") are trusted
    before = text[max(0, start - 40) : start]
    if first > 0:
        p_start, p_end = tokens[first - 1]
        prev = text[p_start:p_end]
        if text[p_end:start] == " " and prev[0].isupper():
            sentence_initial = p_start == 0 or text[max(0, p_start - 2) : p_start].strip() in {
                "",
                ".",
                '"',
                "\u201c",
            }
            if prev.lower() in _TITLES or (
                prev.lower() not in _FUNCTION_CAPS and not sentence_initial
            ):
                return False  # "Jeong Yon Park", "President Putin"
    if last + 1 < len(tokens):
        n_start, n_end = tokens[last + 1]
        if (
            text[end:n_start] == " "
            and text[n_start].isupper()
            and text[n_start:n_end].lower() not in _FACILITY_AFTER
        ):
            return False  # "Vladimir Putin", "Marat Khusnullin"
    if entry.population < 100_000 and not _LOCATIVE_BEFORE.search(before):
        listed = _LISTED_AFTER.search(text, max(0, start - 80), start)
        if listed is None or normalize(listed.group("first")) not in gazetteer().names:
            return False
    return True


@cache
def _prefixes() -> frozenset[str]:
    """Every proper word-prefix of a multi-word name: the scan stops as soon as none matches."""
    gaz = gazetteer()
    out: set[str] = set()
    for key in (*gaz.names, *gaz.demonyms, *_BLOCKED):
        if " " in key or "'" in key:
            # Words are split at apostrophes too ("people's" is "people", "s").
            out.update(key[: m.start()] for m in _WORD_BREAK.finditer(key))
    return frozenset(out)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- resolution -----------------------------------------------------------------------------


def _choose(
    gaz: Gazetteer,
    key: str,
    text: str,
    start: int,
    sentences: list[Sentence],
    sentence_starts: list[int],
    doc_countries: set[str],
) -> Candidate | None:
    sentence_countries: set[str] = set()
    k = bisect_right(sentence_starts, start) - 1
    if 0 <= k < len(sentences):
        for m in _TOKEN.finditer(text, sentences[k].start, sentences[k].end):
            for entry in gaz.candidates(normalize(m.group()))[:1]:
                if entry.kind == "country" and entry.country:
                    sentence_countries.add(entry.country)
    best: Candidate | None = None
    for entry in gaz.candidates(key):
        score, reasons = _score(entry, doc_countries, sentence_countries)
        if best is None or score > best.score:
            best = Candidate(entry, score, reasons)
    return best


def _score(
    entry: Entry, doc_countries: set[str], sentence_countries: set[str]
) -> tuple[float, tuple[str, ...]]:
    reasons = [f"population {entry.population:,}"]
    score = math.log10(max(entry.population, 10))
    if entry.country in sentence_countries:
        score += 3
        reasons.append(f"its country ({entry.country}) is named in the same sentence")
    if entry.country in doc_countries:
        score += 2
        reasons.append(f"the report names other places in {entry.country}")
    return score, tuple(reasons)


def _region_twin(
    gaz: Gazetteer,
    entry: Entry,
    mention: str,
    text: str,
    start: int,
    sentences: list[Sentence],
    sentence_starts: list[int],
) -> Entry:
    """A city name that stands for the region of the same name: "Donetsk and Luhansk" among
    "territories" or "republics", "areas of Kursk", "occupied Donetsk ... the city of Mariupol"."""
    if entry.kind not in ("city", "town") or _CITY_OF_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return entry  # "the occupied city of Donetsk" is the city, whatever the sentence says
    twins = gaz.candidates(normalize(mention) + " region")
    if not twins:
        return entry
    twin = twins[0]
    k = bisect_right(sentence_starts, start) - 1
    s_start, s_end = (sentences[k].start, sentences[k].end) if 0 <= k < len(sentences) else (0, 0)
    # Only Ukraine's oblasts: "Moscow" among "separatists" is still the city.
    if twin.country == "UA" and s_end and _REGION_CONTEXT.search(text, s_start, s_end):
        return twin
    before = _OCCUPIED_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return entry
    if before.group("part"):
        return twin  # "parts of Kherson", "areas of Kursk": the oblast
    if twin.id in _HELD_CITY_REGIONS:
        return twin  # "occupied Kherson": the city itself is held by Ukraine, so the oblast
    # "occupied Luhansk" is the city, unless the sentence names a place inside the region
    # ("occupied Donetsk ... the city of Mariupol").
    for m in _TOKEN.finditer(text, s_start, s_end):
        if s_start <= m.start() < s_end and not (start <= m.start() < start + len(mention)):
            for inner in gaz.candidates(normalize(m.group()))[:1]:
                if inner.curated and gaz.contains(twin, inner):
                    return twin
    return entry


def _refer_back(text: str, raw: list[tuple[int, int, Entry | None, bool]]) -> None:
    """ "the occupied territory", singular and definite, after "in Ukraine's X region": the
    region named before it, not the whole occupied east (raw is in text order)."""
    last_oblast: Entry | None = None
    for n, (start, end, entry, demonym) in enumerate(raw):
        if entry is None:
            continue
        if entry.country == "UA" and entry.kind == "region" and entry.admin1:
            last_oblast = entry
        elif (
            entry.id == _OCCUPIED_ID
            and last_oblast is not None
            and (
                _THE_OCCUPIED_ONE.fullmatch(text, max(0, start - 4), end)
                or (
                    _BARE_OCCUPIED.fullmatch(text, start, end)
                    and not _THE_BEFORE.search(text[max(0, start - 5) : start])
                )
            )
        ):
            raw[n] = (start, end, last_oblast, demonym)


def _ukraine_region(gaz: Gazetteer, name: str) -> Entry | None:
    """The Ukrainian oblast a name stands for after "occupied parts of", if any."""
    key = normalize(name)
    for candidate in (key, key + " region"):
        for entry in gaz.candidates(candidate)[:1]:
            if entry.country == "UA" and entry.kind == "region":
                return entry
    return None


def _unresolved(mention: str, start: int, end: int) -> Place:
    return Place(
        mention=mention,
        span=(start, end),
        name=mention,
        country=None,
        lat=None,
        lon=None,
        kind="town",
        precision=1,
        gazetteer=None,
    )


def _find_unknown(text: str, taken: list[tuple[int, int]]) -> list[Place]:
    gaz = gazetteer()
    out: list[Place] = []
    for m in _UNKNOWN_AFTER_CUE.finditer(text):
        start, end = m.span("name")
        name = m.group("name")
        key = normalize(name)
        # A gazetteer name left out by the scan was left out on purpose ("Police", "Most").
        if _overlaps(taken, start, end) or key in _COMMON or key in gaz.names:
            continue
        if normalize(name.split()[0]) in _COMMON or _ORG_AFTER.match(text, end):
            continue
        taken.append((start, end))
        out.append(_unresolved(name, start, end))
    return out
