"""The regular grammar of time expressions, durations and frequencies in news English.

Month and weekday names are matched case-sensitively (title case), so the verb "march", the
modal "may" and an all-caps headline "MAY" are not dates; function words are matched without
case through scoped `(?i:...)` groups. A time expression is

    [preposition] [between] POINT [(to | through | until | - | and) POINT]

where POINT is `[part of] base [year qualifier]`. Group names carry a suffix (`_1`, `_2`) so
that both ends of a range can be read from one match.
"""

from __future__ import annotations

import re
from typing import Any

# Cheap prefilter: any sentence without one of these cannot hold a time, duration or frequency.
# Digits, then these words, in this order of preference where two begin at one character; a
# word is matched as written here: "[Yy]" either case, any other letter exactly. `triggers`
# finds the same hits as the regex, several times faster; the regex stays the definition.
TRIGGER_WORDS = (
    "[Yy]ear|[Mm]onth|[Ww]eek|[Dd]ay|[Dd]ecade|[Tt]omorrow|[Hh]alf|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
    "|Sep|Oct|Nov|Dec|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|Lunar|Seollal|Chuseok"
    "|[Qq]uarter|Thanksgiving"
).split("|")
# The leading character class lets the regex engine skip fast to possible first letters.
PREFILTER = re.compile(r"(?=[\dYyMmWwDdTtJFASONLCsafQqHh])(?:\d+|" + "|".join(TRIGGER_WORDS) + ")")
# Every time expression contains a PREFILTER hit and starts at most this many characters
# before it ("no later than the very beginning of ...").
MAX_LEAD = 80
# Where a time expression may start: a letter or digit not inside a word or after a hyphen.
WORD_START = re.compile(r"(?<![\w-])\w")

MONTH_FULL = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
# Abbreviations only with their full stop or before a day number ("Jan" is also a name).
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s?\d))"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)"
SEASON = r"(?i:spring|summer|autumn|fall|winter)"
YEAR = r"(?:19|20)\d\d(?![\d])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)(?!,\d\d\d)(?:st|nd|rd|th)?"
NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
NUMBER = rf"(?:(?<![\d.,])\d{{1,3}}(?:\.\d+)?(?![\d,]\d)|(?i:{NUMWORD})(?![a-z]))"
RELWORD = r"(?i:this\s+coming|this\s+past|last|this|next|coming)"
HOLIDAY = (
    r"(?i:lunar\s+new\s+year(?:'s\s+day)?|seollal|chuseok|korean\s+thanksgiving(?:\s+day)?"
    r"|day\s+of\s+the\s+sun|kim\s+il[\s-]sung's\s+birthday|party\s+found(?:ation|ing)\s+day"
    r"|kim\s+jong[\s-]un's\s+birthday|day\s+of\s+the\s+shining\s+star"
    r"|kim\s+jong[\s-]il's\s+birthday|new\s+year's\s+day|solar\s+new\s+year)"
)
PART = (
    r"(?:(?i:the\s+)?(?i:very\s+)?(?P<partof{s}>(?i:beginning|start|end|middle|close"
    r"|(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    r"\s+quarter|(?:first|second|third|fourth|last|final)\s+week"
    r"|(?:first|last)\s+(?:ten|10)\s+days|(?:first|last)\s+days"
    r"|(?:first|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|1[01]|[2-9])"
    r"\s+months))"
    r"\s+(?i:of)\s+(?i:the\s+)?"
    r"|(?:(?i:the)\s+)?(?P<partword{s}>(?i:early|earlier|mid|middle|late|later|end|start))(?:-|\s+))"
)
YEARQ = (
    r"(?:(?:,\s*|\s+)(?:(?i:of|in)\s+)?(?:(?P<yq_y{s}>" + YEAR + r")"
    r"|(?P<yq_rel{s}>(?i:last|this|next))\s+(?i:year)\b"
    r"|(?P<yq_other{s}>(?i:(?:the\s+)?(?:same|following|previous|preceding|prior|that)\s+year))))?"
)


