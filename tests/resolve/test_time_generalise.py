"""Time expressions beyond the development corpus: a second table of phrasings, in context.

Separate from `test_time.py`. Every sentence is written for this file in the genre's phrasing;
none is taken from a report. Expected intervals follow gold.md ("times"): relative expressions
resolve against publication; parts of a month are 1-10, 11-20, 21-last; parts of a year Jan-Apr,
May-Aug, Sep-Dec, the end December and the beginning January; weeks run Monday to Sunday;
expressions anchored to another time in the text, and vague words, are left out.
Most rows are published on Wednesday 15 May 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from tumen.extract.sentences import split_sentences
from tumen.resolve.time import find_times

P = date.fromisoformat
PUB = "2024-05-15"  # a Wednesday

TIMES: list[tuple[str, str, list[tuple[str, str | None, str | None]]]] = [
    # --- quarters and halves without a year: the publication year -------------------------
    (PUB, "Remittances fell in the first quarter, the central bank said.",
     [("in the first quarter", "2024-01-01", "2024-03-31")]),
    (PUB, "Payments are to resume in the fourth quarter.",
     [("in the fourth quarter", "2024-10-01", "2024-12-31")]),
    (PUB, "Border crossings rose in Q1, customs data show.",
     [("in Q1", "2024-01-01", "2024-03-31")]),
    (PUB, "Arrivals doubled in the first half of the year.",
     [("in the first half of the year", "2024-01-01", "2024-06-30")]),
    (PUB, "Loyalty payments will be reviewed in the second half.",
     [("in the second half", "2024-07-01", "2024-12-31")]),
    (PUB, "The first half of the wage is kept by the state.", []),
    (PUB, "Quotas were raised at the start of the year.",
     [("at the start of the year", "2024-01-01", "2024-01-31")]),
    # --- parts of the current, last and next month or year -------------------------------
    (PUB, "The order reached the trading companies earlier this month.",
     [("earlier this month", "2024-05-01", "2024-05-31")]),
    (PUB, "The first team crossed the border early this month.",
     [("early this month", "2024-05-01", "2024-05-10")]),
    (PUB, "The logging camps were expanded late last year.",
     [("late last year", "2023-09-01", "2023-12-31")]),
    (PUB, "Each unit must hand in its list by the end of next month.",
     [("by the end of next month", "2024-06-21", "2024-06-30")]),
    (PUB, "A second group is due to leave late next month.",
     [("late next month", "2024-06-21", "2024-06-30")]),
    (PUB, "Wages went unpaid from the end of last year.",
     [("from the end of last year", "2023-12-01", "2023-12-31")]),
    (PUB, "The contracts run out at the beginning of next year.",
     [("at the beginning of next year", "2025-01-01", "2025-01-31")]),
    (PUB, "Officials met the contractors earlier this week.",
     [("earlier this week", "2024-05-13", "2024-05-19")]),
    # --- weekends and weekdays -------------------------------------------------------------
    (PUB, "The workers left Rason over the weekend, a source said.",
     [("over the weekend", "2024-05-11", "2024-05-12")]),
    (PUB, "The workers left Rason last weekend, a source said.",
     [("last weekend", "2024-05-11", "2024-05-12")]),
    (PUB, "The next group will travel this weekend.",
     [("this weekend", "2024-05-18", "2024-05-19")]),
    (PUB, "\u201cWe left over the weekend,\u201d a worker said.", []),
    (PUB, "The ministry confirmed the departure on Tuesday.",
     [("on Tuesday", "2024-05-14", "2024-05-14")]),
    (PUB, "The group will leave Pyongyang on Friday.",
     [("on Friday", "2024-05-17", "2024-05-17")]),
    # --- open and vague --------------------------------------------------------------------
    (PUB, "Flights between the two cities have run since late 2023.",
     [("since late 2023", "2023-09-01", "2023-12-31")]),
    (PUB, "More teams are expected to follow in the coming weeks.", []),
    (PUB, "More teams are expected to follow in the coming months.", []),
    (PUB, "Departures have picked up in recent weeks.", []),
    # --- years, decades, ranges ------------------------------------------------------------
    (PUB, "The passenger line should be running around mid-2024.",
     [("around mid-2024", "2024-05-01", "2024-08-31")]),
    (PUB, "Labour exports grew throughout the 2010s.",
     [("throughout the 2010s", "2010-01-01", "2019-12-31")]),
    (PUB, "Recruitment peaked in the late 2010s.",
     [("in the late 2010s", "2017-01-01", "2019-12-31")]),
    (PUB, "Most of the men were sent home in 2019-2020.",
     [("in 2019-2020", "2019-01-01", "2020-12-31")]),
    (PUB, "Inspections were stepped up between 2019 and 2021.",
     [("between 2019 and 2021", "2019-01-01", "2021-12-31")]),
    (PUB, "Remittances shrank from 2019 to 2021.",
     [("from 2019 to 2021", "2019-01-01", "2021-12-31")]),
    (PUB, "Work on the site stopped during the winter of 2023.",
     [("during the winter of 2023", "2023-12-01", "2024-02-29")]),
    (PUB, "A new brigade was formed in the summer of last year.",
     [("in the summer of last year", "2023-06-01", "2023-08-31")]),
    (PUB, "Workers were last rotated in the latter half of 2022.",
     [("in the latter half of 2022", "2022-07-01", "2022-12-31")]),
    (PUB, "All of the men are to be replaced by 2026.",
     [("by 2026", "2026-01-01", "2026-12-31")]),
    (PUB, "Their visas stay valid until the end of 2024.",
     [("until the end of 2024", "2024-12-01", "2024-12-31")]),
    (PUB, "More crews will be sent next spring.",
     [("next spring", "2025-03-01", "2025-05-31")]),
    (PUB, "More crews will be sent this summer.",
     [("this summer", "2024-06-01", "2024-08-31")]),
    (PUB, "The fee was doubled last December.",
     [("last December", "2023-12-01", "2023-12-31")]),
    # --- day dates in other spellings ------------------------------------------------------
    ("2024-09-20", "The team left Chongjin on Sept. 5, the source said.",
     [("on Sept. 5", "2024-09-05", "2024-09-05")]),
    ("2024-09-20", "The decree of 5 Sept 2024 names three trading firms.",
     [("5 Sept 2024", "2024-09-05", "2024-09-05")]),
    (PUB, "Posted 2024.03.05 by the editors.",
     [("2024.03.05", "2024-03-05", "2024-03-05")]),
    (PUB, "The first builders arrived on March 5th.",
     [("on March 5th", "2024-03-05", "2024-03-05")]),
    (PUB, "The list was approved on the 5th of March.",
     [("on the 5th of March", "2024-03-05", "2024-03-05")]),
    (PUB, "Talks with the contractor were held March 5-7.",
     [("March 5-7", "2024-03-05", "2024-03-07")]),
    (PUB, "Selections for the third round ended in mid-March.",
     [("in mid-March", "2024-03-11", "2024-03-20")]),
    (PUB, "The men were recruited in Sept 2023 from three factories.",
     [("in Sept 2023", "2023-09-01", "2023-09-30")]),
    (PUB, "PYONGYANG, May 14 (KCNA) -- A delegation left for Moscow.",
     [("May 14", "2024-05-14", "2024-05-14")]),
    # --- counted back from publication -----------------------------------------------------
    (PUB, "The first group left for Russia a year ago.",
     [("a year ago", "2023-01-01", "2023-12-31")]),
    (PUB, "The men reached Vladivostok two weeks ago.",
     [("two weeks ago", "2024-04-29", "2024-05-05")]),
    (PUB, "Payments stopped a month ago, the workers said.",
     [("a month ago", "2024-04-01", "2024-04-30")]),
    # --- tense from the event's verb, not the reporting verb ------------------------------
    ("2023-05-10", "\u201cThey will leave by train in mid-June,\u201d he said.",
     [("in mid-June", "2023-06-11", "2023-06-20")]),
    ("2024-02-14", "The tour group flew to Pyongyang on Friday for a trip that will last four days.",
     [("on Friday", "2024-02-09", "2024-02-09")]),
    # --- habits are not dates --------------------------------------------------------------
    (PUB, "\u201cWe work seven days a week, and at the end of the month the boss takes our pay.\u201d",
     []),
    # --- the year of a yearless month or season, from the tense and the deadline ------------
    ("2024-03-14", "A manager said the trust hopes to fill its quota before the end of May.",
     [("before the end of May", "2024-05-21", "2024-05-31")]),
    ("2024-03-14", "The group crossed the border before the end of May, the source said.",
     [("before the end of May", "2023-05-21", "2023-05-31")]),
    ("2024-02-02", "A new recruitment drive is planned for the summer.",
     [("for the summer", "2024-06-01", "2024-08-31")]),
    ("2025-06-11", "The ministry expects the next crews to depart before September.",
     [("before September", "2025-09-01", "2025-09-30")]),
    ("2024-11-20", "Quotas for the construction trusts by March, the circular says.",
     [("by March", "2025-03-01", "2025-03-31")]),
    ("2024-03-14", "The last crews left before February, the source said.",
     [("before February", "2024-02-01", "2024-02-29")]),
    ("2024-04-16", "The leader told builders to complete the blocks by the party's anniversary in October.",
     [("in October", "2024-10-01", "2024-10-31")]),
    ("2024-08-10", "Crews are being readied ahead of the congress in January.",
     [("in January", "2025-01-01", "2025-01-31")]),
    ("2024-04-10", "Officials want to send a new team in October.",
     [("in October", "2024-10-01", "2024-10-31")]),
    ("2024-06-02", "SEOUL, May 30 (Wire) -- The ministry expects more departures.",
     [("May 30", "2024-05-30", "2024-05-30")]),
    # "this <season>": the one under way, else the one just ended, or ahead if the tense says so
    ("2025-04-17", "Contracts of several hundred loggers expired this winter, the source said.",
     [("this winter", "2024-12-01", "2025-02-28")]),
    ("2025-04-17", "More loggers will be sent this winter.",
     [("this winter", "2025-12-01", "2026-02-28")]),
    ("2024-01-20", "The crews have been idle this winter.",
     [("this winter", "2023-12-01", "2024-02-29")]),
    ("2024-09-20", "Fewer boats went out this summer, fishermen said.",
     [("this summer", "2024-06-01", "2024-08-31")]),
    ("2024-04-02", "Recruiters are busy; this summer the first teams leave.",
     [("this summer", "2024-06-01", "2024-08-31")]),
    # A plan, permission or duty nearer than a past verb: its deadline is still to come.
    ("2024-04-09", "The builder already applied for permission to hire 150 more welders before the summer.",
     [("before the summer", "2024-06-01", "2024-08-31")]),
    ("2024-04-09", "The crews left the port before the summer, the source said.",
     [("before the summer", "2023-06-01", "2023-08-31")]),
    ("2019-07-18", "The farm has hired the men since 2018, despite a treaty requiring their return by December.",
     [("since 2018", "2018-01-01", "2018-12-31"), ("by December", "2019-12-01", "2019-12-31")]),
    ("2019-07-18", "The last of the men were sent home by December, officials said.",
     [("by December", "2018-12-01", "2018-12-31")]),
    # An order runs from when it was given: the nearest month, deadline word or not.
    ("2025-01-15", "Kenya has told a team of 12 North Korean nurses working in Nairobi to pack up and go home by the end of March.",
     [("by the end of March", "2025-03-21", "2025-03-31")]),
    ("2023-02-03", "Officials ordered the trusts to complete the lists by the end of January.",
     [("by the end of January", "2023-01-21", "2023-01-31")]),
    ("2025-01-15", "The source told reporters that the cooks were sent to Russia in March.",
     [("in March", "2024-03-01", "2024-03-31")]),
    # "expected in March", "due in May": a plan named by its participle.
    ("2024-02-08", "Eighty tilers passed the checks and await their departure, expected in March.",
     [("in March", "2024-03-01", "2024-03-31")]),
    ("2024-02-08", "The loggers' return, due in May, was announced by the trust.",
     [("in May", "2024-05-01", "2024-05-31")]),
    # A deadline named with "before": "before the party anniversary in October".
    ("2025-04-22", "Brigades are racing to finish the flats before the party anniversary in October, state TV said.",
     [("in October", "2025-10-01", "2025-10-31")]),
    # "end" as a verb: the time is the year, not its end.
    ("2023-09-05", "The loggers whose permits were due to end last year are still at the camp.",
     [("last year", "2022-01-01", "2022-12-31")]),
    ("2023-09-05", "Their contracts will not start next year.",
     [("next year", "2024-01-01", "2024-12-31")]),
    ("2023-09-05", "The camp closed at the end last year.",
     [("at the end last year", "2022-12-01", "2022-12-31")]),
    # A habit names no one month or season.
    ("2024-08-06", "Lorries at the bridge usually queue before the autumn harvest, a clerk said.", []),
    ("2024-08-06", "Fishing fleets typically sail in March.", []),
    ("2024-08-06", "Lorries queued at the bridge before the autumn, a clerk said.",
     [("before the autumn", "2023-09-01", "2023-11-30")]),
    # "earlier this month" is the whole month (the interval of "this month"), like "earlier
    # this year": see docs/time.md.
    ("2024-12-20", "About 900 troops crossed into Russia by rail earlier this month.",
     [("earlier this month", "2024-12-01", "2024-12-31")]),
    # --- a yearless time after a future or ongoing clause rolls forward ---------------------
    # ", followed by" opens a participle clause with no tense of its own: the plan holds.
    ("2025-04-08", "A team of 80 plasterers is expected to reach Omsk by rail in June, followed by a larger team in the autumn.",
     [("in June", "2025-06-01", "2025-06-30"), ("in the autumn", "2025-09-01", "2025-11-30")]),
    # "until" after a future-in-the-past ("would") or a present clause looks ahead.
    ("2026-02-20", "The cooks were told in January that they would be kept on until the end of July, a trader said.",
     [("in January", "2026-01-01", "2026-01-31"), ("until the end of July", "2026-07-21", "2026-07-31")]),
    ("2025-04-10", "The fishermen are on seasonal contracts until the end of October and are paid in yuan.",
     [("until the end of October", "2025-10-21", "2025-10-31")]),
    ("2025-04-10", "The brigade worked at the dock until October, a clerk said.",
     [("until October", "2024-10-01", "2024-10-31")]),
    # "wants" looks ahead, nearer than the reporting verb before it.
    ("2026-01-05", "The crew leaves soon, a manager said, adding that the trust wants the men at the site before the Lunar New Year.",
     [("before the Lunar New Year", "2026-02-17", "2026-02-17")]),
    # A request looks ahead from its own moment, as a plan does.
    ("2025-03-20", "Canneries on the coast had asked for more workers ahead of the summer, the agency reported in January.",
     [("ahead of the summer", "2025-06-01", "2025-08-31"), ("in January", "2025-01-01", "2025-01-31")]),
    # "since" counts from a time already past up to now, whatever the clause's tense.
    ("2025-10-15", "The men have not been paid since February, a subcontractor said.",
     [("since February", "2025-02-01", "2025-02-28")]),
    ("2025-10-15", "Since August the crews will have had no day off, and they will work on until May.",
     [("Since August", "2025-08-01", "2025-08-31"), ("until May", "2026-05-01", "2026-05-31")]),
    ("2026-01-20", "No new group has left since the summer, the source said.",
     [("since the summer", "2025-06-01", "2025-08-31")]),
    # --- weeks of a month and months of a year --------------------------------------------
    ("2025-11-19", "A second group of welders landed in the third week of October.",
     [("in the third week of October", "2025-10-15", "2025-10-21")]),
    ("2025-11-19", "The cooks left in the second week of March.",
     [("in the second week of March", "2025-03-08", "2025-03-14")]),
    ("2025-12-02", "Customs counted 9,000 North Korean entries in the first ten months of 2025.",
     [("in the first ten months of 2025", "2025-01-01", "2025-10-31")]),
    ("2025-12-02", "Arrivals fell in the last 7 months of 2024.",
     [("in the last 7 months of 2024", "2024-06-01", "2024-12-31")]),
    # --- anchored to another time in the text: left out ------------------------------------
    # A quoted speaker's "last month" and "next autumn" count from when the speaker spoke.
    (PUB, '"Late last month the foremen lined us up and told us we would stay on until next autumn," one worker said.', []),
    (PUB, '"We have to finish the blocks by the end of the month," the foreman said.',
     [("by the end of the month", "2024-05-21", "2024-05-31")]),
    (PUB, "They crossed at Khasan and reached Ussuriysk three days later.", []),
    (PUB, "The men were questioned and released the following week.", []),
    (PUB, "A second team followed two months after that.", []),
]  # fmt: skip


@pytest.mark.parametrize(("published", "text", "expected"), TIMES)
def test_time_generalise(
    published: str, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    times, _, _ = find_times(text, P(published), split_sentences(text))
    assert [(t.mention, t.start, t.end) for t in times] == expected
    for t in times:
        assert text[t.span[0] : t.span[1]] == t.mention


def test_time_generalise_cases_are_many() -> None:
    assert len(TIMES) >= 40
