"""Idempotent commands: a client-made ``command_id`` makes a retried call change nothing.

An id belongs to the till and the operator that sent it: another till (or another operator)
sending the same id runs its own command and never sees the first one's answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.context import Actor
from app.db.models import Command
from app.domain.errors import DomainError

MAX_COMMAND_ID = 64
#: the till of commands recorded before ids were scoped, when their answer did not name one
#: (store migration 0012): a retry from any till of their operator still finds them
LEGACY_TILL = ""


def fingerprint(action: str, payload: dict[str, Any]) -> str:
    body = json.dumps({"action": action, "payload": payload}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def run(
    session: Session,
    actor: Actor,
    command_id: str,
    action: str,
    payload: dict[str, Any],
    change: Callable[[], dict[str, Any]],
) -> dict[str, Any]:
    """Apply ``change`` once per ``command_id``; a repeat returns the first answer unchanged.

    The command row is written in the same transaction as the change, so a crash either
    leaves both or neither.
    """
    if not command_id or len(command_id) > MAX_COMMAND_ID or not command_id.isprintable():
        raise DomainError("invalid_request", detail="command_id")
    print_ = fingerprint(action, payload)
    existing = session.scalar(select(Command).where(
        Command.till.in_((actor.till, LEGACY_TILL)), Command.operator_id == actor.operator_id,
        Command.id == command_id).order_by(Command.till.desc()).limit(1))
    if existing is not None:
        if existing.fingerprint != print_:
            raise DomainError("command_id_reused", status=409)
        session.rollback()
        return existing.response
    try:
        response = change()
        session.add(
            Command(
                till=actor.till,
                id=command_id,
                operator_id=actor.operator_id,
                action=action,
                fingerprint=print_,
                response=response,
                created_at=clock.now(),
            )
        )
        session.commit()  # synchronous=FULL: durable once this returns
    except BaseException:
        session.rollback()
        raise
    return response
