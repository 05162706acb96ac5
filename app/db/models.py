"""The store database (SQLite, WAL). Money columns are integer fen."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Operator(Base):
    """收银员 / 主管 / 店长."""

    __tablename__ = "operators"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # cashier | supervisor | manager
    pin_hash: Mapped[str] = mapped_column(String(256))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: wrong authorisations (授权) this operator asked for: they lock this operator's asking, never
    #: the login of the supervisor or manager whose code was typed
    override_failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    override_locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: 停用 by the store manager until unlocked (apart from a lockout after wrong PINs)
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    #: the PIN was reset: the operator sets a new one before the next login lets them in
    pin_change_required: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class LoginFailure(Base):
    """Wrong PINs typed for an operator code the store does not know (or no longer lets in),
    counted and locked as a real operator's are: the answer never tells a real code from another."""

    __tablename__ = "login_failures"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Till(Base):
    __tablename__ = "tills"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))


class SessionToken(Base):
    __tablename__ = "sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    till: Mapped[str] = mapped_column(ForeignKey("tills.code"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class Product(Base):
    """One sellable SKU (规格)."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    initials: Mapped[str] = mapped_column(String(128), default="")  # 拼音首字母, lower case
    spec: Mapped[str] = mapped_column(String(64), default="")
    brand: Mapped[str] = mapped_column(String(64), default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), nullable=True)
    unit: Mapped[str] = mapped_column(String(8), default="piece")  # piece | gram (price per kg)
    price: Mapped[int] = mapped_column(Integer)
    plu: Mapped[str | None] = mapped_column(String(8), unique=True, nullable=True)
    tax_rate: Mapped[int] = mapped_column(Integer, default=1300)  # basis points: 13%
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    primary_barcode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: HQ's list price; ``price`` is what the store sells at (its group's price when HQ sets one)
    list_price: Mapped[int | None] = mapped_column(Integer, nullable=True)
    group_price: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(12), default="goods", server_default="goods")  # goods | gift_card
    #: 进价 from HQ's feed, when HQ knows it: the back office's gross margin counts only goods that have one
    cost_price: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: 明码标价: 产地 and 等级 on the shelf label (``spec`` is its 规格)
    origin: Mapped[str | None] = mapped_column(String(64), nullable=True)
    grade: Mapped[str | None] = mapped_column(String(16), nullable=True)

    category: Mapped[Category | None] = relationship(lazy="joined")


class Barcode(Base):
    __tablename__ = "barcodes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    pack_quantity: Mapped[int] = mapped_column(Integer, default=1)  # ITF-14 case of N


class Shift(Base):
    """班次: opened with a float (备用金), closed with a blind count."""

    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(primary_key=True)
    till: Mapped[str] = mapped_column(ForeignKey("tills.code"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    float_amount: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    counted: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expected: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="open")  # open | closed

    __table_args__ = (Index("ix_shift_till_status", "till", "status"), Index("ix_shift_opened_at", "opened_at"))


class Ticket(Base):
    """A sale in progress, parked (挂单), voided, or completed (then it carries a sale_id)."""

    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    till: Mapped[str] = mapped_column(ForeignKey("tills.code"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    sale_id: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    subtotal: Mapped[int] = mapped_column(Integer, default=0)
    #: coupons' discount off the subtotal, apportioned to the lines (TicketLine.discount)
    discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    member_no: Mapped[str | None] = mapped_column(String(20), nullable=True)
    member_tier: Mapped[str | None] = mapped_column(String(16), nullable=True)  # as HQ said when attached
    rounding: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    paid: Mapped[int] = mapped_column(Integer, default=0)
    change: Mapped[int] = mapped_column(Integer, default=0)
    #: bumped by every save: the store server's in-memory copy of an open ticket is used only while
    #: it is as new as the row (``app.tickets``)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    lines: Mapped[list[TicketLine]] = relationship(
        back_populates="ticket", order_by="TicketLine.seq", cascade="all, delete-orphan", lazy="selectin"
    )
    tenders: Mapped[list[Tender]] = relationship(
        back_populates="ticket", order_by="Tender.id", cascade="all, delete-orphan", lazy="selectin"
    )
    coupons: Mapped[list[TicketCoupon]] = relationship(
        back_populates="ticket", order_by="TicketCoupon.id", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (Index("ix_ticket_till_status", "till", "status"), Index("ix_ticket_completed_at", "completed_at"),
                      Index("ix_ticket_shift", "shift_id"))


class TicketLine(Base):
    __tablename__ = "ticket_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(32))
    barcode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name: Mapped[str] = mapped_column(String(128))
    unit: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    original_price: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    fixed_amount: Mapped[int | None] = mapped_column(Integer, nullable=True)  # price-embedded code
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(128), default="")
    #: this line's share of the ticket's coupon discount: it paid amount - discount (returns refund that)
    discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: a gift card sold on this line: its number; HQ activates it with the sale
    card_no: Mapped[str | None] = mapped_column(String(24), nullable=True)
    #: this line's share of the ticket's 抹零 (≤ 0 rounding down): it paid amount - discount + rounding
    rounding: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: fen taken off this line since it was last authorised (the void limit adds cuts up)
    reductions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    ticket: Mapped[Ticket] = relationship(back_populates="lines")


class Tender(Base):
    __tablename__ = "tenders"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    #: stored value: the card; HQ's ledger entry is keyed by ``ref``
    reference: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: a payment code (付款码): the provider, its transaction id (``ref`` is our out_trade_no), the
    #: payer's bank type and the provider's fee in fen when known
    provider: Mapped[str | None] = mapped_column(String(16), nullable=True)
    transaction_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    payer_bank: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fee: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    ticket: Mapped[Ticket] = relationship(back_populates="tenders")


class TicketCoupon(Base):
    """A coupon on a ticket, reserved at HQ for it; committed with the sale, released with a void."""

    __tablename__ = "ticket_coupons"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(Integer)
    threshold: Mapped[int] = mapped_column(Integer, default=0)
    discount: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    #: 兑换券: the goods it makes free (one piece, or one line's weight)
    sku: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: taken while HQ was out of reach (offline policy): HQ redeems it, or reports a conflict, on sync
    offline: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    #: HQ's reference of the hold, one per attempt (None: a hold under the ticket's own reference)
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True)

    ticket: Mapped[Ticket] = relationship(back_populates="coupons")


class Command(Base):
    """Every state-changing call's client-made id and the answer it got (idempotency). An id is the
    till's and operator's own: the same id from another till, or another operator, is another command."""

    __tablename__ = "commands"
    till: Mapped[str] = mapped_column(String(16), primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Override(Base):
    """A supervisor's or manager's authorisation (授权), recorded with who gave it."""

    __tablename__ = "overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(32))
    till: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    requested_by: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    authorised_by: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_overrides_action_at", "action", "at"),)


class SaleCounter(Base):
    __tablename__ = "sale_counters"
    till: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class OutboxEvent(Base):
    """An event for HQ, written in the same transaction as the change it describes."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: times HQ answered and refused the batch this event headed (an unreachable HQ is not counted)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: HQ took the event but could not apply it (搁置): why (a message code) and the field at fault
    parked_reason: Mapped[str | None] = mapped_column(String(64), nullable=True)
    parked_field: Mapped[str | None] = mapped_column(String(200), nullable=True)

    __table_args__ = (Index("ix_outbox_pending", "delivered_at", "id"),
                      Index("ix_outbox_parked", "id", sqlite_where=text("parked_reason IS NOT NULL")))


