"""The cashier's flow, clicked and typed as at the till, on the real store server: the fields that
take the digits, the change that never takes the next scan, 整单取消, what is still due, one way of
writing money, the 1024×768 screen and the touch buttons."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.db.models import Operator, Override  # noqa: E402
from hardware.escpos.decoder import decode  # noqa: E402
from harness.store import (
    COLA,
    MOUTAI,
    NOODLES,
    WATER,
    StoreServer,
    make_store_server,  # noqa: E402
)
from tests.ui.conftest import WAIT_MS, idle, log_in, press, scan, till_window  # noqa: E402
from tests.ui.screen_text import visible_texts  # noqa: E402
from ui.api import ShiftClose  # noqa: E402
from ui.app import MainWindow  # noqa: E402
from ui.dialogs import (  # noqa: E402
    CashTenderDialog,
    ConfirmDialog,
    HelpDialog,
    OverrideDialog,
    ParkedTicketsDialog,
    PriceDialog,
    ProductSearchDialog,
    QuantityDialog,
)
from ui.keys import TILL_KEYS, keys_for  # noqa: E402
from ui.loyalty import CouponDialog, MemberDialog, NoReceiptReturnDialog, ReturnDialog  # noqa: E402
from ui.models import NOTE_ROLE  # noqa: E402
from ui.screenshots import SAMPLE_MEMBER, loyalty_samples  # noqa: E402
from ui.sync import SyncDialog  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
#: an amount written without the yuan sign in front: '3.50' alone (not '1.25L', not '0.512 kg')
BARE_AMOUNT = re.compile(r"(?<![\d.￥])\d+\.\d{2}(?![\d.A-Za-z])")


def dialog_of(qtbot, win: MainWindow, kind: type):
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, kind), timeout=WAIT_MS)
    return win.checkout.active_dialog


def focused() -> QWidget:
    """Where the keyboard — and a keyboard-wedge scanner — types now."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_here(qtbot, text: str, enter: bool = True) -> None:
    """Keys into whatever has the focus, as a person types them."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT_MS)
    qtbot.keyClicks(focused(), text, delay=40)
    if enter:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)


def ring_up(qtbot, win: MainWindow, *codes: str) -> None:
    for code in codes:
        scan(qtbot, win, code)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == len(codes), timeout=WAIT_MS)
    idle(qtbot, win)


# -- F3 and F7: the digits go where the cashier means them ------------------------------------------------

def test_f3_opens_with_the_quantity_field_focused_and_enter_confirms(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA)
    press(qtbot, win, Qt.Key.Key_F3)
    dialog = dialog_of(qtbot, win, QuantityDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit, timeout=WAIT_MS)
    type_here(qtbot, "4")  # replaces the 1 shown, Enter confirms
    qtbot.waitUntil(lambda: win.checkout.model.rows[0].quantity == 4, timeout=WAIT_MS)
    assert win.checkout.active_dialog is None


def test_f7_opens_with_the_price_field_focused_and_a_supervisor_allows_the_new_price(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA)
    press(qtbot, win, Qt.Key.Key_F7)
    dialog = dialog_of(qtbot, win, PriceDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit, timeout=WAIT_MS)
    type_here(qtbot, "2.90")
    override = dialog_of(qtbot, win, OverrideDialog)
    assert "主管或店长" in override.reason.text()  # a supervisor may change a price
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.operator, timeout=WAIT_MS)
    type_here(qtbot, "5001", enter=False)
    qtbot.keyClicks(override.pin, "5555")
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.model.rows[0].unit_price == 290, timeout=WAIT_MS)


# -- the change in the side panel; the next scan is the next customer's -------------------------------------

def test_a_scan_right_after_a_cash_sale_starts_the_next_ticket_and_nothing_is_lost(qtbot, window, printer) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA)
    first = checkout.ticket.id
    press(qtbot, win, Qt.Key.Key_F12)
    tender = dialog_of(qtbot, win, CashTenderDialog)
    qtbot.keyClicks(tender.edit, "10", delay=40)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    # the next customer's water, scanned straight away into whatever has the focus: no dialog takes it
    assert checkout.active_dialog is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is checkout.scan_edit, timeout=WAIT_MS)
    qtbot.keyClicks(focused(), WATER)  # a scanner's burst
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.last_completion is not None and checkout.ticket.id != first
                    and [line.barcode for line in checkout.model.rows] == [WATER], timeout=WAIT_MS)
    idle(qtbot, win)
    sale = win.ctx.client.get_ticket(first)
    assert sale.status == "completed" and [line.barcode for line in sale.lines] == [COLA]
    assert checkout.last_completion.change == 650
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    receipt = decode(printer.jobs[0]).text
    assert "可口可乐" in receipt and "农夫山泉" not in receipt
    # the side panel is the water's now
    assert (checkout.totals.due_caption.text(), checkout.totals.due.text()) == ("应收", "￥2.00")


def test_the_change_stays_in_the_side_panel_until_the_next_customers_first_item(qtbot, window) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA, WATER)
    press(qtbot, win, Qt.Key.Key_F12)
    tender = dialog_of(qtbot, win, CashTenderDialog)
    qtbot.keyClicks(tender.edit, "20", delay=40)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.totals.showing_change, timeout=WAIT_MS)
    idle(qtbot, win)
    totals = checkout.totals
    assert (totals.due_caption.text(), totals.due.text()) == ("找零", "￥14.50")
    assert (totals.total.text(), totals.paid.text()) == ("￥5.50", "￥20.00")  # the sale just done
    assert checkout.model.rows == [] and checkout.ticket.status == "open"  # the next ticket is open, empty
    assert "找零 ￥14.50" in checkout.message.text()
    scan(qtbot, win, NOODLES)
    qtbot.waitUntil(lambda: not totals.showing_change, timeout=WAIT_MS)
    assert (totals.due_caption.text(), totals.due.text()) == ("应收", "￥12.90")
    assert checkout.message.text() == ""


# -- what is still due ------------------------------------------------------------------------------------

def test_after_a_part_payment_the_big_figure_shows_what_is_still_due(qtbot, window) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ring_up(qtbot, win, NOODLES)  # ￥12.90
    press(qtbot, win, Qt.Key.Key_F12)
    tender = dialog_of(qtbot, win, CashTenderDialog)
    qtbot.keyClicks(tender.edit, "10", delay=40)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.ticket.paid == 1000, timeout=WAIT_MS)
    totals = checkout.totals
    assert (totals.due_caption.text(), totals.due.text()) == ("还需收", "￥2.90")
    assert (totals.total.text(), totals.paid.text()) == ("￥12.90", "￥10.00")
    again = dialog_of(qtbot, win, CashTenderDialog)  # the rest is asked for at once
    assert again.due_label.text() == "￥2.90"
    qtbot.keyClick(again.edit, Qt.Key.Key_Return)  # exact
    qtbot.waitUntil(lambda: totals.showing_change, timeout=WAIT_MS)
    assert totals.due.text() == "￥0.00"


@pytest.fixture(scope="module")
def promoted_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    """A store whose promotions came from HQ (方便面第二件半价, 可口可乐88折) and which rounds cash
    down to the jiao (抹分)."""
    server = make_store_server(tmp_path_factory.mktemp("promoted"), products=200,
                               extra_env={"OMNISTORE_ROUNDING": "jiao_down"})
    from app.seed import add_sample_promotions

    with server.db() as session:
        add_sample_promotions(session)
    server.start()
    yield server
    server.stop()


def test_promotions_and_rounding_have_their_rows_and_each_line_says_its_promotion(qtbot, promoted_store) -> None:
    with till_window(qtbot, promoted_store.url, promoted_store.new_till(), printer_sink=lambda _data: None) as win:
        checkout = win.checkout
        log_in(qtbot, win)
        scan(qtbot, win, f"2*{NOODLES}")  # 12.90 + 6.45
        scan(qtbot, win, COLA)  # 3.50 × 0.88 = 3.08
        scan(qtbot, win, WATER)  # 2.00, no promotion
        qtbot.waitUntil(lambda: len(checkout.model.rows) == 3, timeout=WAIT_MS)
        idle(qtbot, win)
        totals = checkout.totals
        assert totals.subtotal.text() == "￥31.30"  # at shelf prices: 25.80 + 3.50 + 2.00
        assert totals.savings.text() == "-￥6.87"  # 优惠合计: 6.45 + 0.42
        assert totals.rounding.text() == "-￥0.03"  # 抹分: 24.43 paid as 24.40
        assert (totals.total.text(), totals.due.text()) == ("￥24.40", "￥24.40")
        model = checkout.model
        notes = [model.index(row, 1).data(NOTE_ROLE) for row in range(3)]
        assert notes == ["第2件5折", "特价8.8折", ""]
        # each note shows under its line's name: a promoted line is a line taller
        assert checkout.table.rowHeight(0) > checkout.table.rowHeight(2)
        assert checkout.table.rowHeight(1) == checkout.table.rowHeight(0)


# -- 整单取消 -------------------------------------------------------------------------------------------

def test_cancelling_a_small_ticket_needs_nobody_and_the_till_starts_afresh(qtbot, window) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA, WATER)
    first = checkout.ticket.id
    press(qtbot, win, Qt.Key.Key_Delete, CTRL)
    ask = dialog_of(qtbot, win, ConfirmDialog)
    assert "2 件" in ask.question.text() and "￥5.50" in ask.question.text()
    qtbot.keyClick(ask, Qt.Key.Key_Escape)  # changed their mind
    qtbot.waitUntil(lambda: checkout.active_dialog is None, timeout=WAIT_MS)
    assert checkout.ticket.id == first and len(checkout.model.rows) == 2

    press(qtbot, win, Qt.Key.Key_Delete, CTRL)
    ask = dialog_of(qtbot, win, ConfirmDialog)
    qtbot.keyClick(ask, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.ticket.id != first, timeout=WAIT_MS)
    assert checkout.model.rows == [] and checkout.active_dialog is None
    assert "已整单取消" in checkout.message.text()
    assert win.ctx.client.get_ticket(first).status == "voided"
    scan(qtbot, win, NOODLES)  # and the till sells on
    qtbot.waitUntil(lambda: len(checkout.model.rows) == 1, timeout=WAIT_MS)


def test_cancelling_a_part_paid_ticket_from_the_touch_button_asks_a_supervisor(qtbot, window,
                                                                              store_server) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA)
    first = checkout.ticket.id
    press(qtbot, win, Qt.Key.Key_F12)
    tender = dialog_of(qtbot, win, CashTenderDialog)
    qtbot.keyClicks(tender.edit, "2", delay=40)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.ticket.paid == 200, timeout=WAIT_MS)
    qtbot.keyClick(dialog_of(qtbot, win, CashTenderDialog), Qt.Key.Key_Escape)  # the customer walks off
    qtbot.waitUntil(lambda: checkout.active_dialog is None, timeout=WAIT_MS)

    qtbot.mouseClick(checkout.more_button, Qt.MouseButton.LeftButton)
    assert checkout.more_panel.isVisible()
    qtbot.mouseClick(checkout.more_buttons["Ctrl+Delete"], Qt.MouseButton.LeftButton)
    assert not checkout.more_panel.isVisible()
    ask = dialog_of(qtbot, win, ConfirmDialog)
    assert "已收款 ￥2.00" in ask.question.text()
    qtbot.keyClick(ask, Qt.Key.Key_Return)
    override = dialog_of(qtbot, win, OverrideDialog)
    assert "主管或店长" in override.reason.text() and "整单" in override.reason.text()
    qtbot.keyClicks(override.operator, "5001", delay=40)
    qtbot.keyClicks(override.pin, "5555")
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkout.ticket.id != first, timeout=WAIT_MS)
    assert "请退还现金 ￥2.00" in checkout.message.text()
    assert win.ctx.client.get_ticket(first).status == "voided"
    with store_server.db() as session:
        who = session.scalar(select(Operator.code).join(Override, Override.authorised_by == Operator.id)
                             .where(Override.action == "void_ticket", Override.ticket_id == int(first)))
    assert who == "5001"


# -- 1024×768 and touch -------------------------------------------------------------------------------------

def test_at_1024x768_parked_tickets_show_their_count_and_total(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    ring_up(qtbot, win, MOUTAI, NOODLES, WATER, COLA)  # long names
    parked = win.checkout.ticket.id
    press(qtbot, win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: win.checkout.ticket.id != parked, timeout=WAIT_MS)
    press(qtbot, win, Qt.Key.Key_F6)
    dialog = dialog_of(qtbot, win, ParkedTicketsDialog)
    qtbot.waitExposed(dialog)
    table, header = dialog.table, dialog.table.horizontalHeader()
    viewport = table.viewport().width()
    for column, text in ((2, "4"), (3, "￥3017.40")):  # 件数, 合计
        assert table.model().index(0, column).data() == text
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= viewport
        assert header.sectionSize(column) >= table.fontMetrics().horizontalAdvance(text)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)


def test_at_1024x768_search_results_show_the_goods_names_whole(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_F2)
    search = dialog_of(qtbot, win, ProductSearchDialog)
    qtbot.keyClicks(search.query, "kkkl", delay=40)
    qtbot.waitUntil(lambda: search.model.rowCount() > 5, timeout=WAIT_MS)
    qtbot.waitExposed(search)
    table, header = search.table, search.table.horizontalHeader()
    names = [search.model.product(row).name for row in range(search.model.rowCount())]
    longest = max(names, key=table.fontMetrics().horizontalAdvance)
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance(longest), longest
    assert header.sectionViewportPosition(1) + header.sectionSize(1) <= table.viewport().width()
    assert search.width() <= win.width()
    qtbot.keyClick(search.query, Qt.Key.Key_Escape)


def test_every_ctrl_key_is_also_a_button_under_more(qtbot, window) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ctrl_keys = [key.key for key in TILL_KEYS if key.key.startswith("Ctrl")]
    assert sorted(checkout.more_buttons) == sorted(ctrl_keys)
    ring_up(qtbot, win, COLA)
    for key, kind in (("Ctrl+M", MemberDialog), ("Ctrl+Q", CouponDialog), ("Ctrl+R", ReturnDialog),
                      ("Ctrl+S", SyncDialog)):
        qtbot.mouseClick(checkout.more_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(checkout.more_buttons[key], Qt.MouseButton.LeftButton)
        dialog = dialog_of(qtbot, win, kind)
        assert not checkout.more_panel.isVisible()
        dialog.reject()
        qtbot.waitUntil(lambda: checkout.active_dialog is None, timeout=WAIT_MS)
        idle(qtbot, win)


def test_f1_help_lists_every_key_from_the_table_the_buttons_come_from(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_F1)
    help_dialog = dialog_of(qtbot, win, HelpDialog)
    caps = [label.text() for label in help_dialog.findChildren(QLabel, "keyCap")]
    assert caps == [key.key_cap for key in TILL_KEYS]
    for key in keys_for("bar"):
        assert win.checkout.function_buttons[key.key].text() == f"{key.key_cap}\n{key.caption()}"
    qtbot.keyClick(help_dialog, Qt.Key.Key_Return)


def test_return_and_coupon_lists_have_rows_and_steppers_a_finger_can_hit(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA)
    client, worker, checkout = win.ctx.client, win.worker, win.checkout
    back = ReturnDialog(client, worker, checkout)
    back.show_sale({"sale_id": "T01-20261126-0042", "lines": [
        {"id": 1, "name": "康师傅 红烧牛肉面 5连包", "paid": 1158, "returnable": 2},
        {"id": 2, "name": "可口可乐 330ml", "paid": 314, "returnable": 1}]})
    coupons = CouponDialog(client, worker, checkout.ticket.id, SAMPLE_MEMBER["coupons"], checkout)
    member = MemberDialog(client, worker, checkout)
    member.show_member(SAMPLE_MEMBER)
    no_receipt = NoReceiptReturnDialog(client, worker, checkout)
    from ui.api import Product

    no_receipt._add_row(COLA, Product("A0000001", COLA, "可口可乐 330ml", 350))
    for dialog in (back, coupons, member, no_receipt):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    for table, column in ((back.table, 3), (no_receipt.table, 2)):
        for row in range(table.rowCount()):
            assert table.rowHeight(row) >= 44
            stepper = table.cellWidget(row, column)
            assert min(stepper.height(), stepper.minus.height(), stepper.plus.height()) >= 44
            assert min(stepper.minus.width(), stepper.plus.width()) >= 44
            assert table.horizontalHeader().sectionSize(column) >= stepper.sizeHint().width()
    stepper = back.table.cellWidget(0, 3)
    qtbot.mouseClick(stepper.plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(stepper.plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(stepper.plus, Qt.MouseButton.LeftButton)  # no more than the sale had
    assert stepper.value() == 2
    qtbot.mouseClick(stepper.minus, Qt.MouseButton.LeftButton)
    assert stepper.value() == 1
    qtbot.keyClick(stepper, Qt.Key.Key_2)  # from the keyboard: the digit, then the arrows
    qtbot.keyClick(stepper, Qt.Key.Key_Down)
    assert stepper.value() == 1 and stepper.number.text() == "1"
    for choices in (coupons.choices, member.coupons):
        assert choices.count() == 2
        for row in range(choices.count()):
            assert choices.visualItemRect(choices.item(row)).height() >= 44
    for dialog in (back, coupons, member, no_receipt):
        dialog.close()


# -- who allows a no-sale ------------------------------------------------------------------------------------

def test_a_no_sale_needs_a_manager_and_a_supervisor_is_not_enough(qtbot, window, printer) -> None:
    win = window
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_F8)
    override = dialog_of(qtbot, win, OverrideDialog)
    assert "店长" in override.reason.text() and "主管" not in override.reason.text()
    qtbot.keyClicks(override.operator, "5001", delay=40)  # the supervisor
    qtbot.keyClicks(override.pin, "5555")
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, OverrideDialog)
                    and win.checkout.active_dialog is not override, timeout=WAIT_MS)
    again = win.checkout.active_dialog
    assert again.message.kind == "error" and "权限不足" in again.message.text()
    assert printer.jobs == []
    qtbot.keyClicks(again.operator, "9001", delay=40)  # the manager
    qtbot.keyClicks(again.pin, "9999")
    qtbot.keyClick(again.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "钱箱已打开" in win.checkout.message.text(), timeout=WAIT_MS)
    assert len(printer.jobs) == 1 and decode(printer.jobs[0]).named("drawer_kick")


# -- one way of writing money -------------------------------------------------------------------------------

def money_texts(widget: QWidget) -> list[str]:
    """What the widget shows, leaving out the fields a cashier types amounts into (bare numbers there)."""
    from PySide6.QtWidgets import QLineEdit

    edits = {text for edit in widget.findChildren(QLineEdit) for text in (edit.text(), edit.placeholderText())}
    return [text for text in visible_texts(widget) if text not in edits]


def test_money_is_written_one_way_everywhere_full_width_yuan_and_two_decimals(qtbot, window) -> None:
    win = window
    checkout = win.checkout
    log_in(qtbot, win)
    ring_up(qtbot, win, COLA, NOODLES)
    shown: list[str] = money_texts(win)
    press(qtbot, win, Qt.Key.Key_F12)
    tender = dialog_of(qtbot, win, CashTenderDialog)
    shown += money_texts(tender)
    qtbot.keyClicks(tender.edit, "5", delay=40)
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)  # part of it
    qtbot.waitUntil(lambda: checkout.ticket.paid == 500, timeout=WAIT_MS)
    again = dialog_of(qtbot, win, CashTenderDialog)
    shown += money_texts(again) + money_texts(win)
    again.reject()
    qtbot.waitUntil(lambda: checkout.active_dialog is None, timeout=WAIT_MS)
    press(qtbot, win, Qt.Key.Key_F7)
    price = dialog_of(qtbot, win, PriceDialog)
    shown += money_texts(price)
    price.reject()
    qtbot.waitUntil(lambda: checkout.active_dialog is None, timeout=WAIT_MS)
    for _name, make in loyalty_samples(win, checkout.ticket, "zh_CN"):
        dialog = make()
        qtbot.addWidget(dialog)
        shown += money_texts(dialog)
        dialog.close()
    win.shift_close.show_result(ShiftClose(expected=127200, counted=126850, over_short=-350))
    shown += money_texts(win.shift_close)
    amounts = [text for text in shown if re.search(r"\d\.\d\d", text)]
    assert len(amounts) > 20  # the check saw the money
    assert [text for text in shown if "¥" in text] == []  # never the half-width sign
    assert [text for text in shown if BARE_AMOUNT.search(text)] == []  # never an amount without its sign
