"""A store's 日结 reaches HQ: the Z is kept once per store and day, deposits add to it, and the
sales report says which days are closed."""

from __future__ import annotations

import random

from harness.hq import Admin, HQServer


def z_event(store, day: str, z_no: int = 1, net: int = 3590, counted: int | None = 23_590):  # type: ignore[no-untyped-def]
    report = {"kind": "Z", "business_day": day, "z_no": z_no, "net_total": net, "sales_count": 2,
              "cash_counted": counted, "tenders": [{"method": "cash", "net": net}]}
    return store.event("day_closed", {"z_no": z_no, "business_day": day, "report": report})


def test_the_sales_report_shows_the_days_a_store_closed(admin: Admin, hq: HQServer) -> None:
    day = f"20{random.randint(40, 99)}-07-01"
    next_day = day.replace("07-01", "07-02")
    store = admin.new_store()
    assert store.push([store.sale(1000, day=day), store.sale(2590, day=day), store.sale(700, day=next_day),
                       z_event(store, day),
                       store.event("cash_deposited", {"z_no": 1, "business_day": day, "amount": 20_000,
                                                      "taken_by": "押运 刘强", "note": ""}),
                       store.event("cash_deposited", {"z_no": 1, "business_day": day, "amount": 3_000,
                                                      "taken_by": "店长", "note": ""}),
                       z_event(store, day, z_no=9, net=1)]).status_code == 200  # the same day again: kept once
    report = admin.ok(admin.get("/reports/sales", **{"from": day, "to": next_day, "store": store.code}))
    rows = {r["business_day"]: r for r in report["rows"]}
    assert rows[day]["closed"] == {"z_no": 1, "net_total": 3590, "sales_count": 2, "cash_counted": 23_590,
                                   "deposited": 23_000}
    assert rows[next_day]["closed"] is None


def test_a_malformed_day_close_is_parked_and_nothing_of_it_is_kept(admin: Admin, hq: HQServer) -> None:
    day = f"20{random.randint(40, 99)}-08-01"
    store = admin.new_store()
    store.push([store.sale(500, day=day)])
    bad = store.event("day_closed", {"z_no": "one", "business_day": day, "report": {}})
    no_day = store.event("cash_deposited", {"z_no": 1, "business_day": "someday", "amount": 1})
    later = store.sale(700, day=day)
    answer = store.push([bad, no_day, later])
    assert answer.status_code == 200, answer.text
    parked = {p["event_id"]: p for p in answer.json()["parked"]}
    assert parked[bad["event_id"]]["field"] == "z_no" and parked[no_day["event_id"]]["field"] == "business_day"
    rows = admin.ok(admin.get("/reports/sales", **{"from": day, "to": day, "store": store.code}))["rows"]
    assert rows[0]["closed"] is None and rows[0]["sales"] == 2  # the stream went on: the later sale counts
