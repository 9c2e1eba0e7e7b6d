"""The store's API: add reports, derive and keep their records and items, look them up, search.

Semantics (see docs/store.md):
- A report is identified by its text (`id` = first 16 hex digits of the sha256 of the decoded
  text). Adding the same text with the same metadata changes nothing. Adding it with new
  metadata (a non-null value that differs from the stored one) updates the report and
  re-derives its record: this is how a publication date set later re-anchors relative times.
  A null in the new metadata never erases a stored value.
- A report, its record and its items are written in one transaction; `add_many` writes a whole
  batch in one transaction, so a batch either lands whole or not at all.
- Items are stored under their stable keys. Re-extraction updates the machine's value and keeps
  the analyst's review state and edit; an item that re-extraction no longer yields is kept and
  marked stale (`stale_since`), never deleted; every such change goes to the audit log.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from tumen.errors import InputError, StoreError
from tumen.ids import sanction_key
from tumen.model import Record, Report
from tumen.store import search as fts
from tumen.store.engine import DEFAULT_URL, WRITE, make_engine, migrate, sqlite_path
from tumen.store.schema import (
    REVIEW_STATES,
    AuditRow,
    ItemRow,
    RecordRow,
    ReportRow,
    utcnow,
)

Status = Literal["added", "unchanged", "updated"]
Extract = Callable[[Report], Record]

# Report fields that are metadata: a new non-null value for one of them is an update.
META_FIELDS = ("title", "publisher", "url", "published", "language", "encoding")

# The record's lists of keyed items, and the kind each holds (the kinds of `tumen.ids`).
ITEM_LISTS = (
    ("places", "place"),
    ("times", "time"),
    ("quantities", "quantity"),
    ("durations", "duration"),
    ("frequencies", "frequency"),
    ("actors", "actor"),
    ("events", "event"),
)

MIN_PREFIX = 6
_HEX = re.compile(r"[0-9a-f]+")


@dataclass(frozen=True, slots=True)
class AddResult:
    report_id: str
    status: Status
    changed: tuple[str, ...] = ()  # the metadata fields an update changed


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """One line of `tumen reports`."""

    id: str
    title: str | None
    publisher: str | None
    url: str | None
    published: str | None
    language: str
    encoding: str | None
    chars: int
    relevant: bool | None
    events: int
    added_at: datetime
    updated_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "encoding": self.encoding,
            "chars": self.chars,
            "relevant": self.relevant,
            "events": self.events,
            "added_at": self.added_at.isoformat(timespec="seconds"),
            "updated_at": self.updated_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True, slots=True)
class StoredItem:
    key: str
    report_id: str
    kind: str
    span: tuple[int, int] | None
    data: dict[str, Any]
    review_state: str
    edit: dict[str, Any] | None
    stale: bool


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    who: str
    action: str
    report_id: str | None
    key: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def default_who() -> str:
    """Who is acting, for the audit log of local commands."""
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in some containers
        return "local"


def _default_extract(report: Report) -> Record:
    from tumen.extract.pipeline import extract

    return extract(report)


class Store:
    """A Tumen store on one database. Use `open_store` to get one with the schema migrated."""

    def __init__(self, engine: Engine, *, extract: Extract | None = None) -> None:
        self.engine = engine
        self._extract = extract or _default_extract

    # -- sessions -------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any exception."""
        with Session(self.engine.execution_options(**{WRITE: True})) as session:
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- adding ---------------------------------------------------------------------------

    def add(self, report: Report, *, who: str | None = None) -> AddResult:
        """Store one report and derive its record, in one transaction."""
        return self.add_many([report], who=who)[0]

    def add_many(
        self,
        reports: Iterable[Report],
        on_added: Callable[[AddResult], None] | None = None,
        *,
        who: str | None = None,
    ) -> list[AddResult]:
        """Store reports in one transaction: all of them, or (on any error) none.

        `on_added` is called after each report, e.g. to advance a progress bar:
        `store.add_many(reports, lambda _: progress.advance(task))`.
        """
        who = who or default_who()
        results: list[AddResult] = []
        with self._write() as session:
            for report in reports:
                result = self._add_one(session, report, who)
                results.append(result)
                if on_added is not None:
                    on_added(result)
            if any(r.status != "unchanged" for r in results):
                _update_dispatch_model(session)
        return results

    def _add_one(self, session: Session, report: Report, who: str) -> AddResult:
        row = session.scalar(select(ReportRow).where(ReportRow.id == report.id))
        now = utcnow()
        if row is None:
            row = ReportRow(
                id=report.id,
                sha256=report.sha256,
                text=report.text,
                added_at=now,
                updated_at=now,
                **{f: _to_column(f, getattr(report, f)) for f in META_FIELDS},
            )
            session.add(row)
            session.flush()
            self._audit(session, who, "report.added", report.id, report.id, None, _meta(report))
            self._derive(session, to_report(row), who, first=True)
            return AddResult(report.id, "added")

        if row.sha256 != report.sha256:
            # Two texts whose sha256 share their first 64 bits: never seen, but never merge them.
            raise StoreError(f"report id {report.id} is taken by a different text")
        stored = to_report(row)
        changed = tuple(
            f
            for f in META_FIELDS
            if getattr(report, f) is not None and getattr(report, f) != getattr(stored, f)
        )
        if not changed:
            return AddResult(report.id, "unchanged")
        for f in changed:
            setattr(row, f, _to_column(f, getattr(report, f)))
        row.updated_at = now
        session.flush()
        self._audit(
            session,
            who,
            "report.updated",
            report.id,
            report.id,
            {f: getattr(stored, f) for f in changed},
            {f: getattr(report, f) for f in changed},
        )
        self._derive(session, to_report(row), who, first=False)
        return AddResult(report.id, "updated", changed)

    def rederive(self, id_or_prefix: str, *, who: str | None = None) -> None:
        """Extract a stored report again (after the rules changed) and store the new record."""
        who = who or default_who()
        with self._write() as session:
            report_id = self._resolve(session, id_or_prefix)
            row = session.scalar(select(ReportRow).where(ReportRow.id == report_id))
            assert row is not None
            self._derive(session, to_report(row), who, first=False)
            _update_dispatch_model(session)

    def _derive(self, session: Session, report: Report, who: str, *, first: bool) -> None:
        record = self._extract(report)
        data = record.to_dict()
        data.pop("report")  # rebuilt from `reports` on read: the text is stored once
        data["routes"] = _route_legs(record)  # kept beside the record, and as "leg" items
        now = utcnow()
        row = session.get(RecordRow, report.id)
        if row is None:
            row = RecordRow(
                report_id=report.id, record=data, derived_at=now, **_record_meta(record)
            )
            session.add(row)
        else:
            row.record = data
            row.derived_at = now
            for name, value in _record_meta(record).items():
                setattr(row, name, value)
        session.flush()
        counts = self._write_items(session, report.id, data, who, first=first)
        self._audit(
            session,
            who,
            "record.derived",
            report.id,
            report.id,
            None,
            {"extractor": data["extractor"], "items": counts},
        )

    def _write_items(
        self, session: Session, report_id: str, data: dict[str, Any], who: str, *, first: bool
    ) -> dict[str, int]:
        """Upsert the record's items by key; mark the ones no longer found as stale."""
        now = utcnow()
        new = _items_of(report_id, data)
        existing = {
            row.key: row
            for row in session.scalars(select(ItemRow).where(ItemRow.report_id == report_id))
        }
        for key, (kind, span, item) in new.items():
            row = existing.get(key)
            if row is None:
                session.add(
                    ItemRow(
                        key=key,
                        report_id=report_id,
                        kind=kind,
                        span_start=span[0] if span else None,
                        span_end=span[1] if span else None,
                        data=item,
                        review_state="unreviewed",
                        created_at=now,
                        updated_at=now,
                    )
                )
                if not first:
                    self._audit(session, who, "item.added", report_id, key, None, item)
                continue
            if row.data != item:
                self._audit(session, who, "item.changed", report_id, key, row.data, item)
                row.data = item
                row.updated_at = now
            if row.stale_since is not None:
                self._audit(session, who, "item.restored", report_id, key, None, None)
                row.stale_since = None
                row.updated_at = now
        for key, row in existing.items():
            if key not in new and row.stale_since is None:
                row.stale_since = now
                row.updated_at = now
                self._audit(
                    session,
                    who,
                    "item.stale",
                    report_id,
                    key,
                    {"data": row.data, "review_state": row.review_state},
                    None,
                )
        session.flush()
        counts: dict[str, int] = {}
        for kind, _span, _item in new.values():
            counts[kind] = counts.get(kind, 0) + 1
        return counts

    @staticmethod
    def _audit(
        session: Session,
        who: str,
        action: str,
        report_id: str | None,
        key: str | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        session.add(
            AuditRow(
                at=utcnow(),
                who=who,
                action=action,
                report_id=report_id,
                key=key,
                before=before,
                after=after,
            )
        )

    # -- review ---------------------------------------------------------------------------

    def review(
        self,
        key: str,
        state: str,
        *,
        who: str,
        edit: dict[str, Any] | None = None,
    ) -> None:
        """Set an item's review state (and the analyst's edit, for `edited`), with an audit row."""
        if state not in REVIEW_STATES:
            raise InputError(
                f"review state must be one of {', '.join(REVIEW_STATES)}, not {state!r}"
            )
        if (state == "edited") != (edit is not None):
            raise InputError("an edit is given with, and only with, the state 'edited'")
        with self._write() as session:
            row = session.get(ItemRow, key)
            if row is None:
                raise StoreError(f"no item with key {key!r}")
            before = {"review_state": row.review_state, "edit": row.edit}
            row.review_state = state
            row.edit = edit
            row.reviewed_by = who
            row.reviewed_at = row.updated_at = utcnow()
            self._audit(
                session,
                who,
                "item.reviewed",
                row.report_id,
                key,
                before,
                {"review_state": state, "edit": edit},
            )

    # -- reading --------------------------------------------------------------------------

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full id of the one report whose id starts with `id_or_prefix` (>= 6 chars)."""
        with self._read() as session:
            return self._resolve(session, id_or_prefix)

    @staticmethod
    def _resolve(session: Session, id_or_prefix: str) -> str:
        prefix = id_or_prefix.strip().lower()
        if len(prefix) < MIN_PREFIX:
            raise InputError(
                f"report id prefix {id_or_prefix!r} is too short: give at least "
                f"{MIN_PREFIX} characters"
            )
        if not _HEX.fullmatch(prefix):
            raise StoreError(f"no report with id {id_or_prefix!r} (ids are hexadecimal)")
        ids = list(
            session.scalars(
                select(ReportRow.id)
                .where(ReportRow.id.startswith(prefix, autoescape=True))
                .order_by(ReportRow.id)
                .limit(6)
            )
        )
        if not ids:
            raise StoreError(f"no report with id starting {prefix!r}")
        if len(ids) > 1:
            shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
            raise StoreError(
                f"report id prefix {prefix!r} is ambiguous: it matches {shown}; give more characters"
            )
        return ids[0]

    def get_report(self, id_or_prefix: str) -> Report:
        with self._read() as session:
            report_id = self._resolve(session, id_or_prefix)
            row = session.scalar(select(ReportRow).where(ReportRow.id == report_id))
            assert row is not None
            return to_report(row)

    def get_record(self, id_or_prefix: str) -> Record:
        """The stored (machine) record of a report, as `tumen extract` would print it."""
        with self._read() as session:
            report_id = self._resolve(session, id_or_prefix)
            row = session.scalar(select(ReportRow).where(ReportRow.id == report_id))
            record = session.get(RecordRow, report_id)
            if row is None or record is None:
                raise StoreError(f"report {report_id} has no record")
            return record_of(row, record.record)

    def reports(self, *, limit: int | None = None, offset: int = 0) -> list[ReportSummary]:
        """Stored reports, newest publication first (undated last), then by id.

        The text itself is not loaded (only its length), so listing stays cheap on a large store.
        """
        events = (
            select(ItemRow.report_id, func.count().label("n"))
            .where(ItemRow.kind == "event", ItemRow.stale_since.is_(None))
            .group_by(ItemRow.report_id)
            .subquery()
        )
        query = (
            select(
                ReportRow.id,
                ReportRow.title,
                ReportRow.publisher,
                ReportRow.url,
                ReportRow.published,
                ReportRow.language,
                ReportRow.encoding,
                func.length(ReportRow.text),
                RecordRow.relevant,
                func.coalesce(events.c.n, 0),
                ReportRow.added_at,
                ReportRow.updated_at,
            )
            .outerjoin(RecordRow, RecordRow.report_id == ReportRow.id)
            .outerjoin(events, events.c.report_id == ReportRow.id)
            .order_by(ReportRow.published.is_(None), ReportRow.published.desc(), ReportRow.id)
            .offset(offset)
            .limit(limit)
        )
        with self._read() as session:
            return [
                ReportSummary(
                    id=rid,
                    title=title,
                    publisher=publisher,
                    url=url,
                    published=published.isoformat() if published else None,
                    language=language,
                    encoding=encoding,
                    chars=int(chars),
                    relevant=None if relevant is None else bool(relevant),
                    events=int(n_events),
                    added_at=added_at,
                    updated_at=updated_at,
                )
                for (
                    rid,
                    title,
                    publisher,
                    url,
                    published,
                    language,
                    encoding,
                    chars,
                    relevant,
                    n_events,
                    added_at,
                    updated_at,
                ) in session.execute(query)
            ]

    def items(self, id_or_prefix: str, *, include_stale: bool = True) -> list[StoredItem]:
        with self._read() as session:
            report_id = self._resolve(session, id_or_prefix)
            query = select(ItemRow).where(ItemRow.report_id == report_id)
            if not include_stale:
                query = query.where(ItemRow.stale_since.is_(None))
            query = query.order_by(ItemRow.kind, ItemRow.span_start, ItemRow.key)
            return [
                StoredItem(
                    key=row.key,
                    report_id=row.report_id,
                    kind=row.kind,
                    span=None
                    if row.span_start is None or row.span_end is None
                    else (row.span_start, row.span_end),
                    data=row.data,
                    review_state=row.review_state,
                    edit=row.edit,
                    stale=row.stale_since is not None,
                )
                for row in session.scalars(query)
            ]

    def audit_log(
        self, *, report_id: str | None = None, key: str | None = None
    ) -> list[AuditEntry]:
        query = select(AuditRow).order_by(AuditRow.id)
        if report_id is not None:
            query = query.where(AuditRow.report_id == report_id)
        if key is not None:
            query = query.where(AuditRow.key == key)
        with self._read() as session:
            return [
                AuditEntry(
                    row.id,
                    row.at,
                    row.who,
                    row.action,
                    row.report_id,
                    row.key,
                    row.before,
                    row.after,
                )
                for row in session.scalars(query)
            ]

    def search(self, query: str, *, limit: int = 50) -> list[fts.SearchHit]:
        """Reports matching `query` (all words, "quoted phrases", prefix*), best first."""
        with self._read() as session:
            return fts.search(session, query, limit)


def open_store(
    url: str | None = None, *, create: bool = True, extract: Extract | None = None
) -> Store:
    """Open (and if `create`, create) the store at a database URL and migrate its schema.

    With `create=False` a missing SQLite file is an error instead of a new empty store, so
    that `tumen reports` in the wrong directory says so rather than leaving a `tumen.db` behind.
    """
    url = url or DEFAULT_URL
    path = sqlite_path(url)
    if path is not None:
        if not create and not path.exists():
            raise StoreError(f"no store at {path} (`tumen add` creates one; or set --db/TUMEN_DB)")
        if not path.parent.exists():
            raise StoreError(
                f"cannot create the store {path}: directory {path.parent} does not exist"
            )
    engine = make_engine(url)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, extract=extract)


# -- conversions ------------------------------------------------------------------------------


def _to_column(field: str, value: Any) -> Any:
    if field == "published" and value is not None:
        return date.fromisoformat(value)
    return value


def to_report(row: ReportRow) -> Report:
    return Report(
        id=row.id,
        sha256=row.sha256,
        text=row.text,
        title=row.title,
        publisher=row.publisher,
        url=row.url,
        published=row.published.isoformat() if row.published else None,
        language=row.language,
        encoding=row.encoding,
    )


def record_of(report: ReportRow, data: Mapping[str, Any]) -> Record:
    """A stored record's JSON (reviewed or not) with its report, as the canonical model."""
    return Record.from_dict({**data, "report": to_report(report).to_dict()})


def _meta(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {f: getattr(report, f) for f in META_FIELDS}
    out["sha256"] = report.sha256
    out["chars"] = len(report.text)
    return out


def _record_meta(record: Record) -> dict[str, Any]:
    return {
        "extractor_name": record.extractor.name,
        "extractor_version": record.extractor.version,
        "rules": record.extractor.rules,
        "relevant": record.relevance.relevant,
        "relevance_score": float(record.relevance.score),
    }


def _items_of(
    report_id: str, data: dict[str, Any]
) -> dict[str, tuple[str, tuple[int, int] | None, dict[str, Any]]]:
    """The keyed items of a record's JSON: key -> (kind, span, item JSON)."""
    out: dict[str, tuple[str, tuple[int, int] | None, dict[str, Any]]] = {}

    def put(key: str, kind: str, span: tuple[int, int] | None, item: dict[str, Any]) -> None:
        # Keys are unique by construction; should a stage ever emit two equal keys, the second
        # gets a deterministic suffix rather than silently replacing the first.
        unique, n = key, 1
        while unique in out:
            n += 1
            unique = f"{key}#{n}"
        out[unique] = (kind, span, item)

    for list_name, kind in ITEM_LISTS:
        for item in data.get(list_name, []):
            span = item.get("span")
            if kind == "event":
                evidence = item.get("evidence") or []
                span = evidence[0]["span"] if evidence else None
            put(item["key"], kind, (span[0], span[1]) if span else None, item)
    for item in data.get("sanctions", []):
        evidence = item.get("evidence") or []
        span = evidence[0]["span"] if evidence else None
        key = sanction_key(report_id, item["instrument"], item["relation"])
        put(key, "sanction", (span[0], span[1]) if span else None, item)
    # Route legs are claims too (an analyst may reject a leg), derived from the places.
    for leg in data.get("routes", []):
        key = f"{report_id}:l:{leg['order']}.{leg['branch']}"
        put(key, "leg", (leg["evidence_span"][0], leg["evidence_span"][1]), leg)
    return out


def _route_legs(record: Record) -> list[dict[str, Any]]:
    """The route legs of a record (tumen.resolve.routes), as stored JSON."""
    from tumen.resolve.routes import route_legs

    return [
        {
            "from": leg.from_key,
            "to": leg.to_key,
            "order": leg.order,
            "branch": leg.branch,
            "evidence_span": [leg.evidence[0], leg.evidence[1]],
        }
        for leg in route_legs(record)
    ]


def _update_dispatch_model(session: Session) -> None:
    """Bring the dispatch model (tumen.cohorts) up to date with the records just derived."""
    from tumen.cohorts.store import update

    update(session)
