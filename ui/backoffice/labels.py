"""价签 at the back office: the labels to print (HQ's price changes and promotions put them on the
list), a preview of each as it will print, the batch printed on the till's TSPL/ZPL label printer,
and one label from a scan. The label is laid out by ``app.domain.price_tags`` for the label stock
chosen here; a template the stock can't hold is refused before anything prints."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.keyed import normalise_code
from app.domain.label import LabelDocument
from app.domain.money import format_fen
from app.domain.price_tags import LabelStock, PriceTag, check_fits, price_label, template_for
from app.messages import message
from ui.api import new_command_id
from ui.backoffice.shell import BackOfficeContext
from ui.label_preview import LabelPreview
from ui.widgets import MessageStrip

#: label rolls a store keeps (mm)
STOCKS = ((60, 40), (70, 50), (50, 30))
TEMPLATES = {
    "": QT_TRANSLATE_NOOP("LabelsPage", "By the product (promotion label when on promotion)"),
    "shelf": QT_TRANSLATE_NOOP("LabelsPage", "Shelf label"),
    "promotion": QT_TRANSLATE_NOOP("LabelsPage", "Promotion label"),
}
REASONS = {
    "price": QT_TRANSLATE_NOOP("LabelsPage", "Price changed"),
    "promotion": QT_TRANSLATE_NOOP("LabelsPage", "Promotion"),
    "manual": QT_TRANSLATE_NOOP("LabelsPage", "Asked for"),
}


def tag_of(data: dict[str, Any]) -> PriceTag:
    return PriceTag(sku=data["sku"], name=data["name"], price=int(data["price"]), unit=data["unit"],
                    barcode=data["barcode"], origin=data["origin"], spec=data["spec"], grade=data["grade"],
                    member_price=data["member_price"], promotion_price=data["promotion_price"],
                    promotion_from=data["promotion_from"], promotion_to=data["promotion_to"])


class LabelsPage(QWidget):
    """价签."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        title = QLabel(self.tr("Shelf labels"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        options = QHBoxLayout()
        self.stock = QComboBox()
        for width, height in STOCKS:
            self.stock.addItem(f"{width} × {height} mm", (width, height))
        self.template = QComboBox()
        for key, text in TEMPLATES.items():
            self.template.addItem(QCoreApplication.translate("LabelsPage", text), key)
        options.addWidget(QLabel(self.tr("Label stock")))
        options.addWidget(self.stock)
        options.addWidget(QLabel(self.tr("Template")))
        options.addWidget(self.template, 1)
        layout.addLayout(options)
        scan = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan a product to print its label now"))
        self.code.returnPressed.connect(self.print_scanned)
        scan.addWidget(self.code, 1)
        layout.addLayout(scan)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        left_layout.addWidget(self.caption)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Price"), self.tr("Promotion price"),
                                              self.tr("Why")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.preview_row(row))
        left_layout.addWidget(self.table, 1)
        split.addWidget(left)
        self.preview = LabelPreview(scale=0.8, show_print=False)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load)
        self.print_selected_button = QPushButton(self.tr("Print selected"))
        self.print_selected_button.clicked.connect(lambda: self.print_batch(selected=True))
        self.print_all_button = QPushButton(self.tr("Print all"))
        self.print_all_button.setObjectName("primaryButton")
        self.print_all_button.clicked.connect(lambda: self.print_batch(selected=False))
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_selected_button)
        buttons.addWidget(self.print_all_button)
        layout.addLayout(buttons)
        self.stock.currentIndexChanged.connect(lambda _: self.preview_row(self.table.currentRow()))
        self.template.currentIndexChanged.connect(lambda _: self.preview_row(self.table.currentRow()))
        self._loaded = False

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.load()

    def label_stock(self) -> LabelStock:
        width, height = self.stock.currentData()
        return LabelStock(int(width), int(height))

    def documents(self, tags: list[PriceTag]) -> list[tuple[str, LabelDocument]]:
        """Each tag's template and label on the chosen stock; a ``DomainError`` when one can't fit."""
        chosen = str(self.template.currentData() or "")
        stock = self.label_stock()
        found = []
        for tag in tags:
            template = chosen or template_for(tag)
            check_fits(template, stock)  # the roll first: a template it can't hold prints nothing at all
            if template == "promotion" and tag.promotion_price is None:
                template = "shelf"
            found.append((template, price_label(tag, stock, template)))
        return found

    def _error(self, error: DomainError) -> None:
        self.message.show_error(message(error.code, self.ctx.language, error.params))

    def load(self) -> None:
        self.ctx.worker.submit(lambda: self.ctx.client.labels_pending(500), self.show_labels,
                               lambda exc: self.message.show_error(str(exc)), owner=self)

    def show_labels(self, data: dict[str, Any]) -> None:
        self.items = list(data["items"])
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            tag = item["tag"]
            promotion = f"￥{format_fen(int(tag['promotion_price']))}" if tag["promotion_price"] is not None else ""
            for column, text in enumerate((tag["name"], f"￥{format_fen(int(tag['price']))}", promotion,
                                           QCoreApplication.translate("LabelsPage", REASONS.get(item["reason"], "")))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.caption.setText(self.tr("%1 labels to print").replace("%1", str(data["total"])))
        if self.items:
            self.table.selectRow(0)
            self.preview_row(0)

    def preview_row(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        try:
            _, document = self.documents([tag_of(self.items[row]["tag"])])[0]
        except DomainError as error:
            self._error(error)
            return
        self.preview.set_document(document)

    def print_batch(self, *, selected: bool) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}) if selected \
            else list(range(len(self.items)))
        chosen = [self.items[row] for row in rows if 0 <= row < len(self.items)]
        if not chosen:
            self.message.show_info(self.tr("No labels to print."))
            return
        try:
            documents = self.documents([tag_of(item["tag"]) for item in chosen])
        except DomainError as error:
            self._error(error)  # nothing printed, nothing taken off the list
            return
        self._print(documents, [int(item["id"]) for item in chosen])

    def _print(self, documents: list[tuple[str, LabelDocument]], ids: list[int]) -> None:
        printer = self.ctx.label_printer
        if printer is None:
            self.message.show_error(self.tr("This till has no label printer."))
            return
        client, stock = self.ctx.client, self.label_stock()
        by_template: dict[str, list[int]] = {}
        for (template, _), label_id in zip(documents, ids, strict=False):
            by_template.setdefault(template, []).append(label_id)
        commands = {template: new_command_id() for template in by_template}

        def run() -> int:
            for template, document in documents:
                printer.print_label(document, label=f"价签 {template}")
            for template, chosen in by_template.items():
                if chosen:
                    client.labels_printed(chosen, template, stock.width_mm, stock.height_mm, commands[template])
            return len(documents)

        def done(count: int) -> None:
            self.message.show_success(self.tr("%1 labels sent to the label printer.").replace("%1", str(count)))
            self.load()

        self.ctx.worker.submit(run, done, lambda exc: self.message.show_error(str(exc)), owner=self)

    def print_scanned(self) -> None:
        code = normalise_code(self.code.text())
        if not code:
            return
        self.code.clear()
        client = self.ctx.client

        def found(data: dict[str, Any]) -> None:
            try:
                documents = self.documents([tag_of(data)])
            except DomainError as error:
                self._error(error)
                return
            self.preview.set_document(documents[0][1])
            self._print(documents, [])

        self.ctx.worker.submit(lambda: client.label_tag(code), found,
                               lambda exc: self.message.show_error(str(exc)), owner=self)


def page(ctx: BackOfficeContext) -> QWidget:
    return LabelsPage(ctx)
