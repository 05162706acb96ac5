"""HQ stalls or the store dies mid-call: one till waits, the others sell at full speed, and nothing
is held or spent at HQ without a sale — whatever was given up on is undone there."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator

import requests

from harness.chain import LinkedStore, open_till
from harness.hq import Admin, HQServer
from harness.store import COLA, Till
from tests.e2e.test_till_loyalty import coupon_state, coupons


@contextlib.contextmanager
def stalled(hq: HQServer) -> Iterator[None]:
    """HQ's process stopped (SIGSTOP): connections are accepted by the kernel, nothing answers."""
    assert hq.process is not None
    os.kill(hq.process.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(hq.process.pid, signal.SIGCONT)


def scan_times(till: Till, ticket: int, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        till.ok(till.scan(ticket, COLA))
        samples.append(time.perf_counter() - started)
    return samples


def p99(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.99) - 1)]


def wallet(admin: Admin, till: Till, amount: int) -> str:
    phone = "135" + f"{uuid.uuid4().int % 10**8:08d}"
    member = till.ok(till.post("/members", {"phone": phone, "name": "周芷若"}))
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    till.ok(till.post("/stored-value/topup", {"card": card, "amount": amount, "command_id": uuid.uuid4().hex}))
    return str(card)


def balance(store: LinkedStore, card: str) -> int:
    from app.hq.loyalty import ledger_sum

    with store.hq.db() as session:
        return sum(ledger_sum(session, card))


def wait_for(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_stalled_hq_keeps_one_till_waiting_and_the_others_scanning(linked_store: LinkedStore,
                                                                       admin: Admin) -> None:
    store = linked_store
    waiting, selling = open_till(store), open_till(store)
    [code] = coupons(admin, kind="cash", threshold=0)
    held_ticket = waiting.ok(waiting.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"]
    waiting.ok(waiting.scan(held_ticket, COLA))
    ticket = selling.ok(selling.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"]
    scan_times(selling, ticket, 10)  # warm
    idle = scan_times(selling, ticket, 100)
    selling.ok(selling.post(f"/tickets/{ticket}/park", {"command_id": uuid.uuid4().hex}))
    ticket = selling.ok(selling.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"]

    answer: dict[str, object] = {}

    def add_coupon() -> None:
        started = time.perf_counter()
        response = waiting.post(f"/tickets/{held_ticket}/coupons", {"code": code, "command_id": uuid.uuid4().hex})
        answer.update(status=response.status_code, code=response.json().get("code"),
                      seconds=time.perf_counter() - started)

    def within(samples: list[float]) -> bool:
        # 20 ms is the noise floor of a shared machine; the fault this guards against costs seconds
        return p99(samples) <= max(3 * p99(idle), p99(idle) + 0.020)

    rounds: list[list[float]] = []
    with stalled(store.hq):
        caller = threading.Thread(target=add_coupon)
        caller.start()
        time.sleep(0.3)  # the coupon's call is out, waiting on HQ
        rounds.append(scan_times(selling, ticket, 100))
        if not within(rounds[0]) and caller.is_alive():
            # one more round while the call still hangs: a neighbour's burst on a shared machine can
            # spoil a p99 once; the fault (every scan waiting the call out) spoils every round
            rounds.append(scan_times(selling, ticket, 100))
        still_waiting = caller.is_alive()
        caller.join(timeout=30)
    assert still_waiting, "HQ answered: the scans were not measured while it was stalled"
    assert answer["status"] == 503 and answer["code"] == "hq_unreachable" and float(answer["seconds"]) >= 4
    # Nothing of the store waits behind the stalled call (before, each scan waited the call out, so
    # every scan took seconds): another till's scan stays within 3× its idle p99, and not one scan
    # comes near the stall.
    assert within(rounds[-1]), (p99(idle), [p99(r) for r in rounds])
    assert max(max(r) for r in rounds) < 1.0, (p99(idle), [max(r) for r in rounds])
    # The coupon HQ may have held for the call the till gave up on is released in the background.
    wait_for(lambda: coupon_state(store, code)[0] == "issued")
    state = waiting.ok(waiting.get(f"/tickets/{held_ticket}"))
    assert state["coupons"] == [] and state["discount"] == 0


def test_a_spend_the_till_gave_up_on_goes_back_to_the_card(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    card = wallet(admin, till, 10_000)
    before = balance(store, card)
    ticket = till.ok(till.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"]
    till.ok(till.scan(ticket, COLA))
    with stalled(store.hq):
        refused = till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": 350,
                                                                "command_id": uuid.uuid4().hex})
    assert refused.status_code == 503 and refused.json()["code"] == "hq_unreachable"
    # HQ wakes up with the spend still in its queue; the store's undo follows it (or overtakes it,
    # and the late spend is refused): either way the card ends as it was.
    wait_for(lambda: balance(store, card) == before and _undone(store))
    time.sleep(1)
    assert balance(store, card) == before
    state = till.ok(till.get(f"/tickets/{ticket}"))
    assert state["tenders"] == [] and state["due"] == 350
    till.ok(till.pay_cash(ticket, 350))
    till.ok(till.complete(ticket))


def test_a_store_killed_mid_call_undoes_it_when_it_comes_back(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    card = wallet(admin, till, 10_000)
    before = balance(store, card)
    ticket = till.ok(till.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"]
    till.ok(till.scan(ticket, COLA))

    def pay() -> None:
        with contextlib.suppress(requests.RequestException):
            till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": 350, "command_id": uuid.uuid4().hex})

    with stalled(store.hq):
        caller = threading.Thread(target=pay)
        caller.start()
        wait_for(lambda: _pending(store), timeout=10)
        store.server.kill()  # kill -9 between "recorded" and "settled"
        caller.join(timeout=30)
    store.server.start()
    wait_for(lambda: _undone(store) and balance(store, card) == before)
    till = Till(store.server, till.till)
    state = till.ok(till.get(f"/tickets/{ticket}"))
    assert state["tenders"] == [] and state["due"] == 350


def _calls(store: LinkedStore) -> list[str]:
    from sqlalchemy import select

    from app.db.models import OutsideCall

    with store.server.db() as session:
        return list(session.scalars(select(OutsideCall.state).where(OutsideCall.kind == "wallet_spend")))


def _pending(store: LinkedStore) -> bool:
    return "pending" in _calls(store)


def _undone(store: LinkedStore) -> bool:
    states = _calls(store)
    return bool(states) and all(state in ("undone", "settled") for state in states) and "undone" in states
