"""The order center on a real HQ (PostgreSQL): an own-shop order taken once, routed to the store
that can fill it nearest and least loaded with the reasons in its history, handed to that store
through its long-poll feed, followed through the store's steps; bad orders refused with nothing
written."""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import func, select

from app.hq.models import O2OOrder, O2OReservation
from harness.hq import Admin, HQServer
from tests.hq.o2o import channel_key, feed, order, placed_store, skus, step


def reserved(hq: HQServer, sku: str) -> dict[str, int]:
    with hq.db() as session:
        return {str(store_id): int(qty) for store_id, qty in session.execute(
            select(O2OReservation.store_id, func.sum(O2OReservation.quantity)).where(O2OReservation.sku == sku)
            .group_by(O2OReservation.store_id))}


def test_an_order_sent_twice_is_one_order_even_at_once(admin: Admin, hq: HQServer) -> None:
    sku, = skus(admin, 1)
    placed_store(admin, {sku: 50})
    shop = channel_key(admin)
    body = order([(sku, 2)])
    first = shop.ok(shop.post("/open/orders?wait=true", body))
    assert first["state"] == "assigned" and first["store"]
    again = shop.ok(shop.post("/open/orders?wait=true", body))
    assert again["id"] == first["id"] and again["version"] == first["version"]
    racing = order([(sku, 1)])
    with ThreadPoolExecutor(6) as pool:  # the hot path: the twins that lose the insert answer the winner's order
        answers = list(pool.map(lambda _: shop.post("/open/orders", racing), range(6)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.json()["id"] for a in answers}) == 1
    with hq.db() as session:
        assert session.scalar(select(func.count()).select_from(O2OOrder)
                              .where(O2OOrder.channel_order_no == racing["channel_order_no"])) == 1


def test_the_nearest_store_that_can_fill_it_wins_and_the_history_says_why(admin: Admin, hq: HQServer) -> None:
    a, b = skus(admin, 2)
    far = placed_store(admin, {a: 10, b: 10}, north_km=3.0)
    near_short = placed_store(admin, {a: 10, b: 1}, north_km=0.2)
    near = placed_store(admin, {a: 10, b: 10}, north_km=1.0)
    off = placed_store(admin, {a: 10, b: 10}, north_km=0.1, o2o_enabled=False)
    too_far = placed_store(admin, {a: 10, b: 10}, north_km=9.0)
    shop = channel_key(admin)
    taken = shop.ok(shop.post("/open/orders?wait=true", order([(a, 2), (b, 3)])))
    assert taken["store"] == near.code
    routed = next(h for h in taken["history"] if h["kind"] == "routed")
    why = {c["store"]: c for c in routed["detail"]["considered"]}
    assert why[near.code]["reason"] == "chosen"
    assert why[near_short.code]["reason"] == "short" and why[near_short.code]["short"] == {b: 2}
    assert why[far.code]["reason"] == "fills" and why[far.code]["distance_m"] > why[near.code]["distance_m"]
    assert why[off.code]["reason"] == "o2o_off"
    assert too_far.code not in why  # beyond the delivery radius: not a candidate at all
    assert reserved(hq, b) == {str(store_id(hq, near.code)): 3}


def store_id(hq: HQServer, code: str) -> int:
    from app.hq.models import Store

    with hq.db() as session:
        return int(session.scalar(select(Store.id).where(Store.code == code)) or 0)


def test_a_store_following_its_feed_while_orders_and_steps_race_sees_every_change_once_in_order(
        admin: Admin) -> None:
    """New orders and steps race for the feed's numbering: however they interleave, a store reading
    ``after`` its cursor misses no change and sees none twice, in version order."""
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 10_000})
    shop = channel_key(admin)
    start = feed(store)["cursor"]
    seen: list[dict[str, Any]] = []
    done = threading.Event()

    def follow() -> None:
        cursor = start
        while True:
            finished = done.is_set()
            page = feed(store, cursor)
            seen.extend(page["orders"])
            cursor = page["cursor"]
            if finished and not page["orders"]:
                return

    def place(n: int) -> tuple[int, int, bool]:
        taken = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)], fulfilment="pickup", store=store.code)))
        accepted = n % 3 == 0  # a step, numbered in its own statement, racing the new orders' commits
        if accepted:
            assert step(store, taken["id"], "accept").status_code == 200
        return taken["id"], taken["version"], accepted

    follower = threading.Thread(target=follow)
    follower.start()
    with ThreadPoolExecutor(8) as pool:
        placed = list(pool.map(place, range(90)))
    done.set()
    follower.join(60)
    versions = [o["version"] for o in seen]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    for order_id, version, accepted in placed:
        rows = [o for o in seen if o["id"] == order_id]
        assert [o["state"] for o in rows] == (["assigned", "accepted"] if accepted else ["assigned"]), rows
        assert rows[0]["version"] == version  # the intake's answer carries the version the feed shows


