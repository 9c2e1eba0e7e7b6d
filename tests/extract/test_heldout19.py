"""Phrasings found on tests/heldout19, in sentences written for these tests (no report text):
counts told as "N others" or "N of them" after the men were named, a contract's option to stay
more years, and workers stranded abroad (no wait before leaving)."""

from __future__ import annotations

import pytest

from extract_support import types_of, worker_counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "A first batch of 90 North Korean workers left Dandong last week. Some 250 others "
            "are to be sent home before winter.",
            [90, 250],
        ),
        (
            "About 60 North Korean seamstresses went home in May; 40 others were repatriated in June.",
            [60, 40],
        ),
        (
            "The North Korean men sleep in a warehouse by the site, a foreman said. Three of "
            "them were sent home in April after falling ill.",
            [3],
        ),
        (
            "The brigades from North Korea pour concrete late into the night. Four of them "
            "fled the site in June.",
            [4],
        ),
    ],
)
def test_others_and_of_them_are_workers(text: str, counts: list[float]) -> None:
    assert worker_counts(text) == counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # Soldiers are not workers, however the part is told.
        (
            "North Korean troops were sent to the front in Kursk. Five of them were captured "
            "by Ukrainian forces.",
            [],
        ),
    ],
)
def test_of_them_not_soldiers(text: str, counts: list[float]) -> None:
    assert worker_counts(text) == counts


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "The North Korean builders signed for two years and may stay one more year if the "
            "contractor wins a second phase.",
            "extension",
        ),
        (
            "North Korean welders at the yard were told they could stay two more years.",
            "extension",
        ),
        # Still waiting in the DPRK to leave is standby.
        (
            "Some 80 North Korean workers picked for jobs in Russia have been stranded in "
            "Chongjin since spring.",
            "standby",
        ),
    ],
)
def test_heldout19_yields(text: str, event_type: str) -> None:
    assert event_type in types_of(text)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # Stranded abroad by a closed border is no wait before a dispatch.
        (
            "The North Korean seamstresses had worked in Dandong since 2018, and the border "
            "closure left them stranded there for years.",
            "standby",
        ),
    ],
)
def test_heldout19_avoids(text: str, event_type: str) -> None:
    assert event_type not in types_of(text)
