"""The open API for channels (mini-program, delivery platforms, ERP) with a read-scoped key:
the catalog, a store's stock, a store's day of sales."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.domain import limits
from app.hq import reports
from app.hq.settings import FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT
from server.fields import Day
from server.hq import schemas
from server.hq.deps import DB, CatalogReader, SalesReader
from server.hq.responses import CatalogPageOut, StorePageOut, StoreSalesOut
from server.responses import answer

router = APIRouter(tags=["channels"])


@router.get("/open/catalog", response_model=CatalogPageOut)
def open_catalog(
    key: CatalogReader, session: DB,
    cursor: Annotated[int, Query(ge=0, le=limits.INT4_MAX)] = 0,  # the last product id seen
    limit: Annotated[int, Query(ge=1, le=FEED_MAX_LIMIT)] = FEED_DEFAULT_LIMIT,
) -> Response:
    return answer(CatalogPageOut, reports.catalog_page(session, cursor, limit))


@router.get("/open/stock", response_model=StorePageOut)
def open_stock(
    key: CatalogReader, session: DB, store: schemas.Text16,
    sku: Annotated[list[schemas.Text32] | None, Query(max_length=200)] = None,
    cursor: schemas.Cursor = "",
    limit: Annotated[int, Query(ge=1, le=FEED_MAX_LIMIT)] = FEED_DEFAULT_LIMIT,
) -> Response:
    """A store's stock on hand, for channels that must not sell what the shelf lacks."""
    return answer(StorePageOut, reports.store_stock(session, store, sku or [], cursor, limit))


@router.get("/open/sales", response_model=StoreSalesOut)
def open_sales(key: SalesReader, session: DB, store: schemas.Text16, day: Day) -> Response:
    return answer(StoreSalesOut, reports.store_sales(session, store, day))
