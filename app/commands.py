"""Idempotent commands: a client-made ``command_id`` makes a retried call change nothing.

An id belongs to the till and the operator that sent it: another till (or another operator)
sending the same id runs its own command and never sees the first one's answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, Text, bindparam, insert, select
from sqlalchemy.orm import Session

from app import clock
from app.context import Actor
from app.db import driver
from app.db.models import Command
from app.domain.errors import DomainError

MAX_COMMAND_ID = 64
#: the till of commands recorded before ids were scoped, when their answer did not name one
#: (store migration 0012): a retry from any till of their operator still finds them
LEGACY_TILL = ""

_COMMANDS = cast(Table, Command.__table__)
# this till's own answer and one recorded before ids were scoped (at most one each: the key); the
# till's own wins. No ORDER BY and LIMIT: picking of two rows costs less than SQLAlchemy's LIMIT.
_ANSWERED = (select(_COMMANDS.c.till, _COMMANDS.c.fingerprint, _COMMANDS.c.response)
             .where(_COMMANDS.c.till.in_((bindparam("till"), LEGACY_TILL)),
                    _COMMANDS.c.operator_id == bindparam("operator_id"), _COMMANDS.c.id == bindparam("command_id")))
# the answer goes in as the JSON text it is, written once here: compact and in UTF-8, it is half the
# bytes (and the WAL pages) of the column type's escaped form, which a resend reads back the same
_REMEMBER = insert(_COMMANDS).values({**{c: bindparam(c) for c in ("till", "id", "operator_id", "action",
                                                                   "fingerprint", "created_at")},
                                      "response": bindparam("response", type_=Text())})
_ANSWERED_NOW = driver.Prepared(_ANSWERED)
_REMEMBER_NOW = driver.Prepared(_REMEMBER)


def fingerprint(action: str, payload: dict[str, Any]) -> str:
    body = json.dumps({"action": action, "payload": payload}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def answered(session: Session, actor: Actor, command_id: str, action: str, payload: dict[str, Any]) -> dict[str, Any] | None:
    """The first answer to ``actor``'s ``command_id`` if it was carried out already (a resend), else None.

    The same id with a different request is refused (``command_id_reused``)."""
    if not command_id or len(command_id) > MAX_COMMAND_ID or not command_id.isprintable():
        raise DomainError("invalid_request", detail="command_id")
    found = driver.execute(session, _ANSWERED_NOW, {"till": actor.till, "operator_id": actor.operator_id,
                                                     "command_id": command_id}).fetchall()
    if not found:
        return None
    existing = max(found, key=lambda row: row.till != LEGACY_TILL)
    if existing.fingerprint != fingerprint(action, payload):
        raise DomainError("command_id_reused", status=409)
    return dict(json.loads(existing.response))


def as_json(response: dict[str, Any]) -> str:
    """An answer as the API sends it and the command's row keeps it: compact, in UTF-8."""
    return json.dumps(response, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Answer:
    """A command's answer and its JSON text, serialised once: what is recorded is what is sent."""

    data: dict[str, Any]
    text: str

    @classmethod
    def of(cls, data: dict[str, Any]) -> Answer:
        return cls(data, as_json(data))


def remember(session: Session, actor: Actor, command_id: str, action: str, payload: dict[str, Any],
             response: dict[str, Any]) -> str:
    """Keep the answer to ``actor``'s ``command_id`` in the transaction that made the change (the
    caller commits); its JSON text."""
    text = as_json(response)
    driver.execute(session, _REMEMBER_NOW, {
        "till": actor.till, "id": command_id, "operator_id": actor.operator_id, "action": action,
        "fingerprint": fingerprint(action, payload), "response": text, "created_at": clock.now()})
    return text


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
    return run_answer(session, actor, command_id, action, payload, change).data


def run_answer(session: Session, actor: Actor, command_id: str, action: str, payload: dict[str, Any],
               change: Callable[[], dict[str, Any]]) -> Answer:
    """``run``, with the answer's JSON text as recorded (a route sends it as it is)."""
    existing = answered(session, actor, command_id, action, payload)
    if existing is not None:
        session.rollback()
        return Answer.of(existing)
    try:
        response = change()
        text = remember(session, actor, command_id, action, payload, response)
        session.commit()  # synchronous=FULL: durable once this returns
    except BaseException:
        session.rollback()
        raise
    return Answer(response, text)


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
