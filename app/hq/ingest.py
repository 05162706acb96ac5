"""Events up (事件上传): a store's outbox rows arrive in seq order, at least once; HQ keeps each
exactly once and materialises completed sales for reporting.

An event whose envelope HQ accepted is always applied or parked (搁置), never a reason to refuse
the batch: each is read first, in Python, with the shared limits (``app.domain.limits``); one HQ
cannot read or keep is parked — it keeps its seq, nothing of it applies, HQ's sync health and the
store's sync page show it — and the rest of the store's stream flows on. The batch is written in
one go (COPY on PostgreSQL); should the database still refuse it, the batch is applied again event
by event under savepoints and the event that fails is parked.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any

import psycopg
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import events
from app.domain import limits
from app.domain.errors import DomainError
from app.domain.sale import TENDERS
from app.events import FIELD_INVALID, NOT_APPLICABLE, TEXT_INVALID, Fields, SaleFigures, Unreadable
from app.hq import audit, cash_refunds, clock, closing, transfers
from app.hq.engine import is_postgres, upsert_insert
from app.hq.models import Event, LoyaltyConflict, ParkedEvent, Sale, SaleTender, Store, StoreStock

log = logging.getLogger("omnistore.hq.ingest")

SALE_COMPLETED = "sale_completed"
SALE_RETURNED = "sale_returned"  # shaped like a sale, with negative amounts: reports net it out
STOCK_MOVED = "stock_moved"
TICKET_VOIDED = "ticket_voided"
COUPON_REMOVED = "coupon_removed"  # a coupon taken off a ticket: HQ releases its reservation
KINDS_STORED_ONLY = ("shift_opened", "shift_closed", TICKET_VOIDED)



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
        # surrogatepass: a text no database could keep still has a hash, so a resent copy is known
        return hashlib.sha256(f"{head}\n{payload}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Parked:
    """An event HQ holds in the store's sequence without applying it, and why."""

    event_id: str
    seq: int
    reason: str
    field: str

    def as_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "seq": self.seq, "reason": self.reason, "field": self.field}


@dataclass(frozen=True, slots=True)
class Ingested:
    acked: list[str]
    last_seq: int
    #: the batch's events HQ parked, now or when they were first delivered
    parked: list[Parked] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"acked": self.acked, "last_seq": self.last_seq, "parked": [p.as_dict() for p in self.parked]}


@dataclass(frozen=True, slots=True)
class Step:
    """A coupon, stored-value or points move an event asks of HQ; one HQ cannot take (a coupon
    another store took first) is kept as a loyalty conflict for the store's manager."""

    action: str
    subject: str
    run: Callable[[], object]


@dataclass(frozen=True, slots=True)
class ChannelSale:
    """Where an O2O sale came from, as its ``sale_completed`` says (the counter's sales have none)."""

    channel: str
    channel_order_no: str | None
    o2o_order_id: int | None
    commission: int
    delivery_fee: int


SALE_CHANNELS = ("store", "own", "meituan", "eleme")


def _channel_sale(sale: events.SaleCompleted) -> ChannelSale | None:
    """The sale's channel fields: the event's own when it reads them, else the payload's (checked:
    an unknown channel or a bad amount counts the sale at the counter rather than refuse it)."""
    data = sale.ticket if isinstance(sale.ticket, dict) else {}

    def field(name: str, default: Any) -> Any:
        return getattr(sale, name) if hasattr(sale, name) else data.get(name, default)

    channel = field("channel", "store")
    if channel not in SALE_CHANNELS or channel == "store":
        return None

    def amount(name: str) -> int:
        value = field(name, 0)
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limits.MAX_AMOUNT
        return value if ok else 0

    number = field("channel_order_no", None)
    order_id = field("o2o_order_id", None)
    return ChannelSale(str(channel), str(number)[:64] if number is not None else None,
                       order_id if isinstance(order_id, int) and not isinstance(order_id, bool)
                       and 0 < order_id <= limits.INT8_MAX else None,
                       amount("commission"), amount("delivery_fee"))


