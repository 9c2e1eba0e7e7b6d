"""Actors: who appears in a report as a speaker or a party (media, agencies, bodies, officials,
anonymous sources).

A lexicon of the outlets, agencies and bodies the genre cites, plus a few patterns (titled
names, "X, a spokesperson for", "a source in North Korea", "... Institute"), scanned with
compiled regexes. Mentions never overlap: the longest wins. Ids and keys are left empty; the
pipeline assigns them.
"""

from __future__ import annotations

import re
from functools import cache

from tumen.model import Actor, ActorKind, Sentence

# (surface forms, canonical name, kind, country). Surface forms are matched case-sensitively
# (acronyms like "AP" or "UN" would otherwise hit ordinary words), whole words only.
_LEXICON: tuple[tuple[tuple[str, ...], str, ActorKind, str | None], ...] = (
    # Media
    (("Daily NK", "DailyNK", "Daily NK's"), "Daily NK", "media", "KR"),
    (("Yonhap News Agency", "Yonhap news agency", "Yonhap"), "Yonhap", "media", "KR"),
    (("Radio Free Asia", "RFA's Korean Service", "RFA"), "Radio Free Asia", "media", "US"),
    (("KBS News", "KBS"), "KBS", "media", "KR"),
    (("NK News", "NK Pro"), "NK News", "media", None),
    (("Voice of America", "VOA"), "Voice of America", "media", "US"),
    (("Associated Press", "AP"), "Associated Press", "media", "US"),
    (("Reuters",), "Reuters", "media", "GB"),
    (("Agence France-Presse", "AFP"), "AFP", "media", "FR"),
    (("TASS news agency", "TASS"), "TASS", "media", "RU"),
    (("RIA Novosti",), "RIA Novosti", "media", "RU"),
    (("Interfax",), "Interfax", "media", "RU"),
    (("Izvestia",), "Izvestia", "media", "RU"),
    (("Kommersant",), "Kommersant", "media", "RU"),
    (("Sputnik",), "Sputnik", "media", "RU"),
    (("Meduza",), "Meduza", "media", None),
    (("Mediazona",), "Mediazona", "media", None),
    (("The Moscow Times", "Moscow Times"), "The Moscow Times", "media", None),
    (("The Insider",), "The Insider", "media", None),
    (("Korean Central News Agency", "KCNA"), "KCNA", "media", "KP"),
    (("Rodong Sinmun",), "Rodong Sinmun", "media", "KP"),
    (("Xinhua",), "Xinhua", "media", "CN"),
    (("Kyodo News", "Kyodo"), "Kyodo", "media", "JP"),
    (("NHK",), "NHK", "media", "JP"),
    (("Asahi Shimbun",), "Asahi Shimbun", "media", "JP"),
    (("Nikkei",), "Nikkei", "media", "JP"),
    (("Asia Press", "AsiaPress"), "Asia Press", "media", "JP"),
    (("The Chosun Ilbo", "Chosun Ilbo", "Chosunilbo"), "The Chosun Ilbo", "media", "KR"),
    (("JoongAng Ilbo", "Korea JoongAng Daily", "JoongAng"), "JoongAng Ilbo", "media", "KR"),
    (("The Dong-A Ilbo", "Dong-A Ilbo", "Dong-a Ilbo"), "The Dong-A Ilbo", "media", "KR"),
    (("The Korea Herald", "Korea Herald"), "The Korea Herald", "media", "KR"),
    (("The Korea Times", "Korea Times"), "The Korea Times", "media", "KR"),
    (("Hankyoreh",), "Hankyoreh", "media", "KR"),
    (("Channel A",), "Channel A", "media", "KR"),
    (("The Financial Times", "Financial Times"), "Financial Times", "media", "GB"),
    (
        ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
        "The Wall Street Journal",
        "media",
        "US",
    ),
    (("The New York Times", "New York Times"), "The New York Times", "media", "US"),
    (("The Washington Post", "Washington Post"), "The Washington Post", "media", "US"),
    (("BBC",), "BBC", "media", "GB"),
    (("CNN",), "CNN", "media", "US"),
    (("Bloomberg",), "Bloomberg", "media", "US"),
    (("The Guardian",), "The Guardian", "media", "GB"),
    (("The Kyiv Independent", "Kyiv Independent"), "The Kyiv Independent", "media", "UA"),
    (("i24NEWS", "i24 News"), "i24NEWS", "media", "IL"),
    # Government agencies
    (
        (
            "National Intelligence Service",
            "Seoul's spy agency",
            "Seoul\u2019s spy agency",
            "South Korea's spy agency",
            "South Korea\u2019s spy agency",
            "South's spy agency",
            "South\u2019s spy agency",
            "NIS",
        ),
        "National Intelligence Service",
        "agency",
        "KR",
    ),
    (
        ("Ministry of Unification", "Unification Ministry"),
        "Ministry of Unification",
        "agency",
        "KR",
    ),
    (("Federal Security Service", "FSB"), "Federal Security Service", "agency", "RU"),
    (
        (
            "Rosstat",
            "Russia's federal statistics service",
            "Russia\u2019s federal statistics service",
        ),
        "Rosstat",
        "agency",
        "RU",
    ),
    (("Office of Foreign Assets Control", "OFAC"), "OFAC", "agency", "US"),
    (
        ("Treasury Department", "U.S. Treasury", "US Treasury", "Department of the Treasury"),
        "US Treasury",
        "agency",
        "US",
    ),
    (
        ("State Department", "U.S. State Department", "Department of State"),
        "US State Department",
        "agency",
        "US",
    ),
    (("Customs and Border Protection", "CBP"), "US Customs and Border Protection", "agency", "US"),
    (
        ("Department of Homeland Security", "DHS"),
        "US Department of Homeland Security",
        "agency",
        "US",
    ),
    (("National Resistance Center",), "National Resistance Center", "agency", "UA"),
    (("Main Intelligence Directorate", "HUR"), "Main Intelligence Directorate", "agency", "UA"),
    (("Ministry of State Security",), "Ministry of State Security", "agency", "KP"),
    (("Cadres Department",), "Cadres Department", "agency", "KP"),
    (("Far Eastern Railway",), "Far Eastern Railway", "company", "RU"),
    (("Russian Railways",), "Russian Railways", "company", "RU"),
    (("Air Koryo",), "Air Koryo", "company", "KP"),
    (("U.S. intelligence", "US intelligence"), "US intelligence", "agency", "US"),
    (("the Kremlin", "Kremlin"), "Kremlin", "state", "RU"),
    # International bodies
    (
        (
            "UN Panel of Experts",
            "U.N. Panel of Experts",
            "Panel of Experts",
            "UN panel of experts",
            "UN panel",
            "U.N. panel",
            "panel of experts",
        ),
        "UN Panel of Experts",
        "international_body",
        None,
    ),
    (("1718 Committee",), "1718 Committee", "international_body", None),
    (
        ("Multilateral Sanctions Monitoring Team", "MSMT"),
        "Multilateral Sanctions Monitoring Team",
        "international_body",
        None,
    ),
    (
        (
            "UN Security Council",
            "U.N. Security Council",
            "United Nations Security Council",
            "Security Council",
            "UNSC",
        ),
        "UN Security Council",
        "international_body",
        None,
    ),
    (
        ("High Commissioner for Refugees", "UNHCR", "UN refugee agency"),
        "UNHCR",
        "international_body",
        None,
    ),
    (
        ("International Labour Organization", "International Labor Organization", "ILO"),
        "ILO",
        "international_body",
        None,
    ),
    (("Special Rapporteur",), "UN Special Rapporteur", "international_body", None),
    (("United Nations", "U.N.", "UN"), "United Nations", "international_body", None),
    (("European Union", "EU"), "European Union", "international_body", None),
    # NGOs, think tanks
    (("Human Rights Watch",), "Human Rights Watch", "ngo", None),
    (("Amnesty International",), "Amnesty International", "ngo", None),
    (("Human Rights Without Frontiers", "HRWF"), "Human Rights Without Frontiers", "ngo", None),
    (
        ("Korea Institute for National Unification", "KINU"),
        "Korea Institute for National Unification",
        "ngo",
        "KR",
    ),
    (("Sejong Institute",), "Sejong Institute", "ngo", "KR"),
    (("Asan Institute",), "Asan Institute", "ngo", "KR"),
    (("Database Center for North Korean Human Rights", "NKDB"), "NKDB", "ngo", "KR"),
    (
        ("Citizens' Alliance for North Korean Human Rights",),
        "Citizens' Alliance for North Korean Human Rights",
        "ngo",
        "KR",
    ),
    (("North Korea Strategy Center",), "North Korea Strategy Center", "ngo", "KR"),
    (("Walk Free",), "Walk Free", "ngo", None),
    (("38 North",), "38 North", "ngo", "US"),
    (("CSIS", "Center for Strategic and International Studies"), "CSIS", "ngo", "US"),
)