def point(s: str) -> str:
    """One time point (the base of an expression) with group names suffixed by `s`."""
    alternatives = [
        # ISO and year-first numeric dates: 2024-12-16, 2023.01.26, 2023/01/26
        rf"(?P<ymd_y{s}>{YEAR})(?P<ymd_sep{s}>[-./])(?P<ymd_m{s}>\d\d?)(?P=ymd_sep{s})"
        rf"(?P<ymd_d{s}>\d\d?)(?![\d])",
        # Day-first dotted (07.06.2021 is 7 June) and slashed numeric dates.
        rf"(?<![\d.])(?P<dmy_d{s}>\d\d?)\.(?P<dmy_m{s}>\d\d?)\.(?P<dmy_y{s}>{YEAR})",
        rf"(?<![\d/])(?P<sl_a{s}>\d\d?)/(?P<sl_b{s}>\d\d?)/(?P<sl_y{s}>{YEAR})",
        # (Monday,) December 16(, 2024) (last year)
        rf"(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?(?P<md_mon{s}>{MONTH})\s?(?P<md_d{s}>{DAY})"
        rf"(?:(?:,\s*|\s+)(?P<md_y{s}>{YEAR})|{YEARQ.format(s=s + 'a')})",
        # (Monday,) 16 December( 2024), the 5th of February
        rf"(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?(?<![\d.,])(?P<dm_d{s}>{DAY})\s+(?:(?i:of)\s+)?(?P<dm_mon{s}>{MONTH})"
        rf"(?:,?\s+(?P<dm_y{s}>{YEAR})|{YEARQ.format(s=s + 'b')})",
        # last September, next March
        rf"(?P<rm_rel{s}>{RELWORD})\s+(?P<rm_mon{s}>{MONTH_FULL})",
        rf"(?P<rs_rel{s}>{RELWORD})\s+(?P<rs_season{s}>{SEASON})\b",
        # the 2023 Lunar New Year, Chuseok (next year)
        rf"(?:(?i:the)\s+)?(?:(?P<ho_y{s}>{YEAR})\s+)?(?P<ho{s}>{HOLIDAY})"
        rf"{YEARQ.format(s=s + 'c')}",
        # (early) November (2022 | of last year)
        rf"(?P<mo_mon{s}>{MONTH}){YEARQ.format(s=s + 'd')}",
        rf"(?:(?i:the)\s+)?(?P<se_season{s}>{SEASON})\b{YEARQ.format(s=s + 'e')}",
        rf"(?P<q_q{s}>Q[1-4])(?:\s+|\s?/\s?)?(?P<q_y{s}>{YEAR})?",
        # "in the first quarter", "the second half" with no year named: the publication year
        rf"(?P<yp{s}>(?i:the\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
        rf"|(?:first|second|latter)\s+half)))\b(?!\s+(?i:of)\b)",
        # "over the weekend": the nearest weekend, by tense
        rf"(?P<we{s}>(?i:the\s+weekend))\b",
        # last month, this year, next week, the coming week, the year (gated by the parser)
        rf"(?P<ru_rel{s}>{RELWORD}|(?i:the\s+coming|the\s+current|current))\s+"
        rf"(?P<ru_unit{s}>(?i:week(?:end)?|month|year|quarter))\b",
        rf"(?P<ru_the{s}>(?i:the))\s+(?P<ru_theunit{s}>(?i:year|month))\b",
        rf"(?P<ago_n{s}>{NUMBER}|(?i:an?))\s+(?P<ago_u{s}>(?i:day|week|month|year))s?\s+(?i:ago)\b",
        rf"(?P<dw{s}>(?i:yesterday|tomorrow))\b",
        rf"(?P<wd_rel{s}>{RELWORD}\s+)?(?P<wd{s}>{WEEKDAY})",
        rf"(?P<ju{s}>Juche|JUCHE)\s+(?:(?i:year)\s+)?(?P<ju_n{s}>\d{{1,4}})(?!\d)",
        rf"(?:(?i:the)\s+)?(?P<dec{s}>(?:19|20)\d0)'?s\b",
        rf"(?<![\d.,/$€£#])(?P<yr{s}>{YEAR})(?![/.,]\d)",
    ]
    return rf"(?:{PART.format(s=s)})?(?:{'|'.join(alternatives)})"


PREPOSITION = (
    r"(?P<prep>(?i:(?:no|not)\s+later\s+than|as\s+of|as\s+early\s+as|as\s+late\s+as|prior\s+to"
    r"|ahead\s+of|up\s+until|until|till|through|throughout|before|after|following|since|from"
    r"|starting(?:\s+(?:from|in|on))?|beginning(?:\s+(?:from|in|on))?|by|around|about|circa"
    r"|approximately|in|on|at|during|within|over|for))\s+"
)

