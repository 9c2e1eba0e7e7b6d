"""The desk's data layer: UTF-16 offsets, redaction, effective values of reviewed claims,
hand-made claims, filters and full-text search, reviews surviving re-extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tumen.errors import InputError
from tumen.web.desk import Desk, apply_form, effective_record
from tumen.web.text import (
    REDACTED,
    code_point_offset,
    merge_spans,
    name_spans,
    redact,
    utf16_offset,
)

from .conftest import ASTRAL, WebStore, build_store

TEXTS = st.text(
    alphabet=st.sampled_from("ab \n\u00e9\u4e00\U0001f600\U0001d54e\u2028"), max_size=40
)


@given(TEXTS, st.data())
def test_utf16_offsets_count_what_a_browser_counts(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    u16 = utf16_offset(text, i)
    assert u16 == len(text[:i].encode("utf-16-le")) // 2
    assert code_point_offset(text, u16) == i


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 2, 2),
        ("\U0001f600abc", 1, 2),
        ("\U0001f600abc", 3, 4),
        ("a\U0001d54e\U0001f600b", 4, 6),
    ],
)
def test_utf16_offset_table(text: str, offset: int, expected: int) -> None:
    assert utf16_offset(text, offset) == expected


@given(TEXTS, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=4))
def test_redact_keeps_every_offset(text: str, spans: list[tuple[int, int]]) -> None:
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    out = redact(text, spans)
    assert len(out) == len(text)
    covered = {i for s, e in merge_spans(spans) for i in range(s, min(e, len(text)))}
    for i, ch in enumerate(out):
        assert ch == (REDACTED if i in covered else text[i])


def test_name_spans_are_whole_words_any_case() -> None:
    text = "Kim Chol said kim chol left; Kim Cholsu did not."
    assert name_spans(text, ["Kim Chol"]) == [(0, 8), (14, 22)]


@pytest.fixture
def fresh(tmp_path: Path) -> WebStore:
    return build_store(tmp_path / "t.db")


def test_reviews_and_hand_made_claims_survive_re_extraction(fresh: WebStore) -> None:
    desk = Desk(fresh.store)
    places = [i for i in fresh.store.items(fresh.seed_id) if i.kind == "place"]
    desk.review(places[0].key, "accept", who="web:a")
    desk.review(places[1].key, "edit", who="web:a", form={"role": "workplace"})
    desk.review(places[2].key, "reject", who="web:a")
    text = fresh.store.get_report(fresh.seed_id).text
    hand = desk.add_claim(
        fresh.seed_id,
        "quantity",
        {"span_start": "0", "span_end": "7", "min": "3", "max": "5"},
        who="web:a",
    )
    assert hand.value["mention"] == text[0:7] and hand.value["min"] == 3

    fresh.store.rederive(fresh.seed_id)  # the machine runs again

    view = desk.report_view(fresh.seed_id, redacted=False)
    states = {c.key: c.review_state for c in view.claims}
    assert states[places[0].key] == "accepted"
    assert states[places[1].key] == "edited"
    assert states[places[2].key] == "rejected"
    assert states[hand.key] == "accepted" and not desk.claim(hand.key).stale
    record = view.record
    assert places[2].key not in {p["key"] for p in record["places"]}
    assert next(p for p in record["places"] if p["key"] == places[1].key)["role"] == "workplace"
    assert hand.key in {q["key"] for q in record["quantities"]}
    # reviewed-only keeps exactly the reviewed and hand-made claims
    (only,) = [
        r for r in desk.effective_records(reviewed_only=True) if r.report.id == fresh.seed_id
    ]
    assert {p.key for p in only.places} == {places[0].key, places[1].key}
    assert [q.key for q in only.quantities] == [hand.key]
    assert not only.events  # none reviewed
    log = desk.audit_log(places[1].key)
    assert log[-1]["action"] == "item.reviewed" and log[-1]["after"]["review_state"] == "edited"


def test_effective_record_drops_references_to_rejected_claims() -> None:
    data: dict[str, Any] = {
        "places": [{"id": "p1", "key": "r:p:0-1"}, {"id": "p2", "key": "r:p:2-3"}],
        "times": [{"id": "t1", "key": "r:t:4-5"}],
        "quantities": [],
        "durations": [],
        "frequencies": [],
        "actors": [],
        "events": [
            {
                "id": "e1",
                "key": "r:e:x",
                "places": ["p1", "p2"],
                "time": "t1",
                "workers": None,
                "duration": None,
            }
        ],
        "sanctions": [],
    }
    out = effective_record(
        data,
        "r",
        {"r:p:0-1": ("rejected", None), "r:t:4-5": ("rejected", None)},
        [],
        reviewed_only=False,
    )
    assert out["events"][0]["places"] == ["p2"] and out["events"][0]["time"] is None
    assert data["events"][0]["places"] == ["p1", "p2"]  # the input is not changed


@pytest.mark.parametrize(
    ("kind", "form", "error"),
    [
        ("place", {"role": "nowhere"}, "bad value for role"),
        ("place", {"lat": "north"}, "bad value for lat"),
        ("quantity", {"min": "10", "max": "5"}, "min is above max"),
        ("time", {"start": "2022-12-01", "end": "2022-11-01"}, "start is after end"),
        ("time", {"start": "1 Nov"}, "bad value for start"),
        ("place", {"span_start": "5", "span_end": "500"}, "inside the report"),
        ("event", {"type": "party"}, "bad value for type"),
    ],
)
def test_edits_are_checked(kind: str, form: dict[str, str], error: str) -> None:
    from tumen.web.desk import BLANK

    with pytest.raises(InputError, match=error):
        apply_form(kind, BLANK[kind], form, "x" * 100)


def test_edit_moves_an_event_evidence_span() -> None:
    from tumen.web.desk import BLANK

    text = "They left in early November for the border."
    value = {**BLANK["event"], "evidence": [{"span": [0, 9], "text": "They left"}]}
    out = apply_form(
        "event", value, {"span_start": "5", "span_end": "9", "status": "completed"}, text
    )
    assert out["evidence"] == [{"span": [5, 9], "text": "left"}] and out["status"] == "completed"


def test_list_reports_filters_and_searches(fresh: WebStore) -> None:
    desk = Desk(fresh.store)
    everything, total = desk.list_reports()
    assert total == len(everything) == 8
    assert [r.published for r in everything][:2] == ["2025-06-02", "2025-02-11"]  # newest first
    hits, n = desk.list_reports(query="workers", date_from="2024-01-01", date_to="2024-12-31")
    assert n == len(hits) >= 1 and all("2024" <= (r.published or "") < "2025" for r in hits)
    assert all(r.snippet and "[" in r.snippet for r in hits)  # FTS5 snippets mark the hits
    _, relevant = desk.list_reports(relevant="yes")
    _, not_relevant = desk.list_reports(relevant="no")
    assert relevant + not_relevant == total and not_relevant >= 1
    publisher = next(r.publisher for r in everything if r.publisher)
    assert all(r.publisher == publisher for r in desk.list_reports(publisher=publisher)[0])
    page2, n2 = desk.list_reports(per_page=3, page=2)
    assert n2 == total and [r.id for r in page2] == [r.id for r in everything[3:6]]
    assert desk.list_reports(query='"   "')[1] == 0  # nothing searchable: no error
    with pytest.raises(InputError):
        desk.list_reports(date_from="soon")


def test_add_report_by_upload_in_a_legacy_encoding(fresh: WebStore) -> None:
    desk = Desk(fresh.store)
    raw = "Caf\u00e9 workers were sent to Vladivostok last month, a source said.".encode("cp1252")
    rid, status = desk.add_report(raw, who="web:a", filename="r.txt", published="2023-03-15")
    report = fresh.store.get_report(rid)
    assert (
        status == "added"
        and report.published == "2023-03-15"
        and report.text.startswith("Caf\u00e9")
    )
    assert desk.add_report(raw, who="web:a", filename="r.txt")[1] == "unchanged"


def test_redaction_of_a_marked_claim_and_span(fresh: WebStore) -> None:
    desk = Desk(fresh.store)
    view = desk.report_view(fresh.astral_id, redacted=False)
    place = next(
        c for c in view.claims if c.kind == "place" and c.value["mention"] == "Vladivostok"
    )
    desk.mark_sensitive("item", who="web:a", key=place.key)
    start = ASTRAL.index("a source")
    desk.mark_sensitive("span", who="web:a", report_id=fresh.astral_id, span=(start, start + 8))
    shown = desk.report_view(fresh.astral_id, redacted=True)
    assert "Vladivostok" not in shown.text and "a source" not in shown.text
    assert len(shown.text) == len(ASTRAL)
    redacted_place = next(c for c in shown.claims if c.key == place.key)
    assert redacted_place.value["name"] == "[redacted]" and redacted_place.value["lat"] is None
    assert "Vladivostok" not in str(shown.record)
    assert "Vladivostok" in desk.report_view(fresh.astral_id, redacted=False).text
