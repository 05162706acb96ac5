"""WeChat Pay API v2 付款码 endpoints as the simulator serves them: same paths, XML, signatures, codes.

Requests are verified with the merchant's API key (a bad one gets ``return_code`` FAIL 签名错误 and
nothing is charged); answers are signed with the request's ``sign_type``. ``/secapi/*`` answers only
a caller that presented the merchant certificate in the TLS handshake.
"""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.domain.payment_code import PaymentProvider, recognise_payment_code
from app.payments import wechat as protocol
from app.payments.base import BEIJING
from server.paysim.bills import wechat_bill
from server.paysim.ledger import Ledger, Script, Trade, TradeState, now_text, parse_time, script_of
from server.paysim.tls import abort_connection, client_certificate

PROVIDER = PaymentProvider.WECHAT.value
router = APIRouter()


def _xml(fields: dict[str, str]) -> Response:
    return Response(protocol.to_xml(fields), media_type="text/xml; charset=utf-8")


def _fail(message: str) -> Response:
    """A communication-level refusal: ``return_code`` FAIL, unsigned (as WeChat sends them)."""
    return _xml({"return_code": "FAIL", "return_msg": message})


class _Call:
    """One verified request: its fields, and how to sign the answer."""

    def __init__(self, request: Request, fields: dict[str, str]) -> None:
        self.request = request
        self.fields = fields
        self.sign_type = fields.get("sign_type") or "MD5"
        self.api_key: str = request.app.state.sandbox.wechat_api_key
        self.ledger: Ledger = request.app.state.ledger

    def answer(self, result: dict[str, str], *, bad_signature: bool = False) -> Response:
        fields = {"return_code": "SUCCESS", "return_msg": "OK", "appid": self.fields.get("appid", ""),
                  "mch_id": self.fields.get("mch_id", "")}
        for key in ("sub_mch_id", "sub_appid", "device_info"):
            if self.fields.get(key):
                fields[key] = self.fields[key]
        fields["nonce_str"] = protocol.nonce()
        fields.update(result)
        fields["sign"] = protocol.sign(fields, self.api_key, self.sign_type)
        if bad_signature:  # one flipped character, as a tampering proxy would leave it
            fields["sign"] = ("0" if fields["sign"][0] != "0" else "1") + fields["sign"][1:]
        return _xml(fields)

    def failure(self, err_code: str, description: str, **extra: str) -> Response:
        return self.answer({"result_code": "FAIL", "err_code": err_code, "err_code_des": description, **extra})


async def _read(request: Request, required: tuple[str, ...]) -> _Call | Response:
    try:
        fields = protocol.from_xml(await request.body())
    except protocol.MalformedAnswer:
        return _fail("XML格式错误")
    missing = [name for name in ("appid", "mch_id", "nonce_str", "sign", *required) if not fields.get(name)]
    if missing:
        return _fail(f"缺少参数{missing[0]}")
    sign_type = fields.get("sign_type") or "MD5"
    if sign_type not in ("MD5", "HMAC-SHA256"):
        return _fail("签名类型错误")
    if not protocol.signature_valid(fields, request.app.state.sandbox.wechat_api_key, sign_type):
        return _fail("签名错误")
    return _Call(request, fields)


def _requires_certificate(request: Request) -> Response | None:
    presented = client_certificate(request)
    if presented is None or presented != request.app.state.merchant_fingerprint:
        return _fail("证书校验错误")  # CERT_ERROR: /secapi needs the merchant certificate
    return None


def _paid_fields(trade: Trade) -> dict[str, str]:
    paid = parse_time(trade.paid_at) if trade.paid_at else datetime.now(BEIJING)
    return {"openid": "oSim" + trade.auth_code[-8:], "is_subscribe": "N", "trade_type": "MICROPAY",
            "bank_type": "CMB_DEBIT" if trade.amount % 2 else "OTHERS", "fee_type": "CNY",
            "total_fee": str(trade.amount), "cash_fee": str(trade.amount), "cash_fee_type": "CNY",
            "transaction_id": trade.transaction_id, "out_trade_no": trade.out_trade_no,
            "time_end": paid.strftime("%Y%m%d%H%M%S")}




