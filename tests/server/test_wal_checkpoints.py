"""The WAL is copied into the database file by the server's checkpoint thread, not by a till's
commit: rows committed on an engine made for it stay in the log until the ``Checkpointer`` copies
them, and a running store server's sales reach the database file without a restart."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import text

from app.db.engine import BACKSTOP_PAGES, Checkpointer, make_engine
from harness.store import COLA, Till


def in_database_file(path: Path, query: str) -> int:
    """What the database file itself holds, the WAL left aside (``immutable`` reads only the file);
    -1 while a checkpoint is halfway through writing it."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(conn.execute(query).fetchone()[0])
    except sqlite3.DatabaseError:
        return -1
    finally:
        conn.close()


def wait_for(check, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_commits_leave_the_copy_to_the_checkpointer(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    engine = make_engine(f"sqlite:///{path}", background_checkpoints=True)
    with engine.begin() as conn:
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == BACKSTOP_PAGES
        conn.execute(text("CREATE TABLE sold (id INTEGER PRIMARY KEY, what TEXT)"))
    with engine.connect() as conn:  # the file holds the empty table: what follows lives in the WAL
        conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    with engine.begin() as conn:  # ~1,500 pages: SQLite's own 1,000-page checkpoint would have copied them
        conn.execute(text("INSERT INTO sold (what) VALUES (:what)"), [{"what": "x" * 3000} for _ in range(2000)])
    keeper = engine.connect()  # the pool holds connections open, as a server does: no close-time copy
    try:
        assert keeper.execute(text("SELECT count(*) FROM sold")).scalar() == 2000
        keeper.rollback()
        assert in_database_file(path, "SELECT count(*) FROM sold") == 0

        checkpointer = Checkpointer(engine, every=0.05)
        checkpointer.start()
        try:
            assert wait_for(lambda: in_database_file(path, "SELECT count(*) FROM sold") == 2000)
        finally:
            checkpointer.stop()
    finally:
        keeper.close()
        engine.dispose()


def test_a_running_store_servers_sales_reach_the_database_file(till: Till) -> None:
    ticket = till.new_ticket()
    state = till.ok(till.scan(ticket, COLA))
    till.ok(till.pay_cash(ticket, state["due"]))
    sale_id = till.ok(till.complete(ticket))["sale_id"]
    database = till.server.home / "store.sqlite3"
    assert wait_for(lambda: in_database_file(
        database, f"SELECT count(*) FROM tickets WHERE sale_id = '{sale_id}' AND status = 'completed'") == 1)
