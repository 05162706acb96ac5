"""HQ's views: sales, gift-card finance, loyalty conflicts across stores, the stores' sync health."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.domain.errors import DomainError
from app.hq import conflicts, gift_cards, reports
from app.messages import language_of
from server.fields import Count, Day
from server.hq import schemas
from server.hq.deps import DB, Admin, SalesReader
from server.hq.responses import ConflictsOut, GiftCardReportOut, SalesReportOut, SyncHealthOut
from server.responses import answer

router = APIRouter(tags=["reports"])

#: the gift-card report's detail for the spreadsheet (``format=csv``)
CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}


@router.get("/reports/sales", response_model=SalesReportOut)
def sales_report(
    key: SalesReader, session: DB,
    first: Annotated[Day, Query(alias="from")], last: Annotated[Day, Query(alias="to")],
    store: schemas.Text16 | None = None,
) -> dict[str, Any]:
    if last < first:
        raise DomainError("invalid_field", status=422, field="to", value=last.isoformat())
    return reports.sales_report(session, first, last, store)


@router.get("/reports/gift-cards", response_model=GiftCardReportOut, responses=CSV)
def gift_card_report(
    key: SalesReader, session: DB, request: Request,
    first: Annotated[Day, Query(alias="from")], last: Annotated[Day, Query(alias="to")],
    store: schemas.Text16 | None = None,
    cursor: Count = 0,
    limit: Annotated[int, Query(ge=1, le=5_000)] = 500,
    output: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> Response:
    """礼品卡报表: issue, use, refund and expiry detail with the opening and closing balance;
    ``format=csv`` is the whole detail for the spreadsheet."""
    if output == "csv":
        data = gift_cards.finance_csv(session, first, last, store,
                                      language_of(request.headers.get("accept-language")))
        name = f"gift-cards-{first.isoformat()}-{last.isoformat()}.csv"
        return Response(data, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return answer(GiftCardReportOut, gift_cards.finance_report(session, first, last, store, cursor, limit))


@router.get("/reports/loyalty-conflicts", response_model=ConflictsOut)
def loyalty_conflicts(admin: Admin, session: DB, store: schemas.Text16 | None = None,
                      everything: Annotated[bool, Query(alias="all")] = False) -> dict[str, Any]:
    """Coupon and stored-value steps from store events HQ could not carry out, newest first: the
    open ones, or with ``all`` those the stores' managers have handled too."""
    return conflicts.listing(session, store, include_resolved=everything)


@router.get("/reports/sync-health", response_model=SyncHealthOut)
def sync_health(admin: Admin, session: DB) -> dict[str, Any]:
    return reports.sync_health(session)
