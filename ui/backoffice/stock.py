"""库存 at the back office: stock on hand (search by name, pinyin initials or code, a page at a
time), 收货 of a supplier's delivery, 报损 with a reason, 盘点 counted blind and approved by a
manager, 调拨 transfers out to another store and in from one (through HQ), and 货位 — the shelf
locations the O2O pick list is walked by (``ui.backoffice.shelves``).

Every call goes through the worker thread; every state-changing call carries a command id made
when the operator acts, so a retry of the same click posts once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.keyed import normalise_code
from ui.api import new_command_id
from ui.backoffice.shell import BackOfficeContext
from ui.backoffice.shelves import ShelvesPage
from ui.dialogs import OverrideDialog
from ui.widgets import MessageStrip

PAGE = 50
#: 报损 reasons as the store says them (the API's codes)
DAMAGE_REASONS = {
    "expired": QT_TRANSLATE_NOOP("StockPage", "Expired"),
    "broken": QT_TRANSLATE_NOOP("StockPage", "Broken"),
    "spoiled": QT_TRANSLATE_NOOP("StockPage", "Spoiled"),
    "lost": QT_TRANSLATE_NOOP("StockPage", "Lost"),
    "other": QT_TRANSLATE_NOOP("StockPage", "Other"),
}
STATUSES = {
    "dispatched": QT_TRANSLATE_NOOP("StockPage", "On the way"),
    "received": QT_TRANSLATE_NOOP("StockPage", "Received"),
    "cancelled": QT_TRANSLATE_NOOP("StockPage", "Cancelled"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("StockPage", text)


def quantity_text(quantity: int, unit: str) -> str:
    return f"{quantity / 1000:.3f} kg" if unit == "gram" else str(quantity)


def table(headers: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(widget: QTableWidget, rows: list[list[str]]) -> None:
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            widget.setItem(r, c, QTableWidgetItem(text))


class ScanLines(QWidget):
    """Lines scanned or typed one by one: a code, its quantity (pieces, or grams for weighed goods)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[str, int]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type a barcode, then Enter"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 99_999)
        self.quantity.setValue(1)
        self.quantity.setToolTip(self.tr("Pieces, or grams for weighed goods"))
        self.add_button = QPushButton(self.tr("Add"))
        row.addWidget(self.code, 1)
        row.addWidget(QLabel(self.tr("Quantity")))
        row.addWidget(self.quantity)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.table = table([self.tr("Code"), self.tr("Quantity")])
        layout.addWidget(self.table, 1)
        self.clear_button = QPushButton(self.tr("Clear the lines"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.code.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)

    def add(self) -> None:
        code = normalise_code(self.code.text())
        if not code:
            return
        self.lines.append((code, self.quantity.value()))
        fill(self.table, [[c, str(q)] for c, q in self.lines])
        self.code.clear()
        self.quantity.setValue(1)
        self.code.setFocus()

    def clear(self) -> None:
        self.lines = []
        fill(self.table, [])


class StockPage(QWidget):
    """库存: the tabs of the stock module."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.offset = 0
        self.total = 0
        self.count: dict[str, Any] | None = None
        self.variances: list[dict[str, Any]] = []
        self.transfer_rows: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        title = QLabel(self.tr("Stock"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._on_hand_tab(), self.tr("On hand"))
        self.tabs.addTab(self._receive_tab(), self.tr("Receive"))
        self.tabs.addTab(self._damage_tab(), self.tr("Damage"))
        self.tabs.addTab(self._count_tab(), self.tr("Stock count"))
        self.tabs.addTab(self._transfers_tab(), self.tr("Transfers"))
        self.shelves = ShelvesPage(ctx)  # 货位: where the goods sit, for the O2O pick list
        self.tabs.addTab(self.shelves, self.tr("Shelf locations"))
        self.tabs.currentChanged.connect(lambda index: self.shelves.shown()
                                         if self.tabs.widget(index) is self.shelves else None)
        layout.addWidget(self.tabs, 1)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        self._loaded = False

    # ---- the page ------------------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.search()
            self.load_count()
            self.load_transfers()

    def _call(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.ctx.worker.submit(fn, done, lambda exc: self.message.show_error(str(exc)), owner=self)

    # ---- on hand -------------------------------------------------------------------------

    def _on_hand_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Name, pinyin initials (nfsq), SKU or barcode"))
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.stock_table = table([self.tr("SKU"), self.tr("Name"), self.tr("Spec"), self.tr("Barcode"),
                                  self.tr("On hand")])
        layout.addWidget(self.stock_table, 1)
        paging = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.page_label = QLabel()
        self.page_label.setObjectName("caption")
        self.previous_button.clicked.connect(lambda: self.search(self.offset - PAGE))
        self.next_button.clicked.connect(lambda: self.search(self.offset + PAGE))
        paging.addWidget(self.previous_button)
        paging.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        paging.addWidget(self.next_button)
        layout.addLayout(paging)
        return tab

    def search(self, offset: int = 0) -> None:
        client, query, offset = self.ctx.client, self.query.text().strip(), max(0, offset)
        self._call(lambda: client.stock_list(query, PAGE, offset), self.show_stock)

    def show_stock(self, data: dict[str, Any]) -> None:
        self.offset, self.total = int(data["offset"]), int(data["total"])
        fill(self.stock_table, [[item["sku"], item["name"], item["spec"], item["barcode"] or "",
                                 quantity_text(int(item["on_hand"]), item["unit"])] for item in data["items"]])
        first = self.offset + 1 if data["items"] else 0
        self.page_label.setText(self.tr("%1–%2 of %3 products").replace("%1", str(first))
                                .replace("%2", str(self.offset + len(data["items"]))).replace("%3", str(self.total)))
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(bool(data["more"]))

    # ---- 收货 -----------------------------------------------------------------------------

    def _receive_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.supplier = QLineEdit()
        self.supplier.setPlaceholderText(self.tr("The supplier on the delivery note"))
        self.delivery_ref = QLineEdit()
        self.delivery_ref.setPlaceholderText(self.tr("Delivery note number"))
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Delivery note"), self.delivery_ref)
        layout.addLayout(form)
        self.receive_lines = ScanLines()
        layout.addWidget(self.receive_lines, 1)
        note = QLabel(self.tr("Goods sent by another store are received on the Transfers tab."))
        note.setObjectName("caption")
        layout.addWidget(note)
        self.receive_button = QPushButton(self.tr("Post the delivery"))
        self.receive_button.setObjectName("primaryButton")
        self.receive_button.clicked.connect(self.post_delivery)
        layout.addWidget(self.receive_button, 0, Qt.AlignmentFlag.AlignRight)
        return tab

    def post_delivery(self) -> None:
        lines, supplier = list(self.receive_lines.lines), self.supplier.text().strip()
        if not supplier:
            self.message.show_error(self.tr("Who delivered? Enter the supplier."))
            self.supplier.setFocus()
            return
        if not lines:
            self.message.show_error(self.tr("Scan the goods first."))
            return
        client, ref, command_id = self.ctx.client, self.delivery_ref.text().strip(), new_command_id()

        def done(data: dict[str, Any]) -> None:
            self.receive_lines.clear()
            self.message.show_success(self.tr("Received: %1 products.").replace("%1", str(len(data["lines"]))))
            self.search(self.offset)

        self._call(lambda: client.receive_delivery(lines, supplier, ref, command_id), done)

    # ---- 报损 -----------------------------------------------------------------------------

    def _damage_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QFormLayout()
        self.damage_reason = QComboBox()
        for code, text in DAMAGE_REASONS.items():
            self.damage_reason.addItem(_tr(text), code)
        self.damage_note = QLineEdit()
        self.damage_note.setMaxLength(64)
        form.addRow(self.tr("Reason"), self.damage_reason)
        form.addRow(self.tr("Note"), self.damage_note)
        layout.addLayout(form)
        self.damage_lines = ScanLines()
        layout.addWidget(self.damage_lines, 1)
        self.damage_button = QPushButton(self.tr("Write off"))
        self.damage_button.setObjectName("primaryButton")
        self.damage_button.clicked.connect(self.post_damage)
        layout.addWidget(self.damage_button, 0, Qt.AlignmentFlag.AlignRight)
        return tab

    def post_damage(self) -> None:
        lines = list(self.damage_lines.lines)
        if not lines:
            self.message.show_error(self.tr("Scan the goods first."))
            return
        client, reason, note = self.ctx.client, str(self.damage_reason.currentData()), self.damage_note.text().strip()
        command_id = new_command_id()

        def done(data: dict[str, Any]) -> None:
            self.damage_lines.clear()
            self.damage_note.clear()
            self.message.show_success(self.tr("Written off: %1 products.").replace("%1", str(len(data["lines"]))))
            self.search(self.offset)

        self._call(lambda: client.record_damage(lines, reason, note, command_id), done)

    # ---- 盘点 -----------------------------------------------------------------------------

    def _count_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.start_count_button = QPushButton(self.tr("Start a count"))
        self.start_count_button.clicked.connect(self.start_count)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.start_count_button)
        layout.addLayout(top)
        row = QHBoxLayout()
        self.count_code = QLineEdit()
        self.count_code.setPlaceholderText(self.tr("Scan what is on the shelf, then Enter"))
        self.count_quantity = QSpinBox()
        self.count_quantity.setRange(0, 99_999)
        self.count_quantity.setValue(1)
        self.count_code.returnPressed.connect(self.enter_count)
        row.addWidget(self.count_code, 1)
        row.addWidget(QLabel(self.tr("Counted")))
        row.addWidget(self.count_quantity)
        layout.addLayout(row)
        self.counted_table = table([self.tr("SKU"), self.tr("Name"), self.tr("Counted")])
        layout.addWidget(self.counted_table, 1)
        self.variance_table = table([self.tr("SKU"), self.tr("Name"), self.tr("Book"), self.tr("Counted"),
                                     self.tr("Difference")])
        self.variance_table.hide()
        layout.addWidget(self.variance_table, 1)
        buttons = QHBoxLayout()
        self.review_button = QPushButton(self.tr("Variance list"))
        self.review_button.clicked.connect(self.review)
        self.approve_button = QPushButton(self.tr("Approve and post"))
        self.approve_button.setObjectName("primaryButton")
        self.approve_button.clicked.connect(lambda: self.approve())
        self.cancel_count_button = QPushButton(self.tr("Cancel the count"))
        self.cancel_count_button.clicked.connect(self.cancel_count)
        buttons.addWidget(self.cancel_count_button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        self.show_count(None)
        return tab

    def load_count(self) -> None:
        self._call(self.ctx.client.current_count, self.show_count)

    def show_count(self, count: dict[str, Any] | None) -> None:
        self.count = count
        open_ = count is not None and count["status"] == "open"
        if count is None:
            self.count_label.setText(self.tr("No count is open. Starting one takes a snapshot of the book."))
        else:
            self.count_label.setText(self.tr("Count %1 — counted blind: the book shows only in the variance list.")
                                     .replace("%1", str(count["id"])))
        for widget in (self.count_code, self.count_quantity, self.review_button, self.approve_button,
                       self.cancel_count_button):
            widget.setEnabled(open_)
        self.start_count_button.setEnabled(not open_)
        fill(self.counted_table, [[c["sku"], c["name"], quantity_text(int(c["counted"]), c["unit"])]
                                  for c in (count or {}).get("counted", [])])
        self.variance_table.hide()
        self.counted_table.show()

    def start_count(self) -> None:
        client, command_id = self.ctx.client, new_command_id()
        self._call(lambda: client.start_count("", command_id), self.show_count)

    def enter_count(self) -> None:
        code = normalise_code(self.count_code.text())
        if not code or self.count is None:
            return
        client, count_id, quantity, command_id = self.ctx.client, int(self.count["id"]), self.count_quantity.value(), \
            new_command_id()
        self.count_code.clear()
        self.count_quantity.setValue(1)
        self._call(lambda: client.count_lines(count_id, [(code, quantity)], True, command_id), self.show_count)

    def review(self) -> None:
        if self.count is None:
            return
        client, count_id = self.ctx.client, int(self.count["id"])
        self._call(lambda: client.count_variances(count_id), self.show_variances)

    def show_variances(self, data: dict[str, Any]) -> None:
        self.variances = list(data["variances"])
        fill(self.variance_table, [[v["sku"], v["name"], quantity_text(int(v["book"]), v["unit"]),
                                    quantity_text(int(v["counted"]), v["unit"]), f"{int(v['delta']):+d}"]
                                   for v in self.variances])
        self.counted_table.hide()
        self.variance_table.show()
        self.message.show_info(self.tr("%1 products differ from the book.").replace("%1", str(len(self.variances))))

    def approve(self, override: dict[str, str] | None = None) -> None:
        if self.count is None:
            return
        if override is None and not self.ctx.allows("manager"):
            dialog = OverrideDialog("stock_count", self)
            if not dialog.exec() or dialog.override is None:
                return
            override = dialog.override
        client, count_id, command_id = self.ctx.client, int(self.count["id"]), new_command_id()

        def done(data: dict[str, Any]) -> None:
            self.show_count(None)
            self.show_variances(data)
            self.message.show_success(self.tr("Count %1 approved: %2 adjustments posted.")
                                      .replace("%1", str(data["id"])).replace("%2", str(len(data["variances"]))))
            self.search(self.offset)

        self._call(lambda: client.approve_count(count_id, override, command_id), done)

    def cancel_count(self) -> None:
        if self.count is None:
            return
        client, count_id, command_id = self.ctx.client, int(self.count["id"]), new_command_id()

        def done(_: dict[str, Any]) -> None:
            self.show_count(None)
            self.message.show_info(self.tr("The count was cancelled: nothing was posted."))

        self._call(lambda: client.cancel_count(count_id, command_id), done)

    # ---- 调拨 -----------------------------------------------------------------------------

    def _transfers_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.transfer_table = table([self.tr("Number"), self.tr("Direction"), self.tr("Store"), self.tr("Status"),
                                     self.tr("Goods")])
        layout.addWidget(self.transfer_table, 1)
        top = QHBoxLayout()
        self.refresh_transfers_button = QPushButton(self.tr("Refresh"))
        self.refresh_transfers_button.clicked.connect(self.load_transfers)
        top.addStretch(1)
        top.addWidget(self.refresh_transfers_button)
        layout.addLayout(top)
        form = QFormLayout()
        self.to_store = QLineEdit()
        self.to_store.setPlaceholderText(self.tr("The receiving store's code"))
        form.addRow(self.tr("Send to store"), self.to_store)
        layout.addLayout(form)
        self.transfer_lines = ScanLines()
        layout.addWidget(self.transfer_lines, 1)
        buttons = QHBoxLayout()
        self.receive_transfer_button = QPushButton(self.tr("Receive the selected transfer"))
        self.receive_transfer_button.clicked.connect(self.receive_transfer)
        self.send_button = QPushButton(self.tr("Send transfer"))
        self.send_button.setObjectName("primaryButton")
        self.send_button.clicked.connect(self.send_transfer)
        buttons.addWidget(self.receive_transfer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout.addLayout(buttons)
        return tab

    def load_transfers(self) -> None:
        self._call(lambda: self.ctx.client.transfers(), self.show_transfers)

    def show_transfers(self, items: list[dict[str, Any]]) -> None:
        self.transfer_rows = list(items)
        directions = {"out": self.tr("Out"), "in": self.tr("In")}
        fill(self.transfer_table, [[t["transfer_no"], directions.get(t["direction"], t["direction"]),
                                    t["other_store"], _tr(STATUSES.get(t["status"], t["status"])),
                                    ", ".join(f"{x['name'] or x['sku']} ×{x['quantity']}"
                                              + (f" (→{x['received']})" if x["received"] is not None else "")
                                              for x in t["lines"])] for t in items])

    def send_transfer(self) -> None:
        to_store, lines = self.to_store.text().strip(), list(self.transfer_lines.lines)
        if not to_store or not lines:
            self.message.show_error(self.tr("Enter the receiving store and scan the goods."))
            return
        client, command_id = self.ctx.client, new_command_id()

        def done(data: dict[str, Any]) -> None:
            self.transfer_lines.clear()
            self.message.show_success(self.tr("Transfer %1 sent to %2.").replace("%1", data["transfer_no"])
                                      .replace("%2", data["other_store"]))
            self.load_transfers()
            self.search(self.offset)

        self._call(lambda: client.transfer_out(to_store, lines, "", command_id), done)

    def receive_transfer(self) -> None:
        row = self.transfer_table.currentRow()
        chosen = self.transfer_rows[row] if 0 <= row < len(self.transfer_rows) else None
        if chosen is None or chosen["direction"] != "in" or chosen["status"] != "dispatched":
            self.message.show_error(self.tr("Choose an incoming transfer on the way."))
            return
        lines = list(self.transfer_lines.lines)
        if not lines:
            self.message.show_error(self.tr("Scan the goods first."))
            return
        client, number, command_id = self.ctx.client, str(chosen["transfer_no"]), new_command_id()

        def done(data: dict[str, Any]) -> None:
            self.transfer_lines.clear()
            short = [x for x in data["lines"] if x["received"] != x["quantity"]]
            self.message.show_success(self.tr("Transfer %1 received; %2 lines differ.").replace("%1", number)
                                      .replace("%2", str(len(short))))
            self.load_transfers()
            self.search(self.offset)

        self._call(lambda: client.receive_transfer(number, lines, command_id), done)


def page(ctx: BackOfficeContext) -> QWidget:
    return StockPage(ctx)
