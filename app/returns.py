"""退货: bring back all or some goods of a completed sale, refunded at what each line actually
paid (its amount less its share of the coupons), to the tenders the sale was paid with.

Stored value goes back to the card first (up to what the card paid), the rest in cash from the
drawer. The goods go back on the shelf, points earned are taken back at HQ, and HQ gets the
return as a ``sale_returned`` event in the same transaction. A refund above the store's limit
needs a manager.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import auth, clock, shifts, stock
from app.checkout import _next_sale_id, get_sale
from app.context import Actor, OverrideRequest
from app.db.models import Return, ReturnLine, TicketLine
from app.domain.errors import DomainError
from app.outbox import record_event
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
                   "returnable": line.quantity - done.get(line.id, (0, 0))[0]} for line in lines],
    }


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

    moment = clock.now()
    day = moment.strftime("%Y%m%d")
    number = _next_sale_id(session, f"R{actor.till}", day).split("-")[-1]  # returns count apart from sales
    record = Return(return_no=f"{actor.till}-R{day}-{number}",
                    sale_id=sale_id, ticket_id=ticket.id, till=actor.till, operator_id=actor.operator_id,
                    shift_id=shift.id, total=total, cash=cash, reason=reason[:64], created_at=moment)
    record.lines = [ReturnLine(line_id=line_id, quantity=quantities[line_id], refund=refunds[line_id])
                    for line_id in quantities]
    session.add(record)
    session.flush()
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
    record_event(session, "sale_returned", payload)
    return {"return_no": record.return_no, "sale_id": sale_id, "total": total, "cash": cash,
            "stored_value": [{"card": r["card"], "amount": r["amount"]} for r in card_refunds],
            "points": sum(r["amount"] for r in points_refunds),
            "lines": [{"line_id": i, "quantity": quantities[i], "refund": refunds[i]} for i in quantities]}
