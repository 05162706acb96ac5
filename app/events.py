"""事件: what a store tells HQ through its outbox — each kind a typed value, defined once.

The store builds an event from what happened and records it in its outbox in the transaction of
the change (``app.outbox.record``); HQ reads the same payload back with the same class's ``read``
(``app.hq.ingest``). So the two sides can't drift: a field is named, limited and read in one place.

Reading checks every field HQ keeps against the shared limits (``app.domain.limits``): one that is
missing, of the wrong type or beyond its limit raises ``Unreadable`` naming it, and HQ parks the
event (搁置) — it keeps its place in the store's stream, nothing of it applies. The loyalty moves
inside an event (a sale's coupons and the gift cards it sold, a return's refunds, a void's
releases) are read one by one instead: one HQ cannot read stands as an ``Unread`` in its place, the
sale still counts, and that one move becomes the store manager's conflict.

Payloads stay readable across store versions: a field added later is optional with a default,
and what HQ does not read is kept as sent, not checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

from app.domain import limits
from app.domain.sale import GIFT_CARD, POINTS, STORED_VALUE, Sale

#: why an event was parked (message codes of ``app.messages``)
FIELD_INVALID = "event_field_invalid"  # a field HQ reads is missing, of the wrong type or beyond its limit
TEXT_INVALID = "event_text_invalid"  # text PostgreSQL cannot keep (NUL), or a number JSON cannot (NaN)
NOT_APPLICABLE = "event_not_applicable"  # the database refused it

Payload = dict[str, Any]
T = TypeVar("T")


class Unreadable(Exception):
    """What parks an event: ``reason`` (a message code) and the payload field at fault."""

    def __init__(self, reason: str, field: str) -> None:
        super().__init__(f"{reason}: {field}")
        self.reason = reason
        self.field = field


@dataclass(frozen=True, slots=True)
class Unread:
    """A loyalty move of an event HQ could not read: the field at fault and what it was about (a
    coupon code, a card), as the manager's conflict shows it."""

    field: str
    subject: str


