"""分摊: spreading an order-level amount over lines in whole fen, by largest remainder."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.errors import DomainError


class InvalidApportionment(DomainError):
    code = "invalid_apportionment"


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` fen over ``weights`` in proportion, in whole fen, summing exactly to ``total``.

    Each share is the exact proportional share rounded down, and the fen left over go one each to
    the largest remainders; equal remainders go to the earlier index, so callers order the weights
    the way ties must break (e.g. by line). Every share therefore differs from the exact share by
    less than one fen, and a share never exceeds its weight while ``total`` ≤ ``sum(weights)``.
    """
    if total < 0 or any(w < 0 for w in weights):
        raise InvalidApportionment(total=total)
    whole = sum(weights)
    if whole == 0:
        if total:
            raise InvalidApportionment(total=total, reason="no_weight")
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    left = total - sum(shares)
    if left:
        by_remainder = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
        for i in by_remainder[:left]:
            shares[i] += 1
    return shares
