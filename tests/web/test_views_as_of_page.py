"""A model's page as of a day, worked out from the page of the model of every report (its
sorted cited keys and unreviewed list filtered, not sorted again), equals the page worked
out on its own."""

from __future__ import annotations

import pytest

from cohort_facts_support import generated_reports
from tumen.cohorts.build import build_model
from tumen.web import views


@pytest.mark.parametrize("as_of", ["2022-03-01", "2022-06-15", "2022-09-01", "2099-01-01"])
def test_views_as_of_page_from_full_page_equals_its_own(as_of: str) -> None:
    facts = generated_reports(7, 80)
    full = build_model(facts, reprints=[])
    model = build_model(facts, as_of=as_of, reprints=[])
    views._MODEL_PAGES.clear()
    alone = views._ModelPage(model)
    every = sorted(alone.cited_set)
    reviewed = frozenset(every[::3])
    later = frozenset(every[::2])  # another review state: the list is updated, not rebuilt
    expected = (alone.cited, alone.unreviewed(reviewed), list(alone.unreviewed(later)))
    assert alone.cited == every

    views._MODEL_PAGES.clear()
    full_page = views._page_of(full)
    full_page.unreviewed(reviewed)
    derived = views._page_of(model)
    assert derived.cited_set <= full_page.cited_set  # the path under test was taken
    assert (derived.cited, derived.unreviewed(reviewed), list(derived.unreviewed(later))) == (
        expected
    )
    assert derived.data == alone.data
    views._MODEL_PAGES.clear()
