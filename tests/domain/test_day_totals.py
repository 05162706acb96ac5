"""The day's totals (X and Z) always reconcile: sales − returns = tenders − change, per tender.

Sales are rung up and paid through the real ``Sale`` aggregate (split tenders, 抹零, change) and
returned through the real refund plan; the day's totals must then agree with both, tender by
tender."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.closing import ClosedRefund, ClosedSale, day_totals, tax_in, taxes_by_rate
from app.domain.money import RoundingPolicy
from app.domain.quantity import Unit
from app.domain.sale import Line, Payment, Sale, SaleRules, SoldLine, SoldPayment, plan_refund

IN_KIND = ("stored_value", "gift_card", "wechat", "alipay", "bank_card", "points")


@st.composite
def day_of_sales(draw: st.DrawFn) -> tuple[list[Sale], list[tuple[Sale, list[tuple[int, int]]]]]:
    policy = draw(st.sampled_from(list(RoundingPolicy)))
    sales = []
    for n in range(draw(st.integers(1, 6))):
        sale = Sale(id=n + 1, till="T01", rules=SaleRules(rounding=policy, max_change=100_000))
        for seq in range(draw(st.integers(1, 4))):
            weighed = draw(st.booleans())
            line = sale.add_line(Line(
                product_id=seq + 1, sku=f"S{seq}", name=f"商品{seq}", unit=Unit.GRAM if weighed else Unit.PIECE,
                quantity=draw(st.integers(1, 2500)) if weighed else draw(st.integers(1, 5)),
                unit_price=draw(st.integers(1, 20_000)), original_price=0))
            line.original_price = line.unit_price
            line.id = n * 10 + seq + 1
        for kind in draw(st.lists(st.sampled_from(IN_KIND), max_size=2)):
            if sale.due > 0 and sale.due_exact > 0:
                sale.add_payment(Payment(kind, draw(st.integers(1, sale.due_exact))))
        if sale.due > 0:
            sale.add_payment(Payment("cash", sale.due + draw(st.integers(0, 10_000))))
        for payment_no, payment in enumerate(sale.payments):
            payment.id = n * 10 + payment_no + 1
        sale.complete(f"T01-{n:04d}")
        sales.append(sale)
    returns = []
    for sale in draw(st.lists(st.sampled_from(sales), max_size=3, unique_by=id)):
        wanted = [(line.id, draw(st.integers(1, line.quantity))) for line in sale.active_lines
                  if draw(st.booleans())]
        if wanted:
            returns.append((sale, wanted))
    return sales, returns


def _refund(sale: Sale, wanted: list[tuple[int, int]]) -> ClosedRefund:
    sold = [SoldLine(line.id or 0, line.name, line.quantity, line.paid) for line in sale.active_lines]
    last_cash = max((n for n, p in enumerate(sale.payments) if p.kind == "cash"), default=None)
    payments = [SoldPayment(p.id or 0, p.kind, p.amount - (sale.change if n == last_cash else 0))
                for n, p in enumerate(sale.payments)]
    plan = plan_refund(sale.sale_id or "", sold, payments, wanted)
    return ClosedRefund(plan.total, tuple((share.kind, share.amount) for share in plan.shares))


@settings(max_examples=300, deadline=None)
@given(day_of_sales())
def test_the_day_always_reconciles_per_tender(day: tuple[list[Sale], list[tuple[Sale, list[tuple[int, int]]]]]) -> None:
    sales, returned = day
    refunds = [_refund(sale, wanted) for sale, wanted in returned]
    totals = day_totals([ClosedSale(s.total, s.change, tuple((p.kind, p.amount) for p in s.payments)) for s in sales],
                        refunds)
    assert totals.sales_total == sum(s.total for s in sales)
    assert totals.returns_total == sum(r.total for r in refunds)
    for method in {p.kind for s in sales for p in s.payments} | {m for r in refunds for m, _ in r.tenders}:
        taken = sum(p.amount for s in sales for p in s.payments if p.kind == method)
        change = sum(s.change for s in sales) if method == "cash" else 0
        refunded = sum(a for r in refunds for m, a in r.tenders if m == method)
        tender = totals.tender(method)
        assert (tender.taken, tender.change, tender.refunded) == (taken, change, refunded)
        assert tender.net == taken - change - refunded
    # sales − returns = tenders − change
    assert totals.sales_total - totals.returns_total == \
        sum(t.taken for t in totals.tenders) - sum(t.change for t in totals.tenders) - \
        sum(t.refunded for t in totals.tenders)
    assert totals.reconciles
    assert all(t.net >= 0 for t in totals.tenders)  # no tender gives back more than it took


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 600, 900, 1300]), st.integers(-10**7, 10**7)), max_size=20))
def test_taxes_by_rate_add_up_to_what_was_sold(amounts: list[tuple[int, int]]) -> None:
    lines = taxes_by_rate(amounts)
    assert sum(line.gross for line in lines) == sum(amount for _, amount in amounts)
    for line in lines:
        assert line.net + line.tax == line.gross
        assert abs(line.tax * (10_000 + line.rate_bp) - line.gross * line.rate_bp) <= (10_000 + line.rate_bp) / 2


def test_the_tax_inside_a_price_is_worked_out_half_up() -> None:
    assert tax_in(11300, 1300) == 1300  # ￥113 at 13% holds ￥13
    assert tax_in(10900, 900) == 900
    assert tax_in(100, 1300) == 12  # 11.50… → 12
    assert tax_in(-100, 1300) == -12
    assert tax_in(5000, 0) == 0
