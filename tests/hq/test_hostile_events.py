"""Hostile events at HQ's door: whatever a store's payload holds, HQ answers with a code — never a
500 — and an event it cannot apply is parked, visibly, while the store's stream flows on past it."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from app.domain import limits
from app.hq.models import Coupon, Member, ParkedEvent, PointsEntry, Sale, Store, StoreStock
from harness.hq import Admin, HQServer
from harness.hq import Store as StoreClient


def sale_with(store: StoreClient, **changes: Any) -> dict[str, Any]:
    """The next sale of ``store`` with some of its payload's fields set (``None`` removes one)."""
    event = store.sale(1990)
    for key, value in changes.items():
        if value is None:
            event["payload"].pop(key, None)
        else:
            event["payload"][key] = value
    return event


def push_raw(store: StoreClient, events: list[dict[str, Any]]) -> Any:
    """The batch as JSON that may hold NaN (what Python's json writes for it, and pydantic reads)."""
    return store.send("POST", "/sync/events", json.dumps({"events": events}).encode())


def hq_sale_ids(hq: HQServer, store_code: str) -> set[str]:
    with hq.db() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == store_code))
        return set(session.scalars(select(Sale.sale_id).where(Sale.store_id == store_id)))


HOSTILE: list[tuple[str, dict[str, Any], str, str]] = [
    # (what, payload fields, reason, field)
    ("NUL in a line's name", {"lines": [{"sku": "A1", "name": "可乐\x00", "unit": "piece", "quantity": 1,
                                        "amount": 1990, "voided": False}]}, "event_text_invalid", "lines.0.name"),
    ("NUL in a key", {"note\x00": "x"}, "event_text_invalid", "note?"),
    ("a return reason with NUL", {"reason": "坏了\x00\x00"}, "event_text_invalid", "reason"),
    ("NaN as the total", {"total": float("nan")}, "event_text_invalid", "total"),
    ("Infinity in a line", {"lines": [{"amount": float("inf")}]}, "event_text_invalid", "lines.0.amount"),
    ("ESC in the sale id", {"sale_id": "T01-\x1bp0"}, "event_field_invalid", "sale_id"),
    ("a till code longer than HQ's column", {"till": "T" * 17}, "event_field_invalid", "till"),
    ("a sale id longer than its limit", {"sale_id": "S" * 65}, "event_field_invalid", "sale_id"),
    ("a member number longer than HQ's column", {"member_no": "8" * 21}, "event_field_invalid", "member_no"),
    ("a tender method longer than HQ's column", {"tenders": [{"method": "m" * 17, "amount": 1990}]},
     "event_field_invalid", "tenders.0.method"),
    ("a total beyond bigint", {"total": 2**70}, "event_field_invalid", "total"),
    ("change beyond int4", {"change": limits.INT4_MAX + 1}, "event_field_invalid", "change"),
    ("rounding beyond int4", {"rounding": -(2**40)}, "event_field_invalid", "rounding"),
    ("an item count beyond int4", {"item_count": 2**31}, "event_field_invalid", "item_count"),
    ("quantities summing beyond int4", {"item_count": None, "lines": [
        {"sku": "A1", "unit": "piece", "quantity": 2**31 - 1}, {"sku": "A2", "unit": "piece", "quantity": 5}]},
     "event_field_invalid", "item_count"),
    ("more lines than a ticket holds", {"lines": [{"sku": "A1", "unit": "piece", "quantity": 1}] * 501},
     "event_field_invalid", "lines"),
    ("a tender amount beyond the limit", {"tenders": [{"method": "cash", "amount": 10**15}]},
     "event_field_invalid", "tenders.0.amount"),
    ("a string for the total", {"total": "1990"}, "event_field_invalid", "total"),
    ("true for the change", {"change": True}, "event_field_invalid", "change"),
    ("tenders as an object", {"tenders": {"cash": 1990}}, "event_field_invalid", "tenders"),
    ("a tender that is not an object", {"tenders": [["cash", 1990]]}, "event_field_invalid", "tenders"),
    ("lines as a string", {"lines": "many"}, "event_field_invalid", "lines"),
    ("no sale id", {"sale_id": None}, "event_field_invalid", "sale_id"),
    ("a number for the completion time", {"completed_at": 20310315}, "event_field_invalid", "completed_at"),
]


