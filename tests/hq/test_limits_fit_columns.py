"""HQ's columns hold what the shared limits let through: a text column is at least as wide as its
kind may be, a number column as wide as its limit (no event the store accepted overflows one)."""

from __future__ import annotations

import pytest
from sqlalchemy import BigInteger, Integer, String

from app.domain import limits
from app.hq.models import Event, LoyaltyConflict, ParkedEvent, PointsEntry, Sale, SaleTender, StoreStock, WalletEntry

TEXTS = [
    (Event.event_id, limits.ID), (Event.kind, limits.EVENT_KIND), (ParkedEvent.event_id, limits.ID),
    (Sale.sale_id, limits.SALE_ID), (Sale.till, limits.TILL), (Sale.member_no, limits.MEMBER_NO),
    (SaleTender.sale_id, limits.SALE_ID), (SaleTender.method, limits.TENDER_METHOD), (StoreStock.sku, limits.SKU),
    (WalletEntry.ref, limits.REF), (PointsEntry.ref, limits.REF), (LoyaltyConflict.event_id, limits.ID),
    (LoyaltyConflict.resolution, limits.RESOLUTION_NOTE),
    (SaleTender.provider, limits.TENDER_METHOD), (SaleTender.transaction_id, limits.REF),
    (SaleTender.out_trade_no, limits.REF), (SaleTender.payer_bank, limits.REF), (SaleTender.out_refund_no, limits.REF),
    (SaleTender.refund_id, limits.REF),
]
NUMBERS = [
    (Sale.total, limits.MAX_TICKET_AMOUNT), (Sale.rounding, limits.MAX_AMOUNT), (Sale.change, limits.MAX_AMOUNT),
    (Sale.item_count, limits.MAX_ITEM_COUNT), (SaleTender.amount, limits.MAX_AMOUNT),
    (SaleTender.fee, limits.MAX_AMOUNT),
    (StoreStock.quantity, limits.MAX_STOCK_DELTA),
]


@pytest.mark.parametrize(("column", "limit"), TEXTS, ids=[str(c) for c, _ in TEXTS])
def test_a_text_column_is_as_wide_as_its_kind(column, limit: limits.TextLimit) -> None:  # type: ignore[no-untyped-def]
    kind = column.property.columns[0].type
    assert isinstance(kind, String) and kind.length >= limit.max_length


@pytest.mark.parametrize(("column", "maximum"), NUMBERS, ids=[str(c) for c, _ in NUMBERS])
def test_a_number_column_holds_its_limit(column, maximum: int) -> None:  # type: ignore[no-untyped-def]
    kind = column.property.columns[0].type
    widest = limits.INT8_MAX if isinstance(kind, BigInteger) else limits.INT4_MAX if isinstance(kind, Integer) else 0
    assert maximum <= widest
