"""Time the web app's pages on a store of 10,000 reports; record the slowest.

The store is filled with copies of the bundled synthetic examples (`examples/`, the team's own
text), each with a numbered sentence appended and its own publisher and date, so that every
report is distinct. The extractor is not what is measured here: each example is extracted once
with the real pipeline, and a stand-in extractor gives every copy its template's record (spans
still hold, since only text after them differs) under the copy's own keys.

Each page is requested in-process (FastAPI's test client, signed in as an analyst): once cold,
right after a write (a review, so every per-generation cache is empty), then `--repeat` times
warm, then once more right after adding one new report (the store's add, with the dispatch
model's update). The figure for a page is the median of the warm requests; the cold and
after-add times are recorded too. With `--runs N` every page is measured N times over (each
time after a new review and a new report) and the medians of the runs are written.

    python bench/web_pages.py                    # 10,000 reports
    python bench/web_pages.py --count 1000 --repeat 3
    python bench/web_pages.py --db sqlite:////tmp/wb/store.db --runs 3   # a kept store

Target: every page under 200 ms (issue 8). Results: bench/results/web_pages.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tumen.extract.pipeline import extract  # noqa: E402
from tumen.ids import report_id, text_sha256  # noqa: E402
from tumen.ingest.reader import ReportOverrides, build_report, read_report  # noqa: E402
from tumen.model import Record, Report  # noqa: E402

TARGET_MS = 200.0
PUBLISHERS = ["Daily NK", "Yonhap", "NK News", "Radio Free Asia", "Example Weekly", "A Blog"]


def templates() -> list[Record]:
    return [extract(read_report(p)) for p in sorted((ROOT / "examples").glob("*.json"))]


def stand_in(records: list[Record]) -> Any:
    """An extractor that gives a copy its template's record, re-keyed to the copy's id."""
    by_prefix = [(r.report.text, r.to_dict()) for r in records]

    def run(report: Report) -> Record:
        for text, data in by_prefix:
            if report.text.startswith(text):
                raw = json.dumps(data).replace(data["report"]["id"], report.id)
                out = json.loads(raw)
                out["report"] = report.to_dict()
                return Record.from_dict(out)
        return extract(report)

    return run


def copies(records: list[Record], count: int) -> list[Report]:
    start = date(2022, 1, 1)
    out = []
    for n in range(count):
        base = records[n % len(records)].report
        text = f"{base.text}\n\nSynthetic copy {n} for the page benchmark."
        out.append(
            build_report(
                text,
                overrides=ReportOverrides(
                    published=(start + timedelta(days=n % 1400)).isoformat(),
                    publisher=PUBLISHERS[n % len(PUBLISHERS)],
                    title=f"{base.title or 'Report'} ({n})",
                ),
            )
        )
        assert out[-1].id == report_id(text_sha256(out[-1].text))
    return out


def _label(page: str) -> str:
    return re.sub(r"[0-9a-f]{16}", "{id}", page)


def _timed_get(client: Any, page: str) -> float:
    """One request for `page` (which must answer 200), in milliseconds."""
    t = time.perf_counter()
    response = client.get(page)
    ms = (time.perf_counter() - t) * 1000
    assert response.status_code == 200, (page, response.status_code, response.text[:300])
    return ms


def _keep(
    measured: dict[str, dict[str, list[float]]], name: str, values: dict[str, float], run: int
) -> None:
    """Add one run's figures of a page to `measured`, and print them."""
    m = measured.setdefault(name, {})
    for key, value in values.items():
        m.setdefault(key, []).append(value)
    print(
        f"run {run + 1} {name:<64} cold {m['cold'][-1]:8.1f} ms"
        f"   after add {m['after_add'][-1]:8.1f} ms   warm {m['warm'][-1]:7.1f} ms"
    )


def _measure(
    client: Any,
    store: Any,
    desk: Any,
    page: str,
    n: int,
    items: list[Any],
    records: list[Record],
    run: str,
    repeat: int,
) -> dict[str, float]:
    """One page once: cold (after a review), warm (`repeat` times), after adding a report."""
    # A write first, so that the per-generation caches start empty: a cold request.
    target = items[n % len(items)].key
    desk.review(target, "accept" if n % 2 else "reset", who="web:bench")
    cold = _timed_get(client, page)
    # Then a new report (what the "add a report" form does: the store's add, with the
    # dispatch model's update), and the page again: the first request after it.
    template = records[n % len(records)].report
    return _warm_then_add(
        client,
        store,
        page,
        cold,
        repeat,
        template,
        f"Synthetic addition {run}-{n} for the page benchmark.",
        published=(date(2022, 1, 1) + timedelta(days=(n * 97) % 1400)).isoformat(),
        publisher=PUBLISHERS[n % len(PUBLISHERS)],
        title=f"{template.title or 'Report'} (added {n})",
    )


