"""盘点's arithmetic as properties: a count posts counted − snapshot for each product counted, so
whatever moves while counting (sales, deliveries) still counts, and the ledger always adds up —
the level is the sum of its movements."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.stock_count import Variance, check_count, differences, variances

SKUS = st.sampled_from([f"A{n:07d}" for n in range(1, 9)])
QUANTITY = st.integers(min_value=-500, max_value=5_000)
COUNTED = st.integers(min_value=0, max_value=5_000)


@given(book=st.dictionaries(SKUS, QUANTITY), counted=st.dictionaries(SKUS, COUNTED),
       moves=st.lists(st.tuples(SKUS, st.integers(min_value=-50, max_value=50)), max_size=30))
def test_after_approval_each_counted_level_is_its_count_plus_what_moved_since_the_snapshot(
        book: dict[str, int], counted: dict[str, int], moves: list[tuple[str, int]]) -> None:
    ledger: dict[str, list[int]] = {sku: [quantity] for sku, quantity in book.items()}  # the opening balance
    for sku, delta in moves:  # sales and deliveries while the count is on
        ledger.setdefault(sku, []).append(delta)
    for variance in differences(book, counted):  # approval posts the variances
        ledger.setdefault(variance.sku, []).append(variance.delta)
    level = {sku: sum(entries) for sku, entries in ledger.items()}
    since = {sku: sum(d for s, d in moves if s == sku) for sku in level}
    for sku in level:
        expected = counted[sku] + since[sku] if sku in counted else book.get(sku, 0) + since[sku]
        assert level[sku] == expected


@given(book=st.dictionaries(SKUS, QUANTITY), counted=st.dictionaries(SKUS, COUNTED))
def test_the_variance_list_holds_exactly_the_products_counted_differently(
        book: dict[str, int], counted: dict[str, int]) -> None:
    listed = differences(book, counted)
    assert {v.sku for v in listed} == {sku for sku, n in counted.items() if n != book.get(sku, 0)}
    assert all(v.delta == v.counted - v.book and v.delta != 0 for v in listed)
    assert len(variances(book, counted)) == len(counted)


@given(quantity=st.integers(max_value=-1))
def test_a_negative_count_is_refused(quantity: int) -> None:
    with pytest.raises(DomainError) as refused:
        check_count(quantity)
    assert refused.value.code == "negative_count"
    with pytest.raises(DomainError):
        variances({"A0000001": 3}, {"A0000001": quantity})


def test_a_product_counted_outside_the_snapshot_had_a_book_of_nothing() -> None:
    assert differences({}, {"A0000009": 4}) == [Variance("A0000009", 0, 4)]
