"""The master-data change feed (主数据下发): every admin write appends here in its own transaction;
stores page through it by ``seq`` and keep their cursor.

``seq`` is a sequence, and two transactions could commit their sequence values out of order — a
store that had read past the later one would skip the earlier one forever. So every writer takes
one transaction-scoped advisory lock before its first row: seq order is commit order. Writes of
master data are rare next to reads, so the lock costs nothing that matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, insert, or_, select, text
from sqlalchemy.orm import Session

from app.hq import clock
from app.hq.engine import is_postgres
from app.hq.models import Change, Store

FEED_LOCK = 0x0A5D_FEED


@dataclass(frozen=True, slots=True)
class ChangeRow:
    entity: str
    key: str
    data: dict[str, Any] | None
    deleted: bool = False
    scope_group: str | None = None
    scope_store_id: int | None = None


def record(session: Session, rows: list[ChangeRow]) -> None:
    """Append ``rows`` to the feed in the caller's transaction."""
    if not rows:
        return
    if is_postgres(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK})
    at = clock.now()
    session.execute(insert(Change), [
        {"entity": r.entity, "key": r.key, "data": r.data, "deleted": r.deleted,
         "scope_group": r.scope_group, "scope_store_id": r.scope_store_id, "created_at": at}
        for r in rows
    ])


@dataclass(frozen=True, slots=True)
class FeedPage:
    changes: list[dict[str, Any]]
    next_cursor: int
    has_more: bool
    head: int = 0  # the feed's newest seq: how far a store catching up still has to go

    def as_dict(self) -> dict[str, Any]:
        return {"changes": self.changes, "next_cursor": self.next_cursor, "has_more": self.has_more,
                "head": self.head}


def read_feed(session: Session, store: Store, cursor: int, limit: int) -> FeedPage:
    """Changes after ``cursor`` that concern ``store``: global rows, its group's prices, its tills."""
    concerns = and_(
        or_(Change.scope_group.is_(None), Change.scope_group == store.group),
        or_(Change.scope_store_id.is_(None), Change.scope_store_id == store.id),
    )
    # Read the head first and page only up to it: then a cursor moved to the head past rows that
    # concern other stores can't jump over a row committed between the two statements.
    head = session.scalar(select(Change.seq).order_by(Change.seq.desc()).limit(1)) or 0
    rows = session.execute(
        select(Change.seq, Change.entity, Change.key, Change.data, Change.deleted)
        .where(Change.seq > cursor, Change.seq <= head, concerns).order_by(Change.seq).limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1].seq if has_more else max(cursor, head)
    changes = [{"seq": r.seq, "entity": r.entity, "key": r.key, "data": r.data, "deleted": r.deleted} for r in rows]
    return FeedPage(changes, next_cursor, has_more, head)
