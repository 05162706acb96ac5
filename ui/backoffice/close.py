"""交班与日结: the X report of a day so far, the Z report that closes it (a manager, once, after
every shift), the Zs already taken, printing on the till's receipt printer, XLSX and CSV exports,
and the cash deposits (缴款) made against a Z with who took the money."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import format_fen, parse_yuan
from app.domain.sale import label as tender_label
from ui.api import new_command_id
from ui.backoffice.shell import BackOfficeContext
from ui.dialogs import PosDialog, item_table
from ui.widgets import MessageStrip


def yuan(amount: int | None) -> str:
    return "—" if amount is None else format_fen(amount, symbol="￥")


class DepositDialog(PosDialog):
    """缴款: how much cash leaves the store against this Z, and who took it."""

    def __init__(self, z_no: int, left: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cash deposit for Z%1").replace("%1", f"{z_no:04d}"), parent,
                         ok_text=self.tr("Record (Enter)"))
        self.left = left
        self.chosen: tuple[int, str, str] | None = None
        form = QFormLayout()
        self.amount = QLineEdit(format_fen(left) if left > 0 else "")
        self.amount.setObjectName("bigEdit")
        form.addRow(self.tr("Amount (￥)"), self.amount)
        self.taken_by = QLineEdit()
        self.taken_by.setPlaceholderText(self.tr("Who took the money, e.g. the bank's courier"))
        form.addRow(self.tr("Taken by"), self.taken_by)
        self.note = QLineEdit()
        form.addRow(self.tr("Note"), self.note)
        self.body.addLayout(form)
        self.message.show_info(self.tr("Counted cash not yet deposited: %1").replace("%1", yuan(left)), 0)
        self.size_to_parent(0.5, 0.45)
        self.amount.setFocus()
        self.amount.selectAll()

    def submit(self) -> None:
        try:
            amount = parse_yuan(self.amount.text())
        except DomainError:
            self.message.show_error(self.tr("Not an amount: %1").replace("%1", self.amount.text()))
            return
        if amount <= 0:
            self.message.show_error(self.tr("A deposit is more than ￥0.00."))
            return
        if amount > self.left:
            self.message.show_error(self.tr("At most %1 is left to deposit.").replace("%1", yuan(self.left)))
            return
        if not self.taken_by.text().strip():
            self.message.show_error(self.tr("Say who took the money."))
            self.taken_by.setFocus()
            return
        self.chosen = (amount, self.taken_by.text().strip(), self.note.text().strip())
        self.accept()


class ClosePage(QWidget):
    """交班与日结."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: dict[str, Any] | None = None
        self.deposit_dialog: DepositDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Business day")))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        bar.addWidget(self.day)
        self.x_button = QPushButton(self.tr("X report (F5)"))
        self.x_button.clicked.connect(self.show_x)
        self.z_button = QPushButton(self.tr("Close the day (Z)…"))
        self.z_button.setObjectName("primaryButton")
        self.z_button.clicked.connect(self.ask_close_day)
        self.z_button.setVisible(ctx.allows("manager"))
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        self.xlsx_button = QPushButton(self.tr("Export XLSX"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button = QPushButton(self.tr("Export CSV"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.deposit_button = QPushButton(self.tr("Deposit…"))
        self.deposit_button.clicked.connect(self.ask_deposit)
        self.deposit_button.setVisible(ctx.allows("manager"))
        for button in (self.x_button, self.z_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        files = QHBoxLayout()
        for button in (self.print_button, self.xlsx_button, self.csv_button, self.deposit_button):
            files.addWidget(button)
        files.addStretch(1)
        layout.addLayout(files)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Pick a day and show its X report, or a Z below"))
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        left_layout.addWidget(self.title)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        left_layout.addWidget(self.figures)
        self.tenders = item_table([self.tr("Tender"), self.tr("Taken"), self.tr("Change"), self.tr("Refunded"),
                                   self.tr("Net"), self.tr("Expected"), self.tr("Counted"), self.tr("Over/short")])
        self.shifts = item_table([self.tr("Till"), self.tr("Cashier"), self.tr("Float"), self.tr("Expected"),
                                  self.tr("Counted"), self.tr("Over/short")], stretch=1)
        self.closes = item_table([self.tr("Z"), self.tr("Business day"), self.tr("Net sales"), self.tr("Counted cash"),
                                  self.tr("Deposited")], stretch=1)
        for table in (self.tenders, self.shifts, self.closes):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setDefaultSectionSize(36)
        self.closes.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.closes.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.closes.cellActivated.connect(lambda row, _c: self.open_z(row))
        self.closes.cellClicked.connect(lambda row, _c: self.open_z(row))
        left_layout.addWidget(self.tenders, 2)
        left_layout.addWidget(self.shifts, 1)
        closes_title = QLabel(self.tr("Days closed (last 60 days)"))
        closes_title.setObjectName("caption")
        left_layout.addWidget(closes_title)
        left_layout.addWidget(self.closes, 2)
        split.addWidget(left)
        self.slip = QPlainTextEdit()
        self.slip.setObjectName("reportSlip")
        self.slip.setReadOnly(True)
        mono = QFont(["Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", "monospace"])
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.slip.setFont(mono)
        split.addWidget(self.slip)
        split.setSizes([660, 320])
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("F5"), self, self.show_x, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_report,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.close_rows: list[dict[str, Any]] = []
        self._loaded = False
        self._update_buttons()

    # ---- asking ---------------------------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.show_x()
            self.load_closes()

    def _fail(self, exc: Exception) -> None:
        self.message.show_error(str(exc))

    @property
    def day_text(self) -> str:
        return self.day.date().toString("yyyy-MM-dd")

    def show_x(self) -> None:
        client, day = self.ctx.client, self.day_text
        self.ctx.worker.submit(lambda: (client.x_report(day), client.report_file(None, day, "text")),
                               lambda got: self.show_report(*got), self._fail, owner=self)

    def open_z(self, row: int) -> None:
        if not 0 <= row < len(self.close_rows):
            return
        z_no, client = int(self.close_rows[row]["z_no"]), self.ctx.client
        self.ctx.worker.submit(lambda: (client.z_report(z_no), client.report_file(z_no, None, "text")),
                               lambda got: self.show_report(*got), self._fail, owner=self)

    def load_closes(self) -> None:
        client = self.ctx.client
        last = QDate.currentDate()
        first, last_text = last.addDays(-60).toString("yyyy-MM-dd"), last.toString("yyyy-MM-dd")
        self.ctx.worker.submit(lambda: client.day_closes(first, last_text), self.show_closes, self._fail, owner=self)

    def ask_close_day(self) -> None:
        """日结 after a confirmation: it can't be undone."""
        day = self.day_text
        answer = QMessageBox.question(
            self, self.tr("Close the day"),
            self.tr("Close business day %1? Every shift of it must be closed; a day closes once.").replace("%1", day))
        if answer == QMessageBox.StandardButton.Yes:
            self.close_day(day)

    def close_day(self, day: str) -> None:
        client, command_id = self.ctx.client, new_command_id()

        def run() -> tuple[dict[str, Any], bytes]:
            report = client.close_day(day, command_id)
            return report, client.report_file(int(report["z_no"]), None, "text")

        def done(got: tuple[dict[str, Any], bytes]) -> None:
            self.show_report(*got)
            self.message.show_success(self.tr("Day %1 closed: Z%2").replace("%1", day)
                                      .replace("%2", f"{int(got[0]['z_no']):04d}"), 0)
            self.load_closes()

        self.ctx.worker.submit(run, done, self._fail, owner=self)

    def ask_deposit(self) -> None:
        report = self.report
        if report is None or report.get("kind") != "Z":
            self.message.show_error(self.tr("Open the day's Z first: a deposit is made against a Z."))
            return
        left = int(report.get("cash_counted") or 0) - int(report.get("deposited") or 0)
        dialog = DepositDialog(int(report["z_no"]), left, self)
        self.deposit_dialog = dialog
        dialog.accepted.connect(lambda: self._deposit(int(report["z_no"]), dialog.chosen))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def _deposit(self, z_no: int, chosen: tuple[int, str, str] | None) -> None:
        if chosen is None:
            return
        amount, taken_by, note = chosen
        client, command_id = self.ctx.client, new_command_id()

        def run() -> tuple[dict[str, Any], bytes]:
            client.deposit(z_no, amount, taken_by, note, command_id)
            return client.z_report(z_no), client.report_file(z_no, None, "text")

        def done(got: tuple[dict[str, Any], bytes]) -> None:
            self.show_report(*got)
            self.message.show_success(self.tr("Deposit of %1 recorded, taken by %2").replace("%1", yuan(amount))
                                      .replace("%2", taken_by), 0)
            self.load_closes()

        self.ctx.worker.submit(run, done, self._fail, owner=self)

    def _which(self) -> tuple[int | None, str]:
        report = self.report or {}
        z_no = report.get("z_no") if report.get("kind") == "Z" else None
        return (None if z_no is None else int(z_no)), str(report.get("business_day") or self.day_text)

    def print_report(self) -> None:
        """The report on the till's receipt printer (Chinese, the printer's own encoding)."""
        if self.report is None:
            return
        if self.ctx.print_receipt is None:
            self.message.show_error(self.tr("This till has no receipt printer."))
            return
        z_no, day = self._which()
        client, printer, profile = self.ctx.client, self.ctx.print_receipt, self.ctx.printer_profile
        name = f"Z{z_no:04d}" if z_no else f"X {day}"

        def run() -> None:
            printer(client.report_file(z_no, day, "escpos", profile), name)

        self.ctx.worker.submit(run, lambda _ok: self.message.show_success(self.tr("Sent to the printer: %1")
                                                                           .replace("%1", name)),
                               self._fail, owner=self)

    def export(self, fmt: str, path: str | None = None) -> None:
        """The report as an XLSX or CSV file where the manager saves it."""
        if self.report is None:
            return
        z_no, day = self._which()
        name = f"{f'Z{z_no:04d}' if z_no else 'X'}-{day}.{fmt}"
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(Path(folder) / name),
                                                  "XLSX (*.xlsx)" if fmt == "xlsx" else "CSV (*.csv)")
            if not path:
                return
        client, target = self.ctx.client, Path(path)

        def run() -> Path:
            target.write_bytes(client.report_file(z_no, day, fmt))
            return target

        self.ctx.worker.submit(run, lambda saved: self.message.show_success(self.tr("Saved %1").replace(
            "%1", str(saved))), self._fail, owner=self)

    # ---- showing -----------------------------------------------------------------------------------

    def show_closes(self, rows: list[dict[str, Any]]) -> None:
        self.close_rows = rows
        self.closes.setRowCount(len(rows))
        for row, z in enumerate(rows):
            cells = (f"Z{int(z['z_no']):04d}", z["business_day"], yuan(int(z["net_total"])),
                     yuan(z.get("cash_counted")), yuan(int(z.get("deposited") or 0)))
            for column, text in enumerate(cells):
                self.closes.setItem(row, column, QTableWidgetItem(text))

    def show_report(self, report: dict[str, Any], slip: bytes) -> None:
        self.report = report
        self.message.clear_message()
        if report["kind"] == "Z":
            self.title.setText(self.tr("Z%1 · day %2 closed").replace("%1", f"{int(report['z_no']):04d}")
                               .replace("%2", report["business_day"]))
        else:
            self.title.setText(self.tr("X report · day %1 so far (nothing closed)")
                               .replace("%1", report["business_day"]))
        parts = [
            self.tr("Sales %1 (%2)").replace("%1", yuan(report["sales_total"])).replace("%2", str(report["sales_count"])),
            self.tr("returns %1 (%2)").replace("%1", yuan(report["returns_total"]))
            .replace("%2", str(report["returns_count"])),
            self.tr("net %1").replace("%1", yuan(report["net_total"])),
            self.tr("voids %1 tickets, %2 lines").replace("%1", str(report["voided_tickets"]))
            .replace("%2", str(report["voided_lines"])),
            self.tr("no-sales %1").replace("%1", str(report["no_sales"])),
            self.tr("discounts %1").replace("%1", yuan(int(report["promotion"]) + int(report["coupons"]))),
        ]
        if report.get("shifts_open"):
            parts.append(self.tr("%1 shifts still open").replace("%1", str(report["shifts_open"])))
        if report.get("deposited"):
            parts.append(self.tr("deposited %1").replace("%1", yuan(int(report["deposited"]))))
        self.figures.setText(" · ".join(parts))
        self.tenders.setRowCount(len(report["tenders"]))
        for row, t in enumerate(report["tenders"]):
            cells = (tender_label(t["method"], self.ctx.language), yuan(t["taken"]), yuan(t["change"]),
                     yuan(t["refunded"]), yuan(t["net"]), yuan(t["expected"]), yuan(t.get("counted")),
                     self._over_short(t.get("over_short")))
            for column, text in enumerate(cells):
                self.tenders.setItem(row, column, QTableWidgetItem(text))
        self.shifts.setRowCount(len(report["shifts"]))
        for row, s in enumerate(report["shifts"]):
            cells = (s["till"], s["operator"], yuan(s["float"]), yuan(s["expected"]), yuan(s.get("counted")),
                     self._over_short(s.get("over_short")))
            for column, text in enumerate(cells):
                self.shifts.setItem(row, column, QTableWidgetItem(text))
        self.slip.setPlainText(slip.decode("utf-8", errors="replace"))
        self._update_buttons()

    def _over_short(self, amount: int | None) -> str:
        """长款 (over) / 短款 (short), the way the store says it."""
        if amount is None:
            return "—"
        if amount > 0:
            return self.tr("over %1").replace("%1", yuan(amount))
        if amount < 0:
            return self.tr("short %1").replace("%1", yuan(-amount))
        return yuan(0)

    def _update_buttons(self) -> None:
        has = self.report is not None
        for button in (self.print_button, self.xlsx_button, self.csv_button):
            button.setEnabled(has)
        self.deposit_button.setEnabled(has and (self.report or {}).get("kind") == "Z")


def page(ctx: BackOfficeContext) -> QWidget:
    return ClosePage(ctx)
