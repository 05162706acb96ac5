"""The HQ database. Money columns are integer fen; times are UTC unless named ``business_day``.

Text columns a store's values land in are as wide as ``app.domain.limits`` says that kind of text
may be (the store refuses longer at its door); a column wider than its limit keeps older data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain import limits

JSONDoc = JSON().with_variant(JSONB(), "postgresql")
# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets a bigserial.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class HQBase(DeclarativeBase):
    pass


class Store(HQBase):
    """门店. ``secret_nonce`` is set at enrolment; the signing secret is derived from it, never stored."""

    __tablename__ = "stores"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(limits.STORE.max_length), unique=True)
    name: Mapped[str] = mapped_column(String(limits.NAME.max_length))
    group: Mapped[str] = mapped_column("store_group", String(limits.STORE_GROUP.max_length))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    secret_nonce: Mapped[str | None] = mapped_column(String(64), nullable=True)
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # sync health, updated by every signed request and every accepted batch
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    backlog: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # O2O (门店线上订单): where the store is, when it is open, whether it takes online orders
    lat: Mapped[float | None] = mapped_column(Double, nullable=True)
    lng: Mapped[float | None] = mapped_column(Double, nullable=True)
    #: {"open": "08:00", "close": "22:00"} in Beijing time; None: always open
    opening_hours: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc, nullable=True)
    o2o_enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    #: per channel: {"meituan": {"auto_accept": true}, …}
    o2o_settings: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc, nullable=True)


class EnrolmentCode(HQBase):
    """One-time, short-lived code a store exchanges for its signing secret. Only its hash is kept."""

    __tablename__ = "enrolment_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class RequestNonce(HQBase):
    """Nonces of signed requests inside the freshness window: a second use is a replay."""

    __tablename__ = "request_nonces"
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ApiKey(HQBase):
    """A bearer key for admins and channels. Only the SHA-256 of the key is kept."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(256))  # comma separated
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Category(HQBase):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(limits.NAME.max_length), unique=True)


class Product(HQBase):
    """One sellable SKU (规格); ``price`` is the chain's base price, group prices override it."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(limits.SKU.max_length), unique=True)
    name: Mapped[str] = mapped_column(String(limits.PRODUCT_NAME.max_length))
    spec: Mapped[str] = mapped_column(String(limits.NAME.max_length), default="")
    brand: Mapped[str] = mapped_column(String(limits.NAME.max_length), default="")
    category: Mapped[str | None] = mapped_column(String(limits.NAME.max_length), nullable=True)
    unit: Mapped[str] = mapped_column(String(8), default="piece")  # piece | gram (price per kg)
    price: Mapped[int] = mapped_column(Integer)
    plu: Mapped[str | None] = mapped_column(String(8), unique=True, nullable=True)
    tax_rate: Mapped[int] = mapped_column(Integer, default=1300)  # basis points
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(12), default="goods")  # goods | gift_card (储值卡, activated when sold)
    #: 明码标价: 产地 and 等级 for the stores' shelf labels (``spec`` is its 规格)
    origin: Mapped[str | None] = mapped_column(String(limits.NAME.max_length), nullable=True)
    grade: Mapped[str | None] = mapped_column(String(16), nullable=True)


class Barcode(HQBase):
    __tablename__ = "barcodes"
    code: Mapped[str] = mapped_column(String(limits.BARCODE.max_length), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    pack_quantity: Mapped[int] = mapped_column(Integer, default=1)


class GroupPrice(HQBase):
    """价格组: a store group's own price for a SKU."""

    __tablename__ = "group_prices"
    group: Mapped[str] = mapped_column("store_group", String(limits.STORE_GROUP.max_length), primary_key=True)
    sku: Mapped[str] = mapped_column(String(limits.SKU.max_length), primary_key=True)
    price: Mapped[int] = mapped_column(Integer)


class Till(HQBase):
    __tablename__ = "tills"
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(limits.TILL.max_length), primary_key=True)
    name: Mapped[str] = mapped_column(String(limits.NAME.max_length))


