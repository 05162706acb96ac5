"""退货: what a return of some goods of a completed sale gives back, and where the money goes.

A line refunds its share of what it paid (``Line.paid``: after promotions, coupons and 抹零); the
return that brings back its last unit takes whatever of that is left, so bringing everything back
refunds exactly what was paid, never more. The money goes back to the tenders that are paid back
in kind (``RefundTo.SOURCE``: stored value, gift cards, points, payment codes, a bank card) first,
in the order they were taken and up to what each paid less what earlier returns gave it back; the
rest comes out of the drawer in cash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.errors import DomainError
from app.domain.sale.tenders import tender_kind


@dataclass(frozen=True, slots=True)
class SoldLine:
    """A line of the sale as a return sees it."""

    id: int
    name: str
    quantity: int
    paid: int
    returned_quantity: int = 0
    returned_refund: int = 0
    gift_card: bool = False

    @property
    def returnable(self) -> int:
        return 0 if self.gift_card else self.quantity - self.returned_quantity


@dataclass(frozen=True, slots=True)
class SoldPayment:
    """A tender of the sale, and how much of it returns already gave back."""

    id: int
    kind: str
    amount: int
    reference: str | None = None
    ref: str | None = None
    refunded: int = 0


@dataclass(frozen=True, slots=True)
class RefundShare:
    """Part of a refund: back to ``payment`` (None: cash from the drawer)."""

    payment: SoldPayment | None
    amount: int

    @property
    def kind(self) -> str:
        return "cash" if self.payment is None else self.payment.kind


@dataclass(frozen=True, slots=True)
class RefundPlan:
    lines: dict[int, tuple[int, int]]  # line id → (quantity, refund)
    shares: tuple[RefundShare, ...]

    @property
    def total(self) -> int:
        return sum(refund for _, refund in self.lines.values())

    @property
    def cash(self) -> int:
        return sum(s.amount for s in self.shares if s.payment is None)

    def whole(self, sold: Sequence[SoldLine]) -> bool:
        """After this return nothing of the sale's goods is left to bring back."""
        return all(line.returnable - self.lines.get(line.id, (0, 0))[0] <= 0 for line in sold if not line.gift_card)


def line_refund(line: SoldLine, quantity: int) -> int:
    """What ``quantity`` more of ``line`` refunds: the line's paid amount for every unit returned so
    far (in proportion, half up), less what earlier returns of it refunded. So the refunds of a line
    never add up to more than it paid — step by step — and returning all of it refunds exactly that."""
    returned = line.returned_quantity + quantity
    so_far = (line.paid * returned + line.quantity // 2) // line.quantity
    return max(0, so_far - line.returned_refund)


def plan_refund(sale_id: str, sold: Sequence[SoldLine], payments: Sequence[SoldPayment],
                wanted: Sequence[tuple[int, int]]) -> RefundPlan:
    """The refund of bringing back ``wanted`` (line id, quantity) of a sale."""
    if not wanted:
        raise DomainError("invalid_field", status=422, field="lines", value="[]")
    by_id = {line.id: line for line in sold}
    quantities: dict[int, int] = {}
    for line_id, quantity in wanted:
        line = by_id.get(line_id)
        if line is None:
            raise DomainError("line_not_in_sale", status=422, line=line_id, sale=sale_id)
        if line.gift_card:
            raise DomainError("gift_card_not_returnable", status=409, name=line.name)
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            raise DomainError("invalid_quantity", quantity=quantity)
        quantities[line_id] = quantities.get(line_id, 0) + quantity
    lines: dict[int, tuple[int, int]] = {}
    for line_id, quantity in quantities.items():
        line = by_id[line_id]
        if quantity > line.returnable:
            raise DomainError("return_exceeds_sale", status=409, name=line.name, left=line.returnable)
        lines[line_id] = (quantity, line_refund(line, quantity))
    total = sum(refund for _, refund in lines.values())
    return RefundPlan(lines, allocate(total, payments))


def allocate(total: int, payments: Sequence[SoldPayment]) -> tuple[RefundShare, ...]:
    """Spread a refund of ``total`` over the sale's tenders: in kind first, the rest in cash."""
    shares: list[RefundShare] = []
    left = total
    for payment in payments:
        if not left or not tender_kind(payment.kind).paid_in_kind:
            continue
        amount = min(max(0, payment.amount - payment.refunded), left)
        if amount:
            shares.append(RefundShare(payment, amount))
            left -= amount
    if left:
        shares.append(RefundShare(None, left))
    return tuple(shares)


def refunded_by_payment(shares: Sequence[tuple[int | None, int]]) -> Mapping[int, int]:
    """Per payment id, what earlier returns gave back to it (cash shares carry no payment id)."""
    done: dict[int, int] = {}
    for payment_id, amount in shares:
        if payment_id is not None:
            done[payment_id] = done.get(payment_id, 0) + amount
    return done
