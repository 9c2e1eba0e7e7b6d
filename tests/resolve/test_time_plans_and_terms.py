"""A plan under discussion, a season as the object of "spend", a length a contract allowed.

Every sentence is written for the test in the genre's phrasing; none is taken from a report.
"""

from __future__ import annotations

from datetime import date

import pytest

from tumen.extract.sentences import split_sentences
from tumen.resolve.time import find_times


def _times(published: str, text: str) -> list[tuple[str, str | None, str | None]]:
    found = find_times(text, date.fromisoformat(published), split_sentences(text))[0]
    return [(t.mention, t.start, t.end) for t in found]


def _durations(text: str) -> list[tuple[str, float | None, float | None]]:
    found = find_times(text, date(2025, 8, 1), split_sentences(text))[1]
    return [(d.mention, d.min_days, d.max_days) for d in found]


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        # Said in August of a plan being discussed: the coming spring, not the last one.
        (
            "2025-08-20",
            "Managers are already talking about hiring another brigade in the spring, he said.",
            [("in the spring", "2026-03-01", "2026-05-31")],
        ),
        (
            "2025-09-02",
            "The firm was talking of a second group in the autumn, a broker said.",
            [("in the autumn", "2025-09-01", "2025-11-30")],
        ),
        # "plans a ..." names a plan as "plans to" does: Friday after a Thursday is the next one.
        (
            "2024-05-02",
            "The ministry plans a new selection round Friday, a source said.",
            [("Friday", "2024-05-03", "2024-05-03")],
        ),
        (
            "2024-05-02",
            "Recruiters plan another medical check on Friday for the applicants.",
            [("on Friday", "2024-05-03", "2024-05-03")],
        ),
        # What happened stays in the past: no plan is named.
        (
            "2025-08-20",
            "The brigade already arrived in the spring and left in July.",
            [
                ("in the spring", "2025-03-01", "2025-05-31"),
                ("in July", "2025-07-01", "2025-07-31"),
            ],
        ),
        # A season as the object of "spend", said before it or after it.
        (
            "2025-03-05",
            "Thirty cadets will spend the summer at a shipyard in Nakhodka, the ministry said.",
            [("the summer", "2025-06-01", "2025-08-31")],
        ),
        (
            "2025-10-10",
            "The crew spent the winter repairing trawlers in Kamchatka.",
            [("the winter", "2024-12-01", "2025-02-28")],
        ),
        # Without "spend" a bare season is still no date ("the summer heat").
        ("2025-03-05", "The summer heat slowed the work, the builders said.", []),
    ],
)
def test_plans_and_seasons(
    published: str, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _times(published, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The welders stayed on well past the two years their visas originally permitted.",
            [("two years", 730.0, 730.0)],
        ),
        (
            "They were kept in Tomsk long after the three years that the contract allowed.",
            [("three years", 1095.0, 1095.0)],
        ),
        # A length with no contract or visa after it stays unread.
        ("The plant has grown over three years in the region, officials said.", []),
    ],
)
def test_a_length_a_contract_allowed(
    text: str, expected: list[tuple[str, float | None, float | None]]
) -> None:
    assert _durations(text) == expected
