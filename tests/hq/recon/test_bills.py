"""Reading the providers' files: by header name, every layout the providers use, and a whole file
refused when it cannot be trusted."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest

from app.hq.recon.bills import BillError, BillKind, detect, parse
from tests.hq.recon.bill_files import MCH, PID, alipay, bank, platform, trade, wechat

DAY = date(2031, 3, 15)


def sample() -> list:  # type: ignore[type-arg]
    return [trade(1, 1000, "2031-03-15 10:00:00"), trade(2, 2590, "2031-03-15 11:30:00"),
            trade(3, 700, "2031-03-14 23:00:00", refunds=[("RF3", 300, "2031-03-15 09:00:00")]),
            trade(4, 500, "2031-03-15 12:00:00", state="REVOKED")]


def test_the_wechat_all_bill_reads_charges_refunds_and_fees_by_header_name() -> None:
    content = wechat(sample(), DAY)
    assert detect(content) is BillKind.WECHAT
    bill = parse(BillKind.WECHAT, content, merchant_id=MCH)
    assert bill.merchant_id == MCH and bill.rejected == [] and (bill.first_day, bill.last_day) == (DAY, DAY)
    by_key = {row.key: row for row in bill.rows}
    assert by_key["pay:OT1"].amount == 1000 and by_key["pay:OT1"].fee == 6
    assert by_key["pay:OT1"].store_code == "S001" and by_key["pay:OT1"].at == datetime(2031, 3, 15, 10, 0)
    assert by_key["refund:RF3"].amount == 300 and by_key["refund:RF3"].out_trade_no == "OT3"
    assert by_key["refund:RF3"].fee == -2
    assert by_key["pay:OT4"].status == "REVOKED"


def test_the_legacy_wechat_layout_reads_the_same() -> None:
    header = "交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,总金额,企业红包金额,微信退款单号,商户退款单号,退款金额,企业红包退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率"
    row = "`2031-03-15 10:00:00,`wx1,`" + MCH + ",`0,`S002-T01,`42001,`OT9,`o1,`MICROPAY,`SUCCESS,`CMC,`CNY,`12.34,`0.00,`0,`0,`0.00,`0.00,`,`,`面包,`,`0.07,`0.60%"
    content = "\r\n".join([header, row, "总交易单数,总交易额,总退款金额,总企业红包退款金额,手续费总金额",
                           "`1,`12.34,`0.00,`0.00,`0.07"]).encode()
    [read] = parse(BillKind.WECHAT, content).rows
    assert (read.key, read.amount, read.fee, read.store_code) == ("pay:OT9", 1234, 7, "S002")


def test_the_alipay_zip_of_gbk_csv_reads_trades_and_refunds() -> None:
    content = alipay([trade(n, a, at, provider="alipay", refunds=r)  # type: ignore[arg-type]
                      for n, a, at, r in [(1, 1000, "2031-03-15 10:00:00", []),
                                          (2, 800, "2031-03-14 20:00:00", [("RF2", 800, "2031-03-15 08:00:00")])]],
                     DAY)
    assert detect(content) is BillKind.ALIPAY
    bill = parse(BillKind.ALIPAY, content, merchant_id=PID)
    by_key = {row.key: row for row in bill.rows}
    assert by_key["pay:OT1"].amount == 1000 and by_key["pay:OT1"].fee == 6
    assert by_key["refund:RF2"].amount == 800 and by_key["refund:RF2"].fee == -5
    assert by_key["refund:RF2"].out_trade_no == "OT2"


def test_the_platform_settlement_bill_reads_commission_subsidies_and_payout() -> None:
    content = platform("美团", [["2031-03-15", "S001", "MT1", "订单", "2031-03-15 11:00:00", "2031-03-15 11:40:00",
                                "50.00", "4.00", "3.00", "2.00", "1.00", "44.00"],
                               ["2031-03-15", "S001", "MT2", "退款", "2031-03-15 12:00:00", "2031-03-15 12:30:00",
                                "-10.00", "0.00", "0.00", "0.00", "0.00", "-10.00"]])
    assert detect(content, "settle.csv") is BillKind.MEITUAN
    bill = parse(BillKind.MEITUAN, content)
    first, refund = bill.rows
    assert (first.amount, first.commission, first.delivery_fee, first.platform_subsidy, first.merchant_subsidy,
            first.payout) == (5000, 400, 300, 200, 100, 4400)
    assert (refund.entry, refund.amount, refund.key) == ("refund", 1000, "refund:MT2")


def test_a_bank_statement_reads_credits_and_debits() -> None:
    content = bank([["2031-03-16", "10:01:02", "99.40", "", "1000.00", "财付通支付科技有限公司", "微信回款", "B001"],
                    ["2031-03-16", "15:00:00", "", "5.00", "995.00", "银行", "手续费", "B002"]])
    assert detect(content) is BillKind.BANK
    credit, debit = parse(BillKind.BANK, content).rows
    assert (credit.entry, credit.amount, credit.counterparty) == ("credit", 9940, "财付通支付科技有限公司")
    assert (debit.entry, debit.amount) == ("debit", 500)


def test_a_bill_of_another_merchant_is_refused() -> None:
    with pytest.raises(BillError) as refused:
        parse(BillKind.WECHAT, wechat(sample(), DAY), merchant_id="1900000999")
    assert refused.value.code == "recon_wrong_merchant"


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.99])
def test_a_truncated_file_is_refused(cut: float) -> None:
    content = wechat(sample(), DAY)
    with pytest.raises(BillError) as refused:
        parse(BillKind.WECHAT, content[: int(len(content) * cut)])
    assert refused.value.code == "recon_truncated"
    zipped = alipay([trade(1, 1000, "2031-03-15 10:00:00", provider="alipay")], DAY)
    with pytest.raises(BillError) as refused:
        parse(BillKind.ALIPAY, zipped[: int(len(zipped) * cut)])
    assert refused.value.code == "recon_truncated"


def test_gbk_text_that_went_through_a_utf8_decoder_is_refused() -> None:
    zipped = alipay([trade(1, 1000, "2031-03-15 10:00:00", provider="alipay")], DAY)
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        gbk = next(archive.read(n) for n in archive.namelist() if "汇总" not in n)
    mangled = gbk.decode("utf-8", errors="replace").encode("utf-8")
    with pytest.raises(BillError) as refused:
        parse(BillKind.ALIPAY, mangled)
    assert refused.value.code == "recon_mojibake"
    assert parse(BillKind.ALIPAY, gbk).rows[0].key == "pay:OT1"  # the GBK file itself reads


def test_a_row_twice_and_a_negative_fee_refuse_the_file() -> None:
    text = wechat(sample(), DAY).decode()
    lines = text.split("\r\n")
    lines[-2] = lines[-2].replace("`4,", "`5,", 1)  # the summary counts the row twice too
    twice = "\r\n".join([*lines[:5], lines[4], *lines[5:]])  # the refund row twice
    with pytest.raises(BillError) as refused:
        parse(BillKind.WECHAT, twice.encode())
    assert refused.value.code == "recon_duplicate_row"
    negative = text.replace("`0.06,`0.60%", "`-0.06,`0.60%", 1)
    with pytest.raises(BillError) as refused:
        parse(BillKind.WECHAT, negative.encode())
    assert refused.value.code == "recon_negative_fee"


def test_an_unreadable_row_is_reported_and_the_rest_read() -> None:
    text = wechat(sample(), DAY).decode().replace("`10.00", "`1O.00", 1)
    bill = parse(BillKind.WECHAT, text.encode())
    assert [(r.line, r.reason) for r in bill.rejected] == [(2, "recon_row_amount")]
    assert len(bill.rows) == 3


def test_the_platform_simulators_settlement_layout_reads_too() -> None:
    content = (b"bill_date,platform,order_no,store,status,order_amount,delivery_fee,platform_subsidy,merchant_subsidy,"
               b"customer_paid,commission,refund,payout\r\n"
               b"2031-03-15,eleme,EL1,S001,completed,50.00,3.00,2.00,1.00,50.00,8.64,2.00,38.36\r\n"
               b"2031-03-15,eleme,EL2,S001,cancelled,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00\r\n")
    assert detect(content) is BillKind.ELEME
    [row] = parse(BillKind.ELEME, content).rows
    assert (row.key, row.amount, row.commission, row.payout, row.store_code) == ("pay:EL1", 4800, 864, 3836, "S001")


def test_the_wechat_fund_flow_bill_reads_income_and_spending() -> None:
    header = "记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),账户结余(元),资金变更提交申请人,备注,业务凭证号"
    rows = ["`2031-03-16 10:00:00,`4200001,`F001,`交易,`交易,`收入,`100.00,`100.00,`system,`,`",
            "`2031-03-16 11:00:00,`4200002,`F002,`退款,`退款,`支出,`3.00,`97.00,`system,`,`"]
    summary = ["资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额", "`2,`1,`100.00,`1,`3.00"]
    content = "\r\n".join([header, *rows, *summary]).encode()
    assert detect(content) is BillKind.WECHAT_FUNDS
    income, spent = parse(BillKind.WECHAT_FUNDS, content).rows
    assert (income.entry, income.amount, income.key) == ("credit", 10_000, "flow:F001")
    assert (spent.entry, spent.amount) == ("debit", 300)
    with pytest.raises(BillError) as refused:
        parse(BillKind.WECHAT_FUNDS, "\r\n".join([header, *rows]).encode())
    assert refused.value.code == "recon_truncated"