@dataclass(slots=True)
class Planned:
    """An event of the batch, read: what applying it writes, or why it is parked instead."""

    event: IncomingEvent
    payload: str  # canonical JSON, as hashed
    digest: str
    sale: SaleFigures | None = None
    channel: ChannelSale | None = None
    stock: tuple[tuple[str, int], ...] = ()
    steps: tuple[Step, ...] = ()
    #: what else the event keeps at HQ (a store's Z and deposits), applied with its sale and stock
    effects: tuple[Callable[[], object], ...] = ()
    parked: Parked | None = None

    def park(self, reason: str, detail: str) -> Planned:
        return replace(self, sale=None, channel=None, stock=(), steps=(), effects=(),
                       parked=Parked(self.event.event_id, self.event.seq, reason, detail[:200]))

    def document(self) -> dict[str, Any]:
        """The payload as HQ keeps it: as sent, or — for an event whose text HQ could not keep —
        its JSON text in ASCII (every character escaped), which any database keeps."""
        if self.parked is None or self.parked.reason == FIELD_INVALID:
            return self.event.payload
        return {"unstored": json.dumps(self.event.payload, sort_keys=True, ensure_ascii=True)}

    def document_text(self) -> str:
        return self.payload if self.document() is self.event.payload else json.dumps(self.document())


def _conflict(event_id: str) -> DomainError:
    return DomainError("event_conflict", status=409, event_id=event_id)


# ---- the batch -------------------------------------------------------------------------------


def ingest(session: Session, store_id: int, events: list[IncomingEvent]) -> Ingested:
    """Accept a batch: duplicates are acked again, new events must continue the store's seq; each
    new one is applied or parked.

    Raises ``event_conflict`` / ``sequence_gap`` (409) with nothing written. The caller commits.
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
    parked = _parked_before(session, store.id, list(known)) if known else []
    if fresh:
        planned = [plan(session, store, events[i], payloads[i], hashes[i]) for i in fresh]
        parked += _apply(session, store, planned)
        at = clock.now()
        session.execute(update(Store).where(Store.id == store.id)
                        .values(last_seq=events[fresh[-1]].seq, last_event_at=at, last_seen=at))
    return Ingested([e.event_id for e in events], last, parked)


def _parked_before(session: Session, store_id: int, event_ids: list[str]) -> list[Parked]:
    """A resent batch's events parked when they first came: the store learns it from this ack too."""
    rows = session.scalars(select(ParkedEvent).where(ParkedEvent.store_id == store_id,
                                                     ParkedEvent.event_id.in_(event_ids)).order_by(ParkedEvent.seq))
    return [Parked(r.event_id, r.seq, r.reason, r.detail) for r in rows]


def _apply(session: Session, store: Store, planned: list[Planned]) -> list[Parked]:
    """Write the batch in one go; if the database refuses it, event by event. Returns what was parked."""
    at = clock.now()
    try:
        with session.begin_nested():
            _keep_events(session, store.id, planned, at)
            _record_parked(session, store.id, planned, at)
            _materialise(session, store, [p for p in planned if p.parked is None])
            session.flush()
        return [p.parked for p in planned if p.parked is not None]
    except DomainError:
        raise  # an event id another store holds: the batch is refused
    except Exception:  # noqa: BLE001 — whatever the database said, the events below are tried one by one
        log.warning("store %s: a batch the database refused is applied event by event", store.code, exc_info=True)
    return _apply_one_by_one(session, store, planned, at)


def _apply_one_by_one(session: Session, store: Store, planned: list[Planned], at: datetime) -> list[Parked]:
    parked: list[Parked] = []
    for item in planned:
        if item.parked is None:
            try:
                with session.begin_nested():
                    _keep_events(session, store.id, [item], at)
                    _materialise(session, store, [item])
                    session.flush()
                continue
            except DomainError:
                raise
            except Exception as error:  # noqa: BLE001 — the event is parked, whatever stopped it
                log.warning("store %s: event %s (seq %s) parked", store.code, item.event.event_id, item.event.seq,
                            exc_info=True)
                item = item.park(NOT_APPLICABLE, _what_the_database_said(error))
        with session.begin_nested():
            _keep_events(session, store.id, [item], at)
            _record_parked(session, store.id, [item], at)
            session.flush()
        assert item.parked is not None
        parked.append(item.parked)
    return parked


