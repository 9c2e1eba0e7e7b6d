"""Sanctions: cited instruments, provisions, implicated links, and the knowledge base."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tumen.assess.sanctions import find_sanctions, knowledge_base
from tumen.extract.sentences import split_sentences
from tumen.model import Event, Evidence, SanctionLink

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
CANONICAL = re.compile(
    r"^(?:UNSCR \d{3,4}|CAATSA|NKSPEA|TVPA|EO \d{5}|EU REG \d{4}/\d{1,4}|EU DEC \d{4}/\d{1,4})$"
)


def _cited(text: str) -> list[SanctionLink]:
    return [s for s in find_sanctions(text, split_sentences(text), []) if s.relation == "cited"]


# (sentence, instruments cited in order)
CITED_CASES: list[tuple[str, list[str]]] = [
    ("The practice breaches United Nations Security Council Resolution 2397.", ["UNSCR 2397"]),
    ("UNSC Resolution 2397 requires workers to go home.", ["UNSCR 2397"]),
    ("Resolution 2397 was adopted in December 2017.", ["UNSCR 2397"]),
    ("The sending contravenes resolution 2397.", ["UNSCR 2397"]),
    ("UNSCR 2397 set a deadline of two years.", ["UNSCR 2397"]),
    ("The UN Security Council passed Resolution 2397 (2017) unanimously.", ["UNSCR 2397"]),
    ("It violates Security Council resolutions 2375 and 2397.", ["UNSCR 2375", "UNSCR 2397"]),
    ("UNSCRs 2371 and 2375 froze work permits.", ["UNSCR 2371", "UNSCR 2375"]),
    (
        "Resolutions 2270, 2321, 2371, 2375 and 2397 all bear on it.",
        ["UNSCR 2270", "UNSCR 2321", "UNSCR 2371", "UNSCR 2375", "UNSCR 2397"],
    ),
    ("See S/RES/2397 (2017) for the text.", ["UNSCR 2397"]),
    ("The 1718 Committee oversees resolution 1718.", ["UNSCR 1718"]),
    ("Washington cited Executive Order 13722 in the designation.", ["EO 13722"]),
    ("Treasury acted under E.O. 13722 on Tuesday.", ["EO 13722"]),
    ("The firms were listed under Executive Orders 13687 and 13722.", ["EO 13687", "EO 13722"]),
    ("The Countering America's Adversaries Through Sanctions Act covers goods.", ["CAATSA"]),
    ("Importers must heed CAATSA when buying seafood.", ["CAATSA"]),
    ("The North Korea Sanctions and Policy Enhancement Act was amended.", ["NKSPEA"]),
    ("Under the NKSPEA, labour exporters face sanctions.", ["NKSPEA"]),
    ("The Trafficking Victims Protection Act defines forced labour.", ["TVPA"]),
    ("Council Regulation (EU) 2017/1509 lists the measures.", ["EU REG 2017/1509"]),
    ("Council Decision (CFSP) 2017/1562 froze work permits.", ["EU DEC 2017/1562"]),
    ("The older Regulation (EC) No 329/2007 was replaced.", ["EU REG 2007/329"]),
    ("Decision 2013/183/CFSP was amended in 2016.", ["EU DEC 2013/183"]),
    ("Under UN Security Council resolutions, the North may not send workers.", []),
    ("A UN resolution passed in December 2017 bans the practice.", []),
    ("The sanctions regime bars such work.", []),
    ("About 2,397 workers were counted in 2017.", []),
    ("The screen resolution 1080p is common.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CITED_CASES)
def test_sanctions_cited_instruments(sentence: str, expected: list[str]) -> None:
    assert [s.instrument for s in _cited(sentence)] == expected


def test_sanctions_cited_evidence_spans_match() -> None:
    text = "Workers must go home. Security Council resolutions 2375 and 2397 say so."
    for link in _cited(text):
        assert link.evidence
        for ev in link.evidence:
            assert text[ev.span[0] : ev.span[1]] == ev.text
    assert [ev.text for s in _cited(text) for ev in s.evidence] == [
        "Security Council resolutions 2375",
        "2397",
    ]


# (text, instrument, provision expected on the cited link)
PROVISION_CASES: list[tuple[str, str, str | None]] = [
    ("Article 8 of Resolution 2397 requires repatriation.", "UNSCR 2397", "OP8"),
    ("Paragraph 8 of UNSCR 2397 is the deadline.", "UNSCR 2397", "OP8"),
    ("Resolution 2397, paragraph 8, sets the deadline.", "UNSCR 2397", "OP8"),
    ("Paragraph 17 of resolution 2375 bans new work permits.", "UNSCR 2375", "OP17"),
    ("Resolution 2397 bans sending North Korean workers overseas.", "UNSCR 2397", "OP8"),
    ("Resolution 2375 bars new work authorizations for DPRK nationals.", "UNSCR 2375", "OP17"),
    ("Resolution 2397 capped refined petroleum imports.", "UNSCR 2397", None),
    # 2371's paragraph number is not verified: never shipped, even when the report names it.
    ("Paragraph 11 of resolution 2371 froze work permits.", "UNSCR 2371", None),
    ("Resolution 2371 froze the number of North Korean workers.", "UNSCR 2371", None),
    ("Paragraph 5 of resolution 2397 deals with oil.", "UNSCR 2397", None),
    ("Section 321(b) of CAATSA bars goods made by North Korean workers.", "CAATSA", "Sec. 321(b)"),
    (
        "CAATSA presumes goods made by North Korean labour are forced labour.",
        "CAATSA",
        "Sec. 321(b)",
    ),
    ("CAATSA also targets Russia.", "CAATSA", None),
    ("The Trafficking Victims Protection Act defines forced labour.", "TVPA", None),
    ("Executive Order 13722 blocks property.", "EO 13722", None),
]


@pytest.mark.parametrize(("text", "instrument", "provision"), PROVISION_CASES)
def test_sanctions_cited_provision(text: str, instrument: str, provision: str | None) -> None:
    (link,) = [s for s in _cited(text) if s.instrument == instrument]
    assert link.provision == provision
    assert link.rationale


def _event(eid: str, type_: Any, start: int, sector: Any = None, **kw: Any) -> Event:
    # Test tables use plain strings for the Literal fields.
    event = Event(
        type=type_,
        evidence=[Evidence(span=(start, start + 5), text="x" * 5)],
        sector=sector,
        **kw,
    )
    event.id = eid
    return event


def _implicated(events: list[Event], text: str = "") -> dict[tuple[str, str | None], list[str]]:
    links = find_sanctions(text, split_sentences(text), events)
    return {(s.instrument, s.provision): s.events for s in links if s.relation == "implicated"}


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["departure"], {("UNSCR 2397", "OP8"), ("UNSCR 2375", "OP17")}),
        (["recruitment"], {("UNSCR 2397", "OP8"), ("UNSCR 2375", "OP17")}),
        (["arrival", "deployment"], {("UNSCR 2397", "OP8"), ("UNSCR 2375", "OP17")}),
        (["extension"], {("UNSCR 2397", "OP8")}),
        (["evasion"], {("UNSCR 2397", "OP8"), ("UNSCR 2375", "OP17")}),
        (
            ["revenue"],
            {("UNSCR 2397", "OP8"), ("UNSCR 2321", None), ("NKSPEA", None)},
        ),
        (["terms"], {("UNSCR 2397", "OP8")}),
        (["abuse"], {("TVPA", None)}),
        (["return"], set()),
        (["enforcement"], set()),
        ([], set()),
    ],
)
def test_sanctions_implicated_by_event_type(
    types: list[str], expected: set[tuple[str, str | None]]
) -> None:
    events = [_event(f"e{i}", t, 10 * i) for i, t in enumerate(types, 1)]
    assert set(_implicated(events)) == expected


def test_sanctions_implicated_lists_events_and_evidence() -> None:
    events = [_event("e1", "departure", 0), _event("e2", "arrival", 20), _event("e3", "return", 40)]
    links = [s for s in find_sanctions("", [], events) if s.relation == "implicated"]
    (op8,) = [s for s in links if s.instrument == "UNSCR 2397"]
    assert op8.events == ["e1", "e2"]
    assert [ev.span for ev in op8.evidence] == [(0, 5), (20, 25)]
    assert "e1" in op8.rationale and "send home" in op8.rationale


def test_sanctions_forced_labour_goods_needs_a_producing_sector() -> None:
    assert ("CAATSA", "Sec. 321(b)") in _implicated([_event("e1", "deployment", 0, "seafood")])
    assert ("CAATSA", "Sec. 321(b)") not in _implicated(
        [_event("e1", "deployment", 0, "construction")]
    )


def test_sanctions_cancelled_events_implicate_nothing() -> None:
    assert _implicated([_event("e1", "departure", 0, status="cancelled")]) == {}


def test_sanctions_cited_link_lists_events_in_the_citing_sentence() -> None:
    text = "Workers left. Resolution 2397 bans sending workers overseas."
    events = [_event("e1", "departure", 0), _event("e2", "evasion", 14)]
    (cited,) = [
        s for s in find_sanctions(text, split_sentences(text), events) if s.relation == "cited"
    ]
    assert cited.events == ["e2"]


# --- the knowledge base ----------------------------------------------------------------------------


def test_sanctions_kb_entries_have_sources_dates_and_summaries() -> None:
    for entry in knowledge_base()["instruments"]:
        assert CANONICAL.match(entry["instrument"]), entry["instrument"]
        assert entry["sources"] and all(s.startswith("http") for s in entry["sources"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"])
        assert entry["summary"].strip()
        assert isinstance(entry["verified"], bool)
        for provision in entry["provisions"]:
            assert provision["sources"], (entry["instrument"], provision)
            assert isinstance(provision["verified"], bool)
            assert provision["summary"].strip()


def test_sanctions_kb_labour_paragraphs() -> None:
    instruments = {e["instrument"]: e for e in knowledge_base()["instruments"]}
    for name in ("UNSCR 1718", "UNSCR 2270", "UNSCR 2321", "UNSCR 2371", "UNSCR 2375"):
        assert name in instruments
    verified = {
        (e["instrument"], p["provision"])
        for e in instruments.values()
        for p in e["provisions"]
        if p["verified"]
    }
    assert ("UNSCR 2397", "OP8") in verified
    assert ("UNSCR 2375", "OP17") in verified
    assert ("UNSCR 2371", "OP11") not in verified


def test_sanctions_kb_rules_point_at_known_instruments() -> None:
    instruments = {e["instrument"] for e in knowledge_base()["instruments"]}
    for rule in knowledge_base()["rules"]:
        assert rule["instrument"] in instruments
        assert rule["event_types"] and rule["rationale"].strip()


def test_sanctions_unverified_paragraphs_are_never_output() -> None:
    unverified = {
        (e["instrument"], p["provision"])
        for e in knowledge_base()["instruments"]
        for p in e["provisions"]
        if not p["verified"] and p["provision"]
    }
    text = (
        "Paragraph 11 of resolution 2371 and paragraph 34 of resolution 2321 concern workers. "
        "Resolution 2371 froze work permits for North Korean workers."
    )
    kinds = ["departure", "revenue", "abuse", "evasion", "deployment", "terms", "extension"]
    events = [_event(f"e{i}", t, 0, "seafood") for i, t in enumerate(kinds, 1)]
    for link in find_sanctions(text, split_sentences(text), events):
        assert (link.instrument, link.provision) not in unverified


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not present")
def test_sanctions_cited_on_development_corpus() -> None:
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = CORPUS / gold["doc"]
        raw = path.read_text(encoding="utf-8")
        text = raw if path.suffix == ".txt" else json.loads(raw)["text"]
        cited = {s.instrument for s in _cited(text)}
        assert cited == set(gold["sanctions"]), gold["doc"]
