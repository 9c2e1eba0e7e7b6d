"""Event arguments: the time an event takes is the time of its own verb's clause.

Every sentence here is written for these tests in the genre's phrasing (no report text).
"""

from __future__ import annotations

from datetime import date

import pytest

from tumen.extract.events import EventContext, find_events
from tumen.extract.sentences import split_sentences
from tumen.resolve.time import find_times


def _event_times(text: str) -> dict[str, str | None]:
    """Each event type of the text with the mention of the time it was given."""
    sentences = split_sentences(text)
    times = find_times(text, date(2023, 5, 10), sentences)[0]
    for n, t in enumerate(times, 1):
        t.id = f"t{n}"
    mention = {t.id: t.mention for t in times}
    events = find_events(EventContext(text, sentences, [], times, [], [], []))
    return {e.type: mention.get(e.time) if e.time else None for e in events}


# (sentence, event type, the time mention it must take, or None): a time belongs to the trigger
# of its own clause, the nearest verb before it ("selected ... to leave in June").
OWN_TIME = [
    ("The North Korean workers have been selected and will leave for Russia in early June.", "departure", "in early June"),
    ("The North Korean workers have been selected and will leave for Russia in early June.", "recruitment", None),
    ("Pyongyang picked 500 laborers, who are expected to depart for the Donbas in late July.", "recruitment", None),
    ("Pyongyang picked 500 laborers, who are expected to depart for the Donbas in late July.", "departure", "in late July"),
    ("In March the authorities recruited 200 North Korean builders to be sent to Russia.", "recruitment", "In March"),
    ("Officials intend to send the selected North Korean builders in mid-August.", "departure", "in mid-August"),
    ("Officials intend to send the selected North Korean builders in mid-August.", "recruitment", None),
    ("North Korean workers entered Russia on student visas in 2022, and many are now working on building sites.", "arrival", "in 2022"),
    ("North Korean workers entered Russia on student visas in 2022, and many are now working on building sites.", "deployment", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type", "mention"), OWN_TIME)
def test_events_time_is_the_time_of_its_own_verb(
    text: str, event_type: str, mention: str | None
) -> None:
    found = _event_times(text)
    assert event_type in found
    assert found[event_type] == mention
