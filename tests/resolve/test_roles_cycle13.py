"""Place roles, thirteenth cycle: groups shared out among several ends, modals in other clauses,
and a route's second leg ending after a site of work was named.

Every sentence is written for this file; none comes from a report. Expected values follow
gold.md ("places") and extraction.md ("Roles"): the last stop is the destination, a named site
or area of work the workplace, a place passed on the way to a named further stop is transit.
"""

from __future__ import annotations

import pytest

from places_support import assert_role_reads, mention, resolve

# A group flown in and then shared out among several cities: each city is an end of the
# journey, even when part of the group later moves on to another country.
_SHARED_OUT = (
    "About 3,000 North Korean builders were flown from Pyongyang to Vladivostok and then "
    "distributed by train to Khabarovsk, Ulan-Ude and Irkutsk, officials said. Several hundred "
    "of them were later moved on to occupied Ukraine, where they repair schools in Melitopol."
)
_DISPERSED = (
    "The loggers landed in Vladivostok and were dispersed to Blagoveshchensk and Chita, the "
    "source said. A smaller team was then sent on to sites in Donetsk."
)
_ALLOCATED = (
    "Once in Russia, the 200 recruits were allocated to Omsk, Tomsk and Novosibirsk by the "
    "ministry."
)
_SPLIT = "After arriving in Ussuriysk the brigade was split between Artyom and Nakhodka."
# The list of ends, and the province holding them: the Far East holds the cities named as the
# group's ends, so it is a destination too, not only an area of work.
_FAR_EAST_ENDS = (
    "Pyongyang has sent some 8,000 labourers to Russia this year, most of them to building sites "
    "in the Far East, lawmakers said. They were flown to Vladivostok and then distributed by "
    "rail to Khabarovsk and Blagoveshchensk. About 500 of them were then moved on to the Donbas "
    "and are rebuilding roads in Luhansk."
)

# A modal in a quotation or an earlier clause does not make a later posting hypothetical: the
# dormitory in X is where the man lived and worked.
_QUOTED_MODAL = (
    '"Some of them could hardly stand after a night shift," the source said, adding that two '
    "men had left their dormitory in Nevelsk in May."
)
_QUOTED_MODAL_CURLY = (
    "\u201cWe would sleep four hours a night,\u201d one worker recalled; he lived in a dormitory "
    "in Artyom for three years."
)
# ... while a modal in the mention's own clause still does: sites feared, not worked.
_OWN_MODAL = "The builders fear they might be sent to building sites in Kursk."

# A site of work named first, then a route whose second leg ends in another town: the route's
# end is the destination, not a stop on the way to the site named before it.
_SECOND_LEG = (
    "One worker ran away from a dormitory in Kholmsk in April. The replacements will fly to "
    "Vladivostok on a charter flight and then take a ferry to Korsakov, the source said."
)
_SECOND_LEG_CONTINUING = (
    "Six welders had worked at a repair yard in Nakhodka until March. Their successors flew to "
    "Moscow and continued to Murmansk by train."
)
# ... but a site named after the route (or a route going on from the stop) still makes the
# first stops transit.
_SITE_AFTER = (
    "The crews flew to Vladivostok and then took a bus to Ussuriysk. From there they went on to "
    "building sites in Arsenyev."
)

# The end of a later leg of the route is the journey's last stop, the destination, even where
# work there is named ...
_LEG_THEN_SITES = (
    "The crew will fly to Vladivostok and then travel on to building sites in Ussuriysk."
)
_LEG_CONTINUED_WORK = (
    "The welders flew to Moscow and continued to Murmansk by train. They are employed at a "
    "repair yard in Murmansk."
)
_LEG_CHANGE_AT = (
    "The team will take the train to Khasan and change at Ussuriysk for the long ride north to "
    "Komsomolsk-on-Amur. An earlier team is already building a depot in Komsomolsk-on-Amur."
)
_LEG_PUT_ON = (
    "At the border they were driven to Artyom and put on a train to Svobodny, where they will "
    "build a grain terminal."
)
# ... but not a region reached so (an area of work), nor a place reached by one leg only.
_LEG_REGION = "The builders flew to Moscow and then continued by bus to sites in Sverdlovsk Oblast."
_ONE_LEG_WORK = "The welders were sent to Murmansk, where they work at a repair yard."