class Fields:
    """A payload, or a part of one, read field by field with the shared limits. The first field
    that is missing, of the wrong type or beyond its limit raises ``Unreadable``, naming the field."""

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

    def day(self, key: str) -> date:
        """A calendar day, ``YYYY-MM-DD``."""
        value = self.data.get(key)
        try:
            return date.fromisoformat(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self.unreadable(key) from None

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

    def entry(self, key: str, n: int, limit: limits.TextLimit) -> str:
        """Entry ``n`` of the list ``key`` as a text of ``limit``'s kind."""
        return Fields({"": self.data[key][n]}, f"{self.path(key)}.{n}").text("", limit)

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


def each(fields: Fields, key: str, subject: str | None, read: Callable[[Fields, int, Any], T | None]
         ) -> tuple[T | Unread, ...]:
    """``read`` of each entry of the list ``key`` (None: nothing to do for that entry); an entry, or
    the list, HQ cannot read stands as an ``Unread`` naming the entry's ``subject`` field."""
    try:
        entries = fields.sequence(key)
    except Unreadable as why:
        return (Unread(why.field, ""),)
    found: list[T | Unread] = []
    for n, raw in enumerate(entries):
        try:
            value = read(fields, n, raw)
        except Unreadable as why:
            found.append(Unread(why.field, _shown(raw.get(subject) if isinstance(raw, dict) and subject else raw)))
            continue
        if value is not None:
            found.append(value)
    return tuple(found)


def _shown(value: object) -> str:
    """A subject as a conflict shows it: printable, at most the column's 64 characters."""
    import json

    text = value if isinstance(value, str) else "" if value is None else json.dumps(value, default=str)
    return "".join(ch if ch.isprintable() else "?" for ch in text[:64])


# ---- the parts of a sale ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tender:
    """A tender of a sale, or (negative) where a return's money went. A payment-code tender
    (付款码: WeChat Pay, Alipay) carries the provider's record of it: ``provider``, its
    ``transaction_id``, our ``out_trade_no``, the payer's bank type and the fee when known; a
    refund to it carries our ``out_refund_no`` and the provider's ``refund_id``. All optional:
    older stores send none of them."""

    method: str
    amount: int
    provider: str | None = None
    transaction_id: str | None = None
    out_trade_no: str | None = None
    payer_bank: str | None = None
    fee: int = 0
    out_refund_no: str | None = None
    refund_id: str | None = None

    #: the provider fields as the payload names them
    PROVIDER_FIELDS: ClassVar[tuple[str, ...]] = ("provider", "transaction_id", "out_trade_no", "payer_bank",
                                                  "out_refund_no", "refund_id")

    @property
    def by_provider(self) -> bool:
        return self.provider is not None

    @staticmethod
    def read_all(fields: Fields) -> dict[str, int]:
        """The sale's takings per method."""
        totals: dict[str, int] = {}
        for tender in Tender.read_each(fields):
            totals[tender.method] = totals.get(tender.method, 0) + tender.amount
        return totals

    @staticmethod
    def read_each(fields: Fields) -> list[Tender]:
        """Every tender as sent, with its provider fields (absent ones None, the fee 0)."""
        found: list[Tender] = []
        for n, raw in enumerate(fields.sequence("tenders", required=True)):
            if not isinstance(raw, dict):
                raise fields.unreadable("tenders")
            tender = Fields(raw, f"tenders.{n}.")
            found.append(Tender(
                tender.text("method", limits.TENDER_METHOD), tender.number("amount", limits.MAX_AMOUNT),
                tender.optional_text("provider", limits.TENDER_METHOD),
                tender.optional_text("transaction_id", limits.REF),
                tender.optional_text("out_trade_no", limits.REF),
                tender.optional_text("payer_bank", limits.REF),
                tender.number("fee", limits.MAX_AMOUNT, 0) if raw.get("fee") is not None else 0,
                tender.optional_text("out_refund_no", limits.REF),
                tender.optional_text("refund_id", limits.REF)))
        return found

    @staticmethod
    def provider_details(tenders: Iterable[Tender]) -> dict[str, Tender]:
        """Per method, the provider's record of it (the first tender of that method that has one;
        a sale rarely takes two payment codes of one provider, and their amounts are summed)."""
        found: dict[str, Tender] = {}
        for tender in tenders:
            if tender.by_provider and tender.method not in found:
                found[tender.method] = tender
        return found

    def payload(self) -> Payload:
        data: Payload = {"method": self.method, "amount": self.amount}
        for key in self.PROVIDER_FIELDS:
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.by_provider:
            data["fee"] = self.fee
        return data


@dataclass(frozen=True, slots=True)
class CouponHeld:
    """A coupon on a sale (committed with it) or on a voided ticket (released): its code and the
    reservation's own ref when the store kept one — else the ticket's number, which HQ makes the
    ref of (``ticket_ref``)."""

    code: str
    ref: str | None = None
    offline: bool = False
    ticket: str | None = None

    def ticket_ref(self, store: str) -> str:
        return self.ref or f"{store}:{self.ticket}"


@dataclass(frozen=True, slots=True)
class CardSold:
    """A gift card sold on a line of the sale, and what the line paid for it."""

    card: str
    paid: int


@dataclass(frozen=True, slots=True)
class MoneyBack:
    """Part of a return's refund going back to a card (``who`` the card) or to points (``who`` the
    member), taken from the payment ``spend_ref``; recorded at HQ under ``ref``."""

    who: str
    spend_ref: str
    amount: int
    ref: str


@dataclass(frozen=True, slots=True)
class SpendBack:
    """A voided ticket's payment in kind, given back whole: the card or member, and its ref."""

    who: str
    ref: str


@dataclass(frozen=True, slots=True)
class PaycodeRefundBack:
    """A voided ticket's payment-code (付款码) charge refunded whole to the customer's code: the
    provider, our order and refund numbers, the amount (fen)."""

    provider: str
    out_trade_no: str
    out_refund_no: str
    amount: int

    def payload(self) -> Payload:
        return {"provider": self.provider, "out_trade_no": self.out_trade_no, "out_refund_no": self.out_refund_no,
                "amount": self.amount}


@dataclass(frozen=True, slots=True)
class SaleFigures:
    """What HQ's sales table keeps of a sale or a return (a return's amounts are negative)."""

    sale_id: str
    till: str
    completed_at: datetime
    total: int
    rounding: int
    change: int
    item_count: int
    tenders: dict[str, int]
    member_no: str | None = None
    #: per method, a payment-code tender's provider record (``Tender.provider_details``)
    providers: dict[str, Tender] = field(default_factory=dict)

    @classmethod
    def read(cls, fields: Fields) -> SaleFigures:
        sale_id = fields.text("sale_id", limits.SALE_ID)
        till = fields.text("till", limits.TILL)
        completed_at = fields.moment("completed_at")
        each_tender = Tender.read_each(fields)
        tenders: dict[str, int] = {}
        for tender in each_tender:
            tenders[tender.method] = tenders.get(tender.method, 0) + tender.amount
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
        return cls(sale_id, till, completed_at, fields.number("total", limits.MAX_TICKET_AMOUNT),
                   fields.number("rounding", limits.MAX_AMOUNT), change, item_count, tenders,
                   fields.optional_text("member_no", limits.MEMBER_NO), Tender.provider_details(each_tender))


# ---- the events --------------------------------------------------------------------------------


class Event:
    """One kind of event: ``KIND`` names it in the outbox; ``payload()`` is what is sent."""

    KIND: ClassVar[str]

    def payload(self) -> Payload:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class SaleCompleted(Event):
    """结账: a completed sale, as the till's ticket (``app.checkout.ticket_view``) — HQ counts it,
    commits its coupons, activates the gift cards it sold, and earns the member points on it."""

    KIND: ClassVar[str] = "sale_completed"
    ticket: Payload
    figures: SaleFigures | None = None
    coupons: tuple[CouponHeld | Unread, ...] = ()
    cards: tuple[CardSold | Unread, ...] = ()
    #: where the sale was made: "store" (the counter), or the online channel of an O2O order handed
    #: over here ("own", "meituan", "eleme") with the channel's order number, HQ's order id, and the
    #: platform's commission and delivery fee where known (fen)
    channel: str = "store"
    channel_order_no: str | None = None
    o2o_order_id: int | None = None
    commission: int = 0
    delivery_fee: int = 0

    def payload(self) -> Payload:
        if self.channel == "store":
            return self.ticket
        return {**self.ticket, "channel": self.channel, "channel_order_no": self.channel_order_no,
                "o2o_order_id": self.o2o_order_id, "commission": self.commission, "delivery_fee": self.delivery_fee}

    @classmethod
    def read(cls, fields: Fields) -> SaleCompleted:
        figures = SaleFigures.read(fields)
        data = fields.data
        channel = _channel_of(fields)
        if not (figures.member_no or data.get("coupons") or any(
                isinstance(line, dict) and line.get("card_no") for line in data["lines"])):
            return cls(data, figures, **channel)  # the usual sale of goods asks nothing of loyalty

        def coupon(f: Fields, n: int, raw: Any) -> CouponHeld | None:
            if not isinstance(raw, dict):
                return None
            entry = f.item("coupons", n)
            code = entry.text("code", limits.COUPON)
            if raw.get("offline"):
                return CouponHeld(code, offline=True)
            ref = entry.optional_text("ref", limits.REF)
            return CouponHeld(code, ref, ticket=None if ref else f.ticket("id"))

        def card(f: Fields, n: int, raw: Any) -> CardSold | None:
            if not isinstance(raw, dict) or not raw.get("card_no") or raw.get("voided"):
                return None
            line = f.item("lines", n)
            number = line.text("card_no", limits.CARD)
            return CardSold(number, line.number("amount", limits.MAX_AMOUNT)
                            - line.number("discount", limits.MAX_AMOUNT, 0))

        return cls(data, figures, each(fields, "coupons", "code", coupon), each(fields, "lines", "card_no", card),
                   **channel)


#: the sale channels a SaleCompleted may name (absent: the counter)
SALE_CHANNELS = ("store", "own", "meituan", "eleme")


def _channel_of(fields: Fields) -> dict[str, Any]:
    """A sale's channel fields, defaulted for a counter sale and for stores from before O2O."""
    channel = fields.data.get("channel", "store")
    if channel not in SALE_CHANNELS:
        raise fields.unreadable("channel")
    if channel == "store":
        return {}
    order_id = fields.data.get("o2o_order_id")
    return {"channel": channel, "channel_order_no": fields.optional_text("channel_order_no", limits.REF),
            "o2o_order_id": None if order_id is None else fields.number("o2o_order_id", limits.INT8_MAX),
            "commission": fields.number("commission", limits.MAX_AMOUNT, 0),
            "delivery_fee": fields.number("delivery_fee", limits.MAX_AMOUNT, 0)}


@dataclass(frozen=True, slots=True)
class SaleReturned(Event):
    """退货: goods of a sale brought back (or without a receipt), shaped like a sale with negative
    amounts so reports net it out; its refunds in kind go back at HQ, its coupons are restored and
    its campaign coupons taken back when the whole sale came back, and its points are taken back."""

    KIND: ClassVar[str] = "sale_returned"
    data: Payload
    figures: SaleFigures | None = None
    refunds: tuple[MoneyBack | Unread, ...] = ()
    points_refunds: tuple[MoneyBack | Unread, ...] = ()
    restore_coupons: tuple[str | Unread, ...] = ()
    original_sale: str | Unread | None = None
    whole: bool = False

    def payload(self) -> Payload:
        return self.data

    @classmethod
    def read(cls, fields: Fields) -> SaleReturned:
        figures = SaleFigures.read(fields)

        def back(key: str, who: str, limit: limits.TextLimit) -> Callable[[Fields, int, Any], MoneyBack | None]:
            def read(f: Fields, n: int, raw: Any) -> MoneyBack | None:
                if not isinstance(raw, dict):
                    return None
                entry = f.item(key, n)
                return MoneyBack(entry.text(who, limit), entry.text("spend_ref", limits.REF),
                                 entry.number("amount", limits.MAX_AMOUNT, 0), entry.text("ref", limits.REF))
            return read

        try:
            original: str | Unread | None = fields.optional_text("original_sale", limits.SALE_ID)
        except Unreadable as why:
            original = Unread(why.field, "")
        return cls(fields.data, figures,
                   each(fields, "refunds", "card", back("refunds", "card", limits.CARD)),
                   each(fields, "points_refunds", "member", back("points_refunds", "member", limits.MEMBER_NO)),
                   each(fields, "restore_coupons", None, lambda f, n, raw: f.entry("restore_coupons", n, limits.COUPON)),
                   original, fields.flag("whole"))


@dataclass(frozen=True, slots=True)
class TicketVoided(Event):
    """整单取消: HQ releases the ticket's coupons and gives back what it spent in kind."""

    KIND: ClassVar[str] = "ticket_voided"
    ticket: int
    till: str
    subtotal: int
    coupons: tuple[CouponHeld | Unread, ...] = ()
    refunds: tuple[SpendBack | Unread, ...] = ()
    points_refunds: tuple[SpendBack | Unread, ...] = ()
    #: payment codes (付款码) that had paid on the ticket, refunded to the customer's code
    paycode_refunds: tuple[PaycodeRefundBack | Unread, ...] = ()

    @classmethod
    def of(cls, sale: Sale, paycode_refunds: tuple[PaycodeRefundBack, ...] = ()) -> TicketVoided:
        """A voided ticket's coupons to release and its payments in kind to give back."""
        return cls(sale.id, sale.till, sale.subtotal,
                   tuple(CouponHeld(c.code, c.ref, c.offline) for c in sale.coupons),
                   tuple(SpendBack(p.reference or "", p.ref or "") for p in sale.payments
                         if p.kind in (STORED_VALUE, GIFT_CARD)),
                   tuple(SpendBack(p.reference or "", p.ref or "") for p in sale.payments if p.kind == POINTS),
                   paycode_refunds)

    def payload(self) -> Payload:
        return {
            "ticket": self.ticket, "till": self.till, "subtotal": self.subtotal,
            "coupons": [c.code for c in self.coupons if isinstance(c, CouponHeld)],
            "coupon_refs": [{"code": c.code, "ref": c.ref} for c in self.coupons
                            if isinstance(c, CouponHeld) and c.ref],
            "refunds": [{"card": r.who, "ref": r.ref} for r in self.refunds if isinstance(r, SpendBack)],
            "points_refunds": [{"member": r.who, "ref": r.ref} for r in self.points_refunds
                               if isinstance(r, SpendBack)],
            **({"paycode_refunds": [r.payload() for r in self.paycode_refunds if isinstance(r, PaycodeRefundBack)]}
               if self.paycode_refunds else {}),
        }

    @classmethod
    def read(cls, fields: Fields) -> TicketVoided:
        try:  # each coupon's own reservation ref when the store kept one, else the ticket's
            refs = {str(c.get("code")): c.get("ref") for c in fields.sequence("coupon_refs") if isinstance(c, dict)}
        except Unreadable:
            refs = {}  # then the ticket's ref: a release HQ cannot match becomes the manager's conflict

        def coupon(f: Fields, n: int, raw: Any) -> CouponHeld:
            code = f.entry("coupons", n, limits.COUPON)
            ref = Fields(refs, "coupon_refs.").optional_text(code, limits.REF)
            return CouponHeld(code, ref, ticket=None if ref else f.ticket("ticket"))

        def spend(key: str, who: str, limit: limits.TextLimit) -> Callable[[Fields, int, Any], SpendBack | None]:
            def read(f: Fields, n: int, raw: Any) -> SpendBack | None:
                if not isinstance(raw, dict) or (who == "card" and not raw.get("card")):
                    return None
                entry = f.item(key, n)
                return SpendBack(entry.text(who, limit), entry.text("ref", limits.REF))
            return read

        def paycode(f: Fields, n: int, raw: Any) -> PaycodeRefundBack | None:
            if not isinstance(raw, dict):
                return None
            entry = f.item("paycode_refunds", n)
            return PaycodeRefundBack(entry.text("provider", limits.TENDER_METHOD), entry.text("out_trade_no", limits.REF),
                                     entry.text("out_refund_no", limits.REF),
                                     entry.number("amount", limits.MAX_TICKET_AMOUNT))

        ticket = fields.data.get("ticket")
        return cls(ticket if isinstance(ticket, int) and not isinstance(ticket, bool) else 0,
                   str(fields.data.get("till") or ""), 0, each(fields, "coupons", None, coupon),
                   each(fields, "refunds", "card", spend("refunds", "card", limits.CARD)),
                   each(fields, "points_refunds", "member", spend("points_refunds", "member", limits.MEMBER_NO)),
                   each(fields, "paycode_refunds", "out_refund_no", paycode))


@dataclass(frozen=True, slots=True)
class CouponRemoved(Event):
    """A coupon taken off a ticket: HQ releases its reservation."""

    KIND: ClassVar[str] = "coupon_removed"
    ticket: int
    till: str
    coupon: CouponHeld | Unread

    def payload(self) -> Payload:
        assert isinstance(self.coupon, CouponHeld)
        return {"ticket": self.ticket, "till": self.till, "code": self.coupon.code, "ref": self.coupon.ref}

    @classmethod
    def read(cls, fields: Fields) -> CouponRemoved:
        try:
            coupon: CouponHeld | Unread = CouponHeld(fields.text("code", limits.COUPON), fields.text("ref", limits.REF))
        except Unreadable as why:
            coupon = Unread(why.field, _shown(fields.data.get("code")))
        return cls(0, "", coupon)


@dataclass(frozen=True, slots=True)
class StockLine:
    sku: str
    delta: int
    unit: str = "piece"
    on_hand: int | None = None


@dataclass(frozen=True, slots=True)
class StockMoved(Event):
    """库存变动: a sale, a return, goods received, damage, a count — the net change per SKU."""

    KIND: ClassVar[str] = "stock_moved"
    reason: str
    ref: str
    till: str
    lines: tuple[StockLine, ...]

    def payload(self) -> Payload:
        return {"reason": self.reason, "ref": self.ref, "till": self.till,
                "lines": [{"sku": x.sku, "delta": x.delta, "unit": x.unit, "on_hand": x.on_hand} for x in self.lines]}

    @classmethod
    def read(cls, fields: Fields) -> StockMoved:
        lines = tuple(StockLine(line.text("sku", limits.SKU), line.number("delta", limits.MAX_STOCK_DELTA))
                      for line in fields.items("lines", required=True, only_objects=True))
        return cls(str(fields.data.get("reason") or ""), str(fields.data.get("ref") or ""),
                   str(fields.data.get("till") or ""), lines)


@dataclass(frozen=True, slots=True)
class Kept(Event):
    """An event HQ keeps as sent without applying anything of it (a shift opened or closed, a
    top-up the store already settled with HQ)."""

    kind: str
    data: Payload = field(default_factory=dict)

    def payload(self) -> Payload:
        return self.data


@dataclass(frozen=True, slots=True)
class DayClosed(Event):
    """日结: the store's Z report for a business day, numbered; HQ keeps one per store and day."""

    KIND: ClassVar[str] = "day_closed"
    z_no: int
    business_day: date
    report: Payload

    def payload(self) -> Payload:
        return {"z_no": self.z_no, "business_day": self.business_day.isoformat(), "report": self.report}

    @property
    def net_total(self) -> int:
        return int(self.report.get("net_total") or 0)

    @property
    def sales_count(self) -> int:
        return int(self.report.get("sales_count") or 0)

    @classmethod
    def read(cls, fields: Fields) -> DayClosed:
        report = fields.data.get("report")
        if not isinstance(report, dict):
            raise fields.unreadable("report")
        figures = Fields(report, "report.")
        figures.number("net_total", limits.MAX_TICKET_AMOUNT * limits.MAX_LINES, 0)
        figures.number("sales_count", limits.INT4_MAX, 0)
        if report.get("cash_counted") is not None:
            figures.number("cash_counted", limits.MAX_TICKET_AMOUNT)
        return cls(fields.number("z_no", limits.INT4_MAX), fields.day("business_day"), report)


@dataclass(frozen=True, slots=True)
class CashDeposited(Event):
    """缴款: cash taken from the store against a Z (to the bank, by whom)."""

    KIND: ClassVar[str] = "cash_deposited"
    z_no: int
    business_day: date
    amount: int
    taken_by: str = ""
    note: str = ""
    recorded_by: str = ""
    at: str = ""

    def payload(self) -> Payload:
        return {"z_no": self.z_no, "business_day": self.business_day.isoformat(), "amount": self.amount,
                "taken_by": self.taken_by, "note": self.note, "recorded_by": self.recorded_by, "at": self.at}

    @classmethod
    def read(cls, fields: Fields) -> CashDeposited:
        return cls(fields.number("z_no", limits.INT4_MAX), fields.day("business_day"),
                   fields.number("amount", limits.MAX_TICKET_AMOUNT))


@dataclass(frozen=True, slots=True)
class PaycodeRefundPaidInCash(Event):
    """现金退款: a refund to a payment code the provider refused for good, paid out of a drawer
    instead (a manager allowed it). HQ moves that much of the refund's tender from the provider to
    cash, so its books show what the provider's bill shows: no refund there."""

    KIND: ClassVar[str] = "paycode_refund_paid_in_cash"
    out_refund_no: str
    provider: str
    amount: int
    out_trade_no: str = ""
    till: str = ""
    at: datetime | None = None
    approver: str = ""

    def payload(self) -> Payload:
        return {"out_refund_no": self.out_refund_no, "provider": self.provider, "amount": self.amount,
                "out_trade_no": self.out_trade_no, "till": self.till,
                "at": self.at.isoformat(timespec="seconds") if self.at else None, "approver": self.approver}

    @classmethod
    def read(cls, fields: Fields) -> PaycodeRefundPaidInCash:
        amount = fields.number("amount", limits.MAX_TICKET_AMOUNT)
        if amount <= 0:
            raise fields.unreadable("amount")
        return cls(fields.text("out_refund_no", limits.REF), fields.text("provider", limits.TENDER_METHOD), amount,
                   fields.optional_text("out_trade_no", limits.REF) or "")


@dataclass(frozen=True, slots=True)
class AuditRecorded(Event):
    """审计: one entry of the store's hash-chained audit log, as chained (``app.audit``); HQ keeps
    the store's chain and checks it."""

    KIND: ClassVar[str] = "audit_recorded"
    seq: int
    at: datetime
    till: str
    actor: str
    approver: str
    action: str
    subject: str
    detail: Payload
    prev_hash: str
    hash: str

    def payload(self) -> Payload:
        return {"seq": self.seq, "at": self.at.isoformat(timespec="microseconds"), "till": self.till,
                "actor": self.actor, "approver": self.approver, "action": self.action, "subject": self.subject,
                "detail": self.detail, "prev_hash": self.prev_hash, "hash": self.hash}

    @classmethod
    def read(cls, fields: Fields) -> AuditRecorded:
        detail = fields.data.get("detail")
        if not isinstance(detail, dict):
            raise fields.unreadable("detail")
        return cls(fields.number("seq", limits.INT4_MAX), fields.moment("at"), fields.text("till", AUDIT_CODE),
                   fields.text("actor", AUDIT_CODE), fields.text("approver", AUDIT_CODE),
                   fields.text("action", AUDIT_ACTION), fields.text("subject", AUDIT_SUBJECT), detail,
                   fields.text("prev_hash", AUDIT_HASH), fields.text("hash", AUDIT_HASH))


@dataclass(frozen=True, slots=True)
class PinChanged(Event):
    """An operator's PIN changed at a store (by them, or reset by the manager): HQ keeps the new
    hash and sends it to every store, so the PIN follows the operator."""

    KIND: ClassVar[str] = "pin_changed"
    operator: str
    pin_hash: str
    must_change: bool = False

    def payload(self) -> Payload:
        return {"operator": self.operator, "pin_hash": self.pin_hash, "must_change": self.must_change}

    @classmethod
    def read(cls, fields: Fields) -> PinChanged:
        must = fields.data.get("must_change", False)
        if not isinstance(must, bool):
            raise fields.unreadable("must_change")
        return cls(fields.text("operator", limits.OPERATOR), fields.text("pin_hash", PIN_HASH), must)


AUDIT_CODE = limits.TextLimit("code", 16, min_length=0)
AUDIT_ACTION = limits.TextLimit("action", 32)
AUDIT_SUBJECT = limits.TextLimit("subject", 64, min_length=0)
AUDIT_HASH = limits.TextLimit("hash", 64)
PIN_HASH = limits.TextLimit("pin_hash", 256)

SHIFT_OPENED, SHIFT_CLOSED, STORED_VALUE_TOPUP = "shift_opened", "shift_closed", "stored_value_topup"
#: a top-up paid by payment code that HQ refused (the card closed): the charge refunded to the customer
STORED_VALUE_TOPUP_REFUNDED = "stored_value_topup_refunded"

#: the kinds HQ reads, by name
@dataclass(frozen=True, slots=True)
class TransferLine:
    sku: str
    sent: int
    received: int


@dataclass(frozen=True, slots=True)
class TransferReceived(Event):
    """调拨入库: the store received a transfer another store sent through HQ, line by line as counted
    (``sent`` as dispatched, ``received`` as found); HQ marks it received and tells the sender."""

    KIND: ClassVar[str] = "transfer_received"
    transfer_no: str
    lines: tuple[TransferLine, ...]

    def payload(self) -> Payload:
        return {"transfer_no": self.transfer_no,
                "lines": [{"sku": x.sku, "sent": x.sent, "received": x.received} for x in self.lines]}

    @classmethod
    def read(cls, fields: Fields) -> TransferReceived:
        lines = tuple(TransferLine(line.text("sku", limits.SKU), line.number("sent", limits.MAX_STOCK_DELTA),
                                   line.number("received", limits.MAX_STOCK_DELTA))
                      for line in fields.items("lines", required=True, only_objects=True))
        return cls(fields.text("transfer_no", limits.TRANSFER_NO), lines)


READERS: dict[str, Callable[[Fields], Event]] = {
    kind.KIND: kind.read for kind in (SaleCompleted, SaleReturned, TicketVoided, CouponRemoved, StockMoved,
                                      DayClosed, CashDeposited, TransferReceived, AuditRecorded, PinChanged,
                                      PaycodeRefundPaidInCash)
}


def kinds(events: Iterable[Event]) -> list[str]:
    return [e.KIND if not isinstance(e, Kept) else e.kind for e in events]
