"""The printer simulator's window: the receipts it printed, on a roll of paper."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.textwidth import char_width
from hardware.escpos.decoder import DecodedJob, PrintedLine
from hardware.escpos.profiles import PrinterProfile
from hardware.simulators import printer as printer_sim

FONT_FAMILY = "WenQuanYi Micro Hei Mono"
DESK = QColor("#5b6270")
PAPER = QColor("#fdfdfb")
INK = QColor("#1d1d1f")
FADED = QColor("#8a8a8a")

MARGIN = 14  # white margin inside the paper
OUTER = 24  # desk around the paper
TEAR = 18  # height of the torn-edge gap between jobs
BARCODE_HEIGHT = 64
QR_SIDE = 112


@dataclass(frozen=True, slots=True)
class _Element:
    kind: str  # line | barcode | qr | raster | note
    line: PrintedLine | None = None
    data: str = ""


def _elements(job: DecodedJob) -> list[_Element]:
    """Printed lines with the barcodes, QR codes and images where they came in the job."""
    extras: dict[int, list[_Element]] = {}
    for command in job.commands:
        if command.name in ("barcode", "qr"):
            extras.setdefault(command.line, []).append(_Element(command.name, data=str(command.data)))
        elif command.name == "raster":
            width, height = command.args[0] * 8, command.args[1]
            extras.setdefault(command.line, []).append(_Element("raster", data=f"{width}×{height}"))
    out: list[_Element] = []
    for index, line in enumerate(job.printed):
        out += extras.pop(index, [])
        out.append(_Element("line", line))
    for index in sorted(extras):
        out += extras[index]
    if job.named("drawer_kick"):
        out.append(_Element("note", data="drawer"))
    return out


class _Paper(QWidget):
    """The roll itself: jobs painted one under the other, torn apart at each cut."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.font_ = QFont(FONT_FAMILY)
        self.font_.setStyleHint(QFont.StyleHint.Monospace)
        self.font_.setPixelSize(15)
        metrics = QFontMetricsF(self.font_)
        self.cell = metrics.horizontalAdvance("0")
        self.row = metrics.height() + 3
        self.ascent = metrics.ascent()
        self.paper_width = self.columns * self.cell + 2 * MARGIN
        self.jobs: list[list[_Element]] = []
        self._tops: list[float] = []
        self._height = float(OUTER)
        self.setMinimumWidth(int(self.paper_width + 2 * OUTER))
        self._resize()

    def append(self, job: DecodedJob) -> None:
        elements = _elements(job)
        self._tops.append(self._height)
        self.jobs.append(elements)
        self._height += self._job_height(elements) + TEAR
        self._resize()
        self.update()

    def _resize(self) -> None:
        self.resize(int(self.paper_width + 2 * OUTER), int(self._height + OUTER))

    def _element_height(self, element: _Element) -> float:
        if element.kind == "line":
            assert element.line is not None
            return self.row * element.line.height
        if element.kind == "barcode":
            return BARCODE_HEIGHT + self.row + 8
        if element.kind == "qr":
            return QR_SIDE + self.row + 8
        return self.row * (2 if element.kind == "raster" else 1)

    def _job_height(self, elements: list[_Element]) -> float:
        return 2 * MARGIN + sum(self._element_height(e) for e in elements)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), DESK)
        left = (self.width() - self.paper_width) / 2
        exposed = QRectF(event.rect())
        for top, elements in zip(self._tops, self.jobs, strict=True):
            height = self._job_height(elements)
            if top > exposed.bottom() or top + height + TEAR < exposed.top():
                continue
            self._paint_job(painter, left, top, height, elements)
        painter.end()

    def _paint_job(self, painter: QPainter, left: float, top: float, height: float, elements: list[_Element]) -> None:
        painter.fillRect(QRectF(left, top, self.paper_width, height), PAPER)
        self._paint_torn_edge(painter, left, top + height)
        y = top + MARGIN
        for element in elements:
            self._paint_element(painter, element, left + MARGIN, y)
            y += self._element_height(element)

    def _paint_torn_edge(self, painter: QPainter, left: float, y: float) -> None:
        # The cut leaves a ragged edge: white teeth hanging below the job.
        tooth = 8.0
        points = [QPointF(left, y)]
        x = left
        step = 0
        while x < left + self.paper_width:
            x = min(x + tooth, left + self.paper_width)
            points.append(QPointF(x, y + (6 if step % 2 == 0 else 0) + (step * 7 % 3)))
            step += 1
        points.append(QPointF(left + self.paper_width, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PAPER)
        painter.drawPolygon(QPolygonF(points))

    def _paint_element(self, painter: QPainter, element: _Element, x: float, y: float) -> None:
        inner = self.columns * self.cell
        if element.kind == "line":
            assert element.line is not None
            self._paint_line(painter, element.line, x, y, inner)
        elif element.kind == "barcode":
            self._paint_barcode(painter, element.data, x, y, inner)
        elif element.kind == "qr":
            self._paint_qr(painter, element.data, x, y, inner)
        else:
            painter.setFont(self.font_)
            painter.setPen(FADED)
            text = (
                self.tr("[cash drawer opened]")
                if element.kind == "note"
                else self.tr("[image %1]").replace("%1", element.data)
            )
            painter.drawText(QRectF(x, y, inner, self.row), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_line(self, painter: QPainter, line: PrintedLine, x: float, y: float, inner: float) -> None:
        columns = sum(char_width(c) for c in line.text)
        span = columns * self.cell * line.width
        if line.align == 1:
            x += max(0.0, (inner - span) / 2)
        elif line.align == 2:
            x += max(0.0, inner - span)
        font = QFont(self.font_)
        font.setBold(line.bold or line.width > 1)
        painter.save()
        painter.setFont(font)
        painter.setPen(INK)
        painter.translate(x, y)
        painter.scale(line.width, line.height)
        # Each character on the printer's grid, a Han character on two cells, so columns
        # line up exactly as layout() meant them to whatever the font's own advances are.
        column = 0
        run_start, run = 0, ""
        for char in line.text + "\0":
            width = char_width(char) if char != "\0" else 0
            if width == 1:
                if not run:
                    run_start = column
                run += char
            else:
                if run:
                    painter.drawText(QPointF(run_start * self.cell, self.ascent + 1), run)
                    run = ""
                if width == 2:
                    cell = QRectF(column * self.cell, 0, 2 * self.cell, self.row)
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, char)
            column += width
        painter.restore()

    def _paint_barcode(self, painter: QPainter, data: str, x: float, y: float, inner: float) -> None:
        # A stand-in, not a scannable code: bars derived from the data so different codes look different.
        width = min(inner, 260.0)
        left = x + (inner - width) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        seed = zlib.crc32(data.encode("utf-8"))
        bar_x = left
        while bar_x < left + width - 4:
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            bar = 1 + seed % 3
            painter.drawRect(QRectF(bar_x, y, bar, BARCODE_HEIGHT))
            bar_x += bar + 1 + (seed >> 8) % 3
        painter.setFont(self.font_)
        painter.setPen(INK)
        painter.drawText(QRectF(x, y + BARCODE_HEIGHT + 2, inner, self.row), Qt.AlignmentFlag.AlignCenter, data)

    def _paint_qr(self, painter: QPainter, data: str, x: float, y: float, inner: float) -> None:
        left = x + (inner - QR_SIDE) / 2
        painter.setPen(QPen(INK, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(left, y, QR_SIDE, QR_SIDE))
        painter.setPen(Qt.PenStyle.NoPen)
        finder = 26.0
        for fx, fy in ((0, 0), (QR_SIDE - finder, 0), (0, QR_SIDE - finder)):
            painter.setBrush(INK)
            painter.drawRect(QRectF(left + fx + 4, y + fy + 4, finder - 8, finder - 8))
            painter.setBrush(PAPER)
            painter.drawRect(QRectF(left + fx + 8, y + fy + 8, finder - 16, finder - 16))
            painter.setBrush(INK)
            painter.drawRect(QRectF(left + fx + 11, y + fy + 11, finder - 22, finder - 22))
        painter.setFont(self.font_)
        painter.setPen(FADED)
        painter.drawText(QRectF(left, y, QR_SIDE, QR_SIDE), Qt.AlignmentFlag.AlignCenter, "QR")
        painter.setPen(INK)
        painter.drawText(QRectF(x, y + QR_SIDE + 2, inner, self.row), Qt.AlignmentFlag.AlignCenter, data)


class PaperRollWindow(QWidget):
    """打印机模拟器: every job the simulated printer received, newest at the bottom."""

    job_received = Signal(object)

    def __init__(self, columns: int = 48, parent: QWidget | None = None, *, pop_up: bool = False) -> None:
        super().__init__(parent)
        self.pop_up = pop_up  # come to the front with each job, over a full-screen till
        self.setWindowTitle(self.tr("Receipt printer simulator"))
        self.paper = _Paper(columns)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.paper)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setStyleSheet(f"QScrollArea {{ background: {DESK.name()}; border: none; }}")
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.summary)
        self.summary.setContentsMargins(8, 4, 8, 4)
        self._update_summary()
        self.resize(self.paper.width() + self.scroll_area.verticalScrollBar().sizeHint().width() + 4, 760)
        # AutoConnection: a direct call on the GUI thread, queued when emitted from the
        # simulator's connection threads.
        self.job_received.connect(self._append_job)

    @property
    def job_count(self) -> int:
        return len(self.paper.jobs)

    @Slot(object)
    def add_job(self, job: DecodedJob) -> None:
        """Show ``job``; safe to call from any thread."""
        self.job_received.emit(job)

    @Slot(object)
    def _append_job(self, job: DecodedJob) -> None:
        self.paper.append(job)
        self._update_summary()
        QTimer.singleShot(0, self.scroll_to_latest)
        if self.pop_up:
            self.raise_()

    def scroll_to_latest(self) -> None:
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _update_summary(self) -> None:
        self.summary.setText(self.tr("%n job(s) printed", "", self.job_count))


def run_window(simulator: printer_sim.PrinterSimulator, profile: PrinterProfile) -> int:
    """Show the preview for a running ``simulator`` until the window is closed."""
    from ui.app import create_app  # the till's translator, font and theme

    app = create_app(sys.argv[:1])
    window = PaperRollWindow(profile.columns, pop_up=True)
    window.setWindowTitle(f"{window.windowTitle()} — {simulator.uri}")
    simulator.on_job = window.add_job
    screen = app.primaryScreen()
    if screen is not None:  # the right edge, where the till's receipt slot would be
        area = screen.availableGeometry()
        window.resize(window.width(), min(window.height(), area.height()))
        window.move(area.right() - window.width() + 1, area.top())
    window.show()
    return int(app.exec())


def main(argv: Sequence[str] | None = None) -> int:
    """``omnistore printer-sim``: the simulator, with ``--window`` wired to this window."""
    return printer_sim.main(argv, window=run_window)


if __name__ == "__main__":
    sys.exit(main())
