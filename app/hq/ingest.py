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

from app.domain import limits
from app.domain.errors import DomainError
from app.domain.sale import TENDERS
from app.hq import clock
from app.hq.engine import is_postgres, upsert_insert
from app.hq.models import Event, LoyaltyConflict, ParkedEvent, Sale, SaleTender, Store, StoreStock

log = logging.getLogger("omnistore.hq.ingest")

SALE_COMPLETED = "sale_completed"
SALE_RETURNED = "sale_returned"  # shaped like a sale, with negative amounts: reports net it out
STOCK_MOVED = "stock_moved"
TICKET_VOIDED = "ticket_voided"
COUPON_REMOVED = "coupon_removed"  # a coupon taken off a ticket: HQ releases its reservation
KINDS_STORED_ONLY = ("shift_opened", "shift_closed", TICKET_VOIDED)

#: why an event was parked (message codes of ``app.messages``)
FIELD_INVALID = "event_field_invalid"  # a field HQ reads is missing, of the wrong type or beyond its limit
TEXT_INVALID = "event_text_invalid"  # text PostgreSQL cannot keep (NUL), or a number JSON cannot (NaN)
NOT_APPLICABLE = "event_not_applicable"  # the database refused it


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


@dataclass(frozen=True, slots=True)
class Step:
    """A coupon, stored-value or points move an event asks of HQ; one HQ cannot take (a coupon
    another store took first) is kept as a loyalty conflict for the store's manager."""

    action: str
    subject: str
    run: Callable[[], object]


@dataclass(slots=True)
class Planned:
    """An event of the batch, read: what applying it writes, or why it is parked instead."""

    event: IncomingEvent
    payload: str  # canonical JSON, as hashed
    digest: str
    sale: SaleRow | None = None
    stock: tuple[tuple[str, int], ...] = ()
    steps: tuple[Step, ...] = ()
    parked: Parked | None = None

    def park(self, reason: str, detail: str) -> Planned:
        return replace(self, sale=None, stock=(), steps=(),
                       parked=Parked(self.event.event_id, self.event.seq, reason, detail[:200]))

    def document(self) -> dict[str, Any]:
        """The payload as HQ keeps it: as sent, or — for an event whose text HQ could not keep —
        its JSON text in ASCII (every character escaped), which any database keeps."""
        if self.parked is None or self.parked.reason == FIELD_INVALID:
            return self.event.payload
        return {"unstored": json.dumps(self.event.payload, sort_keys=True, ensure_ascii=True)}

    def document_text(self) -> str:
        return self.payload if self.document() is self.event.payload else json.dumps(self.document())


class Unreadable(Exception):
    """What parks an event: ``reason`` (a message code) and the payload field at fault."""

    def __init__(self, reason: str, field: str) -> None:
        super().__init__(f"{reason}: {field}")
        self.reason = reason
        self.field = field


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
    """Read ``event`` with the shared limits: its sale row, stock moves and loyalty steps — or parked."""
    try:
        unkeepable = _unkeepable_field(payload, event.payload)
        if unkeepable is not None:
            raise Unreadable(TEXT_INVALID, unkeepable)
        fields = Fields(event.payload)
        if event.kind == SALE_COMPLETED:
            sale = read_sale(fields)
            steps = tuple(_sale_steps(session, store, fields, sale)) if _may_move_loyalty(fields, sale) else ()
            return Planned(event, payload, digest, sale=sale, steps=steps)
        if event.kind == SALE_RETURNED:
            sale = read_sale(fields)
            return Planned(event, payload, digest, sale=sale, steps=tuple(_return_steps(session, store, fields, sale)))
        if event.kind == STOCK_MOVED:
            return Planned(event, payload, digest, stock=tuple(read_stock(fields)))
        if event.kind == TICKET_VOIDED:
            return Planned(event, payload, digest, steps=tuple(_void_steps(session, store, fields)))
        if event.kind == COUPON_REMOVED:
            return Planned(event, payload, digest, steps=(_removed_coupon_step(session, store, fields),))
        return Planned(event, payload, digest)
    except Unreadable as why:
        return Planned(event, payload, digest).park(why.reason, why.field)


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


