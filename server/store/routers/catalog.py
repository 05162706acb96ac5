"""Finding a product: by barcode, PLU or in-store code, or by name and pinyin initials."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.catalog import lookup
from server.store import schemas
from server.store.deps import DB, Settings, State, Who
from server.store.responses import ProductOut, ProductsOut

SEARCH_LIMIT_MAX = 100

router = APIRouter(tags=["catalog"])


@router.get("/products/lookup", response_model=ProductOut)
def product_lookup(who: Who, session: DB, settings: Settings, code: schemas.SearchText) -> dict[str, Any]:
    return lookup(session, code, settings.in_store_layout).product.as_dict()


@router.get("/products/search", response_model=ProductsOut)
def product_search(
    who: Who, session: DB, state: State,
    q: schemas.SearchText,
    limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT_MAX)] = 20,
) -> dict[str, Any]:
    return {"items": [p.as_dict() for p in state.catalog.search(session, q, limit)]}
