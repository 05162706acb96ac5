"""The reconciliation window against a real HQ: the calendar coloured by state, a day's totals and
its differences, the drill-down to our sale, resolving and closing from the window."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from harness.hq import Admin, HQServer
from tests.hq.recon.bill_files import bank, trade, wechat
from tests.hq.recon.test_recon_hq import sale_event, upload, z_event
from ui.app import create_app
from ui.recon import COLOURS, ReconClient, ReconWindow


@pytest.fixture(autouse=True)
def english_ui(qapp: Any) -> None:
    """The window's own words in English: an earlier test of the run may have left the app in 简体中文."""
    create_app([], "en")


def test_finance_sees_the_days_differences_drills_down_resolves_and_closes(
        qtbot: Any, hq: HQServer, admin: Admin, finance: Admin) -> None:
    year = random.randint(2040, 2099)
    day = date(year, 7, 14)
    store = admin.new_store()
    n = random.randint(10**6, 10**7) * 100
    store.push([sale_event(store, "W-1", f"{day}T10:00:00", [("wechat", 1200)], out_trade_no=f"OT{n + 1}"),
                sale_event(store, "W-LOST", f"{day}T12:00:00", [("wechat", 640)], out_trade_no=f"OT{n + 2}"),
                z_event(store, day.isoformat(), 0)])
    finance.ok(upload(finance, wechat([trade(n + 1, 1200, f"{day} 10:00:00", store=store.code),
                                       trade(n + 3, 555, f"{day} 16:00:00", store=store.code)], day), "wx.csv"))
    statement = bank([[f"{day + timedelta(days=1)}", "09:00:00", "17.45", "", "1.00", "财付通支付科技有限公司", "结算",
                       f"B{n}"]])
    finance.ok(upload(finance, statement, "bank.csv"))

    window = ReconWindow(ReconClient(hq.url, finance.key, "en"), store.code, today=day)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.calendar.rowCount() == 1, timeout=10_000)
    wx_cell = window.calendar.item(0, 2)
    assert wx_cell.data(Qt.ItemDataRole.UserRole) == "differences"
    assert wx_cell.background().color().name() == COLOURS["differences"]

    def received_rows() -> list[int]:
        return [r for r in range(window.payouts.rowCount()) if window.payouts.item(r, 1).text() == day.isoformat()
                and window.payouts.item(r, 0).text() == "WeChat Pay"]

    # the payouts load on their own request, after the calendar's (HQ holds other tests' days too)
    qtbot.waitUntil(lambda: bool(received_rows()), timeout=30_000)
    received = received_rows()
    assert received and window.payouts.item(received[0], 4).text() == "Received"
    window.calendar.selectRow(0)
    qtbot.waitUntil(lambda: window.current is not None and window.differences.rowCount() == 2, timeout=10_000)
    assert window.totals.item(0, 2).text().endswith("18.40") and window.totals.item(0, 3).text().endswith("17.55")
    shown = sorted((window.differences.item(r, 1).text(), window.differences.item(r, 2).text())
                   for r in range(window.differences.rowCount()))
    assert [kind for kind, _ in shown] == ["Ours only (short)", "Provider only (over)"]
    assert shown[0][1].endswith("6.40") and shown[1][1].endswith("5.55")
    lost_row = next(r for r in range(window.differences.rowCount()) if window.differences.item(r, 3).text() == "W-LOST")
    window.differences.selectRow(lost_row)
    qtbot.waitUntil(lambda: "W-LOST" in window.detail.toPlainText() and "till T01" in window.detail.toPlainText(),
                    timeout=10_000)
    assert window.resolve_button.isEnabled()

    channel, difference = window.selected_difference()  # type: ignore[misc]
    window.resolve(channel, difference, "chase", "顾客未付款，已联系")
    qtbot.waitUntil(lambda: window.current is not None and window.current["open"] == 1, timeout=10_000)
    extra = next(d for c in window.current["channels"] for d in c["differences"] if d["kind"] == "theirs_only")
    window.resolve("wechat", extra, "refund_owed", "重复扣款，退给顾客")
    qtbot.waitUntil(lambda: window.current is not None and window.current["open"] == 0, timeout=10_000)
    window.close_day()
    qtbot.waitUntil(lambda: window.current is not None and window.current["closed"], timeout=10_000)
    assert window.reopen_button.isEnabled() and not window.close_button.isEnabled()
    qtbot.waitUntil(lambda: window.calendar.rowCount() == 1 and "🔒" in window.calendar.item(0, 1).text(),
                    timeout=10_000)
    window.worker.stop()


def test_an_import_from_the_window_reports_what_it_could_not_read(qtbot: Any, hq: HQServer, finance: Admin,
                                                                  tmp_path: Any) -> None:
    n = random.randint(10**6, 10**7) * 100
    text = wechat([trade(n, 100, "2033-01-02 10:00:00"), trade(n + 1, 200, "2033-01-02 11:00:00")],
                  date(2033, 1, 2)).decode().replace("`2033-01-02 11:00:00", "`2033-01-02 1x:00:00")
    path = tmp_path / "bill.csv"
    path.write_text(text)
    window = ReconWindow(ReconClient(hq.url, finance.key, "en"), "NOSUCH", today=date(2033, 1, 2))
    qtbot.addWidget(window)
    window.import_file(path)
    qtbot.waitUntil(lambda: "unreadable" in window.detail.toPlainText(), timeout=30_000)  # an import under load
    assert "1 rows, 1 new, 1 unreadable" in window.detail.toPlainText()
    assert "3: The time cannot be read" in window.detail.toPlainText()
    window.worker.stop()
