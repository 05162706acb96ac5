"""概览 and 销售: the dashboard, its change feed and the sales journal (``app.reports``)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query

from app import reports
from app.domain.errors import DomainError
from server.fields import Day
from server.store.deps import ReadDB, Reader
from server.store.responses import DashboardOut, SalesJournalOut, SalesMarkOut

router = APIRouter()

#: the longest a dashboard's question about new sales is held open (seconds): short enough that a
#: server asked to stop (which lets requests in flight finish) stops within a few seconds
LONGEST_WAIT = 8.0


def _back_office(who: Any) -> None:
    if not who.at_least("supervisor"):
        raise DomainError("forbidden", status=403)


@router.get("/reports/dashboard", response_model=DashboardOut)
def dashboard(who: Reader, session: ReadDB, first: Annotated[Day, Query(alias="from")],
              last: Annotated[Day, Query(alias="to")]) -> dict[str, Any]:
    """概览 for the days ``from``..``to``: by hour for one day, by day for more."""
    _back_office(who)
    return reports.dashboard(session, reports.day_range(first, last)).as_dict()


@router.get("/reports/changes", response_model=SalesMarkOut)
def changes(who: Reader, session: ReadDB, since: Annotated[str, Query(max_length=40)] = "",
            wait: Annotated[float, Query(ge=0, le=LONGEST_WAIT)] = 0) -> dict[str, str]:
    """Long poll: answers with a new ``mark`` as soon as a sale completes (or after ``wait`` seconds)."""
    _back_office(who)
    session.rollback()  # hold no snapshot while waiting
    return {"mark": reports.SALE_BELL.wait(since, wait)}


def _moment(value: str, end: bool) -> datetime:
    """'2026-12-03' (the whole day) or '2026-12-03T14:30'."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime.combine(day + timedelta(days=1) if end else day, time())
        return datetime.fromisoformat(value)
    except ValueError:
        raise DomainError("invalid_request", detail=value[:32]) from None


@router.get("/reports/sales", response_model=SalesJournalOut)
def sales_journal(
    who: Reader, session: ReadDB,
    first: Annotated[str, Query(alias="from", min_length=10, max_length=19)],
    last: Annotated[str, Query(alias="to", min_length=10, max_length=19)],
    receipt: Annotated[str, Query(max_length=32)] = "",
    min_total: Annotated[int | None, Query(ge=0, le=10**12)] = None,
    max_total: Annotated[int | None, Query(ge=0, le=10**12)] = None,
    member: Annotated[str, Query(max_length=20)] = "",
    cashier: Annotated[str, Query(max_length=16)] = "",
    tender: Annotated[str, Query(max_length=16)] = "",
    limit: Annotated[int, Query(ge=1, le=reports.JOURNAL_LIMIT_MAX)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
) -> dict[str, Any]:
    """销售: completed sales from ``from`` to ``to`` (days or minutes), newest first, by receipt
    number (or its beginning), amount, member, cashier and tender."""
    _back_office(who)
    query = reports.journal_query(_moment(first, False), _moment(last, True), receipt=receipt.strip(),
                                  min_total=min_total, max_total=max_total, member=member.strip(),
                                  cashier=cashier.strip(), tender=tender.strip(), limit=limit, offset=offset)
    return reports.journal(session, query)
