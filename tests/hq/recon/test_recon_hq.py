"""对账 at a real HQ on PostgreSQL: sales pushed by a store, bills imported through the route and
the command; a sale the provider never took and a provider row we never sold show as exactly those
differences, a late payment and a refund across midnight only explained; resolving, closing,
reopening; the ERP's vouchers balance and re-export byte-identical."""

from __future__ import annotations

import base64
import io
import random
import uuid
from decimal import Decimal
from typing import Any

import openpyxl

from app.hq.recon.erp import YONYOU_COLUMNS
from harness.hq import Admin, HQServer, Store
from tests.hq.recon.bill_files import MCH, trade, wechat


def sale_event(store: Store, sale_id: str, at: str, tenders: list[tuple[str, int]], kind: str = "sale_completed",
               sku: str = "A1", **provider: str) -> dict[str, Any]:
    """A sale (or a return) as a store sends it; ``provider`` fields go on its first tender (the
    payment code's record: out_trade_no, transaction_id, out_refund_no…)."""
    total = sum(a for _, a in tenders)
    payload = {"id": 1, "till": "T01", "status": "completed",
               "lines": [{"sku": sku, "unit": "piece", "quantity": 1 if total > 0 else -1, "amount": total,
                          "voided": False}],
               "subtotal": total, "rounding": 0, "total": total, "paid": total, "change": 0,
               "tenders": [{"method": m, "amount": a} for m, a in tenders], "sale_id": sale_id, "completed_at": at}
    if provider:
        payload["tenders"][0] |= {"provider": payload["tenders"][0]["method"], **provider}  # type: ignore[index]
    return store.event(kind, payload)


def z_event(store: Store, day: str, counted: int) -> dict[str, Any]:
    report = {"kind": "Z", "business_day": day, "z_no": 1, "net_total": 0, "sales_count": 0, "cash_counted": counted,
              "cash_expected": counted, "tenders": []}
    return store.event("day_closed", {"z_no": 1, "business_day": day, "report": report})


def upload(finance: Admin, content: bytes, name: str, kind: str | None = None) -> Any:
    return finance.post("/recon/imports", {"filename": name, "kind": kind,
                                          "content": base64.b64encode(content).decode()})


