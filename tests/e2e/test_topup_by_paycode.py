"""储值充值 paid by payment code, through a real store server to the provider simulator and a real
HQ: the card is credited only once the customer paid, with the provider's numbers on the event
HQ books; a refused or cancelled code credits nothing; HQ out of reach after the money was taken
credits later; HQ refusing the card after the money was taken refunds the code."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from harness.chain import LinkedStore, enrol_store
from harness.hq import Admin, HQServer
from harness.store import Till
from tests.payments.conftest import (
    FAST_PAYCODES,
    Paysim,
    install_credentials,
    linked_paying_store,
    payment_code,
    start_paysim,
)
from tests.payments.flow import charged


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paysim]:
    started = start_paysim(tmp_path_factory.mktemp("topup-paysim"))
    yield started
    started.stop()


@pytest.fixture
def store(admin: Admin, hq: HQServer, sim: Paysim, tmp_path: Path) -> Iterator[LinkedStore]:
    with linked_paying_store(admin, hq, sim, tmp_path) as linked:
        yield linked


@pytest.fixture
def till(store: LinkedStore) -> Till:
    opened = Till(store.server, store.server.new_till())
    opened.open_shift()
    return opened


def new_card(admin: Admin) -> str:
    return str(admin.ok(admin.post("/admin/wallets", {}))["card_no"])


def top_up(till: Till, card: str, code: str, amount: int = 10_000, command_id: str | None = None) -> Any:
    return till.post("/stored-value/topup/paycode", {"card": card, "amount": amount, "code": code,
                                                     "command_id": command_id or uuid.uuid4().hex})


def ledger(store: LinkedStore, card: str) -> tuple[int, int]:
    from app.hq import loyalty

    with store.hq.db() as session:
        return loyalty.ledger_sum(session, card)


def wait_for(till: Till, attempt_id: int, done: Any, timeout: float = 20.0) -> dict[str, Any]:
    """Poll the attempt as the till's dialog does, until ``done(attempt)``."""
    deadline = time.monotonic() + timeout
    while True:
        found = till.ok(till.get(f"/paycodes/{attempt_id}"))
        if done(found):
            return found
        assert time.monotonic() < deadline, found
        time.sleep(0.1)


def topup_events(store: LinkedStore, card: str) -> list[dict[str, Any]]:
    from app.db.models import OutboxEvent

    with store.server.db() as session:
        return [e.payload for e in session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "stored_value_topup"))
                if e.payload.get("card") == card]


@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_a_paid_code_credits_the_card_and_hq_books_the_providers_tender(
        store: LinkedStore, till: Till, admin: Admin, sim: Paysim, provider: str) -> None:
    card = new_card(admin)
    boss = Till(store.server, store.server.new_till(), "9001", "9999")
    before = boss.ok(boss.get("/closing/x"))
    paid = till.ok(top_up(till, card, payment_code(provider)))
    assert (paid["state"], paid["ticket_id"], paid["amount"]) == ("paid", None, 10_000)
    after = boss.ok(boss.get("/closing/x"))  # the day's top-ups grow; the cash part of them does not
    assert (after["top_up_amount"] - before["top_up_amount"], after["top_up_cash"]) == (10_000, before["top_up_cash"])
    assert paid["topup"]["state"] == "credited" and paid["topup"]["card"] == card
    assert ledger(store, card) == (10_000, 2_000)  # 充100送20
    assert len(charged(sim.trades(), paid["out_trade_no"])) == 1
    [event] = topup_events(store, card)
    assert (event["method"], event["amount"], event["out_trade_no"], event["transaction_id"]) == (
        provider, 10_000, paid["out_trade_no"], paid["transaction_id"])
    store.wait_drained()
    from app.hq.models import Event

    with store.hq.db() as session:
        [kept] = [e for e in session.scalars(select(Event).where(Event.kind == "stored_value_topup"))
                  if e.payload.get("card") == card]
        assert kept.payload["method"] == provider
    # the money went to the provider, not into the drawer
    closed = till.ok(till.post("/shifts/close", {"counted": 50_000, "command_id": uuid.uuid4().hex}))
    assert (closed["expected"], closed["over_short"]) == (50_000, 0)


