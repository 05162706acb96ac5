"""Tickets at the till: scan, change quantity, void, park and resume (挂单/取单), pay cash, complete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app import auth, clock, shifts, stock
from app.catalog import lookup
from app.context import Actor, OverrideRequest
from app.db.models import Operator, SaleCounter, Tender, Ticket, TicketLine
from app.domain.apportion import largest_remainder
from app.domain.coupons import coupon_discount
from app.domain.errors import DomainError
from app.domain.limits import check_line_count
from app.domain.money import check_amount, line_amount, round_cash_due
from app.domain.quantity import Unit, check_quantity
from app.outbox import record_event
from app.settings import StoreSettings

TENDER_METHODS = ("cash",)


# ---- reading -----------------------------------------------------------------------------


def ticket_dict(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "till": ticket.till,
        "status": ticket.status,
        "operator_id": ticket.operator_id,
        "lines": [
            {
                "id": line.id,
                "sku": line.sku,
                "barcode": line.barcode,
                "name": line.name,
                "unit": line.unit,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "original_price": line.original_price,
                "amount": line.amount,
                "voided": line.voided,
                "note": line.note,
                "discount": line.discount,
                "card_no": line.card_no,
            }
            for line in ticket.lines
        ],
        "discount": ticket.discount,
        "member_no": ticket.member_no,
        "coupons": [{"code": c.code, "name": c.name, "kind": c.kind, "discount": c.discount, "offline": c.offline}
                    for c in ticket.coupons],
        "item_count": item_count(ticket),
        "subtotal": ticket.subtotal,
        "rounding": ticket.rounding,
        "total": ticket.total,
        "paid": ticket.paid,
        "due": max(0, ticket.total - ticket.paid),
        "change": ticket.change,
        "tenders": [{"id": t.id, "method": t.method, "amount": t.amount, "reference": t.reference, "ref": t.ref}
                    for t in ticket.tenders],
        "sale_id": ticket.sale_id,
        "created_at": ticket.created_at.isoformat(timespec="seconds"),
        "completed_at": ticket.completed_at.isoformat(timespec="seconds") if ticket.completed_at else None,
    }


def item_count(ticket: Ticket) -> int:
    """Pieces count one each; a weighed line counts as one item."""
    return sum(line.quantity if line.unit == Unit.PIECE else 1 for line in ticket.lines if not line.voided)


def get_ticket(session: Session, actor: Actor, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.till != actor.till:
        raise DomainError("ticket_not_found", status=404, ticket=ticket_id)
    return ticket


def active_ticket(session: Session, till: str) -> Ticket | None:
    return session.scalar(select(Ticket).where(Ticket.till == till, Ticket.status == "open").order_by(Ticket.id))


def parked_tickets(session: Session, actor: Actor) -> list[Ticket]:
    return list(
        session.scalars(select(Ticket).where(Ticket.till == actor.till, Ticket.status == "parked").order_by(Ticket.id))
    )


def _open_for_change(session: Session, actor: Actor, ticket_id: int) -> Ticket:
    ticket = get_ticket(session, actor, ticket_id)
    if ticket.status != "open":
        raise DomainError("ticket_closed", status=409)
    return ticket


def _line(ticket: Ticket, line_id: int) -> TicketLine:
    for line in ticket.lines:
        if line.id == line_id:
            if line.voided:
                raise DomainError("line_voided", status=409)
            return line
    raise DomainError("line_not_found", status=404)


def _apply_promotions(ticket: Ticket, settings: StoreSettings) -> None:
    """促销 from HQ: each line's amount after the best combination, explained in its note."""
    from app import promotions

    session = object_session(ticket)
    if session is None:
        return
    explained = promotions.explain(promotions.price_lines(session, ticket, settings.home))
    for line in ticket.lines:
        if line.voided or line.unit_price != line.original_price:
            continue  # 改价 lines keep the cashier's price and its note
        found = explained.get(str(line.id))
        line.note = found.note if found is not None else ""
        if found is not None:
            line.amount = found.final


def _recalculate(ticket: Ticket, settings: StoreSettings) -> None:
    for line in ticket.lines:
        if line.fixed_amount is not None and line.unit_price == line.original_price:
            line.amount = line.fixed_amount
        else:
            line.amount = line_amount(line.unit_price, line.quantity, Unit(line.unit).per)
    _apply_promotions(ticket, settings)
    ticket.subtotal = sum(line.amount for line in ticket.lines if not line.voided)
    # Coupons are for goods: a gift card sold on the ticket neither reaches a threshold nor takes a share.
    goods = [line for line in ticket.lines if not line.voided and line.card_no is None]
    goods_total = sum(line.amount for line in goods)
    for coupon in ticket.coupons:  # a coupon's worth follows the cart (a threshold may stop being met)
        if coupon.kind == "free_item":  # 兑换券: one of its goods on the ticket costs nothing
            line = next((x for x in ticket.lines if not x.voided and x.sku == coupon.sku), None)
            one = 0 if line is None else min(line.amount, line.unit_price if line.unit == "piece" else line.amount)
            coupon.discount = one if goods_total >= coupon.threshold else 0
        else:
            coupon.discount = coupon_discount(coupon.kind, coupon.value, coupon.threshold, goods_total)
    ticket.discount = min(goods_total, sum(c.discount for c in ticket.coupons))
    shares = largest_remainder(ticket.discount, [line.amount for line in goods]) if goods else []
    for line in ticket.lines:
        line.discount = 0
    for line, share in zip(goods, shares, strict=True):
        line.discount = share  # what each line actually paid is amount - discount (returns refund that)
    # 抹零 on what is left to pay, applied once, shown as its own line.
    due = ticket.subtotal - ticket.discount
    ticket.total = round_cash_due(due, settings.rounding)
    ticket.rounding = ticket.total - due
    ticket.paid = sum(t.amount for t in ticket.tenders)
    ticket.updated_at = clock.now()


