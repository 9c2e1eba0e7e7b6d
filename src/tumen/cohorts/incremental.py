"""One cohort from its reports' shares: built whole, or patched from the build before it.

A cohort of the benchmark store holds 2,000–6,000 shares (one per report), and after one
report changes its shares are the same objects as before but one or two. Merging every share
again (~35 ms a cohort: concatenating their items, sorting and deduplicating ~100,000 evidence
keys) would redo what the last build already did, so a build keeps what it merged (a
`CohortState`: per stage, per slot and per side of a slot, counters and sorted key lists) and
the next build of the same cohort takes out the shares that left and puts in those that came
(`CohortState.patched`). What is decided over *distinct* values only (the sides of a slot, by
agreement of values; the stage reached) is redone from the counters; a slot whose distinct
values change is merged again from every share, and so is the whole cohort when the stage
reached moves or the shares are not each one report's own.

Patching relies on what `Share.own` says: every evidence key of the share starts with its
report's id and ":", and a report has one share per cohort. The keys of one report then sit
in one block of any sorted list of keys, and taking a report out or putting it in is one
slice of that list, found by bisection. A state never changes once built: a patch copies the
lists it changes, and the lists it leaves alone are shared by both builds (and by the cohorts
and clusters given out, which nobody mutates).

The rules themselves (stage, status, dates, sides of a slot, credibility, the size chosen)
are those of docs/cohorts.md; `CohortState.result` is the only place they are applied, for
whole builds and patched ones alike.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain as _chain
from operator import attrgetter, itemgetter
from typing import Any

from tumen.cohorts.contributions import EVIDENCE, KEY, STAGES, Item, Share
from tumen.cohorts.facts import Range
from tumen.cohorts.grades import Grades, credibility
from tumen.cohorts.results import Cluster, Cohort, Side, _num, _value_dict

APPROX = 0.10  # "about 300" agrees with values within 10 %
NO_DATE = "9999-12-31"
# Beyond this many shares in or out, merging every share again is about as quick as patching
# (and is the path every other build takes anyway).
PATCH_LIMIT = 32

VKey = tuple[str, bool]  # what items are grouped by: (repr of the value, approx)

_KEYS_OF = itemgetter(2)
_REPORT_OF = itemgetter(3)
_SOURCE_OF = itemgetter(4)
_HEDGED_OF = itemgetter(5)
_UNKNOWN_OF = itemgetter(6)
_PREFERRED_OF = itemgetter(7)
_ENTRY_KEYS = itemgetter(3)
_SHARE_SOURCES = attrgetter("sources")
_SHARE_REPORTS = attrgetter("reports")
_SHARE_TOTAL_KEYS = attrgetter("total_keys")
_SHARE_OWN = attrgetter("own")


def _widen(r: Range, approx: bool) -> tuple[float, float]:
    lo = r[0] if r[0] is not None else 0.0
    hi = r[1] if r[1] is not None else float("inf")
    if approx:
        lo, hi = lo * (1 - APPROX), hi * (1 + APPROX)
    return lo, hi


def _bounds(slot: str, value: Any, approx: bool) -> tuple[Any, Any]:
    """The interval a value covers, in the terms values are compared in."""
    if slot == "departure_date":
        return value[0] or "0000", value[1] or NO_DATE
    return _widen(value, approx)


def _sorted_distinct(values: Iterable[str]) -> list[str]:
    """`sorted(set(values))`, quicker when the values come nearly sorted (claims and shares
    come in key and report order): first occurrences keep their order, and timsort merges
    the runs in close to linear time where sorting a set's order would not."""
    out = list(dict.fromkeys(values))
    out.sort()
    return out


def _put_block(keys: list[str], rid: str, block: Sequence[str]) -> None:
    """Replace report `rid`'s keys in the sorted list `keys` by `block` (sorted, each key
    starting with `rid:`; empty to take them out): they are one slice of the list."""
    i = bisect_left(keys, rid + ":")
    j = bisect_left(keys, rid + ";", i)  # ";" follows ":": the first key past the block
    keys[i:j] = block


