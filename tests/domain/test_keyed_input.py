"""Codes and amounts as a scanner or keyboard in full-width (全角) mode sends them: read as their
ASCII twins once, at the door; other Unicode digits refused with the domain's own error; and no
string at all raises anything else."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.barcode import CodeKind, InStoreLayout, ScannedCode, parse_code
from app.domain.errors import InvalidAmount, InvalidBarcode, InvalidQuantity
from app.domain.keyed import is_digits, normalise_code, normalise_number
from app.domain.money import MAX_AMOUNT, format_fen, parse_yuan
from app.domain.quantity import parse_kg, parse_pieces

FULL_WIDTH = str.maketrans("0123456789.*ABCDEFGHIJKLMNOPQRSTUVWXYZ-",
                           "０１２３４５６７８９．＊ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ－")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

any_text = st.text(st.characters(exclude_categories=()), max_size=40)


def test_a_full_width_scan_reads_as_the_same_barcode():
    assert parse_code("６９０１２３４５６７８９２") == parse_code("6901234567892") == ScannedCode(
        CodeKind.EAN13, "6901234567892")
    assert parse_code("　６９０１２３４５６７８９２　") == parse_code("6901234567892")  # ideographic spaces
    assert parse_code("ａ０００１２") == ScannedCode(CodeKind.SKU, "A00012")
    assert parse_code("１００１").kind is CodeKind.PLU


def test_a_full_width_in_store_code_still_carries_its_price():
    scanned = parse_code("２１００１０１０１６０２８".translate(FULL_WIDTH), InStoreLayout())
    assert scanned == parse_code("2100101016028") and scanned.embedded_price == 1602


@pytest.mark.parametrize("code", ["6901234567892".translate(ARABIC_INDIC), "६९०१२३४५६७८९२", "1001".translate(ARABIC_INDIC)])
def test_digits_of_other_scripts_are_refused_as_codes(code: str):
    with pytest.raises(InvalidBarcode) as refused:
        parse_code(code)
    assert refused.value.code == "invalid_barcode"


def test_a_full_width_code_with_a_wrong_check_digit_is_still_a_bad_check_digit():
    with pytest.raises(InvalidBarcode) as refused:
        parse_code("６９０１２３４５６７８９３")
    assert refused.value.code == "bad_check_digit" and refused.value.params["code"] == "6901234567893"


@pytest.mark.parametrize(("text", "fen"), [
    ("１２．５０", 1250), ("￥１２", 1200), ("¥ 12.5", 1250), ("12。5", 1250), ("１,２３４.５", 123450),
    ("²", 200), ("𝟙𝟚.𝟛", 1230), ("0009999999.99", MAX_AMOUNT),
])
def test_amounts_typed_in_full_width_or_compatibility_digits_are_read(text: str, fen: int):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["٣", "12.٥", "१२", "½", "1e3", "10000000", "9" * 5000, "1.2.3", "-1", "١٢٫٥"])
def test_amounts_in_other_digits_or_beyond_the_maximum_are_invalid_amounts(text: str):
    with pytest.raises(InvalidAmount) as refused:
        parse_yuan(text)
    assert len(refused.value.params["amount"]) <= 32  # the message quotes what was typed, not 5,000 digits


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_any_amount_spelt_in_full_width_parses_to_the_same_fen(fen: int):
    assert parse_yuan(format_fen(fen).translate(FULL_WIDTH)) == fen == parse_yuan(format_fen(fen))


@given(any_text)
def test_no_string_makes_parse_yuan_raise_anything_but_invalid_amount(text: str):
    try:
        fen = parse_yuan(text)
    except InvalidAmount:
        return
    assert 0 <= fen <= MAX_AMOUNT
    assert is_digits(normalise_number(text).replace("¥", "").replace(",", "").replace(".", "").strip() or "0")


@given(any_text)
def test_no_string_makes_parse_code_raise_anything_but_invalid_barcode(text: str):
    try:
        scanned = parse_code(text)
    except InvalidBarcode:
        return
    assert scanned.code.isascii() and scanned.code == scanned.code.strip()
    if scanned.kind is not CodeKind.SKU:
        assert is_digits(scanned.code)


@given(any_text)
def test_no_string_makes_quantity_parsing_raise_anything_but_invalid_quantity(text: str):
    for parse in (parse_pieces, parse_kg):
        with contextlib.suppress(InvalidQuantity):
            assert parse(text) >= 0


@pytest.mark.parametrize(("text", "pieces"), [("３", 3), (" 12 ", 12), ("0007", 7), ("𝟝", 5)])
def test_a_count_typed_in_full_width_is_read(text: str, pieces: int):
    assert parse_pieces(text) == pieces


@pytest.mark.parametrize(("text", "grams"), [("１．２５", 1250), ("0。512", 512), (".5", 500), ("2", 2000)])
def test_a_weight_typed_in_full_width_is_read_in_grams(text: str, grams: int):
    assert parse_kg(text) == grams


@pytest.mark.parametrize("text", ["٣", "1_000", "1.2345", "", "²³" * 3000, "3 4", "+3"])
def test_counts_and_weights_that_are_not_plain_digits_are_invalid_quantities(text: str):
    with pytest.raises(InvalidQuantity):
        parse_pieces(text)
    with pytest.raises(InvalidQuantity):
        parse_kg(text)


@given(any_text)
def test_after_normalising_only_ascii_digits_count_as_digits(text: str):
    code = normalise_code(text)
    assert is_digits(code) == (code != "" and all("0" <= c <= "9" for c in code))
