"""Open a database: the engine, SQLite's settings, and the migrations run on open.

SQLite is set up per connection: WAL (readers never block the writer), foreign keys on, a busy
timeout, and transactions that Tumen starts itself so that a write takes the write lock at its
first statement (`BEGIN IMMEDIATE`) instead of failing half-way when another writer holds it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from tumen.errors import StoreError

DEFAULT_URL = "sqlite:///tumen.db"

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest migration. Opening a store compares the database's revision with this constant
# and only loads Alembic when they differ, so commands on an up-to-date store start fast.
# A test checks that it names the head of `migrations/versions/`.
# 0002_cohorts: the dispatch model (tumen.cohorts.tables); 0003_web_accounts: the web app.
HEAD_REVISION = "0003"

# Execution option that marks a connection as a writer (`BEGIN IMMEDIATE` on SQLite).
WRITE = "tumen_write"

BUSY_TIMEOUT_MS = 10_000


def _dumps(value: Any) -> str:
    # Compact, and non-ASCII text (Korean, Russian place names) kept readable in the file.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(url: str) -> Engine:
    """An engine for `url`, with Tumen's per-connection settings. Raises StoreError."""
    try:
        parsed = make_url(url)
        engine = create_engine(parsed, json_serializer=_dumps)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise StoreError(f"cannot use database URL {url!r}: {error}") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below start transactions, not the sqlite3 module,
        # which would otherwise begin late and never with IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            # Durable at each checkpoint, fast at each commit: the usual WAL pairing.
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction. Raises StoreError."""
    try:
        with engine.execution_options(**{WRITE: True}).begin() as connection:
            revision = current_revision(connection)
            if revision == HEAD_REVISION:
                return
            _upgrade(connection, revision)
    except DBAPIError as error:
        raise StoreError(f"cannot open the store: {error.orig}") from None


def _upgrade(connection: Connection, revision: str | None) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    scripts = ScriptDirectory.from_config(config)
    if revision is not None:
        try:
            scripts.get_revision(revision)
        except CommandError:
            raise StoreError(
                f"the store is at schema revision {revision!r}, which this version of Tumen "
                "does not know (made by a newer Tumen?)"
            ) from None
    command.upgrade(config, "head")