# Governments speaking as a whole ("the South Korean government said").
_STATE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:South Korean|North Korean|Russian|Chinese|Japanese|U\.S\.|US|American|Ukrainian)"
    r"\s+(?:government|Foreign Ministry|foreign ministry|Defense Ministry|defense ministry|"
    r"Labor Ministry|Labour Ministry|Interior Ministry|authorities|officials?|military|"
    r"intelligence authorities|intelligence)\b"
)
_STATE_COUNTRY = {
    "South Korean": "KR",
    "North Korean": "KP",
    "Russian": "RU",
    "Chinese": "CN",
    "Japanese": "JP",
    "U.S.": "US",
    "US": "US",
    "American": "US",
    "Ukrainian": "UA",
}
# Ministries by name ("Ministry of Foreign Affairs", "Russia's Labor Ministry").
_MINISTRY = re.compile(
    r"\b(?:(?:Russia|China|Japan|South Korea|North Korea|Ukraine)(?:'s|\u2019s)\s+)?"
    r"(?:Ministry of (?:[A-Z][a-z]+)(?: (?:and|of) [A-Z][a-z]+)*|"
    r"(?:Foreign|Defense|Defence|Labor|Labour|Interior|Justice|Social Security|Railways?|Fisheries|Unification)"
    r" Ministry)\b"
)
# Think tanks, universities, centres by their shape ("Institute for Unification Studies").
_INSTITUTION = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w-]+\s+){0,4}(?:Institute|University|Univ\.|Center|Centre|Foundation)"
    r"(?:\s+(?:for|of|on)\s+(?:[A-Z][\w-]+)(?:\s+(?:and\s+)?[A-Z][\w-]+){0,4})?"
)
# Companies by their shape ("Cholhyon Construction", "... Trading Company").
_COMPANY = re.compile(
    r"\b(?:[A-Z][\w-]+\s+){1,3}(?:Construction|Trading Company|Trading Corporation|Corporation|"
    r"Company|Co\.|Corp\.|Group|Ltd\.?)(?!\w)"
)
_NAME = (
    r"(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+(?:-[a-z]+)?|Jong|Un|[A-Z]\.)){1,2}"
)
_TITLE = (
    r"(?:Deputy Prime Minister|Prime Minister|President|Vice President|Foreign Minister|Minister|"
    r"Ambassador|ambassador|Governor|governor|Gov\.|Senator|Sen\.|Rep\.|lawmaker|Lawmaker|Chairman|"
    r"Chairwoman|Secretary|Gen\.|General|Prof\.|Professor|professor|Dr\.|spokesperson|spokesman|"
    r"spokeswoman|leader|Leader|envoy|Envoy|Director|director|researcher|analyst|fellow)"
)
# "President Vladimir Putin", "Prof. Park Ji-hoon".
_TITLED_PERSON = re.compile(rf"\b{_TITLE}\s+(?P<name>{_NAME})\b")
# "Olga Smirnova, a spokeswoman for", "Lee Min-ho, a visiting research fellow at".
_APPOSED_PERSON = re.compile(
    rf"\b(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}"
    r"(?:spokesperson|spokesman|spokeswoman|professor|fellow|researcher|analyst|director|"
    r"minister|Minister|Governor|governor|official|ambassador|envoy|lawmaker|chief|head|expert)\b"
)
# Anonymous sources: "a source in North Korea", "sources in Russia", "local sources",
# "Daily NK's source", "the source, who ...". Never "source of" (a source of income) and never
# the verb ("to source workers"). The noun is found first (a fast literal scan); what may stand
# before it is then checked on the few characters that precede it.
_SOURCE_NOUN = re.compile(r"(?:[Ss]ources?|[Ii]nformants?|[Ii]nsiders?)\b(?!\s+of\b)")
_SOURCE_LEAD = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Tt]hese|[Tt]hose|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]ultiple|"
    r"[Oo]ther|[Mm]any|[Ss]ome|[Ll]ocal|[Aa]nonymous)\s+"
    r"(?:(?:local|anonymous|informed|reliable|unnamed|trusted|government|diplomatic|intelligence|"
    r"industry|Russian|Chinese|North Korean|South Korean|inside|separate|second|another)\s+)*)$"
)
_SOURCE_BARE = re.compile(r"(?:['\u2019]s\s|[Aa]ccording to\s|^|[\n\u201c\"]\s?|[.!?]\s)$")
_SOURCE_LOC = re.compile(
    r"\s+(?:in|inside|from|within|close to|familiar with|based in)\s+(?:the\s+)?"
    r"(?P<place>North Korea|South Korea|Russia|China|Pyongyang|Seoul|Moscow|Vladivostok|Khabarovsk|"
    r"Rason|Sinuiju|Hyesan|Dandong|Shenyang|Ukraine|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
_SOURCE_COUNTRY = {
    "North Korea": "KP",
    "Pyongyang": "KP",
    "Rason": "KP",
    "Sinuiju": "KP",
    "Hyesan": "KP",
    "Russia": "RU",
    "Moscow": "RU",
    "Vladivostok": "RU",
    "Khabarovsk": "RU",
    "China": "CN",
    "Dandong": "CN",
    "Shenyang": "CN",
    "South Korea": "KR",
    "Seoul": "KR",
    "Ukraine": "UA",
}
_INSTITUTION_STOP = frozenset({"The", "Senior", "A", "An"})


@cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, ActorKind, str | None]]]:
    by_form: dict[str, tuple[str, ActorKind, str | None]] = {}
    for forms, name, kind, country in _LEXICON:
        for form in forms:
            by_form[form] = (name, kind, country)
    alternation = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    # Whole words; "UN" must not match inside "UNSC" nor "AP" in "APEC". The left edge is
    # checked in Python (`_starts_word`): a look-behind here would hide the first letters from
    # the regex engine's fast prefix scan.
    return re.compile(rf"(?:{alternation})(?![\w])"), by_form


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "._")


