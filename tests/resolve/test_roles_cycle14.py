"""Place roles, fourteenth and fifteenth cycles: a place a journey reaches is the destination even
where work is named there; a clause or purpose putting the work there keeps it a site of work; a
country only entered on the way is passed through; and a few more places and names.

Every sentence is written for this file; none comes from a report. Expected values follow
gold.md ("places") and extraction.md ("Roles"): the last stop is the destination, a named site
or area of work the workplace, a place passed on the way to a named further stop is transit.
"""

from __future__ import annotations

import pytest

from places_support import assert_role_reads, mention, resolve
from tumen.resolve.gazetteer import gazetteer

# A place a verb of the journey reaches ("arrived in X", "taken on by bus to X", "then on to X")
# is the journey's end, the destination, though work there is named too.
_ARRIVED_AND_WORK = (
    "About 70 North Korean builders arrived in Blagoveshchensk in March, a source said. They lay "
    "bricks on housing sites in Blagoveshchensk for a local developer."
)
_TAKEN_ON_BY_BUS = (
    "The women crossed the bridge to Hunchun and were taken on by bus to Yanji. They sew "
    "uniforms at a garment factory in Yanji."
)
# "then on to X via Y": Y is a stop before X, not a further leg after it.
_ON_TO_VIA = (
    "About 60 North Korean builders are putting up a stadium in Luanda. The crews were flown "
    "from Pyongyang to Moscow and then on to Luanda via Addis Ababa. A smaller team runs a "
    "clinic in Benguela."
)
# ... but a clause or a purpose putting the work at the place keeps it a site of work.
_WHERE_TO_FINISH = (
    "A group of plasterers travelled by train to Khasan and changed at Ussuriysk before reaching "
    "Irkutsk, where they were to finish two apartment blocks. About 200 men worked at three "
    "sites in Irkutsk."
)
_MOVED_TO_WORK_AT = (
    "A fish plant in Murmansk has taken on 40 North Korean workers. They were moved by train to "
    "Murmansk last month to work at the plant, a source said."
)
# A journey still to come, or only hoped for, does not outweigh work named there.
_READY_TO_FLY = (
    "The second batch of North Korean workers has been told to be ready to fly to Khabarovsk "
    "next month. They are to be assigned to housing projects in Khabarovsk and Komsomolsk-on-Amur."
)
_WOULD_LEAVE = (
    "Until March a team of 30 North Korean workers had been renovating a hotel in Vientiane. "
    "Another team would leave Pyongyang for Vientiane in the spring if new work is found."
)
# A headline's "to X port" names a site; the body puts the work there.
_TO_X_PORT = (
    "Fisheries firm brings North Korean welders to Nakhodka port\n\n"
    "A group of 40 North Korean welders arrived in Nakhodka in May to repair trawlers, a source "
    "said."
)
# Work named as the purpose, but in a further place: the arrival is a stop on the way.
_PURPOSE_ELSEWHERE = (
    "A batch of North Korean farm workers arrived in Vladivostok by ferry to work in greenhouses "
    "in Artyom, an official said."
)
# "X and Y in occupied Z, where they are repairing ...": the clause covers the whole list.
_LIST_WHERE_WORK = (
    "About 600 of the North Korean builders were later moved from Taganrog to the cities of "
    "Horlivka and Makiivka in occupied eastern Ukraine, where they are repairing schools."
)

CYCLE14 = [
    (_ARRIVED_AND_WORK, "Blagoveshchensk", "destination"),
    (_TAKEN_ON_BY_BUS, "Yanji", "destination"),
    (_TAKEN_ON_BY_BUS, "Hunchun", "transit"),
    (_ON_TO_VIA, "Luanda", "destination"),
    (_ON_TO_VIA, "Moscow", "transit"),
    (_ON_TO_VIA, "Addis Ababa", "transit"),
    (_ON_TO_VIA, "Benguela", "workplace"),
    (_WHERE_TO_FINISH, "Irkutsk", "workplace"),
    (_WHERE_TO_FINISH, "Ussuriysk", "transit"),
    (_MOVED_TO_WORK_AT, "Murmansk", "workplace"),
    (_READY_TO_FLY, "Khabarovsk", "workplace"),
    (_READY_TO_FLY, "Komsomolsk-on-Amur", "workplace"),
    (_WOULD_LEAVE, "Vientiane", "workplace"),
    (_WOULD_LEAVE, "Pyongyang", "origin"),
    (_TO_X_PORT, "Nakhodka", "workplace"),
    (_PURPOSE_ELSEWHERE, "Vladivostok", "transit"),
    (_PURPOSE_ELSEWHERE, "Artyom", "workplace"),
    (_LIST_WHERE_WORK, "Horlivka", "workplace"),
    (_LIST_WHERE_WORK, "Makiivka", "workplace"),
    (_LIST_WHERE_WORK, "Taganrog", "transit"),
]


