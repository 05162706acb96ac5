"""Idempotent commands: a client-made ``command_id`` makes a retried call change nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.context import Actor
from app.db.models import Command
from app.domain.errors import DomainError

MAX_COMMAND_ID = 64


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
    existing = session.get(Command, command_id)
    if existing is not None:
        if existing.fingerprint != print_:
            raise DomainError("command_id_reused", status=409)
        session.rollback()
        return existing.response
    try:
        response = change()
        session.add(
            Command(
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


def apply(session: Session, change: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Apply ``change`` and commit it, for the few calls whose own rule makes a retry harmless
    (one open shift per till, one open ticket per till) and that may come without a command id."""
    try:
        response = change()
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return response
