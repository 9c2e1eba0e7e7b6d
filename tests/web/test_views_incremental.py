"""The views a long-running desk keeps up to date write by write (in memory, per report, per
cohort) equal the views a fresh desk builds from the store, after every kind of write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tumen.ingest.reader import ReportOverrides, build_report
from tumen.web.desk import Desk
from tumen.web.views import (
    cohorts_json,
    cohorts_view,
    encode_json,
    map_view,
    timeline_view,
)

from .conftest import ASTRAL, build_store

AS_OF = ("2022-11-25", "2024-12-31")


def _views(desk: Desk) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for reviewed_only in (False, True):
        for as_of in (None, *AS_OF):
            out[f"cohorts {as_of} {reviewed_only}"] = cohorts_view(
                desk, as_of=as_of, reviewed_only=reviewed_only
            )
            # The API's bytes, encoded once per model and review state, say the same.
            out[f"cohorts.json {as_of} {reviewed_only}"] = json.loads(
                cohorts_json(desk, as_of=as_of, reviewed_only=reviewed_only)
            )
        for redacted in (False, True):
            out[f"map {reviewed_only} {redacted}"] = map_view(
                desk, report=None, reviewed_only=reviewed_only, redacted=redacted
            )
            out[f"timeline {reviewed_only} {redacted}"] = timeline_view(
                desk, reviewed_only=reviewed_only, redacted=redacted
            )
    # Compared as the API sends them.
    return json.loads(json.dumps(out, sort_keys=True, default=str))


def test_incremental_views_equal_a_fresh_desk(tmp_path: Path) -> None:
    web = build_store(tmp_path / "t.db")
    desk = Desk(web.store)
    seed = web.store.items(web.seed_id)
    places = [i for i in seed if i.kind == "place"]
    events = [i for i in seed if i.kind == "event"]
    start = ASTRAL.index("a source")
    # An accept changes no value, so the model stays: only its unreviewed list is updated,
    # from the keys whose review state changed. The event accepted must be one it cites.
    cited = cohorts_view(desk, as_of=None, reviewed_only=False)["unreviewed"]
    accepted = next(e.key for e in events[1:] if e.key in cited)
    writes = [
        lambda: desk.review(places[0].key, "accept", who="web:a"),
        lambda: desk.review(accepted, "accept", who="web:a"),
        lambda: desk.review(events[0].key, "reject", who="web:a"),
        lambda: desk.review(places[1].key, "edit", who="web:a", form={"role": "workplace"}),
        lambda: desk.add_claim(
            web.seed_id, "quantity", {"span_start": "0", "span_end": "7", "min": "3"}, who="web:a"
        ),
        lambda: desk.mark_sensitive("item", who="web:a", key=places[2].key),
        lambda: desk.mark_sensitive(
            "span", who="web:a", report_id=web.astral_id, span=(start, start + 8)
        ),
        lambda: desk.mark_sensitive("person", who="web:a", name="Kim"),
        lambda: desk.set_grade("Daily NK", "E", who="web:a"),
        lambda: web.store.add(
            build_report(
                web.store.get_report(web.seed_id).text + "\n\nA later copy.",
                overrides=ReportOverrides(published="2023-01-05", publisher="Yonhap"),
            ),
            who="test",
        ),
        lambda: desk.review(events[0].key, "reset", who="web:a"),
        lambda: desk.review(accepted, "reset", who="web:a"),
        lambda: web.store.rederive(web.seed_id),
    ]
    _views(desk)  # everything cached before the first write
    for n, write in enumerate(writes):
        write()
        assert _views(desk) == _views(Desk(web.store)), f"after write {n}"
        # Byte for byte: the API's bytes, put together from parts encoded once, are what
        # encoding the whole page data at once gives.
        for as_of in (None, *AS_OF):
            data = cohorts_view(desk, as_of=as_of, reviewed_only=False)
            got = cohorts_json(desk, as_of=as_of, reviewed_only=False)
            assert got == encode_json(data), f"after write {n}, as of {as_of}"


def test_accept_in_a_changed_report_rebuilds_no_cohort(tmp_path: Path) -> None:
    # After a reject the report's facts are worked out from its reviews at every write to it;
    # an accept then changes no value, so every cohort must be the very object built before
    # (its page data is kept by identity), not one built again from equal claims.
    web = build_store(tmp_path / "t.db")
    desk = Desk(web.store)
    events = [i for i in web.store.items(web.seed_id) if i.kind == "event"]
    desk.review(events[0].key, "reject", who="web:a")
    before = cohorts_view(desk, as_of=None, reviewed_only=False)
    desk.review(events[1].key, "accept", who="web:a")
    after = cohorts_view(desk, as_of=None, reviewed_only=False)
    old = [c for p in before["programmes"] for c in p["cohorts"]]
    new = [c for p in after["programmes"] for c in p["cohorts"]]
    assert new and len(new) == len(old)
    assert all(a is b for a, b in zip(old, new, strict=True))
    assert events[1].key not in after["unreviewed"]
