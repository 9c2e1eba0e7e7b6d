"""Sensitive details: marks on a person, a claim or a span, and what viewers and exports see.

Marks (a person's name, a claim, a span of text) are redacted, for viewers and in every export,
by replacing each code point with a block, so the offsets of everything else hold; claims that
touch a redacted span lose their names and coordinates. A record's redacted form depends only
on that record and the marks, so it is worked out per report and kept until either changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tumen.errors import InputError, StoreError
from tumen.model import Record
from tumen.store.schema import SENSITIVE_KINDS, SensitiveRow, utcnow
from tumen.web.accounts import audit
from tumen.web.review import EVIDENCE_KINDS, KIND_LISTS, Claim
from tumen.web.text import merge_spans, name_spans, overlaps, redact

if TYPE_CHECKING:
    from tumen.web.desk import Desk

REDACTED_VALUE = "[redacted]"


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


# -- marks ----------------------------------------------------------------------------------


def marks_of(session: Session, report_id: str | None) -> list[Mark]:
    query = select(SensitiveRow).order_by(SensitiveRow.id)
    if report_id is not None:
        query = query.where((SensitiveRow.report_id == report_id) | (SensitiveRow.kind == "person"))
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


def mark_sensitive(
    desk: Desk,
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
        report_id = desk.claim(key).report_id
        name, span = None, None
    else:
        if report_id is None or span is None:
            raise InputError("give the report and the span of the detail")
        length = len(desk.report_text(report_id))
        if not 0 <= span[0] < span[1] <= length:
            raise InputError(f"span {span} is outside the report (0-{length})")
        name, key = None, None
    with desk.write() as session:
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


def unmark_sensitive(desk: Desk, mark_id: int, *, who: str) -> None:
    with desk.write() as session:
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


# -- redaction ------------------------------------------------------------------------------


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


# A report's record as viewers see it, by report id: (the record it was made from, the marks
# that applied, the redacted record). Kept until the record (a new object whenever its report
# changes) or the marks that concern it change, so a write redacts one report, not all.
_REDACTED: dict[str, tuple[Record, tuple[Mark, ...], Record]] = {}


def redacted_record(desk: Desk, record: Record, marks: tuple[Mark, ...]) -> Record:
    """`record` with every sensitive detail of its report blanked (see `sensitive_spans`)."""
    rid = record.report.id
    relevant = tuple(mk for mk in marks if mk.kind == "person" or mk.report_id == rid)
    entry = _REDACTED.get(rid)
    if entry is not None and entry[0] is record and entry[1] == relevant:
        return entry[2]
    out = _redact(desk, record, relevant)
    _REDACTED[rid] = (record, relevant, out)
    return out


def _redact(desk: Desk, record: Record, marks: tuple[Mark, ...]) -> Record:
    if not marks:
        return record
    persons = _person_names(list(marks))
    claims = [desk.claim(mk.key) for mk in marks if mk.kind == "item" and mk.key]
    spans = sensitive_spans(record.report.text, claims, list(marks))
    if not spans:
        return record
    data = record.to_dict()
    text = redact(record.report.text, spans)
    data = redact_record(data, text, spans)
    data["report"] = {**data["report"], "text": text}
    if record.report.title:
        data["report"]["title"] = redact(
            record.report.title, name_spans(record.report.title, persons)
        )
    return Record.from_dict(data)
