"""`tumen demo`: the main job on the bundled synthetic examples.

Reads every example, stores it (with its record) in a demo store, and writes the records as
JSON Lines beside it, so a new user sees the whole path from report to evidence in one command.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tumen.errors import InputError
from tumen.ingest.reader import read_report
from tumen.model import Record

# The examples live at the top of the source tree (they are documentation as much as data).
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"


@dataclass(slots=True)
class DemoResult:
    store_url: str
    records_path: Path
    records: list[Record]


def example_files(directory: Path = EXAMPLES_DIR) -> list[Path]:
    files = sorted(p for p in directory.glob("*") if p.suffix in {".json", ".txt"})
    if not files:
        raise InputError("no example reports (*.json, *.txt) found", source=str(directory))
    return files


def run_demo(
    out_dir: Path,
    examples: Path = EXAMPLES_DIR,
    on_report: Callable[[], None] | None = None,
) -> DemoResult:
    """Store and extract every example into `out_dir`; return where everything went."""
    from tumen.store import open_store

    reports = [read_report(path) for path in example_files(examples)]
    out_dir.mkdir(parents=True, exist_ok=True)
    store_url = f"sqlite:///{(out_dir / 'tumen-demo.db').resolve()}"
    with open_store(store_url) as store:
        store.add_many(reports, (lambda _result: on_report()) if on_report else None)
        records = [store.get_record(report.id) for report in reports]
    records_path = out_dir / "records.jsonl"
    tmp = records_path.with_suffix(".jsonl.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(records_path)
    return DemoResult(store_url=store_url, records_path=records_path, records=records)
