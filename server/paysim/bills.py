"""The daily trade bills, made from what the simulator really processed (for finance reconciliation).

* WeChat ``downloadbill`` ALL: a header line, detail lines where every field starts with a backquote,
  then the summary header and the summary values; amounts in yuan; trade rows dated by payment
  time, refund rows by the time the refund was accepted.
* Alipay: a csv.zip holding a GBK detail file (``#`` header lines, 交易 / 退款 rows, ``#`` totals)
  and a summary file. The summary file's columns and the trailer wording are not documented
  publicly (see docs/payments.md); they follow what third-party parsers expect.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import date, timedelta

from app.domain.money import fen_to_wire_yuan
from server.paysim.ledger import Refund, Trade, TradeState, now_text, parse_time

#: the simulated fee: 0.60%, rounded half up to the fen
FEE_RATE_PERMILLE = 6

WECHAT_COLUMNS = ["交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包", "手续费", "费率", "订单金额", "申请退款金额", "费率备注"]
WECHAT_SUMMARY = ["总交易单数", "应结订单总金额", "退款总金额", "充值券退款总金额", "手续费总金额", "订单总金额", "申请退款总金额"]

ALIPAY_COLUMNS = ["支付宝交易号", "商户订单号", "业务类型", "商品名称", "创建时间", "完成时间", "门店编号", "门店名称", "操作员", "终端号", "对方账户", "订单金额（元）", "商家实收（元）", "支付宝红包（元）", "集分宝（元）", "支付宝优惠（元）", "商家优惠（元）", "券核销金额（元）", "券名称", "商家红包消费金额（元）", "卡消费金额（元）", "退款批次号/请求号", "服务费（元）", "分润（元）", "备注"]
ALIPAY_SUMMARY = ["门店编号", "门店名称", "交易订单总笔数", "退款订单总笔数", "订单金额（元）", "商家实收（元）", "支付宝优惠（元）", "商家优惠（元）", "卡消费金额（元）", "服务费（元）", "分润（元）", "实收净额（元）"]


def fee_of(amount: int) -> int:
    return (amount * FEE_RATE_PERMILLE + 500) // 1000


def _on(day: date, text: str | None) -> bool:
    return bool(text) and parse_time(text).date() == day  # type: ignore[arg-type]


def _paid_on(trades: Iterable[Trade], day: date) -> list[Trade]:
    return sorted((t for t in trades if t.charged and _on(day, t.paid_at)), key=lambda t: t.paid_at or "")


def _refunds_on(trades: Iterable[Trade], day: date) -> list[tuple[Trade, Refund]]:
    found = [(t, r) for t in trades for r in t.refunds.values() if _on(day, r.accepted_at)]
    return sorted(found, key=lambda pair: pair[1].accepted_at)


def wechat_bill(trades: list[Trade], day: date) -> str | None:
    """The ALL bill for ``day``, or None when nothing happened that day (WeChat: No Bill Exist)."""
    paid, refunds = _paid_on(trades, day), _refunds_on(trades, day)
    if not paid and not refunds:
        return None
    rows: list[list[str]] = []
    for trade in paid:
        status = "REVOKED" if trade.state == TradeState.REVOKED else "SUCCESS"
        rows.append([trade.paid_at or "", "wx8888888888888888", trade.merchant, trade.sub_merchant, trade.device_info,
                     trade.transaction_id, trade.out_trade_no, "oSim" + trade.auth_code[-8:], "MICROPAY", status,
                     "OTHERS", "CNY", _y(trade.amount), "0.00", "0", "0", "0.00", "0.00", "", "", trade.subject, "",
                     _y(fee_of(trade.amount)), "0.60%", _y(trade.amount), "0.00", ""])
    for trade, refund in refunds:
        rows.append([refund.accepted_at, "wx8888888888888888", trade.merchant, trade.sub_merchant, trade.device_info,
                     trade.transaction_id, trade.out_trade_no, "oSim" + trade.auth_code[-8:], "MICROPAY", "REFUND",
                     "OTHERS", "CNY", "0.00", "0.00", refund.refund_id, refund.out_refund_no, _y(refund.amount), "0.00",
                     "ORIGINAL", refund.state, trade.subject, "", _y(-fee_of(refund.amount)), "0.60%", "0.00",
                     _y(refund.amount), ""])
    settled = sum(t.amount for t in paid)
    refunded = sum(r.amount for _, r in refunds)
    fees = sum(fee_of(t.amount) for t in paid) - sum(fee_of(r.amount) for _, r in refunds)
    summary = [str(len(rows)), _y(settled), _y(refunded), "0.00", _y(fees), _y(settled), _y(refunded)]
    lines = [",".join(WECHAT_COLUMNS)]
    lines += [",".join("`" + field for field in row) for row in rows]
    lines.append(",".join(WECHAT_SUMMARY))
    lines.append(",".join("`" + field for field in summary))
    return "\r\n".join(lines) + "\r\n"


def alipay_bill_zip(trades: list[Trade], day: date, pid: str) -> bytes | None:
    """The csv.zip for ``day`` (GBK inside), or None when nothing happened that day."""
    paid, refunds = _paid_on(trades, day), _refunds_on(trades, day)
    if not paid and not refunds:
        return None
    header = [f"#账号：[{pid}]",
              f"#起始日期：[{day:%Y年%m月%d日} 00:00:00]   终止日期：[{day + timedelta(days=1):%Y年%m月%d日} 00:00:00]"]
    rows = []
    for trade in paid:
        rows.append(_alipay_row(trade, "交易", trade.created_at, trade.paid_at or "", trade.amount, ""))
    for trade, refund in refunds:
        rows.append(_alipay_row(trade, "退款", refund.accepted_at, refund.succeeded_at or refund.accepted_at,
                                -refund.amount, refund.out_refund_no))
    paid_total, refund_total = sum(t.amount for t in paid), sum(r.amount for _, r in refunds)
    fees = sum(fee_of(t.amount) for t in paid) - sum(fee_of(r.amount) for _, r in refunds)
    detail = ["#支付宝业务明细查询", *header, "#-----------------------------------------业务明细列表----------------------------------------",
              ",".join(ALIPAY_COLUMNS), *rows,
              "#-----------------------------------------业务明细列表结束------------------------------------",
              f"#交易合计：{len(paid)}笔，商家实收共{_y(paid_total)}元，商家优惠共0.00元",
              f"#退款合计：{len(refunds)}笔，商家实收退款共{_y(-refund_total)}元，商家优惠退款共0.00元",
              f"#导出时间：[{now_text()}]"]
    summary = ["#支付宝业务汇总查询", *header, "#-----------------------------------------业务汇总列表----------------------------------------",
               ",".join(ALIPAY_SUMMARY),
               ",".join(["", "合计", str(len(paid)), str(len(refunds)), _y(paid_total - refund_total),
                         _y(paid_total - refund_total), "0.00", "0.00", "0.00", _y(-fees), "0.00",
                         _y(paid_total - refund_total - fees)]),
               "#-----------------------------------------业务汇总列表结束------------------------------------",
               f"#导出时间：[{now_text()}]"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{pid}_{day:%Y%m%d}_业务明细.csv", "\r\n".join(detail).encode("gbk") + b"\r\n")
        archive.writestr(f"{pid}_{day:%Y%m%d}_业务明细(汇总).csv", "\r\n".join(summary).encode("gbk") + b"\r\n")
    return buffer.getvalue()


def _alipay_row(trade: Trade, kind: str, created: str, finished: str, amount: int, batch: str) -> str:
    store = trade.device_info.split("-")[0]
    fee = fee_of(abs(amount)) * (1 if amount > 0 else -1)
    fields = [trade.transaction_id + "\t", trade.out_trade_no + "\t", kind, _csv(trade.subject), created + "\t",
              finished + "\t", store, "", "", trade.device_info + "\t", "sim***@example.com", _y(amount), _y(amount),
              "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", batch + ("\t" if batch else ""),
              _y(-fee), "0.00", ""]
    return ",".join(fields)


def _csv(text: str) -> str:
    """GBK can't hold every character; a bill never fails for a product name."""
    cleaned = text.replace(",", "，").replace("\r", " ").replace("\n", " ")
    return cleaned.encode("gbk", errors="replace").decode("gbk")


def _y(amount: int) -> str:
    return fen_to_wire_yuan(amount)
