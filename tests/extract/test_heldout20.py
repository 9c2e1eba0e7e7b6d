"""Phrasings found on tests/heldout20, in sentences written for these tests (no report text):
a rescue at sea is no dispatch, a brief ship voyage to a Russian region is, shares of a survey's
men ("Nine worked in ...", "12 of the 30", "Four of the interviewees"), a quoted former worker
is a speaker, a round whose head is left out, papers arranged while the men wait, a season's
stay, a receiving side turning to DPRK labour, a leg on from the airport, and past building work
before the way home."""

from __future__ import annotations

import pytest

from extract_support import types_of, worker_counts
from tumen.extract.event_rounds import rounds_of
from tumen.extract.quantities import find_quantities
from tumen.extract.relevance import assess_relevance
from tumen.extract.sentences import split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Japanese coast guards rescued nine North Korean fishermen from a capsized boat off "
        "Hokkaido and will hand them back to North Korea through China, officials said.",
        "Six North Korean fishermen found adrift off Primorye were sent home through Khasan "
        "after checks, the Russian border service said. Their boat had drifted for a month.",
    ],
)
def test_rescue_at_sea_is_not_relevant(text: str) -> None:
    assert not assess_relevance(text).relevant


@pytest.mark.parametrize(
    "text",
    [
        "A North Korean freighter with about 200 crab processing hands left Rajin for Magadan on "
        "Monday. It is the first voyage in years to carry North Korean workers to Kamchatka.",
        "Some 150 North Korean workers have been sent to Buryatia this spring, a source said.",
        # fishermen sent to work on foreign boats are labour, rescue words or not
        "North Korea sent 80 fishermen to work on Russian trawlers, one of which was rescued "
        "after a storm off Sakhalin, a trade official said.",
    ],
)
def test_workers_sent_to_a_foreign_region_are_relevant(text: str) -> None:
    assert assess_relevance(text).relevant


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "The group interviewed 30 North Korean workers. Nine worked in Tomsk; six were sent "
            "to Omsk.",
            [30, 9, 6],
        ),
        (
            "The group interviewed 30 North Korean workers about their contracts. Most said they "
            "were tired. Later, 12 of the 30 said their stays had been extended.",
            [30, 12],
        ),
        (
            "The group interviewed 30 North Korean workers at building sites. Four of the "
            "interviewees fled their work sites.",
            [30, 4],
        ),
        (
            'Some 40 North Korean workers were kept in a dormitory. "We could not go out," one '
            "former worker told the group.",
            [40],
        ),
    ],
)
def test_survey_shares_and_speakers(text: str, counts: list[float]) -> None:
    assert worker_counts(text) == counts


def test_a_trade_told_by_its_product_keeps_its_count() -> None:
    text = "A North Korean ship carrying nearly 250 fish processing workers left Rajin on Friday."
    found = [q for q in find_quantities(text, split_sentences(text)) if q.unit == "workers"]
    assert [(q.mention, q.min, q.max) for q in found] == [("nearly 250", None, 250)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Selection took three rounds. The first round was held at their factory, the second "
            "by county officials and the third in Pyongyang.",
            {1, 2, 3},
        ),
        (
            "The first round was held in March, the second in May, a source said.",
            {1, 2},
        ),
    ],
)
def test_a_round_with_its_head_left_out(text: str, expected: set[int]) -> None:
    sentences = split_sentences(text)
    found = {number for s in sentences for number, _, _ in rounds_of(text, s)}
    assert found == expected


def test_the_second_time_is_no_round() -> None:
    text = "The first round was held in March, and the second time they met in May."
    sentences = split_sentences(text)
    assert {number for s in sentences for number, _, _ in rounds_of(text, s)} == {1}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "The North Korean workers were kept in Pyongyang for weeks while their passports "
            "and Chinese visas were arranged.",
            "standby",
        ),
        (
            "The North Korean workers will spend the six-month season canning crab at a "
            "plant near Magadan.",
            "terms",
        ),
        (
            "Officials said Moscow was turning to North Korean labour to rebuild the region.",
            "demand",
        ),
        (
            "The North Korean workers flew to Dalian and were taken from the airport to the "
            "plants by coach.",
            "transit",
        ),
        (
            "About 90 North Korean workers who had built apartment blocks in Kazan left the city "
            "on Monday.",
            "deployment",
        ),
        (
            "About 90 North Korean workers who had built apartment blocks in Kazan left the city "
            "on Monday.",
            "return",
        ),
    ],
)
def test_event_cues(text: str, event_type: str) -> None:
    assert event_type in types_of(text)


def test_leaving_the_city_after_building_there_is_no_departure() -> None:
    text = (
        "About 90 North Korean workers who had built apartment blocks in Kazan left the city "
        "on Monday."
    )
    assert "departure" not in types_of(text)
