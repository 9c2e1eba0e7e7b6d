"""The analyst's desk: what the pages and the API read and write, over one store.

No HTTP here: `app.py` turns requests into calls of `Desk` and its answers into pages or JSON.

- Reviews: the store keeps the machine's value (`data`) and the analyst's (`edit`) side by side;
  the *effective* value of a claim is the edit when there is one. Rejected claims leave every
  view; unreviewed ones stay, marked, unless the reviewed-only switch is on.
- Claims added by hand live in `manual_claims` (keyed `<report id>:h:<n>`), so re-extraction
  never marks them stale; every change to them is in the audit log like any review.
- Sensitive marks (a person's name, a claim, a span of text) are redacted, for viewers and in
  every export, by replacing each code point with a block: offsets of everything else hold.
- Views over all reports (cohorts, map, timeline) are cached per store *generation*, the newest
  audit row id: every write to the evidence appends one, so a cache never outlives a change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, get_args

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tumen import model as m
from tumen.errors import InputError, StoreError
from tumen.ids import sanction_key
from tumen.store import Store
from tumen.store.engine import WRITE
from tumen.store.schema import (
    SENSITIVE_KINDS,
    AuditRow,
    GradeOverrideRow,
    ItemRow,
    ManualClaimRow,
    RecordRow,
    ReportRow,
    SensitiveRow,
    utcnow,
)
from tumen.store.search import MARKS, fts5_query
from tumen.web.accounts import audit
from tumen.web.text import merge_spans, name_spans, overlaps, redact

# kind -> the record's list that holds it
KIND_LISTS = {
    "place": "places",
    "time": "times",
    "quantity": "quantities",
    "duration": "durations",
    "frequency": "frequencies",
    "actor": "actors",
    "event": "events",
    "sanction": "sanctions",
}
SPAN_KINDS = ("place", "time", "quantity", "duration", "frequency", "actor")
EVIDENCE_KINDS = ("event", "sanction")
REDACTED_VALUE = "[redacted]"
PER_PAGE = 50
COUNT_CAP = 10_000  # totals above this read as 10,000+
MAX_UPLOAD = 5_000_000


def _choices(literal: Any) -> tuple[str, ...]:
    return tuple(get_args(literal))


# The fields an analyst may edit, per kind: (field, type, choices). Types: str, ostr (str or
# null), int, oint, num, onum, bool, date (ISO or null), choice, ochoice (choice or null).
EDITABLE: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "place": [
        ("name", "str", ()),
        ("country", "ostr", ()),
        ("admin1", "ostr", ()),
        ("lat", "onum", ()),
        ("lon", "onum", ()),
        ("kind", "choice", _choices(m.PlaceKind)),
        ("precision", "int", ("1", "2", "3", "4")),
        ("role", "choice", _choices(m.Role)),
    ],
    "time": [
        ("start", "date", ()),
        ("end", "date", ()),
        ("relation", "choice", _choices(m.Relation)),
        ("precision", "choice", _choices(m.TimePrecision)),
        ("anchor", "choice", _choices(m.Anchor)),
    ],
    "quantity": [
        ("unit", "choice", _choices(m.QuantityUnit)),
        ("min", "onum", ()),
        ("max", "onum", ()),
        ("approximate", "bool", ()),
        ("currency", "ostr", ()),
        ("per", "ochoice", _choices(m.Per)),
    ],
    "duration": [("min_days", "onum", ()), ("max_days", "onum", ())],
    "frequency": [("times", "num", ()), ("per_days", "num", ())],
    "actor": [
        ("name", "str", ()),
        ("kind", "choice", _choices(m.ActorKind)),
        ("country", "ostr", ()),
    ],
    "event": [
        ("type", "choice", _choices(m.EventType)),
        ("status", "choice", _choices(m.Status)),
        ("round", "oint", ()),
        ("certainty", "choice", _choices(m.Certainty)),
        ("attribution.kind", "choice", _choices(m.AttributionKind)),
        ("sector", "ochoice", _choices(m.Sector)),
    ],
    "sanction": [
        ("instrument", "str", ()),
        ("provision", "ostr", ()),
        ("relation", "choice", _choices(m.SanctionRelation)),
        ("rationale", "str", ()),
    ],
}

# A claim added by hand starts from these values (then the form's fields are applied).
BLANK: dict[str, dict[str, Any]] = {
    "place": {
        "name": "",
        "country": None,
        "admin1": None,
        "lat": None,
        "lon": None,
        "kind": "city",
        "precision": 1,
        "role": "other",
        "gazetteer": None,
    },
    "time": {
        "start": None,
        "end": None,
        "relation": "on",
        "precision": "day",
        "anchor": "absolute",
    },
    "quantity": {
        "unit": "workers",
        "min": None,
        "max": None,
        "approximate": False,
        "currency": None,
        "per": None,
    },
    "duration": {"min_days": None, "max_days": None},
    "frequency": {"times": 1, "per_days": 365},
    "actor": {"name": "", "kind": "person", "country": None},
    "event": {
        "type": "recruitment",
        "status": "unknown",
        "round": None,
        "certainty": "certain",
        "certainty_cue": None,
        "attribution": {"mention": None, "span": None, "kind": "report_author", "actor": None},
        "places": [],
        "time": None,
        "workers": None,
        "duration": None,
        "sector": None,
        "cue": "added by hand",
    },
    "sanction": {
        "instrument": "",
        "provision": None,
        "relation": "cited",
        "rationale": "",
        "events": [],
    },
}


@dataclass(slots=True)
class Claim:
    """One claim as the desk shows it: machine value, effective value, review state."""

    key: str
    report_id: str
    kind: str
    span: tuple[int, int] | None
    machine: dict[str, Any]
    value: dict[str, Any]
    review_state: str
    manual: bool = False
    stale: bool = False
    sensitive: bool = False
    reviewed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "report_id": self.report_id,
            "kind": self.kind,
            "span": list(self.span) if self.span else None,
            "review_state": self.review_state,
            "manual": self.manual,
            "stale": self.stale,
            "sensitive": self.sensitive,
            "reviewed_by": self.reviewed_by,
            "value": self.value,
            "machine": self.machine,
        }


@dataclass(slots=True)
class Mark:
    id: int
    kind: str
    report_id: str | None
    key: str | None
    name: str | None
    span: tuple[int, int] | None
    note: str | None
    created_by: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "report_id": self.report_id,
            "key": self.key,
            "name": self.name,
            "span": list(self.span) if self.span else None,
            "note": self.note,
            "created_by": self.created_by,
        }


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
        self._memo: dict[tuple[str, bool], dict[str, tuple[int, Any]]] = {}
        self._lock = threading.Lock()

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
        """The newest audit row id: it changes with every write to the evidence."""
        with self.read() as session:
            return int(session.scalar(select(func.max(AuditRow.id))) or 0)

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
        from tumen.ingest.reader import ReportOverrides, _from_json, build_report, decode

        source = filename or "pasted text"
        if isinstance(content, bytes):
            if len(content) > MAX_UPLOAD:
                raise InputError(f"the file is over {MAX_UPLOAD:,} bytes", source=source)
            text_, encoding = decode(content, source=source)
        else:
            text_, encoding = content, "utf-8"
        meta: dict[str, Any] = {}
        if filename and filename.lower().endswith(".json"):
            text_, meta = _from_json(text_, source)
        report = build_report(
            text_,
            encoding=encoding,
            meta=meta,
            overrides=ReportOverrides(
                published=published or None,
                publisher=publisher or None,
                url=url or None,
                title=title or None,
            ),
            source=source,
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

    # -- review ----------------------------------------------------------------------------

    def review(
        self, key: str, action: str, *, who: str, form: Mapping[str, str] | None = None
    ) -> Claim:
        """Accept, reject, edit (fields from `form`) or reset a claim; every change audited."""
        claim = self.claim(key)
        if action not in ("accept", "reject", "edit", "reset"):
            raise InputError(f"unknown review action {action!r}")
        if claim.manual:
            return self._review_manual(claim, action, who=who, form=form or {})
        if action == "accept":
            self.store.review(key, "accepted", who=who)
        elif action == "reject":
            self.store.review(key, "rejected", who=who)
        elif action == "reset":
            self.store.review(key, "unreviewed", who=who)
        else:
            text_ = self.report_text(claim.report_id)
            edit = apply_form(claim.kind, claim.value, form or {}, text_)
            if edit == claim.machine:
                self.store.review(key, "accepted", who=who)
            else:
                self.store.review(key, "edited", who=who, edit=edit)
        return self.claim(key)

    def _review_manual(
        self, claim: Claim, action: str, *, who: str, form: Mapping[str, str]
    ) -> Claim:
        with self.write() as session:
            row = session.get(ManualClaimRow, claim.key)
            assert row is not None
            before = {"review_state": row.review_state, "data": row.data}
            if action == "reject":
                row.review_state = "rejected"
            elif action in ("accept", "reset"):
                row.review_state = "accepted"
            else:
                text_ = session.scalar(select(ReportRow.text).where(ReportRow.id == row.report_id))
                row.data = apply_form(row.kind, row.data, form, text_ or "")
                span = _span_of(row.kind, row.data)
                row.span_start, row.span_end = span if span else (None, None)
                row.review_state = "edited"
            row.updated_at = utcnow()
            audit(
                session,
                who,
                "claim.reviewed",
                report_id=row.report_id,
                key=row.key,
                before=before,
                after={"review_state": row.review_state, "data": row.data},
            )
        return self.claim(claim.key)

    def add_claim(self, report_id: str, kind: str, form: Mapping[str, str], *, who: str) -> Claim:
        """An analyst's own claim, from the fields of `form` (its span is required)."""
        if kind not in KIND_LISTS:
            raise InputError(f"kind must be one of {', '.join(KIND_LISTS)}, not {kind!r}")
        text_ = self.report_text(report_id)
        if not form.get("span_start") or not form.get("span_end"):
            raise InputError("select the words the claim rests on (its span)")
        data = apply_form(kind, dict(BLANK[kind]), form, text_)
        span = _span_of(kind, data)
        with self.write() as session:
            n = int(
                session.scalar(select(func.count()).where(ManualClaimRow.report_id == report_id))
                or 0
            )
            key = f"{report_id}:h:{n + 1}"
            while session.get(ManualClaimRow, key) is not None:
                n += 1
                key = f"{report_id}:h:{n + 1}"
            data["key"] = key
            data["id"] = f"h{n + 1}"
            now = utcnow()
            session.add(
                ManualClaimRow(
                    key=key,
                    report_id=report_id,
                    kind=kind,
                    span_start=span[0] if span else None,
                    span_end=span[1] if span else None,
                    data=data,
                    review_state="accepted",
                    created_by=who,
                    created_at=now,
                    updated_at=now,
                )
            )
            audit(
                session,
                who,
                "claim.added",
                report_id=report_id,
                key=key,
                after={"kind": kind, "data": data},
            )
        return self.claim(key)

    def review_queue(
        self,
        *,
        state: str = "unreviewed",
        kind: str = "",
        report: str = "",
        page: int = 1,
        per_page: int = PER_PAGE,
    ) -> tuple[list[Claim], int]:
        """Claims in a review state (default: waiting), in key order (report, kind, span).

        The total is counted up to COUNT_CAP (a larger one reads "COUNT_CAP+"): counting half
        a million waiting claims exactly would cost more than the page itself.
        """
        query = select(ItemRow).where(ItemRow.stale_since.is_(None))
        if state:
            query = query.where(ItemRow.review_state == state)
        if kind:
            query = query.where(ItemRow.kind == kind)
        if report:
            query = query.where(ItemRow.key.startswith(report, autoescape=True))
        with self.read() as session:
            total = int(
                session.scalar(
                    select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery())
                )
                or 0
            )
            # Keys start with the report id, so key order groups a report's claims, and the
            # primary key's index serves it without sorting the whole table.
            rows = session.scalars(
                query.order_by(ItemRow.key).limit(per_page).offset((max(page, 1) - 1) * per_page)
            )
            return [_claim_of_item(r) for r in rows], total

    # -- sensitive marks -----------------------------------------------------------------

    @staticmethod
    def _marks(session: Session, report_id: str | None) -> list[Mark]:
        query = select(SensitiveRow).order_by(SensitiveRow.id)
        if report_id is not None:
            query = query.where(
                (SensitiveRow.report_id == report_id) | (SensitiveRow.kind == "person")
            )
        return [
            Mark(
                r.id,
                r.kind,
                r.report_id,
                r.key,
                r.name,
                (r.span_start, r.span_end)
                if r.span_start is not None and r.span_end is not None
                else None,
                r.note,
                r.created_by,
            )
            for r in session.scalars(query)
        ]

    def marks(self, report_id: str | None = None) -> list[Mark]:
        with self.read() as session:
            return self._marks(session, report_id)

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
        if kind not in SENSITIVE_KINDS:
            raise InputError(f"kind must be one of {', '.join(SENSITIVE_KINDS)}")
        if kind == "person":
            if not name or not name.strip():
                raise InputError("give the person's name")
            name, report_id, key, span = name.strip(), None, None, None
        elif kind == "item":
            if not key:
                raise InputError("give the claim's key")
            report_id = self.claim(key).report_id
            name, span = None, None
        else:
            if report_id is None or span is None:
                raise InputError("give the report and the span of the detail")
            length = len(self.report_text(report_id))
            if not 0 <= span[0] < span[1] <= length:
                raise InputError(f"span {span} is outside the report (0-{length})")
            name, key = None, None
        with self.write() as session:
            row = SensitiveRow(
                kind=kind,
                report_id=report_id,
                key=key,
                name=name,
                span_start=span[0] if span else None,
                span_end=span[1] if span else None,
                note=note or None,
                created_by=who,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            audit(
                session,
                who,
                "sensitive.marked",
                report_id=report_id,
                key=key or f"sensitive:{row.id}",
                after={"kind": kind, "name": name, "span": list(span) if span else None},
            )
            return Mark(row.id, kind, report_id, key, name, span, row.note, who)

    def unmark_sensitive(self, mark_id: int, *, who: str) -> None:
        with self.write() as session:
            row = session.get(SensitiveRow, mark_id)
            if row is None:
                raise StoreError(f"no sensitive mark {mark_id}")
            audit(
                session,
                who,
                "sensitive.unmarked",
                report_id=row.report_id,
                key=row.key or f"sensitive:{row.id}",
                before={"kind": row.kind, "name": row.name},
            )
            session.delete(row)

    # -- grades ------------------------------------------------------------------------------

    def grades(self) -> Any:
        """Shipped defaults, the analyst's file, then the grades an admin set here."""
        from tumen.cohorts.grades import PublisherGrade, cached_grades

        base = cached_grades()
        with self.read() as session:
            rows = [
                (r.publisher, r.grade, r.note) for r in session.scalars(select(GradeOverrideRow))
            ]
        if not rows:
            return base
        from tumen.cohorts.grades import Grades

        table = dict(base.publishers)
        for publisher, grade, note in rows:
            name = base.canonical(publisher) or publisher
            old = table.get(name)
            table[name] = PublisherGrade(
                name=name,
                grade=grade,
                default=False,
                note=note,
                aliases=old.aliases if old else (),
            )
        return Grades(list(table.values()), base.unknown)

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

    # -- views over every report -----------------------------------------------------------

    def report_stamps(self) -> dict[str, int]:
        """Each report's newest audit row id: it changes when anything of that report does
        (re-extraction, a review, a claim by hand, a mark), and only then."""

        def build() -> dict[str, int]:
            with self.read() as session:
                return {
                    rid: int(n)
                    for rid, n in session.execute(
                        select(AuditRow.report_id, func.max(AuditRow.id))
                        .where(AuditRow.report_id.is_not(None))
                        .group_by(AuditRow.report_id)
                    )
                    if rid is not None
                }

        result: dict[str, int] = self.cached("stamps", (), build)
        return result

    def per_report(
        self, name: str, reviewed_only: bool, build: Callable[[list[str]], dict[str, Any]]
    ) -> dict[str, Any]:
        """`build(ids)` for the reports whose stamp changed since last time; the rest from
        memory. So after one review only that report is worked out again, not 10,000."""
        stamps = self.report_stamps()
        with self._lock:
            memo = self._memo.setdefault((name, reviewed_only), {})
            stale = [rid for rid, stamp in stamps.items() if memo.get(rid, (None,))[0] != stamp]
        fresh = build(stale) if stale else {}
        with self._lock:
            for rid in stale:
                memo[rid] = (stamps[rid], fresh.get(rid))
            for rid in set(memo) - set(stamps):  # deleted reports
                del memo[rid]
            return {rid: memo[rid][1] for rid in sorted(stamps) if memo[rid][1] is not None}

    def changed_reports(self) -> frozenset[str]:
        """Reports whose effective record differs from the machine's: a claim rejected or
        edited, or one added by hand (an accept changes no value)."""

        def build() -> frozenset[str]:
            with self.read() as session:
                edited = session.scalars(
                    select(ItemRow.report_id)
                    .where(ItemRow.review_state.in_(("rejected", "edited")))
                    .distinct()
                )
                manual = session.scalars(select(ManualClaimRow.report_id).distinct())
                return frozenset(edited) | frozenset(manual)

        result: frozenset[str] = self.cached("changed", (), build)
        return result

    def effective_records(self, *, reviewed_only: bool) -> list[m.Record]:
        """Every report's record with reviews applied (rejected claims dropped, edits used,
        hand-made claims added); with `reviewed_only`, only reports with reviewed claims."""
        out = self.per_report(
            "records", reviewed_only, lambda ids: self._effective(ids, reviewed_only)
        )
        return list(out.values())

    def _effective(self, ids: list[str], reviewed_only: bool) -> dict[str, m.Record]:
        out: dict[str, m.Record] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            with self.read() as session:
                reviews: dict[str, dict[str, tuple[str, Any]]] = {}
                for key, rid, state, edit in session.execute(
                    select(
                        ItemRow.key, ItemRow.report_id, ItemRow.review_state, ItemRow.edit
                    ).where(ItemRow.review_state != "unreviewed", ItemRow.report_id.in_(chunk))
                ):
                    reviews.setdefault(rid, {})[key] = (state, edit)
                manual: dict[str, list[Claim]] = {}
                for row in session.scalars(
                    select(ManualClaimRow)
                    .where(ManualClaimRow.report_id.in_(chunk))
                    .order_by(ManualClaimRow.key)
                ):
                    manual.setdefault(row.report_id, []).append(_claim_of_manual(row))
                wanted = chunk
                if reviewed_only:
                    wanted = [rid for rid in chunk if rid in reviews or rid in manual]
                    if not wanted:
                        continue
                query = select(ReportRow, RecordRow).join(
                    RecordRow, RecordRow.report_id == ReportRow.id
                )
                for report, record in session.execute(query.where(ReportRow.id.in_(wanted))):
                    data = effective_record(
                        dict(record.record),
                        report.id,
                        reviews.get(report.id, {}),
                        manual.get(report.id, []),
                        reviewed_only=reviewed_only,
                        edits_are_values=False,
                    )
                    data["report"] = m.Report(
                        id=report.id,
                        sha256=report.sha256,
                        text=report.text,
                        title=report.title,
                        publisher=report.publisher,
                        url=report.url,
                        published=_iso(report.published),
                        language=report.language,
                        encoding=report.encoding,
                    ).to_dict()
                    out[report.id] = m.Record.from_dict(data)
        return out

    def unreviewed_keys(self) -> Unreviewed:
        """What `key in desk.unreviewed_keys()` asks: is this claim still waiting? Built from
        the (few) reviewed keys, not the (many) waiting ones."""

        def build() -> Unreviewed:
            with self.read() as session:
                return Unreviewed(
                    frozenset(
                        session.scalars(
                            select(ItemRow.key).where(ItemRow.review_state != "unreviewed")
                        )
                    )
                )

        result: Unreviewed = self.cached("unreviewed", (), build)
        return result


class Unreviewed:
    """The claims not yet reviewed: every machine claim but the reviewed ones (claims added by
    hand, `<report>:h:<n>`, are an analyst's own and never wait)."""

    __slots__ = ("reviewed",)

    def __init__(self, reviewed: frozenset[str]) -> None:
        self.reviewed = reviewed

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key not in self.reviewed and ":h:" not in key


# -- effective values -------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def _claim_of_item(row: ItemRow) -> Claim:
    value = row.edit if row.review_state == "edited" and row.edit is not None else row.data
    return Claim(
        key=row.key,
        report_id=row.report_id,
        kind=row.kind,
        span=None
        if row.span_start is None or row.span_end is None
        else (row.span_start, row.span_end),
        machine=row.data,
        value=value,
        review_state=row.review_state,
        stale=row.stale_since is not None,
        reviewed_by=row.reviewed_by,
    )


def _claim_of_manual(row: ManualClaimRow) -> Claim:
    return Claim(
        key=row.key,
        report_id=row.report_id,
        kind=row.kind,
        span=None
        if row.span_start is None or row.span_end is None
        else (row.span_start, row.span_end),
        machine=row.data,
        value=row.data,
        review_state=row.review_state,
        manual=True,
        reviewed_by=row.created_by,
    )


def _span_of(kind: str, value: Mapping[str, Any]) -> tuple[int, int] | None:
    if kind in EVIDENCE_KINDS:
        evidence = value.get("evidence") or []
        span = evidence[0]["span"] if evidence else None
    else:
        span = value.get("span")
    return (int(span[0]), int(span[1])) if span else None


def effective_record(
    data: dict[str, Any],
    report_id: str,
    reviews: Mapping[str, tuple[str, Any]],
    manual: list[Claim],
    *,
    reviewed_only: bool,
    edits_are_values: bool = True,
) -> dict[str, Any]:
    """A record's JSON with reviews applied.

    `reviews` maps keys to (state, value): with `edits_are_values` the value is the effective
    one already (the report page), otherwise it is the stored edit (None unless edited).
    Rejected claims go; with `reviewed_only`, unreviewed ones go too. References from events
    to claims that went are dropped, so every reference in the result resolves.
    """
    out = dict(data)
    kept_ids: set[str] = set()
    for kind, list_name in KIND_LISTS.items():
        items = []
        for item in data.get(list_name, []):
            key = item.get("key") or (
                sanction_key(report_id, item["instrument"], item["relation"])
                if kind == "sanction"
                else ""
            )
            state, value = reviews.get(key, ("unreviewed", None))
            if state == "rejected" or (reviewed_only and state == "unreviewed"):
                continue
            if state == "edited" and value is not None:
                item = value
            elif edits_are_values and value is not None:
                item = value
            items.append(item)
        for claim in manual:
            if claim.kind == kind and claim.review_state != "rejected":
                items.append(claim.value)
        for item in items:
            if item.get("id"):
                kept_ids.add(item["id"])
        out[list_name] = items
    for event in out["events"]:
        if any(p not in kept_ids for p in event.get("places", [])) or any(
            event.get(f) and event[f] not in kept_ids for f in ("time", "workers", "duration")
        ):
            event = out["events"][out["events"].index(event)] = dict(event)
            event["places"] = [p for p in event.get("places", []) if p in kept_ids]
            for f in ("time", "workers", "duration"):
                if event.get(f) and event[f] not in kept_ids:
                    event[f] = None
    for i, sanction in enumerate(out["sanctions"]):
        if any(e not in kept_ids for e in sanction.get("events", [])):
            out["sanctions"][i] = {
                **sanction,
                "events": [e for e in sanction["events"] if e in kept_ids],
            }
    return out


def apply_form(
    kind: str, value: Mapping[str, Any], form: Mapping[str, str], text_: str
) -> dict[str, Any]:
    """A claim's value with the fields of an edit form applied, checked; raises InputError.

    Fields absent from the form keep their value. `span_start`/`span_end` (code points) move
    the claim's span, or an event's first evidence, and its text follows from the report.
    """
    out = _deep_copy(value)
    for name, type_, choices in EDITABLE[kind]:
        if name not in form:
            continue
        raw = form[name].strip()
        parsed = _parse(name, type_, raw, choices)
        if "." in name:
            outer, inner = name.split(".", 1)
            out[outer] = {**(out.get(outer) or {}), inner: parsed}
        else:
            out[name] = parsed
    if form.get("span_start", "").strip() or form.get("span_end", "").strip():
        start = _parse("span_start", "int", form.get("span_start", ""), ())
        end = _parse("span_end", "int", form.get("span_end", ""), ())
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text_)):
            raise InputError(f"the span must lie inside the report's text (0-{len(text_)})")
        if kind in EVIDENCE_KINDS:
            evidence = list(out.get("evidence") or [])
            first = {"span": [start, end], "text": text_[start:end]}
            out["evidence"] = [first, *evidence[1:]]
        else:
            out["span"] = [start, end]
            out["mention"] = text_[start:end]
    if kind == "quantity" and out.get("min") is not None and out.get("max") is not None:
        if out["min"] > out["max"]:
            raise InputError("min is above max")
    if kind == "time" and out.get("start") and out.get("end") and out["start"] > out["end"]:
        raise InputError("start is after end")
    return out


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _parse(name: str, type_: str, raw: str, choices: tuple[str, ...]) -> Any:
    if raw == "" or raw.lower() in ("null", "none", "-"):
        if type_ in ("ostr", "onum", "oint", "ochoice", "date"):
            return None
        if type_ == "bool":
            return False
        raise InputError(f"{name} is required")
    try:
        if type_ in ("str", "ostr"):
            return raw
        if type_ in ("int", "oint"):
            value = int(raw)
            if choices and raw not in choices:
                raise ValueError
            return value
        if type_ in ("num", "onum"):
            number = float(raw.replace(",", ""))
            return int(number) if number.is_integer() else number
        if type_ == "bool":
            return raw.lower() in ("1", "true", "yes", "on")
        if type_ == "date":
            return date.fromisoformat(raw).isoformat()
        if type_ in ("choice", "ochoice"):
            if raw not in choices:
                raise ValueError
            return raw
    except ValueError:
        hint = f" (one of {', '.join(choices)})" if choices else ""
        raise InputError(f"bad value for {name}: {raw!r}{hint}") from None
    raise InputError(f"cannot edit {name}")


