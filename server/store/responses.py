"""The store server's answers to its tills, one model per kind of answer (money in fen). What the
store relays from HQ as it is (a member, a card's balance, a top-up) is declared by HQ's models."""

from __future__ import annotations

from typing import Literal

from server.hq.responses import ConflictOut, ReconSaleOut
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
    state: Literal["new", "processing", "unknown", "success", "failed", "paid_in_cash"]
    refund_id: str | None
    raw_code: str | None
    final: bool
    #: 现金退款: refused for good, then paid out of a drawer at this moment
    cash_paid_at: str | None = None


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


# ---- the back office: 概览, 销售, 交班与日结, 设置 ---------------------------------------------------


class DashboardPointOut(Out):
    """A point of the dashboard's chart: the hour ("09") or the day ("2026-12-03")."""

    label: str
    total: int
    tickets: int


class RankedOut(Out):
    """A best seller: a product by its SKU (with its unit), or a category by its id."""

    key: str
    name: str
    quantity: int
    amount: int
    unit: str


class DashboardOut(Out):
    """概览 for the days ``first``..``last``: the sales by hour (one day) or by day, the same weekdays
    before (``compare`` from ``compare_first``), the totals, voids, refunds, tenders and the best
    sellers; ``mark`` is the change feed's mark it was read at."""

    first: str
    last: str
    by: Literal["hour", "day"]
    series: list[DashboardPointOut]
    compare: list[DashboardPointOut]
    compare_first: str
    tickets: int
    total: int
    items: int
    gross: int
    promotion: int
    coupons: int
    rounding: int
    cost: int
    costed: int
    voided_tickets: int
    voided_amount: int
    voided_lines: int
    voided_line_amount: int
    refunds: int
    refund_amount: int
    tenders: dict[str, int]
    top_items: list[RankedOut]
    top_categories: list[RankedOut]
    mark: str
    average_ticket: int
    margin: int


class SalesMarkOut(Out):
    """The change feed's mark: it differs from the one asked with once a sale has completed."""

    mark: str


class JournalSaleOut(Out):
    """A completed sale in the sales journal: its cashier, items, total, member and tenders."""

    sale_id: str
    completed_at: str
    till: str
    cashier: str
    cashier_name: str
    items: int
    total: int
    discount: int
    member_no: str | None
    tenders: list[str]


class SalesJournalOut(Out):
    """销售: a page of the sales that match, newest first; ``more`` when another page follows."""

    items: list[JournalSaleOut]
    more: bool
    offset: int


class ReportTenderOut(Out):
    """A tender's line of an X or Z: taken, change given, refunded, net and expected; cash also
    counted and over/short."""

    method: str
    taken: int
    change: int
    refunded: int
    net: int
    expected: int
    counted: int | None
    over_short: int | None


class ReportShiftOut(Out):
    """A shift of the business day: its float, the cash expected, counted and over/short."""

    id: int
    till: str
    operator: str
    opened_at: str
    closed_at: str | None
    float: int
    expected: int
    counted: int | None
    over_short: int | None


class ReportTaxOut(Out):
    rate_bp: int
    gross: int
    tax: int
    net: int


class ReportCashierOut(Out):
    code: str
    name: str
    sales: int
    total: int


class ReportDepositOut(Out):
    """缴款 against a Z: how much, who took it, who recorded it and when."""

    amount: int
    taken_by: str
    note: str
    recorded_by: str
    at: str


class DayReportOut(Out):
    """An X (the business day so far) or a Z (日结, numbered, as it was closed, with the deposits
    made against it since)."""

    kind: Literal["X", "Z"]
    business_day: str
    generated_at: str
    run_by: str
    z_no: int | None
    shifts_open: int
    sales_count: int
    gross: int
    promotion: int
    coupons: int
    rounding: int
    sales_total: int
    returns_count: int
    returns_total: int
    net_total: int
    voided_tickets: int
    voided_amount: int
    voided_lines: int
    voided_line_amount: int
    no_sales: int
    tenders: list[ReportTenderOut]
    shifts: list[ReportShiftOut]
    taxes: list[ReportTaxOut]
    cashiers: list[ReportCashierOut]
    stored_value_spent: int
    stored_value_refunded: int
    top_ups: int
    top_up_amount: int
    top_up_bonus: int
    top_up_cash: int
    gift_cards_sold: int
    gift_card_sales: int
    gift_card_spent: int
    gift_card_refunded: int
    cash_expected: int
    cash_counted: int | None
    cash_over_short: int | None
    deposits: list[ReportDepositOut]
    deposited: int
    reconciles: bool


class DayCloseOut(Out):
    """A Z in the list of closed days: its figures and what has been deposited against it."""

    z_no: int
    business_day: str
    closed_at: str
    net_total: int
    sales_count: int
    cash_counted: int | None
    deposited: int