def test_the_same_command_again_charges_and_credits_once(store: LinkedStore, till: Till, admin: Admin,
                                                         sim: Paysim) -> None:
    card, code, command = new_card(admin), payment_code("wechat"), uuid.uuid4().hex
    first = till.ok(top_up(till, card, code, command_id=command))
    again = till.ok(top_up(till, card, code, command_id=command))
    assert again["id"] == first["id"] and again["topup"]["state"] == "credited"
    assert ledger(store, card) == (10_000, 2_000)
    assert len(charged(sim.trades(), first["out_trade_no"])) == 1


def test_userpaying_then_paid_credits_once_the_customer_confirms(store: LinkedStore, till: Till, admin: Admin) -> None:
    card = new_card(admin)
    waiting = till.ok(top_up(till, card, payment_code("wechat", "01", 3), amount=5_000))
    assert waiting["state"] == "polling" and waiting["in_flight"] and waiting["topup"]["state"] is None
    assert ledger(store, card) == (0, 0)
    done = wait_for(till, waiting["id"], lambda a: (a["topup"] or {}).get("state") == "credited")
    assert done["state"] == "paid"
    assert ledger(store, card) == (5_000, 0)
    assert [e["method"] for e in topup_events(store, card)] == ["wechat"]


@pytest.mark.parametrize("script", ["04", "05"])
def test_a_refused_code_credits_nothing(store: LinkedStore, till: Till, admin: Admin, script: str) -> None:
    card = new_card(admin)
    refused = till.ok(top_up(till, card, payment_code("alipay", script)))
    assert refused["state"] == "failed" and refused["final"] and refused["message"]
    assert refused["topup"]["state"] is None
    assert ledger(store, card) == (0, 0) and topup_events(store, card) == []


def test_the_customer_cancels_while_typing_the_password(store: LinkedStore, till: Till, admin: Admin,
                                                        sim: Paysim) -> None:
    card = new_card(admin)
    waiting = till.ok(top_up(till, card, payment_code("wechat", "01", 9)))
    cancelled = till.ok(till.post(f"/paycodes/{waiting['id']}/cancel", {"command_id": uuid.uuid4().hex}))
    final = cancelled if cancelled["final"] else wait_for(till, waiting["id"], lambda a: a["final"])
    assert final["state"] == "reversed"
    assert charged(sim.trades(), waiting["out_trade_no"]) == [] or sim.trade(
        "wechat", waiting["out_trade_no"]).get("state") in ("REVOKED", "CLOSED")
    assert ledger(store, card) == (0, 0) and topup_events(store, card) == []


def test_hq_out_of_reach_after_payment_credits_the_card_when_it_is_back(
        store: LinkedStore, till: Till, admin: Admin) -> None:
    card = new_card(admin)
    waiting = till.ok(top_up(till, card, payment_code("wechat", "01", 3), amount=5_000))
    store.proxy.cut()
    try:
        paid = wait_for(till, waiting["id"], lambda a: a["state"] == "paid")
        time.sleep(1.0)  # the worker has tried HQ and failed
        still = till.ok(till.get(f"/paycodes/{waiting['id']}"))
        assert still["topup"]["state"] == "crediting" and paid["final"]
        assert ledger(store, card) == (0, 0)
    finally:
        store.proxy.restore()
    wait_for(till, waiting["id"], lambda a: a["topup"]["state"] == "credited", timeout=30)
    assert ledger(store, card) == (5_000, 0)


def test_hq_refusing_the_card_after_payment_refunds_the_code(store: LinkedStore, till: Till, admin: Admin,
                                                             sim: Paysim) -> None:
    from app.hq.models import WalletAccount

    card = new_card(admin)
    waiting = till.ok(top_up(till, card, payment_code("alipay", "01", 4), amount=5_000))
    with store.hq.db() as session:  # the card is frozen while the customer types the password
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        account.active = False
        session.commit()
    done = wait_for(till, waiting["id"], lambda a: (a["topup"] or {}).get("refund") is not None
                    and a["topup"]["refund"]["final"])
    assert done["state"] == "paid"
    assert (done["topup"]["state"], done["topup"]["error"]) == ("refunded", "wallet_not_found")
    assert done["topup"]["refund"]["state"] == "success" and done["topup"]["refund"]["amount"] == 5_000
    assert topup_events(store, card) == []


