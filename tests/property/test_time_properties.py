"""Invariants of the time normaliser, checked with hypothesis."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tumen.extract.sentences import split_sentences
from tumen.model import Duration, Frequency, TimeExpression
from tumen.resolve.time import find_times

PUBLISHED = st.dates(min_value=date(1960, 1, 1), max_value=date(2045, 12, 31))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Nov.", "Sept.", "Feb."]  # fmt: skip
FRAGMENTS = [
    "on", "in", "from", "to", "between", "and", "by", "before", "since", "until", "the end of",
    "early", "mid-", "late", "last", "next", "this", "year", "month", "week", "Monday",
    "Friday", "Lunar New Year", "Chuseok", "Juche", "spring", "winter", "the first half of",
    "quarter", "Q3", "ago", "at least", "up to", "within", "years", "months", "twice a year",
    "-", "–", ",", ".", "(", ")", "\u201c", "\u201d", "\n", "0", "7", "12", "31", "30", "2019",
    "1999", "2051", "99.99.2020", "07.06.2021", "12/13/2023", "2024-02-30", "2-year", *MONTHS,
]  # fmt: skip
# Characters that case-insensitive matching folds onto ASCII letters although `str.lower` does
# not (long s, Kelvin sign, Turkish dotted and dotless i), characters that lower-case to two
# (U+0130), ligatures, full-width and other non-ASCII digits, non-BMP letters and digits,
# combining marks and unusual spaces: the text a scraper brings in.
TRAPS = ["\u017f", "\u212a", "\u0130", "\u0131", "\ufb00", "\ufb01", "\ufb06", "\uff12", "\u0663", "\u0968", "\U0001d7d8", "\U0001d41a", "\U0001f600",
         "\u0307", "\u00a0", "\u2009", "\u3000", "\u00df", "\u1e9e", "\u00c5", "\u212b"]  # fmt: skip
# The grammar's words with a trap swapped in where it folds or nearly folds onto a letter.
TRAPPED = ["thi\u017f year", "la\u017ft month", "\u017fpring", "\u017fummer 2020", "the \u212aorean",
           "\u0130n 2019", "\u0131n May", "fir\u017ft half of", "Ju\u212ahe", "wee\u212a", "\u017finc\u0435",
           "ne\u0445t year", "\uff12\uff10\uff12\uff14", "20\u0663\u0663", "May \uff13", "\u017feptember",
           "\u0130\u0307n June", "twi\u0441e a year", "every \u017fix months", "for \u212about"]  # fmt: skip
ALPHABET = st.one_of(st.characters(), st.sampled_from(TRAPS))
# Text built from the grammar's own words reaches far more of it than random characters.
GRAMMARISH = st.lists(st.sampled_from(FRAGMENTS + TRAPPED + TRAPS), max_size=30).map(" ".join)
ANY_TEXT = st.one_of(st.text(ALPHABET, max_size=300), GRAMMARISH)
RELATIVE = ["last month", "next month", "this month", "last year", "next year", "this year",
            "in the first half of next year", "by the end of last year", "early next year",
            "last September", "next March", "three months ago", "two years ago", "this spring",
            "last autumn", "the third quarter of this year"]  # fmt: skip
WEEK_RELATIVE = ["last week", "next week", "this week", "yesterday", "tomorrow", "on Friday",
                 "last Tuesday", "next Sunday", "10 days ago"]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(text=ANY_TEXT, published=st.one_of(st.none(), PUBLISHED))
def test_time_any_text_no_exception_spans_match_and_ordered(
    text: str, published: date | None
) -> None:
    times, durations, frequencies = find_times(text, published, split_sentences(text))
    items: list[TimeExpression | Duration | Frequency] = [*times, *durations, *frequencies]
    for item in items:
        start, end = item.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == item.mention
    for t in times:
        assert (t.start is None) == (t.end is None)
        if t.start is not None and t.end is not None:
            assert t.start <= t.end
        else:
            assert t.anchor == "unresolved" and published is None
    for d in durations:
        if d.min_days is not None and d.max_days is not None:
            assert d.min_days <= d.max_days
        assert d.min_days is not None or d.max_days is not None
    for kind in (times, durations, frequencies):
        spans = sorted(item.span for item in kind)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def _one(text: str, published: date | None) -> tuple[str | None, str | None]:
    times, _, _ = find_times(text, published, split_sentences(text))
    assert len(times) == 1, times
    return times[0].start, times[0].end


def _shift_year(iso: str | None, years: int) -> str:
    assert iso is not None
    d = date.fromisoformat(iso)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


@settings(max_examples=200, deadline=None)
@given(
    phrase=st.sampled_from(RELATIVE),
    published=st.dates(min_value=date(1960, 1, 1), max_value=date(2040, 12, 28)),
    years=st.integers(min_value=-20, max_value=20),
)
def test_time_relative_expression_moves_with_its_anchor_by_years(
    phrase: str, published: date, years: int
) -> None:
    published = published.replace(day=min(published.day, 28))
    text = f"The workers were counted {phrase}, officials said."
    start, end = _one(text, published)
    moved = published.replace(year=published.year + years)
    start2, end2 = _one(text, moved)
    assert start2 == _shift_year(start, years)
    # Month ends move with their month (a February end may gain or lose a leap day).
    assert end2 is not None and end is not None
    assert abs((date.fromisoformat(end2) - date.fromisoformat(_shift_year(end, years))).days) <= 1


@settings(max_examples=200, deadline=None)
@given(
    phrase=st.sampled_from(WEEK_RELATIVE),
    published=PUBLISHED,
    weeks=st.integers(min_value=-500, max_value=500),
)
def test_time_relative_expression_moves_with_its_anchor_by_weeks(
    phrase: str, published: date, weeks: int
) -> None:
    text = f"Officials said the group left {phrase}."
    start, end = _one(text, published)
    start2, end2 = _one(text, published + timedelta(weeks=weeks))
    assert start is not None and end is not None
    shift = timedelta(weeks=weeks)
    assert (start2, end2) == (
        (date.fromisoformat(start) + shift).isoformat(),
        (date.fromisoformat(end) + shift).isoformat(),
    )


@settings(max_examples=100, deadline=None)
@given(phrase=st.sampled_from(RELATIVE + WEEK_RELATIVE))
def test_time_relative_expression_without_anchor_is_unresolved(phrase: str) -> None:
    text = f"Officials said the group left {phrase}."
    (t,), _, _ = find_times(text, None, split_sentences(text))
    assert (t.start, t.end, t.anchor) == (None, None, "unresolved")


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
       published=st.one_of(st.none(), PUBLISHED))  # fmt: skip
def test_time_absolute_date_ignores_the_anchor(day: date, published: date | None) -> None:
    text = f"The order was signed on {day:%B} {day.day}, {day.year}, the source said."
    assert _one(text, published) == (day.isoformat(), day.isoformat())
