"""What the views over every report read of the store, kept in process memory.

Every write to the evidence appends an audit row (`report.*`, `item.*`, `claim.*`,
`sensitive.*`, `grade.set`, `programme.*`), so the newest audit id is a cheap version counter of
the store. `Live.refresh` reads that counter; when it moved, it reads only the audit rows since
the last one it saw and reloads what those rows touched: per report (its stamp, its reviews,
its hand-made claims, its stored dispatch facts) for rows naming a report, and the small global
tables (grades, programme operations, sensitive marks, reprint links) when a row says they may
have changed. A write therefore costs the views a few indexed queries about one report, never a
re-read of 10,000 reports' facts or review lists.

`per_report` builds on the stamps: a value worked out per report (its effective record, its
facts after reviews, its share of the map) is kept until that report's stamp changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tumen import model as m
from tumen.cohorts.results import Link
from tumen.cohorts.store import current_facts, facts_url, grades_of, links_of, overrides_of
from tumen.store.reviews import ReviewState, reviewed_records
from tumen.store.schema import AuditRow, ItemRow, ManualClaimRow
from tumen.web.redaction import Mark, marks_of
from tumen.web.review import Claim, _claim_of_manual

if TYPE_CHECKING:
    from tumen.web.desk import Desk

_CHUNK = 500
# On PostgreSQL a transaction can commit an audit row with a lower id after a higher one was
# read (sequences are not transactional); the last REPLAY rows are read again at every
# refresh, which is idempotent. SQLite serialises writers, so ids commit in order there.
REPLAY = 64
_GLOBAL_ACTIONS = ("grade.", "programme.", "sensitive.")


class Unreviewed:
    """The claims not yet reviewed: every machine claim but the reviewed ones (claims added by
    hand, `<report>:h:<n>`, are an analyst's own and never wait)."""

    __slots__ = ("reviewed",)

    def __init__(self, reviewed: frozenset[str]) -> None:
        self.reviewed = reviewed

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key not in self.reviewed and ":h:" not in key


class Live:
    """The store as the views need it, in memory, versioned by the newest audit id."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.seen = -1  # the newest audit id applied
        self.stamps: dict[str, int] = {}  # report id -> its newest audit id
        # report id -> {claim key: (state, stored edit)} of its reviewed machine claims
        self.reviews: dict[str, dict[str, tuple[str, Any]]] = {}
        self.manual: dict[str, list[Claim]] = {}  # report id -> claims added by hand
        self.facts: dict[str, Any] = {}  # report id -> its stored dispatch facts, if current
        self.changed: frozenset[str] = frozenset()
        self.unreviewed = Unreviewed(frozenset())
        self.marks: tuple[Mark, ...] = ()
        self.links: tuple[Link, ...] = ()  # reprint links
        self.overrides: tuple[Any, ...] = ()
        self.grades: Any = None
        self.url = ""  # the database's key in the cohort model's caches of facts
        self._memo: dict[tuple[str, bool], dict[str, tuple[int, Any]]] = {}
        self._lock = threading.RLock()

    # -- keeping up with the store ---------------------------------------------------------

    def refresh(self) -> int:
        """Apply the audit rows written since the last call; returns the newest audit id."""
        with self._lock, self.desk.read() as session:
            top = int(session.scalar(select(func.max(AuditRow.id))) or 0)
            if top == self.seen:
                return top
            if self.seen < 0 or top < self.seen:  # first use, or another database
                self._load_all(session)
            else:
                since = self.seen - (REPLAY if self.desk.dialect != "sqlite" else 0)
                rows = session.execute(
                    select(AuditRow.id, AuditRow.report_id, AuditRow.action).where(
                        AuditRow.id > since
                    )
                ).all()
                touched: dict[str, int] = {}
                for n, rid, _ in rows:
                    if rid is not None:
                        touched[rid] = max(n, touched.get(rid, 0))
                for rid, n in touched.items():
                    self.stamps[rid] = max(n, self.stamps.get(rid, 0))
                self._load_reports(session, sorted(touched))
                # A review changes none of the small tables (reprint links come from the texts):
                # only an add or a re-derivation (report.*, item.* but reviews) can.
                derived = any(
                    a.startswith(("report.", "item.")) and a != "item.reviewed" for _, _, a in rows
                )
                glob = any(rid is None or a.startswith(_GLOBAL_ACTIONS) for _, rid, a in rows)
                if derived or glob:
                    self._load_tables(session)
                self._settle()
            self.seen = top
            return top

    def _load_all(self, session: Session) -> None:
        self.url = facts_url(session)
        self.stamps = {
            rid: int(n)
            for rid, n in session.execute(
                select(AuditRow.report_id, func.max(AuditRow.id))
                .where(AuditRow.report_id.is_not(None))
                .group_by(AuditRow.report_id)
            )
            if rid is not None
        }
        self.reviews, self.manual, self.facts = {}, {}, {}
        for key, rid, state, edit in session.execute(
            select(ItemRow.key, ItemRow.report_id, ItemRow.review_state, ItemRow.edit).where(
                ItemRow.review_state != "unreviewed"
            )
        ):
            self.reviews.setdefault(rid, {})[key] = (state, edit)
        for row in session.scalars(select(ManualClaimRow).order_by(ManualClaimRow.key)):
            self.manual.setdefault(row.report_id, []).append(_claim_of_manual(row))
        self.facts = current_facts(session)
        self._load_tables(session)
        self._settle()

    def _load_reports(self, session: Session, ids: list[str]) -> None:
        for at in range(0, len(ids), _CHUNK):
            chunk = ids[at : at + _CHUNK]
            for rid in chunk:
                self.reviews.pop(rid, None)
                self.manual.pop(rid, None)
                self.facts.pop(rid, None)
            for key, rid, state, edit in session.execute(
                select(ItemRow.key, ItemRow.report_id, ItemRow.review_state, ItemRow.edit).where(
                    ItemRow.review_state != "unreviewed", ItemRow.report_id.in_(chunk)
                )
            ):
                self.reviews.setdefault(rid, {})[key] = (state, edit)
            for row in session.scalars(
                select(ManualClaimRow)
                .where(ManualClaimRow.report_id.in_(chunk))
                .order_by(ManualClaimRow.key)
            ):
                self.manual.setdefault(row.report_id, []).append(_claim_of_manual(row))
            self.facts.update(current_facts(session, chunk))

    def _load_tables(self, session: Session) -> None:
        self.marks = tuple(marks_of(session, None))
        self.grades = grades_of(session)
        self.links = tuple(links_of(session))
        self.overrides = tuple(overrides_of(session))

    def _settle(self) -> None:
        """The summaries of the per-report state: reports whose effective record differs
        from the machine's (a claim rejected or edited, or one added by hand: an accept
        changes no value), and the reviewed keys."""
        changed = {
            rid
            for rid, reviews in self.reviews.items()
            if any(state in ("rejected", "edited") for state, _ in reviews.values())
        }
        changed.update(rid for rid, claims in self.manual.items() if claims)
        self.changed = frozenset(changed)
        self.unreviewed = Unreviewed(
            frozenset(k for reviews in self.reviews.values() for k in reviews)
        )

    # -- values per report -----------------------------------------------------------------

    def per_report(
        self, name: str, reviewed_only: bool, build: Callable[[list[str]], dict[str, Any]]
    ) -> dict[str, Any]:
        """`build(ids)` for the reports whose stamp changed since last time; the rest from
        memory. So after one review only that report is worked out again, not 10,000."""
        self.refresh()
        with self._lock:
            stamps = dict(self.stamps)
            memo = self._memo.setdefault((name, reviewed_only), {})
            stale = [rid for rid, stamp in stamps.items() if memo.get(rid, (None,))[0] != stamp]
        fresh = build(stale) if stale else {}
        with self._lock:
            for rid in stale:
                memo[rid] = (stamps[rid], fresh.get(rid))
            for rid in set(memo) - set(stamps):  # deleted reports
                del memo[rid]
            return {rid: memo[rid][1] for rid in sorted(stamps) if memo[rid][1] is not None}

    def effective(self, ids: Iterable[str], reviewed_only: bool) -> dict[str, m.Record]:
        """The effective records of these reports (reviews applied, rejected claims dropped,
        hand-made claims in); with `reviewed_only`, only of reports with reviewed claims."""
        with self._lock:
            states = {
                rid: ReviewState(self.reviews.get(rid, {}), list(self.manual.get(rid, [])))
                for rid in ids
            }
        wanted = [
            rid
            for rid, state in states.items()
            if not reviewed_only or state.reviews or state.manual
        ]
        if not wanted:
            return {}
        with self.desk.read() as session:
            return reviewed_records(session, states, wanted, reviewed_only=reviewed_only)

    def records(self, reviewed_only: bool) -> dict[str, m.Record]:
        """Every report's effective record, by id, each worked out once per change."""
        return self.per_report(
            "records", reviewed_only, lambda ids: self.effective(ids, reviewed_only)
        )
