"""What a programme's cohorts are made of, and which cohort each claim is in.

A programme's *parts* (`Parts`) are its members with their sources, their units (what each
report's claims bring: `tumen.cohorts.contributions`), the round index claims without a round
are matched against, each member's groupings by cohort and each cohort's shares. With 8,000
reports in a programme, making them costs tens of milliseconds (a call or two per report), and
after one review or one added report all but one member are the same objects: the parts of
the last build of each programme are kept, and the next build redoes only the members that
came, went or changed (`patched_parts`), as long as the round index and the cohorts formed
stay the same. Otherwise they are made again from every member.

Cohort assignment (which cohort a claim is in) is in docs/cohorts.md ("Cohorts").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from tumen.cohorts.contributions import (
    CHAIN_TYPES,
    Contribution,
    Share,
    Unit,
    _stage_of,
    unit_of,
)
from tumen.cohorts.facts import Claim, Range, ReportFacts
from tumen.cohorts.incremental import NO_DATE, _widen
from tumen.cohorts.links import _order

SLOT_TYPES = {"terms"}  # not a stage, but a slot of its cohort
_SLOT_TYPES = frozenset(SLOT_TYPES)
_NONE: list[Contribution] = []
_ID = attrgetter("id")


def _date_key(f: ReportFacts) -> str | None:
    if f.published:
        return f.published
    starts = sorted(c.time[0] for c in f.claims if c.time and c.time[0])
    return starts[0] if starts else None


# ---------------------------------------------------------------------------------------------
# Cohort assignment


def _ranges_agree(a: Range, a_approx: bool, b: Range, b_approx: bool) -> bool:
    alo, ahi = _widen(a, a_approx)
    blo, bhi = _widen(b, b_approx)
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

    def covers(self, claims: Iterable[Claim]) -> bool:
        """Whether these claims (with rounds) add nothing to the index: each one's total is
        among its round's already, and its time lies inside one of its stage's intervals."""
        for c in claims:
            n = c.round
            if n not in self.totals:
                return False
            if c.total is not None and (c.total, c.total_approx) not in self.totals[n]:
                return False
            if c.time is not None and c.type in CHAIN_TYPES:
                lo, hi = c.time[0] or "0000", c.time[1] or NO_DATE
                starts, ends = self.times.get((n, _stage_of(c)[1]), ([], []))
                i = bisect_right(starts, lo) - 1
                if i < 0 or ends[i] < hi:
                    return False
        return True

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


# Cohort assignments per round index: the models of other days (and the model after a write)
# often have the very same rounds to match against, and then every claim's cohort is known.
_ASSIGNED: dict[tuple[Any, ...], dict[tuple[Any, ...], tuple[str, int]]] = {}
_ASSIGNED_KEPT = 16


def _index_print(index: _RoundIndex) -> tuple[Any, ...]:
    """What assignments under an index depend on: equal prints, equal assignments."""
    return (
        tuple(sorted((n, frozenset(v)) for n, v in index.totals.items())),
        tuple(sorted((k, tuple(s), tuple(e)) for k, (s, e) in index.times.items())),
    )


def _assigner(index: _RoundIndex) -> dict[tuple[Any, ...], tuple[str, int]]:
    """The memo of `_cohort_key` by claim signature for this index (shared by equal ones)."""
    print_ = _index_print(index)
    memo = _ASSIGNED.pop(print_, None)
    if memo is None:
        memo = {}
    _ASSIGNED[print_] = memo  # the most recently used: the full model's index stays kept
    while len(_ASSIGNED) > _ASSIGNED_KEPT:
        del _ASSIGNED[next(iter(_ASSIGNED))]
    return memo


class Parts:
    """What a programme's cohorts are made of: its members (by id) with their sources, units,
    groupings under the round index, each cohort's shares (with the report each came from)
    and each member's claims linked to no cohort. Kept per programme, so that the next build
    after a few members changed, came or went redoes only those (`patched_parts`)."""

    __slots__ = (
        "members",
        "ids",
        "sources",
        "grades_print",
        "first",
        "origin",
        "dest_counts",
        "destination",
        "period",
        "published",
        "units",
        "index",
        "memo",
        "grouped",
        "chained",
        "formed",
        "by_cohort",
        "loose",
    )
    members: tuple[ReportFacts, ...]
    ids: list[str]
    sources: list[str]
    grades_print: tuple[Any, ...]
    first: ReportFacts
    origin: str
    dest_counts: dict[str, int]
    destination: str
    period: tuple[str | None, str | None]
    published: dict[str, str | None]
    units: list[Unit]
    index: _RoundIndex
    memo: dict[tuple[Any, ...], tuple[str, int]]
    grouped: list[tuple[Unit, dict[Any, list[Contribution]], dict[Any, list[Contribution]]]]
    chained: dict[tuple[str, int], int]  # members with chain claims in each cohort
    formed: set[tuple[str, int]]  # the cohorts some chain claim is in
    by_cohort: dict[tuple[str, int], tuple[list[str], list[Share]]]  # report ids, shares
    loose: list[list[str]]

    def assign(self, signature: tuple[Any, ...]) -> tuple[str, int]:
        return _cohort_key(signature, self.index)

    def describe(self, members: Sequence[ReportFacts], kept: Parts | None = None) -> None:
        """Origin (of the first member by day and id), destination (the most named), period
        and days: from every member, or from those kept plus `members` (members came)."""
        first = min(members, key=_order)
        counts: dict[str, int] = dict(kept.dest_counts) if kept else {}
        for f in members:
            counts[f.destination] = counts.get(f.destination, 0) + 1
        dated = [d for d in map(_date_key, members) if d]
        published = {f.id: f.published for f in members}
        if kept is not None:
            first = min(first, kept.first, key=_order)
            dated.extend(d for d in kept.period if d)
            published = {**kept.published, **published}
        self.first, self.origin, self.dest_counts = first, first.origin, counts
        self.destination = min(counts, key=lambda d: (-counts[d], d))
        self.period = (min(dated), max(dated)) if dated else (None, None)
        self.published = published

    def group(self, n: int, unit: Unit) -> None:
        """Member n's unit and its groupings (the cohorts formed are known)."""
        self.units[n] = unit
        self.grouped[n] = (unit, *unit.groups(self.memo, self.assign))
        self.loose[n] = self.loose_of(n)

    def loose_of(self, n: int) -> list[str]:
        """Member n's claims linked to no cohort."""
        unit, _, slot = self.grouped[n]
        loose = list(unit.loose)
        for ckey, parts in slot.items():
            if ckey not in self.formed:
                loose.extend(p.key for p in parts)
        return loose

    def cohorts_of(self, n: int) -> set[tuple[str, int]]:
        _, chain, slot = self.grouped[n]
        return chain.keys() | (slot.keys() & self.formed)

    def share(self, n: int, ckey: tuple[str, int]) -> Share:
        unit, chain, slot = self.grouped[n]
        return unit.share(ckey, chain.get(ckey, _NONE), slot.get(ckey))


