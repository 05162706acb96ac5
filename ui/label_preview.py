"""Shows a label as it will print (标签预览), before it is sent to the label printer."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hardware.labels.document import LabelDocument
from hardware.labels.render import render_label


def pil_to_qimage(image: Image.Image) -> QImage:
    grey = image.convert("L")
    return QImage(grey.tobytes(), grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8).copy()


class LabelPreview(QWidget):
    """The label on a roll-coloured backdrop, at ``scale`` screen pixels per printer dot."""

    printRequested = Signal(object)  # the LabelDocument

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0, show_print: bool = True) -> None:
        super().__init__(parent)
        self.scale = scale
        self.document: LabelDocument | None = None
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setObjectName("labelImage")
        self.image.setStyleSheet("background:#5b6270; padding:18px;")
        self.caption = QLabel()
        self.print_button = QPushButton(self.tr("Print label"))
        self.print_button.setVisible(show_print)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.document and self.printRequested.emit(self.document))
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addLayout(row)

    def set_document(self, document: LabelDocument) -> None:
        self.document = document
        pixmap = QPixmap.fromImage(pil_to_qimage(render_label(document)))
        if self.scale != 1.0:
            pixmap = pixmap.scaledToWidth(round(pixmap.width() * self.scale), Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(pixmap)
        self.caption.setText(self.tr("%1 × %2 mm, gap %3 mm").replace("%1", str(document.width_mm))
                             .replace("%2", str(document.height_mm)).replace("%3", str(document.gap_mm)))
        self.print_button.setEnabled(True)
