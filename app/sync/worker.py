"""The store server's sync worker: one thread pushes the outbox, one pulls the feed.

Selling never waits on either: they share nothing with the sale path but the database, and
each write they make is a short transaction. Failures back off exponentially with full jitter.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.sync import feed, outbox
from app.sync.config import SyncConfig
from app.sync.hq_client import HqClient, HqError

log = logging.getLogger("omnistore.sync")

PAGE = 1000
IDLE_PUSH_SECONDS = 0.5
IDLE_PULL_SECONDS = 2.0
BACKOFF_BASE = 0.5
#: the longest wait between retries; a test or a store on a flaky line may shorten it
BACKOFF_MAX = float(os.environ.get("OMNISTORE_SYNC_BACKOFF_MAX", "30"))
INDEX_REFRESH_SECONDS = 20.0


_jitter = random.Random()


def backoff_delay(failures: int) -> float:
    """Full jitter: uniform in [0, min(max, base·2ⁿ)], so a thousand stores don't retry in step."""
    return _jitter.uniform(0, min(BACKOFF_MAX, BACKOFF_BASE * 2 ** max(0, failures - 1)))


@dataclass
class SyncState:
    enrolled: bool = False
    online: bool | None = None
    last_sync: datetime | None = None
    last_error: str | None = None
    cursor: int = 0
    applied: int = 0
    head: int = 0
    catching_up: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ok(self) -> None:
        with self.lock:
            self.online, self.last_sync, self.last_error = True, clock.now(), None

    def failed(self, error: HqError) -> None:
        with self.lock:
            self.online = False if error.code == "hq_unreachable" else self.online
            self.last_error = f"{error.code}: {error.message}"[:300]


class SyncWorker:
    def __init__(self, sessions: sessionmaker[Session], config: SyncConfig) -> None:
        self.sessions = sessions
        self.config = config
        self.state = SyncState(enrolled=True)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for name, loop in (("sync-push", self._push_loop), ("sync-pull", self._pull_loop)):
            thread = threading.Thread(target=loop, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)

    def _push_loop(self) -> None:
        client = HqClient(self.config)
        failures = 0
        while not self._stop.is_set():
            try:
                sent = outbox.push_once(self.sessions, client)
                failures = 0
                self.state.ok()
                if not sent:
                    self._stop.wait(IDLE_PUSH_SECONDS)
            except HqError as error:
                failures += 1
                self.state.failed(error)
                self._stop.wait(backoff_delay(failures))
            except Exception:  # a bug must not kill the thread: log it and back off
                failures += 1
                log.exception("outbox push failed")
                self._stop.wait(backoff_delay(failures))

    def _pull_loop(self) -> None:
        client = HqClient(self.config)
        failures = 0
        last_bump = 0.0
        with self.sessions() as session:
            self.state.cursor = feed.cursor(session)
        while not self._stop.is_set():
            try:
                page = client.feed(self.state.cursor, PAGE)
                changes = page.get("changes", [])
                more = bool(page.get("has_more"))
                # Rebuild the search index when caught up, or now and then during a long first load.
                bump = not more or time.monotonic() - last_bump > INDEX_REFRESH_SECONDS
                with self.sessions() as session:
                    touched = feed.apply_page(session, changes, int(page["next_cursor"]), self.config.group, bump=bump)
                    session.commit()
                if touched and bump:
                    last_bump = time.monotonic()
                with self.state.lock:
                    self.state.cursor = int(page["next_cursor"])
                    self.state.applied += len(changes)
                    self.state.catching_up = more
                    self.state.head = max(int(page.get("head") or 0), self.state.cursor)
                failures = 0
                self.state.ok()
                if not more:
                    self._stop.wait(IDLE_PULL_SECONDS)
            except HqError as error:
                failures += 1
                self.state.failed(error)
                self._stop.wait(backoff_delay(failures))
            except Exception:
                failures += 1
                log.exception("feed pull failed")
                self._stop.wait(backoff_delay(failures))


def status(state: SyncState | None, session: Session) -> dict[str, Any]:
    waiting = outbox.backlog(session)
    if state is None:
        return {"enrolled": False, "online": None, "backlog": waiting, "last_sync": None, "last_error": None,
                "feed": {"cursor": feed.cursor(session), "applied": 0, "catching_up": False}}
    with state.lock:
        return {
            "enrolled": state.enrolled,
            "online": state.online,
            "backlog": waiting,
            "last_sync": state.last_sync.isoformat(timespec="seconds") if state.last_sync else None,
            "last_error": state.last_error,
            "feed": {"cursor": state.cursor, "applied": state.applied, "catching_up": state.catching_up,
                     "head": state.head},
        }
