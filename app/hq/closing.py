"""The stores' day closes at HQ: a ``day_closed`` event (the store's Z report) is kept once per
store and business day; ``cash_deposited`` adds to what was deposited against it. The sales
report shows which days a store has closed, with the Z's number and its figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq.models import DayClose, Store

DAY_CLOSED = "day_closed"
CASH_DEPOSITED = "cash_deposited"
KINDS = (DAY_CLOSED, CASH_DEPOSITED)


def apply(session: Session, store: Store, kind: str, event_id: str, payload: dict[str, Any]) -> None:
    """One event of the store's stream, in the ingest's transaction. A Z for a day already kept
    (a store that sent it under another id) changes nothing."""
    if kind == DAY_CLOSED:
        report = payload.get("report")
        day = _day(payload, event_id)
        if not isinstance(report, dict) or not _whole(payload.get("z_no")) or \
                not all(_whole(report.get(k, 0)) for k in ("net_total", "sales_count")):
            raise DomainError("invalid_request", status=422, detail=f"{event_id}: day_closed")
        if session.scalar(select(DayClose.id).where(DayClose.store_id == store.id, DayClose.business_day == day)):
            return
        session.add(DayClose(store_id=store.id, business_day=day, z_no=int(payload["z_no"]),
                             net_total=int(report.get("net_total") or 0), sales_count=int(report.get("sales_count") or 0),
                             cash_counted=report.get("cash_counted"), deposited=0, report=report, event_id=event_id))
        session.flush()
    elif kind == CASH_DEPOSITED:
        day = _day(payload, event_id)
        if not _whole(payload.get("amount")):
            raise DomainError("invalid_request", status=422, detail=f"{event_id}: cash_deposited")
        session.execute(update(DayClose).where(DayClose.store_id == store.id, DayClose.business_day == day)
                        .values(deposited=DayClose.deposited + int(payload["amount"])))


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62


def _day(payload: dict[str, Any], event_id: str) -> date:
    try:
        return date.fromisoformat(str(payload.get("business_day")))
    except ValueError:
        raise DomainError("invalid_request", status=422, detail=f"{event_id}: business_day") from None


def closed_days(session: Session, store_ids: list[int], first: date, last: date) -> dict[tuple[int, date], dict[str, Any]]:
    """(store id, day) → the Z's number and figures, for the sales report."""
    rows = session.scalars(select(DayClose).where(DayClose.store_id.in_(store_ids), DayClose.business_day >= first,
                                                  DayClose.business_day <= last)) if store_ids else []
    return {(r.store_id, r.business_day): {"z_no": r.z_no, "net_total": r.net_total, "sales_count": r.sales_count,
                                           "cash_counted": r.cash_counted, "deposited": r.deposited} for r in rows}
