"""概览: the store's day (or any range of days) at a glance, with live pyqtgraph charts.

Sales by hour against the same weekday last week (by day for a longer range, against the same
weekdays earlier), ticket count, average ticket, items per ticket, the payment mix, the top ten
goods and categories, refunds and voids, discounts and coupons, and the gross margin of the goods
that have a cost price. Hovering a bar shows its values. The page asks the store server again as
soon as a sale completes (``ChangeFeed``): only the figures change, the page stays as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QDate, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import format_fen
from app.domain.quantity import Unit, format_quantity
from app.domain.sale import label as tender_label
from ui.api import ApiError, BackOfficeClient, Dashboard
from ui.backoffice.shell import BackOfficeContext
from ui.dialogs import item_table
from ui.widgets import MessageStrip

#: how long one question about new sales is held open by the store server (seconds)
FEED_WAIT = 8.0
TODAY_BRUSH = pg.mkBrush("#0b79d0")
LAST_WEEK_PEN = pg.mkPen("#e0a030", width=2)
MIX_BRUSH = pg.mkBrush("#1e9e57")

pg.setConfigOptions(antialias=True, background="w", foreground="#1d2733")


def yuan(amount: int) -> str:
    return format_fen(amount, symbol="￥")


class YuanAxis(pg.AxisItem):
    """Amounts are plotted in fen (integers); the axis reads them as yuan."""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [format_fen(int(round(v))).removesuffix(".00") for v in values]


class LabelAxis(pg.AxisItem):
    """Category labels at 0, 1, 2, … (hours, days, tenders)."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.labels: list[str] = []

    def set_labels(self, labels: list[str], every: int = 1) -> None:
        self.labels = labels
        self.setTicks([[(i, text) for i, text in enumerate(labels) if i % every == 0]])


class BarChart(pg.PlotWidget):
    """Bars with an optional line to compare against; hovering shows the values under the pointer."""

    def __init__(self, horizontal: bool = False, parent: QWidget | None = None) -> None:
        self.horizontal = horizontal
        self.labels_axis = LabelAxis("left" if horizontal else "bottom")
        money_axis = YuanAxis("bottom" if horizontal else "left")
        axes = {"left": self.labels_axis, "bottom": money_axis} if horizontal else \
            {"bottom": self.labels_axis, "left": money_axis}
        super().__init__(parent=parent, axisItems=axes)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.getPlotItem().showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=[], y0=[], width=[], height=[], brush=TODAY_BRUSH)
        self.addItem(self.bars)
        self.line = pg.PlotDataItem([], [], pen=LAST_WEEK_PEN, symbol="o", symbolSize=5,
                                    symbolBrush=LAST_WEEK_PEN.color())
        if not horizontal:
            self.addItem(self.line)
        self.tip = pg.TextItem(anchor=(0, 0), color="#1d2733", fill=pg.mkBrush(255, 255, 255, 230),
                               border=pg.mkPen("#b9c3ce"))
        self.tip.hide()
        self.addItem(self.tip, ignoreBounds=True)
        self.values: list[int] = []
        self.compare: list[int] = []
        self.tips: list[str] = []
        #: the text shown for the bar under the pointer ("" when none)
        self.hover_text = ""
        self.scene().sigMouseMoved.connect(self._moved)

    def set_data(self, labels: list[str], values: list[int], tips: list[str], compare: list[int] | None = None,
                 every: int = 1) -> None:
        """Replace the bars in place (no new widget): the chart a manager is looking at just moves."""
        self.values, self.tips, self.compare = values, tips, compare or []
        positions = list(range(len(values)))
        if self.horizontal:
            self.bars.setOpts(x0=[0] * len(values), y=positions, height=0.6, width=values, x=None, y0=None)
        else:
            self.bars.setOpts(x=positions, y0=[0] * len(values), width=0.6, height=values, x0=None, y=None)
        self.line.setData(positions if self.compare else [], self.compare)
        self.labels_axis.set_labels(labels, every)
        if self.horizontal:
            self.setYRange(-0.6, max(len(values), 1) - 0.4, padding=0)
            self.setXRange(0, max(values + [100]) * 1.15, padding=0)
        else:
            self.setXRange(-0.6, max(len(values), 1) - 0.4, padding=0)
            self.setYRange(0, max(values + self.compare + [100]) * 1.15, padding=0)
        self.hover(-1)

    def hover(self, index: int) -> str:
        """Show the values of bar ``index`` (-1: none) and return them."""
        if not 0 <= index < len(self.values):
            self.tip.hide()
            self.hover_text = ""
            return ""
        self.hover_text = self.tips[index]
        self.tip.setText(self.hover_text)
        # inside the plot, beside the bar: never cut off at the top or the right edge
        (x_low, x_high), (y_low, y_high) = self.getPlotItem().vb.viewRange()
        if self.horizontal:
            self.tip.setAnchor((1, 0.5) if self.values[index] > (x_low + x_high) / 2 else (0, 0.5))
            self.tip.setPos(QPointF(self.values[index], index))
        else:
            self.tip.setAnchor((1, 0) if index > (x_low + x_high) / 2 else (0, 0))
            self.tip.setPos(QPointF(index, y_high))
        self.tip.show()
        return self.hover_text

    def _moved(self, position: QPointF) -> None:
        view = self.getPlotItem().vb
        if not self.sceneBoundingRect().contains(position):
            self.hover(-1)
            return
        point = view.mapSceneToView(position)
        self.hover(int(round(point.y() if self.horizontal else point.x())))