class Operator(HQBase):
    """收银员 / 主管 / 店长, chain-wide. The PIN travels only as its Argon2 hash."""

    __tablename__ = "operators"
    code: Mapped[str] = mapped_column(String(limits.OPERATOR.max_length), primary_key=True)
    name: Mapped[str] = mapped_column(String(limits.NAME.max_length))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Change(HQBase):
    """The master-data change log the stores page through. ``seq`` order is commit order
    (writers take one lock, see ``app.hq.changes``). A row scoped to a group or a store is
    only handed to stores it concerns."""

    __tablename__ = "changes"
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(80))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc, nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    scope_group: Mapped[str | None] = mapped_column(String(32), nullable=True)
    scope_store_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Event(HQBase):
    """A store's event, exactly once: ``event_id`` and (store, seq) are unique."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    event_id: Mapped[str] = mapped_column(String(limits.ID.max_length), unique=True)
    kind: Mapped[str] = mapped_column(String(limits.EVENT_KIND.max_length))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    created_at: Mapped[str] = mapped_column(String(40))  # as the store sent it (store-local time)
    content_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("store_id", "seq", name="uq_events_store_seq"),
        # a store's top-ups by business day (the ERP's top-up voucher), PostgreSQL only (migration 0072)
        Index("ix_events_topup_day", "store_id", text("(payload ->> 'business_day')"),
              postgresql_where=text("kind = 'stored_value_topup'")),
        Index("ix_events_topup_made", "store_id", "created_at", postgresql_where=text("kind = 'stored_value_topup'")),
    )


class Sale(HQBase):
    """A completed sale, materialised from its ``sale_completed`` event."""

    __tablename__ = "sales"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    sale_id: Mapped[str] = mapped_column(String(64))
    till: Mapped[str] = mapped_column(String(limits.TILL.max_length))
    business_day: Mapped[date] = mapped_column(Date)
    completed_at: Mapped[datetime] = mapped_column(DateTime)  # store-local wall time
    total: Mapped[int] = mapped_column(BigInteger)
    rounding: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)
    item_count: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str] = mapped_column(String(limits.ID.max_length))
    member_no: Mapped[str | None] = mapped_column(String(limits.MEMBER_NO.max_length), nullable=True, index=True)
    #: where the sale came from: store (the counter) | own | meituan | eleme (an O2O order handed over)
    channel: Mapped[str] = mapped_column(String(16), default="store", server_default="store")
    channel_order_no: Mapped[str | None] = mapped_column(String(64), nullable=True)
    o2o_order_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    commission: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    delivery_fee: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")

    __table_args__ = (
        UniqueConstraint("store_id", "sale_id", name="uq_sales_store_sale"),
        Index("ix_sales_day_store", "business_day", "store_id"),
    )


class SaleTender(HQBase):
    """What a sale was paid with, one row per method (split tenders summed per method)."""

    __tablename__ = "sale_tenders"
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    sale_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    method: Mapped[str] = mapped_column(String(limits.TENDER_METHOD.max_length), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    business_day: Mapped[date] = mapped_column(Date)
    #: a payment-code tender (付款码): the provider, its transaction id, our order number, the payer's
    #: bank type and the provider's fee (fen, 0 when not known); a return's refund to it: our refund
    #: number and the provider's. None for every other tender.
    provider: Mapped[str | None] = mapped_column(String(limits.TENDER_METHOD.max_length), nullable=True)
    transaction_id: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True, index=True)
    out_trade_no: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True, index=True)
    payer_bank: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)
    fee: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    out_refund_no: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)
    refund_id: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)

    __table_args__ = (Index("ix_sale_tenders_day_store", "business_day", "store_id"),)


class StoreStock(HQBase):
    """A store's stock on hand per SKU, as its ``stock_moved`` events have moved it."""

    __tablename__ = "store_stock"
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    sku: Mapped[str] = mapped_column(String(limits.SKU.max_length), primary_key=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_store_stock_sku", "sku", "store_id", postgresql_include=["quantity"]),)


# ---- members, coupons, stored value (会员、券、储值) ----------------------------------------------


class Member(HQBase):
    """会员: found at the till by phone, card number or the dynamic 会员码."""

    __tablename__ = "members"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    member_no: Mapped[str] = mapped_column(String(limits.MEMBER_NO.max_length), unique=True)
    phone: Mapped[str] = mapped_column(String(limits.PHONE.max_length), unique=True)
    name: Mapped[str] = mapped_column(String(limits.NAME.max_length), default="")
    tier: Mapped[str] = mapped_column(String(16), default="normal")  # normal | silver | gold | diamond
    growth: Mapped[int] = mapped_column(BigInteger, default=0)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    registered_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MemberCodeUse(HQBase):
    """A dynamic member code, once used: a second use (a screenshot) is refused."""

    __tablename__ = "member_code_uses"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    used_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class CouponTemplate(HQBase):
    """券模板: 代金券 cash, 折扣券 percent, 满减券 threshold, 兑换券 free item."""

    __tablename__ = "coupon_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(limits.COUPON.max_length), unique=True)
    name: Mapped[str] = mapped_column(String(limits.NAME.max_length))
    kind: Mapped[str] = mapped_column(String(16))  # cash | percent | threshold | free_item
    value: Mapped[int] = mapped_column(Integer)  # fen; for percent: what is paid, in basis points (8500 = 85折)
    threshold: Mapped[int] = mapped_column(Integer, default=0)  # fen the cart must reach
    sku: Mapped[str | None] = mapped_column(String(limits.SKU.max_length), nullable=True)  # the free item
    restore_on_return: Mapped[bool] = mapped_column(Boolean, default=False)  # 退货退券: a whole return gives it back


class CouponBatch(HQBase):
    """券批次: a run of codes of one template, with validity and the stores that take them."""

    __tablename__ = "coupon_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("coupon_templates.id"))
    name: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    valid_to: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stores: Mapped[list[str]] = mapped_column(JSONDoc, default=list)  # store codes; empty: every store
    paper: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Coupon(HQBase):
    """券码: one coupon. ``state`` issued → reserved → redeemed (or voided); a reservation lapses."""

    __tablename__ = "coupons"
    code: Mapped[str] = mapped_column(String(limits.COUPON.max_length), primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("coupon_batches.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), nullable=True, index=True)
    holder_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)  # paper stock
    state: Mapped[str] = mapped_column(String(12), default="issued")
    reserved_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    reserved_ref: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)
    reserved_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    redeemed_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    redeemed_ref: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)
    redeemed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


