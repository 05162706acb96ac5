"""Master data down: an ordered change feed, paged by cursor, filtered to what concerns the store."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from app.domain.barcode import with_check_digit
from harness.hq import Admin, Store


def product(sku: str, price: int = 350, **extra: Any) -> dict[str, Any]:
    return {"sku": sku, "name": f"商品{sku}", "spec": "330ml", "brand": "测试", "category": "饮料", "unit": "piece",
            "price": price, "tax_rate": 1300, **extra}


def read_all(store: Store, cursor: int = 0, limit: int = 1000) -> tuple[list[dict[str, Any]], int]:
    seen: list[dict[str, Any]] = []
    while True:
        page = store.feed(cursor, limit)
        assert page.status_code == 200, page.text
        body = page.json()
        seen += body["changes"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return seen, cursor


def head_of(store: Store) -> int:
    return read_all(store, limit=5000)[1]


def test_a_new_store_pages_through_every_change_in_order(admin: Admin, store: Store) -> None:
    start = head_of(store)
    prefix = uuid.uuid4().hex[:6].upper()
    skus = [f"P{prefix}{i:03d}" for i in range(25)]
    admin.ok(admin.post("/admin/products", {"items": [product(s) for s in skus]}))
    changes, cursor = read_all(store, start, limit=7)
    products = [c for c in changes if c["entity"] == "product"]
    assert [c["key"] for c in products] == skus
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)
    assert products[0]["data"]["price"] == 350 and products[0]["data"]["barcodes"] == []
    assert products[0]["deleted"] is False
    assert store.feed(cursor).json() == {"changes": [], "next_cursor": cursor, "has_more": False, "head": cursor}


def test_prices_reach_only_their_group_and_tills_only_their_store(admin: Admin) -> None:
    east, west = admin.new_store("华东"), admin.new_store("西南")
    east_start, west_start = head_of(east), head_of(west)
    sku = "G" + uuid.uuid4().hex[:8].upper()
    admin.ok(admin.post("/admin/products", {"items": [product(sku)]}))
    admin.ok(admin.post("/admin/prices", {"items": [{"group": "华东", "sku": sku, "price": 300},
                                                    {"group": "西南", "sku": sku, "price": 330}]}))
    admin.ok(admin.post("/admin/tills", {"items": [{"store": east.code, "code": "T01", "name": "1号收银台"}]}))
    east_changes, _ = read_all(east, east_start)
    west_changes, _ = read_all(west, west_start)
    assert [(c["entity"], c["data"].get("price")) for c in east_changes if c["entity"] == "price"] == [("price", 300)]
    assert [(c["entity"], c["data"].get("price")) for c in west_changes if c["entity"] == "price"] == [("price", 330)]
    assert [c["key"] for c in east_changes if c["entity"] == "till"] == [f"{east.code}:T01"]
    assert [c for c in west_changes if c["entity"] == "till"] == []
    assert sku in {c["key"] for c in west_changes if c["entity"] == "product"}
    admin.ok(admin.delete(f"/admin/prices/华东/{sku}"))
    deleted = [c for c in read_all(east, head_of(east) - 1)[0] if c["entity"] == "price"]
    assert deleted[-1]["deleted"] is True and deleted[-1]["key"] == f"华东:{sku}"


def test_an_unchanged_upsert_leaves_no_change_behind(admin: Admin, store: Store) -> None:
    sku = "U" + uuid.uuid4().hex[:8].upper()
    code = with_check_digit("690" + str(uuid.uuid4().int)[:9])
    item = product(sku, barcodes=[{"code": code, "pack_quantity": 1}])
    assert admin.ok(admin.post("/admin/products", {"items": [item]})) == {"changed": 1, "unchanged": 0}
    start = head_of(store)
    assert admin.ok(admin.post("/admin/products", {"items": [item]})) == {"changed": 0, "unchanged": 1}
    # barcodes left out keep the current ones
    assert admin.ok(admin.post("/admin/products", {"items": [product(sku)]})) == {"changed": 0, "unchanged": 1}
    assert read_all(store, start)[0] == []
    admin.ok(admin.post("/admin/products", {"items": [product(sku, price=399)]}))
    changed = read_all(store, start)[0]
    assert [c["data"]["price"] for c in changed] == [399]
    assert changed[0]["data"]["barcodes"] == [{"code": code, "pack_quantity": 1}]


def test_operators_travel_with_the_pin_hash_never_the_pin(admin: Admin, store: Store) -> None:
    start = head_of(store)
    code = str(uuid.uuid4().int)[:6]
    admin.ok(admin.post("/admin/operators", {"items": [{"code": code, "name": "张三", "role": "cashier",
                                                        "pin": "482913"}]}))
    [change] = [c for c in read_all(store, start)[0] if c["entity"] == "operator"]
    assert change["data"]["pin_hash"].startswith("$argon2id$")
    assert "482913" not in str(change)
    from app.security import verify_pin

    assert verify_pin(change["data"]["pin_hash"], "482913")
    no_pin = admin.post("/admin/operators", {"items": [{"code": "N" + code, "name": "李四", "role": "cashier"}]})
    assert no_pin.status_code == 422 and no_pin.json()["code"] == "pin_required"
    bad_role = admin.post("/admin/operators", {"items": [{"code": code, "name": "张三", "role": "boss"}]})
    assert bad_role.status_code == 422


def test_a_store_and_its_group_are_announced(admin: Admin, store: Store) -> None:
    start = head_of(store)
    other = admin.new_store("华北")
    [change] = [c for c in read_all(store, start)[0] if c["entity"] == "store"]
    assert change["data"] == {"code": other.code, "name": f"测试店{other.code}", "group": "华北"}


def test_long_poll_waits_for_a_change_then_returns_it(admin: Admin, store: Store) -> None:
    start = head_of(store)
    started = time.monotonic()
    empty = store.feed(start, wait=1).json()
    assert empty["changes"] == [] and time.monotonic() - started >= 0.9
    name = "类目" + uuid.uuid4().hex[:6]
    timer = threading.Timer(0.7, lambda: admin.post("/admin/categories", {"items": [{"name": name}]}))
    timer.start()
    started = time.monotonic()
    page = store.feed(start, wait=10).json()
    timer.join()
    assert [c["key"] for c in page["changes"]] == [name]
    assert time.monotonic() - started < 5


def test_feed_parameters_are_checked(store: Store) -> None:
    assert store.feed(0, limit=5001).status_code == 422
    assert store.feed(-1).status_code == 422
    assert store.feed(0, wait=26).status_code == 422
