"""会员 360 and 充值 in the back office (pytest-qt) against a store enrolled with a real HQ: the
member's page shows the sale just made, a top-up with HQ's bonus lands on the card and in the
ledger, the till's Ctrl+T tops up too, and with HQ out of reach the page says so plainly."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from harness.chain import LinkedStore  # noqa: E402
from harness.hq import Admin  # noqa: E402
from harness.store import COLA, Till  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, press, till_window  # noqa: E402
from tests.ui.test_backoffice import back_office, key, sign_in  # noqa: E402
from ui.app import MainWindow  # noqa: E402
from ui.backoffice.members import MembersPage  # noqa: E402
from ui.loyalty import TopUpDialog  # noqa: E402


@pytest.fixture
def office(qtbot, linked_store: LinkedStore) -> Iterator[MainWindow]:
    with till_window(qtbot, linked_store.server.url, linked_store.server.new_till(),
                     printer_sink=lambda _data: None) as win:
        sign_in(qtbot, win, "9001", "9999")
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)
        yield win


def member_with_card(admin: Admin) -> tuple[str, str, str]:
    phone = "136" + f"{uuid.uuid4().int % 10**8:08d}"
    member = admin.ok(admin.post("/admin/members", {"phone": phone, "name": "赵敏"}))
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    return phone, str(member["member_no"]), str(card)


def sell_to(till: Till, member_no: str) -> str:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    till.ok(till.post(f"/tickets/{ticket}/member", {"member_no": member_no, "command_id": uuid.uuid4().hex}))
    state = till.ok(till.get(f"/tickets/{ticket}"))
    till.ok(till.pay_cash(ticket, state["due"]))
    return str(till.ok(till.complete(ticket))["sale_id"])


def open_members(qtbot, win: MainWindow) -> MembersPage:
    key(qtbot, win, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    office = back_office(win)
    qtbot.waitUntil(lambda: office.current_key == "members", timeout=WAIT_MS)
    page = office.page("members")
    assert isinstance(page, MembersPage)
    return page


def test_member_360_shows_the_sale_just_made_and_a_top_up_with_its_bonus(
        qtbot, office: MainWindow, linked_store: LinkedStore, admin: Admin) -> None:
    phone, member_no, card = member_with_card(admin)
    cashier = Till(linked_store.server, linked_store.server.new_till())
    cashier.open_shift(10_000)
    sale_id = sell_to(cashier, member_no)
    linked_store.wait_drained()
    office.ctx.client.request("POST", "/api/v1/shifts/open", json={"float": 0})  # the top-up's cash goes in this drawer
    page = open_members(qtbot, office)
    qtbot.keyClicks(page.query, phone)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.member is not None, timeout=WAIT_MS)
    assert page.member["member_no"] == member_no
    assert page.purchases.item(0, 2).text() == sale_id  # the sale just made
    assert page.points_history.rowCount() == 1
    qtbot.keyClick(page.query, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.top_up_dialog is not None, timeout=WAIT_MS)
    dialog = page.top_up_dialog
    assert dialog.card.text() == card
    qtbot.keyClicks(dialog.amount, "100")
    assert "120.00" in dialog.bonus.text()  # 充100送20, shown before HQ credits it
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.top_up_dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.member["balance"] == 12_000, timeout=WAIT_MS)
    assert page.stored_value.rowCount() == 1 and page.stored_value.item(0, 4).text() == "￥20.00"


def test_with_hq_out_of_reach_the_member_page_says_so(qtbot, office: MainWindow, linked_store: LinkedStore,
                                                      admin: Admin) -> None:
    phone, _member_no, _card = member_with_card(admin)
    page = open_members(qtbot, office)
    linked_store.proxy.cut()
    try:
        qtbot.keyClicks(page.query, phone)
        qtbot.keyClick(page.query, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.message.kind == "error", timeout=WAIT_MS)
        assert "总部" in page.message.text() and page.member is None
    finally:
        linked_store.proxy.restore()


def test_a_cashier_tops_up_a_card_at_the_till_with_ctrl_t(qtbot, linked_store: LinkedStore, admin: Admin) -> None:
    _phone, member_no, card = member_with_card(admin)
    with till_window(qtbot, linked_store.server.url, linked_store.server.new_till(),
                     printer_sink=lambda _data: None) as win:
        log_in(qtbot, win)
        press(qtbot, win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, TopUpDialog), timeout=WAIT_MS)
        dialog = win.checkout.active_dialog
        qtbot.keyClicks(dialog.card, card, delay=40)  # by hand, not a scanner burst
        qtbot.keyClicks(dialog.amount, "50", delay=40)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.checkout.active_dialog is None or dialog.message.kind == "error", timeout=WAIT_MS)
        assert win.checkout.active_dialog is None, (dialog.card.text(), dialog.amount.text(), dialog.message.text())
        idle(qtbot, win)
        assert "50.00" in win.checkout.message.text()
    boss = Till(linked_store.server, linked_store.server.new_till(), operator="9001", pin="9999")
    view = boss.ok(boss.get(f"/members/{member_no}/360"))
    assert view["balance"] == 5_000 and view["stored_value_history"][0]["kind"] == "topup"
    cashier = Till(linked_store.server, linked_store.server.new_till())
    assert cashier.get(f"/members/{member_no}/360").json()["code"] == "forbidden"
