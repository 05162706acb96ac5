from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidAmount
from app.domain.money import (
    MAX_AMOUNT,
    RoundingPolicy,
    check_amount,
    format_fen,
    line_amount,
    parse_yuan,
    round_cash_due,
    rounding_adjustment,
)

amounts = st.integers(min_value=0, max_value=MAX_AMOUNT)


@pytest.mark.parametrize(
    ("due", "policy", "expected"),
    [
        (1365, RoundingPolicy.NONE, 1365),
        (1365, RoundingPolicy.JIAO_DOWN, 1360),
        (1365, RoundingPolicy.JIAO_HALF_UP, 1370),
        (1364, RoundingPolicy.JIAO_HALF_UP, 1360),
        (1365, RoundingPolicy.YUAN_DOWN, 1300),
        (1350, RoundingPolicy.YUAN_HALF_UP, 1400),
        (1349, RoundingPolicy.YUAN_HALF_UP, 1300),
        (9, RoundingPolicy.JIAO_DOWN, 0),
    ],
)
def test_rounding_off_the_cash_due(due: int, policy: RoundingPolicy, expected: int) -> None:
    assert round_cash_due(due, policy) == expected


@given(amounts, st.sampled_from(list(RoundingPolicy)))
def test_rounding_moves_the_due_by_less_than_one_unit_onto_a_multiple(due: int, policy: RoundingPolicy) -> None:
    rounded = round_cash_due(due, policy)
    assert rounded % policy.unit == 0
    assert abs(rounded - due) < policy.unit
    assert rounding_adjustment(due, policy) == rounded - due
    if policy in (RoundingPolicy.JIAO_DOWN, RoundingPolicy.YUAN_DOWN, RoundingPolicy.NONE):
        assert rounded <= due
    if policy.half_up:
        assert abs(rounded - due) * 2 <= policy.unit


@given(amounts, amounts, st.sampled_from(list(RoundingPolicy)))
def test_rounding_never_reorders_two_amounts(a: int, b: int, policy: RoundingPolicy) -> None:
    if a <= b:
        assert round_cash_due(a, policy) <= round_cash_due(b, policy)


@given(st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT))
def test_formatting_and_parsing_round_trip(amount: int) -> None:
    text = format_fen(abs(amount))
    assert parse_yuan(text) == abs(amount)
    assert format_fen(amount).startswith("-") == (amount < 0)


@pytest.mark.parametrize(("text", "fen"), [("12.3", 1230), ("￥0.05", 5), ("1,234.50", 123450), ("7", 700), (".5", 50)])
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "1.234", "abc", "1.2.3", "-5", "¥"])
def test_parse_yuan_refuses_what_is_not_money(text: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_yuan(text)


@pytest.mark.parametrize("value", [0, -1, MAX_AMOUNT + 1, 1.5, "100", True])
def test_check_amount_refuses_zero_negative_absurd_and_non_integers(value: object) -> None:
    with pytest.raises(InvalidAmount):
        check_amount(value)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=99_999))
def test_weighed_line_amount_is_the_exact_product_rounded_half_up(price_per_kg: int, grams: int) -> None:
    amount = line_amount(price_per_kg, grams, 1000)
    exact = Fraction(price_per_kg * grams, 1000)
    assert -Fraction(1, 2) < amount - exact <= Fraction(1, 2)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=9_999))
def test_piece_line_amount_is_price_times_quantity(price: int, quantity: int) -> None:
    assert line_amount(price, quantity) == price * quantity