class Meta(Base):
    """Small store-wide values, e.g. the catalog version the search index was built from."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class StockLevel(Base):
    """库存: on hand per product, in pieces or grams as the product is sold."""

    __tablename__ = "stock_levels"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class StockMovement(Base):
    """One change to a stock level and why: a sale, goods received (收货), damage (报损), a count (盘点)."""

    __tablename__ = "stock_movements"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(32))
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str] = mapped_column(String(64), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class Return(Base):
    """退货: goods of one completed sale brought back, refunded at what each line actually paid."""

    __tablename__ = "returns"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_no: Mapped[str] = mapped_column(String(32), unique=True)
    #: the original sale; None for a return without a receipt (无小票退货)
    sale_id: Mapped[str | None] = mapped_column(String(32), index=True, nullable=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True)
    till: Mapped[str] = mapped_column(String(16))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    total: Mapped[int] = mapped_column(Integer)  # refunded, positive fen
    cash: Mapped[int] = mapped_column(Integer, default=0)  # of which from the drawer
    reason: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    lines: Mapped[list[ReturnLine]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    __table_args__ = (Index("ix_returns_shift", "shift_id"), Index("ix_returns_created_at", "created_at"))


class ReturnTender(Base):
    """Where a return's money went: back to one of the sale's tenders, or cash from the drawer."""

    __tablename__ = "return_tenders"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"), index=True)
    tender_id: Mapped[int | None] = mapped_column(ForeignKey("tenders.id"), index=True, nullable=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ReturnLine(Base):
    __tablename__ = "return_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"), index=True)
    #: the sale's line; without a receipt, the product and the price it was taken back at instead
    line_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_lines.id"), index=True, nullable=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), nullable=True)
    unit_price: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quantity: Mapped[int] = mapped_column(Integer)
    refund: Mapped[int] = mapped_column(Integer)


class PromotionRecord(Base):
    """A promotion as HQ sent it down the feed (``app.domain.promotion_json``)."""

    __tablename__ = "promotions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class CouponBatchRecord(Base):
    """A paper coupon batch as HQ sent it down the feed: what the store needs to take one offline."""

    __tablename__ = "coupon_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class TopUp(Base):
    """充值 taken at this till: the money (cash into the drawer, or a payment code's charge,
    ``out_trade_no``) taken, the value onto a card at HQ. ``method`` is the tender that paid it."""

    __tablename__ = "top_ups"
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    till: Mapped[str] = mapped_column(String(16))
    card: Mapped[str] = mapped_column(String(24))
    amount: Mapped[int] = mapped_column(Integer)
    bonus: Mapped[int] = mapped_column(Integer, default=0)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    method: Mapped[str] = mapped_column(String(16), default="cash", server_default="cash")
    out_trade_no: Mapped[str | None] = mapped_column(String(32), nullable=True)


class OutsideCall(Base):
    """A call to HQ (or a provider) a till's command needs, recorded before it is made
    (``app.outside``): pending → settled | refused | abandoned → undone."""

    __tablename__ = "outside_calls"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    till: Mapped[str] = mapped_column(String(16))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    command_id: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True)
    request: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(12), index=True)
    answer: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[str | None] = mapped_column(String(64), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("till", "command_id", name="uq_outside_calls_till_command"),)


# ---- the back office ----------------------------------------------------------------------------


def _sum() -> Mapped[int]:
    return mapped_column(Integer, default=0, server_default="0")


class SalesHourly(Base):
    """What the store sold in one hour (``YYYY-MM-DD HH`` of completion), kept up to date in each
    sale's own transaction so the dashboard reads a few hundred rows, not the sales."""

    __tablename__ = "sales_hourly"
    hour: Mapped[str] = mapped_column(String(13), primary_key=True)
    tickets: Mapped[int] = _sum()
    items: Mapped[int] = _sum()
    gross: Mapped[int] = _sum()  # before promotions
    promotion: Mapped[int] = _sum()
    coupons: Mapped[int] = _sum()
    rounding: Mapped[int] = _sum()
    total: Mapped[int] = _sum()
    cost: Mapped[int] = _sum()  # cost of the goods that have a cost price
    costed: Mapped[int] = _sum()  # what those goods sold for
    voided_lines: Mapped[int] = _sum()
    voided_line_amount: Mapped[int] = _sum()
    voided_tickets: Mapped[int] = _sum()  # 整单取消, in the hour they were voided
    voided_amount: Mapped[int] = _sum()


