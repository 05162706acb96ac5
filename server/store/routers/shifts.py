"""班次: the till's shift, opened with a float and closed with a blind count."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import shifts
from server.store import schemas
from server.store.deps import DB, Who, command
from server.store.responses import CurrentShiftOut, ShiftOut

router = APIRouter(tags=["shifts"])


@router.get("/shifts/current", response_model=CurrentShiftOut)
def current_shift(who: Who, session: DB) -> dict[str, Any]:
    return {"shift": shifts.shift_dict(shifts.current(session, who.till))}


@router.post("/shifts/open", response_model=ShiftOut)
def open_shift(body: schemas.ShiftOpenIn, who: Who, session: DB) -> dict[str, Any]:
    return command(session, who, body.command_id, "open_shift", {"float": body.float},
                   lambda: shifts.open_shift(session, who, body.float))


@router.post("/shifts/close", response_model=ShiftOut)
def close_shift(body: schemas.ShiftCloseIn, who: Who, session: DB) -> dict[str, Any]:
    return command(session, who, body.command_id, "close_shift", {"counted": body.counted},
                   lambda: shifts.close_shift(session, who, body.counted))
