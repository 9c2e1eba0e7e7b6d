"""Places and roles, sixteenth and seventeenth cycles: page furniture (lists of other stories,
image credits), a town named both plainly and as "near X", "the occupied territory" pointing
back to a named oblast, a site placed at a spot of a town, a last leg ending at an unnamed
site, work named by its trade, DPRK towns the workers are taken to on the way out, and a few
more city names.

Every sentence is written for this file; none comes from a report. Expected values follow
gold.md ("places") and extraction.md ("Roles").
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from places_support import assert_role_reads, mention, mentions, resolve

# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "name", "country"),
    [
        ("Nizhny Novgorod", "Nizhny Novgorod", "RU"),
        ("Nizhniy Novgorod", "Nizhny Novgorod", "RU"),
        ("Ufa", "Ufa", "RU"),
        ("Spassk-Dalny", "Spassk-Dalny", "RU"),
        ("Veliky Novgorod", "Veliky Novgorod", "RU"),
    ],
)
def test_city_names_geonames_spells_otherwise(surface: str, name: str, country: str) -> None:
    text = f"About 90 North Korean builders were sent to {surface} in the spring."
    place = mention(resolve(text), surface)
    assert (place.name, place.country, place.precision) == (name, country, 1)


def test_nizhny_novgorod_region_stays_the_region() -> None:
    text = "The crews were sent to building sites in the Nizhny Novgorod region."
    place = mention(resolve(text), "Nizhny Novgorod region")
    assert place.precision == 3


# --- page furniture -------------------------------------------------------------------------

_STORY = (
    "About 60 North Korean loggers were sent to Tynda in the Amur region last month, a source "
    "said.\n\n"
)


@pytest.mark.parametrize(
    ("furniture", "surface"),
    [
        (
            "Related articles\n- Loggers sent to Zeya quit early\n- Rail link to Rason reopens",
            "Zeya",
        ),
        ("READ MORE\n\n- Why loggers in Chita quit early\n\n- Builders sent to Nakhodka", "Chita"),
        (
            "READ MORE\n\n- Why loggers in Chita quit early\n\n- Builders sent to Nakhodka",
            "Nakhodka",
        ),
        ("See also:\n\u2022 Builders in Kazan wait for pay", "Kazan"),
        ("More from Daily NK\n1. Builders sent to Blagoveshchensk go unpaid", "Blagoveshchensk"),
        ("Read more: Why workers in Khabarovsk went unpaid", "Khabarovsk"),
        ("RELATED: Builders sent to Irkutsk quit over pay", "Irkutsk"),
        (
            "North Korean workers board a ferry to Vladivostok, in a photo from 2021. "
            "(Image: Daily NK)",
            "Vladivostok",
        ),
    ],
)
def test_page_furniture_is_other(furniture: str, surface: str) -> None:
    places = resolve(_STORY + furniture)
    assert mention(places, surface).role == "other"
    assert mention(places, "Tynda").role != "other"


def test_list_of_stories_ends_at_the_next_paragraph_of_prose() -> None:
    # The list runs while its lines are titles; a paragraph of prose after it is the story.
    text = (
        "Related stories\n- Loggers in Chita wait for pay\n\n"
        "About 40 North Korean welders were sent to Nakhodka this week to repair trawlers, a "
        "source said."
    )
    places = resolve(text)
    assert mention(places, "Chita").role == "other"
    assert mention(places, "Nakhodka").role != "other"


@pytest.mark.parametrize(
    "line",
    [
        "Related to the pay cut, 30 North Korean workers in Tomsk walked off the site.",
        "More North Korean workers were sent to Tomsk this spring, officials said.",
    ],
)
def test_body_lines_starting_like_furniture_are_kept(line: str) -> None:
    assert mention(resolve(line), "Tomsk").role != "other"


# --- "near X" where X is also named plainly --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "The builders arrived in Tyumen in May. They put up housing outside Tyumen for an "
            "oil firm.",
            "Tyumen",
        ),
        (
            "About 50 North Korean workers have been working on a depot on the outskirts of "
            "Omsk since June. They came to Omsk by train.",
            "Omsk",
        ),
        (
            "The men were drawn from factories in Hamhung and wait at a hostel near Hamhung "
            "Station for their passports.",
            "Hamhung",
        ),
        ("They work on building sites in and around Kazan and in Kazan itself.", "Kazan"),
    ],
)
def test_near_a_town_also_named_plainly_is_the_town(text: str, surface: str) -> None:
    # One town, one place: a second item at precision 2 would count as another place.
    assert {p.precision for p in mentions(resolve(text), surface)} == {1}


def test_near_a_town_named_only_so_stays_near() -> None:
    text = "About 80 North Korean loggers work at a camp near Tynda, a source said."
    assert mention(resolve(text), "Tynda").precision == 2


# --- "the occupied territory" --------------------------------------------------------------


def test_the_occupied_territory_points_back_to_the_named_oblast() -> None:
    text = (
        "About 200 North Korean builders have arrived in Ukraine's Kherson region, officials "
        "said. They were driven through Rostov-on-Don into the occupied territory in May."
    )
    places = resolve(text)
    generic = mention(places, "occupied territory")
    assert generic.name == "Kherson region"
    assert generic.role == mention(places, "Kherson region").role == "destination"


@pytest.mark.parametrize(
    "text",
    [
        # No oblast named before it: the occupied east as a whole.
        "The builders arrived in occupied Mariupol after entering the occupied territory in June.",
        # Plural: the territories as a whole, beside the oblast.
        "Workers went to the Donetsk region and on into the occupied territories.",
    ],
)
def test_other_occupied_phrases_stay_the_occupied_east(text: str) -> None:
    place = next(p for p in resolve(text) if p.mention.startswith("occupied"))
    assert place.name == "Russian-occupied eastern Ukraine"


# --- roles ----------------------------------------------------------------------------------

# A site placed at a spot of a town keeps the town a site of work, whatever journey leads there.
_ON_THE_OUTSKIRTS = (
    "Some 70 North Korean builders have been working on a logistics hub on the outskirts of "
    "Ulan-Ude since spring. They flew from Pyongyang to Vladivostok and then made a long train "
    "journey to Ulan-Ude."
)
_ON_THE_EDGE = (
    "A crew of 90 North Korean plasterers is finishing flats on the northern edge of Perm. "
    "The crew arrived in Perm in March."
)
# The last leg ends at an unnamed site of work inside the town.
_DRIVEN_TO_THE_SITE = (
    "Our team of 40 left Hyesan by truck, crossed the river to Changbai and were driven straight "
    "to the factory compound. We sewed shirts at a garment factory in China's Jilin province."
)
# "in X and the wider X region": the region is governed by the same "in".
_WIDER_REGION = (
    "About 900 North Korean workers are employed on road projects in Kemerovo and the wider "
    "Kemerovo region."
)
# The trade named right after an area puts the work there.
_IN_TRADE = "The remaining North Korean workers are spread across Siberia, mostly in logging."
# A town reached with work as the purpose is an end of the journey, not a stop on the way,
# though another group went to a second country.
_SHIPPED_TO_WORK = (
    "About 100 North Korean women were taken by ship from Chongjin to Vanino to work at fish "
    "plants, the paper said. A separate group was bused to Yanji, China, to sew uniforms there."
)
# In the DPRK: a town the workers are taken to after being drawn from others is a stop.
_TAKEN_TO_PORT = (
    "The men were recruited from mines in Kimchaek and Tanchon in May and taken by bus on "
    "June 2 to Chongjin. They sailed for Vladivostok the next day."
)
# A later leg's purpose belongs to the later leg's end, not to the stop before it.
_LATER_LEG_PURPOSE = (
    "The builders will fly to Moscow and then go by coach to Luhansk to rebuild schools, the "
    "agency said."
)

ROLES = [
    (_ON_THE_OUTSKIRTS, "Ulan-Ude", "workplace"),
    (_ON_THE_OUTSKIRTS, "Vladivostok", "transit"),
    (_ON_THE_EDGE, "Perm", "workplace"),
    (_DRIVEN_TO_THE_SITE, "Changbai", "workplace"),
    (_DRIVEN_TO_THE_SITE, "Jilin province", "workplace"),
    (_DRIVEN_TO_THE_SITE, "Hyesan", "origin"),
    (_WIDER_REGION, "Kemerovo", "workplace"),
    (_WIDER_REGION, "Kemerovo region", "workplace"),
    (_IN_TRADE, "Siberia", "workplace"),
    (_SHIPPED_TO_WORK, "Vanino", "destination"),
    (_SHIPPED_TO_WORK, "Yanji", "destination"),
    (_TAKEN_TO_PORT, "Chongjin", "transit"),
    (_TAKEN_TO_PORT, "Kimchaek", "origin"),
    (_TAKEN_TO_PORT, "Vladivostok", "destination"),
    (_LATER_LEG_PURPOSE, "Moscow", "transit"),
    (_LATER_LEG_PURPOSE, "Luhansk", "destination"),
]


@pytest.mark.parametrize(("text", "surface", "role"), ROLES)
def test_roles_cycle16(text: str, surface: str, role: str) -> None:
    assert_role_reads(text, surface, role)


# A DPRK town the workers are simply sent to, with no towns they were drawn from, stays where
# their journey starts ("sent to Pyongyang for training").
def test_dprk_town_sent_to_without_earlier_towns_stays_origin() -> None:
    text = "The selected workers were sent to Pyongyang for training before leaving for Russia."
    assert mention(resolve(text), "Pyongyang").role == "origin"


_HEADINGS = st.sampled_from(["Related articles", "Read more", "See also", "Most read", "Related"])
_ITEMS = st.lists(
    st.sampled_from(["Hyesan", "Rason", "Chita", "Kazan", "Khabarovsk", "Tomsk"]),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40, deadline=None)
@given(heading=_HEADINGS, items=_ITEMS, bullet=st.sampled_from(["- ", "\u2022 ", "* ", ""]))
def test_every_place_in_a_list_of_stories_is_other(
    heading: str, items: list[str], bullet: str
) -> None:
    furniture = heading + "\n" + "\n".join(f"{bullet}Workers in {name} wait" for name in items)
    text = _STORY + furniture
    places = resolve(text)
    start = len(_STORY)
    listed = [p for p in places if p.span[0] >= start]
    assert len(listed) == len(items)
    assert all(p.role == "other" for p in listed)
    assert all(text[p.span[0] : p.span[1]] == p.mention for p in places)
