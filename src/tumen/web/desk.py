"""The analyst's desk: what the pages and the API read and write, over one store.

No HTTP here: `app.py` turns requests into calls of `Desk` and its answers into pages or JSON.
The ideas live in their own modules, and `Desk` gathers them over one store:

- `review.py`: claims, their effective values, editing, accepting, rejecting, adding by hand;
- `redaction.py`: sensitive marks and what viewers and exports see of them;
- `live.py`: what the views over every report read of the store, kept in process memory and
  brought up to date from the audit log (a write costs the views one report, not 10,000);
- `views.py`: the cohort table, the map and the timeline.

Views over all reports are also cached per store *generation*, the newest audit row id: every
write to the evidence appends one, so a cache never outlives a change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tumen import model as m
from tumen.errors import InputError, StoreError
from tumen.store import Store
from tumen.store.engine import WRITE
from tumen.store.reviews import KIND_LISTS, effective_record
from tumen.store.schema import (
    GradeOverrideRow,
    ItemRow,
    ManualClaimRow,
    RecordRow,
    ReportRow,
    utcnow,
)
from tumen.store.search import MARKS, fts5_query
from tumen.web import redaction, review
from tumen.web.accounts import audit
from tumen.web.live import Live, Unreviewed
from tumen.web.redaction import (
    REDACTED_VALUE,
    Mark,
    _evidence_hits,
    _person_names,
    redact_item,
    redact_record,
    sensitive_spans,
)
from tumen.web.review import (
    BLANK,
    COUNT_CAP,
    EDITABLE,
    EVIDENCE_KINDS,
    PER_PAGE,
    SPAN_KINDS,
    Claim,
    _claim_of_item,
    _claim_of_manual,
    _iso,
    apply_form,
)
from tumen.web.text import name_spans, overlaps, redact

# What other modules and the tests import from here.
__all__ = [
    "BLANK",
    "COUNT_CAP",
    "EDITABLE",
    "EVIDENCE_KINDS",
    "KIND_LISTS",
    "PER_PAGE",
    "REDACTED_VALUE",
    "SPAN_KINDS",
    "Claim",
    "Desk",
    "ListedReport",
    "Mark",
    "ReportView",
    "Unreviewed",
    "apply_form",
    "effective_record",
    "redact_item",
    "redact_record",
    "sensitive_spans",
]
MAX_UPLOAD = 5_000_000


@dataclass(slots=True)
class ReportView:
    """A report as one user may see it: text (redacted for viewers) and its claims."""

    id: str
    title: str | None
    publisher: str | None
    url: str | None
    published: str | None
    language: str
    text: str
    relevant: bool | None
    relevance_score: float | None
    rules: str | None
    claims: list[Claim]
    marks: list[Mark]
    redacted: bool
    record: dict[str, Any] = field(default_factory=dict)  # effective record JSON

    def meta(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "relevant": self.relevant,
            "redacted": self.redacted,
        }


@dataclass(slots=True)
class ListedReport:
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    relevant: bool | None
    score: float | None
    snippet: str | None
    chars: int


class Desk:
    """The web app's view of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[Any, Any] = {}
        self._lock = threading.Lock()
        self.live = Live(self)

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.store.engine) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with Session(self.store.engine.execution_options(**{WRITE: True})) as session:
            with session.begin():
                yield session

    @property
    def dialect(self) -> str:
        return self.store.engine.dialect.name

    def generation(self) -> int:
        """The newest audit row id: it changes with every write to the evidence (and brings
        the in-memory state of `live` up to date with it)."""
        return self.live.refresh()

    def cached(self, name: str, args: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """`build()`, remembered until the store's next write (per name and arguments)."""
        key = (name, args, self.generation())
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        value = build()
        with self._lock:
            # Keep only the current generation: old entries can never be asked for again.
            self._cache = {k: v for k, v in self._cache.items() if k[2] == key[2]}
            self._cache[key] = value
        return value

    # -- reports -------------------------------------------------------------------------

    def publishers(self) -> list[str]:
        def build() -> list[str]:
            with self.read() as session:
                return [
                    p
                    for p in session.scalars(
                        select(ReportRow.publisher)
                        .where(ReportRow.publisher.is_not(None))
                        .distinct()
                        .order_by(ReportRow.publisher)
                    )
                    if p
                ]

        return list(self.cached("publishers", (), build))

    def list_reports(
        self,
        *,
        query: str = "",
        publisher: str = "",
        date_from: str = "",
        date_to: str = "",
        relevant: str = "",
        page: int = 1,
        per_page: int = PER_PAGE,
    ) -> tuple[list[ListedReport], int]:
        """One page of reports matching the search and filters, and how many match in all.

        The search runs in the database's own full-text index (FTS5 on SQLite, tsvector on
        PostgreSQL), in the same query as the filters, so a page costs one indexed query.
        """
        where: list[str] = []
        params: dict[str, Any] = {}
        if publisher:
            where.append("r.publisher = :publisher")
            params["publisher"] = publisher
        for name, value, op in (("date_from", date_from, ">="), ("date_to", date_to, "<=")):
            if value:
                try:
                    params[name] = date.fromisoformat(value)
                except ValueError:
                    raise InputError(f"{name} must be YYYY-MM-DD, not {value!r}") from None
                where.append(f"r.published {op} :{name}")
        if relevant in ("yes", "no"):
            where.append("rec.relevant = :relevant")
            params["relevant"] = relevant == "yes"
        page = max(page, 1)
        params["limit"] = per_page
        params["offset"] = (page - 1) * per_page
        select_cols = (
            "r.id, r.title, r.publisher, r.published, rec.relevant, rec.relevance_score, "
            "length(r.text)"
        )
        joins = "FROM reports AS r LEFT JOIN records AS rec ON rec.report_id = r.id"
        query = query.strip()
        if query and self.dialect == "sqlite":
            match = fts5_query(query)
            if match is None:
                return [], 0
            params.update({"match": match, "open": MARKS[0], "close": MARKS[1]})
            # CROSS JOIN keeps the index first: SQLite would otherwise walk every report and
            # probe the index for each (300 ms at 10,000 reports, against 8 ms this way).
            base = (
                "FROM reports_fts CROSS JOIN reports AS r ON r.seq = reports_fts.rowid "
                "LEFT JOIN records AS rec ON rec.report_id = r.id "
                "WHERE reports_fts MATCH :match" + "".join(f" AND {w}" for w in where)
            )
            sql = (
                f"SELECT {select_cols}, snippet(reports_fts, 1, :open, :close, '…', 16), "
                f"bm25(reports_fts, 5.0, 1.0) AS rank {base} "
                "ORDER BY rank, r.id LIMIT :limit OFFSET :offset"
            )
        elif query and self.dialect == "postgresql":
            params.update(
                {
                    "query": query,
                    "opts": f"StartSel={MARKS[0]}, StopSel={MARKS[1]}, MaxWords=24, MinWords=8",
                }
            )
            base = (
                f"{joins}, websearch_to_tsquery('english', :query) AS q WHERE r.search @@ q"
                + "".join(f" AND {w}" for w in where)
            )
            sql = (
                f"SELECT {select_cols}, ts_headline('english', r.text, q, :opts), "
                f"ts_rank(r.search, q) AS rank {base} "
                "ORDER BY rank DESC, r.id LIMIT :limit OFFSET :offset"
            )
        elif query:
            words = query.lower().split()
            for i, word in enumerate(words):
                where.append(f"(lower(r.text) LIKE :w{i} OR lower(r.title) LIKE :w{i})")
                params[f"w{i}"] = f"%{word}%"
            base = joins + (
                "".join(f" {'WHERE' if i == 0 else 'AND'} {w}" for i, w in enumerate(where))
            )
            sql = f"SELECT {select_cols}, NULL, 0 {base} ORDER BY r.id LIMIT :limit OFFSET :offset"
        else:
            base = joins + "".join(
                f" {'WHERE' if i == 0 else 'AND'} {w}" for i, w in enumerate(where)
            )
            sql = (
                f"SELECT {select_cols}, NULL, 0 {base} "
                "ORDER BY r.published IS NULL, r.published DESC, r.id "
                "LIMIT :limit OFFSET :offset"
            )
        with self.read() as session:
            rows = session.execute(text(sql), params).all()
            total = int(
                session.execute(
                    text(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1}) AS hits"),
                    params,
                ).scalar()
                or 0
            )
        return [
            ListedReport(
                id=r[0],
                title=r[1],
                publisher=r[2],
                published=_iso(r[3]),
                relevant=None if r[4] is None else bool(r[4]),
                score=None if r[5] is None else float(r[5]),
                snippet=r[7],
                chars=int(r[6] or 0),
            )
            for r in rows
        ], total

    def add_report(
        self,
        content: str | bytes,
        *,
        who: str,
        filename: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        url: str | None = None,
        published: str | None = None,
    ) -> tuple[str, str]:
        """Store a pasted text or an uploaded file (any encoding the reader knows; a `.json`
        report is read for its text and metadata) and extract it: (report id, status)."""
        from tumen.ingest.reader import ReportOverrides, report_from_bytes, report_from_text

        source = filename or "pasted text"
        overrides = ReportOverrides(
            published=published or None,
            publisher=publisher or None,
            url=url or None,
            title=title or None,
        )
        if isinstance(content, bytes):
            if len(content) > MAX_UPLOAD:
                raise InputError(f"the file is over {MAX_UPLOAD:,} bytes", source=source)
            report = report_from_bytes(
                content, name=filename or "", overrides=overrides, source=source
            )
        else:
            report = report_from_text(
                content, name=filename or "", overrides=overrides, source=source
            )
        result = self.store.add(report, who=who)
        return result.report_id, result.status

    # -- one report ------------------------------------------------------------------------

    def report_view(self, id_or_prefix: str, *, redacted: bool) -> ReportView:
        with self.read() as session:
            rid = self.store._resolve(session, id_or_prefix)
            row = session.scalar(select(ReportRow).where(ReportRow.id == rid))
            record = session.get(RecordRow, rid)
            if row is None or record is None:
                raise StoreError(f"report {rid} has no record")
            items = list(
                session.scalars(
                    select(ItemRow)
                    .where(ItemRow.report_id == rid)
                    .order_by(ItemRow.span_start, ItemRow.key)
                )
            )
            manual = list(
                session.scalars(
                    select(ManualClaimRow)
                    .where(ManualClaimRow.report_id == rid)
                    .order_by(ManualClaimRow.created_at, ManualClaimRow.key)
                )
            )
            marks = self._marks(session, rid)
            claims = [_claim_of_item(i) for i in items] + [_claim_of_manual(c) for c in manual]
            data = dict(record.record)
            title, text_ = row.title, row.text
            view = ReportView(
                id=rid,
                title=title,
                publisher=row.publisher,
                url=row.url,
                published=_iso(row.published),
                language=row.language,
                text=text_,
                relevant=record.relevant,
                relevance_score=record.relevance_score,
                rules=record.rules,
                claims=claims,
                marks=marks,
                redacted=False,
            )
        spans = sensitive_spans(text_, claims, marks)
        flagged = {c.key for c in claims if overlaps(c.span, spans) or _evidence_hits(c, spans)}
        for c in claims:
            c.sensitive = c.key in flagged or any(mk.key == c.key for mk in marks)
        reviews = {c.key: (c.review_state, c.value) for c in claims if not c.manual}
        view.record = effective_record(
            data, rid, reviews, [c for c in claims if c.manual], reviewed_only=False
        )
        if redacted and spans:
            view.text = redact(text_, spans)
            view.title = redact(title, name_spans(title, _person_names(marks))) if title else title
            for c in claims:
                if c.sensitive:
                    c.value = redact_item(c.value, view.text, spans)
                    c.machine = redact_item(c.machine, view.text, spans)
            view.record = redact_record(view.record, view.text, spans)
            view.redacted = True
        return view

    def claim(self, key: str) -> Claim:
        with self.read() as session:
            row = session.get(ItemRow, key)
            if row is not None:
                return _claim_of_item(row)
            manual = session.get(ManualClaimRow, key)
            if manual is not None:
                return _claim_of_manual(manual)
        raise StoreError(f"no claim with key {key!r}")

    def audit_log(self, key: str) -> list[dict[str, Any]]:
        return [
            {
                "id": e.id,
                "at": e.at.isoformat(timespec="seconds"),
                "who": e.who,
                "action": e.action,
                "before": e.before,
                "after": e.after,
            }
            for e in self.store.audit_log(key=key)
        ]

    def report_text(self, report_id: str) -> str:
        with self.read() as session:
            value = session.scalar(select(ReportRow.text).where(ReportRow.id == report_id))
        if value is None:
            raise StoreError(f"no report {report_id}")
        return value

    # -- review (review.py) ----------------------------------------------------------------

    def review(
        self, key: str, action: str, *, who: str, form: Mapping[str, str] | None = None
    ) -> Claim:
        """Accept, reject, edit (fields from `form`) or reset a claim; every change audited."""
        return review.review(self, key, action, who=who, form=form)

    def add_claim(self, report_id: str, kind: str, form: Mapping[str, str], *, who: str) -> Claim:
        """An analyst's own claim, from the fields of `form` (its span is required)."""
        return review.add_claim(self, report_id, kind, form, who=who)

    def review_queue(
        self,
        *,
        state: str = "unreviewed",
        kind: str = "",
        report: str = "",
        page: int = 1,
        per_page: int = PER_PAGE,
    ) -> tuple[list[Claim], int]:
        """Claims in a review state (default: waiting), in key order; see `review.review_queue`."""
        return review.review_queue(
            self, state=state, kind=kind, report=report, page=page, per_page=per_page
        )

    # -- sensitive marks (redaction.py) ------------------------------------------------------

    @staticmethod
    def _marks(session: Session, report_id: str | None) -> list[Mark]:
        return redaction.marks_of(session, report_id)

    def marks(self, report_id: str | None = None) -> list[Mark]:
        with self.read() as session:
            return redaction.marks_of(session, report_id)

    def mark_sensitive(
        self,
        kind: str,
        *,
        who: str,
        report_id: str | None = None,
        key: str | None = None,
        name: str | None = None,
        span: tuple[int, int] | None = None,
        note: str | None = None,
    ) -> Mark:
        return redaction.mark_sensitive(
            self, kind, who=who, report_id=report_id, key=key, name=name, span=span, note=note
        )

    def unmark_sensitive(self, mark_id: int, *, who: str) -> None:
        redaction.unmark_sensitive(self, mark_id, who=who)

    # -- grades ------------------------------------------------------------------------------

    def grades(self) -> Any:
        """Shipped defaults, the analyst's file, then the grades an admin set here (kept in
        memory with the rest of `live`, re-read after a `grade.set`)."""
        self.live.refresh()
        return self.live.grades

    def set_grade(self, publisher: str, grade: str, *, who: str, note: str | None = None) -> None:
        publisher = publisher.strip()
        grade = grade.strip().upper()
        if not publisher:
            raise InputError("give the publisher")
        if grade not in ("A", "B", "C", "D", "E", "F"):
            raise InputError("a grade is one of A-F (NATO/Admiralty reliability)")
        with self.write() as session:
            row = session.get(GradeOverrideRow, publisher)
            before = None if row is None else {"grade": row.grade, "note": row.note}
            if row is None:
                row = GradeOverrideRow(
                    publisher=publisher, grade=grade, set_by=who, set_at=utcnow()
                )
                session.add(row)
            row.grade, row.note, row.set_by, row.set_at = grade, note or None, who, utcnow()
            audit(
                session,
                who,
                "grade.set",
                key=f"grade:{publisher}",
                before=before,
                after={"grade": grade, "note": note or None},
            )

    # -- views over every report (live.py) ---------------------------------------------------

    def per_report(
        self, name: str, reviewed_only: bool, build: Callable[[list[str]], dict[str, Any]]
    ) -> dict[str, Any]:
        """`build(ids)` for the reports whose stamp changed since last time; the rest from
        memory. So after one review only that report is worked out again, not 10,000."""
        return self.live.per_report(name, reviewed_only, build)

    def effective_records(self, *, reviewed_only: bool) -> list[m.Record]:
        """Every report's record with reviews applied (rejected claims dropped, edits used,
        hand-made claims added); with `reviewed_only`, only reports with reviewed claims."""
        return list(self.live.records(reviewed_only).values())

    def unreviewed_keys(self) -> Unreviewed:
        """What `key in desk.unreviewed_keys()` asks: is this claim still waiting? Built from
        the (few) reviewed keys, not the (many) waiting ones."""
        self.live.refresh()
        return self.live.unreviewed
