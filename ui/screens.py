"""登录 and 开班: the screens before the checkout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidAmount
from app.domain.money import MAX_AMOUNT, parse_yuan
from ui.api import SessionInfo, Shift, new_command_id
from ui.context import TillContext
from ui.widgets import Keypad, MessageStrip, disable_ime


class _CentredScreen(QWidget):
    """A form in a centred card with a keypad under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        self.content = QVBoxLayout()
        self.content.setSpacing(12)
        column.addLayout(self.content, 6)
        column.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)

    def _keypad(self, target: QLineEdit) -> Keypad:
        keypad = Keypad(target)
        keypad.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.content.addWidget(keypad, 1)
        return keypad


class LoginScreen(_CentredScreen):
    """收银员登录: operator code and PIN, typed or tapped on the keypad."""

    logged_in = Signal(object)  # SessionInfo

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("OmniStore checkout"))
        title.setObjectName("screenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(title)
        till = QLabel(self.tr("Till %1").replace("%1", ctx.till))
        till.setObjectName("tillBadge")
        till.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(till)
        form = QFormLayout()
        self.operator_edit = QLineEdit()
        self.operator_edit.setPlaceholderText(self.tr("Operator code"))
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        for edit in (self.operator_edit, self.pin_edit):
            disable_ime(edit)
            edit.installEventFilter(self)
        form.addRow(self.tr("Operator"), self.operator_edit)
        form.addRow(self.tr("PIN"), self.pin_edit)
        self.content.addLayout(form)
        self.message = MessageStrip()
        self.content.addWidget(self.message)
        self.keypad = self._keypad(self.operator_edit)
        self.keypad.submitted.connect(self._advance)
        self.login_button = QPushButton(self.tr("Log in (Enter)"))
        self.login_button.setObjectName("primaryButton")
        self.login_button.clicked.connect(self.submit)
        self.content.addWidget(self.login_button)
        self.operator_edit.returnPressed.connect(self._advance)
        self.pin_edit.returnPressed.connect(self.submit)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn and isinstance(obj, QLineEdit):
            self.keypad.set_target(obj)
        return super().eventFilter(obj, event)

    def reset(self) -> None:
        self.operator_edit.clear()
        self.pin_edit.clear()
        self.message.clear_message()
        self.login_button.setEnabled(True)
        self.operator_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.operator_edit.setFocus()

    def _advance(self) -> None:
        if self.operator_edit.hasFocus() or not self.operator_edit.text().strip():
            if not self.operator_edit.text().strip():
                self.operator_edit.setFocus()
                return
            self.pin_edit.setFocus()
            return
        self.submit()

    def submit(self) -> None:
        operator = self.operator_edit.text().strip()
        pin = self.pin_edit.text()
        if not operator:
            self.message.show_error(self.tr("Enter your operator code."))
            self.operator_edit.setFocus()
            return
        if not pin:
            self.message.show_error(self.tr("Enter your PIN."))
            self.pin_edit.setFocus()
            return
        self.login_button.setEnabled(False)
        self.message.show_info(self.tr("Logging in…"), 0)
        client = self.ctx.client
        self.ctx.worker.submit(lambda: client.login(self.ctx.till, operator, pin), self._done, self._failed)

    def _done(self, session: SessionInfo) -> None:
        self.login_button.setEnabled(True)
        self.message.clear_message()
        self.pin_edit.clear()
        self.logged_in.emit(session)

    def _failed(self, exc: Exception) -> None:
        self.login_button.setEnabled(True)
        self.message.show_error(str(exc))
        self.pin_edit.clear()
        self.pin_edit.setFocus()


class ShiftOpenScreen(_CentredScreen):
    """开班: count the float (备用金) into the drawer and open the shift."""

    shift_opened = Signal(object)  # Shift | None
    logout_requested = Signal()

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Open shift"))
        title.setObjectName("screenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(title)
        self.greeting = QLabel()
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(self.greeting)
        form = QFormLayout()
        self.float_edit = QLineEdit()
        self.float_edit.setObjectName("bigEdit")
        self.float_edit.setPlaceholderText("0.00")
        disable_ime(self.float_edit)
        form.addRow(self.tr("Float (¥)"), self.float_edit)
        self.content.addLayout(form)
        self.message = MessageStrip()
        self.content.addWidget(self.message)
        keypad = self._keypad(self.float_edit)
        keypad.submitted.connect(self.submit)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Log out"))
        back.setObjectName("secondaryButton")
        back.clicked.connect(self.logout_requested.emit)
        self.open_button = QPushButton(self.tr("Open shift (Enter)"))
        self.open_button.setObjectName("primaryButton")
        self.open_button.clicked.connect(self.submit)
        buttons.addWidget(back)
        buttons.addWidget(self.open_button, 1)
        self.content.addLayout(buttons)
        self.float_edit.returnPressed.connect(self.submit)
        self._command_id = new_command_id()

    def prepare(self) -> None:
        name = self.ctx.operator.name if self.ctx.operator else ""
        self.greeting.setText(self.tr("%1, count the float into the drawer.").replace("%1", name))
        self.float_edit.clear()
        self.message.clear_message()
        self.open_button.setEnabled(True)
        self._command_id = new_command_id()
        self.float_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.float_edit.setFocus()

    def submit(self) -> None:
        text = self.float_edit.text().strip() or "0"
        try:
            amount = parse_yuan(text)
        except InvalidAmount:
            amount = -1
        if not 0 <= amount <= MAX_AMOUNT:
            self.message.show_error(self.tr("Enter the float as an amount, such as 500 or 200.50."))
            self.float_edit.selectAll()
            return
        self.open_button.setEnabled(False)
        client, command_id = self.ctx.client, self._command_id
        self.ctx.worker.submit(lambda: client.open_shift(amount, command_id), self._done, self._failed)

    def _done(self, shift: Shift | None) -> None:
        self.open_button.setEnabled(True)
        self.shift_opened.emit(shift)

    def _failed(self, exc: Exception) -> None:
        self.open_button.setEnabled(True)
        self.message.show_error(str(exc))
