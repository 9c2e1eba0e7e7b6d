"""Table-driven tests of the time normaliser: expressions in context, with their normalisation.

Every sentence here is written for the test in the genre's phrasing; none is taken from a report.
Each row: publication date (None: unknown), the text, and the expected times as
(mention, start, end) in text order.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tumen.extract.sentences import split_sentences
from tumen.resolve.time import find_times
from tumen.resolve.time.calendars import holiday_date, lunar_to_solar

P = date.fromisoformat
# The development corpus is read in place, never copied (../shared/corpus from the repo root).
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

TIMES: list[tuple[str | None, str, list[tuple[str, str | None, str | None]]]] = [
    # --- absolute dates -------------------------------------------------------------------
    ("2023-05-02", "The order was issued on April 25, 2019, a source said.",
     [("on April 25, 2019", "2019-04-25", "2019-04-25")]),
    ("2023-05-02", "Officials met in Vladivostok on 25 April 2019.",
     [("on 25 April 2019", "2019-04-25", "2019-04-25")]),
    ("2023-05-02", "The decree dated Sept. 13, 2023 was never published.",
     [("Sept. 13, 2023", "2023-09-13", "2023-09-13")]),
    ("2023-05-02", "Published: 09 Feb. 2025, 16:05",
     [("09 Feb. 2025", "2025-02-09", "2025-02-09")]),
    ("2023-05-02", "By a staff reporter, March 3, 2024 10:15 AM",
     [("March 3, 2024", "2024-03-03", "2024-03-03")]),
    ("2023-05-02", "The train left on Monday, December 16, 2024, officials said.",
     [("on Monday, December 16, 2024", "2024-12-16", "2024-12-16")]),
    ("2023-05-02", "The ministry confirmed it on the 5th of February 2021.",
     [("on the 5th of February 2021", "2021-02-05", "2021-02-05")]),
    ("2023-05-02", "Trade resumed on Jan. 3rd, 2022 after a long pause.",
     [("on Jan. 3rd, 2022", "2022-01-03", "2022-01-03")]),
    ("2023-05-02", "The figures were released on 2024-12-16 by the agency.",
     [("on 2024-12-16", "2024-12-16", "2024-12-16")]),
    ("2023-05-02", "Broadcast 2023.01.26 (15:02)",
     [("2023.01.26", "2023-01-26", "2023-01-26")]),
    ("2023-05-02", "Seoul Herald (07.06.2021) - Workers in Russia were told to pay more.",
     [("07.06.2021", "2021-06-07", "2021-06-07")]),
    ("2023-05-02", "The memo is dated 31.12.2020 and signed by the trust.",
     [("31.12.2020", "2020-12-31", "2020-12-31")]),
    ("2023-05-02", "Posted 2022/03/15 by the monitoring group.",
     [("2022/03/15", "2022-03-15", "2022-03-15")]),
    ("2023-05-02", "The contract signed 12/13/2023 names three companies.",
     [("12/13/2023", "2023-12-13", "2023-12-13")]),
    ("2023-05-02", "The contract signed 13/12/2023 names three companies.",
     [("13/12/2023", "2023-12-13", "2023-12-13")]),
    ("2023-05-02", "It was adopted on December 22, 2017, by a unanimous vote.",
     [("on December 22, 2017", "2017-12-22", "2017-12-22")]),
    ("2023-05-02", "All workers had to leave no later than December 22, 2019.",
     [("no later than December 22, 2019", "2019-12-22", "2019-12-22")]),
    ("2023-05-02", "Some 23,000 had gone home as of November 19, 2019, the panel said.",
     [("as of November 19, 2019", "2019-11-19", "2019-11-19")]),
    ("2023-05-02", "The deadline of Dec 22 2019 passed quietly.",
     [("Dec 22 2019", "2019-12-22", "2019-12-22")]),
    # --- months and years -----------------------------------------------------------------
    ("2023-05-02", "The resolution was adopted in December 2017.",
     [("in December 2017", "2017-12-01", "2017-12-31")]),
    ("2023-05-02", "Adopted in December of 2017, the measure bans such dispatches.",
     [("in December of 2017", "2017-12-01", "2017-12-31")]),
    ("2023-05-02", "Workers were to return home by December 2019.",
     [("by December 2019", "2019-12-01", "2019-12-31")]),
    ("2023-05-02", "The railway opened in 2013.", [("in 2013", "2013-01-01", "2013-12-31")]),
    ("2023-05-02", "Sanctions tightened since 2016 have cut revenue.",
     [("since 2016", "2016-01-01", "2016-12-31")]),
    ("2023-05-02", "Resolution 2397 (2017) requires repatriation.",
     [("2017", "2017-01-01", "2017-12-31")]),
    ("2023-05-02", "The scheme covers 20,000 flats by the end of 2025.",
     [("by the end of 2025", "2025-12-01", "2025-12-31")]),
    ("2023-05-02", "The brigade was formed in early 2018.",
     [("in early 2018", "2018-01-01", "2018-04-30")]),
    ("2023-05-02", "Recruitment slowed in mid-2019.",
     [("in mid-2019", "2019-05-01", "2019-08-31")]),
    ("2023-05-02", "The camps were expanded in late 2020.",
     [("in late 2020", "2020-09-01", "2020-12-31")]),
    ("2023-05-02", "Shipments stopped at the beginning of 2020.",
     [("at the beginning of 2020", "2020-01-01", "2020-01-31")]),
    ("2023-05-02", "Arrivals rose in the first half of 2019.",
     [("in the first half of 2019", "2019-01-01", "2019-06-30")]),
    ("2023-05-02", "Arrivals fell in the second half of 2019.",
     [("in the second half of 2019", "2019-07-01", "2019-12-31")]),
    ("2023-05-02", "Entries peaked in the third quarter of 2024.",
     [("in the third quarter of 2024", "2024-07-01", "2024-09-30")]),
    ("2023-05-02", "Entries peaked in Q4 2023, the statistics show.",
     [("in Q4 2023", "2023-10-01", "2023-12-31")]),
    ("2023-05-02", "Labour exports boomed in the 2010s.",
     [("in the 2010s", "2010-01-01", "2019-12-31")]),
    ("2023-05-02", "Logging camps date from the 1960s.",
     [("from the 1960s", "1960-01-01", "1969-12-31")]),
    ("2023-05-02", "The first teams went in the early 1990s.",
     [("in the early 1990s", "1990-01-01", "1993-12-31")]),
    ("2023-05-02", "Temporary hires were a quarter of all staff as of the end of March 2016.",
     [("as of the end of March 2016", "2016-03-21", "2016-03-31")]),
    ("2023-05-02", "The order came in mid-March 2021.",
     [("in mid-March 2021", "2021-03-11", "2021-03-20")]),
    ("2023-05-02", "It was signed in early June 2022 in Moscow.",
     [("in early June 2022", "2022-06-01", "2022-06-10")]),
    ("2023-05-02", "Visas expired at the end of February 2024.",
     [("at the end of February 2024", "2024-02-21", "2024-02-29")]),
    ("2023-05-02", "It happened in the last week of December 2022.",
     [("in the last week of December 2022", "2022-12-25", "2022-12-31")]),
    ("2023-05-02", "Crews were rotated in the first week of May 2021.",
     [("in the first week of May 2021", "2021-05-01", "2021-05-07")]),
    ("2023-05-02", "Funds were collected until June 2021, the source said.",
     [("until June 2021", "2021-06-01", "2021-06-30")]),
    ("2023-05-02", "The border stayed shut throughout 2021.",
     [("throughout 2021", "2021-01-01", "2021-12-31")]),
    ("2023-05-02", "A delegation arrived in the spring of 2023.",
     [("in the spring of 2023", "2023-03-01", "2023-05-31")]),
    ("2023-05-02", "Work stopped in winter 2022, then resumed.",
     [("in winter 2022", "2022-12-01", "2023-02-28")]),
    ("2023-05-02", "Construction teams left in the summer of 2019.",
     [("in the summer of 2019", "2019-06-01", "2019-08-31")]),
    ("2023-05-02", "Selections began in autumn 2018.",
     [("in autumn 2018", "2018-09-01", "2018-11-30")]),
    ("2023-05-02", "Teams were sent in the fall of 2016.",
     [("in the fall of 2016", "2016-09-01", "2016-11-30")]),
    ("2023-05-02", "Fees rose in early spring 2021.",
     [("in early spring 2021", "2021-03-01", "2021-03-31")]),
    # --- ranges ---------------------------------------------------------------------------
    ("2017-06-29", "The union called a week of walkouts from June 26 to July 7.",
     [("from June 26 to July 7", "2017-06-26", "2017-07-07")]),
    ("2023-05-02", "Selections ran between July and September 2022.",
     [("between July and September 2022", "2022-07-01", "2022-09-30")]),
    ("2023-05-02", "Workers left from March to May 2023 in small groups.",
     [("from March to May 2023", "2023-03-01", "2023-05-31")]),
    ("2023-05-02", "Arrivals were recorded between 2017 and 2019.",
     [("between 2017 and 2019", "2017-01-01", "2019-12-31")]),
    ("2023-05-02", "The 2019-2021 figures show a drop.",
     [("2019-2021", "2019-01-01", "2021-12-31")]),
    ("2023-05-02", "Talks were held June 28-30, 2022 in Khabarovsk.",
     [("June 28-30, 2022", "2022-06-28", "2022-06-30")]),
    ("2023-05-02", "The exhibition ran from December 2022 to February 2023.",
     [("from December 2022 to February 2023", "2022-12-01", "2023-02-28")]),
    ("2023-05-02", "The quota applied from November 2021 through March.",
     [("from November 2021 through March", "2021-11-01", "2022-03-31")]),
    ("2023-05-02", "Inspections continued from 2018 until 2020.",
     [("from 2018 until 2020", "2018-01-01", "2020-12-31")]),
    ("2022-09-02", "Recruiting ran from July to August, the source said.",
     [("from July to August", "2022-07-01", "2022-08-31")]),
    ("2023-05-02", "Crossings were counted in July and August 2022.",
     [("in July", "2022-07-01", "2022-07-31"), ("August 2022", "2022-08-01", "2022-08-31")]),
    # --- months without a year: publication date and tense --------------------------------
    ("2022-10-17", "Officials ran the vetting from July.",
     [("from July", "2022-07-01", "2022-07-31")]),
    ("2022-10-17", "They plan to send the workers in early November.",
     [("in early November", "2022-11-01", "2022-11-10")]),
    ("2022-10-24", "Each unit must submit its list by the end of November.",
     [("by the end of November", "2022-11-21", "2022-11-30")]),
    ("2022-10-24", "The second round of selections will start on Nov. 1.",
     [("on Nov. 1", "2022-11-01", "2022-11-01")]),
    ("2022-11-28", "Daily NK reported that the authorities planned selections from Nov. 1.",
     [("from Nov. 1", "2022-11-01", "2022-11-01")]),
    ("2023-03-10", "Selections were carried out from July, the source said.",
     [("from July", "2022-07-01", "2022-07-31")]),
    ("2023-03-10", "The next group will leave in July.",
     [("in July", "2023-07-01", "2023-07-31")]),
    ("2023-11-20", "The workers will be sent in January.",
     [("in January", "2024-01-01", "2024-01-31")]),
    ("2023-11-20", "The workers were sent in January.",
     [("in January", "2023-01-01", "2023-01-31")]),
    ("2023-02-03", "The crews could be posted in mid-February or March.",
     [("in mid-February", "2023-02-11", "2023-02-20"), ("March", "2023-03-01", "2023-03-31")]),
    ("2023-02-03", "The order was issued on January 20, a source said.",
     [("on January 20", "2023-01-20", "2023-01-20")]),
    ("2023-02-03", "Companies were told to finish by the end of January.",
     [("by the end of January", "2023-01-21", "2023-01-31")]),
    ("2023-12-13", "The agency reported in November that shortages were growing.",
     [("in November", "2023-11-01", "2023-11-30")]),
    ("2023-12-13", "The news agency reported it on Dec. 12.",
     [("on Dec. 12", "2023-12-12", "2023-12-12")]),
    ("2021-06-07", "The instruction arrived at the end of April, one labourer said.",
     [("at the end of April", "2021-04-21", "2021-04-30")]),
    ("2024-12-16", "Trains had been running irregularly since June.",
     [("since June", "2024-06-01", "2024-06-30")]),
    ("2024-12-16", "The company announced on December 10 that service would resume.",
     [("on December 10", "2024-12-10", "2024-12-10")]),
    ("2024-08-20", "The two sides held talks in April on student exchanges.",
     [("in April", "2024-04-01", "2024-04-30")]),
    ("2019-12-12", "Sending everyone home by the end of December would cost the regime dearly.",
     [("by the end of December", "2019-12-21", "2019-12-31")]),
    ("2024-02-14", "About 300 workers arrived near Vladivostok on Feb. 5.",
     [("on Feb. 5", "2024-02-05", "2024-02-05")]),
    ("2024-03-26", "Following the March 23 attack, migrants were detained.",
     [("Following the March 23", "2024-03-23", "2024-03-23")]),
    ("2024-01-05", "The governor said in December that a passenger line is planned.",
     [("in December", "2023-12-01", "2023-12-31")]),
    ("2024-01-05", "A new group is expected to arrive in March.",
     [("in March", "2024-03-01", "2024-03-31")]),
    ("2022-12-20", "The workers are scheduled to leave in late January.",
     [("in late January", "2023-01-21", "2023-01-31")]),
    ("2022-12-20", "Fees were raised in late January.",
     [("in late January", "2022-01-21", "2022-01-31")]),
    ("2023-06-15", "Border crossings are rare in May, traders say.",
     [("in May", "2023-05-01", "2023-05-31")]),
    ("2023-06-15", "Daily NK reported in May that the teams were ready.",
     [("in May", "2023-05-01", "2023-05-31")]),
    # --- relative to publication ----------------------------------------------------------
    ("2022-11-28", "Daily NK said last month that vetting would soon start.",
     [("last month", "2022-10-01", "2022-10-31")]),
    ("2023-01-26", "Nine workers defected last month.",
     [("last month", "2022-12-01", "2022-12-31")]),
    ("2025-02-09", "Thousands of laborers were sent to Russia last year.",
     [("last year", "2024-01-01", "2024-12-31")]),
    ("2024-04-23", "It was the latest in a volley of tests this year.",
     [("this year", "2024-01-01", "2024-12-31")]),
    ("2024-04-23", "More teams will be sent next year, the source said.",
     [("next year", "2025-01-01", "2025-12-31")]),
    ("2024-04-23", "The quota is due to be filled next month.",
     [("next month", "2024-05-01", "2024-05-31")]),
    ("2024-04-23", "The ministry will announce the list this month.",
     [("this month", "2024-04-01", "2024-04-30")]),
    ("2024-04-23", "The decision was taken last week, the source said.",
     [("last week", "2024-04-15", "2024-04-21")]),
    ("2024-04-23", "The inspection is planned for next week.",
     [("for next week", "2024-04-29", "2024-05-05")]),
    ("2024-04-23", "Officials met this week in Pyongyang.",
     [("this week", "2024-04-22", "2024-04-28")]),
    ("2024-04-23", "The delegation flew back yesterday.",
     [("yesterday", "2024-04-22", "2024-04-22")]),
    ("2024-04-23", "The delegation flies back tomorrow.",
     [("tomorrow", "2024-04-24", "2024-04-24")]),
    ("2024-04-23", "A similar scheme was uncovered two years ago.",
     [("two years ago", "2022-01-01", "2022-12-31")]),
    ("2024-04-23", "The first group left three months ago.",
     [("three months ago", "2024-01-01", "2024-01-31")]),
    ("2024-04-23", "The men crossed the border 10 days ago.",
     [("10 days ago", "2024-04-13", "2024-04-13")]),
    ("2024-02-14", "Since last September's summit, ties have grown.",
     [("Since last September", "2023-09-01", "2023-09-30")]),
    ("2024-09-14", "Since last September, ties have grown.",
     [("Since last September", "2023-09-01", "2023-09-30")]),
    ("2024-05-14", "The next group is due next March.",
     [("next March", "2025-03-01", "2025-03-31")]),
    ("2024-02-14", "The next group is due next March.",
     [("next March", "2024-03-01", "2024-03-31")]),
    ("2024-02-14", "The fee rose this March.", [("this March", "2024-03-01", "2024-03-31")]),
    ("2025-02-09", "A delegation arrived in Pyongyang in March in last year.",
     [("in March in last year", "2024-03-01", "2024-03-31")]),
    ("2025-02-09", "Entries doubled in August last year.",
     [("in August last year", "2024-08-01", "2024-08-31")]),
    ("2025-02-09", "The rule takes effect in March of next year.",
     [("in March of next year", "2026-03-01", "2026-03-31")]),
    ("2025-02-09", "The soldier got the card last autumn.",
     [("last autumn", "2024-09-01", "2024-11-30")]),
    ("2025-02-09", "New teams will be dispatched this spring.",
     [("this spring", "2025-03-01", "2025-05-31")]),
    ("2025-02-09", "Talks may resume next summer.",
     [("next summer", "2025-06-01", "2025-08-31")]),
    ("2025-02-09", "The camps were emptied last winter.",
     [("last winter", "2023-12-01", "2024-02-29")]),
    ("2022-11-28", "Those selected will leave in the first half of next year.",
     [("in the first half of next year", "2023-01-01", "2023-06-30")]),
    ("2022-11-28", "Payments fell in the second half of last year.",
     [("in the second half of last year", "2021-07-01", "2021-12-31")]),
    ("2022-11-28", "The project should be done by the end of this year.",
     [("by the end of this year", "2022-12-01", "2022-12-31")]),
    ("2022-11-28", "The project should be done by the end of the year.",
     [("by the end of the year", "2022-12-01", "2022-12-31")]),
    ("2022-11-28", "Officials expect a decision early next year.",
     [("early next year", "2023-01-01", "2023-04-30")]),
    ("2022-11-28", "The scheme began earlier this year.",
     [("earlier this year", "2022-01-01", "2022-12-31")]),
    ("2022-11-28", "A third round could follow later this month.",
     [("later this month", "2022-11-01", "2022-11-30")]),
    ("2022-11-28", "Lists were sent at the end of last month.",
     [("at the end of last month", "2022-10-21", "2022-10-31")]),
    ("2022-11-28", "A passenger line is planned within the year.",
     [("within the year", "2022-01-01", "2022-12-31")]),
    ("2022-11-28", "Arrivals rose in the third quarter of this year.",
     [("in the third quarter of this year", "2022-07-01", "2022-09-30")]),
    ("2022-11-28", "Remittances will be reviewed next quarter.",
     [("next quarter", "2023-01-01", "2023-03-31")]),
    ("2024-03-15", "About 1,000 workers left in the first two months of this year.",
     [("in the first two months of this year", "2024-01-01", "2024-02-29")]),
    ("2024-03-15", "The workers arrived late last month and will stay until the end of the year.",
     [("late last month", "2024-02-21", "2024-02-29"),
      ("until the end of the year", "2024-12-01", "2024-12-31")]),
    ("2024-03-15", "In 2022, some 3,000 entered Russia, up from 2021.",
     [("In 2022", "2022-01-01", "2022-12-31"), ("from 2021", "2021-01-01", "2021-12-31")]),
    # --- weekdays -------------------------------------------------------------------------
    ("2022-11-28", "The vetting has ended, a source said on Friday.",
     [("on Friday", "2022-11-25", "2022-11-25")]),
    ("2022-10-24", "The plans are settled, a contact said on Monday.",
     [("on Monday", "2022-10-24", "2022-10-24")]),
    ("2023-02-03", "The outlet reported Thursday that an order was issued.",
     [("Thursday", "2023-02-02", "2023-02-02")]),
    ("2017-06-29", "The teachers' union will hold a nationwide walkout Friday.",
     [("Friday", "2017-06-30", "2017-06-30")]),
    ("2017-06-29", "The acting head said at a briefing Wednesday that talks failed.",
     [("Wednesday", "2017-06-28", "2017-06-28")]),
    ("2017-06-29", "On Thursday, thousands of school workers walked out.",
     [("On Thursday", "2017-06-29", "2017-06-29")]),
    ("2025-02-09", "The spy agency said Sunday that thousands were sent.",
     [("Sunday", "2025-02-09", "2025-02-09")]),
    ("2024-04-25", "The ministry will brief reporters on Monday.",
     [("on Monday", "2024-04-29", "2024-04-29")]),
    ("2024-04-25", "Officials met last Thursday in Seoul.",
     [("last Thursday", "2024-04-18", "2024-04-18")]),
    ("2024-04-25", "Officials meet next Tuesday in Seoul.",
     [("next Tuesday", "2024-04-30", "2024-04-30")]),
    ("2024-04-25", "Trains run on Mondays and Fridays only.", []),
    # --- holidays and calendars -----------------------------------------------------------
    ("2022-11-28", "\u201cThey want the crews gone before the Lunar New Year next year,\u201d he said.",
     [("before the Lunar New Year next year", "2023-01-22", "2023-01-22")]),
    ("2022-11-28", "They will leave before the Lunar New Year.",
     [("before the Lunar New Year", "2023-01-22", "2023-01-22")]),
    ("2023-05-02", "Gifts were handed out for the 2020 Lunar New Year.",
     [("for the 2020 Lunar New Year", "2020-01-25", "2020-01-25")]),
    ("2023-05-02", "Families gathered for Seollal in 2024.",
     [("for Seollal in 2024", "2024-02-10", "2024-02-10")]),
    ("2023-05-02", "Workers were given a day off for Chuseok 2022.",
     [("for Chuseok 2022", "2022-09-10", "2022-09-10")]),
    ("2023-08-02", "Workers hope to be home by Chuseok.",
     [("by Chuseok", "2023-09-29", "2023-09-29")]),
    ("2023-05-02", "Rations were increased before the Day of the Sun in 2019.",
     [("before the Day of the Sun in 2019", "2019-04-15", "2019-04-15")]),
    ("2023-05-02", "The event marked Party Foundation Day 2020.",
     [("Party Foundation Day 2020", "2020-10-10", "2020-10-10")]),
    ("2023-05-02", "No holiday was declared on Kim Jong Un's birthday in 2022.",
     [("on Kim Jong Un's birthday in 2022", "2022-01-08", "2022-01-08")]),
    ("2023-05-02", "Loyalty funds were due by the Day of the Shining Star in 2021.",
     [("by the Day of the Shining Star in 2021", "2021-02-16", "2021-02-16")]),
    ("2023-12-20", "Workers must pay extra before New Year's Day.",
     [("before New Year's Day", "2024-01-01", "2024-01-01")]),
    ("2023-05-02", "The calendar says Juche 111, the year of the new law.",
     [("Juche 111", "2022-01-01", "2022-12-31")]),
    ("2023-05-02", "Printed in Juche 108 (2019) by the trust.",
     [("in Juche 108", "2019-01-01", "2019-12-31"), ("2019", "2019-01-01", "2019-12-31")]),
    ("2023-05-02", "The rule dates from Juche -5, a forged stamp says.", []),
    ("2023-05-02", "A letter dated Lunar New Year 1890 was shown.", []),
    ("2023-05-02", "Shipments will stop by the Lunar New Year of 2051.", []),
    # --- no publication date: relative expressions stay unresolved ------------------------
    (None, "The soldier got the card in Russia last autumn.",
     [("last autumn", None, None)]),
    (None, "Forces entered the region in August last year.",
     [("in August last year", None, None)]),
    (None, "The order was issued on Monday.", [("on Monday", None, None)]),
    (None, "The order was issued on January 20.", [("on January 20", None, None)]),
    (None, "The resolution was adopted on December 22, 2017.",
     [("on December 22, 2017", "2017-12-22", "2017-12-22")]),
    (None, "Arrivals fell in 2021.", [("in 2021", "2021-01-01", "2021-12-31")]),
    # --- what is not a time ---------------------------------------------------------------
    ("2023-05-02", "North Korea may send more workers, officials said.", []),
    ("2023-05-02", "N. KOREA MAY HOLD A FOURTH ROUND", []),
    ("2023-05-02", "Protesters march on the ministry.", []),
    ("2023-05-02", "Most of those who fled are aged in their 30s to 40s.", []),
    ("2023-05-02", "The border stayed shut during the COVID-19 pandemic.", []),
    ("2023-05-02", "The rally starts at 3 p.m. at the square.", []),
    ("2023-05-02", "Resolutions 2087 and 2094 were cited by the panel.", []),
    ("2023-05-02", "Some 2000 workers were sent to the site.", []),
    ("2023-05-02", "The authorities recently opened more slots.", []),
    ("2023-05-02", "Workers must pay 2,000 rubles under regulation (EU) 2017/1509.", []),
    ("2023-05-02", "Trains run three times a week, on Mondays, Wednesdays and Fridays.", []),
    ("2023-05-02", "The war has stretched into its seventh month.", []),
    ("2023-05-02", "The talks were held in the previous year.", []),
    ("2023-05-02", "He arrived in June of the following year.", []),
    ("2023-05-02", "The workers returned the next month.", []),
    ("2023-05-02", "Hot spring resorts employ many staff.", []),
    ("2023-05-02", "Prices fall in the markets when harvests are good.", []),
    ("2023-05-02", "An order dated February 30, 2022 was clearly forged.", []),
    ("2023-05-02", "The stamp reads 45.13.2020 in faded ink.", []),
    ("2021-06-07", "\u201cLast week, I met a worker who was upset,\u201d the source told RFA.", []),
    ("2021-06-07", "\u201cWe left on Friday,\u201d a worker said.", []),
    ("2023-05-02", "A labourer earns USD 450 to 550 a month.", []),
    # --- captions and datelines -----------------------------------------------------------
    ("2023-12-13", "The two leaders tour a launch site before talks on Sept. 13, 2023. (AFP)",
     [("on Sept. 13, 2023", "2023-09-13", "2023-09-13")]),
    ("2023-12-13", "by a staff reporter December 13, 2023 10:42 AM 3 min read",
     [("December 13, 2023", "2023-12-13", "2023-12-13")]),
    ("2024-12-16", "SEOUL, Dec. 16 (Yonhap) -- Train service resumed.",
     [("Dec. 16", "2024-12-16", "2024-12-16")]),
    ("2024-12-16", "Rail traffic restarted on December 16 after years of suspension.",
     [("on December 16", "2024-12-16", "2024-12-16")]),
    ("2024-12-16", "Passenger numbers since June reached 1,200.",
     [("since June", "2024-06-01", "2024-06-30")]),
    # --- relations and prefixes -----------------------------------------------------------
    ("2023-05-02", "Teams left after March 2021.", [("after March 2021", "2021-03-01", "2021-03-31")]),
    ("2023-05-02", "Teams left prior to March 2021.",
     [("prior to March 2021", "2021-03-01", "2021-03-31")]),
    ("2023-05-02", "Teams left around March 2021.",
     [("around March 2021", "2021-03-01", "2021-03-31")]),
    ("2023-05-02", "Teams stayed up until March 2021.",
     [("up until March 2021", "2021-03-01", "2021-03-31")]),
    ("2023-05-02", "Teams have rotated starting in 2018.",
     [("starting in 2018", "2018-01-01", "2018-12-31")]),
    ("2023-05-02", "Work resumed following the Lunar New Year holiday in 2023.",
     [("following the Lunar New Year", "2023-01-22", "2023-01-22"),
      ("in 2023", "2023-01-01", "2023-12-31")]),
    # what a step "follows" came before it, even with a month nearer ahead than behind
    ("2023-11-20", "The listing follows a similar designation in February of a Dalian firm.",
     [("in February", "2023-02-01", "2023-02-28")]),
    ("2023-11-20", "The new ban comes after an inspection in January turned up 30 workers.",
     [("in January", "2023-01-01", "2023-01-31")]),
    ("2023-05-02", "The decision came during October 2022.",
     [("during October 2022", "2022-10-01", "2022-10-31")]),
    ("2023-05-02", "Results are expected as early as June 2023.",
     [("as early as June 2023", "2023-06-01", "2023-06-30")]),
    ("2023-05-02", "Their earlier days of 2017 look like a model.",
     [("2017", "2017-01-01", "2017-12-31")]),
    ("2023-05-02", "Quotas, set on Jan 5, 2022 and March 3, 2022, were raised.",
     [("on Jan 5, 2022", "2022-01-05", "2022-01-05"), ("March 3, 2022", "2022-03-03", "2022-03-03")]),
]  # fmt: skip


@pytest.mark.parametrize(("published", "text", "expected"), TIMES)
def test_time_table(
    published: str | None, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    pub = P(published) if published else None
    times, _, _ = find_times(text, pub, split_sentences(text))
    got = [(t.mention, t.start, t.end) for t in times]
    assert got == expected
    for t in times:
        assert text[t.span[0] : t.span[1]] == t.mention
        if t.start is None:
            assert t.anchor == "unresolved"


DURATIONS: list[tuple[str, list[tuple[str, float | None, float | None]]]] = [
    ("The crews will remain abroad for at least two years.", [("at least two years", 730, None)]),
    ("They could stay abroad for up to seven years.", [("up to seven years", None, 2555)]),
    ("Each labourer was issued a two-year passport.", [("two-year", 730, 730)]),
    ("With visa renewals, they may remain abroad for up to four years.",
     [("up to four years", None, 1460)]),
    ("They will review the workers after four years and decide.", [("after four years", 1460, 1460)]),
    ("States must repatriate the workers within 24 months.", [("within 24 months", None, 720)]),
    ("The contract runs for three years, the workers said.", [("three years", 1095, 1095)]),
    ("Workers sign a 3-year contract with the trust.", [("3-year", 1095, 1095)]),
    ("Their visas are valid for 90 days.", [("90 days", 90, 90)]),
    ("Workers stay abroad for three to five years.", [("three to five years", 1095, 1825)]),
    ("Workers stay abroad for 3-5 years.", [("3-5 years", 1095, 1825)]),
    ("The dispatch lasts between two and three years.", [("between two and three years", 730, 1095)]),
    ("Most workers remain abroad for more than three years.", [("more than three years", 1095, None)]),
    ("Most workers remain abroad for nearly four years.", [("nearly four years", None, 1460)]),
    ("Workers were kept abroad for almost a decade.", [("almost a decade", None, 3650)]),
    ("The workers stay abroad for about six months.", [("about six months", 180, 180)]),
    ("Their visas were extended by six weeks.", [("six weeks", 42, 42)]),
    ("The work permits are valid for one and a half years.",
     [("one and a half years", 547.5, 547.5)]),
    ("The student visas allow a stay of half a year.", [("half a year", 182.5, 182.5)]),
    ("The maximum term of a work permit was seven years.", [("seven years", None, 2555)]),
    ("Workers stay abroad for no more than 18 months.", [("no more than 18 months", None, 540)]),
    ("Workers stay abroad for a minimum of two years.", [("a minimum of two years", 730, None)]),
    ("The workers have stayed abroad for a year.", [("a year", 365, 365)]),
    ("The contract can be extended for another year.", [("another year", 365, 365)]),
    ("They will spend the next three years in Siberia.", [("the next three years", 1095, 1095)]),
    ("He worked for 10 years in Russia before he fled.", [("10 years", 3650, 3650)]),
    ("The dispatch is for a period of three years.", [("a period of three years", 1095, 1095)]),
    ("A worker earns USD 600 a month abroad.", []),
    ("Workers extend their visas twice a year.", []),
    ("The rail link had been suspended for almost four years.", []),
    ("Trains ran again after a four-year pause caused by the pandemic.", []),
    ("The 28-year-old worker fled the site.", []),
    ("The workers were sent home three years ago.", []),
    ("He was sentenced to 15 years in prison for spying.", []),
    ("The war has dragged on for two years.", []),
    ("Prices have doubled over the past two years.", []),
    ("A worker stays abroad for 900000000000000000000000 years.", []),
    # A noun of stay before the number, a verb of having stayed, a validity cut to a length.
    ("The fishing crews work on rotations of two to three years.", [("two to three years", 730, 1095)]),
    ("The ministry offered stints of eighteen months at the port.", [("eighteen months", 540, 540)]),
    ("\"Some of us have been here nine years,\" the man said.", [("nine years", 3285, 3285)]),
    ("Officials proposed cutting the validity of permits for migrants to one year.", [("one year", 365, 365)]),
    ("The tourists left on Monday for a five-day trip to the coast.", [("five-day", 5, 5)]),
    # "a further" extends a stay; a length granted "to" do something; parts and payments are not.
    ("Their contracts were prolonged by a further eighteen months.", [("a further eighteen months", 540, 540)]),
    ("The loggers' stay was extended by a further year.", [("a further year", 365, 365)]),
    ("The resolution gave governments 24 months to repatriate the workers.", [("24 months", 720, 720)]),
    ("The host state was allowed six months in which to send the workers back.", [("six months", 180, 180)]),
    ("The crew went unpaid for the last three months of their posting abroad.", []),
    ("The ministry pays firms a hiring subsidy for as long as three years per worker.", []),
    ("Workers on the visa scheme may stay for as long as four years.", [("as long as four years", None, 1460)]),
    # A rate of work is not a stay; "under" a contract is its length, both bounds.
    ("The plasterers work six days a week on the site.", []),
    ("The crews fish nine months a year off the coast.", []),
    ("The welders are hired under one-year contracts through a broker.", [("one-year", 365, 365)]),
    ("The workers stay abroad for under two years.", [("under two years", None, 730)]),
    # Stays named by their noun, or by a journey, a stopover, a wait, time kept somewhere.
    ("Medics sent to Africa usually serve three-year postings.", [("three-year", 1095, 1095)]),
    ("A new group replaced the cooks whose three-year stint had ended.", [("three-year", 1095, 1095)]),
    ("The trawler crews were kept at sea for up to two years.", [("up to two years", None, 730)]),
    ("The trip from Hamhung to the camp took about a week.", [("about a week", 7, 7)]),
    ("The whole journey by train and bus took about a week.", [("about a week", 7, 7)]),
    ("The convoy stopped in Ulan-Ude for a day.", [("a day", 1, 1)]),
    ("The recruits waited two weeks at a guesthouse near the border.", [("two weeks", 14, 14)]),
    ("Most had been in the country for more than five years.", [("more than five years", 1825, None)]),
    ("The embargo has been in force for more than five years.", []),
    ("The trusts extended the cooks' permits by 18 months after the first group went home.",
     [("18 months", 540, 540)]),
    ("Their contracts were renewed by a year.", [("a year", 365, 365)]),
    ("The flights, with a refuelling stop in Irkutsk, are the first for workers in more than three decades.", []),
    # Lengths of a strike, a drill or a summit are not stays.
    ("Dockworkers began a three-day strike over pay.", []),
    ("The two armies held a four-day drill near the border.", []),
    # The time a task takes is not a stay; a journey's time is.
    ("Recruiters said a crew of 30 workers can take up to three weeks to assemble.", []),
    ("It takes about six months to obtain a work permit for a foreign worker.", []),
    # "for up to N years" is a term of work even where the sentence names no stay; a prison
    # term is still none.
    ("The men will be hired by a sawmill in Tomsk for up to three years.", [("up to three years", None, 1095)]),
    ("They will cut timber for up to eighteen months.", [("up to eighteen months", None, 540)]),
    ("He could be jailed for up to five years.", []),
    # A range with a suspended hyphen is one duration.
    ("Most are held to two- to four-year contracts.", [("two- to four-year", 730, 1460)]),
    # "extended ... by N months" with a long noun phrase in between.
    ("The trust has extended the permits of some 200 cooks at restaurants in Vladivostok by six months.",
     [("six months", 180, 180)]),
    # "-long" before a noun of stay or journey; not before any other noun.
    ("They then took a week-long ferry trip to Nakhodka.", [("week-long", 7, 7)]),
    ("The workers began a two-week-long quarantine at the port.", [("two-week-long", 14, 14)]),
    ("Workers' groups demanded a year-long inquiry.", []),
    # The whole answer to a "how long" question about a stay.
    ("Q: How long was your posting in Russia?\n\nKim: Two years.\n", [("Two years", 730, 730)]),
    ("Q: How long was your posting in Russia?\n\nKim: Two years, then I fled.\n", []),
    ("Q: How old is the factory?\n\nA: Thirty years.\n", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_duration_table(text: str, expected: list[tuple[str, float | None, float | None]]) -> None:
    _, durations, _ = find_times(text, P("2023-05-02"), split_sentences(text))
    assert [(d.mention, d.min_days, d.max_days) for d in durations] == expected


FREQUENCIES: list[tuple[str, list[tuple[str, int, int]]]] = [
    ("Workers extend their visas twice a year.", [("twice a year", 2, 365)]),
    ("Officials inspect the camps once a month.", [("once a month", 1, 30)]),
    ("Trains run three times a week.", [("three times a week", 3, 7)]),
    ("Passports are renewed every two years.", [("every two years", 1, 730)]),
    ("Remittances are collected every month.", [("every month", 1, 30)]),
    ("Supervisors report 4 times per year.", [("4 times per year", 4, 365)]),
    ("Teams rotate every other week.", [("every other week", 1, 14)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FREQUENCIES)
def test_frequency_table(text: str, expected: list[tuple[str, int, int]]) -> None:
    _, durations, frequencies = find_times(text, P("2023-05-02"), split_sentences(text))
    assert [(f.mention, f.times, f.per_days) for f in frequencies] == expected
    assert not durations  # a frequency is never also a duration


def test_time_relation_is_recorded_but_interval_is_that_of_x() -> None:
    text = "They will leave before the Lunar New Year next year."
    (t,), _, _ = find_times(text, P("2022-11-28"), split_sentences(text))
    assert (t.relation, t.start, t.end, t.precision, t.anchor) == (
        "before", "2023-01-22", "2023-01-22", "day", "published"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "relation", "precision", "anchor"),
    [
        ("It happened on April 25, 2019.", "on", "day", "absolute"),
        ("It happened by the end of November.", "by", "part_of_month", "published"),
        ("It happened since 2019.", "since", "year", "absolute"),
        ("It happened in the first half of next year.", "during", "half_year", "published"),
        ("It happened in Q3 2023.", "during", "quarter", "absolute"),
        ("It happened in late 2020.", "during", "part_of_year", "absolute"),
        ("It happened in the spring of 2021.", "during", "season", "absolute"),
        ("It happened in the 1990s.", "during", "decade", "absolute"),
        ("It happened last week.", "on", "week", "published"),
        ("It happened until March 2021.", "until", "month", "absolute"),
        ("It happened around March 2021.", "around", "month", "absolute"),
        ("It happened after June 2022.", "after", "month", "absolute"),
        ("It happened from June 2022.", "from", "month", "absolute"),
    ],
)
def test_time_relation_precision_anchor(
    text: str, relation: str, precision: str, anchor: str
) -> None:
    (t,), _, _ = find_times(text, P("2022-11-28"), split_sentences(text))
    assert (t.relation, t.precision, t.anchor) == (relation, precision, anchor)


@pytest.mark.parametrize(
    "text",
    [
        "The order is dated February 30, 2022.",
        "The book is stamped Juche -5 and Juche 0.",
        "Code " + "9" * 900 + " was logged.",
        "On 99.99.9999 nothing happened.",
        "The years 1,000,000,000 and 2017/1509.",
        "Chuseok 1900 and Lunar New Year 2099 are out of range.",
    ],
)
def test_time_garbage_is_skipped_without_error(text: str) -> None:
    times, durations, frequencies = find_times(text, P("2023-05-02"), split_sentences(text))
    assert all(t.start is not None for t in times)
    assert not [t for t in times if "30" in t.mention or "Juche" in t.mention]
    assert not [t for t in times if t.mention in ("Chuseok 1900", "Lunar New Year 2099")]
    assert durations == [] and frequencies == []


@pytest.mark.parametrize(
    ("year", "seollal", "chuseok"),
    [(2019, "2019-02-05", "2019-09-13"), (2023, "2023-01-22", "2023-09-29"),
     (2024, "2024-02-10", "2024-09-17"), (1950, "1950-02-17", "1950-09-26")],
)  # fmt: skip
def test_time_lunar_holidays_by_korean_calendar(year: int, seollal: str, chuseok: str) -> None:
    assert holiday_date("lunar new year", year) == P(seollal)
    assert holiday_date("chuseok", year) == P(chuseok)


def test_time_lunar_calendar_outside_its_range_gives_no_date() -> None:
    assert lunar_to_solar(1949, 1, 1) is None
    assert lunar_to_solar(2051, 1, 1) is None


def test_time_table_has_two_hundred_expressions() -> None:
    rows = sum(max(1, len(expected)) for _, _, expected in TIMES)
    assert rows + len(DURATIONS) + len(FREQUENCIES) >= 200


def test_time_seed_report_matches_its_gold_times() -> None:
    gold_path = CORPUS / "000_6a9ecab408291826.gold.json"
    if not gold_path.exists():
        pytest.skip("../shared/corpus is not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (CORPUS / gold["doc"]).read_text(encoding="utf-8")
    times, durations, _ = find_times(text, P(gold["published"]), split_sentences(text))
    assert {(t.start, t.end) for t in times} == {(g["start"], g["end"]) for g in gold["times"]}
    assert {(d.min_days, d.max_days) for d in durations} == {
        (g["min_days"], g["max_days"]) for g in gold["durations"]
    }
