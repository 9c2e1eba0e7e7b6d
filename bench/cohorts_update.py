"""Time the dispatch model's incremental update: one report added to a store of 10,000.

The extractor is not what is measured here, so the store is given synthetic records (seeded,
made of the team's own template sentences, with events, rounds, counts, dates and places) by
a stand-in extractor. The store is filled in one batch (one model refresh), then single
reports are added one at a time through `Store.add`, which runs the model's update in the
same transaction; the figure is the wall time of each such add (median and worst).

    python bench/cohorts_update.py                  # 10,000 reports, 5 warm adds and 1 cold
    python bench/cohorts_update.py --count 2000 --adds 3

Target: under 1 s per add (issue 7). Results go to bench/results/cohorts_update.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tumen.ids import event_key, item_key, report_id, text_sha256  # noqa: E402
from tumen.model import (  # noqa: E402
    Attribution,
    Event,
    Evidence,
    Place,
    Quantity,
    Record,
    Relevance,
    Report,
    TimeExpression,
)

TARGET_S = 1.0
OUTLETS = ["Daily NK", "Yonhap", "NK News", "Radio Free Asia", "KBS", "Example Weekly", "A Blog"]
DESTINATIONS = [("Donbas", "UA"), ("Vladivostok", "RU"), ("Moscow", "RU"), ("Dandong", "CN")]
TYPES = [
    ("recruitment", "completed"),
    ("recruitment", "planned"),
    ("standby", "ongoing"),
    ("departure", "planned"),
    ("departure", "completed"),
    ("arrival", "completed"),
    ("deployment", "ongoing"),
    ("return", "completed"),
]


def synthetic(n: int, seed: int) -> tuple[Report, Record]:
    """Report n of the feed: a few sentences, and the record an extractor would give it."""
    rng = random.Random(seed * 1_000_003 + n)
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    dest, country = rng.choice(DESTINATIONS)
    outlet = rng.choice(OUTLETS)
    count = rng.choice([50, 120, 300, 500, 800, 1000, 1500])
    rnd = rng.choice([None, 1, 2, 3])
    etype, status = rng.choice(TYPES)
    when = day + timedelta(days=rng.randrange(10, 90))
    serial = f"Bulletin {n} of the series."
    sentences = [
        serial,
        f"A source told {outlet} that {count} workers are involved in the {etype} to {dest}.",
        f"The step is expected around {when.isoformat()}, officials said.",
        "Other details were not disclosed by the authorities concerned.",
    ]
    text = " ".join(sentences)
    sha = text_sha256(text)
    rid = report_id(sha)
    report = Report(id=rid, sha256=sha, text=text, publisher=outlet, published=day.isoformat())

    def span(mention: str) -> tuple[int, int]:
        start = text.index(mention)
        return start, start + len(mention)

    qs = span(f"{count} workers")
    ds = span(dest)
    ts = span(when.isoformat())
    es = span(f"in the {etype} to {dest}")
    record = Record(
        report=report,
        relevance=Relevance(relevant=True, score=0.9),
        places=[
            Place(
                dest,
                ds,
                dest,
                country,
                None,
                None,
                "city",
                1,
                "destination",
                id="p1",
                key=item_key(rid, "place", ds),
            )
        ],
        times=[
            TimeExpression(
                when.isoformat(),
                ts,
                when.isoformat(),
                when.isoformat(),
                "on",
                "day",
                "absolute",
                id="t1",
                key=item_key(rid, "time", ts),
            )
        ],
        quantities=[
            Quantity(
                f"{count} workers",
                qs,
                "workers",
                count,
                count,
                id="q1",
                key=item_key(rid, "quantity", qs),
            )
        ],
        events=[
            Event(
                type=etype,  # type: ignore[arg-type]
                evidence=[Evidence(es, text[es[0] : es[1]])],
                status=status,  # type: ignore[arg-type]
                round=rnd,
                attribution=Attribution("insider_source", "A source", span("A source")),
                places=["p1"],
                time="t1",
                workers="q1",
                id="e1",
                key=event_key(rid, etype, rnd, es),
            )
        ],
    )
    return report, record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=6)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "cohorts_update.json"
    )
    args = parser.parse_args()

    from sqlalchemy import func, select

    from tumen.cohorts.store import writing
    from tumen.cohorts.tables import CohortRow, ProgrammeRow
    from tumen.store import open_store

    feed = {}
    for n in range(args.count + args.adds):
        report, record = synthetic(n, args.seed)
        feed[report.id] = (report, record)
    order = list(feed.values())
    base, extra = order[: args.count], order[args.count :]

    def extract(report: Report) -> Record:
        record = feed[report.id][1]
        record.report = report
        return record

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        with open_store(url, extract=extract) as store:
            t0 = time.perf_counter()
            store.add_many([r for r, _ in base])
            fill_s = time.perf_counter() - t0
            times, cpu = [], []
            for report, _ in extra[:-1]:
                t0, c0 = time.perf_counter(), time.process_time()
                store.add(report)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            # A fresh process (`tumen add` from a shell) has not parsed the stored facts yet.
            from tumen.cohorts import store as cohort_store

            cohort_store._FACTS.clear()
            t0 = time.perf_counter()
            store.add(extra[-1][0])
            cold = time.perf_counter() - t0
            with writing(store) as session:
                programmes = session.scalar(select(func.count()).select_from(ProgrammeRow))
                cohorts = session.scalar(select(func.count()).select_from(CohortRow))

    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    result = {
        "benchmark": "tumen cohorts incremental update (issue 7)",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "commit": commit,
        "settings": {"count": args.count, "adds": args.adds, "seed": args.seed},
        "store": {"programmes": programmes, "cohorts": cohorts, "fill_s": round(fill_s, 2)},
        "add_one_s": {
            "median": round(statistics.median(times), 3),
            "max": round(max(times), 3),
            "all": [round(t, 3) for t in times],
        },
        "add_one_cpu_s": {
            "median": round(statistics.median(cpu), 3),
            "max": round(max(cpu), 3),
        },
        "add_one_cold_s": round(cold, 3),
        # The bench machine is shared: wall time grows with other work, CPU time does not.
        "load_average_1m": round(os.getloadavg()[0], 2),
        "target_s": TARGET_S,
        "pass_wall": max(times) < TARGET_S,
        "pass_cpu": max(cpu) < TARGET_S,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
