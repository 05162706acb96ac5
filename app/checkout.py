"""Tickets at the till: scan, change quantity, void, park and resume (挂单/取单), pay cash, complete.

Each use case loads the ticket as a ``Sale`` (``app.tickets``), asks it to take one step, and
saves it; the caller (``app.commands``) records the answer and commits, once per command id. The
rules themselves live in ``app.domain.sale``; what is left here is finding things (the product,
the shift, who may authorise) and recording what happened (the outbox, stock).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app import audit, auth, clock, events, outbox, outside, promotions, reports, shifts, stock
from app.catalog import lookup
from app.context import Actor, OverrideRequest
from app.db import driver
from app.db.models import Operator, SaleCounter
from app.domain.errors import DomainError
from app.domain.money import check_amount, format_fen
from app.domain.quantity import Unit, check_quantity
from app.domain.sale import DIRECT_TENDERS, Approval, Line, Payment, Sale, SaleRules, Status, tender_kind
from app.settings import StoreSettings
from app.tickets import Tickets, active_ticket_id, parked_ticket_ids

# ---- reading -----------------------------------------------------------------------------


def ticket_view(sale: Sale) -> dict[str, Any]:
    """The ticket as the till, the receipt and HQ see it (``TicketOut`` in the store's API)."""
    return {
        "id": sale.id,
        "till": sale.till,
        "status": sale.status.value,
        "operator_id": sale.operator_id,
        "lines": [
            {
                "id": line.id,
                "sku": line.sku,
                "barcode": line.barcode,
                "name": line.name,
                "unit": line.unit.value,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "original_price": line.original_price,
                "amount": line.amount,
                "voided": line.voided,
                "note": line.note,
                "discount": line.discount,
                "rounding": line.rounding,
                "paid": line.paid,
                "card_no": line.card_no,
            }
            for line in sale.lines
        ],
        "discount": sale.discount,
        "promotion_discount": sale.promotion_discount,
        "member_no": sale.member_no,
        "coupons": [{"code": c.code, "name": c.name, "kind": c.kind, "discount": c.discount, "offline": c.offline,
                     "ref": c.ref} for c in sale.coupons],
        "item_count": sale.item_count,
        "subtotal": sale.subtotal,
        "rounding": sale.rounding,
        "total": sale.total,
        "paid": sale.paid,
        "due": sale.due,
        "due_exact": sale.due_exact,
        "change": sale.change,
        "tenders": [tender_view(p) for p in sale.payments],
        "sale_id": sale.sale_id,
        "created_at": sale.created_at.isoformat(timespec="seconds") if sale.created_at else None,
        "completed_at": sale.completed_at.isoformat(timespec="seconds") if sale.completed_at else None,
    }


def tender_view(payment: Payment) -> dict[str, Any]:
    """A tender as the ticket shows it; a payment code's carries the provider's record too
    (``events.Tender``'s provider fields, as HQ reads them)."""
    view: dict[str, Any] = {"id": payment.id, "method": payment.kind, "amount": payment.amount,
                            "reference": payment.reference, "ref": payment.ref}
    if payment.provider is not None:
        view.update(provider=payment.provider, transaction_id=payment.transaction_id, out_trade_no=payment.ref,
                    payer_bank=payment.payer_bank, fee=payment.fee)
    return view


def rules(session: Session, settings: StoreSettings) -> SaleRules:
    """The store's rules for a sale now: its settings, and its promotions as the pricing function."""
    return SaleRules(rounding=settings.rounding, void_limit=settings.void_line_limit, max_change=settings.max_change,
                     pricer=promotions.pricer(session, settings.home, clock.now()))


def get_ticket(session: Session, tickets: Tickets, actor: Actor, ticket_id: int) -> Sale:
    return tickets.load(session, ticket_id, till=actor.till)


def open_sale(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, settings: StoreSettings) -> Sale:
    """A ticket of this till that is still being sold, ready for a command."""
    sale = tickets.load(session, ticket_id, rules(session, settings), till=actor.till)
    if sale.status is not Status.OPEN:
        raise DomainError("ticket_closed", status=409)
    return sale


def active_ticket(session: Session, tickets: Tickets, till: str) -> Sale | None:
    found = active_ticket_id(session, till)
    return None if found is None else tickets.load(session, found)


def parked_tickets(session: Session, tickets: Tickets, actor: Actor) -> list[Sale]:
    return [tickets.load(session, ticket_id) for ticket_id in parked_ticket_ids(session, actor.till)]


def get_sale(session: Session, tickets: Tickets, sale_id: str) -> Sale:
    from app.db.models import Ticket

    found = session.scalar(select(Ticket.id).where(Ticket.sale_id == sale_id))
    if found is None:
        raise DomainError("sale_not_found", status=404, sale=sale_id[:32])
    return tickets.load(session, found)


def operator_name(session: Session, operator_id: int) -> str:
    operator = session.get(Operator, operator_id)
    return f"{operator.code} {operator.name}" if operator else str(operator_id)


# ---- commands ----------------------------------------------------------------------------


def _save(session: Session, tickets: Tickets, sale: Sale) -> dict[str, Any]:
    tickets.save(session, sale, clock.now())
    return ticket_view(sale)


def _authorise(session: Session, actor: Actor, need: Approval | None, override: OverrideRequest | None,
               settings: StoreSettings, sale: Sale, line_id: int | None = None) -> bool:
    """Record who allowed ``need`` (asking for an override when the actor may not); False when
    nothing needed allowing."""
    if need is None:
        return False
    auth.authorise(session, actor, need.action, need.role, override, settings, ticket_id=sale.id, line_id=line_id,
                   detail=need.detail)
    return True


def open_ticket(session: Session, tickets: Tickets, actor: Actor) -> dict[str, Any]:
    """Start a ticket at this till, or hand back the one already open there."""
    shift = shifts.require_open(session, actor.till)
    existing = active_ticket(session, tickets, actor.till)
    if existing is not None:
        return ticket_view(existing)
    sale = tickets.add(session, Sale(id=0, till=actor.till, operator_id=actor.operator_id, shift_id=shift.id,
                                     created_at=clock.now()))
    return _save(session, tickets, sale)


def add_line(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, code: str, quantity: int | None,
             settings: StoreSettings, card_no: str | None = None) -> dict[str, Any]:
    """Scan goods onto the ticket. A gift card (``kind`` gift_card) needs its ``card_no``, checked
    at HQ by the caller (``app.loyalty.add_gift_card``); one card per line."""
    # An open ticket's shift is open: closing a shift refuses while a ticket is being sold.
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    found = lookup(session, code, settings.in_store_layout)
    product = found.product
    unit = Unit(product.unit)
    fixed_amount: int | None = None
    if product.kind == "gift_card" and not card_no:
        raise DomainError("gift_card_required", status=409, name=product.name, sku=product.sku)
    if card_no and product.kind != "gift_card":
        raise DomainError("not_a_gift_card", status=409, name=product.name)
    if card_no and quantity not in (None, 1):
        raise DomainError("invalid_quantity", quantity=quantity)
    if found.embedded_weight is not None:
        quantity = check_quantity(found.embedded_weight, Unit.GRAM)
    elif found.embedded_price is not None:
        fixed_amount = check_amount(found.embedded_price, allow_zero=True)
        quantity = 1 if unit is Unit.PIECE else _grams_for(found.embedded_price, product.price)
    elif quantity is None and unit is Unit.GRAM:
        # 称重商品 by PLU: the till must send the weight (from the scale, or typed in kg)
        raise DomainError("weight_required", status=409, name=product.name, sku=product.sku)
    else:
        quantity = check_quantity(1 if quantity is None else quantity, unit) * found.pack_quantity
        check_quantity(quantity, unit)
    sale.add_line(Line(
        product_id=product.id, sku=product.sku, name=product.name, unit=unit, quantity=quantity,
        unit_price=product.price, original_price=product.price,
        barcode=found.scanned if found.scanned.isdigit() and len(found.scanned) >= 8 else product.barcode,
        fixed_amount=fixed_amount, card_no=card_no, category=product.category, brand=product.brand))
    return _save(session, tickets, sale)


def _grams_for(amount: int, price_per_kg: int) -> int:
    """The weight a price-embedded code stands for, for the receipt (price is what counts)."""
    return max(1, round(amount * 1000 / price_per_kg)) if price_per_kg else 1


def change_quantity(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, line_id: int, quantity: int,
                    override: OverrideRequest | None, settings: StoreSettings) -> dict[str, Any]:
    """改数量. Taking more than the void limit off a line (added up since it was last authorised)
    needs a supervisor, as a void does."""
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    check_quantity(quantity, sale.line(line_id).unit)
    approved = _authorise(session, actor, sale.approval_to_cut(line_id, quantity), override, settings, sale, line_id)
    sale.change_quantity(line_id, quantity, approved=approved)
    return _save(session, tickets, sale)


def void_line(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, line_id: int,
              override: OverrideRequest | None, settings: StoreSettings) -> dict[str, Any]:
    """删除商品行. Above the store's limit a supervisor authorises it."""
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    approved = _authorise(session, actor, sale.approval_to_cut(line_id, None), override, settings, sale, line_id)
    cut = sale.line(line_id).gross
    line = sale.void_line(line_id, approved=approved)
    if not approved:  # within the void limit: no one authorised it, the log still shows it
        audit.record(session, actor, "void_line", f"{line.sku} {format_fen(cut)}",
                     subject=f"ticket {sale.id} line {line_id}")
    return _save(session, tickets, sale)


def override_price(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, line_id: int, price: int,
                   override: OverrideRequest | None, settings: StoreSettings) -> dict[str, Any]:
    """改价: always authorised by a supervisor; the receipt shows the original price."""
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    check_amount(price, allow_zero=True)
    _authorise(session, actor, sale.approval_to_override_price(line_id, price), override, settings, sale, line_id)
    sale.override_price(line_id, price)
    return _save(session, tickets, sale)


def park(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, settings: StoreSettings) -> dict[str, Any]:
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    sale.park()
    return _save(session, tickets, sale)


def resume(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, settings: StoreSettings) -> dict[str, Any]:
    sale = tickets.load(session, ticket_id, rules(session, settings), till=actor.till)
    if sale.status is not Status.PARKED:
        raise DomainError("ticket_not_parked", status=409)
    current = active_ticket(session, tickets, actor.till)
    if current is not None:
        if not current.is_empty or current.payments:
            raise DomainError("ticket_open", status=409)
        current.void()
        tickets.save(session, current, clock.now())
    sale.resume()
    sale.shift_id = shifts.require_open(session, actor.till).id
    return _save(session, tickets, sale)


def void_ticket(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, override: OverrideRequest | None,
                settings: StoreSettings) -> dict[str, Any]:
    """整单取消. A ticket holding payments, or above the void limit, needs a supervisor."""
    sale = tickets.load(session, ticket_id, rules(session, settings), till=actor.till)
    if sale.status not in (Status.OPEN, Status.PARKED):
        raise DomainError("ticket_closed", status=409)
    if outside.pending_on(session, sale.id):
        raise DomainError("payment_pending", status=409)
    approved = _authorise(session, actor, sale.approval_to_void(), override, settings, sale)
    subtotal, empty = sale.subtotal, sale.is_empty
    sale.void(approved=approved)
    if not approved and not empty:
        audit.record(session, actor, "void_ticket", format_fen(subtotal), subject=f"ticket {sale.id}")
    view = _save(session, tickets, sale)
    from app.paycodes import refunds_of_ticket

    # 付款码 paid on it: back to the customer's code (and HQ hears of each refund with the void)
    back = tuple(events.PaycodeRefundBack(r.provider, r.out_trade_no, r.out_refund_no, r.amount)
                 for r in refunds_of_ticket(session, sale.id, clock.now()))
    reports.record_void(session, sale, clock.now())
    # HQ releases the ticket's coupons and gives back what was spent in kind from this event.
    outbox.record(session, events.TicketVoided.of(sale, back))
    return view


def add_tender(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, method: str, amount: int,
               settings: StoreSettings) -> dict[str, Any]:
    """A tender the cashier takes without anyone outside saying yes (cash)."""
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    tender_kind(method)
    if method not in DIRECT_TENDERS:
        raise DomainError("unsupported_tender", method=method[:32])
    sale.add_payment(Payment(method, amount))
    return _save(session, tickets, sale)


def complete(session: Session, tickets: Tickets, actor: Actor, ticket_id: int, settings: StoreSettings) -> dict[str, Any]:
    """结账: the sale gets its number and its outbox event; the caller commits durably."""
    sale = open_sale(session, tickets, actor, ticket_id, settings)
    shifts.check_open(session, actor.till)
    if outside.pending_on(session, sale.id):
        raise DomainError("payment_pending", status=409)
    moment = clock.now()
    sale.complete(_next_sale_id(session, sale.till, moment.strftime("%Y%m%d")), moment)
    view = _save(session, tickets, sale)
    outbox.record(session, events.SaleCompleted(view))
    stock.record_sale(session, sale)
    reports.record_sale(session, sale)
    return {"sale_id": sale.sale_id, "total": sale.total, "change": sale.change, "rounding": sale.rounding,
            "ticket": view}


_COUNTERS = cast(Table, SaleCounter.__table__)
# the till's next number of the day in one statement: the day's first sale starts the counter at 1
_NEXT_SALE_NO = (sqlite_insert(_COUNTERS).values(till=bindparam("till"), day=bindparam("day"), seq=1)
                 .on_conflict_do_update(index_elements=[_COUNTERS.c.till, _COUNTERS.c.day],
                                        set_={"seq": _COUNTERS.c.seq + 1})
                 .returning(_COUNTERS.c.seq))
_NEXT_SALE_NO_NOW = driver.Prepared(_NEXT_SALE_NO)


def _next_sale_id(session: Session, till: str, day: str) -> str:
    seq = driver.execute(session, _NEXT_SALE_NO_NOW, {"till": till, "day": day}).fetchone()[0]
    return f"{till}-{day}-{seq:04d}"
