"""HQ's answers, one model per kind of answer (money in fen, moments as ISO 8601 with their zone).

The store server relays some of them to its tills as they are (a member, a card's balance, a
top-up), and declares them from here."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from server.responses import Out

# ---- stores, enrolment, keys -----------------------------------------------------------------


class EnrolmentOut(Out):
    """A store's signing secret, given once for its one-time enrolment code."""

    store_code: str
    store_name: str
    group: str
    secret: str


class StoreOut(Out):
    code: str
    name: str
    group: str
    disabled: bool
    enrolled: bool


class StoresOut(Out):
    items: list[StoreOut]


class EnrolmentCodeOut(Out):
    """A one-time enrolment code for a store, and when it lapses."""

    code: str
    expires_at: str


class ApiKeyOut(Out):
    id: int
    name: str
    prefix: str
    scopes: list[str]
    created_at: str
    revoked: bool


class NewApiKeyOut(ApiKeyOut):
    """A new key: the whole ``key`` is shown this once."""

    key: str


class ApiKeysOut(Out):
    items: list[ApiKeyOut]


# ---- a store's sync --------------------------------------------------------------------------


class ParkedOut(Out):
    """An event HQ took in sequence but could not apply (搁置), and why."""

    event_id: str
    seq: int
    reason: str
    field: str | None


class IngestedOut(Out):
    """A batch taken: every event acknowledged, the store's last seq at HQ, and what was parked."""

    acked: list[str]
    last_seq: int
    parked: list[ParkedOut]


class ChangeOut(Out):
    """One master-data change for the store (a product, a price, a till, an operator…)."""

    seq: int
    entity: str
    key: str
    data: dict[str, Any] | None
    deleted: bool


class FeedOut(Out):
    changes: list[ChangeOut]
    next_cursor: int
    has_more: bool
    head: int


# ---- members, coupons ------------------------------------------------------------------------


class RecentSaleOut(Out):
    sale_id: str
    store: str
    at: str
    total: int
    items: int


class MemberWalletOut(Out):
    cards: list[str]
    balance: int


class MemberCouponOut(Out):
    code: str
    name: str
    kind: str
    value: int
    threshold: int
    valid_to: str


class PointsExpiringOut(Out):
    points: int
    on: str


class MemberOut(Out):
    """会员 as the till's member panel shows them: masked phone, tier, points, stored value, coupons."""

    member_no: str
    name: str
    phone: str
    tier: str
    growth: int
    points: int
    points_expiring: PointsExpiringOut | None
    points_per_yuan: int
    wallet: MemberWalletOut
    coupons: list[MemberCouponOut]
    recent: list[RecentSaleOut]


class MemberCodeOut(Out):
    """The dynamic code the member's app would show now."""

    code: str


class ReservedCouponOut(Out):
    """A coupon HQ holds for a ticket until ``reserved_until``, and what it takes off."""

    code: str
    kind: str
    name: str
    value: int
    threshold: int
    sku: str | None
    discount: int
    reserved_until: str


class CouponStateOut(Out):
    code: str
    state: Literal["redeemed", "released"]


class CouponTemplateOut(Out):
    id: int
    code: str


class CouponBatchOut(Out):
    batch: int
    codes: list[str]


class PaperCouponsOut(Out):
    """纸券 sent to a store."""

    store: str
    codes: list[str]


class CampaignOut(Out):
    """发券活动, with how many coupons it handed out, missed, and has left."""

    code: str
    name: str
    trigger: str
    min_paid: int
    batch: int
    per_member: int
    stores: list[str]
    starts: str
    ends: str
    active: bool
    granted: int
    missed: int
    pool_left: int


class CampaignsOut(Out):
    items: list[CampaignOut]


# ---- stored value, gift cards, points --------------------------------------------------------


class LedgerEntryOut(Out):
    kind: str
    principal: int
    bonus: int
    ref: str


class CardMoveOut(Out):
    """A card after a top-up, spend, refund or activation: its balance and the entry that moved it."""

    card_no: str
    kind: str
    principal: int
    bonus: int
    balance: int
    entry: LedgerEntryOut


class BalanceOut(Out):
    """查余额: what a stored-value or gift card holds (and a gift card's last day)."""

    card_no: str
    kind: str
    principal: int
    bonus: int
    balance: int
    last_day: str | None
    expired: bool


class UnsoldCardOut(Out):
    card_no: str
    state: Literal["unsold"]


class CardEntryOut(Out):
    id: int
    card_no: str
    kind: str
    store: str
    amount: int
    principal: int
    bonus: int
    ref: str
    at: str


