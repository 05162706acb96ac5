"""The persisted print queue (打印队列): one SQLite file per printer in ``OMNISTORE_HOME/print_jobs``.

A job is written (``synchronous=FULL``) before ``add`` returns, so neither a crash of the
till nor a printer that is switched off loses a receipt. Jobs carry the caller's id when
it has one (the sale id): adding the same job twice prints it once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

QUEUED, DONE, CANCELLED = "queued", "done", "cancelled"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    data BLOB NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    printed_at REAL
);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, seq);
"""


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: str
    seq: int
    kind: str  # receipt | reprint | test | label | ...
    label: str  # what the cashier sees in the queue: '小票 S0001-…'
    data: bytes
    state: str
    attempts: int
    last_error: str
    created_at: float
    printed_at: float | None


class JobStore:
    """The queue of one printer. Thread-safe; every method is one short transaction."""

    def __init__(self, path: Path, *, keep_done: int = 200) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.keep_done = keep_done
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add(self, data: bytes, *, kind: str = "receipt", label: str = "", job_id: str | None = None) -> PrintJob:
        """Queue ``data``; with a ``job_id`` already known, the existing job is returned unchanged."""
        job_id = job_id or uuid.uuid4().hex
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO jobs (id, kind, label, data, state, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (job_id, kind, label, data, QUEUED, time.time()),
            )
            return self._get(job_id)

    def get(self, job_id: str) -> PrintJob | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return PrintJob(*row) if row else None

    def _get(self, job_id: str) -> PrintJob:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return PrintJob(*row)

    def next_queued(self) -> PrintJob | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE state = ? ORDER BY seq LIMIT 1", (QUEUED,)
            ).fetchone()
        return PrintJob(*row) if row else None

    def queued(self) -> list[PrintJob]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM jobs WHERE state = ? ORDER BY seq", (QUEUED,)).fetchall()
        return [PrintJob(*r) for r in rows]

    def recent(self, limit: int = 20) -> list[PrintJob]:
        """The latest jobs in any state, newest first (for reprint and the support bundle)."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
        return [PrintJob(*r) for r in rows]

    def last_done(self, kinds: tuple[str, ...] = ("receipt", "reprint")) -> PrintJob | None:
        marks = ",".join("?" * len(kinds))
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE state = ? AND kind IN ({marks}) ORDER BY printed_at DESC, seq DESC "
                "LIMIT 1",
                (DONE, *kinds),
            ).fetchone()
        return PrintJob(*row) if row else None

    def attempt_failed(self, job_id: str, error: str) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE jobs SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error, job_id)
            )

    def mark_done(self, job_id: str) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE jobs SET state = ?, attempts = attempts + 1, last_error = '', printed_at = ? WHERE id = ?",
                (DONE, time.time(), job_id),
            )
            self._db.execute(
                "DELETE FROM jobs WHERE state = ? AND seq NOT IN "
                "(SELECT seq FROM jobs WHERE state = ? ORDER BY seq DESC LIMIT ?)",
                (DONE, DONE, self.keep_done),
            )

    def cancel(self, job_id: str) -> None:
        with self._lock:
            self._db.execute("UPDATE jobs SET state = ? WHERE id = ? AND state = ?", (CANCELLED, job_id, QUEUED))


_COLUMNS = "id, seq, kind, label, data, state, attempts, last_error, created_at, printed_at"
