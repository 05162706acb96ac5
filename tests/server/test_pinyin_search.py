"""拼音首字母 by phrase: 重庆 is cq, 银行 yh, 长城 cc, 重量 zl; a name with a lone character read two
common ways is found by either; and a store that synced before gets the new initials on upgrade,
without a reseed (real SQLite files, migrated)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.catalog import Catalog, current_version
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Product
from app.pinyin import MAX_LENGTH, MAX_READINGS, SEPARATOR, initials, readings
from app.sync import feed


@pytest.fixture
def sessions(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine)
    return make_session_factory(engine)


def product(sku: str, name: str) -> dict:
    data = {"sku": sku, "name": name, "price": 500, "unit": "piece", "category": "食品", "barcodes": []}
    return {"seq": 0, "entity": "product", "key": sku, "data": data, "deleted": False}


def found(session, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in Catalog().search(session, query, 20)]


@pytest.mark.parametrize(("name", "expected"), [
    ("重庆", "cq"), ("银行", "yh"), ("长城", "cc"), ("重量", "zl"), ("行长", "hz"), ("音乐", "yy"),
    ("重庆小面 500g", "cqxm500g"), ("长城 干红葡萄酒 750ml", "ccghptj750ml"), ("可口可乐 330ml", "kkkl330ml"),
])
def test_initials_are_taken_by_phrase_not_by_character(name: str, expected: str):
    assert readings(name)[0] == expected


def test_a_phrase_is_read_one_way_only_so_changhong_is_not_also_zh():
    # 长虹 is a word (chánghóng): a cashier typing zh for it is wrong, and the index need not guess.
    assert initials("长虹电视") == "chds"


def test_a_lone_character_read_two_common_ways_is_indexed_under_both():
    assert initials("银行卡套") == f"yhkt{SEPARATOR}yhqt"  # 卡 is kǎ or qiǎ outside a phrase
    assert readings("长") == ["z", "c"]
    assert readings("精选芒果") == ["jxmg"]  # 芒 huāng and 果 luǒ are a dictionary's, not a cashier's


def test_a_long_ambiguous_name_is_capped_and_fits_its_column():
    name = "卡乐行长重" * 25  # 125 characters, most of them ambiguous on their own
    found_readings = readings(name)
    assert 1 <= len(found_readings) <= MAX_READINGS
    assert len(initials(name)) <= max(MAX_LENGTH, len(found_readings[0]))


def test_full_width_letters_and_digits_index_as_ascii():
    assert initials("可口可乐３３０ｍｌ") == "kkkl330ml"


def test_products_from_hqs_feed_are_found_by_every_reading(sessions) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        feed.apply_page(session, [product("P1", "重庆小面"), product("P2", "银行卡套"), product("P3", "长城 干红"),
                                  product("P4", "重量级 哑铃")], 1, "east", bump=True)
        session.commit()
        assert found(session, "cqxm") == ["重庆小面"]
        assert found(session, "zqxm") == []
        assert found(session, "yhkt") == found(session, "yhqt") == ["银行卡套"]
        assert found(session, "ccgh") == ["长城 干红"]
        assert found(session, "zlj") == ["重量级 哑铃"]
        assert found(session, "ktyh") == []  # two readings are never searched as one string


@given(st.text(st.characters(exclude_categories=()), max_size=60))
def test_any_name_has_a_bounded_set_of_readings_of_one_length(name: str):
    found_readings = readings(name)
    assert 1 <= len(found_readings) <= MAX_READINGS
    assert len(set(found_readings)) == len(found_readings)
    assert len({len(r) for r in found_readings}) == 1
    assert all(SEPARATOR not in r and r == r.lower() and (r.isascii() or not r) for r in found_readings)
    assert len(initials(name)) <= max(MAX_LENGTH, len(found_readings[0]))


def test_a_store_synced_before_gets_phrase_initials_on_upgrade_without_a_reseed(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0011")
    with sqlite3.connect(path) as raw:  # what a store made character by character holds
        raw.execute("INSERT INTO categories (name) VALUES ('食品')")
        for sku, name, old in (("P1", "重庆小面", "zqxm"), ("P2", "银行卡套", "yxkt")):
            raw.execute("INSERT INTO products (sku, name, initials, spec, brand, category_id, unit, price, list_price, "
                        "tax_rate, active, kind) VALUES (?, ?, ?, '', '', 1, 'piece', 500, 500, 1300, 1, 'goods')",
                        (sku, name, old))
        raw.execute("INSERT INTO meta (key, value) VALUES ('catalog_version', '7')")
    upgrade(engine)
    with make_session_factory(engine)() as session:
        assert dict(session.execute(select(Product.sku, Product.initials)).all()) == {
            "P1": "cqxm", "P2": f"yhkt{SEPARATOR}yhqt"}
        assert current_version(session) == "8"  # a running server's search index rebuilds
        assert found(session, "cqxm") == ["重庆小面"] and found(session, "yhqt") == ["银行卡套"]
    engine.dispose()