@router.post("/pay/micropay")
async def micropay(request: Request) -> Response:
    call = await _read(request, ("body", "out_trade_no", "total_fee", "spbill_create_ip", "auth_code"))
    if isinstance(call, Response):
        return call
    fields = call.fields
    code = recognise_payment_code(fields["auth_code"])
    if code is None or code.provider is not PaymentProvider.WECHAT:
        return call.failure("AUTH_CODE_INVALID", "请扫描微信支付授权码(以10/11/12/13/14/15为前缀的18位数字)")
    if not fields["total_fee"].isdigit() or int(fields["total_fee"]) <= 0:
        return call.failure("PARAM_ERROR", "total_fee参数错误")
    ledger = call.ledger
    with ledger.lock:
        trade = ledger.get(PROVIDER, fields["out_trade_no"])
        if trade is not None:
            return _repeat(call, trade)
        if code.digits in ledger.used_codes:
            return call.failure("AUTH_CODE_ERROR", "每个二维码仅限使用一次，请刷新再试")
        script, n = script_of(code.digits)
        trade = Trade(PROVIDER, fields["out_trade_no"], code.digits, int(fields["total_fee"]), fields["body"],
                      fields.get("device_info", ""), fields["mch_id"], fields.get("sub_mch_id", ""), script.value, n,
                      TradeState.USERPAYING, now_text())
        ledger.add(trade)
        response = _first_answer(call, trade, script)
        ledger.save()
    if script is Script.DROP_AFTER_CHARGE:
        abort_connection(request)
    return response


def _first_answer(call: _Call, trade: Trade, script: Script) -> Response:
    if script in (Script.NOT_ENOUGH, Script.EXPIRED_CODE):
        trade.close(TradeState.PAYERROR)
        if script is Script.NOT_ENOUGH:
            return call.failure("NOTENOUGH", "余额不足")
        return call.failure("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试")
    if script in (Script.PAYING_THEN_PAID, Script.PAYING_THEN_CLOSED, Script.RECALL_ONCE):
        return call.failure("USERPAYING", "需要用户输入支付密码")
    trade.mark_paid()
    if script is Script.SYSTEMERROR_THEN_PAID:
        return call.failure("SYSTEMERROR", "系统超时")
    return call.answer({"result_code": "SUCCESS", **_paid_fields(trade)}, bad_signature=script is Script.BAD_SIGNATURE)


def _repeat(call: _Call, trade: Trade) -> Response:
    """The same out_trade_no again: what the provider holds, never a second charge."""
    match trade.state:
        case TradeState.SUCCESS:
            return call.failure("ORDERPAID", "订单已支付")
        case TradeState.USERPAYING:
            return call.failure("USERPAYING", "需要用户输入支付密码")
        case TradeState.REVOKED:
            return call.failure("ORDERREVERSED", "订单已撤销")
        case TradeState.CLOSED:
            return call.failure("ORDERCLOSED", "订单已关闭")
    if trade.script == Script.EXPIRED_CODE:
        return call.failure("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试")
    return call.failure("NOTENOUGH", "余额不足")


@router.post("/pay/orderquery")
async def orderquery(request: Request) -> Response:
    call = await _read(request, ())
    if isinstance(call, Response):
        return call
    out_trade_no = call.fields.get("out_trade_no", "")
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, out_trade_no)
        if trade is None:
            return call.failure("ORDERNOTEXIST", "此交易订单号不存在")
        trade.advance_on_query()
        call.ledger.save()
        state = "REFUND" if trade.state == TradeState.SUCCESS and trade.refunds else trade.state
        result = {"result_code": "SUCCESS", "out_trade_no": out_trade_no, "trade_state": state,
                  "trade_state_desc": {"USERPAYING": "需要用户输入支付密码", "CLOSED": "已关闭", "REVOKED": "已撤销",
                                       "PAYERROR": "支付失败,请撤销订单", "REFUND": "转入退款"}.get(state, "支付成功")}
        if trade.state == TradeState.SUCCESS:
            result.update(_paid_fields(trade))
        return call.answer(result)


@router.post("/secapi/pay/reverse")
async def reverse(request: Request) -> Response:
    refused = _requires_certificate(request)
    if refused is not None:
        return refused
    call = await _read(request, ("out_trade_no",))
    if isinstance(call, Response):
        return call
    out_trade_no = call.fields["out_trade_no"]
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, out_trade_no)
        if trade is None:  # closes the number, so a micropay arriving late is refused
            trade = Trade(PROVIDER, out_trade_no, "", 0, "", "", call.fields["mch_id"],
                          call.fields.get("sub_mch_id", ""), Script.INSTANT.value, 0, TradeState.REVOKED, now_text())
            call.ledger.add(trade)
        trade.reverses += 1
        if trade.script == Script.RECALL_ONCE and trade.reverses == 1:
            call.ledger.save()
            return call.failure("SYSTEMERROR", "系统超时，请重试", recall="Y")
        trade.revoke()
        call.ledger.save()
    return call.answer({"result_code": "SUCCESS", "recall": "N"})




