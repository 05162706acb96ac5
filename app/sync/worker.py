"""The store server's sync worker: one thread pushes the outbox, one pulls the feed.

Selling never waits on either: they share nothing with the sale path but the database, and
each write they make is a short transaction. Failures back off exponentially with full jitter.

The status tells the push's own story: a feed that flows never hides an outbox that does not
(its last error stands until a push succeeds), and an upload HQ keeps refusing, or one that has
not moved for a while although HQ answers, is ``stuck`` — the till's status bar turns red.
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
#: the push is stuck when HQ has refused the oldest waiting event's batch this many times …
STUCK_REFUSALS = int(os.environ.get("OMNISTORE_SYNC_STUCK_REFUSALS", "3"))
#: … or when no upload got through for this long while events wait and HQ answers
STUCK_SECONDS = float(os.environ.get("OMNISTORE_SYNC_STUCK_SECONDS", "300"))


_jitter = random.Random()


def backoff_delay(failures: int) -> float:
    """Full jitter: uniform in [0, min(max, base·2ⁿ)], so a thousand stores don't retry in step."""
    return _jitter.uniform(0, min(BACKOFF_MAX, BACKOFF_BASE * 2 ** max(0, failures - 1)))


@dataclass
class SyncState:
    enrolled: bool = False
    online: bool | None = None
    last_sync: datetime | None = None
    #: the push's and the pull's last failure, each until that loop succeeds again
    push_error: str | None = None
    pull_error: str | None = None
    #: whether the last push got an answer from HQ (None before the first)
    push_reached: bool | None = None
    #: when (monotonic) a push last delivered, or found nothing to deliver
    push_progress: float = field(default_factory=time.monotonic)
    cursor: int = 0
    applied: int = 0
    head: int = 0
    catching_up: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def last_error(self) -> str | None:
        return self.push_error or self.pull_error

    def pushed(self) -> None:
        with self.lock:
            self.online, self.last_sync, self.push_error, self.push_reached = True, clock.now(), None, True
            self.push_progress = time.monotonic()

    def pulled(self) -> None:
        with self.lock:
            self.online, self.last_sync, self.pull_error = True, clock.now(), None

    def push_failed(self, reason: str, reached: bool) -> None:
        with self.lock:
            self.push_error, self.push_reached = reason[:300], reached
            self.online = self.online if reached else False

    def pull_failed(self, error: HqError) -> None:
        with self.lock:
            self.pull_error = _describe(error)
            self.online = False if error.code == "hq_unreachable" else self.online

    def stuck(self, oldest: outbox.Pending | None) -> bool:
        """Events wait and HQ answers, yet the oldest one's batch keeps being refused, or nothing
        got through for :data:`STUCK_SECONDS`. (A store cut off from HQ is offline, not stuck.)"""
        if oldest is None or not self.push_reached:
            return False
        return oldest.refusals >= STUCK_REFUSALS or time.monotonic() - self.push_progress >= STUCK_SECONDS


def _describe(error: HqError) -> str:
    return f"{error.code}: {error.message}"[:300]


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
                self.state.pushed()
                if not sent:
                    self._stop.wait(IDLE_PUSH_SECONDS)
            except HqError as error:
                failures += 1
                self.state.push_failed(_describe(error), reached=error.code != "hq_unreachable")
                self._stop.wait(backoff_delay(failures))
            except Exception as error:  # a bug must not kill the thread: log it, say so, and back off
                failures += 1
                log.exception("outbox push failed")
                self.state.push_failed(f"internal_error: {type(error).__name__}", reached=False)
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
                    touched = feed.apply_page(session, changes, int(page["next_cursor"]), self.config.group, bump=bump,
                                             store=self.config.store_code)
                    session.commit()
                if touched and bump:
                    last_bump = time.monotonic()
                with self.state.lock:
                    self.state.cursor = int(page["next_cursor"])
                    self.state.applied += len(changes)
                    self.state.catching_up = more
                    self.state.head = max(int(page.get("head") or 0), self.state.cursor)
                failures = 0
                self.state.pulled()
                if not more:
                    self._stop.wait(IDLE_PULL_SECONDS)
            except HqError as error:
                failures += 1
                self.state.pull_failed(error)
                self._stop.wait(backoff_delay(failures))
            except Exception:
                failures += 1
                log.exception("feed pull failed")
                self._stop.wait(backoff_delay(failures))


def status(state: SyncState | None, session: Session) -> dict[str, Any]:
    """The link to HQ as the till shows it: online, what waits and since when, the last error, stuck."""
    waiting = outbox.backlog(session)
    oldest = outbox.oldest_pending(session)
    age = max(0, int((clock.now() - oldest.created_at).total_seconds())) if oldest is not None else None
    pending = {"oldest_pending_seconds": age, "refusals": oldest.refusals if oldest is not None else 0}
    if state is None:
        return {"enrolled": False, "online": None, "backlog": waiting, "last_sync": None, "last_error": None,
                "push_error": None, "stuck": False, **pending,
                "feed": {"cursor": feed.cursor(session), "applied": 0, "catching_up": False}}
    with state.lock:
        return {
            "enrolled": state.enrolled,
            "online": state.online,
            "backlog": waiting,
            "last_sync": state.last_sync.isoformat(timespec="seconds") if state.last_sync else None,
            "last_error": state.last_error,
            "push_error": state.push_error,
            "stuck": state.stuck(oldest),
            **pending,
            "feed": {"cursor": state.cursor, "applied": state.applied, "catching_up": state.catching_up,
                     "head": state.head},
        }
