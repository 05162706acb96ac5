"""Alipay 当面付 条码支付 on the open platform gateway: RSA2 (SHA256withRSA, PKCS#1 v1.5) both ways.

Written here on ``cryptography`` rather than on an SDK: the official Python SDK is >10,000 generated
classes for one gateway call; python-alipay-sdk pulls pycryptodomex and pyOpenSSL for what
``cryptography`` does alone, and both turn 10003 (等待用户付款) into an error to catch, where for a
till it is the normal "customer is typing the password" path. Sources in docs/payments.md.

Every answer is verified with Alipay's public key over the exact text of its ``…_response`` node,
as Alipay signed it; an answer that does not verify is UNKNOWN, whatever it says.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from app.domain.errors import InvalidAmount
from app.domain.money import fen_to_wire_yuan, wire_yuan_to_fen
from app.domain.payment_code import PaymentProvider
from app.payments.base import (
    BEIJING,
    BillResult,
    CancelOutcome,
    CancelResult,
    ChargeOrder,
    ChargeOutcome,
    ChargeResult,
    PaymentConfigError,
    RefundResult,
    RefundState,
    check_refund,
)
from app.payments.credentials import AlipayCredentials

log = logging.getLogger("omnistore.payments.alipay")

SUCCESS, PAYING, UNKNOWN_ERROR, BUSINESS_FAILED = "10000", "10003", "20000", "40004"
#: 40004 sub_codes that are not a failure: the trade may well exist — ask trade.query
UNKNOWN_SUB_CODES = frozenset({"ACQ.SYSTEM_ERROR"})
#: trade.cancel sub_codes after which the cancel is sent again
RETRY_CANCEL_SUB_CODES = frozenset({"ACQ.SYSTEM_ERROR"})
TRADE_STATUSES = {
    "TRADE_SUCCESS": ChargeOutcome.PAID,
    "TRADE_FINISHED": ChargeOutcome.PAID,  # paid, and past the refund window
    "WAIT_BUYER_PAY": ChargeOutcome.USERPAYING,
    "TRADE_CLOSED": ChargeOutcome.FAILED,  # unpaid and closed, or paid and fully returned: nothing kept
}


# ---- the protocol: signing and verifying ---------------------------------------------------------

def signing_content(params: Mapping[str, str]) -> str:
    """``k=v&…`` over the non-empty params but ``sign``, sorted by key (values raw, not URL-encoded)."""
    return "&".join(f"{k}={params[k]}" for k in sorted(params) if k != "sign" and params[k] not in ("", None))


def load_private_key(pem: str) -> rsa.RSAPrivateKey:
    """An RSA private key from PEM (PKCS#8 or PKCS#1), or bare base64 as Alipay's key tool prints it."""
    key = serialization.load_pem_private_key(_pem(pem, "PRIVATE KEY"), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PaymentConfigError(field="alipay.private_key", reason="an RSA key is expected")
    return key


def load_public_key(pem: str) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(_pem(pem, "PUBLIC KEY"))
    if not isinstance(key, rsa.RSAPublicKey):
        raise PaymentConfigError(field="alipay.alipay_public_key", reason="an RSA key is expected")
    return key


def _pem(text: str, kind: str) -> bytes:
    text = text.strip()
    if "-----BEGIN" not in text:  # the key tool's single line of base64
        text = f"-----BEGIN {kind}-----\n{text}\n-----END {kind}-----"
    return text.encode("ascii")


def rsa2_sign(content: str, key: rsa.RSAPrivateKey) -> str:
    """SHA256withRSA (PKCS#1 v1.5) over the UTF-8 bytes, base64."""
    return base64.b64encode(key.sign(content.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())).decode("ascii")


def rsa2_verify(content: str, signature: str, key: rsa.RSAPublicKey) -> bool:
    try:
        raw = base64.b64decode(signature, validate=True)
        key.verify(raw, content.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


def response_node_text(body: str, node: str) -> str | None:
    """The exact text of ``"node": {…}`` as it stands in the body — what Alipay signed.

    Re-serialising the parsed JSON would not do: the gateway's escapes (``\\/``), spacing and key order
    are part of the signed bytes.
    """
    decoder = json.JSONDecoder()
    key = json.dumps(node)
    start = 0
    while True:
        at = body.find(key, start)
        if at < 0:
            return None
        colon = at + len(key)
        while colon < len(body) and body[colon] in " \t\r\n":
            colon += 1
        if colon < len(body) and body[colon] == ":":
            value_at = colon + 1
            while value_at < len(body) and body[value_at] in " \t\r\n":
                value_at += 1
            try:
                _, end = decoder.raw_decode(body, value_at)
            except ValueError:
                return None
            return body[value_at:end]
        start = at + 1


def beijing_time(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING)
    except ValueError:
        return None


def fen(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        return wire_yuan_to_fen(value)
    except InvalidAmount:
        return None


# ---- the client -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Answer:
    node: dict[str, Any] = field(default_factory=dict)
    verified: bool = False
    trouble: str = ""

    @property
    def code(self) -> str:
        return str(self.node.get("code", ""))

    @property
    def sub_code(self) -> str:
        return str(self.node.get("sub_code", ""))

    @property
    def raw_code(self) -> str:
        if self.trouble:
            return self.trouble
        if not self.verified:
            return "BAD_SIGNATURE"
        return self.sub_code or self.code or "NO_CODE"

    @property
    def description(self) -> str:
        return str(self.node.get("sub_msg") or self.node.get("msg") or self.trouble)


class AlipayClient:
    """当面付 条码支付 on the Alipay gateway, as a :class:`app.payments.base.PaymentGateway`."""

    provider = PaymentProvider.ALIPAY

    def __init__(self, credentials: AlipayCredentials, *, timeout: tuple[float, float] = (5.0, 15.0),
                 session: requests.Session | None = None) -> None:
        self.credentials = credentials
        self.timeout = timeout
        self.session = session or requests.Session()
        self._private_key = load_private_key(credentials.private_key_pem)
        self._alipay_key = load_public_key(credentials.alipay_public_key_pem)

    # -- the six calls --

    def pay(self, order: ChargeOrder) -> ChargeResult:
        biz = {
            "out_trade_no": order.out_trade_no,
            "scene": "bar_code",
            "auth_code": order.auth_code,
            "product_code": "FACE_TO_FACE_PAYMENT",
            "subject": order.subject[:256],
            "total_amount": fen_to_wire_yuan(order.amount),
            "store_id": order.store_code,
            "terminal_id": order.device_info,
            "operator_id": order.operator_code,
        }
        if self.credentials.seller_id:
            biz["seller_id"] = self.credentials.seller_id
        answer = self._call("alipay.trade.pay", {k: v for k, v in biz.items() if v})
        if not answer.verified:
            return self._charge(order.out_trade_no, ChargeOutcome.UNKNOWN, answer)
        if answer.code == SUCCESS:
            return self._paid(order.out_trade_no, answer.node, "10000")
        if answer.code == PAYING:
            return self._charge(order.out_trade_no, ChargeOutcome.USERPAYING, answer, raw_code=PAYING)
        if answer.sub_code == "ACQ.TRADE_HAS_SUCCESS":  # "交易已被支付": the same number was charged before
            return self.query(order.out_trade_no)
        if answer.code == BUSINESS_FAILED and answer.sub_code not in UNKNOWN_SUB_CODES:
            return self._charge(order.out_trade_no, ChargeOutcome.FAILED, answer)
        if answer.code.startswith("400") and answer.code != BUSINESS_FAILED:  # 40001–40006: refused at the gate
            return self._charge(order.out_trade_no, ChargeOutcome.FAILED, answer)
        return self._charge(order.out_trade_no, ChargeOutcome.UNKNOWN, answer)  # 20000, ACQ.SYSTEM_ERROR, …

    def query(self, out_trade_no: str) -> ChargeResult:
        answer = self._call("alipay.trade.query", {"out_trade_no": out_trade_no})
        if not answer.verified or answer.code != SUCCESS:  # ACQ.TRADE_NOT_EXIST right after a lost pay: unknown
            return self._charge(out_trade_no, ChargeOutcome.UNKNOWN, answer)
        status = str(answer.node.get("trade_status", ""))
        outcome = TRADE_STATUSES.get(status, ChargeOutcome.UNKNOWN)
        if outcome is ChargeOutcome.PAID:
            return self._paid(out_trade_no, answer.node, status)
        return self._charge(out_trade_no, outcome, answer, raw_code=status or "NO_TRADE_STATUS")

    def cancel(self, out_trade_no: str) -> CancelResult:
        answer = self._call("alipay.trade.cancel", {"out_trade_no": out_trade_no})
        if not answer.verified:
            return CancelResult(self.provider, out_trade_no, CancelOutcome.UNKNOWN, answer.raw_code,
                                answer.description)
        retry = answer.node.get("retry_flag") == "Y"
        action = answer.node.get("action") or None
        if answer.code == SUCCESS:
            outcome = CancelOutcome.RETRY if retry else CancelOutcome.DONE
            return CancelResult(self.provider, out_trade_no, outcome, SUCCESS, retry=retry, action=action)
        if retry or answer.sub_code in RETRY_CANCEL_SUB_CODES:
            return CancelResult(self.provider, out_trade_no, CancelOutcome.RETRY, answer.raw_code,
                                answer.description, retry=True, action=action)
        if answer.code == UNKNOWN_ERROR:
            return CancelResult(self.provider, out_trade_no, CancelOutcome.UNKNOWN, answer.raw_code,
                                answer.description)
        return CancelResult(self.provider, out_trade_no, CancelOutcome.FAILED, answer.raw_code, answer.description)

    def refund(self, out_trade_no: str, out_refund_no: str, amount: int, total: int) -> RefundResult:
        check_refund(out_refund_no, amount, total)
        biz = {"out_trade_no": out_trade_no, "out_request_no": out_refund_no,
               "refund_amount": fen_to_wire_yuan(amount)}
        answer = self._call("alipay.trade.refund", biz)
        if not answer.verified:
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer)
        if answer.code == SUCCESS:
            # fund_change=Y: this call moved the money; N: nothing moved by this call — ask the refund query
            state = RefundState.SUCCESS if answer.node.get("fund_change") == "Y" else RefundState.PROCESSING
            return self._refund(out_trade_no, out_refund_no, state, answer, raw_code=SUCCESS,
                                refund_id=answer.node.get("trade_no"), amount=amount,
                                refunded_at=beijing_time(answer.node.get("gmt_refund_pay")))
        if answer.code == BUSINESS_FAILED and answer.sub_code not in UNKNOWN_SUB_CODES:
            return self._refund(out_trade_no, out_refund_no, RefundState.FAILED, answer)
        return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer)

    def refund_query(self, out_refund_no: str, *, out_trade_no: str) -> RefundResult:
        biz = {"out_trade_no": out_trade_no, "out_request_no": out_refund_no, "query_options": ["gmt_refund_pay"]}
        answer = self._call("alipay.trade.fastpay.refund.query", biz)
        if not answer.verified or answer.code != SUCCESS:
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer)
        node = answer.node
        if not node.get("refund_amount"):  # "如果没有查询到则代表未退款成功": send the same refund again
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer, raw_code="REFUND_NOT_FOUND")
        status = str(node.get("refund_status", ""))
        state = RefundState.SUCCESS if status == "REFUND_SUCCESS" else RefundState.PROCESSING
        return self._refund(out_trade_no, out_refund_no, state, answer, raw_code=status or "NO_REFUND_STATUS",
                            refund_id=node.get("trade_no"), amount=fen(node.get("refund_amount")),
                            refunded_at=beijing_time(node.get("gmt_refund_pay")))

    def download_bill(self, day: date) -> BillResult:
        answer = self._call("alipay.data.dataservice.bill.downloadurl.query",
                            {"bill_type": "trade", "bill_date": day.isoformat()})
        if not answer.verified or answer.code != SUCCESS:
            return BillResult(self.provider, day, False, answer.raw_code, answer.description)
        url = str(answer.node.get("bill_download_url", ""))
        if not url.startswith(("https://", "http://")):
            return BillResult(self.provider, day, False, "NO_DOWNLOAD_URL")
        try:  # the URL is signed by Alipay and valid for 30 s: fetch it at once
            response = self.session.get(url, timeout=self.timeout, verify=self._verify())
        except requests.RequestException as error:
            return BillResult(self.provider, day, False, "NETWORK", type(error).__name__)
        if response.status_code != 200 or not response.content.startswith(b"PK"):
            return BillResult(self.provider, day, False, f"HTTP_{response.status_code}", "not a zip")
        return BillResult(self.provider, day, True, SUCCESS, content=response.content,
                          filename=f"alipay-{self.credentials.app_id}-{day:%Y%m%d}.csv.zip")

    # -- plumbing --

    def request_params(self, method: str, biz: Mapping[str, Any], now: datetime | None = None) -> dict[str, str]:
        """The signed form for one gateway call (public for the simulator's tests)."""
        creds = self.credentials
        params = {
            "app_id": creds.app_id,
            "method": method,
            "format": "JSON",
            "charset": "utf-8",
            "sign_type": "RSA2",
            "timestamp": (now or datetime.now(BEIJING)).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S"),
            "version": "1.0",
            "biz_content": json.dumps(biz, ensure_ascii=False, separators=(",", ":")),
        }
        if creds.app_auth_token:
            params["app_auth_token"] = creds.app_auth_token
        params["sign"] = rsa2_sign(signing_content(params), self._private_key)
        return params

    def _verify(self) -> str | bool:
        return str(self.credentials.ca_file) if self.credentials.ca_file else True

    def _call(self, method: str, biz: Mapping[str, Any]) -> _Answer:
        try:
            response = self.session.post(
                self.credentials.gateway_url, data=self.request_params(method, biz), timeout=self.timeout,
                verify=self._verify(),
            )
        except requests.RequestException as error:
            log.warning("Alipay %s: no answer (%s)", method, type(error).__name__)
            return _Answer(trouble="NETWORK")
        return self._read(method, response)

    def _read(self, method: str, response: requests.Response) -> _Answer:
        try:
            body = response.content.decode("utf-8")
            document = json.loads(body)
        except (UnicodeDecodeError, ValueError):
            log.warning("Alipay %s: malformed answer (HTTP %s)", method, response.status_code)
            return _Answer(trouble="MALFORMED")
        if not isinstance(document, dict):
            return _Answer(trouble="MALFORMED")
        node_name = method.replace(".", "_") + "_response"
        if node_name not in document and "error_response" in document:
            node_name = "error_response"
        node = document.get(node_name)
        if not isinstance(node, dict):
            return _Answer(trouble="MALFORMED")
        signed = response_node_text(body, node_name)
        if signed is not None and json.loads(signed) != node:  # the text found is not the node that was read
            signed = None
        signature = document.get("sign")
        verified = (isinstance(signature, str) and signed is not None
                    and rsa2_verify(signed, signature, self._alipay_key))
        if not verified:
            log.warning("Alipay %s: answer signature does not verify", method)
        return _Answer(node, verified=verified)

    def _charge(self, out_trade_no: str, outcome: ChargeOutcome, answer: _Answer, *,
                raw_code: str | None = None) -> ChargeResult:
        return ChargeResult(self.provider, out_trade_no, outcome, raw_code or answer.raw_code, answer.description)

    def _paid(self, out_trade_no: str, node: dict[str, Any], raw_code: str) -> ChargeResult:
        channels = [str(item.get("fund_channel", "")) for item in node.get("fund_bill_list") or []
                    if isinstance(item, dict)]
        return ChargeResult(
            self.provider, out_trade_no, ChargeOutcome.PAID, raw_code,
            transaction_id=node.get("trade_no"), amount=fen(node.get("total_amount")),
            payer_bank=",".join(c for c in channels if c) or None,
            paid_at=beijing_time(node.get("gmt_payment") or node.get("send_pay_date")),
        )

    def _refund(self, out_trade_no: str, out_refund_no: str, state: RefundState, answer: _Answer, *,
                raw_code: str | None = None, **extra: Any) -> RefundResult:
        return RefundResult(self.provider, out_trade_no, out_refund_no, state, raw_code or answer.raw_code,
                            answer.description if state in (RefundState.FAILED, RefundState.UNKNOWN) else "",
                            **extra)

