"""`tumen routes` and `tumen explain` work on stored reports by id prefix, as on files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from support import SEED, needs_corpus
from tumen.cli import main
from tumen.store import open_store

pytestmark = needs_corpus


def _store_seed(tmp_path: Path) -> tuple[str, str]:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    added = CliRunner().invoke(main, ["--db", url, "add", str(SEED), "--published", "2022-11-28"])
    assert added.exit_code == 0, added.output
    return url, added.stdout.split("\t")[0]


def test_routes_of_a_stored_report_match_the_file(tmp_path: Path) -> None:
    url, report_id = _store_seed(tmp_path)
    stored = CliRunner().invoke(main, ["--db", url, "routes", report_id[:8]])
    direct = CliRunner().invoke(main, ["routes", str(SEED), "--published", "2022-11-28"])
    assert stored.exit_code == direct.exit_code == 0
    assert json.loads(stored.stdout) == json.loads(direct.stdout)
    legs = [
        f for f in json.loads(stored.stdout)["features"] if f["geometry"]["type"] == "LineString"
    ]
    assert len(legs) >= 7


def test_route_legs_are_kept_in_the_store(tmp_path: Path) -> None:
    url, report_id = _store_seed(tmp_path)
    with open_store(url, create=False) as store:
        legs = [item for item in store.items(report_id) if item.kind == "leg"]
    assert len(legs) >= 7
    assert {leg.data["branch"] for leg in legs} >= {0, 1, 2, 3}


def test_explain_a_stored_event(tmp_path: Path) -> None:
    url, report_id = _store_seed(tmp_path)
    result = CliRunner().invoke(main, ["--db", url, "explain", report_id[:8], "e1"])
    assert result.exit_code == 0, result.output
    assert "e1" in result.output


def test_routes_unknown_id_is_one_line_error(tmp_path: Path) -> None:
    url, _ = _store_seed(tmp_path)
    result = CliRunner().invoke(main, ["--db", url, "routes", "ffffffffff"])
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1
