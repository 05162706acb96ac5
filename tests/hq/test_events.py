"""Events up: in seq order, at least once from the store, exactly once at HQ, all of a batch or none."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from app.hq.models import Event, Sale, SaleTender, Store
from harness.hq import Admin, HQServer
from harness.hq import Store as StoreClient


def counts(hq: HQServer, store_code: str) -> tuple[int, int, int, int]:
    """(events, sales, tender rows, last_seq) HQ holds for the store."""
    with hq.db() as session:
        store = session.scalar(select(Store).where(Store.code == store_code))
        assert store is not None
        events = session.scalar(select(func.count()).select_from(Event).where(Event.store_id == store.id))
        sales = session.scalar(select(func.count()).select_from(Sale).where(Sale.store_id == store.id))
        tenders = session.scalar(select(func.count()).select_from(SaleTender).where(SaleTender.store_id == store.id))
        return int(events or 0), int(sales or 0), int(tenders or 0), store.last_seq


def test_a_batch_is_acked_and_its_sales_materialised(hq: HQServer, store: StoreClient) -> None:
    batch = [store.event("shift_opened"), store.sale(2000, [("cash", 1000), ("wechat", 1000)]),
             store.sale(350), store.event("ticket_voided"), store.event("shift_closed")]
    response = store.push(batch)
    assert response.status_code == 200, response.text
    assert response.json() == {"acked": [e["event_id"] for e in batch], "last_seq": 5, "parked": []}
    assert counts(hq, store.code) == (5, 2, 3, 5)
    with hq.db() as session:
        sale = session.scalar(select(Sale).where(Sale.sale_id == batch[1]["payload"]["sale_id"]))
        assert sale is not None and sale.total == 2000 and sale.item_count == 2 and sale.till == "T01"
        assert sale.business_day.isoformat() == "2031-03-15"


def test_a_batch_sent_again_is_acked_again_and_changes_nothing(hq: HQServer, store: StoreClient) -> None:
    batch = [store.sale(100), store.sale(200)]
    first = store.push(batch).json()
    again = store.push(batch)
    assert again.status_code == 200 and again.json() == first
    # the retry may overlap the next batch: the old part is acked, the new part accepted
    overlap = store.push(batch[1:] + [store.sale(300)])
    assert overlap.status_code == 200 and overlap.json()["last_seq"] == 3
    assert counts(hq, store.code) == (3, 3, 3, 3)


def test_a_gap_in_seq_is_refused_with_the_seq_expected(hq: HQServer, store: StoreClient) -> None:
    store.push([store.event()])
    skipped = store.push([store.event(seq=3)])
    assert skipped.status_code == 409
    assert skipped.json()["code"] == "sequence_gap" and skipped.json()["expected"] == 2
    assert counts(hq, store.code) == (1, 0, 0, 1)


def test_a_reordered_batch_is_refused_and_nothing_is_written(hq: HQServer, store: StoreClient) -> None:
    a, b = store.event(), store.event()
    response = store.push([b, a])
    assert response.status_code == 409 and response.json()["code"] == "sequence_gap"
    assert response.json()["expected"] == 1
    assert counts(hq, store.code) == (0, 0, 0, 0)
    assert store.push([a, b]).json()["last_seq"] == 2


def test_an_event_id_resent_with_other_content_is_a_conflict_and_the_batch_is_refused(
        hq: HQServer, store: StoreClient) -> None:
    sale = store.sale(1000)
    store.push([sale])
    changed: dict[str, Any] = json.loads(json.dumps(sale))
    changed["payload"]["total"] = 1
    fresh = store.event()
    response = store.push([changed, fresh])
    assert response.status_code == 409
    assert response.json()["code"] == "event_conflict" and response.json()["event_id"] == sale["event_id"]
    assert counts(hq, store.code) == (1, 1, 1, 1)


def test_a_new_event_claiming_a_seq_already_held_is_a_conflict(hq: HQServer, store: StoreClient) -> None:
    store.push([store.event()])
    impostor = store.event(seq=1)
    response = store.push([impostor])
    assert response.status_code == 409 and response.json()["event_id"] == impostor["event_id"]


def test_another_stores_event_id_is_a_conflict(hq: HQServer, admin: Any, store: StoreClient) -> None:
    other = admin.new_store()
    event = store.event()
    store.push([event])
    stolen = {**event, "seq": 1}
    response = other.push([stolen])
    assert response.status_code == 409 and response.json()["code"] == "event_conflict"
    assert counts(hq, other.code) == (0, 0, 0, 0)


def test_an_oversized_batch_is_refused(hq: HQServer, store: StoreClient) -> None:
    many = [store.event() for _ in range(501)]
    response = store.push(many)
    assert response.status_code == 413 and response.json()["code"] == "batch_too_large"
    assert response.json()["max_events"] == 500
    store.seq = 0
    heavy = [store.event(payload={"blob": "x" * 500_000}) for _ in range(5)]
    response = store.push(heavy)
    assert response.status_code == 413 and response.json()["code"] == "batch_too_large"
    assert counts(hq, store.code) == (0, 0, 0, 0)


def test_malformed_envelopes_are_refused_and_nothing_is_written(hq: HQServer, store: StoreClient) -> None:
    good = store.event()
    missing_seq = {k: v for k, v in store.event().items() if k != "seq"}
    response = store.push([good, missing_seq])
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"
    assert "seq" in response.json()["message"]
    bad_time = {**store.event(), "seq": 2, "created_at": "yesterday-ish"}
    assert store.push([good, bad_time]).status_code == 422
    too_long_id = {**store.event(), "seq": 2, "event_id": "x" * 65}
    assert store.push([good, too_long_id]).status_code == 422
    not_json = store.send("POST", "/sync/events", b"{not json")
    assert not_json.status_code == 400 and not_json.json()["code"] == "invalid_json"
    assert counts(hq, store.code) == (0, 0, 0, 0)


def test_a_sale_sent_again_under_a_new_event_id_is_counted_once(hq: HQServer, store: StoreClient) -> None:
    sale = store.sale(777)
    copy = {**store.event(), "kind": "sale_completed", "payload": sale["payload"]}
    assert store.push([sale, copy]).status_code == 200
    assert counts(hq, store.code) == (2, 1, 1, 2)


def test_stores_push_concurrently_without_mixing_up(hq: HQServer, admin: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    stores = [admin.new_store() for _ in range(4)]

    def push_all(s: StoreClient) -> int:
        last = 0
        for _ in range(5):
            response = s.push([s.sale(100) for _ in range(20)])
            assert response.status_code == 200, response.text
            last = response.json()["last_seq"]
        return last

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(push_all, stores)) == [100] * 4
    for s in stores:
        assert counts(hq, s.code) == (100, 100, 100, 100)


def test_stock_moved_events_keep_hqs_view_of_store_stock(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    moves = [store.event("stock_moved", {"reason": "receive", "ref": "A-17", "till": "T01",
                                         "lines": [{"sku": "S-WATER", "delta": 24}, {"sku": "S-COLA", "delta": 12}]}),
             store.event("stock_moved", {"reason": "sale", "ref": "T01-1", "till": "T01",
                                         "lines": [{"sku": "S-WATER", "delta": -3}]})]
    assert store.push(moves).status_code == 200
    assert store.push(moves).status_code == 200  # delivered again: acked, not counted again
    channel = hq.admin(admin.ok(admin.post("/admin/api-keys", {"name": "小程序", "scopes": ["catalog:read"]}))["key"])
    body = channel.ok(channel.get("/open/stock", store=store.code))
    assert [(i["sku"], i["on_hand"]) for i in body["items"]] == [("S-COLA", 12), ("S-WATER", 21)]
    one = channel.ok(channel.get("/open/stock", store=store.code, sku="S-WATER"))
    assert [i["on_hand"] for i in one["items"]] == [21]
    bad = store.push([store.event("stock_moved", {"reason": "sale", "lines": [{"sku": "S-COLA", "delta": "lots"}]})])
    assert bad.status_code == 200  # parked: it keeps its seq, and moves nothing
    assert [(p["reason"], p["field"]) for p in bad.json()["parked"]] == [("event_field_invalid", "lines.0.delta")]
    assert channel.ok(channel.get("/open/stock", store=store.code, sku="S-COLA"))["items"][0]["on_hand"] == 12
    assert channel.get("/open/stock", store="NOPE").json()["code"] == "store_not_found"
