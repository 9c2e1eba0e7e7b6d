"""Alembic environment for the Tumen store.

Tumen runs migrations itself when a store is opened (`tumen.store.engine.migrate`), handing
Alembic an open connection in `config.attributes["connection"]`; no alembic.ini is needed.
A developer can still run Alembic by hand from this directory with `-x url=...`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from tumen.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = context.get_x_argument(as_dictionary=True).get("url") or "sqlite:///tumen.db"
        with create_engine(url).begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]  # a SQLAlchemy Connection
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables when a migration must.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