def test_the_store_gets_its_order_by_long_poll_and_takes_it_to_handover(admin: Admin) -> None:
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 5})
    shop = channel_key(admin)
    cursor = feed(store)["cursor"]
    got: dict[str, object] = {}

    def poll() -> None:
        started = time.monotonic()
        got["page"] = feed(store, cursor, wait=10)
        got["seconds"] = time.monotonic() - started

    poller = threading.Thread(target=poll)
    poller.start()
    time.sleep(0.5)
    taken = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)], fulfilment="pickup", store=store.code)))
    poller.join()
    page = got["page"]
    assert isinstance(page, dict) and [o["id"] for o in page["orders"]] == [taken["id"]]
    assert float(got["seconds"]) < 3  # type: ignore[arg-type]
    sent = page["orders"][0]
    assert sent["state"] == "assigned" and sent["customer_phone"] == "138****5678" and len(sent["pickup_code"]) == 6
    accept = step(store, taken["id"], "accept", step_id="acc-" + str(taken["id"]))
    assert accept.status_code == 200 and accept.json()["state"] == "accepted"
    again = step(store, taken["id"], "accept", step_id="acc-" + str(taken["id"]))
    assert again.json() == accept.json()
    for name in ("start_pick", "packed", "ready"):
        assert step(store, taken["id"], name).json()["state"] in ("picking", "packed", "ready")
    wrong = step(store, taken["id"], "handed_over", pickup_code="000000" if sent["pickup_code"] != "000000" else "1")
    assert wrong.status_code == 422 and wrong.json()["code"] == "pickup_code_wrong"
    done = step(store, taken["id"], "handed_over", pickup_code=sent["pickup_code"])
    assert done.status_code == 200 and done.json()["state"] == "handed_over"
    versions = [o["version"] for o in feed(store, cursor)["orders"]]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    assert feed(store, max(versions))["orders"] == []


def test_a_cancel_mid_pick_stops_the_store_and_releases_the_stock(admin: Admin, hq: HQServer) -> None:
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 5})
    shop = channel_key(admin)
    taken = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 4)])))
    assert reserved(hq, sku) == {str(store_id(hq, store.code)): 4}
    step(store, taken["id"], "accept")
    step(store, taken["id"], "start_pick")
    cancelled = shop.ok(shop.post("/open/orders/cancel", {"channel_order_no": taken["channel_order_no"],
                                                          "reason": "customer changed mind"}))
    assert cancelled["state"] == "cancelled"
    assert reserved(hq, sku) == {}
    assert feed(store)["orders"][-1]["state"] == "cancelled"
    late = step(store, taken["id"], "packed")
    assert late.status_code == 409 and late.json()["code"] == "order_state" and "cancelled" in late.json()["message"]
    unknown = shop.post("/open/orders/cancel", {"channel_order_no": "NOPE-" + sku})
    assert unknown.status_code == 404 and unknown.json()["code"] == "order_not_found"


def test_a_rejected_order_goes_to_the_next_store_and_the_first_cannot_touch_it(admin: Admin) -> None:
    sku, = skus(admin, 1)
    first = placed_store(admin, {sku: 5}, north_km=0.1)
    second = placed_store(admin, {sku: 5}, north_km=0.5)
    shop = channel_key(admin)
    taken = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)])))
    assert taken["store"] == first.code
    rejected = step(first, taken["id"], "reject", reason="too_busy")
    assert rejected.status_code == 200 and rejected.json()["state"] == "rejected"
    assert rejected.json() == feed(first)["orders"][-1]  # as the store's feed has it
    assert feed(second)["orders"][-1]["id"] == taken["id"]
    assert step(first, taken["id"], "accept").json()["code"] == "order_not_yours"
    detail = shop.ok(shop.get(f"/open/orders/{taken['channel_order_no']}"))
    assert detail["store"] == second.code
    rerouted = [h for h in detail["history"] if h["kind"] == "routed"][-1]
    assert {c["store"]: c["reason"] for c in rerouted["detail"]["considered"]}[first.code] == "excluded"


