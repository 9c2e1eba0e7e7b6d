"""The dispatch model in the store: per-report facts, reprint links, the materialised model,
incremental updates, `tumen rebuild`, and the analyst's programme operations.

Two layers, so that adding one report to a large store stays cheap:
- per report (`note_record`): its facts, its sketch, and reprint links to the few stored reports
  whose sketches it shares; done inside the store's add transaction;
- per store (`refresh`): the model built from every report's facts (compact JSON, not whole
  records), written back as a diff, so unchanged programmes, cohorts and links are not touched.
`rebuild` throws both layers away and recomputes them from the records: the same result as
any sequence of incremental updates, since the model depends only on the set of reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from tumen.cohorts.build import build_model
from tumen.cohorts.facts import ReportFacts, facts_of
from tumen.cohorts.grades import Grades, PublisherGrade, cached_grades
from tumen.cohorts.results import DispatchModel, Link, Override
from tumen.cohorts.sources import COMMON_HASH, REPRINT_JACCARD, reprint_score
from tumen.cohorts.tables import (
    ClaimClusterRow,
    CohortLinkRow,
    CohortRow,
    ProgrammeOpRow,
    ProgrammeRow,
    ReportFactsRow,
    ReportLinkRow,
    ReportSketchRow,
)
from tumen.errors import InputError
from tumen.model import Record
from tumen.store.repository import record_of
from tumen.store.reviews import changed_reviews, reviewed_records
from tumen.store.schema import AuditRow, RecordRow, ReportRow, utcnow

if TYPE_CHECKING:
    from tumen.store.repository import Store

OPS = ("rename", "merge", "split")
_CHUNK = 500


@contextmanager
def writing(store: Store) -> Iterator[Session]:
    """A write transaction on the store's engine (`BEGIN IMMEDIATE` on SQLite)."""
    from tumen.store.engine import WRITE

    with Session(store.engine.execution_options(**{WRITE: True})) as session:
        with session.begin():
            yield session


# -- grades ---------------------------------------------------------------------------------


def grades_of(session: Session, path: str | None = None) -> Grades:
    """Shipped defaults, then the analyst's file, then grades an admin set in the web app."""
    base = cached_grades(path)
    from tumen.store import schema

    # The web app's table of grades set by an admin (looked up, not imported: it is theirs).
    overrides = getattr(schema, "GradeOverrideRow", None)
    if overrides is None:
        return base
    rows = list(session.scalars(select(overrides)))
    if not rows:
        return base
    table = dict(base.publishers)
    for row in rows:
        name = base.canonical(row.publisher) or row.publisher
        old = table.get(name)
        table[name] = PublisherGrade(
            name=name,
            grade=row.grade,
            default=False,
            note=row.note,
            aliases=old.aliases if old else (),
        )
    return Grades(list(table.values()), base.unknown)


# -- per report -------------------------------------------------------------------------------


def _order(published: date | None, rid: str) -> tuple[str, str]:
    return (published.isoformat() if published else "9999-12-31", rid)


def note_record(
    session: Session,
    record: Record,
    *,
    derived_at: datetime | None = None,
    grades: Grades | None = None,
) -> ReportFacts:
    """Keep what the model needs of one (re-)derived record: facts, sketch, reprint links.

    Cheap: one report's facts, and a Jaccard comparison with the few stored reports that share
    its sketch. The model itself is brought up to date by `refresh`.
    """
    facts = facts_of(record, outlets=grades)
    rid = facts.id
    data = facts.to_row()  # compact; the sketch is kept as rows of report_sketches
    published = date.fromisoformat(facts.published) if facts.published else None
    row = session.get(ReportFactsRow, rid)
    when = derived_at or utcnow()
    if row is None:
        session.add(
            ReportFactsRow(
                report_id=rid, published=published, outlet=facts.outlet, facts=data, derived_at=when
            )
        )
    else:
        row.published, row.outlet, row.facts, row.derived_at = published, facts.outlet, data, when
    session.execute(delete(ReportSketchRow).where(ReportSketchRow.report_id == rid))
    session.execute(
        delete(ReportLinkRow).where(
            or_(ReportLinkRow.source_id == rid, ReportLinkRow.target_id == rid)
        )
    )
    if facts.sketch:
        session.add_all(ReportSketchRow(report_id=rid, hash=_signed(h)) for h in facts.sketch)
        hashes = [_signed(h) for h in facts.sketch]
        counts = session.execute(
            select(ReportSketchRow.hash, func.count())
            .where(ReportSketchRow.hash.in_(hashes))
            .group_by(ReportSketchRow.hash)
        ).all()
        # Boilerplate hashes (see COMMON_HASH) find no candidates.
        hashes = [h for h, n in counts if n <= COMMON_HASH + 1]
        candidates = session.execute(
            select(ReportSketchRow.report_id)
            .where(ReportSketchRow.hash.in_(hashes), ReportSketchRow.report_id != rid)
            .group_by(ReportSketchRow.report_id)
            .having(func.count() >= 2)
        ).scalars()
        for other in sorted(candidates):
            them = session.execute(
                select(ReportRow.text, ReportRow.published).where(ReportRow.id == other)
            ).one()
            score = reprint_score(record.report.text, them.text)
            if score >= REPRINT_JACCARD:
                early, late = sorted(
                    [(_order(published, rid), rid), (_order(them.published, other), other)]
                )
                session.add(
                    ReportLinkRow(
                        source_id=late[1], target_id=early[1], kind="reprint", score=round(score, 3)
                    )
                )
    session.flush()
    return facts


