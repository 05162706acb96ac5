"""The daily bills are made from what the simulator processed, survive its restart, and parse back."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.money import wire_yuan_to_fen
from app.payments.alipay import AlipayClient
from app.payments.base import BEIJING, ChargeOutcome
from app.payments.wechat import WechatPayClient
from tests.payments.conftest import Paysim, order, start_paysim


@pytest.fixture
def own_paysim(tmp_path: Path) -> Iterator[Paysim]:
    sim = start_paysim(tmp_path)
    yield sim
    sim.stop()


def parse_wechat_all(text: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Rows by header name (the format has moved columns before), and the summary."""
    lines = [line for line in text.splitlines() if line]
    header, *details, summary_header, summary = lines
    assert all(line.startswith("`") for line in details + [summary])

    def fields(line: str) -> list[str]:
        return [field.removeprefix("`") for field in line.split(",")]

    return ([dict(zip(header.split(","), fields(line), strict=True)) for line in details],
            dict(zip(summary_header.split(","), fields(summary), strict=True)))


def parse_alipay_zip(content: bytes) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """Per file: the ``#`` lines and the rows (GBK; tabs that keep Excel from reformatting are stripped)."""
    files = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("gbk")
            comments = [line for line in text.splitlines() if line.startswith("#")]
            table = [line for line in text.splitlines() if line and not line.startswith("#")]
            rows = [{k: v.strip("\t") for k, v in row.items()} for row in csv.DictReader(table)]
            files[name] = (comments, rows)
    return files


def test_the_wechat_bill_lists_each_payment_and_refund_once_in_yuan_with_a_summary(own_paysim: Paysim) -> None:
    client = WechatPayClient(own_paysim.credentials().wechat, timeout=(2.0, 5.0))  # type: ignore[arg-type]
    sold, returned = order("wechat", amount=1230), order("wechat", amount=4500)
    day = client.pay(sold).paid_at.date()  # type: ignore[union-attr]
    client.pay(returned)
    client.refund(returned.out_trade_no, returned.out_trade_no + "R", 1500, 4500)
    client.pay(order("wechat", "04", amount=999))  # refused: never on the bill
    bill = client.download_bill(day)
    assert bill.available and bill.raw_code == "SUCCESS"
    rows, summary = parse_wechat_all(bill.content.decode("utf-8"))
    assert sorted((r["商户订单号"], r["交易状态"]) for r in rows) == sorted(
        [(sold.out_trade_no, "SUCCESS"), (returned.out_trade_no, "SUCCESS"), (returned.out_trade_no, "REFUND")])
    assert {r["特约商户号"] for r in rows} == {"1900000110"} and {r["设备号"] for r in rows} == {"S001-T01"}
    refund = next(r for r in rows if r["交易状态"] == "REFUND")
    assert wire_yuan_to_fen(refund["退款金额"]) == 1500 and refund["商户退款单号"] == returned.out_trade_no + "R"
    assert summary["总交易单数"] == "3"
    assert wire_yuan_to_fen(summary["应结订单总金额"]) == 1230 + 4500
    assert wire_yuan_to_fen(summary["退款总金额"]) == 1500
    fees = sum(wire_yuan_to_fen(r["手续费"]) for r in rows)
    assert wire_yuan_to_fen(summary["手续费总金额"]) == fees


def test_a_day_without_trades_has_no_wechat_bill(own_paysim: Paysim) -> None:
    client = WechatPayClient(own_paysim.credentials().wechat, timeout=(2.0, 5.0))  # type: ignore[arg-type]
    bill = client.download_bill(date(2020, 1, 1))
    assert not bill.available and bill.raw_code == "20002" and bill.message == "No Bill Exist"


def test_the_alipay_bill_zip_holds_gbk_detail_and_summary_files(own_paysim: Paysim) -> None:
    client = AlipayClient(own_paysim.credentials().alipay, timeout=(2.0, 5.0))  # type: ignore[arg-type]
    sold, returned = order("alipay", amount=880), order("alipay", amount=2000)
    day = client.pay(sold).paid_at.date()  # type: ignore[union-attr]
    client.pay(returned)
    client.refund(returned.out_trade_no, returned.out_trade_no + "R", 500, 2000)
    bill = client.download_bill(day)
    assert bill.available and bill.filename.endswith(".csv.zip")
    files = parse_alipay_zip(bill.content)
    detail_name = next(name for name in files if name.endswith("_业务明细.csv"))
    summary_name = next(name for name in files if "汇总" in name)
    comments, rows = files[detail_name]
    assert comments[0] == "#支付宝业务明细查询"
    assert sorted((r["商户订单号"], r["业务类型"], wire_yuan_to_fen(r["订单金额（元）"])) for r in rows) == sorted(
        [(sold.out_trade_no, "交易", 880), (returned.out_trade_no, "交易", 2000), (returned.out_trade_no, "退款", -500)])
    assert any(line.startswith("#交易合计：2笔，商家实收共28.80元") for line in comments)
    summary_rows = files[summary_name][1]
    assert wire_yuan_to_fen(summary_rows[0]["商家实收（元）"]) == 880 + 2000 - 500


def test_trades_survive_a_kill_and_restart_and_the_bill_still_counts_them(own_paysim: Paysim) -> None:
    client = WechatPayClient(own_paysim.credentials().wechat, timeout=(2.0, 5.0))  # type: ignore[arg-type]
    charge = order("wechat", "01", n=2)
    assert client.pay(charge).outcome is ChargeOutcome.USERPAYING
    assert client.query(charge.out_trade_no).outcome is ChargeOutcome.USERPAYING
    own_paysim.kill()
    own_paysim.start()
    client = WechatPayClient(own_paysim.credentials().wechat, timeout=(2.0, 5.0))  # type: ignore[arg-type]
    assert client.query(charge.out_trade_no).outcome is ChargeOutcome.PAID  # the second query, after the restart
    assert client.pay(charge).outcome is ChargeOutcome.PAID  # still one trade, one charge
    assert sum(1 for t in own_paysim.trades() if t["charged"]) == 1
    tomorrow = datetime.now(BEIJING).date() + timedelta(days=1)
    assert not client.download_bill(tomorrow).available