class ChangeFeed(QObject):
    """Waits on the store server for sales to complete and says so, on a thread of its own.

    The till's worker is serial, so a question held open for seconds must not sit in its queue;
    this thread is a daemon, so a long poll in flight never holds up the app's exit."""

    changed = Signal(str)

    def __init__(self, client: BackOfficeClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client.clone(read_timeout=FEED_WAIT + 10)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, mark: str) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, args=(mark,), name="sales-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self, mark: str) -> None:
        while not self._stop.is_set():
            try:
                new = self._client.sales_changed(mark, FEED_WAIT)
            except ApiError:
                self._stop.wait(5)  # the server is away: ask again in a while
                continue
            if new != mark and not self._stop.is_set() and shiboken6.isValid(self):
                mark = new
                self.changed.emit(new)


class Kpi(QWidget):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.caption = QLabel(caption)
        self.caption.setObjectName("caption")
        self.value = QLabel("—")
        self.value.setObjectName("kpiValue")
        self.detail = QLabel("")
        self.detail.setObjectName("caption")
        for widget in (self.caption, self.value, self.detail):
            widget.setWordWrap(True)  # a long figure wraps; it never widens the window
            layout.addWidget(widget)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class DashboardPage(QWidget):
    """概览."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Dashboard | None = None
        self.mark = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(self._range_bar())
        self.message = MessageStrip()
        layout.addWidget(self.message)
        kpis = QGridLayout()
        self.sales = Kpi(self.tr("Sales"))
        self.tickets = Kpi(self.tr("Tickets"))
        self.average = Kpi(self.tr("Average ticket"))
        self.per_ticket = Kpi(self.tr("Items per ticket"))
        self.refunds = Kpi(self.tr("Refunds"))
        self.voids = Kpi(self.tr("Voids"))
        self.discounts = Kpi(self.tr("Discounts and coupons"))
        self.margin = Kpi(self.tr("Gross margin"))
        for n, kpi in enumerate((self.sales, self.tickets, self.average, self.per_ticket, self.refunds, self.voids,
                                 self.discounts, self.margin)):
            kpis.addWidget(kpi, n // 4, n % 4)
        layout.addLayout(kpis)
        charts = QHBoxLayout()
        left = QVBoxLayout()
        self.chart_title = QLabel()
        self.chart_title.setObjectName("caption")
        self.chart_title.setWordWrap(True)
        left.addWidget(self.chart_title)
        self.chart = BarChart()
        left.addWidget(self.chart, 1)
        charts.addLayout(left, 3)
        right = QVBoxLayout()
        mix_title = QLabel(self.tr("Payment mix"))
        mix_title.setObjectName("caption")
        right.addWidget(mix_title)
        self.mix = BarChart(horizontal=True)
        self.mix.bars.setOpts(brush=MIX_BRUSH)
        right.addWidget(self.mix, 1)
        charts.addLayout(right, 2)
        layout.addLayout(charts, 3)
        tables = QHBoxLayout()
        self.top_items = item_table([self.tr("Top 10 goods"), self.tr("Quantity"), self.tr("Amount")])
        self.top_categories = item_table([self.tr("Top categories"), self.tr("Items"), self.tr("Amount")])
        for table in (self.top_items, self.top_categories):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setDefaultSectionSize(30)
        tables.addWidget(self.top_items, 3)
        tables.addWidget(self.top_categories, 2)
        layout.addLayout(tables, 2)
        self.feed = ChangeFeed(ctx.client, self)
        self.feed.changed.connect(self._sales_changed)
        QShortcut(QKeySequence("F5"), self, self.refresh, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._loaded = False

    def _range_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = QDate.currentDate()
        self.first = QDateEdit(today)
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(today)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)
        self.quick = QComboBox()
        for text, days_back, length in ((self.tr("Today"), 0, 1), (self.tr("Yesterday"), 1, 1),
                                        (self.tr("Last 7 days"), 0, 7), (self.tr("Last 30 days"), 0, 30),
                                        (self.tr("Last 365 days"), 0, 365)):
            self.quick.addItem(text, (days_back, length))
        self.quick.activated.connect(lambda index: self.pick(*self.quick.itemData(index)))
        bar.addWidget(self.quick)
        bar.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Show (F5)"))
        self.refresh_button.setObjectName("primaryButton")
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        return bar

    # ---- asking the store server --------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def stop(self) -> None:
        self.feed.stop()

    def pick(self, days_back: int, length: int) -> None:
        """A quick range: ``length`` days ending ``days_back`` days ago."""
        for index in range(self.quick.count()):
            if tuple(self.quick.itemData(index)) == (days_back, length):
                self.quick.setCurrentIndex(index)
        last = QDate.currentDate().addDays(-days_back)
        self.last.setDate(last)
        self.first.setDate(last.addDays(-(length - 1)))
        self.refresh()

    def refresh(self) -> None:
        first, last = self.first.date().toString("yyyy-MM-dd"), self.last.date().toString("yyyy-MM-dd")
        if self.last.date() < self.first.date():
            self.message.show_error(self.tr("The range ends before it begins: pick the days again."))
            return
        client = self.ctx.client
        self.ctx.worker.submit(lambda: client.dashboard(first, last), self.show_dashboard,
                               lambda exc: self.message.show_error(str(exc)), owner=self)

    def _sales_changed(self, mark: str) -> None:
        """A sale completed: the figures move if the range shows today."""
        if mark != self.mark and self.last.date() >= QDate.currentDate():
            self.refresh()

    # ---- showing it ---------------------------------------------------------------------------

    def show_dashboard(self, data: Dashboard) -> None:
        self.data = data
        self.message.clear_message()
        self.mark = data.mark
        self.feed.start(data.mark)
        self.sales.set(yuan(data.total), self.tr("Rounding %1").replace("%1", yuan(data.rounding)))
        self.tickets.set(str(data.tickets), self.tr("%1 items").replace("%1", str(data.items)))
        self.average.set(yuan(data.average_ticket))
        self.per_ticket.set(f"{data.items_per_ticket:.1f}")
        self.refunds.set(yuan(data.refund_amount), self.tr("%1 returns").replace("%1", str(data.refunds)))
        self.voids.set(str(data.voided_tickets + data.voided_lines),
                       self.tr("%1 tickets %2 · %3 lines %4").replace("%1", str(data.voided_tickets))
                       .replace("%2", yuan(data.voided_amount)).replace("%3", str(data.voided_lines))
                       .replace("%4", yuan(data.voided_line_amount)))
        self.discounts.set(yuan(data.promotion + data.coupons),
                           self.tr("Promotions %1 · coupons %2").replace("%1", yuan(data.promotion))
                           .replace("%2", yuan(data.coupons)))
        if data.costed:
            share = data.margin * 1000 // data.costed
            self.margin.set(yuan(data.margin), self.tr("%1% on %2 with a cost price").replace(
                "%1", f"{share // 10}.{abs(share) % 10}").replace("%2", yuan(data.costed)))
        else:
            self.margin.set("—", self.tr("No goods with a cost price"))
        self._show_chart(data)
        self._show_mix(data)
        self._show_tables(data)

    def _show_chart(self, data: Dashboard) -> None:
        by_hour = data.by == "hour"
        if by_hour:
            self.chart_title.setText(self.tr("Sales by hour — bars: %1, line: %2 (same weekday last week)")
                                     .replace("%1", data.first).replace("%2", data.compare_first))
            labels = [p.label for p in data.series]
        else:
            self.chart_title.setText(self.tr("Sales by day — bars: this range, line: the same weekdays from %1")
                                     .replace("%1", data.compare_first))
            labels = [p.label[5:] for p in data.series]
        tips = []
        for point, earlier in zip(data.series, data.compare, strict=False):
            when = self.tr("%1:00").replace("%1", point.label) if by_hour else point.label
            tips.append(self.tr("%1\n%2 · %3 tickets\nearlier %4 · %5 tickets").replace("%1", when)
                        .replace("%2", yuan(point.total)).replace("%3", str(point.tickets))
                        .replace("%4", yuan(earlier.total)).replace("%5", str(earlier.tickets)))
        every = 2 if by_hour else max(1, len(labels) // 10)
        self.chart.set_data(labels, [p.total for p in data.series], tips, [p.total for p in data.compare], every)

    def _show_mix(self, data: Dashboard) -> None:
        tenders = list(reversed(data.tenders))  # the largest at the top
        total = sum(amount for _, amount in tenders) or 1
        labels = [tender_label(method, self.ctx.language) for method, _ in tenders]
        tips = [f"{name}\n{yuan(amount)} · {amount * 100 // total}%" for name, (_, amount) in zip(labels, tenders,
                                                                                              strict=True)]
        self.mix.set_data(labels, [amount for _, amount in tenders], tips)

    def _show_tables(self, data: Dashboard) -> None:
        self.top_items.setRowCount(len(data.top_items))
        for row, item in enumerate(data.top_items):
            quantity = format_quantity(item.quantity, Unit(item.unit)) if item.unit in ("piece", "gram") \
                else str(item.quantity)
            for column, text in enumerate((item.name, quantity, yuan(item.amount))):
                self.top_items.setItem(row, column, QTableWidgetItem(text))
        self.top_categories.setRowCount(len(data.top_categories))
        for row, category in enumerate(data.top_categories):
            name = category.name or self.tr("(no category)")
            for column, text in enumerate((name, str(category.quantity), yuan(category.amount))):
                self.top_categories.setItem(row, column, QTableWidgetItem(text))


def page(ctx: BackOfficeContext) -> QWidget:
    return DashboardPage(ctx)
