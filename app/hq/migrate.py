"""Alembic for the HQ database, driven from code: ``omnistore hq db upgrade`` and every hq-server start."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "hq_alembic_version"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> None:
    from app.db.migrate import run_migrations  # SQLite (the demo's HQ) rebuilds tables the same way

    run_migrations(engine, alembic_config(engine.url.render_as_string(hide_password=False)))
