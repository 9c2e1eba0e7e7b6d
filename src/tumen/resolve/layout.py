"""Where a mention stands on the page: captions, bylines, datelines and lists of other stories
(extraction.md, "Roles": places there are `other` whatever their part in the journey). Read
by `tumen.resolve.roles`; moved out of it and `role_cues` as one coherent part."""

from __future__ import annotations

import re

CAPTION_CREDIT = re.compile(
    r"(?:\([^()\n]*(?:/|\bvia\b|Courtesy|courtesy|Photo|photo|Image:|image:|Images\b|AFP|"
    r"Reuters|Yonhap|YONHAP|Getty|KCNA|Sputnik|Screenshot|screenshot|EPA|News1|Newsis)"
    r"[^()\n]*\)|"
    r"\[[^\[\]\n]*(?:YONHAP|Yonhap|Screenshot|screenshot|AFP|Reuters|AP|KCNA|Photo|photo|"
    r"Courtesy|NEWS1|Newsis|EPA|Getty)[^\[\]\n]*\])\s*$"
)

CAPTION_START = re.compile(r"^\s*(?:Photo|Caption|File photo|Pictured)\s*[:\-]")

# Page furniture around the story: a list of other stories under a heading ("Related articles",
# "Read more", "See also") runs while its lines are bullets or titles (no full stop at the
# end); a one-line link ("READ MORE: ...") is a line of its own. Places there belong to those
# other stories.
RELATED_HEADING = re.compile(
    r"^[ \t]*(?:Related|Read\s+(?:more|also|next)|See\s+also|Also\s+read|"
    r"More\s+(?:on\s+this(?:\s+story|\s+topic)?|from\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|"
    r"stories|articles|news)|"
    r"Further\s+reading|You\s+(?:may|might)\s+(?:also\s+)?like|"
    r"Recommended(?:\s+stories|\s+articles)?|Most\s+(?:read|popular|viewed)|"
    r"(?:Latest|Top|Trending)\s+(?:news|stories|articles))"
    r"(?:\s+(?:articles?|stories|story|news|coverage|content|links?|reports?|reading))?"
    r"[ \t]*(?::[ \t]*)?$",
    re.IGNORECASE,
)
RELATED_LINK = re.compile(
    r"^[ \t]*(?:RELATED|READ\s+MORE|READ\s+ALSO|ALSO\s+READ|SEE\s+ALSO|Related|Read\s+more|"
    r"Read\s+also|Also\s+read|See\s+also)(?:\s+(?:articles?|stories|story|coverage))?\s*"
    r"[:|>\u00bb]"
)

DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][A-Za-z .'\-]{2,30}?(?=,))?"  # "MAGADAN, Russia, ..."
    r"(?:,\s*[A-Z][a-z]{2,}\.?(?:\s+\d{1,2})?)?\s*(?:\([^)\n]{1,40}\))?\s*"
    r"(?:-|--|\u2013|\u2014)\s"
)

BYLINE = re.compile(r"^\s*(?:[Bb]y|BY)\s+[A-Z]|^\s*(?:Published|Updated|Posted)\s*:")

EMAIL = re.compile(r"\S+@\S+\.\w+")


_LINE = re.compile(r"[^\n]+")
# A line of a list of links: a bullet, or a title with no full stop at its end.
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-\u2010-\u2014*\u2022\u25aa\u25cf>\u00bb]|\d{1,2}[.)])\s")
_PROSE_END = re.compile(r"[.!?\"\u201d]\s*$")


def marked_lines(text: str) -> list[tuple[int, int]]:
    """Spans of captions, bylines, datelines and lists of other stories ("Related articles",
    "READ MORE: ..."): places there are `other`."""
    spans: list[tuple[int, int]] = []
    in_related = False  # inside a list of other stories under a "Related articles" heading
    for m in _LINE.finditer(text):
        line = m.group()
        if in_related:
            if _LIST_ITEM.match(line) or (len(line) < 150 and not _PROSE_END.search(line)):
                spans.append(m.span())
                continue
            in_related = False
        if RELATED_HEADING.match(line):
            in_related = True
            spans.append(m.span())
            continue
        if (
            RELATED_LINK.match(line)
            or CAPTION_CREDIT.search(line)
            or CAPTION_START.match(line)
            or BYLINE.match(line)
            or (EMAIL.search(line) and len(line) < 120)
        ):
            spans.append(m.span())
            continue
        d = DATELINE.match(line)
        if d:
            spans.append((m.start(), m.start() + d.end()))
    return spans
