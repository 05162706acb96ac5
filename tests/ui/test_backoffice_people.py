"""人员 and 审计 in the back office through their real widgets against a real store server: the
manager locks and unlocks an operator by keyboard, gives a one-time PIN the operator replaces at
their next login, and the audit page lists what happened, exports it, and its verify button finds
an entry edited in the database."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt

from harness.store import StoreServer, Till
from tests.ui.conftest import WAIT_MS, till_window
from tests.ui.test_backoffice import back_office, key, sign_in
from ui.app import MainWindow
from ui.backoffice.audit import AuditPage
from ui.backoffice.staff import PinResetDialog, StaffPage
from ui.screens import ChangePinDialog


@pytest.fixture
def manager_window(qtbot, store_server: StoreServer) -> Iterator[MainWindow]:
    with till_window(qtbot, store_server.url, store_server.new_till()) as win:
        sign_in(qtbot, win, "9001", "9999")
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)
        yield win


def open_module(qtbot, win: MainWindow, digit: Qt.Key, name: str):  # type: ignore[no-untyped-def]
    key(qtbot, win, digit, Qt.KeyboardModifier.ControlModifier)
    office = back_office(win)
    qtbot.waitUntil(lambda: office.current_key == name, timeout=WAIT_MS)
    return office.page(name)


def select(qtbot, page: StaffPage, code: str) -> None:
    qtbot.waitUntil(lambda: any(op["code"] == code for op in page.rows), timeout=WAIT_MS)
    row = next(n for n, op in enumerate(page.rows) if op["code"] == code)
    page.table.setFocus()
    page.table.setCurrentCell(row, 0)
    qtbot.waitUntil(lambda: page.lock_button.isEnabled(), timeout=WAIT_MS)


def state_of(page: StaffPage, code: str) -> dict:
    return next(op for op in page.rows if op["code"] == code)


def test_the_manager_locks_and_unlocks_an_operator_by_keyboard(qtbot, manager_window: MainWindow,
                                                               store_server: StoreServer) -> None:
    code = store_server.new_operator(pin="2468")
    Till(store_server, store_server.new_till(), operator=code, pin="2468")  # a login to show
    page = open_module(qtbot, manager_window, Qt.Key.Key_6, "staff")
    assert isinstance(page, StaffPage)
    page.refresh()
    select(qtbot, page, code)
    qtbot.waitUntil(lambda: page.logins.rowCount() >= 1, timeout=WAIT_MS)
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: state_of(page, code)["locked"], timeout=WAIT_MS)
    assert page.table.item(page.table.currentRow(), 3).text() == page.state_text(state_of(page, code))
    assert "Ctrl+L" in page.lock_button.text()
    refused = requests.post(store_server.api + "/session", json={"till": "T01", "operator": code, "pin": "2468"},
                            timeout=10)
    assert refused.json()["code"] == "operator_locked"
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not state_of(page, code)["locked"], timeout=WAIT_MS)
    page.table.setCurrentCell(next(n for n, op in enumerate(page.rows) if op["code"] == "9001"), 0)
    assert not page.lock_button.isEnabled() and not page.reset_button.isEnabled()  # never oneself


def test_a_reset_pin_is_replaced_at_the_next_login(qtbot, manager_window: MainWindow,
                                                   store_server: StoreServer) -> None:
    code = store_server.new_operator(pin="2468")
    page = open_module(qtbot, manager_window, Qt.Key.Key_6, "staff")
    page.refresh()
    select(qtbot, page, code)
    opened: list[PinResetDialog] = []

    def fill() -> None:
        dialog = next(w for w in page.findChildren(PinResetDialog) if w.isVisible())
        opened.append(dialog)
        qtbot.keyClicks(dialog.pin, "3690")
        qtbot.keyClicks(dialog.again, "3690")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, fill)
    page.reset_pin()  # modal: the timer fills it in
    assert opened
    qtbot.waitUntil(lambda: state_of(page, code)["pin_change_required"], timeout=WAIT_MS)
    with till_window(qtbot, store_server.url, store_server.new_till()) as till:
        login = till.login
        qtbot.keyClicks(login.operator_edit, code)
        qtbot.keyClick(login.operator_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(login.pin_edit, "3690")
        qtbot.keyClick(login.pin_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(login.pin_dialog, ChangePinDialog), timeout=WAIT_MS)
        dialog = login.pin_dialog
        assert dialog.operator.text() == code and dialog.old.text() == "3690"
        qtbot.keyClicks(dialog.first, "8052")
        qtbot.keyClicks(dialog.again, "8052")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: till.stack.currentWidget() is not till.login, timeout=WAIT_MS)  # in, new PIN
    assert Till(store_server, store_server.new_till(), operator=code, pin="8052").login.status_code == 200


def test_the_audit_page_lists_exports_and_finds_a_broken_chain(qtbot, manager_window: MainWindow,
                                                               store_server: StoreServer, tmp_path: Path) -> None:
    cashier = Till(store_server, store_server.new_till())
    cashier.open_shift(10_000)
    opened = cashier.post("/drawer/open", {"command_id": uuid.uuid4().hex,
                                           "override": {"operator": "9001", "pin": "9999"}})
    assert opened.status_code == 200, opened.text
    page = open_module(qtbot, manager_window, Qt.Key.Key_7, "audit")
    assert isinstance(page, AuditPage)
    page.action.setCurrentIndex(page.action.findData("no_sale"))
    qtbot.keyClick(page.operator, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: any(e["till"] == cashier.till for e in page.rows), timeout=WAIT_MS)
    entry = next(e for e in page.rows if e["till"] == cashier.till)
    assert (entry["actor"], entry["approver"]) == ("1001", "9001")
    target = tmp_path / "audit.csv"
    page.export(str(target))
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert cashier.till in target.read_bytes().decode("utf-8-sig")
    qtbot.keyClick(page.operator, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=WAIT_MS)
    assert page.verdict["intact"] and page.message.kind == "success"
    database = store_server.home / "store.sqlite3"
    with sqlite3.connect(database) as raw:
        original = raw.execute("SELECT actor FROM audit_log WHERE seq = ?", (entry["seq"],)).fetchone()[0]
        raw.execute("UPDATE audit_log SET actor = '5001' WHERE seq = ?", (entry["seq"],))
    try:
        page.verdict = None
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.verdict is not None, timeout=WAIT_MS)
        assert page.verdict["broken_at"] == entry["seq"] and page.message.kind == "error"
        assert str(entry["seq"]) in page.chain.text()
    finally:
        with sqlite3.connect(database) as raw:
            raw.execute("UPDATE audit_log SET actor = ? WHERE seq = ?", (original, entry["seq"]))
