"""Language identification: script first, then common function words. Offline and fast."""

from __future__ import annotations

import re

SUPPORTED_LANGUAGES = frozenset({"en"})

_ENGLISH = frozenset(
    "the of and to in a is that for on with as was by at from it be are said have has this".split()
)
_OTHER_LATIN = {
    "fr": frozenset("le la les des est une dans pour que qui sur pas avec".split()),
    "de": frozenset("der die das und ist nicht mit den ein eine auf für".split()),
    "es": frozenset("el los las del que una por con para es se".split()),
    "it": frozenset("il della che di per con una sono gli non".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text's language, or "und" when it cannot be told."""
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "und"
    counts = {"ko": 0, "ru": 0, "zh": 0, "ja": 0, "latin": 0}
    for ch in letters:
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            counts["ko"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["ru"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["zh"] += 1
        elif code < 0x250:
            counts["latin"] += 1
    script, top = max(counts.items(), key=lambda kv: kv[1])
    if script != "latin" and top > 0.3 * len(letters):
        if script == "zh" and counts["ja"]:
            return "ja"
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "und"
    scores = {"en": sum(w in _ENGLISH for w in words)}
    for lang, vocab in _OTHER_LATIN.items():
        scores[lang] = sum(w in vocab for w in words)
    best, hits = max(scores.items(), key=lambda kv: kv[1])
    if hits == 0:
        # Too short to tell from function words (a headline): Latin script reads as English.
        return "en" if len(words) < 12 else "und"
    return best
