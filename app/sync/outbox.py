"""Deliver the outbox to HQ in order, at least once; mark rows delivered only after HQ's ack."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.db.models import OutboxEvent
from app.sync.hq_client import HqClient, HqError

BATCH = 500


def backlog(session: Session) -> int:
    return int(session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.delivered_at.is_(None))) or 0)


def pending(session: Session, limit: int = BATCH) -> list[OutboxEvent]:
    return list(
        session.scalars(select(OutboxEvent).where(OutboxEvent.delivered_at.is_(None)).order_by(OutboxEvent.id).limit(limit))
    )


def wire(event: OutboxEvent) -> dict[str, Any]:
    """The event as HQ receives it; ``seq`` is the outbox row id, gapless per store."""
    return {
        "event_id": event.event_id,
        "seq": event.id,
        "kind": event.kind,
        "payload": event.payload,
        "created_at": event.created_at.isoformat(),
    }


def push_once(sessions: sessionmaker[Session], client: HqClient) -> int:
    """Send one batch; returns how many events HQ now holds that we hadn't marked. Raises HqError."""
    with sessions() as session:
        batch = pending(session)
        waiting = backlog(session)
        events = [wire(e) for e in batch]  # while the rows are still attached to the session
        session.rollback()
    if not batch:
        return 0
    first, last = events[0]["seq"], events[-1]["seq"]
    try:
        answer = client.push_events(events, waiting)
    except HqError as error:
        if error.code == "sequence_gap" and "expected" in error.body:
            return _realign(sessions, first, int(error.body["expected"]))
        _record_failure(sessions, first, error)
        raise
    acked = set(answer.get("acked", []))
    last_seq = int(answer.get("last_seq", last))
    with sessions() as session:
        session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id.between(first, min(last, last_seq)), OutboxEvent.delivered_at.is_(None))
            .values(delivered_at=clock.now(), last_error=None)
        )
        session.commit()
    return len(acked)


def _realign(sessions: sessionmaker[Session], first: int, expected: int) -> int:
    """HQ's last seq disagrees with ours: an ack was lost (HQ is ahead) or HQ lost data (behind)."""
    with sessions() as session:
        if expected > first:
            # HQ already holds everything before ``expected``: only the ack went missing.
            session.execute(
                update(OutboxEvent)
                .where(OutboxEvent.id < expected, OutboxEvent.delivered_at.is_(None))
                .values(delivered_at=clock.now(), last_error=None)
            )
            moved = expected - first
        else:
            # HQ is missing events we thought delivered: send them again from ``expected``.
            session.execute(update(OutboxEvent).where(OutboxEvent.id >= expected).values(delivered_at=None))
            moved = 0
        session.commit()
    return moved


def _record_failure(sessions: sessionmaker[Session], event_id: int, error: HqError) -> None:
    with sessions() as session:
        row = session.get(OutboxEvent, event_id)
        if row is not None:
            row.attempts += 1
            row.last_error = f"{error.code}: {error.message}"[:500]
            session.commit()


def stuck(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    """Undelivered events that have failed at least once, oldest first."""
    rows = session.scalars(
        select(OutboxEvent)
        .where(OutboxEvent.delivered_at.is_(None), OutboxEvent.attempts > 0)
        .order_by(OutboxEvent.id)
        .limit(limit)
    )
    return [
        {"seq": r.id, "event_id": r.event_id, "kind": r.kind, "attempts": r.attempts, "last_error": r.last_error,
         "created_at": r.created_at.isoformat(timespec="seconds")}
        for r in rows
    ]
