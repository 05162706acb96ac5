"""人员 and 审计 on a store server of its own: the manager locks, unlocks and resets operators'
PINs, an operator chooses their own PIN, and every override, no-sale, price change, void and PIN
reset lands in the hash-chained audit log — which names the first entry edited behind its back."""

from __future__ import annotations

import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app.db.models import AuditEntry, Operator, OutboxEvent
from harness.processes import OMNISTORE, ROOT
from harness.store import COLA, NOODLES, StoreServer, Till, make_store_server

MANAGER = {"operator": "9001", "pin": "9999"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    server = make_store_server(tmp_path_factory.mktemp("bo-people-store"), products=200)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def boss(store: StoreServer) -> Till:
    return Till(store, store.new_till(), operator="9001", pin="9999")


def cid() -> str:
    return uuid.uuid4().hex


def login(store: StoreServer, code: str, pin: str) -> requests.Response:
    return requests.post(store.api + "/session", json={"till": "T01", "operator": code, "pin": pin}, timeout=10)


def audit_count(store: StoreServer) -> int:
    with store.db() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def entries(boss: Till, **query: Any) -> list[dict[str, Any]]:
    return boss.ok(boss.get("/audit", params=query))["items"]


# ---- 人员 ---------------------------------------------------------------------------------------


def test_a_cashier_sees_neither_the_staff_nor_the_audit_log(store: StoreServer) -> None:
    cashier = Till(store, store.new_till())
    for path in ("/operators", "/audit", "/audit/verify", "/audit/export", "/operators/1001/logins"):
        answer = cashier.get(path)
        assert (answer.status_code, answer.json()["code"]) == (403, "forbidden"), path
    answer = cashier.post("/operators/5001/lock", {"command_id": cid()})
    assert (answer.status_code, answer.json()["code"]) == (403, "forbidden")


def test_the_manager_sees_every_operator_with_their_last_login(store: StoreServer, boss: Till) -> None:
    cashier = Till(store, store.new_till())
    staff = {o["code"]: o for o in boss.ok(boss.get("/operators"))["items"]}
    assert {"1001", "5001", "9001"} <= set(staff)
    assert staff["1001"]["role"] == "cashier" and staff["9001"]["role"] == "manager"
    assert staff["1001"]["last_login_till"] == cashier.till and staff["1001"]["logged_in"]
    assert not staff["1001"]["locked"]
    history = boss.ok(boss.get("/operators/1001/logins"))
    assert history["operator"] == "1001" and history["items"][0]["till"] == cashier.till


def test_a_locked_operator_can_not_log_in_until_unlocked(store: StoreServer, boss: Till) -> None:
    code = store.new_operator(pin="2468")
    cashier = Till(store, store.new_till(), operator=code, pin="2468")
    state = boss.ok(boss.post(f"/operators/{code}/lock", {"command_id": cid()}))
    assert state["locked"]
    refused = login(store, code, "2468")
    assert (refused.status_code, refused.json()["code"]) == (423, "operator_locked")
    assert cashier.get("/shifts/current").status_code == 401  # their till was logged out
    assert {o["code"]: o for o in boss.ok(boss.get("/operators"))["items"]}[code]["locked"]
    assert not boss.ok(boss.post(f"/operators/{code}/unlock", {"command_id": cid()}))["locked"]
    assert login(store, code, "2468").status_code == 200
    actions = [(e["action"], e["actor"], e["subject"]) for e in entries(boss, operator="9001")[:2]]
    assert actions == [("operator_unlocked", "9001", code), ("operator_locked", "9001", code)]


def test_a_reset_pin_must_be_changed_at_the_next_login_and_goes_to_hq(store: StoreServer, boss: Till) -> None:
    code = store.new_operator(pin="2468")
    boss.ok(boss.post(f"/operators/{code}/pin-reset", {"pin": "3690", "command_id": cid()}))
    assert login(store, code, "2468").status_code == 401  # the old PIN is gone
    asked = login(store, code, "3690")
    assert (asked.status_code, asked.json()["code"]) == (403, "pin_change_required")
    change = {"till": "T01", "operator": code, "pin": "3690"}
    weak = requests.post(store.api + "/session/pin", json={**change, "new_pin": "4567"}, timeout=10)
    assert (weak.status_code, weak.json()["code"]) == (422, "pin_rules")
    assert login(store, code, "3690").json()["code"] == "pin_change_required"  # nothing changed
    done = requests.post(store.api + "/session/pin", json={**change, "new_pin": "8052"}, timeout=10)
    assert done.status_code == 200 and not done.json()["pin_change_required"]
    assert login(store, code, "8052").status_code == 200
    with store.db() as session:
        sent = [e.payload for e in session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "pin_changed"))
                if e.payload["operator"] == code]
    assert [p["must_change"] for p in sent] == [True, False]
    assert all(p["pin_hash"].startswith("$argon2id$") for p in sent)
    actions = {e["action"] for e in entries(boss) if e["subject"] == code}
    assert {"pin_reset", "pin_changed"} <= actions


