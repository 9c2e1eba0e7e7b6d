"""What one claim contributes to the cohort it is in, worked out once per claim.

A cohort is built from tens of thousands of claims (the benchmark store puts ~100,000 in 7
cohorts), and most of what a claim brings does not depend on the other claims: the stage it
shows reached, the stage its date belongs to, its evidence keys, its values for the cohort's
slots (size, departure date, route, terms) with its source and report bound in. That is kept
here, per claim object (facts are parsed once per process and never mutated), with the
source and publication day it was worked out for, so that a cohort build is a few passes of
joins and reductions over these objects (`tumen.cohorts.incremental.CohortState`), and a model of
another day (or after one report changed) reuses every contribution whose claim, source and
day are the same.

The stage rules live here too, since a claim's contribution is read from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain as _chain
from operator import attrgetter
from typing import Any

from tumen.cohorts.facts import Claim

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
HAPPENED = frozenset({"completed", "ongoing"})


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


# A value of a slot: (slot, value, approx, keys, hedged, unknown, preferred, repr of value).
SlotEntry = tuple[str, Any, bool, tuple[str, ...], bool, bool, bool, str]
# Items of a cluster: (value, approx, keys, report, source, hedged, unknown, preferred, repr,
# (repr, approx)); the last is what items are grouped by (distinct values).
Item = tuple[Any, bool, tuple[str, ...], str, str, bool, bool, bool, str, tuple[str, bool]]


def claim_slots(c: Claim) -> list[SlotEntry]:
    """(slot, value, approx, keys, hedged, unknown, preferred, repr of value) per value."""
    hedged = c.certainty in ("possible", "doubtful")
    unknown = c.certainty == "unknown"
    out: list[SlotEntry] = []

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


class Contribution:
    """Everything a cohort build reads of one claim, for one source and publication day."""

    __slots__ = (
        "claim",
        "key",
        "report",
        "source",
        "published",
        "chain",
        "rank",
        "date_stage",
        "date_rank",
        "stage_reached",
        "happened",
        "stalled",
        "timed",
        "start",
        "end",
        "untimed",
        "date_keys",
        "evidence",
        "items",
        "total_key",
        "teams",
        "signature",
    )
    claim: Claim
    key: str
    report: str
    source: str
    published: str | None
    chain: bool
    rank: int  # the rank of the stage it shows reached, -1 when it moves none
    date_stage: str  # the stage its date belongs to ("" for claims outside the chain)
    date_rank: int
    stage_reached: str | None
    happened: bool
    stalled: str | None  # "delayed" or "cancelled" when it holds the cohort
    timed: bool  # a chain claim with a time
    start: str | None
    end: str | None
    untimed: tuple[str, str] | None  # happened, no date: (the day the report came out, key)
    date_keys: tuple[str, ...]
    evidence: tuple[str, ...]
    items: tuple[tuple[str, Item], ...]  # (slot, item) per value it gives a slot
    total_key: str | None
    teams: Claim | None  # the claim, when it states a team size
    signature: tuple[Any, ...]  # what its cohort assignment depends on (parts._cohort_key)

    def __init__(self, c: Claim, source: str, published: str | None) -> None:
        self.claim = c
        self.key = c.key
        self.report = c.report
        self.source = source
        self.published = published
        self.chain = c.type in CHAIN_TYPES
        self.timed = self.chain and c.time is not None
        self.start, self.end = c.time if self.timed and c.time is not None else (None, None)
        self.untimed = None
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
            if c.time is None and c.status in HAPPENED and reached and published:
                self.untimed = (published, c.key)
            self.date_keys = tuple(k for k in (c.key, c.time_key) if k)
        else:
            self.rank, self.date_rank = -1, -1
            self.date_stage = ""
            self.stage_reached = self.stalled = None
            self.happened = False
            self.date_keys = ()
        ev = [k for k in (c.key, c.total_key, c.teams_key, c.team_size_key, c.time_key) if k]
        if c.duration_key:
            ev.append(c.duration_key)
        ev.extend(c.route_keys)
        self.evidence = tuple(ev)
        self.items = tuple(
            (slot, (value, approx, keys, c.report, source, hedged, unknown, pref, text, (text, approx)))
            for slot, value, approx, keys, hedged, unknown, pref, text in claim_slots(c)
        )  # fmt: skip
        self.total_key = c.total_key
        self.teams = c if c.team_size is not None else None
        stage = self.date_stage if self.chain else None
        self.signature = (c.round, c.extra, c.total, c.total_approx, c.time, stage)


KEY = attrgetter("key")
_RANK_OF = attrgetter("rank")
REPORT = attrgetter("report")
SOURCE = attrgetter("source")
EVIDENCE = attrgetter("evidence")
ITEMS = attrgetter("items")
START = attrgetter("start")
END = attrgetter("end")
HAPPENED_OF = attrgetter("happened")
DATE_KEYS = attrgetter("date_keys")
TEAMS = attrgetter("teams")
TOTAL_KEY = attrgetter("total_key")


class Share:
    """What one report's claims bring to one cohort, reduced: a cohort is put together from
    the shares of its reports (a few thousand) rather than from every claim (tens of
    thousands). `parts` are the report's chain claims in the cohort (key order), then the
    claims that only fill one of its slots (key order)."""

    __slots__ = (
        "parts",
        "rank",
        "rank_keys",
        "stalls",
        "timed",
        "untimed",
        "slots",
        "evidence",
        "sources",
        "reports",
        "total_keys",
        "team_chain",
        "team_slot",
        "own",
    )
    parts: tuple[Contribution, ...]
    rank: int  # the highest stage rank its chain claims show, -1 for none
    rank_keys: tuple[str, ...]  # the keys of the claims showing it
    stalls: tuple[tuple[int, str, str], ...]  # (date rank, "delayed"/"cancelled", key)
    # Per stage: (earliest start, latest end, one happened, keys) of its timed claims.
    timed: tuple[tuple[str, tuple[str | None, str | None, bool, tuple[str, ...]]], ...]
    untimed: tuple[tuple[str, tuple[str, str]], ...]  # per stage reached: earliest (day, key)
    slots: tuple[tuple[str, tuple[tuple[tuple[str, bool], list[Item]], ...]], ...]
    evidence: tuple[str, ...]  # sorted, distinct
    sources: frozenset[str]
    reports: frozenset[str]
    total_keys: frozenset[str]
    team_chain: Claim | None  # the first chain claim stating a team size
    team_slot: Claim | None  # the first other claim stating one
    own: str | None  # its one report, when every evidence key starts with that report's id

    def __init__(self, chain: Sequence[Contribution], slot: Sequence[Contribution]) -> None:
        self.parts = parts = (*chain, *slot)
        self.rank = max(map(_RANK_OF, chain), default=-1)
        self.rank_keys = tuple(f.key for f in chain if f.rank == self.rank)
        self.stalls = tuple((f.date_rank, f.stalled, f.key) for f in chain if f.stalled)
        timed: dict[str, list[Contribution]] = {}
        untimed: dict[str, tuple[str, str]] = {}
        for f in chain:
            if f.timed:
                timed.setdefault(f.date_stage, []).append(f)
            elif f.untimed is not None:
                reached = f.stage_reached or ""
                if reached not in untimed or f.untimed < untimed[reached]:
                    untimed[reached] = f.untimed
        self.timed = tuple(
            (
                stage,
                (
                    min(filter(None, map(START, group)), default=None),
                    max(filter(None, map(END, group)), default=None),
                    any(map(HAPPENED_OF, group)),
                    tuple(sorted(set(_chain.from_iterable(map(DATE_KEYS, group))))),
                ),
            )
            for stage, group in timed.items()
        )
        self.untimed = tuple(untimed.items())
        slots: dict[str, dict[tuple[str, bool], list[Item]]] = {}
        for slot_name, item in _chain.from_iterable(map(ITEMS, parts)):
            slots.setdefault(slot_name, {}).setdefault(item[9], []).append(item)
        self.slots = tuple((name, tuple(groups.items())) for name, groups in slots.items())
        self.evidence = tuple(sorted(set(_chain.from_iterable(map(EVIDENCE, parts)))))
        self.sources = frozenset(map(SOURCE, parts))
        self.reports = frozenset(map(REPORT, parts))
        prefix = (
            f"{parts[0].report}:" if len(self.reports) == 1 and ":" not in parts[0].report else None
        )
        own = prefix is not None and all(k.startswith(prefix) for k in self.evidence)
        self.own = parts[0].report if own else None
        self.total_keys = frozenset(filter(None, map(TOTAL_KEY, parts)))
        self.team_chain = next(filter(None, map(TEAMS, chain)), None)
        self.team_slot = next(filter(None, map(TEAMS, slot)), None)


class Unit:
    """One report's claims as the model reads them (key order), for one source of the report
    and one table of grades, with its cohort assignment and shares kept for reuse."""

    __slots__ = (
        "facts",
        "base",
        "grades_print",
        "parts",
        "chain",
        "slot",
        "loose",
        "rounds",
        "_by_memo",
        "_shares",
    )

    def __init__(
        self,
        facts: Any,
        base: str,
        credited: Callable[[str | None], str | None],
        grades_print: tuple[Any, ...],
        published: Callable[[str], str | None],
        slot_types: frozenset[str],
    ) -> None:
        self.facts, self.base, self.grades_print = facts, base, grades_print
        claims = sorted(facts.claims, key=KEY)
        self.parts = [
            Contribution(c, credited(c.attribution) or base, published(c.report)) for c in claims
        ]
        self.chain = [f for f in self.parts if f.chain]
        self.slot = [f for f in self.parts if not f.chain and f.claim.type in slot_types]
        self.loose = [f.key for f in self.parts if not f.chain and f.claim.type not in slot_types]
        self.rounds = [f.claim for f in self.chain if f.claim.round is not None]
        # The groups under the last few memos: the model of every report and the models of
        # other days alternate, and each must find its own groups (and so its shares) again.
        self._by_memo: list[tuple[Any, Any]] = []
        self._shares: dict[Any, list[tuple[list[Contribution], Any, Share]]] = {}

    def groups(
        self, memo: dict[Any, Any], assign: Callable[[tuple[Any, ...]], tuple[str, int]]
    ) -> tuple[dict[Any, list[Contribution]], dict[Any, list[Contribution]]]:
        """(chain claims by cohort key, slot claims by cohort key) under an assignment memo;
        the same objects as last time when the memo is the same."""
        for n, (seen, groups) in enumerate(self._by_memo):
            if seen is memo:
                if n:
                    self._by_memo.insert(0, self._by_memo.pop(n))
                return groups
        chain: dict[Any, list[Contribution]] = {}
        slot: dict[Any, list[Contribution]] = {}
        for parts, into in ((self.chain, chain), (self.slot, slot)):
            for f in parts:
                ckey = memo.get(f.signature)
                if ckey is None:
                    ckey = memo[f.signature] = assign(f.signature)
                into.setdefault(ckey, []).append(f)
        # Another index (another day's rounds) mostly gives a report's claims the same
        # cohorts: keep the previous group objects then, so that its shares are kept too.
        last = self._by_memo[0][1] if self._by_memo else ({}, {})  # the groups used last
        for new, old in zip((chain, slot), last, strict=True):
            for ckey, parts in new.items():
                before = old.get(ckey)
                if before is not None and before == parts:
                    new[ckey] = before
        self._by_memo.insert(0, (memo, (chain, slot)))
        del self._by_memo[_KEPT_PER_REPORT:]
        return chain, slot

    def share(self, ckey: Any, chain: list[Contribution], slot: list[Contribution] | None) -> Share:
        """The report's share of a cohort (kept while its groups are the same objects)."""
        entries = self._shares.setdefault(ckey, [])
        for n, (kept_chain, kept_slot, made) in enumerate(entries):
            if kept_chain is chain and kept_slot is slot:
                if n:
                    entries.insert(0, entries.pop(n))
                return made
        made = Share(chain, slot or ())
        entries.insert(0, (chain, slot, made))
        del entries[_KEPT_PER_REPORT:]
        return made


