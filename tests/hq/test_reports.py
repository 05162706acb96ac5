"""HQ views: sales per store, business day and tender add up to what the stores sent."""

from __future__ import annotations

import random

from harness.hq import Admin, HQServer


def test_the_sales_report_adds_up_per_store_day_and_tender(admin: Admin, hq: HQServer) -> None:
    day1, day2 = f"20{random.randint(40, 99)}-05-01", None
    day2 = day1.replace("05-01", "05-02")
    a, b = admin.new_store("华东"), admin.new_store("华东")
    assert a.push([a.sale(1000, day=day1), a.sale(2590, [("wechat", 2000), ("cash", 590)], day=day1),
                   a.sale(500, [("alipay", 500)], day=day2)]).status_code == 200
    assert b.push([b.sale(800, [("cash", 1000)], day=day1, change=200, rounding=-10)]).status_code == 200
    report = admin.ok(admin.get("/reports/sales", **{"from": day1, "to": day2}))
    rows = {(r["store"], r["business_day"]): r for r in report["rows"]}
    assert set(rows) == {(a.code, day1), (a.code, day2), (b.code, day1)}
    assert rows[(a.code, day1)]["sales"] == 2 and rows[(a.code, day1)]["total"] == 3590
    assert rows[(a.code, day1)]["tenders"] == {"cash": 1590, "wechat": 2000}
    assert rows[(a.code, day2)]["tenders"] == {"alipay": 500}
    assert rows[(b.code, day1)]["tenders"] == {"cash": 800} and rows[(b.code, day1)]["rounding"] == -10
    assert report["totals"]["total"] == 3590 + 500 + 800 and report["totals"]["sales"] == 4
    only_a = admin.ok(admin.get("/reports/sales", **{"from": day1, "to": day1, "store": a.code}))
    assert [r["store"] for r in only_a["rows"]] == [a.code]


def test_a_channel_with_sales_read_gets_a_stores_day(admin: Admin, hq: HQServer) -> None:
    day = f"20{random.randint(40, 99)}-06-01"
    store = admin.new_store()
    sale = store.sale(1234, [("card", 1234)], day=day)
    store.push([sale])
    erp = hq.admin(admin.ok(admin.post("/admin/api-keys", {"name": "ERP", "scopes": ["sales:read"]}))["key"])
    body = erp.ok(erp.get("/open/sales", store=store.code, day=day))
    assert [(s["sale_id"], s["total"], s["tenders"]) for s in body["sales"]] == [
        (sale["payload"]["sale_id"], 1234, {"card": 1234})]
    assert erp.ok(erp.get("/reports/sales", **{"from": day, "to": day}))["totals"]["total"] >= 1234
    assert erp.get("/open/sales", store="NOPE", day=day).json()["code"] == "store_not_found"
    bad = erp.get("/reports/sales", **{"from": day, "to": "2000-01-01"})
    assert bad.status_code == 422
    assert erp.get("/reports/sales", **{"from": "not-a-day", "to": day}).json()["code"] == "invalid_request"
