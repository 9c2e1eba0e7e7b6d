"""Actor mentions. Sentences written for these tests in the genre's phrasing."""

from __future__ import annotations

import pytest

from tumen.extract.actors import find_actors
from tumen.extract.sentences import split_sentences
from tumen.model import Actor


def actors(text: str) -> list[Actor]:
    return find_actors(text, split_sentences(text))


# (text, mention, canonical name, kind, country)
MENTIONS = [
    ("A source in North Korea spoke to Daily NK by phone.", "Daily NK", "Daily NK", "media", "KR"),
    (
        "A source in North Korea spoke to Daily NK by phone.",
        "A source in North Korea",
        "source",
        "source",
        "KP",
    ),
    (
        "Sources in Russia told RFA that the pay was cut.",
        "Sources in Russia",
        "source",
        "source",
        "RU",
    ),
    ("Sources in Russia told RFA that the pay was cut.", "RFA", "Radio Free Asia", "media", "US"),
    (
        "The Yonhap news agency reported the figure on Sunday.",
        "Yonhap news agency",
        "Yonhap",
        "media",
        "KR",
    ),
    ("KBS obtained the interviews with the defectors.", "KBS", "KBS", "media", "KR"),
    (
        "According to Seoul's spy agency, the workers left in July.",
        "Seoul's spy agency",
        "National Intelligence Service",
        "agency",
        "KR",
    ),
    (
        "The NIS told lawmakers in a closed-door briefing.",
        "NIS",
        "National Intelligence Service",
        "agency",
        "KR",
    ),
    (
        "South Korea\u2019s spy agency said on Sunday.",
        "South Korea\u2019s spy agency",
        "National Intelligence Service",
        "agency",
        "KR",
    ),
    (
        "The UN panel found new evidence of IT workers abroad.",
        "UN panel",
        "UN Panel of Experts",
        "international_body",
        None,
    ),
    (
        "The MSMT published its second report in October.",
        "MSMT",
        "Multilateral Sanctions Monitoring Team",
        "international_body",
        None,
    ),
    (
        "The UN Security Council adopted the resolution unanimously.",
        "UN Security Council",
        "UN Security Council",
        "international_body",
        None,
    ),
    (
        "The Russian government did not comment.",
        "The Russian government",
        "Russian government",
        "state",
        "RU",
    ),
    (
        "The Unification Ministry declined to comment.",
        "Unification Ministry",
        "Ministry of Unification",
        "agency",
        "KR",
    ),
    (
        "Russia's Labor Ministry refused the quota.",
        "Russia's Labor Ministry",
        "Russia's Labor Ministry",
        "agency",
        None,
    ),
    (
        "President Vladimir Putin met the delegation.",
        "Vladimir Putin",
        "Vladimir Putin",
        "person",
        None,
    ),
    (
        "Olga Smirnova, a spokeswoman for the border post, confirmed it.",
        "Olga Smirnova",
        "Olga Smirnova",
        "person",
        None,
    ),
    (
        "Prof. Kang Dong-wan said the men were young.",
        "Kang Dong-wan",
        "Kang Dong-wan",
        "person",
        None,
    ),
    (
        "Human Rights Watch documented the abuse.",
        "Human Rights Watch",
        "Human Rights Watch",
        "ngo",
        None,
    ),
    (
        "A researcher at the Sejong Institute wrote the brief.",
        "the Sejong Institute",
        "Sejong Institute",
        "ngo",
        "KR",
    ),
    (
        "Workers were hired by Cholsan Construction in Moscow.",
        "Cholsan Construction",
        "Cholsan Construction",
        "company",
        None,
    ),
    ("Daily NK\u2019s source said the teams were small.", "source", "source", "source", None),
    ("According to local sources, the train was full.", "local sources", "source", "source", None),
    (
        "TASS news agency said on Sunday that a freight train had crossed at Khasan.",
        "TASS news agency",
        "TASS",
        "media",
        "RU",
    ),
    (
        "The report cited Radio Free Asia as its source.",
        "Radio Free Asia",
        "Radio Free Asia",
        "media",
        "US",
    ),
]


@pytest.mark.parametrize(("text", "mention", "name", "kind", "country"), MENTIONS)
def test_actors_mention(text: str, mention: str, name: str, kind: str, country: str | None) -> None:
    found = {a.mention: a for a in actors(text)}
    assert mention in found, sorted(found)
    actor = found[mention]
    assert (actor.name, actor.kind, actor.country) == (name, kind, country)
    assert text[actor.span[0] : actor.span[1]] == mention


# Words that look like actors but are not.
NOT_ACTORS = [
    ("Moscow may try to source labourers from Central Asia.", "source"),
    ("Remittances are a source of income for the families.", "a source"),
    ("The unit was renamed in 2019.", "UN"),
    ("The workers tapped an app for the map.", "AP"),
]


@pytest.mark.parametrize(("text", "not_mention"), NOT_ACTORS)
def test_actors_look_alikes(text: str, not_mention: str) -> None:
    assert not_mention not in {a.mention for a in actors(text)}


def test_actors_never_overlap_and_are_sorted() -> None:
    text = (
        "The UN Security Council and the UN panel of experts disagree, a source in Russia told "
        "Radio Free Asia, while the National Intelligence Service (NIS) said nothing."
    )
    found = actors(text)
    spans = [a.span for a in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(a.id == "" and a.key == "" for a in found)
