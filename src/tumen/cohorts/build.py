"""Build the dispatch model: programmes, their cohorts, stages, sizes, dates, clusters of claims.

Pure and deterministic: the result depends on the set of reports, never on the order they come
in. Inputs are sorted by report id and claim key before anything is decided; ids of programmes
and cohorts are made from their content (countries, the month their evidence starts, the round);
ties are broken by those ids, never by arrival. The rules are written out in docs/cohorts.md.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain as _chain
from operator import attrgetter, is_, itemgetter
from typing import Any

from tumen.cohorts.contributions import (
    CHAIN_TYPES,
    STAGES,
    Contribution,
    Item,
    Share,
    _stage_of,
    unit_of,
)
from tumen.cohorts.facts import COUNTRY_NAMES, Claim, Range, ReportFacts, region_name
from tumen.cohorts.grades import Grades, cached_grades, credibility
from tumen.cohorts.links import (
    _credited_outlet,
    _order,
    _report_sources,
    citation_links,
    find_reprints,
)
from tumen.cohorts.results import (
    Cluster,
    Cohort,
    DispatchModel,
    Link,
    Override,
    Programme,
    Side,
    _num,
    _value_dict,
)

SLOT_TYPES = {"terms"}  # not a stage, but a slot of its cohort
PERIOD_GAP_DAYS = 183  # reports further apart than this start a new programme period
APPROX = 0.10  # "about 300" agrees with values within 10 %
NO_DATE = "9999-12-31"
UNKNOWN_REGION = "??"


# ---------------------------------------------------------------------------------------------
# Programmes


def _date_key(f: ReportFacts) -> str | None:
    if f.published:
        return f.published
    starts = sorted(c.time[0] for c in f.claims if c.time and c.time[0])
    return starts[0] if starts else None


def _programme_id(origin: str, destination: str, start: str | None) -> str:
    period = start[:7].replace("-", "") if start else "undated"
    return f"{origin}-{destination}-{period}".lower()


def _programme_name(origin: str, destination: str, period: tuple[str | None, str | None]) -> str:
    years = sorted({d[:4] for d in period if d})
    span = "–".join(years) if years else "undated"
    return f"{COUNTRY_NAMES.get(origin, origin)} → {region_name(destination)}, {span}"


def _form_programmes(members: Sequence[ReportFacts]) -> dict[str, list[ReportFacts]]:
    """Group reports by (origin, destination), then cut each group where its reports are more
    than PERIOD_GAP_DAYS apart. Undated reports join the latest period of their pair."""
    pairs: dict[tuple[str, str], list[ReportFacts]] = {}
    unplaced = []
    for f in members:
        if f.destination == UNKNOWN_REGION:
            unplaced.append(f)
        else:
            pairs.setdefault((f.origin, f.destination), []).append(f)
    out: dict[str, list[ReportFacts]] = {}
    for (origin, dest), group in sorted(pairs.items()):
        out.update(_form_programmes_of(origin, dest, group))
    # A report that names no destination joins the programme of its sending country whose
    # period is nearest its date (within the gap); ties go to the smaller id. The periods used
    # are those of the placed reports only, so the result does not depend on arrival order.
    spans = {
        pid: (g[0].origin, _date_key(g[0]), _date_key(g[-1]) if _date_key(g[-1]) else None)
        for pid, g in out.items()
    }
    homeless: dict[tuple[str, str], list[ReportFacts]] = {}
    for f in sorted(unplaced, key=lambda f: f.id):
        day = _date_key(f)
        best: tuple[int, str] | None = None
        for pid, (origin, start, end) in spans.items():
            if origin != f.origin:
                continue
            if day is None or start is None:
                distance = 0 if day is None and start is not None else PERIOD_GAP_DAYS + 1
            else:
                d, lo = date.fromisoformat(day), date.fromisoformat(start)
                hi = date.fromisoformat(end or start)
                distance = 0 if lo <= d <= hi else min(abs((d - lo).days), abs((d - hi).days))
            if distance <= PERIOD_GAP_DAYS and (best is None or (distance, pid) < best):
                best = (distance, pid)
        if best is not None:
            out[best[1]].append(f)
        else:
            homeless.setdefault((f.origin, UNKNOWN_REGION), []).append(f)
    for (origin, dest), group in sorted(homeless.items()):
        out.update(_form_programmes_of(origin, dest, group))
    return out


def _form_programmes_of(
    origin: str, dest: str, group: list[ReportFacts]
) -> dict[str, list[ReportFacts]]:
    """Periods of one (origin, destination) pair."""
    dated = sorted((f for f in group if _date_key(f)), key=lambda f: (_date_key(f), f.id))
    undated = sorted((f for f in group if not _date_key(f)), key=lambda f: f.id)
    periods: list[list[ReportFacts]] = []
    last: date | None = None
    for f in dated:
        day = date.fromisoformat(_date_key(f) or "")
        if last is None or (day - last).days > PERIOD_GAP_DAYS:
            periods.append([])
        periods[-1].append(f)
        last = day
    if undated:
        if periods:
            periods[-1].extend(undated)
        else:
            periods.append(undated)
    return {_programme_id(origin, dest, _date_key(p[0])): p for p in periods}


def _apply_overrides(
    groups: dict[str, list[ReportFacts]], overrides: Sequence[Override], notes: list[str]
) -> dict[str, str]:
    """Replay the analyst's merges and splits on the groups (in place); return the names."""
    names: dict[str, str] = {}
    for o in overrides:
        if o.programme not in groups:
            notes.append(f"{o.op} of {o.programme}: no such programme in this view, skipped")
            continue
        if o.op == "rename" and o.name:
            names[o.programme] = o.name
        elif o.op == "merge" and o.into:
            if o.into not in groups or o.into == o.programme:
                notes.append(f"merge of {o.programme} into {o.into}: no such programme, skipped")
                continue
            groups[o.into].extend(groups.pop(o.programme))
            if o.programme in names:
                names.pop(o.programme)
        elif o.op == "split" and o.at:
            stay = [f for f in groups[o.programme] if (_date_key(f) or NO_DATE) < o.at]
            move = [f for f in groups[o.programme] if (_date_key(f) or NO_DATE) >= o.at]
            if not stay or not move:
                notes.append(f"split of {o.programme} at {o.at}: one side would be empty, skipped")
                continue
            groups[o.programme] = stay
            groups[f"{o.programme}~{o.at.replace('-', '')}"] = move
        else:
            notes.append(f"unknown or incomplete operation {o.op} on {o.programme}, skipped")
    return names


