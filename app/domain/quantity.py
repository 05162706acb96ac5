"""Quantities: integer pieces, or grams for weighed goods (称重)."""

from __future__ import annotations

import enum

from app.domain.errors import InvalidQuantity
from app.domain.keyed import is_digits, normalise_number
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


#: Digits a typed quantity may have (leading zeros aside): far above every limit, and int() never
#: sees a 5,000-digit string.
_MAX_DIGITS = 9


def parse_pieces(text: str) -> int:
    """A count typed at the till ('3', full-width '３') as an int ≥ 0; InvalidQuantity for anything else.

    The unit's limit is ``check_quantity``'s, where the line is changed.
    """
    digits = normalise_number(text)
    if not is_digits(digits) or len(digits.lstrip("0")) > _MAX_DIGITS:
        raise InvalidQuantity(quantity=text[:16])
    return int(digits)


def parse_kg(text: str) -> int:
    """A weight typed in kg ('1.25', full-width '１．２５') in grams, at most three decimals; ≥ 0."""
    whole, _, frac = normalise_number(text).partition(".")
    if (
        not (whole or frac)
        or (whole and not is_digits(whole))
        or (frac and not is_digits(frac))
        or len(frac) > 3
        or len(whole.lstrip("0")) > _MAX_DIGITS
    ):
        raise InvalidQuantity(quantity=text[:16])
    return int(whole or "0") * 1000 + int((frac + "000")[:3])
