"""An online order end to end: taken at HQ (PostgreSQL), on the enrolled store's board within 2 s,
picked by scan, handed over by 自提码 — HQ follows every step, and the channel sale reaches HQ once
with its channel. A store killed (-9) mid-pick comes back where it was."""

from __future__ import annotations

import time
import uuid
from typing import Any

from sqlalchemy import select

from harness.chain import LinkedStore, open_till, retry
from harness.hq import Admin
from harness.store import Till
from tests.hq.o2o import CENTRE, channel_key

BOARD_WITHIN = 2.0


def with_checksum(body: str) -> str:
    from app.domain.barcode import with_check_digit

    return with_check_digit(body)


def stocked_product(admin: Admin, store: LinkedStore, till: Till, qty: int = 10) -> tuple[str, str]:
    """A product of its own, known at HQ and at the store, with ``qty`` on the store's shelf (HQ
    hears of it through the store's stock events)."""
    sku = "O" + uuid.uuid4().hex[:10].upper()
    barcode = with_checksum("69" + str(uuid.uuid4().int)[:10])
    admin.ok(admin.post("/admin/products", {"items": [{"sku": sku, "name": f"线上商品{sku[-4:]}", "price": 990,
                                                       "barcodes": [{"code": barcode}]}]}))
    deadline = time.monotonic() + 30
    while till.get("/products/lookup", params={"code": barcode}).status_code != 200:
        assert time.monotonic() < deadline, "the product did not reach the store"
        time.sleep(0.2)
    boss = Till(store.server, store.server.new_till(), "5001", "5555")
    boss.ok(boss.post("/stock/movements", {"reason": "receive", "lines": [{"code": barcode, "quantity": qty}],
                                           "note": "", "command_id": uuid.uuid4().hex}))
    store.wait_drained()
    return sku, barcode


def place(admin: Admin, store: LinkedStore, auto_accept: tuple[str, ...] = ()) -> None:
    admin.ok(admin.http.put(admin.hq.api + f"/admin/stores/{store.code}/o2o", timeout=30, json={
        "lat": CENTRE[0], "lng": CENTRE[1], "o2o_enabled": True, "auto_accept": list(auto_accept)}))


def own_order(shop: Admin, store: LinkedStore, sku: str, qty: int) -> dict[str, Any]:
    body = {"channel_order_no": "W" + uuid.uuid4().hex[:12], "fulfilment": "pickup", "store": store.code,
            "customer": {"name": "李小龙", "phone": "13812345678"},
            "lines": [{"sku": sku, "qty": qty, "unit_price": 990, "amount": 990 * qty}],
            "paid": 990 * qty, "payment_ref": "wx-" + uuid.uuid4().hex[:8]}
    return shop.ok(shop.post("/open/orders?wait=true", body))


