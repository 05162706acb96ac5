"""收银: the checkout screen. Scan, adjust lines, park/resume, pay cash, print, reprint, next customer."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.keyed import normalise_code
from ui.api import ApiError, Completion, Line, StoreClient, Ticket, new_command_id
from ui.context import TillContext
from ui.dialogs import (
    CashTenderDialog,
    ConfirmDialog,
    HelpDialog,
    OverrideDialog,
    ParkedTicketsDialog,
    PosDialog,
    PriceDialog,
    ProductSearchDialog,
    QuantityDialog,
    WeightDialog,
)
from ui.formats import discount, yuan
from ui.keys import TillKey, keys_for, shortcut_keys
from ui.loyalty import (
    CouponDialog,
    GiftCardDialog,
    MemberDialog,
    NoReceiptReturnDialog,
    PointsDialog,
    ReturnDialog,
    StoredValueDialog,
    TopUpDialog,
    member_summary,
)
from ui.models import NOTE_ROLE, TicketLinesModel
from ui.paycode import PaycodeDialog, PaycodeRefundsDialog, is_payment_code
from ui.widgets import AmountLabel, MessageStrip, ScanEdit, caption_value_row, repolish

log = logging.getLogger(__name__)

#: "3*6901234567892" sells three of the item.
_MULTIPLY = re.compile(r"^([0-9]{1,4})\*(.+)$")
#: The promotion note under a line's name: the theme's accent for money off.
NOTE_COLOUR = QColor("#d9480f")
#: Codes that mean "the cashier must fix their credentials", not "the command failed".
_OVERRIDE_RETRY_CODES = {"bad_credentials", "override_denied", "not_authorized", "forbidden", "locked_out"}


class TicketRef:
    """The id of the ticket on this till, as the worker thread sees it.

    Jobs run in order on the worker, so a scan queued after "new ticket" reads the new id even
    though the GUI has not heard back yet.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._id: str | None = None

    @property
    def id(self) -> str:
        with self._lock:
            if self._id is None:
                raise ApiError("no_ticket", "No ticket is open.")
            return self._id

    def set(self, ticket_id: str | None) -> None:
        with self._lock:
            self._id = ticket_id


@dataclass(frozen=True)
class SaleDone:
    """A completed sale and the ticket the till moved on to (None when opening it failed)."""

    completion: Completion
    next_ticket: Ticket | None


def complete_and_open_next(client: StoreClient, ref: TicketRef, complete_id: str, next_id: str) -> SaleDone:
    """On the worker: 结账, then at once the next ticket, so a scan queued behind the sale lands on
    the next customer's ticket and never on the one just closed."""
    completion = client.complete(ref.id, complete_id)
    try:
        ticket = client.create_ticket(next_id)
    except ApiError:
        log.warning("the next ticket could not be opened after sale %s", completion.sale_id)
        return SaleDone(completion, None)  # the sale stands: it is printed, and the till tries again
    ref.set(ticket.id)
    return SaleDone(completion, ticket)


