"""Full-text search over reports, in the database's own index.

SQLite: the FTS5 table `reports_fts` (created by migration 0001), ranked by bm25 with the title
weighted above the body. PostgreSQL: the generated `search` tsvector column. Anything else: a
plain substring match, so that the store still answers on a database with no index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

MARKS = ("[", "]")

# A user's query: quoted phrases, and words with an optional trailing `*` for a prefix.
_QUERY_TERM = re.compile(r'"([^"]*)"|(\w+)(\*?)')


@dataclass(frozen=True, slots=True)
class SearchHit:
    report_id: str
    title: str | None
    publisher: str | None
    published: str | None
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.report_id,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "snippet": self.snippet,
            "rank": self.rank,
        }


def fts5_query(query: str) -> str | None:
    """Turn what a user types into a safe FTS5 query: every term quoted, all terms required.

    Quoting keeps FTS5's own syntax (`-`, `:`, `NEAR`, column filters) from turning a search
    for "Rason-Khasan" into a syntax error. Returns None when nothing searchable is left.
    """
    terms: list[str] = []
    for match in _QUERY_TERM.finditer(query):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = re.findall(r"\w+", phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        elif word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(terms) if terms else None


def search(session: Session, query: str, limit: int) -> list[SearchHit]:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _search_sqlite(session, query, limit)
    if dialect == "postgresql":
        return _search_postgresql(session, query, limit)
    return _search_like(session, query, limit)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _search_sqlite(session: Session, query: str, limit: int) -> list[SearchHit]:
    match = fts5_query(query)
    if match is None:
        return []
    rows = session.execute(
        text(
            "SELECT r.id, r.title, r.publisher, r.published, "
            "snippet(reports_fts, 1, :open, :close, '…', 16) AS snippet, "
            "bm25(reports_fts, 5.0, 1.0) AS rank "
            "FROM reports_fts JOIN reports AS r ON r.seq = reports_fts.rowid "
            "WHERE reports_fts MATCH :match ORDER BY rank, r.id LIMIT :limit"
        ),
        {"match": match, "open": MARKS[0], "close": MARKS[1], "limit": limit},
    )
    # bm25 is negative, lower is better; report a positive score, higher is better.
    return [SearchHit(r[0], r[1], r[2], _iso(r[3]), r[4] or "", -float(r[5])) for r in rows]


def _search_postgresql(session: Session, query: str, limit: int) -> list[SearchHit]:
    rows = session.execute(
        text(
            "SELECT id, title, publisher, published, "
            "ts_headline('english', text, q, :opts) AS snippet, ts_rank(search, q) AS rank "
            "FROM reports, websearch_to_tsquery('english', :query) AS q "
            "WHERE search @@ q ORDER BY rank DESC, id LIMIT :limit"
        ),
        {
            "query": query,
            "limit": limit,
            "opts": f"StartSel={MARKS[0]}, StopSel={MARKS[1]}, MaxWords=24, MinWords=8",
        },
    )
    return [SearchHit(r[0], r[1], r[2], _iso(r[3]), r[4] or "", float(r[5])) for r in rows]


def _search_like(session: Session, query: str, limit: int) -> list[SearchHit]:
    words = re.findall(r"\w+", query)
    if not words:
        return []
    clauses = " AND ".join(
        f"(lower(text) LIKE :w{i} OR lower(title) LIKE :w{i})" for i in range(len(words))
    )
    params: dict[str, Any] = {f"w{i}": f"%{w.lower()}%" for i, w in enumerate(words)}
    params["limit"] = limit
    rows = session.execute(
        text(
            f"SELECT id, title, publisher, published, substr(text, 1, 160) FROM reports "
            f"WHERE {clauses} ORDER BY id LIMIT :limit"
        ),
        params,
    )
    return [SearchHit(r[0], r[1], r[2], _iso(r[3]), r[4] or "", 0.0) for r in rows]