def test_a_days_differences_are_exactly_the_missing_sale_and_the_extra_provider_row(
        hq: HQServer, admin: Admin, finance: Admin) -> None:
    year = random.randint(2040, 2099)
    day, next_day = f"{year}-05-10", f"{year}-05-11"
    store = admin.new_store()
    n = random.randint(10**6, 10**7) * 100  # our numbers, unique in the shared HQ
    assert store.push([
        sale_event(store, "S-1", f"{day}T10:00:03", [("wechat", 1000)], out_trade_no=f"OT{n + 1}"),
        sale_event(store, "S-2", f"{day}T11:30:02", [("wechat", 2590), ("cash", 410)], out_trade_no=f"OT{n + 2}"),
        sale_event(store, "S-MISSING", f"{day}T15:00:00", [("wechat", 880)], out_trade_no=f"OT{n + 3}"),
        # paid after midnight; a store before payment codes were recorded: matched by amount and time
        sale_event(store, "S-LATE", f"{day}T23:59:58", [("wechat", 500)]),
        sale_event(store, "S-6", f"{day}T20:00:00", [("wechat", 700)], out_trade_no=f"OT{n + 6}"),
        sale_event(store, "R-6", f"{next_day}T09:00:01", [("wechat", -300)], kind="sale_returned",
                   out_trade_no=f"OT{n + 6}", out_refund_no=f"RF{n + 6}"),
        z_event(store, day, 410),
    ]).status_code == 200
    trades = [trade(n + 1, 1000, f"{day} 10:00:00", store=store.code),
              trade(n + 2, 2590, f"{day} 11:30:00", store=store.code),
              trade(n + 5, 555, f"{day} 16:00:00", store=store.code),                      # we never sold it
              trade(n + 4, 500, f"{next_day} 00:00:03", store=store.code),
              trade(n + 6, 700, f"{day} 20:00:00", store=store.code,
                    refunds=[(f"RF{n + 6}", 300, f"{next_day} 09:00:00")])]
    from datetime import date
    first = upload(finance, wechat(trades, date.fromisoformat(day)), f"wx-{day}.csv")
    report = finance.ok(first)
    assert (report["kind"], report["merchant_id"], report["rows"], report["new_rows"]) == ("wechat", MCH, 4, 4)
    assert finance.ok(upload(finance, wechat(trades, date.fromisoformat(day)), "again.csv"))["already"] is True
    assert finance.ok(upload(finance, wechat(trades, date.fromisoformat(next_day)), "next.csv"))["new_rows"] == 2

    view = finance.ok(finance.get(f"/recon/days/{store.code}/{day}"))
    wx = next(c for c in view["channels"] if c["channel"] == "wechat")
    assert (wx["ours_paid"], wx["theirs_paid"], wx["fees"]) == (1000 + 2590 + 880 + 500 + 700, 1000 + 2590 + 555 + 700,
                                                                 6 + 16 + 3 + 4)
    actionable = sorted((d["kind"], d["amount"], (d["ours"] or {}).get("sale_id")) for d in wx["differences"]
                        if d["actionable"])
    assert actionable == [("ours_only", -880, "S-MISSING"), ("theirs_only", 555, None)]
    assert wx["state"] == "differences" and view["open"] == 2
    later = finance.ok(finance.get(f"/recon/days/{store.code}/{next_day}"))
    explained = sorted(d["kind"] for c in later["channels"] for d in c["differences"])
    # the late payment, and the refund of the day before's sale matched by its number: explained, nothing to do
    assert explained == ["refund_other_day", "timing"] and later["open"] == 0

    calendar = finance.ok(finance.get("/recon/calendar", **{"from": day, "to": next_day, "store": store.code}))
    assert [(d["day"], d["states"]["wechat"]) for d in calendar["days"]] == [(day, "differences"), (next_day, "matched")]

    missing = next(d for d in wx["differences"] if d["kind"] == "ours_only")
    detail = finance.ok(finance.get(f"/recon/sales/{store.code}/S-MISSING"))
    assert (detail["tenders"][0]["method"], detail["tenders"][0]["amount"]) == ("wechat", 880)
    assert detail["tenders"][0]["out_trade_no"] == f"OT{n + 3}" == missing["ours"]["out_trade_no"]
    refused = finance.post(f"/recon/days/{store.code}/{day}/close")
    assert refused.status_code == 409 and refused.json()["code"] == "recon_open_differences"
    finance.ok(finance.post(f"/recon/days/{store.code}/{day}/resolve",
                            {"channel": "wechat", "key": missing["key"], "action": "chase", "note": "查单：顾客未付"}))
    extra = next(d for d in wx["differences"] if d["kind"] == "theirs_only")
    resolved = finance.ok(finance.post(f"/recon/days/{store.code}/{day}/resolve",
                                       {"channel": "wechat", "key": extra["key"], "action": "refund_owed",
                                        "note": "重复扣款，退给顾客"}))
    assert resolved["open"] == 0
    closed = finance.ok(finance.post(f"/recon/days/{store.code}/{day}/close"))
    assert closed["closed"] is True and [h["action"] for h in closed["history"]] == ["chase", "refund_owed", "close"]
    again = finance.post(f"/recon/days/{store.code}/{day}/resolve",
                         {"channel": "wechat", "key": extra["key"], "action": "write_off", "note": "x"})
    assert again.status_code == 409 and again.json()["code"] == "recon_day_closed"
    reopened = finance.ok(finance.post(f"/recon/days/{store.code}/{day}/reopen", {"note": "银行回单有误"}))
    assert reopened["closed"] is False and reopened["history"][-1]["actor"] == "财务 王芳"


