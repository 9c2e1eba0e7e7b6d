"""`make bench`: run our throughput and the spaCy peer, print a table, write the results.

Runs `bench/throughput.py` with this interpreter (the product's environment) and
`bench/peer.py` with the peer's (`.venv/peer` by default), each in its own process so that
neither's memory or imports colour the other's figures. Writes `bench/results/latest.json`
with the machine, the commit and every figure, and prints the figures against the targets of
issue 3 (targets are reported, never asserted).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "latest.json"

# (figure, target, "min" when the figure must reach the target, "max" when it must stay under)
TARGETS: dict[str, tuple[float, str]] = {
    "triage_articles_per_s_core": (20_000, "min"),
    "extract_articles_per_s_core": (50, "min"),
    "peak_rss_mb": (500, "max"),
    "extract_vs_peer_ratio": (10, "min"),
    # issue 4: the finder on text with no time expressions, >= 50,000 sentences/s/core and no
    # more than 5 % of extraction (docs/time.md)
    "time_finder_sentences_per_s_core": (50_000, "min"),
    "time_share_of_extract_timeless": (0.05, "max"),
}


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def commit() -> dict[str, Any]:
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=10
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip()

    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(status) if status is not None else None,
    }


def run_json(python: str, script: str, args: list[str], timeout: float) -> dict[str, Any]:
    """Run a bench script, return its JSON; its stderr goes straight to ours."""
    done = subprocess.run(
        [python, str(HERE / script), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: {script} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def print_table(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    f = results
    table = Table(title=f"Tumen throughput, {results['machine']['cpu_model']}, one core")
    for col in ("figure", "ours", "peer (spaCy)", "target", "met"):
        table.add_column(col, justify="left" if col == "figure" else "right")

    def row(label: str, key: str, peer_key: str | None = None) -> None:
        value = f.get(key)
        target = TARGETS.get(key)
        met = ""
        if target is not None and isinstance(value, int | float):
            bound, kind = target
            ok = value >= bound if kind == "min" else value <= bound
            met = "[green]yes[/green]" if ok else "[red]no[/red]"
        table.add_row(
            label,
            fmt(value) if value is not None else "-",
            fmt(f[peer_key]) if peer_key and f.get(peer_key) is not None else "",
            ("≥ " if target[1] == "min" else "≤ ") + fmt(target[0]) if target else "",
            met,
        )

    row("triage (literal prefilter), articles/s/core", "triage_articles_per_s_core")
    row("  full relevance score, articles/s/core", "relevance_articles_per_s_core")
    row("full extraction, articles/s/core", "extract_articles_per_s_core")
    row(
        "  on the peer's sample, articles/s/core",
        "extract_sample_articles_per_s_core",
        "peer_extract_articles_per_s_core",
    )
    row("  ms per article", "extract_sample_ms_per_article", "peer_extract_ms_per_article")
    row("  words/s/core", "extract_words_per_s_core", "peer_words_per_s_core")
    row("ours / peer, articles/s (same sample)", "extract_vs_peer_ratio")
    row("peak RSS, MB", "peak_rss_mb", "peer_peak_rss_mb")
    row("  of which the feed in memory, MB", "corpus_rss_mb")
    row("time finder, timeless sentences/s/core", "time_finder_sentences_per_s_core")
    row("  hits on timeless sentences (want 0)", "time_finder_hits_in_timeless")
    row("time finder share of extraction, timeless text", "time_share_of_extract_timeless")
    row("  on the articles as they are (date-dense)", "time_share_of_extract")
    # A pipe (make's log, CI) gets a fixed width wide enough for the labels.
    console = Console(width=None if sys.stdout.isatty() else 110)
    console.print(table)
    shares = f.get("stage_share_of_extract") or {}
    if shares:
        parts = ", ".join(f"{k} {v:.0%}" for k, v in sorted(shares.items(), key=lambda kv: -kv[1]))
        console.print(f"stage shares of extraction time: {parts}")
    words = f.get("words_mean")
    console.print(
        f"feed: {f.get('articles'):,} articles, {words} words on average; "
        f"extraction {'complete' if f.get('extract_complete') else 'stopped at budget'} "
        f"({f.get('extract_articles'):,} articles, {f.get('extract_failures')} failures); "
        f"peer: {f.get('peer')} on {f.get('peer_articles')} articles"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--extract-budget", type=float, default=300.0)
    parser.add_argument("--peer-python", default=str(ROOT / ".venv" / "peer" / "bin" / "python"))
    parser.add_argument("--no-peer", action="store_true", help="skip the spaCy peer")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    common = ["--count", str(args.count), "--seed", str(args.seed), "--sample", str(args.sample)]
    started = datetime.now(UTC)
    figures = run_json(
        sys.executable,
        "throughput.py",
        [*common, "--extract-budget", str(args.extract_budget)],
        timeout=480,
    )
    if not args.no_peer:
        figures.update(run_json(args.peer_python, "peer.py", common, timeout=300))
        ours = figures.get("extract_sample_articles_per_s_core") or 0.0
        peer = figures.get("peer_extract_articles_per_s_core") or 0.0
        figures["extract_vs_peer_ratio"] = round(ours / peer, 1) if peer else None
    results = {
        "benchmark": "tumen throughput (issue 3)",
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        **commit(),
        "settings": {
            "count": args.count,
            "seed": args.seed,
            "sample": args.sample,
            "extract_budget_cpu_s": args.extract_budget,
        },
        "targets": {k: {"value": v, "kind": kind} for k, (v, kind) in TARGETS.items()},
        **figures,  # every figure at the top level, under the name of what it measures
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(
        f"results written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
