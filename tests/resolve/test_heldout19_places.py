"""Place phrasings found on tests/heldout19, in sentences written for these tests (no report
text): more European Russian regions, "occupied Kherson" as the oblast (Ukraine holds the city),
"the Russian-occupied part of Ukraine's X region" as X region, a dateline with its country, a
border city crossed from on the way home, a region crossed by train."""

from __future__ import annotations

import pytest

from places_support import assert_place_reads, resolve

CASES = [
    (
        "About 300 North Korean workers assemble engines at plants in the Kaluga region.",
        "Kaluga region",
        "Kaluga Oblast",
        "RU",
        "workplace",
    ),
    (
        "North Korean builders were sent to the Samara region in March, a source said.",
        "Samara region",
        "Samara Oblast",
        "RU",
        "destination",
    ),
    (
        "North Korean laborers have been sent to occupied Kherson to harvest melons.",
        "Kherson",
        "Kherson region",
        "UA",
        "destination",
    ),
    (
        "North Korean farm hands now work in the Russian-occupied part of Ukraine's Kherson "
        "region, the agency said.",
        "Kherson region",
        "Kherson region",
        "UA",
        "workplace",
    ),
    (
        "KHABAROVSK, Russia, March 3 (Reuters) - About 90 North Korean workers were sent to "
        "Nakhodka last week.",
        "Russia",
        "Russia",
        "RU",
        "other",
    ),
    (
        "A group of 80 North Korean women left Yanji by bus and crossed the bridge from Tumen "
        "back into North Korea.",
        "Tumen",
        "Tumen",
        "CN",
        "transit",
    ),
    (
        "The North Korean builders flew to Vladivostok, crossed Siberia by train and reached "
        "Kazan in May.",
        "Siberia",
        "Siberia",
        "RU",
        "transit",
    ),
]


@pytest.mark.parametrize(("text", "surface", "name", "country", "role"), CASES)
def test_heldout19_places(text: str, surface: str, name: str, country: str, role: str) -> None:
    assert_place_reads(text, surface, name, country, role)


def test_occupied_part_of_named_region_is_no_extra_place() -> None:
    text = (
        "North Korean farm hands now work in the Russian-occupied part of Ukraine's Kherson "
        "region, the agency said."
    )
    names = {p.name for p in resolve(text)}
    assert "Russian-occupied eastern Ukraine" not in names
    assert "Ukraine" in names
