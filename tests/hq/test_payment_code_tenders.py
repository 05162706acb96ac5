"""A payment-code tender (付款码) reaches HQ with the provider's record: provider, transaction id, our
out_trade_no, payer bank and fee on the sale's tender row; a refund to it carries out_refund_no and
refund_id. Stores that send none of it are read as before; a field beyond its limit parks the event."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.events import Fields, SaleFigures, Tender
from app.hq.models import ParkedEvent, SaleTender
from harness.hq import HQServer
from harness.hq import Store as StoreClient

WECHAT = {"method": "wechat", "amount": 1500, "provider": "wechat", "transaction_id": "4200001234202612031234567890",
          "out_trade_no": "P0000001T01A1B2C3", "payer_bank": "CMC", "fee": 9}


def _rows(hq: HQServer, sale_id: str) -> dict[str, SaleTender]:
    with hq.db() as session:
        rows = session.scalars(select(SaleTender).where(SaleTender.sale_id == sale_id)).all()
        session.expunge_all()
        return {row.method: row for row in rows}


def _sale(store: StoreClient, tenders: list[dict[str, Any]]) -> dict[str, Any]:
    event = store.sale(sum(t["amount"] for t in tenders), [(t["method"], t["amount"]) for t in tenders])
    event["payload"]["tenders"] = tenders
    return event


def test_a_payment_code_tender_keeps_the_providers_record_at_hq(hq: HQServer, store: StoreClient) -> None:
    event = _sale(store, [dict(WECHAT), {"method": "cash", "amount": 490}])
    assert store.push([event]).status_code == 200
    rows = _rows(hq, event["payload"]["sale_id"])
    wechat, cash = rows["wechat"], rows["cash"]
    assert (wechat.amount, wechat.provider, wechat.transaction_id, wechat.out_trade_no, wechat.payer_bank,
            wechat.fee) == (1500, "wechat", WECHAT["transaction_id"], WECHAT["out_trade_no"], "CMC", 9)
    assert (cash.provider, cash.transaction_id, cash.out_trade_no, cash.fee) == (None, None, None, 0)


def test_a_return_to_a_payment_code_carries_the_refund_numbers(hq: HQServer, store: StoreClient) -> None:
    event = store.sale(-700, [("alipay", -700)])
    event["kind"] = "sale_returned"
    event["payload"].update(tenders=[{"method": "alipay", "amount": -700, "provider": "alipay",
                                      "transaction_id": "2026120322001400001", "out_trade_no": "P9T01X",
                                      "out_refund_no": "R9T01X1", "refund_id": "2026120322001400001"}],
                            refunds=[], points_refunds=[], original_sale="T01-x", whole=False)
    response = store.push([event])
    assert response.status_code == 200 and response.json()["parked"] == [], response.text
    row = _rows(hq, event["payload"]["sale_id"])["alipay"]
    assert (row.amount, row.out_refund_no, row.refund_id, row.out_trade_no) == (-700, "R9T01X1",
                                                                                 "2026120322001400001", "P9T01X")


def test_an_older_stores_tenders_read_as_before() -> None:
    payload = {"tenders": [{"method": "cash", "amount": 100}, {"method": "cash", "amount": 50}]}
    assert Tender.read_all(Fields(payload)) == {"cash": 150}
    assert Tender.provider_details(Tender.read_each(Fields(payload))) == {}


def test_a_provider_field_beyond_its_limit_parks_the_event(hq: HQServer, store: StoreClient) -> None:
    event = _sale(store, [{**WECHAT, "transaction_id": "9" * 65}])
    response = store.push([event])
    assert response.status_code == 200, response.text
    parked = response.json()["parked"]
    assert [(p["event_id"], p["field"]) for p in parked] == [(event["event_id"], "tenders.0.transaction_id")]
    assert _rows(hq, event["payload"]["sale_id"]) == {}
    with hq.db() as session:
        assert session.scalar(select(ParkedEvent).where(ParkedEvent.event_id == event["event_id"])) is not None


def test_the_tender_payload_round_trips() -> None:
    tender = Tender("wechat", 1500, "wechat", "42000", "P1", "CMC", 9)
    read = Tender.read_each(Fields({"tenders": [tender.payload()]}))
    assert read == [tender]
    assert Tender("cash", 100).payload() == {"method": "cash", "amount": 100}
    assert SaleFigures.__dataclass_fields__["providers"].default_factory() == {}  # type: ignore[misc]
