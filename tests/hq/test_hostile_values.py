"""Values no store or admin tool sends but an attacker may, at HQ's door: each class gets a coded
4xx before anything runs — never PostgreSQL's overflow, a naive and an aware moment compared, or a
unique key's violation as a 500 (the schema fuzz, ``tests/fuzz``, sends every route such values;
these name each class)."""

from __future__ import annotations

import uuid

import pytest
import requests

from harness.hq import Admin, Store

BEYOND_INT4 = 2**31
BEYOND_64_BITS = 2**64 + 1


def refusal(response: requests.Response) -> tuple[int, str]:
    body = response.json()
    assert body["message"], body
    return response.status_code, body["code"]


@pytest.mark.parametrize("path", [f"/admin/api-keys/{BEYOND_INT4}", f"/admin/api-keys/{BEYOND_64_BITS}"])
def test_an_id_beyond_its_integer_column_is_refused_not_overflowed(admin: Admin, path: str) -> None:
    assert refusal(admin.delete(path)) == (422, "invalid_request")


def test_a_batch_id_beyond_int4_is_refused_in_a_path_and_in_a_body(admin: Admin) -> None:
    stock = admin.post(f"/admin/coupon-batches/{BEYOND_INT4}/stock", {"store": "S1", "count": 1})
    assert refusal(stock) == (422, "invalid_request")
    campaign = admin.post("/admin/campaigns", {"code": "C1", "name": "x", "trigger": "register", "batch": BEYOND_INT4,
                                               "starts": "2030-01-01T00:00:00", "ends": "2030-02-01T00:00:00"})
    assert refusal(campaign) == (422, "invalid_request")


def test_a_catalog_cursor_beyond_the_product_ids_is_refused(admin: Admin) -> None:
    assert refusal(admin.get("/open/catalog", cursor=BEYOND_INT4)) == (422, "invalid_request")


@pytest.mark.parametrize(("path", "params"), [
    ("/reports/sales", {"from": "2026-01-01", "to": "9999-12-31"}),
    ("/reports/gift-cards", {"from": "0001-01-01", "to": "2026-01-01"}),
    ("/open/sales", {"store": "S1", "day": "9999-12-31"}),
])
def test_a_day_outside_the_business_calendar_is_refused_with_its_range(admin: Admin, path: str, params: dict) -> None:
    response = admin.get(path, **params)
    assert refusal(response) == (422, "invalid_date")
    assert response.json()["params"]["first"] == "2000-01-01"


def test_a_moment_without_its_zone_is_read_as_utc_and_compared_with_one_that_has_it(admin: Admin) -> None:
    backwards = admin.post("/admin/campaigns", {"code": "C" + uuid.uuid4().hex[:8], "name": "x", "trigger": "register",
                                                "batch": 1, "starts": "2030-01-01T08:00:00",
                                                "ends": "2030-01-01T15:00:00+08:00"})
    assert refusal(backwards) == (422, "invalid_field") and backwards.json()["params"]["field"] == "ends"
    far = admin.post("/admin/coupon-batches", {"template": "T", "name": "x", "count": 1,
                                               "valid_from": "2026-01-01T00:00:00", "valid_to": "9999-12-31T23:59:59"})
    assert refusal(far) == (422, "invalid_date")


def test_a_second_coupon_template_with_the_same_code_is_a_coded_conflict(admin: Admin) -> None:
    code = "TPL" + uuid.uuid4().hex[:8]
    template = {"code": code, "name": "立减1元", "kind": "cash", "value": 100}
    admin.ok(admin.post("/admin/coupon-templates", template))
    again = admin.post("/admin/coupon-templates", {**template, "name": "another"})
    assert refusal(again) == (409, "coupon_template_exists") and again.json()["params"]["template"] == code


@pytest.mark.parametrize(("path", "body"), [
    ("/admin/products", {"items": [{"sku": "S-FALSE", "name": "假", "price": False}]}),
    ("/admin/prices", {"items": [{"group": "华东", "sku": "S-FALSE", "price": True}]}),
    ("/admin/operators", {"items": [{"code": "8888", "name": "x", "role": "cashier", "pin": "1234", "active": 0}]}),
    ("/admin/gift-cards", {"count": "3"}),
])
def test_a_flag_is_not_a_number_and_a_number_is_not_a_flag(admin: Admin, path: str, body: dict) -> None:
    assert refusal(admin.post(path, body)) == (422, "invalid_request")


def test_a_control_character_in_a_signed_query_is_refused_as_invalid_text(store: Store) -> None:
    assert refusal(store.send("GET", "/loyalty/members?phone=138%00")) == (422, "invalid_text")
    assert refusal(store.send("GET", "/loyalty/gift-cards/%1B")) == (422, "invalid_text")
