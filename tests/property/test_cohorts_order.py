"""Adding the same reports in any order gives the same dispatch model."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from cohorts_support import ALL
from tumen.cohorts import build_model, facts_of

FACTS = [facts_of(r) for r in ALL]
EXPECTED = build_model(FACTS)
EXPECTED_AS_OF = build_model(FACTS, as_of="2022-11-30")


def _dump(model) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(
        {
            "model": model.to_dict(),
            "conflicts": model.conflicts_dict(),
            "links": [link.to_dict() for link in model.links],
            "sources": model.report_sources,
        },
        sort_keys=True,
    )


@settings(max_examples=40, deadline=None)
@given(st.permutations(FACTS))
def test_cohorts_order_does_not_matter(order: list) -> None:  # type: ignore[type-arg]
    assert _dump(build_model(order)) == _dump(EXPECTED)
    assert _dump(build_model(order, as_of="2022-11-30")) == _dump(EXPECTED_AS_OF)


@settings(max_examples=30, deadline=None)
@given(st.permutations(FACTS), st.integers(min_value=0, max_value=len(FACTS)))
def test_cohorts_duplicates_do_not_matter(order: list, n: int) -> None:  # type: ignore[type-arg]
    # A report added twice (the store's "unchanged") changes nothing.
    assert _dump(build_model(order + order[:n])) == _dump(EXPECTED)


def test_cohorts_expected_is_not_empty() -> None:
    assert EXPECTED.programmes and EXPECTED.conflicts and EXPECTED.links