#: WalletAccount.kind of a 礼品卡 (the other kind is "wallet", a member's stored-value account)
GIFT_CARD = "gift_card"


class WalletAccount(HQBase):
    """储值卡 / 电子钱包 / 礼品卡. ``principal`` and ``bonus`` are the ledger's sums, kept with it."""

    __tablename__ = "wallet_accounts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    card_no: Mapped[str] = mapped_column(String(limits.CARD.max_length), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="wallet")  # wallet | gift_card
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), nullable=True, index=True)
    principal: Mapped[int] = mapped_column(BigInteger, default=0)
    bonus: Mapped[int] = mapped_column(BigInteger, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # A gift card is made inactive (card stock) and activated by the sale that sold it.
    activated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    activated_ref: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)
    #: the last business day a gift card can be spent, fixed at its sale by the rules then (None: no end)
    last_day: Mapped[date | None] = mapped_column(Date, nullable=True)


class WalletEntry(HQBase):
    """One change to an account, append-only. (account, kind, ref) is unique: a retry changes nothing."""

    __tablename__ = "wallet_entries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("wallet_accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # topup | spend | refund | activate | expire
    principal: Mapped[int] = mapped_column(BigInteger)
    bonus: Mapped[int] = mapped_column(BigInteger)
    ref: Mapped[str] = mapped_column(String(limits.REF.max_length))
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("account_id", "kind", "ref", name="uq_wallet_entry_ref"),)


class LoyaltyConflict(HQBase):
    """A coupon or stored-value step from a store's event that HQ could not carry out (the coupon
    was taken by another till after the reservation lapsed, say): kept for the store manager."""

    __tablename__ = "loyalty_conflicts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(limits.ID.max_length))
    subject: Mapped[str] = mapped_column(String(64))  # the coupon code or the card
    action: Mapped[str] = mapped_column(String(16))  # commit | release | refund
    reason: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: 已处理: when the store manager marked it handled, who (the operator code) and what was done
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(limits.OPERATOR.max_length), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(limits.RESOLUTION_NOTE.max_length), nullable=True)


