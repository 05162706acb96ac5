"""Calls to the outside world in two phases: record, commit, call, settle.

What a till's command needs from HQ (a coupon held for the ticket, stored value or points spent, a
top-up credited) — and, in the same shape, what a payment provider must authorise — never runs
inside a database write transaction, so a slow or stalled partner holds up only the till waiting
for it, never another till's scan:

1. **record** — one short transaction checks the ticket and stores the call as ``pending``, with
   everything needed to make it and to undo it (its request, with a reference unique to this call).
2. **call** — outside any transaction, with a bounded timeout. The partner dedupes by the
   reference, so sending the call again has the effect of once.
3. **settle** — a second short transaction applies the answer to the ticket, checked again (the
   ticket may have changed while we waited), and records the command's answer with it.

A call whose outcome is unknown (a timeout, a dropped connection, a crash between 1 and 3), or
whose answer can no longer be used, is ``abandoned``: the till is told so, and the ``Resumer``
undoes it in the background — the coupon released, the spend refunded — retrying while the partner
is out of reach. A partner's definite no is ``refused`` (nothing happened there). So nothing is
held or charged without a sale, whatever fails when.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import Table, bindparam, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app import clock, commands
from app.context import Actor
from app.db import driver
from app.db.models import OutsideCall
from app.domain.errors import DomainError

log = logging.getLogger("omnistore.outside")

PENDING, SETTLED, REFUSED, ABANDONED, UNDONE = "pending", "settled", "refused", "abandoned", "undone"
#: codes that mean "we don't know what happened out there", as opposed to a definite no
UNKNOWN_OUTCOME = frozenset({"hq_unreachable", "hq_error"})
#: a call still pending after this long was cut off by a crash: nobody will settle it now
ORPHANED_AFTER = timedelta(seconds=60)

T = TypeVar("T")
Request = dict[str, Any]
Answer = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Prepared:
    """What phase 1 found: the request to send, for which ticket."""

    request: Request
    ticket_id: int | None = None


Undo = Callable[[Request, "Answer | None"], None]
"""Reverses a call's effect out there (idempotently); raises a DomainError with an unknown-outcome
code to be retried later."""

_UNDO: dict[str, Undo] = {}


def register_undo(kind: str, undo: Undo) -> None:
    """How abandoned calls of ``kind`` are undone (by the resumer, after a restart too)."""
    _UNDO[kind] = undo


def run(sessions: sessionmaker[Session], actor: Actor, command_id: str, action: str, payload: dict[str, Any], *,
        kind: str, prepare: Callable[[Session, str], Prepared], call: Callable[[Request], Answer],
        settle: Callable[[Session, OutsideCall, Answer], dict[str, Any]]) -> dict[str, Any]:
    """A till's command that needs an outside yes, once per ``command_id``.

    ``prepare(session, call_id)`` checks the ticket and builds the request (the call's id makes its
    reference unique); ``call(request)`` asks the partner; ``settle(session, record, answer)``
    applies the answer and returns the command's answer.
    """
    with sessions() as session:
        answered = commands.answered(session, actor, command_id, action, payload)
        if answered is not None:
            return answered
        record = session.scalar(select(OutsideCall).where(OutsideCall.till == actor.till,
                                                          OutsideCall.command_id == command_id))
        if record is None:
            call_id = uuid.uuid4().hex
            prepared = prepare(session, call_id)
            moment = clock.now()
            record = OutsideCall(id=call_id, kind=kind, till=actor.till, operator_id=actor.operator_id,
                                 command_id=command_id, ticket_id=prepared.ticket_id, request=prepared.request,
                                 state=PENDING, created_at=moment, updated_at=moment)
            session.add(record)
            session.commit()
        elif record.state != PENDING:  # a resend of a command whose call ended without an answer
            raise DomainError(record.error or "hq_unreachable", status=503 if record.state != REFUSED else 409)
        call_id, request = record.id, dict(record.request)
    try:
        answer = call(request)
    except DomainError as error:
        _finish(sessions, call_id, ABANDONED if error.code in UNKNOWN_OUTCOME else REFUSED, error=error.code)
        raise
    except Exception:
        _finish(sessions, call_id, ABANDONED, error="hq_unreachable")
        raise
    with sessions() as session:
        record = session.get(OutsideCall, call_id)
        if record is None or record.state != PENDING:  # the resumer gave up on it while we waited
            raise DomainError("hq_unreachable", status=503)
        try:
            result = settle(session, record, answer)
            record.state, record.answer, record.updated_at = SETTLED, answer, clock.now()
            commands.remember(session, actor, command_id, action, payload, result)
            session.commit()
        except DomainError as error:
            session.rollback()
            _finish(sessions, call_id, ABANDONED, answer=answer, error=error.code)
            _undo(sessions, call_id, kind, request, answer)  # at once while the partner answers; else later
            raise
    return result


def _finish(sessions: sessionmaker[Session], call_id: str, state: str, *, answer: Answer | None = None,
            error: str | None = None) -> None:
    with sessions() as session:
        record = session.get(OutsideCall, call_id)
        if record is not None and record.state == PENDING:
            record.state, record.error, record.updated_at = state, error, clock.now()
            if answer is not None:
                record.answer = answer
            session.commit()


_PENDING: Any = None


def pending_on(session: Session, ticket_id: int) -> bool:
    """A call for this ticket is still out there, or a payment code's charge may still become a
    payment (``app.paycodes``): the ticket can't be completed or voided yet. One statement asks both."""
    global _PENDING
    if _PENDING is None:  # built once, at the first use: app.paycodes imports this module
        from app.paycodes import in_flight_clause

        calls = cast(Table, OutsideCall.__table__)
        _PENDING = driver.Prepared(select(or_(
            exists().where(calls.c.ticket_id == bindparam("ticket_id"), calls.c.state == PENDING),
            in_flight_clause(bindparam("ticket_id")))))
    return bool(driver.execute(session, _PENDING, {"ticket_id": ticket_id}).fetchone()[0])


