"""An order as HQ hands it to a store (the O2O contract's ``Order``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.o2o import mask_phone
from app.hq import clock
from app.hq.models import O2OOrder


def _moment(value: datetime | None) -> str | None:
    return clock.aware(value).isoformat() if value is not None else None


def order_dict(order: O2OOrder, state: str | None = None) -> dict[str, Any]:
    """``order`` for its store; ``state`` overrides its state (``reassigned`` for the store it left)."""
    return {
        "id": order.id, "version": order.version, "channel": order.channel,
        "channel_order_no": order.channel_order_no, "state": state or order.state,
        "fulfilment": order.fulfilment, "pickup_code": order.pickup_code,
        "customer_name": order.customer_name, "customer_phone": mask_phone(order.customer_phone),
        "address": order.address, "requested_at": _moment(order.requested_at),
        "created_at": _moment(order.created_at) or "", "accept_by": _moment(order.accept_by) or "",
        "allow_substitute": order.allow_substitute, "note": order.note,
        "paid": order.paid, "delivery_fee": order.delivery_fee, "commission": order.commission,
        "lines": [{"line_no": line["line_no"], "product_code": line["sku"], "barcode": line.get("barcode"),
                   "name": line["name"], "qty": line["qty"], "weight_g": line.get("weight_g"),
                   "unit_price": line["unit_price"], "amount": line["amount"]} for line in order.lines],
        "rider": order.rider, "cancel_reason": order.cancel_reason,
    }
