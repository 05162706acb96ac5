"""审计: the store's hash-chained audit log for the manager — overrides (who asked, who authorised),
no-sales, price changes, voids, returns without a receipt, PIN resets, Zs — filtered by days,
action and operator, exported as CSV, and verified: the button says whether the chain holds, and
names the first entry that was changed behind the store's back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import format_fen
from ui.backoffice.shell import BackOfficeContext
from ui.dialogs import item_table
from ui.widgets import MessageStrip

ACTIONS = {
    "no_sale": QT_TRANSLATE_NOOP("AuditPage", "Drawer opened without a sale"),
    "price_override": QT_TRANSLATE_NOOP("AuditPage", "Price changed"),
    "void_line": QT_TRANSLATE_NOOP("AuditPage", "Line voided"),
    "void_ticket": QT_TRANSLATE_NOOP("AuditPage", "Ticket cancelled"),
    "return": QT_TRANSLATE_NOOP("AuditPage", "Refund above the limit"),
    "return_no_receipt": QT_TRANSLATE_NOOP("AuditPage", "Return without a receipt"),
    "diagnostics": QT_TRANSLATE_NOOP("AuditPage", "Diagnostics opened"),
    "override_refused": QT_TRANSLATE_NOOP("AuditPage", "Authorisation refused"),
    "override_locked": QT_TRANSLATE_NOOP("AuditPage", "Authorisation locked after failed tries"),
    "pin_reset": QT_TRANSLATE_NOOP("AuditPage", "PIN reset"),
    "pin_changed": QT_TRANSLATE_NOOP("AuditPage", "PIN changed"),
    "operator_locked": QT_TRANSLATE_NOOP("AuditPage", "Operator locked"),
    "operator_unlocked": QT_TRANSLATE_NOOP("AuditPage", "Operator unlocked"),
    "day_closed": QT_TRANSLATE_NOOP("AuditPage", "Day closed (Z)"),
    "cash_deposited": QT_TRANSLATE_NOOP("AuditPage", "Cash deposited"),
    "settings_changed": QT_TRANSLATE_NOOP("AuditPage", "Settings changed"),
    "stored_value_topup": QT_TRANSLATE_NOOP("AuditPage", "Stored value topped up"),
}


def action_label(action: str) -> str:
    return QCoreApplication.translate("AuditPage", ACTIONS[action]) if action in ACTIONS else action


class AuditPage(QWidget):
    """审计."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        self.verdict: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(self._filters())
        self.message = MessageStrip()
        layout.addWidget(self.message)
        self.table = item_table([self.tr("No."), self.tr("Time"), self.tr("Till"), self.tr("Operator"),
                                 self.tr("Authorised by"), self.tr("Action"), self.tr("About"), self.tr("Detail")],
                                stretch=7)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.chain = QLabel()
        self.chain.setObjectName("caption")
        self.chain.setWordWrap(True)
        bottom.addWidget(self.chain, 1)
        self.verify_button = QPushButton(self.tr("Verify the chain (F9)"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export CSV (Ctrl+E)"))
        self.export_button.clicked.connect(lambda: self.export())
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        for keys, slot in (("F5", self.refresh), ("F9", self.verify), ("Ctrl+E", lambda: self.export())):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._loaded = False

    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = QDate.currentDate()
        self.first = QDateEdit(today.addDays(-6))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)
        self.action = QComboBox()
        self.action.addItem(self.tr("Every action"), "")
        for code in ACTIONS:
            self.action.addItem(action_label(code), code)
        bar.addWidget(self.action)
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("Operator code"))
        self.operator.setMaxLength(16)
        self.operator.returnPressed.connect(self.refresh)
        bar.addWidget(self.operator)
        self.refresh_button = QPushButton(self.tr("Show (F5)"))
        self.refresh_button.setObjectName("primaryButton")
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        return bar

    def query(self) -> dict[str, str]:
        return {"first": self.first.date().toString("yyyy-MM-dd"), "last": self.last.date().toString("yyyy-MM-dd"),
                "action": str(self.action.currentData() or ""), "operator": self.operator.text().strip()}

    # ---- asking the store server --------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def _fail(self, exc: Exception) -> None:
        self.message.show_error(str(exc))

    def refresh(self) -> None:
        client, query = self.ctx.client, self.query()
        self.ctx.worker.submit(lambda: client.audit(**query), self.show_entries, self._fail, owner=self)

    def verify(self) -> None:
        self.ctx.worker.submit(self.ctx.client.audit_verify, self.show_verdict, self._fail, owner=self)

    def export(self, path: str | None = None) -> None:
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(Path(folder) / "audit.csv"),
                                                  "CSV (*.csv)")
            if not path:
                return
        client, query, target = self.ctx.client, self.query(), Path(path)

        def run() -> Path:
            target.write_bytes(client.audit_csv(**query))
            return target

        self.ctx.worker.submit(run, lambda saved: self.message.show_success(self.tr("Saved %1").replace(
            "%1", str(saved))), self._fail, owner=self)

    # ---- showing -----------------------------------------------------------------------------------

    def show_entries(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            detail = entry["detail"]
            if entry.get("amount") is not None:
                detail = f"{detail} {format_fen(int(entry['amount']), symbol='￥')}".strip()
            cells = (str(entry["seq"]), entry["at"].replace("T", " "), entry["till"], entry["actor"],
                     entry["approver"], action_label(entry["action"]), entry["subject"], detail)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not rows:
            self.message.show_info(self.tr("Nothing recorded for this choice."))

    def show_verdict(self, verdict: dict[str, Any]) -> None:
        self.verdict = verdict
        if verdict["intact"]:
            self.chain.setText(self.tr("The chain is intact: %1 entries.").replace("%1", str(verdict["entries"])))
            self.message.show_success(self.chain.text())
        else:
            self.chain.setText(self.tr("The chain is broken at entry %1: it was changed after it was written.")
                               .replace("%1", str(verdict["broken_at"])))
            self.message.show_error(self.chain.text())


def page(ctx: BackOfficeContext) -> QWidget:
    return AuditPage(ctx)
