"""现金退款 at HQ: a return's refund to a payment code the provider refused and the store paid in
cash instead (``paycode_refund_paid_in_cash``) moves from the provider's column to cash — in the same
batch as the return or a later one; a refund HQ does not know is parked, never a 500."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from app.events import Fields, PaycodeRefundPaidInCash
from app.hq.models import SaleTender
from harness.hq import HQServer
from harness.hq import Store as StoreClient


def _returned(store: StoreClient, out_refund_no: str, amount: int = 700) -> dict[str, Any]:
    event = store.sale(-amount, [("wechat", -amount)])
    event["kind"] = "sale_returned"
    event["payload"].update(tenders=[{"method": "wechat", "amount": -amount, "provider": "wechat",
                                      "out_trade_no": "OSX1", "out_refund_no": out_refund_no}],
                            refunds=[], points_refunds=[], original_sale="T01-x", whole=False)
    return event


def _paid_in_cash(store: StoreClient, out_refund_no: str, amount: int = 700) -> dict[str, Any]:
    return store.event("paycode_refund_paid_in_cash", {
        "out_refund_no": out_refund_no, "provider": "wechat", "amount": amount, "out_trade_no": "OSX1",
        "till": "T01", "at": "2031-03-15T11:00:00", "approver": "9001"})


def _rows(hq: HQServer, sale_id: str) -> dict[str, int]:
    with hq.db() as session:
        return {row.method: row.amount for row in session.scalars(
            select(SaleTender).where(SaleTender.sale_id == sale_id))}


def test_a_refund_paid_in_cash_moves_to_cash_at_hq(hq: HQServer, store: StoreClient) -> None:
    number = "RF" + uuid.uuid4().hex[:26].upper()
    returned = _returned(store, number)
    assert store.push([returned]).json()["parked"] == []
    answer = store.push([_paid_in_cash(store, number)])
    assert answer.status_code == 200 and answer.json()["parked"] == [], answer.text
    assert _rows(hq, returned["payload"]["sale_id"]) == {"wechat": 0, "cash": -700}


def test_in_the_same_batch_as_its_return(hq: HQServer, store: StoreClient) -> None:
    number = "RF" + uuid.uuid4().hex[:26].upper()
    returned = _returned(store, number, 1290)
    answer = store.push([returned, _paid_in_cash(store, number, 1290)])
    assert answer.status_code == 200 and answer.json()["parked"] == [], answer.text
    assert _rows(hq, returned["payload"]["sale_id"]) == {"wechat": 0, "cash": -1290}


def test_an_unknown_refund_or_more_than_it_is_parked(hq: HQServer, store: StoreClient) -> None:
    unknown = _paid_in_cash(store, "RF" + uuid.uuid4().hex[:26].upper())
    answer = store.push([unknown])
    assert answer.status_code == 200
    assert [p["event_id"] for p in answer.json()["parked"]] == [unknown["event_id"]]
    number = "RF" + uuid.uuid4().hex[:26].upper()
    returned = _returned(store, number, 500)
    too_much = _paid_in_cash(store, number, 900)
    answer = store.push([returned, too_much])
    assert [p["event_id"] for p in answer.json()["parked"]] == [too_much["event_id"]]
    assert _rows(hq, returned["payload"]["sale_id"]) == {"wechat": -500}


def test_the_event_round_trips() -> None:
    event = PaycodeRefundPaidInCash("RF1", "alipay", 350, "OS1", "T01", None, "9001")
    read = PaycodeRefundPaidInCash.read(Fields(event.payload()))
    assert (read.out_refund_no, read.provider, read.amount, read.out_trade_no) == ("RF1", "alipay", 350, "OS1")


def test_a_voids_payment_code_refund_is_read_at_hq(hq: HQServer, store: StoreClient) -> None:
    from app.events import PaycodeRefundBack, TicketVoided

    refund = {"provider": "alipay", "out_trade_no": "OSV1", "out_refund_no": "RFV1", "amount": 990}
    void = store.event("ticket_voided", {"ticket": 7, "till": "T01", "subtotal": 990, "coupons": [], "refunds": [],
                                         "points_refunds": [], "paycode_refunds": [refund]})
    answer = store.push([void])
    assert answer.status_code == 200 and answer.json()["parked"] == [], answer.text
    read = TicketVoided.read(Fields(void["payload"]))
    assert read.paycode_refunds == (PaycodeRefundBack("alipay", "OSV1", "RFV1", 990),)
    assert TicketVoided.read(Fields({"ticket": 7, "till": "T01"})).paycode_refunds == ()
    assert read.payload()["paycode_refunds"] == [refund]
