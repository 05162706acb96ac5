"""A payment-code tender (付款码) on the Sale aggregate, over any amounts (Hypothesis, integer fen):
it pays exact fen up to what is due by any tender but cash; 抹零 applies only to what cash pays
after it; the split adds up to the total; and its provider record rides on the tender."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.money import RoundingPolicy, round_cash_due
from app.domain.quantity import Unit
from app.domain.sale import Line, Payment, Sale, SaleRules


def sale_of(prices: list[int], policy: RoundingPolicy) -> Sale:
    sale = Sale(id=1, till="T01", rules=SaleRules(rounding=policy, max_change=10_000))
    for n, price in enumerate(prices):
        sale.add_line(Line(product_id=n + 1, sku=f"S{n}", name=f"商品{n}", unit=Unit.PIECE, quantity=1,
                           unit_price=price, original_price=price))
    return sale


@given(prices=st.lists(st.integers(1, 99_999), min_size=1, max_size=6),
       policy=st.sampled_from(list(RoundingPolicy)), provider=st.sampled_from(["wechat", "alipay"]),
       data=st.data())
def test_a_payment_code_pays_exact_fen_and_rounding_is_for_the_cash_after_it(
        prices: list[int], policy: RoundingPolicy, provider: str, data: st.DataObject) -> None:
    sale = sale_of(prices, policy)
    exact = sale.due_exact
    assert exact == sum(prices)
    assume(sale.due > 0)  # a few fen that 抹零 takes off whole leave nothing due (nothing_due)
    part = data.draw(st.integers(1, exact))
    sale.add_payment(Payment(provider, part, ref="OS0001", provider=provider, transaction_id="4200000001",
                             payer_bank="CMC", fee=0))
    assert sale.due_exact == exact - part
    cash_due = sale.due
    assert cash_due == round_cash_due(exact - part, policy)
    if cash_due:
        sale.add_payment(Payment("cash", cash_due))
    if sale.due:  # rounding up to the jiao/yuan can leave nothing for a smaller cash amount
        sale.add_payment(Payment("cash", sale.due))
    sale.complete("T01-20261203-0001")
    paid_cash = sum(p.amount for p in sale.payments if p.kind == "cash")
    assert sale.total == part + paid_cash - sale.change
    assert sale.rounding == sale.total - exact
    assert sum(line.paid for line in sale.active_lines) == sale.total  # the lines carry what was paid
    (code,) = [p for p in sale.payments if p.provider]
    assert (code.kind, code.amount, code.transaction_id) == (provider, part, "4200000001")


@given(prices=st.lists(st.integers(1, 99_999), min_size=1, max_size=4), over=st.integers(1, 10_000))
def test_a_payment_code_above_what_is_due_is_refused_and_changes_nothing(prices: list[int], over: int) -> None:
    sale = sale_of(prices, RoundingPolicy.JIAO_DOWN)
    before = (sale.due_exact, len(sale.payments))
    with pytest.raises(DomainError) as refused:
        sale.add_payment(Payment("wechat", sale.due_exact + over, provider="wechat"))
    # (a few fen that 抹零 takes off whole leave nothing due at all)
    assert refused.value.code == ("tender_over_due" if sale.due else "nothing_due")
    assert (sale.due_exact, len(sale.payments)) == before


def test_zero_is_refused() -> None:
    sale = sale_of([350], RoundingPolicy.NONE)
    with pytest.raises(DomainError) as refused:
        sale.add_payment(Payment("alipay", 0, provider="alipay"))
    assert refused.value.code == "invalid_amount"
