"""Our figures: articles per second per core and peak memory, one process, text in memory.

Measures, over the generated feed (`bench/generate.py`, 10,000 articles by default):
- relevance triage alone (the literal prefilter `tumen.extract.relevance.triage`), and the
  full relevance score (`assess_relevance`) beside it;
- the full extraction (`tumen.extract.pipeline.extract` on Reports built in memory, each with
  its publication date), and the share of its time each stage takes;
- the time-expression finder (`tumen.resolve.time.find_times`) on sentences that hold no time
  expression, the common case in a feed, and its share of the extraction time, both on the
  articles as they are (`time_share_of_extract`) and on the same articles with their time
  expressions cut out (`time_share_of_extract_timeless`).

Rates are per core: the work runs on one thread, and each rate is articles over the CPU time
of this process (`time.process_time`), so other load on the machine does not lower it. Wall
times are given beside. Peak RSS is the process's high-water mark (`ru_maxrss`) after each
phase; it includes the feed held in memory, given apart as `corpus_rss_mb`.

Prints one JSON object; `bench/run.py` runs this script, the peer, and writes the results.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402 - sits beside this script

# Extraction stops after this many CPU seconds, so `make bench` keeps within its 10 minutes
# on a slow build; the figures then say how many articles were done.
DEFAULT_EXTRACT_BUDGET_S = 300.0
STAGE_SAMPLE = 1000  # articles of the second, instrumented extraction pass
TIMELESS_SENTENCES = 50_000
SENTENCES_PER_BLOCK = 25  # the time finder is called once per article-sized block


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux gives KiB


class Clock:
    """CPU and wall time of a block."""

    def __enter__(self) -> Clock:
        self.cpu0, self.wall0 = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cpu = time.process_time() - self.cpu0
        self.wall = time.perf_counter() - self.wall0


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else 0.0


def measure_triage(texts: list[str], min_seconds: float = 2.0) -> dict[str, Any]:
    """Relevance triage over the whole feed, repeated until the timing is long enough to trust.

    Triage is the literal prefilter `relevance.triage` that decides, for every article of a
    feed, whether it goes on to extraction (issue 3: "a literal keyword prefilter can reach
    it"). The full relevance score (`assess_relevance`), which extraction runs first on the
    articles that pass, is measured beside it as `relevance_*`.
    """
    from tumen.extract import relevance

    out: dict[str, Any] = {}
    candidates: list[tuple[str, Callable[[str], Any]]] = [
        ("triage", relevance.triage),
        ("relevance", relevance.assess_relevance),
    ]
    for name, fn in candidates:
        fn(texts[0])  # warm: compile regexes, load data
        done = 0
        kept = 0
        with Clock() as clock:
            while True:
                for text in texts:
                    result = fn(text)
                    kept += bool(getattr(result, "relevant", result))
                done += len(texts)
                if time.process_time() - clock.cpu0 >= min_seconds:
                    break
        passes = done // len(texts)
        out[f"{name}_articles_per_s_core"] = _rate(done, clock.cpu)
        out[f"{name}_articles_per_s_wall"] = _rate(done, clock.wall)
        out[f"{name}_passed_share"] = round(kept / done, 4)
        out[f"{name}_passes"] = passes
    out["triage_peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def build_reports(articles: list[generate.Article]) -> list[Any]:
    from tumen.model import Report

    reports = []
    for a in articles:
        sha = hashlib.sha256(a.text.encode("utf-8")).hexdigest()
        reports.append(
            Report(id=sha[:16], sha256=sha, text=a.text, title=a.title, published=a.published)
        )
    return reports


def measure_extract(reports: list[Any], budget_s: float) -> dict[str, Any]:
    from tumen.extract.pipeline import extract

    extract(reports[0])  # warm: lazy data files (gazetteer, lexicons) load here, not in the rate
    done = failures = relevant = events = 0
    first_error = None
    with Clock() as clock:
        for report in reports:
            try:
                record = extract(report)
            except Exception as error:  # a crash is a figure too; the run goes on
                failures += 1
                first_error = first_error or f"{type(error).__name__}: {error}"
            else:
                relevant += record.relevance.relevant
                events += len(record.events)
            done += 1
            if time.process_time() - clock.cpu0 > budget_s:
                break
    words = sum(len(r.text.split()) for r in reports[:done])
    return {
        "extract_articles": done,
        "extract_complete": done == len(reports),
        "extract_articles_per_s_core": _rate(done, clock.cpu),
        "extract_articles_per_s_wall": _rate(done, clock.wall),
        "extract_ms_per_article": round(1000 * clock.cpu / max(done, 1), 3),
        "extract_words_per_s_core": _rate(words, clock.cpu),
        "extract_failures": failures,
        "extract_first_error": first_error,
        "extract_relevant_share": round(relevant / max(done, 1), 4),
        "extract_events": events,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


# The names `pipeline.extract` calls, timed one by one in the instrumented pass.
STAGES = (
    "split_sentences",
    "assess_relevance",
    "find_times",
    "find_places",
    "find_quantities",
    "find_actors",
    "find_events",
    "assign_roles",
    "find_sanctions",
)


def measure_stages(reports: list[Any]) -> dict[str, Any]:
    """Share of the extraction time each stage takes, by wrapping the pipeline's calls."""
    from tumen.extract import pipeline

    spent = dict.fromkeys(STAGES, 0.0)
    originals = {name: getattr(pipeline, name) for name in STAGES if hasattr(pipeline, name)}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - t0

        return wrapper

    for name, fn in originals.items():
        setattr(pipeline, name, timed(name, fn))
    try:
        with Clock() as clock:
            for report in reports:
                try:
                    pipeline.extract(report)
                except Exception:  # counted in measure_extract already
                    pass
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
    total = clock.cpu
    shares = {name: round(spent[name] / total, 4) for name in originals} if total else {}
    shares["other"] = round(max(0.0, 1 - sum(shares.values())), 4)
    return {
        "stage_sample_articles": len(reports),
        "stage_share_of_extract": shares,
        "stage_ms_per_article": {
            name: round(1000 * spent[name] / len(reports), 3) for name in originals
        },
        "time_share_of_extract": shares.get("find_times"),
    }


def without_times(reports: list[Any]) -> list[Any]:
    """The same reports with every time expression, duration and frequency cut out of the text.

    The issue's other reading of "no more than 5 % of extraction": the finder on text that holds
    no time expression. Cutting a mention can join words into a new one, so the cut repeats
    (at most three times) until the finder finds nothing.
    """
    from dataclasses import replace
    from datetime import date

    from tumen.extract.sentences import split_sentences
    from tumen.resolve.time import find_times

    out = []
    for report in reports:
        text = report.text
        published = date.fromisoformat(report.published) if report.published else None
        for _ in range(3):
            times, durations, frequencies = find_times(text, published, split_sentences(text))
            found = [t.span for t in times] + [d.span for d in durations]
            spans = sorted({*found, *(f.span for f in frequencies)}, reverse=True)
            if not spans:
                break
            for start, end in spans:  # from the end, so earlier offsets stay valid
                text = text[:start] + text[end:]
        out.append(replace(report, text=text))
    return out


def measure_time_finder(count: int, seed: int) -> dict[str, Any]:
    """`find_times` on article-sized blocks of sentences that hold no time expression."""
    from datetime import date

    from tumen.extract.sentences import split_sentences
    from tumen.resolve.time import find_times

    sentences = list(generate.timeless_sentences(count, seed))
    blocks = []
    for i in range(0, len(sentences), SENTENCES_PER_BLOCK):
        text = " ".join(sentences[i : i + SENTENCES_PER_BLOCK])
        blocks.append((text, split_sentences(text)))
    published = date(2024, 6, 15)
    find_times(blocks[0][0], published, blocks[0][1])  # warm
    found = 0
    with Clock() as clock:
        for text, spans in blocks:
            times, durations, frequencies = find_times(text, published, spans)
            found += len(times) + len(durations) + len(frequencies)
    return {
        "time_finder_sentences": len(sentences),
        "time_finder_sentences_per_s_core": _rate(len(sentences), clock.cpu),
        "time_finder_us_per_sentence": round(1e6 * clock.cpu / len(sentences), 2),
        # Should be 0: every hit here is a false positive on a sentence with no time in it.
        "time_finder_hits_in_timeless": found,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=generate.DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--sample", type=int, default=300, help="the peer's sample size")
    parser.add_argument("--extract-budget", type=float, default=DEFAULT_EXTRACT_BUDGET_S)
    args = parser.parse_args(argv)

    rss_start = peak_rss_mb()
    with Clock() as gen:
        articles = generate.feed(args.count, args.seed)
    texts = [a.text for a in articles]
    reports = build_reports(articles)
    stats = generate.describe(articles)
    import tumen.extract.pipeline  # noqa: F401 - imported before measuring, as a service would

    figures: dict[str, Any] = {
        "articles": len(articles),
        "words_mean": stats["words_mean"],
        "corpus_mb": stats["megabytes"],
        "topics": stats["topics"],
        "generate_s": round(gen.wall, 1),
        "corpus_rss_mb": round(peak_rss_mb() - rss_start, 1),
    }
    figures.update(measure_triage(texts))
    figures.update(measure_extract(reports, args.extract_budget))
    staged = reports[: min(STAGE_SAMPLE, len(reports))]
    figures.update(measure_stages(staged))
    # The same articles with their time expressions cut out: the finder's share there.
    timeless = measure_stages(without_times(staged))
    figures["time_share_of_extract_timeless"] = timeless["time_share_of_extract"]
    figures["time_ms_per_article_timeless"] = timeless["stage_ms_per_article"].get("find_times")
    # The peer's sample, for a like-for-like ratio on exactly the same articles.
    sample = [
        reports[i]
        for i in generate.sample_indices(len(reports), min(args.sample, len(reports)), args.seed)
    ]
    same = measure_extract(sample, args.extract_budget)
    figures["extract_sample_articles_per_s_core"] = same["extract_articles_per_s_core"]
    figures["extract_sample_ms_per_article"] = same["extract_ms_per_article"]
    figures.update(measure_time_finder(TIMELESS_SENTENCES, args.seed))
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