class ParkedEvent(HQBase):
    """An event a store sent in sequence that HQ could not apply (搁置): a field HQ reads is beyond
    its limits, or the database refused it. The event keeps its seq — the store's stream flows on
    past it — and nothing of it was applied; HQ's sync health and the store's sync page show it."""

    __tablename__ = "parked_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(limits.ID.max_length), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(limits.EVENT_KIND.max_length))
    reason: Mapped[str] = mapped_column(String(64))  # a message code: event_field_invalid, …
    #: the payload field at fault (``lines.3.quantity``), or what the database said
    detail: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PointsEntry(HQBase):
    """积分 ledger: earned on a sale, taken back by its return. (member, ref) is unique."""

    __tablename__ = "points_entries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    delta: Mapped[int] = mapped_column(BigInteger)
    growth: Mapped[int] = mapped_column(BigInteger, default=0)
    reason: Mapped[str] = mapped_column(String(16))  # sale | return | spend | refund | expire
    ref: Mapped[str] = mapped_column(String(limits.REF.max_length))
    #: fen the entry is about: paid (sale), taken back (return), paid with points (spend), refunded
    amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    #: the entry this one reverses: a return's sale, a refund's spend — taken back at that entry's
    #: rate, never past it, and counted against that entry's year when points expire
    of_ref: Mapped[str | None] = mapped_column(String(limits.REF.max_length), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("member_id", "ref", name="uq_points_entry_ref"),
                      Index("ix_points_entries_member_created", "member_id", "created_at"))


class CouponCampaign(HQBase):
    """发券活动: a rule that hands coupons from a batch (the pool) to members — on registration
    (新人礼) or on a sale paid at least ``min_paid`` (消费返券) — at most ``per_member`` each."""

    __tablename__ = "coupon_campaigns"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    trigger: Mapped[str] = mapped_column(String(16))  # register | spend
    min_paid: Mapped[int] = mapped_column(Integer, default=0)
    batch_id: Mapped[int] = mapped_column(ForeignKey("coupon_batches.id"))
    per_member: Mapped[int] = mapped_column(Integer, default=1)
    stores: Mapped[list[str]] = mapped_column(JSONDoc, default=list)  # empty: every store
    starts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CampaignGrant(HQBase):
    """One decision of a campaign for one trigger (``ref``): the coupon given, or why none was."""

    __tablename__ = "campaign_grants"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("coupon_campaigns.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    coupon_code: Mapped[str | None] = mapped_column(ForeignKey("coupons.code"), nullable=True)
    ref: Mapped[str] = mapped_column(String(96))
    outcome: Mapped[str] = mapped_column(String(16))  # granted | pool_empty | revoked (its sale came back)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("campaign_id", "ref", name="uq_campaign_grants_ref"),
                      Index("ix_campaign_grants_member", "campaign_id", "member_id"))


class PromotionRow(HQBase):
    """促销 authored at HQ (``app.domain.promotion_json``); stores get each change down the feed."""

    __tablename__ = "promotions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Setting(HQBase):
    """A chain-wide document HQ's people edit (the loyalty rules): one row per key."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DayClose(HQBase):
    """日结: a store's Z report for one business day, as the store sent it (``day_closed``), and the
    cash deposited against it since (``cash_deposited``)."""

    __tablename__ = "day_closes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    business_day: Mapped[date] = mapped_column(Date)
    z_no: Mapped[int] = mapped_column(Integer)
    net_total: Mapped[int] = mapped_column(BigInteger)
    sales_count: Mapped[int] = mapped_column(Integer)
    cash_counted: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    deposited: Mapped[int] = mapped_column(BigInteger, default=0)
    report: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    event_id: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("store_id", "business_day", name="uq_day_closes_store_day"),)


# ---- reconciliation and ERP vouchers (对账、凭证) --------------------------------------------------


class ReconImport(HQBase):
    """A provider's file, imported once: the same bytes again are recognised by their hash."""

    __tablename__ = "recon_imports"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # wechat | wechat_funds | alipay | meituan | eleme | bank
    channel: Mapped[str] = mapped_column(String(16))
    merchant_id: Mapped[str] = mapped_column(String(64), default="")
    first_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    file_hash: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16))  # upload | cli | fetch
    rows: Mapped[int] = mapped_column(Integer)
    new_rows: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[list[Any]] = mapped_column(JSONDoc)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[str] = mapped_column(String(64))


