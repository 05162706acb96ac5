"""A label as a document: what is on it and where, independent of TSPL or ZPL.

Positions and sizes are in printer dots (8 per mm at 203 dpi), the unit both languages
speak; the label's own size is in mm, as it is printed on the roll's box. The shelf,
weighed-goods and O2O bag labels are built here from plain data, with no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.keyed import is_digits
from app.domain.label import (  # the document itself is pure: it lives in the domain
    DOTS_PER_MM,
    Barcode,
    Box,
    Element,
    LabelDocument,
    QRCode,
    Text,
    fitted,
    yuan,
)

__all__ = ["DOTS_PER_MM", "BagLabel", "Barcode", "Box", "Element", "LabelDocument", "QRCode", "ShelfLabel", "Text",
           "WeighedLabel", "bag_label", "fitted", "shelf_label", "weighed_label", "yuan"]


@dataclass(frozen=True, slots=True)
class ShelfLabel:
    """价签: name, spec and origin, price and member price, barcode, and a QR to the product page."""

    name: str
    price: int  # fen
    barcode: str
    member_price: int | None = None
    unit: str = "件"
    spec: str = ""  # 规格 '550ml'
    origin: str = ""  # 产地
    qr: str = ""


@dataclass(frozen=True, slots=True)
class WeighedLabel:
    """称重标签: the in-store barcode carries PLU and price."""

    name: str
    weight_g: int
    unit_price: int  # fen per kg
    total: int  # fen
    barcode: str  # in-store EAN-13, e.g. 2 + PLU + price + check
    packed_at: str  # '2026-11-25 14:03'
    best_before: str = ""


@dataclass(frozen=True, slots=True)
class BagLabel:
    """O2O 订单袋标签: which platform, the pickup code, and a QR the rider scans."""

    platform: str  # 美团 / 饿了么 / 小程序
    order_no: str
    pickup_code: str
    items: int
    bag: int = 1
    bags: int = 1
    customer: str = ""  # '王** 尾号 1234'
    note: str = ""
    qr: str = ""
    extras: tuple[str, ...] = field(default_factory=tuple)


def shelf_label(item: ShelfLabel, width_mm: int = 60, height_mm: int = 40) -> LabelDocument:
    elements: list[Element] = [
        fitted(16, 12, item.name, 48, width_mm * DOTS_PER_MM - 8),
        Text(16, 66, "  ".join(p for p in (item.spec, item.origin and f"产地 {item.origin}") if p), 24),
        Text(16, 100, f"{yuan(item.price)}/{item.unit}", 48),
    ]
    if item.member_price is not None:
        elements.append(Text(16, 154, f"会员价 {yuan(item.member_price)}", 24))
    elements.append(Barcode(16, 196, item.barcode, "ean13" if _is_ean13(item.barcode) else "code128", 72, 2))
    if item.qr:
        elements.append(QRCode(width_mm * DOTS_PER_MM - 136, 150, item.qr, 4))
    return LabelDocument(width_mm, height_mm, tuple(elements))


def weighed_label(item: WeighedLabel, width_mm: int = 60, height_mm: int = 40) -> LabelDocument:
    kg = f"{item.weight_g / 1000:.3f}kg"
    elements: list[Element] = [
        fitted(16, 10, item.name, 48, width_mm * DOTS_PER_MM - 8),
        Text(16, 66, f"重量 {kg}", 24),
        Text(248, 66, f"单价 {yuan(item.unit_price)}/kg", 24),
        Text(16, 98, f"金额 {yuan(item.total)}", 48),
        Text(16, 152, f"包装 {item.packed_at}", 24),
    ]
    if item.best_before:
        elements.append(Text(16, 178, f"保质期至 {item.best_before}", 24))
    elements.append(Barcode(16, 206, item.barcode, "ean13", 64, 2))
    return LabelDocument(width_mm, height_mm, tuple(elements))


def bag_label(item: BagLabel, width_mm: int = 60, height_mm: int = 40) -> LabelDocument:
    elements: list[Element] = [
        Box(4, 4, width_mm * DOTS_PER_MM - 8, height_mm * DOTS_PER_MM - 8, 2),
        fitted(16, 14, f"{item.platform}  #{item.pickup_code}", 48, width_mm * DOTS_PER_MM - 16),
        Text(16, 70, f"订单 {item.order_no}", 24),
        Text(16, 100, f"共 {item.items} 件  第 {item.bag}/{item.bags} 袋", 24),
    ]
    text_right = width_mm * DOTS_PER_MM - (150 if item.qr else 16)
    if item.customer:
        elements.append(fitted(16, 130, item.customer, 24, text_right))
    if item.note:
        elements.append(fitted(16, 160, f"备注 {item.note}", 24, text_right))
    if item.qr:
        elements.append(QRCode(width_mm * DOTS_PER_MM - 136, 68, item.qr, 4))
    elements.append(Barcode(16, 240, item.order_no, "code128", 56, 2, hri=False))
    return LabelDocument(width_mm, height_mm, tuple(elements))


def _is_ean13(code: str) -> bool:
    return len(code) == 13 and is_digits(code)