def test_safety_stock_keeps_the_last_units_for_the_counter(admin: Admin) -> None:
    sku, = skus(admin, 1)
    placed_store(admin, {sku: 3})  # the platforms leave 2 per SKU on the shelf; the own shop none
    admin.ok(admin.http.put(admin.hq.api + "/admin/o2o/channels/own", json={
        "accept_seconds": 600, "allow_split": True, "safety_stock": 2, "commission_bp": 0}, timeout=30))
    try:
        shop = channel_key(admin)
        two = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 2)])))
        assert two["state"] == "pending" and two["store"] is None
        unrouted = next(h for h in two["history"] if h["kind"] == "unrouted")
        assert any(c["short"] == {sku: 1} for c in unrouted["detail"]["considered"])
        one = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)])))
        assert one["state"] == "assigned"
    finally:
        admin.ok(admin.http.put(admin.hq.api + "/admin/o2o/channels/own", json={
            "accept_seconds": 600, "allow_split": True, "safety_stock": 0, "commission_bp": 0}, timeout=30))


def test_an_order_no_single_store_can_fill_is_split_when_the_channel_allows(admin: Admin, hq: HQServer) -> None:
    a, b = skus(admin, 2)
    only_a = placed_store(admin, {a: 10}, north_km=0.3)
    only_b = placed_store(admin, {b: 10}, north_km=0.6)
    shop = channel_key(admin)
    taken = shop.ok(shop.post("/open/orders?wait=true", order([(a, 2), (b, 1)])))
    assert taken["state"] == "split"
    parts = {p["store"]: p for p in taken["parts"]}
    assert set(parts) == {only_a.code, only_b.code}
    assert [line["product_code"] for line in parts[only_a.code]["lines"]] == [a]
    assert [line["product_code"] for line in parts[only_b.code]["lines"]] == [b]
    assert sum(p["paid"] for p in taken["parts"]) == taken["paid"]
    assert feed(only_a)["orders"][-1]["id"] == parts[only_a.code]["id"]


BAD = [
    ("unknown SKU", lambda s: order([("NO-SUCH-SKU-1", 1)]), 422, "unknown_sku"),
    ("zero quantity", lambda s: order([(s, 0)]), 422, "invalid_quantity"),
    ("negative quantity", lambda s: order([(s, -2)]), 422, "invalid_quantity"),
    ("no coordinates", lambda s: {**order([(s, 1)]), "address": {"text": "某路 1 号"}}, 422,
     "address_without_coordinates"),
    ("no address", lambda s: {k: v for k, v in order([(s, 1)]).items() if k != "address"}, 422,
     "address_without_coordinates"),
    ("pickup time past", lambda s: order([(s, 1)], requested_at="2025-01-01T08:00:00+08:00"), 422,
     "requested_time_past"),
    ("negative paid", lambda s: {**order([(s, 1)]), "paid": -1}, 422, "invalid_amount"),
    ("unknown store", lambda s: order([(s, 1)], fulfilment="pickup", store="NOSUCHSTORE"), 404, "store_not_found"),
]


@pytest.mark.parametrize("path", ["/open/orders", "/open/orders?wait=true"], ids=["received", "routed"])
@pytest.mark.parametrize(("name", "make", "status", "code"), BAD, ids=[b[0] for b in BAD])
def test_bad_orders_are_refused_with_nothing_written(admin: Admin, hq: HQServer, name: str, make: object,
                                                     status: int, code: str, path: str) -> None:
    """Both ways in — the hot path answering ``received`` and the one answering routed — check alike."""
    sku, = skus(admin, 1)
    placed_store(admin, {sku: 5})
    shop = channel_key(admin)
    body = make(sku)  # type: ignore[operator]
    refused = shop.post(path, body)
    assert refused.status_code == status, refused.text
    assert refused.json()["code"] == code
    with hq.db() as session:
        assert session.scalar(select(func.count()).select_from(O2OOrder)
                              .where(O2OOrder.channel_order_no == body["channel_order_no"])) == 0


