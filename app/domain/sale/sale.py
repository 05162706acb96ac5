"""小票 — one sale from the first scan to completion, as one aggregate.

A ``Sale`` holds its lines, coupons and payments and works out everything that follows from them:
each line's price after promotions, the coupons' discount spread over the goods (分摊), 抹零 on
what is left to pay in cash, and — so that a return can give back exactly what was paid — how
much of the discount and of the rounding each line carries. Every command method checks its
rules before it changes anything, and leaves the sale consistent.

Pure: no database, no clock, no I/O. A use case loads a sale, calls one command, and saves what
changed; the outside world reaches in only through ``SaleRules`` (the store's settings and the
promotions, as a pricing function).

Rules kept here, once:
- 抹零 applies only to the part of the sale paid in cash (``TenderKind.cash_like``); every other
  tender pays exact fen. The rounding is apportioned to the goods lines like a discount, so the
  lines always add up to what the customer paid.
- A tender is refused when nothing is due; cash may exceed what is due by at most
  ``SaleRules.max_change`` (the rest is change); any other tender pays at most what is due, exactly.
- Taking anything off a line (a lower quantity, a void) counts against the void limit, added up
  since the line's last authorisation, so a line can't be cut below the limit step by step.
- Once something is paid in kind, nothing may be taken off the ticket that would leave those
  payments above what is due (change is only ever cash).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.apportion import largest_remainder
from app.domain.coupons import coupon_discount
from app.domain.errors import DomainError
from app.domain.limits import MAX_LINES
from app.domain.money import MAX_AMOUNT, RoundingPolicy, check_amount, format_fen, line_amount, round_cash_due
from app.domain.pricing import CartLine, PricedCart
from app.domain.quantity import Unit, check_quantity
from app.domain.sale.tenders import tender_kind


class Status(enum.StrEnum):
    OPEN = "open"
    PARKED = "parked"  # 挂单
    VOIDED = "voided"  # 整单取消
    COMPLETED = "completed"


Pricer = Callable[[Sequence[CartLine], str | None], PricedCart | None]
"""Prices cart lines for a member tier (None: no member) by the store's promotions; None when no
promotion applies."""


def no_promotions(lines: Sequence[CartLine], tier: str | None) -> PricedCart | None:
    return None


@dataclass(frozen=True, slots=True)
class SaleRules:
    """What the store decides for its sales."""

    rounding: RoundingPolicy = RoundingPolicy.NONE
    #: taking more than this (fen) off a line needs a supervisor
    void_limit: int = 5000
    #: the most change a cash tender may call for (a ¥100 note for anything)
    max_change: int = 10_000
    pricer: Pricer = no_promotions


@dataclass(frozen=True, slots=True)
class Approval:
    """A step that needs a senior operator's say-so (授权) before it happens."""

    action: str
    role: str
    detail: str = ""


def approval_required(approval: Approval) -> DomainError:
    return DomainError("override_required", status=403, action=approval.action)


@dataclass(slots=True, eq=False)
class Line:
    """商品行. ``quantity`` is pieces, or grams for weighed goods priced per kg."""

    product_id: int
    sku: str
    name: str
    unit: Unit
    quantity: int
    unit_price: int
    original_price: int
    barcode: str | None = None
    #: a price-embedded code's price (店内码): the line costs this whatever the weight
    fixed_amount: int | None = None
    #: a gift card sold on this line (its number); one card per line
    card_no: str | None = None
    category: str = ""
    brand: str = ""
    voided: bool = False
    #: fen taken off this line (cuts and a void) since it was last authorised, for the void limit
    reductions: int = 0
    seq: int = 0
    id: int | None = None
    # worked out by the sale:
    amount: int = 0  # after promotions
    promotion_note: str = ""
    discount: int = 0  # this line's share of the coupons
    rounding: int = 0  # this line's share of 抹零 (negative when rounding down)

    @property
    def price_overridden(self) -> bool:
        return self.unit_price != self.original_price

    @property
    def gross(self) -> int:
        """Price × quantity before promotions (an embedded price as printed, unless overridden)."""
        if self.fixed_amount is not None and not self.price_overridden:
            return self.fixed_amount
        return line_amount(self.unit_price, self.quantity, self.unit.per)

    @property
    def paid(self) -> int:
        """What the customer paid for this line: what a return of all of it gives back."""
        return self.amount - self.discount + self.rounding

    @property
    def note(self) -> str:
        if self.price_overridden:
            return f"改价 原价{format_fen(self.original_price, symbol='￥')}"
        return self.promotion_note

    @property
    def items(self) -> int:
        """Pieces count one each; a weighed line counts as one item."""
        return self.quantity if self.unit is Unit.PIECE else 1

    @property
    def pricing_key(self) -> str:
        return f"{self.seq:05d}"


