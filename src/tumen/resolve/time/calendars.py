"""Calendar arithmetic for the time normaliser: intervals, parts of periods, holidays.

Every function returns an inclusive `(start, end)` pair of dates, or None when the request
names no real date ("February 30", a lunar date outside the library's range). Nothing here
raises on bad input: garbage dates are data, and the finder simply skips them.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache, lru_cache

Interval = tuple[date, date]

# The years `korean-lunar-calendar` is trusted for (the issue: 1950-2050). Outside them the
# holiday is not resolved at all rather than guessed from another calendar.
LUNAR_YEARS = range(1950, 2051)
# Years a bare number may name: keeps "Resolution 2397" and prices out of the timeline.
MIN_YEAR, MAX_YEAR = 1900, 2100
# Juche 1 is 1912, the year of Kim Il Sung's birth.
JUCHE_OFFSET = 1911

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# Northern-hemisphere seasons as (first month, number of months); winter YYYY starts in December.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> int:
    # `calendar.monthrange` works out the first weekday too; only the length is needed here.
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month]


def safe_date(year: int, month: int, day: int) -> date | None:
    """A real date or None: "February 30" and year 0 are skipped, never raised."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= last_day(year, month):
        return None
    return date(year, month, day)


def day_interval(d: date) -> Interval:
    return (d, d)


# The intervals of a month, a season or a part of a month are asked for again and again (the
# three candidate years of every yearless date); each is cached on its few small arguments.
@lru_cache(maxsize=4096)
def month_interval(year: int, month: int) -> Interval | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return (date(year, month, 1), date(year, month, last_day(year, month)))


def months_interval(year: int, first: int, count: int) -> Interval | None:
    """`count` calendar months from `first` of `year` (may run into the next year)."""
    start = month_interval(year, first)
    last_index = year * 12 + first - 1 + count - 1
    end = month_interval(last_index // 12, last_index % 12 + 1)
    if start is None or end is None:
        return None
    return (start[0], end[1])


def year_interval(year: int) -> Interval | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return (date(year, 1, 1), date(year, 12, 31))


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def week_interval(d: date) -> Interval:
    """The Monday-to-Sunday week containing `d`."""
    monday = d - timedelta(days=d.weekday())
    return (monday, monday + timedelta(days=6))


@lru_cache(maxsize=1024)
def season_interval(year: int, season: str) -> Interval | None:
    return months_interval(year, SEASONS[season], 3)


def quarter_interval(year: int, quarter: int) -> Interval | None:
    if not 1 <= quarter <= 4:
        return None
    return months_interval(year, 3 * quarter - 2, 3)


def decade_interval(first_year: int) -> Interval | None:
    if not (MIN_YEAR <= first_year <= MAX_YEAR - 9 and first_year % 10 == 0):
        return None
    return (date(first_year, 1, 1), date(first_year + 9, 12, 31))


# Parts of a month by gold.md: early/beginning 1-10, mid 11-20, late/end 21-last.
_MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "beginning": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, None),
    "end": (21, None),
    "close": (21, None),
    "first half": (1, 15),
    "second half": (16, None),
    "latter half": (16, None),
    "last half": (16, None),
    "first week": (1, 7),
    # Counted as the first week is, in seven-day blocks from the 1st: "the second week of
    # September" is the 8th to the 14th (gold's reading; a week that holds the 1st would
    # make it Monday-based only when the 1st is a Monday).
    "second week": (8, 14),
    "third week": (15, 21),
    "fourth week": (22, 28),
    "first ten days": (1, 10),
    "first days": (1, 10),
    "last ten days": (-9, None),
    "last week": (-6, None),
    "final week": (-6, None),
    "last days": (21, None),
}

_MONTH_COUNTS = "_ _ two three four five six seven eight nine ten eleven".split()

