"""价签 (明码标价): the shelf label and the promotion label of one product, as label documents.

China's marked-price rules ask a shelf label for 品名, 产地, 规格, 等级, 计价单位 and 零售价, and for
the 12315 line where a customer reports a wrong price; ours add the member price, a promotion's
price and period, the barcode and, for weighed goods (priced per kg), the price per 500 g (斤) the
customer compares by. A template is laid out for the label stock it prints on; stock narrower or
lower than the template needs is refused (``label_too_wide``) before anything prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import DomainError
from app.domain.keyed import is_digits
from app.domain.label import DOTS_PER_MM, Barcode, Box, Element, LabelDocument, Text, fitted, yuan

SHELF, PROMOTION = "shelf", "promotion"
COMPLAINT_LINE = "价格举报电话 12315"
#: 计价单位 as the label says it, by the catalog's unit
UNIT_NAMES = {"piece": "件", "gram": "千克"}


@dataclass(frozen=True, slots=True)
class PriceTag:
    """What one product's label shows; prices in fen (a weighed product's per kg)."""

    sku: str
    name: str
    price: int
    unit: str = "piece"  # piece | gram
    barcode: str = ""
    origin: str = ""  # 产地
    spec: str = ""  # 规格
    grade: str = ""  # 等级
    member_price: int | None = None
    promotion_price: int | None = None
    promotion_from: str = ""  # 'YYYY-MM-DD'
    promotion_to: str = ""

    @property
    def unit_name(self) -> str:
        return UNIT_NAMES.get(self.unit, self.unit)

    @property
    def per_half_kg(self) -> int | None:
        """Weighed goods: the price of 500 g, half a kg's, rounded half up to the fen."""
        return (self.price + 1) // 2 if self.unit == "gram" else None


@dataclass(frozen=True, slots=True)
class LabelStock:
    """The label roll in the printer: its labels' size and the gap between them, in mm."""

    width_mm: int = 60
    height_mm: int = 40
    gap_mm: int = 2


@dataclass(frozen=True, slots=True)
class Template:
    key: str
    min_width_mm: int
    min_height_mm: int


TEMPLATES = {SHELF: Template(SHELF, 60, 40), PROMOTION: Template(PROMOTION, 70, 50)}


def template_for(tag: PriceTag) -> str:
    """A product on promotion gets the promotion label, else the shelf label."""
    return PROMOTION if tag.promotion_price is not None else SHELF


def check_fits(template: str, stock: LabelStock) -> Template:
    """The template, when the stock is big enough for it; ``label_too_wide`` otherwise."""
    found = TEMPLATES.get(template)
    if found is None:
        raise DomainError("invalid_field", status=422, field="template", value=template)
    if stock.width_mm < found.min_width_mm or stock.height_mm < found.min_height_mm:
        raise DomainError("label_too_wide", status=422, template=template, width=found.min_width_mm,
                          height=found.min_height_mm, stock_width=stock.width_mm, stock_height=stock.height_mm)
    return found


def price_label(tag: PriceTag, stock: LabelStock = LabelStock(), template: str | None = None,
                copies: int = 1) -> LabelDocument:
    """The label of ``tag`` on ``stock``, by its template (chosen by the tag when not given)."""
    chosen = check_fits(template or template_for(tag), stock)
    if chosen.key == PROMOTION and tag.promotion_price is None:
        raise DomainError("invalid_field", status=422, field="template", value=chosen.key)
    right = stock.width_mm * DOTS_PER_MM - 12
    elements = _promotion(tag, right) if chosen.key == PROMOTION else _shelf(tag, right)
    return LabelDocument(stock.width_mm, stock.height_mm, tuple(elements), stock.gap_mm, max(1, copies))


def _facts(tag: PriceTag) -> tuple[str, str]:
    first = "  ".join(p for p in (f"产地 {tag.origin or '-'}", f"规格 {tag.spec or '-'}") if p)
    second = f"等级 {tag.grade or '-'}  单位 {tag.unit_name}"
    return first, second


def _barcode(tag: PriceTag, x: int, y: int, height: int) -> list[Element]:
    if not tag.barcode:
        return [Text(x, y, tag.sku, 24)]
    symbology = "ean13" if len(tag.barcode) == 13 and is_digits(tag.barcode) else "code128"
    return [Barcode(x, y, tag.barcode, symbology, height, 2)]


def _shelf(tag: PriceTag, right: int) -> list[Element]:
    first, second = _facts(tag)
    elements: list[Element] = [
        fitted(12, 8, tag.name, 48, right),
        fitted(12, 60, first, 24, right),
        fitted(12, 88, second, 24, right),
        Text(12, 118, f"零售价 {yuan(tag.price)}/{tag.unit_name}", 48),
    ]
    extra = []
    if tag.member_price is not None:
        extra.append(f"会员价 {yuan(tag.member_price)}")
    if tag.per_half_kg is not None:
        extra.append(f"每500克 {yuan(tag.per_half_kg)}")
    if extra:
        elements.append(fitted(12, 170, "  ".join(extra), 24, right))
    elements += _barcode(tag, 12, 198, 48)
    elements.append(Text(12, 288, COMPLAINT_LINE, 24))
    return elements


def _promotion(tag: PriceTag, right: int) -> list[Element]:
    assert tag.promotion_price is not None
    first, second = _facts(tag)
    elements: list[Element] = [
        Box(4, 4, right + 4, 56, 3),
        Text(16, 12, "促销", 48),
        fitted(128, 16, tag.name, 24, right),
        fitted(12, 66, first, 24, right),
        fitted(12, 94, second, 24, right),
        Text(12, 124, f"促销价 {yuan(tag.promotion_price)}/{tag.unit_name}", 48),
        fitted(12, 178, f"原价 {yuan(tag.price)}" + (f"  会员价 {yuan(tag.member_price)}"
                                                     if tag.member_price is not None else ""), 24, right),
        fitted(12, 206, f"活动时间 {tag.promotion_from} 至 {tag.promotion_to}", 24, right),
    ]
    if tag.per_half_kg is not None:
        elements.append(Text(12, 234, f"每500克 {yuan((tag.promotion_price + 1) // 2)}", 24))
    elements += _barcode(tag, 12, 262, 48)
    elements.append(Text(12, 366, COMPLAINT_LINE, 24))
    return elements
