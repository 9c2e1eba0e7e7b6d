"""Sanctions: instruments a report names (`cited`) and provisions its events bear on
(`implicated`).

Cited: a handful of regexes find UN Security Council resolutions ("United Nations Security
Council Resolution 2397", "UNSCR 2397", "resolutions 2375 and 2397", "S/RES/2397"), US statutes
(CAATSA, NKSPEA, TVPA by name or acronym), executive orders ("Executive Order 13722", "E.O.
13722") and EU acts ("Council Regulation (EU) 2017/1509", "Decision (CFSP) 2017/1562"), and
write each under its canonical name. One link per instrument, with every mention as evidence.

Provision: only a paragraph the knowledge base (`data/sanctions.json`) marks verified is ever
shipped. A paragraph the report names ("Article 8 of Resolution 2397") is checked against the
knowledge base; without one, the verified labour paragraph of the instrument is given when the
citing sentence is about workers abroad (a citation of 2397 about oil gets none).

Implicated: rules in the knowledge base map event types (and sectors) to provisions, with a
rationale an analyst can read. They run over every event, whether or not the report also cites
the instrument: `cited` records what the report says, `implicated` what our rules infer, and
keeping both lets the two be compared (scoring reads only `cited`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tumen.model import Event, Evidence, SanctionLink, Sentence

_MAX_EVIDENCE = 6

# --- recognising instruments ----------------------------------------------------------------------

_RES_NUMBER = r"\d{3,4}(?![\d/]|,\d|\.\d|px?\b|x\d)(?:\s*\(\s*\d{4}\s*\))?"
_RES_LIST = rf"{_RES_NUMBER}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:resolution\s+)?(?:No\.?\s*)?{_RES_NUMBER})*"
_UNSCR = re.compile(
    rf"""(?:
        \bUNSCRs?\s*(?:No\.?\s*)?(?P<a>{_RES_LIST})
      | \bS/RES/(?P<b>\d{{3,4}})
      | \b(?:(?:United\s+Nations|U\.?N\.?)\s+)?(?:Security\s+Council\s+|UNSC\s+|\(UNSC\)\s+)?
         resolutions?\s+(?:No\.?\s*|number\s+)?(?P<c>{_RES_LIST})
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_CAATSA = re.compile(
    r"\bCountering\s+America['’]?s\s+Adversaries\s+Through\s+Sanctions\s+Act\b|\bCAATSA\b"
    r"|\bKorean\s+Interdiction\s+and\s+Modernization\s+of\s+Sanctions\s+Act\b",
    re.IGNORECASE,
)
_NKSPEA = re.compile(
    r"\bNorth\s+Korea(?:n)?\s+Sanctions\s+and\s+Policy\s+Enhancement\s+Act\b|\bNKSPEA\b",
    re.IGNORECASE,
)
_TVPA = re.compile(
    r"\bTrafficking\s+Victims\s+Protection\s+(?:Reauthorization\s+)?Act\b|\bTVPR?A\b"
    r"|\bVictims\s+of\s+Trafficking\s+and\s+Violence\s+Protection\s+Act\b",
    re.IGNORECASE,
)
_EO_NUMBER = r"1\d{4}(?!\d)"
_EO = re.compile(
    rf"\b(?:Executive\s+Orders?|E\.\s?O\.|EOs?)\s*(?:No\.?\s*)?(?P<n>{_EO_NUMBER}"
    rf"(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:No\.?\s*)?{_EO_NUMBER})*)",
    re.IGNORECASE,
)
_EU_ACT = re.compile(
    r"""(?:
        (?:\bEU\s+|\bCouncil\s+|\bCommission\s+)(?:Implementing\s+|Delegated\s+)?
           (?P<kind1>Regulation|Decision)\s*(?:\((?:EU|EC|CFSP)\)\s*)?(?:No\.?\s*)?
           (?P<x1>\d{1,4})/(?P<y1>\d{1,4})(?:/CFSP)?
      | \b(?:Implementing\s+)?(?P<kind2>Regulation|Decision)\s*\((?:EU|EC|CFSP)\)\s*(?:No\.?\s*)?
           (?P<x2>\d{1,4})/(?P<y2>\d{1,4})
      | \b(?P<kind3>Decision)\s+(?P<x3>\d{4})/(?P<y3>\d{1,4})/CFSP
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# Each pattern runs only when one of its words is in the text: `in` on the lower-cased text is
# far cheaper than a case-insensitive regex scan, and most reports name no instrument.
_NEEDS: dict[str, tuple[str, ...]] = {
    "unscr": ("resolution", "unscr", "s/res"),
    "caatsa": ("caatsa", "adversaries", "interdiction"),
    "nkspea": ("nkspea", "enhancement act"),
    "tvpa": ("tvp", "trafficking"),
    "eo": ("order", "e.o", "eo 1", "eos 1", "e. o"),
    "eu": ("regulation", "decision"),
}
_NUM_IN_LIST = re.compile(r"\d{3,5}(?!\d)(?!\s*\))")

# A paragraph the report names, just before or after the instrument.
_PARA_BEFORE = re.compile(
    r"\b(?:operative\s+)?(?:paragraph|para\.?|article|OP)\s*(?P<n>\d{1,2})\s+of\s+(?:the\s+)?"
    r"[^.;]{0,50}$",
    re.IGNORECASE,
)
_PARA_AFTER = re.compile(
    r"[\s,]*(?:\(\d{4}\)\s*,?\s*)?(?:,\s*)?(?:operative\s+)?(?:paragraph|para\.?|article|OP)\s*(?P<n>\d{1,2})\b",
    re.IGNORECASE,
)
_SECTION_NEAR = re.compile(
    r"\b(?:section|sec\.|§)\s*(?P<n>\d{2,3}[A-Z]?(?:\([a-z]\))?)", re.IGNORECASE
)

# What a citing sentence is about: the topics a knowledge-base provision covers.
_TOPIC_CUES: dict[str, re.Pattern[str]] = {
    "workers_abroad": re.compile(
        r"\b(?:workers?|labou?r\w*|nationals|dispatch\w*|send(?:ing)?|sent|overseas|abroad|"
        r"earn\w*|income|repatriat\w*|employ\w*|work\s+(?:permits?|authori[sz]ations?))\b",
        re.IGNORECASE,
    ),
    "forced_labour_goods": re.compile(
        r"\b(?:goods|imports?|products?|made\s+(?:by|with)|produced|supply\s+chains?|"
        r"presum\w*|forced\s+labou?r)\b",
        re.IGNORECASE,
    ),
}


@dataclass(slots=True)
class _Mention:
    instrument: str
    start: int
    end: int
    paragraph: str | None  # the paragraph the report names with it, e.g. "OP8", "Sec. 321(b)"


@cache
def knowledge_base() -> dict[str, Any]:
    """The packaged sanctions knowledge base (loaded once)."""
    raw = resources.files("tumen").joinpath("data", "sanctions.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def _instruments() -> dict[str, dict[str, Any]]:
    return {entry["instrument"]: entry for entry in knowledge_base()["instruments"]}


def find_sanctions(text: str, sentences: list[Sentence], events: list[Event]) -> list[SanctionLink]:
    """Cited instruments, in order of first mention, then implicated provisions."""
    return _cited(text, sentences, events) + _implicated(events)


# --- cited ---------------------------------------------------------------------------------------


def find_mentions(text: str) -> list[_Mention]:
    """Every instrument mention in the text, canonical names, in text order."""
    mentions: list[_Mention] = []
    low = text.lower()
    present = {key for key, words in _NEEDS.items() if any(w in low for w in words)}
    if not present:
        return mentions
    for m in _UNSCR.finditer(text) if "unscr" in present else ():
        numbers = m.group("a") or m.group("b") or m.group("c") or ""
        base = m.start("a") if m.group("a") else m.start("b") if m.group("b") else m.start("c")
        for n in _NUM_IN_LIST.finditer(numbers):
            value = int(n.group(0))
            if not 1 <= value <= 2999:
                continue
            # The first number's mention spans the words naming it; later ones their number.
            start = m.start() if n.start() == 0 else base + n.start()
            end = base + n.end()
            mentions.append(_Mention(f"UNSCR {value}", start, end, _paragraph(text, start, end)))
    for pattern, act in ((_CAATSA, "CAATSA"), (_NKSPEA, "NKSPEA"), (_TVPA, "TVPA")):
        if act.lower() not in present:
            continue
        for m in pattern.finditer(text):
            mentions.append(_Mention(act, m.start(), m.end(), _section(text, m.start(), m.end())))
    for m in _EO.finditer(text) if "eo" in present else ():
        for i, n in enumerate(re.finditer(_EO_NUMBER, m.group("n"))):
            start = m.start() if i == 0 else m.start("n") + n.start()
            mentions.append(_Mention(f"EO {n.group(0)}", start, m.start("n") + n.end(), None))
    for m in _EU_ACT.finditer(text) if "eu" in present else ():
        kind = m.group("kind1") or m.group("kind2") or m.group("kind3")
        x = m.group("x1") or m.group("x2") or m.group("x3")
        y = m.group("y1") or m.group("y2") or m.group("y3")
        eu_name = _eu_name(kind, x, y)
        if eu_name:
            mentions.append(_Mention(eu_name, m.start(), m.end(), None))
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    return mentions


def _eu_name(kind: str, x: str, y: str) -> str | None:
    """'EU REG 2017/1509' whatever the order the act was numbered in ('No 329/2007')."""
    is_year = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
    if is_year.match(x):
        year, number = x, y
    elif is_year.match(y):
        year, number = y, x
    else:
        return None
    prefix = "EU REG" if kind.lower() == "regulation" else "EU DEC"
    return f"{prefix} {year}/{int(number)}"


def _paragraph(text: str, start: int, end: int) -> str | None:
    before = _PARA_BEFORE.search(text, max(0, start - 80), start)
    if before:
        # "paragraph 17 of resolution 2375" names 2375's paragraph only if no other
        # resolution number sits between them.
        if not re.search(r"\b\d{3,4}\b", text[before.end("n") : start]):
            return f"OP{int(before.group('n'))}"
    after = _PARA_AFTER.match(text, end, min(len(text), end + 40))
    if after:
        return f"OP{int(after.group('n'))}"
    return None


def _section(text: str, start: int, end: int) -> str | None:
    window_start = max(0, start - 60)
    for m in _SECTION_NEAR.finditer(text, window_start, min(len(text), end + 40)):
        return f"Sec. {m.group('n')}"
    return None


def _cited(text: str, sentences: list[Sentence], events: list[Event]) -> list[SanctionLink]:
    grouped: dict[str, list[_Mention]] = {}
    for mention in find_mentions(text):
        grouped.setdefault(mention.instrument, []).append(mention)
    links = []
    for instrument, mentions in grouped.items():
        provision, why = _cited_provision(text, sentences, instrument, mentions)
        entry = _instruments().get(instrument)
        names = ", ".join(
            f"“{name}”" for name in dict.fromkeys(text[m.start : m.end] for m in mentions)
        )
        if entry:
            rationale = f"The report names {instrument} ({names}): {entry['summary']} {why}"
        else:
            rationale = (
                f"The report names {instrument} ({names}); it is not in the sanctions knowledge "
                f"base, so no provision is given."
            )
        spans = [_sentence_of(sentences, m.start, m.end, len(text)) for m in mentions]
        links.append(
            SanctionLink(
                instrument=instrument,
                relation="cited",
                rationale=rationale.strip(),
                provision=provision,
                events=_events_in(events, spans),
                evidence=[
                    Evidence(span=(m.start, m.end), text=text[m.start : m.end])
                    for m in mentions[:_MAX_EVIDENCE]
                ],
            )
        )
    return links


def _cited_provision(
    text: str, sentences: list[Sentence], instrument: str, mentions: list[_Mention]
) -> tuple[str | None, str]:
    """The verified provision a citation points at, and a sentence saying how it was chosen."""
    entry = _instruments().get(instrument)
    provisions = entry["provisions"] if entry else []
    verified = {p["provision"]: p for p in provisions if p["verified"] and p["provision"]}
    named = [m.paragraph for m in mentions if m.paragraph]
    for paragraph in named:
        match = _match_provision(paragraph, verified)
        if match:
            return match, f"The report names {paragraph}, which the knowledge base verifies."
    if named:
        return None, (
            f"The report names {named[0]}, which the knowledge base has not verified for "
            f"{instrument}; no provision is given."
        )
    for mention in mentions:
        start, end = _sentence_of(sentences, mention.start, mention.end, len(text))
        sentence = text[start:end]
        for provision in verified.values():
            if any(
                _TOPIC_CUES[t].search(sentence) for t in provision["topics"] if t in _TOPIC_CUES
            ):
                return provision["provision"], (
                    f"The citing sentence is about {provision['topics'][0].replace('_', ' ')}, "
                    f"which is {provision['provision']} (verified): {provision['summary']}"
                )
    return None, "The report does not say which paragraph, and its context does not settle it."


def _match_provision(named: str, verified: dict[str, Any]) -> str | None:
    if named in verified:
        return named
    # "Sec. 321" in the report and "Sec. 321(b)" verified: only the sub-section is verified.
    return None


def _sentence_of(sentences: list[Sentence], start: int, end: int, length: int) -> tuple[int, int]:
    for s in sentences:
        if s.start <= start < s.end:
            return s.start, max(s.end, end)
    return max(0, start - 200), min(length, end + 200)


def _events_in(events: list[Event], spans: list[tuple[int, int]]) -> list[str]:
    ids = []
    for event in events:
        if any(
            s <= ev.span[0] < e or ev.span[0] <= s < ev.span[1]
            for ev in event.evidence
            for s, e in spans
        ):
            ids.append(event.id)
    return ids


# --- implicated ----------------------------------------------------------------------------------


def _implicated(events: list[Event]) -> list[SanctionLink]:
    links = []
    for rule in knowledge_base()["rules"]:
        types = set(rule["event_types"])
        sectors = set(rule.get("sectors") or ())
        matched = [
            e
            for e in events
            if e.type in types
            and e.status != "cancelled"
            and (not sectors or (e.sector is not None and e.sector in sectors))
        ]
        if not matched:
            continue
        provision = _verified_or_none(rule["instrument"], rule["provision"])
        rationale = f"{rule['rationale']} {_event_summary(matched)}"
        if rule["provision"] and provision is None:
            rationale += f" Paragraph {rule['provision']} is not verified, so none is given."
        evidence = [e.evidence[0] for e in matched if e.evidence][:_MAX_EVIDENCE]
        links.append(
            SanctionLink(
                instrument=rule["instrument"],
                relation="implicated",
                rationale=rationale,
                provision=provision,
                events=[e.id for e in matched],
                evidence=[Evidence(span=ev.span, text=ev.text) for ev in evidence],
            )
        )
    order = {event.id: i for i, event in enumerate(events)}
    merged = _merge_same_provision(links)
    for link in merged:
        link.events.sort(key=lambda eid: order.get(eid, len(order)))
    return merged


def _event_summary(events: list[Event]) -> str:
    """'Events: e1, e4 (departure).' or, for many, 'Based on 47 events (departure, …).'"""
    kinds = ", ".join(sorted({e.type for e in events}))
    if len(events) <= 5:
        return f"Events: {', '.join(e.id or e.type for e in events)} ({kinds})."
    return f"Based on {len(events)} events ({kinds}); their ids are in `events`."


def _verified_or_none(instrument: str, provision: str | None) -> str | None:
    entry = _instruments().get(instrument)
    if not entry or provision is None:
        return None
    for p in entry["provisions"]:
        if p["provision"] == provision:
            return provision if p["verified"] else None
    return None


def _merge_same_provision(links: list[SanctionLink]) -> list[SanctionLink]:
    """Two rules pointing at the same provision make one link with both rationales."""
    merged: dict[tuple[str, str | None], SanctionLink] = {}
    for link in links:
        key = (link.instrument, link.provision)
        if key not in merged:
            merged[key] = link
            continue
        into = merged[key]
        into.rationale += " " + link.rationale
        into.events += [e for e in link.events if e not in into.events]
        seen = {ev.span for ev in into.evidence}
        into.evidence += [ev for ev in link.evidence if ev.span not in seen][
            : max(0, _MAX_EVIDENCE - len(into.evidence))
        ]
    return list(merged.values())
