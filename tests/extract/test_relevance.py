"""Relevance: DPRK labour dispatch versus look-alikes (missiles, soldiers, other workers)."""

from __future__ import annotations

import pytest

from tumen.extract.relevance import assess_relevance, triage

RELEVANT = [
    "North Korea is recruiting workers to send to Russia. The workers will leave in teams, "
    "a source said. Selections were completed last month and laborers wait in Pyongyang.",
    "Pyongyang ordered trading companies to select personnel for construction works in the "
    "Donbas. The personnel will be dispatched in spring; the selection ends in January.",
    "Thousands of North Korean labourers were sent overseas to earn foreign currency, and "
    "their wages were confiscated as loyalty funds, defectors said.",
]
NOT_RELEVANT = [
    "North Korea fired a ballistic missile into the sea on Monday, the military said. The "
    "missile flew 300 km. Troops were on alert.",
    "Ukraine said it captured two North Korean soldiers in Kursk. The soldiers were wounded "
    "in combat; troops found them after a battle.",
    "Unions said 40,000 workers would strike over wages in Seoul next week.",
    "Migrant workers from Central Asia fill a labour shortage in Russia's construction sector.",
]


@pytest.mark.parametrize("text", RELEVANT)
def test_relevance_relevant(text: str) -> None:
    result = assess_relevance(text)
    assert result.relevant and 0.5 <= result.score <= 1.0


@pytest.mark.parametrize("text", NOT_RELEVANT)
def test_relevance_not_relevant(text: str) -> None:
    result = assess_relevance(text)
    assert not result.relevant and 0.0 <= result.score < 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The DPRK said", True),
        ("news from pyongyang", True),
        ("N. Korea workers", True),
        ("Kim Jong Un visited a factory", True),
        # The prefilter lets South Korean news through; the scoring step drops it.
        ("South Korean exports rose", True),
        ("Japan's weather turned cold", False),
        ("Russian builders hired migrants", False),
    ],
)
def test_relevance_triage_prefilter(text: str, expected: bool) -> None:
    assert triage(text) is expected


def test_relevance_south_korean_news_is_dropped_after_triage() -> None:
    text = "South Korean workers went on strike in Seoul over wages; 3,000 workers marched."
    assert triage(text)
    assert not assess_relevance(text).relevant