class SalesTenderHourly(Base):
    """Money taken per tender and hour; cash net of the change given."""

    __tablename__ = "sales_tenders_hourly"
    hour: Mapped[str] = mapped_column(String(13), primary_key=True)
    method: Mapped[str] = mapped_column(String(16), primary_key=True)
    amount: Mapped[int] = _sum()
    count: Mapped[int] = _sum()


class _ItemFigures:
    """What the item summaries add up: quantity (pieces or grams), lines, what was paid for them,
    their cost and how much of the amount had a cost price (for the margin)."""

    quantity: Mapped[int] = _sum()
    lines: Mapped[int] = _sum()
    amount: Mapped[int] = _sum()
    cost: Mapped[int] = _sum()
    costed: Mapped[int] = _sum()


class SalesItemDaily(_ItemFigures, Base):
    """Per product and day: quantity (pieces or grams), lines and what was paid for them."""

    __tablename__ = "sales_items_daily"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class SalesItemMonthly(_ItemFigures, Base):
    """The same per month (``YYYY-MM``): a year's top items read twelve months, not 365 days."""

    __tablename__ = "sales_items_monthly"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class SalesCategoryDaily(_ItemFigures, Base):
    """Per category (0: none) and day."""

    __tablename__ = "sales_categories_daily"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class DayClose(Base):
    """日结 (Z): one business day closed, numbered, with the report as it stood when closed."""

    __tablename__ = "day_closes"
    id: Mapped[int] = mapped_column(primary_key=True)
    business_day: Mapped[str] = mapped_column(String(10), unique=True)
    z_no: Mapped[int] = mapped_column(Integer, unique=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    report: Mapped[dict[str, Any]] = mapped_column(JSON)


class CashDeposit(Base):
    """缴款: cash taken out of the store against a Z, and who took it (the bank's courier, the manager)."""

    __tablename__ = "cash_deposits"
    id: Mapped[int] = mapped_column(primary_key=True)
    day_close_id: Mapped[int] = mapped_column(ForeignKey("day_closes.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    taken_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(128), default="", server_default="")
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    at: Mapped[datetime] = mapped_column(DateTime)


class StoreSetting(Base):
    """设置 the manager changed in the back office; it overrides the environment's default."""

    __tablename__ = "store_settings"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(512))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)


# ---- payment codes (付款码) ----------------------------------------------------------------------


class PaymentAttempt(Base):
    """One attempt to charge a customer's payment code for a ticket (``app.paycodes``), stored
    before the first byte leaves: new → submitted → paid | failed | unknown → polling → paid |
    closed → needs_reverse → reversed. ``out_trade_no`` is ours, the same for every retry; the code
    itself is kept only masked and hashed (it is a one-time bearer token), except in memory while
    the attempt is being sent."""

    __tablename__ = "payment_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    out_trade_no: Mapped[str] = mapped_column(String(32))
    #: the ticket it pays, or none: a top-up (储值充值) of ``topup_card``
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True, nullable=True)
    till: Mapped[str] = mapped_column(String(16))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    command_id: Mapped[str] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(16))
    code_hash: Mapped[str] = mapped_column(String(64))
    code_masked: Mapped[str] = mapped_column(String(32))
    amount: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    raw_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    message: Mapped[str | None] = mapped_column(String(200), nullable=True)
    transaction_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    payer_bank: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fee: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    paid_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    tender_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    queries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cancels: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: every step: [{"at": iso time, "state": …, "code": provider code}]
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    #: when the background worker next asks the provider (a query or a reverse)
    next_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: a top-up (``app.paycode_topups``): its reference at HQ, the card, the shift it was taken in,
    #: and once paid: crediting → credited | refunded (HQ refused: ``topup_error``, the charge refunded)
    topup_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    topup_card: Mapped[str | None] = mapped_column(String(24), nullable=True)
    topup_shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id", name="fk_payment_attempts_topup_shift"),
                                                       nullable=True)
    topup_state: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    topup_error: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (UniqueConstraint("out_trade_no", name="uq_payment_attempts_out_trade_no"),
                      UniqueConstraint("till", "command_id", name="uq_payment_attempts_till_command"),
                      UniqueConstraint("topup_ref", name="uq_payment_attempts_topup_ref"))


