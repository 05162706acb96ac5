"""库存 at the back office: goods received, damage and counts, and a product's level."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import stock
from server.store import schemas
from server.store.deps import DB, Settings, Who, command
from server.store.responses import StockLevelOut, StockMovedOut

router = APIRouter(tags=["stock"])


@router.post("/stock/movements", response_model=StockMovedOut)
def move_stock(body: schemas.StockMoveIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """收货 / 报损 / 盘点 (supervisor and up); each line's new level comes back."""
    lines = [(line.code, line.quantity) for line in body.lines]
    return command(session, who, body.command_id, "stock_move", body.model_dump(exclude={"command_id"}),
                   lambda: stock.manual_move(session, who, body.reason, lines, body.note, settings.in_store_layout))


@router.get("/stock", response_model=StockLevelOut)
def stock_level(who: Who, session: DB, settings: Settings,
                code: schemas.Code) -> dict[str, Any]:
    return stock.on_hand(session, code, settings.in_store_layout)