def test_vouchers_balance_wait_for_the_days_close_and_re_export_byte_identical(
        hq: HQServer, admin: Admin, finance: Admin) -> None:
    day = f"{random.randint(2040, 2099)}-06-0{random.randint(1, 9)}"
    store = admin.new_store()
    store.push([sale_event(store, "V-1", f"{day}T10:00:00", [("cash", 11_300)]),
                sale_event(store, "V-2", f"{day}T11:00:00", [("wechat", 5_000)]),
                sale_event(store, "V-3", f"{day}T12:00:00", [("alipay", -1_000)], kind="sale_returned")])
    refused = finance.get("/erp/vouchers", date=day, store=store.code)
    assert refused.status_code == 409 and refused.json()["code"] == "erp_day_not_closed"
    store.push([z_event(store, day, 11_300),
                store.event("cash_deposited", {"z_no": 1, "business_day": day, "amount": 11_000, "taken_by": "押运",
                                               "note": ""})])
    exported = finance.ok(finance.get("/erp/vouchers", date=day, store=store.code))
    assert exported["vouchers"] and all(v["debit_total"] == v["credit_total"] for v in exported["vouchers"])
    sales = next(v for v in exported["vouchers"] if v["kind"] == "sales")
    assert sales["debit_total"] == 11_300 + 5_000 and {line["code"] for line in sales["lines"]} >= {"1001", "101201",
                                                                                                    "101202", "6001"}
    numbers = [v["number"] for v in exported["vouchers"]]
    for output in ("kingdee", "yonyou", "csv"):
        one = finance.get("/erp/vouchers", date=day, store=store.code, format=output)
        two = finance.get("/erp/vouchers", date=day, store=store.code, format=output)
        assert one.status_code == 200 and one.content == two.content and len(one.content) > 100
    # the 用友 U8 sheet: its own headers, each voucher balanced, each 摘要 within U8's 60 bytes
    sheet = openpyxl.load_workbook(io.BytesIO(finance.get("/erp/vouchers", date=day, store=store.code,
                                                          format="yonyou").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == YONYOU_COLUMNS
    column = {name: n for n, name in enumerate(YONYOU_COLUMNS)}
    by_voucher: dict[int, list[Decimal]] = {}
    for row in rows[1:]:
        totals = by_voucher.setdefault(row[column["凭证编号"]], [Decimal(0), Decimal(0)])
        totals[0] += Decimal(str(row[column["借方金额"]]))
        totals[1] += Decimal(str(row[column["贷方金额"]]))
        assert 0 < len(row[column["摘要"]].encode("gbk")) <= 60 and row[column["凭证类别字"]] == "记"
    assert sorted(by_voucher) == sorted(numbers) and all(debit == credit for debit, credit in by_voucher.values())
    # a late sale after the export: an adjusting voucher, the exported ones untouched
    store.push([sale_event(store, "V-LATE", f"{day}T21:00:00", [("cash", 200)])])
    adjusted = finance.ok(finance.get("/erp/vouchers", date=day, store=store.code))
    assert [v["number"] for v in adjusted["vouchers"]][:len(numbers)] == numbers
    [adjust] = [v for v in adjusted["vouchers"] if v["kind"] == "adjust"]
    assert adjust["debit_total"] == adjust["credit_total"] == 200
    # finance renames an account after the export: the move is an adjusting voucher too
    before = finance.ok(finance.get("/erp/accounts"))["accounts"]
    wx = next(a for a in before if a["role"] == "tender:wechat")
    finance.ok(finance.put("/erp/accounts", {"accounts": [{"role": "tender:wechat", "code": "1015.01",
                                                           "name": "其他货币资金-微信支付"}]}))
    try:
        moved = finance.ok(finance.get("/erp/vouchers", date=day, store=store.code))["vouchers"]
    finally:
        finance.ok(finance.put("/erp/accounts", {"accounts": [wx]}))
    [move] = [v for v in moved if v["kind"] == "adjust" and v["number"] not in [a["number"] for a in
                                                                                  adjusted["vouchers"]]]
    assert {(line["code"], line["debit"], line["credit"]) for line in move["lines"]} == {("1015.01", 5_000, 0),
                                                                                        ("101201", 0, 5_000)}


def test_bad_files_are_refused_whole_with_a_clear_code(hq: HQServer, admin: Admin, finance: Admin) -> None:
    from datetime import date

    store = admin.new_store()
    n = random.randint(10**6, 10**7) * 100
    content = wechat([trade(n, 100, "2031-01-02 10:00:00", store=store.code)], date(2031, 1, 2))
    cut = upload(finance, content[: len(content) // 2], "cut.csv")
    assert cut.status_code == 422 and cut.json()["code"] == "recon_truncated"
    finance.ok(finance.put("/recon/settings", {"merchants": {"wechat": "1900000999"}}))
    try:
        other = upload(finance, content, "other.csv")
        assert other.status_code == 422 and other.json()["code"] == "recon_wrong_merchant"
    finally:
        finance.ok(finance.put("/recon/settings", {"merchants": {}}))
    nothing = finance.ok(finance.get("/recon/imports", limit=500))["imports"]
    assert not any(i["filename"] in ("cut.csv", "other.csv") for i in nothing)
    assert admin.get("/recon/imports").status_code == 200  # admin admits everything
    sales_key = admin.ok(admin.post("/admin/api-keys", {"name": "ERP", "scopes": ["sales:read"]}))["key"]
    assert hq.admin(sales_key).get("/recon/imports").status_code == 403


def test_the_command_imports_a_file_with_a_report_of_unreadable_rows(hq: HQServer, tmp_path: Any) -> None:
    from datetime import date

    n = random.randint(10**6, 10**7) * 100
    text = wechat([trade(n, 100, "2032-01-02 10:00:00"), trade(n + 1, 200, "2032-01-02 11:00:00")],
                  date(2032, 1, 2)).decode().replace("`2032-01-02 11:00:00", "`2032-13-02 11:00:00")
    path = tmp_path / f"bill-{uuid.uuid4().hex[:6]}.csv"
    path.write_text(text)
    answer = hq.cli("recon", "import", str(path), "--lang", "en", check=False)
    assert answer.returncode == 3, answer.stderr
    assert "line 3: The time cannot be read" in answer.stdout and "2 rows" not in answer.stdout
    assert "1 rows, 1 new, 1 unreadable" in answer.stdout
    again = hq.cli("recon", "import", str(path), "--lang", "en", check=False)
    assert "imported before" in again.stdout


def test_a_days_payout_is_found_on_the_bank_statement_on_its_settlement_day(
        hq: HQServer, admin: Admin, finance: Admin) -> None:
    from datetime import date, timedelta

    from tests.hq.recon.bill_files import bank

    day = date(random.randint(2040, 2099), 9, random.randint(1, 20))
    store = admin.new_store()
    n = random.randint(10**6, 10**7) * 100
    trades = [trade(n + 1, 10_000, f"{day} 10:00:00", store=store.code),
              trade(n + 2, 5_000, f"{day} 11:00:00", store=store.code, refunds=[(f"RF{n}", 1_000, f"{day} 12:00:00")])]
    finance.ok(upload(finance, wechat(trades, day), "wx.csv"))
    expected = 10_000 + 5_000 - 1_000 - (60 + 30 - 6)
    arrived = (day + timedelta(days=2)).isoformat()
    statement = bank([[arrived, "09:30:00", f"{expected / 100:.2f}", "", "1.00", "财付通支付科技有限公司", "微信支付结算",
                       f"B{n}1"],
                      [arrived, "10:00:00", "12.34", "", "1.00", "支付宝（中国）网络技术有限公司", "结算", f"B{n}2"]])
    assert finance.ok(upload(finance, statement, "bank.csv"))["kind"] == "bank"
    answer = finance.ok(finance.get("/recon/payouts", **{"from": day.isoformat(), "to": day.isoformat()}))
    [wx] = [p for p in answer["payouts"] if p["channel"] == "wechat"]
    assert (wx["expected"], wx["state"], wx["due"], wx["received_on"]) == \
        (expected, "received", (day + timedelta(days=1)).isoformat(), arrived)
    assert [(u["channel"], u["amount"]) for u in answer["unexplained"]] == [("alipay", 1234)]


def test_the_same_bill_sent_four_times_at_once_is_kept_once_and_never_answers_500(
        hq: HQServer, admin: Admin, finance: Admin) -> None:
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    store = admin.new_store()
    n = random.randint(10**6, 10**7) * 100
    content = wechat([trade(n + i, 100 + i, f"2034-02-03 10:00:0{i}", store=store.code) for i in range(5)],
                     date(2034, 2, 3))
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: upload(hq.admin(finance.key), content, "twice.csv"), range(4)))
    assert {a.status_code for a in answers} <= {200, 409}
    assert all(a.json()["code"] == "recon_raced" for a in answers if a.status_code == 409)
    kept = [a.json() for a in answers if a.status_code == 200]
    assert sum(r["new_rows"] for r in kept) == 5 and sum(1 for r in kept if not r["already"]) == 1
