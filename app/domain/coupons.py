"""What a coupon takes off a cart (pure): the same rule at HQ when it is reserved and at the
till whenever the ticket changes."""

from __future__ import annotations

KINDS = ("cash", "percent", "threshold", "free_item")


def coupon_discount(kind: str, value: int, threshold: int, subtotal: int) -> int:
    """Fen off ``subtotal``: 代金券 its value, 满减券 its value once the threshold is met, 折扣券 the
    part not paid (``value`` is what is paid, in basis points: 8500 = 85折), never more than the
    subtotal. A free-item coupon prices its line instead, so it takes nothing here."""
    if subtotal <= 0 or subtotal < threshold:
        return 0
    if kind in ("cash", "threshold"):
        return min(value, subtotal)
    if kind == "percent":
        return subtotal - (subtotal * value + 5_000) // 10_000
    return 0