# The first word of every time expression: a superset of what TIME can start with. Each
# starter word is followed by a space or hyphen in TIME, except the month names and two
# holidays, matched as prefixes. Checked first, it lets the engine turn down "said" in one step
# instead of walking the whole grammar; it never changes what TIME matches, only how fast it
# fails.
_CASED_STARTS = (
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|Q[1-4]|Juche|JUCHE"
)
# Function words: in TIME each is followed by a space and another starter ("in the", "by
# early", "the 1990s", "a year ago").
_FUNCTION_WORDS = (
    r"in|on|at|for|by|over|about|around|from|since|until|till|through|throughout|before|after"
    r"|following|during|within|circa|approximately|between|the|very|an|a"
)
_CONTENT_WORDS = (
    r"no|not|as|prior|ahead|up|starting|beginning|start|end|middle|close|first|second|latter"
    r"|last|third|fourth|final|early|earlier|mid|late|later|this|next|coming|current|lunar"
    r"|korean|day|kim|party|new|solar|spring|summer|autumn|fall|winter|yesterday|tomorrow|one"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|seollal|chuseok"
)
STARTER = (
    rf"(?={_CASED_STARTS}|(?i:seollal|chuseok)"
    rf"|(?i:{_FUNCTION_WORDS}|{_CONTENT_WORDS})(?![^\W\d_]))"
)
# Where a time expression may start, as a stricter test for the finder: a word start that
# passes STARTER and, for a function word, whose next word is a starter too (or a unit after
# "a", "the": "a year ago", "the weekend"). `LOWER_CANDIDATE` is the same over a lower-cased
# copy of the text (the month names then in any case: TIME turns those down itself).
_SECOND = rf"{_FUNCTION_WORDS}|{_CONTENT_WORDS}|week|year|month"
CANDIDATE = re.compile(
    rf"(?<![\w-])(?=(?i:{_FUNCTION_WORDS})\s+(?:{_CASED_STARTS}|(?i:{_SECOND}))"
    rf"|{_CASED_STARTS}|(?i:{_CONTENT_WORDS})(?![^\W\d_]))"
)
LOWER_CANDIDATE_PLAIN = (
    rf"(?<![\w-])(?=(?:{_FUNCTION_WORDS})\s+(?:{_CASED_STARTS.lower()}|{_SECOND})"
    rf"|{_CASED_STARTS.lower()}|(?:{_CONTENT_WORDS})(?![^\W\d_]))"
)


def trie(entries: list[tuple[str, str]], prune: bool = True) -> str:
    """One regex for many (lower-case word, what must follow it) pairs, factored by letter.

    Only for look-aheads, where the order of alternatives cannot matter: the engine then
    tests a word start against a few letters instead of a hundred alternatives one by one.
    With `prune`, nothing follows the regex, so a word that needs nothing after it makes
    every longer word with its letters redundant.
    """
    root: dict[str, Any] = {}
    for word, follow in entries:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node.setdefault("", set()).add(follow)

    def emit(node: dict[str, Any]) -> str:
        follows = sorted(node.get("", ()))
        if prune and "" in follows:
            return ""
        parts = follows + [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root)


def backwards(words: str) -> str:
    """An alternation of literal words ("a|b"), each spelled backwards: for a pattern matched
    at the start of a reversed stretch instead of searched for at its end ("...$")."""
    return "|".join(re.escape(word[::-1]) for word in words.split("|"))


def _words(alternation: str) -> list[str]:
    return [w for w in alternation.split("|") if w.isalpha()]


# The factored word lists of LOWER_CANDIDATE below, which the finder runs at every word start
# near a trigger.
_LOWER_CASED = _CASED_STARTS.lower()
_AFTER_FUNCTION = trie([(w, "") for w in _words(f"{_LOWER_CASED}|{_SECOND}")])
_FIRST = trie(
    [(w, "") for w in _words(_LOWER_CASED)] + [(w, r"(?![^\W\d_])") for w in _words(_CONTENT_WORDS)]
)

