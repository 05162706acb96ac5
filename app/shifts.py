"""班次: open with a float (备用金), close with a blind count and the over/short (长短款)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from app import clock, outbox
from app.context import Actor
from app.db import driver
from app.db.models import PaymentRefund, Return, Shift, Tender, Ticket, TopUp
from app.domain.errors import DomainError
from app.domain.money import check_amount
from app.domain.sale import TENDERS
from app.events import SHIFT_CLOSED, SHIFT_OPENED, Kept, TicketVoided


def current(session: Session, till: str) -> Shift | None:
    return session.scalar(select(Shift).where(Shift.till == till, Shift.status == "open"))


_OPEN_AT = (select(cast(Table, Shift.__table__).c.id)
            .where(cast(Table, Shift.__table__).c.till == bindparam("till"),
                   cast(Table, Shift.__table__).c.status == "open"))
_OPEN_AT_NOW = driver.Prepared(_OPEN_AT)


def check_open(session: Session, till: str) -> None:
    """``shift_not_open`` unless the till has an open shift (one indexed read, no row loaded)."""
    if driver.execute(session, _OPEN_AT_NOW, {"till": till}).fetchone() is None:
        raise DomainError("shift_not_open", status=409)


def require_open(session: Session, till: str) -> Shift:
    shift = current(session, till)
    if shift is None:
        raise DomainError("shift_not_open", status=409)
    return shift


def shift_dict(shift: Shift | None) -> dict[str, Any] | None:
    if shift is None:
        return None
    return {
        "id": shift.id,
        "till": shift.till,
        "operator_id": shift.operator_id,
        "float": shift.float_amount,
        "opened_at": shift.opened_at.isoformat(timespec="seconds"),
        "status": shift.status,
        "closed_at": shift.closed_at.isoformat(timespec="seconds") if shift.closed_at else None,
        "counted": shift.counted,
        "expected": shift.expected,
        "over_short": None if shift.counted is None or shift.expected is None else shift.counted - shift.expected,
    }


def open_shift(session: Session, actor: Actor, float_amount: int) -> dict[str, Any]:
    check_amount(float_amount, allow_zero=True)
    if current(session, actor.till) is not None:
        raise DomainError("shift_already_open", status=409)
    _day_still_open(session)
    shift = Shift(till=actor.till, operator_id=actor.operator_id, float_amount=float_amount, opened_at=clock.now())
    session.add(shift)
    session.flush()
    outbox.record(session, Kept(SHIFT_OPENED, shift_dict(shift) or {}))
    return shift_dict(shift) or {}


def _day_still_open(session: Session) -> None:
    """A shift counts on the day it opens (日结): once that day is closed, no shift opens on it."""
    from app.db.models import DayClose

    today = clock.now().date().isoformat()
    closed = session.scalar(select(DayClose.z_no).where(DayClose.business_day == today))
    if closed is not None:
        raise DomainError("day_already_closed", status=409, day=today, z_no=closed)


def expected_cash(session: Session, shift: Shift) -> int:
    """Float plus cash taken and cash top-ups (充值), less change given and cash refunded (退货, and
    payment-code refunds the provider refused, paid in cash instead), over the shift."""
    cash_in = session.scalar(
        select(func.coalesce(func.sum(Tender.amount), 0))
        .join(Ticket, Ticket.id == Tender.ticket_id)
        .where(Ticket.shift_id == shift.id, Ticket.status == "completed",
               Tender.method.in_([kind.code for kind in TENDERS.values() if kind.in_drawer]))
    )
    change = session.scalar(
        select(func.coalesce(func.sum(Ticket.change), 0)).where(Ticket.shift_id == shift.id, Ticket.status == "completed")
    )
    refunded = session.scalar(select(func.coalesce(func.sum(Return.cash), 0)).where(Return.shift_id == shift.id))
    topped_up = session.scalar(select(func.coalesce(func.sum(TopUp.amount), 0)).where(TopUp.shift_id == shift.id,
                                                                                  TopUp.method == "cash"))
    paid_out = session.scalar(select(func.coalesce(func.sum(PaymentRefund.amount), 0))
                              .where(PaymentRefund.cash_shift_id == shift.id))
    return (shift.float_amount + int(cash_in or 0) - int(change or 0) - int(refunded or 0) + int(topped_up or 0)
            - int(paid_out or 0))


def _void_empty_tickets(session: Session, till: str) -> None:
    """An open ticket with nothing on it must not carry the closed shift into the next one."""
    empty = session.scalars(select(Ticket).where(Ticket.till == till, Ticket.status == "open", Ticket.subtotal == 0))
    for ticket in empty:
        ticket.status = "voided"
        ticket.updated_at = clock.now()
        ticket.version += 1  # the store server's copy of it is stale now (app.tickets)
        outbox.record(session, TicketVoided(ticket.id, ticket.till, 0))


def close_shift(session: Session, actor: Actor, counted: int) -> dict[str, Any]:
    """交班 with a blind count: the expected amount is revealed only in the answer."""
    check_amount(counted, allow_zero=True)
    shift = require_open(session, actor.till)
    busy = session.scalar(
        select(func.count(Ticket.id)).where(Ticket.till == actor.till, Ticket.status == "open", Ticket.subtotal > 0)
    )
    if busy:
        raise DomainError("ticket_open", status=409)
    _void_empty_tickets(session, actor.till)
    shift.expected = expected_cash(session, shift)
    shift.counted = counted
    shift.closed_at = clock.now()
    shift.status = "closed"
    session.flush()
    summary = shift_dict(shift) or {}
    outbox.record(session, Kept(SHIFT_CLOSED, summary))
    return summary