def _what_the_database_said(error: Exception) -> str:
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [""])[0]
    text = f"{type(cause).__name__}: {first}" if first else type(cause).__name__
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:200]


# ---- reading an event ------------------------------------------------------------------------


def plan(session: Session, store: Store, event: IncomingEvent, payload: str, digest: str) -> Planned:
    """Read ``event`` as its kind defines it (``app.events``): its sale row, stock moves and loyalty
    steps — or parked."""
    try:
        unkeepable = _unkeepable_field(payload, event.payload)
        if unkeepable is not None:
            raise Unreadable(TEXT_INVALID, unkeepable)
        read = events.READERS.get(event.kind)
        if read is None:
            return Planned(event, payload, digest)  # a kind HQ only keeps
        typed = read(Fields(event.payload))
    except Unreadable as why:
        return Planned(event, payload, digest).park(why.reason, why.field)
    if isinstance(typed, events.SaleCompleted):
        return Planned(event, payload, digest, sale=typed.figures, channel=_channel_sale(typed),
                       steps=tuple(_sale_steps(session, store, typed)))
    if isinstance(typed, events.SaleReturned):
        return Planned(event, payload, digest, sale=typed.figures, steps=tuple(_return_steps(session, store, typed)))
    if isinstance(typed, events.StockMoved):
        return Planned(event, payload, digest, stock=tuple((x.sku, x.delta) for x in typed.lines))
    if isinstance(typed, events.TicketVoided):
        return Planned(event, payload, digest, steps=tuple(_void_steps(session, store, typed)))
    if isinstance(typed, events.CouponRemoved):
        return Planned(event, payload, digest, steps=tuple(_removed_coupon_steps(session, store, typed)))
    if isinstance(typed, events.DayClosed):
        return Planned(event, payload, digest, effects=(partial(closing.keep_day_close, session, store,
                                                                event.event_id, typed),))
    if isinstance(typed, events.CashDeposited):
        return Planned(event, payload, digest, effects=(partial(closing.add_deposit, session, store, typed),))
    if isinstance(typed, events.TransferReceived):
        if not transfers.can_receive(session, store, typed):
            return Planned(event, payload, digest).park(NOT_APPLICABLE, "transfer_no")
        return Planned(event, payload, digest, effects=(partial(transfers.receive, session, store, typed),))
    if isinstance(typed, events.AuditRecorded):
        return Planned(event, payload, digest, effects=(partial(audit.keep_entry, session, store, typed),))
    if isinstance(typed, events.PinChanged):
        return Planned(event, payload, digest, effects=(partial(audit.change_pin, session, typed),))
    if isinstance(typed, events.PaycodeRefundPaidInCash):
        return Planned(event, payload, digest, effects=(partial(cash_refunds.pay_in_cash, session, store, typed),))
    return Planned(event, payload, digest)


def _unkeepable_field(text: str, payload: Any) -> str | None:
    """The first field PostgreSQL's JSON cannot keep — NUL in a text or a key, NaN or ±Infinity —
    or None. The canonical text is searched first: the usual event holds none of them."""
    if "\\u0000" not in text and "NaN" not in text and "Infinity" not in text:
        return None
    return _first_unkeepable(payload, "")


def _first_unkeepable(value: Any, where: str) -> str | None:
    if isinstance(value, str):
        return where.rstrip(".") or "?" if "\x00" in value else None
    if isinstance(value, float):
        return None if math.isfinite(value) else where.rstrip(".") or "?"
    if isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in key:
                return f"{where}{key.replace(chr(0), '?')}"
            found = _first_unkeepable(item, f"{where}{key}.")
            if found is not None:
                return found
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found = _first_unkeepable(item, f"{where}{n}.")
            if found is not None:
                return found
    return None


# ---- loyalty steps, one per move an event asks of HQ -----------------------------------------
#
# A move HQ cannot read (``Unread``) does not park the event: the sale happened and counts; the
# step is kept as the manager's conflict (``invalid_request``), as a step HQ cannot take is.


