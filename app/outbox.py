"""The outbox: every change writes its event for HQ in the same transaction (``app.events``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.orm import Session

from app import clock
from app.db import driver
from app.db.models import OutboxEvent
from app.events import Event, Kept

_OUTBOX = cast(Table, OutboxEvent.__table__)
_RECORD = insert(_OUTBOX).values({c: bindparam(c) for c in ("event_id", "kind", "payload", "created_at")})
_RECORD_NOW = driver.Prepared(_RECORD)


@dataclass(frozen=True, slots=True)
class Recorded:
    """An event kept in the outbox: its row and its id for HQ."""

    id: int
    event_id: str


def record(session: Session, event: Event) -> Recorded:
    """Keep ``event`` for HQ in the caller's transaction: it goes up when that commits, in order.

    One INSERT, run now: the events of one transaction take their places in the order recorded."""
    kind = event.kind if isinstance(event, Kept) else event.KIND
    event_id = uuid.uuid4().hex
    key = driver.insert(session, _RECORD_NOW, {"event_id": event_id, "kind": kind,
                                               "payload": driver.Json(event.payload()), "created_at": clock.now()})
    return Recorded(key, event_id)


def record_event(session: Session, kind: str, payload: dict[str, Any]) -> Recorded:
    """An event of a kind HQ keeps as sent (``Kept``)."""
    return record(session, Kept(kind, payload))
