"""Reprint, logout, 交班 with a blind count, and the HQ sync status, on the real store server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import requests  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from hardware.escpos.decoder import decode  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, press, scan  # noqa: E402
from ui.api import StuckEvent, SyncStatus  # noqa: E402
from ui.dialogs import CashTenderDialog  # noqa: E402
from ui.sync import SyncDialog, sync_status_text  # noqa: E402

COLA = "6901234567892"  # 可口可乐 330ml ￥3.50


def sell_cola_for_cash(qtbot, win, cash: str = "50", before_paying=None) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    if before_paying is not None:
        before_paying()
    press(qtbot, win, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, CashTenderDialog), timeout=WAIT_MS)
    tender = win.checkout.active_dialog
    before = win.checkout.last_completion
    qtbot.keyClicks(tender.edit, cash, delay=60)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)
    assert win.checkout.active_dialog is None and win.checkout.totals.showing_change
    idle(qtbot, win)


def test_a_cash_sale_prints_with_the_drawer_pulse_and_f9_reprints_without_it(qtbot, window, printer) -> None:
    win = window
    log_in(qtbot, win)
    sell_cola_for_cash(qtbot, win)
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    first = decode(printer.jobs[0])
    assert first.named("drawer_kick")

    press(qtbot, win, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=WAIT_MS)
    again = decode(printer.jobs[1])
    assert "重打小票 副本" in again.text and "重打小票 副本" not in first.text
    assert again.text.replace("** 重打小票 副本 **\n", "") == first.text  # the same sale, marked as a copy
    assert not again.named("drawer_kick")
    qtbot.waitUntil(lambda: "重打" in win.checkout.message.text(), timeout=WAIT_MS)


def test_f9_before_any_sale_says_there_is_nothing_to_reprint(qtbot, window, printer) -> None:
    win = window
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_F9)
    assert win.checkout.message.kind == "error"
    assert printer.jobs == []


def test_f10_logs_out_on_the_server_and_shows_the_login_screen(qtbot, window, store_server) -> None:
    win = window
    log_in(qtbot, win)
    token = win.ctx.client.token
    press(qtbot, win, Qt.Key.Key_F10)
    assert win.stack.currentWidget() is win.login
    idle(qtbot, win)
    assert win.ctx.client.token is None
    answer = requests.get(store_server.api + "/shifts/current", headers={"Authorization": f"Bearer {token}"}, timeout=5)
    assert answer.status_code == 401

    log_in(qtbot, win)  # the same cashier comes back: straight to the checkout, the shift is still open
    assert win.stack.currentWidget() is win.checkout


def test_closing_the_shift_during_a_ticket_is_refused_with_the_servers_chinese_message(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    press(qtbot, win, Qt.Key.Key_F11)
    screen = win.shift_close
    assert win.stack.currentWidget() is screen
    qtbot.keyClicks(screen.counted_edit, "500", delay=60)
    qtbot.keyClick(screen.counted_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.message.kind == "error", timeout=WAIT_MS)
    assert "未结束的单据" in screen.message.text()
    assert screen.result is None

    qtbot.keyClick(screen.counted_edit, Qt.Key.Key_Escape)
    assert win.stack.currentWidget() is win.checkout
    assert [line.barcode for line in win.checkout.model.rows] == [COLA]


def test_blind_count_close_shows_expected_cash_and_the_shortfall_then_logs_out(qtbot, window, store_server) -> None:
    win = window
    log_in(qtbot, win, float_yuan="500")
    sell_cola_for_cash(qtbot, win, "50")  # the drawer should now hold ￥503.50
    leftover = win.checkout.ticket.id
    press(qtbot, win, Qt.Key.Key_F11)
    screen = win.shift_close
    assert not screen.summary.isVisible()  # blind: nothing tells the cashier what to expect
    qtbot.keyClicks(screen.counted_edit, "500", delay=60)
    qtbot.keyClick(screen.counted_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=WAIT_MS)
    assert screen.expected_value.text() == "￥503.50"
    assert screen.counted_value.text() == "￥500.00"
    assert screen.over_short_caption.text() == "短款"
    assert screen.over_short_value.text() == "-￥3.50"
    idle(qtbot, win)

    qtbot.keyClick(screen.done_button, Qt.Key.Key_Return)
    assert win.stack.currentWidget() is win.login
    log_in(qtbot, win, float_yuan="300")  # the next shift asks for its float again
    idle(qtbot, win)
    assert win.checkout.ticket.id != leftover  # the empty ticket did not carry the closed shift over
    assert win.ctx.client.get_ticket(leftover).status == "voided"


def test_the_status_bar_says_not_connected_to_hq_when_the_store_is_not_enrolled(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    qtbot.waitUntil(lambda: win.sync_button.isVisible(), timeout=WAIT_MS)
    assert win.sync_button.text() == "未连接总部"

    win.sync_button.click()
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, SyncDialog), timeout=WAIT_MS)
    page = win.checkout.active_dialog
    idle(qtbot, win)
    assert page.state_label.text() == "未连接总部"
    assert page.model.rowCount() == 0
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.active_dialog is None, timeout=WAIT_MS)


def test_sync_status_lines_in_chinese(qapp) -> None:
    from ui.app import create_app

    create_app([], "zh_CN")
    from datetime import datetime

    now = datetime.now().replace(hour=14, minute=3).isoformat()
    assert sync_status_text(SyncStatus(enrolled=True, online=True, backlog=0, last_sync=now)) == \
        "总部：在线 · 待上传 0 · 最近同步 14:03"
    assert sync_status_text(SyncStatus(enrolled=True, online=False, backlog=12, last_sync=now)) == "总部：离线 · 待上传 12"
    assert sync_status_text(SyncStatus(enrolled=False)) == "未连接总部"
    assert sync_status_text(SyncStatus(enrolled=True, online=True, feed_applied=12000, catching_up=True)) == \
        "总部数据同步中 (已接收 12,000 条)"
    first_load = SyncStatus(enrolled=True, online=True, feed_applied=50_000, catching_up=True, feed_cursor=50_000,
                            feed_head=200_000)
    assert sync_status_text(first_load) == "总部数据同步中：已接收 50,000 条 (25%)"


def test_the_sync_page_lists_stuck_uploads(qtbot) -> None:
    from ui.app import create_app

    create_app([], "zh_CN")
    page = SyncDialog(None, None)
    qtbot.addWidget(page)
    page.show_status(SyncStatus(enrolled=True, online=False, backlog=3, last_error="HTTP 500"))
    page.show_stuck([StuckEvent(seq=41, event_id="e-41", kind="sale_completed", attempts=7, last_error="HTTP 500",
                                created_at="2024-05-01T14:03:22")])
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "销售"
    assert page.backlog_label.text() == "3"
    assert page.message.kind == "error"


def test_f2_on_the_login_screen_opens_diagnostics_only_for_a_supervisor(qtbot, window) -> None:
    from ui.diagnostics import DiagnosticsWindow
    from ui.dialogs import OverrideDialog

    win = window

    def authorise_with(code: str, pin: str) -> None:
        press(qtbot, win, Qt.Key.Key_F2, widget=win.login.operator_edit)
        qtbot.waitUntil(lambda: win.findChild(OverrideDialog) is not None, timeout=WAIT_MS)
        dialog = win.findChild(OverrideDialog)
        qtbot.keyClicks(dialog.operator, code)
        qtbot.keyClicks(dialog.pin, pin)
        dialog.submit()

    authorise_with("1001", "1234")  # a cashier may not
    qtbot.waitUntil(lambda: "授权" in win.login.message.text(), timeout=WAIT_MS)
    assert win.login.message.kind == "error"
    assert win.diagnostics is None
    qtbot.waitUntil(lambda: win.findChild(OverrideDialog) is None, timeout=WAIT_MS)

    authorise_with("5001", "5555")
    qtbot.waitUntil(lambda: isinstance(win.diagnostics, DiagnosticsWindow) and win.diagnostics.isVisible(),
                    timeout=WAIT_MS)
    assert win.stack.currentWidget() is win.login  # nobody was logged in by it
    assert win.ctx.client.token is None


def test_a_lost_receipt_sale_is_found_by_its_amount_and_returned_with_a_slip(qtbot, window, printer) -> None:
    from ui.loyalty import SALE_ID, ReturnDialog, sale_query

    assert SALE_ID.match("T01-20261201-0042") and not SALE_ID.match("GC-100")  # a SKU may hold a dash

    assert sale_query("￥3.50") == {"total": 350} and sale_query("800000000042") == {"member": "800000000042"}
    assert sale_query(COLA) == {"code": COLA}
    win = window
    log_in(qtbot, win)
    sales = []
    for _ in range(2):  # two sales of ￥3.50 today (other tests' may be there too)
        sell_cola_for_cash(qtbot, win)
        sales.append(win.checkout.last_completion.sale_id)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=WAIT_MS)
    win.checkout.return_dialog()  # what Ctrl+R opens (the shortcut itself is the loyalty UI test's)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, ReturnDialog), timeout=WAIT_MS)
    back = win.checkout.active_dialog
    qtbot.keyClicks(back.sale_edit, "3.50", delay=30)
    qtbot.keyClick(back.sale_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: back.matches.rowCount() >= 2, timeout=WAIT_MS)
    assert back.matches.isVisible() and str(back.matches.rowCount()) in back.message.text()
    newest = back.matches.item(0, 0).text()
    assert [back.matches.item(row, 0).text() for row in (0, 1)] == sales[::-1]  # newest first
    qtbot.keyClick(back.sale_edit, Qt.Key.Key_Return)  # Enter takes the highlighted one
    qtbot.waitUntil(lambda: back.sale is not None, timeout=WAIT_MS)
    assert back.sale_id == newest and not back.matches.isVisible() and back.table.rowCount() == 1
    back.table.cellWidget(0, 3).setValue(1)
    qtbot.keyClick(back.sale_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(printer.jobs) == 3, timeout=WAIT_MS)
    slip = decode(printer.jobs[2])
    assert "退货单" in slip.text and f"原销售单 {newest}" in slip.text and slip.named("drawer_kick")


def test_an_answer_for_a_dialog_closed_meanwhile_is_dropped(qtbot, window) -> None:
    """Esc while the card's balance is being asked: the answer finds the dialog gone and is dropped
    (touching the deleted dialog would raise in the event loop, which fails this test)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.loyalty import StoredValueDialog

    win = window
    log_in(qtbot, win)
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    press(qtbot, win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, StoredValueDialog), timeout=WAIT_MS)
    dialog = win.checkout.active_dialog
    dialog.card.setText("9123456789012345")
    dialog.look_up()  # asked on the worker: the answer is on its way
    dialog.reject()  # and the cashier pressed Esc before it came
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    idle(qtbot, win)  # the answer (this store has no HQ: an error) arrives and is dropped
    assert win.checkout.active_dialog is None
    scan(qtbot, win, COLA)  # the till carries on
    qtbot.waitUntil(lambda: sum(line.quantity for line in win.checkout.model.rows) == 2, timeout=WAIT_MS)


