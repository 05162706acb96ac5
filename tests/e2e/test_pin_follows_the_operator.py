"""A PIN reset by one store's manager and chosen by the operator there reaches every store through
HQ, and the store's audit entries reach HQ, where the chain is checked."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from app.db.models import Operator
from app.security import verify_pin
from harness.chain import LinkedStore, enrol_store
from harness.hq import Admin, HQServer
from harness.store import Till


@pytest.fixture
def second_store(admin: Admin, hq: HQServer, tmp_path: Path) -> Iterator[LinkedStore]:
    store = enrol_store(admin, hq, tmp_path / "second", products=50)
    yield store
    store.server.stop()
    store.proxy.close()


def eventually(check: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not reached in time"
        time.sleep(0.3)


def operator(store: LinkedStore, code: str) -> Operator | None:
    """The operator as the store holds it (polled here: polling by login would count wrong PINs)."""
    with store.server.db() as session:
        return session.scalar(select(Operator).where(Operator.code == code))


def holds(store: LinkedStore, code: str, pin: str, must_change: bool) -> bool:
    row = operator(store, code)
    return row is not None and verify_pin(row.pin_hash, pin) and row.pin_change_required == must_change


def login(store: LinkedStore, code: str, pin: str) -> requests.Response:
    return requests.post(store.server.api + "/session", json={"till": "T01", "operator": code, "pin": pin}, timeout=10)


def test_a_pin_reset_and_chosen_at_one_store_holds_at_another(linked_store: LinkedStore, second_store: LinkedStore,
                                                              admin: Admin) -> None:
    code = f"6{uuid.uuid4().int % 1000:03d}"
    admin.ok(admin.post("/admin/operators", {"items": [{"code": code, "name": "周芷若", "role": "cashier", "pin": "2468"}]}))
    for store in (linked_store, second_store):
        eventually(lambda s=store: holds(s, code, "2468", False))
    boss = Till(linked_store.server, linked_store.server.new_till(), operator="9001", pin="9999")
    boss.ok(boss.post(f"/operators/{code}/pin-reset", {"pin": "3690", "command_id": uuid.uuid4().hex}))
    eventually(lambda: holds(second_store, code, "3690", True))
    assert login(second_store, code, "3690").json()["code"] == "pin_change_required"
    changed = requests.post(linked_store.server.api + "/session/pin", json={
        "till": "T01", "operator": code, "pin": "3690", "new_pin": "8052"}, timeout=10)
    assert changed.status_code == 200, changed.text
    eventually(lambda: holds(second_store, code, "8052", False))
    assert login(second_store, code, "8052").status_code == 200
    assert login(second_store, code, "2468").status_code == 401
    linked_store.wait_drained()
    log = admin.ok(admin.get(f"/admin/stores/{linked_store.code}/audit"))
    assert log["intact"] and {"pin_reset", "pin_changed"} <= {e["action"] for e in log["items"]}
