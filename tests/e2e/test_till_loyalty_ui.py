"""The cashier's side of members, coupons, stored value and returns: the real till window
(pytest-qt) against a store server enrolled with a real HQ."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.hq import clock  # noqa: E402
from hardware.escpos.decoder import decode  # noqa: E402
from harness.chain import LinkedStore  # noqa: E402
from harness.hq import Admin  # noqa: E402
from tests.e2e.test_till_gift_cards_returns import GIFT  # noqa: E402
from tests.e2e.test_till_loyalty import NOODLES, WATER, coupon_state, coupons  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, press, scan, till_window  # noqa: E402
from ui.app import MainWindow  # noqa: E402
from ui.dialogs import CashTenderDialog, OverrideDialog  # noqa: E402
from ui.loyalty import (  # noqa: E402
    CouponDialog,
    GiftCardDialog,
    MemberDialog,
    NoReceiptReturnDialog,
    ReturnDialog,
    StoredValueDialog,
)


@pytest.fixture
def till(qtbot, linked_store: LinkedStore) -> Iterator[MainWindow]:
    with till_window(qtbot, linked_store.server.url, linked_store.server.new_till(),
                     printer_sink=lambda _data: None) as win:
        yield win


def dialog_of(qtbot, win: MainWindow, kind: type):
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, kind), timeout=WAIT_MS)
    return win.checkout.active_dialog


def type_into(qtbot, edit, text: str) -> None:
    qtbot.keyClicks(edit, text, delay=40)  # by hand, not a scanner burst


def test_member_coupon_and_stored_value_then_a_return(qtbot, till: MainWindow, linked_store: LinkedStore,
                                                      admin: Admin) -> None:
    win = till
    phone = "135" + f"{uuid.uuid4().int % 10**8:08d}"
    member = admin.ok(admin.post("/admin/members", {"phone": phone, "name": "张无忌"}))
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    [code] = coupons(admin, kind="cash", value=500, threshold=0, member=member["member_no"])
    log_in(qtbot, win)
    win.ctx.client.request("POST", "/api/v1/stored-value/topup", json={"card": card, "amount": 3_000,
                                                                      "command_id": uuid.uuid4().hex})
    for item in (NOODLES, WATER):  # 12.90 + 2.00
        scan(qtbot, win, item)
        idle(qtbot, win)

    press(qtbot, win, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    found = dialog_of(qtbot, win, MemberDialog)
    type_into(qtbot, found.edit, phone)
    qtbot.keyClick(found.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: found.member is not None, timeout=WAIT_MS)
    assert "张无忌" in found.found.text() and found.coupons.count() == 1
    qtbot.keyClick(found.edit, Qt.Key.Key_Return)  # attach
    qtbot.waitUntil(lambda: win.checkout.ticket.member_no == member["member_no"], timeout=WAIT_MS)
    assert "张无忌" in win.checkout.totals.member.text() and "储值 ￥30.00" in win.checkout.totals.member.text()

    press(qtbot, win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    pick = dialog_of(qtbot, win, CouponDialog)
    pick.choices.setCurrentRow(0)  # the member's own coupon
    qtbot.keyClick(pick.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.ticket.discount == 500, timeout=WAIT_MS)
    assert win.checkout.totals.savings.text() == "-￥5.00" and win.checkout.ticket.total == 990

    press(qtbot, win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pay = dialog_of(qtbot, win, StoredValueDialog)
    assert pay.card.text() == card and pay.amount.text() == "9.90"
    qtbot.waitUntil(lambda: "余额 ￥30.00" in pay.balance.text(), timeout=WAIT_MS)  # the customer hears what is left
    pay.amount.setText("5.00")
    qtbot.keyClick(pay.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.ticket.paid == 500, timeout=WAIT_MS)

    press(qtbot, win, Qt.Key.Key_F12)
    tender = dialog_of(qtbot, win, CashTenderDialog)
    type_into(qtbot, tender.edit, "10")
    qtbot.keyClick(tender.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.totals.showing_change, timeout=WAIT_MS)
    sale_id = win.checkout.last_completion.sale_id
    idle(qtbot, win)
    assert win.checkout.totals.member.text() == ""  # the next customer starts as a walk-in
    linked_store.wait_drained()
    qtbot.waitUntil(lambda: coupon_state(linked_store, code)[0] == "redeemed", timeout=WAIT_MS)

    press(qtbot, win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    back = dialog_of(qtbot, win, ReturnDialog)
    back.handle_scan(sale_id)  # the receipt's barcode
    qtbot.waitUntil(lambda: back.table.rowCount() == 2, timeout=WAIT_MS)
    back.table.cellWidget(1, 3).setValue(1)  # the water comes back
    with qtbot.waitSignal(win.checkout.receipt_printed, timeout=WAIT_MS) as printed:
        qtbot.keyClick(back.sale_edit, Qt.Key.Key_Return)
    assert "现金退款 ￥0.00，￥1.33 退回储值卡" in win.checkout.message.text()  # the card paid first, so it gets it back
    slip = decode(printed.args[0])
    assert "退货单" in slip.text and f"原销售单 {sale_id}" in slip.text and "储值卡退款" in slip.text
    assert not slip.named("drawer_kick")  # nothing came out of the drawer


def test_points_need_an_attached_member(qtbot, till: MainWindow) -> None:
    win = till
    log_in(qtbot, win)
    scan(qtbot, win, NOODLES)
    idle(qtbot, win)
    press(qtbot, win, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert win.checkout.message.kind == "error" and "请先关联会员" in win.checkout.message.text()
    assert win.checkout.active_dialog is None


def test_a_gift_card_asks_for_its_card_number(qtbot, till: MainWindow, admin: Admin) -> None:
    win = till
    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    log_in(qtbot, win)
    scan(qtbot, win, GIFT)
    ask = dialog_of(qtbot, win, GiftCardDialog)
    ask.handle_scan("7000000000000005")  # a well-formed number that is no card of ours
    qtbot.waitUntil(lambda: "礼品卡不存在" in ask.message.text(), timeout=WAIT_MS)
    assert win.checkout.active_dialog is ask
    ask.handle_scan(card)  # the barcode on the card's back
    qtbot.waitUntil(lambda: win.checkout.active_dialog is None, timeout=WAIT_MS)
    line = win.checkout.ticket.lines[0]
    assert (line.name, line.amount) == ("礼品卡 100元", 10_000)


def gift_card_holding(linked_store: LinkedStore, admin: Admin, amount: int, last_day: date) -> str:
    """A gift card sold earlier with ``amount`` left on it, good until ``last_day`` (written at HQ
    as the sale and its spending would have left it: the balance is its ledger's sum)."""
    from app.hq.models import WalletAccount, WalletEntry

    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    with linked_store.hq.db() as session:
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert account is not None
        account.active, account.activated_at, account.last_day = True, datetime.now(UTC) - timedelta(days=30), last_day
        account.principal = amount
        session.add(WalletEntry(account_id=account.id, kind="activate", principal=amount, bonus=0, ref=f"sold:{card}",
                                created_at=account.activated_at))
        session.commit()
    return card


def test_a_gift_card_shows_what_it_holds_and_pays_that_much_or_nothing_once_lapsed(
        qtbot, till: MainWindow, linked_store: LinkedStore, admin: Admin) -> None:
    win = till
    today = datetime.now(clock.BUSINESS_TZ).date()
    short = gift_card_holding(linked_store, admin, 1_000, today + timedelta(days=400))
    lapsed = gift_card_holding(linked_store, admin, 5_000, today - timedelta(days=1))
    log_in(qtbot, win)
    for item in (NOODLES, WATER):  # 12.90 + 2.00
        scan(qtbot, win, item)
        idle(qtbot, win)

    press(qtbot, win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pay = dialog_of(qtbot, win, StoredValueDialog)
    assert pay.amount.text() == "14.90"
    pay.handle_scan(lapsed)
    qtbot.waitUntil(lambda: "此礼品卡已过期" in pay.message.text(), timeout=WAIT_MS)
    assert pay.amount.text() == "14.90" and f"有效期至 {today - timedelta(days=1)}" in pay.balance.text()
    qtbot.keyClick(pay.amount, Qt.Key.Key_Return)  # the cashier tries anyway: HQ refuses, nothing taken
    qtbot.waitUntil(lambda: "礼品卡已过期，不能再用" in pay.message.text(), timeout=WAIT_MS)
    assert win.checkout.ticket.paid == 0

    pay.card.clear()
    pay.handle_scan(short)  # ￥10 on it: it pays ￥10, the rest is paid another way
    qtbot.waitUntil(lambda: pay.amount.text() == "10.00", timeout=WAIT_MS)
    assert "余额 ￥10.00" in pay.balance.text() and "其余请用其他方式支付" in pay.message.text()
    qtbot.keyClick(pay.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.ticket.paid == 1_000, timeout=WAIT_MS)
    assert win.checkout.active_dialog is None and "还需收 ￥4.90" in win.checkout.message.text()


def test_a_return_without_receipt_needs_a_manager_and_prints_the_slip(qtbot, till: MainWindow) -> None:
    win = till
    log_in(qtbot, win)
    press(qtbot, win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    back = dialog_of(qtbot, win, ReturnDialog)
    qtbot.mouseClick(next(b for b in back.findChildren(type(back.ok_button)) if b.text() == "无小票退货…"),
                     Qt.MouseButton.LeftButton)
    items = dialog_of(qtbot, win, NoReceiptReturnDialog)
    items.handle_scan(NOODLES)
    qtbot.waitUntil(lambda: items.table.rowCount() == 1, timeout=WAIT_MS)
    items.handle_scan(NOODLES)
    assert items.table.cellWidget(0, 2).value() == 2 and "￥25.80" in items.total_label.text()
    type_into(qtbot, items.code_edit, WATER)  # typed by hand: Enter adds it, the dialog stays
    qtbot.keyClick(items.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: items.table.rowCount() == 2, timeout=WAIT_MS)
    assert win.checkout.active_dialog is items and "￥27.80" in items.total_label.text()
    items.reason.setText("顾客无小票")
    qtbot.keyClick(items.code_edit, Qt.Key.Key_Return)  # nothing typed: refund what is listed
    manager = dialog_of(qtbot, win, OverrideDialog)
    assert any("无小票" in label.text() for label in manager.findChildren(type(items.total_label)))
    manager.operator.setText("9001")
    manager.pin.setText("9999")
    with qtbot.waitSignal(win.checkout.receipt_printed, timeout=WAIT_MS) as printed:
        qtbot.mouseClick(manager.ok_button, Qt.MouseButton.LeftButton)
    assert "现金退款 ￥27.80" in win.checkout.message.text()
    slip = decode(printed.args[0])
    assert "无小票退货" in slip.text and "原因: 顾客无小票" in slip.text and slip.named("drawer_kick")


def test_the_manager_marks_a_conflict_handled_on_the_sync_page(qtbot, till: MainWindow,
                                                                 linked_store: LinkedStore) -> None:
    from sqlalchemy import select

    from app.hq import clock
    from app.hq.models import LoyaltyConflict, Store
    from ui.sync import SyncDialog

    with linked_store.hq.db() as session:  # what HQ keeps when a coupon of an offline sale was used elsewhere
        store_id = session.scalar(select(Store.id).where(Store.code == linked_store.code))
        session.add(LoyaltyConflict(store_id=store_id, event_id=uuid.uuid4().hex, subject="P0012004417731",
                                    action="commit", reason="coupon_used", created_at=clock.now()))
        session.commit()
    win = till
    log_in(qtbot, win, "9001", "9999")
    press(qtbot, win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    page = dialog_of(qtbot, win, SyncDialog)
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=WAIT_MS)
    assert page.conflicts.item(0, 3).text() == "券已核销：P0012004417731"
    assert not page.resolve_button.isEnabled()  # nothing chosen yet

    page.conflicts.selectRow(0)
    assert page.resolve_button.text() == "处理…" and page.resolve_button.isEnabled()
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.note_dialog is not None and page.note_dialog.isVisible(), timeout=WAIT_MS)
    note = page.note_dialog
    note.edit.insert("顾客改用现金")  # as the input method commits it (QTest types no Chinese)
    qtbot.keyClick(note.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.kind == "success", timeout=WAIT_MS)
    idle(qtbot, win)
    assert page.conflicts.rowCount() == 0 and not page.resolve_button.isEnabled()

    page.show_handled.setChecked(True)  # 显示已处理: greyed, with who and the note
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=WAIT_MS)
    assert page.conflicts.item(0, 4).text().startswith("9001") and page.conflicts.item(0, 5).text() == "顾客改用现金"
    page.conflicts.selectRow(0)
    assert not page.resolve_button.isEnabled()  # handled once is handled
