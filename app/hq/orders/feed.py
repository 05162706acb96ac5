"""The stores' order feed: each change of an order, as its store sees it, under a version that
grows in commit order across the whole feed (writers take one lock and number after every earlier
writer committed), so a store reading ``after=v`` never misses a change that commits later.

The lock is short: a writer takes it last, after everything else of its transaction is written, in
the one statement that numbers its feed row and its order's version, and commits right after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.domain import o2o
from app.hq.engine import is_postgres
from app.hq.models import O2OFeedEntry, O2OOrder, Store
from app.hq.orders.view import order_dict

FEED_LOCK = 0x0A5D_0020
#: takes the feed lock, then numbers the feed row (from ``o2o_feed_version_seq``, after the lock:
#: versions follow the commits) and the order (when it is its own store's row), in one round trip
NUMBER_SQL = text("""
WITH l AS MATERIALIZED (SELECT pg_advisory_xact_lock(:key) AS locked),
v AS (SELECT nextval('o2o_feed_version_seq') AS version FROM l),
f AS (
    INSERT INTO o2o_feed (version, store_id, order_id, data)
    SELECT v.version, :store_id, :order_id, :data || jsonb_build_object('version', v.version) FROM v
    RETURNING version
), u AS (
    UPDATE o2o_orders SET version = f.version FROM f WHERE o2o_orders.id = :order_id AND :own
)
SELECT version FROM f
""").bindparams(bindparam("data", type_=JSONB))
#: a feed page holds at most this many orders
PAGE = 200


def auto_accepts(session: Session, store_id: int, channel: str) -> bool:
    """自动接单: whether the store takes the channel's orders as they arrive — HQ's per store, per
    channel setting (``PUT /admin/stores/{code}/o2o``), the one place this is decided."""
    store = session.get(Store, store_id)
    entry = (store.o2o_settings or {}).get(channel) if store is not None else None
    return isinstance(entry, dict) and entry.get("auto_accept") is True


def _data(session: Session, order: O2OOrder, target: int, own: bool, state: str | None) -> dict[str, Any]:
    """The feed row's order; ``auto_accept`` tells the store to accept it on arrival (HQ's setting
    as the order reaches the store: a change later applies to the orders routed after it)."""
    data = order_dict(order, state)
    data["auto_accept"] = own and (state or order.state) == o2o.ASSIGNED and auto_accepts(session, target, order.channel)
    return data


def publish(session: Session, order: O2OOrder, store_id: int | None = None, state: str | None = None) -> int:
    """``order``'s change into its store's feed (``store_id``: another store's, as the store it
    left sees it, with ``state``); the order's ``version`` is the new one. Call last in the
    transaction: the lock is held until the commit."""
    target = store_id if store_id is not None else order.store_id
    assert target is not None
    own = store_id is None or store_id == order.store_id
    data = _data(session, order, target, own, state)
    if is_postgres(session):
        session.flush()  # everything else written first: the lock is held for the feed row and the commit only
        version = int(session.execute(NUMBER_SQL, {"key": FEED_LOCK, "store_id": target, "order_id": order.id,
                                                   "own": own, "data": data}).scalar_one())
        if own:
            set_committed_value(order, "version", version)
        return version
    version = int(session.scalar(select(func.coalesce(func.max(O2OFeedEntry.version), 0))) or 0) + 1
    if own:
        order.version = version
    session.add(O2OFeedEntry(version=version, store_id=target, order_id=order.id,
                             data={**data, "version": version}))
    return version


def read(session: Session, store_id: int, after: int, limit: int = PAGE) -> dict[str, Any]:
    """Orders of the store changed after version ``after``, in version order."""
    rows = session.execute(
        select(O2OFeedEntry.version, O2OFeedEntry.data)
        .where(O2OFeedEntry.store_id == store_id, O2OFeedEntry.version > after)
        .order_by(O2OFeedEntry.version).limit(min(limit, PAGE))).all()
    return {"orders": [data for _, data in rows], "cursor": rows[-1][0] if rows else after}
