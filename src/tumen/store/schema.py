"""The store's tables, as SQLAlchemy 2 typed declarative classes.

These classes describe the schema that the Alembic migrations in `migrations/versions/` create;
a test checks that the two agree. Change both together: a new migration for every change here.

Portable by design: SQLite by default, PostgreSQL later. What is dialect-specific (the full-text
index and the guard that keeps the audit table append-only) lives in the migrations only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# The review states of an item. `stale` is not one of them: an item that re-extraction no longer
# finds keeps its review state and gets `stale_since` set instead (see docs/store.md).
REVIEW_STATES = ("unreviewed", "accepted", "edited", "rejected")

# JSONB on PostgreSQL (indexable), JSON text elsewhere. Python None is SQL NULL, not the JSON
# text 'null', so that `edit IS NULL` and `before IS NULL` mean what they say.
JSONType = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC and always read back timezone-aware.

    SQLite has no timezone type; storing naive UTC and tagging it on the way out keeps both
    dialects returning the same value.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


# Named constraints, so that later migrations can alter them (SQLite batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSONType, datetime: UTCDateTime()}


class ReportRow(Base):
    """One report: the text as decoded (never re-encoded or cleaned) and its metadata."""

    __tablename__ = "reports"

    # An integer surrogate key so SQLite's FTS5 index can point at rows by a rowid that VACUUM
    # never renumbers; everything else refers to reports by their content id.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(16), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    added_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RecordRow(Base):
    """The current extraction record of a report (one per report), without the report itself:
    the report part is rebuilt from `reports`, so the text is stored once."""

    __tablename__ = "records"

    report_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    record: Mapped[dict[str, Any]]
    extractor_name: Mapped[str] = mapped_column(String(40))
    extractor_version: Mapped[str] = mapped_column(String(40))
    rules: Mapped[str | None] = mapped_column(Text)
    relevant: Mapped[bool] = mapped_column(index=True)
    relevance_score: Mapped[float] = mapped_column(Float)
    derived_at: Mapped[datetime]


class ItemRow(Base):
    """One extracted item (a claim) under its stable key, with its review state.

    `data` is always the machine's latest value; an analyst's correction goes to `edit`, beside
    it, never over it.
    """

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint(
            "review_state IN ('unreviewed', 'accepted', 'edited', 'rejected')",
            name="review_state",
        ),
        Index("ix_items_report_kind", "report_id", "kind"),
    )

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    report_id: Mapped[str] = mapped_column(String(16), ForeignKey("reports.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]
    review_state: Mapped[str] = mapped_column(String(16), default="unreviewed", index=True)
    edit: Mapped[dict[str, Any] | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[datetime | None]
    # Set when re-extraction no longer yields this key; cleared if it comes back.
    stale_since: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class AuditRow(Base):
    """Append-only history: who did what, when, to which key, with the value before and after.

    No foreign key on purpose: the history of a report outlives the report. The migrations add
    a guard (triggers) that refuses UPDATE and DELETE on this table.
    """

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    who: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    report_id: Mapped[str | None] = mapped_column(String(16), index=True)
    key: Mapped[str | None] = mapped_column(String(200), index=True)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


# -- The web app's tables (issue 8, migration 0003): accounts, sessions, API tokens, sensitivity
# marks, claims added by hand and the source grades an admin sets. Additive: nothing above
# refers to them.

ROLES = ("viewer", "analyst", "admin")
SENSITIVE_KINDS = ("person", "item", "span")


class UserRow(Base):
    """An account of the web app and the API. Only an argon2 hash of the password is kept."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('viewer', 'analyst', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool]
    created_at: Mapped[datetime]


class WebSessionRow(Base):
    """A signed-in browser. `id` is the sha256 of the cookie's secret, never the secret."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ApiTokenRow(Base):
    """A bearer token of the JSON API, kept as its sha256; revoked tokens stay, for the record."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class SensitiveRow(Base):
    """A person (by name, in every report), an item (by key) or a span of one report's text
    that viewers and exports see redacted."""

    __tablename__ = "sensitive_marks"
    __table_args__ = (CheckConstraint("kind IN ('person', 'item', 'span')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    report_id: Mapped[str | None] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]


class ManualClaimRow(Base):
    """A claim an analyst added by hand. Its own table, so re-extraction never marks it stale;
    every change to it is in the audit log."""

    __tablename__ = "manual_claims"
    __table_args__ = (
        CheckConstraint("review_state IN ('accepted', 'edited', 'rejected')", name="review_state"),
    )

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    report_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]
    review_state: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class GradeOverrideRow(Base):
    """A publisher's reliability grade (A-F) set by an admin in the web app; it overrides the
    shipped default and the analyst's grades file (`tumen.cohorts.grades`)."""

    __tablename__ = "grade_overrides"
    __table_args__ = (CheckConstraint("grade IN ('A', 'B', 'C', 'D', 'E', 'F')", name="grade"),)

    publisher: Mapped[str] = mapped_column(String(200), primary_key=True)
    grade: Mapped[str] = mapped_column(String(1))
    note: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(100))
    set_at: Mapped[datetime]


# The dispatch model's tables live with their package but on this Base, so that the metadata
# (and the migrations check) covers them. Imported last: that module imports Base from here.
import tumen.cohorts.tables  # noqa: E402, F401
