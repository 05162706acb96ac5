"""登录, 开班 and 交班: the screens around the checkout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
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
from app.domain.pins import weakness
from ui.api import SessionInfo, Shift, ShiftClose, new_command_id
from ui.context import TillContext
from ui.dialogs import PosDialog
from ui.formats import yuan
from ui.widgets import AmountLabel, Keypad, MessageStrip, caption_value_row, disable_ime, repolish


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

    def _keypad(self, target: QLineEdit, decimal: bool = False) -> Keypad:
        keypad = Keypad(target, decimal=decimal)
        keypad.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.content.addWidget(keypad, 1)
        return keypad


class LoginScreen(_CentredScreen):
    """收银员登录: operator code and PIN, typed or tapped on the keypad."""

    logged_in = Signal(object)  # SessionInfo
    diagnostics_requested = Signal()

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
        self.diagnostics_button = QPushButton(self.tr("Hardware diagnostics (F2)"))
        self.diagnostics_button.setObjectName("secondaryButton")
        self.diagnostics_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.diagnostics_button.clicked.connect(self.diagnostics_requested.emit)
        self.content.addWidget(self.diagnostics_button)
        self.change_pin_button = QPushButton(self.tr("Change my PIN (F3)"))
        self.change_pin_button.setObjectName("secondaryButton")
        self.change_pin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.change_pin_button.clicked.connect(lambda: self.change_pin())
        self.content.addWidget(self.change_pin_button)
        change_pin = QShortcut(QKeySequence(Qt.Key.Key_F3), self)
        change_pin.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        change_pin.activated.connect(lambda: self.change_pin())
        #: the change-PIN dialog while it is open
        self.pin_dialog: ChangePinDialog | None = None
        diagnostics = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        diagnostics.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        diagnostics.activated.connect(self.diagnostics_requested.emit)
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
        self.ctx.worker.submit(lambda: client.login(self.ctx.till, operator, pin), self._done,
                               lambda exc: self._failed(exc, operator, pin))

    def _done(self, session: SessionInfo) -> None:
        self.login_button.setEnabled(True)
        self.message.clear_message()
        self.pin_edit.clear()
        self.logged_in.emit(session)

    def _failed(self, exc: Exception, operator: str = "", pin: str = "") -> None:
        self.login_button.setEnabled(True)
        self.message.show_error(str(exc))
        self.pin_edit.clear()
        self.pin_edit.setFocus()
        if getattr(exc, "code", "") == "pin_change_required":  # reset by the manager: choose one now
            self.change_pin(operator, pin)

    def change_pin(self, operator: str = "", pin: str = "") -> None:
        """改密码: with the PIN the operator has; then logged in with the new one."""
        dialog = ChangePinDialog(self.ctx, operator or self.operator_edit.text().strip(), pin, self)
        self.pin_dialog = dialog

        def changed() -> None:
            self.message.show_success(self.tr("PIN changed."))
            self.operator_edit.setText(dialog.operator.text().strip())
            self.pin_edit.setText(dialog.new_pin)
            self.submit()

        dialog.accepted.connect(changed)
        dialog.finished.connect(lambda _result: setattr(self, "pin_dialog", None))
        dialog.open()


class ChangePinDialog(PosDialog):
    """改密码: the operator's code, the PIN they have (after a reset, the one-time PIN), the new one twice."""

    def __init__(self, ctx: TillContext, operator: str = "", pin: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change my PIN"), parent, ok_text=self.tr("Change (Enter)"))
        self.ctx = ctx
        self.new_pin = ""
        form = QFormLayout()
        self.operator = QLineEdit(operator)
        self.old = QLineEdit(pin)
        self.first = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.first, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(8)
        for edit in (self.operator, self.old, self.first, self.again):
            disable_ime(edit)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Current PIN"), self.old)
        form.addRow(self.tr("New PIN"), self.first)
        form.addRow(self.tr("New PIN again"), self.again)
        self.body.addLayout(form)
        rule = QLabel(self.tr("4 to 8 digits, not all the same and not a run like 1234."))
        rule.setObjectName("caption")
        rule.setWordWrap(True)
        self.body.addWidget(rule)
        self.size_to_parent(0.45, 0.5)
        (self.first if operator and pin else self.operator if not operator else self.old).setFocus()

    def submit(self) -> None:
        for edit in (self.operator, self.old, self.first):
            if not edit.text().strip():
                edit.setFocus()
                return
        if self.first.text() != self.again.text():
            self.message.show_error(self.tr("The two new PINs differ."))
            self.again.setFocus()
            return
        reason = weakness(self.first.text(), self.old.text())
        if reason is not None:
            self.message.show_error(self.tr("4 to 8 digits, not all the same, not a run like 1234, "
                                            "and not the PIN you have."))
            self.first.setFocus()
            return
        client, till = self.ctx.client, self.ctx.till
        operator, old, new = self.operator.text().strip(), self.old.text(), self.first.text()
        self.ok_button.setEnabled(False)

        def done(_: object) -> None:
            self.new_pin = new
            self.accept()

        def failed(exc: Exception) -> None:
            self.ok_button.setEnabled(True)
            self.message.show_error(str(exc))

        self.ctx.worker.submit(lambda: client.change_pin(till, operator, old, new), done, failed, owner=self)


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
        form.addRow(self.tr("Float (￥)"), self.float_edit)
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


def over_short_text(over_short: int) -> tuple[str, str]:
    """(caption, kind) for 长短款: over (more cash than expected), short, or balanced."""
    if over_short > 0:
        return QCoreApplication.translate("ShiftCloseScreen", "Over"), "over"
    if over_short < 0:
        return QCoreApplication.translate("ShiftCloseScreen", "Short"), "short"
    return QCoreApplication.translate("ShiftCloseScreen", "Balanced"), "balanced"


class ShiftCloseScreen(_CentredScreen):
    """交班: a blind count of the drawer; only the server's answer reveals the expected cash and 长短款."""

    #: Back to the checkout without closing.
    back_requested = Signal()
    #: The shift is closed (ShiftClose); the cashier has seen the result.
    shift_closed = Signal(object)
    #: "Done": the cashier leaves the till.
    finished = Signal()

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: ShiftClose | None = None
        title = QLabel(self.tr("Close shift"))
        title.setObjectName("screenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(title)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.content.addWidget(self.hint)
        # the count: a field and the keypad
        self.count_form = QWidget()
        form = QFormLayout(self.count_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.counted_edit = QLineEdit()
        self.counted_edit.setObjectName("bigEdit")
        self.counted_edit.setPlaceholderText("0.00")
        disable_ime(self.counted_edit)
        form.addRow(self.tr("Cash counted (￥)"), self.counted_edit)
        self.content.addWidget(self.count_form)
        # the answer: expected, counted, over/short
        self.summary = QFrame()
        self.summary.setObjectName("totalsPanel")
        grid = QGridLayout(self.summary)
        self.expected_value = caption_value_row(grid, 0, self.tr("Expected in drawer"))
        self.counted_value = caption_value_row(grid, 1, self.tr("Counted"))
        self.over_short_caption = QLabel()
        self.over_short_caption.setObjectName("totalsCaption")
        grid.addWidget(self.over_short_caption, 2, 0)
        self.over_short_value = AmountLabel("big")
        self.over_short_value.setObjectName("overShort")
        grid.addWidget(self.over_short_value, 2, 1)
        self.content.addWidget(self.summary)
        self.message = MessageStrip()
        self.content.addWidget(self.message)
        self.keypad = self._keypad(self.counted_edit, decimal=True)
        self.keypad.submitted.connect(self.submit)
        self._filler = QWidget()  # takes the keypad's room while the result shows
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.content.addWidget(self._filler, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back to checkout (Esc)"))
        self.back_button.setObjectName("secondaryButton")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.close_button = QPushButton(self.tr("Close shift (Enter)"))
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.submit)
        self.done_button = QPushButton(self.tr("Done, log out (Enter)"))
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.finished.emit)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.close_button, 1)
        buttons.addWidget(self.done_button, 1)
        self.content.addLayout(buttons)
        self.counted_edit.returnPressed.connect(self.submit)
        self._command_id = new_command_id()
        self.prepare()

    def prepare(self) -> None:
        """Ready for a fresh count (a new command id: this is a new close attempt)."""
        self.result = None
        name = self.ctx.operator.name if self.ctx.operator else ""
        self.hint.setText(self.tr("%1, count the cash in the drawer and enter the total. "
                                  "The expected amount is shown after you close.").replace("%1", name))
        self.counted_edit.clear()
        self.message.clear_message()
        self._command_id = new_command_id()
        self._set_mode(counting=True)

    def _set_mode(self, counting: bool) -> None:
        self.count_form.setVisible(counting)
        self.keypad.setVisible(counting)
        self.back_button.setVisible(counting)
        self.close_button.setVisible(counting)
        self.close_button.setEnabled(True)
        self.summary.setVisible(not counting)
        self._filler.setVisible(not counting)
        self.done_button.setVisible(not counting)
        if counting:
            self.counted_edit.setFocus()
        else:
            self.done_button.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        (self.counted_edit if self.result is None else self.done_button).setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape and self.result is None:
            self.back_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.result is not None:
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.result is not None or not self.close_button.isEnabled():
            return
        text = self.counted_edit.text().strip()
        try:
            counted = parse_yuan(text) if text else -1
        except InvalidAmount:
            counted = -1
        if not 0 <= counted <= MAX_AMOUNT:
            self.message.show_error(self.tr("Enter the cash counted, such as 1268.50 (0 for an empty drawer)."))
            self.counted_edit.selectAll()
            self.counted_edit.setFocus()
            return
        self.close_button.setEnabled(False)
        self.message.show_info(self.tr("Closing the shift…"), 0)
        client, command_id = self.ctx.client, self._command_id
        self.ctx.worker.submit(lambda: client.close_shift(counted, command_id), self._done, self._failed)

    def _done(self, result: ShiftClose) -> None:
        self.ctx.shift = None
        self.show_result(result)
        self.shift_closed.emit(result)

    def show_result(self, result: ShiftClose) -> None:
        """Expected, counted and 长短款, and the button that leaves the till."""
        self.result = result
        self.expected_value.setText(yuan(result.expected))
        self.counted_value.setText(yuan(result.counted))
        caption, kind = over_short_text(result.over_short)
        self.over_short_caption.setText(caption)
        sign = "+" if result.over_short > 0 else ""
        self.over_short_value.setText(sign + yuan(result.over_short))
        self.over_short_value.setProperty("kind", kind)
        repolish(self.over_short_value)
        self.hint.setText(self.tr("The shift is closed."))
        self.message.clear_message()
        self._set_mode(counting=False)

    def _failed(self, exc: Exception) -> None:
        self.close_button.setEnabled(True)
        self.message.show_error(str(exc))  # e.g. ticket_open, in the server's words and language
        self.counted_edit.setFocus()
