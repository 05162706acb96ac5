"""退货: bring back all or some goods of a completed sale, refunded at what each line actually
paid (its amount less its share of the coupons), to the tenders the sale was paid with.

Stored value goes back to the card first (up to what the card paid), the rest in cash from the
drawer. The goods go back on the shelf, points earned are taken back at HQ, and HQ gets the
return as a ``sale_returned`` event in the same transaction. A refund above the store's limit
needs a manager. When the last goods of a sale come back, its coupons go to HQ to be restored
where their template says so (退货退券). Gift cards sold are not taken back.

无小票退货 — goods brought back without the receipt — is its own permission
(``no_receipt_return_role``, asked every time): refunded in cash at today's shelf price, without
promotions, since nothing says what was paid.

The return slip (退货单) is printed from ``slip_for``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import auth, clock, shifts, stock
from app.catalog import lookup
from app.checkout import _next_sale_id, get_sale, item_count, operator_name
from app.context import Actor, OverrideRequest
from app.db.models import Product, Return, ReturnLine, Ticket, TicketLine
from app.domain.errors import DomainError
from app.domain.money import line_amount
from app.domain.quantity import Unit, check_quantity, format_quantity
from app.domain.receipt import Receipt, ReceiptLine, ReceiptTender
from app.outbox import record_event
from app.receipts import shop_name
from app.settings import StoreSettings


def returned_so_far(session: Session, line_ids: list[int]) -> dict[int, tuple[int, int]]:
    """line id → (quantity, refund) already returned."""
    rows = session.execute(
        select(ReturnLine.line_id, func.sum(ReturnLine.quantity), func.sum(ReturnLine.refund))
        .where(ReturnLine.line_id.in_(line_ids)).group_by(ReturnLine.line_id)
    )
    return {line_id: (int(q), int(r)) for line_id, q, r in rows}


def line_refund(line: TicketLine, quantity: int, already: tuple[int, int]) -> int:
    """What ``quantity`` of ``line`` refunds: its share of what the line paid; the last unit
    returned takes whatever is left, so returning everything refunds exactly what was paid."""
    paid = line.amount - line.discount
    done_quantity, done_refund = already
    if done_quantity + quantity == line.quantity:
        return paid - done_refund
    return (paid * quantity + line.quantity // 2) // line.quantity


def returnable(session: Session, sale_id: str) -> dict[str, Any]:
    """The sale as the return screen shows it: each line with what can still come back."""
    ticket = get_sale(session, sale_id)
    lines = [line for line in ticket.lines if not line.voided]
    done = returned_so_far(session, [line.id for line in lines])
    return {
        "sale_id": sale_id, "total": ticket.total, "member_no": ticket.member_no,
        "tenders": [{"method": t.method, "amount": t.amount} for t in ticket.tenders],
        "lines": [{"id": line.id, "sku": line.sku, "name": line.name, "unit": line.unit, "quantity": line.quantity,
                   "paid": line.amount - line.discount, "returned": done.get(line.id, (0, 0))[0],
                   "returnable": 0 if line.card_no else line.quantity - done.get(line.id, (0, 0))[0],
                   "gift_card": line.card_no is not None} for line in lines],
    }


def find_sales(session: Session, day: date, *, total: int | None = None, member_no: str | None = None,
               code: str | None = None, settings: StoreSettings, limit: int = 50) -> list[dict[str, Any]]:
    """退货查单 when the customer has no receipt barcode: the day's sales by amount, member or goods."""
    start = datetime.combine(day, datetime.min.time())
    query = (select(Ticket).where(Ticket.status == "completed", Ticket.completed_at >= start,
                                  Ticket.completed_at < start + timedelta(days=1))
             .order_by(Ticket.completed_at.desc()).limit(limit))
    if total is not None:
        query = query.where(Ticket.total == total)
    if member_no:
        query = query.where(Ticket.member_no == member_no)
    if code:
        sku = lookup(session, code, settings.in_store_layout).product.sku
        query = query.where(Ticket.id.in_(select(TicketLine.ticket_id).where(TicketLine.sku == sku,
                                                                             TicketLine.voided.is_(False))))
    return [{"sale_id": t.sale_id, "till": t.till, "completed_at": t.completed_at.isoformat(timespec="seconds"),
             "total": t.total, "items": item_count(t),
             "member_no": t.member_no} for t in session.scalars(query)]


