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

from cohort_facts_support import CERTAINTIES, STATUSES, generated_reports
from tumen.cohorts import build as build_module
from tumen.cohorts.build import build_model
from tumen.cohorts.facts import ReportFacts

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


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
    build_module.forget()
    return _dump(build_model(facts, as_of=as_of, reprints=[]))


def _kept(facts: list[ReportFacts], as_of: str | None) -> Any:
    return _dump(build_model(facts, as_of=as_of, reprints=[]))


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
    build_module.forget()
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
    _check(generated_reports(seed, 60))


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000), count=st.integers(1, 25))
def test_cohorts_exact_any_reports(seed: int, count: int) -> None:
    _check(generated_reports(seed, count))


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
    facts = generated_reports(7, 60)
    build_module.forget()
    first = build_model(facts, reprints=[])
    before = [c for p in first.programmes for c in p.cohorts]
    assert before
    for day in _cut_days(facts)[1:]:
        build_model(facts, as_of=day, reprints=[])
        again = build_model(facts, reprints=[])
        after = [c for p in again.programmes for c in p.cohorts]
        assert len(before) == len(after)
        assert all(a is b for a, b in zip(before, after, strict=True)), day


# ---------------------------------------------------------------------------------------------
# Patched cohorts (`tumen.cohorts.incremental`): a cohort rebuilt after a few of its shares
# changed is patched from its previous build. Sequences of single-report changes, each build
# kept from the one before (patches of patches), must give at every step what a build from
# nothing gives.


def _rekeyed(f: ReportFacts, rid: str, published: str | None) -> ReportFacts:
    """A copy of a report under another id, every key its own (as a stored report's are)."""

    def key(k: str | None) -> str | None:
        return None if k is None else rid + k[len(f.id) :]

    claims = tuple(
        replace(
            c,
            key=rid + c.key[len(f.id) :],
            report=rid,
            total_key=key(c.total_key),
            teams_key=key(c.teams_key),
            team_size_key=key(c.team_size_key),
            time_key=key(c.time_key),
            duration_key=key(c.duration_key),
            route_keys=tuple(k for k in map(key, c.route_keys) if k),
        )
        for c in f.claims
    )
    return replace(f, id=rid, published=published, claims=claims)


def _changed(facts: list[ReportFacts], op: str, rng: random.Random) -> list[ReportFacts]:
    """The reports after one change to one report (or a new one)."""
    out = list(facts)
    if not out:
        return _own_reports(rng.randrange(1000), 1)
    with_claims = [i for i, f in enumerate(out) if f.claims]
    if op == "add" or not with_claims:
        source = rng.choice(out)
        rid = f"{rng.randrange(16**16):016x}"
        day = rng.choice((source.published, "2022-06-02", "2022-09-15", None))
        return sorted([*out, _rekeyed(source, rid, day)], key=lambda f: f.id)
    i = rng.choice(with_claims)
    f = out[i]
    claims = list(f.claims)
    n = rng.randrange(len(claims))
    c = claims[n]
    if op == "reject":
        del claims[n]
    elif op == "total":
        low = float(rng.choice((40, 300, 800, 2000)))
        claims[n] = replace(c, total=(low, low * 1.5), total_key=c.total_key or f"{f.id}:q:new")
    elif op == "time":
        day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        claims[n] = replace(c, time=(day, None), time_key=c.time_key or f"{f.id}:d:new")
    elif op == "status":
        claims[n] = replace(c, status=rng.choice(STATUSES), certainty=rng.choice(CERTAINTIES))
    elif op == "round":
        claims[n] = replace(c, round=rng.choice((None, 1, 2, 4)), extra=rng.random() < 0.2)
    elif op == "route":
        places = tuple(rng.sample(("Vladivostok", "Moscow", "Khasan", "Rostov"), 2))
        keys = tuple(f"{f.id}:p:new:{j}" for j in range(len(places)))
        claims[n] = replace(c, type="transit", route=places, route_keys=keys)
    elif op == "date":
        out[i] = replace(f, published=rng.choice((None, "2022-03-01", "2022-07-20", "2023-01-05")))
        return out
    elif op == "remove":
        del out[i]
        return out
    elif op == "outlet":
        out[i] = replace(
            f,
            outlet=rng.choice(("Daily NK", "Yonhap", "NK News")),
            cites=rng.choice(((), ("Yonhap",), ("Daily NK", "NK News"))),
            derived_from=rng.choice((None, "NK News")),
            cites_own_earlier=rng.random() < 0.5,
        )
        return out
    elif op == "place":
        out[i] = replace(
            f,
            destination=rng.choice(("RU", "UA-OCC", "??", "CN")),
            origin=rng.choice(("KP", "KP", "CN")),
        )
        return out
    out[i] = replace(f, claims=tuple(claims))
    return out


