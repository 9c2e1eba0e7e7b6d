"""The JSON API: every endpoint's permissions for anonymous, viewer, analyst and admin, the one
error shape, CSRF on cookie-authenticated writes, and what each role may change."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tumen.web.app import create_app

from .conftest import ROLES, WebStore

RANK = {"anonymous": -1, "viewer": 0, "analyst": 1, "admin": 2}
_n = itertools.count(1)


@pytest.fixture(scope="module")
def client(web: WebStore) -> Iterator[TestClient]:
    with TestClient(create_app(web.store)) as c:
        yield c


def _claim_key(web: WebStore, kind: str = "place") -> str:
    return next(i.key for i in web.store.items(web.seed_id) if i.kind == kind)


def _mark_id(client: TestClient, web: WebStore) -> int:
    r = client.post(
        "/api/sensitive",
        json={"kind": "person", "name": f"Nobody {next(_n)}"},
        headers={"Authorization": f"Bearer {web.tokens['analyst']}"},
    )
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _token_id(client: TestClient, web: WebStore) -> int:
    r = client.post(
        "/api/tokens",
        json={"user": "viewer", "name": "temp"},
        headers={"Authorization": f"Bearer {web.tokens['admin']}"},
    )
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


# (method, path, json body, the least role allowed); paths and bodies may be callables of
# (client, web) so that each call gets fresh ids and names.
Req = tuple[str, Any, Any, str]
ENDPOINTS: list[Req] = [
    ("GET", "/api/me", None, "viewer"),
    ("GET", "/api/reports", None, "viewer"),
    ("GET", "/api/reports?q=workers&relevant=yes", None, "viewer"),
    ("GET", lambda c, w: f"/api/reports/{w.seed_id}", None, "viewer"),
    ("GET", lambda c, w: f"/api/reports/{w.seed_id}/record", None, "viewer"),
    ("GET", "/api/export.jsonl", None, "viewer"),
    ("GET", "/api/review", None, "viewer"),
    ("GET", lambda c, w: f"/api/claims/{_claim_key(w)}", None, "viewer"),
    ("GET", lambda c, w: f"/api/claims/{_claim_key(w)}/audit", None, "viewer"),
    ("GET", "/api/cohorts?as_of=2023-01-01", None, "viewer"),
    ("GET", "/api/conflicts", None, "viewer"),
    ("GET", "/api/map", None, "viewer"),
    ("GET", "/api/timeline", None, "viewer"),
    ("GET", "/api/grades", None, "viewer"),
    (
        "POST",
        "/api/reports",
        lambda c, w: {"text": f"Report number {next(_n)} about workers sent to Russia."},
        "analyst",
    ),
    (
        "POST",
        lambda c, w: f"/api/claims/{_claim_key(w, 'time')}/review",
        {"action": "accept"},
        "analyst",
    ),
    (
        "POST",
        lambda c, w: f"/api/reports/{w.seed_id}/claims",
        {"kind": "place", "fields": {"span_start": "0", "span_end": "7", "name": "Russia"}},
        "analyst",
    ),
    ("GET", "/api/sensitive", None, "analyst"),
    ("POST", "/api/sensitive", lambda c, w: {"kind": "person", "name": f"P {next(_n)}"}, "analyst"),
    ("DELETE", lambda c, w: f"/api/sensitive/{_mark_id(c, w)}", None, "analyst"),
    ("GET", "/api/users", None, "admin"),
    (
        "POST",
        "/api/users",
        lambda c, w: {"name": f"user{next(_n)}", "role": "viewer", "password": "long enough"},
        "admin",
    ),
    ("PATCH", "/api/users/viewer", {"role": "viewer"}, "admin"),
    ("GET", "/api/tokens", None, "admin"),
    ("POST", "/api/tokens", {"user": "viewer", "name": "ci"}, "admin"),
    ("DELETE", lambda c, w: f"/api/tokens/{_token_id(c, w)}", None, "admin"),
    ("PUT", "/api/grades/Daily%20NK", {"grade": "B", "note": "set in a test"}, "admin"),
]


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
@pytest.mark.parametrize("req", ENDPOINTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ENDPOINTS)])
def test_api_permissions(client: TestClient, web: WebStore, role: str, req: Req) -> None:
    method, path, body, least = req
    resolve: Callable[[Any], Any] = lambda v: v(client, web) if callable(v) else v  # noqa: E731
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {web.tokens[role]}"}
    response = client.request(method, resolve(path), json=resolve(body), headers=headers)
    if role == "anonymous":
        expected = 401
    elif RANK[role] < RANK[least]:
        expected = 403
    else:
        assert 200 <= response.status_code < 300, (role, method, response.text)
        return
    assert response.status_code == expected, (role, method, response.text)
    error = response.json()["error"]
    assert error["status"] == expected
    assert error["code"] in ("unauthenticated", "forbidden")
    assert error["message"]


def test_every_api_route_is_in_the_permission_table(client: TestClient) -> None:
    # A new endpoint without a permission test fails here.
    app: Any = client.app
    routes = {
        (method, route.path)
        for route in app.routes
        if getattr(route, "path", "").startswith("/api/") and hasattr(route, "methods")
        for method in route.methods
        if route.path not in ("/api/openapi.json", "/api/docs", "/api/docs/oauth2-redirect")
        and method != "HEAD"
    }
    tested_methods = {(m, _shape(p)) for m, p, _b, _r in ENDPOINTS}
    for method, path in routes:
        assert (method, _shape(path)) in tested_methods, f"{method} {path} has no permission test"


def _shape(path: Any) -> str:
    """A path with its parameters blanked, to compare a route with the requests above."""
    import re

    if callable(path):
        path = _sample(path)
    path = path.split("?")[0]
    path = re.sub(r"\{[^}]+\}", "X", path)
    path = re.sub(r"/api/claims/.+/(review|audit)$", r"/api/claims/X/\1", path)
    path = re.sub(r"/api/claims/(?!X/).+$", "/api/claims/X", path)
    path = re.sub(r"/api/reports/[0-9a-f]{16}", "/api/reports/X", path)
    path = re.sub(r"/api/(sensitive|tokens)/\d+$", r"/api/\1/X", path)
    path = re.sub(r"/api/users/[^/]+$", "/api/users/X", path)
    path = re.sub(r"/api/grades/[^/]+$", "/api/grades/X", path)
    return str(path)


class _Fake:
    seed_id = "0123456789abcdef"


def _sample(path: Callable[[Any, Any], str]) -> str:
    import unittest.mock

    with (
        unittest.mock.patch(f"{__name__}._claim_key", lambda w, kind="place": "K:p:1-2"),
        unittest.mock.patch(f"{__name__}._mark_id", lambda c, w: 1),
        unittest.mock.patch(f"{__name__}._token_id", lambda c, w: 1),
    ):
        return path(None, _Fake())


def test_api_errors_have_one_shape(client: TestClient, web: WebStore) -> None:
    auth = {"Authorization": f"Bearer {web.tokens['admin']}"}
    cases = [
        client.get("/api/reports/ffffffffffffffff", headers=auth),  # no such report
        client.get("/api/reports/abc", headers=auth),  # prefix too short
        client.get("/api/nothing-here", headers=auth),
        client.get("/api/cohorts?as_of=yesterday", headers=auth),
        client.post("/api/users", json={"name": "x"}, headers=auth),  # missing fields
        client.post(
            f"/api/claims/{_claim_key(web)}/review",
            json={"action": "edit", "fields": {"lat": "north"}},
            headers=auth,
        ),
        client.get("/api/me", headers={"Authorization": "Bearer tumen_not-a-token"}),
    ]
    for response in cases:
        assert response.status_code >= 400
        body = response.json()
        assert set(body) == {"error"}
        assert set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == response.status_code


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/reports" in spec["paths"]
    assert "/api/claims/{key}/review" in spec["paths"]
    assert not any(p.startswith("/reports") for p in spec["paths"])  # pages are not API


def test_revoked_token_is_refused(client: TestClient, web: WebStore) -> None:
    admin = {"Authorization": f"Bearer {web.tokens['admin']}"}
    made = client.post(
        "/api/tokens", json={"user": "analyst", "name": "short-lived"}, headers=admin
    )
    token, token_id = made.json()["token"], made.json()["id"]
    mine = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/me", headers=mine).json()["user"]["name"] == "analyst"
    assert client.delete(f"/api/tokens/{token_id}", headers=admin).status_code == 200
    assert client.get("/api/me", headers=mine).status_code == 401


def test_cookie_session_writes_need_the_csrf_header(web: WebStore) -> None:
    from tumen.web.accounts import authenticate, create_session

    with TestClient(create_app(web.store)) as c:
        user = authenticate(web.store, "analyst", "correct horse battery")
        assert user is not None
        secret, csrf = create_session(web.store, user)
        c.cookies.set("tumen_session", secret)
        body = {"kind": "person", "name": "Someone Else"}
        refused = c.post("/api/sensitive", json=body)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf"
        assert (
            c.post("/api/sensitive", json=body, headers={"X-CSRF-Token": csrf}).status_code == 201
        )
        assert c.get("/api/me").json()["user"]["role"] == "analyst"