def _sale_steps(session: Session, store: Store, sale: events.SaleCompleted) -> Iterator[Step]:
    """A sale commits its coupons, activates the gift cards it sold, earns the member points and
    消费返券 on what was paid for goods."""
    from app.hq import campaigns, loyalty

    assert sale.figures is not None
    figures = sale.figures
    for coupon in sale.coupons:
        if isinstance(coupon, events.Unread):
            yield _refused("commit", coupon)
        elif coupon.offline:
            yield Step("commit", coupon.code, partial(loyalty.redeem_offline, session, store, coupon.code,
                                                      figures.sale_id))
        else:
            yield Step("commit", coupon.code, partial(loyalty.commit_coupon, session, store, coupon.code,
                                                      coupon.ticket_ref(store.code), figures.sale_id))
    cards_paid = 0
    for card in sale.cards:
        if isinstance(card, events.Unread):
            yield _refused("activate", card)
            continue
        cards_paid += card.paid
        yield Step("activate", card.card, partial(_activate_card, session, store, card.card, card.paid,
                                                  f"{store.code}:{figures.sale_id}"))
    if figures.member_no:
        # Points and 消费返券 follow the money paid at the till for goods: not gift cards bought, nor
        # tenders whose money came in earlier or was earned already.
        paid = max(0, figures.total - _paid_without_earning(figures) - cards_paid)
        ref = f"sale:{store.code}:{figures.sale_id}"
        yield Step("points", figures.member_no, partial(loyalty.earn_points, session, figures.member_no, paid, ref))
        yield Step("campaign", figures.member_no,
                   partial(campaigns.issue_on_sale, session, store, figures.member_no, paid, ref))


def _paid_without_earning(sale: SaleFigures) -> int:
    """What tenders that earn no points paid (``TenderKind.earns_points``: stored value, gift cards,
    points — their money came in at a top-up or was earned already); a tender this HQ does not
    know earns (the store's money, whatever it was)."""
    return sum(amount for method, amount in sale.tenders.items()
               if method in TENDERS and not TENDERS[method].earns_points)


def _return_steps(session: Session, store: Store, back: events.SaleReturned) -> Iterator[Step]:
    """A return refunds to the cards and points that paid, restores its coupons and takes back its
    campaign coupons when the whole sale came back, and takes back the points it earned."""
    from app.hq import campaigns, loyalty

    assert back.figures is not None
    figures = back.figures
    back_in_kind = 0
    for refund in back.refunds:
        if isinstance(refund, events.Unread):
            yield _refused("refund", refund)
            continue
        back_in_kind += refund.amount
        yield Step("refund", refund.who, partial(loyalty.refund_part, session, store, refund.who, refund.spend_ref,
                                                 refund.amount, refund.ref))
    for refund in back.points_refunds:
        if isinstance(refund, events.Unread):
            yield _refused("points_back", refund)
            continue
        back_in_kind += refund.amount
        yield Step("points_back", refund.who, partial(loyalty.refund_points_part, session, refund.who,
                                                      refund.spend_ref, refund.amount, refund.ref))
    original = back.original_sale
    for code in back.restore_coupons:
        if isinstance(code, events.Unread):
            yield _refused("restore", code)
        elif isinstance(original, events.Unread):
            yield _refused("restore", events.Unread(original.field, code))
        else:
            yield Step("restore", code, partial(loyalty.restore_coupon, session, store, code, str(original)))
    if isinstance(original, events.Unread):
        yield _refused("points", events.Unread(original.field, figures.member_no or ""))
        return
    if back.whole and original:
        yield Step("campaign_back", figures.member_no or "",
                   partial(campaigns.revoke_for_sale, session, f"sale:{store.code}:{original}"))
    if figures.member_no:
        yield Step("points", figures.member_no, partial(
            loyalty.earn_points, session, figures.member_no, figures.total + back_in_kind,
            f"return:{store.code}:{figures.sale_id}", f"sale:{store.code}:{original}" if original else None))


