"""The till's one worker thread: answers come back on the GUI thread, in order, and an answer for a
dialog the cashier has already closed is dropped instead of touching a deleted widget."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from ui.worker import Worker  # noqa: E402


def test_answers_come_back_in_order_on_the_gui_thread(qtbot) -> None:
    worker = Worker()
    seen: list[tuple[int, bool]] = []
    try:
        for n in range(5):
            worker.submit(lambda n=n: n, lambda value: seen.append(
                (value, threading.current_thread() is threading.main_thread())))
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=5_000)
    finally:
        worker.stop()
    assert seen == [(n, True) for n in range(5)]


def test_an_answer_for_a_closed_dialog_is_dropped(qtbot) -> None:
    worker = Worker()
    release = threading.Event()
    label = QLabel()
    delivered: list[str] = []
    try:
        worker.submit(lambda: "late" if release.wait(5) else "timed out", label.setText, owner=label)
        worker.submit(lambda: (_ for _ in ()).throw(RuntimeError("HQ away")), None,
                      lambda exc: label.setText(str(exc)), owner=label)
        worker.submit(lambda: "kept", delivered.append)  # no owner: always delivered
        shiboken6.delete(label)  # the cashier closed the dialog: its widgets are gone
        assert not shiboken6.isValid(label)
        release.set()
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=5_000)
    finally:
        worker.stop()
    assert delivered == ["kept"]  # and neither answer touched the deleted label (that would raise)