def test_an_order_for_a_disabled_store_is_refused(admin: Admin, hq: HQServer) -> None:
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 5})
    admin.ok(admin.post(f"/admin/stores/{store.code}/disable"))
    shop = channel_key(admin)
    refused = shop.post("/open/orders", order([(sku, 1)], fulfilment="pickup", store=store.code))
    assert refused.status_code == 409 and refused.json()["code"] == "store_disabled"


def test_orders_need_the_orders_scope(admin: Admin) -> None:
    reader = channel_key(admin, "catalog:read")
    refused = reader.post("/open/orders", order([("X", 1)]))
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"


def test_weighed_lines_and_barcodes_count_in_stock_units(admin: Admin, hq: HQServer) -> None:
    apple, = skus(admin, 1, unit="gram")
    cola = "O" + uuid.uuid4().hex[:10].upper()
    case = ean13("690" + str(uuid.uuid4().int)[:9])  # a maker's barcode: 20–29 would be an in-store price code
    admin.ok(admin.post("/admin/products", {"items": [{"sku": cola, "name": "可乐", "price": 300,
                                                       "barcodes": [{"code": case, "pack_quantity": 6}]}]}))
    store = placed_store(admin, {apple: 5000, cola: 12})
    shop = channel_key(admin)
    body = order([])
    body["lines"] = [{"sku": apple, "qty": 1, "weight_g": 640, "unit_price": 1200, "amount": 768},
                     {"barcode": case, "qty": 2, "unit_price": 1800, "amount": 3600}]
    body["paid"] = 4368
    taken = shop.ok(shop.post("/open/orders?wait=true", body))
    assert taken["store"] == store.code
    assert reserved(hq, apple) == {str(store_id(hq, store.code)): 640}
    assert reserved(hq, cola) == {str(store_id(hq, store.code)): 12}
    assert [line["weight_g"] for line in taken["lines"]] == [640, None]
    unweighed = order([])
    unweighed["lines"] = [{"sku": apple, "qty": 2, "unit_price": 1200, "amount": 2400}]
    refused = shop.post("/open/orders", unweighed)
    assert refused.status_code == 422 and refused.json()["code"] == "invalid_weight"


def ean13(digits: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def test_hqs_auto_accept_per_store_and_channel_rides_on_the_feed(admin: Admin) -> None:
    """自动接单 is HQ's to decide, per store and channel: a newly assigned order in the feed of a
    store that auto-accepts its channel says so; the store's step then moves it as any accept."""
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 20}, auto_accept=["own"])
    shop = channel_key(admin)
    settings = admin.ok(admin.get(f"/admin/stores/{store.code}/o2o"))
    assert settings["auto_accept"] == ["own"]
    taken = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)])))
    assert taken["store"] == store.code
    [fed] = [o for o in feed(store)["orders"] if o["id"] == taken["id"]]
    assert fed["state"] == "assigned" and fed["auto_accept"] is True
    accepted = step(store, taken["id"], "accept")
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert feed(store, fed["version"])["orders"][-1]["auto_accept"] is False  # later versions never ask again

    # HQ turns it off: the next order waits for a person
    admin.ok(admin.http.put(admin.hq.api + f"/admin/stores/{store.code}/o2o", timeout=30, json={
        "lat": settings["lat"], "lng": settings["lng"], "o2o_enabled": True, "auto_accept": []}))
    cursor = feed(store)["cursor"]
    second = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)])))
    assert [o["auto_accept"] for o in feed(store, cursor)["orders"] if o["id"] == second["id"]] == [False]

    # an unknown channel is refused, the setting unchanged
    bad = admin.http.put(admin.hq.api + f"/admin/stores/{store.code}/o2o", timeout=30, json={
        "lat": settings["lat"], "lng": settings["lng"], "o2o_enabled": True, "auto_accept": ["uber"]})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_request", bad.text
    assert admin.ok(admin.get(f"/admin/stores/{store.code}/o2o"))["auto_accept"] == []
