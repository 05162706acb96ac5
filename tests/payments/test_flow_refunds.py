"""Refunds to the original payment code (付款码): a return refunds its share to the customer's
WeChat/Alipay with a stable out_refund_no (partial for a partial return), a void after payment
refunds the whole, and the refund is followed until final; HQ's event carries the refund number."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import pytest

from harness.store import COLA, NOODLES, StoreServer, Till
from tests.payments.conftest import Paysim, payment_code
from tests.payments.flow import pay_code


@pytest.fixture
def till(paystore: StoreServer) -> Till:
    t = Till(paystore, paystore.new_till())
    t.open_shift()
    return t


def wait_refund(till: Till, out_refund_no: str, timeout: float = 20.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = till.ok(till.get(f"/paycode-refunds/{out_refund_no}"))
        if found["final"]:
            return found
        time.sleep(0.1)
    raise AssertionError(f"refund {out_refund_no} not final after {timeout}s")


def sold_by_code(till: Till, provider: str, script: str = "00", n: int = 0) -> tuple[str, dict[str, Any]]:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    till.ok(till.scan(ticket, NOODLES))  # ￥3.50 + ￥12.90
    paid = till.ok(pay_code(till, ticket, payment_code(provider, script, n)))
    assert paid["state"] == "paid"
    done = till.ok(till.complete(ticket))
    return done["sale_id"], paid


def line_ids(till: Till, sale_id: str) -> dict[str, int]:
    found = till.ok(till.get(f"/sales/{sale_id}/returnable"))
    return {line["sku"]: line["id"] for line in found["lines"]}


def give_back(till: Till, sale_id: str, lines: list[int]) -> dict[str, Any]:
    return till.ok(till.post("/returns", {"sale_id": sale_id, "lines": [{"line_id": i, "quantity": 1} for i in lines],
                                          "command_id": uuid.uuid4().hex}))


@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_a_partial_return_refunds_its_share_to_the_payment_code_then_the_rest(
        till: Till, paysim: Paysim, paystore: StoreServer, provider: str) -> None:
    sale_id, paid = sold_by_code(till, provider)
    ids = list(line_ids(till, sale_id).values())
    first = give_back(till, sale_id, ids[:1])
    assert first["cash"] == 0
    (refund,) = first["paycode_refunds"]
    assert refund["out_trade_no"] == paid["out_trade_no"] and refund["amount"] == first["total"] < 1640
    assert wait_refund(till, refund["out_refund_no"])["state"] == "success"
    second = give_back(till, sale_id, ids[1:])
    (rest,) = second["paycode_refunds"]
    assert wait_refund(till, rest["out_refund_no"])["state"] == "success"
    trade = paysim.trade(provider, paid["out_trade_no"])
    assert trade["refunded"] == 1640 and {r["out_refund_no"] for r in trade["refunds"]} == {
        refund["out_refund_no"], rest["out_refund_no"]}
    # HQ hears where the money went, with our refund number
    from app.db.models import OutboxEvent

    with paystore.db() as session:
        events = [json.loads(e.payload) if isinstance(e.payload, str) else e.payload
                  for e in session.query(OutboxEvent).filter_by(kind="sale_returned")]
    sent = [t for e in events if e.get("original_sale") == sale_id for t in e["tenders"]]
    assert {t.get("out_refund_no") for t in sent} == {refund["out_refund_no"], rest["out_refund_no"]}
    assert all(t["provider"] == provider and t["out_trade_no"] == paid["out_trade_no"] for t in sent)


def test_a_refund_that_stays_processing_is_followed_until_it_succeeds(till: Till, paysim: Paysim) -> None:
    sale_id, paid = sold_by_code(till, "wechat", "08", 3)
    (refund,) = give_back(till, sale_id, list(line_ids(till, sale_id).values()))["paycode_refunds"]
    done = wait_refund(till, refund["out_refund_no"])
    assert done["state"] == "success" and done["refund_id"]
    (found,) = paysim.trade("wechat", paid["out_trade_no"])["refunds"]
    assert found["state"] == "SUCCESS" and found["queries"] >= 3


def test_a_void_after_a_payment_code_paid_refunds_it_whole(till: Till, paysim: Paysim, paystore: StoreServer) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    till.ok(till.scan(ticket, NOODLES))
    paid = till.ok(pay_code(till, ticket, payment_code("alipay"), amount=1000))
    voided = till.post(f"/tickets/{ticket}/void", {"command_id": uuid.uuid4().hex,
                                                   "override": {"operator": "5001", "pin": "5555"}})
    assert voided.status_code == 200, voided.text
    from app.db.models import PaymentRefund

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with paystore.db() as session:
            (refund,) = session.query(PaymentRefund).filter_by(out_trade_no=paid["out_trade_no"]).all()
            if refund.state == "success":
                break
        time.sleep(0.1)
    assert refund.state == "success" and refund.amount == 1000
    assert paysim.trade("alipay", paid["out_trade_no"])["refunded"] == 1000