@pytest.mark.parametrize(("what", "fields", "reason", "field"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_a_hostile_sale_is_parked_and_the_next_sale_still_arrives(
        hq: HQServer, store: StoreClient, what: str, fields: dict[str, Any], reason: str, field: str) -> None:
    hostile, good = sale_with(store, **fields), store.sale(350)
    response = push_raw(store, [hostile, good])
    assert response.status_code == 200, response.text
    assert response.json()["last_seq"] == good["seq"]
    assert response.json()["parked"] == [{"event_id": hostile["event_id"], "seq": hostile["seq"],
                                          "reason": reason, "field": field}]
    assert hq_sale_ids(hq, store.code) == {good["payload"]["sale_id"]}
    again = push_raw(store, [hostile, good])  # the ack was lost: the store sends the batch again
    assert again.status_code == 200 and again.json() == response.json()
    following = store.sale(500)
    assert store.push([following]).json() == {"acked": [following["event_id"]], "last_seq": following["seq"],
                                              "parked": []}


def test_a_loyalty_step_hq_cannot_read_is_the_managers_conflict_and_the_sale_still_counts(
        admin: Admin, hq: HQServer, store: StoreClient) -> None:
    """A coupon code or a card HQ cannot read stops only its own step (kept for the store's manager,
    as a step HQ cannot take is): the money was taken, so the sale counts."""
    junk_coupons = sale_with(store, coupons=[{"code": [[["P001"]]]}, {"code": "C" * 33}, "not an object"])
    bad_card = sale_with(store, lines=[{"sku": "GC", "unit": "piece", "quantity": 1, "amount": "100",
                                        "card_no": "6200\x07", "voided": False}])
    bad_return = {**store.sale(-350), "kind": "sale_returned"}
    bad_return["payload"]["refunds"] = [{"card": "6200001", "spend_ref": "r" * 65, "amount": 350, "ref": "x"}]
    bad_void = store.event("ticket_voided", {"ticket": 7, "coupons": [{"code": "P1"}], "refunds": "all"})
    response = store.push([junk_coupons, bad_card, bad_return, bad_void])
    assert response.status_code == 200, response.text
    assert response.json()["parked"] == []
    assert hq_sale_ids(hq, store.code) == {e["payload"]["sale_id"] for e in (junk_coupons, bad_card, bad_return)}
    found = admin.ok(admin.get("/reports/loyalty-conflicts", store=store.code))["items"]
    assert sorted((c["event_id"], c["action"], c["subject"], c["reason"]) for c in found) == sorted([
        (junk_coupons["event_id"], "commit", '[[["P001"]]]', "invalid_request"),
        (junk_coupons["event_id"], "commit", "C" * 33, "invalid_request"),
        (bad_card["event_id"], "activate", "6200?", "invalid_request"),
        (bad_return["event_id"], "refund", "6200001", "invalid_request"),
        (bad_void["event_id"], "release", '{"code": "P1"}', "invalid_request"),
        (bad_void["event_id"], "refund", "", "invalid_request")])


def test_a_hostile_stock_move_is_parked_and_moves_nothing(hq: HQServer, store: StoreClient) -> None:
    stock = store.event("stock_moved", {"reason": "receive", "lines": [{"sku": "S-1", "delta": 5}]})
    bad_stock = store.event("stock_moved", {"reason": "count", "lines": [
        {"sku": "S-1", "delta": 3}, {"sku": "S-2", "delta": limits.MAX_STOCK_DELTA + 1}]})
    bad_sku = store.event("stock_moved", {"reason": "count", "lines": [{"sku": "S-1\x1b", "delta": 3}]})
    good = store.sale(120)
    response = store.push([stock, bad_stock, bad_sku, good])
    assert response.status_code == 200, response.text
    assert [(p["seq"], p["reason"], p["field"]) for p in response.json()["parked"]] == [
        (bad_stock["seq"], "event_field_invalid", "lines.1.delta"),
        (bad_sku["seq"], "event_field_invalid", "lines.0.sku")]
    with hq.db() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == store.code))
        on_hand = dict(session.execute(select(StoreStock.sku, StoreStock.quantity)
                                       .where(StoreStock.store_id == store_id)).all())
    assert on_hand == {"S-1": 5}  # the parked count moved neither SKU
    assert hq_sale_ids(hq, store.code) == {good["payload"]["sale_id"]}


