"""An online order on paper: the pick list (拣货单) and the bag label (袋贴), as receipt documents
the receipt printer prints like any slip (its QR carries the order's channel number)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.db.models import O2OOrder
from app.domain import o2o as rules
from app.domain.receipt import Receipt, ReceiptLine
from app.o2o import get, view
from app.receipts import shop_name
from app.settings import StoreSettings

CHANNEL_NAMES = {"own": "自营商城", "meituan": "美团外卖", "eleme": "饿了么"}


def _quantity(line: dict[str, Any]) -> str:
    weight = line["weight_g"]
    return f"{int(weight) / 1000:.3f}kg" if isinstance(weight, int) else str(line["qty"])


def _note(line: dict[str, Any]) -> str:
    """Under a line of the pick list: its shelf location (货位), then its code."""
    return f"{line['location']} {line['product_code']}" if line.get("location") else str(line["product_code"])


def _document(session: Session, order: O2OOrder, settings: StoreSettings, title: str, *, with_lines: bool) -> Receipt:
    shown = view(session, order)
    lines = tuple(ReceiptLine(name=str(line["name"]), quantity_text=_quantity(line), unit_price=int(line["unit_price"]),
                              amount=int(line["amount"]), note=_note(line))
                  for line in shown["lines"]) if with_lines else ()
    header = [f"{CHANNEL_NAMES.get(order.channel, order.channel)} {order.channel_order_no}"]
    if order.fulfilment == rules.PICKUP and order.pickup_code:
        header.append(f"自提码 {order.pickup_code}")
    else:
        header.append("配送")
    if order.note and with_lines:
        header.append(f"备注 {order.note}")
    return Receipt(
        store_name=shop_name(session, settings), sale_id=order.channel_order_no, till="O2O",
        operator=rules.mask_name(order.customer_name), issued_at=clock.now().strftime("%Y-%m-%d %H:%M:%S"),
        lines=lines, subtotal=order.paid, total=order.paid, tenders=(), change=0,
        item_count=int(shown["item_count"]), header_lines=tuple(header), footer_lines=(),
        labels={"title": title, "sale": "订单", "till": "渠道", "operator": "顾客", "change": ""})


def pick_list(session: Session, order_id: int, settings: StoreSettings) -> Receipt:
    """拣货单: every line with its shelf location, code, quantity or weight, in the order the shop
    is walked (by location, then by category: ``app.shelves.walk``)."""
    return _document(session, get(session, order_id), settings, "拣货单", with_lines=True)


def bag_label(session: Session, order_id: int, settings: StoreSettings) -> Receipt:
    """袋贴: order number, 自提码, the QR, items count and the customer's masked name."""
    return _document(session, get(session, order_id), settings, "取货袋贴", with_lines=False)
