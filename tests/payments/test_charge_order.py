"""What no provider would accept is refused before a byte is sent."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError, InvalidAmount
from app.domain.payment_code import InvalidPaymentCode
from app.payments.base import ChargeOrder, check_refund

GOOD = dict(out_trade_no="S001-T01-000042-1", auth_code="134567890123456789", amount=1230, subject="好邻居-上海-可乐",
            store_code="S001", till_code="T01")


def test_a_well_formed_order_keeps_store_and_till_as_device_info() -> None:
    assert ChargeOrder(**GOOD).device_info == "S001-T01"  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [0, -1, 1_000_000_000, 12.3, "1230", True])
def test_an_amount_of_zero_negative_absurd_or_not_fen_is_refused(amount: object) -> None:
    with pytest.raises(InvalidAmount):
        ChargeOrder(**GOOD | {"amount": amount})  # type: ignore[arg-type]


@pytest.mark.parametrize("number", ["", "x" * 33, "订单1", "a b", "a/b"])
def test_an_out_trade_no_the_providers_refuse_is_refused(number: str) -> None:
    with pytest.raises(DomainError) as refused:
        ChargeOrder(**GOOD | {"out_trade_no": number})  # type: ignore[arg-type]
    assert refused.value.code == "invalid_field" and refused.value.params["field"] == "out_trade_no"


def test_a_code_that_is_no_payment_code_is_refused() -> None:
    with pytest.raises(InvalidPaymentCode):
        ChargeOrder(**GOOD | {"auth_code": "6901234567892"})  # type: ignore[arg-type]


@pytest.mark.parametrize(("amount", "total"), [(0, 100), (101, 100), (1, 0)])
def test_a_refund_of_nothing_or_more_than_the_charge_is_refused(amount: int, total: int) -> None:
    with pytest.raises(InvalidAmount):
        check_refund("R1", amount, total)
