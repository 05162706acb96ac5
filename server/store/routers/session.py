"""Signing in and out at a till, and a supervisor's PIN for a screen opened before sign-in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from app import auth, checkout, shifts
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, bearer_token
from server.store.responses import AuthorisedOut, OkOut, SessionOut

router = APIRouter(tags=["session"])


@router.post("/session", response_model=SessionOut)
def login(body: schemas.LoginIn, session: DB, settings: Settings, state: State) -> dict[str, Any]:
    token, who = auth.login(session, body.till, body.operator, body.pin, settings)
    ticket = checkout.active_ticket(session, state.tickets, who.till)
    return {
        "token": token,
        "operator": {"code": who.operator_code, "name": who.operator_name, "role": who.role},
        "till": who.till,
        "open_ticket": ticket.id if ticket else None,
        "shift": shifts.shift_dict(shifts.current(session, who.till)),
        "store_name": settings.store_name,
        "rounding": settings.rounding.value,
        "language": settings.default_language,
    }


@router.post("/authorise", response_model=AuthorisedOut)
def authorise_local(body: schemas.AuthoriseIn, session: DB, settings: Settings) -> dict[str, Any]:
    """A supervisor's PIN for a till screen opened before login (设备诊断); recorded as an override."""
    who = auth.authorise_local(session, body.till, body.operator, body.pin, body.action, settings)
    return {"ok": True, "action": body.action,
            "operator": {"code": who.operator_code, "name": who.operator_name, "role": who.role}}


@router.delete("/session", response_model=OkOut)
def logout(request: Request, who: Who, session: DB) -> dict[str, bool]:
    auth.logout(session, bearer_token(request))
    return {"ok": True}
