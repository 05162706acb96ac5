"""The HQ engine: PostgreSQL (psycopg 3) in production, SQLite for the demo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def make_hq_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        from app.db.engine import make_engine

        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return make_engine(url)
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def make_hq_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_postgres(session_or_engine: Session | Engine) -> bool:
    bind = session_or_engine.get_bind() if isinstance(session_or_engine, Session) else session_or_engine
    return bind.dialect.name == "postgresql"


def upsert_insert(session: Session, table: type[Any]) -> Any:
    """``INSERT`` with ``ON CONFLICT`` for the session's dialect (PostgreSQL or SQLite): either
    dialect's ``Insert``, both with ``on_conflict_do_nothing`` / ``on_conflict_do_update``."""
    if is_postgres(session):
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)