def on_board(till: Till, channel_order_no: str, timeout: float, after: int = 0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        page = till.ok(till.get("/o2o/changes", params={"after": after, "wait": 1}))
        found = [o for o in page["orders"] if o["channel_order_no"] == channel_order_no]
        if found:
            return found[-1]
        after = page["cursor"]
        assert time.monotonic() < deadline, f"{channel_order_no} not on the board"


def step(till: Till, order_id: int, name: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    command_id = uuid.uuid4().hex
    return retry(lambda: till.post(f"/o2o/orders/{order_id}/{name}", {**(body or {}), "command_id": command_id}))


def hq_order(store: LinkedStore, order_id: int) -> Any:
    from app.hq.models import O2OOrder

    with store.hq.db() as session:
        return session.get(O2OOrder, order_id)


def wait_hq_state(store: LinkedStore, order_id: int, state: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while hq_order(store, order_id).state != state:
        assert time.monotonic() < deadline, f"HQ holds {hq_order(store, order_id).state}, not {state}"
        time.sleep(0.2)


def test_an_order_taken_at_hq_is_picked_and_handed_over_at_the_store(admin: Admin, linked_store: LinkedStore) -> None:
    till = open_till(linked_store)
    sku, barcode = stocked_product(admin, linked_store, till)
    place(admin, linked_store)
    shop = channel_key(admin)
    cursor = till.ok(till.get("/o2o/changes"))["cursor"]
    taken = own_order(shop, linked_store, sku, 2)
    started = time.monotonic()
    shown = on_board(till, taken["channel_order_no"], BOARD_WITHIN + 3, cursor)
    assert time.monotonic() - started <= BOARD_WITHIN
    order_id = shown["id"]
    assert shown["column"] == "new" and shown["channel"] == "own"

    step(till, order_id, "accept")
    wait_hq_state(linked_store, order_id, "accepted")
    step(till, order_id, "start-pick")
    for _ in range(2):
        step(till, order_id, "scan", {"code": barcode})
    step(till, order_id, "packed")
    step(till, order_id, "ready")
    pickup_code = hq_order(linked_store, order_id).pickup_code
    wrong = till.post(f"/o2o/orders/{order_id}/handover", {"pickup_code": "000000" if pickup_code != "000000"
                                                           else "111111", "command_id": uuid.uuid4().hex})
    assert wrong.json()["code"] == "pickup_code_wrong"
    done = step(till, order_id, "handover", {"pickup_code": pickup_code})
    assert done["state"] == "handed_over" and done["sale_id"]
    wait_hq_state(linked_store, order_id, "handed_over")

    linked_store.wait_drained()
    from app.hq.models import Event, Sale

    with linked_store.hq.db() as session:
        sales = session.execute(select(Sale.total, Sale.channel, Sale.channel_order_no, Sale.commission)
                                .where(Sale.sale_id == done["sale_id"])).all()
        [kept] = [e.payload for e in session.scalars(select(Event).where(Event.kind == "sale_completed"))
                  if e.payload.get("sale_id") == done["sale_id"]]
    assert [(s.total, s.channel, s.channel_order_no) for s in sales] == [(1980, "own", taken["channel_order_no"])]
    assert (kept["channel"], kept["channel_order_no"], kept["o2o_order_id"]) == ("own", taken["channel_order_no"],
                                                                                order_id)
    assert [t["method"] for t in kept["tenders"]] == ["platform"]
    assert linked_store.store_stock()[sku] == 8
    assert till.ok(till.get(f"/o2o/orders/{order_id}"))["steps_waiting"] == 0


def test_a_store_killed_mid_pick_resumes_where_it_was(admin: Admin, linked_store: LinkedStore) -> None:
    till = open_till(linked_store)
    sku, barcode = stocked_product(admin, linked_store, till)
    place(admin, linked_store)
    taken = own_order(channel_key(admin), linked_store, sku, 3)
    order_id = on_board(till, taken["channel_order_no"], 10)["id"]
    step(till, order_id, "accept")
    step(till, order_id, "start-pick")
    step(till, order_id, "scan", {"code": barcode})
    linked_store.restart()  # kill -9, then start again
    back = retry(lambda: till.get(f"/o2o/orders/{order_id}"))
    assert back["state"] == "picking" and back["lines"][0]["picked_qty"] == 1
    step(till, order_id, "scan", {"code": barcode})
    step(till, order_id, "scan", {"code": barcode})
    assert step(till, order_id, "packed")["state"] == "packed"
    wait_hq_state(linked_store, order_id, "packed")
    # the follower resumed from its cursor: the order is on the board once, not again as new
    page = till.ok(till.get("/o2o/orders"))
    assert [o["id"] for o in page["orders"]].count(order_id) == 1


def test_steps_wait_while_hq_is_cut_off_and_reach_it_once_back(admin: Admin, linked_store: LinkedStore) -> None:
    till = open_till(linked_store)
    sku, barcode = stocked_product(admin, linked_store, till)
    place(admin, linked_store)
    taken = own_order(channel_key(admin), linked_store, sku, 1)
    order_id = on_board(till, taken["channel_order_no"], 10)["id"]
    linked_store.proxy.cut()
    started = time.monotonic()
    accepted = step(till, order_id, "accept")
    assert time.monotonic() - started < 2  # the board never waits on HQ
    assert accepted["state"] == "accepted" and accepted["steps_waiting"] == 1  # 待同步
    step(till, order_id, "start-pick")
    time.sleep(1)
    assert hq_order(linked_store, order_id).state == "assigned"
    linked_store.proxy.restore()
    wait_hq_state(linked_store, order_id, "picking", timeout=40)
    deadline = time.monotonic() + 20
    while till.ok(till.get(f"/o2o/orders/{order_id}"))["steps_waiting"]:
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_hqs_auto_accept_is_what_the_store_follows(admin: Admin, linked_store: LinkedStore) -> None:
    """自动接单 is set at HQ per store and channel; the store accepts such an order as it arrives
    (HQ hears the accept), and waits for a person once HQ turns it off."""
    till = open_till(linked_store)
    sku, _barcode = stocked_product(admin, linked_store, till)
    place(admin, linked_store, auto_accept=("own",))
    shop = channel_key(admin)
    taken = own_order(shop, linked_store, sku, 1)
    shown = on_board(till, taken["channel_order_no"], 10)
    assert shown["state"] == "accepted" and shown["column"] == "picking"
    wait_hq_state(linked_store, shown["id"], "accepted")
    history = till.ok(till.get(f"/o2o/orders/{shown['id']}/history"))["entries"]
    assert [(e["what"], e["detail"]) for e in history][1] == ("accept", "auto")

    place(admin, linked_store)  # HQ turns it off
    waiting = on_board(till, own_order(shop, linked_store, sku, 1)["channel_order_no"], 10)
    assert waiting["state"] == "assigned" and waiting["column"] == "new"
    time.sleep(1)
    assert hq_order(linked_store, waiting["id"]).state == "assigned"
