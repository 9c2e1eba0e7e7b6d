"""Text helpers of the web app: code points to UTF-16 offsets, and redaction.

The store's spans count code points (Python `str` indices); a browser's strings count UTF-16
code units, in which a character outside the Basic Multilingual Plane (an emoji, a rare CJK
ideograph) takes two. The pages get both, and the script uses the UTF-16 ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

REDACTED = "\u2588"  # █: one per code point, so every other span keeps its offsets


class Utf16Map:
    """Code-point offset -> UTF-16 offset for one text, in O(log n) per lookup."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # Code-point offsets of the characters that take two UTF-16 units; usually none, and
        # then the regex scan below is all it costs.
        astral = _has_astral(text)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if astral else []

    def __call__(self, offset: int) -> int:
        # Each astral character before `offset` adds one unit.
        return offset + bisect_left(self._astral, offset) if self._astral else offset


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _has_astral(text: str) -> bool:
    return _ASTRAL.search(text) is not None


def utf16_offset(text: str, offset: int) -> int:
    """The UTF-16 offset of code-point `offset` in `text`."""
    return Utf16Map(text)(offset)


def code_point_offset(text: str, utf16: int) -> int:
    """The code-point offset of UTF-16 offset `utf16` in `text` (the inverse of utf16_offset)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans covering the same code points."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Every case-insensitive, whole-word occurrence of each name in `text`."""
    out: list[tuple[int, int]] = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        out.extend(m.span() for m in pattern.finditer(text))
    return out


def redact(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with every code point inside `spans` replaced by a block; the length is kept."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for start, end in merge_spans(spans):
        start, end = max(start, at), min(end, len(text))
        if end <= start:
            continue
        parts.append(text[at:start])
        parts.append(REDACTED * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def overlaps(span: Sequence[int] | None, spans: Sequence[tuple[int, int]]) -> bool:
    if not span:
        return False
    return any(span[0] < end and start < span[1] for start, end in spans)
