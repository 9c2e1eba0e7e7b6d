"""Which reports are independent: wire stories, citations of other outlets, and reprints.

Three signals, each cheap and explainable:
- the publisher field: "Taipei Times (Associated Press)" is an AP story; "X, republished by
  Y" is X's;
- citations in the text: "according to Yonhap", "as reported by Daily NK", "Radio Free Asia
  reported": the report cites that outlet, and retells it when the citation opens the report;
- near-identical paragraphs: word 4-gram shingles compared by Jaccard similarity; candidate
  pairs come from a bottom-k sketch of each paragraph so that a new report is compared with a
  handful of stored ones, not all of them.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tumen.cohorts.grades import Grades

SHINGLE = 4  # words per shingle
SKETCH = 8  # smallest shingle hashes kept per paragraph
MIN_WORDS = 12  # shorter paragraphs (captions, bylines) are not compared
REPRINT_JACCARD = 0.5  # a paragraph this similar to an earlier one is copied from it
LEAD_CHARS = 600  # a citation this early means the report retells the cited outlet
# A shingle hash shared by more reports than this is boilerplate (an outlet's footer, a
# stock phrase), not evidence of copying: it finds no candidates. Keeps the search linear.
COMMON_HASH = 20

_WORD = re.compile(r"\w+", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_WIRE_PAREN = re.compile(r"\(([^()]+)\)")
_REPUBLISHED = re.compile(r",?\s*(?:republished|reprinted|syndicated)\s+by\b.*$", re.I | re.S)
# Words around an outlet's name that make it a citation rather than a mention.
_CITE_BEFORE = re.compile(
    r"(?:according\s+to|cited\s+by|citing|reported\s+by|quoted\s+by|quoting|told|per|"
    r"reports?\s+(?:by|from|in)|(?:an?|the)\s+(?:report|article|story)\s+(?:by|from|in))"
    r"\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CITE_AFTER = re.compile(
    r"^(?:'s)?(?:\s+[\w.-]+){0,3}?\s*,?\s+(?:\w+\s+)?(?:reported|reports|said|says|quoted|"
    r"cited|wrote|learned|has\s+learned|previously\s+reported|revealed|found)\b",
    re.IGNORECASE,
)
_OWN_EARLIER = re.compile(
    r"\b(?:previously|earlier|last\s+(?:week|month|year)|in\s+\w+)\s*,?\s*$"
    r"|^\s+(?:previously|earlier|also)?\s*reported\s+(?:last|in|on|earlier|previously)\b",
    re.IGNORECASE,
)


def outlet_of(publisher: str | None, grades: Grades) -> str:
    """Whose reporting a report is: the wire agency of a wire story, the original publisher of
    a republished one, else the publisher (canonical name when the grades table knows it)."""
    if not publisher:
        from tumen.cohorts.grades import UNKNOWN_OUTLET

        return UNKNOWN_OUTLET
    head = _REPUBLISHED.sub("", publisher).strip()
    for inner in _WIRE_PAREN.findall(head):
        known = grades.canonical(inner)
        if known:
            return known
    bare = _WIRE_PAREN.sub("", head).strip(" ,")
    return grades.canonical(bare) or grades.canonical(head) or bare or head


def _citations(text: str, own: str, grades: Grades) -> list[tuple[int, str, bool]]:
    """(offset, outlet, is_citation) for every mention of a known outlet in the text."""
    if grades.pattern is None:
        return []
    found = []
    for match in grades.pattern.finditer(text):
        outlet = grades.canonical(match.group(0))
        if outlet is None:
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        after = text[match.end() : match.end() + 60]
        cited = bool(_CITE_BEFORE.search(before) or _CITE_AFTER.match(after))
        found.append((match.start(), outlet, cited))
    return found


def cited_publishers(text: str, own: str, grades: Grades) -> tuple[tuple[str, ...], bool]:
    """The other outlets the text cites, in order of first citation, and whether it cites
    its own earlier reporting ("Daily NK reported last month")."""
    others: list[str] = []
    own_earlier = False
    for offset, outlet, cited in _citations(text, own, grades):
        if outlet == own:
            if not own_earlier:
                after = text[offset : offset + 80]
                before = text[max(0, offset - 40) : offset]
                own_earlier = bool(
                    re.search(r"\breported\b", after[:60], re.I)
                    and (_OWN_EARLIER.search(before) or _OWN_EARLIER.search(after[len(own) :]))
                ) or bool(re.match(r"\S+(?:\s+\S+)?\s+(?:previously|earlier)\s+reported", after))
        elif cited and outlet not in others:
            others.append(outlet)
    return tuple(others), own_earlier


def derivative_of(text: str, own: str, grades: Grades) -> str | None:
    """The outlet a report retells: one it cites within its opening, or the one it cites when
    it says only that "media reported" its story."""
    citations = [(o, out) for o, out, cited in _citations(text, own, grades) if cited]
    citations = [(o, out) for o, out in citations if out != own]
    if not citations:
        return None
    first_offset, first = citations[0]
    if first_offset <= LEAD_CHARS:
        return first
    if re.search(r"\bmedia\s+(?:outlets?\s+)?reported\b|\bthe\s+outlet\b", text[:LEAD_CHARS], re.I):
        return first
    return None


def _paragraph_shingles(text: str) -> list[set[int]]:
    out = []
    for para in _PARAGRAPH.split(text):
        words = _WORD.findall(para.lower())
        if len(words) < MIN_WORDS:
            continue
        out.append(
            {
                zlib.crc32(" ".join(words[i : i + SHINGLE]).encode("utf-8"))
                for i in range(len(words) - SHINGLE + 1)
            }
        )
    return out


def sketch_of(text: str) -> tuple[int, ...]:
    """The bottom-k shingle hashes of each paragraph, merged: two reports sharing a paragraph
    share most of that paragraph's sketch. Stable across runs (crc32, not Python's hash)."""
    values: set[int] = set()
    for shingles in _paragraph_shingles(text):
        values.update(sorted(shingles)[:SKETCH])
    return tuple(sorted(values))


def reprint_score(text_a: str, text_b: str) -> float:
    """The highest Jaccard similarity between a paragraph of one text and one of the other."""
    pa, pb = _paragraph_shingles(text_a), _paragraph_shingles(text_b)
    best = 0.0
    for a in pa:
        for b in pb:
            inter = len(a & b)
            if inter:
                best = max(best, inter / len(a | b))
    return best


def candidate_pairs(sketches: Iterable[tuple[str, tuple[int, ...]]]) -> set[tuple[str, str]]:
    """Pairs of report ids whose sketches share at least two uncommon hashes (sorted pairs)."""
    index: dict[int, list[str]] = {}
    for rid, sketch in sketches:
        for h in sketch:
            index.setdefault(h, []).append(rid)
    shared: dict[tuple[str, str], int] = {}
    for ids in index.values():
        if len(ids) > COMMON_HASH:
            continue
        ids = sorted(set(ids))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    return {pair for pair, n in shared.items() if n >= 2}