class GiftCardOut(Out):
    """查卡: a gift card's state, balance, last day and every entry."""

    card_no: str
    state: Literal["unsold", "active", "expired"]
    principal: int
    bonus: int
    balance: int
    activated_at: str | None
    last_day: str | None
    entries: list[CardEntryOut]


class GiftCardsMadeOut(Out):
    cards: list[str]


class CardsExpiredOut(Out):
    cards: int
    amount: int


class WalletOut(Out):
    card_no: str
    kind: str


class PointsSpentOut(Out):
    member_no: str
    points: int
    spent: int
    amount: int


class PointsRefundedOut(Out):
    member_no: str
    ref: str
    state: Literal["refunded"]


class PointsExpiredOut(Out):
    members: int
    points: int


class LoyaltyRulesOut(Out):
    """会员规则: tiers, points per yuan by tier, points' worth and life, the top-up bonus ladder."""

    tier_growth: dict[str, int]
    earn_percent: dict[str, int]
    points_per_yuan: int
    points_valid_years: int
    topup_bonus: list[list[int]]
    gift_card_valid_months: int


class ConflictOut(Out):
    """未能处理: a coupon, stored-value or points step of a store's event HQ could not carry out."""

    id: int
    store: str
    event_id: str
    subject: str
    action: str
    reason: str
    at: str
    resolved_at: str | None
    resolved_by: str | None
    resolution: str | None


class ConflictsOut(Out):
    items: list[ConflictOut]


# ---- master data -----------------------------------------------------------------------------


class UpsertedOut(Out):
    """How many rows a change touched, and how many were as sent already."""

    changed: int
    unchanged: int


class DeletedOut(Out):
    deleted: bool


class EndedOut(Out):
    ended: bool


# ---- channels and reports --------------------------------------------------------------------


class CatalogBarcodeOut(Out):
    code: str
    pack_quantity: int


class CatalogProductOut(Out):
    sku: str
    name: str
    spec: str
    brand: str
    category: str | None
    unit: str
    price: int
    plu: str | None
    tax_rate: int
    active: bool
    barcodes: list[CatalogBarcodeOut]


class CatalogPageOut(Out):
    items: list[CatalogProductOut]
    next_cursor: int
    has_more: bool


class StockOut(Out):
    sku: str
    on_hand: int
    updated_at: str


class StorePageOut(Out):
    """A store's stock on hand, by SKU, a page at a time."""

    store: str
    items: list[StockOut]
    next_cursor: str | None


class ChannelSaleOut(Out):
    sale_id: str
    till: str
    completed_at: str
    total: int
    rounding: int
    change: int
    item_count: int
    tenders: dict[str, int]


class StoreSalesOut(Out):
    store: str
    business_day: str
    sales: list[ChannelSaleOut]


class ClosedDayOut(Out):
    """The store's Z (日结) for that day, as it reported it."""

    z_no: int
    net_total: int
    sales_count: int
    cash_counted: int | None
    deposited: int


class ChannelSalesOut(Out):
    """Sales of one channel (the counter ``store``, the own shop ``own``, ``meituan``, ``eleme``)."""

    sales: int
    total: int
    commission: int
    delivery_fee: int


class SalesRowOut(Out):
    store: str
    business_day: str
    sales: int
    total: int
    rounding: int
    item_count: int
    tenders: dict[str, int]
    channels: dict[str, ChannelSalesOut]
    closed: ClosedDayOut | None
    """The day's Z when the store has closed it; null while the day is open."""


class SalesTotalsOut(Out):
    sales: int
    total: int
    rounding: int
    item_count: int
    tenders: dict[str, int]
    channels: dict[str, ChannelSalesOut]


class SalesReportOut(Out):
    """One row per store and business day with its tenders; grand totals at the end."""

    first: str = Field(alias="from")
    to: str
    rows: list[SalesRowOut]
    totals: SalesTotalsOut


class GiftCardTotalsOut(Out):
    issued: int
    topped_up: int
    used: int
    refunded: int
    expired: int


class GiftCardStoreOut(GiftCardTotalsOut):
    store: str


class GiftCardReportOut(Out):
    """礼品卡报表: issue, use, refund and expiry, the opening and closing balance, the detail by page."""

    first: str = Field(alias="from")
    to: str
    store: str | None
    opening: int | None
    closing: int | None
    totals: GiftCardTotalsOut
    by_store: list[GiftCardStoreOut]
    items: list[CardEntryOut]
    next_cursor: int
    has_more: bool


class ParkedEventOut(Out):
    event_id: str
    seq: int
    kind: str
    reason: str
    field: str | None
    at: str


class ParkedCountOut(Out):
    count: int
    events: list[ParkedEventOut]