def _signed(h: int) -> int:
    # crc32 is unsigned 32-bit; keep it in SQLite's and PostgreSQL's signed INTEGER range.
    return h - (1 << 32) if h >= (1 << 31) else h


def sync(session: Session, grades: Grades | None = None) -> int:
    """Note every record that has no facts yet, or newer ones than its facts. Returns how many."""
    stale = session.execute(
        select(RecordRow.report_id, RecordRow.derived_at)
        .outerjoin(ReportFactsRow, ReportFactsRow.report_id == RecordRow.report_id)
        .where(
            or_(
                ReportFactsRow.report_id.is_(None),
                ReportFactsRow.derived_at < RecordRow.derived_at,
            )
        )
        .order_by(RecordRow.report_id)
    ).all()
    for rid, derived_at in stale:
        report = session.scalar(select(ReportRow).where(ReportRow.id == rid))
        row = session.get(RecordRow, rid)
        assert report is not None and row is not None
        note_record(session, record_of(report, row.record), derived_at=derived_at, grades=grades)
    return len(stale)


# -- the model --------------------------------------------------------------------------------


def overrides_of(session: Session) -> tuple[Override, ...]:
    return tuple(
        Override(op=r.op, programme=r.programme, name=r.name, into=r.into, at=r.at)
        for r in session.scalars(select(ProgrammeOpRow).order_by(ProgrammeOpRow.seq))
    )


# Parsed facts by database and report id, with the `derived_at` they were parsed at: a long-
# running process (the web app, a bulk load) parses each report's facts once, not at every
# update. Checked against the table at every use, so it is never stale.
_FACTS: dict[str, dict[str, tuple[datetime, ReportFacts]]] = {}


def _parsed(session: Session, query: Select[str, datetime]) -> list[tuple[str, ReportFacts]]:
    """(report id, facts) of the rows `query` selects (report id, derived_at), parsed once per
    process: only rows not kept, or kept from an older `derived_at`, are read and parsed."""
    cache = _FACTS.setdefault(facts_url(session), {})
    current = session.execute(query).all()
    missing = [rid for rid, when in current if rid not in cache or cache[rid][0] != when]
    for i in range(0, len(missing), _CHUNK):
        rows = session.execute(
            select(ReportFactsRow.report_id, ReportFactsRow.derived_at, ReportFactsRow.facts).where(
                ReportFactsRow.report_id.in_(missing[i : i + _CHUNK])
            )
        )
        for rid, when, data in rows:
            cache[rid] = (when, ReportFacts.from_dict(data))
    return [(rid, cache[rid][1]) for rid, _ in current]


def _cached_facts(session: Session, *, as_of: date | None) -> list[ReportFacts]:
    query = select(ReportFactsRow.report_id, ReportFactsRow.derived_at)
    if as_of is not None:
        query = query.where(
            or_(ReportFactsRow.published <= as_of, ReportFactsRow.published.is_(None))
        )
    return [facts for _, facts in _parsed(session, query)]


def _forget_facts(session: Session) -> None:
    _FACTS.pop(facts_url(session), None)
    _REVIEWED.pop(facts_url(session), None)


