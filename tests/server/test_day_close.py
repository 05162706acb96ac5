"""交班与日结 on a store server of its own (a Z closes the whole store's day): X any time, Z once,
after every shift, numbered; printed in Chinese, exported, sent to HQ; deposits against it."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.models import CashDeposit, DayClose, OutboxEvent
from hardware.escpos.decoder import decode
from harness.store import COLA, NOODLES, WATER, StoreServer, Till, make_store_server

TODAY = date.today().isoformat()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoreServer]:
    server = make_store_server(tmp_path, products=200)
    server.start()
    yield server
    server.stop()


def manager(server: StoreServer) -> Till:
    return Till(server, server.new_till(), operator="9001", pin="9999")


def sell(till: Till, *codes: str, cash: int | None = None) -> dict:
    ticket = till.new_ticket()
    for code in codes:
        state = till.ok(till.scan(ticket, code))
    till.ok(till.pay_cash(ticket, cash if cash is not None else state["due"]))
    return till.ok(till.complete(ticket))


def close_shift(till: Till, counted: int) -> dict:
    return till.ok(till.post("/shifts/close", {"counted": counted, "command_id": uuid.uuid4().hex}))


def close_day(who: Till, day: str = TODAY, command_id: str | None = None):  # type: ignore[no-untyped-def]
    return who.post("/closing/z", {"day": day, "command_id": command_id or uuid.uuid4().hex})


def nothing_closed(server: StoreServer) -> bool:
    with server.db() as session:
        closes = session.scalar(select(func.count()).select_from(DayClose))
        events = session.scalar(select(func.count()).where(OutboxEvent.kind == "day_closed"))
    return closes == 0 and events == 0


def a_day_of_trade(store: StoreServer) -> tuple[Till, dict, dict]:
    till = Till(store, store.new_till())
    till.open_shift(20_000)
    first = sell(till, COLA, NOODLES, cash=2000)  # ￥16.40 → change ￥3.60
    second = sell(till, WATER, WATER)  # ￥4.00
    return till, first, second


def test_an_x_report_shows_the_day_so_far_and_closes_nothing(store: StoreServer) -> None:
    till, first, second = a_day_of_trade(store)
    boss = manager(store)
    x = boss.ok(boss.get("/closing/x"))
    assert (x["kind"], x["business_day"], x["z_no"]) == ("X", TODAY, None)
    assert x["sales_count"] == 2 and x["sales_total"] == first["total"] + second["total"]
    cash = next(t for t in x["tenders"] if t["method"] == "cash")
    assert cash["taken"] == 2000 + second["total"] and cash["change"] == first["change"]
    assert cash["net"] == first["total"] + second["total"]
    assert cash["expected"] == 20_000 + cash["net"] and cash["counted"] is None  # the shift is still open
    assert x["shifts_open"] == 1 and x["reconciles"]
    assert {t["rate_bp"] for t in x["taxes"]} == {1300}
    assert sum(t["gross"] for t in x["taxes"]) == x["net_total"]
    assert x["cashiers"][0]["code"] == "1001" and x["cashiers"][0]["sales"] == 2
    assert nothing_closed(store)
    supervisor = Till(store, store.new_till(), operator="5001", pin="5555")
    assert supervisor.ok(supervisor.get("/closing/x"))["sales_count"] == 2  # a supervisor may read an X


def test_a_z_with_a_shift_open_is_refused_and_posts_nothing(store: StoreServer) -> None:
    till, _, _ = a_day_of_trade(store)
    refused = close_day(manager(store))
    assert refused.status_code == 409
    assert refused.json()["code"] == "shift_still_open"
    assert till.till in refused.json()["message"]
    assert nothing_closed(store)


def test_a_z_closes_the_day_once_numbered_and_after_every_shift(store: StoreServer) -> None:
    till, first, second = a_day_of_trade(store)
    expected = 20_000 + first["total"] + second["total"]
    close_shift(till, expected - 50)  # ￥0.50 short
    boss = manager(store)
    command_id = uuid.uuid4().hex
    z = boss.ok(close_day(boss, command_id=command_id))
    assert (z["kind"], z["z_no"], z["business_day"]) == ("Z", 1, TODAY)
    assert (z["cash_expected"], z["cash_counted"], z["cash_over_short"]) == (expected, expected - 50, -50)
    cash = next(t for t in z["tenders"] if t["method"] == "cash")
    assert (cash["expected"], cash["counted"], cash["over_short"]) == (expected, expected - 50, -50)
    assert z["shifts"][0]["over_short"] == -50 and z["shifts_open"] == 0
    assert boss.ok(close_day(boss, command_id=command_id)) == z  # the same command again: the same answer
    again = close_day(boss)
    assert (again.status_code, again.json()["code"]) == (409, "day_already_closed")
    assert "Z1" in again.json()["message"]
    with store.db() as session:
        events = session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "day_closed")).all()
    assert len(events) == 1 and events[0].payload["z_no"] == 1 and events[0].payload["report"]["net_total"] == \
        z["net_total"]
    assert boss.ok(boss.get("/closing/z/1")) == z
    listed = boss.ok(boss.get("/closing/z", params={"from": TODAY, "to": TODAY}))["items"]
    assert [(row["z_no"], row["business_day"]) for row in listed] == [(1, TODAY)]
    assert boss.ok(boss.get("/closing/x"))["z_no"] == 1  # an X of a closed day says which Z closed it


def test_only_a_manager_closes_the_day(store: StoreServer) -> None:
    supervisor = Till(store, store.new_till(), operator="5001", pin="5555")
    refused = close_day(supervisor)
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    assert nothing_closed(store)


def test_a_z_for_a_day_to_come_is_refused(store: StoreServer) -> None:
    refused = close_day(manager(store), (date.today() + timedelta(days=1)).isoformat())
    assert (refused.status_code, refused.json()["code"]) == (422, "day_in_future")
    assert nothing_closed(store)


def test_a_z_prints_in_chinese_on_the_receipt_printer_and_exports(store: StoreServer) -> None:
    till, first, second = a_day_of_trade(store)
    close_shift(till, 20_000 + first["total"] + second["total"] + 100)  # ￥1.00 over
    boss = manager(store)
    boss.ok(close_day(boss))
    printed = boss.get("/closing/z/1", params={"format": "escpos", "profile": "58mm"})
    assert printed.status_code == 200
    job = decode(printed.content, chinese=True)
    text = job.text
    assert "Z 报表 日结" in text and "日结号" in text and "Z0001" in text
    assert "长短款" in text and "长款 ￥1.00" in text
    assert "营业日" in text and TODAY in text
    assert printed.content.startswith(b"\x1b@") and b"\x1dV" in printed.content  # init … cut
    assert "销售额".encode("gb18030") in printed.content  # the printer's own encoding, not UTF-8
    english = boss.get("/closing/z/1", params={"format": "text"}, headers={"Accept-Language": "en"})
    assert "Z report (day close)" in english.text and "over ￥1.00" in english.text

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(boss.get("/closing/z/1", params={"format": "xlsx"}).content))
    assert book.sheetnames[:2] == ["Z 报表 日结", "支付方式"]
    tenders = list(book["支付方式"].iter_rows(values_only=True))
    assert tenders[1][0] == "现金" and tenders[1][4] == (first["total"] + second["total"]) / 100
    csv_text = boss.get("/closing/z/1", params={"format": "csv"}).content.decode("utf-8")
    assert csv_text.startswith("\ufeff分类,项目,数值") and "净销售额" in csv_text
    bad = boss.get("/closing/z/1", params={"format": "pdf"})
    assert bad.json()["code"] == "unknown_format"
    assert boss.get("/closing/z/9").json()["code"] == "z_not_found"


def test_cash_deposits_are_recorded_against_the_z_with_who_took_the_money(store: StoreServer) -> None:
    till, first, second = a_day_of_trade(store)
    counted = 20_000 + first["total"] + second["total"]
    close_shift(till, counted)
    boss = manager(store)
    boss.ok(close_day(boss))

    def deposit(amount: int, taken_by: str = "工行押运 刘强"):  # type: ignore[no-untyped-def]
        return boss.post("/closing/z/1/deposits", {"amount": amount, "taken_by": taken_by, "note": "",
                                                   "command_id": uuid.uuid4().hex})

    made = boss.ok(deposit(10_000))
    assert (made["deposited"], made["left"]) == (10_000, counted - 10_000)
    too_much = deposit(counted)
    assert (too_much.status_code, too_much.json()["code"]) == (409, "deposit_exceeds_cash")
    nobody = deposit(100, "  ")
    assert (nobody.status_code, nobody.json()["code"]) == (422, "deposit_taker_required")
    negative = deposit(-100)
    assert negative.json()["code"] == "invalid_amount"
    unknown = boss.post("/closing/z/7/deposits", {"amount": 100, "taken_by": "x", "command_id": uuid.uuid4().hex})
    assert unknown.json()["code"] == "z_not_found"
    z = boss.ok(boss.get("/closing/z/1"))
    assert z["deposited"] == 10_000 and z["deposits"][0]["taken_by"] == "工行押运 刘强"
    assert z["deposits"][0]["recorded_by"].startswith("9001")
    with store.db() as session:
        assert session.scalar(select(func.count()).select_from(CashDeposit)) == 1
        event = session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "cash_deposited")).one()
    assert (event.payload["z_no"], event.payload["amount"], event.payload["taken_by"]) == (1, 10_000, "工行押运 刘强")


def test_returns_and_card_movements_reconcile_on_the_z(store: StoreServer) -> None:
    till = Till(store, store.new_till())
    till.open_shift(10_000)
    sale = sell(till, NOODLES, COLA, cash=2000)
    line = sale["ticket"]["lines"][0]
    returned = till.ok(till.post("/returns", {"sale_id": sale["sale_id"], "reason": "",
                                              "lines": [{"line_id": line["id"], "quantity": 1}],
                                              "command_id": uuid.uuid4().hex}))
    boss = manager(store)
    x = boss.ok(boss.get("/closing/x"))
    assert (x["returns_count"], x["returns_total"]) == (1, returned["total"])
    assert x["net_total"] == sale["total"] - returned["total"]
    cash = next(t for t in x["tenders"] if t["method"] == "cash")
    assert cash["refunded"] == returned["cash"] and cash["net"] == x["net_total"]
    assert cash["expected"] == 10_000 + x["net_total"]
    assert sum(t["gross"] for t in x["taxes"]) == x["net_total"]
    assert x["reconciles"]


def test_no_shift_opens_on_a_day_already_closed(store: StoreServer) -> None:
    boss = manager(store)
    boss.ok(close_day(boss))  # a quiet day: nothing sold, nothing open
    late = Till(store, store.new_till())
    refused = late.post("/shifts/open", {"float": 10_000})
    assert (refused.status_code, refused.json()["code"]) == (409, "day_already_closed")


def test_the_summaries_kept_sale_by_sale_match_a_rebuild_from_the_sales(store: StoreServer) -> None:
    """What each sale adds to the dashboard's tables in its own transaction is exactly what working
    them out again from all the sales gives (the way a store upgraded with old sales gets them)."""
    from sqlalchemy import text, update

    from app.db.models import Product
    from app.reports import rebuild_summaries

    with store.db() as session:
        session.execute(update(Product).where(Product.sku.in_(["A0000001", "A0000007"])).values(cost_price=210))
        session.commit()
    till = Till(store, store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, WATER))["lines"][0]["id"]
    till.ok(till.scan(ticket, COLA, quantity=3))
    till.ok(till.scan(ticket, "1001", quantity=745))  # 红富士 0.745 kg
    till.ok(till.post(f"/tickets/{ticket}/lines/{line}/void", {"command_id": uuid.uuid4().hex}))
    due = till.ok(till.get(f"/tickets/{ticket}"))["due"]
    till.ok(till.pay_cash(ticket, due + 1000))
    till.ok(till.complete(ticket))
    sell(till, NOODLES, COLA)
    voided = till.new_ticket()
    till.ok(till.scan(voided, NOODLES))
    till.ok(till.post(f"/tickets/{voided}/void", {"command_id": uuid.uuid4().hex}))
    tables = ("sales_hourly", "sales_tenders_hourly", "sales_items_daily", "sales_items_monthly",
              "sales_categories_daily")

    def snapshot() -> dict[str, list[tuple]]:
        with store.db() as session:
            return {t: sorted(tuple(r) for r in session.execute(text(f"SELECT * FROM {t}"))) for t in tables}

    kept = snapshot()
    assert kept["sales_hourly"] and kept["sales_items_daily"]
    with store.db() as session:
        rebuild_summaries(session)
        session.commit()
    assert snapshot() == kept
