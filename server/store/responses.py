"""The store server's answers to its tills, one model per kind of answer (money in fen). What the
store relays from HQ as it is (a member, a card's balance, a top-up) is declared by HQ's models."""

from __future__ import annotations

from typing import Literal

from server.hq.responses import ConflictOut
from server.responses import Out

# ---- the ticket --------------------------------------------------------------------------------


class LineOut(Out):
    """A line of the ticket: the price it sold at, its promotion note, and its share of the
    coupons (``discount``) and of 抹零 (``rounding``); ``paid`` is what it finally cost."""

    id: int | None
    sku: str
    barcode: str | None
    name: str
    unit: str
    quantity: int
    unit_price: int
    original_price: int
    amount: int
    voided: bool
    note: str
    discount: int
    rounding: int
    paid: int
    card_no: str | None


class TicketCouponOut(Out):
    code: str
    name: str
    kind: str
    discount: int
    offline: bool
    ref: str | None


class TenderOut(Out):
    """A tender; a payment code's (付款码) carries the provider's record (``ref`` = out_trade_no)."""

    id: int | None
    method: str
    amount: int
    reference: str | None
    ref: str | None
    provider: str | None = None
    transaction_id: str | None = None
    out_trade_no: str | None = None
    payer_bank: str | None = None
    fee: int = 0


class TicketOut(Out):
    """The ticket as the till, the receipt and HQ see it: lines, coupons, 抹零, what is paid and due."""

    id: int
    till: str
    status: Literal["open", "parked", "voided", "completed"]
    operator_id: int
    lines: list[LineOut]
    discount: int
    promotion_discount: int
    member_no: str | None
    coupons: list[TicketCouponOut]
    item_count: int
    subtotal: int
    rounding: int
    total: int
    paid: int
    due: int
    due_exact: int
    change: int
    tenders: list[TenderOut]
    sale_id: str | None
    created_at: str | None
    completed_at: str | None


class TicketsOut(Out):
    items: list[TicketOut]


class SaleOut(Out):
    """结账: the sale's number, what it came to, the change and 抹零, and the ticket as completed."""

    sale_id: str
    total: int
    change: int
    rounding: int
    ticket: TicketOut


# ---- signing in, shifts, the drawer ------------------------------------------------------------


class OperatorOut(Out):
    code: str
    name: str
    role: str


class ShiftOut(Out):
    """班次: opened with a float; a closed one shows the blind count, what was expected and the over/short."""

    id: int
    till: str
    operator_id: int
    float: int
    opened_at: str
    status: str
    closed_at: str | None
    counted: int | None
    expected: int | None
    over_short: int | None


class CurrentShiftOut(Out):
    shift: ShiftOut | None


class SessionOut(Out):
    """Signed in: the token for every call after, who and where, the ticket and shift to pick up."""

    token: str
    operator: OperatorOut
    till: str
    open_ticket: int | None
    shift: ShiftOut | None
    store_name: str
    rounding: str
    language: str
    """The store's default language for its screens (zh_CN or en); the till opens in it."""


class AuthorisedOut(Out):
    ok: bool
    action: str
    operator: OperatorOut


class OkOut(Out):
    ok: bool


class DrawerOpenedOut(Out):
    """A no-sale drawer open, with who allowed it."""

    ok: bool
    authorised_by: int | None


# ---- goods and stock ---------------------------------------------------------------------------


class ProductOut(Out):
    sku: str
    barcode: str | None
    name: str
    price: int
    unit: str
    plu: str | None
    spec: str
    brand: str
    category: str
    kind: str


class ProductsOut(Out):
    items: list[ProductOut]


class StockLevelOut(Out):
    sku: str
    name: str
    unit: str
    on_hand: int


class StockLineOut(Out):
    sku: str
    delta: int
    unit: str
    on_hand: int


class StockMovedOut(Out):
    """收货 / 报损 / 盘点: each line's new level."""

    reason: str
    ref: str
    till: str
    lines: list[StockLineOut]


