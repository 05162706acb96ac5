"""Events up (事件上传): a store's outbox rows arrive in seq order, at least once; HQ keeps each
exactly once and materialises completed sales for reporting — all of a batch or none of it."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

import psycopg
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import clock, closing
from app.hq.engine import is_postgres, upsert_insert
from app.hq.models import Event, Sale, SaleTender, Store, StoreStock

SALE_COMPLETED = "sale_completed"
SALE_RETURNED = "sale_returned"  # shaped like a sale, with negative amounts: reports net it out
STOCK_MOVED = "stock_moved"
KINDS_STORED_ONLY = ("shift_opened", "shift_closed", "ticket_voided")  # day_closed, cash_deposited: app.hq.closing


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    event_id: str
    seq: int
    kind: str
    payload: dict[str, Any]
    created_at: str

    def canonical_payload(self) -> str:
        return json.dumps(self.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def content_hash(self, canonical_payload: str | None = None) -> str:
        """What "the same event" means: same seq, kind, created_at and payload (key order aside)."""
        payload = canonical_payload if canonical_payload is not None else self.canonical_payload()
        head = json.dumps([self.seq, self.kind, self.created_at], ensure_ascii=False)
        return hashlib.sha256(f"{head}\n{payload}".encode()).hexdigest()


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
    member_no: str | None = None


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
    payloads = [e.canonical_payload() for e in events]
    hashes = [e.content_hash(p) for e, p in zip(events, payloads, strict=True)]
    # Only an event at or below last_seq can have been delivered before; in the usual batch none is.
    resent = list({e.event_id for e in events if e.seq <= store.last_seq})
    known = {row.event_id: row for row in session.execute(
        select(Event.event_id, Event.store_id, Event.content_hash).where(Event.event_id.in_(resent)))} if resent else {}
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
    sales = {i: parse_sale(events[i], i) for i in fresh if events[i].kind in (SALE_COMPLETED, SALE_RETURNED)}
    stock = parse_stock([(events[i], i) for i in fresh if events[i].kind == STOCK_MOVED])
    if fresh:
        _write(session, store, events, payloads, hashes, fresh, sales)
        _move_stock(session, store.id, stock)
        _loyalty_effects(session, store, [events[i] for i in fresh])
        for e in (events[i] for i in fresh if events[i].kind in closing.KINDS):  # the stores' 日结 and 缴款
            closing.apply(session, store, e.kind, e.event_id, e.payload)
    return Ingested([e.event_id for e in events], last)


def _write(session: Session, store: Store, events: list[IncomingEvent], payloads: list[str], hashes: list[str],
           fresh: list[int], sales: dict[int, SaleRow]) -> None:
    at = clock.now()
    new_sales = [(events[i].event_id, sales[i]) for i in fresh if i in sales]
    try:
        if is_postgres(session):
            _write_postgres(session, store.id, [(events[i], payloads[i], hashes[i]) for i in fresh], new_sales, at)
        else:
            _write_portable(session, store.id, [(events[i], hashes[i]) for i in fresh], new_sales, at)
    except (IntegrityError, psycopg.IntegrityError) as error:
        # Another store's event with the same id (or a racing duplicate) got there first.
        session.rollback()
        text = str(getattr(error, "orig", error))
        clash = next((events[i].event_id for i in fresh if events[i].event_id in text), events[fresh[0]].event_id)
        raise _conflict(clash) from None
    session.execute(update(Store).where(Store.id == store.id)
                    .values(last_seq=events[fresh[-1]].seq, last_event_at=at, last_seen=at))


def _write_postgres(session: Session, store_id: int, rows: list[tuple[IncomingEvent, str, str]],
                    new_sales: list[tuple[str, SaleRow]], at: datetime) -> None:
    """COPY for events, sales and tenders: a 500-event batch costs a few round trips instead of
    a thousand rows' worth of statements."""
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    with connection.cursor() as cursor:  # type: ignore[attr-defined]
        with cursor.copy("COPY events (store_id, seq, event_id, kind, payload, created_at, content_hash, received_at)"
                         " FROM STDIN") as copy:
            for event, payload, digest in rows:
                copy.write_row((store_id, event.seq, event.event_id, event.kind, payload, event.created_at, digest, at))
        if not new_sales:
            return
        # A sale_id sent again under a new event id keeps the first copy: the event itself is kept,
        # and the sales table never counts one sale twice. The store row is locked, so no other
        # batch of this store can add a sale between this check and the COPY.
        cursor.execute("SELECT sale_id FROM sales WHERE store_id = %s AND sale_id = ANY(%s)",
                       [store_id, [s.sale_id for _, s in new_sales]], prepare=False)
        taken = {row[0] for row in cursor.fetchall()}
        unique: dict[str, tuple[str, SaleRow]] = {}
        for event_id, sale in new_sales:
            if sale.sale_id not in taken:
                unique.setdefault(sale.sale_id, (event_id, sale))
        if not unique:
            return
        with cursor.copy("COPY sales (store_id, sale_id, till, business_day, completed_at, total, rounding, change,"
                         " item_count, event_id, member_no) FROM STDIN") as copy:
            for event_id, s in unique.values():
                copy.write_row((store_id, s.sale_id, s.till, s.completed_at.date(), s.completed_at, s.total,
                                s.rounding, s.change, s.item_count, event_id, s.member_no))
        with cursor.copy("COPY sale_tenders (store_id, sale_id, method, amount, business_day) FROM STDIN") as copy:
            for _, s in unique.values():
                for method, amount in s.tenders.items():
                    copy.write_row((store_id, s.sale_id, method, amount, s.completed_at.date()))


