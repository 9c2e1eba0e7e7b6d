"""Case-fold traps: letters that case-insensitive matching reads as ASCII but `lower` does not.

Every stage matches words without case and then looks them up in tables; a long s in "firſt"
once reached a table lookup as "firſt" and raised. Whole reports with the traps swapped in must
extract without error, with every span on the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import EXAMPLES, assert_valid_record
from tumen.extract.pipeline import extract
from tumen.ingest.reader import report_from_text
from tumen.text import fold


def _traps(text: str) -> list[str]:
    return [
        text.replace("s", "\u017f"),
        text.replace("i", "\u0131").replace("k", "\u212a"),
        text.replace("I", "\u0130").replace("S", "\u017f"),
    ]


@pytest.mark.parametrize(
    ("word", "key"),
    [("firſt", "first"), ("thıs", "this"), ("İn", "in"), ("\u212aim", "kim"), ("Year", "year")],
)
def test_fold_reads_words_as_matching_took_them(word: str, key: str) -> None:
    assert fold(word) == key


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_pipeline_reads_case_fold_traps_without_error(path: Path) -> None:
    text = json.loads(path.read_text(encoding="utf-8"))["text"]
    for variant in _traps(text):
        record = extract(report_from_text(variant, name=path.stem + ".txt")).to_dict()
        assert_valid_record(record)
        for place in record["places"]:
            assert variant[place["span"][0] : place["span"][1]] == place["mention"]


def test_rounds_written_with_a_long_s_are_read() -> None:
    text = (
        "A firſt batch of 200 North Korean construction workers left Pyongyang for Russia's Amur "
        "region last week, a source told reporters."
    )
    record = extract(report_from_text(text, name="traps.txt"))
    assert 1 in {event.round for event in record.events}


def test_a_round_counted_with_a_long_s_is_read() -> None:
    text = (
        "North Korea has begun round \u017fix of its worker selections, a source said. The "
        "chosen North Korean construction workers will leave Pyongyang for Russia in May."
    )
    record = extract(report_from_text(text, name="traps.txt"))
    assert 6 in {event.round for event in record.events}
