"""Each scripted behaviour of the Alipay gateway simulator, end to end through the real client over HTTPS."""

from __future__ import annotations

import dataclasses

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from app.payments.alipay import AlipayClient
from app.payments.base import CancelOutcome, ChargeOutcome, RefundState
from tests.payments.conftest import Paysim, order


def test_instant_success_is_paid_with_the_trade_number_and_fund_channel(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "00", amount=1230)
    result = alipay.pay(charge)
    assert result.outcome is ChargeOutcome.PAID and result.raw_code == "10000"
    assert result.transaction_id and result.amount == 1230
    assert result.payer_bank == "ALIPAYACCOUNT" and result.paid_at is not None
    assert paysim.trade("alipay", charge.out_trade_no)["device_info"] == "S001-T01"


def test_paying_the_same_out_trade_no_again_charges_once(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "00")
    first, again = alipay.pay(charge), alipay.pay(charge)
    assert first.outcome is again.outcome is ChargeOutcome.PAID
    assert first.transaction_id == again.transaction_id
    assert [t["out_trade_no"] for t in paysim.trades()].count(charge.out_trade_no) == 1


def test_10003_waits_for_the_customer_until_the_nth_query(alipay: AlipayClient) -> None:
    charge = order("alipay", "01", n=2)
    waiting = alipay.pay(charge)
    assert waiting.outcome is ChargeOutcome.USERPAYING and waiting.raw_code == "10003"
    assert [alipay.query(charge.out_trade_no).outcome for _ in range(2)] == [ChargeOutcome.USERPAYING,
                                                                           ChargeOutcome.PAID]


def test_a_customer_who_gives_up_ends_trade_closed(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "02", n=1)
    alipay.pay(charge)
    closed = alipay.query(charge.out_trade_no)
    assert closed.outcome is ChargeOutcome.FAILED and closed.raw_code == "TRADE_CLOSED"
    assert not paysim.trade("alipay", charge.out_trade_no)["charged"]


def test_20000_is_unknown_and_the_query_finds_the_charge(alipay: AlipayClient) -> None:
    charge = order("alipay", "03")
    assert alipay.pay(charge).outcome is ChargeOutcome.UNKNOWN
    assert alipay.query(charge.out_trade_no).outcome is ChargeOutcome.PAID


def test_insufficient_balance_and_an_invalid_code_fail_with_the_sub_code(alipay: AlipayClient) -> None:
    poor = alipay.pay(order("alipay", "04"))
    expired = alipay.pay(order("alipay", "05"))
    assert (poor.outcome, poor.raw_code) == (ChargeOutcome.FAILED, "ACQ.BUYER_BALANCE_NOT_ENOUGH")
    assert (expired.outcome, expired.raw_code) == (ChargeOutcome.FAILED, "ACQ.PAYMENT_AUTH_CODE_INVALID")
    assert poor.message == "买家余额不足"


def test_a_cancel_with_retry_flag_succeeds_on_the_second_call(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "06")
    alipay.pay(charge)
    first = alipay.cancel(charge.out_trade_no)
    assert first.outcome is CancelOutcome.RETRY and first.retry and first.raw_code == "ACQ.SYSTEM_ERROR"
    second = alipay.cancel(charge.out_trade_no)
    assert second.outcome is CancelOutcome.DONE and second.action == "close"
    assert paysim.trade("alipay", charge.out_trade_no)["state"] == "REVOKED"


def test_cancelling_a_paid_trade_refunds_it(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "00", amount=990)
    alipay.pay(charge)
    cancelled = alipay.cancel(charge.out_trade_no)
    assert cancelled.outcome is CancelOutcome.DONE and cancelled.action == "refund"
    assert paysim.trade("alipay", charge.out_trade_no)["refunded"] == 990
    assert alipay.query(charge.out_trade_no).outcome is ChargeOutcome.FAILED  # TRADE_CLOSED: nothing kept