# ---- commands ----------------------------------------------------------------------------


def open_ticket(session: Session, actor: Actor) -> dict[str, Any]:
    """Start a ticket at this till, or hand back the one already open there."""
    shift = shifts.require_open(session, actor.till)
    existing = active_ticket(session, actor.till)
    if existing is not None:
        return ticket_dict(existing)
    moment = clock.now()
    ticket = Ticket(
        till=actor.till, operator_id=actor.operator_id, shift_id=shift.id, status="open", created_at=moment, updated_at=moment
    )
    session.add(ticket)
    session.flush()
    return ticket_dict(ticket)


def add_line(
    session: Session, actor: Actor, ticket_id: int, code: str, quantity: int | None, settings: StoreSettings,
    card_no: str | None = None,
) -> dict[str, Any]:
    """Scan goods onto the ticket. A gift card (``kind`` gift_card) needs its ``card_no``, checked
    at HQ by the caller (``app.loyalty.add_gift_card``); one card per line."""
    ticket = _open_for_change(session, actor, ticket_id)
    check_line_count(len(ticket.lines) + 1)  # HQ's limit too: a sale it could not keep would never sync
    shifts.require_open(session, actor.till)
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
    line = TicketLine(
        seq=len(ticket.lines) + 1,
        product_id=product.id,
        sku=product.sku,
        barcode=found.scanned if found.scanned.isdigit() and len(found.scanned) >= 8 else product.barcode,
        name=product.name,
        unit=unit.value,
        quantity=quantity,
        unit_price=product.price,
        original_price=product.price,
        amount=0,
        fixed_amount=fixed_amount,
        voided=False,
        note="",
        card_no=card_no,
    )
    ticket.lines.append(line)
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def check_cards_bought_with_money(ticket: Ticket, adding: int = 0) -> None:
    """Stored value and points (``adding`` more of them now) pay for goods, not for gift cards sold
    on the ticket: that would turn them — bonus included — into a new card's cash."""
    cards = sum(line.amount for line in ticket.lines if line.card_no is not None and not line.voided)
    if not cards:
        return
    in_kind = sum(t.amount for t in ticket.tenders if t.method in ("stored_value", "points"))
    if in_kind + adding > ticket.total - cards:
        raise DomainError("gift_card_tender", status=409)


def _grams_for(amount: int, price_per_kg: int) -> int:
    """The weight a price-embedded code stands for, for the receipt (price is what counts)."""
    return max(1, round(amount * 1000 / price_per_kg)) if price_per_kg else 1


def change_quantity(
    session: Session, actor: Actor, ticket_id: int, line_id: int, quantity: int, settings: StoreSettings
) -> dict[str, Any]:
    ticket = _open_for_change(session, actor, ticket_id)
    line = _line(ticket, line_id)
    if line.fixed_amount is not None or line.card_no is not None:
        raise DomainError("quantity_fixed", status=409)
    line.quantity = check_quantity(quantity, Unit(line.unit))
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def void_line(
    session: Session,
    actor: Actor,
    ticket_id: int,
    line_id: int,
    override: OverrideRequest | None,
    settings: StoreSettings,
) -> dict[str, Any]:
    """删除商品行. Above the store's limit a supervisor authorises it."""
    ticket = _open_for_change(session, actor, ticket_id)
    line = _line(ticket, line_id)
    if line.amount > settings.void_line_limit:
        auth.authorise(
            session, actor, "void_line", "supervisor", override, settings,
            ticket_id=ticket.id, line_id=line.id, detail=f"{line.sku} {line.amount}",
        )
    line.voided = True
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def override_price(
    session: Session,
    actor: Actor,
    ticket_id: int,
    line_id: int,
    price: int,
    override: OverrideRequest | None,
    settings: StoreSettings,
) -> dict[str, Any]:
    """改价: always authorised by a supervisor; the receipt shows the original price."""
    ticket = _open_for_change(session, actor, ticket_id)
    line = _line(ticket, line_id)
    check_amount(price, allow_zero=True)
    auth.authorise(
        session, actor, "price_override", "supervisor", override, settings,
        ticket_id=ticket.id, line_id=line.id, detail=f"{line.sku} {line.unit_price}->{price}",
    )
    line.unit_price = price
    line.note = f"改价 原价￥{line.original_price // 100}.{line.original_price % 100:02d}"
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def park(session: Session, actor: Actor, ticket_id: int) -> dict[str, Any]:
    ticket = _open_for_change(session, actor, ticket_id)
    if ticket.tenders:
        raise DomainError("ticket_has_tenders", status=409)
    if not any(not line.voided for line in ticket.lines):
        raise DomainError("empty_ticket", status=409)
    ticket.status = "parked"
    ticket.updated_at = clock.now()
    session.flush()
    return ticket_dict(ticket)


