"""The first schema: reports, records, items under stable keys, the audit log, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Migrations are frozen: they spell out their tables instead of importing `tumen.store.schema`,
so that a later change to the ORM classes never changes what an old migration does.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("encoding", sa.String(length=32), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_reports")),
        sa.UniqueConstraint("id", name=op.f("uq_reports_id")),
        sa.UniqueConstraint("sha256", name=op.f("uq_reports_sha256")),
    )
    op.create_index(op.f("ix_reports_published"), "reports", ["published"], unique=False)
    op.create_index(op.f("ix_reports_publisher"), "reports", ["publisher"], unique=False)

    op.create_table(
        "records",
        sa.Column("report_id", sa.String(length=16), nullable=False),
        sa.Column("record", _json(), nullable=False),
        sa.Column("extractor_name", sa.String(length=40), nullable=False),
        sa.Column("extractor_version", sa.String(length=40), nullable=False),
        sa.Column("rules", sa.Text(), nullable=True),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("relevance_score", sa.Float(), nullable=False),
        sa.Column("derived_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_records_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_records")),
    )
    op.create_index(op.f("ix_records_relevant"), "records", ["relevant"], unique=False)

    op.create_table(
        "items",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("report_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("data", _json(), nullable=False),
        sa.Column("review_state", sa.String(length=16), nullable=False),
        sa.Column("edit", _json(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("stale_since", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "review_state IN ('unreviewed', 'accepted', 'edited', 'rejected')",
            name=op.f("ck_items_review_state"),
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_items_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_items")),
    )
    op.create_index("ix_items_report_kind", "items", ["report_id", "kind"], unique=False)
    op.create_index(op.f("ix_items_review_state"), "items", ["review_state"], unique=False)

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("report_id", sa.String(length=16), nullable=True),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("before", _json(), nullable=True),
        sa.Column("after", _json(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_at"), "audit", ["at"], unique=False)
    op.create_index(op.f("ix_audit_key"), "audit", ["key"], unique=False)
    op.create_index(op.f("ix_audit_report_id"), "audit", ["report_id"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_fts_and_guards()
    elif dialect == "postgresql":
        _postgresql_fts_and_guards()


def _sqlite_fts_and_guards() -> None:
    # External-content FTS5 over reports(title, text): the text is stored once, in `reports`;
    # the index follows it by triggers, keyed by the integer `seq` that VACUUM never renumbers.
    # Porter stemming so "worker" finds "workers"; diacritics folded so "Kyiv" ~ "Kyïv".
    op.execute(
        "CREATE VIRTUAL TABLE reports_fts USING fts5("
        "title, text, content='reports', content_rowid='seq', "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN "
        "INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN "
        "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER reports_fts_au AFTER UPDATE OF title, text ON reports BEGIN "
        "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); "
        "INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); "
        "END"
    )
    # The audit log is append-only, whatever code runs against the file.
    op.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN "
        "SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
        "SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )


def _postgresql_fts_and_guards() -> None:
    # Not yet exercised by the tests (no PostgreSQL in CI): the same design on PostgreSQL,
    # a generated tsvector column with a GIN index, title weighted above the body.
    op.execute(
        "ALTER TABLE reports ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('english', text), 'B')) STORED"
    )
    op.execute("CREATE INDEX ix_reports_search ON reports USING gin (search)")
    op.execute(
        "CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit "
        "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in (
            "audit_no_delete",
            "audit_no_update",
            "reports_fts_au",
            "reports_fts_ad",
            "reports_fts_ai",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS reports_fts")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_append_only ON audit")
        op.execute("DROP FUNCTION IF EXISTS audit_append_only()")
    op.drop_table("audit")
    op.drop_table("items")
    op.drop_table("records")
    op.drop_table("reports")