OPS = (
    "reject",
    "total",
    "time",
    "status",
    "round",
    "route",
    "date",
    "add",
    "remove",
    "outlet",
    "place",
)


def _other_grades() -> Any:
    from tumen.cohorts.grades import Grades, cached_grades

    base = cached_grades()
    flipped = [
        replace(p, grade="A" if p.grade != "A" else "E") if n % 2 else p
        for n, p in enumerate(base.publishers.values())
    ]
    return Grades(flipped, base.unknown)


def _sequence_check(
    steps: list[list[ReportFacts]],
    *,
    days: tuple[str | None, ...] = (None,),
    settings_of: Any = None,
) -> int:
    """Every step built from nothing, then every step kept from the one before: equal. Returns
    how many cohorts were patched (so that a test can say the patch path was taken)."""
    from tumen.cohorts import incremental

    settings_of = settings_of or (lambda n: {})

    def build(facts: list[ReportFacts], day: str | None, n: int) -> Any:
        return _dump(build_model(facts, as_of=day, reprints=[], **settings_of(n)))

    expected = []
    for n, facts in enumerate(steps):
        for day in days:
            build_module.forget()
            expected.append(build(facts, day, n))
    build_module.forget()
    patched = 0
    original = incremental.CohortState.patched

    def counting(self: Any, shares: Any) -> Any:
        nonlocal patched
        out = original(self, shares)
        patched += out is not None
        return out

    incremental.CohortState.patched = counting  # type: ignore[method-assign]
    try:
        got = [build(facts, day, n) for n, facts in enumerate(steps) for day in days]
    finally:
        incremental.CohortState.patched = original  # type: ignore[method-assign]
    for n, (a, b) in enumerate(zip(got, expected, strict=True)):
        assert a == b, f"step {n // len(days)}, day {days[n % len(days)]}"
    return patched


def _own_reports(seed: int, count: int) -> list[ReportFacts]:
    """Generated reports whose keys are all their own (route keys included)."""
    return [_rekeyed(f, f.id, f.published) for f in generated_reports(seed, count)]


@pytest.mark.parametrize("op", OPS)
def test_cohorts_patched_after_one_change_equal_build_from_nothing(op: str) -> None:
    rng = random.Random(f"{op}-1")
    steps = [_own_reports(11, 80)]
    for _ in range(6):
        steps.append(_changed(steps[-1], op, rng))
    assert _sequence_check(steps, days=(None, "2022-07-01")) > 0


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    count=st.integers(1, 40),
    ops=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**6)), min_size=1, max_size=8),
)
def test_cohorts_patched_any_sequence(seed: int, count: int, ops: list[tuple[str, int]]) -> None:
    steps = [_own_reports(seed, count)]
    for op, n in ops:
        steps.append(_changed(steps[-1], op, random.Random(n)))
    _sequence_check(steps, days=(None, "2022-06-15"))