def _put_report(keys: list[str], reports: list[str], rid: str, block: Sequence[str] | None) -> None:
    """Put report `rid` with its keys `block` (sorted, its own) into the sorted lists `keys`
    and `reports`; with None, take it and its keys out."""
    if block is None:
        _put_block(keys, rid, ())
        del reports[bisect_left(reports, rid)]
    else:
        _put_block(keys, rid, block)
        insort(reports, rid)


def _count(counts: dict[Any, int], key: Any, by: int) -> None:
    n = counts.get(key, 0) + by
    if n:
        counts[key] = n
    else:
        del counts[key]


def _slot_groups(share: Share, slot: str) -> tuple[tuple[VKey, list[Item]], ...]:
    for name, groups in share.slots:
        if name == slot:
            return groups
    return ()


# ---------------------------------------------------------------------------------------------
# Dates of one stage


class _Stage:
    """The timed entries of one stage: how many, how many say it happened, the starts and
    ends (counted: the earliest and latest survive removals), and their keys, sorted."""

    __slots__ = ("n", "happened", "starts", "ends", "keys")

    def __init__(
        self, n: int, happened: int, starts: dict[str, int], ends: dict[str, int], keys: list[str]
    ) -> None:
        self.n, self.happened, self.starts, self.ends, self.keys = n, happened, starts, ends, keys

    @classmethod
    def of(cls, entries: list[Any]) -> _Stage:
        return cls(
            len(entries),
            sum(1 for e in entries if e[2]),
            Counter(e[0] for e in entries if e[0]),
            Counter(e[1] for e in entries if e[1]),
            _sorted_distinct(_chain.from_iterable(map(_ENTRY_KEYS, entries))),
        )

    def copy(self) -> _Stage:
        return _Stage(self.n, self.happened, dict(self.starts), dict(self.ends), list(self.keys))

    def change(self, entry: Any, by: int) -> None:
        """Count an entry in (by=1) or out (by=-1); its keys are put in or taken out apart."""
        self.n += by
        self.happened += by if entry[2] else 0
        if entry[0]:
            _count(self.starts, entry[0], by)
        if entry[1]:
            _count(self.ends, entry[1], by)

    def dates(self) -> dict[str, Any]:
        return {
            "start": min(self.starts, default=None),
            "end": max(self.ends, default=None),
            "planned": not self.happened,
            "evidence": self.keys,
        }


# ---------------------------------------------------------------------------------------------
# Slots: distinct values, their sides, and what each side holds


class _Side:
    """The items of one side of a slot: their keys and reports (sorted), their sources
    (counted), and how many are hedged, of unknown certainty, stated (not derived)."""

    __slots__ = ("vkeys", "evidence", "reports", "sources", "n", "hedged", "unknown", "preferred")

    def __init__(
        self,
        vkeys: tuple[VKey, ...],
        evidence: list[str],
        reports: list[str],
        sources: dict[str, int],
        counts: tuple[int, int, int, int],
    ) -> None:
        self.vkeys, self.evidence, self.reports, self.sources = vkeys, evidence, reports, sources
        self.n, self.hedged, self.unknown, self.preferred = counts

    @classmethod
    def of(cls, vkeys: tuple[VKey, ...], members: list[Item]) -> _Side:
        return cls(
            vkeys,
            _sorted_distinct(_chain.from_iterable(map(_KEYS_OF, members))),
            _sorted_distinct(map(_REPORT_OF, members)),
            Counter(map(_SOURCE_OF, members)),
            (
                len(members),
                sum(map(_HEDGED_OF, members)),
                sum(map(_UNKNOWN_OF, members)),
                sum(map(_PREFERRED_OF, members)),
            ),
        )

    def copy(self) -> _Side:
        counts = (self.n, self.hedged, self.unknown, self.preferred)
        return _Side(
            self.vkeys, list(self.evidence), list(self.reports), dict(self.sources), counts
        )

    def change(self, items: list[Item], by: int) -> None:
        self.n += by * len(items)
        self.hedged += by * sum(map(_HEDGED_OF, items))
        self.unknown += by * sum(map(_UNKNOWN_OF, items))
        self.preferred += by * sum(map(_PREFERRED_OF, items))
        for source in map(_SOURCE_OF, items):
            _count(self.sources, source, by)


