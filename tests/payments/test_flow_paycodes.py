"""付款码 at the till against a real store server and the provider simulator: every scripted
behaviour ends in one charge turned into a tender, or in no charge (closed / reversed), never two;
bad input is a coded refusal and charges nothing."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from harness.store import APPLE_PLU, COLA, NOODLES, StoreServer, Till
from tests.payments.conftest import Paysim, payment_code
from tests.payments.flow import attempt, charged, pay_code, wait_final


@pytest.fixture
def till(paystore: StoreServer) -> Till:
    t = Till(paystore, paystore.new_till())
    t.open_shift()
    return t


def ticket_with(till: Till, *codes: str) -> int:
    ticket = till.new_ticket()
    for code in codes:
        till.ok(till.scan(ticket, code))
    return ticket


def provider_tenders(ticket: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in ticket["tenders"] if t.get("provider")]


@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_an_instant_payment_becomes_a_tender_with_the_providers_record(
        till: Till, paysim: Paysim, provider: str) -> None:
    ticket = ticket_with(till, COLA, NOODLES)  # ￥16.40
    paid = till.ok(pay_code(till, ticket, payment_code(provider)))
    assert paid["state"] == "paid" and paid["final"] and paid["amount"] == 1640
    assert [s["state"] for s in paid["history"]] == ["new", "submitted", "paid"]
    (tender,) = provider_tenders(paid["ticket"])
    assert tender["method"] == provider and tender["amount"] == 1640
    assert tender["transaction_id"] == paid["transaction_id"] and tender["out_trade_no"] == paid["out_trade_no"]
    assert paid["ticket"]["due_exact"] == 0
    done = till.ok(till.complete(ticket))
    assert done["change"] == 0 and done["rounding"] == 0
    assert len(charged(paysim.trades(), paid["out_trade_no"])) == 1
    receipt = till.get(f"/sales/{done['sale_id']}/receipt").text
    label = "微信支付" if provider == "wechat" else "支付宝"
    assert f"{label} 尾号{paid['transaction_id'][-4:]}" in receipt
    # the sale's event carries the provider's record as HQ reads it
    from app.db.models import OutboxEvent
    from app.events import Fields, SaleCompleted

    with till.server.db() as session:
        payload = next(e.payload for e in session.query(OutboxEvent).filter_by(kind="sale_completed")
                       if e.payload.get("sale_id") == done["sale_id"])
    record = SaleCompleted.read(Fields(payload)).figures.providers[provider]  # type: ignore[union-attr]
    assert (record.provider, record.transaction_id, record.out_trade_no) == (
        provider, paid["transaction_id"], paid["out_trade_no"])


def test_userpaying_is_polled_until_paid(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    first = till.ok(pay_code(till, ticket, payment_code("alipay", "01", 3)))
    assert first["state"] == "polling" and first["in_flight"] and 0 < first["seconds_left"] <= 3
    assert till.complete(ticket).json()["code"] == "payment_pending"  # not while the customer types
    done = wait_final(till, first["id"])
    assert done["state"] == "paid" and provider_tenders(done["ticket"])[0]["amount"] == 350
    assert till.complete(ticket).status_code == 200
    assert len(charged(paysim.trades(), first["out_trade_no"])) == 1


def test_a_customer_who_gives_up_leaves_the_attempt_closed_and_the_ticket_due(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    first = till.ok(pay_code(till, ticket, payment_code("wechat", "02", 2)))
    done = wait_final(till, first["id"])
    assert done["state"] == "closed" and done["ticket"]["tenders"] == [] and done["ticket"]["due_exact"] == 350
    assert charged(paysim.trades(), first["out_trade_no"]) == []
    assert till.pay_cash(ticket, 350).status_code == 200 and till.complete(ticket).status_code == 200


@pytest.mark.parametrize(("script", "why"), [("03", "SYSTEMERROR"), ("09", "bad signature"),
                                              ("07", "connection dropped after the charge")])
@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_an_answer_that_cannot_be_trusted_is_queried_and_the_charge_found(
        till: Till, paysim: Paysim, provider: str, script: str, why: str) -> None:
    ticket = ticket_with(till, NOODLES)
    first = till.ok(pay_code(till, ticket, payment_code(provider, script)))
    assert first["state"] == "unknown", why  # never taken as paid, never as failed
    done = wait_final(till, first["id"])
    assert done["state"] == "paid" and len(provider_tenders(done["ticket"])) == 1
    assert len(charged(paysim.trades(), first["out_trade_no"])) == 1


def test_a_provider_refusal_is_failed_with_its_words_and_charges_nothing(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    failed = till.ok(pay_code(till, ticket, payment_code("wechat", "04")))
    assert failed["state"] == "failed" and failed["final"] and failed["raw_code"] == "NOTENOUGH" and failed["message"]
    assert charged(paysim.trades(), failed["out_trade_no"]) == []
    again = till.ok(pay_code(till, ticket, payment_code("wechat")))  # another code pays it
    assert again["state"] == "paid"


def test_a_trade_never_confirmed_is_reversed_again_while_the_provider_asks(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    first = till.ok(pay_code(till, ticket, payment_code("wechat", "06")))
    done = wait_final(till, first["id"])
    assert done["state"] == "reversed" and done["ticket"]["tenders"] == []
    trade = paysim.trade("wechat", first["out_trade_no"])
    assert trade["reverses"] == 2 and not trade["charged"]


def test_cancel_on_the_waiting_dialog_reverses_and_frees_the_ticket(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    first = till.ok(pay_code(till, ticket, payment_code("alipay", "01", 9)))
    assert till.post(f"/tickets/{ticket}/void", {"command_id": uuid.uuid4().hex}).json()["code"] == "payment_pending"
    cancelled = till.ok(till.post(f"/paycodes/{first['id']}/cancel", {"command_id": uuid.uuid4().hex}))
    assert cancelled["state"] in ("needs_reverse", "reversed") and not cancelled["in_flight"]
    assert wait_final(till, first["id"])["state"] == "reversed"
    assert charged(paysim.trades(), first["out_trade_no"]) == []
    assert till.pay_cash(ticket, 350).status_code == 200 and till.complete(ticket).status_code == 200


def test_query_by_hand_finds_the_payment(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    first = till.ok(pay_code(till, ticket, payment_code("wechat", "01", 1)))
    queried = till.ok(till.post(f"/paycodes/{first['id']}/query", {"command_id": uuid.uuid4().hex}))
    assert queried["state"] in ("paid", "polling")
    assert wait_final(till, first["id"])["state"] == "paid"


def test_a_cashier_cannot_cancel_a_paid_attempt(till: Till) -> None:
    ticket = ticket_with(till, COLA)
    paid = till.ok(pay_code(till, ticket, payment_code("wechat")))
    refused = till.post(f"/paycodes/{paid['id']}/cancel", {"command_id": uuid.uuid4().hex})
    assert refused.status_code == 409 and refused.json()["code"] == "paycode_already_paid"


# ---- split tenders and 抹零 ---------------------------------------------------------------------------


def test_rounding_never_applies_to_a_payment_code_and_split_tenders_add_up(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, APPLE_PLU, quantity=333))  # 333 g at ￥12.98/kg = ￥4.32
    view = till.ok(till.get(f"/tickets/{ticket}"))
    assert (view["due"], view["due_exact"]) == (430, 432)  # 抹零 to the jiao for cash only
    part = till.ok(pay_code(till, ticket, payment_code("alipay"), amount=200))
    assert part["state"] == "paid" and part["ticket"]["due_exact"] == 232 and part["ticket"]["due"] == 230
    till.ok(till.pay_cash(ticket, 230))
    done = till.ok(till.complete(ticket))
    assert done["total"] == 430 and done["rounding"] == -2 and done["change"] == 0


def test_a_whole_payment_code_takes_the_exact_amount(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, APPLE_PLU, quantity=333))
    paid = till.ok(pay_code(till, ticket, payment_code("wechat")))
    assert paid["amount"] == 432
    done = till.ok(till.complete(ticket))
    assert done["total"] == 432 and done["rounding"] == 0


# ---- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["13000000000000001", "1300000000000000012", "160000000000000001",
                                  "31000000000000000001", "abcdefghijklmnopqr", "６９０１２３"])
def test_a_code_that_is_no_payment_code_is_refused(till: Till, paysim: Paysim, code: str) -> None:
    ticket = ticket_with(till, COLA)
    before = len(paysim.trades())
    refused = pay_code(till, ticket, code)
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_payment_code", refused.text
    assert len(paysim.trades()) == before


@pytest.mark.parametrize(("amount", "code"), [(0, "invalid_amount"), (-5, "invalid_amount"),
                                               (351, "tender_over_due")])
def test_an_amount_of_nothing_or_above_what_is_due_is_refused(till: Till, paysim: Paysim, amount: int,
                                                              code: str) -> None:
    ticket = ticket_with(till, COLA)
    before = len(paysim.trades())
    refused = pay_code(till, ticket, payment_code("wechat"), amount=amount)
    assert refused.status_code in (400, 409) and refused.json()["code"] == code, refused.text
    assert len(paysim.trades()) == before


def test_the_same_code_scanned_twice_is_one_payment(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    code = payment_code("wechat")
    first = till.ok(pay_code(till, ticket, code))
    again = till.ok(pay_code(till, ticket, code))
    resent = till.ok(pay_code(till, ticket, code, command_id=None))
    assert first["id"] == again["id"] == resent["id"]
    assert len(provider_tenders(again["ticket"])) == 1
    assert len([t for t in paysim.trades() if t["out_trade_no"] == first["out_trade_no"]]) == 1


def test_a_resent_scan_answers_the_same_attempt(till: Till, paysim: Paysim) -> None:
    ticket = ticket_with(till, COLA)
    command = uuid.uuid4().hex
    code = payment_code("alipay")
    first = till.ok(pay_code(till, ticket, code, command_id=command))
    again = till.ok(pay_code(till, ticket, code, command_id=command))
    assert again["id"] == first["id"] and again["state"] == "paid" == attempt(till, first["id"])["state"]
    other = pay_code(till, ticket, payment_code("alipay"), command_id=command)
    assert other.status_code == 409 and other.json()["code"] == "command_id_reused"


def test_nothing_due_refuses_a_scan(till: Till) -> None:
    ticket = ticket_with(till, COLA)
    till.ok(pay_code(till, ticket, payment_code("wechat")))
    refused = pay_code(till, ticket, payment_code("wechat"))
    assert refused.status_code == 409 and refused.json()["code"] == "nothing_due"


def test_the_refusal_speaks_the_tills_language(paystore: StoreServer) -> None:
    till = Till(paystore, paystore.new_till(), language="en")
    till.open_shift()
    ticket = ticket_with(till, COLA)
    refused = pay_code(till, ticket, "12345")
    assert refused.json()["code"] == "invalid_payment_code" and "Not a WeChat Pay" in refused.json()["message"]


def test_another_tills_attempt_is_not_found(till: Till, paystore: StoreServer) -> None:
    ticket = ticket_with(till, COLA)
    paid = till.ok(pay_code(till, ticket, payment_code("wechat")))
    other = Till(paystore, paystore.new_till())
    assert other.get(f"/paycodes/{paid['id']}").status_code == 404


def test_the_x_report_counts_payment_code_tenders_per_method(paystore: StoreServer) -> None:
    manager = Till(paystore, paystore.new_till(), operator="9001", pin="9999")
    manager.open_shift()
    ticket = ticket_with(manager, NOODLES)
    manager.ok(pay_code(manager, ticket, payment_code("alipay"), amount=1000))
    manager.ok(manager.pay_cash(ticket, 290))
    manager.ok(manager.complete(ticket))
    report = manager.ok(manager.get("/closing/x"))
    rows = {row["method"]: row for row in report["tenders"]}
    assert rows["alipay"]["taken"] >= 1000 and rows["alipay"]["expected"] == rows["alipay"]["net"]
    assert rows["cash"]["counted"] is None or isinstance(rows["cash"]["counted"], int)


def test_a_charge_the_ticket_can_no_longer_take_is_reversed(till: Till, paysim: Paysim) -> None:
    """The cashier takes goods off while the customer types the password: the charge, now above what
    is due, is reversed — the customer is never left charged without a sale."""
    ticket = ticket_with(till, COLA, NOODLES)
    first = till.ok(pay_code(till, ticket, payment_code("wechat", "01", 3)))  # ￥16.40, waiting
    noodles = next(line["id"] for line in first["ticket"]["lines"] if line["amount"] == 1290)
    till.ok(till.post(f"/tickets/{ticket}/lines/{noodles}/void", {"command_id": uuid.uuid4().hex}))
    done = wait_final(till, first["id"])
    assert done["state"] == "reversed" and done["ticket"]["tenders"] == []
    trade = paysim.trade("wechat", first["out_trade_no"])
    assert trade["charged"] and trade["refunded"] == trade["amount"] == 1640  # charged, and all of it back
