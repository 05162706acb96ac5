"""The provider out of reach: the scan answers at once that nothing is known (never paid, never
failed), the cashier cancels and takes cash, nothing is half-recorded on the ticket, and the store
server goes on trying to reverse until the provider answers again."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.processes import free_port
from harness.store import COLA, StoreServer, Till
from tests.payments.conftest import Paysim, paying_store, payment_code
from tests.payments.flow import pay_code


@pytest.fixture
def offline_store(tmp_path: Path, paysim: Paysim) -> Iterator[StoreServer]:
    server = paying_store(tmp_path, paysim, OMNISTORE_PAYCODE_GIVE_UP="60")
    credentials = tmp_path / "payments.json"
    dead = f"https://127.0.0.1:{free_port()}"  # nothing listens there
    raw = json.loads(credentials.read_text("utf-8"))
    raw["wechat"]["base_url"] = dead
    raw["alipay"]["gateway_url"] = dead + "/gateway.do"
    credentials.write_text(json.dumps(raw), "utf-8")
    server.start()
    yield server
    server.stop()


def test_offline_from_the_provider_the_cashier_cancels_and_takes_cash(offline_store: StoreServer) -> None:
    till = Till(offline_store, offline_store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    first = till.ok(pay_code(till, ticket, payment_code("wechat")))
    assert first["state"] == "unknown" and first["raw_code"] == "NETWORK" and first["in_flight"]
    assert first["ticket"]["tenders"] == [] and first["ticket"]["due_exact"] == 350
    assert till.complete(ticket).json()["code"] == "payment_pending"
    cancelled = till.ok(till.post(f"/paycodes/{first['id']}/cancel", {"command_id": uuid.uuid4().hex}))
    assert cancelled["state"] == "needs_reverse" and not cancelled["in_flight"]  # kept at by the store server
    assert till.pay_cash(ticket, 350).status_code == 200
    done = till.ok(till.complete(ticket))
    assert [t["method"] for t in done["ticket"]["tenders"]] == ["cash"]
