"""Admin master data: each item is checked, a refused batch writes nothing."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from app.domain.barcode import with_check_digit
from app.hq.models import Change, Product
from harness.hq import Admin, HQServer


def ean() -> str:
    return with_check_digit("690" + str(uuid.uuid4().int)[:9])


def item(sku: str, **extra: Any) -> dict[str, Any]:
    return {"sku": sku, "name": "可口可乐", "price": 350, "category": "饮料", **extra}


def state(hq: HQServer) -> tuple[int, int]:
    with hq.db() as session:
        return (int(session.scalar(select(func.count()).select_from(Product)) or 0),
                int(session.scalar(select(func.max(Change.seq))) or 0))


def test_products_with_barcodes_and_plu_are_stored(admin: Admin, hq: HQServer) -> None:
    sku, code, case = "M" + uuid.uuid4().hex[:8], ean(), with_check_digit("1690" + str(uuid.uuid4().int)[:9])
    plu = str(uuid.uuid4().int)[:5]
    body = {"items": [item(sku, unit="piece", plu=plu, tax_rate=900,
                           barcodes=[{"code": code}, {"code": case, "pack_quantity": 12}])]}
    assert admin.ok(admin.post("/admin/products", body)) == {"changed": 1, "unchanged": 0}
    catalog = hq.admin(hq.admin_key)
    page = catalog.ok(catalog.get("/open/catalog", limit=5000))
    mine = next(p for p in page["items"] if p["sku"] == sku)
    assert mine["plu"] == plu and mine["tax_rate"] == 900
    assert {(b["code"], b["pack_quantity"]) for b in mine["barcodes"]} == {(code, 1), (case, 12)}


def test_a_bad_check_digit_refuses_the_whole_batch(admin: Admin, hq: HQServer) -> None:
    before = state(hq)
    good = item("M" + uuid.uuid4().hex[:8], barcodes=[{"code": ean()}])
    bad_code = ean()
    bad = item("M" + uuid.uuid4().hex[:8], barcodes=[{"code": bad_code[:-1] + str((int(bad_code[-1]) + 1) % 10)}])
    response = admin.post("/admin/products", {"items": [good, bad]})
    assert response.status_code == 400 and response.json()["code"] == "bad_check_digit"
    assert state(hq) == before


def test_a_barcode_or_plu_of_another_sku_is_refused(admin: Admin, hq: HQServer) -> None:
    code, plu = ean(), str(uuid.uuid4().int)[:6]
    admin.ok(admin.post("/admin/products", {"items": [item("A" + uuid.uuid4().hex[:8], barcodes=[{"code": code}],
                                                           plu=plu)]}))
    before = state(hq)
    taken = admin.post("/admin/products", {"items": [item("B" + uuid.uuid4().hex[:8], barcodes=[{"code": code}])]})
    assert taken.status_code == 409 and taken.json()["code"] == "barcode_in_use"
    taken = admin.post("/admin/products", {"items": [item("B" + uuid.uuid4().hex[:8], plu=plu)]})
    assert taken.status_code == 409 and taken.json()["code"] == "plu_in_use"
    twice = admin.post("/admin/products", {"items": [item("D1"), item("D1")]})
    assert twice.status_code == 422 and twice.json()["code"] == "duplicate_sku"
    assert state(hq) == before


def test_malformed_master_data_is_refused(admin: Admin, hq: HQServer) -> None:
    before = state(hq)
    cases = [
        ({"items": [item("X1", unit="box")]}, 422),
        ({"items": [item("X1", price=-1)]}, 422),
        ({"items": [item("X1", plu="12ab")]}, 422),
        ({"items": [item("X1", tax_rate=20000)]}, 422),
        ({"items": [item("带空格 的")]}, 422),
        ({"items": []}, 422),
    ]
    for body, status in cases:
        response = admin.post("/admin/products", body)
        assert response.status_code == status, (body, response.text)
        assert response.json()["code"] in ("invalid_request", "invalid_sku", "invalid_plu")
    unknown = admin.post("/admin/prices", {"items": [{"group": "华东", "sku": "NOPE-" + uuid.uuid4().hex[:6],
                                                      "price": 1}]})
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_sku"
    till = admin.post("/admin/tills", {"items": [{"store": "NOPE", "code": "T01", "name": "x"}]})
    assert till.status_code == 404 and till.json()["code"] == "store_not_found"
    assert state(hq) == before