class _Slot:
    """One slot of a cohort: per distinct value (repr, approx) the value, how many items
    give it and how many of those are stated totals; which side each value is on; the sides."""

    __slots__ = ("slot", "values", "counts", "preferred", "side_of", "sides")

    def __init__(
        self,
        slot: str,
        values: dict[VKey, Any],
        counts: dict[VKey, int],
        preferred: dict[VKey, int],
        side_of: dict[VKey, int],
        sides: list[_Side],
    ) -> None:
        self.slot, self.values, self.counts, self.preferred = slot, values, counts, preferred
        self.side_of, self.sides = side_of, sides

    @classmethod
    def of(cls, slot: str, grouped: dict[VKey, list[Item]]) -> _Slot:
        """From the slot's items grouped by distinct value. Values agree as docs/cohorts.md
        says (routes sharing a place, overlapping intervals), transitively: the sides are the
        connected groups, found over distinct values only (many reports repeat a figure)."""
        vkeys = sorted(grouped)
        values = [grouped[vk][0][0] for vk in vkeys]  # equal reprs: equal values
        parent = list(range(len(vkeys)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        if slot == "route":
            # Routes agree when they share a place: join each route to the first with each place.
            first: dict[str, int] = {}
            for i, places in enumerate(values):
                for place in places:
                    j = first.setdefault(place, i)
                    if j != i:
                        a, b = find(j), find(i)
                        if a != b:
                            parent[max(a, b)] = min(a, b)
        else:
            # Intervals: overlapping ones connect, and a sweep in order of start finds the
            # connected groups in n log n (what pairwise comparison would find in n²).
            bounds = [_bounds(slot, v, vk[1]) for v, vk in zip(values, vkeys, strict=True)]
            order = sorted(range(len(vkeys)), key=bounds.__getitem__)
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
        # Sides in the order of their first value: the order ties keep when sides are ranked.
        members: dict[int, list[int]] = {}
        for i in range(len(vkeys)):
            members.setdefault(find(i), []).append(i)
        side_of: dict[VKey, int] = {}
        sides = []
        for n, idx in enumerate(members.values()):
            side_vkeys = tuple(vkeys[i] for i in idx)
            for vk in side_vkeys:
                side_of[vk] = n
            sides.append(_Side.of(side_vkeys, [it for vk in side_vkeys for it in grouped[vk]]))
        return cls(
            slot,
            dict(zip(vkeys, values, strict=True)),
            {vk: len(grouped[vk]) for vk in vkeys},
            {vk: sum(map(_PREFERRED_OF, grouped[vk])) for vk in vkeys},
            side_of,
            sides,
        )

    @classmethod
    def of_shares(cls, slot: str, shares: Iterable[Share]) -> _Slot | None:
        grouped: dict[VKey, list[Item]] = {}
        for s in shares:
            for vk, items in _slot_groups(s, slot):
                grouped.setdefault(vk, []).extend(items)
        return cls.of(slot, grouped) if grouped else None

    def patched(self, removed: Sequence[Share], added: Sequence[Share]) -> _Slot | None:
        """This slot without the shares removed and with those added, or None when its
        distinct values change (the sides must be found again: merge it from its shares)."""
        counts, preferred = dict(self.counts), dict(self.preferred)
        sides = list(self.sides)
        copied: set[int] = set()

        def side(n: int) -> _Side:
            if n not in copied:
                sides[n] = sides[n].copy()
                copied.add(n)
            return sides[n]

        for s, by in _changes(removed, added):
            keys: dict[int, list[str]] = {}
            for vk, items in _slot_groups(s, self.slot):
                n = self.side_of.get(vk)
                if n is None:
                    return None
                counts[vk] = counts[vk] + by * len(items)
                preferred[vk] += by * sum(map(_PREFERRED_OF, items))
                side(n).change(items, by)
                keys.setdefault(n, []).extend(_chain.from_iterable(map(_KEYS_OF, items)))
            for n, ks in keys.items():
                block = sorted(set(ks)) if by > 0 else None
                _put_report(sides[n].evidence, sides[n].reports, _rid(s), block)
        if not all(counts.values()):
            return None
        return _Slot(self.slot, self.values, counts, preferred, self.side_of, sides)

    def value(self, side: _Side) -> Any:
        """The value a side stands for: the hull of its agreeing ranges (of its stated totals
        when it has any), the union of its routes."""
        vkeys = side.vkeys
        if self.slot == "route":
            return tuple(sorted({p for vk in vkeys for p in self.values[vk]}))
        if self.slot in ("size", "terms"):
            vkeys = tuple(vk for vk in vkeys if self.preferred[vk]) or vkeys
        lows = [self.values[vk][0] for vk in vkeys]
        highs = [self.values[vk][1] for vk in vkeys]
        return (
            None if any(v is None for v in lows) else min(lows),
            None if any(v is None for v in highs) else max(highs),
        )

    def cluster(self, grades: Grades, programme: str, cohort: str) -> Cluster:
        made = [
            (
                side,
                Side(
                    value=self.value(side),
                    evidence=side.evidence,
                    reports=side.reports,
                    sources=sorted(side.sources),
                ),
            )
            for side in self.sides
        ]
        # The best-supported rival of each side: the top count, or the runner-up for the top.
        identified = not cohort.endswith("/main")
        rivalry = len(made) > 1 and identified and self.slot != "route"  # Cluster.contradiction
        counts = sorted((len(s.sources) for _, s in made), reverse=True)
        for kept, s in made:
            n = len(s.sources)
            rivals = (counts[1] if len(counts) > 1 else 0) if n == counts[0] else counts[0]
            s.credibility = credibility(
                sources=n,
                best_grade=min((grades.grade(x) for x in s.sources), default="F"),
                hedged=kept.hedged == kept.n,
                unknown_certainty=kept.unknown == kept.n,
                rival_sources=rivals if rivalry else 0,
            )
        # Best supported first: most sources, a stated value over a derived one, then by value.
        made.sort(
            key=lambda ks: (
                -len(ks[1].sources),
                not ks[0].preferred,
                -len(ks[1].reports),
                ks[1].credibility,
                repr(ks[1].value),
            )
        )
        return Cluster(programme, cohort, self.slot, [s for _, s in made], identified)


# ---------------------------------------------------------------------------------------------
# The cohort


def _stage_part(s: Share, reached: int) -> tuple[set[str], int, int]:
    """What a share adds to the stage evidence when the cohort reached `reached` (-1: none):
    the keys of its claims showing that stage and of its stalls at or beyond it, and how many
    of those stalls are cancellations and delays."""
    keys = set(s.rank_keys) if reached >= 0 and s.rank == reached else set()
    cancelled = delayed = 0
    for date_rank, stalled, claim_key in s.stalls:
        if date_rank >= max(reached, 0):
            # A stall or an end at or beyond the stage reached holds the cohort there.
            keys.add(claim_key)
            if stalled == "cancelled":
                cancelled += 1
            else:
                delayed += 1
    return keys, cancelled, delayed


class CohortState:
    """What a cohort build merged from its shares, kept to patch the next build of the same
    cohort; never changed once built (a patch makes a new state sharing what it keeps)."""

    __slots__ = (
        "shares",
        "patchable",
        "ranks",
        "reached",
        "stage_keys",
        "cancelled",
        "delayed",
        "timed",
        "untimed",
        "slots",
        "evidence",
        "reports",
        "sources",
        "total_keys",
    )
    shares: tuple[Share, ...]
    patchable: bool  # every share is its own report's (see the module's docstring)
    ranks: dict[int, int]  # shares per highest stage rank
    reached: int  # the highest rank of a share, -1 for none
    stage_keys: list[str]  # sorted
    cancelled: int
    delayed: int
    timed: dict[str, _Stage]
    untimed: dict[str, dict[tuple[str, str], int]]  # per stage, each share's earliest (day, key)
    slots: dict[str, _Slot]
    evidence: list[str]
    reports: list[str]
    sources: dict[str, int]  # source -> shares citing it
    total_keys: frozenset[str]

    @classmethod
    def of(cls, shares: Sequence[Share]) -> CohortState:
        """Merge every share."""
        self = cls()
        self.shares = tuple(shares)
        self.patchable = all(map(_SHARE_OWN, shares))
        self.ranks = Counter(s.rank for s in shares)
        self._stage_from(shares)
        timed: dict[str, list[Any]] = {}
        untimed: dict[str, dict[tuple[str, str], int]] = {}
        slots: dict[str, dict[VKey, list[Item]]] = {}
        for s in shares:
            for stage, entry in s.timed:
                timed.setdefault(stage, []).append(entry)
            for stage, earliest in s.untimed:
                days = untimed.setdefault(stage, {})
                days[earliest] = days.get(earliest, 0) + 1
            for slot, groups in s.slots:
                into = slots.setdefault(slot, {})
                for vk, items in groups:
                    group = into.get(vk)
                    if group is None:
                        into[vk] = list(items)
                    else:
                        group.extend(items)
        self.timed = {stage: _Stage.of(entries) for stage, entries in timed.items()}
        self.untimed = untimed
        self.slots = {slot: _Slot.of(slot, grouped) for slot, grouped in slots.items()}
        if self.patchable:
            # Shares come in report order and a claim's keys start with its report's id, so
            # the concatenation is sorted already but for runs that timsort merges in close
            # to linear time; each share's keys are its own report's: nothing to deduplicate.
            self.evidence = list(_chain.from_iterable(map(EVIDENCE, shares)))
            self.evidence.sort()
        else:
            self.evidence = _sorted_distinct(_chain.from_iterable(map(EVIDENCE, shares)))
        self.reports = _sorted_distinct(_chain.from_iterable(map(_SHARE_REPORTS, shares)))
        self.sources = Counter(_chain.from_iterable(map(_SHARE_SOURCES, shares)))
        self.total_keys = frozenset().union(*map(_SHARE_TOTAL_KEYS, shares))
        return self

    def _stage_from(self, shares: Iterable[Share]) -> None:
        """The stage evidence and status from every share, for the highest rank counted."""
        self.reached = max(self.ranks, default=-1)
        keys: set[str] = set()
        self.cancelled = self.delayed = 0
        for s in shares:
            if s.stalls or s.rank == self.reached:
                part, cancelled, delayed = _stage_part(s, self.reached)
                keys |= part
                self.cancelled += cancelled
                self.delayed += delayed
        self.stage_keys = sorted(keys)

    def patched(self, shares: Sequence[Share]) -> CohortState | None:
        """The state of `shares` from this one, when they differ from its shares by at most
        PATCH_LIMIT shares, each its own report's; else None (merge them all)."""
        if not self.patchable or abs(len(shares) - len(self.shares)) > PATCH_LIMIT:
            return None
        old, new = set(self.shares), set(shares)
        removed, added = list(old - new), list(new - old)
        if len(removed) + len(added) > PATCH_LIMIT or not all(map(_SHARE_OWN, added)):
            return None
        if len(old) != len(self.shares) or len(new) != len(shares):
            return None  # a share twice: not one share per report
        out = CohortState()
        out.shares = tuple(shares)
        out.patchable = True
        out.ranks = dict(self.ranks)
        for s in removed:
            _count(out.ranks, s.rank, -1)
        for s in added:
            _count(out.ranks, s.rank, 1)
        if max(out.ranks, default=-1) == self.reached:
            out.reached = self.reached
            out.stage_keys = list(self.stage_keys)
            out.cancelled, out.delayed = self.cancelled, self.delayed
            for s, by in _changes(removed, added):
                part, cancelled, delayed = _stage_part(s, out.reached)
                if part:
                    _put_block(out.stage_keys, _rid(s), sorted(part) if by > 0 else ())
                out.cancelled += by * cancelled
                out.delayed += by * delayed
        else:
            out._stage_from(shares)  # the stage moved: other shares' keys count now
        out.timed = dict(self.timed)
        out.untimed = dict(self.untimed)
        touched: set[str] = set()
        for s, by in _changes(removed, added):
            rid = _rid(s)
            for stage, entry in s.timed:
                if stage not in touched:
                    found = out.timed.get(stage)
                    out.timed[stage] = found.copy() if found else _Stage(0, 0, {}, {}, [])
                    touched.add(stage)
                kept = out.timed[stage]
                kept.change(entry, by)
                _put_block(kept.keys, rid, entry[3] if by > 0 else ())
            for stage, earliest in s.untimed:
                days = out.untimed[stage] = dict(out.untimed.get(stage, {}))
                _count(days, earliest, by)
        out.timed = {stage: st for stage, st in out.timed.items() if st.n}
        out.untimed = {stage: days for stage, days in out.untimed.items() if days}
        out.slots = dict(self.slots)
        for name in {name for s in _chain(removed, added) for name, _ in s.slots}:
            kept_slot = out.slots.get(name)
            slot = kept_slot.patched(removed, added) if kept_slot is not None else None
            if slot is None:
                slot = _Slot.of_shares(name, shares)
            if slot is None:
                out.slots.pop(name, None)
            else:
                out.slots[name] = slot
        out.evidence = list(self.evidence)
        out.reports = list(self.reports)
        out.sources = dict(self.sources)
        total_keys = set(self.total_keys)
        for s in removed:
            _put_report(out.evidence, out.reports, _rid(s), None)
            for source in s.sources:
                _count(out.sources, source, -1)
            total_keys -= s.total_keys
        for s in added:
            _put_report(out.evidence, out.reports, _rid(s), s.evidence)
            for source in s.sources:
                _count(out.sources, source, 1)
            total_keys |= s.total_keys
        out.total_keys = frozenset(total_keys)
        return out

    def result(
        self, pid: str, key: tuple[str, int], label: str, suffix: str, grades: Grades
    ) -> tuple[Cohort, list[Cluster]]:
        """The cohort and its clusters (new objects; the lists in them are the state's)."""
        cid = f"{pid}/{suffix}"
        reached = max(self.reached, 0)
        status = "cancelled" if self.cancelled else "delayed" if self.delayed else "active"
        dates: dict[str, dict[str, Any]] = {}
        for stage in STAGES:
            timed = self.timed.get(stage)
            if timed is not None:
                dates[stage] = timed.dates()
            elif stage in self.untimed:
                day, first = min(self.untimed[stage])
                dates[stage] = {"start": None, "end": day, "planned": False, "evidence": [first]}
        clusters = [self.slots[slot].cluster(grades, pid, cid) for slot in sorted(self.slots)]
        size: dict[str, Any] = {"min": None, "max": None, "basis": None, "evidence": []}
        for cl in clusters:
            if cl.slot == "size":
                best = cl.sides[0]
                stated = any(k in self.total_keys for k in best.evidence)
                size = {
                    "min": _num(best.value[0]),
                    "max": _num(best.value[1]),
                    "basis": "stated" if stated else "teams",
                    "evidence": best.evidence,
                }
        # The first claim stating a team size gives the teams: chain claims come first.
        teams = [s.team_chain for s in self.shares if s.team_chain is not None]
        if not teams:
            teams = [s.team_slot for s in self.shares if s.team_slot is not None]
        if teams:
            team = min(teams, key=KEY)
            assert team.team_size is not None
            size["teams"] = {
                "count": _value_dict(team.teams) if team.teams else None,
                "size": _value_dict(team.team_size),
                "evidence": sorted(k for k in (team.key, team.teams_key, team.team_size_key) if k),
            }
        cohort = Cohort(
            id=cid,
            label=label,
            round=key[1] if key[0] == "r" else None,
            stage=STAGES[reached],
            status=status,
            size=size,
            dates=dates,
            sources=len(self.sources),
            evidence=self.evidence,
            stage_evidence=self.stage_keys,
            reports=self.reports,
        )
        return cohort, clusters


def _rid(share: Share) -> str:
    """The report of a share that is its own report's (all a patch takes)."""
    assert share.own is not None
    return share.own


def _changes(removed: Sequence[Share], added: Sequence[Share]) -> Iterable[tuple[Share, int]]:
    """The shares taken out (-1), then those put in (+1)."""
    return _chain(((s, -1) for s in removed), ((s, 1) for s in added))
