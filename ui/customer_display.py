"""The customer-facing second screen (顾客屏): the lines, the total, the change and a payment QR."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.formats import yuan

FONT = "WenQuanYi Micro Hei"


def qr_pixmap(text: str, side: int = 220) -> QPixmap:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    code.add_data(text.encode("utf-8"))
    image = code.make_image().get_image().convert("L")
    qimage = QImage(image.tobytes(), image.width, image.height, image.width, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.FastTransformation)


class CustomerDisplay(QWidget):
    """Put it on the second monitor with ``show_on_second_screen()``; feed it from the checkout."""

    def __init__(self, parent: QWidget | None = None, *, store_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Customer display"))
        # the customer's screen never takes the keyboard from the cashier: the till keeps its F-keys
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setStyleSheet(
            f"CustomerDisplay {{ background:#0f2537; }} QLabel {{ color:#f4f6f8; font-family:'{FONT}'; }}"
            "QTableWidget { background:#16324a; color:#f4f6f8; border:none; font-size:22px; gridline-color:#16324a; }"
            "QHeaderView::section { background:#0f2537; color:#9fb3c8; border:none; font-size:18px; padding:4px; }"
            "#total { font-size:56px; font-weight:bold; color:#ffd166; }"
            "#change { font-size:30px; color:#8ce99a; }"
            "#welcome { font-size:30px; font-weight:bold; }"
            "#qrCaption { font-size:18px; color:#9fb3c8; }"
            "#totalCaption { font-size:24px; color:#9fb3c8; }"
        )
        self.welcome = QLabel(store_name or self.tr("Welcome"), objectName="welcome")
        self.lines = QTableWidget(0, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Amount")])
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.verticalHeader().setDefaultSectionSize(40)
        self.total_caption = QLabel(self.tr("Total"), objectName="totalCaption")
        self.total = QLabel(yuan(0), objectName="total")
        self.change = QLabel("", objectName="change")
        self.qr = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = QLabel("", objectName="qrCaption", alignment=Qt.AlignmentFlag.AlignCenter)
        side = QFrame()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.total_caption)
        side_layout.addWidget(self.total)
        side_layout.addWidget(self.change)
        side_layout.addStretch(1)
        side_layout.addWidget(self.qr)
        side_layout.addWidget(self.qr_caption)
        body = QHBoxLayout()
        body.addWidget(self.lines, 3)
        body.addWidget(side, 2)
        layout = QGridLayout(self)
        layout.addWidget(self.welcome, 0, 0)
        layout.addLayout(body, 1, 0)
        self.set_payment_qr(None)

    def set_lines(self, lines: list[tuple[str, str, int]]) -> None:
        """(name, quantity text, amount in fen) per line; the newest is scrolled into view."""
        self.lines.setRowCount(len(lines))
        for row, (name, quantity, amount) in enumerate(lines):
            for column, text in enumerate((name, quantity, yuan(amount))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, column, item)
        if lines:
            self.lines.scrollToBottom()

    def set_total(self, fen: int) -> None:
        self.total.setText(yuan(fen))

    def set_payment(self, paid: int, change: int) -> None:
        self.change.setText(self.tr("Paid %1   Change %2").replace("%1", yuan(paid)).replace("%2", yuan(change)))

    def set_payment_qr(self, text: str | None, caption: str = "") -> None:
        """Show a payment QR (扫码支付) or hide it with None."""
        if text:
            self.qr.setPixmap(qr_pixmap(text))
            self.qr_caption.setText(caption or self.tr("Scan to pay"))
        else:
            self.qr.clear()
            self.qr_caption.setText("")
        self.qr.setVisible(bool(text))
        self.qr_caption.setVisible(bool(text))

    def clear(self) -> None:
        self.set_lines([])
        self.set_total(0)
        self.change.setText("")
        self.set_payment_qr(None)

    def show_on_second_screen(self) -> None:
        """Full screen on the second monitor when there is one, else a normal window."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.show()
