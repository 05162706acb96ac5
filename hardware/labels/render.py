"""A label as a picture (Pillow), 1 pixel per printer dot: what the printer would put on the label."""

from __future__ import annotations

import barcode  # python-barcode
import qrcode
from PIL import Image, ImageDraw

from hardware.escpos.raster import _font, draw_text
from hardware.labels.document import Barcode, Box, LabelDocument, QRCode, Text

_QR_EC = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
          "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}


def render_label(doc: LabelDocument) -> Image.Image:
    """The label in grayscale ('L'), white paper, black print, ``width_dots`` × ``height_dots``."""
    image = Image.new("L", (max(doc.width_dots, 8), max(doc.height_dots, 8)), 255)
    draw = ImageDraw.Draw(image)
    for e in doc.elements:
        if isinstance(e, Text):
            # The glyph cell is the text height; a Han glyph fills about 0.9 of it.
            draw_text(draw, (e.x, e.y), e.text, max(8, e.height), fill=0)
        elif isinstance(e, Barcode):
            _barcode(draw, e)
        elif isinstance(e, QRCode):
            image.paste(_qr(e), (e.x, e.y))
        elif isinstance(e, Box):
            draw.rectangle((e.x, e.y, e.x + e.width - 1, e.y + e.height - 1), outline=0, width=e.thickness)
    return image


def _modules(data: str, symbology: str) -> str:
    if symbology == "ean13":
        return "".join(barcode.EAN13(data[:12]).build())
    return "".join(barcode.Code128(data).build())


def _barcode(draw: ImageDraw.ImageDraw, e: Barcode) -> None:
    try:
        modules = _modules(e.data, e.symbology)
    except Exception:  # a code the printer would refuse: draw a crossed box so it shows
        draw.rectangle((e.x, e.y, e.x + 160, e.y + e.height), outline=0)
        draw.line((e.x, e.y, e.x + 160, e.y + e.height), fill=0)
        return
    for i, bit in enumerate(modules):
        if bit == "1":
            left = e.x + i * e.module
            draw.rectangle((left, e.y, left + e.module - 1, e.y + e.height - 1), fill=0)
    if e.hri:
        draw.text((e.x + len(modules) * e.module // 2, e.y + e.height + 2), e.data, font=_font(20), fill=0,
                  anchor="mt")


def _qr(e: QRCode) -> Image.Image:
    code = qrcode.QRCode(error_correction=_QR_EC.get(e.ec, _QR_EC["M"]), box_size=e.cell, border=0)
    code.add_data(e.data.encode("utf-8"))
    image: Image.Image = code.make_image().get_image()
    return image.convert("L")