def current_facts(session: Session, ids: Sequence[str] | None = None) -> dict[str, ReportFacts]:
    """The stored facts of every report (or of `ids`) whose facts are as new as its record.

    The same objects as `load_model` uses (parsed once per process), so a view built from them
    finds the model the last update built in `cached_build` instead of building it again."""
    query = (
        select(ReportFactsRow.report_id, ReportFactsRow.derived_at)
        .join(RecordRow, RecordRow.report_id == ReportFactsRow.report_id)
        .where(ReportFactsRow.derived_at >= RecordRow.derived_at)
    )
    if ids is not None:
        query = query.where(ReportFactsRow.report_id.in_(list(ids)))
    return dict(_parsed(session, query))


# -- reviews --------------------------------------------------------------------------------
# The model follows the analysts' reviews: a report with a claim rejected or edited, or with
# claims added by hand, brings the facts of its reviewed record instead of the machine's
# (`tumen.store.reviews`). They are kept per database and report with what they were worked out
# from (the machine's facts object, the reviews that change claims, the grades), and shared by
# the store's update and the web app's views: both then hand `cached_build` the very same
# objects, so the model an add builds is the model the pages show, not built twice.
_REVIEWED: dict[str, dict[str, tuple[ReportFacts | None, tuple[Any, ...], ReportFacts]]] = {}


def facts_url(session: Session) -> str:
    """The key of a database in the per-process caches of facts."""
    return str(session.get_bind().engine.url)


def _known_reviewed(
    url: str, rid: str, machine: ReportFacts | None, review: tuple[Any, ...], grades: Grades
) -> ReportFacts | None:
    """The reviewed facts kept for this report, if worked out from the very same inputs."""
    found = _REVIEWED.get(url, {}).get(rid)
    if found is None or found[0] is not machine or found[1] != (review, grades.fingerprint()):
        return None
    return found[2]


def _keep_reviewed(
    url: str,
    rid: str,
    machine: ReportFacts | None,
    review: tuple[Any, ...],
    grades: Grades,
    new: ReportFacts,
) -> ReportFacts:
    """Keep `new` as this report's reviewed facts, re-using equal earlier objects (`reuse`)."""
    cache = _REVIEWED.setdefault(url, {})
    found = cache.get(rid)
    kept = reuse(new, [f for f in (found[2] if found else None, machine) if f is not None])
    cache[rid] = (machine, (review, grades.fingerprint()), kept)
    return kept


def reuse(new: ReportFacts, before: Sequence[ReportFacts]) -> ReportFacts:
    """`new`, with every claim equal to one of `before` (the report's earlier facts) replaced
    by that very object, and an earlier facts object itself when nothing differs. The model
    keeps its cohorts by the identity of their claims: an accept, or a reject taken back, then
    rebuilds no cohort, and a reject rebuilds only the cohort of the claim it removed."""
    for old in before:
        if old == new:
            return old
    if not before:
        return new
    known: dict[str, Any] = {}
    for old in reversed(before):
        known.update((c.key, c) for c in old.claims)
    claims = []
    for c in new.claims:
        seen = known.get(c.key)
        claims.append(seen if seen is not None and seen == c else c)
    return replace(new, claims=tuple(claims))


def reviewed_facts(
    url: str,
    wanted: Mapping[str, tuple[ReportFacts | None, tuple[Any, ...]]],
    grades: Grades,
    read: Callable[[list[str]], Mapping[str, Record]],
) -> dict[str, ReportFacts]:
    """The reviewed facts of the reports in `wanted` (id -> its machine facts and its
    `review_print`): those kept when worked out from the very same inputs, the others from the
    effective records `read` gives, kept for the next caller (the store's update or the pages)."""
    out: dict[str, ReportFacts] = {}
    for rid, (machine, review) in wanted.items():
        found = _known_reviewed(url, rid, machine, review, grades)
        if found is not None:
            out[rid] = found
    missing = [rid for rid in wanted if rid not in out]
    for rid, record in (read(missing) if missing else {}).items():
        machine, review = wanted[rid]
        new = facts_of(record, outlets=grades)
        out[rid] = _keep_reviewed(url, rid, machine, review, grades, new)
    return out


def _with_reviews(session: Session, facts: list[ReportFacts], grades: Grades) -> list[ReportFacts]:
    """`facts` (the machine's), with the reviewed facts of the reports whose reviews changed
    a claim."""
    states = changed_reviews(session)
    if not states:
        return facts
    wanted = {f.id: (f, states[f.id].print()) for f in facts if f.id in states}
    reviewed = reviewed_facts(
        facts_url(session), wanted, grades, lambda ids: reviewed_records(session, states, ids)
    )
    return [reviewed.get(f.id, f) for f in facts]


