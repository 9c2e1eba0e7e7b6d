"""Property: on generated reports, every event rests on at least one evidence span inside the
text, and each evidence text is exactly the text at its span. Reports are composed from our own
phrase bank in the genre's phrasing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tumen.extract.actors import find_actors
from tumen.extract.events import EventContext, find_events
from tumen.extract.sentences import split_sentences

SUBJECTS = [
    "North Korea",
    "The authorities",
    "Pyongyang",
    "The regime",
    "Officials in Rason",
    "A Russian developer",
]
CLAIMS = [
    "sent about 300 workers to Russia",
    "plans to dispatch a second batch of laborers in March",
    "completed the third and fourth round selections",
    "will hold a fifth round of builder recruitment",
    "asked for more North Korean workers",
    "keeps the selected workers on standby in Chongjin",
    "moved the laborers via Beijing to Moscow",
    "saw the workers arrive in Vladivostok by train",
    "employs the workers at construction sites in Amur",
    "extended the workers' visas twice a year",
    "ordered the workers to return home",
    "takes 70 percent of the workers' wages",
    "earns foreign currency from the dispatch",
    "keeps the workers under surveillance",
    "splits the workers into small teams to avoid sanctions",
    "lost two workers who defected to a third country",
    "had two trading companies designated by the US Treasury",
    "did not send any workers this year",
]
HEDGES = ["", "reportedly ", "likely ", "may have ", "is believed to have "]
TAGS = [
    "",
    ", a source in Ryanggang told the paper",
    ", said the source",
    ", according to Seoul's spy agency",
    ", the UN panel found",
    ", Daily NK has learned",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    body = f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(HEDGES))}{draw(st.sampled_from(CLAIMS))}"
    if draw(st.booleans()):
        return f"\u201c{body},\u201d{draw(st.sampled_from(TAGS[1:3])).lstrip(',')}."
    return f"{body}{draw(st.sampled_from(TAGS))}."


@st.composite
def report(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(sentence(), min_size=1, max_size=12))
    separators = draw(
        st.lists(
            st.sampled_from([" ", "\n", "\n\n", "  "]),
            min_size=len(sentences),
            max_size=len(sentences),
        )
    )
    return "".join(s + sep for s, sep in zip(sentences, separators, strict=True))


@settings(max_examples=150, deadline=None)
@given(report())
def test_event_evidence_inside_text(text: str) -> None:
    sentences = split_sentences(text)
    actors = find_actors(text, sentences)
    for n, actor in enumerate(actors, 1):
        actor.id = f"a{n}"
    for event in find_events(EventContext(text, sentences, [], [], [], [], actors)):
        assert event.evidence, event
        for evidence in event.evidence:
            start, end = evidence.span
            assert 0 <= start < end <= len(text)
            assert text[start:end] == evidence.text
        if event.attribution.span is not None:
            s, e = event.attribution.span
            assert text[s:e] == event.attribution.mention
        assert event.attribution.actor is None or event.attribution.actor.startswith("a")


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_event_evidence_inside_arbitrary_text(text: str) -> None:
    sentences = split_sentences(text)
    for event in find_events(
        EventContext(text, sentences, [], [], [], [], find_actors(text, sentences))
    ):
        assert event.evidence
        for evidence in event.evidence:
            assert text[evidence.span[0] : evidence.span[1]] == evidence.text
