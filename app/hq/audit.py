"""The stores' audit logs at HQ: each ``audit_recorded`` entry kept once per store and seq, as the
store chained it, and checked with the store's own rule (``app.domain.audit_chain``): a store whose
log was changed behind its back shows where. An operator's PIN changed at a store
(``pin_changed``) becomes the chain's PIN for them and goes down to every store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit_chain import Chained, Entry, verify
from app.domain.errors import DomainError
from app.events import AuditRecorded, PinChanged
from app.hq import changes
from app.hq.changes import ChangeRow
from app.hq.models import AuditEntry, Operator, Store

MAX_PAGE = 1000


def keep_entry(session: Session, store: Store, entry: AuditRecorded) -> None:
    """One entry, kept once (a store resending it changes nothing)."""
    if session.scalar(select(AuditEntry.id).where(AuditEntry.store_id == store.id, AuditEntry.seq == entry.seq)):
        return
    session.add(AuditEntry(store_id=store.id, seq=entry.seq, at=entry.at, till=entry.till, actor=entry.actor,
                           approver=entry.approver, action=entry.action, subject=entry.subject, detail=entry.detail,
                           prev_hash=entry.prev_hash, hash=entry.hash))
    session.flush()


def change_pin(session: Session, changed: PinChanged) -> None:
    """The operator's new PIN hash for every store (an operator HQ does not know changes nothing)."""
    operator = session.get(Operator, changed.operator)
    if operator is None:
        return
    operator.pin_hash = changed.pin_hash
    changes.record(session, [ChangeRow("operator", operator.code, {
        "code": operator.code, "name": operator.name, "role": operator.role, "pin_hash": operator.pin_hash,
        "active": operator.active, "must_change_pin": changed.must_change})])


def store_audit(session: Session, store_code: str, limit: int = 200) -> dict[str, Any]:
    """A store's audit log as HQ holds it, newest first, and whether the chain HQ holds is intact."""
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise DomainError("unknown_store", status=404, store=store_code[:16])
    rows = list(session.scalars(select(AuditEntry).where(AuditEntry.store_id == store.id).order_by(AuditEntry.seq)))
    verdict = verify(Chained(Entry(r.seq, r.at, r.till, r.actor, r.approver, r.action, r.subject, dict(r.detail)),
                             r.prev_hash, r.hash) for r in rows)
    newest = rows[::-1][:max(1, min(limit, MAX_PAGE))]
    return {"store": store.code, "intact": verdict.intact, "entries": len(rows), "broken_at": verdict.broken_at,
            "items": [{"seq": r.seq, "at": r.at.isoformat(timespec="seconds"), "till": r.till, "actor": r.actor,
                       "approver": r.approver, "action": r.action, "subject": r.subject,
                       "detail": str(r.detail.get("text", "")) if isinstance(r.detail, dict) else "",
                       "amount": r.detail.get("amount") if isinstance(r.detail, dict)
                       and isinstance(r.detail.get("amount"), int) else None, "hash": r.hash} for r in newest]}
