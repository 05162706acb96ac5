"""The intake in two steps on a real HQ (PostgreSQL): an order is answered ``received`` as soon as
it is written, and routed right behind by the router; orders received while no router ran — HQ
killed -9 after answering them — are each routed once when it is back; a received order cancelled
before routing never reaches a store; the hot path checks its key like every route."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.hq.models import O2OFeedEntry, O2OHistory, O2OOrder
from harness.hq import Admin, HQServer, scratch_hq
from tests.hq.o2o import channel_key, feed, order, placed_store, skus


def settled(shop: Admin, number: str, timeout: float = 10.0) -> dict[str, Any]:
    """The order once it is no longer waiting for the router."""
    deadline = time.monotonic() + timeout
    while True:
        detail = shop.ok(shop.get(f"/open/orders/{number}"))
        if detail["state"] != "received" or time.monotonic() > deadline:
            return detail  # type: ignore[no-any-return]
        time.sleep(0.05)


def test_an_order_is_answered_received_then_routed_right_behind(admin: Admin) -> None:
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 10})
    shop = channel_key(admin)
    started = time.monotonic()
    taken = shop.ok(shop.post("/open/orders", order([(sku, 2)], fulfilment="pickup", store=store.code)))
    assert taken["state"] == "received" and taken["store"] == store.code
    assert len(taken["pickup_code"]) == 6  # the customer has the code before any store is chosen
    assert [h["kind"] for h in taken["history"]] == ["received"]
    routed = settled(shop, taken["channel_order_no"])
    assert time.monotonic() - started < 2.0
    assert routed["state"] == "assigned" and routed["store"] == store.code
    assert routed["id"] == taken["id"] and routed["pickup_code"] == taken["pickup_code"]
    assert [h["kind"] for h in routed["history"]] == ["received", "routed"]
    assert [o["id"] for o in feed(store)["orders"]] == [taken["id"]]
    again = shop.ok(shop.post("/open/orders", order([(sku, 2)], fulfilment="pickup", store=store.code,
                                                    channel_order_no=taken["channel_order_no"])))
    assert again["id"] == taken["id"] and again["state"] == "assigned"  # the same order again: the one HQ has


def test_the_hot_path_checks_its_key(admin: Admin) -> None:
    sku, = skus(admin, 1)
    placed_store(admin, {sku: 10})
    made = admin.ok(admin.post("/admin/api-keys", {"name": "shop", "scopes": ["orders:write"]}))
    shop = admin.hq.admin(made["key"])
    assert shop.post("/open/orders", order([(sku, 1)])).status_code == 200
    admin.ok(admin.delete(f"/admin/api-keys/{made['id']}"))
    revoked = shop.post("/open/orders", order([(sku, 1)]))
    assert revoked.status_code == 401 and revoked.json()["code"] == "invalid_api_key"
    nobody = admin.hq.admin("omk_not-a-key")
    assert nobody.post("/open/orders", order([(sku, 1)])).json()["code"] == "invalid_api_key"


@pytest.fixture
def routerless_hq(tmp_path: Path) -> Any:
    with scratch_hq(tmp_path, OMNISTORE_O2O_ROUTER="0") as server:
        yield server


def test_orders_received_before_a_crash_are_each_routed_once_after_it(routerless_hq: HQServer) -> None:
    hq = routerless_hq
    admin = hq.admin()
    sku, = skus(admin, 1)
    store = placed_store(admin, {sku: 100})
    shop = channel_key(admin)
    taken = [shop.ok(shop.post("/open/orders", order([(sku, 1)], fulfilment="pickup", store=store.code)))
             for _ in range(12)]
    assert {t["state"] for t in taken} == {"received"}
    gone = taken[0]["channel_order_no"]
    cancelled = shop.ok(shop.post("/open/orders/cancel", {"channel_order_no": gone, "reason": "customer"}))
    assert cancelled["state"] == "cancelled"
    assert feed(store)["orders"] == []  # nothing reached the store while no router ran
    assert hq.process is not None
    hq.process.kill()  # kill -9: whatever was only in memory is gone
    hq.process.wait()
    hq.env["OMNISTORE_O2O_ROUTER"] = "1"
    hq.start()
    states = {t["channel_order_no"]: settled(shop, t["channel_order_no"])["state"] for t in taken}
    assert states.pop(gone) == "cancelled"
    assert set(states.values()) == {"assigned"}
    ids = [t["id"] for t in taken]
    with hq.db() as session:
        routed = dict(session.execute(select(O2OHistory.order_id, func.count()).where(
            O2OHistory.order_id.in_(ids), O2OHistory.kind == "routed").group_by(O2OHistory.order_id)).all())
        fed = dict(session.execute(select(O2OFeedEntry.order_id, func.count()).where(
            O2OFeedEntry.order_id.in_(ids)).group_by(O2OFeedEntry.order_id)).all())
        assert session.scalar(select(func.count()).select_from(O2OOrder).where(O2OOrder.state == "received")) == 0
    assert routed == {i: 1 for i in ids[1:]}  # each once; the cancelled one never
    assert fed == {i: 1 for i in ids[1:]}
    assert sorted(o["id"] for o in feed(store)["orders"]) == sorted(ids[1:])
