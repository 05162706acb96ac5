"""The stores' order feed: each change of an order, as its store sees it, under a version that
grows in commit order across the whole feed (writers take one lock and number after every earlier
writer committed), so a store reading ``after=v`` never misses a change that commits later."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.hq.engine import is_postgres
from app.hq.models import O2OFeedEntry, O2OOrder
from app.hq.orders.view import order_dict

FEED_LOCK = 0x0A5D_0020
#: a feed page holds at most this many orders
PAGE = 200


def publish(session: Session, order: O2OOrder, store_id: int | None = None, state: str | None = None) -> int:
    """``order``'s change into its store's feed (``store_id``: another store's, as the store it
    left sees it, with ``state``); the order's ``version`` is the new one. Call last in the
    transaction: the lock is held until the commit."""
    if is_postgres(session):
        session.flush()  # everything else written first: the lock is held for the feed row and the commit only
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK})
    version = int(session.scalar(select(func.coalesce(func.max(O2OFeedEntry.version), 0))) or 0) + 1
    target = store_id if store_id is not None else order.store_id
    assert target is not None
    if store_id is None or store_id == order.store_id:
        order.version = version
    session.add(O2OFeedEntry(version=version, store_id=target, order_id=order.id,
                             data={**order_dict(order, state), "version": version}))
    return version


def read(session: Session, store_id: int, after: int, limit: int = PAGE) -> dict[str, Any]:
    """Orders of the store changed after version ``after``, in version order."""
    rows = session.execute(
        select(O2OFeedEntry.version, O2OFeedEntry.data)
        .where(O2OFeedEntry.store_id == store_id, O2OFeedEntry.version > after)
        .order_by(O2OFeedEntry.version).limit(min(limit, PAGE))).all()
    return {"orders": [data for _, data in rows], "cursor": rows[-1][0] if rows else after}
