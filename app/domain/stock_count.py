"""盘点: a stock count's variance, from the book quantities snapshotted when the count started.

The count is blind: whoever counts never sees the book. What it posts is counted − snapshot for
each counted product, so goods sold while the count was on still come off the shelf by their own
movements: after approval the level is counted + whatever moved since the snapshot. A product not
counted is not adjusted (a cycle count covers part of the store).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class Variance:
    """One counted product: book (at the snapshot), counted, and the difference to post."""

    sku: str
    book: int
    counted: int

    @property
    def delta(self) -> int:
        return self.counted - self.book


def check_count(quantity: int) -> int:
    """A counted quantity: zero (an empty shelf) or more."""
    if quantity < 0:
        raise DomainError("negative_count", status=422, quantity=quantity)
    return quantity


def variances(book: Mapping[str, int], counted: Mapping[str, int]) -> list[Variance]:
    """Each counted product's variance, by SKU; a product counted outside the snapshot had a book of 0."""
    return [Variance(sku, book.get(sku, 0), check_count(quantity)) for sku, quantity in sorted(counted.items())]


def differences(book: Mapping[str, int], counted: Mapping[str, int]) -> list[Variance]:
    """Only the counted products whose count differs from the book: the variance list to approve."""
    return [v for v in variances(book, counted) if v.delta]
