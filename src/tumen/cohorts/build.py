"""Build the dispatch model: programmes, their cohorts, stages, sizes, dates, clusters of claims.

Pure and deterministic: the result depends on the set of reports, never on the order they come
in. Inputs are sorted by report id and claim key before anything is decided; ids of programmes
and cohorts are made from their content (countries, the month their evidence starts, the round);
ties are broken by those ids, never by arrival. The rules are written out in docs/cohorts.md.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter, is_, itemgetter
from typing import Any

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

STAGES = (
    "announced",
    "selecting",
    "selected",
    "departed",
    "in_transit",
    "deployed",
    "extended",
    "returned",
)
_RANK = {s: i for i, s in enumerate(STAGES)}
# The stage an event type moves a cohort to once it has happened (or is happening).
TYPE_STAGE = {
    "recruitment": "selecting",
    "demand": "announced",
    "standby": "selected",
    "departure": "departed",
    "transit": "in_transit",
    "arrival": "deployed",
    "deployment": "deployed",
    "extension": "extended",
    "return": "returned",
}
CHAIN_TYPES = frozenset(TYPE_STAGE)
SLOT_TYPES = {"terms"}  # not a stage, but a slot of its cohort
HAPPENED = frozenset({"completed", "ongoing"})
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


def _stage_of(claim: Claim) -> tuple[str | None, str]:
    """(the stage a claim shows reached, or None; the stage its date belongs to)."""
    target = TYPE_STAGE[claim.type]
    if claim.type == "recruitment":
        reached = {
            "planned": "announced",
            "ongoing": "selecting",
            "completed": "selected",
            "unknown": "selecting",
        }.get(claim.status, "announced")
        return reached, "selecting"
    if claim.type == "demand":
        return "announced", "announced"
    if claim.type == "standby":
        return ("selected" if claim.status != "cancelled" else "announced"), "selected"
    return (target if claim.status in HAPPENED else "announced"), target


def _counts(claim: Claim) -> bool:
    """Doubted claims, and claims whose truth the report says is unknown, move no stage."""
    return claim.certainty not in ("doubtful", "unknown")


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


def _cohort_key(claim: Claim, index: _RoundIndex) -> tuple[str, int]:
    if claim.round is not None:
        return ("r", claim.round)
    if claim.extra:
        return ("x", 0)
    # Link by numbers: a stated total that agrees with exactly one round's stated totals.
    if claim.total is not None:
        total = claim.total
        hits = {
            n
            for n, values in index.totals.items()
            if any(_ranges_agree(total, claim.total_approx, v, ap) for v, ap in values)
        }
        if len(hits) == 1:
            return ("r", hits.pop())
    # Link by dates: a time that overlaps the same stage's time in exactly one round.
    if claim.time is not None and claim.type in CHAIN_TYPES:
        hits = index.time_hits(_stage_of(claim)[1], claim.time)
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


# Everything a cohort build reads of one claim that does not depend on the other claims:
# worked out once per claim object (facts are parsed once per process and never mutated) and
# kept by claim key, so rebuilding a cohort of 40,000 claims after one of them changed does
# not work out the other 39,999 again.
class _Facet:
    __slots__ = (
        "claim",
        "chain",
        "rank",
        "date_stage",
        "date_rank",
        "stage_reached",
        "happened",
        "stalled",
        "untimed",
        "date_keys",
        "evidence",
        "slots",
    )
    claim: Claim
    chain: bool
    rank: int
    date_stage: str
    date_rank: int
    stage_reached: str | None
    happened: bool
    stalled: str | None
    untimed: bool
    date_keys: tuple[str | None, ...]
    evidence: tuple[str, ...]
    slots: tuple[_SlotEntry, ...]

    def __init__(self, c: Claim) -> None:
        self.claim = c
        self.chain = c.type in CHAIN_TYPES
        if self.chain:
            reached, date_stage = _stage_of(c)
            counts = _counts(c)
            self.rank = _RANK[reached] if reached is not None and counts else -1
            self.date_stage = date_stage
            self.date_rank = _RANK[date_stage]
            self.stage_reached = reached
            self.happened = c.status in HAPPENED or c.type == "standby"
            self.stalled = c.status if c.status in ("delayed", "cancelled") and counts else None
            # Happened, no date given: the stage was reached by the day the report came out.
            self.untimed = c.time is None and c.status in HAPPENED and bool(reached)
            self.date_keys = (c.key, c.time_key)
        else:
            self.rank, self.date_rank = -1, -1
            self.date_stage = ""  # read for chain claims only
            self.stage_reached = self.stalled = None
            self.happened = self.untimed = False
            self.date_keys = ()
        ev = [k for k in (c.key, c.total_key, c.teams_key, c.team_size_key, c.time_key) if k]
        if c.duration_key:
            ev.append(c.duration_key)
        ev.extend(c.route_keys)
        self.evidence = tuple(ev)
        self.slots = tuple(_claim_slots(c))


_SlotEntry = tuple[str, Any, bool, tuple[str, ...], bool, bool, bool, str]
# Items of a cluster: (value, approx, keys, report, source, hedged, unknown, preferred, repr).
_Item = tuple[Any, bool, tuple[str, ...], str, str, bool, bool, bool, str]


def _claim_slots(c: Claim) -> list[_SlotEntry]:
    """(slot, value, approx, keys, hedged, unknown, preferred, repr of value) per value."""
    hedged = c.certainty in ("possible", "doubtful")
    unknown = c.certainty == "unknown"
    out: list[_SlotEntry] = []

    def add(slot: str, value: Any, approx: bool, keys: Iterable[str | None], pref: bool) -> None:
        kept = tuple(k for k in keys if k)
        out.append((slot, value, approx, kept, hedged, unknown, pref, repr(value)))

    if c.total is not None:
        add("size", c.total, c.total_approx, (c.key, c.total_key), True)
    if c.teams is not None and c.team_size is not None:
        t, s = c.teams, c.team_size
        product = (
            t[0] * s[0] if t[0] is not None and s[0] is not None else None,
            t[1] * s[1] if t[1] is not None and s[1] is not None else None,
        )
        add("size", product, True, (c.key, c.teams_key, c.team_size_key), False)
    if c.type == "departure" and c.time is not None:
        add("departure_date", c.time, False, (c.key, c.time_key), True)
    if c.type in ("departure", "transit", "arrival") and c.route:
        add("route", tuple(sorted(set(c.route))), False, (c.key, *c.route_keys), True)
    if c.type == "terms" and c.duration is not None:
        add("terms", c.duration, False, (c.key, c.duration_key), True)
    return out


_FACETS: dict[str, tuple[Claim, _Facet]] = {}


def _facets(claims: Sequence[Claim]) -> list[_Facet]:
    cache = _FACETS
    if len(cache) > 400_000:  # keys of reports long gone; start again
        cache.clear()
    out = []
    for c in claims:
        entry = cache.get(c.key)
        if entry is None or entry[0] is not c:
            facet = _Facet(c)
            cache[c.key] = (c, facet)
        else:
            facet = entry[1]
        out.append(facet)
    return out


def _slots(facets: Sequence[_Facet], sources: dict[str, str]) -> dict[str, list[_Item]]:
    out: dict[str, list[_Item]] = {}
    for f in facets:
        if not f.slots:
            continue
        c = f.claim
        source = sources[c.key]
        for slot, value, approx, keys, hedged, unknown, pref, text in f.slots:
            items = out.get(slot)
            if items is None:
                items = out[slot] = []
            items.append((value, approx, keys, c.report, source, hedged, unknown, pref, text))
    return out


def _bounds(slot: str, value: Any, approx: bool) -> tuple[Any, Any]:
    """The interval a value covers, in the terms values are compared in."""
    if slot == "departure_date":
        return value[0] or "0000", value[1] or NO_DATE
    return _widen(value, approx)


_KEYS_OF = itemgetter(2)


def _cluster(slot: str, items: list[_Item], grades: Grades, programme: str, cohort: str) -> Cluster:
    # Compare distinct values only (many reports repeat the same figure), then spread the
    # grouping to every claim with that value. Grouped first, then sorted: the same order as
    # sorting every item by (repr of its value, approx, keys).
    grouped: dict[tuple[str, bool], list[_Item]] = {}
    for item in items:
        vk = (item[8], item[1])
        group = grouped.get(vk)
        if group is None:
            grouped[vk] = [item]
        else:
            group.append(item)
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
    groups: dict[int, list[_Item]] = {}
    for i, group in enumerate(by_value):
        root = find(i)
        members = groups.get(root)
        if members is None:
            groups[root] = list(group)
        else:
            members.extend(group)
    sides = []
    for members in groups.values():
        evidence: set[str] = set()
        for m in members:
            evidence.update(m[2])
        sides.append(
            (
                members,
                Side(
                    value=_merge_values(slot, members),
                    evidence=sorted(evidence),
                    reports=sorted({m[3] for m in members}),
                    sources=sorted({m[4] for m in members}),
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
            hedged=all(m[5] for m in members),
            unknown_certainty=all(m[6] for m in members),
            rival_sources=rivals,
        )
    # Best supported first: most sources, a stated value over a derived one, then by value.
    sides.sort(
        key=lambda ms: (
            -len(ms[1].sources),
            not any(m[7] for m in ms[0]),
            -len(ms[1].reports),
            ms[1].credibility,
            repr(ms[1].value),
        )
    )
    return Cluster(programme, cohort, slot, [s for _, s in sides], identified)


def _merge_values(slot: str, members: list[_Item]) -> Any:
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


def _build_cohort(
    pid: str,
    key: tuple[str, int],
    label: str,
    suffix: str,
    claims: list[Claim],
    published: dict[str, str | None],
    sources: dict[str, str],
    grades: Grades,
) -> tuple[Cohort, list[Cluster]]:
    cid = f"{pid}/{suffix}"
    facets = _facets(claims)
    chain = [f for f in facets if f.chain]
    reached = max((f.rank for f in chain), default=-1)
    stage_keys = [f.claim.key for f in chain if f.rank == reached] if reached >= 0 else []
    reached = max(reached, 0)
    status = "active"
    for f in chain:
        if f.stalled is not None and f.date_rank >= reached:
            # A stall or an end at or beyond the stage reached holds the cohort there.
            status = "cancelled" if f.stalled == "cancelled" or status == "cancelled" else "delayed"
            stage_keys.append(f.claim.key)

    # Per stage: [start, end, planned, evidence, timed, earliest untimed (day, key)].
    acc: dict[str, list[Any]] = {}
    for f in chain:
        c = f.claim
        entry = acc.get(f.date_stage)
        if entry is None:
            entry = acc[f.date_stage] = [None, None, True, set(), False, None]
        if c.time is not None:
            entry[4] = True
            start, end = c.time
            if start and (entry[0] is None or start < entry[0]):
                entry[0] = start
            if end and (entry[1] is None or end > entry[1]):
                entry[1] = end
            entry[3].update(f.date_keys)
            entry[2] = entry[2] and not f.happened
        elif f.untimed:
            day = published.get(c.report)
            if day:
                reached_at = f.stage_reached or ""  # set whenever untimed is
                by = acc.get(reached_at)
                if by is None:
                    by = acc[reached_at] = [None, None, True, set(), False, None]
                if by[5] is None or (day, c.key) < by[5]:
                    by[5] = (day, c.key)
    dates: dict[str, dict[str, Any]] = {}
    for stage in STAGES:
        entry = acc.get(stage)
        if entry is None:
            continue
        if entry[4]:
            dates[stage] = {
                "start": entry[0],
                "end": entry[1],
                "planned": entry[2],
                "evidence": sorted(k for k in entry[3] if k),
            }
        elif entry[5] is not None:
            day, first = entry[5]
            dates[stage] = {"start": None, "end": day, "planned": False, "evidence": [first]}

    clusters = [
        _cluster(slot, items, grades, pid, cid)
        for slot, items in sorted(_slots(facets, sources).items())
    ]
    size: dict[str, Any] = {"min": None, "max": None, "basis": None, "evidence": []}
    teams: dict[str, Any] | None = None
    for cl in clusters:
        if cl.slot == "size":
            best = cl.sides[0]
            size = {
                "min": _num(best.value[0]),
                "max": _num(best.value[1]),
                "basis": "stated" if _side_stated(best, claims) else "teams",
                "evidence": best.evidence,
            }
    for c in claims:
        if c.team_size is not None:
            teams = {
                "count": _value_dict(c.teams) if c.teams else None,
                "size": _value_dict(c.team_size),
                "evidence": sorted(k for k in (c.key, c.teams_key, c.team_size_key) if k),
            }
            break
    if teams:
        size["teams"] = teams
    # Claims come in key order and a claim's keys start with its report's id, so the
    # concatenation is nearly sorted already: timsort merges its runs in close to linear time.
    evidence = list(dict.fromkeys([k for f in facets for k in f.evidence]))
    evidence.sort()
    keys = list(map(_KEY, claims))
    cohort = Cohort(
        id=cid,
        label=label,
        round=key[1] if key[0] == "r" else None,
        stage=STAGES[reached],
        status=status,
        size=size,
        dates=dates,
        sources=len(set(map(sources.__getitem__, keys))),
        evidence=evidence,
        stage_evidence=sorted(set(stage_keys)),
        reports=sorted(set(map(_REPORT, claims))),
    )
    return cohort, clusters


_KEY = attrgetter("key")
_REPORT = attrgetter("report")

# The last cohorts built, with exactly what they were built from: after one report changes,
# only the cohorts its claims are in are built again (the others get the very same objects,
# never mutated), which also lets the web app keep their page data.
_COHORTS: dict[tuple[Any, ...], tuple[Any, tuple[Cohort, list[Cluster]]]] = {}
_COHORTS_KEPT = 64


def _cohort_of(
    pid: str,
    key: tuple[str, int],
    label: str,
    suffix: str,
    claims: list[Claim],
    published: dict[str, str | None],
    sources: dict[str, str],
    grades: Grades,
) -> tuple[Cohort, list[Cluster]]:
    """`_build_cohort`, or the cohort built last from the very same inputs: the same claim
    objects, their reports' dates, their sources and the same grades."""
    inputs = (
        tuple(claims),
        tuple(map(published.get, map(_REPORT, claims))),
        tuple(map(sources.__getitem__, map(_KEY, claims))),
        grades.unknown,
        tuple((p.name, p.grade, p.aliases) for p in grades.publishers.values()),
    )
    slot = (pid, key, label, suffix, len(claims), claims[0].key if claims else None)
    entry = _COHORTS.get(slot)
    if entry is not None and _same(entry[0], inputs):
        return entry[1]
    built = _build_cohort(pid, key, label, suffix, claims, published, sources, grades)
    _COHORTS.pop(slot, None)
    _COHORTS[slot] = (inputs, built)
    while len(_COHORTS) > _COHORTS_KEPT:
        del _COHORTS[next(iter(_COHORTS))]
    return built


