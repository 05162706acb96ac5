"""会员 at the till, asked of HQ: find or register a member, attach them to the ticket, pay with
their points."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import loyalty
from server.fields import RowId
from server.hq.responses import Member360Out, MemberOut
from server.responses import HQ_FAULTS
from server.store import schemas
from server.store.deps import Settings, State, Who
from server.store.responses import TicketOut

router = APIRouter(tags=["members"])


@router.get("/members/lookup", response_model=MemberOut, responses=HQ_FAULTS)
def member_lookup(who: Who, state: State, phone: schemas.MemberPhone = "", card: schemas.MemberNo = "",
                  code: schemas.SearchText = "") -> dict[str, Any]:
    """By phone, card number or the member's dynamic code (scanned or typed)."""
    return loyalty.find_member(state.hq(), phone=phone.strip(), card=card.strip(), code=code.strip())


@router.post("/members", response_model=MemberOut, responses=HQ_FAULTS)
def member_register(body: schemas.MemberIn, who: Who, state: State) -> dict[str, Any]:
    return loyalty.register_member(state.hq(), body.phone.strip(), body.name.strip())


@router.post("/tickets/{ticket_id}/member", response_model=TicketOut, responses=HQ_FAULTS)
def ticket_member(ticket_id: RowId, body: schemas.TicketMemberIn, who: Who, settings: Settings,
                  state: State) -> dict[str, Any]:
    """HQ says the member's tier first (outside the store's transaction); the ticket is repriced."""
    return loyalty.attach_member(state.sessions, state.tickets, who, body.command_id, ticket_id, body.member_no,
                                 settings, state.hq())


@router.post("/tickets/{ticket_id}/points", response_model=TicketOut, responses=HQ_FAULTS)
def ticket_points(ticket_id: RowId, body: schemas.PointsIn, who: Who, settings: Settings,
                  state: State) -> dict[str, Any]:
    """积分抵现 with the attached member's points (HQ is asked in two phases: ``app.outside``)."""
    return loyalty.pay_points(state.sessions, state.tickets, who, body.command_id, ticket_id, body.amount,
                              state.hq(), settings)


@router.get("/members/{member_no}/360", response_model=Member360Out, responses=HQ_FAULTS)
def member_360(member_no: schemas.MemberNo, who: Who, state: State) -> dict[str, Any]:
    """会员 360 for the manager, asked of HQ (``hq_unreachable`` while HQ is out of reach)."""
    return loyalty.member_360(state.hq(), who, member_no.strip())