# What TIME needs right after a start that is a digit (a year, a numeric date, a day before
# its month, a number of units ago, "1st quarter of"): a cheap test that turns down "2.5
# percent" and "1,000 fans" before the full grammar is tried. Each branch is the start of a
# TIME alternative that begins with a digit, with that alternative's own look-behind; a test
# checks that no start where TIME matches is turned down.
_MONTH_PREFIX = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # every MONTH begins so
DIGIT_START = re.compile(
    r"(?:19|20)\d\d"  # a year: ymd, yr, dec, a holiday's year
    r"|(?<![\d.])\d\d?\.\d\d?\."  # dmy
    r"|(?<![\d/])\d\d?/\d\d?/"  # sl
    rf"|(?<![\d.,])\d\d?(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?:{_MONTH_PREFIX})"  # dm
    r"|(?<![\d.,])\d{1,3}(?:\.\d+)?\s+(?i:day|week|month|year)"  # ago
    r"|(?i:[1-4](?:st|nd|rd|th)\s+quarter)"  # a part: "1st quarter of"
)

# LOWER_CANDIDATE_PLAIN with its word lists factored, and a digit only where DIGIT_START (as
# it reads over the lower-cased copy) lets it start, alone or after a function word ("at 2.5
# percent" is no candidate). Tests check that it turns down no start that the plain pattern
# lets through and where TIME matches.
_LOWER_DIGIT = "(?:" + DIGIT_START.pattern.replace(_MONTH_PREFIX, _MONTH_PREFIX.lower()) + ")"
LOWER_CANDIDATE = re.compile(
    rf"(?<![\w-])(?={_LOWER_DIGIT}|q[1-4]"
    rf"|{trie([(w, '') for w in _words(_FUNCTION_WORDS)], prune=False)}"
    rf"\s+(?:{_LOWER_DIGIT}|q[1-4]|{_AFTER_FUNCTION})|{_FIRST})"
)

# What TIME needs at any start, as a cheap test of its first words ("the new hospital",
# "Mariners", "up after" are turned down in a few steps, where TIME walks its whole grammar):
# an optional preposition and "between", then how a point or a part of one begins. It is
# TIME with every alternative cut short; a test checks that no start where TIME matches is
# turned down.
_DIGITS = rf"(?:{DIGIT_START.pattern})"
_HOLIDAY_START = (
    r"(?i:lunar\s+new|seollal|chuseok|korean\s+thanksgiving|day\s+of|kim\s+(?:il|jong)"
    r"|party\s+found|new\s+year|solar\s+new)"
)
_UNIT = r"(?i:day|week|month|year)"
# How each point alternative begins.
_ALTERNATIVE_START = (
    rf"(?:{_DIGITS}|{WEEKDAY}|{MONTH}|Q[1-4]|Juche|JUCHE"
    rf"|(?i:the)\s+(?:{_DIGITS}|{MONTH}|{SEASON}|{_HOLIDAY_START}"
    r"|(?i:first|second|third|fourth|latter|weekend|coming|current|year|month)\b)"
    rf"|(?i:last|this|next|coming|current)\s|{_HOLIDAY_START}|{SEASON}|(?i:yesterday|tomorrow)"
    rf"|(?i:{NUMWORD}|an?)\s+{_UNIT})"
)
# ...and how a point with a part before it begins ("the very beginning of", "mid-").
_POINT_START = (
    rf"(?:{_ALTERNATIVE_START}"
    r"|(?i:the)\s+(?i:very|beginning|start|end|middle|close|first|second|latter|last|third"
    r"|fourth|final|early|earlier|mid|late|later)\b"
    r"|(?i:very)\s|(?i:beginning|close|start|end|middle)\s+(?i:of)"
    rf"|(?i:early|earlier|mid|middle|late|later|end|start)(?:-|\s+){_ALTERNATIVE_START}"
    r"|(?i:first)\s+(?i:half|quarter|week|ten|10|days|two|three|four|five|six|seven|eight|nine"
    r"|eleven|1[01]|[2-9])"
    r"|(?i:second)\s+(?i:half|quarter|week)|(?i:latter)\s+(?i:half)"
    r"|(?i:third|fourth)\s+(?i:quarter|week)"
    r"|(?i:final)\s+(?i:quarter|week)|(?i:last)\s)"
)
LETTER_START = re.compile(
    rf"(?:{PREPOSITION.replace('(?P<prep>', '(?:')})?(?:(?i:between)\s+)?{_POINT_START}"
)


