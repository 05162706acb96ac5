"""The router behind the intake: an order is acknowledged to its channel as soon as it is written
``received`` (one short transaction); this thread in each HQ process routes the received orders,
each in a transaction of its own, oldest first. Rows are claimed with ``SKIP LOCKED``, so the
processes share the work and an order is routed once; one a crash left waiting is found by the
next pass. The thread runs at a lower CPU priority than the requests of its process, and pauses
between orders while orders keep coming in: under a rush the orders are taken in first and routed
as the CPU allows."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import o2o
from app.hq import clock
from app.hq.engine import is_postgres
from app.hq.models import O2OOrder
from app.hq.orders import intake, routing

log = logging.getLogger(__name__)

#: a pass looks for orders this often even when nothing nudged it (another process's intake, a crash)
IDLE_SECONDS = 0.5
#: the router thread's ``nice`` over its process's
NICE = 10
#: while orders keep coming in (one within this many seconds), the router pauses this long between
#: two orders: the CPU goes to answering the rush first, the routing catches up as it eases
RUSH_SECONDS = 0.05
RUSH_PAUSE = 0.1


def route_one(sessions: sessionmaker[Session], order_id: int | None = None) -> int | None:
    """The oldest received order (or ``order_id``, if it still waits) routed and committed; its id,
    or None when none was waiting (or another process holds it)."""
    with sessions() as session:
        query = select(O2OOrder).where(O2OOrder.state == o2o.RECEIVED)
        query = query.where(O2OOrder.id == order_id) if order_id is not None else query.order_by(O2OOrder.id)
        if is_postgres(session):
            query = query.with_for_update(skip_locked=order_id is None)
        order = session.scalar(query.limit(1))
        if order is None:
            return None
        try:
            intake.route(session, order)
            session.commit()
        except Exception:
            session.rollback()
            log.exception("routing order %s failed; it waits as pending for the next try", order.id)
            _pending(sessions, order.id)
        return order.id


def _pending(sessions: sessionmaker[Session], order_id: int) -> None:
    """An order whose routing failed is left ``pending``: the SLA pass routes it again, and gives it
    up (its channel told) when its acceptance limit runs out — never left waiting silently."""
    with sessions() as session:
        order = session.get(O2OOrder, order_id)
        if order is not None and order.state == o2o.RECEIVED:
            order.state, order.store_id, order.updated_at = o2o.PENDING, None, clock.now()
            routing.note(session, order, "unrouted", {"error": "routing_failed"})
            session.commit()


def drain(sessions: sessionmaker[Session]) -> int:
    """Every received order routed; how many."""
    routed = 0
    while route_one(sessions) is not None:
        routed += 1
    return routed


class Router:
    """The routing thread of one HQ process (``OMNISTORE_O2O_ROUTER=0`` turns it off: orders then
    wait ``received`` — a test's way to see them so)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.stopping = threading.Event()
        self.nudged = threading.Event()
        self.last_intake = 0.0
        self.thread = threading.Thread(target=self.run, name="o2o-router", daemon=True)

    @property
    def enabled(self) -> bool:
        return os.environ.get("OMNISTORE_O2O_ROUTER", "1") != "0"

    def start(self) -> None:
        if self.enabled:
            self.thread.start()

    def nudge(self) -> None:
        """An order was received here: route it now rather than at the next idle pass."""
        self.last_intake = time.monotonic()
        self.nudged.set()

    def stop(self) -> None:
        self.stopping.set()
        self.nudged.set()
        if self.thread.is_alive():
            self.thread.join(timeout=10)

    def run(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)  # this thread only (Linux)
        while not self.stopping.is_set():
            self.nudged.wait(IDLE_SECONDS)
            self.nudged.clear()
            try:
                while not self.stopping.is_set() and route_one(self.sessions) is not None:
                    if time.monotonic() - self.last_intake < RUSH_SECONDS:
                        self.stopping.wait(RUSH_PAUSE)
            except Exception:  # noqa: BLE001 — the database away: the next pass tries again
                log.exception("o2o routing pass failed")
                self.stopping.wait(IDLE_SECONDS)
