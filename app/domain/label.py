"""A label as a document (标签): what is on it and where, independent of TSPL or ZPL.

Positions and sizes are in printer dots (8 per mm at 203 dpi), the unit both languages speak; the
label's own size is in mm, as it is printed on the roll's box. Pure data: the shelf-label templates
(``app.domain.price_tags``) build these, the encoders in ``hardware.labels`` turn them into bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.money import format_fen
from app.domain.textwidth import display_width, truncate

DOTS_PER_MM = 8


@dataclass(frozen=True, slots=True)
class Text:
    x: int
    y: int
    text: str
    height: int = 24  # dots; TSPL's TSS24.BF2 is 24 dots, so multiples of 24 print exactly


@dataclass(frozen=True, slots=True)
class Barcode:
    x: int
    y: int
    data: str
    symbology: str = "code128"  # code128 | ean13 (13 digits, check digit included)
    height: int = 64
    module: int = 2  # narrow bar width in dots
    hri: bool = True  # human-readable digits under the bars


@dataclass(frozen=True, slots=True)
class QRCode:
    x: int
    y: int
    data: str
    cell: int = 4  # dots per module
    ec: str = "M"


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    width: int
    height: int
    thickness: int = 2


Element = Text | Barcode | QRCode | Box


@dataclass(frozen=True, slots=True)
class LabelDocument:
    width_mm: int
    height_mm: int
    elements: tuple[Element, ...] = ()
    gap_mm: int = 2
    copies: int = 1

    @property
    def width_dots(self) -> int:
        return self.width_mm * DOTS_PER_MM

    @property
    def height_dots(self) -> int:
        return self.height_mm * DOTS_PER_MM

    def of(self, kind: type) -> list[Element]:
        return [e for e in self.elements if isinstance(e, kind)]


def yuan(fen: int) -> str:
    return "￥" + format_fen(fen)


def fitted(x: int, y: int, text: str, height: int, right: int) -> Text:
    """A line that fits between ``x`` and ``right``: one size smaller, then cut, when it is too wide.

    A half-width character is ``height / 2`` dots wide, a Han character ``height``.
    """
    for size in (height, 24):
        if display_width(text) * size // 2 <= right - x:
            return Text(x, y, text, size)
    return Text(x, y, truncate(text, (right - x) // 12), 24)
