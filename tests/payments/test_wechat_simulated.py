"""Each scripted behaviour of the WeChat simulator, end to end through the real client over HTTPS."""

from __future__ import annotations

import dataclasses

from app.payments.base import CancelOutcome, ChargeOutcome, RefundState
from app.payments.wechat import WechatPayClient
from tests.payments.conftest import Paysim, order


def test_instant_success_is_paid_with_the_transaction_bank_and_time(wechat: WechatPayClient, paysim: Paysim) -> None:
    charge = order("wechat", "00", amount=1230)
    result = wechat.pay(charge)
    assert result.outcome is ChargeOutcome.PAID
    assert result.transaction_id and result.transaction_id.startswith("42000")
    assert result.amount == 1230 and result.payer_bank and result.paid_at is not None
    trade = paysim.trade("wechat", charge.out_trade_no)
    assert trade["charged"] and trade["device_info"] == "S001-T01" and trade["sub_merchant"] == "1900000110"


def test_paying_the_same_out_trade_no_again_charges_once_and_answers_paid(wechat: WechatPayClient,
                                                                          paysim: Paysim) -> None:
    charge = order("wechat", "00")
    first, again = wechat.pay(charge), wechat.pay(charge)
    assert first.outcome is again.outcome is ChargeOutcome.PAID
    assert first.transaction_id == again.transaction_id
    assert [t["out_trade_no"] for t in paysim.trades()].count(charge.out_trade_no) == 1


def test_a_customer_typing_the_password_is_userpaying_until_the_nth_query(wechat: WechatPayClient) -> None:
    charge = order("wechat", "01", n=3)
    assert wechat.pay(charge).outcome is ChargeOutcome.USERPAYING
    assert [wechat.query(charge.out_trade_no).outcome for _ in range(3)] == [
        ChargeOutcome.USERPAYING, ChargeOutcome.USERPAYING, ChargeOutcome.PAID]


def test_a_customer_who_gives_up_ends_closed_and_not_charged(wechat: WechatPayClient, paysim: Paysim) -> None:
    charge = order("wechat", "02", n=2)
    assert wechat.pay(charge).outcome is ChargeOutcome.USERPAYING
    assert wechat.query(charge.out_trade_no).outcome is ChargeOutcome.USERPAYING
    closed = wechat.query(charge.out_trade_no)
    assert closed.outcome is ChargeOutcome.FAILED and closed.raw_code == "CLOSED"
    assert not paysim.trade("wechat", charge.out_trade_no)["charged"]


def test_a_system_error_is_unknown_and_the_query_finds_the_charge(wechat: WechatPayClient) -> None:
    charge = order("wechat", "03")
    first = wechat.pay(charge)
    assert first.outcome is ChargeOutcome.UNKNOWN and first.raw_code == "SYSTEMERROR"
    assert wechat.query(charge.out_trade_no).outcome is ChargeOutcome.PAID


def test_insufficient_balance_and_an_expired_code_fail_with_the_providers_code(wechat: WechatPayClient,
                                                                               paysim: Paysim) -> None:
    poor, expired = order("wechat", "04"), order("wechat", "05")
    refused = wechat.pay(poor)
    assert (refused.outcome, refused.raw_code) == (ChargeOutcome.FAILED, "NOTENOUGH")
    assert wechat.pay(poor).raw_code == "NOTENOUGH"  # the same number again: the same answer, no charge
    result = wechat.pay(expired)
    assert result.outcome is ChargeOutcome.FAILED and result.raw_code == "AUTHCODEEXPIRE" and result.message
    assert not paysim.trade("wechat", poor.out_trade_no)["charged"]


def test_a_reverse_asked_to_recall_succeeds_on_the_second_call(wechat: WechatPayClient, paysim: Paysim) -> None:
    charge = order("wechat", "06")
    assert wechat.pay(charge).outcome is ChargeOutcome.USERPAYING
    first = wechat.cancel(charge.out_trade_no)
    assert first.outcome is CancelOutcome.RETRY and first.retry
    assert wechat.cancel(charge.out_trade_no).outcome is CancelOutcome.DONE
    assert wechat.query(charge.out_trade_no).raw_code == "REVOKED"
    assert paysim.trade("wechat", charge.out_trade_no)["state"] == "REVOKED"


def test_a_connection_dropped_after_the_charge_is_unknown_then_paid_by_query(wechat: WechatPayClient,
                                                                            paysim: Paysim) -> None:
    charge = order("wechat", "07")
    lost = wechat.pay(charge)
    assert lost.outcome is ChargeOutcome.UNKNOWN and lost.raw_code == "NETWORK"
    assert paysim.trade("wechat", charge.out_trade_no)["charged"]
    assert wechat.query(charge.out_trade_no).outcome is ChargeOutcome.PAID


def test_a_pay_answer_with_a_bad_signature_is_unknown_never_paid(wechat: WechatPayClient) -> None:
    charge = order("wechat", "09")
    tampered = wechat.pay(charge)
    assert tampered.outcome is ChargeOutcome.UNKNOWN and tampered.raw_code == "BAD_SIGNATURE"
    assert tampered.transaction_id is None
    assert wechat.query(charge.out_trade_no).outcome is ChargeOutcome.PAID


