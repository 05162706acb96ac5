"""审计: the store's append-only, hash-chained log of what a manager must be able to check later —
every override (who asked, who authorised, what), a drawer opened without a sale, a price
changed, a void, a return without a receipt, a PIN reset, an operator locked or unlocked, a Z, a
deposit, a settings change.

An entry is written in the transaction of the action it records (``record``), so one never stands
without the other. Each carries the hash of the one before it (``app.domain.audit_chain``):
``verify`` (the back office's button, ``omnistore audit verify``) names the first entry that was
changed, removed or inserted behind the store's back. Every entry goes up to HQ as an
``audit_recorded`` event, where the chain is kept and checked again.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import clock, outbox
from app.context import Actor
from app.db.models import AuditEntry
from app.domain.audit_chain import GENESIS, Chained, Entry, Verdict, entry_hash
from app.domain.audit_chain import verify as verify_chain
from app.domain.errors import DomainError
from app.events import AuditRecorded

#: the most entries one page of the log answers
MAX_PAGE = 1000
#: how long a detail text is kept (the action's own words; never a PIN)
MAX_DETAIL = 200


def record(session: Session, actor: Actor, action: str, detail: str = "", *, amount: int | None = None,
           approver: str = "", subject: str = "", till: str | None = None) -> AuditEntry:
    """Append an entry in the caller's transaction (which holds the store's write lock: the chain
    is extended by one writer at a time)."""
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq, prev_hash = (last.seq + 1, last.hash) if last is not None else (1, GENESIS)
    data: dict[str, Any] = {"text": detail[:MAX_DETAIL]}
    if amount is not None:
        data["amount"] = int(amount)
    entry = Entry(seq=seq, at=clock.now(), till=(actor.till if till is None else till)[:16],
                  actor=actor.operator_code[:16], approver=approver[:16], action=action[:32], subject=subject[:64],
                  detail=data)
    digest = entry_hash(entry, prev_hash)
    row = AuditEntry(seq=seq, at=entry.at, till=entry.till, actor=entry.actor, approver=entry.approver,
                     action=entry.action, subject=entry.subject, detail=data, prev_hash=prev_hash, hash=digest)
    session.add(row)
    session.flush()
    outbox.record(session, AuditRecorded(seq, entry.at, entry.till, entry.actor, entry.approver, entry.action,
                                         entry.subject, data, prev_hash, digest))
    return row


def _chained(row: AuditEntry) -> Chained:
    return Chained(Entry(row.seq, row.at, row.till, row.actor, row.approver, row.action, row.subject,
                         dict(row.detail) if isinstance(row.detail, dict) else {"": row.detail}),
                   row.prev_hash, row.hash)


def verify(session: Session) -> Verdict:
    """The whole log, checked from its first entry (streamed: a year of entries stays small in memory)."""
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)).scalars()
    return verify_chain(_chained(row) for row in rows)


def verdict_view(verdict: Verdict) -> dict[str, Any]:
    return {"intact": verdict.intact, "entries": verdict.entries, "broken_at": verdict.broken_at,
            "reason": verdict.reason}


@dataclass(frozen=True, slots=True)
class Filter:
    """What the back office asks of the log: a range of days, an action, an operator (who acted or
    who authorised)."""

    first: date | None = None
    last: date | None = None
    action: str = ""
    operator: str = ""

    def check(self) -> None:
        if self.first is not None and self.last is not None and self.last < self.first:
            raise DomainError("invalid_range", status=422, first=self.first.isoformat(), last=self.last.isoformat())

    def query(self) -> Select[AuditEntry]:
        statement = select(AuditEntry)
        if self.first is not None:
            statement = statement.where(AuditEntry.at >= datetime.combine(self.first, time.min))
        if self.last is not None:
            statement = statement.where(AuditEntry.at < datetime.combine(self.last + timedelta(days=1), time.min))
        if self.action:
            statement = statement.where(AuditEntry.action == self.action)
        if self.operator:
            statement = statement.where((AuditEntry.actor == self.operator) | (AuditEntry.approver == self.operator))
        return statement


def entry_view(row: AuditEntry) -> dict[str, Any]:
    detail = row.detail if isinstance(row.detail, dict) else {}
    amount = detail.get("amount")
    return {"seq": row.seq, "at": row.at.isoformat(timespec="seconds"), "till": row.till, "actor": row.actor,
            "approver": row.approver, "action": row.action, "subject": row.subject,
            "detail": str(detail.get("text", "")), "amount": amount if isinstance(amount, int) else None,
            "hash": row.hash}


def entries(session: Session, actor: Actor, wanted: Filter, limit: int = 200) -> dict[str, Any]:
    """The newest ``limit`` entries that match, newest first (a manager)."""
    actor.require("manager")
    wanted.check()
    rows = session.scalars(wanted.query().order_by(AuditEntry.seq.desc()).limit(max(1, min(limit, MAX_PAGE))))
    return {"items": [entry_view(row) for row in rows]}


CSV_HEADINGS = {
    "en": ["seq", "time", "till", "operator", "authorised by", "action", "subject", "detail", "amount (fen)", "hash"],
    "zh_CN": ["序号", "时间", "收银台", "操作员", "授权人", "操作", "对象", "说明", "金额（分）", "哈希"],
}


def to_csv(session: Session, actor: Actor, wanted: Filter, language: str) -> bytes:
    """Every matching entry, oldest first, as CSV (UTF-8 with a BOM, so Excel opens the Chinese right)."""
    actor.require("manager")
    wanted.check()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADINGS["en" if language == "en" else "zh_CN"])
    for row in session.scalars(wanted.query().order_by(AuditEntry.seq).execution_options(yield_per=2000)):
        view = entry_view(row)
        writer.writerow([view["seq"], view["at"], view["till"], view["actor"], view["approver"], view["action"],
                         _safe(view["subject"]), _safe(view["detail"]),
                         "" if view["amount"] is None else view["amount"], view["hash"]])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def verify_for(session: Session, actor: Actor) -> dict[str, Any]:
    actor.require("manager")
    return verdict_view(verify(session))
