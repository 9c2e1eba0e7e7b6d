"""The canonical model: records survive a round trip through their JSON form unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import EXAMPLES
from tumen.extract.pipeline import extract
from tumen.ingest.reader import read_report
from tumen.model import Record


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_model_record_round_trips_through_json(path: Path) -> None:
    record = extract(read_report(path))
    data = record.to_dict()
    assert Record.from_dict(data).to_dict() == data


def test_model_whole_numbers_serialise_as_integers() -> None:
    from tumen.model import Duration

    item = Duration(mention="two years", span=(0, 9), min_days=730.0, max_days=None)
    out = item.to_dict()
    assert out["min_days"] == 730 and isinstance(out["min_days"], int)