# ---------------------------------------------------------------------------------------------
# Cohorts


def _widen(r: Range, approx: bool) -> tuple[float, float]:
    lo = r[0] if r[0] is not None else 0.0
    hi = r[1] if r[1] is not None else float("inf")
    if approx:
        lo, hi = lo * (1 - APPROX), hi * (1 + APPROX)
    return lo, hi


def _ranges_agree(a: Range, a_approx: bool, b: Range, b_approx: bool) -> bool:
    alo, ahi = _widen(a, a_approx)
    blo, bhi = _widen(b, b_approx)
    return alo <= bhi and blo <= ahi


def _times_agree(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    alo, ahi = a[0] or "0000", a[1] or NO_DATE
    blo, bhi = b[0] or "0000", b[1] or NO_DATE
    return alo <= bhi and blo <= ahi


@dataclass(slots=True)
class _RoundIndex:
    """What claims without a round are matched against, per numbered round: its distinct
    stated totals, and per stage the union of its claims' time intervals (sorted, disjoint,
    searched by bisection), so that matching stays cheap with thousands of claims."""

    totals: dict[int, set[tuple[Range, bool]]]
    times: dict[tuple[int, str], tuple[list[str], list[str]]]

    @classmethod
    def of(cls, rounds: dict[int, list[Claim]]) -> _RoundIndex:
        totals: dict[int, set[tuple[Range, bool]]] = {}
        spans: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for n, cs in rounds.items():
            totals[n] = {(c.total, c.total_approx) for c in cs if c.total is not None}
            for c in cs:
                if c.time is not None and c.type in CHAIN_TYPES:
                    lo, hi = c.time[0] or "0000", c.time[1] or NO_DATE
                    spans.setdefault((n, _stage_of(c)[1]), []).append((lo, hi))
        times: dict[tuple[int, str], tuple[list[str], list[str]]] = {}
        for key, intervals in spans.items():
            starts: list[str] = []
            ends: list[str] = []
            for lo, hi in sorted(intervals):
                if ends and lo <= ends[-1]:
                    ends[-1] = max(ends[-1], hi)
                else:
                    starts.append(lo)
                    ends.append(hi)
            times[key] = (starts, ends)
        return cls(totals, times)

    def time_hits(self, stage: str, time: tuple[str | None, str | None]) -> set[int]:
        lo, hi = time[0] or "0000", time[1] or NO_DATE
        hits = set()
        for (n, st), (starts, ends) in self.times.items():
            if st != stage:
                continue
            # The last interval starting on or before `hi` is the only one that can overlap.
            i = bisect_right(starts, hi) - 1
            if i >= 0 and ends[i] >= lo:
                hits.add(n)
        return hits


def _cohort_key(signature: tuple[Any, ...], index: _RoundIndex) -> tuple[str, int]:
    """The cohort of a claim, from what it depends on (`Contribution.signature`): its round,
    whether it is an extra selection, its stated total, its time and its date's stage."""
    round_, extra, total, total_approx, time, date_stage = signature
    if round_ is not None:
        return ("r", round_)
    if extra:
        return ("x", 0)
    # Link by numbers: a stated total that agrees with exactly one round's stated totals.
    if total is not None:
        hits = {
            n
            for n, values in index.totals.items()
            if any(_ranges_agree(total, total_approx, v, ap) for v, ap in values)
        }
        if len(hits) == 1:
            return ("r", hits.pop())
    # Link by dates: a time that overlaps the same stage's time in exactly one round.
    if time is not None and date_stage is not None:
        hits = index.time_hits(date_stage, time)
        if len(hits) == 1:
            return ("r", hits.pop())
    return ("u", 0)


def _cohort_label(key: tuple[str, int], has_others: bool) -> tuple[str, str]:
    kind, n = key
    if kind == "r":
        return f"round {n}", f"r{n}"
    if kind == "x":
        return "additional selection", "extra"
    return ("round not stated" if has_others else "dispatch"), "main"


def _bounds(slot: str, value: Any, approx: bool) -> tuple[Any, Any]:
    """The interval a value covers, in the terms values are compared in."""
    if slot == "departure_date":
        return value[0] or "0000", value[1] or NO_DATE
    return _widen(value, approx)


_KEYS_OF = itemgetter(2)


_VALUE_OF = itemgetter(9)
_REPORT_OF = itemgetter(3)
_SOURCE_OF = itemgetter(4)
_HEDGED_OF = itemgetter(5)
_UNKNOWN_OF = itemgetter(6)
_PREFERRED_OF = itemgetter(7)


def _cluster(
    slot: str,
    grouped: dict[tuple[str, bool], list[Item]],
    grades: Grades,
    programme: str,
    cohort: str,
) -> Cluster:
    """The sides of one slot of a cohort, from its items grouped by (repr of value, approx)."""
    # Compare distinct values only (many reports repeat the same figure), then spread the
    # grouping to every claim with that value. Grouped first, then sorted: the same order as
    # sorting every item by (repr of its value, approx, keys).
    by_value = [grouped[vk] for vk in sorted(grouped)]
    for group in by_value:
        if len(group) > 1:
            group.sort(key=_KEYS_OF)
    distinct = [group[0] for group in by_value]
    parent = list(range(len(distinct)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if slot == "route":
        # Routes agree when they share a place: join each route to the first with each place.
        first: dict[str, int] = {}
        for i, d in enumerate(distinct):
            for place in d[0]:
                j = first.setdefault(place, i)
                if j != i:
                    a, b = find(j), find(i)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    else:
        # Intervals: overlapping ones connect, and a sweep in order of start finds the
        # connected groups in n log n (what pairwise comparison would find in n²).
        bounds = [_bounds(slot, d[0], d[1]) for d in distinct]
        order = sorted(range(len(distinct)), key=bounds.__getitem__)
        reach: Any = None
        prev: int | None = None
        for i in order:
            lo, hi = bounds[i]
            if prev is not None and lo <= reach:
                parent[find(i)] = find(prev)
                reach = max(reach, hi)
            else:
                reach = hi
            prev = i
    groups: dict[int, list[Item]] = {}
    for i, group in enumerate(by_value):
        root = find(i)
        members = groups.get(root)
        if members is None:
            groups[root] = list(group)
        else:
            members.extend(group)
    sides = []
    for members in groups.values():
        sides.append(
            (
                members,
                Side(
                    value=_merge_values(slot, members),
                    evidence=_sorted_distinct(_chain.from_iterable(map(_KEYS_OF, members))),
                    reports=_sorted_distinct(map(_REPORT_OF, members)),
                    sources=sorted(set(map(_SOURCE_OF, members))),
                ),
            )
        )
    # The best-supported rival of each side: the top count, or the runner-up for the top side.
    identified = not cohort.endswith("/main")
    rivalry = len(sides) > 1 and identified and slot != "route"  # see Cluster.contradiction
    counts = sorted((len(side.sources) for _, side in sides), reverse=True)
    for members, side in sides:
        n = len(side.sources)
        rivals = (counts[1] if len(counts) > 1 else 0) if n == counts[0] else counts[0]
        rivals = rivals if rivalry else 0
        best = min((grades.grade(s) for s in side.sources), default="F")
        side.credibility = credibility(
            sources=len(side.sources),
            best_grade=best,
            hedged=all(map(_HEDGED_OF, members)),
            unknown_certainty=all(map(_UNKNOWN_OF, members)),
            rival_sources=rivals,
        )
    # Best supported first: most sources, a stated value over a derived one, then by value.
    sides.sort(
        key=lambda ms: (
            -len(ms[1].sources),
            not any(map(_PREFERRED_OF, ms[0])),
            -len(ms[1].reports),
            ms[1].credibility,
            repr(ms[1].value),
        )
    )
    return Cluster(programme, cohort, slot, [s for _, s in sides], identified)


def _sorted_distinct(values: Iterable[str]) -> list[str]:
    """`sorted(set(values))`, quicker when the values come nearly sorted (claims and shares
    come in key and report order): first occurrences keep their order, and timsort merges
    the runs in close to linear time where sorting a set's order would not."""
    out = list(dict.fromkeys(values))
    out.sort()
    return out


def _merge_values(slot: str, members: list[Item]) -> Any:
    """The value a side stands for: the hull of its agreeing ranges, the union of its routes."""
    if slot == "route":
        return tuple(sorted({p for m in members for p in m[0]}))
    if slot in ("size", "terms"):
        pref = [m for m in members if m[7]] or members  # stated totals before products
        lows = [m[0][0] for m in pref]
        highs = [m[0][1] for m in pref]
        return (
            None if any(v is None for v in lows) else min(lows),
            None if any(v is None for v in highs) else max(highs),
        )
    starts = [m[0][0] for m in members]
    ends = [m[0][1] for m in members]
    return (
        None if any(v is None for v in starts) else min(starts),
        None if any(v is None for v in ends) else max(ends),
    )


_ENTRY_START = itemgetter(0)
_ENTRY_END = itemgetter(1)
_ENTRY_HAPPENED = itemgetter(2)
_ENTRY_KEYS = itemgetter(3)
_SHARE_RANK = attrgetter("rank")
_SHARE_EVIDENCE = attrgetter("evidence")
_SHARE_SOURCES = attrgetter("sources")
_SHARE_REPORTS = attrgetter("reports")
_SHARE_STALLS = attrgetter("stalls")
_SHARE_TOTAL_KEYS = attrgetter("total_keys")
_SHARE_OWN = attrgetter("own")


def _build_cohort(
    pid: str,
    key: tuple[str, int],
    label: str,
    suffix: str,
    shares: list[Share],
    grades: Grades,
) -> tuple[Cohort, list[Cluster]]:
    """One cohort from its reports' shares (`tumen.cohorts.contributions.Share`): what each
    report brings is reduced once, so this only merges a few values per report."""
    cid = f"{pid}/{suffix}"
    reached = max(map(_SHARE_RANK, shares), default=-1)
    stage_keys = (
        [k for s in shares if s.rank == reached for k in s.rank_keys] if reached >= 0 else []
    )
    reached = max(reached, 0)
    status = "active"
    for s in filter(_SHARE_STALLS, shares):
        for date_rank, stalled, claim_key in s.stalls:
            if date_rank >= reached:
                # A stall or an end at or beyond the stage reached holds the cohort there.
                status = (
                    "cancelled" if stalled == "cancelled" or status == "cancelled" else "delayed"
                )
                stage_keys.append(claim_key)
    timed: dict[str, list[Any]] = {}
    untimed: dict[str, list[tuple[str, str]]] = {}
    slots: dict[str, dict[tuple[str, bool], list[Item]]] = {}
    for s in shares:
        for stage, entry in s.timed:
            found = timed.get(stage)
            if found is None:
                timed[stage] = [entry]
            else:
                found.append(entry)
        for stage, earliest in s.untimed:
            days = untimed.get(stage)
            if days is None:
                untimed[stage] = [earliest]
            else:
                days.append(earliest)
        for slot, groups in s.slots:
            into = slots.get(slot)
            if into is None:
                into = slots[slot] = {}
            for vk, items in groups:
                group = into.get(vk)
                if group is None:
                    into[vk] = list(items)
                else:
                    group.extend(items)
    dates: dict[str, dict[str, Any]] = {}
    for stage in STAGES:
        entries = timed.get(stage)
        if entries is not None:
            keys = _sorted_distinct(_chain.from_iterable(map(_ENTRY_KEYS, entries)))
            dates[stage] = {
                "start": min(filter(None, map(_ENTRY_START, entries)), default=None),
                "end": max(filter(None, map(_ENTRY_END, entries)), default=None),
                "planned": not any(map(_ENTRY_HAPPENED, entries)),
                "evidence": keys,
            }
        elif stage in untimed:
            day, first = min(untimed[stage])
            dates[stage] = {"start": None, "end": day, "planned": False, "evidence": [first]}
    clusters = [
        _cluster(slot, grouped, grades, pid, cid) for slot, grouped in sorted(slots.items())
    ]
    size: dict[str, Any] = {"min": None, "max": None, "basis": None, "evidence": []}
    for cl in clusters:
        if cl.slot == "size":
            best = cl.sides[0]
            size = {
                "min": _num(best.value[0]),
                "max": _num(best.value[1]),
                "basis": "stated" if _side_stated(best, shares) else "teams",
                "evidence": best.evidence,
            }
    # The first claim stating a team size gives the teams: chain claims come first.
    teams = [s.team_chain for s in shares if s.team_chain is not None]
    if not teams:
        teams = [s.team_slot for s in shares if s.team_slot is not None]
    if teams:
        team = min(teams, key=_KEY)
        assert team.team_size is not None
        size["teams"] = {
            "count": _value_dict(team.teams) if team.teams else None,
            "size": _value_dict(team.team_size),
            "evidence": sorted(k for k in (team.key, team.teams_key, team.team_size_key) if k),
        }
    # Shares come in report order and a claim's keys start with its report's id, so the
    # concatenation is nearly sorted already: timsort merges its runs in close to linear time.
    if all(map(_SHARE_OWN, shares)):
        # Each share's keys are its own report's and distinct: nothing to deduplicate.
        evidence = list(_chain.from_iterable(map(_SHARE_EVIDENCE, shares)))
        evidence.sort()
    else:
        evidence = _sorted_distinct(_chain.from_iterable(map(_SHARE_EVIDENCE, shares)))
    cohort = Cohort(
        id=cid,
        label=label,
        round=key[1] if key[0] == "r" else None,
        stage=STAGES[reached],
        status=status,
        size=size,
        dates=dates,
        sources=len(frozenset().union(*map(_SHARE_SOURCES, shares))),
        evidence=evidence,
        stage_evidence=sorted(set(stage_keys)),
        reports=_sorted_distinct(_chain.from_iterable(map(_SHARE_REPORTS, shares))),
    )
    return cohort, clusters


_KEY = attrgetter("key")
_ID = attrgetter("id")

# The last cohorts built, with exactly what they were built from: after one report changes,
# only the cohorts its claims are in are built again (the others get the very same objects,
# never mutated), which also lets the web app keep their page data. A share stands for its
# claim objects, their sources and their report's day (`contributions.Share`), so the same
# shares and grades are the same inputs.
# The model of every report and the models as of other days build the same (programme, cohort)
# from different shares; they keep their builds apart (`whole`), so that asking for other days
# never evicts the cohorts of the model of every report (else each write rebuilt all of them),
# and a slot keeps a few builds, for days asked in turn.
_COHORTS: dict[tuple[Any, ...], list[tuple[Any, tuple[Cohort, list[Cluster]]]]] = {}
_COHORTS_KEPT = 64
_BUILDS_PER_SLOT = 4


def _cohort_of(
    pid: str,
    key: tuple[str, int],
    label: str,
    suffix: str,
    shares: list[Share],
    grades: Grades,
    grades_print: tuple[Any, ...],
    whole: bool,
) -> tuple[Cohort, list[Cluster]]:
    """`_build_cohort`, or a cohort built before from the very same shares and grades."""
    slot = (whole, pid, key, label, suffix)
    entries = _COHORTS.pop(slot, [])
    _COHORTS[slot] = entries  # the slot is now the most recently used
    for n, (inputs, built) in enumerate(entries):
        if _same(inputs, shares, grades_print):
            entries.insert(0, entries.pop(n))
            return built
    built = _build_cohort(pid, key, label, suffix, shares, grades)
    entries.insert(0, ((tuple(shares), grades_print), built))
    del entries[_BUILDS_PER_SLOT:]
    while len(_COHORTS) > _COHORTS_KEPT:
        del _COHORTS[next(iter(_COHORTS))]
    return built


def _same(old: tuple[Any, ...], shares: list[Share], grades_print: tuple[Any, ...]) -> bool:
    # Shares by identity (never mutated), the grades by value.
    return len(old[0]) == len(shares) and all(map(is_, old[0], shares)) and old[1] == grades_print


def _grades_print(grades: Grades) -> tuple[Any, ...]:
    return (
        grades.unknown,
        tuple((p.name, p.grade, p.aliases) for p in grades.publishers.values()),
    )


def _side_stated(side: Side, shares: Sequence[Share]) -> bool:
    stated = frozenset().union(*map(_SHARE_TOTAL_KEYS, shares))
    return any(k in stated for k in side.evidence)


# Cohort assignments per round index: the models of other days (and the model after a write)
# often have the very same rounds to match against, and then every claim's cohort is known.
_ASSIGNED: dict[tuple[Any, ...], dict[tuple[Any, ...], tuple[str, int]]] = {}
_ASSIGNED_KEPT = 16


def _assigner(index: _RoundIndex) -> dict[tuple[Any, ...], tuple[str, int]]:
    """The memo of `_cohort_key` by claim signature for this index (shared by equal ones)."""
    print_ = (
        tuple(sorted((n, frozenset(v)) for n, v in index.totals.items())),
        tuple(sorted((k, tuple(s), tuple(e)) for k, (s, e) in index.times.items())),
    )
    memo = _ASSIGNED.pop(print_, None)
    if memo is None:
        memo = {}
    _ASSIGNED[print_] = memo  # the most recently used: the full model's index stays kept
    while len(_ASSIGNED) > _ASSIGNED_KEPT:
        del _ASSIGNED[next(iter(_ASSIGNED))]
    return memo


def _build_programme(
    pid: str,
    name: str | None,
    members: list[ReportFacts],
    report_sources: dict[str, str],
    credited: Callable[[str | None], str | None],
    grades: Grades,
    grades_print: tuple[Any, ...],
    *,
    whole: bool,
) -> tuple[Programme, list[Cluster]]:
    members = sorted(members, key=_ID)
    origin = min(members, key=_order).origin
    dest_counts: dict[str, int] = {}
    for f in members:
        dest_counts[f.destination] = dest_counts.get(f.destination, 0) + 1
    destination = min(dest_counts, key=lambda d: (-dest_counts[d], d))
    dated = sorted(d for d in (_date_key(f) for f in members) if d)
    period = (dated[0], dated[-1]) if dated else (None, None)
    published = {f.id: f.published for f in members}
    units = [
        unit_of(f, report_sources[f.id], credited, grades_print, published, _SLOT_TYPES)
        for f in members
    ]
    rounds: dict[int, list[Claim]] = {}
    for u in units:
        for c in u.rounds:
            rounds.setdefault(c.round, []).append(c)  # type: ignore[arg-type]  # not None
    index = _RoundIndex.of(rounds)
    memo = _assigner(index)

    def assign(signature: tuple[Any, ...]) -> tuple[str, int]:
        return _cohort_key(signature, index)

    grouped = [(u, *u.groups(memo, assign)) for u in units]
    formed: set[tuple[str, int]] = set()
    for _, chain, _ in grouped:
        formed.update(chain)
    by_cohort: dict[tuple[str, int], list[Share]] = {ckey: [] for ckey in formed}
    loose: list[str] = []
    for u, chain, slot in grouped:
        loose.extend(u.loose)
        for ckey, parts in slot.items():
            if ckey not in formed:
                loose.extend(p.key for p in parts)
        for ckey in chain.keys() | (slot.keys() & formed):
            by_cohort[ckey].append(u.share(ckey, chain.get(ckey, _NONE), slot.get(ckey)))
    order = {"r": 0, "x": 1, "u": 2}
    cohorts, clusters = [], []
    has_others = any(k[0] != "u" for k in by_cohort)
    for ckey in sorted(by_cohort, key=lambda k: (order[k[0]], k[1])):
        label, suffix = _cohort_label(ckey, has_others)
        cohort, cl = _cohort_of(
            pid, ckey, label, suffix, by_cohort[ckey], grades, grades_print, whole
        )
        cohorts.append(cohort)
        clusters.extend(cl)
    programme = Programme(
        id=pid,
        name=name or _programme_name(origin, destination, period),
        origin=origin,
        destination=destination,
        period=period,
        reports=[f.id for f in members],
        cohorts=cohorts,
        evidence=sorted(loose),
    )
    return programme, clusters


_NONE: list[Contribution] = []
_SLOT_TYPES = frozenset(SLOT_TYPES)


# ---------------------------------------------------------------------------------------------


def build_model(
    facts: Iterable[ReportFacts],
    *,
    as_of: str | None = None,
    grades: Grades | None = None,
    overrides: Sequence[Override] = (),
    reprints: Sequence[Link] | None = None,
) -> DispatchModel:
    """The dispatch model from a set of reports (as of a day, when given). Pure.

    `reprints` are the reprint links already known (the store keeps them); when None they are
    found here from the reports' sketches and texts.
    """
    grades = grades or cached_grades()
    unique = {f.id: f for f in facts}
    everything = [unique[k] for k in sorted(unique)]
    undated = [f.id for f in everything if not f.published]
    if as_of is not None:
        date.fromisoformat(as_of)  # a malformed day is an error, not an empty view
        kept = [f for f in everything if f.published and f.published <= as_of]
    else:
        kept = everything
    kept_ids = {f.id for f in kept}
    if reprints is None:
        reprints = find_reprints(kept)
    reprints = [r for r in reprints if r.source in kept_ids and r.target in kept_ids]
    links = sorted(
        set(reprints) | set(citation_links(kept)), key=lambda r: (r.source, r.target, r.kind)
    )
    report_sources = _report_sources(kept, reprints)
    # A claim's source depends only on its attribution's wording and its report's source: look
    # each distinct wording up once (reports repeat "a source", "according to Daily NK").
    outlets: dict[str | None, str | None] = {}

    def credited(attribution: str | None) -> str | None:
        if attribution not in outlets:
            outlets[attribution] = _credited_outlet(attribution, grades)
        return outlets[attribution]

    members = [f for f in kept if f.relevant and f.claims]
    groups = _form_programmes(members)
    notes: list[str] = []
    names = _apply_overrides(groups, overrides, notes)
    programmes, clusters = [], []
    grades_print = _grades_print(grades)
    for pid in sorted(groups):
        programme, cl = _build_programme(
            pid,
            names.get(pid),
            groups[pid],
            report_sources,
            credited,
            grades,
            grades_print,
            whole=as_of is None,
        )
        programmes.append(programme)
        clusters.extend(cl)
    programmes.sort(key=lambda p: (p.period[0] or NO_DATE, p.id))
    return DispatchModel(
        as_of=as_of,
        programmes=programmes,
        undated=undated,
        clusters=clusters,
        links=links,
        report_sources={k: report_sources[k] for k in sorted(report_sources)},
        notes=notes,
    )
