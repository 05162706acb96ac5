"""The keyboard-wedge detector: a scanner's burst is a scan, a person's typing is not."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget  # noqa: E402

from ui.wedge import WedgeDetector, WedgeFilter  # noqa: E402


class FakeClock:
    def __init__(self, step: float) -> None:
        self.now = 100.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def type_keys(detector: WedgeDetector, clock: FakeClock, text: str, gap: float) -> str | None:
    clock.step = gap
    for char in text:
        detector.feed_char(char)
    return detector.feed_enter()


def test_a_fast_burst_ending_in_enter_is_a_scan() -> None:
    clock = FakeClock(0.005)
    detector = WedgeDetector(clock)
    assert type_keys(detector, clock, "6901234567892", 0.005) == "6901234567892"


def test_human_typing_is_not_a_scan() -> None:
    clock = FakeClock(0.12)
    detector = WedgeDetector(clock)
    assert type_keys(detector, clock, "6901234567892", 0.12) is None


def test_fewer_than_four_fast_keys_are_not_a_scan() -> None:
    clock = FakeClock(0.005)
    detector = WedgeDetector(clock)
    assert type_keys(detector, clock, "123", 0.005) is None
    assert type_keys(detector, clock, "1234", 0.005) == "1234"


def test_a_slow_enter_after_a_burst_is_not_a_scan() -> None:
    clock = FakeClock(0.005)
    detector = WedgeDetector(clock)
    for char in "69012345":
        detector.feed_char(char)
    clock.step = 0.5
    assert detector.feed_enter() is None


def test_a_pause_inside_the_burst_starts_it_again() -> None:
    clock = FakeClock(0.005)
    detector = WedgeDetector(clock)
    for char in "abc":
        detector.feed_char(char)
    clock.step = 0.2  # the person stopped typing; the scanner starts
    detector.feed_char("6")
    clock.step = 0.005
    for char in "901234567892":
        detector.feed_char(char)
    assert detector.feed_enter() == "6901234567892"


def test_keys_40_ms_apart_are_too_slow_for_a_scanner() -> None:
    clock = FakeClock(0.04)
    detector = WedgeDetector(clock)
    assert type_keys(detector, clock, "69012345", 0.04) is None


def test_other_keys_end_a_burst() -> None:
    clock = FakeClock(0.005)
    detector = WedgeDetector(clock)
    for char in "6901":
        detector.feed_char(char)
    detector.feed_other()
    assert detector.feed_enter() is None


def _form(qtbot):
    widget = QWidget()
    layout = QVBoxLayout(widget)
    edit = QLineEdit()
    scan_field = QLineEdit()
    button = QPushButton("OK")
    button.setDefault(True)
    for w in (edit, scan_field, button):
        layout.addWidget(w)
    qtbot.addWidget(widget)
    widget.show()
    return widget, edit, scan_field


def test_a_burst_typed_into_another_field_is_routed_as_a_scan_and_taken_back_out(qtbot, qapp) -> None:
    _widget, edit, _scan_field = _form(qtbot)
    edit.setText("备注")
    wedge = WedgeFilter()
    qapp.installEventFilter(wedge)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
            qtbot.keyClicks(edit, "6901234567892")
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert blocker.args == ["6901234567892"]
        assert edit.text() == "备注"
    finally:
        qapp.removeEventFilter(wedge)


def test_slow_typing_in_another_field_is_left_alone(qtbot, qapp) -> None:
    _widget, edit, _scan_field = _form(qtbot)
    wedge = WedgeFilter(WedgeDetector(FakeClock(0.15)))
    qapp.installEventFilter(wedge)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    try:
        with qtbot.waitSignal(edit.returnPressed, timeout=1000):
            qtbot.keyClicks(edit, "12345678")
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert scans == []
        assert edit.text() == "12345678"
    finally:
        qapp.removeEventFilter(wedge)


def test_the_scan_field_handles_its_own_scans(qtbot, qapp) -> None:
    _widget, _edit, scan_field = _form(qtbot)
    wedge = WedgeFilter()
    wedge.set_native_target(scan_field)
    qapp.installEventFilter(wedge)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    try:
        with qtbot.waitSignal(scan_field.returnPressed, timeout=1000):
            qtbot.keyClicks(scan_field, "6901234567892")
            qtbot.keyClick(scan_field, Qt.Key.Key_Return)
        assert scans == []
        assert scan_field.text() == "6901234567892"
    finally:
        qapp.removeEventFilter(wedge)
