"""概览 and 销售 on a real store server: the dashboard counts the sale just made, the change feed
rings for it, the journal finds it; bad ranges and cashiers are refused."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import date, timedelta

from harness.store import COLA, NOODLES, WATER, StoreServer, Till

TODAY = date.today().isoformat()


def manager(server: StoreServer) -> Till:
    return Till(server, server.new_till(), operator="9001", pin="9999")


def sell(till: Till, *codes: str, cash: int | None = None) -> dict:
    ticket = till.new_ticket()
    for code in codes:
        state = till.ok(till.scan(ticket, code))
    till.ok(till.pay_cash(ticket, cash if cash is not None else state["due"]))
    return till.ok(till.complete(ticket))


def dashboard(who: Till, first: str = TODAY, last: str = TODAY) -> dict:
    return who.ok(who.get("/reports/dashboard", params={"from": first, "to": last}))


def test_dashboard_counts_the_sale_just_made(store_server: StoreServer, till: Till) -> None:
    boss = manager(store_server)
    before = dashboard(boss)
    done = sell(till, COLA, COLA, NOODLES, cash=5000)  # ￥19.90, change ￥30.10 (抹零 to the jiao)
    after = dashboard(boss)
    assert after["tickets"] == before["tickets"] + 1
    assert after["total"] - before["total"] == done["total"]
    assert after["items"] - before["items"] == 3
    # cash counts what stayed in the drawer: the tender less the change
    assert after["tenders"]["cash"] - before["tenders"].get("cash", 0) == 5000 - done["change"]
    hour = done["ticket"]["completed_at"][11:13]
    point = {p["label"]: p for p in after["series"]}[hour]
    assert point["total"] - {p["label"]: p for p in before["series"]}[hour]["total"] == done["total"]
    assert after["by"] == "hour" and len(after["series"]) == 24 and len(after["compare"]) == 24
    assert after["compare_first"] == (date.today() - timedelta(days=7)).isoformat()
    cola = next(item for item in after["top_items"] if item["name"] == "可口可乐 330ml")
    before_cola = next((i for i in before["top_items"] if i["name"] == "可口可乐 330ml"), {"quantity": 0})
    assert cola["quantity"] - before_cola["quantity"] == 2
    assert any(c["name"] == "饮料" for c in after["top_categories"])
    assert after["average_ticket"] == after["total"] // after["tickets"]


def test_a_voided_ticket_and_a_voided_line_show_on_the_dashboard(store_server: StoreServer, till: Till) -> None:
    boss = manager(store_server)
    before = dashboard(boss)
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, WATER))["lines"][0]["id"]
    till.ok(till.scan(ticket, COLA))
    till.ok(till.post(f"/tickets/{ticket}/lines/{line}/void", {"command_id": uuid.uuid4().hex}))
    till.ok(till.pay_cash(ticket, 350))
    till.ok(till.complete(ticket))
    voided = till.new_ticket()
    till.ok(till.scan(voided, NOODLES))
    till.ok(till.post(f"/tickets/{voided}/void", {"command_id": uuid.uuid4().hex}))
    after = dashboard(boss)
    assert (after["voided_lines"] - before["voided_lines"], after["voided_line_amount"] - before["voided_line_amount"]) \
        == (1, 200)
    assert (after["voided_tickets"] - before["voided_tickets"], after["voided_amount"] - before["voided_amount"]) \
        == (1, 1290)


def test_margin_counts_goods_with_a_cost_price(store_server: StoreServer, till: Till) -> None:
    from sqlalchemy import update

    from app.db.models import Product

    with store_server.db() as session:  # 进价 as HQ's feed would set it
        session.execute(update(Product).where(Product.sku == "A0000003").values(cost_price=1000))
        session.commit()
    boss = manager(store_server)
    before = dashboard(boss)
    sell(till, NOODLES, NOODLES)
    after = dashboard(boss)
    assert after["cost"] - before["cost"] == 2000
    assert after["costed"] - before["costed"] == 2580
    assert after["margin"] - before["margin"] == 580


def test_the_change_feed_answers_as_soon_as_a_sale_completes(store_server: StoreServer, till: Till) -> None:
    boss = manager(store_server)
    mark = boss.ok(boss.get("/reports/changes"))["mark"]
    answered: list[tuple[str, float]] = []

    def wait() -> None:
        started = time.monotonic()
        response = boss.http.get(store_server.api + "/reports/changes", params={"since": mark, "wait": 8}, timeout=30)
        answered.append((response.json()["mark"], time.monotonic() - started))

    waiting = threading.Thread(target=wait)
    waiting.start()
    time.sleep(0.5)
    assert not answered  # nothing sold yet: still waiting
    sell(till, WATER)
    waiting.join(timeout=15)
    assert answered and answered[0][0] != mark and answered[0][1] < 10
    # nothing new: the poll waits its time out and answers the same mark
    same = boss.ok(boss.get("/reports/changes", params={"since": answered[0][0], "wait": 0.3}))["mark"]
    assert same == answered[0][0]


def test_reversed_and_overlong_ranges_are_refused(store_server: StoreServer) -> None:
    boss = manager(store_server)
    reversed_range = boss.get("/reports/dashboard", params={"from": TODAY, "to": "2020-01-01"})
    assert reversed_range.status_code == 422
    assert reversed_range.json()["code"] == "invalid_range"
    assert "晚于" in reversed_range.json()["message"]
    too_long = boss.get("/reports/dashboard", params={"from": "2020-01-01", "to": TODAY})
    assert too_long.json()["code"] == "range_too_long"
    journal = boss.get("/reports/sales", params={"from": TODAY, "to": "2020-01-01"})
    assert journal.json()["code"] == "invalid_range"
    amounts = boss.get("/reports/sales", params={"from": TODAY, "to": TODAY, "min_total": 500, "max_total": 100})
    assert amounts.json()["code"] == "invalid_amount_range"
    garbage = boss.get("/reports/dashboard", params={"from": "yesterday", "to": TODAY})
    assert garbage.status_code == 422 and garbage.json()["code"] == "invalid_request"


def test_a_cashier_sees_no_reports(store_server: StoreServer, till: Till) -> None:
    for path, params in (("/reports/dashboard", {"from": TODAY, "to": TODAY}), ("/reports/changes", {}),
                         ("/reports/sales", {"from": TODAY, "to": TODAY}), ("/closing/x", {})):
        refused = till.get(path, params=params)
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden"), path


def test_the_journal_finds_a_sale_by_receipt_amount_member_cashier_and_tender(store_server: StoreServer,
                                                                              till: Till) -> None:
    boss = manager(store_server)
    done = sell(till, NOODLES, WATER, COLA)  # ￥18.40
    sale_id = done["sale_id"]

    def search(**params: object) -> list[str]:
        found = boss.ok(boss.get("/reports/sales", params={"from": TODAY, "to": TODAY, **params}))
        return [row["sale_id"] for row in found["items"]]

    assert search(receipt=sale_id) == [sale_id]
    assert sale_id in search(receipt=sale_id[:-2])  # the number's beginning
    assert sale_id in search(min_total=done["total"], max_total=done["total"])
    assert sale_id not in search(min_total=done["total"] + 1)
    assert sale_id in search(cashier="1001", tender="cash")
    assert sale_id not in search(tender="wechat")
    assert sale_id not in search(member="800000000042")
    row = boss.ok(boss.get("/reports/sales", params={"from": TODAY, "to": TODAY, "receipt": sale_id}))["items"][0]
    assert (row["items"], row["total"], row["cashier"], row["tenders"], row["till"]) == \
        (3, done["total"], "1001", ["cash"], till.till)
    one_minute = done["ticket"]["completed_at"][:16]
    assert sale_id in search(**{"from": one_minute, "to": one_minute[:14] + "59:59"})


def test_the_journal_pages_through_many_sales(store_server: StoreServer, till: Till) -> None:
    boss = manager(store_server)
    for _ in range(3):
        sell(till, WATER)
    first = boss.ok(boss.get("/reports/sales", params={"from": TODAY, "to": TODAY, "limit": 2}))
    second = boss.ok(boss.get("/reports/sales", params={"from": TODAY, "to": TODAY, "limit": 2, "offset": 2}))
    assert first["more"] and len(first["items"]) == 2
    assert not {r["sale_id"] for r in first["items"]} & {r["sale_id"] for r in second["items"]}
