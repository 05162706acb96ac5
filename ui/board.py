"""线上订单看板 (the O2O board): online orders HQ routed to this store, worked beside the till.

Columns by state — 待接单 → 拣货中 → 待打包 → 待取货/待配送 → 完成, with 取消/异常 aside — each order
with its SLA countdown and a 待同步 mark while its steps have not reached HQ. A new order rings and
keeps ringing until someone accepts it. Picking is by scan (the scanner wedge, as at the till):
each scan ticks a line, the wrong goods are refused loudly, a weighed line takes its weight. A
cancel that arrives mid-pick fills the top of the board in red until the goods are put back.

The board waits on the store server's change stream on a thread of its own (``O2OFeed``), so a
new order shows within moments; every step goes through the till's serial worker. It talks only
to the store server, through ``StoreClient``.
"""

from __future__ import annotations

import logging
import math
import struct
import tempfile
import threading
import wave
from datetime import UTC, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.quantity import InvalidQuantity, parse_kg
from ui.api import ApiError, O2OOrder, O2OPage, StoreClient, new_command_id
from ui.context import TillContext
from ui.dialogs import PosDialog
from ui.formats import yuan
from ui.widgets import MessageStrip

log = logging.getLogger(__name__)

#: how long the server may hold one wait for changes (seconds)
FEED_WAIT = 20
#: the new-order sound repeats this often (ms) until someone accepts
RING_EVERY_MS = 3000

COLUMNS = ("new", "picking", "to_pack", "waiting", "done", "aside")
REJECT_REASONS = ("sold_out", "closed", "too_busy")


def column_title(column: str) -> str:
    titles = {
        "new": QCoreApplication.translate("O2OBoard", "New"),
        "picking": QCoreApplication.translate("O2OBoard", "Picking"),
        "to_pack": QCoreApplication.translate("O2OBoard", "To pack"),
        "waiting": QCoreApplication.translate("O2OBoard", "Pickup / delivery"),
        "done": QCoreApplication.translate("O2OBoard", "Done"),
        "aside": QCoreApplication.translate("O2OBoard", "Cancelled / problems"),
    }
    return titles[column]


def channel_name(channel: str) -> str:
    names = {"own": QCoreApplication.translate("O2OBoard", "Own shop"),
             "meituan": QCoreApplication.translate("O2OBoard", "Meituan"),
             "eleme": QCoreApplication.translate("O2OBoard", "Ele.me")}
    return names.get(channel, channel)


#: a card shows this many of the order number's last characters (the bag label and the tooltip
#: show it whole)
SHORT_NO = 6


def short_number(channel_order_no: str) -> str:
    """'#456789' for a long platform number (its tail, as pickers and riders say it); a short
    one whole."""
    if len(channel_order_no) <= SHORT_NO + 2:
        return channel_order_no
    return "#" + channel_order_no[-SHORT_NO:]


def reason_text(reason: str) -> str:
    texts = {"sold_out": QCoreApplication.translate("O2OBoard", "Sold out"),
             "closed": QCoreApplication.translate("O2OBoard", "Closed"),
             "too_busy": QCoreApplication.translate("O2OBoard", "Too busy")}
    return texts.get(reason, reason)


def countdown(deadline: str | None, now: datetime | None = None) -> str:
    """'02:41' left until ``deadline``, or '-00:12' past it; '' without one."""
    if not deadline:
        return ""
    try:
        moment = datetime.fromisoformat(deadline)
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    left = int((moment - (now or datetime.now(UTC))).total_seconds())
    sign = "-" if left < 0 else ""
    left = abs(left)
    return f"{sign}{left // 60:02d}:{left % 60:02d}"


def order_tooltip(order: O2OOrder) -> str:
    """A card's tooltip: the channel and the whole order number (the card shows its tail)."""
    return f"{channel_name(order.channel)} {order.channel_order_no}"


