"""A completed sale and its receipt (text, ESC/POS bytes or a PNG; a reprint marked as a copy)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from app import checkout
from app.receipts import receipt_for
from server.store import schemas
from server.store.deps import DB, Settings, State, Who
from server.store.printed import printed
from server.store.responses import PRINTED, TicketOut

router = APIRouter(tags=["sales"])


@router.get("/sales/{sale_id}", response_model=TicketOut)
def get_sale(sale_id: schemas.SaleId, who: Who, session: DB, state: State) -> dict[str, Any]:
    return checkout.ticket_view(checkout.get_sale(session, state.tickets, sale_id))


@router.get("/sales/{sale_id}/receipt", response_class=Response, responses=PRINTED)
def receipt(
    sale_id: schemas.SaleId, who: Who, session: DB, settings: Settings, state: State,
    format: schemas.PrintOption = "text",
    profile: schemas.PrintOption = "80mm",
    kick: bool = False,
    copy: bool = False,
    raster: bool = False,
) -> Response:
    """The receipt as text, ESC/POS bytes (``kick`` adds the drawer pulse) or a PNG; ``copy`` marks a reprint."""
    return printed(receipt_for(session, state.tickets, sale_id, settings, copy=copy), format, profile, kick, raster)