# Parts of a year by gold.md: early Jan-Apr, mid May-Aug, late Sep-Dec; the end is December,
# the beginning January; halves and quarters by calendar. Values: (first month, months).
_YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "mid": (5, 4),
    "middle": (5, 4),
    "late": (9, 4),
    "beginning": (1, 1),
    "start": (1, 1),
    "end": (12, 1),
    "close": (12, 1),
    "first half": (1, 6),
    "second half": (7, 6),
    "latter half": (7, 6),
    "last half": (7, 6),
    "first quarter": (1, 3),
    "second quarter": (4, 3),
    "third quarter": (7, 3),
    "fourth quarter": (10, 3),
    "final quarter": (10, 3),
    "last quarter": (10, 3),
    # "the first nine months of 2025": January to September.
    **{f"first {w} months": (1, n) for n, w in enumerate(_MONTH_COUNTS) if n > 1},
    **{f"last {w} months": (13 - n, n) for n, w in enumerate(_MONTH_COUNTS) if n > 1},
    **{f"first {n} months": (1, n) for n in range(2, 12)},
    **{f"last {n} months": (13 - n, n) for n in range(2, 12)},
}

NO_CHANGE_PARTS = frozenset({"earlier", "later"})


@lru_cache(maxsize=4096)
def part_of_month(year: int, month: int, part: str) -> Interval | None:
    whole = month_interval(year, month)
    if whole is None or part in NO_CHANGE_PARTS:
        return whole
    bounds = _MONTH_PARTS.get(part)
    if bounds is None:
        return None
    end_day = last_day(year, month)
    first, last = bounds
    if first < 0:  # counted back from the month's last day
        first = end_day + first
    return (date(year, month, first), date(year, month, last or end_day))


def part_of_year(year: int, part: str) -> Interval | None:
    if part in NO_CHANGE_PARTS:
        return year_interval(year)
    if part in ("first week", "second week", "third week", "fourth week"):
        return part_of_month(year, 1, part)  # the weeks of January
    if part in ("last week", "final week", "last days"):
        return (date(year, 12, 25), date(year, 12, 31)) if MIN_YEAR <= year <= MAX_YEAR else None
    bounds = _YEAR_PARTS.get(part)
    if bounds is None:
        return None
    return months_interval(year, *bounds)


def part_of_season(year: int, season: str, part: str) -> Interval | None:
    """Early spring is its first month, late spring its last."""
    first = SEASONS[season]
    offset = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2}
    offset |= {"end": 2, "close": 2}
    if part in NO_CHANGE_PARTS:
        return season_interval(year, season)
    if part not in offset:
        return None
    return _season_month(year, first, offset[part])


def _season_month(year: int, first: int, offset: int) -> Interval | None:
    y, m = shift_month(year, first, offset)
    return month_interval(y, m)


def part_of_decade(first_year: int, part: str) -> Interval | None:
    spans = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}
    if part in NO_CHANGE_PARTS:
        return decade_interval(first_year)
    if part not in spans or decade_interval(first_year) is None:
        return None
    a, b = spans[part]
    return (date(first_year + a, 1, 1), date(first_year + b, 12, 31))


@cache
def lunar_to_solar(year: int, month: int, day: int) -> date | None:
    """A Korean lunar date as a solar date, by `korean-lunar-calendar`; None outside 1950-2050."""
    if year not in LUNAR_YEARS:
        return None
    from korean_lunar_calendar import KoreanLunarCalendar  # lazy: only reports naming a holiday

    converter = KoreanLunarCalendar()
    if not converter.setLunarDate(year, month, day, False):
        return None
    return date(converter.solarYear, converter.solarMonth, converter.solarDay)


# Holidays: lunar ones as ("lunar", month, day); fixed ones as ("solar", month, day).
HOLIDAYS: dict[str, tuple[str, int, int]] = {
    "lunar new year": ("lunar", 1, 1),
    "seollal": ("lunar", 1, 1),
    "chuseok": ("lunar", 8, 15),
    "korean thanksgiving": ("lunar", 8, 15),
    "day of the sun": ("solar", 4, 15),
    "kim il sung's birthday": ("solar", 4, 15),
    "party foundation day": ("solar", 10, 10),
    "party founding day": ("solar", 10, 10),
    "kim jong un's birthday": ("solar", 1, 8),
    "day of the shining star": ("solar", 2, 16),
    "kim jong il's birthday": ("solar", 2, 16),
    "new year's day": ("solar", 1, 1),
    "solar new year": ("solar", 1, 1),
}


def holiday_date(name: str, year: int) -> date | None:
    kind, month, day = HOLIDAYS[name]
    if kind == "lunar":
        return lunar_to_solar(year, month, day)
    return safe_date(year, month, day)
