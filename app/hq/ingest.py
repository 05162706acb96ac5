"""Events up (事件上传): a store's outbox rows arrive in seq order, at least once; HQ keeps each
exactly once and materialises completed sales for reporting — all of a batch or none of it."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import clock
from app.hq.engine import upsert_insert
from app.hq.models import Event, Sale, SaleTender, Store

SALE_COMPLETED = "sale_completed"
KINDS_STORED_ONLY = ("shift_opened", "shift_closed", "ticket_voided")


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    event_id: str
    seq: int
    kind: str
    payload: dict[str, Any]
    created_at: str

    def content_hash(self) -> str:
        canonical = json.dumps([self.seq, self.kind, self.created_at, self.payload],
                               sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Ingested:
    acked: list[str]
    last_seq: int

    def as_dict(self) -> dict[str, Any]:
        return {"acked": self.acked, "last_seq": self.last_seq}


@dataclass(frozen=True, slots=True)
class SaleRow:
    sale_id: str
    till: str
    completed_at: datetime
    total: int
    rounding: int
    change: int
    item_count: int
    tenders: dict[str, int]


def _conflict(event_id: str) -> DomainError:
    return DomainError("event_conflict", status=409, event_id=event_id)


def ingest(session: Session, store_id: int, events: list[IncomingEvent]) -> Ingested:
    """Accept a batch: duplicates are acked again, new events must continue the store's seq.

    Raises ``event_conflict`` / ``sequence_gap`` (409) or ``invalid_request`` (422) with nothing
    written. The caller commits.
    """
    store = session.scalar(select(Store).where(Store.id == store_id).with_for_update()
                           .execution_options(populate_existing=True))
    assert store is not None
    sales = {i: parse_sale(e, i) for i, e in enumerate(events) if e.kind == SALE_COMPLETED}
    hashes = [e.content_hash() for e in events]
    ids = list({e.event_id for e in events})
    known = {row.event_id: row for row in session.execute(
        select(Event.event_id, Event.store_id, Event.content_hash).where(Event.event_id.in_(ids)))} if ids else {}
    last = store.last_seq
    fresh: list[int] = []
    in_batch: dict[str, str] = {}
    for i, (event, digest) in enumerate(zip(events, hashes, strict=True)):
        prior = known.get(event.event_id)
        if prior is not None:
            if prior.store_id != store.id or prior.content_hash != digest:
                raise _conflict(event.event_id)
            continue  # delivered before: ack again, change nothing
        if event.event_id in in_batch:
            if in_batch[event.event_id] != digest:
                raise _conflict(event.event_id)
            continue
        if event.seq <= last:
            raise _conflict(event.event_id)  # another event already holds this seq
        if event.seq != last + 1:
            raise DomainError("sequence_gap", status=409, expected=last + 1)
        in_batch[event.event_id] = digest
        fresh.append(i)
        last = event.seq
    if fresh:
        _write(session, store, events, hashes, fresh, sales)
    return Ingested([e.event_id for e in events], last)


def _write(session: Session, store: Store, events: list[IncomingEvent], hashes: list[str], fresh: list[int],
           sales: dict[int, SaleRow]) -> None:
    at = clock.now()
    try:
        session.execute(insert(Event), [
            {"store_id": store.id, "seq": events[i].seq, "event_id": events[i].event_id, "kind": events[i].kind,
             "payload": events[i].payload, "created_at": events[i].created_at, "content_hash": hashes[i],
             "received_at": at}
            for i in fresh
        ])
    except IntegrityError as error:
        # Another store's event with the same id (or a racing duplicate) got there first.
        session.rollback()
        clash = next((events[i].event_id for i in fresh if events[i].event_id in str(error.orig)), events[fresh[0]].event_id)
        raise _conflict(clash) from None
    new_sales = [(events[i].event_id, sales[i]) for i in fresh if i in sales]
    if new_sales:
        _materialise(session, store.id, new_sales)
    session.execute(update(Store).where(Store.id == store.id)
                    .values(last_seq=events[fresh[-1]].seq, last_event_at=at, last_seen=at))


def _materialise(session: Session, store_id: int, new_sales: list[tuple[str, SaleRow]]) -> None:
    # A sale_id sent again under a new event id keeps the first copy: the event itself is kept,
    # and the sales table never counts one sale twice.
    session.execute(upsert_insert(session, Sale).on_conflict_do_nothing(index_elements=["store_id", "sale_id"]), [
        {"store_id": store_id, "sale_id": s.sale_id, "till": s.till, "business_day": s.completed_at.date(),
         "completed_at": s.completed_at, "total": s.total, "rounding": s.rounding, "change": s.change,
         "item_count": s.item_count, "event_id": event_id}
        for event_id, s in new_sales
    ])
    tenders = [
        {"store_id": store_id, "sale_id": s.sale_id, "method": method, "amount": amount,
         "business_day": s.completed_at.date()}
        for _, s in new_sales for method, amount in s.tenders.items()
    ]
    if tenders:
        session.execute(upsert_insert(session, SaleTender).on_conflict_do_nothing(), tenders)


def _int(payload: dict[str, Any], key: str, where: str) -> int:
    value = payload.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 10**12:
        raise _invalid(f"{where}.{key}", "an integer amount in fen")
    return value


def _invalid(where: str, what: str) -> DomainError:
    return DomainError("invalid_request", status=422, detail=f"{where}: expected {what}")


def parse_sale(event: IncomingEvent, index: int) -> SaleRow:
    """The sales-table row for a ``sale_completed`` payload (the store's ticket dict)."""
    p = event.payload
    where = f"events.{index}.payload"
    sale_id, till = p.get("sale_id"), p.get("till")
    if not isinstance(sale_id, str) or not 0 < len(sale_id) <= 64:
        raise _invalid(f"{where}.sale_id", "a sale id")
    if not isinstance(till, str) or not 0 < len(till) <= 16:
        raise _invalid(f"{where}.till", "a till code")
    try:
        completed_at = datetime.fromisoformat(p.get("completed_at"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _invalid(f"{where}.completed_at", "an ISO date and time") from None
    if completed_at.tzinfo is not None:
        completed_at = completed_at.replace(tzinfo=None)  # store wall time is what the business day means
    tenders: dict[str, int] = defaultdict(int)
    raw_tenders = p.get("tenders")
    if not isinstance(raw_tenders, list):
        raise _invalid(f"{where}.tenders", "a list")
    for n, tender in enumerate(raw_tenders):
        method = tender.get("method") if isinstance(tender, dict) else None
        if not isinstance(method, str) or not 0 < len(method) <= 16:
            raise _invalid(f"{where}.tenders.{n}.method", "a tender method")
        tenders[method] += _int(tender, "amount", f"{where}.tenders.{n}")
    lines = p.get("lines")
    if not isinstance(lines, list):
        raise _invalid(f"{where}.lines", "a list")
    item_count = p.get("item_count")
    if isinstance(item_count, bool) or not isinstance(item_count, int):
        item_count = sum(
            (line.get("quantity", 0) if line.get("unit", "piece") == "piece" else 1)
            for line in lines if isinstance(line, dict) and not line.get("voided")
            and isinstance(line.get("quantity", 0), int)
        )
    return SaleRow(sale_id, till, completed_at, _int(p, "total", where), _int(p, "rounding", where),
                   _int(p, "change", where), item_count, dict(tenders))
