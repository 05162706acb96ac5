"""A scanner or keyboard left in full-width (全角) mode at the till: what it types sells the same
goods and quantities; digits of another script are refused in words."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.ui.conftest import WAIT_MS, log_in, press, scan  # noqa: E402
from ui.dialogs import QuantityDialog  # noqa: E402

COLA = "6901234567892"
FULL_WIDTH = str.maketrans("0123456789*", "０１２３４５６７８９＊")


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text``, as a keyboard or scanner in full-width mode sends them
    (QTest's keyClicks takes Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def scan_text(qtbot, win, text: str) -> None:
    type_text(win.checkout.scan_edit, text)
    qtbot.keyClick(win.checkout.scan_edit, Qt.Key.Key_Return)


def test_a_full_width_scan_with_a_full_width_multiplier_sells_three_of_the_item(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan_text(qtbot, win, f"3*{COLA}".translate(FULL_WIDTH))
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    line = win.checkout.model.rows[0]
    assert (line.barcode, line.quantity) == (COLA, 3)
    assert win.checkout.message.kind != "error"


def test_a_scan_in_arabic_indic_digits_is_refused_in_words_and_sells_nothing(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan_text(qtbot, win, COLA.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))
    qtbot.waitUntil(lambda: win.checkout.message.kind == "error", timeout=WAIT_MS)
    assert "无法识别的条码" in win.checkout.message.text()
    assert win.checkout.model.rows == []


def test_f3_reads_a_full_width_quantity_and_refuses_another_scripts_digit(qtbot, window) -> None:
    win = window
    log_in(qtbot, win)
    scan(qtbot, win, COLA)
    qtbot.waitUntil(lambda: len(win.checkout.model.rows) == 1, timeout=WAIT_MS)
    win.checkout.table.selectRow(0)
    press(qtbot, win, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: isinstance(win.checkout.active_dialog, QuantityDialog), timeout=WAIT_MS)
    dialog = win.checkout.active_dialog
    dialog.edit.clear()
    type_text(dialog.edit, "٣")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.message.kind == "error" and dialog.quantity is None and dialog.isVisible()
    dialog.edit.clear()
    type_text(dialog.edit, "５")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.checkout.model.rows[0].quantity == 5, timeout=WAIT_MS)