def _write_portable(session: Session, store_id: int, rows: list[tuple[IncomingEvent, str]],
                    new_sales: list[tuple[str, SaleRow]], at: datetime) -> None:
    """The same writes through SQLAlchemy, for the SQLite demo."""
    session.execute(insert(Event), [
        {"store_id": store_id, "seq": e.seq, "event_id": e.event_id, "kind": e.kind, "payload": e.payload,
         "created_at": e.created_at, "content_hash": digest, "received_at": at}
        for e, digest in rows
    ])
    if not new_sales:
        return
    session.execute(upsert_insert(session, Sale).on_conflict_do_nothing(index_elements=["store_id", "sale_id"]), [
        {"store_id": store_id, "sale_id": s.sale_id, "till": s.till, "business_day": s.completed_at.date(),
         "completed_at": s.completed_at, "total": s.total, "rounding": s.rounding, "change": s.change,
         "item_count": s.item_count, "event_id": event_id, "member_no": s.member_no}
        for event_id, s in new_sales
    ])
    tenders = [
        {"store_id": store_id, "sale_id": s.sale_id, "method": method, "amount": amount,
         "business_day": s.completed_at.date()}
        for _, s in new_sales for method, amount in s.tenders.items()
    ]
    if tenders:
        session.execute(upsert_insert(session, SaleTender).on_conflict_do_nothing(), tenders)


def parse_stock(events: list[tuple[IncomingEvent, int]]) -> dict[str, int]:
    """The net change per SKU of a batch's ``stock_moved`` events."""
    net: dict[str, int] = defaultdict(int)
    for event, index in events:
        where = f"events.{index}.payload"
        lines = event.payload.get("lines")
        if not isinstance(lines, list):
            raise _invalid(f"{where}.lines", "a list")
        for n, line in enumerate(lines):
            sku = line.get("sku") if isinstance(line, dict) else None
            if not isinstance(sku, str) or not 0 < len(sku) <= 32:
                raise _invalid(f"{where}.lines.{n}.sku", "a SKU code")
            net[sku] += _int(line, "delta", f"{where}.lines.{n}")
    return {sku: delta for sku, delta in net.items() if delta}


