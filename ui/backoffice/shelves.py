"""货位 (a tab of 库存): where each product sits in this store, so the O2O pick list is walked
aisle by aisle. The manager scans or types a product and its location (``A-03-2``; empty clears it), or imports a CSV
of ``SKU,location`` lines; the list shows every location in walking order. Larger files than the
store server takes in one request go through ``omnistore shelves import`` on the server's PC."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.api import new_command_id
from ui.backoffice.shell import BackOfficeContext
from ui.widgets import MessageStrip

#: the store server takes a CSV of at most this many bytes in one request
MAX_UPLOAD = 60 * 1024


def read_csv(path: Path) -> str:
    """A CSV file's text: UTF-8 (with or without Excel's BOM), else GB18030 (Excel on a Chinese
    Windows)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


class ShelvesPage(QWidget):
    """货位."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        caption = QLabel(self.tr("Online orders are picked in this order: by location, then the goods without one. "
                                 "A location is letters or digits joined by - . / (e.g. A-03-2)."))
        caption.setObjectName("caption")
        caption.setWordWrap(True)
        layout.addWidget(caption)
        row = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Scan or type the product"))
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Location, e.g. A-03-2 (empty: none)"))
        self.location_edit.setMaxLength(16)
        self.code_edit.returnPressed.connect(self.location_edit.setFocus)
        self.location_edit.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.code_edit, 2)
        row.addWidget(self.location_edit, 2)
        row.addWidget(self.save_button)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Location"), self.tr("Product code"), self.tr("Name")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(self._edit_row)
        layout.addWidget(self.table, 1)
        self._loaded = False

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.load()
        self.code_edit.setFocus()

    def load(self) -> None:
        self.ctx.worker.submit(self.ctx.client.shelf_locations, self.show_locations, self._failed, owner=self)

    def show_locations(self, data: dict[str, Any]) -> None:
        rows = data.get("locations") or []
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for col, key in enumerate(("location", "sku", "name")):
                self.table.setItem(n, col, QTableWidgetItem(str(row.get(key) or "")))

    def _edit_row(self, item: QTableWidgetItem) -> None:
        self.code_edit.setText(self.table.item(item.row(), 1).text())
        self.location_edit.setText(self.table.item(item.row(), 0).text())
        self.location_edit.setFocus()
        self.location_edit.selectAll()

    def save(self) -> None:
        code, location = self.code_edit.text().strip(), self.location_edit.text().strip()
        if not code:
            self.message.show_error(self.tr("Scan or type the product first"))
            self.code_edit.setFocus()
            return
        client, command_id = self.ctx.client, new_command_id()

        def saved(answer: dict[str, Any]) -> None:
            self.message.show_success(self.tr("Saved: %1 → %2").replace("%1", code)
                                      .replace("%2", location.upper() or self.tr("no location")))
            self.code_edit.clear()
            self.location_edit.clear()
            self.code_edit.setFocus()
            self.load()

        self.ctx.worker.submit(
            lambda: client.set_shelf_locations([{"code": code, "location": location or None}], command_id),
            saved, self._failed, owner=self)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import shelf locations"), "",
                                              self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Send a CSV of ``SKU,location`` lines; the server takes all of it or, naming the bad line,
        none."""
        try:
            if path.stat().st_size > MAX_UPLOAD:
                self.message.show_error(self.tr("The file is too large to send from here: import it on the store "
                                                "server's PC with 'omnistore shelves import'."))
                return
            text = read_csv(path)
        except OSError as error:
            self.message.show_error(self.tr("Cannot read %1: %2").replace("%1", path.name)
                                    .replace("%2", error.strerror or str(error)))
            return
        client, command_id = self.ctx.client, new_command_id()

        def imported(answer: dict[str, Any]) -> None:
            self.message.show_success(self.tr("Imported: %1 set, %2 cleared.")
                                      .replace("%1", str(answer.get("saved", 0)))
                                      .replace("%2", str(answer.get("cleared", 0))))
            self.load()

        self.ctx.worker.submit(lambda: client.import_shelf_locations(text, command_id), imported, self._failed,
                               owner=self)

    def _failed(self, exc: Exception) -> None:
        self.message.show_error(str(exc))
