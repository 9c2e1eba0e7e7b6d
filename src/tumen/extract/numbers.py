"""How numbers and money are written: the scan that finds number expressions (digits with
separators and scale words, number words, vague plurals, ranges, currency signs and words), the
value of each, the currency's ISO code and the rate of a sum of money ("a month", "per worker").
`quantities` reads what each number counts from the words around it."""

from __future__ import annotations

import re

from tumen.model import Per
from tumen.text import fold

# --- number vocabulary ------------------------------------------------------------------------

UNIT_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}

_UNITS_RE = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS_WORDS)
# "twenty-five", "seven", "a hundred", "two hundred and fifty", "three thousand", "a dozen"
_SMALL_WORD = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNITS_RE}))?|{_UNITS_RE})"
_WORD_NUMBER = (
    rf"(?:(?:{_SMALL_WORD}|an?)\s+(?:hundred|thousand|million|billion|dozen)"
    rf"(?:\s+(?:and\s+)?{_SMALL_WORD})?(?:\s+(?:thousand|million|billion))?"
    rf"|{_SMALL_WORD}|half\s+a\s+million)"
)
# 1,000 / 1.5 / 3 000 (space-grouped thousands) / 300; never part of a date (07.06.2021) or clock.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])|\d+(?:\.\d+)?)"
_DIGIT_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|dozen)\b|(?:mn|mln|bn|tn|[kmb])\b)"
_NUMBER = rf"(?:{_DIGITS}(?![\d]|[./:]\d){_DIGIT_SCALE}?|\b{_WORD_NUMBER}\b)"
# Vague plurals: both bounds unknown.
_VAGUE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
    r"|(?:several|a\s+few|a\s+couple\s+of|many)\s+(?:dozen|hundred|thousand|million)s?"
    r"|dozens|hundreds|thousands|millions)"
)
_CUR_PREFIX = (
    r"(?:U\.S\.\s?\$|US\s?\$|USD\s?|\$|€|£|₩|₽|¥|"
    r"(?:EUR|RUB|CNY|RMB|KRW|KPW|JPY|GBP)\s?)"
)
_CUR_SUFFIX = (
    r"(?:\s*(?:U\.S\.|US|American)\s+dollars|\s*dollars?\b|\s*USD\b|\s*euros?\b|\s*EUR\b"
    r"|\s*ro?ubles?\b|\s*RUB\b|\s*yuan\b|\s*CNY\b|\s*RMB\b|\s*won\b|\s*KRW\b|\s*KPW\b"
    r"|\s*yen\b|\s*JPY\b)"
)

