"""Fixtures of the web app's tests: a store with the seed report, the examples and a few
reports of our own (hostile markup, characters outside the BMP), and accounts of each role."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tumen.ingest.reader import ReportOverrides, build_report, read_report
from tumen.store import Store, open_store
from tumen.web.accounts import add_user, create_token

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus"
SEED = CORPUS / "000_6a9ecab408291826.txt"
SEED_PUBLISHED = "2022-11-28"
EXAMPLES = ROOT / "examples"
PASSWORD = "correct horse battery"
ROLES = ("viewer", "analyst", "admin")

# Our own sentences in the genre's phrasing (never a publisher's text).
HOSTILE = (
    "A source said workers left Pyongyang for Vladivostok in early November. "
    "<script>document.title='pwned'; window.pwned = 1;</script> "
    'Read <a href="javascript:alert(1)">the briefing</a> or javascript:alert(2) for more. '
    "A defector named Ri Kwang-chol described the crossing at Tumangang."
)
ASTRAL = (
    "\U0001d54eorkers \U0001f600 selected in Pyongyang were sent to Vladivostok "
    "in early November 2022, a source in North Korea said."
)


@dataclass
class WebStore:
    url: str
    store: Store
    seed_id: str
    hostile_id: str
    astral_id: str
    tokens: dict[str, str]


def build_store(path: Path) -> WebStore:
    url = f"sqlite:///{path}"
    store = open_store(url)
    seed = read_report(SEED, ReportOverrides(published=SEED_PUBLISHED))
    reports = [seed] + [read_report(p) for p in sorted(EXAMPLES.glob("*.json"))]
    hostile = build_report(
        HOSTILE, overrides=ReportOverrides(published="2023-02-01", title="<b>Hostile</b> title")
    )
    astral = build_report(ASTRAL, overrides=ReportOverrides(published="2022-11-20"))
    store.add_many([*reports, hostile, astral], who="test")
    tokens = {}
    for role in ROLES:
        add_user(store, role, role, PASSWORD, who="test")
        tokens[role] = create_token(store, role, "tests", who="test")[1]
    return WebStore(url, store, seed.id, hostile.id, astral.id, tokens)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebStore]:
    ws = build_store(tmp_path_factory.mktemp("web") / "tumen.db")
    yield ws
    ws.store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    base: str
    web: WebStore


@pytest.fixture(scope="module")
def live(web: WebStore) -> Iterator[LiveServer]:
    """The app served by uvicorn on a loopback port, in a thread of the test process."""
    import uvicorn

    from tumen.web.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(web.store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", web)
    server.should_exit = True
    thread.join(timeout=10)
