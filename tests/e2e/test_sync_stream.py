"""A store's stream to HQ nothing can stop, and a status that never hides a push going nowhere:
real processes — HQ on PostgreSQL, an enrolled store server, the till window — throughout."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import delete, select  # noqa: E402

from app.domain import limits  # noqa: E402
from harness.chain import (
    LinkedStore,
    open_till,
    sell_cola,  # noqa: E402
)
from harness.hq import Admin  # noqa: E402
from harness.store import COLA
from tests.ui.conftest import WAIT_MS, log_in, till_window  # noqa: E402


def wait_for(what: str, check: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_hostile_events_in_the_outbox_are_parked_and_every_later_sale_reaches_hq(
        linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    store.proxy.cut()  # the bad events and the sales after them wait in the outbox together
    first_sale, first_total = sell_cola(till)
    from app.db.models import OutboxEvent
    from app.outbox import record_event

    with store.server.db() as session:  # what an older store version let through, between real sales
        sold = session.scalar(select(OutboxEvent).where(OutboxEvent.kind == "sale_completed")
                              .order_by(OutboxEvent.id.desc()).limit(1))
        assert sold is not None
        with_nul = copy.deepcopy(sold.payload)
        with_nul["sale_id"], with_nul["lines"][0]["name"] = "OLD-20261201-0001", "可口可乐\x00330ml"
        nul_event = record_event(session, "sale_completed", with_nul).event_id
        # three of the largest cash tenders for a cola: change beyond the int4 HQ keeps it in
        overpaid = copy.deepcopy(sold.payload)
        overpaid["sale_id"], overpaid["paid"] = "OLD-20261201-0002", 3 * limits.MAX_AMOUNT
        overpaid["tenders"] = [{"method": "cash", "amount": limits.MAX_AMOUNT}] * 3
        overpaid["change"] = 3 * limits.MAX_AMOUNT - overpaid["total"]
        big_event = record_event(session, "sale_completed", overpaid).event_id
        session.commit()
    acknowledged = {first_sale: first_total, **dict(sell_cola(till) for _ in range(12))}
    store.proxy.restore()

    store.wait_drained()
    assert dict(store.hq_sales()) == acknowledged  # every normal sale, each once; the parked ones not
    assert store.hq_event_seqs() == list(range(1, store.outbox_count() + 1))  # the stream went past them
    assert store.hq_stock() == store.store_stock()
    health = next(s for s in admin.ok(admin.get("/reports/sync-health"))["stores"] if s["store"] == store.code)
    assert health["parked"]["count"] == 2
    assert sorted((e["event_id"], e["reason"], e["field"]) for e in health["parked"]["events"]) == sorted([
        (nul_event, "event_text_invalid", "lines.0.name"), (big_event, "event_field_invalid", "change")])

    stuck = {item["event_id"]: item for item in till.ok(till.get("/sync/stuck"))["items"]}
    assert set(stuck) == {nul_event, big_event} and all(item["parked"] for item in stuck.values())
    assert stuck[big_event]["reason"] == "event_field_invalid"
    assert stuck[big_event]["last_error"] == "总部读不了此事件的 change：已搁置，其余照常上传"
    english = till.ok(till.get("/sync/stuck", headers={"Accept-Language": "en"}))["items"]
    assert "set aside, the rest uploads as usual" in english[0]["last_error"]
    status = till.ok(till.get("/sync/status"))
    assert (status["stuck"], status["backlog"], status["last_error"], status["online"]) == (False, 0, None, True)


def test_an_upload_hq_keeps_refusing_is_reported_stuck_and_turns_the_till_red(
        qtbot, linked_store: LinkedStore, admin: Admin) -> None:
    from app.db.models import OutboxEvent
    from app.hq.models import Event, Store

    store, hq = linked_store, linked_store.hq
    till = open_till(store)
    store.wait_drained()  # nothing in flight: no ack can be lost when the link goes
    store.proxy.cut()
    sell_cola(till)
    with store.server.db() as session:
        head = session.scalar(select(OutboxEvent.event_id).where(OutboxEvent.delivered_at.is_(None))
                              .order_by(OutboxEvent.id).limit(1))
    # HQ already holds that event id for another store: every batch it heads is refused (409).
    other = admin.new_store()
    with hq.db() as session:
        other_id = session.scalar(select(Store.id).where(Store.code == other.code))
        session.add(Event(store_id=other_id, seq=1, event_id=head, kind="shift_opened", payload={},
                          created_at="2026-12-01T09:00:00", content_hash="0" * 64, received_at=datetime.now(UTC)))
        session.commit()
    store.proxy.restore()

    status = wait_for("the push was never reported stuck",
                      lambda: (s := till.ok(till.get("/sync/status")))["stuck"] and s)
    assert status["online"] is True and status["backlog"] >= 1 and status["refusals"] >= 3
    assert "event_conflict" in status["last_error"] and "event_conflict" in status["push_error"]
    assert status["oldest_pending_seconds"] >= 0

    # The feed flows meanwhile — and its success does not hide the push's failure.
    admin.ok(admin.post("/admin/products", {"items": [
        {"sku": "HQ-COLA", "name": "可口可乐 330ml（总部价）", "price": 390, "barcodes": [{"code": COLA}]}]}))
    wait_for("the price change did not reach the till",
             lambda: till.ok(till.get("/products/lookup", params={"code": COLA}))["price"] == 390, timeout=20)
    status = till.ok(till.get("/sync/status"))
    assert status["stuck"] is True and "event_conflict" in status["last_error"]

    with till_window(qtbot, store.server.url, store.server.new_till(), printer_sink=lambda _data: None) as win:
        log_in(qtbot, win)
        win.poll_sync(when_idle=False)
        qtbot.waitUntil(lambda: win.sync_button.property("state") == "stuck", timeout=WAIT_MS)
        assert win.sync_button.isVisible() and "上传卡住" in win.sync_button.text()
        assert "卡住" in win.sync_button.toolTip() and "event_conflict" in win.sync_button.toolTip()
        # HQ set right: the upload goes through, and the status is honest again.
        with hq.db() as session:
            session.execute(delete(Event).where(Event.store_id == other_id, Event.event_id == head))
            session.commit()
        store.wait_drained()
        status = wait_for("the status did not recover", lambda: (s := till.ok(till.get("/sync/status")))["stuck"]
                          is False and s["last_error"] is None and s)
        assert status["online"] is True and status["oldest_pending_seconds"] is None
        win.poll_sync(when_idle=False)
        qtbot.waitUntil(lambda: win.sync_button.property("state") == "ok", timeout=WAIT_MS)
