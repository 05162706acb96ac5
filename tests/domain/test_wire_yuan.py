"""Yuan strings on the providers' wire ↔ integer fen, never through a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidAmount
from app.domain.money import MAX_AMOUNT, fen_to_wire_yuan, wire_yuan_to_fen

amounts = st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT)


@pytest.mark.parametrize(("text", "fen"), [("12.30", 1230), ("0.01", 1), ("12.3", 1230), ("7", 700), ("-0.05", -5),
                                           ("9999999.99", MAX_AMOUNT), ("0.00", 0)])
def test_a_providers_yuan_string_is_read_as_fen(text: str, fen: int) -> None:
    assert wire_yuan_to_fen(text) == fen


@pytest.mark.parametrize("text", ["", "12.", ".5", "1.234", "￥1.00", "1,000.00", "1e3", " 1.00", "+1.00", "--1",
                                  "１.００", "NaN", "10000000.00", "0x10"])
def test_anything_but_plain_digits_with_at_most_two_decimals_is_refused(text: str) -> None:
    with pytest.raises(InvalidAmount):
        wire_yuan_to_fen(text)


@given(amounts)
def test_fen_to_yuan_and_back_is_the_same_amount(amount: int) -> None:
    text = fen_to_wire_yuan(amount)
    assert wire_yuan_to_fen(text) == amount
    assert Decimal(text) * 100 == amount  # the string is the exact decimal, two places
    assert text.count(".") == 1 and len(text.split(".")[1]) == 2


@given(st.decimals(min_value=Decimal("-9999999.99"), max_value=Decimal("9999999.99"), places=2))
def test_any_two_place_decimal_reads_as_its_exact_fen(value: Decimal) -> None:
    text = f"{value:.2f}"
    if text == "-0.00":
        text = "0.00"
    assert wire_yuan_to_fen(text) == int(value * 100)
    assert fen_to_wire_yuan(wire_yuan_to_fen(text)) == text


@given(st.text(max_size=20))
def test_reading_any_text_gives_fen_or_a_coded_refusal(text: str) -> None:
    try:
        fen = wire_yuan_to_fen(text)
    except InvalidAmount:
        return
    assert isinstance(fen, int) and abs(fen) <= MAX_AMOUNT


def test_a_float_is_never_accepted() -> None:
    with pytest.raises(InvalidAmount):
        fen_to_wire_yuan(12.3)  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount):
        wire_yuan_to_fen(12.3)  # type: ignore[arg-type]
