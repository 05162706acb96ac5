"""对账 for a store's manager at a real HQ on PostgreSQL, through the store's signed calls: the store
sees its own days only (another store's are refused with a code), drills down to its own sales,
resolves its differences and closes its day as its manager; reopening the day stays HQ finance's."""

from __future__ import annotations

import json
import random
from datetime import date

from harness.hq import Admin, HQServer, Store
from tests.hq.recon.bill_files import trade, wechat
from tests.hq.recon.test_recon_hq import sale_event, upload


def signed_post(store: Store, path: str, body: dict[str, object]) -> object:
    return store.send("POST", path, json.dumps(body, ensure_ascii=False).encode())


def test_a_store_sees_only_its_own_days_and_closes_them_as_its_manager(
        hq: HQServer, admin: Admin, finance: Admin) -> None:
    day = f"{random.randint(2040, 2099)}-06-{random.randint(10, 28)}"
    mine, other = admin.new_store(), admin.new_store()
    n = random.randint(10**6, 10**7) * 100
    assert mine.push([sale_event(mine, "M-1", f"{day}T10:00:03", [("wechat", 1000)], out_trade_no=f"OT{n + 1}"),
                      sale_event(mine, "M-GONE", f"{day}T11:00:00", [("wechat", 660)], out_trade_no=f"OT{n + 2}")]
                     ).status_code == 200
    assert other.push([sale_event(other, "O-1", f"{day}T12:00:00", [("wechat", 4200)])]).status_code == 200
    bill = wechat([trade(n + 1, 1000, f"{day} 10:00:00", store=mine.code),
                   trade(n + 9, 321, f"{day} 16:00:00", store=mine.code)], date.fromisoformat(day))
    finance.ok(upload(finance, bill, f"wx-{mine.code}-{day}.csv"))

    calendar = mine.send("GET", f"/stores/{mine.code}/recon/calendar?from={day}&to={day}")
    assert calendar.status_code == 200, calendar.text
    assert [(d["store"], d["day"], d["states"]["wechat"], d["open"]) for d in calendar.json()["days"]] == \
        [(mine.code, day, "differences", 2)]
    for path in (f"/stores/{other.code}/recon/calendar?from={day}&to={day}", f"/stores/{other.code}/recon/days/{day}",
                 f"/stores/{other.code}/recon/sales/O-1"):
        refused = mine.send("GET", path)
        assert (refused.status_code, refused.json()["code"]) == (403, "recon_other_store"), path
        assert other.code in refused.json()["message"]
    theirs = mine.send("GET", f"/stores/{mine.code}/recon/sales/O-1")  # another store's sale under our name
    assert (theirs.status_code, theirs.json()["code"]) == (404, "sale_not_found")
    assert mine.send("GET", f"/stores/{mine.code}/recon/days/{day[:5]}13-40").status_code == 422

    view = mine.send("GET", f"/stores/{mine.code}/recon/days/{day}").json()
    wx = next(c for c in view["channels"] if c["channel"] == "wechat")
    assert sorted((d["kind"], d["amount"]) for d in wx["differences"]) == [("ours_only", -660), ("theirs_only", 321)]
    sale = mine.send("GET", f"/stores/{mine.code}/recon/sales/M-GONE").json()
    assert (sale["sale_id"], sale["tenders"][0]["out_trade_no"]) == ("M-GONE", f"OT{n + 2}")

    closing = signed_post(mine, f"/stores/{mine.code}/recon/days/{day}/close", {"operator": "9001"})
    assert (closing.status_code, closing.json()["code"]) == (409, "recon_open_differences")
    for d, action in zip(sorted(wx["differences"], key=lambda d: d["kind"]), ("chase", "write_off"), strict=True):
        done = signed_post(mine, f"/stores/{mine.code}/recon/days/{day}/resolve",
                           {"channel": "wechat", "key": d["key"], "action": action, "note": "店长核对", "operator": "9001"})
        assert done.status_code == 200, done.text
    unknown = signed_post(mine, f"/stores/{mine.code}/recon/days/{day}/resolve",
                          {"channel": "wechat", "key": "ours_only:pay:OT0", "action": "chase", "note": "?",
                           "operator": "9001"})
    assert (unknown.status_code, unknown.json()["code"]) == (404, "recon_difference_not_found")
    elsewhere = signed_post(mine, f"/stores/{other.code}/recon/days/{day}/close", {"operator": "9001"})
    assert (elsewhere.status_code, elsewhere.json()["code"]) == (403, "recon_other_store")

    closed = signed_post(mine, f"/stores/{mine.code}/recon/days/{day}/close", {"operator": "9001"}).json()
    assert closed["closed"] is True
    assert [(h["action"], h["actor"]) for h in closed["history"]] == \
        [("chase", f"{mine.code}:9001"), ("write_off", f"{mine.code}:9001"), ("close", f"{mine.code}:9001")]
    reopen = signed_post(mine, f"/stores/{mine.code}/recon/days/{day}/reopen", {"note": "改错了", "operator": "9001"})
    assert (reopen.status_code, reopen.json()["code"]) == (403, "recon_reopen_hq_only")
    assert "HQ finance" in reopen.json()["message"]
    reopened = finance.ok(finance.post(f"/recon/days/{mine.code}/{day}/reopen", {"note": "门店申请更正"}))
    assert reopened["closed"] is False


def test_the_store_routes_need_the_stores_signature(hq: HQServer, admin: Admin) -> None:
    store = admin.new_store()
    unsigned = admin.get(f"/stores/{store.code}/recon/days/2041-01-01")
    assert unsigned.status_code == 401
    forged = store.send("GET", f"/stores/{store.code}/recon/days/2041-01-01", sign_as=(store.code, "0" * 64))
    assert forged.status_code == 401 and forged.json()["code"] == "bad_signature"
