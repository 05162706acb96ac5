"""SQLite engine: WAL, foreign keys on, synchronous=FULL unless a transaction says otherwise.

FULL in WAL mode fsyncs the log on every commit, so a sale is on disk before the till is told
"done" and the drawer opens. A step that moves no money — a scan, a quantity, a void — may commit
``relaxed`` (synchronous=NORMAL: written, not fsynced; a process crash loses nothing, a power cut
may lose the last few scans, which the till then sends again). The WAL is one sequential log, so
the next FULL commit — the sale's completion — makes every earlier commit durable with it.
SQLite refuses to change the level inside a transaction, so it is set as a transaction begins
at another level than the connection's last one.

The store server copies the WAL into the database file in the background (``Checkpointer``): left
to SQLite, every thousand pages the commit that crosses the line does the copy and two fsyncs
itself, and that scan or sale waits for them. The engine's own automatic checkpoint stays, at a
much larger size, as the backstop should the background one not run.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

#: pages of WAL after which a commit checkpoints by itself: SQLite's 1,000 when nothing else does
#: it, this many when a ``Checkpointer`` keeps the log short off the request path
BACKSTOP_PAGES = 20_000


def make_engine(url: str, *, background_checkpoints: bool = False) -> Engine:
    """The engine; with ``background_checkpoints`` its commits leave the WAL's copy to a
    ``Checkpointer`` (up to ``BACKSTOP_PAGES``)."""
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
        if background_checkpoints:
            cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        # on the driver's connection itself: SQLAlchemy's execution around a BEGIN costs ten times the BEGIN
        raw = conn.connection.dbapi_connection
        options = conn.get_execution_options()
        if options.get(READING):  # a report: a snapshot of the WAL, never the write lock a scan waits for
            raw.execute("BEGIN")
            return
        level = "NORMAL" if options.get(RELAXED) else "FULL"
        kept = conn.connection.info  # the driver's connection's own: it stays at the level last set
        if kept.get(SYNCHRONOUS) != level:
            raw.execute(f"PRAGMA synchronous={level}")
            kept[SYNCHRONOUS] = level
        # IMMEDIATE: take the write lock up front, so two writers never deadlock on upgrade.
        raw.execute("BEGIN IMMEDIATE")

    return engine


RELAXED = "omnistore_relaxed"
#: the synchronous level a driver connection was last set to (a run of scans sets it once)
SYNCHRONOUS = "omnistore_synchronous"
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


class Checkpointer:
    """Copies the WAL into the database file every ``every`` seconds, on its own connection, so no
    till's commit pays for it. PASSIVE: it never waits for a writer or a reader, and what it could
    not copy this time it copies next time."""

    def __init__(self, engine: Engine, every: float = 1.0) -> None:
        self.database = engine.url.database or ""
        self.every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if not self.database or self.database == ":memory:" or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _loop(self) -> None:
        conn = sqlite3.connect(self.database, isolation_level=None, check_same_thread=False, timeout=30)
        try:
            conn.execute("PRAGMA busy_timeout=30000")
            while not self._stop.wait(self.every):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:  # busy or a disk hiccup: the next pass copies what is left
                    log.exception("WAL checkpoint failed")
        finally:
            conn.close()
