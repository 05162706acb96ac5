"""Test-automation hook: drive a real ``omnistore client`` from outside, as a cashier would.

Off unless one of these environment variables is set (``run_client`` calls :func:`install`):

``OMNISTORE_CLIENT_SCRIPT=/path/to/script``
    Play a small script through the cashier's own widgets: key presses into the login screen,
    the shift screen, the scan field and the payment dialogs (never a shortcut past them).
    One action per line; blank lines and ``#`` comments are ignored::

        login 1001 1234      type the code, Enter, the PIN, Enter; wait until logged in
        open_shift 500       if the shift screen shows: type the float, Enter; wait for a ticket
        scan 6901234567892   type the code into the scan field, Enter; wait for the server's answer
        pay                  F12, Enter (exact cash); wait until the change shows and the next ticket is open
        rss                  print the resident memory in MB
        quit                 close the window and exit 0

    After each action it prints ``omnistore-script: <n> <action> ok`` (flushed). A step that does
    not finish within 30 s prints ``omnistore-script: error ...`` and exits with code 3. When the
    script ends without ``quit`` the till keeps running (a test may kill it).

    The O2O board alone (``omnistore client --board``) plays the same kind of script through the
    board's widgets::

        login 1001 1234      as above, then wait until the board shows
        select ME123456      wait until the order is on the board, then choose it
        accept               press 接单 (also start_pick, packed, ready); wait for the server's answer
        scan 6901234567892   type the code into the board's scan field, Enter; wait for the answer

``OMNISTORE_BENCH_STARTUP=1``
    Print ``omnistore-startup: login-shown`` once the login screen is visible, then exit 0
    (the cold-start benchmark).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.app import MainWindow
    from ui.board import BoardShell

SCRIPT_ENV = "OMNISTORE_CLIENT_SCRIPT"
STARTUP_ENV = "OMNISTORE_BENCH_STARTUP"
STARTUP_MARKER = "omnistore-startup: login-shown"
PREFIX = "omnistore-script:"
STEP_TIMEOUT = 30.0
POLL_MS = 10

Condition = Callable[[], bool]


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def parse_script(text: str) -> list[list[str]]:
    """Lines → [action, *args]; comments and blank lines dropped."""
    steps = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            steps.append(line.split())
    return steps


def resident_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / (1024 * 1024)


class ScriptRunner(QObject):
    """Plays the steps one after the other; each step yields conditions to wait for."""

    def __init__(self, window: MainWindow, steps: list[list[str]]) -> None:
        super().__init__(window)
        self.window = window
        self.steps = steps
        self._index = 0
        self._current: Iterator[Condition] | None = None
        self._waiting: Condition | None = None
        self._deadline = 0.0
        self._timer = QTimer(self, interval=POLL_MS, timeout=self._tick)

    def start(self) -> None:
        self._timer.start()

    def _tick(self) -> None:
        try:
            if self._waiting is not None:
                if not self._waiting():
                    if time.monotonic() > self._deadline:
                        raise TimeoutError("timed out")
                    return
                self._waiting = None
            if self._current is None:
                if self._index >= len(self.steps):
                    self._timer.stop()
                    return
                action, *args = self.steps[self._index]
                handler = getattr(self, f"do_{action}", None)
                if handler is None:
                    raise ValueError(f"unknown action {action!r}")
                self._current = handler(*args)
            try:
                self._waiting = next(self._current)
                self._deadline = time.monotonic() + STEP_TIMEOUT
            except StopIteration:
                _say(f"{PREFIX} {self._index + 1} {self.steps[self._index][0]} ok")
                self._current = None
                self._index += 1
        except Exception as exc:  # a broken script must end the process, not hang it
            self._timer.stop()
            step = " ".join(self.steps[self._index]) if self._index < len(self.steps) else ""
            _say(f"{PREFIX} error {self._index + 1} {step}: {exc!r}")
            QApplication.exit(3)

    # -- actions: each types into the real widgets, then yields what to wait for --------------

    def _idle(self) -> bool:
        return self.window.worker.pending == 0

    def do_login(self, operator: str, pin: str) -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        win = self.window
        yield lambda: win.stack.currentWidget() is win.login and win.login.isVisible()
        QTest.keyClicks(win.login.operator_edit, operator)
        QTest.keyClick(win.login.operator_edit, Qt.Key.Key_Return)
        QTest.keyClicks(win.login.pin_edit, pin)
        QTest.keyClick(win.login.pin_edit, Qt.Key.Key_Return)
        yield lambda: win.stack.currentWidget() is not win.login

    def do_open_shift(self, float_yuan: str = "500") -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        win = self.window
        if win.stack.currentWidget() is win.shift:
            QTest.keyClicks(win.shift.float_edit, float_yuan)
            QTest.keyClick(win.shift.float_edit, Qt.Key.Key_Return)
        yield lambda: (win.stack.currentWidget() is win.checkout
                       and win.checkout.ticket is not None and self._idle())

    def do_scan(self, code: str) -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        checkout = self.window.checkout
        before = len(checkout.ticket.lines) if checkout.ticket else 0
        QTest.keyClicks(checkout.scan_edit, code)
        QTest.keyClick(checkout.scan_edit, Qt.Key.Key_Return)
        yield lambda: self._idle() and (checkout.message.kind == "error"
                                        or (checkout.ticket is not None and len(checkout.ticket.lines) > before))
        if checkout.message.kind == "error":
            raise RuntimeError(checkout.message.text())

    def do_pay(self) -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        from ui.dialogs import CashTenderDialog

        checkout = self.window.checkout
        before = checkout.last_completion
        QTest.keyClick(checkout.scan_edit, Qt.Key.Key_F12)
        yield lambda: isinstance(checkout.active_dialog, CashTenderDialog)
        QTest.keyClick(checkout.active_dialog.edit, Qt.Key.Key_Return)
        yield lambda: (checkout.last_completion is not before and checkout.active_dialog is None
                       and checkout.totals.showing_change and self._idle())

    def do_rss(self) -> Iterator[Condition]:
        _say(f"{PREFIX} rss_mb {resident_mb():.1f}")
        yield from ()

    def do_quit(self) -> Iterator[Condition]:
        self.window.close()
        QApplication.exit(0)
        yield from ()


class BoardScriptRunner(ScriptRunner):
    """The script on the O2O board alone (``BoardShell``): a picker's clicks and scans."""

    def __init__(self, shell: BoardShell, steps: list[list[str]]) -> None:
        super().__init__(shell, steps)  # type: ignore[arg-type]  # the shell stands where a till's window would
        self.shell = shell

    def _idle(self) -> bool:
        return self.shell.ctx.worker.pending == 0

    def do_login(self, operator: str, pin: str) -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        shell = self.shell
        yield lambda: shell.stack.currentWidget() is shell.login and shell.login.isVisible()
        QTest.keyClicks(shell.login.operator_edit, operator)
        QTest.keyClick(shell.login.operator_edit, Qt.Key.Key_Return)
        QTest.keyClicks(shell.login.pin_edit, pin)
        QTest.keyClick(shell.login.pin_edit, Qt.Key.Key_Return)
        yield lambda: shell.stack.currentWidget() is shell.board and shell.board.feed._thread is not None

    def _order_id(self, channel_order_no: str) -> int | None:
        return next((order.id for order in self.shell.board.orders.values()
                     if order.channel_order_no == channel_order_no), None)

    def do_select(self, channel_order_no: str) -> Iterator[Condition]:
        yield lambda: self._order_id(channel_order_no) is not None
        board = self.shell.board
        order_id = self._order_id(channel_order_no)
        assert order_id is not None
        board.select(order_id)
        yield lambda: board.selected == order_id

    def _press(self, button_name: str) -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        board = self.shell.board
        order_id = board.selected
        seq = board.orders[order_id].seq if order_id in board.orders else -1
        button = getattr(board, button_name)
        yield lambda: button.isEnabled()
        board.message.clear_message()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        yield lambda: self._idle() and (board.message.kind == "error" or board.orders[order_id].seq != seq)
        if board.message.kind == "error":
            raise RuntimeError(board.message.text())

    def do_accept(self) -> Iterator[Condition]:
        yield from self._press("accept_button")

    def do_start_pick(self) -> Iterator[Condition]:
        yield from self._press("pick_button")

    def do_packed(self) -> Iterator[Condition]:
        yield from self._press("packed_button")

    def do_ready(self) -> Iterator[Condition]:
        yield from self._press("ready_button")

    def do_scan(self, code: str) -> Iterator[Condition]:
        from PySide6.QtTest import QTest

        board = self.shell.board
        order_id = board.selected
        assert order_id is not None
        seq = board.orders[order_id].seq
        board.message.clear_message()
        QTest.keyClicks(board.scan_edit, code)
        QTest.keyClick(board.scan_edit, Qt.Key.Key_Return)
        yield lambda: self._idle() and (board.message.kind == "error" or board.orders[order_id].seq != seq)
        if board.message.kind == "error":
            raise RuntimeError(board.message.text())
        _say(f"{PREFIX} picked {sum(line.picked_qty for line in board.orders[order_id].lines)}")

    def do_quit(self) -> Iterator[Condition]:
        self.shell.close()
        QApplication.exit(0)
        yield from ()


def install_board(shell: BoardShell) -> BoardScriptRunner | None:
    """The script the environment asks for, on the board alone; None when it asks for nothing."""
    path = os.environ.get(SCRIPT_ENV)
    if not path:
        return None
    runner = BoardScriptRunner(shell, parse_script(Path(path).read_text(encoding="utf-8")))
    runner.start()
    return runner


def _report_startup(window: MainWindow) -> None:
    def check() -> None:
        login = window.login
        if login.isVisible():
            _say(STARTUP_MARKER)
            window.close()
            QApplication.exit(0)
        else:
            QTimer.singleShot(POLL_MS, check)

    QTimer.singleShot(0, check)


def install(window: MainWindow) -> ScriptRunner | None:
    """Start the script or the startup probe the environment asks for; None when it asks for nothing."""
    if os.environ.get(STARTUP_ENV) == "1":
        _report_startup(window)
        return None
    path = os.environ.get(SCRIPT_ENV)
    if not path:
        return None
    runner = ScriptRunner(window, parse_script(Path(path).read_text(encoding="utf-8")))
    runner.start()
    return runner
