"""Acceptance SLA: an order its store has not accepted by ``accept_by`` is taken from it and routed
again (the store sees it ``reassigned``); an order no store can take is tried again while the
channel's acceptance limit runs, then cancelled with the channel told — never silently dropped."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import o2o
from app.hq import clock
from app.hq.engine import is_postgres
from app.hq.models import O2OOrder
from app.hq.orders import callbacks, routing
from app.hq.orders.intake import channel_of

BATCH = 50
#: a pending order is routed again at most this often
RETRY_PENDING = timedelta(seconds=5)


def _locked(session: Session, query: object) -> list[O2OOrder]:
    q = query.limit(BATCH)  # type: ignore[attr-defined]
    if is_postgres(session):
        q = q.with_for_update(skip_locked=True)
    return list(session.scalars(q))


def lapse(session: Session, now: datetime | None = None) -> int:
    """One pass: late acceptances re-routed, pending orders tried again or given up. The number of
    orders changed (the caller commits)."""
    now = now or clock.now()
    changed = 0
    for order in _locked(session, select(O2OOrder).where(O2OOrder.state == o2o.ASSIGNED, O2OOrder.accept_by < now)
                         .order_by(O2OOrder.accept_by)):
        channel = channel_of(session, order.channel)
        routing.note(session, order, "sla_lapsed", {"accept_by": clock.aware(order.accept_by or now).isoformat()})
        routing.reroute(session, order, channel, "sla")
        changed += 1
    for order in _locked(session, select(O2OOrder).where(O2OOrder.state == o2o.PENDING,
                                                         O2OOrder.updated_at < now - RETRY_PENDING)
                         .order_by(O2OOrder.updated_at)):
        channel = channel_of(session, order.channel)
        order.updated_at = now
        if clock.aware(order.created_at) + timedelta(seconds=channel.accept_seconds) < now:
            order.state, order.cancel_reason = o2o.CANCELLED, "no_store"
            routing.note(session, order, "given_up", {"reason": "no_store"})
            callbacks.unroutable(session, order, channel)
        else:
            routing.assign(session, order, channel)
        changed += 1
    return changed