def _same(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    # Claims by identity (facts are parsed once per process and never mutated), the rest by value.
    return len(old[0]) == len(new[0]) and all(map(is_, old[0], new[0])) and old[1:] == new[1:]


def _side_stated(side: Side, claims: Sequence[Claim]) -> bool:
    stated = {c.total_key for c in claims if c.total_key}
    return any(k in stated for k in side.evidence)


def _build_programme(
    pid: str,
    name: str | None,
    members: list[ReportFacts],
    sources: dict[str, str],
    grades: Grades,
) -> tuple[Programme, list[Cluster]]:
    members = sorted(members, key=lambda f: f.id)
    origin = min(members, key=_order).origin
    dest_counts: dict[str, int] = {}
    for f in members:
        dest_counts[f.destination] = dest_counts.get(f.destination, 0) + 1
    destination = min(dest_counts, key=lambda d: (-dest_counts[d], d))
    dated = sorted(d for d in (_date_key(f) for f in members) if d)
    period = (dated[0], dated[-1]) if dated else (None, None)
    published = {f.id: f.published for f in members}
    claims = sorted([c for f in members for c in f.claims], key=_KEY)
    forming = [c for c in claims if c.type in CHAIN_TYPES]
    rounds: dict[int, list[Claim]] = {}
    for c in forming:
        if c.round is not None:
            rounds.setdefault(c.round, []).append(c)
    by_cohort: dict[tuple[str, int], list[Claim]] = {}
    loose: list[str] = []
    index = _RoundIndex.of(rounds)
    for c in claims:
        if c.type in CHAIN_TYPES:
            by_cohort.setdefault(_cohort_key(c, index), []).append(c)
    for c in claims:
        if c.type in CHAIN_TYPES:
            continue
        ckey = _cohort_key(c, index)
        if c.type in SLOT_TYPES and ckey in by_cohort:
            by_cohort[ckey].append(c)
        else:
            loose.append(c.key)
    order = {"r": 0, "x": 1, "u": 2}
    cohorts, clusters = [], []
    has_others = any(k[0] != "u" for k in by_cohort)
    for ckey in sorted(by_cohort, key=lambda k: (order[k[0]], k[1])):
        label, suffix = _cohort_label(ckey, has_others)
        cohort, cl = _cohort_of(
            pid, ckey, label, suffix, by_cohort[ckey], published, sources, grades
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
    credited: dict[str | None, str | None] = {}
    sources = {}
    for f in kept:
        base = report_sources[f.id]
        for c in f.claims:
            if c.attribution not in credited:
                credited[c.attribution] = _credited_outlet(c.attribution, grades)
            sources[c.key] = credited[c.attribution] or base
    members = [f for f in kept if f.relevant and f.claims]
    groups = _form_programmes(members)
    notes: list[str] = []
    names = _apply_overrides(groups, overrides, notes)
    programmes, clusters = [], []
    for pid in sorted(groups):
        programme, cl = _build_programme(pid, names.get(pid), groups[pid], sources, grades)
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