def undo_abandoned(sessions: sessionmaker[Session], limit: int = 50, *, started: datetime | None = None) -> int:
    """One pass of the resumer: calls cut off by a crash become abandoned; abandoned calls are
    undone out there. Returns how many were undone; those whose partner is still out of reach wait
    for the next pass.

    A call is cut off when it is pending from before this process ``started`` (no request of this
    process made it), or for longer than any request waits (``ORPHANED_AFTER``)."""
    with sessions() as session:
        cutoff = max(clock.now() - ORPHANED_AFTER, started or datetime.min)
        for record in session.scalars(select(OutsideCall).where(OutsideCall.state == PENDING,
                                                                OutsideCall.updated_at < cutoff)):
            record.state, record.error, record.updated_at = ABANDONED, "interrupted", clock.now()
        session.commit()
        waiting = [(r.id, r.kind, dict(r.request), r.answer) for r in session.scalars(
            select(OutsideCall).where(OutsideCall.state == ABANDONED).order_by(OutsideCall.created_at).limit(limit))]
        session.rollback()
    return sum(_undo(sessions, call_id, kind, request, answer) for call_id, kind, request, answer in waiting)


def _undo(sessions: sessionmaker[Session], call_id: str, kind: str, request: Request, answer: Answer | None) -> bool:
    """Undo one abandoned call out there; False when the partner is still out of reach."""
    undo = _UNDO.get(kind)
    try:
        if undo is not None:
            undo(request, answer)
    except DomainError as error:
        if error.code in UNKNOWN_OUTCOME:
            _count_attempt(sessions, call_id)
            return False
        log.warning("undoing %s %s: %s", kind, call_id, error.code)  # a definite no: nothing left to undo
    with sessions() as session:
        record = session.get(OutsideCall, call_id)
        if record is None or record.state != ABANDONED:
            return False
        record.state, record.updated_at = UNDONE, clock.now()
        session.commit()
    return True


def _count_attempt(sessions: sessionmaker[Session], call_id: str) -> None:
    with sessions() as session:
        record = session.get(OutsideCall, call_id)
        if record is not None:
            record.attempts += 1
            session.commit()


class Resumer:
    """The store server's background pass over abandoned calls (at start, then every ``every`` s)."""

    def __init__(self, sessions: sessionmaker[Session], every: float = 5.0) -> None:
        self.sessions = sessions
        self.started = clock.now()
        self.every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="outside-resumer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                undo_abandoned(self.sessions, started=self.started)
            except Exception:  # a bug must not kill the thread
                log.exception("resuming outside calls failed")
            self._stop.wait(self.every)