# The last models built, with exactly what they were built from (the facts objects themselves,
# the reprint links, the operations, the grades): the web app's views and the store's update
# ask for the same model after most writes (a review that changes no fact, a report published
# after an as-of day), and get it without building it again.
_MODELS: dict[tuple[Any, ...], tuple[tuple[ReportFacts, ...], list[Link], DispatchModel]] = {}
_MODELS_KEPT = 8


def cached_build(
    facts: Iterable[ReportFacts],
    *,
    as_of: str | None = None,
    grades: Grades,
    overrides: tuple[Override, ...] = (),
    reprints: Sequence[Link],
) -> DispatchModel:
    """`build_model`, or the model built last from the very same inputs (never mutated)."""
    ordered = tuple(sorted(facts, key=lambda f: f.id))
    links = sorted(reprints, key=lambda r: (r.source, r.target, r.kind))
    key = (as_of, tuple(overrides), grades.fingerprint())
    entry = _MODELS.get(key)
    if (
        entry is not None
        and len(entry[0]) == len(ordered)
        and all(a is b for a, b in zip(entry[0], ordered, strict=True))
        and entry[1] == links
    ):
        return entry[2]
    model = build_model(ordered, as_of=as_of, grades=grades, overrides=overrides, reprints=links)
    _MODELS.pop(key, None)
    _MODELS[key] = (ordered, links, model)
    while len(_MODELS) > _MODELS_KEPT:
        del _MODELS[next(iter(_MODELS))]
    return model


def links_of(session: Session) -> list[Link]:
    """The stored reprint links, in order. Plain rows, not ORM objects: an add reads every
    link again, and there can be thousands."""
    return [
        Link(*row)
        for row in session.execute(
            select(
                ReportLinkRow.source_id,
                ReportLinkRow.target_id,
                ReportLinkRow.kind,
                ReportLinkRow.score,
            ).order_by(ReportLinkRow.source_id, ReportLinkRow.target_id, ReportLinkRow.kind)
        )
    ]


def load_model(
    session: Session, *, as_of: str | None = None, grades: Grades | None = None
) -> DispatchModel:
    """The model of the stored reports (as of a day), from their facts."""
    grades = grades or grades_of(session)
    day = None
    if as_of is not None:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise InputError(f"--as-of must be YYYY-MM-DD, not {as_of!r}") from None
    facts = _with_reviews(session, _cached_facts(session, as_of=day), grades)
    return cached_build(
        facts,
        as_of=as_of,
        grades=grades,
        overrides=overrides_of(session),
        reprints=links_of(session),
    )


def refresh(session: Session, grades: Grades | None = None) -> DispatchModel:
    """Build the full model and write it back, touching only what changed."""
    model = load_model(session, grades=grades)
    programmes: dict[str, dict[str, Any]] = {}
    cohorts: dict[str, dict[str, Any]] = {}
    links: dict[str, tuple[str, str | None]] = {}
    for p in model.programmes:
        data = p.to_dict()
        for c in p.cohorts:
            cohorts[c.id] = {
                "programme_id": p.id,
                "label": c.label,
                "round": c.round,
                "stage": c.stage,
                "status": c.status,
                "size_min": c.size["min"],
                "size_max": c.size["max"],
                "data": c.to_dict(),
            }
            for key in c.evidence:
                if ":e:" in key:
                    links[key] = (p.id, c.id)
        for key in p.evidence:
            links.setdefault(key, (p.id, None))
        data.pop("cohorts")
        programmes[p.id] = {
            "name": p.name,
            "origin": p.origin,
            "destination": p.destination,
            "period_start": date.fromisoformat(p.period[0]) if p.period[0] else None,
            "period_end": date.fromisoformat(p.period[1]) if p.period[1] else None,
            "data": data,
        }
    clusters = {
        f"{c.cohort}#{c.slot}": {
            "cohort_id": c.cohort,
            "slot": c.slot,
            "contradiction": c.contradiction,
            "data": c.to_dict(),
        }
        for c in model.clusters
    }
    _write_diff(session, CohortRow, cohorts, remove_first=True)
    _write_diff(session, ProgrammeRow, programmes)
    _write_diff(session, CohortRow, cohorts)
    _write_diff(session, ClaimClusterRow, clusters)
    _write_links(session, links)
    session.flush()
    return model


