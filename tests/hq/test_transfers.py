"""调拨 at HQ through its signed routes and the stores' events: a transfer is kept once per number,
reaches the receiver's feed (and only the two stores'), is received by the receiver's event —
never by another store's — and may be cancelled by its sender until then. Bad input is coded."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select

from app.hq.models import ParkedEvent, Store, Transfer
from harness.hq import Admin, HQServer
from harness.hq import Store as StoreClient


def send(store: StoreClient, path: str, body: dict[str, Any]) -> Any:
    return store.send("POST", path, json.dumps(body, ensure_ascii=False).encode())


def transfer(sender: StoreClient, to: str, **changes: Any) -> dict[str, Any]:
    return {"transfer_no": f"{sender.code}-{uuid.uuid4().hex[:10].upper()}", "to_store": to, "note": "补货",
            "lines": [{"sku": "A0000003", "name": "康师傅 红烧牛肉面 5连包", "unit": "piece", "quantity": 6}],
            **changes}


def feed_transfers(store: StoreClient) -> list[dict[str, Any]]:
    changes = store.feed().json()["changes"]
    return [c["data"] for c in changes if c["entity"] == "transfer"]


def received(store: StoreClient, number: str, lines: list[tuple[str, int, int]]) -> dict[str, Any]:
    return store.event("transfer_received", {"transfer_no": number, "lines": [
        {"sku": sku, "sent": sent, "received": got} for sku, sent, got in lines]})


def test_a_transfer_reaches_the_receiver_and_its_receipt_reaches_the_sender(admin: Admin) -> None:
    a, b, c = admin.new_store(), admin.new_store(), admin.new_store()
    body = transfer(a, b.code)
    kept = send(a, "/transfers", body)
    assert kept.status_code == 200, kept.text
    assert send(a, "/transfers", body).json() == kept.json()  # the same number again: kept once
    number = body["transfer_no"]
    assert [t["status"] for t in feed_transfers(b) if t["transfer_no"] == number] == ["dispatched"]
    assert all(t["transfer_no"] != number for t in feed_transfers(c))  # a third store never sees it

    stranger = c.push([received(c, number, [("A0000003", 6, 6)])])
    assert stranger.status_code == 200 and stranger.json()["parked"][0]["reason"] == "event_not_applicable"
    ack = b.push([received(b, number, [("A0000003", 6, 5), ("A0000009", 0, 1)])])
    assert ack.status_code == 200 and ack.json()["parked"] == []
    at_hq = admin.ok(admin.get(f"/admin/transfers/{number}"))
    assert at_hq["status"] == "received"
    assert [(x["sku"], x["quantity"], x["received"]) for x in at_hq["lines"]] == [("A0000003", 6, 5),
                                                                                  ("A0000009", 0, 1)]
    assert [t["status"] for t in feed_transfers(a) if t["transfer_no"] == number][-1] == "received"
    late = send(a, "/transfers/cancel", {"transfer_no": number})
    assert late.status_code == 409 and late.json()["code"] == "transfer_closed"


def test_a_sender_may_cancel_until_it_is_received(admin: Admin) -> None:
    a, b = admin.new_store(), admin.new_store()
    body = transfer(a, b.code)
    assert send(a, "/transfers", body).status_code == 200
    assert send(b, "/transfers/cancel", {"transfer_no": body["transfer_no"]}).json()["code"] == "transfer_not_found"
    cancelled = send(a, "/transfers/cancel", {"transfer_no": body["transfer_no"]})
    assert cancelled.json()["status"] == "cancelled"
    assert send(a, "/transfers/cancel", {"transfer_no": body["transfer_no"]}).json()["status"] == "cancelled"
    assert feed_transfers(b)[-1]["status"] == "cancelled"
    late = b.push([received(b, body["transfer_no"], [("A0000003", 6, 6)])])
    assert late.json()["parked"][0]["reason"] == "event_not_applicable"


def test_bad_transfers_are_refused_with_a_code_and_nothing_is_kept(admin: Admin, hq: HQServer) -> None:
    a, b = admin.new_store(), admin.new_store()
    admin.ok(admin.post(f"/admin/stores/{b.code}/disable"))
    cases = [
        (transfer(a, "NOSUCH"), 422, "transfer_store_unknown"),
        (transfer(a, b.code), 422, "transfer_store_unknown"),
        (transfer(a, a.code), 422, "transfer_to_self"),
        (transfer(a, "X", lines=[]), 422, "invalid_request"),
        (transfer(a, "X", lines=[{"sku": "A1", "quantity": -2}]), 422, "invalid_quantity"),
        (transfer(a, "X", transfer_no="N\x00"), 422, "invalid_text"),
    ]
    admin.ok(admin.post("/admin/stores", {"code": "X" + a.code[1:], "name": "x", "group": "华东"}))
    for body, status, code in cases:
        if body["to_store"] == "X":
            body["to_store"] = "X" + a.code[1:]
        answer = send(a, "/transfers", body)
        assert (answer.status_code, answer.json()["code"]) == (status, code), answer.text
    with hq.db() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == a.code))
        assert session.scalars(select(Transfer).where(Transfer.from_store_id == store_id)).all() == []
        assert session.scalars(select(ParkedEvent).where(ParkedEvent.store_id == store_id)).all() == []
    admin.ok(admin.post(f"/admin/stores/{b.code}/enable"))
