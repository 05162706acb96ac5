"""Deliver the outbox to HQ in order, at least once; mark rows delivered only after HQ's ack.

HQ applies each event or parks it (搁置: it keeps its place, nothing of it applies); the ack names
the parked ones and the store keeps why on their rows, for its sync page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.db.models import OutboxEvent
from app.sync.hq_client import HqClient, HqError

BATCH = 500
#: a batch's JSON stays below HQ's limit for one batch (2 MiB), whatever its events hold
BATCH_BYTES = 1_500_000


@dataclass(frozen=True, slots=True)
class Pending:
    """The oldest event still to deliver: since when it waits, and how often HQ refused its batch."""

    seq: int
    created_at: datetime
    refusals: int


def backlog(session: Session) -> int:
    return int(session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.delivered_at.is_(None))) or 0)


def pending(session: Session, limit: int = BATCH) -> list[OutboxEvent]:
    return list(
        session.scalars(select(OutboxEvent).where(OutboxEvent.delivered_at.is_(None)).order_by(OutboxEvent.id).limit(limit))
    )


def oldest_pending(session: Session) -> Pending | None:
    row = session.execute(select(OutboxEvent.id, OutboxEvent.created_at, OutboxEvent.attempts)
                          .where(OutboxEvent.delivered_at.is_(None)).order_by(OutboxEvent.id).limit(1)).first()
    return Pending(row.id, row.created_at, row.attempts) if row is not None else None


def wire(event: OutboxEvent) -> dict[str, Any]:
    """The event as HQ receives it; ``seq`` is the outbox row id, gapless per store."""
    return {
        "event_id": event.event_id,
        "seq": event.id,
        "kind": event.kind,
        "payload": event.payload,
        "created_at": event.created_at.isoformat(),
    }


def _fitting(events: list[dict[str, Any]], max_events: int, max_bytes: int) -> list[dict[str, Any]]:
    """The first events that fit in one batch (always at least one)."""
    size, taken = 0, 0
    for event in events[:max_events]:
        size += len(json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()) + 1
        if taken and size > max_bytes:
            break
        taken += 1
    return events[:max(1, taken)]


def push_once(sessions: sessionmaker[Session], client: HqClient, max_events: int = BATCH,
              max_bytes: int = BATCH_BYTES) -> int:
    """Send one batch; returns how many events HQ now holds that we hadn't marked. Raises HqError."""
    with sessions() as session:
        batch = pending(session, max_events)
        waiting = backlog(session)
        events = _fitting([wire(e) for e in batch], max_events, max_bytes)  # while the rows are attached
        session.rollback()
    if not batch:
        return 0
    first, last = events[0]["seq"], events[-1]["seq"]
    try:
        answer = client.push_events(events, waiting)
    except HqError as error:
        if error.code == "sequence_gap" and "expected" in error.body:
            return _realign(sessions, first, int(error.body["expected"]))
        if error.code == "batch_too_large" and len(events) > 1:
            # HQ's limits are smaller than ours: halve until the batch fits, never stall on its size.
            return push_once(sessions, client, min(len(events) // 2, int(error.body.get("max_events") or BATCH)),
                             min(max_bytes, int(error.body.get("max_bytes") or max_bytes)))
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
        _record_parked(session, answer.get("parked"))
        session.commit()
    return len(acked)


def _record_parked(session: Session, parked: object) -> None:
    """HQ's word on the events it parked: kept on their rows (the sync page lists them)."""
    for item in parked if isinstance(parked, list) else []:
        if isinstance(item, dict) and isinstance(item.get("event_id"), str):
            session.execute(update(OutboxEvent).where(OutboxEvent.event_id == item["event_id"]).values(
                parked_reason=str(item.get("reason") or "")[:64], parked_field=str(item.get("field") or "")[:200]))


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
    """The batch headed by ``event_id`` failed: why, and — when HQ answered — one more refusal."""
    with sessions() as session:
        row = session.get(OutboxEvent, event_id)
        if row is not None:
            if error.code != "hq_unreachable":  # a cut link is the store being offline, not a refusal
                row.attempts += 1
            row.last_error = f"{error.code}: {error.message}"[:500]
            session.commit()


def stuck(session: Session, language: str, limit: int = 100) -> list[dict[str, Any]]:
    """Undelivered events HQ has refused at least once, oldest first; then the events HQ parked,
    newest first, each with HQ's reason in ``language``."""
    from app.messages import message

    refused = session.scalars(
        select(OutboxEvent)
        .where(OutboxEvent.delivered_at.is_(None), OutboxEvent.attempts > 0)
        .order_by(OutboxEvent.id)
        .limit(limit)
    ).all()
    parked = session.scalars(select(OutboxEvent).where(OutboxEvent.parked_reason.is_not(None))
                             .order_by(OutboxEvent.id.desc()).limit(limit)).all()
    return [
        {"seq": r.id, "event_id": r.event_id, "kind": r.kind, "attempts": r.attempts,
         "created_at": r.created_at.isoformat(timespec="seconds"), "parked": r.parked_reason is not None,
         "reason": r.parked_reason,
         "last_error": message(r.parked_reason, language, {"field": r.parked_field or "?"}) if r.parked_reason
         else r.last_error}
        for r in [*refused, *parked]
    ]
