"""The seed report: the whole record is valid, exact in its spans, and scores 1.0 on its gold."""

from __future__ import annotations

import json

import pytest

from support import CORPUS, SEED, assert_valid_record, needs_corpus
from tumen.extract.pipeline import extract
from tumen.ingest.reader import ReportOverrides, read_report
from tumen.model import Record
from tumen.scoring import FIELDS, load_gold, score_record

pytestmark = needs_corpus


@pytest.fixture(scope="module")
def seed_record() -> Record:
    gold = json.loads((CORPUS / "000_6a9ecab408291826.gold.json").read_text())
    return extract(read_report(SEED, ReportOverrides(published=gold["published"])))


def test_seed_record_is_valid(seed_record: Record) -> None:
    assert_valid_record(seed_record.to_dict())


@pytest.mark.parametrize("field", FIELDS)
def test_seed_scores_one_on_every_field(seed_record: Record, field: str) -> None:
    score = score_record(seed_record, load_gold(CORPUS / "000_6a9ecab408291826.gold.json"))
    counts = score.fields[field]
    assert (counts.fp, counts.fn) == (0, 0), [e for e in score.errors if e.field == field]


def test_seed_roles_all_right(seed_record: Record) -> None:
    score = score_record(seed_record, load_gold(CORPUS / "000_6a9ecab408291826.gold.json"))
    assert score.roles_matched >= 10
    assert score.roles_correct == score.roles_matched


def test_seed_caption_vladivostok_is_other(seed_record: Record) -> None:
    vladivostok = [p for p in seed_record.places if p.name == "Vladivostok"]
    assert vladivostok and all(p.role == "other" for p in vladivostok)


def test_seed_ussuri_is_the_city(seed_record: Record) -> None:
    ussuri = [p for p in seed_record.places if p.mention == "Ussuri"]
    assert len(ussuri) == 2
    for place in ussuri:
        assert place.name == "Ussuriysk" and place.kind == "city" and place.country == "RU"
        assert abs(place.lat - 43.80) < 0.05 and abs(place.lon - 131.97) < 0.05  # type: ignore[operator]


def test_seed_lunar_new_year_is_one_time(seed_record: Record) -> None:
    lunar = [t for t in seed_record.times if "Lunar New Year" in t.mention]
    assert len(lunar) == 1
    assert lunar[0].mention == "before the Lunar New Year next year"
    assert (lunar[0].relation, lunar[0].start, lunar[0].end) == (
        "before",
        "2023-01-22",
        "2023-01-22",
    )