# The grammar proper, after its word-start guard; `TIME` puts STARTER in front (a test checks
# that STARTER and the candidates never turn down a start at which this body matches).
TIME_BODY = (
    rf"(?:{PREPOSITION})?(?:(?P<between>(?i:between))\s+)?(?P<p1>{point('_1')})"
    rf"(?:(?P<conj>(?(between)\s+(?i:and)\s+|(?:\s?[-–—]\s?|\s+(?i:to|through|until|till)\s+)))"
    rf"(?:(?P<p2>{point('_2')})|(?P<dayonly>{DAY})(?:,?\s+(?P<dayonly_y>{YEAR}))?))?"
)
TIME = re.compile(rf"(?<![\w-]){STARTER}{TIME_BODY}")

# Sentences without a unit word as DURATION and FREQUENCY read it hold no duration and no
# frequency: a unit after a count ("two-year", "18 months", "a year", "half a day", "another
# year", "once a week", "every other month"; any word ending so, since a word start is not
# checked) and one or more spaces or hyphens, before the end of the word or a plural "s". A
# test checks that no duration or frequency is found in a stretch this turns down; it turns
# down "the year", "this week", "holiday".
COUNT_WORDS = rf"{NUMWORD}|a|an|half|another|additional|extra|further|more|per|each|every|other"
COUNTED_UNIT = re.compile(
    rf"(?:\d|(?i:{COUNT_WORDS}))[\s-]+(?i:day|week|month|year|decade)s?\b"
    r"|(?i:day|week|month|year|decade)-(?i:long)\b"  # "week-long": DURATION's one count-free unit
)
# ...and sentences without one of these words hold no frequency.
HAS_FREQUENCY = re.compile(r"(?i:once|twice|thrice|times|every)")

# ---- durations and frequencies -------------------------------------------------------------

DURATION_MODIFIER = (
    r"(?i:at\s+least|a\s+minimum\s+of|no\s+(?:less|fewer)\s+than|not\s+less\s+than|more\s+than"
    r"|over|longer\s+than|upwards\s+of|up\s+to|at\s+most|a\s+maximum\s+of|no\s+more\s+than"
    r"|not\s+more\s+than|less\s+than|under|fewer\s+than|within|nearly|almost|just\s+under"
    r"|as\s+long\s+as|about|around|approximately|roughly|some|after|lasting|spanning|between"
    r"|a\s+period\s+of|a\s+term\s+of|period\s+of|term\s+of|the\s+(?:past|last|next|coming)"
    r"|another|an\s+additional|an\s+extra|a\s+further|further)"
)
DURATION = re.compile(
    rf"(?<![\w-])(?P<for>(?i:for)\s+)?(?:(?P<mod>{DURATION_MODIFIER})\s+)?"
    rf"(?P<n1>{NUMBER}|(?i:an?)(?=[\s-]))"
    # "two to three years", "two-three years", "two- to three-year contracts"
    rf"(?:(?P<dconj>\s?[-–]\s?|[-–]?\s+(?i:to|or|and)\s+)(?P<n2>{NUMBER}))?"
    rf"(?P<half>\s+(?i:and\s+a\s+half))?(?P<sep>[\s-])"
    rf"(?P<unit>(?i:day|week|month|year|decade))(?P<plural>s)?\b(?!-(?i:long)\b)"
    rf"(?P<half2>\s+(?i:and\s+a\s+half))?"
    rf"|(?<![\w-])(?P<halfa>(?i:half\s+a))\s+(?P<halfunit>(?i:year|month|day|week))\b"
    rf"|(?<![\w-])(?P<another>(?i:another|an\s+additional|an\s+extra|a\s+further|one\s+more))\s+"
    rf"(?P<aunit>(?i:year|month|day|week))\b"
    # "a week-long train journey": one unit, with no count
    rf"|(?<![\w-])(?:(?P<ln>{NUMBER})-)?(?P<longunit>(?i:day|week|month|year|decade))-(?i:long)\b"
)
FREQUENCY = re.compile(
    rf"(?<![\w-])(?:(?P<times>(?i:once|twice|thrice))|(?P<tn>{NUMBER})\s+(?i:times))\s+"
    rf"(?:(?i:a|an|per|each|every)\s+)(?:(?P<pn>{NUMBER})\s+)?"
    rf"(?P<unit>(?i:day|week|month|year))s?\b"
    rf"|(?<![\w-])(?P<every>(?i:every))\s+(?:(?P<en>(?i:other)|{NUMBER})\s+)?"
    rf"(?P<eunit>(?i:day|week|month|year))s?\b"
)
