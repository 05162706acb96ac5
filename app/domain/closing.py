"""交班与日结 — what a business day's sales and returns add up to, per tender.

The X report (any time, nothing closed) and the Z report (日结, closes the day) share these
totals. The rule they keep, stated once: for every tender, what the sales took in, less the change
given out of the drawer, less what returns paid back to it, is what that tender holds at the end
of the day — and over all tenders that is the day's sales less its returns
(sales − returns = tenders − change).

Taxes: China's retail prices include VAT, so the tax in an amount is ``amount × rate / (1 + rate)``,
worked out once per rate over the day's total at that rate (not line by line), rounded half up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.domain.sale.tenders import CASH


@dataclass(frozen=True, slots=True)
class ClosedSale:
    """A completed sale as the day's close sees it."""

    total: int
    change: int
    tenders: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ClosedRefund:
    """A return: how much went back, and to which tender (cash out of the drawer included)."""

    total: int
    tenders: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class TenderTotal:
    method: str
    taken: int = 0
    change: int = 0
    refunded: int = 0
    sales: int = 0  # sales using this tender

    @property
    def net(self) -> int:
        """What the tender holds for the day: taken, less change, less refunds."""
        return self.taken - self.change - self.refunded


@dataclass(frozen=True, slots=True)
class DayTotals:
    sales_count: int
    sales_total: int
    returns_count: int
    returns_total: int
    tenders: tuple[TenderTotal, ...] = field(default_factory=tuple)

    @property
    def net_total(self) -> int:
        return self.sales_total - self.returns_total

    def tender(self, method: str) -> TenderTotal:
        return next((t for t in self.tenders if t.method == method), TenderTotal(method))

    @property
    def reconciles(self) -> bool:
        """sales − returns = tenders − change, summed over tenders."""
        return self.net_total == sum(t.net for t in self.tenders)


def day_totals(sales: Iterable[ClosedSale], refunds: Iterable[ClosedRefund]) -> DayTotals:
    """The day's totals per tender, in a stable order (cash first, then by name). The change of a
    sale is given out of the drawer, so it counts against cash."""
    taken: dict[str, int] = {}
    used: dict[str, int] = {}
    change = 0
    count = total = 0
    for sale in sales:
        count += 1
        total += sale.total
        change += sale.change
        for method in {m for m, _ in sale.tenders}:
            used[method] = used.get(method, 0) + 1
        for method, amount in sale.tenders:
            taken[method] = taken.get(method, 0) + amount
    refunded: dict[str, int] = {}
    returns_count = returns_total = 0
    for refund in refunds:
        returns_count += 1
        returns_total += refund.total
        for method, amount in refund.tenders:
            refunded[method] = refunded.get(method, 0) + amount
    methods = sorted(set(taken) | set(refunded) | ({CASH} if change else set()), key=lambda m: (m != CASH, m))
    tenders = tuple(TenderTotal(m, taken.get(m, 0), change if m == CASH else 0, refunded.get(m, 0), used.get(m, 0))
                    for m in methods)
    return DayTotals(count, total, returns_count, returns_total, tenders)


def tax_in(amount: int, rate_bp: int) -> int:
    """The VAT inside a tax-inclusive ``amount`` (fen) at ``rate_bp`` basis points, half up."""
    if rate_bp <= 0:
        return 0
    numerator = amount * rate_bp
    denominator = 10_000 + rate_bp
    sign = -1 if numerator < 0 else 1
    return sign * ((abs(numerator) * 2 + denominator) // (2 * denominator))


@dataclass(frozen=True, slots=True)
class TaxLine:
    rate_bp: int
    gross: int  # tax included
    tax: int

    @property
    def net(self) -> int:
        return self.gross - self.tax


def taxes_by_rate(amounts: Sequence[tuple[int, int]]) -> tuple[TaxLine, ...]:
    """(rate, tax-inclusive amount) pairs — sales positive, returns negative — to one line per rate."""
    by_rate: dict[int, int] = {}
    for rate, amount in amounts:
        by_rate[rate] = by_rate.get(rate, 0) + amount
    return tuple(TaxLine(rate, gross, tax_in(gross, rate)) for rate, gross in sorted(by_rate.items(), reverse=True))
