"""The web app: server-rendered pages (Jinja2) and the JSON API under /api/ (FastAPI).

Security, in one place:
- every page but /login needs a session; every /api/ call a session or a bearer token;
- session cookies are HttpOnly and SameSite=Strict; every form carries a CSRF token (the login
  form too, bound to a cookie of its own), and an API write made with a session cookie needs
  the token in the X-CSRF-Token header;
- report text is hostile: templates autoescape everything, no page has an inline script (the
  Content-Security-Policy forbids them), data for scripts travels as escaped JSON, and the
  scripts build the highlighted text with text nodes only;
- viewers read, analysts review, admins also manage users, tokens and grades; the API has the
  same permissions and one error shape: {"error": {"status", "code", "message"}}.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from tumen.errors import InputError, StoreError, TumenError
from tumen.store import Store
from tumen.web import accounts
from tumen.web.accounts import User
from tumen.web.desk import COUNT_CAP, EDITABLE, KIND_LISTS, Desk
from tumen.web.present import highlight_data, mention, summary, value_text
from tumen.web.views import ROLE_COLOURS, cohorts_view

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "tumen_session"
LOGIN_COOKIE = "tumen_login"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class ApiError(Exception):
    """An error with an HTTP status, rendered as JSON under /api/ and as a page elsewhere."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(slots=True)
class Auth:
    user: User
    csrf: str | None  # None for bearer tokens (no cookie, so no cross-site forgery)


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,  # always, whatever the file is called
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        summary=summary, mention=mention, kinds=list(KIND_LISTS), role_colours=ROLE_COLOURS
    )
    env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v})
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["value"] = value_text
    return env


