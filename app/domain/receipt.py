"""The receipt (小票) as a document: what it says, independent of paper or printer.

``layout`` turns it into display-width-correct lines for a paper width; the ESC/POS
encoder in ``hardware`` adds the styles (bold total, barcode, QR, cut).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from app.domain.money import format_fen
from app.domain.textwidth import device_text, display_width, pad_left, two_columns, wrap

COLUMNS_58MM = 32
COLUMNS_80MM = 48


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    quantity_text: str  # '2' or '0.512kg'
    unit_price: int
    amount: int
    note: str = ""  # e.g. '改价 原价￥5.00'


@dataclass(frozen=True, slots=True)
class ReceiptTender:
    label: str  # '现金'
    amount: int


@dataclass(frozen=True, slots=True)
class Receipt:
    store_name: str
    sale_id: str
    till: str
    operator: str
    issued_at: str  # local time, already formatted: '2026-11-25 14:03:12'
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    total: int  # after 抹零
    tenders: tuple[ReceiptTender, ...]
    change: int
    rounding: int = 0  # 抹零 adjustment, ≤ 0 when rounded down
    #: order-level discounts shown after the subtotal, e.g. ("券 满20减5", 500)
    discounts: tuple[ReceiptTender, ...] = ()
    member: str = ""  # '会员 8000000012 赵敏 (积分…)': shown under the header
    item_count: int = 0
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = ("谢谢惠顾，欢迎再次光临！",)
    labels: dict[str, str] = field(default_factory=dict)


DEFAULT_LABELS = {
    "title": "销售小票",
    "sale": "单号",
    "till": "收银台",
    "operator": "收银员",
    "time": "时间",
    "item": "商品",
    "qty": "数量",
    "price": "单价",
    "amount": "金额",
    "count": "件数",
    "subtotal": "合计",
    "rounding": "抹零",
    "total": "应收",
    "change": "找零",
}


class Style(enum.StrEnum):
    NORMAL = "normal"
    CENTER = "center"
    TITLE = "title"  # centred, double size
    TOTAL = "total"  # bold, double size (laid out for half the columns)
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class LaidOutLine:
    text: str
    style: Style = Style.NORMAL


def money(amount: int) -> str:
    return format_fen(amount, symbol="￥") if amount >= 0 else "-" + format_fen(-amount, symbol="￥")


def layout(receipt: Receipt, columns: int) -> list[LaidOutLine]:
    """Lines of at most ``columns`` display columns (a Han character is two).

    Double-size lines (TITLE, TOTAL) are laid out for half the columns.
    """
    label = {**DEFAULT_LABELS, **receipt.labels}
    out: list[LaidOutLine] = []
    out += [LaidOutLine(t, Style.TITLE) for t in wrap(receipt.store_name, columns // 2)]
    out += [LaidOutLine(t, Style.CENTER) for h in receipt.header_lines for t in wrap(h, columns)]
    out.append(LaidOutLine(label["title"], Style.CENTER))
    out.append(LaidOutLine(f"{label['sale']}: {receipt.sale_id}"))
    out.append(LaidOutLine(two_columns(f"{label['till']}: {receipt.till}", f"{label['operator']}: {receipt.operator}", columns)))
    out.append(LaidOutLine(f"{label['time']}: {receipt.issued_at}"))
    out += [LaidOutLine(t) for t in wrap(receipt.member, columns)] if receipt.member else []
    out.append(LaidOutLine("-" * columns, Style.RULE))
    out += _item_lines(receipt, columns, label)
    out.append(LaidOutLine("-" * columns, Style.RULE))
    count = receipt.item_count or len(receipt.lines)
    out.append(LaidOutLine(two_columns(f"{label['count']}: {count}", f"{label['subtotal']}: {money(receipt.subtotal)}", columns)))
    for discount in receipt.discounts:
        out.append(LaidOutLine(two_columns(discount.label, money(-discount.amount), columns)))
    if receipt.rounding:
        out.append(LaidOutLine(two_columns(label["rounding"], money(receipt.rounding), columns)))
    out.append(LaidOutLine(two_columns(label["total"], money(receipt.total), columns // 2), Style.TOTAL))
    for tender in receipt.tenders:
        out.append(LaidOutLine(two_columns(tender.label, money(tender.amount), columns)))
    if label["change"]:  # a return slip has no change line
        out.append(LaidOutLine(two_columns(label["change"], money(receipt.change), columns)))
    out.append(LaidOutLine("-" * columns, Style.RULE))
    out += [LaidOutLine(t, Style.CENTER) for f in receipt.footer_lines for t in wrap(f, columns)]
    return out


def _item_lines(receipt: Receipt, columns: int, label: dict[str, str]) -> list[LaidOutLine]:
    # Name on its own line(s); quantity × price and amount under it, right aligned.
    amount_width = 10 if columns < 40 else 12
    price_width = 9 if columns < 40 else 12
    qty_width = columns - amount_width - price_width
    head = (
        label["qty"] + " " * (qty_width - display_width(label["qty"]))
        + pad_left(label["price"], price_width)
        + pad_left(label["amount"], amount_width)
    )
    out = [LaidOutLine(label["item"]), LaidOutLine(head)]
    for line in receipt.lines:
        out += [LaidOutLine(t) for t in wrap(line.name, columns)]
        qty = line.quantity_text
        out.append(
            LaidOutLine(
                qty + " " * max(1, qty_width - display_width(qty))
                + pad_left(format_fen(line.unit_price), price_width)
                + pad_left(format_fen(line.amount), amount_width)
            )
        )
        if line.note:
            out += [LaidOutLine("  " + t) for t in wrap(line.note, columns - 2)]
    return out


def plain_text(receipt: Receipt, columns: int = COLUMNS_80MM) -> str:
    """The receipt as plain text, one laid-out line per line (a control character in free text is a
    space here too, so a line break in a name cannot add a line)."""
    return "\n".join(device_text(line.text) for line in layout(receipt, columns)) + "\n"
