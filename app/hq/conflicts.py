"""未能处理的券、储值、积分事项: steps from a store's events HQ could not carry out (ingest keeps
them as ``LoyaltyConflict`` rows), listed for HQ and for the store's manager, who sets each one
right in the store and then marks it handled (已处理) with a note of what was done.

Marking is once: a second manager's note never overwrites the first (``conflict_already_resolved``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import limits
from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import LoyaltyConflict, Store

#: the longest note a manager may leave (the column's width)
NOTE_MAX = limits.RESOLUTION_NOTE.max_length


def listing(session: Session, store_code: str | None = None, *, include_resolved: bool = False,
            limit: int = 500) -> dict[str, Any]:
    """The open conflicts (or all, with ``include_resolved``) of one store or every store, newest first."""
    query = (select(Store.code, LoyaltyConflict).join(Store, Store.id == LoyaltyConflict.store_id)
             .order_by(LoyaltyConflict.id.desc()).limit(limit))
    if store_code:
        query = query.where(Store.code == store_code)
    if not include_resolved:
        query = query.where(LoyaltyConflict.resolved_at.is_(None))
    return {"items": [conflict_dict(code, conflict) for code, conflict in session.execute(query)]}


def resolve(session: Session, store: Store, conflict_id: int, operator: str, note: str) -> dict[str, Any]:
    """已处理: ``operator`` of ``store`` marks one of the store's own conflicts handled with ``note``."""
    note = check_note(note)
    conflict = session.scalar(select(LoyaltyConflict).where(
        LoyaltyConflict.id == conflict_id, LoyaltyConflict.store_id == store.id).with_for_update())
    if conflict is None:  # another store's looks the same as none: a store sees only its own
        raise DomainError("conflict_not_found", status=404, conflict=conflict_id)
    if conflict.resolved_at is not None:
        raise DomainError("conflict_already_resolved", status=409, conflict=conflict_id,
                          by=conflict.resolved_by or "")
    conflict.resolved_at, conflict.resolved_by, conflict.resolution = clock.now(), operator, note
    session.flush()
    return conflict_dict(store.code, conflict)


def check_note(note: str) -> str:
    """The manager's note, trimmed: something must be said, and at most :data:`NOTE_MAX` characters."""
    note = note.strip()
    if not note or len(note) > NOTE_MAX:
        raise DomainError("resolution_note_invalid", status=422, limit=NOTE_MAX)
    return note


def conflict_dict(store_code: str, conflict: LoyaltyConflict) -> dict[str, Any]:
    return {"id": conflict.id, "store": store_code, "event_id": conflict.event_id, "subject": conflict.subject,
            "action": conflict.action, "reason": conflict.reason, "at": clock.aware(conflict.created_at).isoformat(),
            "resolved_at": clock.aware(conflict.resolved_at).isoformat() if conflict.resolved_at else None,
            "resolved_by": conflict.resolved_by, "resolution": conflict.resolution}