CYCLE13 = [
    (_SHARED_OUT, "Khabarovsk", "destination"),
    (_SHARED_OUT, "Ulan-Ude", "destination"),
    (_SHARED_OUT, "Irkutsk", "destination"),
    (_SHARED_OUT, "Vladivostok", "transit"),
    (_SHARED_OUT, "Melitopol", "workplace"),
    (_DISPERSED, "Blagoveshchensk", "destination"),
    (_DISPERSED, "Chita", "destination"),
    (_DISPERSED, "Vladivostok", "transit"),
    (_ALLOCATED, "Omsk", "destination"),
    (_ALLOCATED, "Tomsk", "destination"),
    (_ALLOCATED, "Novosibirsk", "destination"),
    (_SPLIT, "Artyom", "destination"),
    (_SPLIT, "Nakhodka", "destination"),
    (_FAR_EAST_ENDS, "Khabarovsk", "destination"),
    (_FAR_EAST_ENDS, "Blagoveshchensk", "destination"),
    (_FAR_EAST_ENDS, "Far East", "destination"),
    (_FAR_EAST_ENDS, "Vladivostok", "transit"),
    (_FAR_EAST_ENDS, "Luhansk", "workplace"),
    (_QUOTED_MODAL, "Nevelsk", "workplace"),
    (_QUOTED_MODAL_CURLY, "Artyom", "workplace"),
    (_OWN_MODAL, "Kursk", "destination"),
    (_SECOND_LEG, "Kholmsk", "workplace"),
    (_SECOND_LEG, "Korsakov", "destination"),
    (_SECOND_LEG, "Vladivostok", "transit"),
    (_SECOND_LEG_CONTINUING, "Murmansk", "destination"),
    (_SECOND_LEG_CONTINUING, "Moscow", "transit"),
    (_SECOND_LEG_CONTINUING, "Nakhodka", "workplace"),
    (_SITE_AFTER, "Vladivostok", "transit"),
    (_SITE_AFTER, "Ussuriysk", "transit"),
    (_SITE_AFTER, "Arsenyev", "workplace"),
    (_LEG_THEN_SITES, "Ussuriysk", "destination"),
    (_LEG_THEN_SITES, "Vladivostok", "transit"),
    (_LEG_CONTINUED_WORK, "Murmansk", "destination"),
    (_LEG_CONTINUED_WORK, "Moscow", "transit"),
    (_LEG_CHANGE_AT, "Komsomolsk-on-Amur", "destination"),
    (_LEG_CHANGE_AT, "Ussuriysk", "transit"),
    (_LEG_PUT_ON, "Svobodny", "destination"),
    (_LEG_PUT_ON, "Artyom", "transit"),
    (_LEG_REGION, "Sverdlovsk Oblast", "workplace"),
    (_ONE_LEG_WORK, "Murmansk", "workplace"),
]


@pytest.mark.parametrize(("text", "surface", "role"), CYCLE13)
def test_roles_cycle13(text: str, surface: str, role: str) -> None:
    assert_role_reads(text, surface, role)


def test_province_with_a_site_and_a_journey_end_is_a_destination() -> None:
    # A province holding both a site of work (where one man lived) and the town the new group
    # travels to is where the group is sent, not itself a site.
    text = (
        "North Korean workers at fish plants on Russia's Sakhalin Island are to be replaced. "
        "One man fled his dormitory in Kholmsk last year. The new teams will fly to Vladivostok "
        "and then take a ferry to Korsakov."
    )
    places = resolve(text)
    assert mention(places, "Sakhalin Island").role == "destination"
    assert mention(places, "Kholmsk").role == "workplace"
    assert mention(places, "Korsakov").role == "destination"