def test_a_cashier_changes_their_own_pin_with_the_old_one(store: StoreServer) -> None:
    code = store.new_operator(pin="2468")
    wrong = requests.post(store.api + "/session/pin", json={"till": "T01", "operator": code, "pin": "1111",
                                                             "new_pin": "8052"}, timeout=10)
    assert (wrong.status_code, wrong.json()["code"]) == (401, "bad_credentials")
    same = requests.post(store.api + "/session/pin", json={"till": "T01", "operator": code, "pin": "2468",
                                                            "new_pin": "2468"}, timeout=10)
    assert (same.status_code, same.json()["code"], same.json()["params"]["reason"]) == (422, "pin_rules", "unchanged")
    assert requests.post(store.api + "/session/pin", json={"till": "T01", "operator": code, "pin": "2468",
                                                            "new_pin": "7316"}, timeout=10).status_code == 200
    assert login(store, code, "7316").status_code == 200


def test_bad_staff_requests_are_refused_with_a_code_and_write_nothing(store: StoreServer, boss: Till) -> None:
    before = audit_count(store)
    cases = [
        (boss.post("/operators/0404/lock", {"command_id": cid()}), 404, "operator_not_found"),
        (boss.post("/operators/9001/lock", {"command_id": cid()}), 409, "operator_is_you"),
        (boss.post("/operators/1001/lock", {}), 422, "invalid_request"),
        (boss.post("/operators/1001/pin-reset", {"pin": "12a4", "command_id": cid()}), 422, "pin_rules"),
        (boss.post("/operators/1001/pin-reset", {"pin": "1111", "command_id": cid()}), 422, "pin_rules"),
        (boss.post("/operators/1001/pin-reset", {"pin": 1234, "command_id": cid()}), 422, "invalid_request"),
        (boss.get("/operators/" + "9" * 40 + "/logins"), 422, "invalid_request"),
    ]
    for answer, status, code in cases:
        assert (answer.status_code, answer.json()["code"]) == (status, code), answer.text
    assert audit_count(store) == before
    with store.db() as session:
        shared = session.scalar(select(Operator).where(Operator.code == "1001"))
        assert not shared.locked and not shared.pin_change_required


# ---- 审计 ---------------------------------------------------------------------------------------


def test_overrides_no_sales_price_changes_and_voids_are_logged_with_who_authorised(store: StoreServer,
                                                                                    boss: Till) -> None:
    cashier = Till(store, store.new_till())
    cashier.open_shift(10_000)
    drawer = cashier.post("/drawer/open", {"command_id": cid(), "override": MANAGER})
    assert drawer.status_code == 200, drawer.text
    ticket = cashier.new_ticket()
    line = cashier.ok(cashier.scan(ticket, COLA))["lines"][0]["id"]
    cashier.ok(cashier.scan(ticket, NOODLES))
    priced = cashier.post(f"/tickets/{ticket}/lines/{line}/price",
                          {"price": 250, "command_id": cid(), "override": {"operator": "5001", "pin": "5555"}})
    assert priced.status_code == 200, priced.text
    cashier.ok(cashier.post(f"/tickets/{ticket}/lines/{line}/void", {"command_id": cid()}))
    log = [e for e in entries(boss, operator="1001") if e["till"] == cashier.till]
    assert [(e["action"], e["actor"], e["approver"]) for e in reversed(log)] == [
        ("no_sale", "1001", "9001"), ("price_override", "1001", "5001"), ("void_line", "1001", "")]
    assert log[0]["subject"] == f"ticket {ticket} line {line}"
    assert [e["action"] for e in entries(boss, action="no_sale") if e["till"] == cashier.till] == ["no_sale"]
    assert entries(boss, operator="5001")[0]["action"] == "price_override"  # an approver is found too
    assert boss.ok(boss.get("/audit/verify"))["intact"]
    with store.db() as session:
        seqs = [e.payload["seq"] for e in session.scalars(select(OutboxEvent).where(
            OutboxEvent.kind == "audit_recorded").order_by(OutboxEvent.id))]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == audit_count(store)


