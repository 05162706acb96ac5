"""Quantities: integer pieces, or grams for weighed goods (称重)."""

from __future__ import annotations

import enum

from app.domain.errors import InvalidQuantity
from app.domain.limits import MAX_GRAMS as MAX_GRAMS  # the limits live with the others; kept importable here
from app.domain.limits import MAX_PIECES as MAX_PIECES


class Unit(enum.StrEnum):
    PIECE = "piece"
    GRAM = "gram"  # price is per kg, quantity in grams

    @property
    def per(self) -> int:
        """How many quantity units the price is quoted for."""
        return 1000 if self is Unit.GRAM else 1


def check_quantity(quantity: object, unit: Unit) -> int:
    """A positive integer within the unit's limit, or InvalidQuantity."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise InvalidQuantity(quantity=quantity)
    limit = MAX_GRAMS if unit is Unit.GRAM else MAX_PIECES
    if not 1 <= quantity <= limit:
        raise InvalidQuantity(quantity=quantity, limit=limit)
    return quantity


def format_quantity(quantity: int, unit: Unit) -> str:
    """3 → '3'; 1234 g → '1.234kg'."""
    if unit is Unit.GRAM:
        kg, g = divmod(quantity, 1000)
        return f"{kg}.{g:03d}kg"
    return str(quantity)
