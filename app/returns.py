"""退货: bring back all or some goods of a completed sale, refunded at what each line actually
paid (after promotions, coupons and 抹零), to the tenders the sale was paid with.

What a return gives back and where the money goes is the domain's rule
(``app.domain.sale.refunds``): tenders paid back in kind first, the rest in cash from the drawer.
The goods go back on the shelf, points earned are taken back at HQ, and HQ gets the return as a
``sale_returned`` event in the same transaction. A refund above the store's limit needs a manager.
When the last goods of a sale come back, its coupons go to HQ to be restored where their template
says so (退货退券). Gift cards sold are not taken back.

无小票退货 — goods brought back without the receipt — is its own permission
(``no_receipt_return_role``, asked every time): refunded in cash at today's shelf price, without
promotions, since nothing says what was paid.

The return slip (退货单) is printed from ``slip_for``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import auth, clock, outbox, paycodes, shifts, stock
from app.catalog import lookup
from app.checkout import _next_sale_id, get_sale, operator_name
from app.context import Actor, OverrideRequest
from app.db.models import O2OOrder, Product, Return, ReturnLine, ReturnTender, Ticket, TicketLine
from app.domain.errors import DomainError
from app.domain.money import format_fen, line_amount
from app.domain.quantity import Unit, check_quantity, format_quantity
from app.domain.receipt import Receipt, ReceiptLine, ReceiptTender
from app.domain.sale import CASH, POINTS, RefundShare, Sale, SoldLine, SoldPayment, Status, plan_refund
from app.domain.sale.refunds import refunded_by_payment
from app.domain.sale.tenders import ALIPAY, WECHAT
from app.events import SaleReturned
from app.receipts import shop_name
from app.settings import StoreSettings
from app.tickets import Tickets

#: tenders paid back through their payment provider (付款码)
PAYMENT_CODE_TENDERS = frozenset({WECHAT, ALIPAY})


def returned_so_far(session: Session, line_ids: list[int]) -> dict[int, tuple[int, int]]:
    """line id → (quantity, refund) already returned."""
    rows = session.execute(
        select(ReturnLine.line_id, func.sum(ReturnLine.quantity), func.sum(ReturnLine.refund))
        .where(ReturnLine.line_id.in_(line_ids)).group_by(ReturnLine.line_id)
    )
    return {line_id: (int(q), int(r)) for line_id, q, r in rows if line_id is not None}


def sold_lines(session: Session, sale: Sale) -> list[SoldLine]:
    lines = sale.active_lines
    done = returned_so_far(session, [line.id for line in lines if line.id is not None])
    return [SoldLine(line.id or 0, line.name, line.quantity, line.paid, *done.get(line.id or 0, (0, 0)),
                     gift_card=line.card_no is not None) for line in lines]


def sold_payments(session: Session, sale: Sale) -> list[SoldPayment]:
    """The sale's tenders as a return sees them: cash net of the change given, and what each got
    back from earlier returns."""
    shares = session.execute(select(ReturnTender.tender_id, ReturnTender.amount).join(Return)
                             .where(Return.sale_id == sale.sale_id)).all()
    done = refunded_by_payment([(tender_id, amount) for tender_id, amount in shares])
    last_cash = max((n for n, p in enumerate(sale.payments) if p.kind == CASH), default=None)
    return [SoldPayment(p.id or 0, p.kind, p.amount - (sale.change if n == last_cash else 0), p.reference, p.ref,
                        done.get(p.id or 0, 0)) for n, p in enumerate(sale.payments)]


def _completed(session: Session, tickets: Tickets, sale_id: str) -> Sale:
    sale = get_sale(session, tickets, sale_id)
    if sale.status is not Status.COMPLETED:
        raise DomainError("sale_not_found", status=404, sale=sale_id[:32])
    return sale


def returnable(session: Session, tickets: Tickets, sale_id: str) -> dict[str, Any]:
    """The sale as the return screen shows it: each line with what can still come back."""
    sale = _completed(session, tickets, sale_id)
    sold = {line.id: line for line in sold_lines(session, sale)}
    return {
        "sale_id": sale_id, "total": sale.total, "member_no": sale.member_no,
        "tenders": [{"method": p.kind, "amount": p.amount} for p in sale.payments],
        "lines": [{"id": line.id, "sku": line.sku, "name": line.name, "unit": line.unit.value,
                   "quantity": line.quantity, "paid": line.paid, "returned": sold[line.id].returned_quantity,
                   "returnable": sold[line.id].returnable, "gift_card": line.card_no is not None}
                  for line in sale.active_lines if line.id is not None],
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
    return [{"sale_id": t.sale_id, "till": t.till,
             "completed_at": t.completed_at.isoformat(timespec="seconds") if t.completed_at else None,
             "total": t.total, "items": sum(x.quantity if x.unit == Unit.PIECE else 1 for x in t.lines if not x.voided),
             "member_no": t.member_no} for t in session.scalars(query)]


def make_return(session: Session, tickets: Tickets, actor: Actor, sale_id: str, wanted: list[tuple[int, int]],
                reason: str, override: OverrideRequest | None, settings: StoreSettings) -> dict[str, Any]:
    shift = shifts.require_open(session, actor.till)
    sale = _completed(session, tickets, sale_id)
    sold = sold_lines(session, sale)
    plan = plan_refund(sale_id, sold, sold_payments(session, sale), wanted)
    if plan.total > settings.return_limit:
        auth.authorise(session, actor, "return", "manager", override, settings, ticket_id=sale.id,
                       detail=f"{sale_id} {format_fen(plan.total, symbol='￥')}")
    by_id = {line.id: line for line in sale.active_lines}
    record = _new_return(session, actor, shift.id, sale_id, sale.id, plan.total, plan.shares, reason,
                         [ReturnLine(line_id=line_id, quantity=quantity, refund=refund)
                          for line_id, (quantity, refund) in plan.lines.items()])
    stock.apply(session, [stock.Move(by_id[i].product_id, by_id[i].sku, by_id[i].unit.value, quantity)
                          for i, (quantity, _) in plan.lines.items()], "return", record.return_no, actor, actor.till)
    card_refunds = [{"card": s.payment.reference, "spend_ref": s.payment.ref, "amount": s.amount,
                     "ref": f"{s.payment.ref}:{record.return_no}"}
                    for s in plan.shares if s.payment is not None and s.kind in ("stored_value", "gift_card")]
    points_refunds = [{"member": s.payment.reference, "spend_ref": s.payment.ref, "amount": s.amount,
                       "ref": f"{s.payment.ref}:{record.return_no}"}
                      for s in plan.shares if s.payment is not None and s.kind == POINTS]
    by_kind: dict[str, int] = {}
    provider_tenders: list[dict[str, Any]] = []
    paycode_refunds: list[dict[str, Any]] = []
    for share in plan.shares:
        if share.payment is not None and share.kind in PAYMENT_CODE_TENDERS:
            # back to the customer's WeChat/Alipay: a provider refund the worker sends once this commits
            refund = paycodes.record_refund(session, share.kind, share.payment.ref, share.payment.amount,
                                            share.amount, record.created_at)
            paycode_refunds.append(paycodes.refund_view(refund))
            provider_tenders.append({"method": share.kind, "amount": -share.amount, "provider": share.kind,
                                     "out_trade_no": share.payment.ref, "out_refund_no": refund.out_refund_no})
            continue
        by_kind[share.kind] = by_kind.get(share.kind, 0) + share.amount
    payload = {
        "id": sale.id, "sale_id": record.return_no, "original_sale": sale_id, "till": actor.till,
        "status": "returned", "member_no": sale.member_no, "reason": record.reason,
        "lines": [{"sku": by_id[i].sku, "name": by_id[i].name, "unit": by_id[i].unit.value, "quantity": -quantity,
                   "amount": -refund, "voided": False} for i, (quantity, refund) in plan.lines.items()],
        "item_count": -sum(quantity if by_id[i].unit is Unit.PIECE else 1 for i, (quantity, _) in plan.lines.items()),
        "subtotal": -plan.total, "rounding": 0, "total": -plan.total, "paid": -plan.total, "change": 0,
        "tenders": [{"method": kind, "amount": -amount} for kind, amount in by_kind.items()] + provider_tenders,
        "refunds": card_refunds, "points_refunds": points_refunds,
        "completed_at": record.created_at.isoformat(timespec="seconds"),
    }
    payload.update(_channel_of(session, sale_id))
    if plan.whole(sold):
        payload["whole"] = True  # the last goods of the sale: HQ restores its coupons, takes back campaign ones
        payload["restore_coupons"] = [c.code for c in sale.coupons]
    outbox.record(session, SaleReturned(payload))
    return {"return_no": record.return_no, "sale_id": sale_id, "total": plan.total, "cash": plan.cash,
            "stored_value": [{"card": r["card"], "amount": r["amount"]} for r in card_refunds],
            "points": sum(r["amount"] for r in points_refunds),
            "refunds": [{"method": s.kind, "amount": s.amount} for s in plan.shares],
            "lines": [{"line_id": i, "quantity": q, "refund": r} for i, (q, r) in plan.lines.items()],
            "paycode_refunds": paycode_refunds}


def _new_return(session: Session, actor: Actor, shift_id: int, sale_id: str | None, ticket_id: int | None,
                total: int, shares: tuple[RefundShare, ...], reason: str, lines: list[ReturnLine]) -> Return:
    moment = clock.now()
    day = moment.strftime("%Y%m%d")
    number = _next_sale_id(session, f"R{actor.till}", day).split("-")[-1]  # returns count apart from sales
    record = Return(return_no=f"{actor.till}-R{day}-{number}", sale_id=sale_id, ticket_id=ticket_id, till=actor.till,
                    operator_id=actor.operator_id, shift_id=shift_id, total=total,
                    cash=sum(s.amount for s in shares if s.payment is None),
                    reason=reason[:64], created_at=moment)
    record.lines = lines
    session.add(record)
    session.flush()
    session.add_all([ReturnTender(return_id=record.id, tender_id=s.payment.id if s.payment else None, method=s.kind,
                                  amount=s.amount, reference=s.payment.reference if s.payment else None,
                                  ref=s.payment.ref if s.payment else None) for s in shares])
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
                   detail=format_fen(total, symbol="￥"))
    record = _new_return(session, actor, shift.id, None, None, total, (RefundShare(None, total),) if total else (),
                         reason, [ReturnLine(product_id=p.id, unit_price=p.price, quantity=q, refund=r)
                                  for p, q, r in picked])
    stock.apply(session, [stock.Move(p.id, p.sku, p.unit, q) for p, q, _ in picked], "return", record.return_no,
                actor, actor.till)
    outbox.record(session, SaleReturned({
        "id": None, "sale_id": record.return_no, "original_sale": None, "no_receipt": True, "till": actor.till,
        "status": "returned", "member_no": None, "reason": record.reason,
        "lines": [{"sku": p.sku, "name": p.name, "unit": p.unit, "quantity": -q, "amount": -r, "voided": False}
                  for p, q, r in picked],
        "item_count": -sum(q if p.unit == "piece" else 1 for p, q, _ in picked),
        "subtotal": -total, "rounding": 0, "total": -total, "paid": -total, "change": 0,
        "tenders": [{"method": "cash", "amount": -total}], "refunds": [], "points_refunds": [],
        "completed_at": record.created_at.isoformat(timespec="seconds"),
    }))
    return {"return_no": record.return_no, "sale_id": None, "total": total, "cash": total, "stored_value": [],
            "points": 0, "refunds": [{"method": "cash", "amount": total}] if total else [],
            "lines": [{"sku": p.sku, "quantity": q, "refund": r} for p, q, r in picked]}


SLIP_LABELS = {"title": "退货单", "sale": "退货单号", "total": "退款合计", "subtotal": "退货金额", "amount": "退款",
               "change": ""}


def slip_for(session: Session, return_no: str, settings: StoreSettings) -> Receipt:
    """退货单: what came back, what each refunded and where the money went; signed by the customer."""
    from app.domain.sale import label

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
                             (products[x.product_id or 0].name, products[x.product_id or 0].unit, x.unit_price or 0))
        lines.append(ReceiptLine(name=name, quantity_text=format_quantity(x.quantity, Unit(unit)), unit_price=price,
                                 amount=x.refund))
        count += x.quantity if unit == Unit.PIECE else 1
    shares = session.execute(select(ReturnTender.method, func.sum(ReturnTender.amount))
                             .where(ReturnTender.return_id == record.id).group_by(ReturnTender.method)
                             .order_by(func.min(ReturnTender.id))).all()
    tenders = [ReceiptTender(f"{label(method)}退款", int(amount)) for method, amount in shares]
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


def _channel_of(session: Session, sale_id: str) -> dict[str, Any]:
    """An online order's sale: its channel, so HQ refunds the platform tender through the channel."""
    order = session.scalar(select(O2OOrder).where(O2OOrder.sale_id == sale_id))
    if order is None:
        return {}
    return {"channel": order.channel, "channel_order_no": order.channel_order_no, "o2o_order_id": order.id}
