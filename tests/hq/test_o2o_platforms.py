"""美团外卖 and 饿了么 against a real HQ (PostgreSQL) through the platform simulator process: pushes
signed and checked, the same order pushed twice kept once, the pull as the safety net, HQ's calls
back signed and verified by the simulator, retried with backoff and listed when they keep
failing, the customer cancelling mid-pick, the acceptance SLA re-routing, the settlement bill."""

from __future__ import annotations

import csv
import io
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app.domain import platforms as p
from app.hq.models import O2OOrder, O2OReservation
from harness.hq import Admin, HQServer, scratch_hq
from harness.platforms import PlatformSim, platformsim, point_channels
from tests.hq.o2o import channel_key, feed, order, placed_store, skus, step


@pytest.fixture(scope="module")
def phq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQServer]:
    """An HQ of these tests' own: callbacks retried within a second, jobs every 0.2 s."""
    with scratch_hq(tmp_path_factory.mktemp("phq"), prefix="omnistore_o2o_hq", OMNISTORE_O2O_RETRY_BASE="0.2",
                    OMNISTORE_O2O_JOB_SECONDS="0.2", OMNISTORE_O2O_PULL_SECONDS="3600") as server:
        yield server


@pytest.fixture(scope="module")
def padmin(phq: HQServer) -> Admin:
    return phq.admin()


@pytest.fixture(scope="module")
def sim(phq: HQServer, padmin: Admin, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformSim]:
    with platformsim(Path(tmp_path_factory.mktemp("sim")), phq.url) as running:
        point_channels(padmin, running.url)
        yield running


def until(check: Callable[[], Any], seconds: float = 15) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def hq_order(hq: HQServer, channel: str, number: str) -> O2OOrder | None:
    with hq.db() as session:
        return session.scalar(select(O2OOrder).where(O2OOrder.channel == channel,
                                                     O2OOrder.channel_order_no == number, O2OOrder.part == 0))


