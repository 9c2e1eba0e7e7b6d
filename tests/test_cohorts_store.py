"""The dispatch model in the store: incremental updates equal a rebuild, in any order; the CLI's
cohorts, conflicts, rebuild and programme commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cohorts_support import ALL, FIRST, REPRINT, RIVAL, SECOND, THIRD, UNDATED
from tumen.cli import main
from tumen.cohorts import model_of_records
from tumen.cohorts.store import load_model, rebuild, snapshot, writing
from tumen.model import Record, Report
from tumen.store import open_store

BY_ID = {r.report.id: r for r in ALL}


def fake_extract(report: Report) -> Record:
    """The hand-made record of a text, under the report as the store passes it."""
    record = BY_ID[report.id]
    return Record(
        report=report,
        relevance=record.relevance,
        places=record.places,
        times=record.times,
        quantities=record.quantities,
        durations=record.durations,
        events=record.events,
    )


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def fill(db: Path, records: list[Record]) -> dict:  # type: ignore[type-arg]
    with open_store(url(db), extract=fake_extract) as store:
        for r in records:
            store.add(r.report)  # one at a time: the incremental path
        with writing(store) as session:
            return snapshot(session)


def test_cohorts_store_incremental_equals_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    incremental = fill(db, list(ALL))
    assert incremental["programmes"] and incremental["cohorts"] and incremental["links"]
    assert any(c["status"] == "contradiction" for c in incremental["clusters"].values())
    with open_store(url(db), extract=fake_extract) as store, writing(store) as session:
        rebuild(session)
    with open_store(url(db)) as store, writing(store) as session:
        assert snapshot(session) == incremental


@pytest.mark.parametrize("seed", [1, 2])
def test_cohorts_store_order_of_adding_does_not_matter(tmp_path: Path, seed: int) -> None:
    import random

    order = list(ALL)
    random.Random(seed).shuffle(order)
    assert fill(tmp_path / "x.db", order) == fill(tmp_path / "y.db", list(reversed(order)))


def test_cohorts_store_model_equals_pure_model(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    fill(db, list(ALL))
    with open_store(url(db)) as store, writing(store) as session:
        for as_of in (None, "2022-10-20", "2022-11-30"):
            stored = load_model(session, as_of=as_of)
            pure = model_of_records(list(ALL), as_of=as_of)
            assert stored.to_dict() == pure.to_dict()
            assert stored.conflicts_dict() == pure.conflicts_dict()


def test_cohorts_store_reprint_link_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    snap = fill(db, list(ALL))
    assert (
        REPRINT.report.id,
        next(r.report.id for r in ALL if r.report.publisher == "NK News"),
        "reprint",
    ) in snap["report_links"]


def test_cohorts_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.db"
    fill(db, [FIRST, SECOND, THIRD, RIVAL, UNDATED])
    runner = CliRunner()
    base = ["--db", url(db)]

    out = runner.invoke(main, [*base, "cohorts", "--as-of", "2022-10-20", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["as_of"] == "2022-10-20"
    assert [c["label"] for c in data["programmes"][0]["cohorts"]] == ["round 1"]
    assert data["undated"] == [UNDATED.report.id]

    table = runner.invoke(main, [*base, "cohorts", "--format", "table"])
    assert table.exit_code == 0 and "round 2" in table.output

    out = runner.invoke(main, [*base, "conflicts", "--format", "json"])
    assert out.exit_code == 0, out.output
    [conflict] = json.loads(out.output)["conflicts"]
    assert conflict["slot"] == "size" and len(conflict["sides"]) == 2

    pid = data["programmes"][0]["id"]
    assert runner.invoke(main, [*base, "programme", "rename", pid, "Donbas 2022"]).exit_code == 0
    assert runner.invoke(main, [*base, "rebuild"]).exit_code == 0
    renamed = json.loads(runner.invoke(main, [*base, "cohorts", "--format", "json"]).output)
    assert renamed["programmes"][0]["name"] == "Donbas 2022"  # survives the rebuild

    split = runner.invoke(main, [*base, "programme", "split", pid, "--at", "2022-12-01"])
    assert split.exit_code == 0, split.output
    after = json.loads(runner.invoke(main, [*base, "cohorts", "--format", "json"]).output)
    assert [p["id"] for p in after["programmes"]] == [pid, f"{pid}~20221201"]

    bad = runner.invoke(main, [*base, "programme", "rename", "no-such", "x"])
    assert bad.exit_code != 0 and "no programme" in bad.output
    bad_date = runner.invoke(main, [*base, "cohorts", "--as-of", "22-1-1"])
    assert bad_date.exit_code != 0


def test_cohorts_bad_as_of_is_one_line_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from tumen.cli import main

    url = f"sqlite:///{tmp_path / 'store.db'}"
    for command in ("cohorts", "conflicts"):
        result = CliRunner().invoke(main, ["--db", url, command, "--as-of", "2022-13-01"])
        assert result.exit_code == 2
        assert "--as-of" in result.stderr and len(result.stderr.strip().splitlines()) == 1
