"""The outbox: every change writes its event for HQ in the same transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.db.models import OutboxEvent


def record_event(session: Session, kind: str, payload: dict[str, Any]) -> OutboxEvent:
    event = OutboxEvent(event_id=uuid.uuid4().hex, kind=kind, payload=payload, created_at=clock.now())
    session.add(event)
    return event
