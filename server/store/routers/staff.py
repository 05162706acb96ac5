"""人员: the store's operators for the manager (lock, unlock, reset a PIN, logins), and an operator
changing their own PIN (``app.staff``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import commands, staff
from server.store import schemas
from server.store.deps import DB, ReadDB, Reader, Settings, Who
from server.store.responses import LoginsOut, OperatorStateOut, StaffOut

router = APIRouter(tags=["staff"])


class PinResetIn(schemas.Body):
    #: the one-time PIN the manager gives the operator (they choose their own at the next login)
    pin: schemas.Pin
    command_id: schemas.CommandId


class PinChangeIn(schemas.LoginIn):
    new_pin: schemas.Pin


@router.get("/operators", response_model=StaffOut)
def operators(who: Reader, session: ReadDB) -> dict[str, Any]:
    return staff.operators(session, who)


@router.get("/operators/{code}/logins", response_model=LoginsOut)
def logins(code: schemas.OperatorCode, who: Reader, session: ReadDB) -> dict[str, Any]:
    return staff.logins(session, who, code)


@router.post("/operators/{code}/lock", response_model=OperatorStateOut)
def lock(code: schemas.OperatorCode, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """停用: the operator can log in (and authorise) no more until unlocked."""
    return commands.run(session, who, body.command_id, "operator_lock", {"code": code},
                        lambda: staff.lock(session, who, code))


@router.post("/operators/{code}/unlock", response_model=OperatorStateOut)
def unlock(code: schemas.OperatorCode, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    return commands.run(session, who, body.command_id, "operator_unlock", {"code": code},
                        lambda: staff.unlock(session, who, code))


@router.post("/operators/{code}/pin-reset", response_model=OperatorStateOut)
def reset_pin(code: schemas.OperatorCode, body: PinResetIn, who: Who, session: DB) -> dict[str, Any]:
    """重置密码: a one-time PIN; the operator must choose a new one before the next login lets them in."""
    return commands.run(session, who, body.command_id, "pin_reset", {"code": code},
                        lambda: staff.reset_pin(session, who, code, body.pin))


@router.post("/session/pin", response_model=OperatorStateOut)
def change_pin(body: PinChangeIn, session: DB, settings: Settings) -> dict[str, Any]:
    """改密码: an operator's own PIN, with the one they have (after a reset, the one-time PIN)."""
    return staff.change_pin(session, body.till, body.operator, body.pin, body.new_pin, settings)
