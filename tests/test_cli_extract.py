"""`tumen extract`: valid records for every example and corpus report, clean failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import CORPUS, EXAMPLES, SEED, assert_valid_record, needs_corpus
from tumen.cli import main

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_extract_examples_validate(path: Path) -> None:
    code, out, _ = run("extract", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert_valid_record(data)
    assert data["report"]["published"] == json.loads(path.read_text())["published"]


@needs_corpus
@pytest.mark.parametrize(
    "gold", sorted(CORPUS.glob("*.gold.json")), ids=lambda p: p.name.split(".")[0]
)
def test_extract_corpus_validates(gold: Path) -> None:
    meta = json.loads(gold.read_text())
    args = ["extract", str(CORPUS / meta["doc"]), "--format", "json"]
    if meta["published"]:
        args += ["--published", meta["published"]]
    code, out, err = run(*args)
    assert code == 0, err
    assert_valid_record(json.loads(out))


def test_extract_published_overrides_json(tmp_path: Path) -> None:
    code, out, _ = run(
        "extract", str(EXAMPLE_FILES[0]), "--published", "2024-04-01", "--format", "json"
    )
    assert code == 0 and json.loads(out)["report"]["published"] == "2024-04-01"


def test_extract_table_format() -> None:
    code, out, _ = run("extract", str(EXAMPLE_FILES[0]), "--format", "table")
    assert code == 0
    assert "Places" in out and "Times" in out and "Events" in out


def test_extract_non_english_is_marked_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "ko.txt"
    path.write_text(
        "북한이 러시아에 노동자를 추가로 파견하고 있다고 소식통이 전했다.", encoding="utf-8"
    )
    code, out, _ = run("extract", str(path))
    data = json.loads(out)
    assert code == 0
    assert_valid_record(data)
    assert data["report"]["language"] == "ko"
    assert "not yet supported" in data["extractor"]["rules"]
    assert data["events"] == [] and data["places"] == []


@pytest.mark.parametrize(
    ("content", "extra", "needle"),
    [
        (b"", [], "empty"),
        (b"\x00\x01\x02binary\x00" * 20, [], "binary"),
        (b"North Korea sent workers.", ["--published", "2022-02-30"], "--published"),
        (b"North Korea sent workers.", ["--published", "28/11/2022"], "--published"),
    ],
)
def test_extract_bad_input_one_line(
    tmp_path: Path, content: bytes, extra: list[str], needle: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run("extract", str(path), *extra)
    assert code != 0 and out == ""
    assert needle in err and len(err.strip().splitlines()) == 1


def test_extract_missing_file(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err and "nope.txt" in err


def test_extract_does_not_import_the_store() -> None:
    """`extract` must stay light: its start-up never loads the store or SQLAlchemy."""
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tumen.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', {str(SEED)!r}, '--published', '2022-11-28'])\n"
        "assert r.exit_code == 0, r.output\n"
        "bad = [m for m in sys.modules if m.startswith(('tumen.store', 'sqlalchemy', 'alembic'))]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_help_imports_only_the_cli() -> None:
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tumen.cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\n"
        "assert r.exit_code == 0\n"
        "heavy = ('rich', 'sqlalchemy', 'tumen.extract', 'tumen.store', 'tumen.resolve')\n"
        "print(','.join(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
