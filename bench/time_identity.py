"""Guard for speed work on the time finder: its output must not change, byte for byte.

Runs `tumen.resolve.time.find_times` and the full `extract` over every report we hold (the
development corpus and its seed `.txt`, the held-out sets, the examples) and over generated
articles (`bench/generate.py`), as they are and with their time expressions cut out, and keeps
what they return. The reports are also run without a publication date, upper-cased, and with
the four case-fold trap letters (`grammar.FOLD`) put in for their ASCII twins, since the fast
paths of the finder differ exactly there.

    python bench/time_identity.py --save     # before a change: keep the baseline
    python bench/time_identity.py --check    # after it: print every difference, exit 1 on any
    python bench/time_identity.py --save --ref HEAD   # the baseline of the committed finder

With `--ref`, the baseline is computed (in a subprocess) by the working tree's code with the
time package `src/tumen/resolve/time/` taken from that git revision instead: the other stages
and the inputs (held-out sets added since, ...) are then the same on both sides.

The baseline (every time, duration and frequency as its repr, and a hash per record field of
the full extraction) is written to `--digest` (outside the repository by default: it is a
working file, not a result). A difference in `extract` with none in `find_times` comes from
another stage, not from the finder.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - sits beside this script
import throughput  # noqa: E402 - its `without_times` cuts the expressions out

DEFAULT_DIGEST = Path("/tmp/tumen-time-identity.json.gz")
SEED_PUBLISHED = "2022-11-28"  # the seed report's gold date (it is a .txt, without metadata)
# The letters that case-insensitive matching folds onto ASCII ones while `str.lower` does not.
TRAPS = str.maketrans({"i": "\u0131", "s": "\u017f", "k": "\u212a", "I": "\u0130"})


def _report_files() -> Iterator[Path]:
    corpus = ROOT / ".." / "shared" / "corpus"
    yield from sorted(corpus.glob("*.txt"))
    yield from sorted(p for p in corpus.glob("*.json") if not p.name.endswith(".gold.json"))
    for folder in sorted(ROOT.glob("tests/heldout*")):
        yield from sorted(p for p in folder.glob("*.json") if not p.name.endswith(".gold.json"))
    yield from sorted((ROOT / "examples").glob("*.json"))


def _cases(count: int, seed: int) -> Iterator[tuple[str, Any]]:
    """(name, Report) of every input the guard runs."""
    from tumen.ingest.reader import read_report

    for path in _report_files():
        report = read_report(path)
        if report.published is None and path.suffix == ".txt":
            report = replace(report, published=SEED_PUBLISHED)
        name = str(path.resolve().relative_to(ROOT.parent))
        yield name, report
        yield name + "#unpublished", replace(report, published=None)
        yield name + "#upper", replace(report, text=report.text.upper())
        # Every third trap letter only, so that words stay readable to the other stages too.
        traps = "".join(c.translate(TRAPS) if i % 3 == 0 else c for i, c in enumerate(report.text))
        yield name + "#traps", replace(report, text=traps)
    reports = throughput.build_reports(generate.feed(count, seed))
    for i, report in enumerate(reports):
        yield f"generated/{i}", report
    for i, report in enumerate(throughput.without_times(reports)):
        yield f"generated-timeless/{i}", report


def _hash(value: Any) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def outputs(count: int, seed: int) -> dict[str, dict[str, Any]]:
    """Every case's finder output (reprs) and extraction digest (a hash per record field)."""
    from tumen.extract.pipeline import extract
    from tumen.extract.sentences import split_sentences
    from tumen.resolve.time import find_times

    out: dict[str, dict[str, Any]] = {}
    for name, report in _cases(count, seed):
        published = date.fromisoformat(report.published) if report.published else None
        found = find_times(report.text, published, split_sentences(report.text))
        try:
            record = extract(report).to_dict()
        except Exception as error:  # another stage's crash is an output too (traps, upper)
            record = {"error": f"{type(error).__name__}: {error}"}
        record.pop("extractor", None)  # the version string, not an output of the text
        out[name] = {
            "text": hashlib.sha256(report.text.encode("utf-8")).hexdigest()[:16],
            "times": [repr(item) for item in found[0]],
            "durations": [repr(item) for item in found[1]],
            "frequencies": [repr(item) for item in found[2]],
            "extract": {key: _hash(value) for key, value in record.items()},
        }
    return out


def compare(saved: dict[str, dict[str, Any]], now: dict[str, dict[str, Any]]) -> list[str]:
    """Every difference between two runs, one line each."""
    lines = [f"missing case: {name}" for name in saved.keys() - now.keys()]
    lines += [f"new case: {name}" for name in now.keys() - saved.keys()]
    for name in sorted(saved.keys() & now.keys()):
        old, new = saved[name], now[name]
        if old["text"] != new["text"]:
            lines.append(f"{name}: input text differs (cut-out text changed?)")
        for kind in ("times", "durations", "frequencies"):
            gone = [x for x in old[kind] if x not in new[kind]]
            added = [x for x in new[kind] if x not in old[kind]]
            lines += [f"{name}: {kind} lost   {x}" for x in gone]
            lines += [f"{name}: {kind} gained {x}" for x in added]
            if not gone and not added and old[kind] != new[kind]:
                lines.append(f"{name}: {kind} in another order")
        for key in sorted(old["extract"].keys() | new["extract"].keys()):
            if old["extract"].get(key) != new["extract"].get(key):
                lines.append(f"{name}: extract field {key!r} differs")
    return lines


def _save_from(ref: str, argv: list[str]) -> int:
    """`--save` run by the working tree with the time package of git revision `ref`."""
    package = "src/tumen/resolve/time"
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", tree, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.rmtree(tree / "tumen" / "resolve" / "time")
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, package], check=True, capture_output=True
        ).stdout
        # Into the copy: `tmp/src/tumen/resolve/time`, where the working tree's was.
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        rest = [a for a in argv if a not in ("--ref",) and not a.startswith("--ref=")]
        script = str(Path(__file__).resolve())
        return subprocess.run([sys.executable, script, *rest], env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", action="store_true", help="write the baseline")
    action.add_argument("--check", action="store_true", help="compare with the baseline")
    parser.add_argument("--digest", type=Path, default=DEFAULT_DIGEST)
    parser.add_argument("--count", type=int, default=2000, help="generated articles")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--ref", help="with --save: the git revision of the time package")
    args = parser.parse_args(argv)
    if args.ref:
        return _save_from(args.ref, [a for a in (argv or sys.argv[1:]) if a != args.ref])

    import tumen.resolve.time

    print(f"time package: {Path(tumen.resolve.time.__file__).parent}")
    now = outputs(args.count, args.seed)
    total = sum(len(v["times"]) + len(v["durations"]) + len(v["frequencies"]) for v in now.values())
    summary = f"{len(now)} cases, {total} times, durations and frequencies"
    if args.save:
        with gzip.open(args.digest, "wt", encoding="utf-8") as f:
            json.dump(now, f)
        print(f"saved {summary} to {args.digest}")
        return 0
    with gzip.open(args.digest, "rt", encoding="utf-8") as f:
        saved = json.load(f)
    differences = compare(saved, now)
    for line in differences:
        print(line)
    print(f"{summary}: {len(differences)} differences" if differences else f"{summary}: identical")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
