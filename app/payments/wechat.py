"""WeChat Pay API v2, 付款码支付 (micropay): XML over HTTPS, MD5 or HMAC-SHA256 signatures.

Written here rather than taken from wechatpy: its stable release is from 2021, 2.x is a perpetual
alpha, it raises on every ``result_code != SUCCESS`` (USERPAYING is the normal path of a barcode
payment, not an exception) and it verifies answers with MD5 only. The protocol is small: sign,
XML, six calls. Sources for every rule are in docs/payments.md.

An answer counts only when its signature verifies: a business answer (``return_code`` SUCCESS)
with a missing or wrong ``sign`` is UNKNOWN, never PAID and never FAILED.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

import requests

from app.domain.money import wire_yuan_to_fen
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
from app.payments.credentials import WechatCredentials

log = logging.getLogger("omnistore.payments.wechat")

#: micropay err_codes whose result is unknown ("支付结果未知"): query, never fail the sale
UNKNOWN_PAY_CODES = frozenset({"SYSTEMERROR", "BANKERROR"})
#: micropay err_codes the official table marks "支付确认失败": the customer was not charged
FAILED_PAY_CODES = frozenset({
    "PARAM_ERROR", "NOAUTH", "AUTHCODEEXPIRE", "NOTENOUGH", "NOTSUPORTCARD", "ORDERCLOSED", "ORDERREVERSED",
    "AUTH_CODE_ERROR", "AUTH_CODE_INVALID", "XML_FORMAT_ERROR", "REQUIRE_POST_METHOD", "SIGNERROR",
    "LACK_PARAMS", "NOT_UTF8", "BUYER_MISMATCH", "APPID_NOT_EXIST", "MCHID_NOT_EXIST", "APPID_MCHID_NOT_MATCH",
})
#: seen in the wild for 余额不足 / no password entered; not in the table, so the trade is closed to be sure
TRADE_ERROR = "TRADE_ERROR"
#: orderquery trade_state → what it means for the charge
TRADE_STATES: dict[str, tuple[ChargeOutcome, bool]] = {
    "SUCCESS": (ChargeOutcome.PAID, False),
    "REFUND": (ChargeOutcome.PAID, False),  # paid, then (part) refunded: the charge happened
    "USERPAYING": (ChargeOutcome.USERPAYING, False),
    "NOTPAY": (ChargeOutcome.UNKNOWN, False),  # open and unpaid: keep asking, then reverse
    "CLOSED": (ChargeOutcome.FAILED, False),
    "REVOKED": (ChargeOutcome.FAILED, False),  # reversed: nothing kept
    "PAYERROR": (ChargeOutcome.FAILED, True),  # "支付失败,请撤销订单"
}
#: refund err_codes that refuse the refund for good (another way to pay the customer back is needed); the rest
#: (SYSTEMERROR, BIZERR_NEED_RETRY, FREQUENCY_LIMITED, …) mean "请不要更换商户退款单号，请使用相同参数再次调用"
FAILED_REFUND_CODES = frozenset({
    "TRADE_OVERDUE", "ERROR", "USER_ACCOUNT_ABNORMAL", "NOTENOUGH", "INVALID_TRANSACTIONID", "PARAM_ERROR",
    "APPID_NOT_EXIST", "MCHID_NOT_EXIST", "ORDERNOTEXIST", "REQUIRE_POST_METHOD", "SIGNERROR", "XML_FORMAT_ERROR",
    "REFUND_FEE_MISMATCH",
})
#: reverse err_codes after which the reverse is called again ("当撤销无返回或错误时，请再次调用";
#: USERPAYING: "用户正在支付中的订单不允许撤销，请稍后再试")
RETRY_REVERSE_CODES = frozenset({"SYSTEMERROR", "USERPAYING"})
#: reverse err_codes that refuse for good (REVERSE_EXPIRE: past the 7 days — refund instead)
FAILED_REVERSE_CODES = frozenset({"REVERSE_EXPIRE", "INVALID_TRANSACTIONID", "PARAM_ERROR", "REQUIRE_POST_METHOD",
                                  "SIGNERROR", "INVALID_REQUEST", "TRADE_ERROR"})
REFUND_STATES = {"SUCCESS": RefundState.SUCCESS, "PROCESSING": RefundState.PROCESSING,
                 "REFUNDCLOSE": RefundState.FAILED, "CHANGE": RefundState.FAILED}


# ---- the protocol: signatures and XML ----------------------------------------------------------------

def sign(params: Mapping[str, str], key: str, sign_type: str = "MD5") -> str:
    """The v2 signature: non-empty params but ``sign``, sorted by key, ``k=v&…&key=API_KEY``, upper-case hex."""
    text = "&".join(f"{k}={params[k]}" for k in sorted(params) if k != "sign" and params[k] != "")
    text += f"&key={key}"
    if sign_type == "HMAC-SHA256":
        return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest().upper()
    if sign_type == "MD5":
        return hashlib.md5(text.encode()).hexdigest().upper()
    raise PaymentConfigError(field="wechat.sign_type", reason=sign_type)


def signature_valid(params: Mapping[str, str], key: str, sign_type: str) -> bool:
    given = params.get("sign", "")
    return bool(given) and hmac.compare_digest(given.upper(), sign(params, key, sign_type))


def to_xml(params: Mapping[str, str]) -> bytes:
    """``<xml><k><![CDATA[v]]></k>…</xml>`` in UTF-8; a ``]]>`` inside a value is split across two sections."""
    parts = ["<xml>"]
    for key, value in params.items():
        safe = str(value).replace("]]>", "]]]]><![CDATA[>")
        parts.append(f"<{key}><![CDATA[{safe}]]></{key}>")
    parts.append("</xml>")
    return "".join(parts).encode("utf-8")


class MalformedAnswer(ValueError):
    """The body is not the flat ``<xml>`` document the protocol promises."""


def from_xml(body: bytes) -> dict[str, str]:
    """The fields of a flat ``<xml>`` document. Refuses DTDs (no entity tricks) and nested elements."""
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise MalformedAnswer("DTD refused")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise MalformedAnswer(str(error)) from error
    if root.tag != "xml":
        raise MalformedAnswer(f"root element {root.tag!r}")
    fields: dict[str, str] = {}
    for child in root:
        if len(child):
            raise MalformedAnswer(f"nested element in {child.tag!r}")
        fields[child.tag] = child.text or ""
    return fields


def nonce() -> str:
    return secrets.token_hex(16)  # 32 characters, the field's maximum


def beijing_time(text: str | None) -> datetime | None:
    """``yyyyMMddHHmmss`` (WeChat's time_end) → an aware datetime; None when absent or unreadable."""
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=BEIJING)
    except ValueError:
        return None


