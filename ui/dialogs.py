"""Checkout dialogs. All are opened with ``open()`` (never ``exec()``) so the event loop keeps running."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidAmount, InvalidQuantity
from app.domain.money import MAX_AMOUNT, parse_yuan
from app.domain.quantity import parse_kg, parse_pieces
from ui.api import Line, Product, StoreClient, Ticket
from ui.formats import field_amount, format_qty, yuan
from ui.keys import TILL_KEYS, TillKey
from ui.models import ParkedTicketsModel, ProductsModel
from ui.widgets import TOUCH_ROW, AmountLabel, Keypad, MessageStrip, disable_ime
from ui.worker import Worker

SEARCH_DEBOUNCE_MS = 150


class PosDialog(QDialog):
    """Common frame: a title, the content, a message strip, Cancel / OK buttons."""

    def __init__(self, title: str, parent: QWidget | None = None, *, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        self._layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("dialogTitle")
        self._layout.addWidget(heading)
        self.body = QVBoxLayout()
        self._layout.addLayout(self.body, 1)
        self.message = MessageStrip()
        self._layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setObjectName("secondaryButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(ok_text or self.tr("OK (Enter)"))
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        self._layout.addLayout(buttons)
        #: The row of buttons at the bottom (Cancel, OK); subclasses may add their own.
        self.button_row = buttons

    def size_to_parent(self, width: float = 0.5, height: float = 0.6, min_width: int = 420) -> None:
        """A share of the till's window, at least ``min_width`` wide, never wider than the window."""
        parent = self.parentWidget()
        if parent is not None:
            window = parent.window()
            wide = min(max(min_width, int(window.width() * width)), max(420, window.width() - 24))
            self.resize(wide, max(320, int(window.height() * height)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        """Validate, then accept; subclasses override."""
        self.accept()


class HelpDialog(PosDialog):
    """F1: every key of the till, from the one table (``ui.keys``) the buttons and shortcuts come from."""

    def __init__(self, parent: QWidget | None = None, keys: tuple[TillKey, ...] = TILL_KEYS) -> None:
        super().__init__(self.tr("Help"), parent, ok_text=self.tr("Close"))
        self.cancel_button.hide()
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        for i, key in enumerate(keys):
            key_label = QLabel(key.key_cap)
            key_label.setObjectName("keyCap")
            grid.addWidget(key_label, i, 0)
            grid.addWidget(QLabel(key.explanation()), i, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        more = QLabel(self.tr("The Ctrl keys are also buttons under More, for the touch screen."))
        more.setWordWrap(True)
        self.body.addWidget(more)
        self.size_to_parent(0.6, 0.9)


class ProductSearchDialog(PosDialog):
    """F2 商品查询: type-ahead over name, pinyin initials (kkkl) or code; Enter adds the product."""

    product_chosen = Signal(object)  # Product
    code_scanned = Signal(str)

    def __init__(self, client: StoreClient, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Search products"), parent, ok_text=self.tr("Add (Enter)"))
        self._client = client
        self._worker = worker
        self._generation = 0
        self.query = QLineEdit()
        self.query.setObjectName("searchEdit")
        self.query.setPlaceholderText(self.tr("Name, pinyin initials (e.g. kkkl) or code"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.body.addWidget(self.query)
        self.model = ProductsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        style_table(self.table)
        self.table.doubleClicked.connect(lambda _index: self.submit())
        self.body.addWidget(self.table, 1)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS, timeout=self._search)
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.size_to_parent(0.7, 0.75, min_width=960)  # at 1024×768 the goods' names still show whole

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if obj is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                _move_selection(self.table, -1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(obj, event)

    def _search(self) -> None:
        text = self.query.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.model.set_rows([])
            return
        self._worker.submit(lambda: self._client.search(text, 50),
                            lambda items: self._show(generation, items),
                            lambda exc: self._failed(generation, exc))

    def _show(self, generation: int, items: list[Product]) -> None:
        if generation != self._generation:  # an older answer; the cashier kept typing
            return
        self.model.set_rows(items)
        if items:
            self.table.selectRow(0)
            self.message.clear_message()
        else:
            self.message.show_info(self.tr("No product matches."))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.message.show_error(str(exc))

    def handle_scan(self, code: str) -> None:
        self.code_scanned.emit(code)
        self.accept()

    def submit(self) -> None:
        if self._debounce.isActive():  # Enter before the debounce fired: search first
            self._debounce.stop()
            self._search()
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            if self.model.rowCount():
                rows = [self.model.index(0, 0)]
            else:
                self.message.show_error(self.tr("Choose a product first."))
                return
        self.product_chosen.emit(self.model.product(rows[0].row()))
        self.accept()


class QuantityDialog(PosDialog):
    """F3: a new quantity for a line; pieces, or kg for weighed goods."""

    def __init__(self, line: Line, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change quantity"), parent)
        self.line = line
        self.quantity: int | None = None
        self.weighed = line.unit == "gram"
        form = QFormLayout()
        form.addRow(self.tr("Item"), QLabel(line.name))
        form.addRow(self.tr("Current"), QLabel(format_qty(line.quantity, line.unit)))
        self.edit = QLineEdit()
        self.edit.setObjectName("bigEdit")
        disable_ime(self.edit)
        self.edit.setText(f"{line.quantity / 1000:.3f}" if self.weighed else str(line.quantity))
        self.edit.selectAll()
        form.addRow(self.tr("Weight (kg)") if self.weighed else self.tr("Quantity"), self.edit)
        self.body.addLayout(form)
        keypad = Keypad(self.edit, decimal=self.weighed)
        keypad.submitted.connect(self.submit)
        self.body.addWidget(keypad, 1)
        self.size_to_parent(0.45, 0.7)
        self.edit.setFocus()  # the digits the cashier types go here, replacing the current quantity

    def submit(self) -> None:
        text = self.edit.text()
        try:
            quantity = parse_kg(text) if self.weighed else parse_pieces(text)
        except InvalidQuantity:
            quantity = 0
        if quantity <= 0:
            self.message.show_error(self.tr("Enter a quantity greater than zero."))
            self.edit.selectAll()
            return
        self.quantity = quantity
        self.accept()


class WeightDialog(PosDialog):
    """称重商品 without a scale reading: the cashier types the weight in kg."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enter the weight"), parent)
        self.grams: int | None = None
        note = QLabel(reason)
        note.setWordWrap(True)
        self.body.addWidget(note)
        form = QFormLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName("bigEdit")
        disable_ime(self.edit)
        form.addRow(self.tr("Weight (kg)"), self.edit)
        self.body.addLayout(form)
        keypad = Keypad(self.edit, decimal=True)
        keypad.submitted.connect(self.submit)
        self.body.addWidget(keypad, 1)
        self.size_to_parent(0.45, 0.7)
        self.edit.setFocus()

    def submit(self) -> None:
        try:
            grams = parse_kg(self.edit.text())
        except InvalidQuantity:
            grams = 0
        if grams <= 0:
            self.message.show_error(self.tr("Enter a weight greater than zero, e.g. 0.512"))
            self.edit.selectAll()
            return
        self.grams = grams
        self.accept()


class PriceDialog(PosDialog):
    """F7 改价: a new unit price in yuan for one line."""

    def __init__(self, line: Line, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Override price"), parent)
        self.line = line
        self.price: int | None = None
        form = QFormLayout()
        form.addRow(self.tr("Item"), QLabel(line.name))
        form.addRow(self.tr("Current price"), QLabel(yuan(line.unit_price)))
        self.edit = QLineEdit()
        self.edit.setObjectName("bigEdit")
        disable_ime(self.edit)
        form.addRow(self.tr("New price (￥)"), self.edit)
        self.body.addLayout(form)
        keypad = Keypad(self.edit, decimal=True)
        keypad.submitted.connect(self.submit)
        self.body.addWidget(keypad, 1)
        self.size_to_parent(0.45, 0.7)
        self.edit.setFocus()  # the new price is typed straight away

    def submit(self) -> None:
        try:
            price = parse_yuan(self.edit.text())
        except InvalidAmount:
            price = -1
        if not 0 <= price <= MAX_AMOUNT:
            self.message.show_error(self.tr("Enter a price such as 12.50."))
            self.edit.selectAll()
            return
        self.price = price
        self.accept()


def quick_cash_amounts(due: int) -> list[int]:
    """Exact, the notes (￥10/20/50/100) that cover it, then the next whole ￥10 and ￥100."""
    amounts = [due]
    for note in (1000, 2000, 5000, 10000):
        if note > due:
            amounts.append(note)
    for step in (1000, 10000):
        amounts.append(-(-due // step) * step)
    unique: list[int] = []
    for amount in amounts:
        if amount >= due and amount > 0 and amount not in unique:
            unique.append(amount)
    return sorted(unique)


class CashTenderDialog(PosDialog):
    """现金收款: the amount due in large digits, what the customer hands over, quick-cash buttons."""

    def __init__(self, ticket: Ticket, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cash payment"), parent, ok_text=self.tr("Pay (Enter)"))
        self.ticket = ticket
        self.amount: int | None = None
        due_row = QHBoxLayout()
        due_caption = QLabel(self.tr("Amount due"))
        due_caption.setObjectName("caption")
        due_row.addWidget(due_caption)
        self.due_label = AmountLabel("huge")
        self.due_label.setText(yuan(ticket.due))
        due_row.addWidget(self.due_label, 1)
        self.body.addLayout(due_row)
        if ticket.paid:
            self.body.addWidget(QLabel(self.tr("Already paid: %1").replace("%1", yuan(ticket.paid))))
        entry = QHBoxLayout()
        caption = QLabel(self.tr("Cash received (￥)"))
        caption.setObjectName("caption")
        entry.addWidget(caption)
        self.edit = QLineEdit()
        self.edit.setObjectName("bigEdit")
        disable_ime(self.edit)
        self.edit.setPlaceholderText(field_amount(ticket.due))
        entry.addWidget(self.edit, 1)
        self.body.addLayout(entry)
        row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for amount in quick_cash_amounts(ticket.due):
            text = self.tr("Exact") if amount == ticket.due else yuan(amount)
            button = QPushButton(text)
            button.setObjectName("quickCash")
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=amount: self.pay(a))
            row.addWidget(button)
            self.quick_buttons.append(button)
        self.body.addLayout(row)
        keypad = Keypad(self.edit, decimal=True)
        keypad.submitted.connect(self.submit)
        self.body.addWidget(keypad, 1)
        self.size_to_parent(0.6, 0.85)
        self.edit.setFocus()

    def submit(self) -> None:
        text = self.edit.text().strip()
        if not text:  # Enter on an empty field: the exact amount
            self.pay(self.ticket.due)
            return
        try:
            amount = parse_yuan(text)
        except InvalidAmount:
            amount = 0
        if not 0 < amount <= MAX_AMOUNT:
            self.message.show_error(self.tr("Enter the cash received, such as 100 or 52.50."))
            self.edit.selectAll()
            return
        self.pay(amount)

    def pay(self, amount: int) -> None:
        self.amount = amount
        self.accept()


class ConfirmDialog(PosDialog):
    """A question before something that cannot be taken back (整单取消): Enter does it, Esc does not."""

    def __init__(self, title: str, question: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, ok_text=ok_text)
        self.cancel_button.setText(self.tr("Back (Esc)"))
        self.question = QLabel(question)
        self.question.setObjectName("confirmQuestion")
        self.question.setWordWrap(True)
        self.body.addWidget(self.question, 1)
        self.size_to_parent(0.45, 0.35)
        self.ok_button.setFocus()


class OverrideDialog(PosDialog):
    """授权: a supervisor's or manager's code and PIN let one command through."""

    def __init__(self, action: str, parent: QWidget | None = None, error: str | None = None) -> None:
        super().__init__(self.tr("Authorisation"), parent, ok_text=self.tr("Authorise (Enter)"))
        self.action = action
        self.override: dict[str, str] | None = None
        self.reason = QLabel(who_authorises(action).replace("%1", action_label(action)))
        self.reason.setWordWrap(True)
        self.body.addWidget(self.reason)
        form = QFormLayout()
        self.operator = QLineEdit()
        self.operator.setObjectName("bigEdit")
        disable_ime(self.operator)
        self.pin = QLineEdit()
        self.pin.setObjectName("bigEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        disable_ime(self.pin)
        form.addRow(self.tr("Authoriser code"), self.operator)
        form.addRow(self.tr("PIN"), self.pin)
        self.body.addLayout(form)
        self.keypad = Keypad(self.operator)
        self.keypad.submitted.connect(self.submit)
        self.body.addWidget(self.keypad, 1)
        for edit in (self.operator, self.pin):
            edit.installEventFilter(self)
        if error:
            self.message.show_error(error)
        self.size_to_parent(0.45, 0.8)
        self.operator.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn and isinstance(obj, QLineEdit):
            self.keypad.set_target(obj)
        return super().eventFilter(obj, event)

    def submit(self) -> None:
        if not self.operator.text().strip():
            self.operator.setFocus()
            return
        if not self.pin.text():
            self.pin.setFocus()
            return
        self.override = {"operator": self.operator.text().strip(), "pin": self.pin.text()}
        self.accept()


class ParkedTicketsDialog(PosDialog):
    """F6 取单: pick a parked ticket to resume."""

    def __init__(self, tickets: list[Ticket], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parked tickets"), parent, ok_text=self.tr("Resume (Enter)"))
        self.chosen: Ticket | None = None
        self.model = ParkedTicketsModel(self)
        self.model.set_rows(tickets)
        self.table = QTableView()
        self.table.setModel(self.model)
        style_table(self.table)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.doubleClicked.connect(lambda _index: self.submit())
        self.body.addWidget(self.table, 1)
        if tickets:
            self.table.selectRow(0)
        else:
            self.message.show_info(self.tr("No parked tickets."), 0)
        self.size_to_parent(0.6, 0.6)
        self.table.setFocus()

    def submit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.show_error(self.tr("Choose a ticket first."))
            return
        self.chosen = self.model.ticket(rows[0].row())
        self.accept()


#: Who the store server asks for each action (``app.auth.authorise`` callers). A manager may do what a
#: supervisor may. Who allows a no-receipt return is the store's choice (OMNISTORE_NO_RECEIPT_RETURN_ROLE),
#: so that one names nobody.
OVERRIDE_ROLES = {
    "void_line": "supervisor", "price_override": "supervisor", "void_ticket": "supervisor",
    "diagnostics": "supervisor", "no_sale": "manager", "return": "manager",
    "stock_count": "manager", "paycode_cash_refund": "manager",
}


def who_authorises(action: str) -> str:
    """'This needs a manager: %1' for a no-sale; a supervisor's for a void; a neutral line otherwise."""
    role = OVERRIDE_ROLES.get(action)
    if role == "manager":
        return QCoreApplication.translate("OverrideDialog", "This needs a manager: %1")
    if role == "supervisor":
        return QCoreApplication.translate("OverrideDialog", "This needs a supervisor or a manager: %1")
    return QCoreApplication.translate("OverrideDialog", "This needs authorisation: %1")


def action_label(action: str) -> str:
    labels = {
        "void_line": QCoreApplication.translate("OverrideDialog", "void a line"),
        "price_override": QCoreApplication.translate("OverrideDialog", "change a price"),
        "no_sale": QCoreApplication.translate("OverrideDialog", "open the drawer without a sale"),
        "diagnostics": QCoreApplication.translate("OverrideDialog", "open hardware diagnostics"),
        "void_ticket": QCoreApplication.translate("OverrideDialog", "cancel the whole ticket"),
        "return": QCoreApplication.translate("OverrideDialog", "refund above the store's limit"),
        "return_no_receipt": QCoreApplication.translate("OverrideDialog", "take goods back without a receipt"),
        "stock_count": QCoreApplication.translate("OverrideDialog", "approve a stock count and post its differences"),
        "paycode_cash_refund": QCoreApplication.translate("OverrideDialog",
                                                          "pay a refused payment-code refund in cash"),
    }
    return labels.get(action, action)


def style_table(table: QTableView) -> None:
    """Rows picked whole, read-only; the model's ``stretch_column`` takes the room the others leave."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(TOUCH_ROW)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    model = table.model()
    if model is not None and model.columnCount() > 1:
        header.setSectionResizeMode(getattr(model, "stretch_column", 1), QHeaderView.ResizeMode.Stretch)


def item_table(headers: list[str], stretch: int = 0) -> QTableWidget:
    """A table of rows the dialog fills itself: column ``stretch`` takes the room left (the goods'
    names, say), the others fit their contents; no row numbers; rows tall enough for a finger."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(TOUCH_ROW)
    return table


def _move_selection(table: QTableView, step: int) -> None:
    count = table.model().rowCount()
    if not count:
        return
    rows = table.selectionModel().selectedRows()
    current = rows[0].row() if rows else (-1 if step > 0 else count)
    target = max(0, min(count - 1, current + step))
    table.selectRow(target)
    table.scrollTo(table.model().index(target, 0))


__all__ = [
    "CashTenderDialog",
    "ConfirmDialog",
    "HelpDialog",
    "OverrideDialog",
    "ParkedTicketsDialog",
    "PriceDialog",
    "ProductSearchDialog",
    "QuantityDialog",
    "quick_cash_amounts",
]
