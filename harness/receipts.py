"""A sample receipt: two lines, 抹零 to the jiao, paid in cash with change."""

from __future__ import annotations

from app.domain.receipt import Receipt, ReceiptLine, ReceiptTender


def make_receipt(names: tuple[str, ...] = ("农夫山泉 550ml", "康师傅红烧牛肉面"), **overrides: object) -> Receipt:
    lines = tuple(
        ReceiptLine(name, "2", 150 + i, 2 * (150 + i), note="改价 原价￥5.00" if i == 1 else "")
        for i, name in enumerate(names)
    )
    subtotal = sum(line.amount for line in lines)
    fields: dict[str, object] = dict(
        store_name="好邻居便利店",
        sale_id="S0001-20261125-0042",
        till="01",
        operator="张三",
        issued_at="2026-11-25 14:03:12",
        lines=lines,
        subtotal=subtotal,
        total=subtotal - subtotal % 10,
        rounding=-(subtotal % 10),
        tenders=(ReceiptTender("现金", 1000),),
        change=1000 - (subtotal - subtotal % 10),
    )
    fields.update(overrides)
    return Receipt(**fields)  # type: ignore[arg-type]