def test_reversing_a_paid_charge_gives_the_money_back(wechat: WechatPayClient, paysim: Paysim) -> None:
    charge = order("wechat", "00", amount=500)
    wechat.pay(charge)
    assert wechat.cancel(charge.out_trade_no).outcome is CancelOutcome.DONE
    trade = paysim.trade("wechat", charge.out_trade_no)
    assert trade["state"] == "REVOKED" and trade["refunded"] == 500


def test_a_reverse_of_a_number_never_charged_closes_it_for_a_late_micropay(wechat: WechatPayClient) -> None:
    charge = order("wechat", "00")
    assert wechat.cancel(charge.out_trade_no).outcome is CancelOutcome.DONE
    late = wechat.pay(charge)
    assert late.outcome is ChargeOutcome.FAILED and late.raw_code == "ORDERREVERSED"


def test_a_partial_refund_then_the_rest_each_once(wechat: WechatPayClient, paysim: Paysim) -> None:
    charge = order("wechat", "00", amount=1000)
    wechat.pay(charge)
    first = wechat.refund(charge.out_trade_no, charge.out_trade_no + "R1", 300, 1000)
    assert first.state is RefundState.PROCESSING and first.refund_id
    assert wechat.refund(charge.out_trade_no, charge.out_trade_no + "R1", 300, 1000).refund_id == first.refund_id
    assert wechat.refund_query(charge.out_trade_no + "R1", out_trade_no=charge.out_trade_no).state is RefundState.SUCCESS
    too_much = wechat.refund(charge.out_trade_no, charge.out_trade_no + "R2", 800, 1000)
    assert too_much.state is RefundState.FAILED
    assert wechat.refund(charge.out_trade_no, charge.out_trade_no + "R3", 700, 1000).state is RefundState.PROCESSING
    assert paysim.trade("wechat", charge.out_trade_no)["refunded"] == 1000


def test_a_refund_stays_processing_for_n_queries_then_succeeds(wechat: WechatPayClient) -> None:
    charge = order("wechat", "08", n=3, amount=800)
    assert wechat.pay(charge).outcome is ChargeOutcome.PAID
    wechat.refund(charge.out_trade_no, charge.out_trade_no + "R", 800, 800)
    states = [wechat.refund_query(charge.out_trade_no + "R", out_trade_no=charge.out_trade_no) for _ in range(3)]
    assert [s.state for s in states] == [RefundState.PROCESSING, RefundState.PROCESSING, RefundState.SUCCESS]
    assert states[-1].amount == 800 and states[-1].refunded_at is not None


def test_a_refund_the_provider_never_saw_is_unknown_so_it_is_sent_again(wechat: WechatPayClient) -> None:
    result = wechat.refund_query("NEVER-SENT", out_trade_no="NO-SUCH-TRADE")
    assert result.state is RefundState.UNKNOWN and result.raw_code == "REFUNDNOTEXIST"


def test_reverse_and_refund_are_refused_without_the_merchant_certificate(wechat: WechatPayClient,
                                                                         paysim: Paysim) -> None:
    charge = order("wechat", "00")
    wechat.pay(charge)
    creds = dataclasses.replace(wechat.credentials, cert_file=None, key_file=None)
    no_cert = WechatPayClient(creds, timeout=(2.0, 5.0))
    reverse = no_cert.cancel(charge.out_trade_no)
    refund = no_cert.refund(charge.out_trade_no, charge.out_trade_no + "R", 100, 1230)
    assert reverse.outcome is CancelOutcome.UNKNOWN and "证书" in reverse.message
    assert refund.state is RefundState.UNKNOWN and "证书" in refund.message
    trade = paysim.trade("wechat", charge.out_trade_no)
    assert trade["state"] == "SUCCESS" and trade["refunds"] == []


def test_a_request_signed_with_the_wrong_key_is_refused_and_charges_nothing(wechat: WechatPayClient,
                                                                           paysim: Paysim) -> None:
    charge = order("wechat", "00")
    wrong = WechatPayClient(dataclasses.replace(wechat.credentials, api_key="0" * 32), timeout=(2.0, 5.0))
    result = wrong.pay(charge)
    assert result.outcome is ChargeOutcome.UNKNOWN and result.message == "签名错误"
    assert all(t["out_trade_no"] != charge.out_trade_no for t in paysim.trades())


def test_an_md5_merchant_is_answered_and_verified_in_md5(wechat: WechatPayClient) -> None:
    md5 = WechatPayClient(dataclasses.replace(wechat.credentials, sign_type="MD5"), timeout=(2.0, 5.0))
    assert md5.pay(order("wechat", "00")).outcome is ChargeOutcome.PAID


def test_a_payment_code_works_once(wechat: WechatPayClient) -> None:
    first = order("wechat", "00")
    second = dataclasses.replace(order("wechat", "00"), auth_code=first.auth_code)
    assert wechat.pay(first).outcome is ChargeOutcome.PAID
    reused = wechat.pay(second)
    assert reused.outcome is ChargeOutcome.FAILED and reused.raw_code == "AUTH_CODE_ERROR"