# -- sensitivity ------------------------------------------------------------------------------


def _person_names(marks: list[Mark]) -> list[str]:
    return [mk.name for mk in marks if mk.kind == "person" and mk.name]


def sensitive_spans(text_: str, claims: list[Claim], marks: list[Mark]) -> list[tuple[int, int]]:
    """The code-point spans of a report that viewers and exports must not see."""
    spans: list[tuple[int, int]] = list(name_spans(text_, _person_names(marks)))
    by_key = {c.key: c for c in claims}
    for mk in marks:
        if mk.kind == "span" and mk.span:
            spans.append(mk.span)
        elif mk.kind == "item" and mk.key in by_key:
            claim = by_key[mk.key]
            if claim.kind in EVIDENCE_KINDS:
                spans.extend(
                    (e["span"][0], e["span"][1]) for e in claim.value.get("evidence") or []
                )
            elif claim.span:
                spans.append(claim.span)
    return merge_spans(spans)


def _evidence_hits(claim: Claim, spans: list[tuple[int, int]]) -> bool:
    if claim.kind not in EVIDENCE_KINDS:
        return False
    return any(overlaps(e.get("span"), spans) for e in claim.value.get("evidence") or [])


def redact_item(
    item: dict[str, Any], redacted_text: str, spans: list[tuple[int, int]]
) -> dict[str, Any]:
    """An item with every part that touches a sensitive span redacted (offsets kept)."""
    out = dict(item)
    span = out.get("span")
    if span and overlaps(span, spans):
        out["mention"] = redacted_text[span[0] : span[1]]
        for name in ("name", "admin1", "gazetteer"):
            if out.get(name):
                out[name] = REDACTED_VALUE
        if "lat" in out:
            out["lat"] = out["lon"] = None
    if out.get("evidence"):
        out["evidence"] = [
            {**e, "text": redacted_text[e["span"][0] : e["span"][1]]}
            if overlaps(e.get("span"), spans)
            else e
            for e in out["evidence"]
        ]
    attribution = out.get("attribution")
    if isinstance(attribution, dict) and overlaps(attribution.get("span"), spans):
        s = attribution["span"]
        out["attribution"] = {**attribution, "mention": redacted_text[s[0] : s[1]]}
    if out.get("rationale") and any(
        overlaps(e.get("span"), spans) for e in out.get("evidence") or []
    ):
        out["rationale"] = REDACTED_VALUE
    return out


def redact_record(
    data: dict[str, Any], redacted_text: str, spans: list[tuple[int, int]]
) -> dict[str, Any]:
    out = dict(data)
    for list_name in KIND_LISTS.values():
        out[list_name] = [redact_item(i, redacted_text, spans) for i in data.get(list_name, [])]
    return out