# A country holding only stops on the way to a further country is passed through, though the
# workers "entered" it or the report says where a stop lies in it ...
_ENTERED_ON_THE_WAY = (
    "About 300 North Korean builders arrived in occupied Melitopol this week. They flew from Pyongyang "
    "to Moscow and were then driven by bus through Voronezh. They entered Russia on study visas."
)
_STOP_IN_COUNTRY = (
    "The North Korean workers had travelled by train to Rostov-on-Don, in southern Russia, and "
    "were then taken by bus to Horlivka, where they repair roads."
)
# ... but not a country the workers were sent to.
_SENT_THERE_TOO = (
    "North Korea has sent 2,000 workers to Russia this year, and some of them were moved on to "
    "Donetsk via Rostov-on-Don. The workers entered Russia on study visas."
)

COUNTRIES = [
    (_ENTERED_ON_THE_WAY, "Russia", "transit"),
    (_ENTERED_ON_THE_WAY, "Melitopol", "destination"),
    (_STOP_IN_COUNTRY, "Russia", "transit"),
    (_STOP_IN_COUNTRY, "Rostov-on-Don", "transit"),
    (_SENT_THERE_TOO, "Russia", "destination"),
]

# A base of work: "works out of X", "operate from X and Y"; the region named right after a site
# of work as the one it lies in takes the site's role.
_WORKS_OUT_OF = (
    "A further team of about 20 North Korean programmers works out of Hunchun in Jilin Province."
)
_OPERATE_FROM = (
    "North Korean IT workers, in teams of five to ten, continued to operate from Cambodia and "
    "Vietnam, the panel said."
)
# A country listed with host countries is a host, whatever stop on the way it also holds.
_LISTED_HOST = (
    "The panel found that DPRK workers still earned income in several states, including Russia, "
    "China and Cambodia. About 40 builders at a hotel site in Phnom Penh were flown home via "
    "Beijing in March."
)
# Work at sawmills, greenhouses and clinics is work at the place.
_SAWMILLS = "About 150 North Korean men at three sawmills in Lesozavodsk were told to stay on."
# A DPRK town where the man worked before he was picked is where he comes from.
_HOME_ENTERPRISE = (
    "He was a welder at a machine enterprise in Hamhung when he was picked for work in Russia."
)
_JONGJU = "The women sent to China were chosen from factories in Jongju and Sinuiju, he said."

MORE = [
    (_WORKS_OUT_OF, "Hunchun", "workplace"),
    (_WORKS_OUT_OF, "Jilin Province", "workplace"),
    (_OPERATE_FROM, "Cambodia", "destination"),
    (_OPERATE_FROM, "Vietnam", "destination"),
    (_LISTED_HOST, "China", "destination"),
    (_LISTED_HOST, "Beijing", "transit"),
    (_SAWMILLS, "Lesozavodsk", "workplace"),
    (_HOME_ENTERPRISE, "Hamhung", "origin"),
    (_JONGJU, "Jongju", "origin"),
    (_JONGJU, "Sinuiju", "origin"),
]


@pytest.mark.parametrize(("text", "surface", "role"), CYCLE14 + COUNTRIES + MORE)
def test_roles_cycle14(text: str, surface: str, role: str) -> None:
    assert_role_reads(text, surface, role)


@pytest.mark.parametrize(
    "text",
    [
        "The developers pose as Chinese or Japanese freelancers on hiring platforms.",
        "They posed as Thai freelancers and Malaysian programmers to win contracts in Laos.",
    ],
)
def test_demonym_of_people_is_not_a_host(text: str) -> None:
    # "Japanese freelancers" are people of a nationality the workers pretend to have.
    nationalities = [p for p in resolve(text) if p.country in ("JP", "TH", "MY")]
    assert nationalities
    assert all(p.role == "other" for p in nationalities), nationalities


@pytest.mark.parametrize(
    ("surface", "name", "country", "precision"),
    [
        ("Lao People's Democratic Republic", "Laos", "LA", 4),
        ("Lao People\u2019s Democratic Republic", "Laos", "LA", 4),
        ("Jongju", "Jongju", "KP", 1),
        ("Tungokochensky district", "Tungokochensky district", "RU", 2),
    ],
)
def test_new_names(surface: str, name: str, country: str, precision: int) -> None:
    text = f"Workers were sent to {surface} last year."
    place = mention(resolve(text), surface)
    assert (place.name, place.country, place.precision) == (name, country, precision)


@pytest.mark.parametrize("inner", ["Chita", "Zabaykalsky Krai", "Tungokochensky district"])
def test_transbaikal_lies_in_the_far_east(inner: str) -> None:
    # Zabaykalsky Krai joined the Far Eastern Federal District in 2018.
    g = gazetteer()
    far_east = g.get("tumen:russian-far-east")
    found = [e for e in (g.get(i) for i in g.curated) if e is not None and e.name == inner]
    assert far_east is not None and found
    assert g.contains(far_east, found[0])
