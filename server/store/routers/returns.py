"""退货: find the sale, see what may still come back, return it (with or without the receipt),
and print the 退货单."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from app import returns
from server.fields import Count, Day
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, command, override
from server.store.printed import printed
from server.store.responses import PRINTED, FoundSalesOut, ReturnableOut, ReturnOut

router = APIRouter(tags=["returns"])


@router.get("/sales", response_model=FoundSalesOut)
def find_sales(who: Who, session: DB, settings: Settings, day: Day, total: Count | None = None,
               member: schemas.MemberNo | None = None, code: schemas.SearchText | None = None) -> dict[str, Any]:
    """退货查单: the day's completed sales, newest first, by amount, member or goods."""
    return {"items": returns.find_sales(session, day, total=total, member_no=member, code=code, settings=settings)}


@router.get("/sales/{sale_id}/returnable", response_model=ReturnableOut)
def sale_returnable(sale_id: schemas.SaleId, who: Who, session: DB, state: State) -> dict[str, Any]:
    """The sale's lines with what each may still bring back (scan the receipt's barcode)."""
    return returns.returnable(session, state.tickets, sale_id)


@router.post("/returns", response_model=ReturnOut)
def make_return(body: schemas.ReturnIn, who: Who, session: DB, settings: Settings, state: State) -> dict[str, Any]:
    """Return all or some lines; stored value back to the card, the rest in cash."""
    lines = [(line.line_id, line.quantity) for line in body.lines]
    return command(session, who, body.command_id, "return",
                   {"sale": body.sale_id, "lines": [list(x) for x in lines]},
                   lambda: returns.make_return(session, state.tickets, who, body.sale_id, lines, body.reason,
                                               override(body), settings))


@router.post("/returns/no-receipt", response_model=ReturnOut)
def make_return_without_receipt(body: schemas.NoReceiptReturnIn, who: Who, session: DB,
                                settings: Settings) -> dict[str, Any]:
    """无小票退货: its own permission, asked every time; cash at today's shelf price."""
    lines = [(line.code, line.quantity) for line in body.lines]
    return command(session, who, body.command_id, "return_no_receipt",
                   {"lines": [list(x) for x in lines]},
                   lambda: returns.make_return_without_receipt(session, who, lines, body.reason, override(body),
                                                               settings))


@router.get("/returns/{return_no}/slip", response_class=Response, responses=PRINTED)
def return_slip(return_no: schemas.ReturnNo, who: Who, session: DB, settings: Settings,
                format: schemas.PrintOption = "text", profile: schemas.PrintOption = "80mm", kick: bool = False,
                raster: bool = False) -> Response:
    """退货单 for the customer to sign, in the receipt's formats; ``kick`` opens the drawer for a cash refund."""
    return printed(returns.slip_for(session, return_no, settings), format, profile, kick, raster)
