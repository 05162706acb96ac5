"""Keyboard-wedge scanner detection (扫码枪).

A USB scanner "types" the barcode much faster than a person and ends with Enter. A burst of
at least ``min_length`` printable keys, each less than ``max_gap`` seconds after the previous
one, followed (just as fast) by Enter, is a scan. It is routed to the checkout even when the
focus is in another field; slower typing passes through untouched.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

log = logging.getLogger(__name__)

MIN_LENGTH = 4
MAX_GAP = 0.035  # seconds between two keys of one scan

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WedgeDetector:
    """Pure timing logic; feed it every key press. ``clock`` returns seconds (injectable for tests)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, min_length: int = MIN_LENGTH,
                 max_gap: float = MAX_GAP) -> None:
        self._clock = clock
        self.min_length = min_length
        self.max_gap = max_gap
        self._buffer: list[str] = []
        self._last: float | None = None

    @property
    def buffer(self) -> str:
        return "".join(self._buffer)

    def reset(self) -> None:
        self._buffer.clear()
        self._last = None

    def feed_char(self, char: str) -> bool:
        """A printable key. True when it starts a new potential burst (the previous one was too slow)."""
        now = self._clock()
        fresh = self._last is None or now - self._last >= self.max_gap
        if fresh:
            self._buffer.clear()
        self._buffer.append(char)
        self._last = now
        return fresh

    def feed_enter(self) -> str | None:
        """Enter pressed: the scanned code if the keys before it were a scanner burst, else None."""
        now = self._clock()
        code = self.buffer
        quick = self._last is not None and now - self._last < self.max_gap
        self.reset()
        if quick and len(code) >= self.min_length:
            return code
        return None

    def feed_other(self) -> None:
        """Any other key (arrows, function keys, Backspace) ends a burst."""
        self.reset()


def is_printable(event: QKeyEvent) -> bool:
    text = event.text()
    if len(text) != 1 or not text.isprintable():
        return False
    mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return mods == Qt.KeyboardModifier.NoModifier


class WedgeFilter(QObject):
    """App-wide event filter that turns scanner bursts into :attr:`scanned` signals.

    Keys aimed at a widget registered with :meth:`set_native_target` (the checkout's scan field) are
    left alone: that field handles the scan itself. Elsewhere the burst's characters, already typed
    into a line edit, are taken back out and the Enter is swallowed so no default button fires.
    """

    scanned = Signal(str)

    def __init__(self, detector: WedgeDetector | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        self._native: weakref.ReferenceType[QWidget] | None = None
        self._snapshot: tuple[weakref.ReferenceType[QLineEdit], str, int] | None = None
        self._last_event: tuple[int, int, weakref.ReferenceType[QWidget]] | None = None
        #: Scans are only routed while this says so (e.g. only on the checkout screen).
        self.active: Callable[[], bool] = lambda: True

    def set_native_target(self, widget: QWidget | None) -> None:
        self._native = weakref.ref(widget) if widget is not None else None

    def _is_native(self, widget: QWidget) -> bool:
        return self._native is not None and self._native() is widget

    def _is_propagated(self, event: QKeyEvent, widget: QWidget) -> bool:
        """Ignored key events climb to the parents; count each key once."""
        ident = (shiboken6.getCppPointer(event)[0], event.key())
        last = self._last_event
        self._last_event = (ident[0], ident[1], weakref.ref(widget))
        if last is None or last[:2] != ident:
            return False
        child = last[2]()
        if child is None or not shiboken6.isValid(child) or widget is child:
            return False
        return widget.isAncestorOf(child)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget) or not isinstance(event, QKeyEvent):
            return False
        try:
            return self._key_press(obj, event)
        except Exception:  # an exception escaping an app-wide filter takes the whole till down
            log.exception("wedge filter failed; key passed through")
            self.detector.reset()
            return False

    def _key_press(self, obj: QWidget, event: QKeyEvent) -> bool:
        if self._is_propagated(event, obj):
            return False
        if event.key() in _ENTER_KEYS:
            code = self.detector.feed_enter()
            if code is None or self._is_native(obj) or not self._routable(obj):
                return False
            self._restore_snapshot()
            self.scanned.emit(code)
            return True
        if is_printable(event):
            if self.detector.feed_char(event.text()):
                self._take_snapshot(obj)
        elif event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            self.detector.feed_other()
        return False

    def _routable(self, widget: QWidget) -> bool:
        """PIN fields are never scans; and nothing is routed while the till is not selling."""
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            return False
        return self.active()

    def _take_snapshot(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit) and not self._is_native(widget):
            self._snapshot = (weakref.ref(widget), widget.text(), widget.cursorPosition())
        else:
            self._snapshot = None

    def _restore_snapshot(self) -> None:
        if self._snapshot is None:
            return
        ref, text, cursor = self._snapshot
        self._snapshot = None
        edit = ref()
        if edit is not None and shiboken6.isValid(edit):
            edit.setText(text)
            edit.setCursorPosition(cursor)
