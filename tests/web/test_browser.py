"""The desk in a real browser: Debian's chromium, headless, driven by Playwright (never a
browser Playwright downloads). Screenshots go to test-output/web/."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import PASSWORD, ROOT, LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]
OUT = ROOT / "test-output" / "web"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (make deps-system)"
)


@pytest.fixture(scope="module")
def browser_context() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        # A fresh, empty user-data dir: no state from any earlier run.
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    page.context.clear_cookies()
    page.close()


def login(page: Any, live: LiveServer, name: str) -> None:
    p = page
    p.goto(f"{live.base}/login")
    p.fill("#name", name)
    p.fill("#password", PASSWORD)
    p.click("#sign-in")
    p.wait_for_url(re.compile(r".*/reports.*"))


def test_every_page_needs_a_session_and_login_works(page: Any, live: LiveServer) -> None:
    p = page
    p.goto(f"{live.base}/cohorts")
    assert "/login" in p.url
    p.fill("#name", "analyst")
    p.fill("#password", "wrong password")
    p.click("#sign-in")
    assert p.locator("#login-failed").is_visible()
    p.fill("#name", "analyst")
    p.fill("#password", PASSWORD)
    p.click("#sign-in")
    p.wait_for_url(re.compile(r".*/cohorts"))
    assert p.locator("#whoami").inner_text() == "analyst"
    cookie = next(c for c in p.context.cookies() if c["name"] == "tumen_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"


def test_seed_report_shows_its_places_highlighted(page: Any, live: LiveServer) -> None:
    p = page
    login(p, live, "viewer")
    p.goto(f"{live.base}/reports/{live.web.seed_id}")
    places = p.locator("#report-text span.hl-place")
    assert places.count() >= 5
    texts = {t.strip() for t in places.all_inner_texts()}
    stored = {
        i.data["mention"] for i in live.web.store.items(live.web.seed_id) if i.kind == "place"
    }
    assert texts <= stored and len(texts & stored) >= 3  # exactly the stored mentions
    # The text in the page is the report's text, character for character.
    text = p.locator("#report-text").text_content()
    assert text == live.web.store.get_report(live.web.seed_id).text
    places.first.hover()
    assert "place" in p.locator("#details-body").inner_text()
    p.screenshot(path=str(OUT / "seed-report.png"))
    assert not p.errors


def test_highlights_are_exact_outside_the_bmp(page: Any, live: LiveServer) -> None:
    p = page
    login(p, live, "viewer")
    p.goto(f"{live.base}/reports/{live.web.astral_id}")
    texts = p.locator("#report-text span.hl-place").all_inner_texts()
    assert "Pyongyang" in texts and "Vladivostok" in texts


def test_accept_one_claim_edit_another_and_see_the_audit_log(page: Any, live: LiveServer) -> None:
    p = page
    store = live.web.store
    places = [i for i in store.items(live.web.seed_id) if i.kind == "place"]
    first, second = places[0], places[1]
    login(p, live, "analyst")
    p.goto(f"{live.base}/review?kind=place&report={live.web.seed_id}")
    row = p.locator(f'tr.claim-row[data-key="{first.key}"]')
    row.locator('button[value="accept"]').click()
    p.wait_for_load_state()
    assert (
        next(i for i in store.items(live.web.seed_id) if i.key == first.key).review_state
        == "accepted"
    )

    from urllib.parse import quote

    p.goto(f"{live.base}/claim?key={quote(second.key, safe='')}")
    p.select_option('#edit-form select[name="role"]', "transit")
    # Move the span by selecting words in the text, as an analyst would.
    start, end = second.span or (0, 0)
    p.evaluate(
        """([start, end]) => {
            const box = document.getElementById('report-text');
            const text = box.textContent;
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            let node, at = 0, range = document.createRange(), s = null;
            while ((node = walker.nextNode())) {
                const len = node.textContent.length;
                if (s === null && start < at + len) { range.setStart(node, start - at); s = 1; }
                if (end <= at + len) { range.setEnd(node, end - at); break; }
                at += len;
            }
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            box.dispatchEvent(new Event('tumen:select'));
        }""",
        [start, end - 1],
    )
    assert p.input_value("#span-end") == str(end - 1)
    p.click("#save-edit")
    p.wait_for_load_state()
    assert p.locator("#claim-state").inner_text() == "edited"
    log = p.locator("#audit-log").inner_text()
    assert "item.reviewed" in log and "web:analyst" in log
    edited = next(i for i in store.items(live.web.seed_id) if i.key == second.key)
    assert edited.edit is not None and edited.edit["role"] == "transit"
    assert edited.edit["span"] == [start, end - 1] and edited.data["span"] == [start, end]
    p.screenshot(path=str(OUT / "claim-edited.png"), full_page=True)


def test_map_draws_the_seed_route(page: Any, live: LiveServer) -> None:
    p = page
    login(p, live, "viewer")
    p.goto(f"{live.base}/map?report={live.web.seed_id}")
    p.wait_for_selector("#map[data-ready='1']")
    p.wait_for_selector("#map[data-basemap='ready']")
    legs = p.locator("#map path.route-leg")
    assert legs.count() >= 2
    assert p.locator("#map path.basemap").count() > 100  # countries
    assert p.locator("#map .leg-order").count() == legs.count()
    p.screenshot(path=str(OUT / "seed-map.png"))
    assert (OUT / "seed-map.png").stat().st_size > 10_000
    p.locator("#map path.place-marker").first.click(force=True)
    assert p.locator("#place-evidence li").count() >= 1
    # Nothing left this machine: every request went to the app itself.
    assert not p.errors


def test_moving_the_as_of_date_changes_the_cohort_table(page: Any, live: LiveServer) -> None:
    p = page
    login(p, live, "viewer")
    p.goto(f"{live.base}/cohorts?as_of=2022-12-31")
    early = p.locator("#cohort-table").inner_text()
    assert "occupied eastern Ukraine" in early and "2024" not in early
    p.fill("#as-of", "2024-12-31")
    p.click("#as-of-apply")
    p.wait_for_url(re.compile(r".*as_of=2024-12-31.*"))
    later = p.locator("#cohort-table").inner_text()
    assert later != early and "Russia, 2024" in later
    p.screenshot(path=str(OUT / "cohorts.png"))


def test_a_viewer_cannot_edit(page: Any, live: LiveServer) -> None:
    p = page
    key = next(i.key for i in live.web.store.items(live.web.seed_id) if i.kind == "time")
    before = next(i for i in live.web.store.items(live.web.seed_id) if i.key == key)
    login(p, live, "viewer")
    from urllib.parse import quote

    p.goto(f"{live.base}/claim?key={quote(key, safe='')}")
    assert p.locator("#edit-form").count() == 0  # no form offered
    # Forge the request anyway, with the viewer's own session and CSRF token.
    status = p.evaluate(
        """async (key) => {
            const body = new URLSearchParams({csrf: window.tumenCsrf(), key, action: 'accept'});
            const r = await fetch('/claim/review', {method: 'POST', body});
            return r.status;
        }""",
        key,
    )
    assert status == 403
    after = next(i for i in live.web.store.items(live.web.seed_id) if i.key == key)
    assert after.review_state == before.review_state


def test_a_sensitive_detail_is_redacted_for_a_viewer(page: Any, live: LiveServer) -> None:
    p = page
    name = "Ri Kwang-chol"
    login(p, live, "analyst")
    p.goto(f"{live.base}/reports/{live.web.hostile_id}")
    p.fill("#mark-person-name", name)
    p.click("#mark-person")
    p.wait_for_load_state()
    assert name in p.locator("#report-text").inner_text()
    p.context.clear_cookies()
    login(p, live, "viewer")
    p.goto(f"{live.base}/reports/{live.web.hostile_id}")
    text = p.locator("#report-text").inner_text()
    assert name not in text and "\u2588" * len(name) in text
    assert name not in p.content()  # not hidden: absent
    api = p.evaluate(
        "async (id) => (await fetch('/api/reports/' + id + '/record')).text()", live.web.hostile_id
    )
    assert name not in api
    p.screenshot(path=str(OUT / "redacted-for-viewer.png"))


def test_script_and_javascript_links_in_a_report_show_as_text(page: Any, live: LiveServer) -> None:
    p = page
    login(p, live, "analyst")
    p.goto(f"{live.base}/reports/{live.web.hostile_id}")
    text = p.locator("#report-text").inner_text()
    assert "<script>document.title='pwned'" in text
    assert '<a href="javascript:alert(1)">' in text
    assert p.evaluate("window.pwned") is None
    assert p.title() != "pwned"
    assert p.locator("#report-text script, #report-text a").count() == 0
    assert p.locator("a[href^='javascript:']").count() == 0
    assert p.locator("#report-title").inner_text() == "<b>Hostile</b> title"
    p.goto(f"{live.base}/reports?q=briefing")
    assert p.locator("#reports b").count() == 0
    assert not p.errors
