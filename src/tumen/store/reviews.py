"""Reviews applied to a stored record: the *effective* record every view over the evidence reads.

The store keeps the machine's value of a claim (`items.data`) and the analyst's correction
(`items.edit`) side by side, and claims added by hand in `manual_claims`. What an analyst sees in
the cohort table, on the map and on the timeline is the record with those reviews applied:
rejected claims gone, edits in place of the machine's values, hand-made claims added. This lives
in the store (not in the web app) because the store's own dispatch model (`tumen.cohorts.store`,
`tumen cohorts`) follows the reviews too, and the two must read the very same facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from tumen import model as m
from tumen.ids import sanction_key
from tumen.store.repository import record_of
from tumen.store.schema import ItemRow, ManualClaimRow, RecordRow, ReportRow

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
# Review states that change what a claim says (an accept keeps the machine's value).
CHANGING = ("rejected", "edited")
_CHUNK = 500


class HandClaim(Protocol):
    """A claim added by hand, as much of it as the effective record needs."""

    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def review_state(self) -> str: ...
    @property
    def value(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class StoredHandClaim:
    """A `manual_claims` row as `HandClaim`."""

    key: str
    kind: str
    review_state: str
    value: dict[str, Any]


def effective_record(
    data: dict[str, Any],
    report_id: str,
    reviews: Mapping[str, tuple[str, Any]],
    manual: Sequence[HandClaim],
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
            if edits_are_values and value is not None:
                item = value
            elif state == "edited" and value is not None:
                # The stored edit over the machine's value: an edit made in the web app holds
                # every field, one made through the store's API may name only those it changes.
                item = {**item, **value}
            items.append(item)
        for claim in manual:
            if claim.kind == kind and claim.review_state != "rejected":
                items.append(claim.value)
        for item in items:
            if item.get("id"):
                kept_ids.add(item["id"])
        out[list_name] = items
    for i, event in enumerate(out["events"]):
        if any(p not in kept_ids for p in event.get("places", [])) or any(
            event.get(f) and event[f] not in kept_ids for f in ("time", "workers", "duration")
        ):
            event = out["events"][i] = dict(event)
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


def review_print(
    reviews: Mapping[str, tuple[str, Any]], manual: Sequence[HandClaim]
) -> tuple[Any, ...]:
    """What of a report's reviews its effective record (all claims not rejected) depends on:
    its rejected and edited claims and its hand-made ones. Equal for equal effective records,
    whoever reads the reviews (the store or the web app's memory)."""
    return (
        tuple(sorted((k, s, e) for k, (s, e) in reviews.items() if s in CHANGING)),
        tuple((c.key, c.kind, c.review_state, c.value) for c in manual),
    )


@dataclass(slots=True)
class ReviewState:
    """One report's reviews (claim key -> (state, stored edit); as read by `changed_reviews`,
    only those that change a claim, `CHANGING`) and its hand-made claims."""

    reviews: dict[str, tuple[str, Any]]
    manual: list[HandClaim]

    def print(self) -> tuple[Any, ...]:
        return review_print(self.reviews, self.manual)


def changed_reviews(session: Session) -> dict[str, ReviewState]:
    """The reports whose effective record differs from the machine's (a claim rejected or
    edited, or claims added by hand), with those reviews. Indexed reads of the few reviewed
    rows, never of every item."""
    out: dict[str, ReviewState] = {}
    for key, rid, state, edit in session.execute(
        select(ItemRow.key, ItemRow.report_id, ItemRow.review_state, ItemRow.edit).where(
            ItemRow.review_state.in_(CHANGING)
        )
    ):
        out.setdefault(rid, ReviewState({}, [])).reviews[key] = (state, edit)
    for row in session.scalars(select(ManualClaimRow).order_by(ManualClaimRow.key)):
        out.setdefault(row.report_id, ReviewState({}, [])).manual.append(
            StoredHandClaim(row.key, row.kind, row.review_state, row.data)
        )
    return out


def reviewed_records(
    session: Session,
    states: Mapping[str, ReviewState],
    ids: Iterable[str],
    *,
    reviewed_only: bool = False,
) -> dict[str, m.Record]:
    """The effective records of these reports (`states` holds the reviews of each): every
    claim not rejected; with `reviewed_only`, only the reviewed and hand-made ones."""
    wanted = sorted(ids)
    out: dict[str, m.Record] = {}
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at : at + _CHUNK]
        query = select(ReportRow, RecordRow).join(RecordRow, RecordRow.report_id == ReportRow.id)
        for report, record in session.execute(query.where(ReportRow.id.in_(chunk))):
            state = states[report.id]
            data = effective_record(
                dict(record.record),
                report.id,
                state.reviews,
                state.manual,
                reviewed_only=reviewed_only,
                edits_are_values=False,
            )
            out[report.id] = record_of(report, data)
    return out
