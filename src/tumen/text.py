"""Small helpers over text that every stage shares."""

from __future__ import annotations

# The only characters that Python's case-insensitive matching folds onto an ASCII letter while
# `str.lower` does not map them there: the dotted and dotless Turkish i, the long s and the
# Kelvin sign (a test checks the list against every code point). A word that `(?i:...)` matched
# is read with `fold`, never with `lower`, or "thiſ year" and "firſt round" would miss the
# tables' keys (and a table look-up would fail).
FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(word: str) -> str:
    """`word` as the lower-case ASCII key that case-insensitive matching took it for."""
    if word.isascii():  # nearly always: `lower` alone, without the slower `translate`
        return word.lower()
    # `translate` costs ~40 ns a character; four `in` scans cost next to nothing.
    if "\u0130" in word or "\u0131" in word or "\u017f" in word or "\u212a" in word:
        return word.translate(FOLD).lower()
    return word.lower()