def _loyalty_effects(session: Session, store: Store, events: list[IncomingEvent]) -> None:
    """Commit a sale's coupons, release a voided ticket's, refund its stored value — each once.

    A step HQ cannot take is kept as a conflict for the store manager, never a reason to refuse
    the batch (the sale happened; the store's outbox must not stall behind it).
    """
    from app.hq import campaigns, loyalty
    from app.hq.models import LoyaltyConflict

    for event in events:
        payload = event.payload
        steps: list[tuple[str, str, Callable[[], object]]] = []
        if event.kind == SALE_COMPLETED:
            ref, sale_id = f"{store.code}:{payload.get('id')}", str(payload.get("sale_id"))
            steps = [("commit", str(c.get("code", "")),
                      partial(loyalty.redeem_offline, session, store, str(c.get("code", "")), sale_id) if c.get("offline")
                      else partial(loyalty.commit_coupon, session, store, str(c.get("code", "")),
                                   str(c.get("ref") or ref), sale_id))
                     for c in payload.get("coupons") or [] if isinstance(c, dict)]
            cards = [line for line in payload.get("lines") or []
                     if isinstance(line, dict) and line.get("card_no") and not line.get("voided")]
            steps += [("activate", str(line["card_no"]), partial(_activate_card, session, store, line,
                                                                  f"{store.code}:{sale_id}")) for line in cards]
            if payload.get("member_no"):
                # Points and 消费返券 follow the money paid at the till for goods: not stored value or
                # points (their money came in at the top-up or was earned already), not gift cards bought.
                paid = max(0, _int(payload, "total", "payload") - sum(
                    int(t.get("amount", 0)) for t in payload.get("tenders") or []
                    if isinstance(t, dict) and not _earns_points(t.get("method")))
                    - sum(int(line.get("amount", 0)) - int(line.get("discount", 0)) for line in cards))
                member_no = str(payload["member_no"])
                steps.append(("points", member_no,
                              partial(loyalty.earn_points, session, member_no, paid, f"sale:{store.code}:{sale_id}")))
                steps.append(("campaign", member_no, partial(campaigns.issue_on_sale, session, store, member_no, paid,
                                                             f"sale:{store.code}:{sale_id}")))
        elif event.kind == SALE_RETURNED:
            return_no = str(payload.get("sale_id"))
            steps = [("refund", str(r.get("card", "")),
                      partial(loyalty.refund_part, session, store, str(r.get("card", "")), str(r.get("spend_ref", "")),
                              int(r.get("amount", 0)), str(r.get("ref", ""))))
                     for r in payload.get("refunds") or [] if isinstance(r, dict)]
            steps += [("points_back", str(r.get("member", "")),
                       partial(loyalty.refund_points_part, session, str(r.get("member", "")),
                               str(r.get("spend_ref", "")), int(r.get("amount", 0)), str(r.get("ref", ""))))
                      for r in payload.get("points_refunds") or [] if isinstance(r, dict)]
            steps += [("restore", str(code), partial(loyalty.restore_coupon, session, store, str(code),
                                                     str(payload.get("original_sale"))))
                      for code in payload.get("restore_coupons") or []]
            if payload.get("whole") and payload.get("original_sale"):
                steps.append(("campaign_back", str(payload.get("member_no") or ""),
                              partial(campaigns.revoke_for_sale, session, f"sale:{store.code}:{payload['original_sale']}")))
            if payload.get("member_no"):
                back = _int(payload, "total", "payload") + sum(
                    int(r.get("amount", 0)) for key in ("refunds", "points_refunds")
                    for r in payload.get(key) or [] if isinstance(r, dict))
                steps.append(("points", str(payload["member_no"]),
                              partial(loyalty.earn_points, session, str(payload["member_no"]), back,
                                      f"return:{store.code}:{return_no}",
                                      f"sale:{store.code}:{payload['original_sale']}" if payload.get("original_sale")
                                      else None)))
        elif event.kind == "ticket_voided":
            ref = f"{store.code}:{payload.get('ticket')}"
            refs = {str(c.get("code")): str(c.get("ref")) for c in payload.get("coupon_refs") or []
                    if isinstance(c, dict) and c.get("ref")}
            steps = [("release", str(code), partial(loyalty.release_coupon, session, store, str(code),
                                                    refs.get(str(code), ref)))
                     for code in payload.get("coupons") or []]
            steps += [("refund", str(r.get("card", "")),
                       partial(loyalty.refund, session, store, str(r.get("card", "")), str(r.get("ref", ""))))
                      for r in payload.get("refunds") or [] if isinstance(r, dict) and r.get("card")]
            steps += [("points_back", str(r.get("member", "")),
                       partial(loyalty.refund_points, session, str(r.get("member", "")), str(r.get("ref", ""))))
                      for r in payload.get("points_refunds") or [] if isinstance(r, dict)]
        elif event.kind == "coupon_removed":
            steps = [("release", str(payload.get("code", "")),
                      partial(loyalty.release_coupon, session, store, str(payload.get("code", "")),
                              str(payload.get("ref", ""))))]
        for action, subject, step in steps:
            try:
                with session.begin_nested():
                    step()
            except DomainError as error:
                session.add(LoyaltyConflict(store_id=store.id, event_id=event.event_id, subject=subject[:64],
                                            action=action, reason=error.code, created_at=clock.now()))


def _earns_points(method: object) -> bool:
    """A tender's money earns points unless its kind says it came in earlier or was earned already;
    a tender this HQ does not know earns (the store's money, whatever it was)."""
    from app.domain.sale import TENDERS

    kind = TENDERS.get(str(method))
    return kind is None or kind.earns_points


def _activate_card(session: Session, store: Store, line: dict[str, Any], ref: str) -> None:
    """A gift card sold on ``line``: live with what the line paid (a malformed line is a conflict)."""
    from app.hq import gift_cards

    paid = _int(line, "amount", "line") - (_int(line, "discount", "line") if "discount" in line else 0)
    gift_cards.activate(session, store, str(line["card_no"]), paid, ref)


def _move_stock(session: Session, store_id: int, net: dict[str, int]) -> None:
    if not net:
        return
    at = clock.now()
    statement = upsert_insert(session, StoreStock).values(
        [{"store_id": store_id, "sku": sku, "quantity": delta, "updated_at": at} for sku, delta in sorted(net.items())])
    session.execute(statement.on_conflict_do_update(
        index_elements=["store_id", "sku"],
        set_={"quantity": StoreStock.quantity + statement.excluded.quantity, "updated_at": statement.excluded.updated_at},
    ))


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
    change = _int(p, "change", where)
    if change and tenders.get("cash", 0) >= change:
        tenders["cash"] -= change  # change goes back in cash: the takings per tender are net of it
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
    member = p.get("member_no")
    return SaleRow(sale_id, till, completed_at, _int(p, "total", where), _int(p, "rounding", where),
                   change, item_count, dict(tenders), member[:20] if isinstance(member, str) and member else None)
