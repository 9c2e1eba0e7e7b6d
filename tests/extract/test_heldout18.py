"""Phrasings found on tests/heldout18 (brief wire-style items), in sentences written for these
tests (no report text): events of a dispatch told as done in one clause, a state's sanctions on
a firm, contracts extended by a term, and a report's sources counted as workers."""

from __future__ import annotations

import pytest

from extract_support import types_of
from tumen.extract.pipeline import extract
from tumen.model import Record, Report


def record(text: str) -> Record:
    return extract(Report(id="t", sha256="0", text=text, published="2025-06-02"))


# A dispatch told as done with a place after its "to" says the workers are there; work ahead
# "to work on" a named project; a later leg "continued by train"; time served at camps; a
# state's sanctions with words between "imposed" and "sanctions"; "extended by six months".
YIELDS = [
    ("North Korea has sent about 150 construction workers to Omsk, a source said.", "arrival"),
    ("The DPRK has dispatched a third group of 90 welders to a shipyard near Nakhodka in Russia's Primorsky Krai.", "arrival"),
    ("A North Korean trading company has sent some 120 women to garment factories in Hunchun, China.", "arrival"),
    ("North Korean workers were sent in May to work on a pipeline project in Yakutsk.", "deployment"),
    ("Forty North Korean builders left for Russia this week. The group flew from Pyongyang to Khabarovsk and continued by bus.", "transit"),
    ("About 40 North Korean builders who had spent three years at sites near Tomsk were sent home in May.", "deployment"),
    ("Japan on Friday imposed new unilateral sanctions on two North Korean trading firms for sending workers to China.", "enforcement"),
    ("Britain imposed asset-freezing sanctions against a Vladivostok company that employs North Korean welders.", "enforcement"),
    ("The contracts of some 90 North Korean loggers at camps in Russia's Khabarovsk Krai have been extended by six months.", "extension"),
    ("The stay of the North Korean crew at the Tomsk plant, first set at a year, was extended for another year.", "extension"),
    ("The North Korean builders are on two-year contracts.", "terms"),
]  # fmt: skip

# A guess ("may have sent"), background told before another event ("had sent"), a plan still to
# come: no arrival; the contracts that are the subject of an extension are not also terms.
AVOIDS = [
    ("North Korea may have sent several hundred workers to Russia, officials said.", "arrival"),
    ("By 2019 North Korea had sent some 30,000 workers to Russia, the report said.", "arrival"),
    ("North Korea plans to send 500 builders to the Moscow region next year.", "arrival"),
    ("North Korea has sent 3,000 more troops to Russia's Kursk region, Seoul said.", "arrival"),
    ("Contracts for some 90 North Korean loggers at camps in Russia's Khabarovsk Krai have been extended by six months.", "terms"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type"), YIELDS)
def test_brief_item_yields(text: str, event_type: str) -> None:
    assert event_type in types_of(text)


@pytest.mark.parametrize(("text", "event_type"), AVOIDS)
def test_brief_item_avoids(text: str, event_type: str) -> None:
    assert event_type not in types_of(text)


# The people a report cites are its sources, not workers sent.
SOURCES = [
    ("North Korea will send 300 builders to Kazan, according to three people familiar with the plan.", [300.0]),
    ("Pyongyang plans to send 800 workers to Rostov, a newspaper said, citing two people close to the talks.", [800.0]),
    ("Four people with knowledge of the deal said North Korea would send 200 welders to Perm.", [200.0]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "counts"), SOURCES)
def test_sources_are_not_worker_counts(text: str, counts: list[float]) -> None:
    found = [q.min for q in record(text).quantities if q.unit == "workers"]
    assert found == counts