def test_a_return_without_receipt_and_a_ticket_cancelled_are_logged(store: StoreServer, boss: Till) -> None:
    cashier = Till(store, store.new_till())
    cashier.open_shift(10_000)
    body = {"lines": [{"code": COLA, "quantity": 1}], "reason": "顾客无小票", "override": MANAGER}
    returned = cashier.post("/returns/no-receipt", {**body, "command_id": cid()})
    assert returned.status_code == 200, returned.text
    ticket = cashier.new_ticket()
    cashier.ok(cashier.scan(ticket, COLA))
    cashier.ok(cashier.post(f"/tickets/{ticket}/void", {"command_id": cid()}))
    log = [e for e in entries(boss, operator="1001") if e["till"] == cashier.till]
    assert [(e["action"], e["approver"]) for e in reversed(log)] == [("return_no_receipt", "9001"), ("void_ticket", "")]
    assert log[1]["detail"] == "￥3.50" and log[0]["subject"] == f"ticket {ticket}"
    assert boss.ok(boss.get("/audit/verify"))["intact"]


def test_the_log_is_filtered_by_days_and_exported_as_csv(store: StoreServer, boss: Till) -> None:
    today = date.today().isoformat()
    assert entries(boss, **{"from": today, "to": today})
    assert entries(boss, **{"from": "2001-01-01", "to": "2001-01-02"}) == []
    reversed_range = boss.get("/audit", params={"from": today, "to": "2001-01-01"})
    assert (reversed_range.status_code, reversed_range.json()["code"]) == (422, "invalid_range")
    bad_day = boss.get("/audit", params={"from": "1899-01-01"})
    assert (bad_day.status_code, bad_day.json()["code"]) == (422, "invalid_date")
    exported = boss.get("/audit/export", headers={"Accept-Language": "en"})
    assert exported.status_code == 200 and exported.content.startswith("\ufeff".encode())
    rows = exported.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("seq,time,till,operator,authorised by,action")
    assert len(rows) == 1 + audit_count(store)


def test_an_entry_edited_in_the_database_breaks_the_chain_where_it_was_edited(tmp_path: Path) -> None:
    server = make_store_server(tmp_path, products=50)
    server.start()
    try:
        boss = Till(server, server.new_till(), operator="9001", pin="9999")
        for _ in range(3):
            code = server.new_operator()
            boss.ok(boss.post(f"/operators/{code}/lock", {"command_id": cid()}))
        assert boss.ok(boss.get("/audit/verify")) == {"intact": True, "entries": 3, "broken_at": None, "reason": ""}
        verify = [*OMNISTORE, "audit", "verify", "--home", str(tmp_path)]
        intact = subprocess.run(verify, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert intact.returncode == 0 and "intact: 3 entries" in intact.stdout
        with sqlite3.connect(tmp_path / "store.sqlite3") as raw:
            raw.execute("UPDATE audit_log SET actor = '5001' WHERE seq = 2")
        assert boss.ok(boss.get("/audit/verify")) == {"intact": False, "entries": 2, "broken_at": 2, "reason": "hash"}
        broken = subprocess.run(verify, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert broken.returncode == 1 and "broken at seq 2" in broken.stdout
    finally:
        server.stop()