@router.post("/secapi/pay/refund")
async def refund(request: Request) -> Response:
    refused = _requires_certificate(request)
    if refused is not None:
        return refused
    call = await _read(request, ("out_trade_no", "out_refund_no", "total_fee", "refund_fee"))
    if isinstance(call, Response):
        return call
    fields = call.fields
    with call.ledger.lock:
        trade = call.ledger.get(PROVIDER, fields["out_trade_no"])
        if trade is None or not trade.charged:
            return call.failure("ORDERNOTEXIST", "订单不存在")
        existing = trade.refunds.get(fields["out_refund_no"])
        if existing is not None and str(existing.amount) != fields["refund_fee"]:
            return call.failure("REFUND_FEE_MISMATCH", "订单金额或退款金额与之前请求不一致，请核实后再试")
        if existing is None:
            refused = _refusal(call, trade, fields)
            if refused is not None:
                return refused
            existing = trade.add_refund(fields["out_refund_no"], int(fields["refund_fee"]))
            call.ledger.save()
        return call.answer({"result_code": "SUCCESS", "transaction_id": trade.transaction_id,
                            "out_trade_no": trade.out_trade_no, "out_refund_no": existing.out_refund_no,
                            "refund_id": existing.refund_id, "refund_fee": str(existing.amount),
                            "total_fee": str(trade.amount), "cash_fee": str(trade.amount)})


def _refusal(call: _Call, trade: Trade, fields: dict[str, str]) -> Response | None:
    if not fields["refund_fee"].isdigit() or not fields["total_fee"].isdigit() or int(fields["refund_fee"]) <= 0:
        return call.failure("PARAM_ERROR", "退款金额参数错误")
    if int(fields["total_fee"]) != trade.amount:
        return call.failure("REFUND_FEE_MISMATCH", "订单金额或退款金额与之前请求不一致，请核实后再试")
    if trade.state == TradeState.REVOKED:
        return call.failure("ERROR", "订单已撤销")
    if trade.refunded + int(fields["refund_fee"]) > trade.amount:
        return call.failure("ERROR", "累计退款金额大于支付金额")
    if trade.script == Script.REFUND_REFUSED:
        return call.failure("USER_ACCOUNT_ABNORMAL", "退款请求失败：用户帐号注销")
    return None


@router.post("/pay/refundquery")
async def refundquery(request: Request) -> Response:
    call = await _read(request, ())
    if isinstance(call, Response):
        return call
    with call.ledger.lock:
        found = call.ledger.find_refund(PROVIDER, call.fields.get("out_refund_no", ""))
        if found is None:
            return call.failure("REFUNDNOTEXIST", "退款订单查询失败")
        trade, item = found
        trade.advance_refund(item)
        call.ledger.save()
        return call.answer({
            "result_code": "SUCCESS", "transaction_id": trade.transaction_id, "out_trade_no": trade.out_trade_no,
            "total_fee": str(trade.amount), "cash_fee": str(trade.amount), "refund_count": "1",
            "out_refund_no_0": item.out_refund_no, "refund_id_0": item.refund_id, "refund_channel_0": "ORIGINAL",
            "refund_fee_0": str(item.amount), "refund_status_0": item.state,
            "refund_recv_accout_0": "支付用户零钱", **({"refund_success_time_0": item.succeeded_at}
                                                       if item.succeeded_at else {}),
        })




@router.post("/pay/downloadbill")
async def downloadbill(request: Request) -> Response:
    call = await _read(request, ("bill_date",))
    if isinstance(call, Response):
        return call
    try:
        day = datetime.strptime(call.fields["bill_date"], "%Y%m%d").date()
    except ValueError:
        return _xml({"return_code": "FAIL", "return_msg": "invalid bill_date", "error_code": "20001"})
    if call.fields.get("bill_type", "ALL") != "ALL":
        return _xml({"return_code": "FAIL", "return_msg": "only bill_type ALL is simulated", "error_code": "20001"})
    text = _bill(call.ledger, call.fields["mch_id"], day)
    if text is None:
        return _xml({"return_code": "FAIL", "return_msg": "No Bill Exist", "error_code": "20002"})
    return Response(text.encode("utf-8"), media_type="text/plain; charset=utf-8")


def _bill(ledger: Ledger, mch_id: str, day: date) -> str | None:
    with ledger.lock:
        trades = [t for t in ledger.trades.values() if t.provider == PROVIDER and t.merchant == mch_id]
        return wechat_bill(trades, day)
