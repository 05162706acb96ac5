"""线上订单 on the store's O2O board: orders from HQ's feed, accepted, picked by scan, packed and
handed over by 自提码 — each step once per command id, bad input refused with a code and nothing
half-written, and the handover a channel sale paid on the platform that moves stock once."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db.models import O2OOrder, O2OStep, OutboxEvent, StockMovement
from harness import o2o
from harness.store import APPLE_PLU, COLA, NOODLES, WATER, StoreServer, Till


def step(till: Till, order_id: int, name: str, body: dict[str, Any] | None = None,
         command_id: str | None = None) -> Any:
    return till.post(f"/o2o/orders/{order_id}/{name}", {**(body or {}), "command_id": command_id or uuid.uuid4().hex})


def scan(till: Till, order_id: int, code: str, weight_g: int | None = None) -> Any:
    body: dict[str, Any] = {"code": code}
    if weight_g is not None:
        body["weight_g"] = weight_g
    return step(till, order_id, "scan", body)


def refused(answer: Any, code: str, status: int | None = None) -> None:
    assert answer.status_code in ((status,) if status else (400, 404, 409, 422)), answer.text
    assert answer.json()["code"] == code, answer.text


def steps_of(server: StoreServer, order_id: int) -> list[str]:
    with server.db() as session:
        return list(session.scalars(select(O2OStep.step).where(O2OStep.order_id == order_id)
                                    .order_by(O2OStep.created_at, O2OStep.id)))


def line_of(order: dict[str, Any], line_no: int) -> dict[str, Any]:
    """A line of the order as the board shows it (the lines come in walking order, not by number)."""
    return next(line for line in order["lines"] if line["line_no"] == line_no)


def on_hand(till: Till, code: str) -> int:
    return till.ok(till.get("/stock", params={"code": code}))["on_hand"]


@pytest.fixture
def picker(store_server: StoreServer) -> Till:
    t = Till(store_server, store_server.new_till())
    t.open_shift()
    return t


def picking(server: StoreServer, till: Till, items: list[tuple[str, int]], **options: Any) -> dict[str, Any]:
    data = o2o.drop(server, o2o.order(server, items, **options))
    till.ok(step(till, data["id"], "accept"))
    till.ok(step(till, data["id"], "start-pick"))
    return data


def test_an_order_from_hq_reaches_the_board_and_its_change_stream(store_server: StoreServer, picker: Till) -> None:
    cursor = picker.ok(picker.get("/o2o/changes", params={"after": 0}))["cursor"]
    answers: list[dict[str, Any]] = []
    waiting = threading.Thread(target=lambda: answers.append(
        picker.ok(picker.get("/o2o/changes", params={"after": cursor, "wait": 5}))))
    waiting.start()
    time.sleep(0.3)
    started = time.monotonic()
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 2), (WATER, 1)]))
    waiting.join()
    assert time.monotonic() - started < 2
    [shown] = [o for o in answers[0]["orders"] if o["id"] == data["id"]]
    assert shown["column"] == "new" and shown["state"] == "assigned" and shown["item_count"] == 3
    assert shown["customer_name_masked"] == "张**" and shown["pickup_code_set"]
    assert answers[0]["new"] >= 1 and answers[0]["cursor"] > cursor
    board = picker.ok(picker.get("/o2o/orders", params={"state": "assigned"}))
    assert data["id"] in [o["id"] for o in board["orders"]]
    # the same version again (HQ re-sent it) changes nothing
    o2o.drop(store_server, data)
    assert picker.ok(picker.get("/o2o/changes", params={"after": answers[0]["cursor"]}))["orders"] == []


def test_pick_by_scan_then_hand_over_by_pickup_code_is_a_platform_sale(store_server: StoreServer,
                                                                       picker: Till) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 2), (APPLE_PLU, 500)]))
    order_id = data["id"]
    accept_id = uuid.uuid4().hex
    accepted = picker.ok(step(picker, order_id, "accept", command_id=accept_id))
    assert accepted["state"] == "accepted" and accepted["steps_waiting"] == 1  # 待同步: no HQ here
    assert picker.ok(step(picker, order_id, "accept", command_id=accept_id)) == accepted  # a resend: once
    assert steps_of(store_server, order_id) == ["accept"]
    picker.ok(step(picker, order_id, "start-pick"))

    refused(scan(picker, order_id, NOODLES), "o2o_wrong_item", 409)
    refused(scan(picker, order_id, APPLE_PLU), "weight_required", 409)
    after_one = picker.ok(scan(picker, order_id, COLA))
    assert line_of(after_one, 1)["picked_qty"] == 1 and after_one["column"] == "picking"
    picker.ok(scan(picker, order_id, COLA))
    refused(scan(picker, order_id, COLA), "o2o_wrong_item", 409)  # both colas are picked
    weighed = picker.ok(scan(picker, order_id, APPLE_PLU, weight_g=512))
    apple = line_of(weighed, 2)
    assert apple["status"] == "picked" and apple["picked_weight_g"] == 512
    assert apple["picked_amount"] == (apple["unit_price"] * 512 + 500) // 1000  # the price difference follows
    assert weighed["column"] == "to_pack"

    cola_before = on_hand(picker, COLA)
    packed = picker.ok(step(picker, order_id, "packed"))
    assert packed["column"] == "waiting"
    label = picker.get(f"/o2o/orders/{order_id}/label")
    assert label.status_code == 200 and "246810" in label.text and "张**" in label.text
    assert "张三丰" not in label.text
    pick_list = picker.get(f"/o2o/orders/{order_id}/pick-list")
    assert pick_list.status_code == 200 and data["lines"][0]["name"] in pick_list.text
    picker.ok(step(picker, order_id, "ready"))

    refused(step(picker, order_id, "handover", {"pickup_code": "000000"}), "pickup_code_wrong", 422)
    refused(step(picker, order_id, "handover"), "pickup_code_wrong", 422)
    assert on_hand(picker, COLA) == cola_before  # nothing moved yet
    done = picker.ok(step(picker, order_id, "handover", {"pickup_code": "246810"}))
    assert done["column"] == "done" and done["sale_id"]
    refused(step(picker, order_id, "handover", {"pickup_code": "246810"}), "pickup_code_used", 409)
    assert on_hand(picker, COLA) == cola_before - 2  # the goods left the shelf once

    sale = picker.ok(picker.get(f"/sales/{done['sale_id']}"))
    assert [t["method"] for t in sale["tenders"]] == ["platform"]
    assert sale["total"] == sum(line["picked_amount"] for line in done["lines"])
    with store_server.db() as session:
        [event] = [e.payload for e in session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "sale_completed"))
                   if e.payload.get("sale_id") == done["sale_id"]]
        moves = session.scalar(select(func.count()).select_from(StockMovement)
                               .where(StockMovement.ref == done["sale_id"]))
    assert event["channel"] == "meituan" and event["o2o_order_id"] == order_id
    assert event["channel_order_no"] == data["channel_order_no"] and event["commission"] == 120
    assert moves == 2
    assert steps_of(store_server, order_id) == ["accept", "start_pick", "packed", "ready", "handed_over"]

    # a return of the online sale goes through the return flow and back through the channel
    cola_line = next(line for line in sale["lines"] if line["barcode"] == COLA)
    returned = picker.ok(picker.post("/returns", {"sale_id": done["sale_id"], "command_id": uuid.uuid4().hex,
                                                  "lines": [{"line_id": cola_line["id"], "quantity": 1}]}))
    assert returned["refunds"] == [{"method": "platform", "amount": cola_line["paid"] // 2}]
    assert on_hand(picker, COLA) == cola_before - 1
    with store_server.db() as session:
        back = session.scalars(select(OutboxEvent.payload).where(OutboxEvent.kind == "sale_returned")
                               .order_by(OutboxEvent.id.desc())).first()
    assert back["channel"] == "meituan" and back["o2o_order_id"] == order_id
    assert back["tenders"] == [{"method": "platform", "amount": -(cola_line["paid"] // 2)}]


def test_short_pick_and_substitute(store_server: StoreServer, picker: Till) -> None:
    data = picking(store_server, picker, [(COLA, 3), (WATER, 1)])
    order_id = data["id"]
    refused(step(picker, order_id, "lines/2/substitute", {"code": NOODLES}), "o2o_no_substitute", 409)
    refused(step(picker, order_id, "lines/1/short", {"picked_qty": 3}), "invalid_quantity")
    refused(step(picker, order_id, "lines/9/short", {"picked_qty": 0}), "o2o_line_not_found", 404)
    refused(step(picker, order_id, "packed"), "o2o_pick_incomplete", 409)
    picker.ok(scan(picker, order_id, COLA))
    short = picker.ok(step(picker, order_id, "lines/1/short", {"picked_qty": 1}))
    assert line_of(short, 1)["status"] == "short" and line_of(short, 1)["picked_amount"] == data["lines"][0]["unit_price"]
    picker.ok(scan(picker, order_id, WATER))
    packed = picker.ok(step(picker, order_id, "packed"))
    with store_server.db() as session:
        body = session.scalar(select(O2OStep.body).where(O2OStep.order_id == order_id, O2OStep.step == "packed"))
    assert body["lines"][0]["picked_qty"] == 1 and body["lines"][1]["picked_qty"] == 1
    assert packed["item_count"] == 2

    allowed = picking(store_server, picker, [(COLA, 1)], allow_substitute=True)
    refused(step(picker, allowed["id"], "lines/1/substitute", {"code": COLA}), "o2o_substitute_same", 409)
    swapped = picker.ok(step(picker, allowed["id"], "lines/1/substitute", {"code": WATER}))
    assert line_of(swapped, 1)["status"] == "substituted" and line_of(swapped, 1)["substitute_code"]


def test_a_cancel_mid_pick_stops_the_picker_and_puts_the_goods_back(store_server: StoreServer,
                                                                     picker: Till) -> None:
    data = picking(store_server, picker, [(COLA, 2)])
    picker.ok(scan(picker, data["id"], COLA))
    o2o.drop(store_server, o2o.changed(data, state="cancelled", cancel_reason="用户取消"))
    shown = picker.ok(picker.get(f"/o2o/orders/{data['id']}"))
    assert shown["state"] == "cancelled" and shown["cancelled_mid_pick"] and shown["column"] == "aside"
    assert line_of(shown, 1)["picked_qty"] == 0 and line_of(shown, 1)["status"] == "open"
    refused(scan(picker, data["id"], COLA), "o2o_order_cancelled", 409)
    refused(step(picker, data["id"], "packed"), "o2o_order_cancelled", 409)
    quiet = picker.ok(step(picker, data["id"], "put-back"))
    assert not quiet["cancelled_mid_pick"]


def test_a_reassigned_order_leaves_the_board(store_server: StoreServer, picker: Till) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)]))
    o2o.drop(store_server, o2o.changed(data, state="reassigned"))
    refused(picker.get(f"/o2o/orders/{data['id']}"), "o2o_order_not_found", 404)
    assert data["id"] not in [o["id"] for o in picker.ok(picker.get("/o2o/orders"))["orders"]]


def test_an_order_hq_marks_auto_accept_is_accepted_on_arrival(store_server: StoreServer) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)], channel="eleme", auto_accept=True))
    assert steps_of(store_server, data["id"]) == ["accept"]
    with store_server.db() as session:
        assert session.get(O2OOrder, data["id"]).state == "accepted"
    # HQ's word only: an order without the mark waits, whatever its channel
    waiting = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)], channel="eleme"))
    assert steps_of(store_server, waiting["id"]) == []
    # a later version of an order already here is never auto-accepted (it may have been rejected)
    later = o2o.drop(store_server, o2o.changed(waiting, auto_accept=True))
    assert steps_of(store_server, later["id"]) == []


def test_bad_steps_are_refused_with_a_code_and_write_nothing(store_server: StoreServer, picker: Till) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)], pickup=False))
    order_id = data["id"]
    refused(step(picker, 10**12, "accept"), "o2o_order_not_found", 404)
    refused(step(picker, order_id, "reject", {"reason": "lazy"}), "o2o_reject_reason", 422)
    refused(step(picker, order_id, "start-pick"), "o2o_order_state", 409)
    refused(step(picker, order_id, "packed"), "o2o_order_state", 409)
    refused(step(picker, order_id, "handover"), "o2o_order_state", 409)
    refused(step(picker, order_id, "rider-arrived"), "o2o_order_state", 409)
    refused(picker.post(f"/o2o/orders/{order_id}/accept", {}), "invalid_request")
    refused(picker.post(f"/o2o/orders/{order_id}/scan", {"code": "\x00", "command_id": "x"}), "invalid_text")
    refused(picker.get("/o2o/orders", params={"state": "lost"}), "o2o_state_unknown", 422)
    refused(picker.get("/o2o/changes", params={"after": -1}), "invalid_request")
    refused(picker.get("/o2o/changes", params={"wait": 99}), "invalid_request")
    assert steps_of(store_server, order_id) == []
    rejected = picker.ok(step(picker, order_id, "reject", {"reason": "too_busy"}))
    assert rejected["state"] == "rejected" and rejected["column"] == "aside"
    assert steps_of(store_server, order_id) == ["reject"]
    with store_server.db() as session:
        assert session.scalar(select(O2OStep.body).where(O2OStep.order_id == order_id))["reason"] == "too_busy"


def test_a_delivery_goes_to_the_rider(store_server: StoreServer, picker: Till) -> None:
    data = picking(store_server, picker, [(WATER, 1)], pickup=False)
    picker.ok(scan(picker, data["id"], WATER))
    picker.ok(step(picker, data["id"], "packed"))
    rider = picker.ok(step(picker, data["id"], "rider-arrived"))
    assert rider["state"] == "packed"
    refused(step(picker, data["id"], "handover"), "o2o_order_state", 409)  # the bag is not ready yet
    picker.ok(step(picker, data["id"], "ready"))
    done = picker.ok(step(picker, data["id"], "handover"))
    assert done["state"] == "handed_over"
    history = picker.ok(picker.get(f"/o2o/orders/{data['id']}/history"))["entries"]
    assert [e["what"] for e in history][-4:] == ["packed", "rider_arrived", "ready", "handed_over"]


def test_the_handover_needs_an_open_shift(store_server: StoreServer) -> None:
    picker = Till(store_server, store_server.new_till())
    data = o2o.drop(store_server, o2o.order(store_server, [(WATER, 1)]))
    for name in ("accept", "start-pick"):
        picker.ok(step(picker, data["id"], name))
    picker.ok(scan(picker, data["id"], WATER))
    picker.ok(step(picker, data["id"], "packed"))
    picker.ok(step(picker, data["id"], "ready"))
    refused(step(picker, data["id"], "handover", {"pickup_code": "246810"}), "shift_not_open", 409)
    assert picker.ok(picker.get(f"/o2o/orders/{data['id']}"))["state"] == "ready"


def test_auto_accept_is_no_store_setting(store_server: StoreServer) -> None:
    """自动接单 is decided at HQ (per store and channel): the store has no toggle of its own."""
    boss = Till(store_server, store_server.new_till(), "9001", "9999")
    answer = boss.http.put(store_server.api + "/settings", json={"values": {"o2o_auto_accept": "meituan"},
                                                                 "command_id": uuid.uuid4().hex}, timeout=10)
    refused(answer, "invalid_setting", 422)
    assert "o2o_auto_accept" not in boss.ok(boss.get("/settings"))["values"]


def test_an_order_the_store_cannot_read_does_not_hold_up_the_feed(store_server: StoreServer, picker: Till) -> None:
    from app.sync.o2o import apply_page, cursor

    good = o2o.order(store_server, [(COLA, 1)])
    broken = {**o2o.order(store_server, [(WATER, 1)]), "lines": [{"line_no": 1}]}  # no price, no code
    with store_server.db() as session:
        before = cursor(session)
        apply_page(session, [broken, good], before + 2)
        session.commit()
        assert cursor(session) == before + 2
        assert session.get(O2OOrder, broken["id"]) is None
    assert picker.ok(picker.get(f"/o2o/orders/{good['id']}"))["state"] == "assigned"
