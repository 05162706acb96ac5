"""The store board's rules for an online order: which state to keep when HQ's feed and the store
disagree, the board's columns, what a weighed pick costs, the 自提码 and the masked name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import o2o
from app.domain.errors import DomainError

WORKING = ["assigned", "accepted", "picking", "packed", "ready"]


@given(st.sampled_from(WORKING), st.sampled_from(WORKING))
def test_the_store_keeps_whichever_state_is_further_along(mine: str, theirs: str) -> None:
    kept = o2o.ahead(mine, theirs)
    assert kept in (mine, theirs)
    assert WORKING.index(kept) == max(WORKING.index(mine), WORKING.index(theirs))


@pytest.mark.parametrize("mine", [*WORKING, "rejected"])
@pytest.mark.parametrize("theirs", ["cancelled", "reassigned"])
def test_hq_cancelling_or_reassigning_wins_over_the_stores_progress(mine: str, theirs: str) -> None:
    assert o2o.ahead(mine, theirs) == theirs


def test_a_handed_over_order_stays_handed_over_and_a_rejection_waits_for_hq() -> None:
    assert o2o.ahead("handed_over", "cancelled") == "handed_over"
    assert o2o.ahead("rejected", "assigned") == "rejected"


def test_steps_follow_hqs_order_of_states() -> None:
    assert o2o.check_step("assigned", "accept") == "accepted"
    assert o2o.check_step("packed", "rider_arrived") == "packed"
    with pytest.raises(DomainError) as refused:
        o2o.check_step("packed", "handed_over")  # the bag must be ready first
    assert refused.value.code == "o2o_order_state"
    with pytest.raises(DomainError) as cancelled:
        o2o.check_step("cancelled", "packed")
    assert cancelled.value.code == "o2o_order_cancelled"


def test_the_boards_columns() -> None:
    assert [o2o.column(s, False) for s in WORKING] == ["new", "picking", "picking", "waiting", "waiting"]
    assert o2o.column("picking", True) == "to_pack"
    assert {o2o.column(s, True) for s in ("cancelled", "rejected", "reassigned")} == {"aside"}
    assert o2o.column("handed_over", True) == "done"


@given(st.integers(0, 100_000), st.integers(1, 50_000))
def test_a_weighed_pick_costs_its_weight_at_the_price_per_kg(price_per_kg: int, grams: int) -> None:
    amount = o2o.picked_amount(price_per_kg, 1, grams)
    assert abs(amount * 1000 - price_per_kg * grams) <= 500  # to the nearest fen
    assert o2o.picked_amount(price_per_kg, 3, None) == 3 * price_per_kg


def test_the_pickup_code_and_the_masked_name() -> None:
    o2o.check_pickup_code("246810", " 246810 ")
    for given_code in ("", None, "246811"):
        with pytest.raises(DomainError):
            o2o.check_pickup_code("246810", given_code)
    with pytest.raises(DomainError):
        o2o.check_pickup_code(None, "")
    assert [o2o.mask_name(n) for n in ("张三丰", "李", "Jonathan", "")] == ["张**", "李*", "J***", ""]
