"""Sentence splitting keeps spans exact and does not break at the genre's abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tumen.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers left. They arrived.", ["Workers left.", "They arrived."]),
        (
            "Selections start on Nov. 1 in Pyongyang. Teams will leave later.",
            ["Selections start on Nov. 1 in Pyongyang.", "Teams will leave later."],
        ),
        (
            "The U.S. Treasury acted. The U.N. panel agreed.",
            ["The U.S. Treasury acted.", "The U.N. panel agreed."],
        ),
        (
            "“Hundreds applied for each place,” he said. “Most are from the provinces.”",
            ["“Hundreds applied for each place,” he said.", "“Most are from the provinces.”"],
        ),
        (
            "HEADLINE WITHOUT A STOP\n\nBody text starts here. It ends here!",
            ["HEADLINE WITHOUT A STOP", "Body text starts here.", "It ends here!"],
        ),
        ("Did they leave? Nobody knows.", ["Did they leave?", "Nobody knows."]),
        (
            "Mr. Kim said 2,000 left. Dr. Lee agreed.",
            ["Mr. Kim said 2,000 left.", "Dr. Lee agreed."],
        ),
        ("A caption line\nA second line.", ["A caption line", "A second line."]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"“”'A1,")), max_size=200))
def test_sentences_spans_are_ordered_and_trimmed(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        piece = text[sentence.start : sentence.end]
        assert piece == piece.strip() and piece
        previous_end = sentence.end