def test_the_sync_page_says_hqs_refusals_in_the_tills_language_with_the_year(qtbot) -> None:
    """HQ's code is translated; its own words stay in the tooltip for support. Past days show their year."""
    from app.messages import message
    from tests.ui.screen_text import english_in, visible_texts
    from ui.app import create_app

    unreachable = ("hq_unreachable: HTTPConnectionPool(host='hq.example.cn', port=443): Max retries exceeded "
                   "(Caused by NewConnectionError: Connection refused)")
    refused_zh = "unknown_store: " + message("unknown_store", "zh_CN", {"store": "S001"})
    refused_en = "unknown_store: " + message("unknown_store", "en", {"store": "S001"})
    status = SyncStatus(enrolled=True, online=False, backlog=2, last_sync="2024-05-01T14:03:00", last_error=unreachable)
    stuck = [StuckEvent(41, "e-41", "sale_completed", 7, refused_zh, "2024-05-01T13:58:10"),
             StuckEvent(42, "e-42", "shift_closed", 3, refused_en, "2024-05-01T14:01:44"),
             StuckEvent(43, "e-43", "ticket_voided", 1, "http_502: ", "2024-05-01T14:02:00")]

    create_app([], "zh_CN")
    page = SyncDialog(None, None)
    qtbot.addWidget(page)
    page.show_status(status)
    page.show_stuck(stuck)
    assert page.error_label.text().startswith("连不上总部") and page.error_label.toolTip() == unreachable
    assert [page.model.index(row, 3).data() for row in range(3)] == [
        "门店不存在或尚未开通：S001",  # HQ answered in Chinese: its words, with the store
        "门店不存在或尚未开通",  # HQ answered in English: said again from the code
        "总部返回错误（HTTP 502），稍后自动重试。"]
    assert page.model.index(0, 4).data() == "2024-05-01 13:58" and page.last_sync_label.text() == "2024-05-01 14:03"
    assert sorted({phrase for text in visible_texts(page) if "HTTPConnectionPool" not in text
                   for phrase in english_in(text)}) == []  # the tooltips keep HQ's words; nothing else is English
    page.close()

    create_app([], "en")
    try:
        page = SyncDialog(None, None)
        qtbot.addWidget(page)
        page.show_status(status)
        page.show_stuck(stuck)
        assert page.error_label.text().startswith("HQ cannot be reached")
        assert page.model.index(0, 3).data() == "Unknown or not yet enrolled store"
        assert page.model.index(1, 3).data() == "Unknown or not yet enrolled store: S001"
        page.close()
    finally:
        create_app([], "zh_CN")