class DayClosesOut(Out):
    items: list[DayCloseOut]


class DepositOut(Out):
    """缴款 recorded: the deposit, all deposited against the Z so far and the cash still to hand over."""

    z_no: int
    amount: int
    taken_by: str
    deposited: int
    left: int


class SettingValuesOut(Out):
    """The settings a store manager may change (``app.store_config.EDITABLE``)."""

    receipt_header: str
    receipt_footer: str
    rounding: str
    void_line_limit: int
    language: str


class SettingsOut(Out):
    """设置: what the store runs with now, the environment's defaults, and which the manager changed."""

    values: SettingValuesOut
    defaults: SettingValuesOut
    overridden: list[str]


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


class PaycodeTopUpOut(Out):
    """储值充值 by payment code: the card, HQ's reference, and once paid how crediting it went —
    crediting (HQ asked again until it answers) → credited | refunded (HQ refused the card:
    ``error`` is its code, ``refund`` the charge going back)."""

    card: str
    ref: str
    state: Literal["crediting", "credited", "refunded"] | None
    error: str | None
    #: HQ's bonus (充100送20), once credited
    bonus: int | None
    refund: PaycodeRefundOut | None


class PaycodeOut(Out):
    """A payment-code attempt as the till polls it: new → submitted → paid | failed | unknown →
    polling → paid | closed → needs_reverse → reversed; ``seconds_left`` counts down the wait for
    the customer's password; ``ticket`` is the ticket now (with the tender once paid)."""

    id: int
    #: none for a top-up (``topup``)
    ticket_id: int | None
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
    topup: PaycodeTopUpOut | None = None


# ---- 线上订单 (O2O) -------------------------------------------------------------------------------


class O2OLineOut(Out):
    """A line of an online order and its pick: ``status`` open, picked, short or substituted;
    ``picked_amount`` what the picked goods cost at the online price (a weighed line by weight)."""

    line_no: int
    product_code: str
    barcode: str | None
    name: str
    qty: int
    weight_g: int | None
    unit_price: int
    amount: int
    status: Literal["open", "picked", "short", "substituted"]
    picked_qty: int
    picked_weight_g: int | None
    picked_amount: int
    substitute_code: str | None
    #: 货位 in this store (``app.shelves``); the lines come in walking order
    location: str | None


class O2OOrderOut(Out):
    """An online order on the board: its state and board column, the SLA deadline, the pick, and
    whether steps still wait to reach HQ (``steps_waiting``: 待同步) or HQ refused one."""

    id: int
    seq: int
    version: int
    channel: str
    channel_order_no: str
    state: Literal["assigned", "accepted", "picking", "packed", "ready", "handed_over", "cancelled", "reassigned",
                   "rejected"]
    column: Literal["new", "picking", "to_pack", "waiting", "done", "aside"]
    fulfilment: str
    pickup_code_set: bool
    customer_name: str
    customer_name_masked: str
    customer_phone: str
    address: str | None
    requested_at: str | None
    created_at: str | None
    accept_by: str | None
    allow_substitute: bool
    note: str
    paid: int
    delivery_fee: int
    commission: int
    #: the platform's rider: status, name, phone (as HQ relays them)
    rider: dict[str, str | None] | None
    cancel_reason: str | None
    cancelled_mid_pick: bool
    reject_reason: str | None
    sale_id: str | None
    steps_waiting: int
    step_refused: str | None
    item_count: int
    lines: list[O2OLineOut]


class O2OOrdersOut(Out):
    """Orders of the board (or those changed after ``after``), the change stream's ``cursor``, and
    how many orders wait to be accepted (the till's badge)."""

    orders: list[O2OOrderOut]
    cursor: int
    new: int


class ShelfLocationOut(Out):
    sku: str
    name: str
    location: str
    updated_at: str


class ShelfLocationsOut(Out):
    """货位 set in this store, in walking order."""

    locations: list[ShelfLocationOut]


class ShelfLocationsSavedOut(Out):
    """How many locations a change or an import set, and how many it cleared."""

    saved: int
    cleared: int


class O2OHistoryEntryOut(Out):
    at: str | None
    what: str
    detail: str


class O2OHistoryOut(Out):
    entries: list[O2OHistoryEntryOut]


#: an X or a Z report in the other formats the back office asks for (``format=``)
REPORT_FORMATS = {200: {"content": {"text/plain": {"schema": {"type": "string"}},
                                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                                    "text/csv": {"schema": {"type": "string"}},
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                                        {"schema": {"type": "string", "format": "binary"}}},
                        "description": "The report: JSON, or the slip (text, ESC/POS) or the export (CSV, XLSX) "
                                       "asked for by format"}}

# ---- 库存 and 价签 at the back office ------------------------------------------------------------


