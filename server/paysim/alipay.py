"""The Alipay open-platform gateway (``/gateway.do``) for 当面付, as the simulator serves it.

Requests are verified with the application's public key (a bad signature gets 40002
``isv.invalid-signature`` and nothing is charged); every answer is signed with the gateway's own key
over the exact text of its ``…_response`` node, as Alipay does.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.domain.errors import InvalidAmount
from app.domain.money import fen_to_wire_yuan, wire_yuan_to_fen
from app.domain.payment_code import PaymentProvider, recognise_payment_code
from app.payments.alipay import load_private_key, load_public_key, rsa2_sign, rsa2_verify, signing_content
from server.paysim.bills import alipay_bill_zip
from server.paysim.ledger import Ledger, Script, Trade, TradeState, new_number, now_text, script_of
from server.paysim.sandbox import ALIPAY_PID
from server.paysim.tls import abort_connection

PROVIDER = PaymentProvider.ALIPAY.value
router = APIRouter()
BUSINESS_FAILED = {"code": "40004", "msg": "Business Failed"}


class _Gateway:
    def __init__(self, request: Request, params: dict[str, str], biz: dict[str, Any]) -> None:
        self.request = request
        self.params = params
        self.biz = biz
        self.node = params.get("method", "").replace(".", "_") + "_response"
        self.ledger: Ledger = request.app.state.ledger

    def answer(self, node: dict[str, Any], *, bad_signature: bool = False) -> Response:
        return signed_answer(self.request, self.node, node, bad_signature=bad_signature)

    def failure(self, sub_code: str, sub_msg: str, **extra: Any) -> Response:
        return self.answer({**BUSINESS_FAILED, "sub_code": sub_code, "sub_msg": sub_msg, **extra})


def signed_answer(request: Request, node_name: str, node: dict[str, Any], *, bad_signature: bool = False) -> Response:
    text = json.dumps(node, ensure_ascii=False, separators=(",", ":"))
    signature = rsa2_sign(text, request.app.state.alipay_key)
    if bad_signature:  # the same length and alphabet, one character off
        signature = ("A" if signature[0] != "A" else "B") + signature[1:]
    body = '{"' + node_name + '":' + text + ',"sign":"' + signature + '"}'
    return Response(body.encode("utf-8"), media_type="application/json;charset=utf-8")


@router.post("/gateway.do")
async def gateway(request: Request) -> Response:
    form = dict(parse_qsl((await request.body()).decode("utf-8", errors="replace"), keep_blank_values=True))
    params = {**dict(request.query_params), **form}
    method = params.get("method", "")
    node = method.replace(".", "_") + "_response" if method else "error_response"
    missing = [k for k in ("app_id", "method", "sign", "sign_type", "timestamp", "version", "biz_content")
               if not params.get(k)]
    if missing:
        return signed_answer(request, node, {"code": "40001", "msg": "Missing Required Arguments",
                                             "sub_code": f"isv.missing-{missing[0].replace('_', '-')}",
                                             "sub_msg": f"缺少{missing[0]}参数"})
    if params.get("sign_type") != "RSA2" or not rsa2_verify(signing_content(params), params["sign"],
                                                             request.app.state.app_public_key):
        return signed_answer(request, node, {
            "code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-signature",
            "sub_msg": "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为："
                       + signing_content(params).replace("&", "&amp;")})
    try:
        biz = json.loads(params["biz_content"])
        if not isinstance(biz, dict):
            raise ValueError
    except ValueError:
        return signed_answer(request, node, {"code": "40002", "msg": "Invalid Arguments",
                                             "sub_code": "isv.invalid-parameter", "sub_msg": "biz_content格式错误"})
    handler = HANDLERS.get(method)
    if handler is None:
        return signed_answer(request, "error_response", {"code": "40002", "msg": "Invalid Arguments",
                                                         "sub_code": "isv.invalid-method", "sub_msg": "不存在的方法名"})
    return handler(_Gateway(request, params, biz))


def trade_pay(call: _Gateway) -> Response:
    biz = call.biz
    out_trade_no = str(biz.get("out_trade_no", ""))
    if not out_trade_no or biz.get("scene") != "bar_code":
        return call.failure("ACQ.INVALID_PARAMETER", "参数无效")
    try:
        amount = wire_yuan_to_fen(str(biz.get("total_amount", "")))
        if amount <= 0:
            raise InvalidAmount(amount=amount)
    except InvalidAmount:
        return call.failure("ACQ.INVALID_PARAMETER", "total_amount参数错误")
    code = recognise_payment_code(str(biz.get("auth_code", "")))
    if code is None or code.provider is not PaymentProvider.ALIPAY:
        return call.failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款")
    ledger = call.ledger
    with ledger.lock:
        trade = ledger.get(PROVIDER, out_trade_no)
        if trade is not None:
            return _repeat(call, trade)
        if code.digits in ledger.used_codes:
            return call.failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "付款码已使用，请顾客刷新付款码后重新收款")
        script, n = script_of(code.digits)
        trade = Trade(PROVIDER, out_trade_no, code.digits, amount, str(biz.get("subject", "")),
                      str(biz.get("terminal_id", "")), call.params["app_id"], "", script.value, n,
                      TradeState.USERPAYING, now_text())
        ledger.add(trade)
        response = _first_answer(call, trade, script)
        ledger.save()
    if script is Script.DROP_AFTER_CHARGE:
        abort_connection(call.request)
    return response


def _first_answer(call: _Gateway, trade: Trade, script: Script) -> Response:
    if script is Script.NOT_ENOUGH:
        trade.close(TradeState.PAYERROR)
        return call.failure("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足", out_trade_no=trade.out_trade_no)
    if script is Script.EXPIRED_CODE:
        trade.close(TradeState.PAYERROR)
        return call.failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款",
                            out_trade_no=trade.out_trade_no)
    if script in (Script.PAYING_THEN_PAID, Script.PAYING_THEN_CLOSED, Script.RECALL_ONCE):
        trade.transaction_id = new_number("", 28)
        return call.answer({"code": "10003", "msg": "order success pay inprocess", "trade_no": trade.transaction_id,
                            "out_trade_no": trade.out_trade_no, "total_amount": fen_to_wire_yuan(trade.amount)})
    trade.mark_paid()
    if script is Script.SYSTEMERROR_THEN_PAID:
        return call.answer({"code": "20000", "msg": "Service Currently Unavailable", "sub_code": "aop.unknow-error",
                            "sub_msg": "系统繁忙"})
    return call.answer({"code": "10000", "msg": "Success", **_paid_fields(trade)},
                       bad_signature=script is Script.BAD_SIGNATURE)




def _paid_fields(trade: Trade) -> dict[str, Any]:
    amount = fen_to_wire_yuan(trade.amount)
    return {"trade_no": trade.transaction_id, "out_trade_no": trade.out_trade_no, "buyer_logon_id": "sim***@example.com",
            "total_amount": amount, "receipt_amount": amount, "buyer_pay_amount": amount, "gmt_payment": trade.paid_at,
            "fund_bill_list": [{"fund_channel": "ALIPAYACCOUNT", "amount": amount}], "buyer_user_id": "2088102000000001"}


def _repeat(call: _Gateway, trade: Trade) -> Response:
    if trade.state == TradeState.SUCCESS:
        return call.failure("ACQ.TRADE_HAS_SUCCESS", "交易已被支付")
    if trade.state == TradeState.USERPAYING:
        return call.answer({"code": "10003", "msg": "order success pay inprocess", "out_trade_no": trade.out_trade_no})
    if trade.state in (TradeState.CLOSED, TradeState.REVOKED):
        return call.failure("ACQ.TRADE_HAS_CLOSE", "交易已经关闭")
    return call.failure("ACQ.PAYMENT_FAIL", "支付失败")


def trade_query(call: _Gateway) -> Response:
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, str(call.biz.get("out_trade_no", "")))
        if trade is None or trade.state == TradeState.PAYERROR:
            return call.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        trade.advance_on_query()
        call.ledger.save()
        status = {TradeState.USERPAYING: "WAIT_BUYER_PAY", TradeState.SUCCESS: "TRADE_SUCCESS"}.get(
            TradeState(trade.state), "TRADE_CLOSED")
        if status == "TRADE_SUCCESS" and trade.refunded >= trade.amount:
            status = "TRADE_CLOSED"
        node: dict[str, Any] = {"code": "10000", "msg": "Success", "out_trade_no": trade.out_trade_no,
                                "trade_no": trade.transaction_id, "trade_status": status,
                                "total_amount": fen_to_wire_yuan(trade.amount)}
        if status == "TRADE_SUCCESS":
            node.update(_paid_fields(trade))
            node["send_pay_date"] = trade.paid_at
        return call.answer(node)


def trade_cancel(call: _Gateway) -> Response:
    out_trade_no = str(call.biz.get("out_trade_no", ""))
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, out_trade_no)
        if trade is None:  # closes the number: a late trade.pay with it is refused
            trade = Trade(PROVIDER, out_trade_no, "", 0, "", "", call.params["app_id"], "", Script.INSTANT.value, 0,
                          TradeState.REVOKED, now_text())
            call.ledger.add(trade)
        trade.reverses += 1
        if trade.script == Script.RECALL_ONCE and trade.reverses == 1:
            call.ledger.save()
            return call.failure("ACQ.SYSTEM_ERROR", "系统错误", retry_flag="Y", out_trade_no=out_trade_no)
        action = "refund" if trade.state == TradeState.SUCCESS else "close"
        trade.revoke()
        call.ledger.save()
        return call.answer({"code": "10000", "msg": "Success", "trade_no": trade.transaction_id,
                            "out_trade_no": out_trade_no, "retry_flag": "N", "action": action})


def trade_refund(call: _Gateway) -> Response:
    biz = call.biz
    out_trade_no, request_no = str(biz.get("out_trade_no", "")), str(biz.get("out_request_no") or "")
    request_no = request_no or out_trade_no  # without a request number a refund is the trade's only one
    try:
        amount = wire_yuan_to_fen(str(biz.get("refund_amount", "")))
    except InvalidAmount:
        return call.failure("ACQ.INVALID_PARAMETER", "refund_amount参数错误")
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, out_trade_no)
        if trade is None or not trade.charged:
            return call.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        existing = trade.refunds.get(request_no)
        fund_change = "N"
        if existing is None:
            if trade.state == TradeState.REVOKED:
                return call.failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法")
            if amount <= 0 or trade.refunded + amount > trade.amount:
                return call.failure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限")
            if trade.script == Script.REFUND_REFUSED:
                return call.failure("ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足")
            existing = trade.add_refund(request_no, amount)
            fund_change = "Y" if existing.state == "SUCCESS" else "N"
            call.ledger.save()
        node = {"code": "10000", "msg": "Success", "trade_no": trade.transaction_id, "out_trade_no": out_trade_no,
                "buyer_logon_id": "sim***@example.com", "fund_change": fund_change,
                "refund_fee": fen_to_wire_yuan(trade.refunded)}
        if existing.succeeded_at:
            node["gmt_refund_pay"] = existing.succeeded_at
        return call.answer(node)


def refund_query(call: _Gateway) -> Response:
    out_trade_no = str(call.biz.get("out_trade_no", ""))
    request_no = str(call.biz.get("out_request_no") or out_trade_no)
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, out_trade_no)
        if trade is None:
            return call.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        item = trade.refunds.get(request_no)
        if item is None:  # 10000 without refund data: "未退款成功"
            return call.answer({"code": "10000", "msg": "Success", "out_trade_no": out_trade_no,
                                "out_request_no": request_no})
        trade.advance_refund(item)
        call.ledger.save()
        node = {"code": "10000", "msg": "Success", "trade_no": trade.transaction_id, "out_trade_no": out_trade_no,
                "out_request_no": request_no, "total_amount": fen_to_wire_yuan(trade.amount),
                "refund_amount": fen_to_wire_yuan(item.amount)}
        if item.state == "SUCCESS":
            node["refund_status"] = "REFUND_SUCCESS"
            node["gmt_refund_pay"] = item.succeeded_at or item.accepted_at
        return call.answer(node)


def bill_download_url(call: _Gateway) -> Response:
    try:
        day = date.fromisoformat(str(call.biz.get("bill_date", "")))
    except ValueError:
        return call.failure("isv.invalid-parameter", "参数不合法")
    if call.biz.get("bill_type") != "trade":
        return call.failure("isv.invalid-parameter", "仅模拟 bill_type=trade")
    with call.ledger.lock:
        trades = [t for t in call.ledger.trades.values() if t.provider == PROVIDER]
        if alipay_bill_zip(trades, day, ALIPAY_PID) is None:
            return call.failure("isp.bill_not_exist", "账单不存在")
    base = str(call.request.base_url).rstrip("/")
    url = f"{base}/_sim/bills/alipay/{day:%Y%m%d}.csv.zip?fileType=csv.zip&downloadFileName={day:%Y%m%d}.csv.zip"
    return call.answer({"code": "10000", "msg": "Success", "bill_download_url": url})


@router.get("/_sim/bills/alipay/{day}.csv.zip")
def bill_file(request: Request, day: str) -> Response:
    try:
        parsed = datetime.strptime(day, "%Y%m%d").date()
    except ValueError:
        return Response(status_code=404)
    ledger: Ledger = request.app.state.ledger
    with ledger.lock:
        content = alipay_bill_zip([t for t in ledger.trades.values() if t.provider == PROVIDER], parsed, ALIPAY_PID)
    if content is None:
        return Response(status_code=404)
    return Response(content, media_type="application/zip")


HANDLERS = {
    "alipay.trade.pay": trade_pay,
    "alipay.trade.query": trade_query,
    "alipay.trade.cancel": trade_cancel,
    "alipay.trade.refund": trade_refund,
    "alipay.trade.fastpay.refund.query": refund_query,
    "alipay.data.dataservice.bill.downloadurl.query": bill_download_url,
}


def load_keys(app_public_key_pem: str, alipay_private_key_pem: str) -> tuple[Any, Any]:
    return load_public_key(app_public_key_pem), load_private_key(alipay_private_key_pem)