def create_app(store: Store, *, secure_cookies: bool = False, warm: bool = False) -> FastAPI:
    """The app over an open store. `secure_cookies` marks cookies Secure (behind HTTPS);
    `warm` builds the views over every report in the background as the server starts."""
    desk = Desk(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            from tumen.web.views import warm as warm_views

            threading.Thread(target=warm_views, args=(desk,), daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Tumen analyst's desk",
        version="1",
        description=(
            "The JSON API of Tumen's web app. Authenticate with `Authorization: Bearer "
            '<token>` (`tumen token create`). Errors: `{"error": {"status", "code", '
            '"message"}}`. Viewers read; analysts review; admins manage users, tokens and '
            "grades."
        ),
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    env = _templates()
    login_secret = secrets.token_bytes(32)
    app.state.desk = desk
    static = HERE / "static"
    app.mount("/static", StaticFiles(directory=static, check_dir=False), name="static")

    # -- plumbing ------------------------------------------------------------------------

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error_response(request: Request, status: int, code: str, message: str) -> Response:
        if is_api(request):
            return JSONResponse(
                {"error": {"status": status, "code": code, "message": message}}, status
            )
        if status == 401:
            return RedirectResponse(f"/login?next={quote(_next_of(request), safe='')}", 303)
        auth = _auth_or_none(request)
        return html(
            "error.html",
            request,
            auth,
            {"status": status, "code": code, "message": message},
            status=status,
        )

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, error: ApiError) -> Response:
        return error_response(request, error.status, error.code, error.message)

    @app.exception_handler(TumenError)
    async def on_tumen_error(request: Request, error: TumenError) -> Response:
        status = 400
        if isinstance(error, StoreError):
            status = 404 if error.message.startswith("no ") else 409
        return error_response(request, status, error.code, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        return error_response(request, error.status_code, code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(
            request, 422, "invalid_request", f"{where}: {first.get('msg', 'invalid request')}"
        )

    def _auth_or_none(request: Request) -> Auth | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            user = accounts.token_user(store, header[7:].strip())
            return Auth(user, None) if user else None
        found = accounts.session_user(store, request.cookies.get(SESSION_COOKIE, ""))
        return Auth(found[0], found[1]) if found else None

    def need(request: Request, role: str = "viewer") -> Auth:
        auth = _auth_or_none(request)
        if auth is None:
            raise ApiError(401, "unauthenticated", "sign in, or send a bearer token")
        if not auth.user.can(role):
            raise ApiError(403, "forbidden", f"this needs the {role} role")
        return auth

    def check_csrf(auth: Auth, token: str | None) -> None:
        if auth.csrf is None:
            return  # bearer token: nothing a browser sends by itself
        if not token or not hmac.compare_digest(token, auth.csrf):
            raise ApiError(403, "csrf", "missing or wrong CSRF token; reload the page")

    async def form_of(request: Request, auth: Auth) -> dict[str, Any]:
        form = await request.form()
        data: dict[str, Any] = {}
        for name, value in form.multi_items():
            data[name] = value
        check_csrf(auth, str(data.get("csrf") or ""))
        return data

    async def json_of(request: Request, auth: Auth) -> dict[str, Any]:
        check_csrf(auth, request.headers.get("x-csrf-token"))
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "bad_json", "the body must be a JSON object") from None
        if not isinstance(body, dict):
            raise ApiError(400, "bad_json", "the body must be a JSON object")
        return body

    def html(
        name: str,
        request: Request,
        auth: Auth | None,
        context: dict[str, Any],
        *,
        status: int = 200,
    ) -> HTMLResponse:
        page = env.get_template(name).render(
            request=request,
            user=auth.user if auth else None,
            csrf=auth.csrf if auth else None,
            path=request.url.path,
            **context,
        )
        return HTMLResponse(page, status_code=status)

    def redirect(url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303)

    def flag(value: str | None) -> bool:
        return (value or "").lower() in ("1", "true", "yes", "on")

    def page_of(value: str | None) -> int:
        try:
            return max(int(value or 1), 1)
        except ValueError:
            raise ApiError(400, "invalid_request", "page must be a number") from None

    # -- sign in -------------------------------------------------------------------------

    def login_token(nonce: str) -> str:
        return hmac.new(login_secret, nonce.encode(), hashlib.sha256).hexdigest()

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login_page(request: Request, next: str = "/reports", failed: str = "") -> Response:
        nonce = secrets.token_urlsafe(16)
        response = html(
            "login.html",
            request,
            None,
            {"login_csrf": login_token(nonce), "next": _safe_next(next), "failed": bool(failed)},
        )
        response.set_cookie(
            LOGIN_COOKIE, nonce, httponly=True, samesite="strict", secure=secure_cookies
        )
        return response

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form()
        nonce = request.cookies.get(LOGIN_COOKIE, "")
        given = str(form.get("csrf") or "")
        if not nonce or not hmac.compare_digest(given, login_token(nonce)):
            raise ApiError(403, "csrf", "the sign-in form expired; reload it")
        next_url = _safe_next(str(form.get("next") or "/reports"))
        user = accounts.authenticate(
            store, str(form.get("name") or ""), str(form.get("password") or "")
        )
        if user is None:
            return redirect(f"/login?failed=1&next={quote(next_url, safe='')}")
        secret, _csrf = accounts.create_session(store, user)
        response = redirect(next_url)
        response.set_cookie(
            SESSION_COOKIE,
            secret,
            httponly=True,
            samesite="strict",
            secure=secure_cookies,
            max_age=accounts.SESSION_DAYS * 86400,
        )
        response.delete_cookie(LOGIN_COOKIE)
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        auth = need(request)
        await form_of(request, auth)
        accounts.end_session(store, request.cookies.get(SESSION_COOKIE, ""))
        response = redirect("/login")
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/", include_in_schema=False)
    async def home(request: Request) -> Response:
        need(request)
        return redirect("/reports")

    # -- reports -------------------------------------------------------------------------

    @app.get("/reports", response_class=HTMLResponse, include_in_schema=False)
    async def reports_page(
        request: Request,
        q: str = "",
        publisher: str = "",
        date_from: str = "",
        date_to: str = "",
        relevant: str = "",
        page: str = "1",
        added: str = "",
    ) -> Response:
        auth = need(request)
        number = page_of(page)
        rows, total = desk.list_reports(
            query=q,
            publisher=publisher,
            date_from=date_from,
            date_to=date_to,
            relevant=relevant,
            page=number,
        )
        filters = {
            "q": q,
            "publisher": publisher,
            "date_from": date_from,
            "date_to": date_to,
            "relevant": relevant,
        }
        return html(
            "reports.html",
            request,
            auth,
            {
                "rows": rows,
                "total": total,
                "page": number,
                "pages": max((total + 49) // 50, 1),
                "filters": filters,
                "publishers": desk.publishers(),
                "added": added,
                "cap": COUNT_CAP,
            },
        )

    @app.post("/reports", include_in_schema=False)
    async def add_report_page(request: Request) -> Response:
        auth = need(request, "analyst")
        form = await form_of(request, auth)
        upload = form.get("file")
        content: str | bytes = str(form.get("text") or "")
        filename = None
        if isinstance(upload, UploadFile) and upload.filename:
            content = await upload.read()
            filename = upload.filename
        rid, status = desk.add_report(
            content,
            who=auth.user.who,
            filename=filename,
            title=str(form.get("title") or ""),
            publisher=str(form.get("publisher") or ""),
            url=str(form.get("url") or ""),
            published=str(form.get("published") or ""),
        )
        return redirect(f"/reports/{rid}?added={status}")

    @app.get("/reports/{rid}", response_class=HTMLResponse, include_in_schema=False)
    async def report_page(request: Request, rid: str, added: str = "") -> Response:
        auth = need(request)
        view = desk.report_view(rid, redacted=not auth.user.can("analyst"))
        claims = [c for c in view.claims if not c.stale]
        return html(
            "report.html",
            request,
            auth,
            {
                "report": view,
                "claims": claims,
                "stale": [c for c in view.claims if c.stale],
                "highlights": highlight_data(view),
                "marks": view.marks if auth.user.can("analyst") else [],
                "added": added,
                "editable": EDITABLE,
            },
        )

    # -- review --------------------------------------------------------------------------

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    async def review_page(
        request: Request,
        state: str = "unreviewed",
        kind: str = "",
        report: str = "",
        page: str = "1",
    ) -> Response:
        auth = need(request)
        number = page_of(page)
        claims, total = desk.review_queue(state=state, kind=kind, report=report, page=number)
        claims = _redact_claims(desk, claims, auth)
        return html(
            "review.html",
            request,
            auth,
            {
                "claims": claims,
                "total": total,
                "page": number,
                "pages": max((total + 49) // 50, 1),
                "filters": {"state": state, "kind": kind, "report": report},
                "cap": COUNT_CAP,
            },
        )

    @app.get("/claim", response_class=HTMLResponse, include_in_schema=False)
    async def claim_page(request: Request, key: str) -> Response:
        auth = need(request)
        claim = desk.claim(key)
        view = desk.report_view(claim.report_id, redacted=not auth.user.can("analyst"))
        shown = next((c for c in view.claims if c.key == key), claim)
        log = desk.audit_log(key)
        if view.redacted and shown.sensitive:
            log = [{**e, "before": "[redacted]", "after": "[redacted]"} for e in log]
        return html(
            "claim.html",
            request,
            auth,
            {
                "claim": shown,
                "report": view,
                "fields": EDITABLE[shown.kind],
                "audit": log,
                "highlights": [h for h in highlight_data(view) if h["key"] == key],
            },
        )

    @app.post("/claim/review", include_in_schema=False)
    async def review_claim(request: Request) -> Response:
        auth = need(request, "analyst")
        form = await form_of(request, auth)
        key = str(form.get("key") or "")
        action = str(form.get("action") or "")
        fields = {k: str(v) for k, v in form.items() if k not in ("key", "action", "csrf", "back")}
        desk.review(key, action, who=auth.user.who, form=fields)
        back = _safe_next(str(form.get("back") or ""), default=f"/claim?key={quote(key, safe='')}")
        return redirect(back)

    @app.post("/reports/{rid}/claims", include_in_schema=False)
    async def add_claim_page(request: Request, rid: str) -> Response:
        auth = need(request, "analyst")
        form = await form_of(request, auth)
        kind = str(form.get("kind") or "")
        fields = {k: str(v) for k, v in form.items() if k not in ("kind", "csrf")}
        claim = desk.add_claim(desk.store.resolve_id(rid), kind, fields, who=auth.user.who)
        return redirect(f"/claim?key={quote(claim.key, safe='')}")

    @app.post("/sensitive", include_in_schema=False)
    async def mark_page(request: Request) -> Response:
        auth = need(request, "analyst")
        form = await form_of(request, auth)
        kind = str(form.get("kind") or "")
        span = None
        if form.get("span_start") and form.get("span_end"):
            try:
                span = (int(str(form["span_start"])), int(str(form["span_end"])))
            except ValueError:
                raise InputError("the span must be two numbers") from None
        desk.mark_sensitive(
            kind,
            who=auth.user.who,
            report_id=str(form.get("report_id") or "") or None,
            key=str(form.get("key") or "") or None,
            name=str(form.get("name") or "") or None,
            span=span,
            note=str(form.get("note") or "") or None,
        )
        return redirect(_safe_next(str(form.get("back") or ""), default="/reports"))

    @app.post("/sensitive/delete", include_in_schema=False)
    async def unmark_page(request: Request) -> Response:
        auth = need(request, "analyst")
        form = await form_of(request, auth)
        desk.unmark_sensitive(_int(form.get("id")), who=auth.user.who)
        return redirect(_safe_next(str(form.get("back") or ""), default="/reports"))

    # -- cohorts, map, timeline ------------------------------------------------------------

    @app.get("/cohorts", response_class=HTMLResponse, include_in_schema=False)
    async def cohorts_page(request: Request, as_of: str = "", reviewed: str = "") -> Response:
        auth = need(request)
        data = cohorts_view(desk, as_of=as_of or None, reviewed_only=flag(reviewed))
        return html(
            "cohorts.html",
            request,
            auth,
            {
                "model": data,
                "as_of": as_of,
                "reviewed": flag(reviewed),
                # Asks the same of every key the page shows as data["unreviewed"] lists,
                # without making a set of (possibly) every claim of the store per request.
                "unreviewed": desk.unreviewed_keys(),
            },
        )

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    async def map_page(request: Request, report: str = "", reviewed: str = "") -> Response:
        auth = need(request)
        rid = desk.store.resolve_id(report) if report else ""
        return html(
            "map.html",
            request,
            auth,
            {"report": rid, "reviewed": flag(reviewed)},
        )

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    async def timeline_page(request: Request, reviewed: str = "") -> Response:
        auth = need(request)
        return html("timeline.html", request, auth, {"reviewed": flag(reviewed)})

    # -- admin ---------------------------------------------------------------------------

    @app.get("/admin", response_class=HTMLResponse, include_in_schema=False)
    async def admin_page(request: Request, token: str = "") -> Response:
        auth = need(request, "admin")
        return html(
            "admin.html",
            request,
            auth,
            {
                "users": accounts.users(store),
                "tokens": accounts.tokens(store),
                "grades": desk.grades().to_dict(),
                "new_token": request.cookies.get("tumen_new_token", ""),
            },
        )

    @app.post("/admin/users", include_in_schema=False)
    async def admin_users(request: Request) -> Response:
        auth = need(request, "admin")
        form = await form_of(request, auth)
        name = str(form.get("name") or "")
        if form.get("op") == "add":
            accounts.add_user(
                store,
                name,
                str(form.get("role") or ""),
                str(form.get("password") or ""),
                who=auth.user.who,
            )
        else:
            accounts.set_user(
                store,
                name,
                who=auth.user.who,
                role=str(form.get("role") or "") or None,
                active={"on": True, "off": False}.get(str(form.get("active") or "")),
                password=str(form.get("password") or "") or None,
            )
        return redirect("/admin")

    @app.post("/admin/tokens", include_in_schema=False)
    async def admin_tokens(request: Request) -> Response:
        auth = need(request, "admin")
        form = await form_of(request, auth)
        if form.get("op") == "revoke":
            accounts.revoke_token(store, _int(form.get("id")), who=auth.user.who)
            return redirect("/admin")
        _id, secret = accounts.create_token(
            store, str(form.get("user") or ""), str(form.get("name") or ""), who=auth.user.who
        )
        response = redirect("/admin")
        # Shown once on the next page, then gone: a short-lived HttpOnly cookie, never a URL.
        response.set_cookie(
            "tumen_new_token",
            secret,
            max_age=60,
            httponly=True,
            samesite="strict",
            secure=secure_cookies,
            path="/admin",
        )
        return response

    @app.post("/admin/grades", include_in_schema=False)
    async def admin_grades(request: Request) -> Response:
        auth = need(request, "admin")
        form = await form_of(request, auth)
        desk.set_grade(
            str(form.get("publisher") or ""),
            str(form.get("grade") or ""),
            who=auth.user.who,
            note=str(form.get("note") or "") or None,
        )
        return redirect("/admin")

    # -- the JSON API --------------------------------------------------------------------

    from tumen.web.api import add_api

    add_api(app, desk, need=need, json_of=json_of, flag=flag, page_of=page_of)
    return app


def _redact_claims(desk: Desk, claims: list[Any], auth: Auth) -> list[Any]:
    """Claims of the review queue as this user may see them."""
    if auth.user.can("analyst"):
        return claims
    views: dict[str, Any] = {}
    out = []
    for claim in claims:
        if claim.report_id not in views:
            views[claim.report_id] = {
                c.key: c for c in desk.report_view(claim.report_id, redacted=True).claims
            }
        out.append(views[claim.report_id].get(claim.key, claim))
    return out


def _int(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise InputError(f"not a number: {value!r}") from None


def _next_of(request: Request) -> str:
    path = request.url.path
    return path + (f"?{request.url.query}" if request.url.query else "")


def _safe_next(value: str, default: str = "/reports") -> str:
    """Only same-site paths: never `//evil.example` or `https://...` (an open redirect)."""
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return default


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
