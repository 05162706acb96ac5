"""Whatever comes back that is not a well-formed, correctly signed answer reads as unknown, never paid.

A small HTTP server on loopback plays a broken or tampering provider: the clients speak real HTTP to it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from app.payments import wechat as wx
from app.payments.alipay import AlipayClient, rsa2_sign
from app.payments.base import CancelOutcome, ChargeOutcome, RefundState
from app.payments.credentials import AlipayCredentials, WechatCredentials
from app.payments.wechat import WechatPayClient
from tests.payments.conftest import order

API_KEY = "k" * 32


class FakeProvider:
    """Answers every POST with ``body`` (and ``status``)."""

    def __init__(self) -> None:
        self.body = b""
        self.status = 200
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(owner.status)
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    fake = FakeProvider()
    yield fake
    fake.server.shutdown()


@pytest.fixture
def wechat(provider: FakeProvider) -> WechatPayClient:
    return WechatPayClient(WechatCredentials("1900000109", "wx8888888888888888", API_KEY, base_url=provider.url),
                           timeout=(2.0, 2.0))


@pytest.fixture(scope="module")
def alipay_keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    return (rsa.generate_private_key(public_exponent=65537, key_size=2048),
            rsa.generate_private_key(public_exponent=65537, key_size=2048))


@pytest.fixture
def alipay(provider: FakeProvider, alipay_keys: tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]) -> AlipayClient:
    app_key, gateway_key = alipay_keys
    return AlipayClient(AlipayCredentials(
        "2021000000000001",
        app_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()).decode(),
        gateway_key.public_key().public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        gateway_url=provider.url + "/gateway.do"), timeout=(2.0, 2.0))


def signed_wechat(fields: dict[str, str], sign_type: str = "HMAC-SHA256") -> dict[str, str]:
    return fields | {"sign": wx.sign(fields, API_KEY, sign_type)}


@pytest.mark.parametrize("body", [b"", b"<html>502 Bad Gateway</html>", b"<xml><return_code>SUCC",
                                  b"\xff\xfe not text", b'{"json": "instead"}'])
def test_malformed_wechat_answers_are_unknown(wechat: WechatPayClient, provider: FakeProvider, body: bytes) -> None:
    provider.body, provider.status = body, 200
    assert wechat.pay(order("wechat")).outcome is ChargeOutcome.UNKNOWN
    assert wechat.query("X").outcome is ChargeOutcome.UNKNOWN
    assert wechat.cancel("X").outcome is CancelOutcome.UNKNOWN
    assert wechat.refund("X", "XR", 1, 1).state is RefundState.UNKNOWN


def test_a_wechat_failure_turned_into_success_in_transit_is_unknown(wechat: WechatPayClient,
                                                                   provider: FakeProvider) -> None:
    genuine = signed_wechat({"return_code": "SUCCESS", "result_code": "FAIL", "err_code": "NOTENOUGH",
                             "nonce_str": "n"})
    provider.body = wx.to_xml(genuine | {"result_code": "SUCCESS", "transaction_id": "4200000000", "total_fee": "1"})
    result = wechat.pay(order("wechat"))
    assert result.outcome is ChargeOutcome.UNKNOWN and result.transaction_id is None


def test_a_wechat_success_without_any_signature_is_unknown(wechat: WechatPayClient, provider: FakeProvider) -> None:
    provider.body = wx.to_xml({"return_code": "SUCCESS", "result_code": "SUCCESS", "trade_state": "SUCCESS"})
    assert wechat.query("X").outcome is ChargeOutcome.UNKNOWN


def test_a_correctly_signed_wechat_answer_is_believed(wechat: WechatPayClient, provider: FakeProvider) -> None:
    provider.body = wx.to_xml(signed_wechat({"return_code": "SUCCESS", "result_code": "SUCCESS", "trade_state":
                                             "SUCCESS", "transaction_id": "4200000001", "total_fee": "5"}))
    paid = wechat.query("X")
    assert paid.outcome is ChargeOutcome.PAID and paid.transaction_id == "4200000001" and paid.amount == 5


def test_an_unknown_wechat_error_code_is_unknown_rather_than_failed(wechat: WechatPayClient,
                                                                   provider: FakeProvider) -> None:
    provider.body = wx.to_xml(signed_wechat({"return_code": "SUCCESS", "result_code": "FAIL",
                                             "err_code": "SOMETHING_NEW", "err_code_des": "?"}))
    assert wechat.pay(order("wechat")).outcome is ChargeOutcome.UNKNOWN


@pytest.mark.parametrize("body", [b"", b"<html>502</html>", b'{"alipay_trade_pay_response": ', b"[1, 2]",
                                  b'{"sign": "abc"}', b"\xff\xfe"])
def test_malformed_alipay_answers_are_unknown(alipay: AlipayClient, provider: FakeProvider, body: bytes) -> None:
    provider.body, provider.status = body, 200
    assert alipay.pay(order("alipay")).outcome is ChargeOutcome.UNKNOWN
    assert alipay.cancel("X").outcome is CancelOutcome.UNKNOWN
    assert alipay.refund("X", "XR", 1, 1).state is RefundState.UNKNOWN


def test_an_alipay_failure_turned_into_success_in_transit_is_unknown(
        alipay: AlipayClient, provider: FakeProvider, alipay_keys: tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]) -> None:
    node = json.dumps({"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.BUYER_BALANCE_NOT_ENOUGH"})
    signature = rsa2_sign(node, alipay_keys[1])
    forged = node.replace("40004", "10000")
    provider.body = ('{"alipay_trade_pay_response":' + forged + ',"sign":"' + signature + '"}').encode()
    assert alipay.pay(order("alipay")).outcome is ChargeOutcome.UNKNOWN
    provider.body = ('{"alipay_trade_pay_response":' + node + ',"sign":"' + signature + '"}').encode()
    assert alipay.pay(order("alipay")).outcome is ChargeOutcome.FAILED  # the genuine answer is believed


def test_a_network_failure_is_unknown(wechat: WechatPayClient) -> None:
    import dataclasses

    gone = WechatPayClient(dataclasses.replace(wechat.credentials, base_url="http://127.0.0.1:9"), timeout=(1.0, 1.0))
    result = gone.pay(order("wechat"))
    assert result.outcome is ChargeOutcome.UNKNOWN and result.raw_code == "NETWORK"


def test_neither_keys_nor_payment_codes_reach_the_logs(wechat: WechatPayClient, provider: FakeProvider,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    provider.body = b"<html>oops</html>"
    charge = order("wechat")
    wechat.pay(charge)
    wechat.refund(charge.out_trade_no, charge.out_trade_no + "R", 1, 1230)
    logged = caplog.text
    assert "malformed answer" in logged
    assert API_KEY not in logged and charge.auth_code not in logged and charge.auth_code[4:-4] not in logged