class StockItemOut(Out):
    sku: str
    name: str
    unit: str
    spec: str
    barcode: str | None
    on_hand: int


class StockListOut(Out):
    """库存: a page of products with what the store holds."""

    items: list[StockItemOut]
    total: int
    offset: int
    more: bool


class CountedOut(Out):
    sku: str
    name: str
    unit: str
    counted: int


class StockCountOut(Out):
    """盘点 as the counter sees it: what was counted, never the book."""

    id: int
    status: Literal["open", "approved", "cancelled"]
    note: str
    started_at: str
    counted: list[CountedOut]


class CurrentCountOut(Out):
    count: StockCountOut | None


class VarianceOut(Out):
    sku: str
    name: str
    unit: str
    book: int
    counted: int
    delta: int


class StockVariancesOut(StockCountOut):
    """差异表: the counted products whose count differs from the book at the snapshot."""

    variances: list[VarianceOut]


class StockCountApprovedOut(StockVariancesOut):
    moved: StockMovedOut


class StoreTransferLineOut(Out):
    sku: str
    name: str
    unit: str
    quantity: int
    received: int | None


class StoreTransferOut(Out):
    """调拨 as this store sees it: ``out`` sent from here, ``in`` coming here."""

    transfer_no: str
    direction: Literal["out", "in"]
    other_store: str
    status: Literal["dispatched", "received", "cancelled"]
    note: str
    created_at: str
    updated_at: str
    lines: list[StoreTransferLineOut]


class StoreTransfersOut(Out):
    items: list[StoreTransferOut]


class PriceTagOut(Out):
    """What one shelf label shows (明码标价); prices in fen, a weighed product's per kg."""

    sku: str
    name: str
    price: int
    unit: str
    barcode: str
    origin: str
    spec: str
    grade: str
    member_price: int | None
    promotion_price: int | None
    promotion_from: str
    promotion_to: str


class LabelToPrintOut(Out):
    id: int
    reason: Literal["price", "promotion", "manual"]
    created_at: str
    tag: PriceTagOut


class LabelsOut(Out):
    """价签待打印: the labels waiting, a page at a time."""

    items: list[LabelToPrintOut]
    total: int
    offset: int
    more: bool


class LabelsPrintedOut(Out):
    printed: list[int]


# ---- 人员 and 审计 -------------------------------------------------------------------------------

CSV_EXPORT = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV, UTF-8 with a BOM"}}


class StaffOperatorOut(Out):
    """An operator of this store as HQ sent them, whether they may log in, and their last login."""

    code: str
    name: str
    role: str
    active: bool
    locked: bool
    locked_out: bool
    pin_change_required: bool
    last_login_at: str | None
    last_login_till: str | None
    logged_in: bool


class StaffOut(Out):
    items: list[StaffOperatorOut]


class LoginOut(Out):
    at: str | None
    till: str
    till_name: str
    open: bool


class LoginsOut(Out):
    """Who was logged in where: an operator's latest logins, newest first."""

    operator: str
    items: list[LoginOut]


class OperatorStateOut(Out):
    code: str
    locked: bool
    pin_change_required: bool


class StoreAuditEntryOut(Out):
    seq: int
    at: str
    till: str
    actor: str
    approver: str
    action: str
    subject: str
    detail: str
    amount: int | None
    hash: str


class AuditEntriesOut(Out):
    items: list[StoreAuditEntryOut]


class AuditVerdictOut(Out):
    """Whether the store's audit chain holds, and the seq of its first broken entry if not."""

    intact: bool
    entries: int
    broken_at: int | None
    reason: str


# ---- 对账: the manager's view of the store's own days (HQ's answers, the store's attempts added) ----------
class PaymentStepOut(Out):
    """One step of a payment-code attempt or refund: when, the state it moved to, the provider's code."""

    at: str
    state: str
    code: str


class ReconAttemptOut(Out):
    """A payment-code attempt as the store recorded it (付款码 收款记录)."""

    out_trade_no: str
    provider: str
    till: str
    amount: int
    state: str
    code: str  # the customer's code, masked
    raw_code: str | None
    message: str
    transaction_id: str | None
    payer_bank: str | None
    fee: int
    queries: int
    cancels: int
    created_at: str
    paid_at: str | None
    history: list[PaymentStepOut]


class ReconRefundOut(Out):
    out_refund_no: str
    out_trade_no: str
    provider: str
    amount: int
    state: str
    raw_code: str | None
    refund_id: str | None
    created_at: str
    history: list[PaymentStepOut]


class StoreReconSaleOut(ReconSaleOut):
    """HQ's drill-down of the sale, with the store's payment attempts, refunds and receipt text."""

    attempts: list[ReconAttemptOut]
    refunds: list[ReconRefundOut]
    receipt: str | None