class ReconRow(HQBase):
    """One row of a provider's file, once per channel and key (a charge, a refund, a credit)."""

    __tablename__ = "recon_rows"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("recon_imports.id"))
    channel: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(100))
    line: Mapped[int] = mapped_column(Integer)
    entry: Mapped[str] = mapped_column(String(8))  # pay | refund | credit | debit
    bill_day: Mapped[date] = mapped_column(Date)
    store_code: Mapped[str] = mapped_column(String(limits.STORE.max_length), default="")
    at: Mapped[datetime] = mapped_column(DateTime)  # Beijing wall time
    amount: Mapped[int] = mapped_column(BigInteger)
    fee: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), default="SUCCESS")
    out_trade_no: Mapped[str] = mapped_column(String(64), default="")
    transaction_id: Mapped[str] = mapped_column(String(64), default="")
    out_refund_no: Mapped[str] = mapped_column(String(64), default="")
    refund_id: Mapped[str] = mapped_column(String(64), default="")
    commission: Mapped[int] = mapped_column(BigInteger, default=0)
    delivery_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    platform_subsidy: Mapped[int] = mapped_column(BigInteger, default=0)
    merchant_subsidy: Mapped[int] = mapped_column(BigInteger, default=0)
    payout: Mapped[int] = mapped_column(BigInteger, default=0)
    counterparty: Mapped[str] = mapped_column(String(128), default="")
    memo: Mapped[str] = mapped_column(String(128), default="")

    __table_args__ = (
        UniqueConstraint("channel", "key", name="uq_recon_rows_channel_key"),
        Index("ix_recon_rows_day", "bill_day", "channel", "store_code"),
    )


class ReconAction(HQBase):
    """What finance decided, audited: a difference resolved with its reason, a day closed or reopened."""

    __tablename__ = "recon_actions"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    business_day: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    diff_key: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))  # write_off | adjust | refund_owed | chase | close | reopen
    note: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_recon_actions_store_day", "store_id", "business_day"),)


class ReconDay(HQBase):
    """A store's day as finance has it: closed when every difference is resolved."""

    __tablename__ = "recon_days"
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[str] = mapped_column(String(64))


class ErpVoucher(HQBase):
    """A voucher as it was exported, never edited: a later correction is an ``adjust`` voucher.
    Numbered per period (month) once, so every export of the day says the same."""

    __tablename__ = "erp_vouchers"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    business_day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # sales | topup | payout | cash | adjust
    subject: Mapped[str] = mapped_column(String(32))  # what it is of: the channel, "" for sales and cash
    period: Mapped[str] = mapped_column(String(7))  # 2031-03
    number: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(200))
    lines: Mapped[list[Any]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("period", "number", name="uq_erp_vouchers_number"),
        Index("ix_erp_vouchers_store_day", "store_id", "business_day"),
    )

# ---- O2O order center (订单中心) ------------------------------------------------------------------


class O2OChannel(HQBase):
    """An order channel (own 小程序/H5, 美团, 饿了么) and its rules: how long a store has to accept,
    whether an order may be split across stores, the units per SKU online must leave on the shelf."""

    __tablename__ = "o2o_channels"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    accept_seconds: Mapped[int] = mapped_column(Integer)
    allow_split: Mapped[bool] = mapped_column(Boolean)
    safety_stock: Mapped[int] = mapped_column(Integer)
    #: the platform's commission in basis points of the order's amount (0: unknown)
    commission_bp: Mapped[int] = mapped_column(Integer)
    #: the platform's key and secret for signatures (empty for the own channel)
    app_key: Mapped[str] = mapped_column(String(64))
    app_secret: Mapped[str] = mapped_column(String(128))
    #: where HQ calls the platform back (empty: no callbacks)
    callback_url: Mapped[str] = mapped_column(String(256))