class StoreHealthOut(Out):
    store: str
    name: str
    group: str
    disabled: bool
    enrolled: bool
    last_seen: str | None
    last_event_at: str | None
    last_seq: int
    backlog: int | None
    lag_seconds: float | None
    parked: ParkedCountOut


class SyncHealthOut(Out):
    """Per store: when HQ last heard from it, how far its events got, what it parked and why."""

    at: str
    stores: list[StoreHealthOut]


# ---- O2O orders (订单中心) ------------------------------------------------------------------------


class OrderLineOut(Out):
    line_no: int
    product_code: str
    barcode: str | None
    name: str
    qty: int
    weight_g: int | None
    unit_price: int
    amount: int


class RiderOut(Out):
    status: str
    name: str
    phone: str


class OrderOut(Out):
    """An order as HQ hands it to its store (the O2O contract's ``Order``)."""

    id: int
    version: int
    channel: str
    channel_order_no: str
    state: str
    fulfilment: str
    pickup_code: str | None
    customer_name: str
    customer_phone: str
    address: str | None
    requested_at: str | None
    created_at: str
    accept_by: str
    allow_substitute: bool
    note: str
    paid: int
    delivery_fee: int
    commission: int
    lines: list[OrderLineOut]
    rider: RiderOut | None
    cancel_reason: str | None
    #: 自动接单: HQ's setting for this store and channel as the order reached the store — the store
    #: accepts it on arrival (only ever set on a newly assigned order in the feed)
    auto_accept: bool = False


class OrderFeedOut(Out):
    """A store's orders changed after its cursor, in version order."""

    orders: list[OrderOut]
    cursor: int


class OrderPartOut(OrderOut):
    store: str | None
    refunded: int


class OrderHistoryOut(Out):
    order_id: int
    at: str
    kind: str
    detail: dict[str, Any]


class OrderDetailOut(OrderPartOut):
    """An order as its channel and HQ's people see it: its store, its parts when split, and its
    history — every routing decision with the stores considered and why."""

    parts: list[OrderPartOut]
    history: list[OrderHistoryOut]


class CallbackOut(Out):
    id: int
    order_id: int
    channel: str
    action: str
    state: str
    attempts: int
    next_at: str
    last_error: str
    payload: dict[str, Any]


class CallbacksOut(Out):
    items: list[CallbackOut]


class StoreO2OOut(Out):
    code: str
    lat: float | None
    lng: float | None
    opening_hours: dict[str, str] | None
    o2o_enabled: bool
    auto_accept: list[str]


class ChannelOut(Out):
    code: str
    accept_seconds: int
    allow_split: bool
    safety_stock: int
    commission_bp: int
    app_key: str
    callback_url: str


class MeituanAckOut(Out):
    """美团's expected answer to a push: ``{"data": "ok"}``."""

    data: str


class ElemeAckOut(Out):
    """饿了么's expected answer to a push: ``{"message": "ok"}``."""

    message: str


class PulledOut(Out):
    taken: int
# ---- transfers between stores (调拨) ------------------------------------------------------------


class TransferLineOut(Out):
    sku: str
    name: str
    unit: str
    quantity: int
    received: int | None


class TransferOut(Out):
    """A transfer as HQ keeps it: who sent it where, its goods, and where it stands."""

    transfer_no: str
    from_store: str
    to_store: str
    status: Literal["dispatched", "received", "cancelled"]
    note: str
    lines: list[TransferLineOut]
    created_at: str
    received_at: str | None


class TransfersOut(Out):
    items: list[TransferOut]


# ---- reconciliation and ERP vouchers (对账、凭证) -------------------------------------------------
class RejectedRowOut(Out):
    line: int
    reason: str
    detail: str


class ImportReportOut(Out):
    import_id: int
    kind: str
    channel: str
    merchant_id: str
    rows: int
    new_rows: int
    already: bool
    first_day: str | None
    last_day: str | None
    rejected: list[RejectedRowOut]


class ImportOut(Out):
    id: int
    kind: str
    channel: str
    merchant_id: str
    first_day: str | None
    last_day: str | None
    filename: str
    source: str
    rows: int
    new_rows: int
    rejected: list[RejectedRowOut]
    imported_at: str
    imported_by: str


class ImportsOut(Out):
    imports: list[ImportOut]
    cursor: int


class ReconOursOut(Out):
    sale_id: str
    kind: str
    amount: int
    at: str
    business_day: str
    out_trade_no: str
    transaction_id: str
    out_refund_no: str


class ReconTheirsOut(Out):
    row_id: int
    kind: str
    amount: int
    at: str
    fee: int
    status: str
    out_trade_no: str
    transaction_id: str
    out_refund_no: str
    refund_id: str


