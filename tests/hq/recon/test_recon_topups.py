"""Stored value in the day's vouchers, against a real HQ: a top-up paid by WeChat is owed to the card
holder (借 其他货币资金-微信 贷 预收账款-储值卡, its bonus 借 销售费用-充值赠送), a sale paid with the
card is revenue (借 预收账款-储值卡 贷 主营业务收入 / 销项税); both balance, are numbered once and
re-export byte-identical, and the accounts are HQ's to set."""

from __future__ import annotations

import json
import random
from typing import Any

from harness.hq import Admin, HQServer, Store
from tests.hq.recon.test_recon_hq import z_event


def send(store: Store, path: str, body: dict[str, Any]) -> Any:
    answer = store.send("POST", path, json.dumps(body).encode())
    assert answer.status_code == 200, answer.text
    return answer.json()


def top_up_event(store: Store, card: str, amount: int, ref: str, day: str, method: str | None) -> dict[str, Any]:
    payload = {"till": "T01", "card": card, "amount": amount, "ref": ref, "business_day": day,
               **({"method": method} if method else {})}
    return store.event("stored_value_topup", payload)


def stored_value_sale(store: Store, day: str, total: int) -> dict[str, Any]:
    sale = store.sale(total=total, day=day, tenders=[("stored_value", total)])
    return sale


def by_line(voucher: dict[str, Any]) -> dict[tuple[str, str], tuple[int, int]]:
    return {(line["code"], line["summary"]): (line["debit"], line["credit"]) for line in voucher["lines"]}


def test_a_wechat_top_up_is_a_liability_and_spending_it_is_revenue(hq: HQServer, admin: Admin,
                                                                   finance: Admin) -> None:
    day = f"{random.randint(2040, 2099)}-09-{random.randint(10, 28)}"
    store = admin.new_store()
    card = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    ref = f"{store.code}:topup-1"
    topped = send(store, "/loyalty/wallets/topup", {"card": card, "amount": 10_000, "ref": ref})
    assert (topped["principal"], topped["bonus"]) == (10_000, 2_000)  # 充100送20
    spent = send(store, "/loyalty/wallets/spend", {"card": card, "amount": 11_300, "ref": f"{store.code}:spend-1"})
    assert spent["balance"] == 700
    cash_ref = f"{store.code}:topup-2"
    send(store, "/loyalty/wallets/topup", {"card": card, "amount": 5_000, "ref": cash_ref})  # no bonus below 100
    pushed = store.push([top_up_event(store, card, 10_000, ref, day, "wechat"),
                         top_up_event(store, card, 5_000, cash_ref, day, None),  # an older till: cash
                         stored_value_sale(store, day, 11_300), z_event(store, day, 5_000)])
    assert pushed.status_code == 200 and pushed.json()["parked"] == [], pushed.text

    vouchers = finance.ok(finance.get("/erp/vouchers", date=day, store=store.code))["vouchers"]
    assert all(v["debit_total"] == v["credit_total"] for v in vouchers)
    kinds = {v["kind"]: v for v in vouchers}
    topup = by_line(kinds["topup"])
    assert topup == {("101201", "储值充值"): (10_000, 0), ("1001", "储值充值"): (5_000, 0),
                     ("660108", "充值赠送"): (2_000, 0),
                     ("220301", "储值充值"): (0, 15_000), ("220301", "充值赠送"): (0, 2_000)}
    assert not any(line["code"].startswith("6001") for line in kinds["topup"]["lines"])  # no revenue
    sales = by_line(kinds["sales"])
    assert sales[("220301", "销售收款")] == (11_300, 0)
    assert sales[("6001", "销售收入")] == (0, 10_000) and sales[("22210102", "销项税额 13%")] == (0, 1_300)
    numbers = [v["number"] for v in vouchers]
    assert len(set(numbers)) == len(numbers)

    for output in ("json", "csv", "kingdee"):
        one = finance.get("/erp/vouchers", date=day, store=store.code, format=output)
        two = finance.get("/erp/vouchers", date=day, store=store.code, format=output)
        assert one.status_code == 200 and one.content == two.content
    assert [v["number"] for v in finance.ok(finance.get("/erp/vouchers", date=day, store=store.code))["vouchers"]] \
        == numbers

    # the accounts are HQ's: a new chart applies to a day not exported yet
    other_day = f"{day[:7]}-0{random.randint(1, 9)}"
    finance.ok(finance.put("/erp/accounts", {"accounts": [
        {"role": "liability:stored_value", "code": "2241.01", "name": "其他应付款-储值"},
        {"role": "topup_bonus", "code": "6601.09", "name": "销售费用-充值赠送"}]}))
    try:
        later = f"{store.code}:topup-3"
        send(store, "/loyalty/wallets/topup", {"card": card, "amount": 10_000, "ref": later})
        assert store.push([top_up_event(store, card, 10_000, later, other_day, "alipay"),
                           z_event(store, other_day, 0)]).json()["parked"] == []
        again = finance.ok(finance.get("/erp/vouchers", date=other_day, store=store.code))["vouchers"]
        assert by_line(next(v for v in again if v["kind"] == "topup")) == {
            ("101202", "储值充值"): (10_000, 0), ("6601.09", "充值赠送"): (2_000, 0),
            ("2241.01", "储值充值"): (0, 10_000), ("2241.01", "充值赠送"): (0, 2_000)}
    finally:
        finance.ok(finance.put("/erp/accounts", {"accounts": [
            {"role": "liability:stored_value", "code": "220301", "name": "预收账款-储值卡"},
            {"role": "topup_bonus", "code": "660108", "name": "销售费用-充值赠送"}]}))