def parts_of(
    members: tuple[ReportFacts, ...],
    sources: list[str],
    credited: Callable[[str | None], str | None],
    grades_print: tuple[Any, ...],
) -> Parts:
    """A programme's parts from every member."""
    p = Parts()
    p.members, p.ids, p.sources, p.grades_print = (
        members,
        [f.id for f in members],
        sources,
        grades_print,
    )
    p.describe(members)
    p.units = [
        unit_of(f, source, credited, grades_print, p.published, _SLOT_TYPES)
        for f, source in zip(members, sources, strict=True)
    ]
    p.index = _round_index(p.units)
    p.memo = _assigner(p.index)
    p.grouped = [(u, *u.groups(p.memo, p.assign)) for u in p.units]
    p.chained = {}
    for _, chain, _ in p.grouped:
        for ckey in chain:
            p.chained[ckey] = p.chained.get(ckey, 0) + 1
    p.formed = set(p.chained)
    p.loose = [p.loose_of(n) for n in range(len(members))]
    p.by_cohort = {ckey: ([], []) for ckey in p.formed}
    for n, rid in enumerate(p.ids):
        for ckey in p.cohorts_of(n):
            ids, shares = p.by_cohort[ckey]
            ids.append(rid)
            shares.append(p.share(n, ckey))
    return p


