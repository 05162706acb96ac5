"""Money and control at the store's door: tenders only while something is due and never wildly
over it, the void limit that can't be walked around, and returns that give back what was paid."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.money import MAX_AMOUNT
from harness.store import COLA, MOUTAI, NOODLES, WATER, StoreServer, Till, make_store_server

SUPERVISOR = {"operator": "5001", "pin": "5555"}


def cid() -> str:
    return uuid.uuid4().hex


def state_of(till: Till, ticket: int) -> dict:
    return till.ok(till.get(f"/tickets/{ticket}"))


def test_a_tender_on_a_paid_ticket_is_refused_and_changes_nothing(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    till.ok(till.pay_cash(ticket, 350))
    again = [till.pay_cash(ticket, 350) for _ in range(10)]  # a double-clicked tender button
    assert {r.status_code for r in again} == {409} and {r.json()["code"] for r in again} == {"nothing_due"}
    assert state_of(till, ticket)["paid"] == 350


def test_cash_far_above_what_is_due_is_refused(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    huge = till.pay_cash(ticket, 100_000_000)  # ￥1,000,000 for ￥3.50
    assert huge.status_code == 409 and huge.json()["code"] == "cash_over_limit"
    assert "￥103.50" in huge.json()["message"]
    assert state_of(till, ticket)["tenders"] == []
    note = till.ok(till.pay_cash(ticket, 10_000))  # a ￥100 note is fine
    assert note["due"] == 0
    assert till.ok(till.complete(ticket))["change"] == 9_650


def test_a_tender_method_the_till_may_not_send_directly_is_refused(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    for method in ("stored_value", "wechat", "bogus"):
        refused = till.post(f"/tickets/{ticket}/tenders", {"method": method, "amount": 350, "command_id": cid()})
        assert refused.status_code == 400 and refused.json()["code"] == "unsupported_tender"


def test_cutting_a_line_step_by_step_needs_the_same_authorisation_as_voiding_it(store_server: StoreServer) -> None:
    till = Till(store_server, store_server.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, NOODLES, quantity=10))["lines"][-1]  # 10 × ￥12.90
    cut = till.post(f"/tickets/{ticket}/lines/{line['id']}/quantity", {"quantity": 7, "command_id": cid()})
    assert cut.status_code == 200  # ￥38.70 off: under the ￥50 limit
    again = till.post(f"/tickets/{ticket}/lines/{line['id']}/quantity", {"quantity": 1, "command_id": cid()})
    assert again.status_code == 403 and again.json()["code"] == "override_required"
    assert state_of(till, ticket)["lines"][-1]["quantity"] == 7
    allowed = till.ok(till.post(f"/tickets/{ticket}/lines/{line['id']}/quantity",
                                {"quantity": 1, "command_id": cid(), "override": SUPERVISOR}))
    assert allowed["lines"][-1]["quantity"] == 1
    from sqlalchemy import select

    from app.db.models import Override

    with store_server.db() as session:
        recorded = session.scalars(select(Override).where(Override.ticket_id == ticket)).all()
    assert [(o.action, o.line_id) for o in recorded] == [("void_line", line["id"])]
    # What is left after the authorisation voids freely (￥12.90).
    assert till.post(f"/tickets/{ticket}/lines/{line['id']}/void", {"command_id": cid()}).status_code == 200


def test_a_price_or_a_line_beyond_the_largest_amount_is_refused(till: Till) -> None:
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, MOUTAI))["lines"][-1]
    too_much = till.post(f"/tickets/{ticket}/lines/{line['id']}/price",
                         {"price": MAX_AMOUNT + 1, "command_id": cid(), "override": SUPERVISOR})
    assert too_much.status_code == 400 and too_much.json()["code"] == "invalid_amount"
    till.ok(till.post(f"/tickets/{ticket}/lines/{line['id']}/price",
                      {"price": MAX_AMOUNT - 100, "command_id": cid(), "override": SUPERVISOR}))
    over = till.scan(ticket, MOUTAI)
    assert over.status_code == 409 and over.json()["code"] == "ticket_too_large"
    assert len(state_of(till, ticket)["lines"]) == 1


@pytest.fixture(scope="module")
def yuan_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    server = make_store_server(Path(tmp_path_factory.mktemp("yuan")), products=200,
                               extra_env={"OMNISTORE_ROUNDING": "yuan_down"})
    server.start()
    yield server
    server.stop()


def test_a_return_of_a_rounded_sale_gives_back_what_was_paid_not_more(yuan_store: StoreServer) -> None:
    till = Till(yuan_store, yuan_store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    for code in (COLA, WATER, NOODLES):  # 3.50 + 2.00 + 12.90 = 18.40, asked as ￥18.00 in cash
        state = till.ok(till.scan(ticket, code))
    assert (state["total"], state["rounding"]) == (1800, -40)
    assert sum(line["paid"] for line in state["lines"]) == 1800
    till.ok(till.pay_cash(ticket, 1800))
    sale = till.ok(till.complete(ticket))["sale_id"]
    returnable = till.ok(till.get(f"/sales/{sale}/returnable"))
    first = till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": returnable["lines"][0]["id"],
                                                                       "quantity": 1}], "command_id": cid()}))
    rest = till.ok(till.post("/returns", {"sale_id": sale, "command_id": cid(), "lines": [
        {"line_id": line["id"], "quantity": 1} for line in returnable["lines"][1:]]}))
    assert first["total"] + rest["total"] == 1800 == first["cash"] + rest["cash"]


def test_a_cheap_item_of_a_rounded_sale_refunds_nothing_in_cash(yuan_store: StoreServer) -> None:
    till = Till(yuan_store, yuan_store.new_till())
    till.open_shift()
    ticket = till.new_ticket()
    state = till.ok(till.scan(ticket, COLA))  # ￥3.50 asked as ￥3.00
    till.ok(till.pay_cash(ticket, state["due"]))
    sale = till.ok(till.complete(ticket))["sale_id"]
    line = till.ok(till.get(f"/sales/{sale}/returnable"))["lines"][0]
    back = till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": line["id"], "quantity": 1}],
                                          "command_id": cid()}))
    assert back["total"] == back["cash"] == 300
