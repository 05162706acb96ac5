"""Money is an integer number of fen (分). Rounding (抹零) happens once, at cash tender."""

from __future__ import annotations

import enum

from app.domain.errors import InvalidAmount
from app.domain.keyed import is_digits, normalise_number
from app.domain.limits import MAX_AMOUNT as MAX_AMOUNT  # the limit lives with the others; kept importable here

_MAX_YUAN_DIGITS = len(str(MAX_AMOUNT // 100))


class RoundingPolicy(enum.StrEnum):
    """抹零: how the cash amount due is rounded before the customer pays."""

    NONE = "none"
    JIAO_DOWN = "jiao_down"  # 抹分: drop the fen
    JIAO_HALF_UP = "jiao_half_up"
    YUAN_DOWN = "yuan_down"  # 抹角: drop jiao and fen
    YUAN_HALF_UP = "yuan_half_up"

    @property
    def unit(self) -> int:
        if self is RoundingPolicy.NONE:
            return 1
        return 10 if self in (RoundingPolicy.JIAO_DOWN, RoundingPolicy.JIAO_HALF_UP) else 100

    @property
    def half_up(self) -> bool:
        return self in (RoundingPolicy.JIAO_HALF_UP, RoundingPolicy.YUAN_HALF_UP)


def round_cash_due(due: int, policy: RoundingPolicy) -> int:
    """The cash amount actually asked for ``due`` fen under ``policy`` (never negative)."""
    if due < 0:
        raise InvalidAmount(amount=due)
    unit = policy.unit
    if unit == 1:
        return due
    remainder = due % unit
    rounded = due - remainder
    if policy.half_up and remainder * 2 >= unit:
        rounded += unit
    return rounded


def rounding_adjustment(due: int, policy: RoundingPolicy) -> int:
    """The 抹零 line: rounded minus due (≤ 0 when rounding down)."""
    return round_cash_due(due, policy) - due


def check_amount(amount: int, *, allow_zero: bool = False) -> int:
    """Validate an amount of fen coming from outside: an int within [0 or 1, MAX_AMOUNT]."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InvalidAmount(amount=amount)
    low = 0 if allow_zero else 1
    if not low <= amount <= MAX_AMOUNT:
        raise InvalidAmount(amount=amount)
    return amount


def format_fen(amount: int, *, symbol: str = "") -> str:
    """1230 → '12.30' (with ``symbol`` prefixed, e.g. '￥12.30'); negatives keep their sign."""
    sign = "-" if amount < 0 else ""
    yuan, fen = divmod(abs(amount), 100)
    return f"{sign}{symbol}{yuan}.{fen:02d}"


def parse_yuan(text: str) -> int:
    """'12.3' → 1230; full-width (１２．３), a leading ￥ and thousands commas are read too.

    At most two decimals and at most MAX_AMOUNT; anything else, on any string, is InvalidAmount.
    """
    cleaned = normalise_number(text).replace("¥", "").replace(",", "").strip()  # NFKC made ￥ into ¥
    whole, _, frac = cleaned.partition(".")
    if not (whole or frac) or (whole and not is_digits(whole)) or (frac and not is_digits(frac)) or len(frac) > 2:
        raise InvalidAmount(amount=text[:32])
    whole = whole.lstrip("0")
    if len(whole) > _MAX_YUAN_DIGITS:  # before int(): a 5,000-digit string is refused, not parsed
        raise InvalidAmount(amount=text[:32])
    fen = int(whole or "0") * 100 + int((frac + "00")[:2])
    if fen > MAX_AMOUNT:
        raise InvalidAmount(amount=text[:32])
    return fen


def line_amount(unit_price: int, quantity: int, per: int = 1) -> int:
    """Price × quantity in fen, half-up, where ``quantity`` is in 1/``per`` of the price unit.

    Pieces use per=1; weighed goods are priced per kg and counted in grams (per=1000).
    """
    numerator = unit_price * quantity
    return (numerator * 2 + per) // (2 * per)


def fen_to_wire_yuan(amount: int) -> str:
    """1230 → '12.30': the yuan string payment providers put on the wire (two decimals, never a float)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InvalidAmount(amount=amount)
    return format_fen(amount)


def wire_yuan_to_fen(text: str) -> int:
    """'12.30' → 1230, '-0.05' → -5: a provider's yuan string, strictly (digits, at most two decimals).

    Stricter than :func:`parse_yuan`, which reads what a cashier types: a provider's amount with a
    currency sign, a thousands separator or a third decimal is a broken answer, not money.
    """
    if not isinstance(text, str):
        raise InvalidAmount(amount=text)
    sign = -1 if text.startswith("-") else 1
    body = text[1:] if sign < 0 else text
    whole, dot, frac = body.partition(".")
    if not _ascii_digits(whole) or (dot and not (1 <= len(frac) <= 2 and _ascii_digits(frac))):
        raise InvalidAmount(amount=text)
    fen = int(whole) * 100 + int((frac + "00")[:2])
    if fen > MAX_AMOUNT:
        raise InvalidAmount(amount=text)
    return sign * fen


def _ascii_digits(text: str) -> bool:
    return bool(text) and all("0" <= ch <= "9" for ch in text)
