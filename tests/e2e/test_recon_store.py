"""对账 in the store: the manager asks the store server, which asks HQ (on PostgreSQL) for this
store's days through its signed link. A sale paid by payment code after a refused first code, a
bill with a charge the store never sold: the day shows both differences, the sale's drill-down
carries the store's own attempt history (both attempts, each step and the provider's answer) and
the receipt; the manager resolves both and closes the day. A cashier, a bad date, an unknown sale
and HQ out of reach are each a coded refusal."""

from __future__ import annotations

import base64
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.hq.models import Sale
from harness.chain import LinkedStore
from harness.hq import Admin, HQServer
from harness.store import COLA, Till
from tests.hq.recon.bill_files import trade, wechat
from tests.payments.conftest import Paysim, linked_paying_store, payment_code, start_paysim
from tests.payments.flow import pay_code


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paysim]:
    started = start_paysim(tmp_path_factory.mktemp("recon-store-paysim"))
    yield started
    started.stop()


@pytest.fixture
def paying_store(admin: Admin, hq: HQServer, sim: Paysim, tmp_path: Path) -> Iterator[LinkedStore]:
    with linked_paying_store(admin, hq, sim, tmp_path) as linked:
        yield linked


def paid_by_code_after_a_refusal(till: Till) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A cola: the first code refused (not enough balance), the second pays; the sale completed."""
    till.open_shift()
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    refused = till.ok(pay_code(till, ticket, payment_code("wechat", "04")))
    assert refused["state"] == "failed"
    paid = till.ok(pay_code(till, ticket, payment_code("wechat")))
    assert paid["state"] == "paid"
    return till.ok(till.complete(ticket))["sale_id"], refused, paid


def a_day_with_two_differences(hq: HQServer, admin: Admin, store: LinkedStore) -> tuple[str, str, dict[str, Any],
                                                                                       dict[str, Any]]:
    """The paid-by-code sale at HQ, and the day's WeChat bill without it and with a charge we never sold."""
    sale_id, refused, paid = paid_by_code_after_a_refusal(Till(store.server, store.server.new_till()))
    store.wait_drained()
    with hq.db() as session:
        day = session.scalar(select(Sale.business_day).where(Sale.sale_id == sale_id)).isoformat()
    key = admin.ok(admin.post("/admin/api-keys", {"name": "财务", "scopes": ["finance"]}))["key"]
    finance = hq.admin(key)
    extra = trade(uuid.uuid4().int % 10**9, 321, f"{day} 12:00:00", store=store.code)  # we never sold it
    finance.ok(finance.post("/recon/imports", {"filename": f"wx-{day}.csv", "content": base64.b64encode(
        wechat([extra], date.fromisoformat(day))).decode()}))
    return day, sale_id, refused, paid


