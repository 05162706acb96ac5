"""Online orders as HQ's O2O feed hands them to a store (the contract's Order), and a way to drop
one on a store server's board through the store's own ingest — for tests and benchmarks that do
not need HQ."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app import o2o
from app.db.models import Barcode, Product
from harness.store import StoreServer

_ids = itertools.count(int(datetime.now(UTC).timestamp()) % 1_000_000 * 100)
_versions = itertools.count(1)


def product(server: StoreServer, code: str) -> tuple[str, str, int, str]:
    """(sku, name, price, unit) of the product with barcode or PLU ``code`` at the store."""
    with server.db() as session:
        found = session.scalar(select(Product).join(Barcode, Barcode.product_id == Product.id)
                               .where(Barcode.code == code)) or session.scalar(select(Product).where(Product.plu == code))
        assert found is not None, code
        return found.sku, found.name, found.price, found.unit


def order(server: StoreServer, items: list[tuple[str, int]], *, channel: str = "meituan", pickup: bool = True,
          allow_substitute: bool = False, order_id: int | None = None, state: str = "assigned",
          accept_in: int = 180, **extra: Any) -> dict[str, Any]:
    """An order of ``items`` ((barcode or PLU, qty — grams for a weighed product)) as HQ sends it."""
    lines = []
    for n, (code, qty) in enumerate(items, 1):
        sku, name, price, unit = product(server, code)
        weighed = unit == "gram"
        amount = (price * qty + 500) // 1000 if weighed else price * qty
        lines.append({"line_no": n, "product_code": sku, "barcode": code if len(code) >= 8 else None, "name": name,
                      "qty": 1 if weighed else qty, "weight_g": qty if weighed else None, "unit_price": price,
                      "amount": amount})
    now = datetime.now(UTC)
    identity = order_id if order_id is not None else next(_ids)
    return {"id": identity, "version": next(_versions), "channel": channel,
            "channel_order_no": f"{channel[:2].upper()}{identity}", "state": state,
            "fulfilment": "pickup" if pickup else "delivery", "pickup_code": "246810" if pickup else None,
            "customer_name": "张三丰", "customer_phone": "138****5678",
            "address": None if pickup else "上海市徐汇区漕溪北路 88 号", "requested_at": None,
            "created_at": now.isoformat(), "accept_by": (now + timedelta(seconds=accept_in)).isoformat(),
            "allow_substitute": allow_substitute, "note": "", "paid": sum(line["amount"] for line in lines),
            "delivery_fee": 0 if pickup else 500, "commission": 120, "lines": lines, "rider": None,
            "cancel_reason": None, **extra}


def drop(server: StoreServer, data: dict[str, Any]) -> dict[str, Any]:
    """Apply ``data`` at the store as its O2O follower would; a later change of the same order
    needs a higher ``version`` (``changed``); ``auto_accept=True`` in it: HQ says accept on arrival."""
    with server.db() as session:
        o2o.ingest(session, data)
        session.commit()
    return data


def changed(data: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """The same order, changed at HQ (its next version)."""
    return {**data, **fields, "version": next(_versions)}