def test_a_connection_dropped_after_the_charge_is_unknown_then_paid_by_query(alipay: AlipayClient,
                                                                            paysim: Paysim) -> None:
    charge = order("alipay", "07")
    assert alipay.pay(charge).raw_code == "NETWORK"
    assert paysim.trade("alipay", charge.out_trade_no)["charged"]
    assert alipay.query(charge.out_trade_no).outcome is ChargeOutcome.PAID


def test_a_pay_answer_with_a_bad_signature_is_unknown_never_paid(alipay: AlipayClient) -> None:
    charge = order("alipay", "09")
    tampered = alipay.pay(charge)
    assert tampered.outcome is ChargeOutcome.UNKNOWN and tampered.raw_code == "BAD_SIGNATURE"
    assert alipay.query(charge.out_trade_no).outcome is ChargeOutcome.PAID


def test_refunds_are_synchronous_partial_and_idempotent(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "00", amount=1000)
    alipay.pay(charge)
    first = alipay.refund(charge.out_trade_no, charge.out_trade_no + "R1", 400, 1000)
    assert first.state is RefundState.SUCCESS
    again = alipay.refund(charge.out_trade_no, charge.out_trade_no + "R1", 400, 1000)
    assert again.state is RefundState.PROCESSING  # fund_change=N: nothing moved this time; the query confirms
    assert alipay.refund_query(charge.out_trade_no + "R1", out_trade_no=charge.out_trade_no).state is RefundState.SUCCESS
    over = alipay.refund(charge.out_trade_no, charge.out_trade_no + "R2", 700, 1000)
    assert (over.state, over.raw_code) == (RefundState.FAILED, "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL")
    assert paysim.trade("alipay", charge.out_trade_no)["refunded"] == 400


def test_a_refund_stays_processing_for_n_queries_then_succeeds(alipay: AlipayClient) -> None:
    charge = order("alipay", "08", n=2, amount=300)
    alipay.pay(charge)
    assert alipay.refund(charge.out_trade_no, charge.out_trade_no + "R", 300, 300).state is RefundState.PROCESSING
    states = [alipay.refund_query(charge.out_trade_no + "R", out_trade_no=charge.out_trade_no).state for _ in range(2)]
    assert states == [RefundState.PROCESSING, RefundState.SUCCESS]


def test_a_refund_the_gateway_never_saw_is_unknown_so_it_is_sent_again(alipay: AlipayClient) -> None:
    charge = order("alipay", "00")
    alipay.pay(charge)
    result = alipay.refund_query("NEVER-SENT", out_trade_no=charge.out_trade_no)
    assert result.state is RefundState.UNKNOWN and result.raw_code == "REFUND_NOT_FOUND"


def test_a_request_signed_with_another_key_is_refused_and_charges_nothing(alipay: AlipayClient,
                                                                         paysim: Paysim) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = stranger.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption()).decode()
    wrong = AlipayClient(dataclasses.replace(alipay.credentials, private_key_pem=pem), timeout=(2.0, 5.0))
    charge = order("alipay", "00")
    refused = wrong.pay(charge)
    assert (refused.outcome, refused.raw_code) == (ChargeOutcome.FAILED, "isv.invalid-signature")
    assert all(t["out_trade_no"] != charge.out_trade_no for t in paysim.trades())


def test_answers_signed_by_someone_else_are_unknown(alipay: AlipayClient) -> None:
    impostor = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    pem = impostor.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    misled = AlipayClient(dataclasses.replace(alipay.credentials, alipay_public_key_pem=pem), timeout=(2.0, 5.0))
    result = misled.pay(order("alipay", "00"))
    assert result.outcome is ChargeOutcome.UNKNOWN and result.raw_code == "BAD_SIGNATURE"


def test_a_cancel_of_a_number_never_charged_closes_it_for_a_late_pay(alipay: AlipayClient, paysim: Paysim) -> None:
    charge = order("alipay", "00")
    assert alipay.cancel(charge.out_trade_no).outcome is CancelOutcome.DONE
    late = alipay.pay(charge)
    assert (late.outcome, late.raw_code) == (ChargeOutcome.FAILED, "ACQ.TRADE_HAS_CLOSE")
    assert not paysim.trade("alipay", charge.out_trade_no)["charged"]
