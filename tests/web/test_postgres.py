"""The reports list on PostgreSQL: the store's own full-text search (tsvector), with filters.

A throwaway server: initdb into a temporary directory, started on a free loopback port as an
unprivileged user (CI runs as root, and PostgreSQL refuses root), stopped at the end. Skipped
only when the PostgreSQL binaries or the psycopg driver are absent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tumen.ingest.reader import ReportOverrides, build_report

from .conftest import free_port

BIN = next(
    (
        p
        for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
        if (p / "initdb").exists()
    ),
    None,
)
pytestmark = pytest.mark.skipif(BIN is None, reason="PostgreSQL binaries are not installed")

# Our own sentences in the genre's phrasing.
REPORTS = [
    (
        "Workers were selected in Pyongyang for construction sites in Donetsk.",
        "Wire A",
        "2023-03-01",
    ),
    (
        "A second round of workers left for Vladivostok by train, a source said.",
        "Wire B",
        "2023-06-10",
    ),
    ("The ministry announced a new harvest festival in the provinces.", "Wire A", "2023-07-01"),
]


def _as_postgres_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runner = shutil.which("runuser")
    assert runner, "runuser is needed to start PostgreSQL as root"
    return [runner, "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg")
    assert BIN is not None
    tmp = Path(tempfile.mkdtemp(prefix="tumen-pg-"))
    data = tmp / "data"
    port = free_port()
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
    subprocess.run(
        _as_postgres_user(
            [str(BIN / "initdb"), "-D", str(data), "-U", "tumen", "--auth=trust", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_postgres_user(
            [
                str(BIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(tmp / "log"),
                "-w",
                "-o",
                f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://tumen@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres_user([str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)


def test_reports_list_uses_postgres_full_text_search(pg_url: str) -> None:
    from tumen.store import open_store
    from tumen.web.desk import Desk

    with open_store(pg_url) as store:
        store.add_many(
            [
                build_report(t, overrides=ReportOverrides(publisher=p, published=d))
                for t, p, d in REPORTS
            ],
            who="test",
        )
        desk = Desk(store)
        assert desk.dialect == "postgresql"
        hits, total = desk.list_reports(query="worker")  # stemmed: finds "workers"
        assert total == 2 and all("[" in (h.snippet or "") for h in hits)
        hits, total = desk.list_reports(query='"second round"')
        assert total == 1 and hits[0].publisher == "Wire B"
        _, total = desk.list_reports(query="workers", publisher="Wire A", date_to="2023-12-31")
        assert total == 1
        assert desk.list_reports(query="harvest -festival")[1] == 0  # websearch syntax
        everything, total = desk.list_reports()
        assert total == 3 and everything[0].published == "2023-07-01"
