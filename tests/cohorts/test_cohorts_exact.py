"""The quick build (claims' contributions and reports' shares kept between builds, cohort
assignments kept per round index, cohorts kept by their shares) gives exactly the model a
build from nothing gives: on the development corpus and on generated reports, for cut days
inside cohorts, on stage boundaries, before everything and after everything, and after the
writes the web app makes (a reject, an edit, a new report inside the window)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tumen.cohorts import build as build_module
from tumen.cohorts import contributions
from tumen.cohorts.build import build_model
from tumen.cohorts.facts import Claim, ReportFacts

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
TYPES = (
    "recruitment",
    "demand",
    "standby",
    "departure",
    "transit",
    "arrival",
    "deployment",
    "extension",
    "return",
    "terms",
    "abuse",
)
STATUSES = ("planned", "ongoing", "completed", "delayed", "cancelled", "unknown")
CERTAINTIES = ("certain", "probable", "possible", "doubtful", "unknown")
SOURCES = (None, "according to Daily NK", "a source told Yonhap", "a source")


def _dump(model: Any) -> Any:
    return (
        model.to_dict(),
        [c.to_dict() for c in model.clusters],
        [c.contradiction for c in model.clusters],
        [link.to_dict() for link in model.links],
        model.report_sources,
        model.notes,
    )


def _from_nothing(facts: list[ReportFacts], as_of: str | None) -> Any:
    """A build with every kept contribution, share, assignment and cohort forgotten."""
    contributions.clear()
    build_module._COHORTS.clear()
    build_module._ASSIGNED.clear()
    return _dump(build_model(facts, as_of=as_of, reprints=[]))


def _kept(facts: list[ReportFacts], as_of: str | None) -> Any:
    return _dump(build_model(facts, as_of=as_of, reprints=[]))


def _claim(rng: random.Random, rid: str, n: int, day: str) -> Claim:
    kind = rng.choice(TYPES)
    total = None
    if rng.random() < 0.4:
        low = float(rng.choice((50, 100, 300, 500, 800, 1000)))
        total = (low, rng.choice((low, low * 1.2)))
    time = None
    if rng.random() < 0.5:
        start = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        time = (start, rng.choice((start, "2022-12-31", None)))
    teams = team_size = None
    if rng.random() < 0.15:
        teams, team_size = (6.0, 6.0), (50.0, 50.0)
    return Claim(
        key=f"{rid}:e:{kind}:{n}:{n * 10}-{n * 10 + 5}",
        report=rid,
        type=kind,
        status=rng.choice(STATUSES),
        round=rng.choice((None, None, 1, 2, 3)),
        certainty=rng.choice(CERTAINTIES),
        attribution_kind="insider_source",
        attribution=rng.choice(SOURCES),
        extra=rng.random() < 0.1,
        total=total,
        total_key=f"{rid}:q:{n}" if total else None,
        total_approx=rng.random() < 0.3,
        teams=teams,
        teams_key=f"{rid}:t:{n}" if teams else None,
        team_size=team_size,
        team_size_key=f"{rid}:s:{n}" if team_size else None,
        time=time,
        time_key=f"{rid}:d:{n}" if time else None,
        route=tuple(rng.sample(("Vladivostok", "Moscow", "Donetsk", "Khasan"), rng.randint(0, 2))),
        route_keys=(),
        duration=(365.0, 1095.0) if kind == "terms" and rng.random() < 0.7 else None,
        duration_key=f"{rid}:u:{n}" if kind == "terms" else None,
    )


def _reports(seed: int, count: int) -> list[ReportFacts]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        rid = f"{seed % 97:02x}{i:014x}"
        published = rng.choice(
            (None, *(f"2022-{m:02d}-{d:02d}" for m in (3, 6, 9) for d in (1, 15)))
        )
        claims = tuple(
            sorted(
                (_claim(rng, rid, n, published or "") for n in range(rng.randint(0, 8))),
                key=lambda c: c.key,
            )
        )
        claims = tuple(replace(c, route_keys=tuple(f"{rid}:p:{c.key[-5:]}:{j}" for j in range(len(c.route)))) for c in claims)  # fmt: skip
        out.append(
            ReportFacts(
                id=rid,
                published=published,
                publisher="Daily NK",
                outlet=rng.choice(("Daily NK", "Yonhap", "NK News")),
                relevant=True,
                origin="KP",
                destination=rng.choice(("RU", "RU", "UA-OCC", "??")),
                claims=claims,
            )
        )
    return out


def _cut_days(facts: list[ReportFacts]) -> list[str | None]:
    """Before all, after all, on every report's day (the boundary of its evidence), on
    stage boundaries (claims' start and end days) and the days just before them."""
    days: set[str] = {"2000-01-01", "2099-12-31"}
    for f in facts:
        if f.published:
            days.add(f.published)
        for c in f.claims:
            days.update(d for d in (c.time or ()) if d)
    ordered = sorted(days)
    picked = ordered[:: max(1, len(ordered) // 12)] + ordered[-2:]
    return [None, *sorted(set(picked))]


def _writes(facts: list[ReportFacts]) -> list[list[ReportFacts]]:
    """The store after a reject (a claim gone), an edit (a status changed) and an add (a
    report inside the windows), each from the one before."""
    with_claims = [i for i, f in enumerate(facts) if f.claims]
    if not with_claims:
        return []
    out = []
    i = with_claims[len(with_claims) // 2]
    rejected = list(facts)
    rejected[i] = replace(facts[i], claims=facts[i].claims[1:])
    out.append(rejected)
    j = with_claims[0]
    edited = list(rejected)
    if edited[j].claims:
        first = edited[j].claims[0]
        status = "completed" if first.status != "completed" else "planned"
        edited[j] = replace(
            edited[j], claims=(replace(first, status=status), *edited[j].claims[1:])
        )
        out.append(edited)
    added = facts[j]
    copy = replace(
        added,
        id="ff" + added.id[2:],
        published="2022-06-02",
        claims=tuple(
            replace(c, key="ff" + c.key[2:], report="ff" + added.id[2:]) for c in added.claims
        ),
    )
    out.append([*edited, copy])
    return out


def _check(facts: list[ReportFacts]) -> None:
    days = _cut_days(facts)
    expected = {day: _from_nothing(facts, day) for day in days}
    # Kept between builds: the full model first, then every day after the other.
    contributions.clear()
    build_module._COHORTS.clear()
    for day in days:
        assert _kept(facts, day) == expected[day], day
    for day in reversed(days):
        assert _kept(facts, day) == expected[day], day
    for changed in _writes(facts):
        for day in days:
            kept = _kept(changed, day)
            assert kept == _from_nothing(changed, day), day
            # and after a build from nothing, the kept path again
            assert _kept(changed, day) == kept, day


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_cohorts_exact_kept_build_equals_build_from_nothing(seed: int) -> None:
    _check(_reports(seed, 60))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000), count=st.integers(1, 25))
def test_cohorts_exact_any_reports(seed: int, count: int) -> None:
    _check(_reports(seed, count))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_cohorts_exact_dev_corpus() -> None:
    from tumen.cohorts import facts_of
    from tumen.extract.pipeline import extract
    from tumen.ingest.reader import ReportOverrides, build_report, read_report

    facts = []
    for path in sorted(CORPUS.glob("*.json")):
        if path.name.endswith(".gold.json"):
            continue
        report = read_report(path)
        # Copies on other days too, so that cohorts hold many reports and the cuts fall
        # inside them.
        facts.append(facts_of(extract(report)))
        for n, day in enumerate(("2022-08-01", "2022-11-01", "2023-02-01")):
            copy = build_report(
                f"{report.text}\n\nCopy {n} for the exactness test.",
                overrides=ReportOverrides(published=day, publisher=report.publisher),
            )
            facts.append(facts_of(extract(copy)))
    _check(facts)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (("2022-03-01", None), {"start": "2022-03-01", "end": None}),
        ((None, "2022-12-31"), {"start": None, "end": "2022-12-31"}),
        (("2022-03-01", "2022-03-31"), {"start": "2022-03-01", "end": "2022-03-31"}),
        ((300.0, 500.0), {"min": 300, "max": 500}),
        ((None, 500.0), {"min": None, "max": 500}),
        (("Khasan", "Ussuriysk"), ["Khasan", "Ussuriysk"]),
    ],
)
def test_cohort_values_open_at_one_end_read_as_dates(value: Any, expected: Any) -> None:
    from tumen.cohorts.results import _value_dict

    assert _value_dict(value) == expected


def test_cohorts_of_every_report_survive_builds_as_of_other_days() -> None:
    # The web app builds the model of every report and a model as of another day in turn; the
    # cohorts of the first must still be reused afterwards (not evicted by the same slot's
    # as-of build), or every write rebuilds every cohort.
    facts = _reports(7, 60)
    contributions.clear()
    build_module._COHORTS.clear()
    first = build_model(facts, reprints=[])
    before = [c for p in first.programmes for c in p.cohorts]
    assert before
    for day in _cut_days(facts)[1:]:
        build_model(facts, as_of=day, reprints=[])
        again = build_model(facts, reprints=[])
        after = [c for p in again.programmes for c in p.cohorts]
        assert len(before) == len(after)
        assert all(a is b for a, b in zip(before, after, strict=True)), day