def _warm_then_add(
    client: Any,
    store: Any,
    page: str,
    cold: float,
    repeat: int,
    template: Report,
    note: str,
    *,
    published: str,
    publisher: str,
    title: str,
) -> dict[str, float]:
    """The rest of a page's measure after its cold request: `repeat` warm requests, then one
    new report (a copy of `template` with `note` appended) and the first request after it."""
    warm = []
    for _ in range(repeat):
        t = time.perf_counter()
        client.get(page)
        warm.append((time.perf_counter() - t) * 1000)
    added = build_report(
        f"{template.text}\n\n{note}",
        overrides=ReportOverrides(published=published, publisher=publisher, title=title),
    )
    t = time.perf_counter()
    store.add_many([added], who="bench")
    add_s = time.perf_counter() - t
    after_add = _timed_get(client, page)
    return {
        "cold": cold,
        "after_add": after_add,
        "add_s": add_s,
        "warm": statistics.median(warm),
        "warm_max": max(warm),
    }


def _window_case(
    client: Any,
    store: Any,
    desk: Any,
    case: str,
    n: int,
    as_of: str,
    inside: list[Any],
    records: list[Record],
    run: str,
    repeat: int,
) -> dict[str, float]:
    """The as-of cohort table after what the cohort caches cannot answer from before: the
    first request for a day no cache holds (`new_day`), or a write that changes a fact of a
    report inside a cached day's window (`reject`, `edit`); then warm, then after adding a
    report dated inside the window."""
    if case == "new_day":
        # A day never asked for, inside every cohort's span (the cut falls in all of them).
        day = (date.fromisoformat(as_of) + timedelta(days=1 + n)).isoformat()
        page = f"/cohorts?as_of={day}"
    else:
        page = f"/cohorts?as_of={as_of}"
        client.get(page)  # the day is cached
        events: list[Any] = []
        k = n
        while not events:  # a report inside the window that has events
            events = [i for i in store.items(inside[k % len(inside)].id) if i.kind == "event"]
            k += 1
        target = events[n % len(events)]
        if case == "reject":
            desk.review(target.key, "reject", who="web:bench")
        else:
            status = "ongoing" if target.data.get("status") != "ongoing" else "completed"
            desk.review(target.key, "edit", who="web:bench", form={"status": status})
    cold = _timed_get(client, page)
    template = records[n % len(records)].report
    return _warm_then_add(
        client,
        store,
        page,
        cold,
        repeat,
        template,
        f"Synthetic addition in the window {case}-{run}-{n}.",
        published=(date.fromisoformat(as_of) - timedelta(days=30 + n)).isoformat(),
        publisher=PUBLISHERS[n % len(PUBLISHERS)],
        title=f"{template.title or 'Report'} (added in the window {n})",
    )