def resume(session: Session, actor: Actor, ticket_id: int, settings: StoreSettings) -> dict[str, Any]:
    ticket = get_ticket(session, actor, ticket_id)
    if ticket.status != "parked":
        raise DomainError("ticket_not_parked", status=409)
    current = active_ticket(session, actor.till)
    if current is not None:
        if any(not line.voided for line in current.lines) or current.tenders:
            raise DomainError("ticket_open", status=409)
        current.status = "voided"
    ticket.status = "open"
    ticket.shift_id = shifts.require_open(session, actor.till).id
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def void_ticket(
    session: Session, actor: Actor, ticket_id: int, override: OverrideRequest | None, settings: StoreSettings
) -> dict[str, Any]:
    """整单取消. A ticket holding payments needs a supervisor."""
    ticket = get_ticket(session, actor, ticket_id)
    if ticket.status not in ("open", "parked"):
        raise DomainError("ticket_closed", status=409)
    if ticket.tenders or ticket.subtotal > settings.void_line_limit:
        auth.authorise(session, actor, "void_ticket", "supervisor", override, settings, ticket_id=ticket.id)
    ticket.status = "voided"
    ticket.updated_at = clock.now()
    session.flush()
    # HQ releases the ticket's coupons and refunds its stored-value payments from this event.
    record_event(session, "ticket_voided", {
        "ticket": ticket.id, "till": ticket.till, "subtotal": ticket.subtotal,
        "coupons": [c.code for c in ticket.coupons],
        "refunds": [{"card": t.reference, "ref": t.ref} for t in ticket.tenders if t.method == "stored_value"],
        "points_refunds": [{"member": t.reference, "ref": t.ref} for t in ticket.tenders if t.method == "points"],
    })
    return ticket_dict(ticket)


def add_tender(
    session: Session, actor: Actor, ticket_id: int, method: str, amount: int, settings: StoreSettings
) -> dict[str, Any]:
    ticket = _open_for_change(session, actor, ticket_id)
    if method not in TENDER_METHODS:
        raise DomainError("unsupported_tender", method=method)
    check_amount(amount)
    if not any(not line.voided for line in ticket.lines):
        raise DomainError("empty_ticket", status=409)
    ticket.tenders.append(Tender(method=method, amount=amount, created_at=clock.now()))
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def complete(session: Session, actor: Actor, ticket_id: int, settings: StoreSettings) -> dict[str, Any]:
    """结账: the sale gets its number and its outbox event; the caller commits durably."""
    ticket = _open_for_change(session, actor, ticket_id)
    shifts.require_open(session, actor.till)
    _recalculate(ticket, settings)
    if not any(not line.voided for line in ticket.lines):
        raise DomainError("empty_ticket", status=409)
    if ticket.paid < ticket.total:
        raise DomainError("insufficient_tender", status=409, due=_yuan(ticket.total - ticket.paid), due_fen=ticket.total - ticket.paid)
    check_cards_bought_with_money(ticket)  # lines may have changed since the card or points paid
    moment = clock.now()
    ticket.change = ticket.paid - ticket.total
    ticket.status = "completed"
    ticket.completed_at = moment
    ticket.sale_id = _next_sale_id(session, ticket.till, moment.strftime("%Y%m%d"))
    session.flush()
    sale = ticket_dict(ticket)
    record_event(session, "sale_completed", sale)
    stock.record_sale(session, ticket)
    return {"sale_id": ticket.sale_id, "total": ticket.total, "change": ticket.change, "rounding": ticket.rounding, "ticket": sale}


def _yuan(amount: int) -> str:
    return f"￥{amount // 100}.{amount % 100:02d}"


def _next_sale_id(session: Session, till: str, day: str) -> str:
    counter = session.get(SaleCounter, (till, day))
    if counter is None:
        counter = SaleCounter(till=till, day=day, seq=0)
        session.add(counter)
    counter.seq += 1
    return f"{till}-{day}-{counter.seq:04d}"


def get_sale(session: Session, sale_id: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.sale_id == sale_id))
    if ticket is None:
        raise DomainError("sale_not_found", status=404, sale=sale_id)
    return ticket


def operator_name(session: Session, operator_id: int) -> str:
    operator = session.get(Operator, operator_id)
    return f"{operator.code} {operator.name}" if operator else str(operator_id)