# The unit last made for each report id. A model of another day, or a model rebuilt after
# one report changed, finds every other report's unit here.
_UNITS: dict[str, list[Unit]] = {}
_UNITS_KEPT = 100_000  # beyond this, reports long gone: start again
# A report's source can differ between the model of every report and a model as of a day (its
# original not yet published then): a few units per report, and per unit a few groupings and
# shares, so that neither evicts the other's.
_KEPT_PER_REPORT = 3


def unit_of(
    facts: Any,
    base: str,
    credited: Callable[[str | None], str | None],
    grades_print: tuple[Any, ...],
    published: dict[str, str | None],
    slot_types: frozenset[str],
) -> Unit:
    """The unit of a report's facts with the source given, kept while the facts object, the
    source and the grades are the same. A claim whose report is not the facts' own (never
    from a record) is dated from `published` and such a unit is not kept."""
    rid = facts.id
    kept = _UNITS.get(rid, ())
    for found in kept:
        if found.facts is facts and found.base == base and found.grades_print == grades_print:
            return found
    own = all(c.report == rid for c in facts.claims)
    unit = Unit(facts, base, credited, grades_print, published.get, slot_types)
    if own:
        if len(_UNITS) > _UNITS_KEPT:
            _UNITS.clear()
        # Units of an older facts object are of no use again: keep only this one's.
        same = [u for u in kept if u.facts is facts]
        _UNITS[rid] = [unit, *same][:_KEPT_PER_REPORT]
    return unit


def clear() -> None:
    """Forget every unit (tests: a build from nothing kept)."""
    _UNITS.clear()
