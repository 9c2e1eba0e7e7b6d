"""Places and roles, eighteenth cycle (brief wire items): the capital standing for the state
that sends ("Pyongyang to send builders"), the press named by a demonym ("a Russian business
daily"), a country crossed on the way to a further place, sites placed in a town by a reported
plan ("would work on estates in X"), and a headline's region over a body that names the site in
it.

Every sentence is written for this file; none comes from a report. Expected values follow
gold.md ("places") and extraction.md ("Roles").
"""

from __future__ import annotations

import pytest

from places_support import mention, mentions, resolve


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang to send welders to Kazan shipyard\n\nPyongyang plans to send about 300 "
        "welders to a shipyard in Kazan, a newspaper said.",
        "Pyongyang will send workers to Omsk\n\nPyongyang will send 200 workers to Omsk.",
    ],
)
def test_capital_standing_for_the_sending_state_is_no_place(text: str) -> None:
    assert {p.role for p in mentions(resolve(text), "Pyongyang")} == {"other"}


def test_capital_before_its_people_is_still_the_origin() -> None:
    text = "About 40 Pyongyang builders were sent to Omsk in May."
    assert mention(resolve(text), "Pyongyang").role == "origin"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("North Korea will send 500 builders to Tula, a Russian business daily reported.", "Russian"),
        ("North Korean seamstresses arrived in Hunchun in May, a Chinese newspaper said.", "Chinese"),
        ("Some 90 North Korean welders work in Perm, a Russian news outlet reported.", "Russian"),
    ],
)  # fmt: skip
def test_the_press_by_its_demonym_is_no_place(text: str, surface: str) -> None:
    assert mention(resolve(text), surface).role == "other"


def test_papers_of_a_country_are_not_its_press() -> None:
    text = "About 120 North Korean women are waiting in Pyongyang for Chinese work papers to go to Hunchun."
    assert mention(resolve(text), "Chinese").role == "destination"


@pytest.mark.parametrize(
    ("text", "crossed", "end"),
    [
        ("The North Korean laborers were flown to Moscow and then taken across Russia by bus to Luhansk.", "Russia", "Luhansk"),
        ("The North Korean builders were driven across Belarus by coach to Smolensk.", "Belarus", "Smolensk"),
    ],
)  # fmt: skip
def test_country_crossed_on_the_way_is_transit(text: str, crossed: str, end: str) -> None:
    places = resolve(text)
    assert mention(places, crossed).role == "transit"
    assert mention(places, end).role == "destination"


def test_reported_plan_of_sites_in_a_town_is_a_workplace() -> None:
    text = (
        "North Korea will send 400 builders to the Moscow region. The North Korean workers "
        "would work on apartment blocks in Tver and Klin, the paper said."
    )
    places = resolve(text)
    assert mention(places, "Tver").role == "workplace"
    assert mention(places, "Klin").role == "workplace"


def test_guess_of_sites_in_a_region_stays_a_destination() -> None:
    text = "North Korean workers might be sent to construction sites in the Kursk region."
    assert mention(resolve(text), "Kursk region").role == "destination"


@pytest.mark.parametrize(
    ("text", "region", "site"),
    [
        (
            "North Korean welders in Primorsky Krai stay on\n\nAbout 80 North Korean welders at "
            "a shipyard in Bolshoy Kamen, in Russia's Primorsky Krai, will stay another year.",
            "Primorsky Krai",
            "Bolshoy Kamen",
        ),
        (
            "North Korean loggers in Khabarovsk Krai sent home\n\nAbout 50 North Korean loggers "
            "from camps near Komsomolsk-on-Amur in Russia's Khabarovsk Krai were sent home.",
            "Khabarovsk Krai",
            "Komsomolsk-on-Amur",
        ),
    ],
)
def test_headline_region_holding_a_named_site_is_the_destination(
    text: str, region: str, site: str
) -> None:
    places = resolve(text)
    assert {p.role for p in mentions(places, region)} == {"destination"}
    assert mention(places, site).role == "workplace"


def test_region_named_as_where_workers_are_in_the_body_stays_the_workplace() -> None:
    text = (
        "North Korean construction workers in Russia's Amur region say the state takes most "
        "of their wages, sources said."
    )
    assert mention(resolve(text), "Amur region").role == "workplace"