def fen(text: str | None) -> int | None:
    """An integer fen field (total_fee, refund_fee); None when absent or not a number."""
    if text is None or not text.isascii() or not text.isdigit():
        return None
    return int(text)


# ---- the client -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Answer:
    """What came back: ``fields`` when a well-formed XML answer arrived, else ``trouble`` says what went wrong."""

    fields: dict[str, str]
    verified: bool = False
    trouble: str = ""

    @property
    def business(self) -> bool:
        """A signed, verified business answer (``return_code`` SUCCESS)."""
        return self.verified and self.fields.get("return_code") == "SUCCESS"

    @property
    def result_ok(self) -> bool:
        return self.business and self.fields.get("result_code") == "SUCCESS"

    @property
    def err_code(self) -> str:
        return self.fields.get("err_code", "")

    @property
    def description(self) -> str:
        return self.fields.get("err_code_des") or self.fields.get("return_msg") or self.trouble

    def unknown_reason(self) -> str:
        """The raw code recorded when an answer can't be trusted."""
        if self.trouble:
            return self.trouble
        if self.fields.get("return_code") != "SUCCESS":
            return self.fields.get("return_code") or "NO_RETURN_CODE"
        return "BAD_SIGNATURE"


class WechatPayClient:
    """付款码支付 on WeChat Pay API v2, as a :class:`app.payments.base.PaymentGateway`."""

    provider = PaymentProvider.WECHAT

    def __init__(self, credentials: WechatCredentials, *, timeout: tuple[float, float] = (5.0, 15.0),
                 session: requests.Session | None = None) -> None:
        self.credentials = credentials
        self.timeout = timeout
        self.session = session or requests.Session()

    # -- the six calls --

    def pay(self, order: ChargeOrder) -> ChargeResult:
        params = self._common() | {
            "device_info": order.device_info,
            "body": order.subject[:127],
            "out_trade_no": order.out_trade_no,
            "total_fee": str(order.amount),
            "fee_type": "CNY",
            "spbill_create_ip": self.credentials.spbill_create_ip,
            "auth_code": order.auth_code,
        }
        answer = self._call("/pay/micropay", params)
        if not answer.business:
            return self._charge(order.out_trade_no, ChargeOutcome.UNKNOWN, answer.unknown_reason(), answer.description)
        if answer.result_ok:
            return self._paid(order.out_trade_no, answer.fields)
        code = answer.err_code
        if code == "USERPAYING":
            return self._charge(order.out_trade_no, ChargeOutcome.USERPAYING, code, answer.description)
        if code == "ORDERPAID":  # the same out_trade_no was charged before: say what the provider holds
            return self.query(order.out_trade_no)
        if code in FAILED_PAY_CODES:
            return self._charge(order.out_trade_no, ChargeOutcome.FAILED, code, answer.description)
        if code == TRADE_ERROR:
            return self._charge(order.out_trade_no, ChargeOutcome.FAILED, code, answer.description,
                                close_required=True)
        # SYSTEMERROR, BANKERROR, OUT_TRADE_NO_USED and any code this table does not know yet
        return self._charge(order.out_trade_no, ChargeOutcome.UNKNOWN, code or "NO_ERR_CODE", answer.description)

    def query(self, out_trade_no: str) -> ChargeResult:
        answer = self._call("/pay/orderquery", self._common() | {"out_trade_no": out_trade_no})
        if not answer.business:
            return self._charge(out_trade_no, ChargeOutcome.UNKNOWN, answer.unknown_reason(), answer.description)
        if not answer.result_ok:  # ORDERNOTEXIST right after a lost micropay may still turn into a trade
            return self._charge(out_trade_no, ChargeOutcome.UNKNOWN, answer.err_code or "NO_ERR_CODE",
                                answer.description)
        state = answer.fields.get("trade_state", "")
        outcome, close_required = TRADE_STATES.get(state, (ChargeOutcome.UNKNOWN, False))
        if outcome is ChargeOutcome.PAID:
            return self._paid(out_trade_no, answer.fields, raw_code=state)
        return self._charge(out_trade_no, outcome, state or "NO_TRADE_STATE",
                            answer.fields.get("trade_state_desc", ""), close_required=close_required)

    def cancel(self, out_trade_no: str) -> CancelResult:
        answer = self._call("/secapi/pay/reverse", self._common() | {"out_trade_no": out_trade_no}, cert=True)
        if not answer.business:
            return CancelResult(self.provider, out_trade_no, CancelOutcome.UNKNOWN, answer.unknown_reason(),
                                answer.description)
        recall = answer.fields.get("recall") == "Y"
        if answer.result_ok:
            outcome = CancelOutcome.RETRY if recall else CancelOutcome.DONE
            return CancelResult(self.provider, out_trade_no, outcome, "SUCCESS", retry=recall)
        code = answer.err_code or "NO_ERR_CODE"
        if recall or code in RETRY_REVERSE_CODES:
            return CancelResult(self.provider, out_trade_no, CancelOutcome.RETRY, code, answer.description,
                                retry=True)
        if code in FAILED_REVERSE_CODES:
            return CancelResult(self.provider, out_trade_no, CancelOutcome.FAILED, code, answer.description)
        # ORDERNOTEXIST (nothing arrived under this number yet: no proof it never will) and any new code
        return CancelResult(self.provider, out_trade_no, CancelOutcome.UNKNOWN, code, answer.description)

    def refund(self, out_trade_no: str, out_refund_no: str, amount: int, total: int) -> RefundResult:
        check_refund(out_refund_no, amount, total)
        params = self._common() | {
            "out_trade_no": out_trade_no,
            "out_refund_no": out_refund_no,
            "total_fee": str(total),
            "refund_fee": str(amount),
            "refund_fee_type": "CNY",
        }
        answer = self._call("/secapi/pay/refund", params, cert=True)
        if not answer.business:
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer.unknown_reason(),
                                answer.description)
        if answer.result_ok:  # "申请接收成功": accepted, the result comes from refundquery
            return self._refund(out_trade_no, out_refund_no, RefundState.PROCESSING, "SUCCESS",
                                refund_id=answer.fields.get("refund_id"), amount=fen(answer.fields.get("refund_fee")))
        code = answer.err_code or "NO_ERR_CODE"
        state = RefundState.FAILED if code in FAILED_REFUND_CODES else RefundState.UNKNOWN
        return self._refund(out_trade_no, out_refund_no, state, code, answer.description)

    def refund_query(self, out_refund_no: str, *, out_trade_no: str) -> RefundResult:
        answer = self._call("/pay/refundquery", self._common() | {"out_refund_no": out_refund_no})
        if not answer.business:
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer.unknown_reason(),
                                answer.description)
        if not answer.result_ok:  # REFUNDNOTEXIST: the refund never arrived — send the same one again
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, answer.err_code or "NO_ERR_CODE",
                                answer.description)
        fields = answer.fields
        index = next((i for i in range(int(fen(fields.get("refund_count")) or 0))
                      if fields.get(f"out_refund_no_{i}") == out_refund_no), None)
        if index is None:
            return self._refund(out_trade_no, out_refund_no, RefundState.UNKNOWN, "REFUND_NOT_LISTED")
        status = fields.get(f"refund_status_{index}", "")
        return self._refund(out_trade_no, out_refund_no, REFUND_STATES.get(status, RefundState.UNKNOWN),
                            status or "NO_REFUND_STATUS", refund_id=fields.get(f"refund_id_{index}"),
                            amount=fen(fields.get(f"refund_fee_{index}")),
                            refunded_at=_refund_time(fields.get(f"refund_success_time_{index}")))

    def download_bill(self, day: date) -> BillResult:
        params = self._common() | {"bill_date": day.strftime("%Y%m%d"), "bill_type": "ALL"}
        params.pop("sub_appid", None)
        try:
            response = self._post("/pay/downloadbill", params, cert=False)
        except requests.RequestException as error:
            return BillResult(self.provider, day, False, "NETWORK", type(error).__name__)
        body = response.content
        if body.lstrip().startswith(b"<xml>"):  # an error answer; the bill itself is plain text
            try:
                fields = from_xml(body)
            except MalformedAnswer as error:
                return BillResult(self.provider, day, False, "MALFORMED", str(error))
            return BillResult(self.provider, day, False, fields.get("error_code") or fields.get("return_code", "FAIL"),
                              fields.get("return_msg", ""))
        if response.status_code != 200:
            return BillResult(self.provider, day, False, f"HTTP_{response.status_code}")
        return BillResult(self.provider, day, True, "SUCCESS", content=body,
                          filename=f"wechat-{self.credentials.mch_id}-{day:%Y%m%d}-ALL.csv")

    # -- plumbing --

    def _common(self) -> dict[str, str]:
        creds = self.credentials
        params = {"appid": creds.appid, "mch_id": creds.mch_id}
        if creds.sub_mch_id:
            params["sub_mch_id"] = creds.sub_mch_id
        if creds.sub_appid:
            params["sub_appid"] = creds.sub_appid
        params["nonce_str"] = nonce()
        params["sign_type"] = creds.sign_type
        return params

    def _post(self, path: str, params: dict[str, str], *, cert: bool) -> requests.Response:
        creds = self.credentials
        params["sign"] = sign(params, creds.api_key, creds.sign_type)
        client_cert = None
        if cert and creds.cert_file is not None and creds.key_file is not None:
            client_cert = (str(creds.cert_file), str(creds.key_file))
        return self.session.post(
            creds.base_url + path, data=to_xml(params), timeout=self.timeout, cert=client_cert,
            verify=str(creds.ca_file) if creds.ca_file else True,
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )

    def _call(self, path: str, params: dict[str, str], *, cert: bool = False) -> _Answer:
        try:
            response = self._post(path, params, cert=cert)
        except requests.RequestException as error:  # refused, reset, timed out, TLS: the money may have moved
            log.warning("WeChat %s: no answer (%s)", path, type(error).__name__)
            return _Answer({}, trouble="NETWORK")
        try:
            fields = from_xml(response.content)
        except MalformedAnswer as error:
            log.warning("WeChat %s: malformed answer (HTTP %s, %s)", path, response.status_code, error)
            return _Answer({}, trouble="MALFORMED")
        verified = signature_valid(fields, self.credentials.api_key, self.credentials.sign_type)
        if fields.get("return_code") == "SUCCESS" and not verified:
            log.warning("WeChat %s: answer signature does not verify", path)
        return _Answer(fields, verified=verified)

    def _charge(self, out_trade_no: str, outcome: ChargeOutcome, raw_code: str, message: str = "", *,
                close_required: bool = False) -> ChargeResult:
        return ChargeResult(self.provider, out_trade_no, outcome, raw_code, message, close_required=close_required)

    def _paid(self, out_trade_no: str, fields: dict[str, str], raw_code: str = "SUCCESS") -> ChargeResult:
        return ChargeResult(
            self.provider, out_trade_no, ChargeOutcome.PAID, raw_code,
            transaction_id=fields.get("transaction_id"), amount=fen(fields.get("total_fee")),
            payer_bank=fields.get("bank_type"), paid_at=beijing_time(fields.get("time_end")),
        )

    def _refund(self, out_trade_no: str, out_refund_no: str, state: RefundState, raw_code: str, message: str = "",
                **extra: object) -> RefundResult:
        return RefundResult(self.provider, out_trade_no, out_refund_no, state, raw_code, message, **extra)  # type: ignore[arg-type]


def _refund_time(text: str | None) -> datetime | None:
    """refund_success_time is ``yyyy-MM-dd HH:mm:ss`` (unlike time_end)."""
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING)
    except ValueError:
        return None


def bill_amount(text: str) -> int:
    """A bill's backquoted yuan field (`` `12.30 ``) → fen."""
    return wire_yuan_to_fen(text.lstrip("`"))