class O2OOrder(HQBase):
    """An online order. A split order is a parent (state ``split``, no store) and its parts, each
    with its own store. ``version`` is the feed version of its latest change."""

    __tablename__ = "o2o_orders"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(16))
    channel_order_no: Mapped[str] = mapped_column(String(64))
    parent_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    part: Mapped[int] = mapped_column(Integer, default=0)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), nullable=True)
    state: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    fulfilment: Mapped[str] = mapped_column(String(8))
    pickup_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    customer_name: Mapped[str] = mapped_column(String(limits.NAME.max_length))
    customer_phone: Mapped[str] = mapped_column(String(limits.PHONE.max_length))
    address: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lat: Mapped[float | None] = mapped_column(Double, nullable=True)
    lng: Mapped[float | None] = mapped_column(Double, nullable=True)
    requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    accept_by: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    allow_substitute: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(200), default="")
    paid: Mapped[int] = mapped_column(BigInteger)
    delivery_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    commission: Mapped[int] = mapped_column(BigInteger, default=0)
    refunded: Mapped[int] = mapped_column(BigInteger, default=0)
    payment_ref: Mapped[str] = mapped_column(String(64), default="")
    #: [{"line_no", "sku", "barcode", "name", "qty", "weight_g", "unit_price", "amount", "stock_qty"}]
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    picked: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONDoc, nullable=True)
    rider: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: stores that turned it down or let its acceptance lapse: routing passes them over
    excluded: Mapped[list[int]] = mapped_column(JSONDoc, default=list)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: while ``received``: the store named by the channel is the customer's choice (own-shop pickup),
    #: not only a preference (a platform's shop) — routing reads it
    store_fixed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))

    __table_args__ = (
        UniqueConstraint("channel", "channel_order_no", "part", name="uq_o2o_orders_channel_no"),
        Index("ix_o2o_orders_store_state", "store_id", "state"),
        Index("ix_o2o_orders_state_accept_by", "state", "accept_by"),
        Index("ix_o2o_orders_received", "id", postgresql_where=text("state = 'received'"),
              sqlite_where=text("state = 'received'")),
    )


class O2OReservation(HQBase):
    """Stock an order holds at its store (预占): taken at assignment, released on cancel or reassign,
    given up at handover (the store's sale then moves the stock itself)."""

    __tablename__ = "o2o_reservations"
    order_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    sku: Mapped[str] = mapped_column(String(limits.SKU.max_length), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    quantity: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_o2o_reservations_sku_store", "sku", "store_id"),)


class O2OFeedEntry(HQBase):
    """The store-facing order feed: the order as a store sees it after each change (``version``
    strictly increasing in commit order; writers take one lock)."""

    __tablename__ = "o2o_feed"
    version: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    store_id: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[dict[str, Any]] = mapped_column(JSONDoc)

    __table_args__ = (Index("ix_o2o_feed_store_version", "store_id", "version"),)


class O2OHistory(HQBase):
    """An order's history: each routing decision with its reasons, each step, each callback."""

    __tablename__ = "o2o_history"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(BigInteger, index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(24))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDoc)


class O2OStep(HQBase):
    """A store's step on an order, once per ``step_id``: a repeat answers the order as it was."""

    __tablename__ = "o2o_steps"
    step_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_id: Mapped[int] = mapped_column(BigInteger)
    store_id: Mapped[int] = mapped_column(Integer)
    answer: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class O2OCallback(HQBase):
    """A call HQ owes a platform (confirm, ready, picked-up, cancel agree/reject, partial refund):
    recorded with the change that causes it, sent after the commit, retried with backoff; one that
    keeps failing is ``failed`` and listed for people."""

    __tablename__ = "o2o_callbacks"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(BigInteger, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(24))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    state: Mapped[str] = mapped_column(String(8), default="pending")  # pending | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_o2o_callbacks_state_next", "state", "next_at"),)
class Transfer(HQBase):
    """调拨: goods one store sends another through HQ. ``dispatched`` when the sender took it out of
    its stock, ``received`` when the receiver counted it in (each line's ``received`` beside what was
    ``quantity`` sent), ``cancelled`` when the sender gave it up before it left."""

    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    transfer_no: Mapped[str] = mapped_column(String(limits.TRANSFER_NO.max_length), unique=True)
    from_store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    to_store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(limits.NOTE.max_length), default="")
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

class AuditEntry(HQBase):
    """审计: a store's audit log entry as the store chained it (``audit_recorded``), kept once per
    store and seq; HQ checks the chain it holds with the store's own rule."""

    __tablename__ = "audit_entries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    till: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(16))
    approver: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("store_id", "seq", name="uq_audit_entries_store_seq"),)
