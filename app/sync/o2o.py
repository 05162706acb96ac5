"""The store's O2O link to HQ: one thread follows HQ's order feed, one sends the board's steps.

The feed is a long-poll (HQ holds the request until an order changes), so an order HQ routes here
reaches the board within moments; the cursor is kept with the orders (``meta``), so a restarted
store resumes where it stopped. Steps are recorded with the change they describe and sent here
after the commit — HQ dedupes them by their id — retried with backoff while HQ is out of reach,
settled (or marked refused, for the board to show) when it answers. Neither thread holds a
transaction open while it waits on HQ, and neither touches the tills' path.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session, sessionmaker

from app import o2o
from app.db.models import Meta
from app.sync.hq_client import HqClient, HqError
from app.sync.worker import backoff_delay

log = logging.getLogger("omnistore.o2o")

CURSOR_KEY = "o2o_cursor"
#: how long HQ may hold one feed request (seconds)
FEED_WAIT = 20
#: HQ's definite refusals of a step: sending it again would not change the answer
DEFINITE = frozenset({"order_not_found", "order_state", "order_not_yours", "pickup_code_wrong", "invalid_request"})


def cursor(session: Session) -> int:
    value = session.scalar(select(Meta.value).where(Meta.key == CURSOR_KEY))
    return int(value) if value else 0


def apply_page(session: Session, orders: list[dict[str, Any]], next_cursor: int) -> int:
    """Apply one page of HQ's feed and move the cursor, in the caller's transaction. An order the
    store cannot read is logged and passed over (each order in a savepoint of its own), so it
    never holds up the orders behind it."""
    for order in orders:
        try:
            with session.begin_nested():
                o2o.ingest(session, order)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("O2O order %r unreadable, passed over: %r", order.get("id") if isinstance(order, dict)
                        else order, error)
    session.execute(insert(Meta).values(key=CURSOR_KEY, value=str(next_cursor))
                    .on_conflict_do_update(index_elements=["key"], set_={"value": str(next_cursor)}))
    return len(orders)


class O2OLink:
    """The two threads. Whether a new order is accepted as it arrives is HQ's to say (its
    自动接单 setting per store and channel, on each order of the feed)."""

    def __init__(self, sessions: sessionmaker[Session], client: HqClient) -> None:
        self.sessions = sessions
        self.client = client
        self.online: bool | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for name, loop in (("o2o-feed", self._feed_loop), ("o2o-steps", self._steps_loop)):
            thread = threading.Thread(target=loop, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        o2o.STEP_BELL.ring()
        for thread in self._threads:
            thread.join(timeout=2)

    def _feed_loop(self) -> None:
        failures = 0
        with self.sessions() as session:
            after = cursor(session)
        while not self._stop.is_set():
            try:
                page = self.client.o2o_orders(after, FEED_WAIT)
                orders = page.get("orders") or []
                next_cursor = int(page.get("cursor") or after)
                if orders or next_cursor != after:
                    with self.sessions() as session:
                        apply_page(session, orders, next_cursor)
                        session.commit()
                    after = next_cursor
                failures, self.online = 0, True
            except HqError as error:
                failures += 1
                self.online = False if error.code == "hq_unreachable" else self.online
                if error.status == 404:  # an HQ without O2O yet: ask again now and then
                    failures = max(failures, 8)
                self._stop.wait(backoff_delay(failures))
            except Exception:  # a bug must not kill the thread
                failures += 1
                log.exception("O2O feed failed")
                self._stop.wait(backoff_delay(failures))

    def send_pending(self) -> int:
        """Send every waiting step once, oldest first (an unreachable HQ stops the pass, so an
        order's steps reach HQ in order). Returns how many HQ answered; raises HqError when HQ is out of reach."""
        with self.sessions() as session:
            waiting = o2o.pending_steps(session)
        answered = 0
        for step_id, order_id, body in waiting:
            try:
                answer: dict[str, Any] | None = self.client.o2o_step(order_id, body)
                error = None
            except HqError as refusal:
                if refusal.code not in DEFINITE:
                    with self.sessions() as session:
                        o2o.step_failed(session, step_id, refusal.code)
                        session.commit()
                    raise
                answer, error = None, refusal.code
            with self.sessions() as session:
                o2o.settle_step(session, step_id, answer, error)
                session.commit()
            answered += 1
        return answered

    def _steps_loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self.send_pending()
                failures = 0
                o2o.STEP_BELL.wait(2.0)
            except HqError:
                failures += 1
                self._stop.wait(backoff_delay(failures))
            except Exception:
                failures += 1
                log.exception("sending O2O steps failed")
                self._stop.wait(backoff_delay(failures))