def make_return(session: Session, actor: Actor, sale_id: str, wanted: list[tuple[int, int]], reason: str,
                override: OverrideRequest | None, settings: StoreSettings) -> dict[str, Any]:
    shift = shifts.require_open(session, actor.till)
    ticket = get_sale(session, sale_id)
    if ticket.status != "completed":
        raise DomainError("sale_not_found", status=404, sale=sale_id)
    by_id = {line.id: line for line in ticket.lines if not line.voided}
    if not wanted:
        raise DomainError("invalid_field", status=422, field="lines", value="[]")
    quantities: dict[int, int] = defaultdict(int)
    for line_id, quantity in wanted:
        if line_id not in by_id:
            raise DomainError("line_not_in_sale", status=422, line=line_id, sale=sale_id)
        if by_id[line_id].card_no is not None:
            raise DomainError("gift_card_not_returnable", status=409, name=by_id[line_id].name)
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            raise DomainError("invalid_quantity", quantity=quantity)
        quantities[line_id] += quantity
    done = returned_so_far(session, list(quantities))
    refunds: dict[int, int] = {}
    for line_id, quantity in quantities.items():
        line = by_id[line_id]
        left = line.quantity - done.get(line_id, (0, 0))[0]
        if quantity > left:
            raise DomainError("return_exceeds_sale", status=409, name=line.name, left=left)
        refunds[line_id] = line_refund(line, quantity, done.get(line_id, (0, 0)))
    total = sum(refunds.values())
    if total > settings.return_limit:
        auth.authorise(session, actor, "return", "manager", override, settings, ticket_id=ticket.id,
                       detail=f"{sale_id} ￥{total / 100:.2f}")

    # Stored value and points go back in kind first (in tender order, up to what each paid less
    # earlier returns), the rest in cash: a return never turns a card's or points' value into cash.
    refunded_before = int(session.scalar(select(func.coalesce(func.sum(Return.total - Return.cash), 0))
                                         .where(Return.sale_id == sale_id)) or 0)
    left = total
    card_refunds, points_refunds = [], []
    for tender in ticket.tenders:
        if tender.method not in ("stored_value", "points") or left == 0:
            continue
        room = max(0, tender.amount - refunded_before)
        refunded_before = max(0, refunded_before - tender.amount)
        amount = min(room, left)
        if not amount:
            continue
        if tender.method == "stored_value":
            card_refunds.append({"card": tender.reference, "spend_ref": tender.ref, "amount": amount})
        else:
            points_refunds.append({"member": tender.reference, "spend_ref": tender.ref, "amount": amount})
        left -= amount
    cash = left

    record = _new_return(session, actor, shift.id, sale_id, ticket.id, total, cash, reason,
                         [ReturnLine(line_id=line_id, quantity=quantities[line_id], refund=refunds[line_id])
                          for line_id in quantities])
    moment = record.created_at
    stock.apply(session, [stock.Move(by_id[i].product_id, by_id[i].sku, by_id[i].unit, quantities[i]) for i in quantities],
                "return", record.return_no, actor, actor.till)
    for refund in card_refunds + points_refunds:
        refund["ref"] = f"{refund['spend_ref']}:{record.return_no}"
    tenders = [{"method": method, "amount": -sum(r["amount"] for r in refunds)}
               for method, refunds in (("stored_value", card_refunds), ("points", points_refunds)) if refunds]
    tenders += [{"method": "cash", "amount": -cash}] if cash else []
    payload = {
        "id": ticket.id, "sale_id": record.return_no, "original_sale": sale_id, "till": actor.till,
        "status": "returned", "member_no": ticket.member_no, "reason": record.reason,
        "lines": [{"sku": by_id[i].sku, "name": by_id[i].name, "unit": by_id[i].unit, "quantity": -quantities[i],
                   "amount": -refunds[i], "voided": False} for i in quantities],
        "item_count": -sum(quantities[i] if by_id[i].unit == "piece" else 1 for i in quantities),
        "subtotal": -total, "rounding": 0, "total": -total, "paid": -total, "change": 0,
        "tenders": tenders, "refunds": card_refunds, "points_refunds": points_refunds,
        "completed_at": moment.isoformat(timespec="seconds"),
    }
    returned = returned_so_far(session, list(by_id))
    if all(returned.get(i, (0, 0))[0] >= by_id[i].quantity for i in by_id if by_id[i].card_no is None):
        payload["whole"] = True  # the last goods of the sale: HQ restores its coupons, takes back campaign ones
        payload["restore_coupons"] = [c.code for c in ticket.coupons]
    record_event(session, "sale_returned", payload)
    return {"return_no": record.return_no, "sale_id": sale_id, "total": total, "cash": cash,
            "stored_value": [{"card": r["card"], "amount": r["amount"]} for r in card_refunds],
            "points": sum(r["amount"] for r in points_refunds),
            "lines": [{"line_id": i, "quantity": quantities[i], "refund": refunds[i]} for i in quantities]}


def _new_return(session: Session, actor: Actor, shift_id: int, sale_id: str | None, ticket_id: int | None, total: int,
                cash: int, reason: str, lines: list[ReturnLine]) -> Return:
    moment = clock.now()
    day = moment.strftime("%Y%m%d")
    number = _next_sale_id(session, f"R{actor.till}", day).split("-")[-1]  # returns count apart from sales
    record = Return(return_no=f"{actor.till}-R{day}-{number}", sale_id=sale_id, ticket_id=ticket_id, till=actor.till,
                    operator_id=actor.operator_id, shift_id=shift_id, total=total, cash=cash, reason=reason[:64],
                    created_at=moment)
    record.lines = lines
    session.add(record)
    session.flush()
    return record