class TotalsPanel(QFrame):
    """Always visible: the count, the subtotal at shelf prices, 优惠合计 (promotions and coupons), 抹零,
    what is to pay and what is paid, and in large digits what is still due.

    Once a sale is done it shows that sale with the change to hand back, until the next customer's
    first item: the change never sits in a dialog that would take the next scan.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        grid = QGridLayout(self)
        self.count = caption_value_row(grid, 0, self.tr("Items"))
        self.subtotal = caption_value_row(grid, 1, self.tr("Subtotal"))
        self.savings = caption_value_row(grid, 2, self.tr("Discounts"))
        self.rounding = caption_value_row(grid, 3, self.tr("Rounding"))
        self.total = caption_value_row(grid, 4, self.tr("Total"))
        self.paid = caption_value_row(grid, 5, self.tr("Paid"))
        self.due_caption = QLabel()
        self.due_caption.setObjectName("dueCaption")
        grid.addWidget(self.due_caption, 6, 0, 1, 2)
        self.due = AmountLabel("total")
        grid.addWidget(self.due, 7, 0, 1, 2)
        #: the member on this ticket (Ctrl+M): name, tier, points, stored value
        self.member = QLabel()
        self.member.setObjectName("memberPanel")
        self.member.setWordWrap(True)
        grid.addWidget(self.member, 8, 0, 1, 2)
        grid.setRowStretch(9, 1)
        #: the sale whose change is showing, until the next ticket has an item
        self.sale_done: Completion | None = None
        self.show_ticket(None)

    @property
    def showing_change(self) -> bool:
        return self.sale_done is not None

    def show_ticket(self, ticket: Ticket | None) -> None:
        """The ticket's figures; an empty next ticket leaves the last sale's change up."""
        if self.sale_done is not None and ticket is not None and not ticket.active_lines:
            return
        self.sale_done = None
        self._figures(ticket)
        paid = ticket is not None and ticket.paid > 0
        self.due_caption.setText(self.tr("Still due") if paid else self.tr("Amount due"))
        self._due_kind("due")
        self.due.setText(yuan(ticket.due if ticket else 0))

    def show_change(self, completion: Completion) -> None:
        """找零: the finished sale, and the change in large green digits."""
        self.sale_done = completion
        self._figures(completion.ticket)
        self.due_caption.setText(self.tr("Change"))
        self._due_kind("change")
        self.due.setText(yuan(completion.change))

    def forget_sale(self) -> None:
        """A new cashier, or the shift closed: the last sale's change is nobody's business now."""
        self.sale_done = None
        self.show_ticket(None)

    def _figures(self, ticket: Ticket | None) -> None:
        self.count.setText(str(ticket.item_count if ticket else 0))
        self.subtotal.setText(yuan(ticket.shelf_subtotal if ticket else 0))
        self.savings.setText(discount(ticket.savings if ticket else 0))
        self.rounding.setText(yuan(ticket.rounding if ticket else 0))
        self.total.setText(yuan(ticket.total if ticket else 0))
        self.paid.setText(yuan(ticket.paid if ticket else 0))

    def _due_kind(self, kind: str) -> None:
        for label in (self.due_caption, self.due):
            if label.property("kind") != kind:
                label.setProperty("kind", kind)
                repolish(label)


class LineNameDelegate(QStyledItemDelegate):
    """The goods' name, and under it the promotion that priced the line (第2件5折) in smaller text."""

    NOTE_SCALE = 0.8

    def _note_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        size = font.pixelSize()
        if size > 0:
            font.setPixelSize(max(9, round(size * self.NOTE_SCALE)))
        else:
            font.setPointSizeF(max(7.0, font.pointSizeF() * self.NOTE_SCALE))
        return font

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt API)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        note = index.data(NOTE_ROLE)
        if note:
            size.setHeight(size.height() + QFontMetrics(self._note_font(option)).height())
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        note = index.data(NOTE_ROLE)
        if not note:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        name = item.text
        item.text = ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        rect = item.rect.adjusted(6, 2, -6, -2)
        note_font = self._note_font(item)
        note_height = QFontMetrics(note_font).height()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(item.font)
        painter.setPen(item.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        name_rect = QRect(rect.left(), rect.top(), rect.width(), rect.height() - note_height)
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         item.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(note_font)
        painter.setPen(item.palette.color(QPalette.ColorRole.HighlightedText) if selected else NOTE_COLOUR)
        note_rect = QRect(rect.left(), rect.bottom() - note_height, rect.width(), note_height)
        painter.drawText(note_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetrics(note_font).elidedText(str(note), Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class CheckoutScreen(QWidget):
    """The till's main screen. Every server call goes through the serial worker."""

    #: The server says no shift is open on this till.
    shift_required = Signal()
    #: Emitted with the receipt bytes after they went to the printer sink (for tests and logs).
    receipt_printed = Signal(bytes)
    #: A sale was completed: (sale_id, change).
    sale_completed = Signal(str, int)
    #: F10: the cashier leaves the till.
    logout_requested = Signal()
    #: F11: 交班.
    close_shift_requested = Signal()
    #: Ctrl+S: the HQ sync page.
    sync_requested = Signal()

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.ctx = ctx
        self.ref = TicketRef()
        self.ticket: Ticket | None = None
        #: the member on this ticket, as HQ showed them (coupons, cards); None for a walk-in
        self.member: dict[str, Any] | None = None
        self.active_dialog: PosDialog | None = None
        self.last_completion: Completion | None = None
        self._build()
        self._shortcuts()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        middle = QHBoxLayout()
        left = QVBoxLayout()
        self.model = TicketLinesModel(self)
        self.table = QTableView()
        self.table.setObjectName("linesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # a line with a promotion is taller: its note shows under the name
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, LineNameDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.stretch_column, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table, 1)
        scan_row = QHBoxLayout()
        scan_caption = QLabel(self.tr("Scan / code"))
        scan_caption.setObjectName("caption")
        scan_row.addWidget(scan_caption)
        self.scan_edit = ScanEdit(reserved=[QKeySequence(key.key) for key in shortcut_keys()])
        self.scan_edit.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.scan_edit.returnPressed.connect(self._on_scan_entered)
        self.scan_edit.pay_requested.connect(self.pay)
        self.scan_edit.move_selection.connect(self._move_selection)
        scan_row.addWidget(self.scan_edit, 1)
        left.addLayout(scan_row)
        self.message = MessageStrip()
        left.addWidget(self.message)
        middle.addLayout(left, 3)
        self.totals = TotalsPanel()
        self.totals.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        middle.addWidget(self.totals, 1)
        layout.addLayout(middle, 1)
        layout.addWidget(self._more_panel())
        layout.addLayout(self._function_bar())

    def _key_button(self, key: TillKey, name: str) -> QPushButton:
        """A touch button for one row of the key table: the key on top, what it does under it."""
        button = QPushButton(f"{key.key_cap}\n{key.caption()}")
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        button.setToolTip(key.explanation())
        return button

    def _function_bar(self) -> QHBoxLayout:
        """F1–F12 as buttons, and 更多 (More), which opens the panel of the Ctrl-key functions."""
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.function_buttons: dict[str, QPushButton] = {}
        for key in keys_for("bar"):
            pay = key.action == "pay"
            if pay:
                bar.addWidget(self.more_button, 2)
            button = self._key_button(key, "fkeyPay" if pay else "fkey")
            button.clicked.connect(getattr(self, key.action))
            bar.addWidget(button, 3 if pay else 2)
            self.function_buttons[key.key] = button
        return bar

    def _more_panel(self) -> QFrame:
        """更多: every Ctrl-key function as a button, for a cashier on the touch screen."""
        self.more_button = QPushButton(self.tr("…\nMore"))
        self.more_button.setObjectName("fkey")
        self.more_button.setCheckable(True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.more_panel = QFrame()
        self.more_panel.setObjectName("morePanel")
        row = QHBoxLayout(self.more_panel)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(4)
        self.more_buttons: dict[str, QPushButton] = {}
        for key in keys_for("more"):
            button = self._key_button(key, "moreKey")
            button.clicked.connect(lambda _checked=False, action=key.action: self._more_chosen(action))
            row.addWidget(button)
            self.more_buttons[key.key] = button
        self.more_panel.hide()
        self.more_button.toggled.connect(self.more_panel.setVisible)
        return self.more_panel

    def _more_chosen(self, action: str) -> None:
        self.more_button.setChecked(False)
        getattr(self, action)()

    def _shortcuts(self) -> None:
        """Every key of the table; the scan field lets these through (``ScanEdit(reserved=…)``)."""
        for key in shortcut_keys():
            shortcut = QShortcut(QKeySequence(key.key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(getattr(self, key.action))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan_edit.setFocus()

    # -- ticket state ----------------------------------------------------------------

    def start(self, open_ticket: str | None = None) -> None:
        """Called after login/shift open: resume the till's open ticket or start a new one."""
        client, ref = self.ctx.client, self.ref

        def load() -> Ticket:
            ticket = client.get_ticket(open_ticket) if open_ticket else client.create_ticket(new_command_id())
            if ticket.status != "open":
                ticket = client.create_ticket(new_command_id())
            ref.set(ticket.id)
            return ticket

        self.totals.forget_sale()
        self._submit(load, self.show_ticket)
        if open_ticket:
            self.message.show_info(self.tr("Resumed the open ticket of this till."))

    def show_ticket(self, ticket: Ticket, select_line: str | None = None) -> None:
        if self.totals.showing_change and ticket.active_lines and self.message.kind == "success":
            self.message.clear_message()  # the next customer's first item: the last sale's change is done with
        self.ticket = ticket
        self.model.set_ticket(ticket)
        self.totals.show_ticket(ticket)
        if self.ctx.customer is not None and ticket.status == "open":
            self.ctx.customer.show_ticket(ticket)
        row = self.model.row_of(select_line) if select_line else -1
        if row < 0 and self.model.rowCount():
            row = self.model.rowCount() - 1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_line(self) -> Line | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.line(rows[0].row())
        active = [line for line in self.model.rows if not line.voided]
        return active[-1] if active else None

    def _move_selection(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        rows = self.table.selectionModel().selectedRows()
        current = rows[0].row() if rows else count
        target = max(0, min(count - 1, current + step))
        self.table.selectRow(target)
        self.table.scrollTo(self.model.index(target, 0))

    # -- plumbing ---------------------------------------------------------------------

    def _submit(self, fn: Callable[[], Any], on_result: Callable[[Any], None],
                on_error: Callable[[Exception], None] | None = None) -> None:
        self.ctx.worker.submit(fn, on_result, on_error or self.show_error)

    def show_error(self, exc: Exception | str) -> None:
        """Red strip and a beep; the scan field is cleared and keeps the focus."""
        if isinstance(exc, ApiError) and exc.code == "shift_not_open":
            self.shift_required.emit()
        if not isinstance(exc, ApiError | str):
            exc = self.tr("Unexpected error: %1").replace("%1", repr(exc))
        self.message.show_error(str(exc))
        self.scan_edit.clear()
        self.focus_scan()

    def open_dialog(self, dialog: PosDialog, on_accept: Callable[[], None]) -> None:
        self.active_dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: PosDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()
        self.window().activateWindow()  # some platforms leave no window active after a modal closes
        self.focus_scan()

    def _command(self, call: Callable[[str, dict[str, str] | None], Any], on_result: Callable[[Any], None],
                 command_id: str | None = None, override: dict[str, str] | None = None) -> None:
        """Run a state-changing command; on ``override_required`` ask a manager and resend the same id."""
        command_id = command_id or new_command_id()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ApiError) and exc.code == "override_required":
                self._ask_override(call, on_result, command_id, str(exc.payload.get("action", "")), None)
            elif isinstance(exc, ApiError) and override and exc.code in _OVERRIDE_RETRY_CODES:
                self._ask_override(call, on_result, command_id, "", str(exc))
            else:
                self.show_error(exc)

        self._submit(lambda: call(command_id, override), on_result, failed)

    def _ask_override(self, call, on_result, command_id: str, action: str, error: str | None) -> None:
        if error is None:
            QApplication.beep()
        dialog = OverrideDialog(action or getattr(self, "_last_action", ""), self, error)
        self._last_action = dialog.action

        def accepted() -> None:
            self._command(call, on_result, command_id, dialog.override)

        self.open_dialog(dialog, accepted)

    # -- scanning ----------------------------------------------------------------------

    def _on_scan_entered(self) -> None:
        text = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if text:
            self.scan(text)

    def scan(self, text: str) -> None:
        """Add what was scanned or typed; '3*code' sells three (full-width ３＊… too)."""
        text = normalise_code(text)
        if is_payment_code(text):  # a payment code at the item prompt: straight to payment of what is due
            self.paycode_dialog(text)
            return
        quantity: int | None = None
        match = _MULTIPLY.match(text)
        if match:
            quantity, text = int(match.group(1)), match.group(2).strip()
        client, ref = self.ctx.client, self.ref
        self.message.clear_message()
        command_id = new_command_id()

        def failed(exc: Exception) -> None:
            if isinstance(exc, ApiError) and exc.code == "weight_required":
                self._weigh(text, str(exc))
            elif isinstance(exc, ApiError) and exc.code == "gift_card_required":
                self._sell_gift_card(text, str(exc))
            else:
                self.show_error(exc)

        self._submit(lambda: client.add_line(ref.id, text, quantity, command_id), self._line_added, failed)

    def _sell_gift_card(self, code: str, reason: str) -> None:
        """售卡: the card's own number goes with the gift-card line; HQ checks it is unsold stock."""
        if self.ticket is None:
            return
        dialog = GiftCardDialog(self.ctx.client, self.ctx.worker, self.ticket.id, code, reason, self)

        def accepted() -> None:
            if dialog.result_ticket is not None:
                self._line_added(dialog.result_ticket)

        self.open_dialog(dialog, accepted)

    def _weigh(self, code: str, reason: str) -> None:
        """称重: a stable weight from the till's scale, else the cashier types it in kg."""
        client, ref, scale = self.ctx.client, self.ref, self.ctx.scale
        if scale is None:
            self._ask_weight(code, reason)
            return
        self.message.show_info(self.tr("Weighing…"), 0)

        def run() -> Ticket | None:
            reading = scale.wait_stable(3.0, lambda r: r.weight_g > 0 and not r.overload)
            if reading is None:
                return None
            return client.add_line(ref.id, code, reading.weight_g, new_command_id())

        def done(ticket: Ticket | None) -> None:
            if ticket is None:
                self._ask_weight(code, self.tr("No steady weight on the scale: put the goods on it, or enter the weight."))
            else:
                self.message.clear_message()
                self._line_added(ticket)

        self._submit(run, done)

    def _ask_weight(self, code: str, reason: str) -> None:
        dialog = WeightDialog(reason, self)
        client, ref = self.ctx.client, self.ref

        def accepted() -> None:
            grams = dialog.grams
            self._command(lambda cid, _o: client.add_line(ref.id, code, grams, cid), self._line_added)

        self.open_dialog(dialog, accepted)

    def add_product(self, code: str) -> None:
        self.scan(code)

    def _line_added(self, ticket: Ticket) -> None:
        self.show_ticket(ticket)
        self.focus_scan()

    def handle_scan(self, code: str) -> None:
        """A scan that arrived while the focus was outside the scan field (wedge detector)."""
        dialog = self.active_dialog
        if isinstance(dialog, CashTenderDialog) and is_payment_code(code):  # the customer pays by code instead
            dialog.reject()
            self.paycode_dialog(code)
        elif dialog is not None and hasattr(dialog, "handle_scan"):
            dialog.handle_scan(code)
        elif dialog is not None:
            dialog.message.show_error(self.tr("Finish this dialog first, then scan again."))
        else:
            self.scan_edit.clear()
            self.scan(code)

    # -- function keys -------------------------------------------------------------------

    def show_help(self) -> None:
        self.open_dialog(HelpDialog(self), lambda: None)

    def log_out(self) -> None:
        self.logout_requested.emit()

    def close_shift(self) -> None:
        self.close_shift_requested.emit()

    def open_sync(self) -> None:
        self.sync_requested.emit()

    def search(self) -> None:
        dialog = ProductSearchDialog(self.ctx.client, self.ctx.worker, self)
        dialog.product_chosen.connect(lambda product: self.add_product(product.barcode or product.plu or product.sku))
        dialog.code_scanned.connect(self.add_product)
        self.open_dialog(dialog, lambda: None)

    def _require_line(self) -> Line | None:
        line = self.selected_line()
        if line is None:
            self.show_error(self.tr("There is no line to change."))
        elif line.voided:
            self.show_error(self.tr("This line is already voided."))
            return None
        return line

    def change_quantity(self) -> None:
        line = self._require_line()
        if line is None:
            return
        dialog = QuantityDialog(line, self)
        client, ref = self.ctx.client, self.ref

        def accepted() -> None:
            quantity = dialog.quantity
            self._command(lambda cid, _o: client.set_quantity(ref.id, line.id, quantity, cid),
                          lambda ticket: self.show_ticket(ticket, line.id))

        self.open_dialog(dialog, accepted)

    def void_line(self) -> None:
        line = self._require_line()
        if line is None:
            return
        client, ref = self.ctx.client, self.ref
        self._last_action = "void_line"
        self._command(lambda cid, override: client.void_line(ref.id, line.id, cid, override),
                      lambda ticket: self._voided(ticket, line))

    def _voided(self, ticket: Ticket, line: Line) -> None:
        self.show_ticket(ticket, line.id)
        self.message.show_info(self.tr("Voided: %1").replace("%1", line.name))

    def override_price(self) -> None:
        line = self._require_line()
        if line is None:
            return
        dialog = PriceDialog(line, self)
        client, ref = self.ctx.client, self.ref

        def accepted() -> None:
            price = dialog.price
            self._last_action = "price_override"
            self._command(lambda cid, override: client.override_price(ref.id, line.id, price, cid, override),
                          lambda ticket: self.show_ticket(ticket, line.id))

        self.open_dialog(dialog, accepted)

    def no_sale(self) -> None:
        client = self.ctx.client
        self._last_action = "no_sale"
        ctx = self.ctx

        def allowed(cid: str, override: dict[str, str] | None) -> bool:
            ok = client.open_drawer(cid, override)  # recorded on the server with who authorised it
            ctx.open_drawer()
            return ok

        self._command(allowed, lambda _ok: self.message.show_info(self.tr("Drawer opened (no sale).")))

    def park(self) -> None:
        if not self.ticket or not self.ticket.active_lines:
            self.show_error(self.tr("There is nothing to park."))
            return
        client, ref = self.ctx.client, self.ref
        park_id, new_id = new_command_id(), new_command_id()

        def run() -> Ticket:
            client.park(ref.id, park_id)
            ticket = client.create_ticket(new_id)
            ref.set(ticket.id)
            return ticket

        def done(ticket: Ticket) -> None:
            self.show_ticket(ticket)
            self.message.show_info(self.tr("Ticket parked. Press F6 to resume it."))

        self._submit(run, done)

    def void_ticket(self) -> None:
        """Ctrl+Delete 整单取消: the whole ticket goes, once the cashier confirms. A ticket holding
        payments or above the void limit needs a supervisor: the server asks, as for F4."""
        ticket = self.ticket
        if ticket is None or not (ticket.active_lines or ticket.tenders):
            self.show_error(self.tr("There is nothing to cancel."))
            return
        dialog = self.cancel_dialog(ticket)
        client, ref, next_id = self.ctx.client, self.ref, new_command_id()

        def cancel_and_start_next(command_id: str, override: dict[str, str] | None) -> Ticket:
            client.void_ticket(ref.id, command_id, override)
            fresh = client.create_ticket(next_id)
            ref.set(fresh.id)
            return fresh

        def accepted() -> None:
            self._last_action = "void_ticket"
            self._command(cancel_and_start_next, lambda fresh: self._ticket_cancelled(ticket, fresh))

        self.open_dialog(dialog, accepted)

    def cancel_dialog(self, ticket: Ticket) -> ConfirmDialog:
        """整单取消? with what goes: the count, the total, and any money to give back."""
        question = self.tr("Cancel the whole ticket: %1 items, %2?").replace("%1", str(ticket.item_count)) \
            .replace("%2", yuan(ticket.total))
        if ticket.paid:
            question += "\n" + self.tr("%1 is paid already: it goes back to the customer.").replace(
                "%1", yuan(ticket.paid))
        return ConfirmDialog(self.tr("Cancel ticket"), question, self.tr("Cancel the ticket (Enter)"), self)

    def _ticket_cancelled(self, cancelled: Ticket, fresh: Ticket) -> None:
        self.member = None
        self.totals.member.clear()
        self.show_ticket(fresh)
        cash = sum(tender.amount for tender in cancelled.tenders if tender.method == "cash")
        text = self.tr("The ticket is cancelled.")
        if cash:
            text += " " + self.tr("Give back %1 in cash.").replace("%1", yuan(cash))
        self.message.show_info(text, 0 if cash else 4000)

    def resume(self) -> None:
        if self.ticket and self.ticket.active_lines:
            self.show_error(self.tr("Park or finish the current ticket first."))
            return
        self._submit(self.ctx.client.parked_tickets, self._choose_parked)

    def _choose_parked(self, tickets: list[Ticket]) -> None:
        dialog = ParkedTicketsDialog(tickets, self)
        client, ref = self.ctx.client, self.ref

        def accepted() -> None:
            chosen = dialog.chosen
            command_id = new_command_id()

            def run() -> Ticket:
                ticket = client.resume(chosen.id, command_id)
                ref.set(ticket.id)
                return ticket

            self._submit(run, lambda ticket: (self.show_ticket(ticket),
                                              self.message.show_info(self.tr("Ticket resumed."))))

        self.open_dialog(dialog, accepted)

    # -- paying ------------------------------------------------------------------------------

    def pay(self) -> None:
        """F12 / +: fetch the ticket after any scans still in flight, then ask for cash."""
        client, ref = self.ctx.client, self.ref
        self._submit(lambda: client.get_ticket(ref.id), self._open_tender)

    def _open_tender(self, ticket: Ticket) -> None:
        self.show_ticket(ticket)
        if not ticket.active_lines:
            self.show_error(self.tr("The ticket is empty: scan something first."))
            return
        if self.active_dialog is not None:
            return
        dialog = CashTenderDialog(ticket, self)
        self.open_dialog(dialog, lambda: self.tender_cash(dialog.amount))

    def tender_cash(self, amount: int) -> None:
        """Record the cash; once nothing is due, complete the sale and open the next ticket."""
        client, ref = self.ctx.client, self.ref
        tender_id, complete_id, next_id = new_command_id(), new_command_id(), new_command_id()

        def run() -> Ticket | SaleDone:
            ticket = client.add_cash(ref.id, amount, tender_id)
            if ticket.due > 0:
                return ticket
            return complete_and_open_next(client, ref, complete_id, next_id)

        self._submit(run, self._tendered)

    def _tendered(self, result: Ticket | SaleDone) -> None:
        if isinstance(result, Ticket):  # part payment: the panel shows what is still due; ask for it
            self._open_tender(result)
            return
        self._sale_done(result)

    def _sale_done(self, done: SaleDone) -> None:
        """The change shows in the side panel, the drawer opens, the receipt prints; the scan field
        already belongs to the next customer."""
        completion = done.completion
        self.last_completion = completion
        self.member = None
        self.totals.member.clear()
        self.sale_completed.emit(completion.sale_id, completion.change)
        if self.ctx.customer is not None:
            paid = completion.ticket.paid if completion.ticket is not None else completion.total + completion.change
            self.ctx.customer.show_payment(completion.total, paid, completion.change)
        self.show_change(completion)
        if done.next_ticket is not None:
            self.show_ticket(done.next_ticket)
        else:
            self._open_next_ticket()
        if self.ctx.drawer_kicked_separately:  # cash only so far: the drawer opens for the change
            self.ctx.open_drawer()
            self._print_receipt(completion.sale_id)
        else:
            self._print_receipt(completion.sale_id, kick=True)
        self.focus_scan()

    def show_change(self, completion: Completion) -> None:
        """找零 in the side panel and the message strip; both stay until the next customer's first scan."""
        self.totals.show_change(completion)
        self.message.show_success(self.tr("Sale %1 complete: change %2.").replace("%1", completion.sale_id)
                                  .replace("%2", yuan(completion.change)), 0)

    def _print_receipt(
        self, sale_id: str, kick: bool = False, copy: bool = False, on_printed: Callable[[bytes], None] | None = None
    ) -> None:
        """Fetch the receipt from the server and send it to the printer; ``kick`` opens the drawer too."""
        client, ctx = self.ctx.client, self.ctx
        self._print(lambda: client.receipt(sale_id, profile=ctx.printer_profile, kick=kick, copy=copy,
                                           raster=ctx.printer_raster),
                    sale_id, self.tr("The receipt was not printed: %1"), on_printed)

    def _print(self, fetch: Callable[[], bytes], label: str, failure: str,
               on_printed: Callable[[bytes], None] | None = None) -> None:
        """On the worker: the document's bytes from the server, then to the till's printer (or its queue)."""
        ctx = self.ctx

        def run() -> bytes:
            data = fetch()
            ctx.print_receipt(data, label=label)
            return data

        def printed(data: bytes) -> None:
            self.receipt_printed.emit(data)
            if on_printed is not None:
                on_printed(data)

        self._submit(run, printed, lambda exc: self.message.show_error(failure.replace("%1", str(exc))))

    def reprint(self) -> None:
        """F9 重打小票: the last sale's receipt again (no drawer pulse)."""
        if self.last_completion is None:
            self.show_error(self.tr("No sale to reprint yet."))
            return
        sale_id = self.last_completion.sale_id
        self._print_receipt(sale_id, copy=True, on_printed=lambda _data: self.message.show_info(
            self.tr("Receipt %1 reprinted.").replace("%1", sale_id)))

    # -- members, coupons, stored value, returns ---------------------------------------

    def member_dialog(self) -> None:
        """Ctrl+M 会员: find (or register) the member and attach them to the ticket."""
        dialog = MemberDialog(self.ctx.client, self.ctx.worker, self)
        client, ref = self.ctx.client, self.ref

        def accepted() -> None:
            member = dialog.member or {}
            self.member = member
            self.totals.member.setText(member_summary(member))
            self._command(lambda cid, _o: client.attach_member(ref.id, str(member.get("member_no")), cid),
                          self.show_ticket)

        self.open_dialog(dialog, accepted)

    def top_up_dialog(self) -> None:
        """Ctrl+T 充值: the member's card (or one scanned) topped up with cash into this drawer, or by
        the customer's payment code."""
        cards = list(((self.member or {}).get("wallet") or {}).get("cards") or [])
        dialog = TopUpDialog(self.ctx.client, self.ctx.worker, cards[0] if cards else "", parent=self)

        def accepted() -> None:
            entry = (dialog.result or {}).get("entry") or {}
            text = self.tr("Topped up %1 (bonus %2): take the cash.") if dialog.tender == "cash" else \
                self.tr("Topped up %1 (bonus %2), paid by payment code.")
            self.message.show_success(text.replace("%1", yuan(int(entry.get("principal", 0))))
                                      .replace("%2", yuan(int(entry.get("bonus", 0)))))

        self.open_dialog(dialog, accepted)

    def coupon_dialog(self) -> None:
        """Ctrl+Q 用券: HQ checks and holds the coupon for this ticket."""
        if not self.ticket or not self.ticket.active_lines:
            self.show_error(self.tr("Scan the goods first, then the coupon."))
            return
        dialog = CouponDialog(self.ctx.client, self.ctx.worker, self.ticket.id,
                              list((self.member or {}).get("coupons") or []), self)
        self.open_dialog(dialog, lambda: dialog.result_ticket is not None and self.show_ticket(dialog.result_ticket))

    def stored_value_dialog(self) -> None:
        """Ctrl+P 储值支付: part or all of what is due from the member's card."""
        if not self.ticket or not self.ticket.active_lines:
            self.show_error(self.tr("There is nothing to pay yet."))
            return
        cards = list(((self.member or {}).get("wallet") or {}).get("cards") or [])
        dialog = StoredValueDialog(self.ctx.client, self.ctx.worker, self.ticket.id, self.ticket.due_exact,
                                   cards[0] if cards else "", self)

        def accepted() -> None:
            ticket = dialog.result_ticket
            if ticket is None:
                return
            self.show_ticket(ticket)
            if ticket.due <= 0:  # all paid by card: complete now
                client, ref, complete_id, next_id = self.ctx.client, self.ref, new_command_id(), new_command_id()
                self._submit(lambda: complete_and_open_next(client, ref, complete_id, next_id), self._sale_done)
            else:
                self.message.show_info(self.tr("Stored value taken; %1 still due.").replace("%1", yuan(ticket.due)))

        self.open_dialog(dialog, accepted)

    def paycode_dialog(self, code: str = "") -> None:
        """付款码: the customer's WeChat Pay / Alipay code pays what is due (exact fen, no 抹零)."""
        ticket = self.ticket
        if ticket is None or not ticket.active_lines:
            self.show_error(self.tr("There is nothing to pay yet."))
            return
        if ticket.due_exact <= 0:
            self.show_error(self.tr("Nothing is due on this ticket."))
            return
        if self.active_dialog is not None:
            return
        dialog = PaycodeDialog(self.ctx.client, self.ctx.worker, ticket.id, ticket.due_exact, code, self)
        if self.ctx.customer is not None:
            self.ctx.customer.show_due(ticket.due_exact, self.tr("Confirm the payment on your phone"))

        def accepted() -> None:
            paid = dialog.result_ticket
            if paid is None:
                return
            self.show_ticket(paid)
            if paid.due <= 0:  # all paid by code: complete now
                client, ref, complete_id, next_id = self.ctx.client, self.ref, new_command_id(), new_command_id()
                self._submit(lambda: complete_and_open_next(client, ref, complete_id, next_id), self._sale_done)
            else:
                self.message.show_info(self.tr("Paid by payment code; %1 still due.").replace("%1", yuan(paid.due)))

        def closed() -> None:
            if dialog.result_ticket is None and self.ticket is not None:
                self.show_ticket(self.ticket)  # the customer display shows the ticket again

        dialog.rejected.connect(closed)
        self.open_dialog(dialog, accepted)

    def points_dialog(self) -> None:
        """Ctrl+I 积分抵现: the attached member's points pay part of what is due."""
        if not self.ticket or not self.ticket.active_lines:
            self.show_error(self.tr("There is nothing to pay yet."))
            return
        if not self.member:
            self.show_error(self.tr("Attach the member first (Ctrl+M)."))
            return
        dialog = PointsDialog(self.ctx.client, self.ctx.worker, self.ticket.id, self.ticket.due_exact,
                              int(self.member.get("points", 0)), self, int(self.member.get("points_per_yuan", 100)))

        def accepted() -> None:
            if dialog.result_ticket is not None:
                self.show_ticket(dialog.result_ticket)

        self.open_dialog(dialog, accepted)

    def return_dialog(self) -> None:
        """Ctrl+R 退货: the sale by its receipt barcode, the goods coming back, the refund."""
        dialog = ReturnDialog(self.ctx.client, self.ctx.worker, self)
        client = self.ctx.client

        def accepted() -> None:
            if dialog.without_receipt:
                self.return_without_receipt_dialog()
                return
            sale_id, lines, reason = dialog.sale_id, dialog.chosen, dialog.reason.text().strip()
            self._last_action = "return"
            self._command(lambda cid, override: client.make_return(sale_id, lines, reason, cid, override),
                          self._refunded)

        self.open_dialog(dialog, accepted)

    def return_without_receipt_dialog(self) -> None:
        """无小票退货: the goods scanned one by one; the server asks for the manager every time."""
        dialog = NoReceiptReturnDialog(self.ctx.client, self.ctx.worker, self)
        client = self.ctx.client

        def accepted() -> None:
            lines, reason = dialog.chosen, dialog.reason.text().strip()
            self._last_action = "return_no_receipt"
            self._command(lambda cid, override: client.return_without_receipt(lines, reason, cid, override),
                          self._refunded)

        self.open_dialog(dialog, accepted)

    def _refunded(self, result: dict[str, Any]) -> None:
        cash = int(result.get("cash", 0))
        to_cards = sum(int(r["amount"]) for r in result.get("stored_value") or [])
        text = self.tr("Return %1: refund %2 in cash").replace("%1", str(result.get("return_no", ""))) \
            .replace("%2", yuan(cash))
        if to_cards:
            text += self.tr(", %1 back to the card").replace("%1", yuan(to_cards))
        if int(result.get("points", 0)):
            text += self.tr(", %1 back as points").replace("%1", yuan(int(result["points"])))
        self.message.show_info(text, 0)
        self._print_return_slip(str(result.get("return_no", "")), kick=cash > 0)
        refunds = list(result.get("paycode_refunds") or [])
        if refunds:  # back to the customer's WeChat Pay / Alipay: follow it; a refused one may go in cash
            self.open_dialog(PaycodeRefundsDialog(self.ctx.client, self.ctx.worker, refunds, self,
                                                  on_cash=self._refund_paid_in_cash), lambda: None)

    def _refund_paid_in_cash(self, refund: dict[str, Any]) -> None:
        """现金退款 allowed: the drawer opens for the cash the provider would not send back."""
        self.ctx.open_drawer()
        self.message.show_info(self.tr("Refund %1 paid in cash: %2").replace("%1", str(refund.get("out_refund_no", "")))
                               .replace("%2", yuan(int(refund.get("amount", 0)))), 0)

    def _print_return_slip(self, return_no: str, kick: bool) -> None:
        """退货单 for the customer to sign; a cash refund opens the drawer with it."""
        client, ctx = self.ctx.client, self.ctx
        if kick and ctx.drawer_kicked_separately:
            ctx.open_drawer()
            kick = False

        self._print(lambda: client.return_slip(return_no, profile=ctx.printer_profile, kick=kick,
                                               raster=ctx.printer_raster),
                    return_no, self.tr("The return slip was not printed: %1"))

    def discard_empty_ticket(self) -> None:
        """After 交班 the server has voided the till's empty ticket; forget it here too."""
        self.ref.set(None)
        self.ticket = None
        self.model.set_ticket(None)
        self.totals.forget_sale()

    def _open_next_ticket(self) -> None:
        client, ref = self.ctx.client, self.ref
        command_id = new_command_id()

        def run() -> Ticket:
            ticket = client.create_ticket(command_id)
            ref.set(ticket.id)
            return ticket

        self._submit(run, self.show_ticket)
