"""Routes: ordered legs, branches where the text splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from tumen.extract.pipeline import extract
from tumen.extract.sentences import split_sentences
from tumen.ids import item_key
from tumen.ingest.reader import ReportOverrides, read_report
from tumen.model import Record, Relevance, Report
from tumen.resolve.places import assign_roles, find_places
from tumen.resolve.routes import Leg, route_legs

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SEED = CORPUS / "000_6a9ecab408291826.txt"


def names(record: Record, legs: list[Leg]) -> list[tuple[str, str, int, int]]:
    by_key = {p.key: p.name for p in record.places}
    return [(by_key[leg.from_key], by_key[leg.to_key], leg.order, leg.branch) for leg in legs]


def record_of(tmp_path: Path, text: str) -> Record:
    """A record with only its places, as the pipeline sets them in a relevant report (the
    relevance and event stages are not under test here)."""
    sentences = split_sentences(text)
    places = find_places(text, sentences)
    for n, place in enumerate(places, 1):
        place.id, place.key = f"p{n}", item_key("r1", "place", place.span)
    assign_roles(text, sentences, places, [])
    report = Report(id="r1", sha256="0" * 64, text=text)
    return Record(report=report, relevance=Relevance(True, 1.0), places=places)


@pytest.mark.skipif(not SEED.exists(), reason="development corpus not present")
def test_routes_seed_report() -> None:
    record = extract(read_report(SEED, ReportOverrides(published="2022-11-28")))
    legs = names(record, route_legs(record))
    trunk = [(a, b) for a, b, _order, branch in legs if branch == 0]
    assert trunk == [
        ("Pyongyang", "Tumangang"),
        ("Tumangang", "Khasan"),
        ("Khasan", "Ussuriysk"),
        ("Ussuriysk", "Khabarovsk"),
    ]
    branches = [(a, b, branch) for a, b, _order, branch in legs if branch]
    assert branches == [
        ("Ussuriysk", "Magadan", 1),
        ("Ussuriysk", "Chita", 2),
        ("Ussuriysk", "Moscow", 3),
    ]
    assert len({order for _a, _b, order, branch in legs if branch}) == 1


def test_routes_via_stop_comes_before_the_stop_it_leads_to(tmp_path: Path) -> None:
    record = record_of(
        tmp_path,
        "North Korea selected 400 workers in Pyongyang in March. The laborers will be flown to "
        "Moscow via Beijing, and from there they will be taken by bus to the Donbas.",
    )
    legs = names(record, route_legs(record))
    assert [(a, b) for a, b, _o, _b in legs] == [
        ("Pyongyang", "Beijing"),
        ("Beijing", "Moscow"),
        ("Moscow", "Donbas"),
    ]
    assert [order for _a, _b, order, _b2 in legs] == [1, 2, 3]


def test_routes_dprk_stops_come_first(tmp_path: Path) -> None:
    record = record_of(
        tmp_path,
        "About 300 North Korean workers arrived in Vladivostok by rail via Khasan. "
        "The line runs from Khasan to Tumangang, on the North Korean side.",
    )
    legs = names(record, route_legs(record))
    assert [(a, b) for a, b, _o, _b in legs] == [
        ("Tumangang", "Khasan"),
        ("Khasan", "Vladivostok"),
    ]


def test_routes_evidence_spans_hold_both_mentions(tmp_path: Path) -> None:
    text = "Workers leaving from Pyongyang will travel via Khasan to Vladivostok."
    record = record_of(tmp_path, text)
    legs = route_legs(record)
    assert legs
    for leg in legs:
        start, end = leg.evidence
        assert 0 <= start < end <= len(text)
    first = legs[0].evidence
    assert text[first[0] : first[1]] == "Pyongyang will travel via Khasan"


def test_routes_none_without_a_journey(tmp_path: Path) -> None:
    record = record_of(tmp_path, "The weather in Seoul was mild on Monday.")
    assert route_legs(record) == []
