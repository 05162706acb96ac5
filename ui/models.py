"""Qt item models for the checkout: ticket lines, product search results, parked tickets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ui.api import Line, Product, StuckEvent, Ticket
from ui.formats import date_time, format_qty, format_unit_price, yuan
from ui.texts import hq_error_text

_Index = QModelIndex | QPersistentModelIndex

#: The promotion note under a line's name (第2件5折): the line delegate paints it.
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


class _TableModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses name the columns and cells."""

    headers: tuple[str, ...] = ()
    numeric_columns: frozenset[int] = frozenset()
    #: the column that takes the room left (the goods' names); the others fit their contents
    stretch_column = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", self.headers[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(section)
        return None

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in self.numeric_columns:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def row(self, index: int) -> Any:
        return self._rows[index]

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


# Column titles are translated in headerData(); the markers let lupdate find them.
_COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("Columns", "#"), QT_TRANSLATE_NOOP("Columns", "Item"),
    QT_TRANSLATE_NOOP("Columns", "Barcode"), QT_TRANSLATE_NOOP("Columns", "Qty"),
    QT_TRANSLATE_NOOP("Columns", "Price"), QT_TRANSLATE_NOOP("Columns", "Amount"),
    QT_TRANSLATE_NOOP("Columns", "Spec"), QT_TRANSLATE_NOOP("Columns", "Ticket"),
    QT_TRANSLATE_NOOP("Columns", "Items"), QT_TRANSLATE_NOOP("Columns", "Total"),
    QT_TRANSLATE_NOOP("Columns", "Event"), QT_TRANSLATE_NOOP("Columns", "Attempts"),
    QT_TRANSLATE_NOOP("Columns", "Last error"), QT_TRANSLATE_NOOP("Columns", "Created"),
)

# What HQ is told, in the store's words (outbox event kinds).
_EVENT_KINDS = {
    "sale_completed": QT_TRANSLATE_NOOP("EventKinds", "sale"),
    "shift_opened": QT_TRANSLATE_NOOP("EventKinds", "shift opened"),
    "shift_closed": QT_TRANSLATE_NOOP("EventKinds", "shift closed"),
    "ticket_voided": QT_TRANSLATE_NOOP("EventKinds", "ticket voided"),
}


def event_kind_label(kind: str) -> str:
    """'sale_completed' → '销售'; unknown kinds as they are."""
    return QCoreApplication.translate("EventKinds", _EVENT_KINDS[kind]) if kind in _EVENT_KINDS else kind


class TicketLinesModel(_TableModel):
    """The lines of the ticket being rung up; voided lines stay visible, struck through."""

    headers = ("#", "Item", "Barcode", "Qty", "Price", "Amount")
    numeric_columns = frozenset({0, 3, 4, 5})
    stretch_column = 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.ticket: Ticket | None = None

    def set_ticket(self, ticket: Ticket | None) -> None:
        self.ticket = ticket
        self.set_rows(ticket.lines if ticket else ())

    def line(self, row: int) -> Line:
        return self._rows[row]

    def row_of(self, line_id: str) -> int:
        for i, line in enumerate(self._rows):
            if line.id == line_id:
                return i
        return -1

    def cell(self, row: Line, column: int) -> str:
        if column == 0:
            return str(self._rows.index(row) + 1)
        return (
            "",
            row.name,
            row.barcode,
            format_qty(row.quantity, row.unit),
            format_unit_price(row.unit_price, row.unit),
            yuan(row.amount),
        )[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == NOTE_ROLE:
            line = self._rows[index.row()]
            return line.note or "" if index.column() == 1 and not line.voided else ""
        if index.isValid() and self._rows[index.row()].voided:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#9e9e9e"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("TicketLinesModel", "Voided")
        return super().data(index, role)


class ProductsModel(_TableModel):
    """商品查询 results."""

    headers = ("Barcode", "Item", "Spec", "Price")
    numeric_columns = frozenset({3})
    # the name is what the cashier reads: it takes its whole width, the spec gets what is left
    stretch_column = 2

    def product(self, row: int) -> Product:
        return self._rows[row]

    def cell(self, row: Product, column: int) -> str:
        return (row.barcode or row.plu or row.sku, row.name, row.spec or "",
                format_unit_price(row.price, row.unit))[column]


class ParkedTicketsModel(_TableModel):
    """挂单: tickets put aside, waiting to be resumed."""

    headers = ("Ticket", "Item", "Items", "Total")
    numeric_columns = frozenset({0, 2, 3})
    # the goods' names take what is left, so 件数 and 合计 always show
    stretch_column = 1

    def ticket(self, row: int) -> Ticket:
        return self._rows[row]

    def cell(self, row: Ticket, column: int) -> str:
        names = "、".join(line.name for line in row.active_lines[:3])
        return (row.id, names, str(row.item_count), yuan(row.total))[column]


class StuckEventsModel(_TableModel):
    """Outbox events HQ keeps refusing (卡住的上传), oldest first."""

    headers = ("#", "Event", "Attempts", "Last error", "Created")
    numeric_columns = frozenset({0, 2})
    stretch_column = 3

    def stuck_event(self, row: int) -> StuckEvent:
        return self._rows[row]

    def cell(self, row: StuckEvent, column: int) -> str:
        return (str(row.seq), event_kind_label(row.kind), str(row.attempts), hq_error_text(row.last_error),
                date_time(row.created_at))[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            event = self._rows[index.row()]  # HQ's own words, for support
            return f"{event.event_id}\n{event.last_error}"
        return super().data(index, role)