class Fields:
    """A payload, or a part of one, read field by field with the shared limits. The first field
    that is missing, of the wrong type or beyond its limit parks the event, naming the field."""

    __slots__ = ("data", "where")

    def __init__(self, data: dict[str, Any], where: str = "") -> None:
        self.data = data
        self.where = where

    def path(self, key: str) -> str:
        return f"{self.where}{key}"

    def unreadable(self, key: str) -> Unreadable:
        return Unreadable(FIELD_INVALID, self.path(key))

    def text(self, key: str, limit: limits.TextLimit) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not limit.min_length <= len(value) <= limit.max_length \
                or limits.has_control_characters(value):
            raise self.unreadable(key)
        return value

    def optional_text(self, key: str, limit: limits.TextLimit) -> str | None:
        """None when absent, null or empty."""
        return self.text(key, limit) if self.data.get(key) not in (None, "") else None

    def number(self, key: str, maximum: int, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > maximum:
            raise self.unreadable(key)
        return value

    def moment(self, key: str) -> datetime:
        """An ISO date and time, as the store's wall clock had it (any zone dropped: the business
        day is the store's)."""
        value = self.data.get(key)
        try:
            moment = datetime.fromisoformat(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self.unreadable(key) from None
        return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment

    def sequence(self, key: str, *, required: bool = False, longest: int | None = None) -> list[Any]:
        """A list as sent (empty when absent and not ``required``), of at most ``longest`` entries."""
        value = self.data.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or (longest is not None and len(value) > longest):
            raise self.unreadable(key)
        return value

    def items(self, key: str, *, required: bool = False, only_objects: bool = False) -> list[Fields]:
        """A list of objects (entries that are not objects are passed over unless ``only_objects``)."""
        value = self.sequence(key, required=required)
        if only_objects and not all(isinstance(item, dict) for item in value):
            raise self.unreadable(key)
        return [self.item(key, n) for n, item in enumerate(value) if isinstance(item, dict)]

    def item(self, key: str, n: int) -> Fields:
        """Entry ``n`` (an object) of the list ``key``."""
        return Fields(self.data[key][n], f"{self.path(key)}.{n}.")

    def texts(self, key: str, limit: limits.TextLimit) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.unreadable(key)
        return [Fields({"": item}, f"{self.path(key)}.{n}").text("", limit) for n, item in enumerate(value)]

    def flag(self, key: str) -> bool:
        return bool(self.data.get(key))

    def ticket(self, key: str) -> str:
        """A ticket's id as a ledger ref takes it (the store's own number: an integer)."""
        value = self.data.get(key)
        if value is None:
            return "None"  # what refs of such events always said
        if isinstance(value, str):
            return self.text(key, limits.SALE_ID)
        return str(self.number(key, limits.INT8_MAX))


def read_sale(fields: Fields) -> SaleRow:
    """The sales-table row for a ``sale_completed`` (or ``sale_returned``) payload, the store's ticket."""
    sale_id = fields.text("sale_id", limits.SALE_ID)
    till = fields.text("till", limits.TILL)
    completed_at = fields.moment("completed_at")
    tenders: dict[str, int] = {}
    for n, raw in enumerate(fields.sequence("tenders", required=True)):
        if not isinstance(raw, dict):
            raise fields.unreadable("tenders")
        tender = Fields(raw, f"tenders.{n}.")
        method = tender.text("method", limits.TENDER_METHOD)
        tenders[method] = tenders.get(method, 0) + tender.number("amount", limits.MAX_AMOUNT)
    change = fields.number("change", limits.MAX_AMOUNT)
    if change and tenders.get("cash", 0) >= change:
        tenders["cash"] -= change  # change goes back in cash: the takings per tender are net of it
    lines = fields.sequence("lines", required=True, longest=limits.MAX_LINES)
    given = fields.data.get("item_count")
    if isinstance(given, int) and not isinstance(given, bool):
        item_count = fields.number("item_count", limits.MAX_ITEM_COUNT)
    else:
        counted = sum(
            (line.get("quantity", 0) if line.get("unit", "piece") == "piece" else 1)
            for line in lines if isinstance(line, dict) and not line.get("voided")
            and isinstance(line.get("quantity", 0), int))
        item_count = Fields({"item_count": counted}, fields.where).number("item_count", limits.MAX_ITEM_COUNT)
    return SaleRow(sale_id, till, completed_at, fields.number("total", limits.MAX_TICKET_AMOUNT),
                   fields.number("rounding", limits.MAX_AMOUNT), change, item_count, dict(tenders),
                   fields.optional_text("member_no", limits.MEMBER_NO))


def read_stock(fields: Fields) -> list[tuple[str, int]]:
    """A ``stock_moved`` event's (SKU, change) pairs."""
    return [(line.text("sku", limits.SKU), line.number("delta", limits.MAX_STOCK_DELTA))
            for line in fields.items("lines", required=True, only_objects=True)]


# ---- loyalty steps, one reader per kind of event ---------------------------------------------
#
# A step's own input (a coupon code, a refund's card) HQ cannot read does not park the event: the
# sale happened and counts; the step is kept as the manager's conflict (``invalid_request``), as a
# step HQ cannot take is.


def _may_move_loyalty(fields: Fields, sale: SaleRow) -> bool:
    """Whether a sale asks anything of loyalty at all: the usual cash sale of goods does not."""
    data = fields.data
    return bool(sale.member_no or data.get("coupons")) or any(
        isinstance(line, dict) and line.get("card_no") for line in data["lines"])


def _sale_steps(session: Session, store: Store, fields: Fields, sale: SaleRow) -> Iterator[Step]:
    """A sale commits its coupons, activates the gift cards it sold, earns the member points and
    消费返券 on what was paid for goods."""
    from app.hq import campaigns, loyalty

    def commit(n: int, raw: Any) -> Step | None:
        if not isinstance(raw, dict):
            return None
        coupon = fields.item("coupons", n)
        code = coupon.text("code", limits.COUPON)
        if raw.get("offline"):
            return Step("commit", code, partial(loyalty.redeem_offline, session, store, code, sale.sale_id))
        # the reservation's own ref when the store kept one, else the ticket's
        ref = coupon.optional_text("ref", limits.REF) or f"{store.code}:{fields.ticket('id')}"
        return Step("commit", code, partial(loyalty.commit_coupon, session, store, code, ref, sale.sale_id))

    yield from _each(fields, "coupons", "commit", "code", commit)
    cards_paid = 0

    def activate(n: int, raw: Any) -> Step | None:
        nonlocal cards_paid
        if not isinstance(raw, dict) or not raw.get("card_no") or raw.get("voided"):
            return None
        line = fields.item("lines", n)
        card = line.text("card_no", limits.CARD)
        paid = line.number("amount", limits.MAX_AMOUNT) - line.number("discount", limits.MAX_AMOUNT, 0)
        cards_paid += paid
        return Step("activate", card, partial(_activate_card, session, store, card, paid, f"{store.code}:{sale.sale_id}"))

    yield from _each(fields, "lines", "activate", "card_no", activate)
    if sale.member_no:
        # Points and 消费返券 follow the money paid at the till for goods: not gift cards bought, nor
        # tenders whose money came in earlier or was earned already.
        paid = max(0, sale.total - _paid_without_earning(sale) - cards_paid)
        ref = f"sale:{store.code}:{sale.sale_id}"
        yield Step("points", sale.member_no, partial(loyalty.earn_points, session, sale.member_no, paid, ref))
        yield Step("campaign", sale.member_no,
                   partial(campaigns.issue_on_sale, session, store, sale.member_no, paid, ref))


#: tenders whose money came in earlier (a top-up) or was earned already: they earn no points
def _paid_without_earning(sale: SaleRow) -> int:
    """What tenders that earn no points paid (``TenderKind.earns_points``: stored value, gift cards,
    points — their money came in at a top-up or was earned already); a tender this HQ does not
    know earns (the store's money, whatever it was)."""
    return sum(amount for method, amount in sale.tenders.items()
               if method in TENDERS and not TENDERS[method].earns_points)


def _return_steps(session: Session, store: Store, fields: Fields, sale: SaleRow) -> Iterator[Step]:
    """A return refunds to the cards and points that paid, restores its coupons and takes back its
    campaign coupons when the whole sale came back, and takes back the points it earned."""
    from app.hq import campaigns, loyalty

    back_in_kind = 0

    def refund(n: int, raw: Any) -> Step | None:
        nonlocal back_in_kind
        if not isinstance(raw, dict):
            return None
        entry = fields.item("refunds", n)
        card, spend_ref = entry.text("card", limits.CARD), entry.text("spend_ref", limits.REF)
        amount, ref = entry.number("amount", limits.MAX_AMOUNT, 0), entry.text("ref", limits.REF)
        back_in_kind += amount
        return Step("refund", card, partial(loyalty.refund_part, session, store, card, spend_ref, amount, ref))

    def points_back(n: int, raw: Any) -> Step | None:
        nonlocal back_in_kind
        if not isinstance(raw, dict):
            return None
        entry = fields.item("points_refunds", n)
        member, spend_ref = entry.text("member", limits.MEMBER_NO), entry.text("spend_ref", limits.REF)
        amount, ref = entry.number("amount", limits.MAX_AMOUNT, 0), entry.text("ref", limits.REF)
        back_in_kind += amount
        return Step("points_back", member,
                    partial(loyalty.refund_points_part, session, member, spend_ref, amount, ref))

    def restore(n: int, raw: Any) -> Step:
        code = Fields({"": raw}, f"restore_coupons.{n}").text("", limits.COUPON)
        return Step("restore", code, partial(loyalty.restore_coupon, session, store, code,
                                             str(fields.optional_text("original_sale", limits.SALE_ID))))

    yield from _each(fields, "refunds", "refund", "card", refund)
    yield from _each(fields, "points_refunds", "points_back", "member", points_back)
    yield from _each(fields, "restore_coupons", "restore", None, restore)
    try:
        original = fields.optional_text("original_sale", limits.SALE_ID)
    except Unreadable as why:
        yield _refused("points", sale.member_no, why)
        return
    if fields.flag("whole") and original:
        yield Step("campaign_back", sale.member_no or "",
                   partial(campaigns.revoke_for_sale, session, f"sale:{store.code}:{original}"))
    if sale.member_no:
        yield Step("points", sale.member_no, partial(
            loyalty.earn_points, session, sale.member_no, sale.total + back_in_kind,
            f"return:{store.code}:{sale.sale_id}", f"sale:{store.code}:{original}" if original else None))


def _void_steps(session: Session, store: Store, fields: Fields) -> Iterator[Step]:
    """A voided ticket releases its coupons and gives back the stored value and points it took."""
    from app.hq import loyalty

    # each coupon's own reservation ref when the store kept one, else the ticket's
    try:
        refs = {str(c.get("code")): c.get("ref") for c in fields.sequence("coupon_refs") if isinstance(c, dict)}
    except Unreadable:
        refs = {}  # then the ticket's ref: a release HQ cannot match becomes the manager's conflict

    def release(n: int, raw: Any) -> Step:
        code = Fields({"": raw}, f"coupons.{n}").text("", limits.COUPON)
        ref = Fields(refs, "coupon_refs.").optional_text(code, limits.REF) or f"{store.code}:{fields.ticket('ticket')}"
        return Step("release", code, partial(loyalty.release_coupon, session, store, code, ref))

    def refund(n: int, raw: Any) -> Step | None:
        if not isinstance(raw, dict) or not raw.get("card"):
            return None
        entry = fields.item("refunds", n)
        card, ref = entry.text("card", limits.CARD), entry.text("ref", limits.REF)
        return Step("refund", card, partial(loyalty.refund, session, store, card, ref))

    def points_back(n: int, raw: Any) -> Step | None:
        if not isinstance(raw, dict):
            return None
        entry = fields.item("points_refunds", n)
        member, ref = entry.text("member", limits.MEMBER_NO), entry.text("ref", limits.REF)
        return Step("points_back", member, partial(loyalty.refund_points, session, member, ref))

    yield from _each(fields, "coupons", "release", None, release)
    yield from _each(fields, "refunds", "refund", "card", refund)
    yield from _each(fields, "points_refunds", "points_back", "member", points_back)


def _removed_coupon_step(session: Session, store: Store, fields: Fields) -> Step:
    from app.hq import loyalty

    try:
        code, ref = fields.text("code", limits.COUPON), fields.text("ref", limits.REF)
    except Unreadable as why:
        return _refused("release", fields.data.get("code"), why)
    return Step("release", code, partial(loyalty.release_coupon, session, store, code, ref))


def _each(fields: Fields, key: str, action: str, subject: str | None,
          build: Callable[[int, Any], Step | None]) -> Iterator[Step]:
    """The step ``build`` makes of each entry of the list ``key`` (None: no step for that entry);
    an entry, or a list, HQ cannot read becomes a refused step naming the entry's ``subject``."""
    try:
        entries = fields.sequence(key)
    except Unreadable as why:
        yield _refused(action, "", why)
        return
    for n, raw in enumerate(entries):
        try:
            step = build(n, raw)
        except Unreadable as why:
            step = _refused(action, raw.get(subject) if isinstance(raw, dict) and subject else raw, why)
        if step is not None:
            yield step


def _refused(action: str, subject: object, why: Unreadable) -> Step:
    return Step(action, _shown(subject), partial(_refuse, why.field))


def _refuse(field: str) -> None:
    raise DomainError("invalid_request", status=422, detail=field)


def _shown(value: object) -> str:
    """A subject as a conflict shows it: printable, at most the column's 64 characters."""
    text = value if isinstance(value, str) else "" if value is None else json.dumps(value, default=str)
    return "".join(ch if ch.isprintable() else "?" for ch in text[:64])


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
    net: dict[str, int] = defaultdict(int)
    for p in planned:
        for sku, delta in p.stock:
            net[sku] += delta
    _move_stock(session, store.id, {sku: delta for sku, delta in net.items() if delta})
    for p in planned:
        if p.steps:
            _take_steps(session, store, p)


def _keep_sales_postgres(session: Session, store_id: int, new_sales: list[tuple[str, SaleRow]]) -> None:
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    with connection.cursor() as cursor:  # type: ignore[attr-defined]
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


def _keep_sales_portable(session: Session, store_id: int, new_sales: list[tuple[str, SaleRow]]) -> None:
    """The same writes through SQLAlchemy, for the SQLite demo."""
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
