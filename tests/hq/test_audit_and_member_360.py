"""A store's audit log reaches HQ: each entry kept once as the store chained it, the chain checked
there too; a PIN changed at a store follows the operator to every store; member 360 shows the
member's ledgers and purchases."""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from app.domain.audit_chain import GENESIS, Entry, entry_hash
from app.security import hash_pin
from harness.hq import Admin, HQServer, Store


def audit_events(store: Store, actions: list[str], tamper_at: int | None = None) -> list[dict[str, Any]]:
    prev, events = GENESIS, []
    start = datetime(2026, 12, 3, 9, 0, 0)
    for seq, action in enumerate(actions, start=1):
        entry = Entry(seq, start + timedelta(minutes=seq), "T01", "1001", "9001", action, f"ticket {seq}",
                      {"text": "6901234567892 ￥3.50", "amount": 350})
        digest = entry_hash(entry, prev)
        payload = {"seq": seq, "at": entry.at.isoformat(timespec="microseconds"), "till": "T01", "actor": "1001",
                   "approver": "9001", "action": action, "subject": entry.subject, "detail": entry.detail,
                   "prev_hash": prev, "hash": digest}
        if seq == tamper_at:
            payload["approver"] = "5001"
        events.append(store.event("audit_recorded", payload))
        prev = digest
    return events


def test_a_stores_audit_log_is_kept_once_and_its_chain_checked(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    events = audit_events(store, ["no_sale", "price_override", "void_line"])
    assert store.push(events).status_code == 200
    assert store.push(events[1:2]).status_code == 200  # sent again: kept once
    log = admin.ok(admin.get(f"/admin/stores/{store.code}/audit"))
    assert (log["intact"], log["entries"], log["broken_at"]) == (True, 3, None)
    assert [(e["seq"], e["action"], e["approver"], e["amount"]) for e in log["items"]] == [
        (3, "void_line", "9001", 350), (2, "price_override", "9001", 350), (1, "no_sale", "9001", 350)]
    assert len(admin.ok(admin.get(f"/admin/stores/{store.code}/audit", limit=1))["items"]) == 1


def test_an_entry_changed_before_it_reached_hq_shows_where_the_chain_breaks(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    assert store.push(audit_events(store, ["no_sale", "no_sale", "void_ticket", "pin_reset"], tamper_at=3)).status_code == 200
    log = admin.ok(admin.get(f"/admin/stores/{store.code}/audit"))
    assert (log["intact"], log["broken_at"]) == (False, 3)


def test_an_unreadable_audit_entry_is_parked_and_the_stream_goes_on(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    bad = store.event("audit_recorded", {"seq": "one", "at": "2026-12-03T10:00:00", "till": "T01", "actor": "1",
                                         "approver": "", "action": "no_sale", "subject": "", "detail": {},
                                         "prev_hash": GENESIS, "hash": GENESIS})
    later = store.sale(700)
    answer = store.push([bad, later])
    assert answer.status_code == 200, answer.text
    assert [p["field"] for p in answer.json()["parked"]] == ["seq"]
    assert admin.ok(admin.get(f"/admin/stores/{store.code}/audit"))["entries"] == 0
    assert admin.get("/admin/stores/NOPE/audit").json()["code"] == "unknown_store"


def test_a_pin_changed_at_one_store_goes_to_every_store(admin: Admin, hq: HQServer) -> None:
    code = f"6{random.randint(100, 999)}"
    admin.ok(admin.post("/admin/operators", {"items": [{"code": code, "name": "王芳", "role": "cashier", "pin": "2468"}]}))
    first, other = admin.new_store(), admin.new_store()
    new_hash = hash_pin("8052")
    assert first.push([first.event("pin_changed", {"operator": code, "pin_hash": new_hash,
                                                   "must_change": True})]).status_code == 200
    changes = [c for c in other.feed().json()["changes"] if c["entity"] == "operator" and c["key"] == code]
    assert changes[-1]["data"]["pin_hash"] == new_hash and changes[-1]["data"]["must_change_pin"] is True


def test_member_360_shows_the_ledgers_and_the_purchases(admin: Admin, hq: HQServer) -> None:
    phone = f"139{random.randint(10**7, 10**8 - 1)}"
    member = admin.ok(admin.post("/admin/members", {"phone": phone, "name": "李娜"}))
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    store = admin.new_store()
    topped = store.send("POST", "/loyalty/wallets/topup", json.dumps(
        {"card": card, "amount": 10_000, "ref": f"{store.code}:{uuid.uuid4().hex}"}).encode())
    assert topped.status_code == 200, topped.text
    sale = store.sale(2590)
    sale["payload"]["member_no"] = member["member_no"]
    assert store.push([sale]).status_code == 200
    view = store.send("GET", f"/loyalty/members/{member['member_no']}/360").json()
    assert view["member_no"] == member["member_no"] and view["phone"] != phone  # masked
    assert view["balance"] == 12_000 and view["cards"][0]["card_no"] == card
    assert [(m["kind"], m["principal"], m["bonus"]) for m in view["stored_value_history"]] == [("topup", 10_000, 2_000)]
    assert view["purchases"][0]["sale_id"] == sale["payload"]["sale_id"] and view["purchases"][0]["total"] == 2590
    assert view["points"] == 25 and view["points_history"][0]["reason"] == "sale"
    assert view["next_tier"] == "silver" and view["growth_to_next"] == 1000 - view["growth"]
    assert {"from": 10_000, "bonus": 2_000} in view["topup_bonus"]
    assert store.send("GET", "/loyalty/members/NOSUCH/360").json()["code"] == "member_not_found"
    assert admin.ok(admin.get(f"/admin/members/{member['member_no']}/360"))["member_no"] == member["member_no"]