def _void_steps(session: Session, store: Store, voided: events.TicketVoided) -> Iterator[Step]:
    """A voided ticket releases its coupons and gives back the stored value and points it took."""
    from app.hq import loyalty

    for coupon in voided.coupons:
        if isinstance(coupon, events.Unread):
            yield _refused("release", coupon)
        else:
            yield Step("release", coupon.code, partial(loyalty.release_coupon, session, store, coupon.code,
                                                       coupon.ticket_ref(store.code)))
    for refund in voided.refunds:
        yield _refused("refund", refund) if isinstance(refund, events.Unread) else \
            Step("refund", refund.who, partial(loyalty.refund, session, store, refund.who, refund.ref))
    for refund in voided.points_refunds:
        yield _refused("points_back", refund) if isinstance(refund, events.Unread) else \
            Step("points_back", refund.who, partial(loyalty.refund_points, session, refund.who, refund.ref))


def _removed_coupon_steps(session: Session, store: Store, removed: events.CouponRemoved) -> Iterator[Step]:
    from app.hq import loyalty

    coupon = removed.coupon
    if isinstance(coupon, events.Unread):
        yield _refused("release", coupon)
    else:
        yield Step("release", coupon.code, partial(loyalty.release_coupon, session, store, coupon.code,
                                                   coupon.ticket_ref(store.code)))


def _refused(action: str, unread: events.Unread) -> Step:
    return Step(action, unread.subject, partial(_refuse, unread.field))


def _refuse(field: str) -> None:
    raise DomainError("invalid_request", status=422, detail=field)


def _activate_card(session: Session, store: Store, card: str, paid: int, ref: str) -> None:
    """A gift card sold on a line: live with what the line paid."""
    from app.hq import gift_cards

    gift_cards.activate(session, store, card, paid, ref)


# ---- writing ---------------------------------------------------------------------------------


def _keep_events(session: Session, store_id: int, planned: list[Planned], at: datetime) -> None:
    """The events rows, parked ones too. An event id another store holds refuses the batch."""
    try:
        if is_postgres(session):
            connection = session.connection().connection.dbapi_connection
            assert connection is not None
            # COPY: a 500-event batch costs a few round trips instead of a thousand rows' worth of statements
            with connection.cursor() as cursor, cursor.copy(  # type: ignore[attr-defined]
                    "COPY events (store_id, seq, event_id, kind, payload, created_at, content_hash, received_at)"
                    " FROM STDIN") as copy:
                for p in planned:
                    e = p.event
                    copy.write_row((store_id, e.seq, e.event_id, e.kind, p.document_text(), e.created_at, p.digest, at))
        else:
            session.execute(insert(Event), [
                {"store_id": store_id, "seq": p.event.seq, "event_id": p.event.event_id, "kind": p.event.kind,
                 "payload": p.document(), "created_at": p.event.created_at, "content_hash": p.digest,
                 "received_at": at}
                for p in planned
            ])
    except (IntegrityError, psycopg.IntegrityError) as error:
        # Another store's event with the same id (or a racing duplicate) got there first.
        text = str(getattr(error, "orig", error))
        raise _conflict(next((p.event.event_id for p in planned if p.event.event_id in text),
                             planned[0].event.event_id)) from None


def _record_parked(session: Session, store_id: int, planned: list[Planned], at: datetime) -> None:
    rows = [{"store_id": store_id, "event_id": p.parked.event_id, "seq": p.parked.seq, "kind": p.event.kind,
             "reason": p.parked.reason, "detail": p.parked.field, "created_at": at}
            for p in planned if p.parked is not None]
    if rows:
        session.execute(insert(ParkedEvent), rows)


def _materialise(session: Session, store: Store, planned: list[Planned]) -> None:
    """What the events say, applied: sales and their tenders, stock, loyalty steps."""
    new_sales = [(p.event.event_id, p.sale) for p in planned if p.sale is not None]
    if new_sales:
        if is_postgres(session):
            _keep_sales_postgres(session, store.id, new_sales)
        else:
            _keep_sales_portable(session, store.id, new_sales)
        _mark_channels(session, store.id, [p for p in planned if p.sale is not None and p.channel is not None])
    net: dict[str, int] = defaultdict(int)
    for p in planned:
        for sku, delta in p.stock:
            net[sku] += delta
    _move_stock(session, store.id, {sku: delta for sku, delta in net.items() if delta})
    for p in planned:
        for effect in p.effects:
            effect()
        if p.steps:
            _take_steps(session, store, p)


