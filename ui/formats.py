"""How the till writes money, quantities and moments on screen: one place for each.

Money is integer fen until it is shown; every amount on every screen goes through :func:`yuan`,
so the till never mixes the half-width ``¥`` with the full-width ``￥`` the receipts print.
Fields the cashier edits hold bare numbers (``12.50``) and say the unit in their caption.
"""

from __future__ import annotations

from app.domain.money import format_fen

#: The yuan sign the till shows: full width (U+FFE5), as on the printed receipt.
YUAN = "￥"


def yuan(fen: int) -> str:
    """1230 → '￥12.30'; -350 → '-￥3.50'."""
    return format_fen(fen, symbol=YUAN)


def field_amount(fen: int) -> str:
    """What a field the cashier edits starts with: '12.50', the unit in the field's caption (￥)."""
    return format_fen(fen)


def discount(fen: int) -> str:
    """What a discount or refund takes off: '-￥5.00', and '￥0.00' when there is none."""
    return yuan(-fen) if fen else yuan(0)


def format_qty(quantity: int, unit: str) -> str:
    """Pieces as an integer; grams as kg with three decimals."""
    if unit == "gram":
        kg, grams = divmod(quantity, 1000)
        return f"{kg}.{grams:03d} kg"
    return str(quantity)


def format_unit_price(price: int, unit: str) -> str:
    """'￥3.50', or '￥12.98/kg' for weighed goods."""
    text = yuan(price)
    return f"{text}/kg" if unit == "gram" else text


def date_time(iso: str | None) -> str:
    """'2026-11-20T18:42:05+08:00' → '2026-11-20 18:42': always with the year, never the seconds."""
    if not iso:
        return ""
    return iso.replace("T", " ")[:16]
