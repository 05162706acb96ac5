"""Small reusable widgets: the on-screen keypad, the message strip, big amount labels."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QWidget,
)

#: The height of a row or a control a finger must hit on the touch screen (at least 44 px).
TOUCH_ROW = 48


def disable_ime(edit: QLineEdit) -> None:
    """Scanners and numeric fields must bypass the Chinese input method (输入法)."""
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin | Qt.InputMethodHint.ImhNoPredictiveText
                             | Qt.InputMethodHint.ImhLatinOnly)


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class Keypad(QWidget):
    """A large touch keypad that types into a target line edit (数字键盘)."""

    #: The OK key was pressed.
    submitted = Signal()

    def __init__(self, target: QLineEdit | None = None, *, decimal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self._target = target
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3"]
        for i, key in enumerate(keys):
            grid.addWidget(self._button(key, lambda _=False, k=key: self._type(k)), i // 3, i % 3)
        grid.addWidget(self._button("." if decimal else "00", lambda: self._type("." if decimal else "00")), 3, 0)
        grid.addWidget(self._button("0", lambda: self._type("0")), 3, 1)
        grid.addWidget(self._button("⌫", self._backspace, name="keypadBack"), 3, 2)
        clear = self._button(self.tr("Clear"), self._clear, name="keypadClear")
        ok = self._button(self.tr("OK"), self.submitted.emit, name="keypadOk")
        grid.addWidget(clear, 0, 3, 2, 1)
        grid.addWidget(ok, 2, 3, 2, 1)

    def set_target(self, target: QLineEdit) -> None:
        self._target = target

    def _button(self, text: str, slot, name: str = "keypadKey") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the cursor in the field
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setAutoRepeat(name == "keypadBack")
        button.clicked.connect(slot)
        return button

    def _type(self, text: str) -> None:
        if self._target is not None:
            self._target.insert(text)
            self._target.setFocus()

    def _backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()

    def _clear(self) -> None:
        if self._target is not None:
            self._target.clear()


class MessageStrip(QLabel):
    """A coloured strip for the last error (red) or notice (green/blue)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageStrip")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setProperty("kind", "none")
        self._timer = QTimer(self, singleShot=True, timeout=self.clear_message)

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_error(self, text: str, *, beep: bool = True) -> None:
        if beep:
            QApplication.beep()
        self._show(text, "error", 0)

    def show_info(self, text: str, timeout_ms: int = 4000) -> None:
        self._show(text, "info", timeout_ms)

    def show_success(self, text: str, timeout_ms: int = 4000) -> None:
        self._show(text, "success", timeout_ms)

    def clear_message(self) -> None:
        self._timer.stop()
        self.setText("")
        self.setProperty("kind", "none")
        repolish(self)

    def _show(self, text: str, kind: str, timeout_ms: int) -> None:
        self.setText(text)
        self.setProperty("kind", kind)
        repolish(self)
        self._timer.stop()
        if timeout_ms:
            self._timer.start(timeout_ms)


class AmountLabel(QLabel):
    """A money figure in large digits; ``size`` picks the style (big / huge)."""

    def __init__(self, size: str = "big", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"amount_{size}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ScanEdit(QLineEdit):
    """The checkout's scan field: no IME, arrows move the line selection, '+' means pay.

    The till's shortcuts in ``reserved`` stay the till's even while the field has the focus: a line
    edit would otherwise take Ctrl+Delete for itself (delete the next word).
    """

    pay_requested = Signal()
    move_selection = Signal(int)

    def __init__(self, parent: QWidget | None = None, reserved: Iterable[QKeySequence] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("scanEdit")
        disable_ime(self)
        self._reserved = {sequence[0].toCombined() for sequence in reserved if not sequence.isEmpty()}

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.keyCombination().toCombined() in self._reserved):
            event.ignore()  # not the field's: the till's shortcut takes it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Plus and not self.text():
            self.pay_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selection.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class QuantityStepper(QWidget):
    """How many come back (退货数量): − and + buttons a finger can hit either side of the number; from
    the keyboard, a digit sets it and the arrows or +/- step it. Reads like a spin box: ``value()``,
    ``setValue()``, ``valueChanged``."""

    valueChanged = Signal(int)  # as QSpinBox names it
    #: the width its column needs: two touch buttons and the number between them
    WIDTH = 3 * TOUCH_ROW + 16

    def __init__(self, maximum: int, value: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quantityStepper")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._maximum = maximum
        self._value = max(0, min(maximum, value))
        self.number = QLabel(str(self._value))
        self.number.setObjectName("stepperValue")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.minus = self._step_button("−", -1)
        self.plus = self._step_button("+", 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(1, 1, 1, 1)
        row.setSpacing(2)
        row.addWidget(self.minus)
        row.addWidget(self.number, 1)
        row.addWidget(self.plus)
        self.setMinimumHeight(TOUCH_ROW - 2)

    def _step_button(self, text: str, step: int) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("stepKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(True)
        button.setFixedWidth(TOUCH_ROW)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda _checked=False: self.setValue(self._value + step))
        return button

    def value(self) -> int:
        return self._value

    def maximum(self) -> int:
        return self._maximum

    def setValue(self, value: int) -> None:  # noqa: N802 (as QSpinBox names it)
        value = max(0, min(self._maximum, value))
        if value != self._value:
            self._value = value
            self.number.setText(str(value))
            self.valueChanged.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key, text = event.key(), event.text()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.setValue(self._value + 1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.setValue(self._value - 1)
        elif text.isdigit():
            self.setValue(int(text))
        else:
            super().keyPressEvent(event)


def stepper_column(table: QTableWidget, column: int) -> None:
    """The column of ``QuantityStepper`` cells: wide enough for both buttons and the number."""
    table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    table.setColumnWidth(column, QuantityStepper.WIDTH)


def caption_value_row(grid: QGridLayout, row: int, caption: str) -> QLabel:
    """A caption on the left and a right-aligned value on the right (totals, shift summary)."""
    label = QLabel(caption)
    label.setObjectName("totalsCaption")
    value = QLabel()
    value.setObjectName("totalsValue")
    value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    grid.addWidget(label, row, 0)
    grid.addWidget(value, row, 1)
    return value