def test_the_manager_drills_down_to_the_attempts_resolves_and_closes_the_day(
        hq: HQServer, admin: Admin, paying_store: LinkedStore) -> None:
    store = paying_store
    day, sale_id, refused, paid = a_day_with_two_differences(hq, admin, store)
    manager = Till(store.server, store.server.new_till(), "9001", "9999", language="en")
    calendar = manager.ok(manager.get("/recon/calendar", params={"from": day, "to": day}))
    assert [(d["store"], d["day"], d["states"]["wechat"], d["open"]) for d in calendar["days"]] == \
        [(store.code, day, "differences", 2)]
    view = manager.ok(manager.get(f"/recon/days/{day}"))
    wx = next(c for c in view["channels"] if c["channel"] == "wechat")
    differences = {d["kind"]: d for d in wx["differences"]}
    assert (differences["ours_only"]["amount"], differences["theirs_only"]["amount"]) == (-350, 321)
    assert differences["ours_only"]["ours"]["sale_id"] == sale_id

    detail = manager.ok(manager.get(f"/recon/sales/{sale_id}"))
    assert detail["sale_id"] == sale_id and detail["tenders"][0]["out_trade_no"] == paid["out_trade_no"]
    assert [(a["out_trade_no"], a["state"], a["raw_code"]) for a in detail["attempts"]] == [
        (refused["out_trade_no"], "failed", "NOTENOUGH"), (paid["out_trade_no"], "paid", paid["raw_code"])]
    assert [s["state"] for s in detail["attempts"][1]["history"]] == ["new", "submitted", "paid"]
    last = detail["attempts"][0]["history"][-1]
    assert (last["state"], last["code"]) == ("failed", "NOTENOUGH")
    assert detail["attempts"][1]["transaction_id"] == paid["transaction_id"] and detail["refunds"] == []
    assert sale_id in detail["receipt"] and f"尾号{paid['transaction_id'][-4:]}" in detail["receipt"]

    closing = manager.post(f"/recon/days/{day}/close", {"command_id": uuid.uuid4().hex})
    assert (closing.status_code, closing.json()["code"]) == (409, "recon_open_differences")
    for d, action in ((differences["ours_only"], "chase"), (differences["theirs_only"], "refund_owed")):
        manager.ok(manager.post(f"/recon/days/{day}/resolve", {"command_id": uuid.uuid4().hex, "channel": "wechat",
                                                              "key": d["key"], "action": action, "note": "店长核对"}))
    command = uuid.uuid4().hex
    closed = manager.ok(manager.post(f"/recon/days/{day}/close", {"command_id": command}))
    assert closed["closed"] is True and closed["open"] == 0
    assert {h["actor"] for h in closed["history"]} == {f"{store.code}:9001"}
    again = manager.ok(manager.post(f"/recon/days/{day}/close", {"command_id": command}))  # a retry: the first answer
    assert again == closed
    late = manager.post(f"/recon/days/{day}/resolve", {"command_id": uuid.uuid4().hex, "channel": "wechat",
                                                       "key": differences["ours_only"]["key"], "action": "adjust",
                                                       "note": "x"})
    assert (late.status_code, late.json()["code"]) == (409, "recon_day_closed")


def test_a_cashier_bad_input_and_hq_out_of_reach_are_coded_refusals(linked_store: LinkedStore) -> None:
    store = linked_store
    cashier = Till(store.server, store.server.new_till(), language="en")
    refused = cashier.get("/recon/days/2041-03-01")
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    manager = Till(store.server, store.server.new_till(), "9001", "9999", language="en")
    bad = manager.get("/recon/days/2041-02-30")
    assert bad.status_code == 422 and bad.json()["code"]
    backwards = manager.get("/recon/calendar", params={"from": "2041-03-10", "to": "2041-03-01"})
    assert (backwards.status_code, backwards.json()["code"]) == (422, "invalid_field")
    unknown = manager.get("/recon/sales/T01-nosuchsale")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "sale_not_found")
    nothing = manager.ok(manager.get("/recon/days/2041-03-01"))  # a day with nothing: every channel empty
    assert nothing["open"] == 0 and {c["state"] for c in nothing["channels"]} == {"empty"}
    wrong = manager.post("/recon/days/2041-03-01/resolve", {"command_id": uuid.uuid4().hex, "channel": "wechat",
                                                           "key": "ours_only:pay:OTX", "action": "chase", "note": "?"})
    assert (wrong.status_code, wrong.json()["code"]) == (404, "recon_difference_not_found")
    store.proxy.cut()
    try:
        away = manager.get("/recon/days/2041-03-01")
        assert (away.status_code, away.json()["code"]) == (503, "hq_unreachable")
        assert "HQ" in away.json()["message"]
    finally:
        store.proxy.restore()


@pytest.fixture
def english_ui(qapp: Any) -> None:
    """The window's own words in English: an earlier test of the run may have left the app in 简体中文."""
    from ui.app import create_app

    create_app([], "en")


