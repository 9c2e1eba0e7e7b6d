"""Places named as what workers are taken on for: "recruiting more builders for X" makes X the
destination, whatever the verb of taking on (recruit, sign up, hire, select, enlist) and whether
it is active or passive.

Every sentence is written for this file; none comes from a report. Expected values follow
gold.md ("places") and extraction.md ("Roles").
"""

from __future__ import annotations

import pytest

from places_support import assert_role_reads


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("North Korea is recruiting more laborers for the Donbas.", "Donbas"),
        ("Pyongyang is signing up additional builders for the Donbas this spring.", "Donbas"),
        ("Officials in Chongjin are hiring extra plasterers for Russia.", "Russia"),
        ("The state has selected about 200 construction workers for Kursk.", "Kursk"),
        ("Some 150 welders have been selected for Vladivostok, a source said.", "Vladivostok"),
        ("The recruitment of young construction workers for Crimea has begun.", "Crimea"),
        ("Builders were recruited from Hamhung for Russia.", "Russia"),
        ("North Korea is recruiting laborers from the provinces for Tomsk.", "Tomsk"),
        ("Provincial offices enlisted hundreds of loggers for Amur Oblast.", "Amur Oblast"),
    ],
)
def test_place_workers_are_taken_on_for_is_the_destination(text: str, surface: str) -> None:
    assert_role_reads(text, surface, "destination")


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        # The place of the sites, or of the firm, keeps its own reading.
        ("North Korea is recruiting workers for construction sites in the Donbas.", "Donbas",
         "workplace"),
        ("North Korea is recruiting workers for a company based in Moscow.", "Moscow",
         "workplace"),
        # Where they are recruited stays where they come from.
        ("Builders were recruited from Hamhung for Russia.", "Hamhung", "origin"),
        # A country's war, a home project, people who are not workers: no destination.
        ("North Korea is recruiting workers for Russia's war effort.", "Russia", "other"),
        ("Officials are recruiting laborers for Wonsan.", "Wonsan", "other"),
        ("Thousands of fans signed up for the Seoul concert.", "Seoul", "other"),
        ("North Korea is recruiting workers for its farms, a source in Dandong said.", "Dandong",
         "other"),
    ],
)  # fmt: skip
def test_near_misses_of_taking_on_for_a_place(text: str, surface: str, role: str) -> None:
    assert_role_reads(text, surface, role)
