"""The outbox: every change writes its event for HQ in the same transaction (``app.events``)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.db.models import OutboxEvent
from app.events import Event, Kept


def record(session: Session, event: Event) -> OutboxEvent:
    """Keep ``event`` for HQ in the caller's transaction: it goes up when that commits, in order."""
    kind = event.kind if isinstance(event, Kept) else event.KIND
    row = OutboxEvent(event_id=uuid.uuid4().hex, kind=kind, payload=event.payload(), created_at=clock.now())
    session.add(row)
    return row


def record_event(session: Session, kind: str, payload: dict[str, Any]) -> OutboxEvent:
    """An event of a kind HQ keeps as sent (``Kept``)."""
    return record(session, Kept(kind, payload))
