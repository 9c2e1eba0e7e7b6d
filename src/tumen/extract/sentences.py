"""Sentence splitting: rule-based, span-only, fast."""

from __future__ import annotations

import re

from tumen.model import Sentence

# Abbreviations after which a full stop does not end a sentence (genre: news about the DPRK).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj sgt capt adm gov sen rep st jr sr vs etc inc corp co ltd
    no nos jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k n e.g i.e approx est
    dept univ ave mt ft""".split()
)
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before white space
# and an upper-case letter, digit or opening quote; a blank line always ends one.
_BOUNDARY = re.compile(
    r"""([.!?]+["'\u201d\u2019)\]]*)(\s+)(?=["'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; each sentence's span excludes surrounding white space."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1):
            before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start() + 1)
            word = before.group(1).rstrip(".").lower() if before else ""
            if match.group(1) == "." and (word in _ABBREVIATIONS or len(word) == 1):
                continue
            end = match.end(1)
        else:
            end = match.start()
        _append(text, start, end, sentences)
        start = match.end()
    _append(text, start, len(text), sentences)
    return sentences


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    # Headlines and captions without end punctuation are kept apart from what follows them.
    line_start = start
    for line in text[start:end].split("\n"):
        line_end = line_start + len(line)
        s, e = line_start, line_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e))
        line_start = line_end + 1
