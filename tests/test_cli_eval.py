"""`tumen eval`: the scorer on the command line, over the development set and small folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tumen.cli import main
from tumen.scoring import FIELDS

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
SCORE_KEYS = {"precision", "recall", "f1", "tp", "fp", "fn"}

# A team-written report in the genre's phrasing (not from any real article).
REPORT = (
    "A source in North Hamgyong Province told our reporter on Monday that about 200 workers "
    "left for Vladivostok in early March to work on construction sites."
)


def _gold(doc: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "tumen.gold/1",
        "doc": doc,
        "published": "2023-03-20",
        "relevant": True,
        "places": [],
        "worker_counts": [{"mention": "about 200", "min": 200, "max": 200}],
        "times": [],
        "durations": [],
        "event_types": ["departure"],
        "rounds": [],
        "sanctions": [],
    }
    data.update(fields)
    return data


def _write(folder: Path, name: str, data: Any) -> None:
    text = data if isinstance(data, str) else json.dumps(data)
    (folder / name).write_text(text, encoding="utf-8")


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["eval", *args])


def test_cli_eval_development_set_json_shape() -> None:
    result = _run(str(CORPUS), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"documents", "failures", "fields", "role_accuracy"}
    assert data["documents"] == len(list(CORPUS.glob("*.gold.json")))
    assert isinstance(data["failures"], list)
    assert set(data["fields"]) == set(FIELDS)
    for name, scores in data["fields"].items():
        assert set(scores) == SCORE_KEYS, name
        assert all(0.0 <= scores[k] <= 1.0 for k in ("precision", "recall", "f1"))
        assert all(isinstance(scores[k], int) and scores[k] >= 0 for k in ("tp", "fp", "fn"))
    # Every gold item is either found or missed, so tp + fn is the gold's size, whatever the
    # extractor does. Relevance counts relevant documents.
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.gold.json")]
    relevant = sum(1 for g in golds if g["relevant"])
    assert data["fields"]["relevance"]["tp"] + data["fields"]["relevance"]["fn"] == relevant
    assert data["fields"]["sanctions"]["tp"] + data["fields"]["sanctions"]["fn"] == sum(
        len(set(g["sanctions"])) for g in golds
    )
    assert data["role_accuracy"] is None or 0.0 <= data["role_accuracy"] <= 1.0


def test_cli_eval_table_shows_every_field() -> None:
    result = _run(str(CORPUS))
    assert result.exit_code == 0, result.output
    for name in FIELDS:
        assert name in result.output
    assert "role accuracy" in result.output


def test_cli_eval_failure_listed_and_gold_missed(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "a.gold.json", _gold("a.txt"))
    _write(tmp_path, "b.txt", "")  # an empty report cannot be read: a failure, not a crash
    _write(tmp_path, "b.gold.json", _gold("b.txt", event_types=["departure", "arrival"]))
    result = _run(str(tmp_path), "--format", "json", "--show-errors")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 2
    assert [f["doc"] for f in data["failures"]] == ["b.txt"]
    assert data["failures"][0]["error"]
    # b's two event types and its count are missed whatever a's extraction finds.
    assert data["fields"]["event_types"]["fn"] >= 2
    assert data["fields"]["worker_counts"]["fn"] >= 1
    missed_b = {(e["field"], e["item"]) for e in data["errors"] if e["doc"] == "b.txt"}
    assert ("event_types", "arrival") in missed_b
    assert all(e["kind"] == "missed" for e in data["errors"] if e["doc"] == "b.txt")


@pytest.mark.parametrize(
    ("gold", "field"),
    [
        ({"relevant": "maybe"}, "relevant"),
        ({"times": [{"mention": "m", "start": "2023-02-30", "end": None}]}, "times[0].start"),
        ({"places": [{"name": "X", "country": "RU", "role": "transit", "precision": 1}]},
         "places[0].lat"),
    ],
)  # fmt: skip
def test_cli_eval_malformed_gold_fails_naming_file_and_field(
    tmp_path: Path, gold: dict[str, Any], field: str
) -> None:
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "a.gold.json", _gold("a.txt", **gold))
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 4
    assert "a.gold.json" in result.stderr
    assert f"'{field}'" in result.stderr
    assert result.stdout == ""


def test_cli_eval_gold_not_json(tmp_path: Path) -> None:
    _write(tmp_path, "a.gold.json", "{")
    result = _run(str(tmp_path))
    assert result.exit_code == 4


def test_cli_eval_folder_without_gold(tmp_path: Path) -> None:
    result = _run(str(tmp_path))
    assert result.exit_code != 0
    assert "no *.gold.json" in result.output
