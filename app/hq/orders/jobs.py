"""The order center's background work in each HQ process: the acceptance SLA, the platform
callbacks due, and the pull of the platforms' unprocessed orders. Each pass is its own short
transactions (rows are claimed with ``SKIP LOCKED``, so several processes share the work); a
failing pass is logged and the next one runs."""

from __future__ import annotations

import logging
import os
import threading
import time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import platforms as p
from app.domain.errors import DomainError
from app.hq.models import O2OChannel
from app.hq.orders import callbacks, platforms, sla

log = logging.getLogger(__name__)


def tick(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        sla.lapse(session)
        session.commit()
    callbacks.deliver_due(sessions, platforms.send)


def pull_all(sessions: sessionmaker[Session]) -> int:
    """Every platform's unprocessed orders taken (the ones already known change nothing)."""
    with sessions() as session:
        channels = [c for c in session.scalars(select(O2OChannel).where(O2OChannel.code.in_(p.PLATFORMS)))
                    if c.callback_url]
        for channel in channels:
            session.expunge(channel)
    taken = 0
    for channel in channels:
        try:
            raw_orders = platforms.pull(channel)
        except Exception as failure:  # noqa: BLE001 — a platform down is tried at the next pull
            log.warning("pull from %s failed: %s", channel.code, failure)
            continue
        for raw in raw_orders:
            with sessions() as session:
                try:
                    platforms.take_pulled(session, channel, raw)
                    session.commit()
                    taken += 1
                except DomainError as refused:
                    session.rollback()
                    log.warning("pulled %s order refused: %s", channel.code, refused.code)
    return taken


class Jobs:
    """The background thread of one HQ process (``OMNISTORE_O2O_JOBS=0`` turns it off)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.every = float(os.environ.get("OMNISTORE_O2O_JOB_SECONDS", "1"))
        self.pull_every = float(os.environ.get("OMNISTORE_O2O_PULL_SECONDS", "30"))
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, name="o2o-jobs", daemon=True)

    def start(self) -> None:
        if os.environ.get("OMNISTORE_O2O_JOBS", "1") != "0":
            self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self.thread.is_alive():
            self.thread.join(timeout=10)

    def run(self) -> None:
        pulled_at = 0.0
        while not self.stopping.wait(self.every):
            try:
                tick(self.sessions)
                if time.monotonic() - pulled_at >= self.pull_every:
                    pulled_at = time.monotonic()
                    pull_all(self.sessions)
            except Exception:  # noqa: BLE001 — the next pass runs regardless
                log.exception("o2o jobs pass failed")
