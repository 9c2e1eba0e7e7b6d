"""The dispatch model's tables, on the store's declarative base (migration 0002_cohorts).

`report_facts`, `report_sketches` and `report_links` are derived from each report alone (and
its near duplicates); `programmes`, `cohorts`, `cohort_links` and `claim_clusters` are the
materialised model of every stored report (grades set in the web app live in the store's
`source_grades`); `programme_ops` holds the
analyst's renames, merges and splits, which are never derived and survive `tumen rebuild`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tumen.store.schema import Base


class ReportFactsRow(Base):
    """What the model needs of one report (`tumen.cohorts.facts.ReportFacts` as JSON)."""

    __tablename__ = "report_facts"

    report_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    published: Mapped[date | None] = mapped_column(Date, index=True)
    outlet: Mapped[str] = mapped_column(String(200))
    facts: Mapped[dict[str, Any]]
    derived_at: Mapped[datetime]


class ReportSketchRow(Base):
    """One shingle hash of a report's sketch: the index that finds reprint candidates."""

    __tablename__ = "report_sketches"
    __table_args__ = (Index("ix_report_sketches_hash", "hash"),)

    report_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    hash: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class ReportLinkRow(Base):
    """Report `source_id` reprints (kind `reprint`) report `target_id`. Citation links are
    recomputed with the model (they depend on which reports are in view)."""

    __tablename__ = "report_links"

    source_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    target_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    score: Mapped[float | None] = mapped_column(Float)


class ProgrammeRow(Base):
    __tablename__ = "programmes"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(8))
    destination: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    data: Mapped[dict[str, Any]]


class CohortRow(Base):
    __tablename__ = "cohorts"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    programme_id: Mapped[str] = mapped_column(
        String(80), ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(80))
    round: Mapped[int | None] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    size_min: Mapped[float | None] = mapped_column(Float)
    size_max: Mapped[float | None] = mapped_column(Float)
    data: Mapped[dict[str, Any]]


class CohortLinkRow(Base):
    """A claim (event key) linked to a programme and, when it has one, a cohort."""

    __tablename__ = "cohort_links"

    claim_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    programme_id: Mapped[str] = mapped_column(String(80), index=True)
    cohort_id: Mapped[str | None] = mapped_column(String(100), index=True)


class ClaimClusterRow(Base):
    """Claims about one cohort and slot, with their sides (a contradiction has two or more)."""

    __tablename__ = "claim_clusters"

    id: Mapped[str] = mapped_column(String(140), primary_key=True)  # cohort id + "#" + slot
    cohort_id: Mapped[str] = mapped_column(String(100), index=True)
    slot: Mapped[str] = mapped_column(String(20))
    contradiction: Mapped[bool] = mapped_column(Boolean, index=True)
    data: Mapped[dict[str, Any]]


class ProgrammeOpRow(Base):
    """An analyst's operation on programmes, replayed in order after every build."""

    __tablename__ = "programme_ops"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op: Mapped[str] = mapped_column(String(16))
    programme: Mapped[str] = mapped_column(String(80))
    name: Mapped[str | None] = mapped_column(Text)
    into: Mapped[str | None] = mapped_column(String(80))
    at: Mapped[str | None] = mapped_column(String(10))
    who: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
