"""付款码 at the till (pytest-qt, offscreen) against the real store server and the provider
simulator: a code scanned at the item prompt pays what is due; the waiting dialog counts down,
cancels (= reverse) on Esc and 查单 on F5; a return refunds the code."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from harness.store import StoreServer  # noqa: E402
from tests.payments import conftest as payments  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, press, scan, till_window  # noqa: E402
from ui.app import MainWindow  # noqa: E402
from ui.dialogs import CashTenderDialog, OverrideDialog  # noqa: E402
from ui.paycode import PaycodeDialog, PaycodeRefundsDialog  # noqa: E402

COLA = "6901234567892"  # 可口可乐 330ml ￥3.50
payment_code = payments.payment_code
#: the simulator and the store server paying against it (the payment tests' fixtures)
paysim = payments.paysim
paystore = payments.paystore


@pytest.fixture
def win(qtbot, paystore: StoreServer, printer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with till_window(qtbot, paystore.url, paystore.new_till(), printer_sink=printer) as window:
        log_in(qtbot, window)
        yield window


def attempts(paystore: StoreServer, ticket_id: str) -> list[Any]:
    from app.db.models import PaymentAttempt

    with paystore.db() as session:
        found = session.query(PaymentAttempt).filter_by(ticket_id=int(ticket_id)).all()
        session.expunge_all()
        return found


def cola_then(qtbot, win: MainWindow, code: str) -> PaycodeDialog:  # type: ignore[no-untyped-def]
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    idle(qtbot, win)
    scan(qtbot, win, code)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, PaycodeDialog), timeout=WAIT_MS)
    return win.checkout.active_dialog  # type: ignore[return-value]


def test_a_payment_code_at_the_item_prompt_pays_and_completes_the_sale(qtbot, win, printer) -> None:
    before = win.checkout.last_completion
    dialog = cola_then(qtbot, win, payment_code("wechat"))
    assert dialog.amount_label.text().endswith("3.50")
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)
    assert win.checkout.active_dialog is None and win.checkout.last_completion.change == 0
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)


def test_the_waiting_dialog_counts_down_until_the_customer_confirms(qtbot, win) -> None:
    before = win.checkout.last_completion
    dialog = cola_then(qtbot, win, payment_code("alipay", "01", 5))
    qtbot.waitUntil(lambda: dialog.attempt is not None and dialog.attempt["state"] == "polling", timeout=WAIT_MS)
    assert "(" in dialog.status.text() and " s)" in dialog.status.text() or "秒" in dialog.status.text()
    assert dialog.timer.isActive()
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)


def test_esc_cancels_the_payment_and_the_ticket_stays_due(qtbot, win, paystore, paysim) -> None:
    dialog = cola_then(qtbot, win, payment_code("wechat", "01", 9))
    qtbot.waitUntil(lambda: dialog.attempt is not None and dialog.attempt["in_flight"], timeout=WAIT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.checkout.active_dialog is None, timeout=WAIT_MS)
    (attempt,) = attempts(paystore, win.checkout.ticket.id)
    assert attempt.state in ("needs_reverse", "reversed")
    deadline = time.monotonic() + 10
    while attempts(paystore, win.checkout.ticket.id)[0].state != "reversed" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert attempts(paystore, win.checkout.ticket.id)[0].state == "reversed"
    assert not paysim.trade("wechat", attempt.out_trade_no)["charged"]
    press(qtbot, win, Qt.Key.Key_F12)  # other tenders are offered
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, CashTenderDialog), timeout=WAIT_MS)


def test_f5_queries_by_hand(qtbot, win) -> None:
    before = win.checkout.last_completion
    dialog = cola_then(qtbot, win, payment_code("wechat", "03"))
    qtbot.waitUntil(lambda: dialog.attempt is not None, timeout=WAIT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)


def test_a_code_scanned_into_the_cash_dialog_pays_by_code(qtbot, win) -> None:
    before = win.checkout.last_completion
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    press(qtbot, win, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, CashTenderDialog), timeout=WAIT_MS)
    win.checkout.handle_scan(payment_code("alipay"))
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)


def test_a_refused_code_says_why_and_another_code_pays(qtbot, win) -> None:
    before = win.checkout.last_completion
    dialog = cola_then(qtbot, win, payment_code("wechat", "04"))
    qtbot.waitUntil(lambda: dialog.attempt is not None and dialog.attempt["state"] == "failed", timeout=WAIT_MS)
    assert dialog.status.text() and win.checkout.active_dialog is dialog
    dialog.handle_scan(payment_code("wechat"))
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)


def return_cola(qtbot, win: MainWindow, code: str) -> PaycodeRefundsDialog:  # type: ignore[no-untyped-def]
    """A cola paid by ``code``, then brought back (Ctrl+R): the refunds dialog that follows."""
    from ui.loyalty import ReturnDialog

    before = win.checkout.last_completion
    cola_then(qtbot, win, code)
    qtbot.waitUntil(lambda: win.checkout.last_completion is not before, timeout=WAIT_MS)
    sale_id = win.checkout.last_completion.sale_id
    idle(qtbot, win)
    press(qtbot, win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, ReturnDialog), timeout=WAIT_MS)
    back = win.checkout.active_dialog
    qtbot.keyClicks(back.sale_edit, sale_id, delay=10)
    qtbot.keyClick(back.sale_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: back.sale is not None and back.table.rowCount() == 1, timeout=WAIT_MS)
    back.table.cellWidget(0, 3).setValue(1)
    qtbot.keyClick(back.sale_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, PaycodeRefundsDialog), timeout=WAIT_MS)
    return win.checkout.active_dialog  # type: ignore[return-value]


def test_a_return_refunds_to_the_payment_code(qtbot, win, paystore, paysim) -> None:
    from app.db.models import PaymentRefund

    refunds = return_cola(qtbot, win, payment_code("alipay"))
    (number,) = refunds.refunds
    qtbot.waitUntil(lambda: refunds.refunds[number]["state"] == "success", timeout=WAIT_MS)
    assert "3.50" in refunds.labels[number].text() and not refunds.cash_buttons[number].isVisible()
    qtbot.keyClick(refunds, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.active_dialog is None, timeout=WAIT_MS)
    (paid,) = [a for a in attempts(paystore, win.checkout.last_completion.ticket.id) if a.state == "paid"]
    deadline = time.monotonic() + 15
    state = None
    while time.monotonic() < deadline:
        with paystore.db() as session:
            found = session.query(PaymentRefund).filter_by(out_trade_no=paid.out_trade_no).all()
            state = [(r.state, r.amount) for r in found]
        if state == [("success", 350)]:
            break
        time.sleep(0.1)
    assert state == [("success", 350)]
    assert paysim.trade("alipay", paid.out_trade_no)["refunded"] == 350


def test_a_refused_refund_is_paid_in_cash_once_a_manager_allows(qtbot, win, paystore, printer) -> None:
    from app.db.models import PaymentRefund

    refunds = return_cola(qtbot, win, payment_code("wechat", "10"))  # the provider refuses its refunds
    (number,) = refunds.refunds
    assert refunds.refunds[number]["state"] in ("new", "processing", "unknown", "failed")
    qtbot.waitUntil(lambda: refunds.refunds[number]["state"] == "failed", timeout=WAIT_MS)
    button = refunds.cash_buttons[number]
    assert button.isVisible() and button.isEnabled() and "USER_ACCOUNT_ABNORMAL" in refunds.labels[number].text()
    kicks = len(printer.jobs)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(refunds.manager_dialog, OverrideDialog), timeout=WAIT_MS)
    override = refunds.manager_dialog
    assert "店长" in override.reason.text() or "manager" in override.reason.text()
    qtbot.keyClicks(override.operator, "9001")
    qtbot.keyClicks(override.pin, "9999")
    qtbot.keyClick(override.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: refunds.refunds[number]["state"] == "paid_in_cash", timeout=WAIT_MS)
    assert not button.isVisible() and "3.50" in refunds.labels[number].text()
    qtbot.waitUntil(lambda: len(printer.jobs) > kicks, timeout=WAIT_MS)  # the drawer opens for the cash
    with paystore.db() as session:
        row = session.query(PaymentRefund).filter_by(out_refund_no=number).one()
        assert (row.state, row.amount) == ("paid_in_cash", 350) and row.cash_shift_id is not None
    qtbot.keyClick(refunds, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.active_dialog is None, timeout=WAIT_MS)
