"""A channel sale's event: the optional channel fields go up with the sale and read back at HQ;
a counter sale (or a store from before O2O) reads as the channel "store"; a channel HQ does not
know parks the event."""

from __future__ import annotations

from datetime import datetime

import pytest

from app import checkout, events
from app.domain.quantity import Unit
from app.domain.sale import Line, Payment, Sale


def completed_ticket() -> dict:
    sale = Sale(id=7, till="T01", operator_id=1, shift_id=1, created_at=datetime(2026, 12, 3, 14, 0))
    sale.add_line(Line(product_id=1, sku="COLA", name="可口可乐", unit=Unit.PIECE, quantity=2, unit_price=350,
                       original_price=350, fixed_amount=700))
    sale.add_payment(Payment("platform", 700, reference="MT123"))
    sale.complete("T01-20261203-0001", datetime(2026, 12, 3, 14, 1))
    return checkout.ticket_view(sale)


def test_the_channel_fields_go_up_and_read_back() -> None:
    sent = events.SaleCompleted(completed_ticket(), channel="meituan", channel_order_no="MT123", o2o_order_id=42,
                                commission=120, delivery_fee=500)
    read = events.SaleCompleted.read(events.Fields(sent.payload()))
    assert (read.channel, read.channel_order_no, read.o2o_order_id, read.commission, read.delivery_fee) == (
        "meituan", "MT123", 42, 120, 500)
    assert read.figures is not None and read.figures.total == 700


def test_a_counter_sale_and_an_old_stores_sale_read_as_the_store_channel() -> None:
    ticket = completed_ticket()
    assert events.SaleCompleted(ticket).payload() == ticket  # nothing added to a counter sale
    read = events.SaleCompleted.read(events.Fields(ticket))
    assert (read.channel, read.channel_order_no, read.o2o_order_id, read.commission) == ("store", None, None, 0)


@pytest.mark.parametrize("bad", [{"channel": "taobao"}, {"channel": "own", "commission": "1"},
                                 {"channel": "own", "o2o_order_id": -1.5}])
def test_a_channel_hq_cannot_read_parks_the_event(bad: dict) -> None:
    with pytest.raises(events.Unreadable):
        events.SaleCompleted.read(events.Fields({**completed_ticket(), **bad}))