def test_cohorts_patched_with_grades_and_operations_changing() -> None:
    from tumen.cohorts.results import Override

    facts = _own_reports(5, 80)
    first = build_model(facts, reprints=[])
    pid = first.programmes[0].id
    other = first.programmes[-1].id
    operations = [
        (),
        (Override("rename", pid, name="Renamed"),),
        (Override("split", pid, at="2022-06-15"),),
        (Override("merge", other, into=pid),),
    ]
    rng = random.Random(3)
    steps = [facts]
    for op in ("reject", "total", "add", "reject", "status", "add", "date", "remove"):
        steps.append(_changed(steps[-1], op, rng))

    def settings_of(n: int) -> dict[str, Any]:
        grades = _other_grades() if n % 3 == 1 else None
        return {"grades": grades, "overrides": operations[n % len(operations)]}

    assert _sequence_check(steps, settings_of=settings_of) > 0


@pytest.mark.parametrize("changed", [1, 15, 16, 17, 33])
def test_cohorts_patched_around_the_patch_limit(changed: int) -> None:
    # Each report changed takes one share out of each of its cohorts and puts one in: 16
    # reports are 32 shares (the limit, patched), 17 are 34 (merged again); added reports
    # put one share in each: 33 new reports are over the limit.
    from tumen.cohorts import incremental

    assert incremental.PATCH_LIMIT == 32
    facts = _own_reports(9, 150)
    rng = random.Random(changed)
    with_claims = [i for i, f in enumerate(facts) if len(f.claims) > 1]
    edited = list(facts)
    for i in rng.sample(with_claims, changed):
        edited[i] = replace(facts[i], claims=facts[i].claims[1:])
    added = sorted(
        [
            *edited,
            *(_rekeyed(f, f"ee{n:014x}", f.published) for n, f in enumerate(facts[:changed])),
        ],
        key=lambda f: f.id,
    )
    patched = _sequence_check([facts, edited, added], days=(None, "2022-09-01"))
    if changed <= 16:
        assert patched > 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_cohorts_patched_dev_corpus() -> None:
    from tumen.cohorts import facts_of
    from tumen.extract.pipeline import extract
    from tumen.ingest.reader import ReportOverrides, build_report, read_report

    facts = []
    for path in sorted(CORPUS.glob("*.json"))[:40]:
        if path.name.endswith(".gold.json"):
            continue
        report = read_report(path)
        facts.append(facts_of(extract(report)))
        copy = build_report(
            f"{report.text}\n\nA copy for the exactness test.",
            overrides=ReportOverrides(published="2022-11-01", publisher=report.publisher),
        )
        facts.append(facts_of(extract(copy)))
    facts.sort(key=lambda f: f.id)
    rng = random.Random(17)
    steps = [facts]
    for op in ("reject", "reject", "status", "total", "add", "time", "remove", "route", "add"):
        steps.append(_changed(steps[-1], op, rng))
    assert _sequence_check(steps, days=(None, "2022-11-15")) > 0


def test_cohorts_patched_when_a_new_first_report_changes_a_merged_programme_origin() -> None:
    # A merged programme's origin is its first report's (by day, then id): a report added on
    # the first day with a smaller id, from the other country, takes it over.
    from tumen.cohorts.results import Override

    facts = _own_reports(21, 60)
    facts = [
        replace(f, origin="CN" if n % 2 else "KP", destination="RU", published="2022-03-01")
        if n < 6
        else replace(f, destination="RU", origin="CN" if n % 2 else "KP")
        for n, f in enumerate(facts)
    ]
    model = build_model(facts, reprints=[])
    ids = {p.origin: p.id for p in model.programmes if p.destination == "RU"}
    assert {"KP", "CN"} <= set(ids)
    merge = (Override("merge", ids["CN"], into=ids["KP"]),)
    donor = next(f for f in facts if f.origin == "CN" and f.claims)
    first = _rekeyed(donor, "0000000000000000", "2022-03-01")
    later = _rekeyed(donor, "ffff000000000000", "2022-06-15")
    steps = [facts, sorted([*facts, later], key=lambda f: f.id)]
    steps.append(sorted([*steps[-1], first], key=lambda f: f.id))
    assert _sequence_check(steps, settings_of=lambda n: {"overrides": merge}) > 0
    merged = build_model(steps[-1], reprints=[], overrides=merge)
    assert any(p.id == ids["KP"] and p.origin == "CN" for p in merged.programmes)
