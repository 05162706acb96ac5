"""Label printers (标签打印机): a pure label document, TSPL and ZPL builders and parsers, a renderer."""

from hardware.labels.document import Barcode, Box, LabelDocument, QRCode, Text

__all__ = ["Barcode", "Box", "LabelDocument", "QRCode", "Text"]
