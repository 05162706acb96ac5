"""现金退款 at HQ: a store paid in cash a payment-code refund the provider refused for good
(``paycode_refund_paid_in_cash``). The return's tender row under that refund number gives the
amount back to the provider's column and the cash column takes it, so HQ's tenders show what the
drawer and the provider's bill show. Without the return's row (not here yet) the event is parked."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.sale import CASH
from app.events import PaycodeRefundPaidInCash
from app.hq.models import SaleTender, Store


class RefundNotHere(LookupError):
    """The refund's tender row is not at HQ (or is smaller than what was paid in cash)."""


def pay_in_cash(session: Session, store: Store, event: PaycodeRefundPaidInCash) -> None:
    row = session.scalar(select(SaleTender).where(SaleTender.store_id == store.id,
                                                  SaleTender.out_refund_no == event.out_refund_no,
                                                  SaleTender.method == event.provider).with_for_update())
    if row is None:
        raise RefundNotHere(f"refund {event.out_refund_no} unknown")
    if -row.amount < event.amount:
        raise RefundNotHere(f"refund {event.out_refund_no} is {-row.amount}, not {event.amount}")
    row.amount += event.amount
    cash = session.get(SaleTender, (store.id, row.sale_id, CASH))
    if cash is None:
        session.add(SaleTender(store_id=store.id, sale_id=row.sale_id, method=CASH, amount=-event.amount,
                               business_day=row.business_day))
    else:
        cash.amount -= event.amount
    session.flush()
