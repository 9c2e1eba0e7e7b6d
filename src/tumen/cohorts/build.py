"""Build the dispatch model: programmes, their cohorts, stages, sizes, dates, clusters of claims.

Pure and deterministic: the result depends on the set of reports, never on the order they come
in. Inputs are sorted by report id and claim key before anything is decided; ids of programmes
and cohorts are made from their content (countries, the month their evidence starts, the round);
ties are broken by those ids, never by arrival. The rules are written out in docs/cohorts.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import chain as _chain
from itertools import compress, count
from operator import attrgetter, is_, is_not, itemgetter
from typing import Any

from tumen.cohorts.contributions import STAGES as STAGES  # read from here too
from tumen.cohorts.contributions import Share
from tumen.cohorts.contributions import clear as clear_units
from tumen.cohorts.facts import COUNTRY_NAMES, ReportFacts, region_name
from tumen.cohorts.grades import Grades, cached_grades
from tumen.cohorts.incremental import NO_DATE, CohortState
from tumen.cohorts.links import (
    _credited_outlet,
    _report_sources,
    citation_links,
    find_reprints,
)
from tumen.cohorts.parts import _date_key, programme_parts
from tumen.cohorts.parts import forget as forget_parts
from tumen.cohorts.results import (
    Cluster,
    Cohort,
    DispatchModel,
    Link,
    Override,
    Programme,
)

PERIOD_GAP_DAYS = 183  # reports further apart than this start a new programme period
UNKNOWN_REGION = "??"


# ---------------------------------------------------------------------------------------------
# Programmes


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


_DAY_AND_ID = itemgetter(0, 1)  # ids are distinct: the reports themselves are never compared


def _form_programmes_of(
    origin: str, dest: str, group: list[ReportFacts]
) -> dict[str, list[ReportFacts]]:
    """Periods of one (origin, destination) pair."""
    keyed = [(_date_key(f), f.id, f) for f in group]  # each report's day, worked out once
    dated = sorted((k for k in keyed if k[0]), key=_DAY_AND_ID)
    undated = [f for _, _, f in sorted((k for k in keyed if not k[0]), key=_DAY_AND_ID)]
    periods: list[list[ReportFacts]] = []
    last: date | None = None
    seen = ""
    day = date.min
    for when, _, f in dated:
        if when != seen:  # reports share days: parse each day once
            day, seen = date.fromisoformat(when or ""), when or ""
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


def _cohort_label(key: tuple[str, int], has_others: bool) -> tuple[str, str]:
    kind, n = key
    if kind == "r":
        return f"round {n}", f"r{n}"
    if kind == "x":
        return "additional selection", "extra"
    return ("round not stated" if has_others else "dispatch"), "main"


# The last cohorts built, with exactly what they were built from: after one report changes,
# only the cohorts its claims are in are built again (the others get the very same objects,
# never mutated), which also lets the web app keep their page data. A share stands for its
# claim objects, their sources and their report's day (`contributions.Share`), so the same
# shares and grades are the same inputs. Each build keeps its merged state too, from which
# a build of the same cohort with a few shares in or out is patched (`incremental`). A slot
# keeps (grades' fingerprint, cohort and clusters, state); the state holds the shares.
# The model of every report and the models as of other days build the same (programme, cohort)
# from different shares; they keep their builds apart (`whole`), so that asking for other days
# never evicts the cohorts of the model of every report (else each write rebuilt all of them),
# and a slot keeps a few builds, for days asked in turn.
_Built = tuple[Cohort, list[Cluster]]
_COHORTS: dict[tuple[Any, ...], list[tuple[tuple[Any, ...], _Built, CohortState]]] = {}
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
) -> _Built:
    """A cohort built before from the very same shares and grades; else one patched from the
    first kept build of this cohort whose shares differ from these by a few, else merged from
    every share (what each report brings is reduced already, in its share)."""
    slot = (whole, pid, key, label, suffix)
    entries = _COHORTS.pop(slot, [])
    _COHORTS[slot] = entries  # the slot is now the most recently used
    for n, (printed, built, kept) in enumerate(entries):
        if printed == grades_print and _same(kept.shares, shares):
            entries.insert(0, entries.pop(n))
            return built
    for _, _, base in entries:
        state = base.patched(shares)
        if state is not None:
            break
    else:
        state = CohortState.of(shares)
    built = state.result(pid, key, label, suffix, grades)
    entries.insert(0, (grades_print, built, state))
    del entries[_BUILDS_PER_SLOT:]
    while len(_COHORTS) > _COHORTS_KEPT:
        del _COHORTS[next(iter(_COHORTS))]
    return built


def _same(old: Sequence[Share], shares: list[Share]) -> bool:
    # Shares by identity: they are never mutated.
    return len(old) == len(shares) and all(map(is_, old, shares))


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
    p = programme_parts(whole, pid, members, report_sources, credited, grades_print)
    order = {"r": 0, "x": 1, "u": 2}
    cohorts, clusters = [], []
    has_others = any(k[0] != "u" for k in p.by_cohort)
    for ckey in sorted(p.by_cohort, key=lambda k: (order[k[0]], k[1])):
        label, suffix = _cohort_label(ckey, has_others)
        shares = p.by_cohort[ckey][1]
        cohort, cl = _cohort_of(pid, ckey, label, suffix, shares, grades, grades_print, whole)
        cohorts.append(cohort)
        clusters.extend(cl)
    programme = Programme(
        id=pid,
        name=name or _programme_name(p.origin, p.destination, p.period),
        origin=p.origin,
        destination=p.destination,
        period=p.period,
        reports=list(p.ids),
        cohorts=cohorts,
        evidence=sorted(_chain.from_iterable(p.loose)),
    )
    return programme, clusters


# ---------------------------------------------------------------------------------------------


# What the links and the programmes read of each report is the same after most writes (a
# review changes claims, not a report's day, outlet, citations or places), so the last few
# results are kept with the reports they came from: a build whose reports are the same
# objects but a few, and those few the same in the fields read, has the same results. The
# reports are compared by identity at C speed, and only the few that differ field by field
# (no tuple per report: allocating 10,000 of them would wake the garbage collector).
_LINK_FIELDS = attrgetter("id", "published", "outlet", "cites", "cites_own_earlier", "derived_from")
_LINK_ORDER = attrgetter("source", "target", "kind")
_FORM_FIELDS = attrgetter("id", "origin", "destination")
_LINKS: list[tuple[list[ReportFacts], list[Link], list[Link], dict[str, str]]] = []
_FORMED: list[tuple[list[ReportFacts], dict[str, list[int]]]] = []
_FIELDS_KEPT = 4  # the model of every report and a few days asked in turn


def _same_fields(
    seen: list[ReportFacts], reports: list[ReportFacts], fields: Callable[[ReportFacts], Any]
) -> bool:
    if len(seen) != len(reports):
        return False
    differ = list(compress(count(), map(is_not, seen, reports)))
    if len(differ) > _FIELDS_DIFFER:
        return False
    return all(fields(seen[n]) == fields(reports[n]) for n in differ)


_FIELDS_DIFFER = 64  # beyond this many other reports, work the results out again


def _form_fields(f: ReportFacts) -> tuple[Any, ...]:
    return (*_FORM_FIELDS(f), _date_key(f))


def _links_and_sources(
    kept: list[ReportFacts], reprints: list[Link]
) -> tuple[list[Link], dict[str, str]]:
    """The links between the reports (sorted) and each report's source (by id): read only
    from the fields in `_LINK_FIELDS` and the reprint links. Never mutate the results."""
    for n, (seen, seen_reprints, links, sources) in enumerate(_LINKS):
        if seen_reprints == reprints and _same_fields(seen, kept, _LINK_FIELDS):
            _LINKS.pop(n)
            _LINKS.insert(0, (kept, seen_reprints, links, sources))
            return links, sources
    links = sorted(set(reprints) | set(citation_links(kept)), key=_LINK_ORDER)
    found = _report_sources(kept, reprints)
    sources = {k: found[k] for k in sorted(found)}
    _LINKS.insert(0, (kept, list(reprints), links, sources))
    del _LINKS[_FIELDS_KEPT:]
    return links, sources


def _programmes_of(members: list[ReportFacts]) -> dict[str, list[ReportFacts]]:
    """`_form_programmes`, from the groups found last for members (in the same order) with
    the same id, origin, destination and day: kept as positions, filled with these members."""
    for n, (seen, positions) in enumerate(_FORMED):
        if _same_fields(seen, members, _form_fields):
            _FORMED.pop(n)
            _FORMED.insert(0, (members, positions))
            return {pid: list(map(members.__getitem__, at)) for pid, at in positions.items()}
    groups = _form_programmes(members)
    position = {f.id: n for n, f in enumerate(members)}
    _FORMED.insert(0, (members, {pid: [position[f.id] for f in g] for pid, g in groups.items()}))
    del _FORMED[_FIELDS_KEPT:]
    return groups


def forget() -> None:
    """Forget every kept unit, share, assignment, programme part and cohort: the next build
    is a build from nothing (tests compare the kept path with it)."""
    clear_units()
    forget_parts()
    _COHORTS.clear()
    _LINKS.clear()
    _FORMED.clear()


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
    links, report_sources = _links_and_sources(kept, reprints)
    # A claim's source depends only on its attribution's wording and its report's source: look
    # each distinct wording up once (reports repeat "a source", "according to Daily NK").
    outlets: dict[str | None, str | None] = {}

    def credited(attribution: str | None) -> str | None:
        if attribution not in outlets:
            outlets[attribution] = _credited_outlet(attribution, grades)
        return outlets[attribution]

    members = [f for f in kept if f.relevant and f.claims]
    groups = _programmes_of(members)
    notes: list[str] = []
    names = _apply_overrides(groups, overrides, notes)
    programmes, clusters = [], []
    grades_print = grades.fingerprint()
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
        links=list(links),
        report_sources=dict(report_sources),
        notes=notes,
    )
