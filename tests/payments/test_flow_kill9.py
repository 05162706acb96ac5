"""kill -9 of the store server at each step of a 付款码 payment: on restart every attempt is resumed —
a paid one becomes the tender on its ticket, the others end closed or reversed. Counted at the
simulator: never two charges for one ticket, never a charge without a sale or a reversal."""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from harness.store import COLA, StoreServer, Till
from tests.payments.conftest import Paysim, paying_store, payment_code
from tests.payments.flow import wait_final


@pytest.fixture
def store(tmp_path: Path, paysim: Paysim) -> Iterator[StoreServer]:
    server = paying_store(tmp_path, paysim)
    yield server
    server.stop()


def start_with(server: StoreServer, failpoint: str | None) -> None:
    server.env = {k: v for k, v in server.env.items() if k != "OMNISTORE_FAILPOINTS"}
    if failpoint:
        server.env["OMNISTORE_FAILPOINTS"] = failpoint
    server.start()


def died(server: StoreServer, timeout: float = 15.0) -> None:
    """The failpoint killed the server (SIGKILL, as a power cut)."""
    assert server.process is not None
    server.process.wait(timeout=timeout)
    assert server.process.returncode == -9
    server.process = None


def trades_of(paysim: Paysim, store: StoreServer, ticket: int) -> list[dict[str, Any]]:
    from app.db.models import PaymentAttempt

    with store.db() as session:
        numbers = {a.out_trade_no for a in session.query(PaymentAttempt).filter_by(ticket_id=ticket)}
    return [t for t in paysim.trades() if t["out_trade_no"] in numbers]


def kept(trade: dict[str, Any]) -> int:
    """What the customer is out of pocket for this trade (charged, less what went back)."""
    return trade["amount"] - trade["refunded"] if trade["charged"] else 0


def scan_until_killed(store: StoreServer, till: Till, ticket: int, code: str) -> int:
    with contextlib.suppress(requests.RequestException):
        till.post(f"/tickets/{ticket}/paycode", {"code": code, "command_id": uuid.uuid4().hex})
    died(store)
    from app.db.models import PaymentAttempt

    with store.db() as session:
        (attempt,) = session.query(PaymentAttempt).filter_by(ticket_id=ticket).all()
        return attempt.id


@pytest.mark.parametrize(("failpoint", "script", "ends", "charged"), [
    ("paycode_recorded", "00", "closed", 0),  # never sent: nothing out there
    ("paycode_submitted", "00", "reversed", 0),  # maybe sent: queried, never found, reversed to be sure
    ("paycode_answered", "00", "paid", 350),  # charged, the answer lost with the process: found by query
    ("paycode_polling", "01", "paid", 350),  # the customer confirmed while the store was down
    ("paycode_reversing", "06", "reversed", 0),  # killed while reversing: reversed again after restart
])
def test_a_kill_at_each_step_ends_in_one_sale_or_none(store: StoreServer, paysim: Paysim, failpoint: str, script: str,
                                                      ends: str, charged: int) -> None:
    start_with(store, failpoint)
    till = Till(store, store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    attempt_id = scan_until_killed(store, till, ticket, payment_code("wechat", script, 1))
    start_with(store, None)
    till = Till(store, till.till)
    done = wait_final(till, attempt_id, timeout=30)
    assert done["state"] == ends, done["history"]
    tenders = [t for t in done["ticket"]["tenders"] if t.get("provider")]
    assert sum(t["amount"] for t in tenders) == charged
    assert sum(kept(t) for t in trades_of(paysim, store, ticket)) == charged
    if ends == "paid":
        assert till.complete(ticket).status_code == 200
    else:
        assert till.pay_cash(ticket, 350).status_code == 200 and till.complete(ticket).status_code == 200


def test_a_kill_while_the_till_waits_then_a_rescan_never_charges_twice(store: StoreServer, paysim: Paysim) -> None:
    """The store dies after the charge; the cashier, told nothing, scans the customer's next code."""
    start_with(store, "paycode_answered")
    till = Till(store, store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    scan_until_killed(store, till, ticket, payment_code("alipay"))
    start_with(store, None)
    till = Till(store, till.till)
    deadline = time.monotonic() + 20
    answer = None
    while time.monotonic() < deadline:  # refused while the first attempt is still being found out
        answer = till.post(f"/tickets/{ticket}/paycode", {"code": payment_code("alipay"),
                                                          "command_id": uuid.uuid4().hex})
        if answer.status_code != 409 or answer.json()["code"] != "payment_pending":
            break
        time.sleep(0.1)
    assert answer is not None and answer.status_code in (200, 409)
    if answer.status_code == 409:
        assert answer.json()["code"] == "nothing_due"
    else:
        assert answer.json()["state"] == "paid" and answer.json()["ticket"]["due_exact"] == 0
    assert sum(kept(t) for t in trades_of(paysim, store, ticket)) == 350
    assert till.complete(ticket).status_code == 200
