"""现金退款: a refund to a payment code the provider refused for good is paid out of the drawer
instead — only with a manager's authorisation, only once it has been refused, exactly the refused
amount, once — and it leaves the shift's expected cash, the audit log and HQ's outbox say so."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from harness.store import StoreServer, Till
from tests.payments.conftest import Paysim
from tests.payments.test_flow_refunds import give_back, line_ids, sold_by_code, wait_refund

MANAGER = {"operator": "9001", "pin": "9999"}
REFUSED = "10"  # the simulator refuses every refund of a trade paid with this script


@pytest.fixture
def till(paystore: StoreServer) -> Till:
    t = Till(paystore, paystore.new_till())
    t.open_shift()
    return t


def pay_in_cash(till: Till, out_refund_no: str, override: dict[str, str] | None = None,
                command_id: str | None = None) -> Any:
    body: dict[str, Any] = {"command_id": command_id or uuid.uuid4().hex}
    if override is not None:
        body["override"] = override
    return till.post(f"/paycode-refunds/{out_refund_no}/cash", body)


@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_a_refused_refund_is_paid_in_cash_once_with_a_manager(till: Till, paysim: Paysim, paystore: StoreServer,
                                                             provider: str) -> None:
    sale_id, paid = sold_by_code(till, provider, REFUSED)
    back = give_back(till, sale_id, list(line_ids(till, sale_id).values())[:1])
    assert back["cash"] == 0
    (refund,) = back["paycode_refunds"]
    number = refund["out_refund_no"]
    refused = wait_refund(till, number)
    assert refused["state"] == "failed" and refused["raw_code"]
    assert paysim.trade(provider, paid["out_trade_no"])["refunded"] == 0  # the provider paid nothing back

    no_manager = pay_in_cash(till, number)
    assert no_manager.status_code == 403 and no_manager.json()["code"] == "override_required"
    cashier = pay_in_cash(till, number, {"operator": "1001", "pin": "1234"})
    assert cashier.status_code == 403 and cashier.json()["code"] == "override_denied"

    command_id = uuid.uuid4().hex
    done = till.ok(pay_in_cash(till, number, MANAGER, command_id))
    assert done["state"] == "paid_in_cash" and done["amount"] == refund["amount"] and done["final"]
    assert done["cash_paid_at"]
    assert till.ok(pay_in_cash(till, number, MANAGER, command_id)) == done  # a resend: the same answer
    assert till.ok(pay_in_cash(till, number, MANAGER)) == done  # asked again: still paid once
    assert till.ok(till.get(f"/paycode-refunds/{number}"))["state"] == "paid_in_cash"

    from app.db.models import AuditEntry, OutboxEvent, PaymentRefund

    with paystore.db() as session:
        row = session.query(PaymentRefund).filter_by(out_refund_no=number).one()
        assert row.cash_shift_id is not None and row.cash_paid_at is not None
        sent = [json.loads(e.payload) if isinstance(e.payload, str) else e.payload
                for e in session.query(OutboxEvent).filter_by(kind="paycode_refund_paid_in_cash")]
        audited = [e for e in session.query(AuditEntry).filter_by(action="paycode_cash_refund")
                   if number in json.dumps(e.detail, ensure_ascii=False)]
    (event,) = [e for e in sent if e["out_refund_no"] == number]
    assert event["amount"] == refund["amount"] and event["provider"] == provider and event["approver"] == "9001"
    assert len(audited) == 1 and audited[0].approver == "9001"

    # the drawer: the sale took no cash, the refund paid in cash came out of it
    closed = till.ok(till.post("/shifts/close", {"counted": 50_000 - refund["amount"],
                                                 "command_id": uuid.uuid4().hex}))
    assert closed["expected"] == 50_000 - refund["amount"] and closed["over_short"] == 0


def test_a_refund_not_refused_is_not_paid_in_cash(till: Till, paystore: StoreServer) -> None:
    sale_id, _ = sold_by_code(till, "wechat", "08", 9)  # its refund stays processing for 9 queries
    (refund,) = give_back(till, sale_id, list(line_ids(till, sale_id).values()))["paycode_refunds"]
    early = pay_in_cash(till, refund["out_refund_no"], MANAGER)
    assert early.status_code == 409 and early.json()["code"] == "paycode_refund_not_refused"
    assert wait_refund(till, refund["out_refund_no"])["state"] == "success"
    late = pay_in_cash(till, refund["out_refund_no"], MANAGER)
    assert late.status_code == 409 and late.json()["code"] == "paycode_refund_not_refused"
    missing = pay_in_cash(till, "RF" + "0" * 26, MANAGER)
    assert missing.status_code == 404 and missing.json()["code"] == "paycode_refund_not_found"
    from app.db.models import OutboxEvent, PaymentRefund

    with paystore.db() as session:
        assert session.query(PaymentRefund).filter_by(out_refund_no=refund["out_refund_no"]).one().cash_shift_id \
            is None
        assert not [e for e in session.query(OutboxEvent).filter_by(kind="paycode_refund_paid_in_cash")
                    if refund["out_refund_no"] in str(e.payload)]


def test_a_voids_refund_to_the_payment_code_reaches_hq_with_the_void(till: Till, paystore: StoreServer) -> None:
    from harness.store import COLA
    from tests.payments.conftest import payment_code
    from tests.payments.flow import pay_code

    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    paid = till.ok(pay_code(till, ticket, payment_code("wechat"), amount=200))
    till.ok(till.post(f"/tickets/{ticket}/void", {"command_id": uuid.uuid4().hex,
                                                  "override": {"operator": "5001", "pin": "5555"}}))
    from app.db.models import OutboxEvent, PaymentRefund

    with paystore.db() as session:
        (refund,) = session.query(PaymentRefund).filter_by(out_trade_no=paid["out_trade_no"]).all()
        voids = [json.loads(e.payload) if isinstance(e.payload, str) else e.payload
                 for e in session.query(OutboxEvent).filter_by(kind="ticket_voided")]
        number = refund.out_refund_no
    (void,) = [v for v in voids if v["ticket"] == ticket]
    assert void["paycode_refunds"] == [{"provider": "wechat", "out_trade_no": paid["out_trade_no"],
                                        "out_refund_no": number, "amount": 200}]