def make_return_without_receipt(session: Session, actor: Actor, wanted: list[tuple[str, int]], reason: str,
                                override: OverrideRequest | None, settings: StoreSettings) -> dict[str, Any]:
    """无小票退货: goods by their code and quantity, refunded in cash at today's shelf price."""
    shift = shifts.require_open(session, actor.till)
    if not wanted:
        raise DomainError("return_nothing", status=422)
    picked: list[tuple[Product, int, int]] = []
    for code, quantity in wanted:
        product = session.get(Product, lookup(session, code, settings.in_store_layout).product.id)
        assert product is not None
        if product.kind == "gift_card":
            raise DomainError("gift_card_not_returnable", status=409, name=product.name)
        unit = Unit(product.unit)
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            raise DomainError("invalid_quantity", quantity=quantity)
        check_quantity(quantity, unit)
        picked.append((product, quantity, line_amount(product.price, quantity, unit.per)))
    total = sum(refund for _, _, refund in picked)
    auth.authorise(session, actor, "return_no_receipt", settings.no_receipt_return_role, override, settings,
                   detail=f"￥{total / 100:.2f}")
    record = _new_return(session, actor, shift.id, None, None, total, total, reason,
                         [ReturnLine(product_id=p.id, unit_price=p.price, quantity=q, refund=r) for p, q, r in picked])
    stock.apply(session, [stock.Move(p.id, p.sku, p.unit, q) for p, q, _ in picked], "return", record.return_no,
                actor, actor.till)
    record_event(session, "sale_returned", {
        "id": None, "sale_id": record.return_no, "original_sale": None, "no_receipt": True, "till": actor.till,
        "status": "returned", "member_no": None, "reason": record.reason,
        "lines": [{"sku": p.sku, "name": p.name, "unit": p.unit, "quantity": -q, "amount": -r, "voided": False}
                  for p, q, r in picked],
        "item_count": -sum(q if p.unit == "piece" else 1 for p, q, _ in picked),
        "subtotal": -total, "rounding": 0, "total": -total, "paid": -total, "change": 0,
        "tenders": [{"method": "cash", "amount": -total}], "refunds": [], "points_refunds": [],
        "completed_at": record.created_at.isoformat(timespec="seconds"),
    })
    return {"return_no": record.return_no, "sale_id": None, "total": total, "cash": total, "stored_value": [],
            "points": 0, "lines": [{"sku": p.sku, "quantity": q, "refund": r} for p, q, r in picked]}


SLIP_LABELS = {"title": "退货单", "sale": "退货单号", "total": "退款合计", "subtotal": "退货金额", "amount": "退款",
               "change": ""}


def slip_for(session: Session, return_no: str, settings: StoreSettings) -> Receipt:
    """退货单: what came back, what each refunded and where the money went; signed by the customer."""
    record = session.scalar(select(Return).where(Return.return_no == return_no))
    if record is None:
        raise DomainError("return_not_found", status=404, return_no=return_no[:32])
    sold = {line.id: line for line in session.scalars(select(TicketLine).where(
        TicketLine.id.in_([x.line_id for x in record.lines if x.line_id is not None])))}
    products = {p.id: p for p in session.scalars(select(Product).where(
        Product.id.in_([x.product_id for x in record.lines if x.product_id is not None])))}
    lines, count = [], 0
    for x in record.lines:
        name, unit, price = ((sold[x.line_id].name, sold[x.line_id].unit, sold[x.line_id].unit_price)
                             if x.line_id is not None else
                             (products[x.product_id].name, products[x.product_id].unit, x.unit_price or 0))
        lines.append(ReceiptLine(name=name, quantity_text=format_quantity(x.quantity, Unit(unit)), unit_price=price,
                                 amount=x.refund))
        count += x.quantity if unit == Unit.PIECE else 1
    tenders = [ReceiptTender("现金退款", record.cash)] if record.cash else []
    if record.total > record.cash:
        tenders.append(ReceiptTender("退回储值卡/积分", record.total - record.cash))
    header = (f"原销售单 {record.sale_id}",) if record.sale_id else ("无小票退货",)
    return Receipt(
        store_name=shop_name(session, settings), sale_id=record.return_no,
        till=record.till, operator=operator_name(session, record.operator_id),
        issued_at=record.created_at.strftime("%Y-%m-%d %H:%M:%S"), lines=tuple(lines), subtotal=record.total,
        total=record.total, tenders=tuple(tenders), change=0,
        item_count=count,
        header_lines=header + ((f"原因: {record.reason}",) if record.reason else ()),
        footer_lines=("顾客签名: ____________________",), labels=SLIP_LABELS,
    )
