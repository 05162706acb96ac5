"""The back office through its real widgets against a real store server: a manager's login opens
it, a cashier's never does; modules by keyboard; the dashboard's chart shows the sale just made;
the journal finds, reprints and returns a sale; X against Z; settings saved and applied."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hardware.escpos.decoder import decode
from harness.store import COLA, NOODLES, WATER, StoreServer, Till, make_store_server
from tests.ui.conftest import WAIT_MS, PrinterSpy, idle, log_in, till_window
from ui.app import MainWindow
from ui.backoffice.shell import MODULES, BackOfficeWindow, Placeholder

TODAY = date.today().isoformat()


def sign_in(qtbot, win: MainWindow, operator: str, pin: str) -> None:
    qtbot.keyClicks(win.login.operator_edit, operator)
    qtbot.keyClick(win.login.operator_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(win.login.pin_edit, pin)
    qtbot.keyClick(win.login.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is not win.login, timeout=WAIT_MS)


def key(qtbot, win: MainWindow, what: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.activeWindow() is not win:
        win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)
    target = QApplication.focusWidget() or win.backoffice
    qtbot.keyClick(target, what, modifier)


def back_office(win: MainWindow) -> BackOfficeWindow:
    assert isinstance(win.backoffice, BackOfficeWindow)
    return win.backoffice


def sell(till: Till, *codes: str) -> dict:
    ticket = till.new_ticket()
    for code in codes:
        state = till.ok(till.scan(ticket, code))
    till.ok(till.pay_cash(ticket, state["due"]))
    return till.ok(till.complete(ticket))


@pytest.fixture
def manager_window(qtbot, store_server: StoreServer, printer: PrinterSpy) -> Iterator[MainWindow]:
    with till_window(qtbot, store_server.url, store_server.new_till(), printer_sink=printer) as win:
        sign_in(qtbot, win, "9001", "9999")
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)
        yield win


def test_a_cashiers_login_never_opens_the_back_office(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window)
    assert window.backoffice is None and window.stack.currentWidget() is window.checkout
    assert not window.back_office_button.isVisible()


def test_the_modules_are_one_key_away_and_f12_is_the_till(qtbot, manager_window: MainWindow) -> None:
    win = manager_window
    office = back_office(win)
    assert [m.key for m in office.modules] == [m.key for m in MODULES]
    assert office.current_key == "overview"
    for n, module in enumerate(MODULES, start=1):
        key(qtbot, win, getattr(Qt.Key, f"Key_{n % 10}"), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda m=module: office.current_key == m.key, timeout=WAIT_MS)
        assert office.stack.currentWidget() is office.page(module.key)
    from ui.backoffice.overview import DashboardPage

    assert isinstance(office.page("overview"), DashboardPage)
    assert not isinstance(office.page("sales"), Placeholder) and not isinstance(office.page("close"), Placeholder)
    assert office.nav.visualItemRect(office.nav.item(0)).height() >= 44  # touch-friendly rows
    key(qtbot, win, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: win.stack.currentWidget() in (win.shift, win.checkout), timeout=WAIT_MS)
    assert win.stack.currentWidget() is win.shift  # this till has no shift yet: open one first
    qtbot.keyClicks(win.shift.float_edit, "300")
    qtbot.keyClick(win.shift.float_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.checkout, timeout=WAIT_MS)
    assert win.back_office_button.isVisible()  # and back again from the till's status bar
    qtbot.mouseClick(win.back_office_button, Qt.MouseButton.LeftButton)
    assert win.stack.currentWidget() is win.backoffice


def test_a_supervisor_sees_only_what_the_role_allows(qtbot, store_server: StoreServer) -> None:
    with till_window(qtbot, store_server.url, store_server.new_till()) as win:
        sign_in(qtbot, win, "5001", "5555")
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)
        keys = [m.key for m in back_office(win).modules]
        assert "settings" not in keys and "staff" not in keys and "audit" not in keys
        assert keys[:3] == ["overview", "sales", "close"]
        back_office(win).show_module("close")
        page = back_office(win).page("close")
        assert not page.z_button.isVisibleTo(page) and not page.deposit_button.isVisibleTo(page)


def test_the_dashboard_chart_shows_the_sale_just_made(qtbot, manager_window: MainWindow, till: Till) -> None:
    office = back_office(manager_window)
    page = office.page("overview")
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    before = page.data
    done = sell(till, NOODLES, COLA, COLA)  # at another till, while the manager watches
    hour = int(done["ticket"]["completed_at"][11:13])
    qtbot.waitUntil(lambda: page.data is not before and page.data.tickets == before.tickets + 1, timeout=WAIT_MS)
    assert page.chart.values[hour] == before.series[hour].total + done["total"]
    assert page.chart.bars.opts["height"][hour] == page.chart.values[hour]  # the bar itself grew
    shown = page.chart.hover(hour)
    assert shown.startswith(f"{hour:02d} 时") and f"{page.data.series[hour].tickets} 笔" in shown
    assert page.sales.value.text() == "￥" + f"{page.data.total // 100}.{page.data.total % 100:02d}"
    assert page.tickets.value.text() == str(page.data.tickets)
    mix = dict(page.data.tenders)
    assert page.mix.values[-1] == max(mix.values())  # the largest tender at the top
    assert "现金" in page.mix.labels_axis.labels
    names = [page.top_items.item(row, 0).text() for row in range(page.top_items.rowCount())]
    assert "康师傅 红烧牛肉面 5连包" in names


def test_the_dashboard_refuses_a_range_that_ends_before_it_begins(qtbot, manager_window: MainWindow) -> None:
    page = back_office(manager_window).page("overview")
    page.first.setDate(page.last.date().addDays(1))
    page.first.setMaximumDate(page.last.date().addDays(5))
    page.first.setDate(page.last.date().addDays(1))
    page.refresh()
    assert page.message.kind == "error"


def test_the_journal_finds_a_sale_reprints_it_and_starts_its_return(qtbot, manager_window: MainWindow, till: Till,
                                                                     printer: PrinterSpy) -> None:
    win = manager_window
    done = sell(till, WATER, NOODLES)
    office = back_office(win)
    key(qtbot, win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = office.page("sales")
    qtbot.waitUntil(lambda: bool(page.rows), timeout=WAIT_MS)
    page.receipt.setFocus()
    qtbot.keyClicks(page.receipt, done["sale_id"])
    qtbot.keyClick(page.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [r.sale_id for r in page.rows] == [done["sale_id"]], timeout=WAIT_MS)
    page.table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: page.sale is not None and page.sale.sale_id == done["sale_id"], timeout=WAIT_MS)
    assert page.lines.rowCount() == 2 and page.preview.pixmap().width() > 0
    assert page.receipt_png.startswith(b"\x89PNG")
    key(qtbot, win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(printer.jobs), timeout=WAIT_MS)
    reprinted = decode(printer.jobs[-1], chinese=True).text
    assert "重打小票 副本" in reprinted and done["sale_id"] in reprinted
    page.min_total.setText("abc")
    page.search()
    assert page.message.kind == "error"
    page.min_total.clear()
    # 退货: the till (after its shift is opened) with its return dialog on this sale
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.shift, timeout=WAIT_MS)
    qtbot.keyClicks(win.shift.float_edit, "300")
    qtbot.keyClick(win.shift.float_edit, Qt.Key.Key_Return)
    from ui.loyalty import ReturnDialog

    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, ReturnDialog), timeout=WAIT_MS)
    dialog = win.checkout.active_dialog
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=WAIT_MS)
    assert dialog.sale["sale_id"] == done["sale_id"] and dialog.table.rowCount() == 2
    dialog.reject()
    idle(qtbot, win)


@pytest.fixture
def own_store(tmp_path: Path) -> Iterator[StoreServer]:
    server = make_store_server(tmp_path, products=200)
    server.start()
    yield server
    server.stop()


def test_x_shows_the_day_so_far_and_z_closes_it_once(qtbot, own_store: StoreServer, tmp_path: Path) -> None:
    printer = PrinterSpy()
    cashier = Till(own_store, own_store.new_till())
    cashier.open_shift(20_000)
    done = sell(cashier, COLA, WATER)
    with till_window(qtbot, own_store.url, own_store.new_till(), printer_sink=printer) as win:
        sign_in(qtbot, win, "9001", "9999")
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)
        office = back_office(win)
        key(qtbot, win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        page = office.page("close")
        qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS)
        assert page.report["kind"] == "X" and page.report["sales_count"] == 1
        assert page.tenders.item(0, 0).text() == "现金" and page.tenders.item(0, 6).text() == "—"  # not counted yet
        assert "X 报表" in page.slip.toPlainText()
        assert not page.deposit_button.isEnabled()  # a deposit goes against a Z
        page.close_day(TODAY)  # what 日结… does once the manager says yes
        qtbot.waitUntil(lambda: page.message.kind == "error", timeout=WAIT_MS)
        assert cashier.till in page.message.text() and page.report["kind"] == "X"  # refused, nothing closed
        expected = 20_000 + done["total"]
        cashier.ok(cashier.post("/shifts/close", {"counted": expected + 100, "command_id": uuid.uuid4().hex}))
        page.close_day(TODAY)
        qtbot.waitUntil(lambda: page.report["kind"] == "Z", timeout=WAIT_MS)
        assert page.report["z_no"] == 1 and page.tenders.item(0, 7).text() == "长款 ￥1.00"
        assert "Z 报表 日结" in page.slip.toPlainText()
        qtbot.waitUntil(lambda: page.closes.rowCount() == 1, timeout=WAIT_MS)
        assert page.closes.item(0, 0).text() == "Z0001"
        key(qtbot, win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(printer.jobs), timeout=WAIT_MS)
        printed = decode(printer.jobs[-1], chinese=True).text
        assert "Z0001" in printed and "长款 ￥1.00" in printed
        page.export("xlsx", str(tmp_path / "z.xlsx"))
        qtbot.waitUntil(lambda: (tmp_path / "z.xlsx").exists(), timeout=WAIT_MS)
        from openpyxl import load_workbook

        assert load_workbook(tmp_path / "z.xlsx").sheetnames[0] == "Z 报表 日结"
        page.close_day(TODAY)  # twice: refused
        qtbot.waitUntil(lambda: page.message.kind == "error" and "Z1" in page.message.text(), timeout=WAIT_MS)
        page.ask_deposit()
        dialog = page.deposit_dialog
        assert dialog is not None and dialog.amount.text() == f"{(expected + 100) // 100}.{(expected + 100) % 100:02d}"
        dialog.amount.setText("100")
        dialog.submit()
        assert dialog.message.kind == "error"  # who took it?
        dialog.taken_by.setText("押运员 刘强")
        dialog.submit()
        qtbot.waitUntil(lambda: int(page.report.get("deposited") or 0) == 10_000, timeout=WAIT_MS)
        assert page.message.kind == "success"
        idle(qtbot, win)


def test_settings_are_saved_and_apply_to_the_next_receipt(qtbot, own_store: StoreServer) -> None:
    with till_window(qtbot, own_store.url, own_store.new_till()) as win:
        sign_in(qtbot, win, "9001", "9999")
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)
        key(qtbot, win, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
        page = back_office(win).page("settings")
        qtbot.waitUntil(lambda: bool(page.shown_values), timeout=WAIT_MS)
        page.void_limit.setText("-5")
        page.save()
        assert page.message.kind == "error"  # nothing sent
        page.void_limit.setText("80")
        page.footer.setPlainText("周三会员日")
        page.rounding.setCurrentIndex(page.rounding.findData("yuan_down"))
        page.save()
        qtbot.waitUntil(lambda: page.message.kind == "success", timeout=WAIT_MS)
        assert page.shown_values["void_line_limit"] == 8000 and page.shown_values["rounding"] == "yuan_down"
    cashier = Till(own_store, own_store.new_till())
    cashier.open_shift()
    ticket = cashier.new_ticket()
    state = cashier.ok(cashier.scan(ticket, NOODLES))
    assert state["due"] == 1200  # ￥12.90 → 抹角 ￥12.00
    cashier.ok(cashier.pay_cash(ticket, 1200))
    sale = cashier.ok(cashier.complete(ticket))
    assert "周三会员日" in cashier.get(f"/sales/{sale['sale_id']}/receipt").text
