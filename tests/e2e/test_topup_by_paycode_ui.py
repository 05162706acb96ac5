"""Ctrl+T 充值 by payment code at the till (pytest-qt, offscreen, Chinese UI) against a store
server enrolled with a real HQ and paying against the provider simulator: the cashier picks 付款码,
the customer's code is scanned, the dialog waits for the password like a ticket's, and closes once
the card is credited; HQ refusing the card after payment is said in the till's language, with the
refund; a card HQ does not know is refused before any money is taken."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from sqlalchemy import select  # noqa: E402

from harness.chain import LinkedStore  # noqa: E402
from harness.hq import Admin, HQServer  # noqa: E402
from tests.payments.conftest import Paysim, linked_paying_store, payment_code, start_paysim  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, press, till_window  # noqa: E402
from ui.app import MainWindow, create_app  # noqa: E402
from ui.loyalty import TopUpDialog  # noqa: E402
from ui.paycode import TopUpPaycodeDialog  # noqa: E402


@pytest.fixture(autouse=True)
def chinese_ui() -> None:
    create_app([], "zh_CN")


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paysim]:
    started = start_paysim(tmp_path_factory.mktemp("topup-ui-paysim"))
    yield started
    started.stop()


@pytest.fixture
def store(admin: Admin, hq: HQServer, sim: Paysim, tmp_path: Path) -> Iterator[LinkedStore]:
    with linked_paying_store(admin, hq, sim, tmp_path) as linked:
        yield linked


@pytest.fixture
def win(qtbot, store: LinkedStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with till_window(qtbot, store.server.url, store.server.new_till(), printer_sink=lambda _data: None) as window:
        log_in(qtbot, window)
        yield window


def ledger(store: LinkedStore, card: str) -> tuple[int, int]:
    from app.hq import loyalty

    with store.hq.db() as session:
        return loyalty.ledger_sum(session, card)


def top_up_by_code(qtbot, win: MainWindow, card: str, yuan: str, code: str) -> TopUpPaycodeDialog:  # type: ignore[no-untyped-def]
    """Ctrl+T, the card and amount typed, 付款码 chosen, Enter, then the customer's code scanned."""
    press(qtbot, win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, TopUpDialog), timeout=WAIT_MS)
    dialog = win.checkout.active_dialog
    assert isinstance(dialog, TopUpDialog)
    qtbot.keyClicks(dialog.card, card, delay=40)
    qtbot.keyClicks(dialog.amount, yuan, delay=40)
    cash_caption = dialog.amount_caption.text()
    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    assert dialog.code_button.isChecked() and dialog.amount_caption.text() != cash_caption
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.paycode_dialog is not None, timeout=WAIT_MS)
    paying = dialog.paycode_dialog
    assert paying is not None and paying.amount_label.text().endswith(yuan + ".00")
    win.checkout.handle_scan(code)  # the scanner: routed through the top-up dialog to the code dialog
    return paying


def test_a_top_up_paid_by_code_waits_for_the_password_then_credits_the_card(
        qtbot, win: MainWindow, store: LinkedStore, admin: Admin) -> None:
    card = str(admin.ok(admin.post("/admin/wallets", {}))["card_no"])
    paying = top_up_by_code(qtbot, win, card, "100", payment_code("wechat", "01", 4))
    qtbot.waitUntil(lambda: paying.attempt is not None and paying.attempt["state"] == "polling", timeout=WAIT_MS)
    assert "等待顾客输入密码" in paying.status.text()
    qtbot.waitUntil(lambda: win.checkout.active_dialog is None, timeout=WAIT_MS)
    idle(qtbot, win)
    assert "100.00" in win.checkout.message.text() and "20.00" in win.checkout.message.text()
    assert ledger(store, card) == (10_000, 2_000)


def test_hq_refusing_the_card_after_payment_says_why_and_refunds(
        qtbot, win: MainWindow, store: LinkedStore, admin: Admin) -> None:
    from app.hq.models import WalletAccount

    card = str(admin.ok(admin.post("/admin/wallets", {}))["card_no"])
    paying = top_up_by_code(qtbot, win, card, "50", payment_code("alipay", "01", 5))
    qtbot.waitUntil(lambda: paying.attempt is not None and paying.attempt["state"] == "polling", timeout=WAIT_MS)
    with store.hq.db() as session:  # frozen while the customer types the password
        session.scalar(select(WalletAccount).where(WalletAccount.card_no == card)).active = False
        session.commit()
    qtbot.waitUntil(lambda: ((paying.attempt or {}).get("topup") or {}).get("refund") is not None
                    and paying.attempt["topup"]["refund"]["final"], timeout=20_000)
    assert "储值卡不存在或已停用" in paying.status.text()  # HQ's code, in the till's language
    assert paying.isVisible() and not paying.timer.isActive()
    qtbot.keyClick(paying, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not paying.isVisible(), timeout=WAIT_MS)
    assert ledger(store, card) == (0, 0)


def test_an_unknown_card_is_refused_before_any_money_is_taken(
        qtbot, win: MainWindow, store: LinkedStore, sim: Paysim) -> None:
    before = len(sim.trades())
    paying = top_up_by_code(qtbot, win, "9" + "0" * 15, "30", payment_code("wechat"))
    qtbot.waitUntil(lambda: paying.message.kind == "error", timeout=WAIT_MS)
    assert "储值卡不存在或已停用" in paying.message.text()
    assert paying.attempt is None and len(sim.trades()) == before
