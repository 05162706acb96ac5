"""Money is an integer number of fen (分). Rounding (抹零) happens once, at cash tender."""

from __future__ import annotations

import enum

from app.domain.errors import InvalidAmount
from app.domain.limits import MAX_AMOUNT as MAX_AMOUNT  # the limit lives with the others; kept importable here


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
    """'12.3' → 1230. Accepts up to two decimals; raises InvalidAmount otherwise."""
    cleaned = text.strip().replace("￥", "").replace("¥", "").replace(",", "")
    if not cleaned or cleaned.count(".") > 1:
        raise InvalidAmount(amount=text)
    whole, _, frac = cleaned.partition(".")
    if not (whole or frac) or not (whole.isdigit() or whole == "") or not (frac.isdigit() or frac == ""):
        raise InvalidAmount(amount=text)
    if len(frac) > 2:
        raise InvalidAmount(amount=text)
    return int(whole or "0") * 100 + int((frac + "00")[:2])


def line_amount(unit_price: int, quantity: int, per: int = 1) -> int:
    """Price × quantity in fen, half-up, where ``quantity`` is in 1/``per`` of the price unit.

    Pieces use per=1; weighed goods are priced per kg and counted in grams (per=1000).
    """
    numerator = unit_price * quantity
    return (numerator * 2 + per) // (2 * per)