def test_the_back_offices_window_in_store_mode_shows_the_attempts_and_closes_the_day(
        qtbot: Any, english_ui: None, hq: HQServer, admin: Admin, paying_store: LinkedStore) -> None:
    from PySide6.QtCore import Qt

    from ui.api import BackOfficeClient
    from ui.recon import COLOURS, ReconWindow, StoreReconClient

    store = paying_store
    day, sale_id, refused, paid = a_day_with_two_differences(hq, admin, store)
    client = BackOfficeClient(store.server.url, "en")
    client.login(store.server.new_till(), "9001", "9999")
    window = ReconWindow(StoreReconClient(client, "en"), today=date.fromisoformat(day))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.calendar.rowCount() == 1, timeout=20_000)
    assert window.store.isReadOnly() and window.store.text() == store.code
    assert not window.import_button.isVisibleTo(window) and not window.reopen_button.isVisibleTo(window)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Calendar"]
    assert window.calendar.item(0, 2).background().color().name() == COLOURS["differences"]
    window.calendar.selectRow(0)
    qtbot.waitUntil(lambda: window.current is not None and window.differences.rowCount() == 2, timeout=20_000)
    ours = next(r for r in range(window.differences.rowCount()) if window.differences.item(r, 3).text() == sale_id)
    window.differences.selectRow(ours)
    qtbot.waitUntil(lambda: "Payment attempts:" in window.detail.toPlainText(), timeout=20_000)
    shown = window.detail.toPlainText()
    assert refused["out_trade_no"] in shown and paid["out_trade_no"] in shown and "NOTENOUGH" in shown
    assert "Receipt:" in shown and f"尾号{paid['transaction_id'][-4:]}" in shown
    for _ in range(2):
        channel, difference = next(("wechat", d) for c in window.current["channels"]  # type: ignore[index]
                                   for d in c["differences"] if d["actionable"] and not d["resolution"])
        left = window.current["open"]  # type: ignore[index]
        window.resolve(channel, difference, "chase", "店长核对")
        qtbot.waitUntil(lambda n=left: window.current is not None and window.current["open"] == n - 1,
                        timeout=20_000)
    window.close_day()
    qtbot.waitUntil(lambda: window.current is not None and window.current["closed"], timeout=20_000)
    assert not window.close_button.isEnabled() and not window.reopen_button.isEnabled()
    qtbot.waitUntil(lambda: "🔒" in window.calendar.item(0, 1).text(), timeout=20_000)
    assert window.calendar.item(0, 0).data(Qt.ItemDataRole.UserRole) == (store.code, day)
    window.worker.stop()


def test_a_returns_drill_down_shows_the_charge_and_the_refund_it_sent(paying_store: LinkedStore) -> None:
    store = paying_store
    till = Till(store.server, store.server.new_till())
    sale_id, _, paid = paid_by_code_after_a_refusal(till)
    lines = till.ok(till.get(f"/sales/{sale_id}/returnable"))["lines"]
    returned = till.ok(till.post("/returns", {"sale_id": sale_id, "command_id": uuid.uuid4().hex,
                                              "lines": [{"line_id": line["id"], "quantity": 1} for line in lines]}))
    (refund,) = returned["paycode_refunds"]
    deadline = time.monotonic() + 20
    while till.ok(till.get(f"/paycode-refunds/{refund['out_refund_no']}"))["state"] != "success":
        assert time.monotonic() < deadline, "the refund never succeeded"
        time.sleep(0.1)
    store.wait_drained()
    manager = Till(store.server, store.server.new_till(), "9001", "9999", language="en")
    detail = manager.ok(manager.get(f"/recon/sales/{returned['return_no']}"))
    assert detail["sale_id"] == returned["return_no"] and detail["total"] == -350
    assert [a["out_trade_no"] for a in detail["attempts"]][-1] == paid["out_trade_no"]
    (sent,) = detail["refunds"]
    assert (sent["out_refund_no"], sent["out_trade_no"], sent["amount"], sent["state"]) == \
        (refund["out_refund_no"], paid["out_trade_no"], 350, "success")
    assert sent["history"][0]["state"] == "new" and sent["history"][-1]["state"] == "success"
    assert returned["return_no"] in detail["receipt"] and "退货" in detail["receipt"]  # the return's slip