class PaymentRefund(Base):
    """A refund to a payment code (a return or a void after payment), with our stable
    ``out_refund_no``: processing → success | failed (| unknown, sent again)."""

    __tablename__ = "payment_refunds"
    id: Mapped[int] = mapped_column(primary_key=True)
    out_refund_no: Mapped[str] = mapped_column(String(32))
    out_trade_no: Mapped[str] = mapped_column(String(32))
    provider: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    raw_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    refund_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    queries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    #: refused for good and then paid out of a drawer (现金退款, a manager allowed it): the shift
    #: whose expected cash it leaves, who paid it, when
    cash_shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), nullable=True, index=True)
    cash_operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)
    cash_paid_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (UniqueConstraint("out_refund_no", name="uq_payment_refunds_out_refund_no"),)


class O2OOrder(Base):
    """线上订单: an online order HQ routed to this store, as the board works it (HQ's id is the key)."""

    __tablename__ = "o2o_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    #: HQ's feed version of the last change applied here
    version: Mapped[int] = mapped_column(Integer)
    #: the board's change stream position: raised on every change, here or from HQ
    seq: Mapped[int] = mapped_column(Integer, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    channel_order_no: Mapped[str] = mapped_column(String(64))
    #: assigned | accepted | picking | packed | ready | handed_over | cancelled | reassigned | rejected
    state: Mapped[str] = mapped_column(String(16))
    fulfilment: Mapped[str] = mapped_column(String(16))
    pickup_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    customer_name: Mapped[str] = mapped_column(String(64), default="")
    customer_phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str | None] = mapped_column(String(256), nullable=True)
    requested_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    accept_by: Mapped[datetime] = mapped_column(DateTime)
    allow_substitute: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(256), default="")
    paid: Mapped[int] = mapped_column(Integer, default=0)
    delivery_fee: Mapped[int] = mapped_column(Integer, default=0)
    commission: Mapped[int] = mapped_column(Integer, default=0)
    rider: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(String(128), nullable=True)
    #: a cancel arrived after picking began: the board says so until someone puts the goods back
    cancelled_mid_pick: Mapped[bool] = mapped_column(Boolean, default=False)
    reject_reason: Mapped[str | None] = mapped_column(String(16), nullable=True)
    #: the channel sale recorded at handover
    sale_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class O2OLine(Base):
    """One line of an online order and what the picker found for it."""

    __tablename__ = "o2o_lines"
    order_id: Mapped[int] = mapped_column(ForeignKey("o2o_orders.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_code: Mapped[str] = mapped_column(String(32))
    barcode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name: Mapped[str] = mapped_column(String(128))
    qty: Mapped[int] = mapped_column(Integer)
    weight_g: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unit_price: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    #: open | picked | short | substituted
    status: Mapped[str] = mapped_column(String(16), default="open")
    picked_qty: Mapped[int] = mapped_column(Integer, default=0)
    picked_weight_g: Mapped[int | None] = mapped_column(Integer, nullable=True)
    picked_amount: Mapped[int] = mapped_column(Integer, default=0)
    substitute_code: Mapped[str | None] = mapped_column(String(32), nullable=True)


class ShelfLocation(Base):
    """货位: where a product sits in this store (``A-03-2``: aisle, bay, level), set by the manager
    or imported from a CSV; the O2O pick list is walked in this order. Keyed by the SKU, so a
    catalog sync from HQ leaves it be."""

    __tablename__ = "shelf_locations"
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    location: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)


class O2OHistory(Base):
    """What happened to an online order here, in order (the board's 日志)."""

    __tablename__ = "o2o_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("o2o_orders.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    what: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(256), default="")
    operator_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class O2OStep(Base):
    """A step of an order to tell HQ: recorded with the change, sent after the commit, retried
    until HQ answers (``pending`` → ``settled`` or ``refused``). HQ dedupes by ``id``."""

    __tablename__ = "o2o_steps"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("o2o_orders.id"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_o2o_steps_pending", "state", "created_at"),)
# ---- 库存 and 价签 at the back office ------------------------------------------------------------


class StockCount(Base):
    """盘点: opened with a snapshot of the book, counted blind, approved by a manager (or cancelled)."""

    __tablename__ = "stock_counts"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | approved | cancelled
    note: Mapped[str] = mapped_column(String(128), default="", server_default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    started_by: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)


class StockCountLine(Base):
    """One product of a count: its book quantity at the snapshot and, once counted, what was found."""

    __tablename__ = "stock_count_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(32))
    book: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (UniqueConstraint("count_id", "product_id", name="uq_stock_count_lines_product"),)


class Transfer(Base):
    """调拨 between this store and another, through HQ: ``out`` leaves here when dispatched, ``in``
    arrives here when received (each line's ``received`` may differ from what was sent)."""

    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_no: Mapped[str] = mapped_column(String(40), unique=True)
    direction: Mapped[str] = mapped_column(String(4))  # out | in
    other_store: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12))  # dispatched | received | cancelled
    note: Mapped[str] = mapped_column(String(128), default="", server_default="")
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # sku, name, unit, quantity, received
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class LabelToPrint(Base):
    """价签待打印: a product whose label is out of date (HQ changed its price, a promotion began or
    ended), until its label is printed."""

    __tablename__ = "labels_to_print"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    reason: Mapped[str] = mapped_column(String(12))  # price | promotion | manual
    created_at: Mapped[datetime] = mapped_column(DateTime)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (Index("ix_labels_to_print_pending", "printed_at", "product_id"),)

class AuditEntry(Base):
    """审计: one entry of the store's append-only log, chained to the one before by its hash
    (``app.audit``): an override, a no-sale, a price change, a void, a PIN reset, a Z…"""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    till: Mapped[str] = mapped_column(String(16), default="")
    actor: Mapped[str] = mapped_column(String(16), default="")
    approver: Mapped[str] = mapped_column(String(16), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
