"""Reviews: what an analyst may change of a claim, and what the views see once they have.

The store keeps the machine's value (`data`) and the analyst's (`edit`) side by side; the
*effective* value of a claim is the edit when there is one. Rejected claims leave every view;
unreviewed ones stay, marked, unless the reviewed-only switch is on. Claims added by hand live
in `manual_claims` (keyed `<report id>:h:<n>`), so re-extraction never marks them stale; every
change to them is in the audit log like any review.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, get_args

from sqlalchemy import func, select

from tumen import model as m
from tumen.errors import InputError
from tumen.store.reviews import KIND_LISTS
from tumen.store.schema import ItemRow, ManualClaimRow, ReportRow, utcnow
from tumen.web.accounts import audit

if TYPE_CHECKING:
    from tumen.web.desk import Desk

PER_PAGE = 50
COUNT_CAP = 10_000  # totals above this read as 10,000+

SPAN_KINDS = ("place", "time", "quantity", "duration", "frequency", "actor")
EVIDENCE_KINDS = ("event", "sanction")


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


# -- reviewing ------------------------------------------------------------------------------


def review(
    desk: Desk, key: str, action: str, *, who: str, form: Mapping[str, str] | None = None
) -> Claim:
    """Accept, reject, edit (fields from `form`) or reset a claim; every change audited."""
    claim = desk.claim(key)
    if action not in ("accept", "reject", "edit", "reset"):
        raise InputError(f"unknown review action {action!r}")
    if claim.manual:
        return _review_manual(desk, claim, action, who=who, form=form or {})
    if action == "accept":
        desk.store.review(key, "accepted", who=who)
    elif action == "reject":
        desk.store.review(key, "rejected", who=who)
    elif action == "reset":
        desk.store.review(key, "unreviewed", who=who)
    else:
        text_ = desk.report_text(claim.report_id)
        edit = apply_form(claim.kind, claim.value, form or {}, text_)
        if edit == claim.machine:
            desk.store.review(key, "accepted", who=who)
        else:
            desk.store.review(key, "edited", who=who, edit=edit)
    return desk.claim(key)


def _review_manual(
    desk: Desk, claim: Claim, action: str, *, who: str, form: Mapping[str, str]
) -> Claim:
    with desk.write() as session:
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
    return desk.claim(claim.key)


def add_claim(desk: Desk, report_id: str, kind: str, form: Mapping[str, str], *, who: str) -> Claim:
    """An analyst's own claim, from the fields of `form` (its span is required)."""
    if kind not in KIND_LISTS:
        raise InputError(f"kind must be one of {', '.join(KIND_LISTS)}, not {kind!r}")
    text_ = desk.report_text(report_id)
    if not form.get("span_start") or not form.get("span_end"):
        raise InputError("select the words the claim rests on (its span)")
    data = apply_form(kind, dict(BLANK[kind]), form, text_)
    span = _span_of(kind, data)
    with desk.write() as session:
        n = int(
            session.scalar(select(func.count()).where(ManualClaimRow.report_id == report_id)) or 0
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
    return desk.claim(key)


def review_queue(
    desk: Desk,
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
    with desk.read() as session:
        total = int(
            session.scalar(select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery()))
            or 0
        )
        # Keys start with the report id, so key order groups a report's claims, and the
        # primary key's index serves it without sorting the whole table.
        rows = session.scalars(
            query.order_by(ItemRow.key).limit(per_page).offset((max(page, 1) - 1) * per_page)
        )
        return [_claim_of_item(r) for r in rows], total
