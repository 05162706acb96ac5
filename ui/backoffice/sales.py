"""销售: the sales journal. Search the store's sales by time, receipt number, amount, member,
cashier and tender; open one to see its lines, discounts, coupons and tenders beside the receipt
as it printed; reprint it (marked 重打小票 副本); start a return of it at the till."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import format_fen, parse_yuan
from app.domain.quantity import Unit, format_quantity
from app.domain.sale import TENDERS
from app.domain.sale import label as tender_label
from ui.api import JournalPage, Ticket
from ui.backoffice.shell import BackOfficeContext
from ui.dialogs import item_table
from ui.widgets import MessageStrip

PAGE_SIZE = 100


def yuan(amount: int) -> str:
    return format_fen(amount, symbol="￥")


class SalesJournalPage(QWidget):
    """销售."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Any] = []
        self.sale: Ticket | None = None
        self.receipt_png: bytes = b""
        self._more = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(self._filters())
        self.message = MessageStrip()
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = item_table([self.tr("Sale"), self.tr("Time"), self.tr("Till"), self.tr("Cashier"),
                                 self.tr("Items"), self.tr("Total"), self.tr("Tenders"), self.tr("Member")], stretch=3)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.currentCellChanged.connect(lambda row, *_: self.open_row(row))
        left_layout.addWidget(self.table, 1)
        self.more_button = QPushButton(self.tr("More…"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        left_layout.addWidget(self.more_button)
        split.addWidget(left)
        split.addWidget(self._detail())
        split.setSizes([600, 380])
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("F5"), self, self.search, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+R"), self, self.start_return,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._loaded = False

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        now = QDateTime.currentDateTime()
        self.first = QDateTimeEdit(QDateTime(now.date(), QTime(0, 0)))
        self.last = QDateTimeEdit(QDateTime(now.date(), QTime(23, 59)))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("Receipt number or its beginning"))
        self.min_total = QLineEdit()
        self.min_total.setPlaceholderText(self.tr("from ￥"))
        self.max_total = QLineEdit()
        self.max_total.setPlaceholderText(self.tr("to ￥"))
        self.member = QLineEdit()
        self.member.setPlaceholderText(self.tr("Member card number"))
        self.cashier = QLineEdit()
        self.cashier.setPlaceholderText(self.tr("Operator code"))
        self.tender = QComboBox()
        self.tender.addItem(self.tr("Any tender"), "")
        for code in TENDERS:
            self.tender.addItem(tender_label(code, self.ctx.language), code)
        for edit in (self.receipt, self.min_total, self.max_total, self.member, self.cashier):
            edit.returnPressed.connect(self.search)
        for edit in (self.first, self.last):
            edit.setMaximumWidth(200)
        grid.addWidget(QLabel(self.tr("From")), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        grid.addWidget(self.last, 0, 3)
        grid.addWidget(QLabel(self.tr("Receipt")), 0, 4)
        grid.addWidget(self.receipt, 0, 5)
        grid.addWidget(QLabel(self.tr("Amount")), 1, 0)
        grid.addWidget(self.min_total, 1, 1)
        grid.addWidget(QLabel("–"), 1, 2)
        grid.addWidget(self.max_total, 1, 3)
        grid.addWidget(QLabel(self.tr("Member")), 1, 4)
        grid.addWidget(self.member, 1, 5)
        grid.addWidget(QLabel(self.tr("Cashier")), 2, 0)
        grid.addWidget(self.cashier, 2, 1)
        grid.addWidget(self.tender, 2, 3, 1, 3)
        grid.setColumnStretch(5, 1)
        self.search_button = QPushButton(self.tr("Search (F5)"))
        self.search_button.setObjectName("primaryButton")
        self.search_button.clicked.connect(self.search)
        grid.addWidget(self.search_button, 0, 6, 3, 1)
        return grid

    def _detail(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Pick a sale to see it"))
        self.heading.setObjectName("caption")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.lines = item_table([self.tr("Goods"), self.tr("Qty"), self.tr("Paid"), self.tr("Note")])
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.lines, 2)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.preview)
        layout.addWidget(self.scroll, 3)
        buttons = QHBoxLayout()
        self.reprint_button = QPushButton(self.tr("Reprint (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.reprint)
        self.return_button = QPushButton(self.tr("Return… (Ctrl+R)"))
        self.return_button.clicked.connect(self.start_return)
        for button in (self.reprint_button, self.return_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return panel

    # ---- searching ----------------------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.search()
        self.receipt.setFocus()

    def _amount(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_yuan(text)
        except DomainError:
            raise ValueError(text) from None

    def search(self, offset: int = 0) -> None:
        if self.last.dateTime() <= self.first.dateTime():
            self.message.show_error(self.tr("The time range ends before it begins."))
            return
        try:
            low, high = self._amount(self.min_total), self._amount(self.max_total)
        except ValueError as bad:
            self.message.show_error(self.tr("Not an amount: %1").replace("%1", str(bad)))
            return
        if low is not None and high is not None and high < low:
            self.message.show_error(self.tr("The lowest amount is above the highest."))
            return
        first = self.first.dateTime().toString("yyyy-MM-ddTHH:mm:00")
        last = self.last.dateTime().toString("yyyy-MM-ddTHH:mm:59")
        client = self.ctx.client
        filters = {"receipt": self.receipt.text().strip(), "min_total": low, "max_total": high,
                   "member": self.member.text().strip(), "cashier": self.cashier.text().strip(),
                   "tender": str(self.tender.currentData() or "")}
        self.ctx.worker.submit(lambda: client.journal(first, last, limit=PAGE_SIZE, offset=offset, **filters),
                               self.show_page, lambda exc: self.message.show_error(str(exc)), owner=self)

    def load_more(self) -> None:
        self.search(offset=len(self.rows))

    def show_page(self, found: JournalPage) -> None:
        self.rows = (self.rows if found.offset else []) + list(found.rows)
        self.more_button.setVisible(found.more)
        self.table.setRowCount(len(self.rows))
        for row, sale in enumerate(self.rows):
            cells = (sale.sale_id, sale.completed_at.replace("T", " ")[5:16], sale.till,
                     f"{sale.cashier} {sale.cashier_name}", str(sale.items), yuan(sale.total),
                     "、".join(tender_label(t, self.ctx.language) for t in sale.tenders), sale.member_no or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.rows:
            self.message.show_info(self.tr("%1 sales").replace("%1", str(len(self.rows))
                                                                + ("+" if found.more else "")))
        else:
            self.message.show_info(self.tr("No sale matches."))

    # ---- one sale -----------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        sale_id = self.rows[row].sale_id
        client, profile = self.ctx.client, self.ctx.printer_profile

        def fetch() -> tuple[Ticket, bytes]:
            return client.sale(sale_id), client.receipt(sale_id, fmt="png", profile=profile)

        self.ctx.worker.submit(fetch, lambda found: self.show_sale(*found),
                               lambda exc: self.message.show_error(str(exc)), owner=self)

    def show_sale(self, sale: Ticket, png: bytes) -> None:
        self.sale, self.receipt_png = sale, png
        raw = sale.raw
        self.heading.setText(self.tr("%1 · %2 · till %3").replace("%1", str(sale.sale_id))
                             .replace("%2", str(raw.get("completed_at") or "").replace("T", " "))
                             .replace("%3", str(raw.get("till", ""))))
        lines = [line for line in raw.get("lines", []) if not line.get("voided")]
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            unit = Unit(line.get("unit", "piece"))
            cells = (line["name"], format_quantity(int(line["quantity"]), unit), yuan(int(line.get("paid", 0))),
                     str(line.get("note") or ""))
            for column, text in enumerate(cells):
                self.lines.setItem(row, column, QTableWidgetItem(text))
        parts = [self.tr("Subtotal %1").replace("%1", yuan(sale.subtotal))]
        if int(raw.get("promotion_discount") or 0):
            parts.append(self.tr("promotions −%1").replace("%1", yuan(int(raw["promotion_discount"]))))
        for coupon in sale.coupons:
            parts.append(self.tr("coupon %1 −%2").replace("%1", str(coupon.get("name", "")))
                         .replace("%2", yuan(int(coupon.get("discount", 0)))))
        if sale.rounding:
            parts.append(self.tr("rounding %1").replace("%1", yuan(sale.rounding)))
        parts.append(self.tr("total %1").replace("%1", yuan(sale.total)))
        tenders = "、".join(f"{tender_label(t.method, self.ctx.language)} {yuan(t.amount)}" for t in sale.tenders)
        parts.append(self.tr("paid %1, change %2").replace("%1", tenders).replace("%2", yuan(sale.change)))
        if sale.member_no:
            parts.append(self.tr("member %1").replace("%1", sale.member_no))
        self.summary.setText(" · ".join(parts))
        picture = QPixmap()
        picture.loadFromData(png, "PNG")
        room = self.scroll.viewport().width() - 8
        self.preview.setPixmap(picture.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
                               if 0 < room < picture.width() else picture)
        self.reprint_button.setEnabled(self.ctx.print_receipt is not None)
        self.return_button.setEnabled(self.ctx.start_return is not None)

    def reprint(self) -> None:
        """重打小票: the receipt again, marked as a copy, on the till's printer."""
        if self.sale is None or self.sale.sale_id is None or self.ctx.print_receipt is None:
            return
        sale_id, client, ctx = self.sale.sale_id, self.ctx.client, self.ctx
        printer = ctx.print_receipt

        def run() -> None:
            data = client.receipt(sale_id, profile=ctx.printer_profile, copy=True, raster=ctx.printer_raster)
            printer(data, sale_id)

        self.ctx.worker.submit(run, lambda _ok: self.message.show_success(self.tr("Reprinted %1").replace(
            "%1", sale_id)), lambda exc: self.message.show_error(str(exc)), owner=self)

    def start_return(self) -> None:
        """退货: the till's return flow, with this sale already found."""
        if self.sale is not None and self.sale.sale_id and self.ctx.start_return is not None:
            self.ctx.start_return(self.sale.sale_id)


def page(ctx: BackOfficeContext) -> QWidget:
    return SalesJournalPage(ctx)