def find_actors(text: str, sentences: list[Sentence]) -> list[Actor]:
    """Every actor mention in `text`, sorted by position, never overlapping (longest wins)."""
    del sentences  # the scan is over the whole text; sentences are not needed
    candidates: list[Actor] = []
    pattern, by_form = _lexicon()
    for m in pattern.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        form = m.group(0)
        name, kind, country = by_form[form]
        if form.endswith(("'s", "\u2019s")):
            form = form[:-2]
        candidates.append(Actor(form, (m.start(), m.start() + len(form)), name, kind, country))
    for m in _STATE.finditer(text):
        mention = m.group(0)
        adjective = next((a for a in _STATE_COUNTRY if a in mention), None)
        state_kind: ActorKind = "agency" if "intelligence" in mention else "state"
        candidates.append(
            Actor(
                mention,
                m.span(),
                _strip_the(mention),
                state_kind,
                _STATE_COUNTRY.get(adjective or ""),
            )
        )
    for m in _MINISTRY.finditer(text):
        candidates.append(Actor(m.group(0), m.span(), m.group(0), "agency", None))
    for m in _INSTITUTION.finditer(text):
        words = m.group(0).split()
        start = m.start()
        # Drop a leading article or rank word ("Senior Research Fellow" is not a body).
        while words and words[0] in _INSTITUTION_STOP:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if len(words) < 2:
            continue
        mention = text[start : m.end()]
        known = by_form.get(_strip_the(mention))
        if known:
            candidates.append(Actor(mention, (start, m.end()), known[0], known[1], known[2]))
        else:
            candidates.append(Actor(mention, (start, m.end()), _strip_the(mention), "ngo", None))
    for m in _COMPANY.finditer(text):
        candidates.append(Actor(m.group(0), m.span(), m.group(0), "company", None))
    for regex in (_TITLED_PERSON, _APPOSED_PERSON):
        for m in regex.finditer(text):
            name = m.group("name")
            candidates.append(Actor(name, m.span("name"), name, "person", None))
    for m in _SOURCE_NOUN.finditer(text):
        s, e = m.span()
        window = text[max(0, s - 80) : s]
        lead = _SOURCE_LEAD.search(window)
        if lead:
            s = s - len(window) + lead.start()
        elif not (
            _SOURCE_BARE.search(window)
            and (m.group(0)[0].isupper() or window.endswith(("s ", "to ")))
        ):
            continue
        country = None
        loc = _SOURCE_LOC.match(text, e)
        if loc:
            e = loc.end()
            country = _SOURCE_COUNTRY.get(loc.group("place"))
        candidates.append(Actor(text[s:e], (s, e), "source", "source", country))
    return _longest_first(candidates)


def _strip_the(mention: str) -> str:
    return mention[4:] if mention.lower().startswith("the ") else mention


def _longest_first(candidates: list[Actor]) -> list[Actor]:
    """Keep non-overlapping mentions; where two overlap the longer one wins."""
    candidates.sort(key=lambda a: (-(a.span[1] - a.span[0]), a.span[0]))
    taken: list[tuple[int, int]] = []
    kept: list[Actor] = []
    for actor in candidates:
        s, e = actor.span
        if s >= e or any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        kept.append(actor)
    kept.sort(key=lambda a: a.span)
    return kept
