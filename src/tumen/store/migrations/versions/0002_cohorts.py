"""The dispatch model: report facts, sketches and links; programmes, cohorts, claim links,
claim clusters, and the analyst's programme operations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Frozen like 0001: the tables are spelt out here, not imported from `tumen.cohorts.tables`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _report_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["reports.id"], name=op.f(f"fk_{table}_{column}_reports"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "report_facts",
        sa.Column("report_id", sa.String(length=16), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("facts", _json(), nullable=False),
        sa.Column("derived_at", sa.DateTime(), nullable=False),
        _report_fk("report_facts", "report_id"),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_report_facts")),
    )
    op.create_index(op.f("ix_report_facts_published"), "report_facts", ["published"])

    op.create_table(
        "report_sketches",
        sa.Column("report_id", sa.String(length=16), nullable=False),
        sa.Column("hash", sa.Integer(), autoincrement=False, nullable=False),
        _report_fk("report_sketches", "report_id"),
        sa.PrimaryKeyConstraint("report_id", "hash", name=op.f("pk_report_sketches")),
    )
    op.create_index("ix_report_sketches_hash", "report_sketches", ["hash"])

    op.create_table(
        "report_links",
        sa.Column("source_id", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        _report_fk("report_links", "source_id"),
        _report_fk("report_links", "target_id"),
        sa.PrimaryKeyConstraint("source_id", "target_id", "kind", name=op.f("pk_report_links")),
    )

    op.create_table(
        "programmes",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("destination", sa.String(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programmes")),
    )

    op.create_table(
        "cohorts",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("programme_id", sa.String(length=80), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("size_min", sa.Float(), nullable=True),
        sa.Column("size_max", sa.Float(), nullable=True),
        sa.Column("data", _json(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_cohorts_programme_id_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohorts")),
    )
    op.create_index(op.f("ix_cohorts_programme_id"), "cohorts", ["programme_id"])

    op.create_table(
        "cohort_links",
        sa.Column("claim_key", sa.String(length=200), nullable=False),
        sa.Column("programme_id", sa.String(length=80), nullable=False),
        sa.Column("cohort_id", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("claim_key", name=op.f("pk_cohort_links")),
    )
    op.create_index(op.f("ix_cohort_links_programme_id"), "cohort_links", ["programme_id"])
    op.create_index(op.f("ix_cohort_links_cohort_id"), "cohort_links", ["cohort_id"])

    op.create_table(
        "claim_clusters",
        sa.Column("id", sa.String(length=140), nullable=False),
        sa.Column("cohort_id", sa.String(length=100), nullable=False),
        sa.Column("slot", sa.String(length=20), nullable=False),
        sa.Column("contradiction", sa.Boolean(), nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_clusters")),
    )
    op.create_index(op.f("ix_claim_clusters_cohort_id"), "claim_clusters", ["cohort_id"])
    op.create_index(op.f("ix_claim_clusters_contradiction"), "claim_clusters", ["contradiction"])

    op.create_table(
        "programme_ops",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op", sa.String(length=16), nullable=False),
        sa.Column("programme", sa.String(length=80), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("into", sa.String(length=80), nullable=True),
        sa.Column("at", sa.String(length=10), nullable=True),
        sa.Column("who", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_programme_ops")),
    )


def downgrade() -> None:
    for table in (
        "programme_ops",
        "claim_clusters",
        "cohort_links",
        "cohorts",
        "programmes",
        "report_links",
        "report_sketches",
        "report_facts",
    ):
        op.drop_table(table)
