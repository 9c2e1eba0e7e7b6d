"""The whole pipeline on generated genre text: never an exception, always a valid record.

Random characters rarely reach the rules (no "North Korean", no "second round"); sentences
built from the genre's own words do, and case-fold traps (long s, dotless and dotted i, the
Kelvin sign) swapped into them test every table look-up behind a case-insensitive match.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from support import assert_valid_record
from tumen.extract.pipeline import extract
from tumen.ingest.reader import report_from_text

WORDS = (
    "North Korean workers construction builders labourers were sent dispatched to Russia "
    "Vladivostok Khasan Tumangang Pyongyang via by train bus the first second third round batch "
    "group of 200 about some more than up to 1,500 teams 30 each selection selected standby "
    "left arrived in for three years two-year contracts extended by a further six months $800 "
    "a month state takes 70 percent passports held minders UN Security Council resolution 2397 "
    "sanctions designated source said reportedly last week next month early November in 2024 "
    "Lunar New Year Chuseok before after until since between and , . round six batch ten"
).split()
TRAPS = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a", "K": "\u212a"}


def _trapped(word: str, flips: int) -> str:
    if not flips:
        return word
    return "".join(TRAPS.get(c, c) if (n + flips) % 3 == 0 else c for n, c in enumerate(word))


SENTENCE = st.lists(
    st.tuples(st.sampled_from(WORDS), st.integers(0, 3)), min_size=3, max_size=25
).map(lambda ws: " ".join(_trapped(w, f) for w, f in ws) + ".")
# A lead that makes the report relevant, so that the event, round and role rules run too.
LEAD = "A second batch of North Korean construction workers left Pyongyang for Russia by train. "
REPORT = st.lists(SENTENCE, min_size=1, max_size=8).map(lambda ss: LEAD + " ".join(ss))


@settings(max_examples=60, deadline=None)
@given(text=REPORT, published=st.sampled_from([None, "2024-05-17", "2022-11-28"]))
def test_pipeline_on_genre_text_gives_a_valid_record(text: str, published: str | None) -> None:
    report = report_from_text(text, name="generated.txt")
    if published:
        report.published = published
    record = extract(report).to_dict()
    assert_valid_record(record)
    for kind in ("places", "times", "quantities", "durations", "frequencies", "actors"):
        for item in record[kind]:
            start, end = item["span"]
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == item["mention"]