# ---- returns -----------------------------------------------------------------------------------


class FoundSaleOut(Out):
    sale_id: str | None
    till: str
    completed_at: str
    total: int
    items: int
    member_no: str | None


class FoundSalesOut(Out):
    items: list[FoundSaleOut]


class PaidTenderOut(Out):
    method: str
    amount: int


class ReturnableLineOut(Out):
    id: int
    sku: str
    name: str
    unit: str
    quantity: int
    paid: int
    returned: int
    returnable: int
    gift_card: bool


class ReturnableOut(Out):
    """A sale as the return screen shows it: each line with what may still come back."""

    sale_id: str
    total: int
    member_no: str | None
    tenders: list[PaidTenderOut]
    lines: list[ReturnableLineOut]


class CardRefundOut(Out):
    card: str
    amount: int


class ReturnedLineOut(Out):
    """A line brought back: by the sale's line id, or by the goods' SKU when there was no receipt."""

    line_id: int | None = None
    sku: str | None = None
    quantity: int
    refund: int


class PaycodeRefundOut(Out):
    """A refund to a payment code (付款码), followed until final: new → processing → success | failed."""

    out_refund_no: str
    out_trade_no: str
    provider: Literal["wechat", "alipay"]
    amount: int
    state: Literal["new", "processing", "unknown", "success", "failed"]
    refund_id: str | None
    raw_code: str | None
    final: bool


class ReturnOut(Out):
    """退货: the return's number, what was refunded, how (cash, cards, points), and the lines."""

    return_no: str
    sale_id: str | None
    total: int
    cash: int
    stored_value: list[CardRefundOut]
    points: int
    refunds: list[PaidTenderOut]
    lines: list[ReturnedLineOut]
    paycode_refunds: list[PaycodeRefundOut] = []


# ---- the link to HQ ----------------------------------------------------------------------------


class FeedStatusOut(Out):
    cursor: int
    applied: int
    catching_up: bool
    head: int | None = None


class SyncStatusOut(Out):
    """The link to HQ as the sync page shows it: online, what waits and since when, the last error, stuck."""

    enrolled: bool
    online: bool | None
    backlog: int
    last_sync: str | None
    last_error: str | None
    push_error: str | None
    stuck: bool
    oldest_pending_seconds: int | None
    refusals: int
    feed: FeedStatusOut


class StuckEventOut(Out):
    seq: int
    event_id: str
    kind: str
    attempts: int
    created_at: str
    parked: bool
    reason: str | None
    last_error: str | None


class StuckEventsOut(Out):
    items: list[StuckEventOut]


class StoreConflictOut(ConflictOut):
    """One of HQ's conflicts for this store, with why in the manager's language."""

    message: str


class StoreConflictsOut(Out):
    items: list[StoreConflictOut]


#: a receipt or a slip: text, ESC/POS bytes or a PNG
PRINTED = {200: {"content": {"text/plain": {"schema": {"type": "string"}},
                             "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                             "image/png": {"schema": {"type": "string", "format": "binary"}}},
                 "description": "The document in the asked format"}}


# ---- payment codes (付款码) ----------------------------------------------------------------------


class PaycodeStepOut(Out):
    at: str
    state: str
    code: str | None = None


class PaycodeOut(Out):
    """A payment-code attempt as the till polls it: new → submitted → paid | failed | unknown →
    polling → paid | closed → needs_reverse → reversed; ``seconds_left`` counts down the wait for
    the customer's password; ``ticket`` is the ticket now (with the tender once paid)."""

    id: int
    ticket_id: int
    provider: Literal["wechat", "alipay"]
    code: str
    amount: int
    state: Literal["new", "submitted", "paid", "failed", "unknown", "polling", "closed", "needs_reverse",
                   "reversed"]
    final: bool
    in_flight: bool
    out_trade_no: str
    transaction_id: str | None
    payer_bank: str | None
    fee: int
    raw_code: str | None
    message: str
    seconds_left: int
    history: list[PaycodeStepOut]
    ticket: TicketOut | None
