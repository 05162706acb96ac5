"""Applying HQ's change feed to a store database (real SQLite file, migrated)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.catalog import Catalog, lookup
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Barcode, Operator, Product, Till
from app.domain.barcode import InStoreLayout
from app.security import hash_pin, verify_pin
from app.sync import feed
from app.sync.worker import BACKOFF_MAX, backoff_delay


@pytest.fixture
def sessions(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine)
    return make_session_factory(engine)


def product(sku: str, name: str, price: int, barcode: str | None = None, **extra: object) -> dict:
    data = {"sku": sku, "name": name, "price": price, "unit": "piece", "category": "饮料",
            "barcodes": [{"code": barcode, "pack_quantity": 1}] if barcode else [], **extra}
    return {"seq": 0, "entity": "product", "key": sku, "data": data, "deleted": False}


def test_a_page_of_products_becomes_sellable_and_searchable(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        changes = [product("H1", "雪碧 500ml", 300, "6901234567892"), product("H2", "芬达 橙味 500ml", 300)]
        assert feed.apply_page(session, changes, 42, "east", bump=True)
        session.commit()
        assert feed.cursor(session) == 42
        found = lookup(session, "6901234567892", InStoreLayout())
        assert found.product.name == "雪碧 500ml" and found.product.price == 300
        assert [p.sku for p in Catalog().search(session, "xb", 10)] == ["H1"]


def test_a_changed_product_replaces_its_barcodes_and_a_deleted_one_stops_selling(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        feed.apply_page(session, [product("H1", "雪碧", 300, "6901234567892")], 1, "east", bump=True)
        feed.apply_page(session, [product("H1", "雪碧 新装", 320, "6901234567908")], 2, "east", bump=True)
        session.commit()
        codes = session.scalars(select(Barcode.code)).all()
        assert codes == ["6901234567908"]
        deleted = product("H1", "雪碧 新装", 320, "6901234567908")
        deleted["deleted"] = True
        feed.apply_page(session, [deleted], 3, "east", bump=True)
        session.commit()
        assert session.scalar(select(Product.active).where(Product.sku == "H1")) is False


def test_group_prices_apply_only_to_the_stores_group_and_outlive_list_price_changes(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        feed.apply_page(session, [product("H1", "雪碧", 300)], 1, "east", bump=False)
        other = {"seq": 2, "entity": "price", "key": "west:H1", "data": {"group": "west", "sku": "H1", "price": 250}}
        ours = {"seq": 3, "entity": "price", "key": "east:H1", "data": {"group": "east", "sku": "H1", "price": 280}}
        feed.apply_page(session, [other, ours], 3, "east", bump=False)
        feed.apply_page(session, [product("H1", "雪碧", 310)], 4, "east", bump=False)
        session.commit()
        row = session.scalars(select(Product).where(Product.sku == "H1")).one()
        assert (row.price, row.list_price, row.group_price) == (280, 310, 280)


def test_operators_and_tills_arrive_with_their_pin_hashes(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        changes = [
            {"seq": 1, "entity": "till", "key": "T09", "data": {"code": "T09", "name": "9号台", "store": "S1"}},
            {"seq": 2, "entity": "operator", "key": "3001",
             "data": {"code": "3001", "name": "赵六", "role": "cashier", "pin_hash": hash_pin("8642"), "active": True}},
        ]
        feed.apply_page(session, changes, 2, "east", bump=False)
        session.commit()
        assert session.get(Till, "T09") is not None
        operator = session.scalars(select(Operator).where(Operator.code == "3001")).one()
        assert verify_pin(operator.pin_hash, "8642")


def test_a_failed_page_moves_neither_data_nor_cursor(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        broken = {"seq": 1, "entity": "product", "key": "H9", "data": {"sku": "H9"}, "deleted": False}  # no name
        with pytest.raises(KeyError):
            feed.apply_page(session, [product("H1", "雪碧", 300), broken], 9, "east", bump=True)
        session.rollback()
        assert feed.cursor(session) == 0
        assert session.scalar(select(Product).where(Product.sku == "H1")) is None


@given(st.integers(min_value=1, max_value=60))
def test_backoff_is_jittered_and_capped(failures: int) -> None:
    delay = backoff_delay(failures)
    assert 0 <= delay <= min(BACKOFF_MAX, 0.5 * 2 ** (failures - 1))


def test_a_cost_price_from_hqs_feed_is_kept_for_the_margin(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        feed.apply_page(session, [product("C1", "雪碧 500ml", 300, cost_price=210), product("C2", "芬达", 300),
                                  product("C3", "可乐", 300, cost_price="2.10")], 7, "east", bump=True)
        session.commit()
        costs = dict(session.execute(select(Product.sku, Product.cost_price).where(Product.sku.like("C%"))).all())
    assert costs == {"C1": 210, "C2": None, "C3": None}  # only whole fen count; nothing else is guessed
