"""The server-rendered pages: sessions, CSRF on every form, roles, escaping, headers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tumen.web.app import create_app

from .conftest import PASSWORD, WebStore

PAGES = ["/reports", "/reports?q=workers", "/review", "/cohorts", "/map", "/timeline"]


@pytest.fixture(scope="module")
def app(web: WebStore) -> object:
    return create_app(web.store)


def signed_in(app: object, name: str) -> TestClient:
    client = TestClient(app)  # type: ignore[arg-type]
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    r = client.post(
        "/login",
        data={"csrf": token.group(1), "name": name, "password": PASSWORD, "next": "/reports"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/reports"
    return client


def csrf_of(client: TestClient) -> str:
    found = re.search(r'<meta name="csrf" content="([^"]+)"', client.get("/reports").text)
    assert found
    return found.group(1)


@pytest.fixture(scope="module")
def analyst(app: object) -> Iterator[TestClient]:
    yield signed_in(app, "analyst")


@pytest.fixture(scope="module")
def viewer(app: object) -> Iterator[TestClient]:
    yield signed_in(app, "viewer")


@pytest.mark.parametrize("path", [*PAGES, "/admin", "/claim?key=x"])
def test_pages_need_a_session(app: object, path: str) -> None:
    r = TestClient(app).get(path, follow_redirects=False)  # type: ignore[arg-type]
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_without_inline_scripts(viewer: TestClient, web: WebStore, path: str) -> None:
    r = viewer.get(path)
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    # Every <script> loads a file of this app or is inert JSON: nothing inline can run.
    for tag in re.findall(r"<script[^>]*>", r.text):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert "http://" not in r.text.replace("http://www.w3.org", "") or path == "/reports"


def test_login_form_needs_its_csrf_token(app: object) -> None:
    client = TestClient(app)  # type: ignore[arg-type]
    client.get("/login")
    r = client.post("/login", data={"csrf": "forged", "name": "admin", "password": PASSWORD})
    assert r.status_code == 403


def test_login_never_redirects_off_site(app: object) -> None:
    client = TestClient(app)  # type: ignore[arg-type]
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token
    r = client.post(
        "/login",
        data={
            "csrf": token.group(1),
            "name": "viewer",
            "password": PASSWORD,
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/reports"


def test_forms_without_the_csrf_token_are_refused(analyst: TestClient, web: WebStore) -> None:
    key = next(i.key for i in web.store.items(web.seed_id) if i.kind == "actor")
    r = analyst.post("/claim/review", data={"key": key, "action": "accept"})
    assert r.status_code == 403 and "CSRF" in r.text
    r = analyst.post(
        "/claim/review",
        data={"key": key, "action": "accept", "csrf": csrf_of(analyst)},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert next(i for i in web.store.items(web.seed_id) if i.key == key).review_state == "accepted"


def test_a_viewer_cannot_review_or_administer(viewer: TestClient, web: WebStore) -> None:
    key = next(
        i.key
        for i in web.store.items(web.seed_id)
        if i.kind == "event" and i.review_state == "unreviewed"
    )
    csrf = csrf_of(viewer)
    assert (
        viewer.post(
            "/claim/review", data={"key": key, "action": "reject", "csrf": csrf}
        ).status_code
        == 403
    )
    assert (
        viewer.post("/sensitive", data={"kind": "person", "name": "X", "csrf": csrf}).status_code
        == 403
    )
    assert viewer.get("/admin").status_code == 403
    assert (
        next(i for i in web.store.items(web.seed_id) if i.key == key).review_state == "unreviewed"
    )


def test_report_text_is_escaped(analyst: TestClient, web: WebStore) -> None:
    html = analyst.get(f"/reports/{web.hostile_id}").text
    assert "&lt;script&gt;document.title=" in html
    assert "<script>document" not in html and 'href="javascript:' not in html
    assert "&lt;b&gt;Hostile&lt;/b&gt; title" in html
    claim = web.store.items(web.hostile_id)[0].key
    assert "<script>document" not in analyst.get(f"/claim?key={quote(claim, safe='')}").text


def test_add_a_report_by_form_with_its_date(analyst: TestClient) -> None:
    csrf = csrf_of(analyst)
    r = analyst.post(
        "/reports",
        data={"csrf": csrf, "published": "2023-05-02", "title": "Pasted", "publisher": "Test Wire"},
        files={
            "file": (
                "r.txt",
                b"Workers selected in Pyongyang left for Khabarovsk last week.",
            )
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = analyst.get(r.headers["location"])
    assert "2023-05-02" in page.text and "Khabarovsk" in page.text and "Report added" in page.text
    listed = analyst.get("/reports?publisher=Test+Wire").text
    assert "Pasted" in listed


def test_admin_manages_users_tokens_and_grades(app: object, web: WebStore) -> None:
    admin = signed_in(app, "admin")
    csrf = csrf_of(admin)
    r = admin.post(
        "/admin/users",
        data={
            "csrf": csrf,
            "op": "add",
            "name": "newbie",
            "role": "analyst",
            "password": "long enough",
        },
    )
    assert r.status_code == 200 and "newbie" in r.text
    r = admin.post(
        "/admin/tokens", data={"csrf": csrf, "op": "create", "user": "newbie", "name": "x"}
    )
    assert re.search(r'id="new-token">tumen_', r.text)
    r = admin.post("/admin/grades", data={"csrf": csrf, "publisher": "Test Wire", "grade": "C"})
    assert r.status_code == 200
    assert any(
        p["name"] == "Test Wire" and p["grade"] == "C" and not p["default"]
        for p in admin.get("/api/grades").json()["publishers"]
    )


def test_reviewed_only_switch_changes_the_views(viewer: TestClient) -> None:
    everything = viewer.get("/api/map").json()
    reviewed = viewer.get("/api/map?reviewed_only=1").json()
    assert everything["reports"] > reviewed["reports"]
    assert len(everything["places"]["features"]) > len(reviewed["places"]["features"])