def _mark_channels(session: Session, store_id: int, planned: list[Planned]) -> None:
    """An O2O sale's channel, order no, commission and delivery fee on its sales row (the row this
    very event wrote: a sale sent again keeps its first copy)."""
    for p in planned:
        assert p.sale is not None and p.channel is not None
        c = p.channel
        session.execute(update(Sale).where(Sale.store_id == store_id, Sale.sale_id == p.sale.sale_id,
                                           Sale.event_id == p.event.event_id)
                        .values(channel=c.channel, channel_order_no=c.channel_order_no, o2o_order_id=c.o2o_order_id,
                                commission=c.commission, delivery_fee=c.delivery_fee))


def _keep_sales_postgres(session: Session, store_id: int, new_sales: list[tuple[str, SaleFigures]]) -> None:
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    with connection.cursor() as cursor:  # type: ignore[attr-defined]
        # A sale_id sent again under a new event id keeps the first copy: the event itself is kept,
        # and the sales table never counts one sale twice. The store row is locked, so no other
        # batch of this store can add a sale between this check and the COPY.
        cursor.execute("SELECT sale_id FROM sales WHERE store_id = %s AND sale_id = ANY(%s)",
                       [store_id, [s.sale_id for _, s in new_sales]], prepare=False)
        taken = {row[0] for row in cursor.fetchall()}
        unique: dict[str, tuple[str, SaleFigures]] = {}
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
        with cursor.copy("COPY sale_tenders (store_id, sale_id, method, amount, business_day, provider,"
                         " transaction_id, out_trade_no, payer_bank, fee, out_refund_no, refund_id)"
                         " FROM STDIN") as copy:
            for _, s in unique.values():
                for method, amount in s.tenders.items():
                    copy.write_row((store_id, s.sale_id, method, amount, s.completed_at.date(),
                                    *_provider_columns(s, method)))


def _keep_sales_portable(session: Session, store_id: int, new_sales: list[tuple[str, SaleFigures]]) -> None:
    """The same writes through SQLAlchemy, for the SQLite demo."""
    session.execute(upsert_insert(session, Sale).on_conflict_do_nothing(index_elements=["store_id", "sale_id"]), [
        {"store_id": store_id, "sale_id": s.sale_id, "till": s.till, "business_day": s.completed_at.date(),
         "completed_at": s.completed_at, "total": s.total, "rounding": s.rounding, "change": s.change,
         "item_count": s.item_count, "event_id": event_id, "member_no": s.member_no}
        for event_id, s in new_sales
    ])
    tenders = [
        {"store_id": store_id, "sale_id": s.sale_id, "method": method, "amount": amount,
         "business_day": s.completed_at.date(),
         **dict(zip(_PROVIDER_COLUMNS, _provider_columns(s, method), strict=True))}
        for _, s in new_sales for method, amount in s.tenders.items()
    ]
    if tenders:
        session.execute(upsert_insert(session, SaleTender).on_conflict_do_nothing(), tenders)


_PROVIDER_COLUMNS = ("provider", "transaction_id", "out_trade_no", "payer_bank", "fee", "out_refund_no", "refund_id")


def _provider_columns(sale: SaleFigures, method: str) -> tuple[str | int | None, ...]:
    """A tender row's provider columns (付款码: the provider's record; all None and fee 0 otherwise)."""
    found = sale.providers.get(method)
    if found is None:
        return (None, None, None, None, 0, None, None)
    return (found.provider, found.transaction_id, found.out_trade_no, found.payer_bank, found.fee,
            found.out_refund_no, found.refund_id)


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


def _take_steps(session: Session, store: Store, planned: Planned) -> None:
    """Each loyalty step once; one HQ cannot take is a conflict for the store manager, never a
    reason to refuse the event (the sale happened). Anything else stops the whole event."""
    for step in planned.steps:
        try:
            with session.begin_nested():
                step.run()
        except DomainError as error:
            session.add(LoyaltyConflict(store_id=store.id, event_id=planned.event.event_id, subject=step.subject[:64],
                                        action=step.action, reason=error.code, created_at=clock.now()))
