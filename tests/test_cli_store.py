"""`tumen add`, `tumen reports`, `tumen show` on real SQLite files, through click's runner."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tumen.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

GOOD = (
    "[Synthetic example written for the tests.] About 150 North Korean workers left Pyongyang "
    "for Vladivostok last month, a source in North Hamgyong Province said. They will work on "
    "construction sites for at least two years.\n"
)
OTHER = (
    "[Synthetic example written for the tests.] A second group of 40 workers is waiting in "
    "Pyongyang to leave for Khabarovsk in early December, according to a source.\n"
)


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS shadow tables included), for before/after comparisons."""
    with sqlite3.connect(path) as db:
        tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", f"sqlite:///{db}", *args])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines(result: Result) -> list[list[str]]:
    return [line.split("\t") for line in result.stdout.splitlines()]


def test_cli_add_prints_id_and_status_per_file(tmp_path: Path, db: Path) -> None:
    good, other = write(tmp_path, "good.txt", GOOD), write(tmp_path, "other.txt", OTHER)
    first = run(db, "add", str(good), str(other))
    assert first.exit_code == 0, first.stderr
    (id1, status1, file1), (id2, status2, _) = lines(first)
    assert (status1, status2, file1) == ("added", "added", str(good))
    assert len(id1) == 16 and id1 != id2

    before = dump(db)
    again = run(db, "add", str(good), str(other))
    assert [row[1] for row in lines(again)] == ["unchanged", "unchanged"]
    assert dump(db) == before  # re-running changes nothing

    dated = run(db, "add", str(good), "--published", "2023-03-10")
    assert lines(dated) == [[id1, "updated", str(good)]]
    record = json.loads(run(db, "show", id1[:6]).stdout)
    assert record["report"]["published"] == "2023-03-10"


def test_cli_add_the_same_file_twice_in_one_call(tmp_path: Path, db: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD)
    result = run(db, "add", str(good), str(good))
    assert [row[1] for row in lines(result)] == ["added", "unchanged"]


def test_cli_reports_lists_the_store(tmp_path: Path, db: Path) -> None:
    run(db, "add", str(write(tmp_path, "g.txt", GOOD)), "--title", "A test title")
    run(db, "add", str(write(tmp_path, "o.txt", OTHER)), "--published", "2023-11-20")
    listed = json.loads(run(db, "reports", "--format", "json").stdout)
    assert [r["title"] for r in listed] == [None, "A test title"]  # dated first, undated last
    assert listed[0]["published"] == "2023-11-20"
    table = run(db, "reports", "--format", "table")
    assert table.exit_code == 0 and listed[0]["id"] in table.stdout
    # The runner's stdout is not a terminal: JSON by default.
    assert json.loads(run(db, "reports").stdout) == listed
    found = json.loads(run(db, "reports", "--search", "Khabarovsk").stdout)
    assert [r["id"] for r in found] == [listed[0]["id"]]


def test_cli_show_prints_what_extract_prints(tmp_path: Path, db: Path) -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        added = run(db, "add", str(path))
        assert added.exit_code == 0, added.stderr
        report_id = lines(added)[0][0]
        shown = run(db, "show", report_id[:8])
        extracted = CliRunner().invoke(main, ["extract", str(path)])
        assert shown.exit_code == 0 and shown.stdout == extracted.stdout
    table = run(db, "show", report_id, "--format", "table")
    assert table.exit_code == 0 and report_id in table.stdout


@pytest.mark.parametrize(
    ("make_args", "exit_code", "message"),
    [
        (lambda db: ["show", "abc"], 2, "too short"),
        (lambda db: ["show", "0000000000"], 3, "no report"),
        (lambda db: ["show", "not-an-id"], 3, "no report"),
    ],
    ids=["too-short", "unknown", "not-hex"],
)
def test_cli_show_bad_ids(
    tmp_path: Path, db: Path, make_args: Any, exit_code: int, message: str
) -> None:
    run(db, "add", str(write(tmp_path, "g.txt", GOOD)))
    result = run(db, *make_args(db))
    assert result.exit_code == exit_code
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_cli_read_commands_do_not_create_a_store(db: Path) -> None:
    for args in (["reports"], ["show", "abcdef"]):
        result = run(db, *args)
        assert result.exit_code == 3 and "no store at" in result.stderr
    assert not db.exists()


def _empty(tmp: Path) -> list[str]:
    return [str(write(tmp, "empty.txt", ""))]


def _blank(tmp: Path) -> list[str]:
    return [str(write(tmp, "blank.txt", " \n\n  \t\n"))]


def _binary(tmp: Path) -> list[str]:
    path = tmp / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 64)
    return [str(path)]


def _missing(tmp: Path) -> list[str]:
    return [str(tmp / "no-such-report.txt")]


def _bad_date(tmp: Path) -> list[str]:
    return [str(write(tmp, "fine.txt", OTHER)), "--published", "2023-02-30"]


def _too_large(tmp: Path) -> list[str]:
    from tumen.ingest.reader import MAX_REPORT_BYTES

    path = tmp / "huge.txt"
    line = b"Workers were sent abroad again, the source said.\n"
    path.write_bytes(line * (MAX_REPORT_BYTES // len(line) + 1))
    assert path.stat().st_size > MAX_REPORT_BYTES
    return [str(path)]


BAD_INPUTS = {
    "empty": (_empty, "empty.txt"),
    "blank": (_blank, "blank.txt"),
    "binary": (_binary, "photo.jpg"),
    "missing": (_missing, "no-such-report.txt"),
    "bad-published": (_bad_date, "--published"),
    "too-large": (_too_large, "huge.txt"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_cli_add_bad_input_leaves_the_store_unchanged(tmp_path: Path, db: Path, case: str) -> None:
    make, named = BAD_INPUTS[case]
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    assert run(db, "add", str(write(tmp_path, "kept.txt", GOOD))).exit_code == 0
    before = dump(db)
    # A good file before the bad one: nothing at all is stored.
    new_good = str(write(tmp_path, "new.txt", OTHER.replace("40", "45")))
    result = run(db, "add", new_good, *make(inputs))
    assert result.exit_code != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error T") and named in line
    assert dump(db) == before


def test_cli_add_bad_input_creates_no_store(tmp_path: Path, db: Path) -> None:
    result = run(db, "add", *_empty(tmp_path))
    assert result.exit_code == 2
    assert not db.exists()


def test_cli_db_from_environment(tmp_path: Path, db: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD)
    result = CliRunner().invoke(main, ["add", str(good)], env={"TUMEN_DB": f"sqlite:///{db}"})
    assert result.exit_code == 0, result.stderr
    assert db.exists()


def test_cli_extract_does_not_import_the_store(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD)
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tumen.cli import main\n"
        f"result = CliRunner().invoke(main, ['extract', {str(good)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "loaded = [m for m in sys.modules if m.startswith(('tumen.store', 'sqlalchemy', 'alembic'))]\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
