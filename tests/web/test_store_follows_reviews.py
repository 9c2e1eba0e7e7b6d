"""The store's dispatch model follows the analysts' reviews, and is the very model the web app
shows: rejected claims leave it, edits replace the machine's values, claims added by hand come
in; after an add, the pages find the model the add built instead of building their own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

import tumen.cohorts.store as cohort_store
from tumen.cohorts import build_model, facts_of
from tumen.cohorts.store import grades_of, load_model
from tumen.ingest.reader import ReportOverrides, build_report
from tumen.store.reviews import changed_reviews, reviewed_records
from tumen.web.desk import Desk
from tumen.web.views import cohorts_view, timeline_view

from .conftest import build_store


def _cited(model: Any) -> set[str]:
    keys: set[str] = set()
    for p in model.programmes:
        keys.update(p.evidence)
        for c in p.cohorts:
            keys.update(c.evidence)
    return keys


def _from_nothing(store: Any) -> dict[str, Any]:
    """The model of the store's reviewed records, worked out with no cache at all."""
    cohort_store._FACTS.clear()
    cohort_store._REVIEWED.clear()
    cohort_store._MODELS.clear()
    with Session(store.engine) as session:
        grades = grades_of(session)
        states = changed_reviews(session)
        ids = [r.id for r in store.reports()]
        reviewed = reviewed_records(session, states, [i for i in ids if i in states])
        facts = [
            facts_of(reviewed[i] if i in reviewed else store.get_record(i), outlets=grades)
            for i in ids
        ]
    return build_model(facts, grades=grades).to_dict()


def _stored_model(store: Any) -> Any:
    with Session(store.engine) as session:
        return load_model(session)


def test_the_stored_model_follows_rejects_and_edits(tmp_path: Path) -> None:
    web = build_store(tmp_path / "t.db")
    desk = Desk(web.store)
    events = [i for i in web.store.items(web.seed_id) if i.kind == "event"]
    cited = _cited(_stored_model(web.store))
    rejected = next(e.key for e in events if e.key in cited)
    desk.review(rejected, "reject", who="web:a")
    after_reject = _stored_model(web.store)
    assert rejected not in _cited(after_reject)
    assert json.dumps(after_reject.to_dict(), sort_keys=True) == json.dumps(
        _from_nothing(web.store), sort_keys=True
    )
    # An edit through the store's API may name only the fields it changes.
    edited = next(e for e in events if e.key in cited and e.key != rejected)
    web.store.review(edited.key, "edited", who="analyst:a", edit={"round": 7})
    model = _stored_model(web.store)
    assert json.dumps(model.to_dict(), sort_keys=True) == json.dumps(
        _from_nothing(web.store), sort_keys=True
    )
    rounds = {c.round for p in model.programmes for c in p.cohorts if edited.key in c.evidence}
    assert rounds == {7}
    # Taken back: the machine's facts, the machine's model.
    desk.review(rejected, "reset", who="web:a")
    web.store.review(edited.key, "unreviewed", who="analyst:a")
    assert json.dumps(_stored_model(web.store).to_dict(), sort_keys=True) == json.dumps(
        _from_nothing(web.store), sort_keys=True
    )
    assert rejected in _cited(_stored_model(web.store))


def test_an_add_builds_the_model_the_pages_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = build_store(tmp_path / "t.db")
    desk = Desk(web.store)
    events = [i for i in web.store.items(web.seed_id) if i.kind == "event"]
    desk.review(events[0].key, "reject", who="web:a")
    desk.review(events[1].key, "edit", who="web:a", form={"status": "ongoing"})
    desk.add_claim(
        web.seed_id, "quantity", {"span_start": "0", "span_end": "7", "min": "3"}, who="web:a"
    )
    cohorts_view(desk, as_of=None, reviewed_only=False)
    builds: list[int] = []
    real = cohort_store.build_model

    def counted(*args: Any, **kwargs: Any) -> Any:
        builds.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cohort_store, "build_model", counted)
    later = build_report(
        web.store.get_report(web.seed_id).text + "\n\nA later copy, for the test.",
        overrides=ReportOverrides(published="2023-01-05", publisher="Yonhap"),
    )
    web.store.add(later, who="test")
    assert len(builds) == 1  # the add's own update
    shown = cohorts_view(desk, as_of=None, reviewed_only=False)
    timeline_view(desk, reviewed_only=False, redacted=False)
    assert len(builds) == 1  # found again, not built twice
    stored = _stored_model(web.store)
    assert len(builds) == 1
    assert [p["id"] for p in shown["programmes"]] == [p.id for p in stored.programmes]
    assert events[0].key not in _cited(stored)
    monkeypatch.setattr(cohort_store, "build_model", real)
    assert json.dumps(stored.to_dict(), sort_keys=True) == json.dumps(
        _from_nothing(web.store), sort_keys=True
    )
