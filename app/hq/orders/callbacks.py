"""What HQ owes a platform — confirm (接单), ready (出餐/备货完成), picked up, cancel agree/reject,
partial refund for a short pick, a cancel when no store can take the order — kept in a queue
written with the change that causes it, and sent after the commit (never inside a write
transaction): claimed in one short transaction, called outside any, settled in another. A call
that fails is tried again with exponential backoff; after ``MAX_ATTEMPTS`` it is ``failed`` and
listed on ``GET /admin/o2o/callbacks`` for people to act on. A claim whose process died lapses
after ``LEASE`` and is taken again (the platforms' calls are idempotent by order and action)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.platforms import platform_status
from app.hq import clock
from app.hq.engine import is_postgres
from app.hq.models import O2OCallback, O2OChannel, O2OOrder

MAX_ATTEMPTS = 6
LEASE = timedelta(seconds=60)
BATCH = 20

#: step → the call it owes the platform
AFTER_STEP = {"accept": "confirm", "ready": "ready", "handed_over": "picked_up"}


def retry_base() -> float:
    """Seconds before the first retry (doubling after each failure); tests make it short."""
    return float(os.environ.get("OMNISTORE_O2O_RETRY_BASE", "5"))


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=retry_base() * 2 ** max(0, attempts - 1))


def enqueue(session: Session, order: O2OOrder, action: str, payload: dict[str, Any] | None = None) -> None:
    channel = session.get(O2OChannel, order.channel)
    if channel is None or not channel.callback_url:
        return
    now = clock.now()
    session.add(O2OCallback(order_id=order.parent_id or order.id, channel=order.channel, action=action,
                            payload={"channel_order_no": order.channel_order_no, "part": order.part,
                                     "status": platform_status(order.channel, order.state), **(payload or {})},
                            state="pending", attempts=0, next_at=now, last_error="", created_at=now))


def after_step(session: Session, order: O2OOrder, channel: O2OChannel, step: str) -> None:
    action = AFTER_STEP.get(step)
    if action:
        enqueue(session, order, action, {"fulfilment": order.fulfilment})


def unroutable(session: Session, order: O2OOrder, channel: O2OChannel) -> None:
    """No store can take the order: the platform is told (it cancels and refunds the customer)."""
    enqueue(session, order, "cancel", {"reason": "sold_out"})


Sender = Callable[[O2OChannel, str, dict[str, Any]], None]


def claim(session: Session, now: datetime | None = None) -> list[tuple[int, str, str, dict[str, Any]]]:
    """Due calls, leased to this process (one short transaction, committed by the caller)."""
    now = now or clock.now()
    query = (select(O2OCallback).where(O2OCallback.state == "pending", O2OCallback.next_at <= now)
             .order_by(O2OCallback.next_at).limit(BATCH))
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    due = list(session.scalars(query))
    for call in due:
        call.attempts += 1
        call.next_at = now + LEASE
    return [(c.id, c.channel, c.action, dict(c.payload)) for c in due]


def settle(session: Session, call_id: int, error: str | None) -> None:
    call = session.get(O2OCallback, call_id)
    if call is None:
        return
    if error is None:
        call.state, call.last_error = "done", ""
        return
    call.last_error = error[:200]
    if call.attempts >= MAX_ATTEMPTS:
        call.state = "failed"
    else:
        call.next_at = clock.now() + backoff(call.attempts)


def deliver_due(sessions: sessionmaker[Session], send: Sender) -> int:
    """Send what is due: claim, call outside any transaction, settle each. The number sent."""
    with sessions() as session:
        due = claim(session)
        channels = {c.code: c for c in session.scalars(select(O2OChannel))}
        session.commit()
        for channel in channels.values():
            session.expunge(channel)
    for call_id, code, action, payload in due:
        error: str | None = None
        try:
            send(channels[code], action, payload)
        except Exception as failure:  # noqa: BLE001 — any failure of the call is retried
            error = f"{type(failure).__name__}: {failure}"
        with sessions() as session:
            settle(session, call_id, error)
            session.commit()
    return len(due)


def listing(session: Session, state: str | None = None) -> list[dict[str, Any]]:
    """The queue for people: failing calls first (``state``: only those)."""
    query = select(O2OCallback).order_by(O2OCallback.id.desc()).limit(500)
    if state:
        query = query.where(O2OCallback.state == state)
    return [{"id": c.id, "order_id": c.order_id, "channel": c.channel, "action": c.action, "state": c.state,
             "attempts": c.attempts, "next_at": clock.aware(c.next_at).isoformat(), "last_error": c.last_error,
             "payload": c.payload} for c in session.scalars(query)]