class ReconResolutionOut(Out):
    action: str
    note: str
    actor: str
    at: str


class ReconDifferenceOut(Out):
    key: str
    kind: str
    amount: int
    actionable: bool
    ours: ReconOursOut | None
    theirs: ReconTheirsOut | None
    resolution: ReconResolutionOut | None


class ReconChannelOut(Out):
    channel: str
    state: str
    ours_paid: int
    ours_refunded: int
    ours_net: int
    theirs_paid: int
    theirs_refunded: int
    theirs_net: int
    fees: int
    payout: int
    open: int
    differences: list[ReconDifferenceOut]


class CashDiffOut(Out):
    kind: str
    amount: int


class ReconCashOut(Out):
    z_no: int
    counted: int | None
    deposited: int
    banked: int | None
    differences: list[CashDiffOut]


class ReconActionOut(Out):
    action: str
    channel: str
    key: str
    note: str
    actor: str
    at: str


class ReconDayOut(Out):
    store: str
    day: str
    closed: bool
    open: int
    channels: list[ReconChannelOut]
    cash: ReconCashOut | None
    history: list[ReconActionOut]


class ReconCalendarDayOut(Out):
    store: str
    day: str
    closed: bool
    states: dict[str, str]
    open: int


class ReconCalendarOut(Out):
    days: list[ReconCalendarDayOut]


class ReconSaleTenderOut(Out):
    """A tender of the sale; a payment code's carries the provider's record of it."""

    method: str
    amount: int
    fee: int
    out_trade_no: str | None = None
    transaction_id: str | None = None
    out_refund_no: str | None = None
    refund_id: str | None = None
    provider: str | None = None
    payer_bank: str | None = None


class ReconSaleLineOut(Out):
    sku: str
    name: str
    amount: int


class ReconSaleOut(Out):
    store: str
    sale_id: str
    till: str
    business_day: str
    completed_at: str
    total: int
    tenders: list[ReconSaleTenderOut]
    lines: list[ReconSaleLineOut]


class VoucherLineOut(Out):
    summary: str
    code: str
    name: str
    debit: int
    credit: int


class VoucherOut(Out):
    word: str
    number: int
    period: str
    kind: str
    summary: str
    debit_total: int
    credit_total: int
    lines: list[VoucherLineOut]


class VouchersOut(Out):
    store: str
    day: str
    vouchers: list[VoucherOut]


class ErpAccountOut(Out):
    role: str
    code: str
    name: str


class ErpAccountsOut(Out):
    accounts: list[ErpAccountOut]


class ReconSettingsOut(Out):
    merchants: dict[str, str]
    settlement_days: dict[str, int]


class PayoutOut(Out):
    channel: str
    bill_day: str
    due: str
    expected: int
    state: str  # received | pending | not_due
    received_on: str | None
    bank_row: int | None


class UnexplainedCreditOut(Out):
    channel: str
    day: str
    amount: int
    bank_row: int


class PayoutsOut(Out):
    payouts: list[PayoutOut]
    unexplained: list[UnexplainedCreditOut]


# ---- member 360, stores' audit logs ------------------------------------------------------------


class PointsMoveOut(Out):
    at: str
    delta: int
    reason: str
    ref: str


class MemberCardOut(Out):
    card_no: str
    kind: str
    principal: int
    bonus: int
    active: bool


class StoredValueMoveOut(Out):
    at: str
    card_no: str
    kind: str
    principal: int
    bonus: int
    store: str


class Member360CouponOut(Out):
    code: str
    state: str
    name: str
    value: int
    valid_to: str


class PurchaseOut(Out):
    sale_id: str
    store: str
    at: str
    total: int
    items: int


class TopUpBonusOut(Out):
    from_: int = Field(alias="from")
    bonus: int


class Member360Out(Out):
    """会员 360 for the store manager: profile, tier and growth, points and stored-value ledgers,
    coupons, purchases in every store, and the top-up bonus ladder."""

    member_no: str
    name: str
    phone: str
    registered_at: str
    registered_store: str
    tier: str
    growth: int
    next_tier: str | None
    growth_to_next: int
    points: int
    points_history: list[PointsMoveOut]
    balance: int
    cards: list[MemberCardOut]
    stored_value_history: list[StoredValueMoveOut]
    coupons: list[Member360CouponOut]
    purchases: list[PurchaseOut]
    topup_bonus: list[TopUpBonusOut]


class AuditEntryOut(Out):
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


class StoreAuditOut(Out):
    """A store's audit log as HQ holds it, newest first, and whether that chain is intact."""

    store: str
    intact: bool
    entries: int
    broken_at: int | None
    items: list[AuditEntryOut]
