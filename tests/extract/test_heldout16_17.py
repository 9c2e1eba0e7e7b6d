"""Phrasings found on tests/heldout16 and tests/heldout17, in sentences written for these tests
(no report text): events, worker counts and relevance."""

from __future__ import annotations

import pytest

from extract_support import types_of
from tumen.extract.quantities import find_quantities
from tumen.extract.relevance import assess_relevance
from tumen.extract.sentences import split_sentences

# Passports collected or left in a safe, minders living with a team "to watch them", being made
# to work through the night, guards from the police; a repatriation done "in line with" a
# resolution or ahead of its deadline, a listing "on its sanctions list"; visits declared as
# study, a firm's name used so that workers "do not show up", told to call themselves trainees; a
# journey from the DPRK told by its arrival ("arrived in X from Pyongyang"), a later leg "and then
# made a train journey to", waiting "at a lodging house", a stay "for at least a year", the visa
# most of them entered on.
YIELDS = [
    ("The North Korean crew's team leader collected their passports at the airport.", "abuse"),
    # an interview: the narrator's group left a DPRK city, so "we" and "our" are the workers
    ("An interview with a North Korean woman who sewed coats in China.\n\nQ: How did you leave?\n\nKim: Our group of 40 women left Chongjin by bus in May.\n\nQ: Could you go out?\n\nKim: Only to the shop. Our passports stayed in the manager's safe, and we sewed fifteen hours a day.", "abuse"),
    ("A security officer lives with each team of North Korean coders to watch them.", "abuse"),
    ("North Korean coders who miss their targets are made to work through the night.", "abuse"),
    ("The North Korean builders are guarded by Russian police at their camp.", "abuse"),
    ("Mongolia sent home the last 40 North Korean workers in line with Resolution 2397.", "enforcement"),
    ("The ministry sent North Korean workers home ahead of the deadline set by Security Council Resolution 2397.", "enforcement"),
    ("Japan's finance ministry placed three North Korean nationals and a trading firm on its sanctions list.", "enforcement"),
    ("About 3,000 North Koreans went to Kazakhstan last year to work, most of them declaring study as the purpose of their trip.", "evasion"),
    ("The North Korean welders are registered under a local firm's name so that they do not show up in labour records.", "evasion"),
    ("The North Korean builders were told to call themselves trainees if inspectors asked.", "evasion"),
    ("A group of 30 North Korean builders arrived in Khabarovsk from Pyongyang last week.", "departure"),
    # crossing into a neighbour of the DPRK leaves it
    ("A group of 80 North Korean women crossed into China at Tumen last week.", "departure"),
    ("The North Korean loggers flew to Khabarovsk and then made a two-day train journey to Tynda.", "transit"),
    # "both" stands for the two groups named before it
    ("Two groups of North Korean loggers reached Tynda this year. Both had flown to Khabarovsk and then made a two-day train journey north.", "transit"),
    ("The North Korean welders waited six weeks at a lodging house in Chongjin for their visas.", "standby"),
    ("The North Korean plasterers are expected to stay for at least a year.", "terms"),
    ("Some 2,000 North Korean workers entered Kazakhstan in the first half of last year, most of them on student visas.", "terms"),
]  # fmt: skip

# Told to be ready to leave (standby, not an order home), a camp the workers may leave only with
# a minder, a bridge crossed on the way to a further leg ("and go on to"), cash sent home.
AVOIDS = [
    ("The selected North Korean builders were told to be ready to leave in early May.", "return"),
    ("The North Korean builders live in a fenced camp that they can leave only with a minder.", "departure"),
    ("The North Korean welders will cross the bridge from Tumangang into Khasan and go on to Vladivostok by bus.", "arrival"),
    ("The North Korean coders were ordered to send extra cash home before the holiday.", "departure"),
    ("The North Korean coders were ordered to send extra cash home before the holiday.", "return"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type"), YIELDS)
def test_events_heldout16_17_yields_type(text: str, event_type: str) -> None:
    assert event_type in types_of(text)


@pytest.mark.parametrize(("text", "event_type"), AVOIDS)
def test_events_heldout16_17_avoids_type(text: str, event_type: str) -> None:
    assert event_type not in types_of(text)


CONTEXT = "A report on North Korea. "


def _counted(sentence: str) -> list[tuple[float | None, float | None]]:
    text = CONTEXT + sentence
    return [
        (q.min, q.max) for q in find_quantities(text, split_sentences(text)) if q.unit == "workers"
    ]


# A count told as a number that fell ("Their number fell to"), a quoted bound on a small group
# that came on study visas, "some 60 of the men" moved on, a count "up from" an earlier one, a
# bullet that starts with the figure ("Between 1,000 and 2,000 are employed").
WORKER_CASES: list[tuple[str, list[tuple[float | None, float | None]]]] = [
    ("About 9,000 North Koreans were working in Mongolia in 2016. Their number fell to about 3,000 by 2020.", [(9000, 9000), (3000, 3000)]),
    ('The official said "no more than 90" North Koreans had come, all on study visas.', [(None, 90)]),
    ("About 40,000 North Koreans worked in Russia in 2017. Their number fell to roughly 4,000 by 2019, the study said.", [(40000, 40000), (4000, 4000)]),
    ("The foreman said some 60 of the men would be moved to Donetsk in the spring.", [(60, 60)]),
    ("Pyongyang dispatched 8,000 workers to Russia last year, up from about 3,000 the year before.", [(8000, 8000), (3000, 3000)]),
    ("The briefing's points:\n- Between 1,000 and 2,000 are employed on farms in Amur Oblast.", [(1000, 2000)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), WORKER_CASES)
def test_quantities_heldout16_17_worker_counts(
    sentence: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert _counted(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a figure a correction withdraws; border statistics of many thousands on study visas
        "Correction: An earlier version of this story said about 2,000 North Korean workers were in Kursk.",
        'Officials said "about 12,000" North Koreans had come in 2024, most on study visas.',
        # a small group on a visit is no crew
        "About 40 North Koreans came to Kazan on study visas to visit the trade fair.",
    ],
)
def test_quantities_heldout16_17_not_worker_counts(sentence: str) -> None:
    assert _counted(sentence) == []


def test_relevance_trade_news_naming_workers_at_home_is_not_relevant() -> None:
    text = (
        "Trade between China and North Korea rose 12 percent in the first quarter, customs data "
        "showed. Imports from North Korea were led by wigs made by workers in Sinuiju from Chinese "
        "hair, while exports of rice and fertiliser to the North climbed."
    )
    assert not assess_relevance(text).relevant


def test_relevance_one_sentence_of_dprk_workers_abroad_stays_relevant() -> None:
    text = (
        "Some 40 North Korean workers have been building a hotel in Vladivostok since March, "
        "a source said."
    )
    assert assess_relevance(text).relevant
