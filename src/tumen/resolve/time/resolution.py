"""Resolving a time point to an inclusive interval, against the publication date and tense.

`expressions` reads a grammar match into `Point`s; this module turns one point into dates:
absolute points by the calendar, relative ones ("last month", "early next year") against the
report's publication date, yearless ones ("in May") by the tense of their clause.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from tumen.model import TimePrecision
from tumen.resolve.time import calendars as cal
from tumen.resolve.time.calendars import Interval

if TYPE_CHECKING:  # a point is read in `expressions`, which imports this module
    from tumen.resolve.time.expressions import Point


def _month_precision(part: str | None) -> TimePrecision:
    if part is None or part in cal.NO_CHANGE_PARTS:
        return "month"
    if "week" in part:
        return "week"
    return "part_of_month"


def _year_precision(part: str | None) -> TimePrecision:
    if part is None or part in cal.NO_CHANGE_PARTS:
        return "year"
    if part.endswith("months"):
        return "part_of_year"
    if "quarter" in part:
        return "quarter"
    if "half" in part:
        return "half_year"
    if "week" in part:
        return "week"
    return "part_of_year"


def _in_year(p: Point) -> Callable[[int], Interval | None]:
    """For a yearless point: its interval in a given year."""
    if p.kind == "date":
        month, day = p.month or 0, p.day or 0

        def on_day(y: int) -> Interval | None:
            d = cal.safe_date(y, month, day)
            return None if d is None else (d, d)

        return on_day
    if p.kind == "month":
        month, part = p.month or 0, p.part
        return lambda y: cal.part_of_month(y, month, part) if part else cal.month_interval(y, month)
    if p.kind == "season":
        season, part = p.season or "spring", p.part
        return lambda y: (
            cal.part_of_season(y, season, part) if part else cal.season_interval(y, season)
        )
    name = p.name or "lunar new year"

    def holiday(y: int) -> Interval | None:
        d = cal.holiday_date(name, y)
        return None if d is None else (d, d)

    return holiday


def precision_of(p: Point) -> TimePrecision:
    """How precise the interval of a point is: a day, a week, a month ... a decade."""
    if p.kind in ("date", "holiday", "dayword", "weekday"):
        return "day"
    if p.kind == "weekend":
        return "week"
    if p.kind in ("month", "relmonth"):
        return _month_precision(p.part)
    if p.kind in ("season", "relseason"):
        return "season"
    if p.kind == "quarter":
        return "quarter"
    if p.kind == "decade":
        return "decade"
    if p.kind in ("relweek", "ago_short"):
        return "week" if p.unit != "day" else "day"
    if p.kind in ("relunit", "ago"):
        unit = p.unit or "year"
        if unit == "month":
            return _month_precision(p.part)
        if unit == "quarter":
            return "quarter"
        return _year_precision(p.part)
    return _year_precision(p.part)


def _choose(
    make: Callable[[int], Interval | None], pub: date, tense: str | None
) -> Interval | None:
    """The occurrence of a yearless point that the tense and the publication date point to.

    Future: the first whose month is not before publication's; past: the last whose month is
    not after it; no cue or an order ("near"): the nearest, a future one counting double (news
    mostly looks back).
    """
    options = [iv for iv in (make(y) for y in (pub.year - 1, pub.year, pub.year + 1)) if iv]
    if not options:
        return None
    here = (pub.year, pub.month)
    if tense == "future":
        later = [iv for iv in options if (iv[1].year, iv[1].month) >= here]
        if later:
            return min(later)
    elif tense == "past":
        earlier = [iv for iv in options if (iv[0].year, iv[0].month) <= here]
        if earlier:
            return max(earlier)

    def distance(iv: Interval) -> int:
        if iv[0] <= pub <= iv[1]:
            return 0
        if iv[1] < pub:
            return (pub - iv[1]).days
        return 2 * (iv[0] - pub).days

    return min(options, key=distance)


@lru_cache(maxsize=4096)
def resolve_point(
    p: Point, pub: date | None, tense: str | None, year_hint: int | None = None
) -> Interval | None:
    """The interval of one point; None when it names no real date or needs a missing anchor.

    Cached: it reads only its arguments, and a feed names the same few dates again and again.
    """
    if p.yearless:
        make = _in_year(p)
        if year_hint is not None:
            return make(year_hint)
        return None if pub is None else _choose(make, pub, tense)
    if p.kind in ("date", "month", "season", "holiday"):
        year = p.year if p.year is not None else (None if pub is None else pub.year)
        if year is None:
            return None
        year += p.year_offset or 0
        return _in_year(p)(year)
    if p.kind == "year":
        year = p.year or 0
        return cal.part_of_year(year, p.part) if p.part else cal.year_interval(year)
    if p.kind == "decade":
        first = p.year or 0
        return cal.part_of_decade(first, p.part) if p.part else cal.decade_interval(first)
    if p.kind == "quarter":
        year = p.year if p.year is not None else (None if pub is None else pub.year)
        return None if year is None else cal.quarter_interval(year, p.number or 0)
    if pub is None:
        return None
    return _resolve_relative(p, pub, tense)


def _resolve_relative(p: Point, pub: date, tense: str | None) -> Interval | None:
    offset = p.offset or 0
    if p.kind == "relmonth":
        month = p.month or 1
        year = pub.year
        if offset < 0:  # the last such month before the current one
            year = pub.year if month < pub.month else pub.year - 1
        elif offset > 0:
            year = pub.year if month > pub.month else pub.year + 1
        return cal.part_of_month(year, month, p.part) if p.part else cal.month_interval(year, month)
    if p.kind == "relseason":
        season = p.season or "spring"
        years = range(pub.year - 2, pub.year + 3)
        valid = [iv for y in years if (iv := cal.season_interval(y, season)) is not None]
        if offset < 0:
            past = [iv for iv in valid if iv[1] < pub]
            return max(past) if past else None
        if offset > 0:
            future = [iv for iv in valid if iv[0] > pub]
            return min(future) if future else None
        # "this winter": the one under way, else the one just ended (a report of April says
        # "this winter" of the winter behind it) or the one ahead, as the tense says; with no
        # cue, the nearer of the two.
        for iv in valid:
            if iv[0] <= pub <= iv[1]:
                return iv
        behind = max((iv for iv in valid if iv[1] < pub), default=None)
        ahead = min((iv for iv in valid if iv[0] > pub), default=None)
        if behind is None or ahead is None:
            return behind or ahead
        if tense == "past":
            return behind
        if tense == "future":
            return ahead
        return behind if (pub - behind[1]) < (ahead[0] - pub) else ahead
    if p.kind == "relweek":
        if p.unit == "weekend":
            monday = cal.week_interval(pub)[0] + timedelta(weeks=offset)
            return (monday + timedelta(days=5), monday + timedelta(days=6))
        return cal.week_interval(pub + timedelta(weeks=offset))
    if p.kind == "relunit":
        if p.unit == "month":
            year, month = cal.shift_month(pub.year, pub.month, offset)
            if p.part:
                return cal.part_of_month(year, month, p.part)
            return cal.month_interval(year, month)
        if p.unit == "quarter":
            q = (pub.month - 1) // 3 + 1 + offset
            year = pub.year + (q - 1) // 4
            return cal.quarter_interval(year, (q - 1) % 4 + 1)
        year = pub.year + offset
        return cal.part_of_year(year, p.part) if p.part else cal.year_interval(year)
    if p.kind in ("ago", "ago_short"):
        n = p.number or 0
        if p.unit == "day":
            d = pub - timedelta(days=n)
            return (d, d)
        if p.unit == "week":
            return cal.week_interval(pub - timedelta(weeks=n))
        if p.unit == "month":
            return cal.month_interval(*cal.shift_month(pub.year, pub.month, -n))
        return cal.year_interval(pub.year - n)
    if p.kind == "dayword":
        d = pub + timedelta(days=-1 if p.name == "yesterday" else 1)
        return (d, d)
    if p.kind == "weekend":
        # The nearest Saturday-Sunday on or before publication, or after it in the future.
        if tense == "future":
            saturday = pub + timedelta(days=(5 - pub.weekday()) % 7)
        else:
            saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        return (saturday, saturday + timedelta(days=1))
    if p.kind == "weekday":
        target = p.day or 0
        back = (pub.weekday() - target) % 7
        if offset < 0:
            d = pub - timedelta(days=back or 7)
        elif offset > 0:
            d = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
        elif p.offset == 0:  # "this Friday": the day of publication's week
            d = cal.week_interval(pub)[0] + timedelta(days=target)
        elif tense == "future":
            d = pub + timedelta(days=(target - pub.weekday()) % 7)
        else:
            d = pub - timedelta(days=back)
        return (d, d)
    return None
