"""订单寻源's invariants (``app.domain.o2o.route``), for any stores and any order: no store is ever
given more of a SKU than it has available, a filled order is filled exactly, a store that is off,
closed, excluded or too far never gets anything, a split happens only when the channel allows it
and no single store could fill the order, and every store is explained."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import o2o

SKUS = ["A", "B", "C", "D"]

stores = st.lists(st.builds(
    o2o.Candidate,
    store_id=st.integers(1, 10_000), code=st.text("ABCDEFGH", min_size=1, max_size=4),
    lat=st.one_of(st.none(), st.floats(31.1, 31.4)), lng=st.one_of(st.none(), st.floats(121.3, 121.6)),
    enabled=st.booleans(), open=st.booleans(), load=st.integers(0, 30),
    available=st.dictionaries(st.sampled_from(SKUS), st.integers(-5, 20)),
), max_size=12, unique_by=(lambda c: c.store_id, lambda c: c.code))
demands = st.dictionaries(st.sampled_from(SKUS), st.integers(1, 15), min_size=1)


@settings(max_examples=400, deadline=None)
@given(stores, demands, st.booleans(), st.booleans(), st.sets(st.integers(1, 10_000), max_size=3),
       st.one_of(st.none(), st.integers(1, 10_000)))
def test_routing_never_promises_more_than_a_store_has(candidates: list[o2o.Candidate], demand: dict[str, int],
                                                      delivery: bool, allow_split: bool, excluded: set[int],
                                                      prefer: int | None) -> None:
    decision = o2o.route(demand, candidates, lat=31.23, lng=121.47, delivery=delivery, allow_split=allow_split,
                         excluded=frozenset(excluded), prefer=prefer)
    assert {c.store for c in decision.considered} == {c.code for c in candidates}
    given_out: dict[str, int] = {}
    for store, share in decision.assignments:
        assert store.enabled and store.open and store.store_id not in excluded
        if delivery:
            assert store.lat is not None and store.lng is not None
            assert o2o.haversine_m(31.23, 121.47, store.lat, store.lng) <= o2o.DELIVERY_RADIUS_M + 1
        for sku, qty in share.items():
            assert 0 < qty <= store.available.get(sku, 0)
            given_out[sku] = given_out.get(sku, 0) + qty
    if decision.filled:
        assert given_out == demand
    assert len({s.store_id for s, _ in decision.assignments}) == len(decision.assignments)
    if decision.split:
        assert allow_split and len(decision.assignments) > 1
        assert not any(c.eligible for c in decision.considered if c.reason in ("fills", "chosen")
                       and c.store not in {s.code for s, _ in decision.assignments})
    chosen = [c for c in decision.considered if c.reason == "chosen"]
    assert len(chosen) == len(decision.assignments)


@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 12_000)), min_size=1, max_size=10))
def test_a_short_pick_refunds_what_was_not_picked_and_never_more_than_paid(lines: list[tuple[int, int]]) -> None:
    order = [{"line_no": n, "amount": amount} for n, (amount, _) in enumerate(lines, start=1)]
    picked = {n: got for n, (_, got) in enumerate(lines, start=1)}
    refunds = o2o.short_refund(order, picked)
    for n, (amount, got) in enumerate(lines, start=1):
        assert refunds.get(n, 0) == max(0, amount - got)
        assert 0 <= refunds.get(n, 0) <= amount
    assert o2o.short_refund(order, {}) == {}


def test_steps_follow_the_contract() -> None:
    assert o2o.next_state("accept", "assigned") == "accepted"
    assert o2o.next_state("packed", "cancelled") is None
    assert o2o.next_state("handed_over", "ready") == "handed_over"
    assert o2o.next_state("rider_arrived", "ready") == ""
    assert o2o.is_open({"open": "22:00", "close": "06:00"}, __import__("datetime").time(23, 0))
    assert not o2o.is_open({"open": "08:00", "close": "22:00"}, __import__("datetime").time(23, 0))
    assert o2o.mask_phone("13812345678") == "138****5678"
