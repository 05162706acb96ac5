from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.payment_code import (
    InvalidPaymentCode,
    PaymentCode,
    PaymentProvider,
    recognise_payment_code,
    route_payment_code,
)


@pytest.mark.parametrize(("text", "provider"), [
    ("134567890123456789", PaymentProvider.WECHAT),
    ("104567890123456789", PaymentProvider.WECHAT),
    ("154567890123456789", PaymentProvider.WECHAT),
    ("2845678901234567", PaymentProvider.ALIPAY),  # 16 digits
    ("284567890123456789", PaymentProvider.ALIPAY),  # 18, the common length
    ("304567890123456789012345", PaymentProvider.ALIPAY),  # 24
    ("254567890123456789", PaymentProvider.ALIPAY),
])
def test_a_payment_code_goes_to_its_provider(text: str, provider: PaymentProvider) -> None:
    assert route_payment_code(text) == PaymentCode(provider, text)


def test_full_width_digits_and_a_scanners_newline_are_read_as_the_code() -> None:
    assert route_payment_code("１３４５６７８９０１２３４５６７８９\r\n").digits == "134567890123456789"


@pytest.mark.parametrize("text", [
    "", "   ", "13456789012345678",  # 17 digits
    "1345678901234567890",  # 19 digits: not WeChat, and 13 is not an Alipay prefix
    "164567890123456789",  # 16–24 is not a WeChat prefix
    "244567890123456789", "314567890123456789", "284567890123456",  # Alipay: bad prefix, 15 digits
    "2845678901234567890123456",  # 25 digits
    "6901234567892",  # a product barcode
    "13456789012345678a", "13 4567890123456789", "١٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic digits stay refused
    "fp1234567890123456",  # face-pay codes are another scene
])
def test_anything_else_is_refused_with_a_clear_code(text: str) -> None:
    assert recognise_payment_code(text) is None
    with pytest.raises(InvalidPaymentCode) as refused:
        route_payment_code(text)
    assert refused.value.code == "invalid_payment_code"


def test_the_masked_form_shows_only_the_ends() -> None:
    assert route_payment_code("134567890123456789").masked == "1345**********6789"


@given(st.text(max_size=80))
def test_routing_never_fails_on_any_text_beyond_its_own_coded_refusal(text: str) -> None:
    found = recognise_payment_code(text)
    if found is None:
        with pytest.raises(InvalidPaymentCode):
            route_payment_code(text)
        return
    assert route_payment_code(text) == found
    assert found.digits.isascii() and found.digits.isdigit()
    prefix = int(found.digits[:2])
    if found.provider is PaymentProvider.WECHAT:
        assert len(found.digits) == 18 and 10 <= prefix <= 15
    else:
        assert 16 <= len(found.digits) <= 24 and 25 <= prefix <= 30


@given(st.sampled_from(["10", "11", "12", "13", "14", "15"]), st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_every_wechat_shaped_code_is_wechat(prefix: str, rest: str) -> None:
    assert route_payment_code(prefix + rest).provider is PaymentProvider.WECHAT


@given(st.integers(min_value=25, max_value=30), st.integers(min_value=14, max_value=22), st.data())
def test_every_alipay_shaped_code_is_alipay(prefix: int, rest_length: int, data: st.DataObject) -> None:
    rest = data.draw(st.text(alphabet="0123456789", min_size=rest_length, max_size=rest_length))
    assert route_payment_code(f"{prefix}{rest}").provider is PaymentProvider.ALIPAY
