"""人员: the store's operators as HQ sent them — role, whether they may log in, last login where and
when — for the manager to lock and unlock (停用/启用), give a one-time PIN (重置密码: the operator
chooses their own at the next login), and see who was logged in where."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.pins import weakness
from ui.api import new_command_id
from ui.backoffice.shell import BackOfficeContext
from ui.dialogs import PosDialog, item_table
from ui.widgets import MessageStrip

ROLES = {
    "cashier": QT_TRANSLATE_NOOP("StaffPage", "Cashier"),
    "supervisor": QT_TRANSLATE_NOOP("StaffPage", "Supervisor"),
    "manager": QT_TRANSLATE_NOOP("StaffPage", "Manager"),
}


def role_label(role: str) -> str:
    return QCoreApplication.translate("StaffPage", ROLES[role]) if role in ROLES else role


def moment(text: str | None) -> str:
    return (text or "").replace("T", " ")[:16]


class PinResetDialog(PosDialog):
    """重置密码: the one-time PIN the manager gives the operator, typed twice."""

    def __init__(self, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reset the PIN of %1").replace("%1", operator), parent,
                         ok_text=self.tr("Reset (Enter)"))
        self.pin_value = ""
        note = QLabel(self.tr("Give the operator this one-time PIN: at their next login they choose their own."))
        note.setWordWrap(True)
        self.body.addWidget(note)
        form = QFormLayout()
        self.pin = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.pin, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName("bigEdit")
            edit.setMaxLength(8)
        form.addRow(self.tr("One-time PIN"), self.pin)
        form.addRow(self.tr("Once more"), self.again)
        self.body.addLayout(form)
        self.size_to_parent(0.45, 0.45)
        self.pin.setFocus()

    def submit(self) -> None:
        pin = self.pin.text()
        if weakness(pin) is not None:
            self.message.show_error(self.tr("4 to 8 digits, not all the same and not a run like 1234."))
            self.pin.setFocus()
            return
        if self.again.text() != pin:
            self.message.show_error(self.tr("The two PINs differ."))
            self.again.setFocus()
            return
        self.pin_value = pin
        self.accept()


class StaffPage(QWidget):
    """人员."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        title = QLabel(self.tr("Operators of this store"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        self.table = item_table([self.tr("Code"), self.tr("Name"), self.tr("Role"), self.tr("State"),
                                 self.tr("Last login"), self.tr("Till")], stretch=1)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, *_: self._row_changed(row))
        layout.addWidget(self.table, 3)
        buttons = QHBoxLayout()
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.clicked.connect(self.toggle_lock)
        self.reset_button = QPushButton(self.tr("Reset PIN (Ctrl+R)"))
        self.reset_button.clicked.connect(self.reset_pin)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.lock_button, self.reset_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        self.logins_title = QLabel(self.tr("Logins"))
        self.logins_title.setObjectName("caption")
        layout.addWidget(self.logins_title)
        self.logins = item_table([self.tr("Time"), self.tr("Till"), self.tr("Session")], stretch=1)
        self.logins.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.logins, 2)
        for keys, slot in (("Ctrl+L", self.toggle_lock), ("Ctrl+R", self.reset_pin), ("F5", self.refresh)):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._loaded = False

    # ---- asking the store server --------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        self.ctx.worker.submit(self.ctx.client.operators, self.show_operators, self._fail, owner=self)

    def _fail(self, exc: Exception) -> None:
        self.message.show_error(str(exc))

    @property
    def current(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def toggle_lock(self) -> None:
        operator = self.current
        if operator is None or operator["code"] == self.ctx.operator.code:
            return
        lock = not (operator["locked"] or operator["locked_out"])
        client, code, command_id = self.ctx.client, operator["code"], new_command_id()

        def done(_: dict[str, Any]) -> None:
            self.message.show_success((self.tr("%1 is locked: they cannot log in.") if lock
                                       else self.tr("%1 may log in again.")).replace("%1", code))
            self.refresh()

        self.ctx.worker.submit(lambda: client.lock_operator(code, lock, command_id), done, self._fail, owner=self)

    def reset_pin(self) -> None:
        operator = self.current
        if operator is None or operator["code"] == self.ctx.operator.code:
            return
        dialog = PinResetDialog(f"{operator['name']} ({operator['code']})", self)
        if not dialog.exec():
            return
        client, code, pin, command_id = self.ctx.client, operator["code"], dialog.pin_value, new_command_id()

        def done(_: dict[str, Any]) -> None:
            self.message.show_success(self.tr("PIN of %1 reset: they choose a new one at their next login.")
                                      .replace("%1", code))
            self.refresh()

        self.ctx.worker.submit(lambda: client.reset_pin(code, pin, command_id), done, self._fail, owner=self)

    # ---- showing -----------------------------------------------------------------------------------

    def state_text(self, operator: dict[str, Any]) -> str:
        if not operator["active"]:
            return self.tr("Inactive")
        if operator["locked"]:
            return self.tr("Locked")
        if operator["locked_out"]:
            return self.tr("Wrong PINs: locked for a while")
        if operator["pin_change_required"]:
            return self.tr("Must choose a new PIN")
        return self.tr("Logged in") if operator["logged_in"] else self.tr("Active")

    def show_operators(self, rows: list[dict[str, Any]]) -> None:
        keep = self.current["code"] if self.current else None
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, op in enumerate(rows):
            cells = (op["code"], op["name"], role_label(op["role"]), self.state_text(op),
                     moment(op.get("last_login_at")), op.get("last_login_till") or "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        again = next((n for n, op in enumerate(rows) if op["code"] == keep), 0 if rows else -1)
        if again >= 0:
            self.table.setCurrentCell(again, 0)
            self._row_changed(again)

    def _row_changed(self, row: int) -> None:
        operator = self.rows[row] if 0 <= row < len(self.rows) else None
        other = operator is not None and operator["code"] != self.ctx.operator.code
        self.lock_button.setEnabled(other)
        self.reset_button.setEnabled(other)
        if operator is None:
            return
        self.lock_button.setText(self.tr("Unlock (Ctrl+L)") if operator["locked"] or operator["locked_out"]
                                 else self.tr("Lock (Ctrl+L)"))
        self.logins_title.setText(self.tr("Logins of %1").replace("%1", operator["name"]))
        code = operator["code"]
        self.ctx.worker.submit(lambda: self.ctx.client.logins(code), self.show_logins, self._fail, owner=self)

    def show_logins(self, rows: list[dict[str, Any]]) -> None:
        self.logins.setRowCount(len(rows))
        for row, login in enumerate(rows):
            cells = (moment(login["at"]), f"{login['till_name']} ({login['till']})",
                     self.tr("Open") if login["open"] else self.tr("Ended"))
            for column, text in enumerate(cells):
                self.logins.setItem(row, column, QTableWidgetItem(text))


def page(ctx: BackOfficeContext) -> QWidget:
    return StaffPage(ctx)
