from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.hq.migrate import VERSION_TABLE
from app.hq.models import HQBase

config = context.config
target_metadata = HQBase.metadata


def run_migrations() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("alembic: give a connection or set sqlalchemy.url")
        connectable = create_engine(url)
        with connectable.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