def order_text(order: O2OOrder, now: datetime | None = None) -> str:
    """One order's card on the board: the channel, then the number's tail on a line of its own, so
    it fits a column at 1024×768 (``order_tooltip`` names it whole)."""
    parts = [channel_name(order.channel), short_number(order.channel_order_no),
             QCoreApplication.translate("O2OBoard", "%1 items · %2").replace("%1", str(order.item_count))
             .replace("%2", yuan(order.paid))]
    if order.column == "new":
        parts.append(QCoreApplication.translate("O2OBoard", "Accept within %1").replace("%1", countdown(order.accept_by, now)))
    if order.cancelled_mid_pick:
        parts.append(QCoreApplication.translate("O2OBoard", "CANCELLED WHILE PICKING: put the goods back"))
    elif order.state == "cancelled":
        parts.append(QCoreApplication.translate("O2OBoard", "Cancelled"))
    if order.step_refused:
        parts.append(QCoreApplication.translate("O2OBoard", "HQ refused: %1").replace("%1", order.step_refused))
    elif order.steps_waiting:
        parts.append(QCoreApplication.translate("O2OBoard", "Waiting to sync"))
    return "\n".join(parts)


def _tone() -> Path:
    """A short two-tone chime as a WAV file (written once per run)."""
    path = Path(tempfile.gettempdir()) / "omnistore-o2o-new-order.wav"
    if not path.exists():
        rate = 22050
        frames = b"".join(
            struct.pack("<h", int(12000 * math.sin(2 * math.pi * (880 if n < rate // 8 else 1320) * n / rate)))
            for n in range(rate // 4))
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(frames)
    return path


class Alarm(QObject):
    """The new-order sound: it rings at once and every ``interval_ms`` while orders wait to be
    accepted, and stops when none do. Plays a chime where sound works, else the system beep."""

    rang = Signal(int)

    def __init__(self, interval_ms: int = RING_EVERY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rings = 0
        self.timer = QTimer(self, interval=interval_ms, timeout=self.ring)
        self._effect = None
        if QApplication.platformName() not in ("offscreen", "minimal"):
            try:
                from PySide6.QtMultimedia import QSoundEffect

                self._effect = QSoundEffect(self)
                self._effect.setSource(QUrl.fromLocalFile(str(_tone())))
            except Exception:  # no multimedia here: the beep will do
                log.info("no sound effect; the board beeps instead")
                self._effect = None

    @property
    def ringing(self) -> bool:
        return self.timer.isActive()

    def waiting(self, count: int) -> None:
        """``count`` orders wait to be accepted."""
        if count and not self.ringing:
            self.ring()
            self.timer.start()
        elif not count and self.ringing:
            self.timer.stop()

    def ring(self) -> None:
        self.rings += 1
        if self._effect is not None and self._effect.isLoaded():
            self._effect.play()
        else:
            QApplication.beep()
        self.rang.emit(self.rings)


class O2OFeed(QObject):
    """Waits on the store server's change stream on a thread of its own and hands each page over
    (the till's worker is serial: a wait held open for seconds must not sit in its queue)."""

    changed = Signal(object)  # O2OPage

    def __init__(self, client: StoreClient, parent: QObject | None = None, wait: int = FEED_WAIT) -> None:
        super().__init__(parent)
        self._source = client
        self._client = client
        self._wait = wait
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, cursor: int) -> None:
        if self._thread is not None:
            return
        # a connection of its own, with the login as it is now (the board may be built before it)
        self._client = self._source.waiting_twin(read_timeout=self._wait + 10)
        self._thread = threading.Thread(target=self._run, args=(cursor,), name="o2o-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self, cursor: int) -> None:
        while not self._stop.is_set():
            try:
                page = self._client.o2o_changes(cursor, self._wait)
            except ApiError:
                self._stop.wait(3)  # the server is away: ask again in a while
                continue
            if self._stop.is_set() or not shiboken6.isValid(self):
                return
            if page.orders or page.cursor != cursor:
                cursor = page.cursor
                self.changed.emit(page)


class HandoverDialog(PosDialog):
    """交付: the customer's 自提码 (a delivery goes to the rider without one). A wrong code is
    refused here and the dialog stays open."""

    def __init__(self, board: BoardWindow, order: O2OOrder) -> None:
        super().__init__(board.tr("Hand over %1").replace("%1", order.channel_order_no), board,
                         ok_text=board.tr("Hand over (Enter)"))
        self.board = board
        self.order = order
        self.command_id = new_command_id()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("bigEdit")
        if order.fulfilment == "pickup":
            self.body.addWidget(QLabel(self.tr("Pickup code the customer shows or says")))
            self.body.addWidget(self.code_edit)
        else:
            rider = order.rider or {}
            self.body.addWidget(QLabel(self.tr("Hand the bag to the rider %1").replace("%1", str(rider.get("name") or ""))))
            self.code_edit.hide()
        self.size_to_parent(0.4, 0.4)
        self.code_edit.setFocus()

    def submit(self) -> None:
        code = self.code_edit.text().strip()
        if self.order.fulfilment == "pickup" and not code:
            self.message.show_error(self.tr("Enter the pickup code"))
            return
        body = {"pickup_code": code} if self.order.fulfilment == "pickup" else {}
        command_id, self.command_id = self.command_id, new_command_id()  # a wrong code is a new try
        self.ok_button.setEnabled(False)
        self.board.ctx.worker.submit(
            lambda: self.board.ctx.client.o2o_step(self.order.id, "handover", body, command_id),
            self._done, self._failed, owner=self)

    def _done(self, order: O2OOrder) -> None:
        self.board.show_order(order)
        self.board.message.show_success(self.tr("Order %1 handed over.").replace("%1", order.channel_order_no))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_error(str(exc))
        self.code_edit.selectAll()


class BoardWindow(QWidget):
    """The O2O board: the columns, the selected order's pick list and its steps."""

    def __init__(self, ctx: TillContext, parent: QWidget | None = None, *, feed_wait: int = FEED_WAIT,
                 ring_every_ms: int = RING_EVERY_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Online orders"))
        self.orders: dict[int, O2OOrder] = {}
        self.selected: int | None = None
        self.cursor = 0
        self.alarm = Alarm(ring_every_ms, self)
        self.feed = O2OFeed(ctx.client, self, wait=feed_wait)
        self.feed.changed.connect(self.apply_page)
        self.handover_dialog: HandoverDialog | None = None
        layout = QVBoxLayout(self)
        self.alert = QLabel()
        self.alert.setObjectName("o2oAlert")
        self.alert.setStyleSheet("background:#c62828;color:white;font-size:20px;font-weight:bold;padding:8px;")
        self.alert.setWordWrap(True)
        self.alert.hide()
        # the steps sit three to a row beside six columns: narrower padding keeps their words whole at 1024×768
        self.setStyleSheet("QPushButton#primaryButton:disabled { background: #9bbfdc; border-color: #9bbfdc; }"
                           "QPushButton { padding-left: 6px; padding-right: 6px; }")
        layout.addWidget(self.alert)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        grid = QGridLayout()
        self.headers: dict[str, QLabel] = {}
        self.lists: dict[str, QListWidget] = {}
        for n, column in enumerate(COLUMNS):
            header = QLabel(column_title(column))
            header.setObjectName("o2oColumnTitle")
            header.setWordWrap(True)
            header.setMinimumWidth(0)
            listing = QListWidget()
            listing.setObjectName(f"o2o_{column}")
            listing.setWordWrap(True)
            listing.setMinimumWidth(80)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.itemClicked.connect(self._clicked)
            grid.addWidget(header, 0, n)
            grid.addWidget(listing, 1, n)
            self.headers[column], self.lists[column] = header, listing
        for n in range(len(COLUMNS)):
            grid.setColumnStretch(n, 1)
        body.addLayout(grid, 3)
        self.detail = self._detail_panel()
        self.detail.setMaximumWidth(460)
        body.addWidget(self.detail, 2)
        self._ticker = QTimer(self, interval=1000, timeout=self.refresh_columns)
        self._ticker.start()

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        self.title = QLabel(self.tr("Choose an order"))
        self.title.setObjectName("dialogTitle")
        self.info = QLabel()
        self.info.setWordWrap(True)
        column.addWidget(self.title)
        column.addWidget(self.info)
        self.lines = QTableWidget(0, 5)
        self.lines.setObjectName("o2oPickList")
        self.lines.setHorizontalHeaderLabels([self.tr("Shelf"), self.tr("Goods"), self.tr("Ordered"), self.tr("Picked"),
                                              self.tr("State")])
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        column.addWidget(self.lines, 1)
        scan_row = QHBoxLayout()
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("o2oScanEdit")
        self.scan_edit.setPlaceholderText(self.tr("Scan the goods"))
        self.scan_edit.returnPressed.connect(lambda: self.take_scan(self.scan_edit.text()))
        self.weight_edit = QLineEdit()
        self.weight_edit.setPlaceholderText(self.tr("Weight (kg)"))
        scan_row.addWidget(self.scan_edit, 2)
        scan_row.addWidget(self.weight_edit, 1)
        column.addLayout(scan_row)
        short_row = QHBoxLayout()
        self.short_qty = QSpinBox()
        self.short_qty.setRange(0, 9999)
        self.short_button = self._button(self.tr("Short"), self.short_pick)
        self.substitute_button = self._button(self.tr("Substitute"), self.substitute)
        short_row.addWidget(QLabel(self.tr("Picked")))
        short_row.addWidget(self.short_qty)
        short_row.addWidget(self.short_button)
        short_row.addWidget(self.substitute_button)
        column.addLayout(short_row)
        steps = QGridLayout()
        self.accept_button = self._button(self.tr("Accept"), lambda: self.step("accept"), "primaryButton")
        self.reason = QComboBox()
        for reason in REJECT_REASONS:
            self.reason.addItem(reason_text(reason), reason)
        self.reject_button = self._button(self.tr("Reject"), self.reject)
        self.pick_button = self._button(self.tr("Start picking"), lambda: self.step("start-pick"))
        self.packed_button = self._button(self.tr("Packed"), lambda: self.step("packed"))
        self.ready_button = self._button(self.tr("Ready"), lambda: self.step("ready"))
        self.rider_button = self._button(self.tr("Rider arrived"), lambda: self.step("rider-arrived"))
        self.handover_button = self._button(self.tr("Hand over"), self.hand_over, "primaryButton")
        self.put_back_button = self._button(self.tr("Goods put back"), lambda: self.step("put-back"))
        self.print_list_button = self._button(self.tr("Print pick list"), lambda: self.print_document("pick-list"))
        self.print_label_button = self._button(self.tr("Print bag label"), lambda: self.print_document("label"))
        for n, widget in enumerate((self.accept_button, self.reason, self.reject_button, self.pick_button,
                                    self.packed_button, self.ready_button, self.rider_button, self.handover_button,
                                    self.put_back_button, self.print_list_button, self.print_label_button)):
            widget.setMinimumWidth(60)
            steps.addWidget(widget, n // 3, n % 3)
        column.addLayout(steps)
        self._enable()
        return panel

    def _button(self, text: str, slot: object, name: str = "secondaryButton") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ---- data in ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the board, then follow the change stream."""
        self.ctx.worker.submit(self.ctx.client.o2o_orders, self._loaded, self._failed, owner=self)

    def _loaded(self, page: O2OPage) -> None:
        self.orders = {}
        self.apply_page(page)
        self.feed.start(page.cursor)

    def apply_page(self, page: O2OPage) -> None:
        for order in page.orders:
            if order.state == "reassigned":
                self.orders.pop(order.id, None)
            else:
                self.orders[order.id] = order
        self.cursor = max(self.cursor, page.cursor)
        self.refresh()

    def show_order(self, order: O2OOrder) -> None:
        """One order's new state (a step's answer)."""
        self.orders[order.id] = order
        self.refresh()

    @property
    def new_count(self) -> int:
        return sum(1 for order in self.orders.values() if order.column == "new")

    # ---- drawing ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_columns()
        self.alarm.waiting(self.new_count)
        loud = [o for o in self.orders.values() if o.cancelled_mid_pick]
        if loud:
            self.alert.setText(self.tr("CANCELLED WHILE PICKING — stop and put the goods back: %1")
                               .replace("%1", ", ".join(o.channel_order_no for o in loud)))
            self.alert.show()
        else:
            self.alert.hide()
        self._show_selected()

    def refresh_columns(self) -> None:
        now = datetime.now(UTC)
        by_column: dict[str, list[O2OOrder]] = {column: [] for column in COLUMNS}
        for order in sorted(self.orders.values(), key=lambda o: o.seq):
            by_column.get(order.column, by_column["aside"]).append(order)
        for column, orders in by_column.items():
            listing = self.lists[column]
            listing.clear()
            for order in orders:
                item = QListWidgetItem(order_text(order, now))
                item.setToolTip(order_tooltip(order))
                item.setData(Qt.ItemDataRole.UserRole, order.id)
                listing.addItem(item)
                if order.id == self.selected:
                    item.setSelected(True)
            self.headers[column].setText(f"{column_title(column)} ({len(orders)})")

    def _clicked(self, item: QListWidgetItem) -> None:
        order_id = int(item.data(Qt.ItemDataRole.UserRole))
        QTimer.singleShot(0, lambda: self.select(order_id))  # the lists are rebuilt: let the click finish first

    def select(self, order_id: int) -> None:
        self.selected = order_id
        self.refresh_columns()
        self._show_selected()
        self.scan_edit.setFocus()

    def _show_selected(self) -> None:
        order = self.orders.get(self.selected) if self.selected is not None else None
        if order is None:
            self.title.setText(self.tr("Choose an order"))
            self.info.setText("")
            self.lines.setRowCount(0)
            self._enable()
            return
        self.title.setText(f"{channel_name(order.channel)} {order.channel_order_no}")
        kind = self.tr("Pickup") if order.fulfilment == "pickup" else self.tr("Delivery")
        info = [f"{kind} · {order.customer_name_masked} {order.customer_phone} · {yuan(order.paid)}"]
        if order.note:
            info.append(order.note)
        if order.rider:
            info.append(self.tr("Rider: %1").replace("%1", " ".join(str(v) for v in order.rider.values() if v)))
        self.info.setText("\n".join(info))
        self.lines.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            ordered = f"{line.weight_g / 1000:.3f}kg" if line.weight_g is not None else str(line.qty)
            picked = (f"{line.picked_weight_g / 1000:.3f}kg" if line.picked_weight_g is not None
                      else str(line.picked_qty))
            for col, text in enumerate((line.location or "—", line.name, ordered, picked,
                                        self._line_state(line.status))):
                cell = QTableWidgetItem(text)
                if col == 1:  # a long name is elided in a narrow window: whole in the tooltip
                    cell.setToolTip(f"{line.name} · {line.product_code}")
                self.lines.setItem(row, col, cell)
        self._enable(order)

    def _line_state(self, status: str) -> str:
        return {"open": self.tr("To pick"), "picked": self.tr("Picked"), "short": self.tr("Short"),
                "substituted": self.tr("Substituted")}.get(status, status)

    def _enable(self, order: O2OOrder | None = None) -> None:
        state = order.state if order else ""
        picking = state == "picking"
        for button, allowed in ((self.accept_button, state == "assigned"), (self.reject_button, state == "assigned"),
                                (self.reason, state == "assigned"), (self.pick_button, state == "accepted"),
                                (self.packed_button, picking), (self.short_button, picking),
                                (self.substitute_button, picking and bool(order and order.allow_substitute)),
                                (self.ready_button, state == "packed"),
                                (self.rider_button, state in ("packed", "ready") and bool(
                                    order and order.fulfilment == "delivery")),
                                (self.handover_button, state == "ready"),
                                (self.put_back_button, bool(order and order.cancelled_mid_pick)),
                                (self.print_list_button, order is not None),
                                (self.print_label_button, order is not None)):
            button.setEnabled(allowed)

    # ---- steps ------------------------------------------------------------------------------------

    def _current(self) -> O2OOrder | None:
        order = self.orders.get(self.selected) if self.selected is not None else None
        if order is None:
            self.message.show_error(self.tr("Choose an order first"))
        return order

    def step(self, name: str, body: dict[str, object] | None = None) -> None:
        order = self._current()
        if order is None:
            return
        command_id = new_command_id()
        client = self.ctx.client
        self.ctx.worker.submit(lambda: client.o2o_step(order.id, name, body, command_id), self.show_order,
                               self._failed, owner=self)

    def reject(self) -> None:
        self.step("reject", {"reason": self.reason.currentData()})

    def take_scan(self, code: str) -> None:
        """A scan (the wedge or the field) against the selected order's pick list."""
        code = code.strip()
        self.scan_edit.clear()
        if not code:
            return
        body: dict[str, object] = {"code": code}
        weight = self.weight_edit.text().strip()
        if weight:
            try:
                body["weight_g"] = parse_kg(weight)
            except InvalidQuantity:
                self.message.show_error(self.tr("Enter a weight greater than zero, e.g. 0.512"))
                return
            self.weight_edit.clear()
        self.step("scan", body)

    def _selected_line(self) -> int | None:
        order = self._current()
        row = self.lines.currentRow()
        if order is None or not 0 <= row < len(order.lines):
            self.message.show_error(self.tr("Choose a line of the pick list first"))
            return None
        return order.lines[row].line_no

    def short_pick(self) -> None:
        line_no = self._selected_line()
        if line_no is not None:
            self.step(f"lines/{line_no}/short", {"picked_qty": self.short_qty.value()})

    def substitute(self) -> None:
        line_no = self._selected_line()
        code = self.scan_edit.text().strip()
        if line_no is None:
            return
        if not code:
            self.message.show_error(self.tr("Type or scan the substitute's code first"))
            return
        self.scan_edit.clear()
        self.step(f"lines/{line_no}/substitute", {"code": code})

    def hand_over(self) -> None:
        order = self._current()
        if order is None:
            return
        self.handover_dialog = HandoverDialog(self, order)
        self.handover_dialog.open()

    def print_document(self, document: str) -> None:
        order = self._current()
        if order is None:
            return
        ctx = self.ctx

        def run() -> bytes:
            data = ctx.client.o2o_print(order.id, document, profile=ctx.printer_profile)
            ctx.print_receipt(data, label=f"{document} {order.channel_order_no}")
            return data

        self.ctx.worker.submit(run, lambda _data: self.message.show_success(self.tr("Sent to the printer.")),
                               self._failed, owner=self)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ApiError) and exc.code == "o2o_wrong_item":
            self.message.show_error(self.tr("WRONG ITEM: %1").replace("%1", str(exc)))
        else:
            self.message.show_error(str(exc))
        if isinstance(exc, ApiError) and exc.code == "weight_required":
            self.weight_edit.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.feed.stop()
        self.alarm.waiting(0)
        self._ticker.stop()
        super().closeEvent(event)


class BoardShell(QWidget):
    """The board on a PC or tablet of its own (``omnistore client --board``): a picker logs in as
    at a till, then works the board; the scanner wedge feeds the pick."""

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QStackedLayout

        from ui.screens import LoginScreen
        from ui.wedge import WedgeFilter

        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Online orders"))
        self.stack = QStackedLayout(self)
        self.login = LoginScreen(ctx)
        self.board = BoardWindow(ctx)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.board)
        self.login.logged_in.connect(self._logged_in)
        self.wedge = WedgeFilter(parent=self)
        self.wedge.set_native_target(self.board.scan_edit)
        self.wedge.scanned.connect(self.board.take_scan)
        self.wedge.active = lambda: self.stack.currentWidget() is self.board
        QApplication.instance().installEventFilter(self.wedge)

    def _logged_in(self, _session: object) -> None:
        self.stack.setCurrentWidget(self.board)
        self.board.start()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        QApplication.instance().removeEventFilter(self.wedge)
        self.board.close()
        self.ctx.worker.stop()
        super().closeEvent(event)
