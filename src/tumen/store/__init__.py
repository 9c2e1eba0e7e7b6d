"""The store: reports, their records and items, reviews, audit and full-text search.

SQLAlchemy 2 over SQLite by default (any database URL; PostgreSQL is the planned second
dialect), schema managed by the Alembic migrations in `migrations/`, run when a store is opened.
Import this package only where the store is used: `tumen extract` never loads it.
"""

from tumen.store.engine import DEFAULT_URL
from tumen.store.repository import (
    AddResult,
    AuditEntry,
    ReportSummary,
    Store,
    StoredItem,
    open_store,
)
from tumen.store.search import SearchHit

__all__ = [
    "DEFAULT_URL",
    "AddResult",
    "AuditEntry",
    "ReportSummary",
    "SearchHit",
    "Store",
    "StoredItem",
    "open_store",
]
