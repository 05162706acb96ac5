"""Bills as the simulators write them (``server.paysim.bills``), from trades made up for a test,
and the settlement and bank files in the layouts docs/recon.md describes."""

from __future__ import annotations

from datetime import date

from server.paysim.bills import alipay_bill_zip, wechat_bill
from server.paysim.ledger import Refund, Trade

MCH = "1900000109"
PID = "2088000000000001"


def trade(n: int, amount: int, paid_at: str, *, provider: str = "wechat", store: str = "S001",
          state: str = "SUCCESS", refunds: list[tuple[str, int, str]] = ()) -> Trade:  # type: ignore[assignment]
    t = Trade(provider=provider, out_trade_no=f"OT{n}", auth_code="134567890123456789", amount=amount,
              subject="测试商品", device_info=f"{store}-T01", merchant=MCH if provider == "wechat" else PID,
              sub_merchant="", script="00", n=2, state=state, created_at=paid_at,
              transaction_id=f"4200{n:024d}", paid_at=paid_at, charged=True)
    for number, refund_amount, accepted in refunds:
        t.refunds[number] = Refund(number, f"5030{n:025d}", refund_amount, "SUCCESS", accepted, accepted)
    return t


def wechat(trades: list[Trade], day: date) -> bytes:
    text = wechat_bill(trades, day)
    assert text is not None
    return text.encode()


def alipay(trades: list[Trade], day: date) -> bytes:
    data = alipay_bill_zip(trades, day, PID)
    assert data is not None
    return data


def platform(name: str, rows: list[list[str]]) -> bytes:
    header = "账单日期,门店编号,订单号,类型,下单时间,完成时间,订单金额,佣金,配送费,平台补贴,商家补贴,结算金额"
    lines = [f"#{name}结算账单", "#商家ID：[MT1001]", header, *[",".join(r) for r in rows],
             ",".join(["合计", "", str(len(rows))] + [""] * 9)]
    return ("\r\n".join(lines) + "\r\n").encode()


def bank(rows: list[list[str]]) -> bytes:
    header = "交易日期,交易时间,收入金额,支出金额,余额,对方户名,摘要,流水号"
    return ("\ufeff" + "\r\n".join(["#账号：[6222****0001]", header, *[",".join(r) for r in rows]]) + "\r\n").encode()
