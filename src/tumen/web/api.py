"""The JSON API under /api/: the same data and permissions as the pages.

Viewers read (sensitive details redacted); analysts review, add claims and reports and mark
details sensitive; admins also manage users, tokens and source grades. Every error has the
shape {"error": {"status", "code", "message"}}. OpenAPI: /api/openapi.json (docs: /api/docs).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from tumen.web import accounts
from tumen.web.desk import Desk
from tumen.web.views import (
    _viewer_records,
    cohorts_json,
    cohorts_view,
    encode_json,
    map_view,
    timeline_view,
)

# The OpenAPI description of a view sent as pre-encoded bytes: still a JSON object.
_OBJECT: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/json": {"schema": {"type": "object"}}}}
}


class NewReport(BaseModel):
    text: str = Field(description="The report's text, as published.")
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")


class ReviewBody(BaseModel):
    action: Literal["accept", "reject", "edit", "reset"]
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="For `edit`: field -> new value (see EDITABLE in docs/web.md); "
        "`span_start`/`span_end` (code points) move the span or first evidence.",
    )


class NewClaim(BaseModel):
    kind: Literal[
        "place", "time", "quantity", "duration", "frequency", "actor", "event", "sanction"
    ]
    fields: dict[str, str] = Field(
        description="The claim's fields; `span_start` and `span_end` (code points) required."
    )


class NewMark(BaseModel):
    kind: Literal["person", "item", "span"]
    name: str | None = Field(None, description="person: the name, redacted in every report")
    key: str | None = Field(None, description="item: the claim's key")
    report_id: str | None = Field(None, description="span: the report")
    span: tuple[int, int] | None = Field(None, description="span: code-point offsets")
    note: str | None = None


class NewUser(BaseModel):
    name: str
    role: Literal["viewer", "analyst", "admin"]
    password: str


class UserChange(BaseModel):
    role: Literal["viewer", "analyst", "admin"] | None = None
    active: bool | None = None
    password: str | None = None


class NewToken(BaseModel):
    user: str
    name: str = "token"


class GradeBody(BaseModel):
    grade: Literal["A", "B", "C", "D", "E", "F"]
    note: str | None = None


def add_api(
    app: FastAPI,
    desk: Desk,
    *,
    need: Callable[..., Any],
    json_of: Callable[..., Any],
    flag: Callable[[str | None], bool],
    page_of: Callable[[str | None], int],
) -> None:
    store = desk.store

    def csrf(request: Request, auth: Any) -> None:
        # The body is parsed by FastAPI; only the header check of `json_of` is wanted here.
        from tumen.web.app import ApiError

        if auth.csrf is not None:
            import hmac

            token = request.headers.get("x-csrf-token") or ""
            if not hmac.compare_digest(token, auth.csrf):
                raise ApiError(403, "csrf", "an API write with a session cookie needs X-CSRF-Token")

    # -- reading -------------------------------------------------------------------------

    @app.get("/api/me", tags=["account"])
    def me(request: Request) -> dict[str, Any]:
        """Who the caller is."""
        auth = need(request)
        return {"user": auth.user.to_dict(), "csrf": auth.csrf}

    @app.get("/api/reports", tags=["reports"])
    def list_reports(
        request: Request,
        q: str = "",
        publisher: str = "",
        date_from: str = "",
        date_to: str = "",
        relevant: Literal["", "yes", "no"] = "",
        page: str = "1",
    ) -> dict[str, Any]:
        """Reports, by full-text search (`q`) and filters, 50 a page."""
        auth = need(request)
        rows, total = desk.list_reports(
            query=q,
            publisher=publisher,
            date_from=date_from,
            date_to=date_to,
            relevant=relevant,
            page=page_of(page),
        )
        redact_titles = not auth.user.can("analyst") and desk.marks()
        items = []
        for r in rows:
            title = r.title
            if redact_titles and title:
                title = desk.report_view(r.id, redacted=True).title
            items.append(
                {
                    "id": r.id,
                    "title": title,
                    "publisher": r.publisher,
                    "published": r.published,
                    "relevant": r.relevant,
                    "chars": r.chars,
                    "snippet": None if redact_titles else r.snippet,
                }
            )
        return {"total": total, "page": page_of(page), "reports": items}

    @app.post("/api/reports", status_code=201, tags=["reports"])
    def add_report(request: Request, body: NewReport) -> dict[str, Any]:
        """Store a report and extract it (analyst)."""
        auth = need(request, "analyst")
        csrf(request, auth)
        rid, status = desk.add_report(
            body.text,
            who=auth.user.who,
            title=body.title,
            publisher=body.publisher,
            url=body.url,
            published=body.published,
        )
        return {"id": rid, "status": status}

    @app.get("/api/reports/{rid}", tags=["reports"])
    def get_report(request: Request, rid: str) -> dict[str, Any]:
        """A report's text and claims with review states (redacted for viewers)."""
        auth = need(request)
        view = desk.report_view(rid, redacted=not auth.user.can("analyst"))
        return {
            "report": {**view.meta(), "text": view.text},
            "claims": [c.to_dict() for c in view.claims],
        }

    @app.get("/api/reports/{rid}/record", tags=["reports", "export"])
    def get_record(request: Request, rid: str, reviewed_only: str = "") -> dict[str, Any]:
        """The report's effective record (`tumen.extraction/1`, reviews applied). An export:
        sensitive details are always redacted."""
        need(request)
        rid = store.resolve_id(rid)
        records = _viewer_records(desk, flag(reviewed_only), redacted=True)
        for record in records:
            if record.report.id == rid:
                return record.to_dict()
        return {"report": {"id": rid}, "note": "no claims pass the reviewed-only switch"}

    @app.get("/api/export.jsonl", tags=["export"])
    def export(request: Request, reviewed_only: str = "") -> StreamingResponse:
        """Every effective record as JSON Lines; sensitive details always redacted."""
        need(request)
        records = _viewer_records(desk, flag(reviewed_only), redacted=True)

        def lines() -> Iterator[str]:
            for record in records:
                yield json.dumps(record.to_dict(), ensure_ascii=False) + "\n"

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    @app.get("/api/review", tags=["review"])
    def review_queue(
        request: Request,
        state: str = "unreviewed",
        kind: str = "",
        report: str = "",
        page: str = "1",
    ) -> dict[str, Any]:
        """Claims in a review state (default: waiting for an analyst)."""
        auth = need(request)
        from tumen.web.app import _redact_claims

        claims, total = desk.review_queue(state=state, kind=kind, report=report, page=page_of(page))
        claims = _redact_claims(desk, claims, auth)
        return {"total": total, "claims": [c.to_dict() for c in claims]}

    @app.get("/api/claims/{key:path}/audit", tags=["review"])
    def claim_audit(request: Request, key: str) -> dict[str, Any]:
        """The audit log of a claim: who, when, before, after."""
        auth = need(request)
        claim = desk.claim(key)
        log = desk.audit_log(key)
        if not auth.user.can("analyst"):
            view = desk.report_view(claim.report_id, redacted=True)
            if any(c.key == key and c.sensitive for c in view.claims):
                log = [{**e, "before": "[redacted]", "after": "[redacted]"} for e in log]
        return {"key": key, "audit": log}

    @app.post("/api/claims/{key:path}/review", tags=["review"])
    def review_claim(request: Request, key: str, body: ReviewBody) -> dict[str, Any]:
        """Accept, reject, edit or reset a claim (analyst). Audited."""
        auth = need(request, "analyst")
        csrf(request, auth)
        claim = desk.review(key, body.action, who=auth.user.who, form=body.fields)
        return claim.to_dict()

    @app.get("/api/claims/{key:path}", tags=["review"])
    def get_claim(request: Request, key: str) -> dict[str, Any]:
        """One claim: machine value, effective value, review state."""
        auth = need(request)
        claim = desk.claim(key)
        if not auth.user.can("analyst"):
            view = desk.report_view(claim.report_id, redacted=True)
            claim = next((c for c in view.claims if c.key == key), claim)
        return claim.to_dict()

    @app.post("/api/reports/{rid}/claims", status_code=201, tags=["review"])
    def add_claim(request: Request, rid: str, body: NewClaim) -> dict[str, Any]:
        """Add a claim by hand (analyst). Audited; never marked stale by re-extraction."""
        auth = need(request, "analyst")
        csrf(request, auth)
        claim = desk.add_claim(store.resolve_id(rid), body.kind, body.fields, who=auth.user.who)
        return claim.to_dict()

    # The views over every report are sent as bytes encoded once per store version (and, for
    # the cohorts, once per model), not through FastAPI's generic encoder at each request.
    @app.get("/api/cohorts", tags=["model"], response_class=Response, responses=_OBJECT)
    def cohorts(request: Request, as_of: str = "", reviewed_only: str = "") -> Response:
        """The dispatch model as of a day (`tumen cohorts --format json`, plus conflicts)."""
        need(request)
        body = cohorts_json(desk, as_of=as_of or None, reviewed_only=flag(reviewed_only))
        return Response(body, media_type="application/json")

    @app.get("/api/conflicts", tags=["model"])
    def conflicts(request: Request, as_of: str = "", reviewed_only: str = "") -> dict[str, Any]:
        """Contradicting claims, both sides cited."""
        need(request)
        data = cohorts_view(desk, as_of=as_of or None, reviewed_only=flag(reviewed_only))
        return {"as_of": as_of or None, "conflicts": data.get("conflicts", [])}

    @app.get("/api/map", tags=["model"], response_class=Response, responses=_OBJECT)
    def map_data(request: Request, report: str = "", reviewed_only: str = "") -> Response:
        """Places (with evidence) and route legs as GeoJSON."""
        auth = need(request)
        rid = store.resolve_id(report) if report else None
        args = (rid, flag(reviewed_only), not auth.user.can("analyst"))
        body = desk.cached(
            "map.json",
            args,
            lambda: encode_json(
                map_view(desk, report=args[0], reviewed_only=args[1], redacted=args[2])
            ),
        )
        return Response(body, media_type="application/json")

    @app.get("/api/timeline", tags=["model"], response_class=Response, responses=_OBJECT)
    def timeline(request: Request, reviewed_only: str = "") -> Response:
        """Dated events per cohort, with their date precision."""
        auth = need(request)
        args = (flag(reviewed_only), not auth.user.can("analyst"))
        body = desk.cached(
            "timeline.json",
            args,
            lambda: encode_json(timeline_view(desk, reviewed_only=args[0], redacted=args[1])),
        )
        return Response(body, media_type="application/json")

    @app.get("/api/grades", tags=["model"])
    def grades(request: Request) -> dict[str, Any]:
        """Publishers' reliability grades (A-F); `default` marks a shipped default."""
        need(request)
        data: dict[str, Any] = desk.grades().to_dict()
        return data

    # -- sensitive marks (analyst) -----------------------------------------------------------

    @app.get("/api/sensitive", tags=["sensitive"])
    def list_marks(request: Request, report: str = "") -> dict[str, Any]:
        """Sensitivity marks (analyst: viewers never see what is marked)."""
        need(request, "analyst")
        rid = store.resolve_id(report) if report else None
        return {"marks": [mk.to_dict() for mk in desk.marks(rid)]}

    @app.post("/api/sensitive", status_code=201, tags=["sensitive"])
    def add_mark(request: Request, body: NewMark) -> dict[str, Any]:
        """Mark a person, a claim or a span of text sensitive (analyst)."""
        auth = need(request, "analyst")
        csrf(request, auth)
        mark = desk.mark_sensitive(
            body.kind,
            who=auth.user.who,
            report_id=store.resolve_id(body.report_id) if body.report_id else None,
            key=body.key,
            name=body.name,
            span=body.span,
            note=body.note,
        )
        return mark.to_dict()

    @app.delete("/api/sensitive/{mark_id}", tags=["sensitive"])
    def delete_mark(request: Request, mark_id: int) -> dict[str, Any]:
        auth = need(request, "analyst")
        csrf(request, auth)
        desk.unmark_sensitive(mark_id, who=auth.user.who)
        return {"deleted": mark_id}

    # -- admin -----------------------------------------------------------------------------

    @app.get("/api/users", tags=["admin"])
    def list_users(request: Request) -> dict[str, Any]:
        need(request, "admin")
        return {"users": accounts.users(store)}

    @app.post("/api/users", status_code=201, tags=["admin"])
    def add_user(request: Request, body: NewUser) -> dict[str, Any]:
        auth = need(request, "admin")
        csrf(request, auth)
        return accounts.add_user(
            store, body.name, body.role, body.password, who=auth.user.who
        ).to_dict()

    @app.patch("/api/users/{name}", tags=["admin"])
    def change_user(request: Request, name: str, body: UserChange) -> dict[str, Any]:
        auth = need(request, "admin")
        csrf(request, auth)
        return accounts.set_user(
            store,
            name,
            who=auth.user.who,
            role=body.role,
            active=body.active,
            password=body.password,
        ).to_dict()

    @app.get("/api/tokens", tags=["admin"])
    def list_tokens(request: Request) -> dict[str, Any]:
        need(request, "admin")
        return {"tokens": [t.to_dict() for t in accounts.tokens(store)]}

    @app.post("/api/tokens", status_code=201, tags=["admin"])
    def create_token(request: Request, body: NewToken) -> dict[str, Any]:
        """Issue a token; its secret is in this answer only."""
        auth = need(request, "admin")
        csrf(request, auth)
        token_id, secret = accounts.create_token(store, body.user, body.name, who=auth.user.who)
        return {"id": token_id, "token": secret}

    @app.delete("/api/tokens/{token_id}", tags=["admin"])
    def revoke_token(request: Request, token_id: int) -> dict[str, Any]:
        auth = need(request, "admin")
        csrf(request, auth)
        accounts.revoke_token(store, token_id, who=auth.user.who)
        return {"revoked": token_id}

    @app.put("/api/grades/{publisher}", tags=["admin"])
    def set_grade(request: Request, publisher: str, body: GradeBody) -> dict[str, Any]:
        """Set a publisher's reliability grade (admin); it overrides defaults and the file."""
        auth = need(request, "admin")
        csrf(request, auth)
        desk.set_grade(publisher, body.grade, who=auth.user.who, note=body.note)
        return {"publisher": publisher, "grade": body.grade}