def _round_index(units: Iterable[Unit]) -> _RoundIndex:
    rounds: dict[int, list[Claim]] = {}
    for u in units:
        for c in u.rounds:
            rounds.setdefault(c.round, []).append(c)  # type: ignore[arg-type]  # not None
    return _RoundIndex.of(rounds)


def _rounds_print(unit: Unit) -> list[tuple[Any, ...]]:
    """What a unit gives the round index (`_RoundIndex.of`)."""
    return [(c.round, c.total, c.total_approx, c.time, *_stage_of(c)) for c in unit.rounds]


_PARTS_LIMIT = 16  # members changed beyond which the parts are made again from every member


def patched_parts(
    kept: Parts,
    members: tuple[ReportFacts, ...],
    sources: list[str],
    credited: Callable[[str | None], str | None],
    grades_print: tuple[Any, ...],
) -> Parts | None:
    """The parts of `members` from those kept, when the grades are the same, every member
    kept has the same source, and only a few members came, went or have other facts (with
    the same day, origin and destination, rounds and cohorts formed), and the round index
    and the cohorts formed stay the same; else None. Every other member's unit, groupings
    and shares are the kept ones: the same objects `unit_of`, `Unit.groups` and `Unit.share`
    would return."""
    if kept.grades_print != grades_print or abs(len(members) - len(kept.members)) > _PARTS_LIMIT:
        return None
    ids = [f.id for f in members]
    gone: list[int] = []
    came: list[int] = []
    if ids != kept.ids:
        old_ids, new_ids = set(kept.ids), set(ids)
        gone = [n for n, rid in enumerate(kept.ids) if rid not in new_ids]
        came = [n for n, rid in enumerate(ids) if rid not in old_ids]
        if len(gone) + len(came) > _PARTS_LIMIT:
            return None
    p = Parts()
    p.members, p.ids, p.sources, p.grades_print = members, ids, sources, grades_print
    p.index, p.memo, p.formed = kept.index, kept.memo, kept.formed
    p.units, p.grouped, p.loose = list(kept.units), list(kept.grouped), list(kept.loose)
    p.by_cohort = dict(kept.by_cohort)
    p.chained = dict(kept.chained)
    copied: set[tuple[str, int]] = set()

    def put(rid: str, ckey: tuple[str, int], share: Share | None) -> None:
        """Report rid's share of a cohort (None: it has none now)."""
        if ckey not in copied:
            ids_in, shares = p.by_cohort.get(ckey, ((), ()))
            p.by_cohort[ckey] = (list(ids_in), list(shares))
            copied.add(ckey)
        ids_in, shares = p.by_cohort[ckey]
        i = bisect_left(ids_in, rid)
        present = i < len(ids_in) and ids_in[i] == rid
        if share is None:
            del ids_in[i], shares[i]
        elif present:
            shares[i] = share
        else:
            ids_in.insert(i, rid)
            shares.insert(i, share)

    for n in reversed(gone):
        for ckey in p.cohorts_of(n):
            put(kept.ids[n], ckey, None)
        for ckey in p.grouped[n][1]:
            p.chained[ckey] -= 1
        del p.units[n], p.grouped[n], p.loose[n]
    for n in came:
        p.units.insert(n, None)  # type: ignore[arg-type]  # grouped below
        p.grouped.insert(n, None)  # type: ignore[arg-type]
        p.loose.insert(n, [])
    # The members in both, in the same order: those with other facts are redone.
    gone_set, came_set = set(gone), set(came)
    old = [f for n, f in enumerate(kept.members) if n not in gone_set]
    both = [n for n in range(len(members)) if n not in came_set]
    if [sources[n] for n in both] != [s for n, s in enumerate(kept.sources) if n not in gone_set]:
        return None
    changed = [n for n, f in zip(both, old, strict=True) if members[n] is not f]
    if len(changed) + len(gone) + len(came) > _PARTS_LIMIT:
        return None
    for n, f in zip(both, old, strict=True):
        if members[n] is not f and (f.published, f.origin, f.destination, _date_key(f)) != (
            members[n].published,
            members[n].origin,
            members[n].destination,
            _date_key(members[n]),
        ):
            return None
    if gone:
        p.describe(members)
    elif came:
        p.describe([members[n] for n in came], kept)
    else:
        p.first, p.origin, p.dest_counts = kept.first, kept.origin, kept.dest_counts
        p.destination, p.period, p.published = kept.destination, kept.period, kept.published
    # The units of the members that changed or came; the others' are kept.
    rounds_moved = bool(gone)
    before: dict[int, set[tuple[str, int]]] = {}
    for n in changed:
        before[n] = p.cohorts_of(n)
        for ckey in p.grouped[n][1]:
            p.chained[ckey] -= 1
        unit = unit_of(members[n], sources[n], credited, grades_print, p.published, _SLOT_TYPES)
        rounds_moved = rounds_moved or _rounds_print(unit) != _rounds_print(p.units[n])
        p.units[n] = unit
    for n in came:
        p.units[n] = unit_of(
            members[n], sources[n], credited, grades_print, p.published, _SLOT_TYPES
        )
    # The round index must be the same one, else every claim without a round may move: work
    # it out again when members went or changed their rounds, or came with rounds it does not
    # cover already.
    if rounds_moved or not all(p.index.covers(p.units[n].rounds) for n in came):
        if _index_print(_round_index(p.units)) != _index_print(kept.index):
            return None
    redo = [*changed, *came]
    for n in redo:
        p.group(n, p.units[n])
        for ckey in p.grouped[n][1]:
            p.chained[ckey] = p.chained.get(ckey, 0) + 1
    if {ckey for ckey, count in p.chained.items() if count} != p.formed:
        return None  # other cohorts formed: other slot claims are linked to none
    for n in changed:
        for ckey in before[n] - p.cohorts_of(n):
            put(ids[n], ckey, None)
    for n in redo:
        for ckey in p.cohorts_of(n):
            put(ids[n], ckey, p.share(n, ckey))
    return p


# The parts of the last programmes built, by (whole, id): see `_COHORTS` for why apart.
_PARTS: dict[tuple[bool, str], Parts] = {}
_PARTS_KEPT = 64


def programme_parts(
    whole: bool,
    pid: str,
    members: Sequence[ReportFacts],
    report_sources: dict[str, str],
    credited: Callable[[str | None], str | None],
    grades_print: tuple[Any, ...],
) -> Parts:
    """The parts of a programme (`whole`: of the model of every report, see
    `tumen.cohorts.build._COHORTS` for why apart), patched from its last ones when it can."""
    ordered = tuple(sorted(members, key=_ID))
    sources = list(map(report_sources.__getitem__, map(_ID, ordered)))
    kept = _PARTS.pop((whole, pid), None)
    p = patched_parts(kept, ordered, sources, credited, grades_print) if kept else None
    if p is None:
        p = parts_of(ordered, sources, credited, grades_print)
    _PARTS[(whole, pid)] = p
    while len(_PARTS) > _PARTS_KEPT:
        del _PARTS[next(iter(_PARTS))]
    return p


def forget() -> None:
    """Forget the kept parts and cohort assignments."""
    _PARTS.clear()
    _ASSIGNED.clear()
