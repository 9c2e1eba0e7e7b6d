"""Time expressions: from a grammar match to an anchored interval.

A match of `grammar.TIME` is read into one or two `Point`s (the ends of a range), each point is
resolved to an inclusive interval, and the expression takes the interval of its point(s). The
relation word ("before", "by", "since") is recorded but does not change the interval: gold.md
says "before/by/until/after/from/since X" is the interval of X.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from tumen.model import Anchor, Relation, TimeExpression, TimePrecision
from tumen.resolve.time import calendars as cal
from tumen.resolve.time.calendars import Interval
from tumen.resolve.time.context import in_quotation
from tumen.resolve.time.grammar import TIME, backwards
from tumen.resolve.time.resolution import precision_of, resolve_point
from tumen.text import fold


class _Ending:
    """Does a string end with a match of a pattern? Asked of the 40 characters before every
    match, so asked fast: the pattern is given written backwards and matched once at the start
    of the reversed string, where a `...$` search tries every start position in turn (~4 us
    for the longest). Tests check each against the forward pattern it replaces.
    """

    __slots__ = ("_backwards",)

    def __init__(self, backwards: str) -> None:
        self._backwards = re.compile(backwards)

    def search(self, before: str) -> bool:
        return self._backwards.match(before[::-1]) is not None


# Years named after these words are resolution or article numbers, not years: forwards,
# `(?i:WORDS)\s*(?:\d+\s*(?:,|and|or)\s*)*$` ("Resolution 2397", "resolutions 2270 and 2321").
_NUMBERED_WORDS = (
    "resolution|resolutions|unscr|s/res/|no.|nos.|article|paragraph|order|number|#|$|usd|won"
    "|room|flight|route|code|decree|law"
)
_NUMBERED_BEFORE = _Ending(rf"(?:\s*(?:,|dna|ro)\s*\d+)*\s*(?i:{backwards(_NUMBERED_WORDS)})")
# ...nor are numbers followed by a counted noun ("2000 workers").
_COUNTED_AFTER = re.compile(
    r"\s*(?:-\s*)?(?i:workers?|people|persons?|laborers?|labourers?|men|women|troops|soldiers"
    r"|units?|won|dollars|yuan|rubles?|roubles?|euros?|tons?|tonnes|km|kilomet|meters?|metres?"
    r"|households?|homes?|students?|members?|cases?|companies|firms|defectors|North\s+Koreans"
    r"|individuals|employees|staff|pieces|items|vehicles|cars|trucks)\b"
)
_HABITUAL = re.compile(
    r"(?i:\b(?:every|each)\s+(?:day|week|month|year)\b|\b(?:a|per)\s+(?:day|week)\b"
    r"|\b(?:usually|always|typically|normally)\b)"
)
# A habit right before a yearless month or season: "traffic usually peaks before the autumn
# harvest" names no one autumn (gold leaves recurring times out).
_HABIT_BEFORE = re.compile(
    r"(?i:\b(?:usually|always|typically|normally|traditionally|generally|every\s+year"
    r"|each\s+year)\b)"
)
# "end" and "start" as verbs: "contracts due to end last year" is last year, not its end.
# Forwards: `(?i:\b(?:WORDS)\s+)$`.
_VERB_BEFORE = _Ending(
    rf"(?i:\s+(?:{backwards('to|will|would|could|should|may|might|must|can|did|not|never')})\b)"
)
_NUMBER_AFTER = re.compile(r",?\s*\d{3,}\b")
# Compiled once (the `re` functions look their pattern up in a cache on every call).
_NON_DIGITS = re.compile(r"\D")
_THE_BEFORE = _Ending(r"(?i:\s+eht\b)")  # forwards: `(?i:\bthe\s+)$`
# A season as the object of "spend": "students will spend the summer in Pyongyang".
_SPEND_BEFORE = _Ending(r"(?i:\s+(?:dneps|sdneps|gnidneps|tneps)\b)")  # forwards: spend ...\s+$
_COMING = re.compile(r"(?i:coming|current)")
_NUMBER_PARTS = re.compile(r"[-\s]+")
# The date of a dateline ("SEOUL, Dec. 10 (AsiaWire) -- ..."): the report's day, never ahead.
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[\u2014\u2013])")
# Forwards: `(?i:\b(?:WORDS)\s+|-\s*)$`.
_COORDINATION_BEFORE = _Ending(
    rf"(?i:\s+(?:{backwards('and|or|to|through|of|until|till|in|since|from')})\b|\s*-)"
)

_RELATIONS: dict[str, Relation] = {
    "before": "before",
    "prior to": "before",
    "ahead of": "before",
    "by": "by",
    "no later than": "by",
    "not later than": "by",
    "until": "until",
    "till": "until",
    "up until": "until",
    "through": "until",
    "after": "after",
    "following": "after",
    "since": "since",
    "from": "from",
    "as early as": "from",
    "starting": "from",
    "beginning": "from",
    "around": "around",
    "about": "around",
    "circa": "around",
    "approximately": "around",
    "during": "during",
    "throughout": "during",
    "within": "during",
    "over": "during",
    "in": "during",
    "for": "during",
}
# Prepositions of a deadline or of an end: with no tense cue (or a future-in-the-past one), a
# yearless month after one is still to come ("would be kept on until the end of August",
# "contracts run until November"); a past verb still makes it the last one.
_DEADLINES = frozenset(
    {"before", "prior to", "ahead of", "by", "no later than", "not later than", "until", "till"}
    | {"up until"}
)
_REL_OFFSETS = {
    "last": -1,
    "this past": -1,
    "this": 0,
    "current": 0,
    "the current": 0,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "the coming": 1,
}
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * n
    for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
# Parts as written -> the keys of calendars' tables.
_PART_ALIASES = {
    "1st quarter": "first quarter",
    "2nd quarter": "second quarter",
    "3rd quarter": "third quarter",
    "4th quarter": "fourth quarter",
    "first 10 days": "first ten days",
    "last 10 days": "last ten days",
}
# Relative expressions of a day or a week inside quoted speech are anchored to when the
# speaker spoke, not to publication (gold leaves a quoted "last week" out).
_SPEECH_ANCHORED = frozenset({"weekday", "weekend", "dayword", "relweek", "ago_short"})
# So are a quoted "last month", "next spring", "last September": a month or a season counted
# from the speaker's moment. "this month", "the end of the month" and year-level ones ("next
# year", "the Lunar New Year next year") are kept, as gold keeps them.
_SPEECH_ANCHORED_SHIFT = frozenset({"relmonth", "relseason"})


def _speech_anchored(p: Point) -> bool:
    """Is this point anchored to when a quoted speaker spoke rather than to publication?"""
    if p.kind in _SPEECH_ANCHORED:
        return True
    if not p.offset:
        return False
    return p.kind in _SPEECH_ANCHORED_SHIFT or (p.kind == "relunit" and p.unit == "month")


def parse_number(word: str) -> float | None:
    """Digits or an English number word up to ninety-nine; None for anything else."""
    word = fold(word.strip())
    if word in ("a", "an"):
        return 1
    try:
        return float(word)
    except ValueError:
        pass
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    parts = _NUMBER_PARTS.split(word)
    if parts[0] in _TENS:
        total = _TENS[parts[0]]
        if len(parts) == 2 and parts[1] in _NUMBER_WORDS:
            total += _NUMBER_WORDS[parts[1]]
        return total
    return None


def _norm(value: str | None) -> str | None:
    return None if value is None else " ".join(fold(value).split())


class _Consume(Exception):  # noqa: N818 - a signal, not an error
    """Raised while reading a match that is garbage: skip its words, do not re-read them."""


class Skipped(NamedTuple):
    """A match that is not kept and whose words must not be read again (up to `end`)."""

    end: int


class Point(NamedTuple):
    """One end of a time expression as written, before anchoring.

    Immutable and hashable: the reading of a match's words and the interval of a point are
    kept in bounded caches keyed on it (dates repeat: "last year", "2023", "in March").
    """

    kind: str
    year: int | None = None
    year_offset: int | None = None  # "next year" after a month or a holiday
    month: int | None = None
    day: int | None = None
    part: str | None = None
    season: str | None = None
    offset: int | None = None  # last / this / next
    unit: str | None = None
    number: int | None = None
    name: str | None = None

    @property
    def yearless(self) -> bool:
        """A month, date, season or holiday whose year the context must supply."""
        return self.kind in _YEARLESS_KINDS and self.year is None and self.year_offset is None

    @property
    def relative(self) -> bool:
        return (
            self.yearless
            or self.year_offset is not None
            or self.kind in _RELATIVE_KINDS
            or (self.kind == "quarter" and self.year is None)
        )


_YEARLESS_KINDS = frozenset({"date", "month", "season", "holiday"})
_RELATIVE_KINDS = frozenset(
    {"relmonth", "relseason", "relunit", "relweek", "ago", "ago_short", "dayword", "weekday"}
    | {"weekend"}
)


@dataclass(slots=True)
class _Draft:
    """A point while its words are read (`Point` is immutable)."""

    kind: str = ""
    year: int | None = None
    year_offset: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None
    season: str | None = None
    offset: int | None = None
    unit: str | None = None
    number: int | None = None
    name: str | None = None

    def done(self) -> Point:
        return Point(
            self.kind,
            self.year,
            self.year_offset,
            self.month,
            self.day,
            self.part,
            self.season,
            self.offset,
            self.unit,
            self.number,
            self.name,
        )


# A point's groups are read from one `m.groups()` tuple, by position: the groups of the first
# point, then those of the second, laid out alike (checked here, at import). Reading them
# as one slice makes that slice the key of the reading's cache.
_GROUP = {name: number - 1 for name, number in TIME.groupindex.items()}  # into m.groups()
POINT_GROUPS = {s: slice(_GROUP[f"partof{s}"], _GROUP[f"yr{s}"] + 1) for s in ("_1", "_2")}
_AT = {
    name: i - POINT_GROUPS["_1"].start
    for name, i in _GROUP.items()
    if POINT_GROUPS["_1"].start <= i < POINT_GROUPS["_1"].stop
}
if [n.replace("_1", "_2", 1) for n in _AT] != [
    n for n, i in _GROUP.items() if POINT_GROUPS["_2"].start <= i < POINT_GROUPS["_2"].stop
]:  # pragma: no cover - a grammar edit that breaks the layout must fail loudly
    raise ImportError("the two points of grammar.TIME no longer have the same groups")
# The positions of the year qualifiers of a point, built once rather than per match.
_YEAR_QUALIFIERS = tuple(
    (_AT[f"yq_other_1{x}"], _AT[f"yq_rel_1{x}"], _AT[f"yq_y_1{x}"]) for x in "abcde"
)


@lru_cache(maxsize=4096)
def read_point(groups: tuple[str | None, ...]) -> Point | None:
    """The point whose groups (a `POINT_GROUPS` slice of a TIME match's `groups()`) are given,
    or None when it is not a time after all. Raises _Consume (not cached) for garbage."""

    def g(name: str) -> str | None:
        return groups[_AT[name]]

    part = _norm(g("partof_1") or g("partword_1"))
    part = _PART_ALIASES.get(part, part) if part else None
    year_offset = None
    for other, rel, year in _YEAR_QUALIFIERS:
        if groups[other]:
            raise _Consume  # "of the following year": anchored to another time in the text
        if groups[rel]:
            year_offset = _REL_OFFSETS[_norm(groups[rel]) or "this"]
        elif groups[year]:
            return _with_year(g, part, int(groups[year] or 0))
    point = _with_year(g, part, None)
    if point is not None and year_offset is not None:
        point = point._replace(year_offset=year_offset)
    return point


def _with_year(
    group: Callable[[str], str | None], part: str | None, qual_year: int | None
) -> Point | None:
    def g(name: str) -> str:
        return group(name) or ""  # read only where the grammar has matched it

    p = _Draft(part=part, year=qual_year)
    if group("ymd_y_1"):
        p.kind, p.year = "date", int(g("ymd_y_1"))
        p.month, p.day = int(g("ymd_m_1")), int(g("ymd_d_1"))
    elif group("dmy_d_1"):
        p.kind, p.year = "date", int(g("dmy_y_1"))
        p.month, p.day = int(g("dmy_m_1")), int(g("dmy_d_1"))
    elif group("sl_a_1"):
        a, b = int(g("sl_a_1")), int(g("sl_b_1"))
        # Slashed dates read month/day (the English-language wires) unless that is impossible.
        p.kind, p.year = "date", int(g("sl_y_1"))
        p.month, p.day = (b, a) if a > 12 else (a, b)
    elif group("md_mon_1"):
        p.kind, p.month = "date", cal.MONTHS[fold(g("md_mon_1").rstrip("."))]
        p.day = int(_NON_DIGITS.sub("", g("md_d_1")))
        if group("md_y_1"):
            p.year = int(g("md_y_1"))
    elif group("dm_mon_1"):
        p.kind, p.month = "date", cal.MONTHS[fold(g("dm_mon_1").rstrip("."))]
        p.day = int(_NON_DIGITS.sub("", g("dm_d_1")))
        if group("dm_y_1"):
            p.year = int(g("dm_y_1"))
    elif group("rm_rel_1"):
        p.kind, p.offset = "relmonth", _REL_OFFSETS[_norm(g("rm_rel_1")) or "this"]
        p.month = cal.MONTHS[fold(g("rm_mon_1"))]
    elif group("rs_rel_1"):
        p.kind, p.offset = "relseason", _REL_OFFSETS[_norm(g("rs_rel_1")) or "this"]
        p.season = fold(g("rs_season_1"))
    elif group("ho_1"):
        p.kind, p.name = "holiday", _holiday_key(g("ho_1"))
        if p.name is None:
            return None
        if group("ho_y_1"):
            p.year = int(g("ho_y_1"))
    elif group("mo_mon_1"):
        p.kind, p.month = "month", cal.MONTHS[fold(g("mo_mon_1").rstrip("."))]
    elif group("se_season_1"):
        p.kind, p.season = "season", fold(g("se_season_1"))
    elif group("q_q_1"):
        p.kind, p.number = "quarter", int(g("q_q_1")[1])
        if group("q_y_1"):
            p.year = int(g("q_y_1"))
    elif group("yp_1"):
        # A part of the publication year: "the first quarter" said without a year.
        p.kind, p.unit, p.offset = "relunit", "year", 0
        written = _norm(g("yp_1")) or ""
        p.part = _PART_ALIASES.get(written[4:], written[4:])
    elif group("we_1"):
        p.kind = "weekend"
    elif group("ru_rel_1"):
        unit = fold(g("ru_unit_1"))
        p.kind, p.unit = ("relweek" if unit.startswith("week") else "relunit"), unit
        p.offset = _REL_OFFSETS[_norm(g("ru_rel_1")) or "this"]
    elif group("ru_the_1"):
        p.kind, p.unit, p.offset = "relunit", fold(g("ru_theunit_1")), 0
        p.name = "the"
    elif group("ago_n_1"):
        number = parse_number(g("ago_n_1"))
        unit = fold(g("ago_u_1"))
        if number is None or number != int(number) or number > 200:
            return None
        p.kind = "ago_short" if unit in ("day", "week") else "ago"
        p.unit, p.number = unit, int(number)
    elif group("dw_1"):
        p.kind, p.name = "dayword", fold(g("dw_1"))
    elif group("wd_1"):
        p.kind, p.day = "weekday", cal.WEEKDAYS[fold(g("wd_1"))]
        if group("wd_rel_1"):
            p.offset = _REL_OFFSETS[_norm(g("wd_rel_1")) or "this"]
    elif group("ju_1"):
        p.kind, p.year = "year", int(g("ju_n_1")) + cal.JUCHE_OFFSET
        if not 1 <= p.year - cal.JUCHE_OFFSET <= 200:
            raise _Consume  # "Juche 0", "Juche 9999": not a year of that calendar's use
    elif group("dec_1"):
        p.kind, p.year = "decade", int(g("dec_1"))
    elif group("yr_1"):
        p.kind, p.year = "year", int(g("yr_1"))
    else:
        return None
    return p.done()


def _holiday_key(written: str) -> str | None:
    key = " ".join(fold(written).replace("-", " ").split())
    key = {
        "lunar new year's day": "lunar new year",
        "korean thanksgiving day": "korean thanksgiving",
    }.get(key, key)
    return key if key in cal.HOLIDAYS else None


# ---- gates: grammar matches that are not times --------------------------------------------


# The groups `plausible` reads of the first and of the second point.
_PLAUSIBLE_GROUPS = {
    True: ("mo_mon_1", "p1", "yr_1", "partword_1"),
    False: ("mo_mon_2", "p2", "yr_2", "partword_2"),
}


def plausible(text: str, m: re.Match[str], p: Point, prep: str | None, first: bool) -> bool:
    """Reject matches that the grammar lets through but that are not dates in context."""
    start = m.start()
    before = text[max(0, start - 40) : start]
    g = m.group
    month_name, point_name, year_name, partword_name = _PLAUSIBLE_GROUPS[first]
    kind = p.kind
    if kind == "month" and p.year is None and not p.part and g(month_name) == "May":
        # The modal verb: only a month after a preposition, in a coordination or with a year.
        if not prep and p.year_offset is None and first and not _COORDINATION_BEFORE.search(before):
            return False
    if kind == "relunit" and p.name == "the":
        # "the year" is this year only as "within the year", "by the end of the year".
        if not p.part and prep not in ("within", "throughout", "during"):
            return False
        # "at the end of the month the company pockets our pay, seven days a week": a habit.
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _HABITUAL.search(line):
            return False
    if kind == "season" and not (p.part or prep or p.year or p.year_offset is not None):
        if not _SPEND_BEFORE.search(before):  # "will spend the summer": a season as object
            return False
    if kind in _OFFSET_KINDS and p.offset:
        # "the next month", "the last week": counted from another time in the text.
        if _THE_BEFORE.search(before) and not _COMING.search(g(point_name)):
            return False
    if kind in _NUMBERED_KINDS and first:
        if _NUMBERED_BEFORE.search(before):
            return False
    if kind == "year" and g(year_name) and _COUNTED_AFTER.match(text, m.end(point_name)):
        return False
    yearless = p.yearless
    if yearless and _HABIT_BEFORE.search(before):
        return False
    partword = g(partword_name)
    if partword and fold(partword) in ("end", "start") and m.start(partword_name) == start:
        if _VERB_BEFORE.search(before):
            return False
    if yearless and _NUMBER_AFTER.match(text, m.end(point_name)):
        return False  # "Lunar New Year 1890": a year we do not read; never guess another
    return True


_OFFSET_KINDS = frozenset({"relunit", "relweek", "relmonth", "relseason", "weekday"})
_NUMBERED_KINDS = frozenset({"year", "decade", "date"})


def relation_of(prep: str | None, ranged: bool, precision: TimePrecision) -> Relation:
    if ranged:
        return "during"
    if prep is None:
        return "on"
    key = prep.split()[0] if prep.startswith(("starting", "beginning")) else prep
    relation = _RELATIONS.get(key, "on")
    if relation == "during" and precision == "day":
        return "on"
    return relation


def build(
    text: str,
    m: re.Match[str],
    pub: date | None,
    tense: Callable[[int, int], str | None],
) -> TimeExpression | Skipped | None:
    """The TimeExpression of one TIME match.

    None: the words are not a time here (try a later start); Skipped: they are a date that
    does not exist or that we must not anchor (its words are not read again).
    """
    try:
        return _build(text, m, pub, tense)
    except _Consume:
        return Skipped(m.end())


# Positions in a TIME match's `groups()` of the groups `_build` reads.
_PREP, _BETWEEN, _P2 = _GROUP["prep"], _GROUP["between"], _GROUP["p2"]
_DAYONLY, _DAYONLY_Y = _GROUP["dayonly"], _GROUP["dayonly_y"]
_FIRST_POINT, _SECOND_POINT = POINT_GROUPS["_1"], POINT_GROUPS["_2"]


@lru_cache(maxsize=256)
def _preposition(written: str | None) -> str | None:
    return _norm(written)


def _build(
    text: str,
    m: re.Match[str],
    pub: date | None,
    tense: Callable[[int, int], str | None],
) -> TimeExpression | Skipped | None:
    groups = m.groups()  # one call, instead of one `m.group` per name read
    prep = _preposition(groups[_PREP])
    p1 = read_point(groups[_FIRST_POINT])
    if p1 is None or not plausible(text, m, p1, prep, True):
        return None
    p2: Point | None = None
    end = m.end()
    if groups[_P2]:
        p2 = read_point(groups[_SECOND_POINT])
        if p2 is not None and not plausible(text, m, p2, prep, False):
            p2 = None
    elif groups[_DAYONLY] and p1.kind == "date":
        day = int(_NON_DIGITS.sub("", groups[_DAYONLY] or ""))
        dayonly_year = groups[_DAYONLY_Y]
        if dayonly_year:  # "June 28-30, 2022": the year belongs to both ends
            p1 = p1._replace(year=int(dayonly_year))
        p2 = Point("date", year=p1.year, year_offset=p1.year_offset, month=p1.month, day=day)
    if p2 is None or not _rangeable(p1, p2):
        p2 = None
        end = m.end("p1")
    between = groups[_BETWEEN]
    if between and p2 is None:
        return None  # "between 2019 and a later date": not an interval we can name
    start = m.start()
    if between is None and prep is None:
        start = m.start("p1")
    if (_speech_anchored(p1) or (p2 is not None and _speech_anchored(p2))) and in_quotation(
        text, start
    ):
        return Skipped(end)

    relative = p1.relative or (p2 is not None and p2.relative)
    interval: Interval | None
    if p2 is None:
        needs_tense = (
            p1.yearless
            or (p1.kind == "weekday" and p1.offset is None)
            or p1.kind == "weekend"
            or (p1.kind == "relseason" and p1.offset == 0)
        )
        said = tense(start, end) if needs_tense else None
        if needs_tense and prep is None and _DATELINE_AFTER.match(text, end):
            said = "past"  # "TOKYO, Nov. 28 (Wire) -- ... expects": the report's own day
        elif p1.yearless and prep == "since":
            said = "past"  # "since February": from then until now, whatever the clause's tense
        elif said is None and p1.yearless and prep in _DEADLINES:
            said = "future"  # "before the end of May", "by October": a deadline looks ahead
        interval = resolve_point(p1, pub, said)
    else:
        interval = _resolve_range(p1, p2, pub, lambda: tense(start, end))
    ranged = p2 is not None
    precision = precision_of(p1)
    mention = text[start:end]
    relation = relation_of(prep, ranged, precision)
    if interval is None:
        if pub is None and relative:
            return TimeExpression(
                mention, (start, end), None, None, relation, precision, "unresolved"
            )
        return Skipped(end)  # garbage ("February 30", a lunar year out of range)
    if interval[0] > interval[1]:
        return Skipped(end)
    anchor: Anchor = "published" if relative else "absolute"
    return TimeExpression(
        mention,
        (start, end),
        interval[0].isoformat(),
        interval[1].isoformat(),
        relation,
        precision,
        anchor,
    )


_DATED = frozenset({"date", "month", "season", "year", "holiday", "quarter", "decade", "relmonth"})


def _rangeable(p1: Point, p2: Point) -> bool:
    """Both ends of "from X to Y" must be of kinds that make an interval together."""
    if p1.kind in _DATED and p2.kind in _DATED:
        return True
    return p1.kind == p2.kind


def _resolve_range(
    p1: Point, p2: Point, pub: date | None, tense: Callable[[], str | None]
) -> Interval | None:
    """A range: a yearless end takes its year from the other end ("March to May 2023")."""
    if p1.yearless and not p2.yearless:
        second = resolve_point(p2, pub, None)
        if second is None:
            return None
        year = second[1].year
        first = resolve_point(p1, pub, None, year_hint=year)
        if first is not None and first[0] > second[0]:
            first = resolve_point(p1, pub, None, year_hint=year - 1)
    else:
        first = resolve_point(p1, pub, tense() if p1.yearless else None)
        if first is None:
            return None
        second = None
        if p2.yearless:
            second = resolve_point(p2, pub, None, year_hint=first[0].year)
            if second is not None and second[1] < first[0]:
                second = resolve_point(p2, pub, None, year_hint=first[0].year + 1)
        else:
            second = resolve_point(p2, pub, None)
    if first is None or second is None:
        return None
    return (first[0], second[1])