# The named cases of `_window_case`, as they are recorded among the pages.
WINDOW_CASES = {
    "new_day": "/cohorts?as_of={new day} (first request for the day)",
    "reject": "/cohorts?as_of={day} (after a reject inside the window)",
    "edit": "/cohorts?as_of={day} (after an edit inside the window)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "web_pages.json")
    parser.add_argument(
        "--db",
        default=None,
        help="Keep the store here, a path or a sqlite:/// URL (reused if it exists).",
    )
    parser.add_argument("--runs", type=int, default=1, help="Measure every page this many times.")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from tumen.store import open_store
    from tumen.web.accounts import add_user, authenticate, create_session
    from tumen.web.app import create_app

    records = templates()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        if args.db:
            db = Path(args.db.removeprefix("sqlite:///")) if "://" in args.db else Path(args.db)
        reuse = db.exists()
        store = open_store(f"sqlite:///{db.resolve()}", extract=stand_in(records))
        reports = copies(records, args.count)
        t0 = time.perf_counter()
        if not reuse:
            for i in range(0, len(reports), 1000):
                store.add_many(reports[i : i + 1000], who="bench")
            add_user(store, "bench", "analyst", "bench-password", who="bench")
        fill_s = time.perf_counter() - t0
        user = authenticate(store, "bench", "bench-password")
        assert user is not None
        secret, csrf = create_session(store, user)
        app: Any = create_app(store)
        client = TestClient(app)
        client.cookies.set("tumen_session", secret)
        # What `tumen serve` does in the background at start: read every record once.
        from tumen.web.views import warm

        t0 = time.perf_counter()
        warm(app.state.desk)
        warm_s = time.perf_counter() - t0

        rid = reports[len(reports) // 2].id
        items = store.items(rid)
        key = items[0].key
        as_of = (date(2022, 1, 1) + timedelta(days=700)).isoformat()
        # Reports inside the as-of window, with events: what the in-window writes touch.
        inside = [r for r in reports[:200] if (r.published or "9999") <= as_of]
        pages = [
            "/reports",
            "/reports?q=workers",
            "/reports?q=%22second+round%22&relevant=yes",
            "/reports?publisher=Daily+NK&date_from=2023-01-01&date_to=2023-12-31",
            "/reports?page=100",
            f"/reports/{rid}",
            "/review",
            "/review?state=unreviewed&kind=event&page=50",
            f"/claim?key={quote(key, safe='')}",
            "/cohorts",
            f"/cohorts?as_of={as_of}",
            "/map",
            f"/map?report={rid}",
            "/timeline",
            "/api/reports?q=workers",
            f"/api/reports/{rid}",
            "/api/cohorts",
            "/api/map",
            f"/api/map?report={rid}",
            "/api/timeline",
        ]
        desk = app.state.desk
        run = datetime.now(UTC).strftime("%Y%m%d%H%M%S")  # new reports even in a kept store
        measured: dict[str, dict[str, list[float]]] = {}
        for round_ in range(args.runs):
            tag = f"{run}-{round_}"
            for n, page in enumerate(pages):
                values = _measure(client, store, desk, page, n, items, records, tag, args.repeat)
                _keep(measured, _label(page), values, round_)
            for i, (case, name) in enumerate(WINDOW_CASES.items()):
                n = round_ * len(WINDOW_CASES) + i
                values = _window_case(
                    client, store, desk, case, n, as_of, inside, records, tag, args.repeat
                )
                _keep(measured, name, values, round_)
        results: list[dict[str, Any]] = []
        for page, m in measured.items():
            results.append(
                {
                    "page": page,
                    "cold_ms": round(statistics.median(m["cold"]), 1),
                    "after_add_ms": round(statistics.median(m["after_add"]), 1),
                    "add_s": round(statistics.median(m["add_s"]), 3),
                    "warm_median_ms": round(statistics.median(m["warm"]), 1),
                    "warm_max_ms": round(max(m["warm_max"]), 1),
                    "runs": {
                        "cold_ms": [round(v, 1) for v in m["cold"]],
                        "after_add_ms": [round(v, 1) for v in m["after_add"]],
                        "warm_median_ms": [round(v, 1) for v in m["warm"]],
                    },
                }
            )
        store.close()

    slowest = max(results, key=lambda r: r["warm_median_ms"])
    slowest_cold = max(results, key=lambda r: r["cold_ms"])
    slowest_after_add = max(results, key=lambda r: r["after_add_ms"])
    summary = {
        "benchmark": "web_pages",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "reports": args.count,
        "runs": args.runs,
        "fill_seconds": None if reuse else round(fill_s, 1),  # None: a kept store (--db)
        "warm_up_seconds": round(warm_s, 1),
        "window_cases": "the pages named with a parenthesis are the as-of cohort table's "
        "hard cases, one new day or one new write per run: cold = the first request for a day "
        "no cache holds, or the first request after a reject or an edit of a claim of a "
        "report inside a cached day's window; after_add = after adding a report dated inside "
        "the window.",
        "note": "every figure is the median of `runs` runs (each page measured after its own "
        "review and its own added report in every run; per-run values under runs); "
        "cold = the first request after a write (a review), when every cache of views "
        "over all reports is stale and only the changed report is worked out again; "
        "after_add = the first request after adding one report (add_s: the add itself, with "
        "the dispatch model's update); warm = the same page again. warm_up = building the "
        "views once at server start.",
        "target_ms": TARGET_MS,
        "slowest_warm": slowest,
        "slowest_cold": slowest_cold,
        "slowest_after_add": slowest_after_add,
        "all_warm_under_target": all(r["warm_median_ms"] < TARGET_MS for r in results),
        "all_cold_under_target": all(r["cold_ms"] < TARGET_MS for r in results),
        "all_after_add_under_target": all(r["after_add_ms"] < TARGET_MS for r in results),
        "pages": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"slowest page (warm median): {slowest['page']} {slowest['warm_median_ms']} ms")
    print(f"slowest page (cold): {slowest_cold['page']} {slowest_cold['cold_ms']} ms")
    print(
        f"slowest page (after adding a report): {slowest_after_add['page']} "
        f"{slowest_after_add['after_add_ms']} ms"
    )
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
