"""The order intake's hot path on PostgreSQL: a platform's dinner rush, or the own shop's, answered
as fast as the order is safely written.

One request costs three round trips on a connection of an asyncio pool, with no thread hop and
no ORM: one read (the key's scopes, the channel, whether the order is known, the store, the
products by SKU and by barcode), one write (the order ``received`` and the first entry of its
history, in one statement) and the commit. The checks are :mod:`app.hq.orders.intake`'s own, run
on what the read answered; routing follows behind (:mod:`app.hq.orders.router`).

An order HQ already has, or one a concurrent request wrote first, is not answered here
(:meth:`FastIntake.receive` answers None): the caller takes the general path, which reads it."""

from __future__ import annotations

from collections import namedtuple
from typing import Any

from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool
from sqlalchemy.engine import make_url

from app.domain.errors import DomainError
from app.hq import keys
from app.hq.models import O2OOrder
from app.hq.orders import intake
from app.hq.orders.view import order_dict

#: the store's and the products' columns as the checks read them
StoreRow = namedtuple("StoreRow", "id code disabled o2o_enabled")
ProductRow = namedtuple("ProductRow", "sku name unit active")

READ_SQL = """
SELECT
  (SELECT scopes FROM api_keys WHERE key_hash = %(hash)s AND revoked_at IS NULL),
  (SELECT commission_bp FROM o2o_channels WHERE code = %(channel)s),
  (SELECT id FROM o2o_orders WHERE channel = %(channel)s AND channel_order_no = %(no)s AND part = 0),
  (SELECT json_build_array(id, code, disabled, o2o_enabled) FROM stores WHERE code = %(store)s),
  (SELECT json_agg(json_build_array(sku, name, unit, active)) FROM products WHERE sku = ANY(%(skus)s)),
  (SELECT json_agg(json_build_array(b.code, p.sku, p.name, p.unit, p.active, b.pack_quantity))
   FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ANY(%(codes)s))
"""

_COLUMNS = ("channel", "channel_order_no", "parent_id", "part", "store_id", "store_fixed", "state", "version",
            "fulfilment", "pickup_code", "customer_name", "customer_phone", "address", "lat", "lng", "requested_at",
            "created_at", "accept_by", "allow_substitute", "note", "paid", "delivery_fee", "commission", "refunded",
            "payment_ref", "lines", "picked", "rider", "cancel_reason", "excluded", "updated_at")
#: the order and its history's first entry in one statement; a concurrent twin makes it write nothing
WRITE_SQL = f"""
WITH o AS (
  INSERT INTO o2o_orders ({", ".join(_COLUMNS)})
  VALUES ({", ".join(f"%({c})s" for c in _COLUMNS)})
  ON CONFLICT ON CONSTRAINT uq_o2o_orders_channel_no DO NOTHING
  RETURNING id
)
INSERT INTO o2o_history (order_id, at, kind, detail)
SELECT o.id, %(created_at)s, 'received', %(detail)s FROM o
RETURNING order_id
"""
_JSON = ("lines", "picked", "rider", "excluded")


def dsn(database_url: str) -> str:
    """libpq's URL for SQLAlchemy's ``postgresql+psycopg://…``."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


class FastIntake:
    """The intake's own small pool of asyncio connections, opened with the app's event loop."""

    def __init__(self, database_url: str, size: int = 8) -> None:
        self.pool = AsyncConnectionPool(dsn(database_url), min_size=2, max_size=size, open=False,
                                        kwargs={"autocommit": False})

    async def open(self) -> None:
        await self.pool.open()

    async def close(self) -> None:
        await self.pool.close()

    async def receive(self, authorization: str | None, scope: str, incoming: intake.OrderIn) -> dict[str, Any] | None:
        """``incoming`` written ``received`` and answered as its channel sees it (the key checked for
        ``scope`` first); None when HQ already has it. Refused: a coded ``DomainError``, nothing written."""
        raw = keys.presented(authorization)
        skus, codes = intake.wanted(incoming.lines)
        async with self.pool.connection() as conn:  # commits on leaving, rolls back on an error
            read = await conn.execute(READ_SQL, {
                "hash": keys.key_hash(raw), "channel": incoming.channel, "no": incoming.channel_order_no,
                "store": incoming.store, "skus": sorted(skus), "codes": sorted(codes)})
            scopes, commission_bp, known, store, products, by_code = await read.fetchone()  # type: ignore[misc]
            if scopes is None:
                raise DomainError("invalid_api_key", status=401)
            keys.require_scopes(scopes, scope)
            if commission_bp is None:
                raise DomainError("unknown_channel", status=422, channel=incoming.channel)
            if known is not None:
                return None
            intake.check_shape(incoming)
            checked_store = intake.check_store(incoming, StoreRow(*store) if store else None)
            lines = intake.checked_lines(
                incoming.lines, {p[0]: ProductRow(*p) for p in products or ()},
                {b[0]: (ProductRow(*b[1:5]), int(b[5])) for b in by_code or ()})
            values = intake.new_order(incoming, checked_store, lines, commission_bp)
            history = intake.received_history(0, incoming, values["created_at"])
            params = {**values, **{k: Jsonb(values[k]) if values[k] is not None else None for k in _JSON},
                      "detail": Jsonb(history["detail"])}
            written = await (await conn.execute(WRITE_SQL, params)).fetchone()
            if written is None:
                return None  # a twin sent at the same time got there first
        order = O2OOrder(id=written[0], **values)
        history = {**history, "order_id": order.id, "at": history["at"].isoformat()}
        return {**order_dict(order), "store": checked_store[1] if checked_store else None, "refunded": 0,
                "parts": [], "history": [history]}