def test_bad_input_is_refused_in_plain_words_and_charges_nothing(store: LinkedStore, till: Till, admin: Admin,
                                                                 sim: Paysim) -> None:
    unknown = top_up(till, "9" + "0" * 15, payment_code("wechat"))
    assert unknown.status_code == 404 and unknown.json()["code"] == "wallet_not_found"
    assert unknown.json()["message"]
    not_a_code = top_up(till, new_card(admin), "123")
    assert not_a_code.status_code == 400 and not_a_code.json()["code"] == "invalid_payment_code"
    zero = top_up(till, new_card(admin), payment_code("wechat"), amount=0)
    assert zero.status_code == 400 and zero.json()["code"] and zero.json()["message"], zero.text
    before = len(sim.trades())
    store.proxy.cut()
    try:
        away = top_up(till, new_card(admin), payment_code("wechat"))
    finally:
        store.proxy.restore()
    assert away.status_code == 503 and away.json()["code"] == "hq_unreachable"
    assert len(sim.trades()) == before  # no money taken while HQ can't be asked


def test_reconciliation_matches_top_ups_by_code_against_the_providers_bill(
        store: LinkedStore, till: Till, admin: Admin, hq: HQServer, sim: Paysim) -> None:
    """The day's WeChat bill holds a credited top-up and a refused one (charged, then refunded):
    both are ours, by the numbers the store's events carry — nothing left to explain."""
    import base64
    from dataclasses import replace
    from datetime import date, datetime

    from app.hq.models import WalletAccount
    from tests.hq.recon.bill_files import trade, wechat

    credited = till.ok(top_up(till, new_card(admin), payment_code("wechat"), amount=3_000))
    frozen = new_card(admin)
    waiting = till.ok(top_up(till, frozen, payment_code("wechat", "01", 4), amount=2_000))
    with store.hq.db() as session:
        session.scalar(select(WalletAccount).where(WalletAccount.card_no == frozen)).active = False
        session.commit()
    refused = wait_for(till, waiting["id"], lambda a: ((a["topup"] or {}).get("refund") or {}).get("final"))
    assert refused["topup"]["refund"]["state"] == "success"
    store.wait_drained()
    [event] = topup_events(store, credited["topup"]["card"])
    day = date.fromisoformat(event["business_day"])
    moment = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    bill = [replace(trade(1, 3_000, moment, store=store.code), out_trade_no=credited["out_trade_no"],
                    transaction_id=credited["transaction_id"]),
            replace(trade(2, 2_000, moment, store=store.code, refunds=[(refused["topup"]["refund"]["out_refund_no"], 2_000, moment)]),
                    out_trade_no=refused["out_trade_no"], transaction_id=refused["transaction_id"])]
    key = admin.ok(admin.post("/admin/api-keys", {"name": "财务", "scopes": ["finance"]}))["key"]
    finance = hq.admin(key)
    finance.ok(finance.post("/recon/imports", {"filename": f"wx-{day}.csv",
                                                "content": base64.b64encode(wechat(bill, day)).decode()}))
    manager = Till(store.server, store.server.new_till(), "9001", "9999", language="en")
    view = manager.ok(manager.get(f"/recon/days/{day.isoformat()}"))
    wx = next(c for c in view["channels"] if c["channel"] == "wechat")
    assert wx["differences"] == [] and wx["state"] == "matched", wx
    assert (wx["ours_paid"], wx["ours_refunded"]) == (5_000, 2_000)


def test_a_store_server_killed_between_payment_and_credit_credits_the_card_after_restart(
        admin: Admin, hq: HQServer, sim: Paysim, tmp_path: Path) -> None:
    import requests

    linked = enrol_store(admin, hq, tmp_path, products=50,
                         env={**FAST_PAYCODES, "OMNISTORE_FAILPOINTS": "paycode_topup_paid"})
    install_credentials(sim, tmp_path)
    try:
        till = Till(linked.server, linked.server.new_till())
        till.open_shift()
        card, command, code = new_card(admin), uuid.uuid4().hex, payment_code("alipay")
        with pytest.raises(requests.RequestException):  # the power cut: paid, the card not yet credited
            top_up(till, card, code, amount=8_000, command_id=command)
        assert ledger(linked, card) == (0, 0)
        linked.restart()
        deadline = time.monotonic() + 30
        while ledger(linked, card) != (8_000, 0):
            assert time.monotonic() < deadline, ledger(linked, card)
            time.sleep(0.2)
        again = till.ok(top_up(till, card, code, amount=8_000, command_id=command))  # the till resends
        assert (again["state"], again["topup"]["state"]) == ("paid", "credited")
        assert len(charged(sim.trades(), again["out_trade_no"])) == 1 and ledger(linked, card) == (8_000, 0)
        [event] = topup_events(linked, card)
        assert event["method"] == "alipay"
    finally:
        linked.server.stop()
        linked.proxy.close()
