"""上限: one check for every kind of text, and numbers within their limit — whatever comes in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import limits
from app.domain.errors import DomainError

CONTROL = st.one_of(st.characters(min_codepoint=0, max_codepoint=0x1F), st.characters(min_codepoint=0x7F,
                                                                                        max_codepoint=0x9F))
PLAIN = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=limits.NOTE.max_length)


@given(PLAIN)
def test_text_without_control_characters_within_its_length_is_kept_as_it_is(text: str) -> None:
    assert limits.check_text(text, limits.NOTE) == text


@given(PLAIN, CONTROL, st.integers(min_value=0, max_value=limits.NOTE.max_length))
def test_any_control_character_anywhere_is_refused(text: str, control: str, where: int) -> None:
    hostile = (text[:where] + control + text[where:])[: limits.NOTE.max_length]
    if control not in hostile:
        hostile = control + hostile[1:]
    with pytest.raises(limits.InvalidText) as refused:
        limits.check_text(hostile, limits.NOTE)
    assert (refused.value.code, refused.value.status, refused.value.params["field"]) == ("invalid_text", 422, "note")


@pytest.mark.parametrize("value", [None, 7, b"T01", "", "T" * 17, "T01\x00", "T\ud800"])
def test_a_till_code_that_is_no_text_of_its_kind_is_refused(value: object) -> None:
    with pytest.raises(limits.InvalidText):
        limits.check_text(value, limits.TILL)


@given(st.one_of(st.integers(), st.booleans(), st.floats(), st.text(max_size=5), st.none()))
def test_a_number_is_an_integer_within_its_limit_or_refused(value: object) -> None:
    fits = isinstance(value, int) and not isinstance(value, bool) and abs(value) <= limits.MAX_AMOUNT
    try:
        assert limits.check_number(value, limits.MAX_AMOUNT, "amount") == value and fits
    except DomainError as refused:
        assert not fits and refused.code == "invalid_number"


def test_what_a_ticket_can_hold_fits_the_columns_hq_keeps_it_in() -> None:
    assert limits.MAX_AMOUNT <= limits.INT4_MAX  # a price, line, tender, change or rounding: int4
    assert limits.MAX_ITEM_COUNT <= limits.INT4_MAX  # pieces on a sale: int4
    assert limits.MAX_TICKET_AMOUNT <= limits.INT8_MAX  # a sale's total: bigint
    assert 1_000_000 * limits.MAX_STOCK_DELTA <= limits.INT8_MAX  # a million moves of one SKU: bigint


def test_a_ticket_of_the_most_lines_is_full() -> None:
    assert limits.check_line_count(limits.MAX_LINES) == limits.MAX_LINES
    with pytest.raises(DomainError) as full:
        limits.check_line_count(limits.MAX_LINES + 1)
    assert full.value.code == "ticket_full"
