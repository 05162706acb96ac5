"""优惠券 on a ticket: HQ checks and holds a coupon for the ticket, or lets it go."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import loyalty
from server.fields import RowId
from server.responses import HQ_FAULTS
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, command
from server.store.responses import TicketOut

router = APIRouter(tags=["coupons"])


@router.post("/tickets/{ticket_id}/coupons", response_model=TicketOut, responses=HQ_FAULTS)
def ticket_coupon(ticket_id: RowId, body: schemas.CouponIn, who: Who, settings: Settings,
                  state: State) -> dict[str, Any]:
    """Add a coupon: HQ checks and reserves it for this ticket (in two phases: ``app.outside``)."""
    return loyalty.add_coupon(state.sessions, state.tickets, who, body.command_id, ticket_id, body.code,
                              state.hq(), settings)


@router.post("/tickets/{ticket_id}/coupons/{code}/remove", response_model=TicketOut)
def ticket_coupon_remove(ticket_id: RowId, code: schemas.CouponCode, body: schemas.CommandIn, who: Who, session: DB,
                         settings: Settings, state: State) -> dict[str, Any]:
    return command(session, who, body.command_id, "coupon_remove", {"ticket": ticket_id, "code": code},
                   lambda: loyalty.remove_coupon(session, state.tickets, who, ticket_id, code, state.hq(), settings))
