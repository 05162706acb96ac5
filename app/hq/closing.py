"""The stores' day closes at HQ: a ``day_closed`` event (the store's Z report) is kept once per
store and business day; ``cash_deposited`` adds to what was deposited against it. The sales
report shows which days a store has closed, with the Z's number and its figures."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.events import CashDeposited, DayClosed
from app.hq.models import DayClose, Store


def keep_day_close(session: Session, store: Store, event_id: str, z: DayClosed) -> None:
    """A store's Z, kept once per store and business day: one for a day already kept (a store that
    sent it under another id) changes nothing."""
    if session.scalar(select(DayClose.id).where(DayClose.store_id == store.id, DayClose.business_day == z.business_day)):
        return
    session.add(DayClose(store_id=store.id, business_day=z.business_day, z_no=z.z_no, net_total=z.net_total,
                         sales_count=z.sales_count, cash_counted=z.report.get("cash_counted"), deposited=0,
                         report=z.report, event_id=event_id))
    session.flush()


def add_deposit(session: Session, store: Store, deposit: CashDeposited) -> None:
    """缴款 against the store's Z of that day."""
    session.execute(update(DayClose).where(DayClose.store_id == store.id,
                                           DayClose.business_day == deposit.business_day)
                    .values(deposited=DayClose.deposited + deposit.amount))


def closed_days(session: Session, store_ids: list[int], first: date, last: date) -> dict[tuple[int, date], dict[str, Any]]:
    """(store id, day) → the Z's number and figures, for the sales report."""
    rows: Iterable[DayClose] = session.scalars(select(DayClose).where(
        DayClose.store_id.in_(store_ids), DayClose.business_day >= first, DayClose.business_day <= last)) \
        if store_ids else []
    return {(r.store_id, r.business_day): {"z_no": r.z_no, "net_total": r.net_total, "sales_count": r.sales_count,
                                           "cash_counted": r.cash_counted, "deposited": r.deposited} for r in rows}
