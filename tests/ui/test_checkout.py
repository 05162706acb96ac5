"""A cashier's whole sale on the real store server, driven through the real widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hardware.escpos.decoder import decode  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, press, scan  # noqa: E402
from ui.dialogs import (  # noqa: E402
    CashTenderDialog,
    OverrideDialog,
    PriceDialog,
    ProductSearchDialog,
    QuantityDialog,
)

COLA = "6901234567892"  # 可口可乐 330ml ￥3.50
WATER = "6901234567908"  # 农夫山泉 ￥2.00
NOODLES = "6901234567915"  # 康师傅 红烧牛肉面 ￥12.90


def lines(win):
    return win.checkout.model.rows


def active_lines(win):
    return [line for line in lines(win) if not line.voided]


def select_line(win, barcode: str) -> None:
    row = next(i for i, line in enumerate(lines(win)) if line.barcode == barcode)
    win.checkout.table.selectRow(row)


def wait_dialog(qtbot, win, kind):
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, kind), timeout=WAIT_MS)
    return win.checkout.active_dialog


def test_cashier_sells_scans_changes_voids_pays_cash_and_gets_a_receipt(qtbot, window, printer) -> None:
    win = window
    log_in(qtbot, win)
    first_ticket = win.checkout.ticket.id

    for code in (COLA, WATER, NOODLES):
        scan(qtbot, win, code)
    qtbot.waitUntil(lambda: len(lines(win)) == 3, timeout=WAIT_MS)
    assert [line.barcode for line in lines(win)] == [COLA, WATER, NOODLES]
    assert win.checkout.scan_edit.text() == ""

    # F3: three colas
    select_line(win, COLA)
    press(qtbot, win, Qt.Key.Key_F3)
    dialog = wait_dialog(qtbot, win, QuantityDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit, timeout=WAIT_MS)
    qtbot.keyClicks(QApplication.focusWidget(), "3", delay=60)  # replaces the 1 shown
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lines(win)[0].quantity == 3, timeout=WAIT_MS)

    # F4: the water goes back on the shelf
    select_line(win, WATER)
    press(qtbot, win, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: lines(win)[1].voided, timeout=WAIT_MS)
    assert [line.barcode for line in active_lines(win)] == [COLA, NOODLES]
    assert win.checkout.ticket.total == 3 * 350 + 1290
    assert win.checkout.totals.due.text() == "￥23.40"

    # F12: pay with a ￥50 note
    press(qtbot, win, Qt.Key.Key_F12)
    tender = wait_dialog(qtbot, win, CashTenderDialog)
    assert tender.due_label.text() == "￥23.40"
    qtbot.keyClicks(tender.edit, "50", delay=60)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.totals.showing_change, timeout=WAIT_MS)
    assert win.checkout.active_dialog is None  # the change is in the side panel, not in a dialog
    assert (win.checkout.totals.due_caption.text(), win.checkout.totals.due.text()) == ("找零", "￥26.60")

    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    receipt = decode(printer.jobs[0]).text
    assert "可口可乐" in receipt
    assert "康师傅" in receipt
    idle(qtbot, win)
    assert win.checkout.ticket.id != first_ticket
    assert lines(win) == []
    assert win.checkout.scan_edit.hasFocus() or not win.isActiveWindow()


def test_a_bad_scan_shows_a_red_message_and_the_next_scan_still_works(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan(qtbot, win, "6901234567891")  # wrong check digit
    qtbot.waitUntil(lambda: win.checkout.message.kind == "error", timeout=WAIT_MS)
    assert "校验" in win.checkout.message.text()
    assert win.checkout.scan_edit.text() == ""
    assert lines(win) == []

    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(lines(win)) == 1, timeout=WAIT_MS)
    assert win.checkout.message.kind != "error"


def test_a_scan_into_the_search_dialog_adds_the_item(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_F2)
    search = wait_dialog(qtbot, win, ProductSearchDialog)
    qtbot.keyClicks(search.query, NOODLES)  # a scanner burst while the focus is in the search box
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(lines(win)) == 1, timeout=WAIT_MS)
    assert lines(win)[0].barcode == NOODLES


def test_search_by_pinyin_initials_then_enter_adds_the_product(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_F2)
    search = wait_dialog(qtbot, win, ProductSearchDialog)
    search.query.setText("kkkl")
    qtbot.waitUntil(lambda: search.model.rowCount() > 0, timeout=WAIT_MS)
    assert "可口可乐" in search.model.product(0).name
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(lines(win)) == 1, timeout=WAIT_MS)
    assert "可口可乐" in lines(win)[0].name


def test_a_price_override_asks_for_a_supervisor_and_resends(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(lines(win)) == 1, timeout=WAIT_MS)
    press(qtbot, win, Qt.Key.Key_F7)
    price = wait_dialog(qtbot, win, PriceDialog)
    qtbot.keyClicks(price.edit, "2.90", delay=60)  # typed by a person, not a scanner
    qtbot.keyClick(price.edit, Qt.Key.Key_Return)
    override = wait_dialog(qtbot, win, OverrideDialog)
    qtbot.keyClicks(override.operator, "5001", delay=60)
    qtbot.keyClicks(override.pin, "5555")
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lines(win)[0].unit_price == 290, timeout=WAIT_MS)
    assert win.checkout.ticket.total == 290


def test_park_and_resume_a_ticket(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan(qtbot, win, WATER)
    qtbot.waitUntil(lambda: len(lines(win)) == 1, timeout=WAIT_MS)
    parked_id = win.checkout.ticket.id
    press(qtbot, win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: win.checkout.ticket.id != parked_id, timeout=WAIT_MS)
    assert lines(win) == []
    press(qtbot, win, Qt.Key.Key_F6)
    from ui.dialogs import ParkedTicketsDialog

    parked = wait_dialog(qtbot, win, ParkedTicketsDialog)
    assert parked.model.rowCount() == 1
    qtbot.keyClick(parked.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.ticket.id == parked_id, timeout=WAIT_MS)
    assert [line.barcode for line in lines(win)] == [WATER]
