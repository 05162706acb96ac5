"""Alembic, driven from code: ``omnistore db upgrade`` and every server start call ``upgrade``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    run_migrations(engine, alembic_config(str(engine.url)), revision)


def run_migrations(engine: Engine, config: Config, revision: str = "head") -> None:
    """Alembic's upgrade on one connection, in one transaction.

    On SQLite, batch migrations rebuild a table (copy, drop, rename). With foreign keys on, dropping
    the old table would cascade-delete its children's rows (a return's lines, say), so they are off
    while migrating — set on the raw connection, as SQLite ignores it inside a transaction — and
    the result is checked before it commits.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
                if broken:
                    raise RuntimeError(f"the migration left rows pointing nowhere: {broken[:5]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
