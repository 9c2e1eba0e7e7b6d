"""Attribution: who makes each claim. Sentences written for these tests in the genre's phrasing."""

from __future__ import annotations

import pytest

from tumen.extract.actors import find_actors
from tumen.extract.attribution import attribute_sentences, self_names
from tumen.extract.sentences import split_sentences
from tumen.model import Attribution


def attributions(text: str, publisher: str | None = None) -> list[Attribution]:
    sentences = split_sentences(text)
    actors = find_actors(text, sentences)
    for n, actor in enumerate(actors, 1):
        actor.id = f"a{n}"
    return attribute_sentences(text, sentences, actors, publisher)


# (one-sentence text, kind, mention)
SINGLE = [
    (
        "A source in North Korea, speaking to Daily NK, said the crew had left Hyesan.",
        "insider_source",
        "A source in North Korea",
    ),
    (
        "A source in Russia told RFA that the workers were moved to Khabarovsk.",
        "insider_source",
        "A source in Russia",
    ),
    ("The workers are waiting in Chongjin, said the source.", "insider_source", "the source"),
    ("Sources say the laborers were moved to a new site.", "insider_source", "Sources"),
    (
        "According to local sources, the workers arrived by train.",
        "insider_source",
        "local sources",
    ),
    (
        "According to Seoul's spy agency, thousands of workers were sent last year.",
        "government",
        "Seoul's spy agency",
    ),
    ("The NIS said North Korea was sending workers to Russia.", "government", "NIS"),
    (
        "The National Intelligence Service told lawmakers that about 4,000 workers are in Russia.",
        "government",
        "National Intelligence Service",
    ),
    ("According to Yonhap, the workers entered Russia on student visas.", "other_media", "Yonhap"),
    (
        "The Financial Times reported that Russian firms struggled to find staff.",
        "other_media",
        "The Financial Times",
    ),
    (
        "The UN panel found that the workers were earning money for the regime.",
        "international_body",
        "UN panel",
    ),
    ("The MSMT said the workers were sent on student visas.", "international_body", "MSMT"),
    (
        "According to the Multilateral Sanctions Monitoring Team, IT workers remain abroad.",
        "international_body",
        "Multilateral Sanctions Monitoring Team",
    ),
    (
        "Daily NK has learned that Pyongyang is hiring another batch of builders.",
        "report_author",
        "Daily NK",
    ),
    (
        "Pyongyang is hiring another batch of builders, Daily NK has learned.",
        "report_author",
        "Daily NK",
    ),
    ("North Korea sent 300 workers to Russia in July.", "report_author", None),
    ("It has been found that nine workers defected last month.", "report_author", None),
    (
        "Deputy Prime Minister Marat Khusnullin said North Korean builders would be welcome.",
        "official",
        "Marat Khusnullin",
    ),
    (
        "Olga Smirnova, a spokeswoman for the border post, said the freight train was gone.",
        "official",
        "Olga Smirnova",
    ),
    (
        "Lee Min-ho, a research fellow at the Asan Institute for Policy Studies, said the crews came overland.",
        "ngo",
        "Lee Min-ho",
    ),
    ("Human Rights Watch said the workers were not paid.", "ngo", "Human Rights Watch"),
    (
        "A source cited by RFA said the instruction came down in late February.",
        "insider_source",
        "A source",
    ),
    ("The report said the workers would not fight.", "other_media", "The report"),
    (
        "Experts say North Korea will send more workers once the fighting eases.",
        "unknown",
        "Experts",
    ),
    (
        "The Russian government said the workers had entered legally.",
        "government",
        "The Russian government",
    ),
]


@pytest.mark.parametrize(("text", "kind", "mention"), SINGLE)
def test_attribution_single_sentence(text: str, kind: str, mention: str | None) -> None:
    (attribution,) = attributions(text)
    assert (attribution.kind, attribution.mention) == (kind, mention)
    if mention is not None:
        assert attribution.span is not None
        assert text[attribution.span[0] : attribution.span[1]] == mention


def test_attribution_links_actor_id() -> None:
    (attribution,) = attributions("The workers left on Monday, said the source.")
    assert attribution.actor == "a1"


def test_attribution_pronoun_resolves_to_the_source() -> None:
    text = (
        "A source in North Korea, speaking to Daily NK, said the vetting had ended.\n\n"
        "\u201cHundreds applied for a few places,\u201d he said."
    )
    second = attributions(text)[1]
    assert (second.kind, second.mention) == ("insider_source", "A source in North Korea")


def test_attribution_he_added_carries_the_source() -> None:
    text = "The source said the workers were ready. He added that the train would leave on Friday."
    assert [a.mention for a in attributions(text)] == ["The source", "The source"]


def test_attribution_quote_spanning_sentences() -> None:
    text = (
        "\u201cThe workers will go in small teams. They will cross at Tumangang. "
        "Nobody knows the date,\u201d the source said."
    )
    result = attributions(text)
    assert len(result) == 3
    assert all(a.kind == "insider_source" and a.mention == "the source" for a in result)


def test_attribution_untagged_quote_continues_previous_quote() -> None:
    text = (
        "\u201cSix teams will be sent,\u201d said the source. "
        "\u201cEach team has about 50 people.\u201d"
    )
    assert [a.mention for a in attributions(text)] == ["the source", "the source"]


def test_attribution_scare_quotes_do_not_borrow_next_speaker() -> None:
    text = "The workers call it \u201cthe reclaimed land.\u201d The source said the pay was low."
    first, second = attributions(text)
    assert first.kind == "report_author" and first.mention is None
    assert second.mention == "The source"


def test_attribution_reporter_voice_between_quotes() -> None:
    text = (
        "\u201cThey left on Monday,\u201d said the source.\n\n"
        "The UN Security Council banned the dispatch of workers in 2017."
    )
    assert attributions(text)[1].kind == "report_author"


def test_attribution_outlet_own_earlier_report_is_report_author() -> None:
    text = (
        "A source told Daily NK that the vetting had ended. "
        "Daily NK reported in March that another intake was being prepared."
    )
    second = attributions(text)[1]
    assert (second.kind, second.mention) == ("report_author", "Daily NK")


def test_attribution_other_outlet_is_other_media() -> None:
    text = "Daily NK reported in March that another intake was being prepared."
    (attribution,) = attributions(text, publisher="The Korea Herald")
    assert attribution.kind == "other_media"


def test_attribution_publisher_is_report_author() -> None:
    text = "Radio Free Asia reported in May that the workers must pay more."
    (attribution,) = attributions(text, publisher="Radio Free Asia")
    assert attribution.kind == "report_author"


def test_attribution_self_names_from_told() -> None:
    text = "Sources in Russia told RFA that the workers pay USD 100 more."
    sentences = split_sentences(text)
    assert self_names(text, find_actors(text, sentences)) == frozenset({"Radio Free Asia"})


def test_attribution_colon_speech_tag() -> None:
    text = 'Prof. Park Ji-hoon (Kookmin Univ.) : "Many go abroad to earn hard currency."'
    (attribution,) = attributions(text)
    assert attribution.mention == "Park Ji-hoon"
