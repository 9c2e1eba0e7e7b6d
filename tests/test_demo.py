"""`tumen demo` stores every example, writes their records, and can be run again."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from support import EXAMPLES, assert_valid_record
from tumen.cli import main


def test_demo_runs_and_says_where_output_is(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "records.jsonl" in result.output and "tumen-demo.db" in result.output
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(EXAMPLES.glob("*.json")))
    records = [json.loads(line) for line in lines]
    for record in records:
        assert_valid_record(record)
    assert any(r["relevance"]["relevant"] for r in records)
    assert any(not r["relevance"]["relevant"] for r in records)

    listed = CliRunner().invoke(
        main, ["--db", f"sqlite:///{out / 'tumen-demo.db'}", "reports", "--format", "json"]
    )
    assert listed.exit_code == 0
    assert len(json.loads(listed.stdout)) == len(lines)


def test_demo_is_idempotent(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    first = CliRunner().invoke(main, ["demo", "--out", str(out)])
    before = (out / "records.jsonl").read_bytes()
    second = CliRunner().invoke(main, ["demo", "--out", str(out)])
    assert first.exit_code == second.exit_code == 0
    assert (out / "records.jsonl").read_bytes() == before