@dataclass(slots=True, eq=False)
class Coupon:
    """A coupon on the ticket, held at HQ for it (or taken offline under the store's policy)."""

    code: str
    name: str
    kind: str  # app.domain.coupons.KINDS
    value: int
    threshold: int = 0
    sku: str | None = None  # 兑换券: the goods it makes free
    offline: bool = False
    #: HQ's reference of the hold (None: a ticket from before holds had their own, or taken offline)
    ref: str | None = None
    id: int | None = None
    discount: int = 0  # worked out by the sale


@dataclass(slots=True, eq=False)
class Payment:
    """A tender taken on the ticket. ``reference`` names the payer's card, member or account;
    ``ref`` is the key of the outside party's record of it (HQ's ledger entry, the provider's
    order), so a retry finds the same record."""

    kind: str
    amount: int
    reference: str | None = None
    ref: str | None = None
    id: int | None = None
    created_at: datetime | None = None
    #: a payment code's (付款码) provider record: ``ref`` is our out_trade_no, ``transaction_id``
    #: the provider's, the payer's bank type and the provider's fee (fen) when it said
    provider: str | None = None
    transaction_id: str | None = None
    payer_bank: str | None = None
    fee: int = 0


@dataclass(slots=True, eq=False)
class Sale:
    id: int
    till: str
    status: Status = Status.OPEN
    operator_id: int = 0
    shift_id: int = 0
    created_at: datetime | None = None
    completed_at: datetime | None = None
    member_no: str | None = None
    member_tier: str | None = None
    lines: list[Line] = field(default_factory=list)
    coupons: list[Coupon] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    sale_id: str | None = None
    rules: SaleRules = field(default_factory=SaleRules)
    # worked out by recompute():
    subtotal: int = 0  # after promotions
    promotion_discount: int = 0
    discount: int = 0  # coupons
    rounding: int = 0
    total: int = 0  # what the customer pays
    paid: int = 0
    change: int = 0  # set at completion

    # ---- reading ------------------------------------------------------------------------

    @property
    def active_lines(self) -> list[Line]:
        return [line for line in self.lines if not line.voided]

    @property
    def is_empty(self) -> bool:
        return not any(not line.voided for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.items for line in self.active_lines)

    @property
    def due(self) -> int:
        """Still to pay in cash (抹零 applied)."""
        return max(0, self.total - self.paid)

    @property
    def due_exact(self) -> int:
        """Still to pay by any other tender: exact fen, no 抹零."""
        return max(0, self.subtotal - self.discount - self.paid)

    def line(self, line_id: int) -> Line:
        """An active line by its stored id."""
        for line in self.lines:
            if line.id == line_id:
                if line.voided:
                    raise DomainError("line_voided", status=409)
                return line
        raise DomainError("line_not_found", status=404)

    def coupon(self, code: str) -> Coupon | None:
        return next((c for c in self.coupons if c.code == code), None)

    # ---- lines --------------------------------------------------------------------------

    def add_line(self, line: Line) -> Line:
        """Scan goods onto the ticket."""
        self._require_open()
        if len(self.lines) >= MAX_LINES:
            raise DomainError("ticket_full", status=409, limit=MAX_LINES)
        check_quantity(line.quantity, line.unit)
        if line.card_no is not None and any(x.card_no == line.card_no for x in self.active_lines):
            raise DomainError("gift_card_on_ticket", status=409, card=line.card_no)
        self._check_size(line.gross)
        line.seq = max((x.seq for x in self.lines), default=0) + 1
        line.reductions = 0
        self.lines.append(line)
        self.recompute()
        return line

    def approval_to_cut(self, line_id: int, quantity: int | None) -> Approval | None:
        """Whether cutting the line to ``quantity`` (None: voiding it) needs a supervisor."""
        line = self.line(line_id)
        cut = line.gross - (0 if quantity is None else self._gross_at(line, quantity=quantity))
        if cut > 0 and line.reductions + cut > self.rules.void_limit:
            return Approval("void_line", "supervisor", f"{line.sku} {format_fen(cut)}")
        return None

    def change_quantity(self, line_id: int, quantity: int, *, approved: bool = False) -> Line:
        self._require_open()
        line = self.line(line_id)
        if line.fixed_amount is not None or line.card_no is not None:
            raise DomainError("quantity_fixed", status=409)
        check_quantity(quantity, line.unit)
        new_gross = self._gross_at(line, quantity=quantity)
        self._check_cut(line, new_gross, approved)
        self._check_size(new_gross - line.gross)
        before = (line.quantity, line.reductions)
        self._cut(line, new_gross, approved)
        line.quantity = quantity

        def undo() -> None:
            line.quantity, line.reductions = before

        self._recompute_keeping_in_kind(undo)
        return line

    def void_line(self, line_id: int, *, approved: bool = False) -> Line:
        """删除商品行."""
        self._require_open()
        line = self.line(line_id)
        self._check_cut(line, 0, approved)
        before = line.reductions
        self._cut(line, 0, approved)
        line.voided = True

        def undo() -> None:
            line.voided, line.reductions = False, before

        self._recompute_keeping_in_kind(undo)
        return line

    def approval_to_override_price(self, line_id: int, price: int) -> Approval:
        """改价 is always authorised."""
        line = self.line(line_id)
        return Approval("price_override", "supervisor", f"{line.sku} {line.unit_price}->{price}")

    def override_price(self, line_id: int, price: int) -> Line:
        """改价 (authorised by the caller): the receipt shows the original price."""
        self._require_open()
        line = self.line(line_id)
        check_amount(price, allow_zero=True)
        if line.card_no is not None:
            raise DomainError("quantity_fixed", status=409)
        new_gross = self._gross_at(line, unit_price=price)
        self._check_size(new_gross - line.gross)
        before = line.unit_price
        line.unit_price = price
        self._recompute_keeping_in_kind(lambda: setattr(line, "unit_price", before))
        return line

    # ---- member and coupons -------------------------------------------------------------

    def attach_member(self, member_no: str | None, tier: str | None) -> None:
        self._require_open()
        self.member_no, self.member_tier = (member_no, tier) if member_no else (None, None)
        self.recompute()

    def check_coupon(self, code: str) -> None:
        """Before HQ is asked to hold a coupon for this ticket."""
        self._require_open()
        if self.coupon(code) is not None:
            raise DomainError("coupon_on_ticket", status=409, code=code)
        if self.payments:
            raise DomainError("ticket_being_paid", status=409)

    def add_coupon(self, coupon: Coupon) -> Coupon:
        self.check_coupon(coupon.code)
        if coupon.kind == "free_item" and not any(x.sku == coupon.sku for x in self.active_lines):
            raise DomainError("coupon_item_missing", status=409, code=coupon.code)
        self.coupons.append(coupon)
        self.recompute()
        return coupon

    def remove_coupon(self, code: str) -> Coupon:
        self._require_open()
        coupon = self.coupon(code)
        if coupon is None:
            raise DomainError("coupon_not_on_ticket", status=404, code=code[:32])
        if self.payments:
            raise DomainError("ticket_being_paid", status=409)
        self.coupons.remove(coupon)
        self.recompute()
        return coupon

    # ---- paying -------------------------------------------------------------------------

    def check_payment(self, kind_code: str, amount: int) -> None:
        """Every rule a tender of ``amount`` must pass; called before an outside party is asked
        to authorise it, and again when it is added."""
        self._require_open()
        kind = tender_kind(kind_code)
        check_amount(amount)
        if self.is_empty:
            raise DomainError("empty_ticket", status=409)
        if self.due == 0:
            raise DomainError("nothing_due", status=409)
        if kind.cash_like:
            if amount > self.due + self.rules.max_change:
                raise DomainError("cash_over_limit", status=409, due=format_fen(self.due, symbol="￥"),
                                  most=format_fen(self.due + self.rules.max_change, symbol="￥"))
        elif amount > self.due_exact:
            raise DomainError("tender_over_due", status=409, due=format_fen(self.due_exact, symbol="￥"),
                              due_fen=self.due_exact)
        if not kind.buys_gift_cards:
            self._check_cards_bought_with_money(adding=amount)

    def add_payment(self, payment: Payment) -> Payment:
        self.check_payment(payment.kind, payment.amount)
        self.payments.append(payment)
        self.recompute()
        return payment

    # ---- the ticket as a whole ----------------------------------------------------------

    def park(self) -> None:
        """挂单."""
        self._require_open()
        if self.payments:
            raise DomainError("ticket_has_tenders", status=409)
        if self.is_empty:
            raise DomainError("empty_ticket", status=409)
        self.status = Status.PARKED

    def resume(self) -> None:
        """取单."""
        if self.status is not Status.PARKED:
            raise DomainError("ticket_not_parked", status=409)
        self.status = Status.OPEN
        self.recompute()

    def approval_to_void(self) -> Approval | None:
        """整单取消 of a ticket holding payments, or above the void limit, needs a supervisor."""
        if self.payments or self.subtotal > self.rules.void_limit:
            return Approval("void_ticket", "supervisor", format_fen(self.subtotal))
        return None

    def void(self, *, approved: bool = False) -> None:
        if self.status not in (Status.OPEN, Status.PARKED):
            raise DomainError("ticket_closed", status=409)
        need = self.approval_to_void()
        if need is not None and not approved:
            raise approval_required(need)
        self.status = Status.VOIDED

    def complete(self, sale_id: str, moment: datetime | None = None) -> None:
        """结账: everything is paid; the change is worked out and the sale gets its number."""
        self._require_open()
        self.recompute()
        if self.is_empty:
            raise DomainError("empty_ticket", status=409)
        if self.paid < self.total:
            due = self.total - self.paid
            raise DomainError("insufficient_tender", status=409, due=format_fen(due, symbol="￥"), due_fen=due)
        self._check_cards_bought_with_money()
        self.change = self.paid - self.total
        self.status = Status.COMPLETED
        self.sale_id = sale_id
        self.completed_at = moment

    # ---- working it out -----------------------------------------------------------------

    def recompute(self) -> None:
        """Prices, coupons, 抹零, totals and every line's share of them, from the ticket's facts."""
        active = self.active_lines
        self._price(active)
        self.subtotal = sum(line.amount for line in active)
        self.promotion_discount = sum(line.gross - line.amount for line in active)
        goods = [line for line in active if line.card_no is None]
        self._apply_coupons(goods)
        exact = self.subtotal - self.discount
        in_kind = sum(p.amount for p in self.payments if not tender_kind(p.kind).cash_like)
        cash_part = max(0, exact - in_kind)
        self.rounding = round_cash_due(cash_part, self.rules.rounding) - cash_part
        self.total = exact + self.rounding
        self.paid = sum(p.amount for p in self.payments)
        self._apportion_rounding(goods, [line for line in active if line.card_no is not None])

    def _price(self, active: list[Line]) -> None:
        for line in self.lines:
            line.amount, line.promotion_note, line.discount, line.rounding = line.gross, "", 0, 0
        # Price-embedded goods carry their price, a gift card sells at face value, and a line whose
        # price the cashier overrode keeps it: promotions price the rest.
        priceable = [x for x in active if x.fixed_amount is None and x.card_no is None and not x.price_overridden]
        if not priceable:
            return
        cart = [CartLine(x.pricing_key, x.sku, x.unit_price, x.quantity, x.category, x.brand, x.unit) for x in priceable]
        priced = self.rules.pricer(cart, self.member_tier)
        if priced is None:
            return
        by_key = {x.pricing_key: x for x in priceable}
        for result in priced.lines:
            if result.discounts:
                line = by_key[result.line_id]
                line.amount, line.promotion_note = result.final, result.note

    def _apply_coupons(self, goods: list[Line]) -> None:
        # Coupons are for goods: a gift card sold on the ticket neither reaches a threshold nor takes a share.
        goods_total = sum(line.amount for line in goods)
        for coupon in self.coupons:  # a coupon's worth follows the cart (a threshold may stop being met)
            if coupon.kind == "free_item":  # 兑换券: one of its goods on the ticket costs nothing
                line = next((x for x in goods if x.sku == coupon.sku), None)
                one = 0 if line is None else min(line.amount, line.unit_price if line.unit is Unit.PIECE else line.amount)
                coupon.discount = one if goods_total >= coupon.threshold else 0
            else:
                coupon.discount = coupon_discount(coupon.kind, coupon.value, coupon.threshold, goods_total)
        self.discount = min(goods_total, sum(c.discount for c in self.coupons))
        shares = largest_remainder(self.discount, [line.amount for line in goods]) if goods else []
        for line, share in zip(goods, shares, strict=True):
            line.discount = share

    def _apportion_rounding(self, goods: list[Line], cards: list[Line]) -> None:
        shares = spread_rounding(self.rounding, [[x.amount - x.discount for x in group] for group in (goods, cards)])
        for group, group_shares in zip((goods, cards), shares, strict=True):
            for line, share in zip(group, group_shares, strict=True):
                line.rounding = share

    # ---- rules --------------------------------------------------------------------------

    def _require_open(self) -> None:
        if self.status is not Status.OPEN:
            raise DomainError("ticket_closed", status=409)

    def _gross_at(self, line: Line, *, quantity: int | None = None, unit_price: int | None = None) -> int:
        price = line.unit_price if unit_price is None else unit_price
        if line.fixed_amount is not None and price == line.original_price:
            return line.fixed_amount
        return line_amount(price, line.quantity if quantity is None else quantity, line.unit.per)

    def _check_size(self, added: int) -> None:
        """A line or a ticket never carries more than the largest amount the chain's books hold."""
        gross = sum(line.gross for line in self.active_lines)
        if added > 0 and gross + added > MAX_AMOUNT:
            raise DomainError("ticket_too_large", status=409, most=format_fen(MAX_AMOUNT, symbol="￥"))

    def _check_cut(self, line: Line, new_gross: int, approved: bool) -> None:
        cut = line.gross - new_gross
        if cut > 0 and not approved and line.reductions + cut > self.rules.void_limit:
            raise approval_required(Approval("void_line", "supervisor"))

    @staticmethod
    def _cut(line: Line, new_gross: int, approved: bool) -> None:
        cut = max(0, line.gross - new_gross)
        line.reductions = 0 if approved else line.reductions + cut

    def _recompute_keeping_in_kind(self, undo: Callable[[], None]) -> None:
        """Recompute after taking something off; undo it if payments other than cash would then be
        more than the ticket is worth (only cash gives change)."""
        self.recompute()
        in_kind = sum(p.amount for p in self.payments if not tender_kind(p.kind).cash_like)
        if in_kind > self.subtotal - self.discount:
            undo()
            self.recompute()
            raise DomainError("ticket_being_paid", status=409)

    def _check_cards_bought_with_money(self, adding: int = 0) -> None:
        """Stored value, gift cards and points (``adding`` more of them now) pay for goods, not for
        gift cards sold on the ticket."""
        cards = sum(line.amount for line in self.active_lines if line.card_no is not None)
        if not cards:
            return
        in_kind = sum(p.amount for p in self.payments if not tender_kind(p.kind).buys_gift_cards)
        if in_kind + adding > self.subtotal - self.discount - cards:
            raise DomainError("gift_card_tender", status=409)


def spread_rounding(rounding: int, groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """抹零 spread over what lines pay, like a discount, by largest remainder: over the first group
    (the goods) while it can carry it, then the next (gift cards, which otherwise keep their face
    value). Rounding down never takes a line below zero."""
    left, sign = abs(rounding), (-1 if rounding < 0 else 1)
    result: list[list[int]] = []
    for weights in groups:
        room = sum(weights)
        take = 0 if not left or not room else (min(left, room) if sign < 0 else left)
        result.append([sign * share for share in largest_remainder(take, weights)] if take else [0] * len(weights))
        left -= take
    return result
