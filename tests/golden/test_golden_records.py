"""Golden records: each synthetic example's whole record is checked against a reviewed file.

Regenerate with `pytest tests/golden --update-golden` and read the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import EXAMPLES, assert_valid_record
from tumen.extract.pipeline import extract
from tumen.ingest.reader import read_report

GOLDEN = Path(__file__).resolve().parent / "records"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_golden_record(path: Path, update_golden: bool) -> None:
    record = extract(read_report(path)).to_dict()
    assert_valid_record(record)
    golden = GOLDEN / f"{path.stem}.record.json"
    rendered = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if update_golden or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{golden.name} did not exist; written now, review it and re-run")
    assert json.loads(rendered) == json.loads(golden.read_text(encoding="utf-8"))


def test_golden_every_example_has_a_record() -> None:
    names = {p.stem for p in EXAMPLE_FILES}
    recorded = {p.name.removesuffix(".record.json") for p in GOLDEN.glob("*.record.json")}
    assert names == recorded
