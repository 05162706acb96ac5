from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.barcode import (
    CodeKind,
    EmbeddedValue,
    InStoreLayout,
    gs1_check_digit,
    has_valid_check_digit,
    make_in_store_code,
    parse_code,
    with_check_digit,
)
from app.domain.errors import BadCheckDigit, InvalidBarcode


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("6901234567892", CodeKind.EAN13),
        ("96385074", CodeKind.EAN8),
        ("036000291452", CodeKind.UPCA),
        ("10012345678902", CodeKind.ITF14),
        ("1001", CodeKind.PLU),
        ("A0000001", CodeKind.SKU),
    ],
)
def test_known_codes_are_classified(code: str, kind: CodeKind) -> None:
    assert parse_code(code).kind is kind


def test_published_check_digits() -> None:
    assert gs1_check_digit("690123456789") == 2
    assert gs1_check_digit("9638507") == 4
    assert gs1_check_digit("03600029145") == 2


@given(st.text(alphabet="0123456789", min_size=7, max_size=13))
def test_any_body_with_its_check_digit_is_valid_and_any_other_digit_is_not(body: str) -> None:
    code = with_check_digit(body)
    assert has_valid_check_digit(code)
    for wrong in "0123456789":
        if wrong != code[-1]:
            assert not has_valid_check_digit(code[:-1] + wrong)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_an_error_never_another_lookup(body: str, delta: int) -> None:
    code = with_check_digit(body)
    broken = code[:-1] + str((int(code[-1]) + delta) % 10)
    with pytest.raises(BadCheckDigit):
        parse_code(broken)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_a_single_digit_typo_is_always_caught(body: str) -> None:
    code = with_check_digit(body)
    for position in range(13):
        for digit in "0123456789":
            if digit != code[position]:
                assert not has_valid_check_digit(code[:position] + digit + code[position + 1 :])


@given(st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=99_999))
def test_in_store_price_codes_round_trip(plu: int, price: int) -> None:
    code = make_in_store_code(str(plu), price)
    scanned = parse_code(code)
    assert scanned.kind is CodeKind.IN_STORE
    assert scanned.code == str(plu)
    assert scanned.embedded_price == price and scanned.embedded_weight is None


def test_in_store_weight_layout_is_a_store_setting() -> None:
    layout = InStoreLayout(prefixes=("28",), plu_digits=5, value_digits=5, value=EmbeddedValue.WEIGHT)
    code = make_in_store_code("1001", 512, layout)
    assert code.startswith("2801001")
    scanned = parse_code(code, layout)
    assert scanned.embedded_weight == 512 and scanned.code == "1001"
    with pytest.raises(ValueError):
        InStoreLayout(prefixes=("2",), plu_digits=6, value_digits=6)


@pytest.mark.parametrize("raw", ["", "   ", "6901234567", "69012345678921234567890123456789012", "可乐", "12 34", "abc$%"])
def test_malformed_codes(raw: str) -> None:
    with pytest.raises(InvalidBarcode):
        parse_code(raw)