def _write_diff(
    session: Session, table: Any, rows: dict[str, dict[str, Any]], *, remove_first: bool = False
) -> None:
    """Make `table` hold exactly `rows` (by id); with `remove_first`, only delete the extra."""
    existing = {r.id: r for r in session.scalars(select(table))}
    gone = sorted(set(existing) - set(rows))
    for i in range(0, len(gone), _CHUNK):
        session.execute(delete(table).where(table.id.in_(gone[i : i + _CHUNK])))
    if remove_first:
        return
    for rid in sorted(rows):
        values = rows[rid]
        row = existing.get(rid)
        if row is None:
            session.add(table(id=rid, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
    session.flush()


def _write_links(session: Session, links: dict[str, tuple[str, str | None]]) -> None:
    existing = {
        key: (pid, cid)
        for key, pid, cid in session.execute(
            select(CohortLinkRow.claim_key, CohortLinkRow.programme_id, CohortLinkRow.cohort_id)
        )
    }
    changed = sorted(k for k in existing if existing[k] != links.get(k))
    for i in range(0, len(changed), _CHUNK):
        session.execute(
            delete(CohortLinkRow).where(CohortLinkRow.claim_key.in_(changed[i : i + _CHUNK]))
        )
    new = [
        {"claim_key": k, "programme_id": v[0], "cohort_id": v[1]}
        for k, v in sorted(links.items())
        if existing.get(k) != v
    ]
    if new:
        session.execute(insert(CohortLinkRow), new)


def update(session: Session) -> DispatchModel | None:
    """The store's hook after adding or re-deriving reports (in the same transaction): note
    the records whose facts are missing or older than the record, and refresh the model."""
    grades = grades_of(session)
    if not sync(session, grades):
        return None
    return refresh(session, grades)


def on_added(session: Session, records: Sequence[Record]) -> DispatchModel:
    """The incremental update: note the new or re-derived records, then refresh the model."""
    grades = grades_of(session)
    for record in records:
        note_record(session, record, grades=grades)
    return refresh(session, grades)


def rebuild(session: Session, grades: Grades | None = None) -> DispatchModel:
    """Throw the derived tables away and recompute them from the stored records.

    The analyst's programme operations are kept and replayed."""
    for table in (ClaimClusterRow, CohortLinkRow, CohortRow, ProgrammeRow, ReportLinkRow):
        session.execute(delete(table))
    session.execute(delete(ReportSketchRow))
    session.execute(delete(ReportFactsRow))
    session.flush()
    _forget_facts(session)  # facts depend on the grades' aliases, which may have changed
    grades = grades or grades_of(session)
    sync(session, grades)
    return refresh(session, grades)


def snapshot(session: Session) -> dict[str, Any]:
    """The materialised model as plain data (for tests: rebuild equals incremental)."""
    return {
        "programmes": {r.id: r.data for r in session.scalars(select(ProgrammeRow))},
        "cohorts": {r.id: r.data for r in session.scalars(select(CohortRow))},
        "links": sorted(
            tuple(r)
            for r in session.execute(
                select(CohortLinkRow.claim_key, CohortLinkRow.programme_id, CohortLinkRow.cohort_id)
            )
        ),
        "clusters": {r.id: r.data for r in session.scalars(select(ClaimClusterRow))},
        "report_links": sorted(
            tuple(r)
            for r in session.execute(
                select(ReportLinkRow.source_id, ReportLinkRow.target_id, ReportLinkRow.kind)
            )
        ),
    }


# -- analyst operations -----------------------------------------------------------------------


def apply_op(session: Session, override: Override, who: str) -> DispatchModel:
    """Record an analyst's rename, merge or split, in the audit log too, and refresh."""
    if override.op not in OPS:
        raise InputError(f"unknown programme operation {override.op!r}")
    sync(session)
    current = {p.id for p in load_model(session).programmes}
    if override.programme not in current:
        raise InputError(f"no programme {override.programme!r} (see `tumen cohorts`)")
    if override.op == "merge" and (
        override.into not in current or override.into == override.programme
    ):
        raise InputError(f"cannot merge into {override.into!r}: not another programme")
    if override.op == "split":
        try:
            date.fromisoformat(override.at or "")
        except ValueError:
            raise InputError("split needs --at YYYY-MM-DD") from None
    if override.op == "rename" and not (override.name or "").strip():
        raise InputError("a programme needs a non-empty name")
    now = utcnow()
    session.add(
        ProgrammeOpRow(
            op=override.op,
            programme=override.programme,
            name=override.name,
            into=override.into,
            at=override.at,
            who=who,
            created_at=now,
        )
    )
    session.add(
        AuditRow(
            at=now,
            who=who,
            action=f"programme.{override.op}",
            report_id=None,
            key=override.programme,
            before=None,
            after=override.to_dict(),
        )
    )
    session.flush()
    return refresh(session)
