"""How claims read on a page: one-line summaries, and what hovering an item shows."""

from __future__ import annotations

from typing import Any

from tumen.web.desk import EVIDENCE_KINDS, Claim, ReportView
from tumen.web.text import Utf16Map


def _num(value: Any) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def summary(kind: str, value: dict[str, Any]) -> str:
    """The normalised value of a claim in a few words."""
    v = value
    if kind == "place":
        where = ", ".join(x for x in (v.get("admin1"), v.get("country")) if x)
        return (
            f"{v.get('name')}{f' ({where})' if where else ''} · {v.get('role')} · {v.get('kind')}"
        )
    if kind == "time":
        start, end = v.get("start"), v.get("end")
        span = start if start == end else f"{start or '?'} – {end or '?'}"
        if not start and not end:
            span = "unresolved"
        return f"{v.get('relation')} {span} · precision {v.get('precision')} · {v.get('anchor')}"
    if kind == "quantity":
        lo, hi = v.get("min"), v.get("max")
        amount = _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"
        extra = " ".join(
            x for x in (v.get("currency"), f"per {v['per']}" if v.get("per") else None) if x
        )
        approx = "about " if v.get("approximate") else ""
        return f"{approx}{amount} {v.get('unit')}{f' {extra}' if extra else ''}"
    if kind == "duration":
        return f"{_num(v.get('min_days'))}–{_num(v.get('max_days'))} days"
    if kind == "frequency":
        return f"{_num(v.get('times'))} times per {_num(v.get('per_days'))} days"
    if kind == "actor":
        return f"{v.get('name')} · {v.get('kind')}" + (
            f" ({v['country']})" if v.get("country") else ""
        )
    if kind == "event":
        rnd = f" round {v['round']}" if v.get("round") else ""
        return f"{v.get('type')}{rnd} · {v.get('status')} · {v.get('certainty')}"
    if kind == "sanction":
        prov = f" {v['provision']}" if v.get("provision") else ""
        return f"{v.get('instrument')}{prov} · {v.get('relation')}"
    return str(v)


def mention(claim: Claim) -> str:
    value = claim.value
    if claim.kind in EVIDENCE_KINDS:
        evidence = value.get("evidence") or []
        return str(evidence[0]["text"]) if evidence else ""
    return str(value.get("mention") or "")


def highlight_data(view: ReportView) -> list[dict[str, Any]]:
    """What the report page's script needs for each claim: UTF-16 offsets (the browser's
    string units, converted from the store's code points), kind, state, and what to show on
    hover: the normalised value, the claim's events with attribution and certainty, the rule."""
    to16 = Utf16Map(view.text)
    events = [c for c in view.claims if c.kind == "event" and not c.stale]
    local_events: dict[str, list[Claim]] = {}
    for event in events:
        v = event.value
        for ref in [*(v.get("places") or []), v.get("time"), v.get("workers"), v.get("duration")]:
            if ref:
                local_events.setdefault(ref, []).append(event)
    rules = view.rules
    out: list[dict[str, Any]] = []
    for claim in view.claims:
        if claim.stale or claim.review_state == "rejected":
            continue
        value = claim.value
        spans: list[list[int]] = []
        if claim.kind in EVIDENCE_KINDS:
            spans = [list(e["span"]) for e in value.get("evidence") or [] if e.get("span")]
        elif value.get("span"):
            spans = [list(value["span"])]
        if not spans:
            continue
        related = [claim] if claim.kind == "event" else local_events.get(value.get("id", ""), [])
        info_events = [
            {
                "key": e.key,
                "summary": summary("event", e.value),
                "attribution": _attribution(e.value),
                "certainty": e.value.get("certainty"),
                "certainty_cue": e.value.get("certainty_cue"),
                "rule": e.value.get("cue"),
            }
            for e in related
        ]
        out.append(
            {
                "key": claim.key,
                "kind": claim.kind,
                "spans16": [[to16(s), to16(e)] for s, e in spans],
                "spans": spans,
                "state": claim.review_state,
                "manual": claim.manual,
                "sensitive": claim.sensitive,
                "summary": summary(claim.kind, value),
                "mention": mention(claim),
                "events": info_events,
                "rule": (value.get("cue") if claim.kind == "event" else None)
                or ("added by hand" if claim.manual else f"extractor rules {rules or '-'}"),
            }
        )
    return out


def _attribution(event: dict[str, Any]) -> str:
    a = event.get("attribution") or {}
    who = a.get("mention")
    return f"{a.get('kind')}{f': {who}' if who else ''}"


def value_text(value: Any) -> str:
    """A value of the cohort model in words: ranges, date intervals, routes."""
    if isinstance(value, dict):
        if "min" in value or "max" in value:
            lo, hi = value.get("min"), value.get("max")
            return _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"
        if "start" in value or "end" in value:
            start, end = value.get("start"), value.get("end")
            return str(start) if start == end else f"{start or '…'} – {end or '…'}"
        return ", ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return " → ".join(value_text(v) for v in value)
    return "–" if value is None else str(value)