def test_a_batch_the_database_refuses_is_applied_event_by_event_and_the_refused_one_parked(
        hq: HQServer, store: StoreClient) -> None:
    """Python's checks pass, PostgreSQL still says no (a stock level at the end of bigint): the
    batch falls back to one event at a time, and only that event is parked."""
    with hq.db() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == store.code))
        session.add(StoreStock(store_id=store_id, sku="FULL", quantity=limits.INT8_MAX - 1,
                               updated_at=datetime.now(UTC)))
        session.commit()
    first, overflow, last = store.sale(100), store.event("stock_moved", {"lines": [{"sku": "FULL", "delta": 5}]}), \
        store.sale(200)
    response = store.push([first, overflow, last])
    assert response.status_code == 200, response.text
    [parked] = response.json()["parked"]
    assert (parked["seq"], parked["reason"]) == (overflow["seq"], "event_not_applicable")
    assert "NumericValueOutOfRange" in parked["field"]
    assert hq_sale_ids(hq, store.code) == {first["payload"]["sale_id"], last["payload"]["sale_id"]}
    assert response.json()["last_seq"] == last["seq"]


def test_a_parked_sale_leaves_its_coupon_reserved_and_earns_no_points(
        admin: Admin, hq: HQServer, store: StoreClient) -> None:
    """Loyalty never half-applies: the sale's coupon commit ran before its points step failed in
    the database, and is undone with the rest of the event."""
    member = admin.ok(admin.post("/admin/members", {"phone": "137" + f"{uuid.uuid4().int % 10**8:08d}"}))
    template = "H" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "满10减1", "kind": "cash",
                                                     "value": 100}))
    now = datetime.now(UTC)
    [code] = admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "测试", "count": 1, "valid_from": (now - timedelta(days=1)).isoformat(),
        "valid_to": (now + timedelta(days=1)).isoformat()}))["codes"]
    reserve = store.send("POST", "/loyalty/coupons/reserve", json.dumps(
        {"code": code, "ref": f"{store.code}:77", "subtotal": 1990}).encode())
    assert reserve.status_code == 200, reserve.text
    with hq.db() as session:  # one more point would not fit
        session.execute(update(Member).where(Member.member_no == member["member_no"])
                        .values(points=limits.INT8_MAX - 1))
        session.commit()
    sale = sale_with(store, id=77, member_no=member["member_no"], coupons=[{"code": code}])
    good = store.sale(300)
    response = store.push([sale, good])
    assert response.status_code == 200, response.text
    assert [(p["seq"], p["reason"]) for p in response.json()["parked"]] == [(sale["seq"], "event_not_applicable")]
    with hq.db() as session:
        coupon = session.get(Coupon, code)
        assert coupon is not None and coupon.state == "reserved"
        member_id = session.scalar(select(Member.id).where(Member.member_no == member["member_no"]))
        assert session.scalar(select(func.count()).select_from(PointsEntry)
                              .where(PointsEntry.member_id == member_id)) == 0
    assert hq_sale_ids(hq, store.code) == {good["payload"]["sale_id"]}


def test_sync_health_lists_each_stores_parked_events_with_the_reason(admin: Admin, store: StoreClient) -> None:
    hostile = sale_with(store, total="lots")
    store.push([hostile, store.sale(100)])
    mine = next(s for s in admin.ok(admin.get("/reports/sync-health"))["stores"] if s["store"] == store.code)
    assert mine["last_seq"] == 2
    assert mine["parked"]["count"] == 1
    [event] = mine["parked"]["events"]
    assert (event["event_id"], event["seq"], event["kind"], event["reason"], event["field"]) == (
        hostile["event_id"], 1, "sale_completed", "event_field_invalid", "total")


def test_envelopes_with_control_characters_are_refused_whole_with_a_code(hq: HQServer, store: StoreClient) -> None:
    """The envelope is the store's own making (a uuid, its seq, its clock): a bad one is not an
    event to park but a batch to refuse, with a code and nothing written."""
    bad_id = {**store.event(), "event_id": "abc\x00def"}
    response = store.push([bad_id])
    assert response.status_code == 422 and response.json()["code"] == "invalid_text"
    assert response.json()["params"]["field"] == "events.0.event_id"
    with hq.db() as session:
        assert session.scalar(select(func.count()).select_from(ParkedEvent).join(Store).where(
            Store.code == store.code)) == 0


JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40)
    | st.sampled_from(["\x00", "T01\x1b", "x" * 100, "", "2031-03-15T10:15:00"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
SALE_FIELDS = ["sale_id", "till", "completed_at", "tenders", "change", "lines", "item_count", "total", "rounding",
               "member_no", "coupons", "id"]
RETURN_FIELDS = [*SALE_FIELDS, "refunds", "points_refunds", "restore_coupons", "original_sale", "whole"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["sale_completed", "sale_returned", "ticket_voided", "stock_moved"]),
       junk=st.dictionaries(st.sampled_from([*RETURN_FIELDS, "ticket", "lines"]), JUNK, min_size=1, max_size=4))
def test_no_payload_stops_the_stream(hq: HQServer, admin: Admin, kind: str, junk: dict[str, Any]) -> None:
    store = admin.new_store()
    hostile = store.sale(990) if kind.startswith("sale") else store.event(kind, {"ticket": 1, "lines": []})
    hostile["kind"] = kind
    hostile["payload"].update(junk)
    good = store.sale(350)
    response = push_raw(store, [hostile, good])
    assert response.status_code == 200, response.text
    assert response.json()["last_seq"] == 2
    assert good["payload"]["sale_id"] in hq_sale_ids(hq, store.code)
    assert all(set(p) == {"event_id", "seq", "reason", "field"} for p in response.json()["parked"])


def test_the_demo_hq_on_sqlite_parks_the_same_way(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The demo's HQ runs on SQLite (no COPY): its events are read and parked alike."""
    from app.hq import clock, ingest
    from app.hq.engine import make_hq_engine, make_hq_sessions
    from app.hq.migrate import upgrade

    engine = make_hq_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    upgrade(engine)
    sessions = make_hq_sessions(engine)
    with sessions() as session:
        store = Store(code="DEMO", name="示范店", group="华东", created_at=clock.now())
        session.add(store)
        session.commit()
        store_id = store.id
    client = StoreClient(None, "DEMO", "", "华东")  # type: ignore[arg-type]  # only its events are used
    nul, good, big = sale_with(client, reason="坏\x00"), client.sale(350), sale_with(client, change=2**40)
    events = [ingest.IncomingEvent(e["event_id"], e["seq"], e["kind"], e["payload"], e["created_at"])
              for e in (nul, good, big)]
    with sessions() as session:
        result = ingest.ingest(session, store_id, events)
        session.commit()
    assert [(p.seq, p.reason, p.field) for p in result.parked] == [
        (1, "event_text_invalid", "reason"), (3, "event_field_invalid", "change")]
    with sessions() as session:
        assert set(session.scalars(select(Sale.sale_id))) == {good["payload"]["sale_id"]}
        assert session.scalar(select(Store.last_seq).where(Store.id == store_id)) == 3
        again = ingest.ingest(session, store_id, events)  # delivered again: acked, the parked named again
        assert again.parked == result.parked
    engine.dispose()


def test_coupons_are_committed_and_released_by_the_reservation_ref_the_store_kept(
        admin: Admin, hq: HQServer, store: StoreClient) -> None:
    template = "R" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "立减1元", "kind": "cash", "value": 100}))
    now = datetime.now(UTC)
    sold, voided, removed = admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "测试", "count": 3, "valid_from": (now - timedelta(days=1)).isoformat(),
        "valid_to": (now + timedelta(days=1)).isoformat()}))["codes"]
    for code, ref in ((sold, "R-1"), (voided, "R-2"), (removed, "R-3")):
        reserve = store.send("POST", "/loyalty/coupons/reserve",
                             json.dumps({"code": code, "ref": ref, "subtotal": 1990}).encode())
        assert reserve.status_code == 200, reserve.text
    events = [sale_with(store, coupons=[{"code": sold, "ref": "R-1"}]),
              store.event("ticket_voided", {"ticket": 9, "coupons": [voided],
                                            "coupon_refs": [{"code": voided, "ref": "R-2"}]}),
              store.event("coupon_removed", {"code": removed, "ref": "R-3"})]
    response = store.push(events)
    assert response.status_code == 200 and response.json()["parked"] == [], response.text
    with hq.db() as session:
        assert [session.get(Coupon, c).state for c in (sold, voided, removed)] == ["redeemed", "issued", "issued"]
