"""调拨 between two stores enrolled with a real HQ on PostgreSQL: store A sends, its stock leaves
once HQ took the transfer; store B sees it arrive through the change feed, receives it by scanning
with a difference; A and HQ see it received, and HQ's stock of both stores matches theirs. A
transfer to a store the chain doesn't have, or has disabled, is refused with nothing posted."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db.models import OutboxEvent, StockMovement
from harness.chain import LinkedStore, enrol_store
from harness.hq import Admin, HQServer
from harness.store import COLA, NOODLES, Till


def cid() -> str:
    return uuid.uuid4().hex


def lines(*pairs: tuple[str, int]) -> list[dict]:
    return [{"code": code, "quantity": quantity} for code, quantity in pairs]


def on_hand(till: Till, code: str) -> int:
    return till.ok(till.get("/stock", params={"code": code}))["on_hand"]


def eventually(check: Callable[[], Any], timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def written(store: LinkedStore) -> tuple[int, int]:
    with store.server.db() as session:
        return (session.scalar(select(func.count(StockMovement.id))) or 0,
                session.scalar(select(func.count(OutboxEvent.id))) or 0)


@pytest.fixture
def two_stores(admin: Admin, hq: HQServer, tmp_path: Path) -> Iterator[tuple[LinkedStore, LinkedStore]]:
    a = enrol_store(admin, hq, tmp_path / "a", products=200)
    b = enrol_store(admin, hq, tmp_path / "b", products=200)
    yield a, b
    for store in (a, b):
        store.server.stop()
        store.proxy.close()


def test_a_transfer_goes_from_one_store_to_another_through_hq(two_stores, admin: Admin) -> None:
    a, b = two_stores
    sender = Till(a.server, a.server.new_till(), "5001", "5555")
    receiver = Till(b.server, b.server.new_till(), "5001", "5555")
    sender.ok(sender.post("/stock/receipts", {"lines": lines((NOODLES, 20), (COLA, 10)), "supplier": "配送中心",
                                              "command_id": cid()}))
    noodles_a, cola_a = on_hand(sender, NOODLES), on_hand(sender, COLA)
    noodles_b, cola_b = on_hand(receiver, NOODLES), on_hand(receiver, COLA)

    command_id = cid()
    body = {"to_store": b.code, "lines": lines((NOODLES, 5), (COLA, 2)), "note": "补货", "command_id": command_id}
    sent = sender.ok(sender.post("/stock/transfers", body))
    assert sent["direction"] == "out" and sent["status"] == "dispatched" and sent["other_store"] == b.code
    assert sender.ok(sender.post("/stock/transfers", body)) == sent  # a retry sends it once
    assert (on_hand(sender, NOODLES), on_hand(sender, COLA)) == (noodles_a - 5, cola_a - 2)
    number = sent["transfer_no"]

    def incoming() -> dict | None:
        items = receiver.ok(receiver.get("/stock/transfers", params={"direction": "in"}))["items"]
        return next((t for t in items if t["transfer_no"] == number), None)

    arrived = eventually(incoming)
    assert arrived["status"] == "dispatched" and arrived["other_store"] == a.code
    assert {(x["quantity"], x["received"]) for x in arrived["lines"]} == {(5, None), (2, None)}

    got = receiver.ok(receiver.post(f"/stock/transfers/{number}/receive",
                                    {"lines": lines((NOODLES, 3), (NOODLES, 2), (COLA, 1)), "command_id": cid()}))
    assert got["status"] == "received"
    assert sorted((x["quantity"], x["received"]) for x in got["lines"]) == [(2, 1), (5, 5)]
    assert (on_hand(receiver, NOODLES), on_hand(receiver, COLA)) == (noodles_b + 5, cola_b + 1)
    again = receiver.post(f"/stock/transfers/{number}/receive", {"lines": lines((COLA, 1)), "command_id": cid()})
    assert again.status_code == 409 and again.json()["code"] == "transfer_closed"

    def received_at_sender() -> dict | None:
        items = sender.ok(sender.get("/stock/transfers", params={"direction": "out", "status": "received"}))["items"]
        return next((t for t in items if t["transfer_no"] == number), None)

    seen = eventually(received_at_sender)
    assert sorted((x["quantity"], x["received"]) for x in seen["lines"]) == [(2, 1), (5, 5)]
    at_hq = admin.ok(admin.get(f"/admin/transfers/{number}"))
    assert (at_hq["from_store"], at_hq["to_store"], at_hq["status"]) == (a.code, b.code, "received")
    assert number in [t["transfer_no"] for t in admin.ok(admin.get("/admin/transfers", store=b.code))["items"]]
    for store in (a, b):
        store.wait_drained()
        assert store.hq_stock() == store.store_stock()


def test_a_transfer_to_an_unknown_or_disabled_store_is_refused_and_nothing_moves(
        two_stores, admin: Admin) -> None:
    a, b = two_stores
    sender = Till(a.server, a.server.new_till(), "5001", "5555")
    admin.ok(admin.post(f"/admin/stores/{b.code}/disable"))
    try:
        before = written(a)
        for to_store in ("NOSUCHSTORE", b.code):
            answer = sender.post("/stock/transfers", {"to_store": to_store, "lines": lines((COLA, 1)),
                                                      "command_id": cid()})
            assert answer.status_code == 422 and answer.json()["code"] == "transfer_store_unknown", answer.text
        answer = sender.post("/stock/transfers", {"to_store": a.code, "lines": lines((COLA, 1)), "command_id": cid()})
        assert answer.json()["code"] == "transfer_to_self"
        answer = sender.post("/stock/transfers", {"to_store": b.code, "lines": lines(("6909999999996", 1)),
                                                  "command_id": cid()})
        assert answer.json()["code"] == "unknown_product"
        assert written(a) == before
        assert admin.ok(admin.get("/admin/transfers", store=a.code))["items"] == []
    finally:
        admin.ok(admin.post(f"/admin/stores/{b.code}/enable"))


def test_hq_sends_the_marked_price_facts_and_a_price_change_puts_the_label_on_the_list(
        two_stores, admin: Admin) -> None:
    a, _ = two_stores
    boss = Till(a.server, a.server.new_till(), "5001", "5555")
    before = boss.ok(boss.get("/labels/tag", params={"code": NOODLES}))
    product = {"sku": before["sku"], "name": before["name"], "spec": "5连包", "price": before["price"] + 100,
               "origin": "天津", "grade": "合格品", "barcodes": [{"code": NOODLES}]}
    admin.ok(admin.post("/admin/products", {"items": [product]}))

    def updated() -> dict | None:
        tag = boss.ok(boss.get("/labels/tag", params={"code": NOODLES}))
        return tag if tag["origin"] == "天津" else None

    tag = eventually(updated)
    assert (tag["grade"], tag["price"]) == ("合格品", before["price"] + 100)
    waiting = boss.ok(boss.get("/labels/pending", params={"limit": 500}))["items"]
    assert [item["reason"] for item in waiting if item["tag"]["sku"] == before["sku"]] == ["price"]
    admin.ok(admin.post("/admin/products", {"items": [{**product, "origin": None, "price": before["price"]}]}))
    eventually(lambda: boss.ok(boss.get("/labels/tag", params={"code": NOODLES}))["price"] == before["price"])
    assert boss.ok(boss.get("/labels/tag", params={"code": NOODLES}))["origin"] == "天津"  # None keeps it


def test_a_transfer_whose_answer_was_lost_is_cancelled_at_hq_and_nothing_left_the_store(
        two_stores, admin: Admin) -> None:
    a, b = two_stores
    sender = Till(a.server, a.server.new_till(), "5001", "5555")
    before_stock, before_written = on_hand(sender, NOODLES), written(a)
    a.proxy.faults.drop_response = 1.0  # HQ takes the transfer; its answer never reaches the store
    try:
        lost = sender.post("/stock/transfers", {"to_store": b.code, "lines": lines((NOODLES, 4)), "command_id": cid()})
    finally:
        a.proxy.faults.drop_response = 0.0
    assert lost.status_code == 503 and lost.json()["code"] == "hq_unreachable"
    assert on_hand(sender, NOODLES) == before_stock and written(a) == before_written

    def cancelled_at_hq() -> list[dict]:
        items = admin.ok(admin.get("/admin/transfers", store=a.code))["items"]
        return [t for t in items if t["status"] == "cancelled"]

    gone = eventually(cancelled_at_hq, timeout=90)  # the resumer undid it
    assert [t["status"] for t in admin.ok(admin.get("/admin/transfers", store=a.code))["items"]] == ["cancelled"]
    receiver = Till(b.server, b.server.new_till(), "5001", "5555")
    number = gone[0]["transfer_no"]
    eventually(lambda: all(t["status"] == "cancelled" for t in receiver.ok(receiver.get(
        "/stock/transfers", params={"direction": "in"}))["items"] if t["transfer_no"] == number))
    assert on_hand(sender, NOODLES) == before_stock