NUMBER_MATCH = re.compile(
    rf"""(?<![\w/.,$€£₩₽¥-])
    (?:
      (?P<vague>{_VAGUE})\b
    |
      (?P<cur1>{_CUR_PREFIX})?(?P<n1>{_NUMBER})
      (?:(?P<sep>\s*(?:-|–|—|to|or)\s*|\s+and\s+)(?P<cur2>{_CUR_PREFIX})?(?P<n2>{_NUMBER}))?
      (?P<cursuf>{_CUR_SUFFIX})?
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "₩": "KRW",
    "krw": "KRW",
    "won": "KRW",
    "kpw": "KPW",
    "₽": "RUB",
    "rub": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "jpy": "JPY",
    "yen": "JPY",
}

# Money rate: "a month", "per year", "monthly"; and per head: "from each worker", "per person".
_PER_TIME_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(?:(?:a|per|each|every)\s+(month|year|day|hour|week)|"
    r"(monthly|annually|yearly|daily|hourly|weekly|per\s+annum))\b",
    re.IGNORECASE,
)
_PER_TIME_BEFORE = re.compile(
    r"\b(monthly|annual|yearly|daily|hourly|weekly)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?$", re.IGNORECASE
)
_PER_HEAD = re.compile(
    r"\b(?:from|for|of)?\s*(?:each|every|per|a|an)\s+(?:worker|labou?rer|person|head|employee|"
    r"individual|capita|man)\b",
    re.IGNORECASE,
)
_TIME_PER: dict[str, Per | None] = {
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "per annum": "year",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
    "week": None,  # the record has no weekly rate
    "weekly": None,
}


def money_rate(text: str, start: int, end: int, sent_start: int, sent_end: int) -> Per | None:
    """The rate of the sum at text[start:end]: per month, year, day or hour, per worker, or
    per worker a month; None when the sentence gives none."""
    after = text[end : max(end, sent_end)]
    before = text[max(sent_start, start - 60) : start]
    time: Per | None = None
    found = False
    m = _PER_TIME_AFTER.match(after)
    if m:
        found = True
        time = _TIME_PER[fold(m.group(1) or m.group(2))]
    else:
        b = _PER_TIME_BEFORE.search(before)
        if b:
            found = True
            time = _TIME_PER[fold(b.group(1))]
    window_after = after[:50]
    head = _PER_HEAD.search(window_after) or _PER_HEAD.search(before[-40:])
    if head and not re.search(r"\b(?:a|an)\s+(?:head|man)\b", head.group(0), re.IGNORECASE):
        head_ok = True
    else:
        head_ok = bool(head and "head" in head.group(0).lower() and "per" in head.group(0).lower())
    if head_ok and (time == "month"):
        return "worker_month"
    if head_ok:
        return "worker"
    return time if found else None


def currency_code(cur1: str | None, cur2: str | None, cursuf: str | None) -> str | None:
    """The ISO 4217 code of a currency sign or word ("U.S. $", "USD", "rubles", "€")."""
    for raw in (cur1, cur2, cursuf):
        if not raw:
            continue
        key = re.sub(r"[\s.]", "", raw).lower()
        if "$" in key or "dollar" in key or key == "usd":
            return "USD"  # the genre writes US dollars as "$" without saying so
        if key == "¥":
            return "CNY"  # ambiguous with the yen; the genre's money in yen is rare
        code = _CURRENCIES.get(key)
        if code:
            return code
    return None


def apply_scales(
    low: float, high: float | None, raw1: str, raw2: str | None
) -> tuple[float, float | None]:
    """'3 to 5 million': the scale of the second number carries back to the first."""
    if high is None or raw2 is None:
        return low, high
    scale1, scale2 = _scale_of(raw1), _scale_of(raw2)
    if scale1 == 1 and scale2 > 1 and low * scale2 <= high:
        low *= scale2
    return low, high


def _scale_of(raw: str) -> int:
    m = re.search(r"(thousand|million|billion|trillion|dozen|mn|mln|bn|tn|[kmb])\s*$", raw, re.I)
    return _SCALES[fold(m.group(1))] if m else 1


def number_value(raw: str) -> float | None:
    """The value of one number expression: digits with scale, or number words."""
    raw = raw.strip()
    if raw[0].isdigit():
        m = re.match(r"([\d,\u00a0\u202f\u2009 .]+?)\s*([a-zA-Z]+)?$", raw)
        if not m:
            return None
        digits = re.sub(r"[,\u00a0\u202f\u2009 ]", "", m.group(1))
        try:
            number = float(digits)
        except ValueError:
            return None
        if m.group(2):
            scale = _SCALES.get(m.group(2).lower())
            if scale is None:
                return None
            number *= scale
        return number
    return _words_value(raw.lower())


def _words_value(raw: str) -> float | None:
    if re.fullmatch(r"half\s+a\s+million", raw):
        return 500_000
    total = 0.0
    current = 0.0
    for token in re.split(r"[\s-]+", raw):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = 1
        elif token in UNIT_WORDS:
            current += UNIT_WORDS[token]
        elif token in _TENS_WORDS:
            current += _TENS_WORDS[token]
        elif token in ("hundred", "dozen"):
            current = (current or 1) * _SCALES[token]
        elif token in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            return None
    return total + current
