"""SQLite engine: WAL, foreign keys on, synchronous=FULL unless a transaction says otherwise.

FULL in WAL mode fsyncs the log on every commit, so a sale is on disk before the till is told
"done" and the drawer opens. A step that moves no money — a scan, a quantity, a void — may commit
``relaxed`` (synchronous=NORMAL: written, not fsynced; a process crash loses nothing, a power cut
may lose the last few scans, which the till then sends again). The WAL is one sequential log, so
the next FULL commit — the sale's completion — makes every earlier commit durable with it.
SQLite refuses to change the level inside a transaction, so it is set as each one begins.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=8, max_overflow=8)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's BEGIN be the real transaction start (pysqlite defers it otherwise).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        options = conn.get_execution_options()
        if options.get(READING):  # a report: a snapshot of the WAL, never the write lock a scan waits for
            conn.exec_driver_sql("BEGIN")
            return
        level = "NORMAL" if options.get(RELAXED) else "FULL"
        conn.exec_driver_sql(f"PRAGMA synchronous={level}")
        # IMMEDIATE: take the write lock up front, so two writers never deadlock on upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


RELAXED = "omnistore_relaxed"
READING = "omnistore_reading"


def relaxed(session: Session) -> Session:
    """Let this session's transaction commit without an fsync (a step that moves no money); call
    before its first statement."""
    session.connection(execution_options={RELAXED: True})
    return session


def reading(session: Session) -> Session:
    """Let this session's transaction only read (the back office's reports): it begins DEFERRED, so
    a long query reads its snapshot while the tills go on writing; call before its first statement."""
    session.connection(execution_options={READING: True})
    return session


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def ensure_parent(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)


def check_wal(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA journal_mode")).scalar())