@pytest.mark.parametrize("platform", ["meituan", "eleme"])
def test_a_pushed_order_reaches_its_store_once_and_the_platform_hears_each_step(
        platform: str, phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    placed = sim.post("/sim/orders", {"platform": platform, "store": store.code,
                                      "lines": [{"sku": sku, "qty": 2, "unit_price": 1250}]})
    assert placed["push_status"] == 200
    assert sim.post(f"/sim/orders/{placed['order_no']}/push")["push_status"] == 200  # pushed again
    with phq.db() as session:
        assert session.scalar(select(func.count()).select_from(O2OOrder)
                              .where(O2OOrder.channel_order_no == placed["order_no"])) == 1
    mine = feed(store)["orders"]
    assert [o["channel_order_no"] for o in mine] == [placed["order_no"]]
    got = mine[0]
    assert got["channel"] == platform and got["paid"] == placed["paid"] and got["lines"][0]["amount"] == 2500
    assert got["commission"] == placed["paid"] * 1800 // 10_000
    step(store, got["id"], "accept")
    assert until(lambda: sim.order(placed["order_no"])["status"] == "confirmed")
    step(store, got["id"], "packed")
    step(store, got["id"], "ready")
    assert until(lambda: sim.order(placed["order_no"])["status"] == "ready")
    step(store, got["id"], "handed_over")
    assert until(lambda: sim.order(placed["order_no"])["status"] == "completed")
    mine_calls = [c for c in sim.calls() if c["order_no"] == placed["order_no"]]
    assert mine_calls and all(c["valid"] for c in mine_calls)


@pytest.mark.parametrize("platform", ["meituan", "eleme"])
def test_a_push_with_a_bad_signature_is_refused_and_writes_nothing(
        platform: str, phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    placed = sim.post("/sim/orders", {"platform": platform, "store": store.code, "tamper": True,
                                      "lines": [{"sku": sku, "qty": 1}]})
    assert placed["push_status"] == 401
    assert hq_order(phq, platform, placed["order_no"]) is None


def test_a_stale_or_forged_meituan_push_is_refused_with_its_code(phq: HQServer, sim: PlatformSim) -> None:
    url = phq.url + "/api/v1/platforms/meituan/orders"
    params = {"app_id": "mt-app", "timestamp": str(int(time.time()) - 3600), "order_id": "MT-STALE"}
    params["sig"] = p.meituan_sig(url, params, "mt-secret")
    stale = requests.post(url, data=params, headers={"Accept-Language": "en"}, timeout=30)
    assert stale.status_code == 401 and stale.json()["code"] == "bad_platform_signature"
    forged = requests.post(url, data={**params, "timestamp": str(int(time.time())), "sig": "0" * 32}, timeout=30)
    assert forged.status_code == 401


def test_the_pull_takes_an_order_whose_push_never_arrived(phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    lost = sim.post("/sim/orders", {"platform": "eleme", "store": store.code, "push": False,
                                    "lines": [{"sku": sku, "qty": 1}]})
    assert hq_order(phq, "eleme", lost["order_no"]) is None
    assert padmin.ok(padmin.post("/admin/o2o/pull"))["taken"] >= 1
    assert hq_order(phq, "eleme", lost["order_no"]) is not None
    padmin.ok(padmin.post("/admin/o2o/pull"))  # again: nothing new
    with phq.db() as session:
        assert session.scalar(select(func.count()).select_from(O2OOrder)
                              .where(O2OOrder.channel_order_no == lost["order_no"])) == 1


@pytest.mark.parametrize("platform", ["meituan", "eleme"])
def test_the_customer_cancelling_mid_pick_stops_the_store_and_is_agreed(
        platform: str, phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    life = sim.post("/sim/life", {"platform": platform, "store": store.code, "cancel_mid_pick": True,
                                  "cancel_after": 0.5, "lines": [{"sku": sku, "qty": 3}]})
    got = until(lambda: feed(store)["orders"])
    order_id = got[0]["id"]
    time.sleep(1)  # the platform's second push of the same order
    assert len({o["id"] for o in feed(store)["orders"]}) == 1
    step(store, order_id, "accept")
    step(store, order_id, "start_pick")
    assert until(lambda: feed(store)["orders"][-1]["state"] == "cancelled")
    refused = step(store, order_id, "packed")
    assert refused.status_code == 409 and refused.json()["code"] == "order_state"
    with phq.db() as session:
        assert session.scalar(select(func.count()).select_from(O2OReservation)
                              .where(O2OReservation.order_id == order_id)) == 0
    assert until(lambda: "cancel_agree" in sim.order(life["order_no"])["calls"])


def test_a_short_pick_is_refunded_through_the_platform(phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    a, b = skus(padmin, 2)
    store = placed_store(padmin, {a: 10, b: 10})
    placed = sim.post("/sim/orders", {"platform": "meituan", "store": store.code, "lines": [
        {"sku": a, "qty": 2, "unit_price": 1000}, {"sku": b, "qty": 1, "unit_price": 700}]})
    got = feed(store)["orders"][-1]
    step(store, got["id"], "accept")
    packed = step(store, got["id"], "packed", lines=[
        {"line_no": 1, "picked_qty": 1, "amount": 1000}, {"line_no": 2, "picked_qty": 1, "amount": 700}])
    assert packed.status_code == 200 and packed.json()["state"] == "packed"
    assert until(lambda: sim.order(placed["order_no"])["refunded"] == 1000)


def test_a_failing_callback_is_retried_with_backoff_then_listed(phq: HQServer, padmin: Admin,
                                                                 sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    sim.post("/sim/fail", {"count": 2})
    placed = sim.post("/sim/orders", {"platform": "eleme", "store": store.code, "lines": [{"sku": sku, "qty": 1}]})
    got = feed(store)["orders"][-1]
    step(store, got["id"], "accept")
    assert until(lambda: sim.order(placed["order_no"])["status"] == "confirmed")
    attempts = [c for c in sim.calls() if c["order_no"] == placed["order_no"] and c["action"] == "confirm"]
    assert len(attempts) == 3
    gaps = [later["at"] - earlier["at"] for earlier, later in zip(attempts, attempts[1:], strict=False)]
    assert gaps[1] > gaps[0] * 1.5  # 0.2 s, then 0.4 s: it backs off
    # a platform that stays down: the call ends up failed and listed for people
    sim.post("/sim/fail", {"count": 100})
    step(store, got["id"], "packed")
    step(store, got["id"], "ready")

    def failed() -> list[dict[str, Any]]:
        return [c for c in padmin.ok(padmin.get("/admin/o2o/callbacks", state="failed"))["items"]
                if c["payload"]["channel_order_no"] == placed["order_no"]]

    listed = until(failed, seconds=30)
    sim.post("/sim/fail", {"count": 0})
    assert listed and listed[0]["action"] == "ready" and listed[0]["attempts"] == 6 and listed[0]["last_error"]


def test_an_order_not_accepted_in_time_is_rerouted(phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    first = placed_store(padmin, {sku: 5}, north_km=0.1)
    second = placed_store(padmin, {sku: 5}, north_km=0.6)
    own = {"accept_seconds": 1, "allow_split": True, "safety_stock": 0, "commission_bp": 0}
    padmin.ok(padmin.http.put(padmin.hq.api + "/admin/o2o/channels/own", json=own, timeout=30))
    try:
        shop = channel_key(padmin)
        taken = shop.ok(shop.post("/open/orders?wait=true", order([(sku, 1)])))
        assert taken["store"] == first.code
        assert until(lambda: [o for o in feed(second)["orders"] if o["id"] == taken["id"]], seconds=10)
        assert feed(first)["orders"][-1]["state"] == "reassigned"
        detail = shop.ok(shop.get(f"/open/orders/{taken['channel_order_no']}"))
        assert any(h["kind"] == "sla_lapsed" for h in detail["history"])
        late = step(first, taken["id"], "accept")
        assert late.status_code == 409 and late.json()["code"] == "order_not_yours"
    finally:
        padmin.ok(padmin.http.put(padmin.hq.api + "/admin/o2o/channels/own",
                                  json={**own, "accept_seconds": 600}, timeout=30))


def test_the_settlement_bill_adds_up(padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    placed = sim.post("/sim/orders", {"platform": "meituan", "store": store.code, "delivery_fee": 600,
                                      "platform_subsidy": 200, "merchant_subsidy": 300,
                                      "lines": [{"sku": sku, "qty": 2, "unit_price": 1500}]})
    from datetime import datetime, timedelta, timezone

    day = datetime.now(timezone(timedelta(hours=8))).date().isoformat()
    bill = sim.get("/sim/bill", platform="meituan", day=day)
    rows = {r["order_no"]: r for r in csv.DictReader(io.StringIO(bill.text))}
    row = rows[placed["order_no"]]
    assert row["shop_id"] == "MT1001"  # the merchant the platform knows the chain by, on every row
    fen = {k: p.yuan_to_fen(v) for k, v in row.items() if k not in ("bill_date", "platform", "order_no", "store",
                                                                      "status", "shop_id")}
    assert fen["order_amount"] == 3000 and fen["customer_paid"] == 3000 + 600 - 200 - 300
    assert fen["commission"] == (3000 - 300) * 1800 // 10_000
    assert fen["payout"] == 3000 - 300 - fen["refund"] - fen["commission"]


def test_an_eleme_push_of_unknown_type_is_acknowledged(phq: HQServer, sim: PlatformSim) -> None:
    fields: dict[str, Any] = {"requestId": uuid.uuid4().hex, "type": 51, "appId": "elm-app",
                              "message": json.dumps({"orderId": "X"}), "shopId": 1,
                              "timestamp": int(time.time()), "userId": 1}
    fields["signature"] = p.eleme_push_signature(fields, "elm-secret")
    answer = requests.post(phq.api + "/platforms/eleme/push", json=fields, timeout=30)
    assert answer.status_code == 200 and answer.json() == {"message": "ok"}


@pytest.mark.parametrize("platform", ["meituan", "eleme"])
def test_the_riders_progress_reaches_the_store(platform: str, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    placed = sim.post("/sim/orders", {"platform": platform, "store": store.code, "lines": [{"sku": sku, "qty": 1}]})
    got = feed(store)["orders"][-1]
    step(store, got["id"], "accept")
    assert sim.post(f"/sim/orders/{placed['order_no']}/rider", {"status": "arrived", "name": "骑手小刘",
                                                               "phone": "13700001234"})["push_status"] == 200
    rider = feed(store, got["version"])["orders"][-1]["rider"]
    assert rider == {"status": "arrived", "name": "骑手小刘", "phone": "137****1234"}


def test_a_push_saying_cancelled_cancels_the_order_here(phq: HQServer, padmin: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    placed = sim.post("/sim/orders", {"platform": "meituan", "store": store.code, "lines": [{"sku": sku, "qty": 1}]})
    url = phq.url + "/api/v1/platforms/meituan/orders"
    form = {"order_id": placed["order_no"], "app_poi_code": store.code, "status": "9", "recipient_phone": "13900001111",
            "detail": json.dumps([{"app_food_code": sku, "quantity": 1, "price": "10.00"}]), "total": "10.00",
            "recipient_address": "某路", "latitude": "31.2304", "longitude": "121.4737",
            "app_id": "mt-app", "timestamp": str(int(time.time()))}
    form["sig"] = p.meituan_sig(url, form, "mt-secret")
    assert requests.post(url, data=form, timeout=30).status_code == 200
    assert feed(store)["orders"][-1]["state"] == "cancelled"
    unknown = {**form, "order_id": "MT-NEVER-SEEN"}
    unknown["sig"] = p.meituan_sig(url, {k: v for k, v in unknown.items() if k != "sig"}, "mt-secret")
    refused = requests.post(url, data=unknown, timeout=30)
    assert refused.status_code == 404 and refused.json()["code"] == "order_not_found"


def test_an_order_no_store_can_take_is_given_up_and_the_platform_told(phq: HQServer, padmin: Admin,
                                                                      sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 1})
    point_channels(padmin, sim.url, accept_seconds=1)
    try:
        placed = sim.post("/sim/orders", {"platform": "meituan", "store": store.code,
                                          "lines": [{"sku": sku, "qty": 5}]})
        assert placed["push_status"] == 200
        taken = hq_order(phq, "meituan", placed["order_no"])
        assert taken is not None and taken.state == "pending"
        assert until(lambda: sim.order(placed["order_no"])["status"] == "cancelled", seconds=20)
        gone = hq_order(phq, "meituan", placed["order_no"])
        assert gone is not None and gone.state == "cancelled" and gone.cancel_reason == "no_store"
        assert "cancel" in sim.order(placed["order_no"])["calls"]
    finally:
        point_channels(padmin, sim.url)
