"""UI fixtures: the real main window against the real store server (tests/conftest.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.api import StoreClient  # noqa: E402
from ui.app import MainWindow, create_app  # noqa: E402

WAIT_MS = 10_000


class PrinterSpy:
    """The printer sink: keeps every job's bytes."""

    def __init__(self) -> None:
        self.jobs: list[bytes] = []

    def __call__(self, data: bytes) -> None:
        self.jobs.append(data)


@pytest.fixture
def printer() -> PrinterSpy:
    return PrinterSpy()


@contextlib.contextmanager
def till_window(qtbot, server_url: str, till: str, home: Path | None = None, **devices: Any) -> Iterator[MainWindow]:
    """The till window (Chinese UI, 1024×768) on ``till``, shown; ``devices`` go to MainWindow.
    ``home`` is the till's data directory; by default a fresh one, with no devices configured."""
    create_app([], "zh_CN")
    with tempfile.TemporaryDirectory(prefix="till-home-") as fresh:
        win = MainWindow(StoreClient(server_url, language="zh_CN"), till, home=home or Path(fresh), **devices)
        qtbot.addWidget(win)
        win.resize(1024, 768)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        try:
            yield win
        finally:
            win.close()


@pytest.fixture
def window(qtbot, store_server, printer) -> Iterator[MainWindow]:
    """The till window, Chinese UI, on a till no other test uses."""
    with till_window(qtbot, store_server.url, store_server.new_till(), printer_sink=printer) as win:
        yield win


def log_in(qtbot, win: MainWindow, operator: str = "1001", pin: str = "1234", float_yuan: str = "500") -> None:
    """Type the code and PIN, open the shift if asked, and wait for an open ticket."""
    qtbot.keyClicks(win.login.operator_edit, operator)
    qtbot.keyClick(win.login.operator_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(win.login.pin_edit, pin)
    qtbot.keyClick(win.login.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is not win.login, timeout=WAIT_MS)
    if win.backoffice is not None and win.stack.currentWidget() is win.backoffice:
        qtbot.keyClick(win.backoffice, Qt.Key.Key_F12)  # a manager's login opens the back office: F12 is the till
        qtbot.waitUntil(lambda: win.stack.currentWidget() is not win.backoffice, timeout=WAIT_MS)
    if win.stack.currentWidget() is win.shift:
        qtbot.keyClicks(win.shift.float_edit, float_yuan)
        qtbot.keyClick(win.shift.float_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.checkout, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: win.checkout.ticket is not None, timeout=WAIT_MS)


def scan(qtbot, win: MainWindow, code: str) -> None:
    """Type like a keyboard-wedge scanner: the digits in a burst, then Enter."""
    qtbot.keyClicks(win.checkout.scan_edit, code)
    qtbot.keyClick(win.checkout.scan_edit, Qt.Key.Key_Return)


def press(qtbot, win: MainWindow, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier,
          widget: Any = None) -> None:
    """A key at the till (into the scan field unless ``widget``), as the cashier presses it: the F-keys
    and Ctrl shortcuts fire only in the active window, and a closing dialog hands activation back to
    the till asynchronously."""
    if QApplication.activeWindow() is not win:
        win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)
    qtbot.keyClick(widget if widget is not None else win.checkout.scan_edit, key, modifier)


def idle(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.worker.pending == 0, timeout=WAIT_MS)
