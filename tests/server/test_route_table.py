"""The store's and HQ's route tables: every route of the API the tills, stores, channels and
scripts rely on is still served, each by its resource's router module, documents its answer and
its refusals, and no route commits."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.hq.settings import HQSettings
from app.settings import StoreSettings
from server.hq import app as hq_app
from server.hq.app import create_hq_app
from server.hq.deps import raw_body
from server.store import app as store_app
from server.store.app import create_store_app

ROOT = Path(__file__).resolve().parents[2]

STORE_ROUTES = {
    ("POST", "/authorise"),
    ("POST", "/drawer/open"),
    ("GET", "/loyalty/conflicts"),
    ("POST", "/loyalty/conflicts/{conflict_id}/resolve"),
    ("POST", "/members"),
    ("GET", "/members/lookup"),
    ("GET", "/products/lookup"),
    ("GET", "/products/search"),
    ("POST", "/returns"),
    ("POST", "/returns/no-receipt"),
    ("GET", "/returns/{return_no}/slip"),
    ("GET", "/sales"),
    ("GET", "/sales/{sale_id}"),
    ("GET", "/sales/{sale_id}/receipt"),
    ("GET", "/sales/{sale_id}/returnable"),
    ("DELETE", "/session"),
    ("POST", "/session"),
    ("POST", "/shifts/close"),
    ("GET", "/shifts/current"),
    ("POST", "/shifts/open"),
    ("GET", "/stock"),
    ("POST", "/stock/movements"),
    ("POST", "/stored-value/topup"),
    ("GET", "/stored-value/{card}"),
    ("GET", "/sync/status"),
    ("GET", "/sync/stuck"),
    ("GET", "/tickets"),
    ("POST", "/tickets"),
    ("GET", "/tickets/{ticket_id}"),
    ("POST", "/tickets/{ticket_id}/complete"),
    ("POST", "/tickets/{ticket_id}/coupons"),
    ("POST", "/tickets/{ticket_id}/coupons/{code}/remove"),
    ("POST", "/tickets/{ticket_id}/lines"),
    ("POST", "/tickets/{ticket_id}/lines/{line_id}/price"),
    ("POST", "/tickets/{ticket_id}/lines/{line_id}/quantity"),
    ("POST", "/tickets/{ticket_id}/lines/{line_id}/void"),
    ("POST", "/tickets/{ticket_id}/member"),
    ("POST", "/tickets/{ticket_id}/park"),
    ("POST", "/tickets/{ticket_id}/points"),
    ("POST", "/tickets/{ticket_id}/resume"),
    ("POST", "/tickets/{ticket_id}/stored-value"),
    ("POST", "/tickets/{ticket_id}/tenders"),
    ("POST", "/tickets/{ticket_id}/void"),
    ("POST", "/tickets/{ticket_id}/paycode"),
    ("GET", "/paycodes/{attempt_id}"),
    ("POST", "/paycodes/{attempt_id}/query"),
    ("POST", "/paycodes/{attempt_id}/cancel"),
    ("GET", "/paycode-refunds/{out_refund_no}"),
    ("POST", "/paycode-refunds/{out_refund_no}/cash"),
    ("GET", "/recon/calendar"),
    ("GET", "/recon/days/{day}"),
    ("GET", "/recon/sales/{sale_id}"),
    ("POST", "/recon/days/{day}/resolve"),
    ("POST", "/recon/days/{day}/close"),
    ("GET", "/o2o/orders"),
    ("GET", "/o2o/changes"),
    ("GET", "/o2o/orders/{order_id}"),
    ("GET", "/o2o/orders/{order_id}/history"),
    ("POST", "/o2o/orders/{order_id}/accept"),
    ("POST", "/o2o/orders/{order_id}/reject"),
    ("POST", "/o2o/orders/{order_id}/start-pick"),
    ("POST", "/o2o/orders/{order_id}/scan"),
    ("POST", "/o2o/orders/{order_id}/lines/{line_no}/short"),
    ("POST", "/o2o/orders/{order_id}/lines/{line_no}/substitute"),
    ("POST", "/o2o/orders/{order_id}/packed"),
    ("POST", "/o2o/orders/{order_id}/ready"),
    ("POST", "/o2o/orders/{order_id}/rider-arrived"),
    ("POST", "/o2o/orders/{order_id}/handover"),
    ("POST", "/o2o/orders/{order_id}/put-back"),
    ("GET", "/o2o/orders/{order_id}/pick-list"),
    ("GET", "/o2o/orders/{order_id}/label"),
    ("GET", "/operators"),
    ("GET", "/operators/{code}/logins"),
    ("POST", "/operators/{code}/lock"),
    ("POST", "/operators/{code}/unlock"),
    ("POST", "/operators/{code}/pin-reset"),
    ("POST", "/session/pin"),
    ("GET", "/audit"),
    ("GET", "/audit/verify"),
    ("GET", "/audit/export"),
    ("GET", "/members/{member_no}/360"),
    ("GET", "/reports/dashboard"),
    ("GET", "/reports/changes"),
    ("GET", "/reports/sales"),
    ("GET", "/closing/x"),
    ("POST", "/closing/z"),
    ("GET", "/closing/z"),
    ("GET", "/closing/z/{z_no}"),
    ("POST", "/closing/z/{z_no}/deposits"),
    ("GET", "/settings"),
    ("PUT", "/settings"),
    ("GET", "/stock/list"),
    ("POST", "/stock/receipts"),
    ("POST", "/stock/damage"),
    ("POST", "/stock/counts"),
    ("GET", "/stock/counts/current"),
    ("POST", "/stock/counts/{count_id}/lines"),
    ("GET", "/stock/counts/{count_id}/variances"),
    ("POST", "/stock/counts/{count_id}/approve"),
    ("POST", "/stock/counts/{count_id}/cancel"),
    ("POST", "/stock/transfers"),
    ("GET", "/stock/transfers"),
    ("POST", "/stock/transfers/{transfer_no}/receive"),
    ("GET", "/labels/pending"),
    ("GET", "/labels/tag"),
    ("POST", "/labels/requests"),
    ("POST", "/labels/printed"),
}

HQ_ROUTES = {
    ("GET", "/admin/api-keys"),
    ("POST", "/admin/api-keys"),
    ("DELETE", "/admin/api-keys/{key_id}"),
    ("GET", "/admin/campaigns"),
    ("POST", "/admin/campaigns"),
    ("DELETE", "/admin/campaigns/{code}"),
    ("POST", "/admin/categories"),
    ("POST", "/admin/coupon-batches"),
    ("POST", "/admin/coupon-batches/{batch_id}/stock"),
    ("POST", "/admin/coupon-templates"),
    ("POST", "/admin/gift-cards"),
    ("POST", "/admin/gift-cards/expire"),
    ("GET", "/admin/gift-cards/{card_no}"),
    ("GET", "/admin/loyalty-rules"),
    ("PUT", "/admin/loyalty-rules"),
    ("POST", "/admin/members"),
    ("POST", "/admin/members/{member_no}/code"),
    ("POST", "/admin/operators"),
    ("POST", "/admin/points/expire"),
    ("POST", "/admin/prices"),
    ("DELETE", "/admin/prices/{group}/{sku}"),
    ("POST", "/admin/products"),
    ("POST", "/admin/promotions"),
    ("DELETE", "/admin/promotions/{promotion_id}"),
    ("GET", "/admin/stores"),
    ("POST", "/admin/stores"),
    ("POST", "/admin/stores/{code}/disable"),
    ("POST", "/admin/stores/{code}/enable"),
    ("POST", "/admin/stores/{code}/enrolment"),
    ("POST", "/admin/tills"),
    ("POST", "/admin/wallets"),
    ("POST", "/enroll"),
    ("GET", "/loyalty/conflicts"),
    ("POST", "/loyalty/conflicts/{conflict_id}/resolve"),
    ("POST", "/loyalty/coupons/commit"),
    ("POST", "/loyalty/coupons/release"),
    ("POST", "/loyalty/coupons/reserve"),
    ("POST", "/loyalty/gift-cards/activate"),
    ("GET", "/loyalty/gift-cards/{card_no}"),
    ("GET", "/loyalty/members"),
    ("POST", "/loyalty/members"),
    ("POST", "/loyalty/points/spend"),
    ("POST", "/loyalty/wallets/refund"),
    ("POST", "/loyalty/wallets/spend"),
    ("POST", "/loyalty/wallets/topup"),
    ("GET", "/loyalty/wallets/{card_no}"),
    ("GET", "/open/catalog"),
    ("GET", "/open/sales"),
    ("GET", "/open/stock"),
    ("GET", "/reports/gift-cards"),
    ("GET", "/reports/loyalty-conflicts"),
    ("GET", "/reports/sales"),
    ("GET", "/reports/sync-health"),
    ("POST", "/recon/imports"),
    ("GET", "/recon/imports"),
    ("GET", "/recon/settings"),
    ("PUT", "/recon/settings"),
    ("GET", "/recon/calendar"),
    ("GET", "/recon/payouts"),
    ("GET", "/recon/days/{store}/{day}"),
    ("POST", "/recon/days/{store}/{day}/resolve"),
    ("POST", "/recon/days/{store}/{day}/close"),
    ("POST", "/recon/days/{store}/{day}/reopen"),
    ("GET", "/recon/sales/{store}/{sale_id}"),
    ("GET", "/stores/{store}/recon/calendar"),
    ("GET", "/stores/{store}/recon/days/{day}"),
    ("GET", "/stores/{store}/recon/sales/{sale_id}"),
    ("POST", "/stores/{store}/recon/days/{day}/resolve"),
    ("POST", "/stores/{store}/recon/days/{day}/close"),
    ("POST", "/stores/{store}/recon/days/{day}/reopen"),
    ("GET", "/erp/vouchers"),
    ("GET", "/erp/accounts"),
    ("PUT", "/erp/accounts"),
    ("POST", "/sync/events"),
    ("GET", "/sync/feed"),
    ("POST", "/open/orders"),
    ("POST", "/open/orders/cancel"),
    ("GET", "/open/orders/{channel_order_no}"),
    ("GET", "/sync/o2o/orders"),
    ("POST", "/sync/o2o/orders/{order_id}/steps"),
    ("GET", "/admin/o2o/orders/{order_id}"),
    ("GET", "/admin/o2o/callbacks"),
    ("GET", "/admin/stores/{code}/o2o"),
    ("PUT", "/admin/stores/{code}/o2o"),
    ("PUT", "/admin/o2o/channels/{code}"),
    ("POST", "/platforms/meituan/orders"),
    ("POST", "/platforms/meituan/cancel"),
    ("POST", "/platforms/meituan/refund"),
    ("POST", "/platforms/meituan/logistics"),
    ("POST", "/platforms/eleme/push"),
    ("POST", "/admin/o2o/pull"),
    ("POST", "/transfers"),
    ("POST", "/transfers/cancel"),
    ("GET", "/admin/transfers"),
    ("GET", "/admin/transfers/{transfer_no}"),
    ("GET", "/loyalty/members/{member_no}/360"),
    ("GET", "/admin/members/{member_no}/360"),
    ("GET", "/admin/stores/{code}/audit"),
}


def served(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path under /api/v1) of every route the app documents in its OpenAPI schema."""
    return {(method.upper(), path.removeprefix("/api/v1")) for path, operations in app.openapi()["paths"].items()
            if path.startswith("/api/v1/") for method in operations}


def declared(routers: tuple[ModuleType, ...]) -> set[tuple[str, str]]:
    """(method, path) of the routes the resource router modules declare."""
    return {(method, route.path) for module in routers for route in module.router.routes
            if isinstance(route, APIRoute) for method in route.methods}


def test_store_server_still_serves_every_route_of_its_api(tmp_path: Path) -> None:
    table = served(create_store_app(StoreSettings(home=tmp_path)))
    assert STORE_ROUTES - table == set()
    assert table == declared(store_app.ROUTERS)
    assert all(module.__name__.startswith("server.store.routers.") for module in store_app.ROUTERS)


def test_hq_server_still_serves_every_route_of_its_api(tmp_path: Path) -> None:
    settings = HQSettings(database_url=f"sqlite:///{tmp_path / 'hq.sqlite3'}", home=tmp_path, secret_key=b"routes")
    table = served(create_hq_app(settings=settings))
    assert HQ_ROUTES - table == set()
    assert table == declared(hq_app.ROUTERS)
    assert all(module.__name__.startswith("server.hq.routers.") for module in hq_app.ROUTERS)


def test_no_route_commits_a_transaction() -> None:
    """Commits live in the use cases (``app``, ``app.hq.services``), never in a route."""
    committing = []
    for path in sorted((ROOT / "server").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit":
                committing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert committing == []


def named(schema: dict[str, Any]) -> bool:
    """A schema that is a named model (a ``$ref``), a list of them, or one of several."""
    if "$ref" in schema:
        return True
    if schema.get("type") == "array":
        return named(schema.get("items", {}))
    choices = schema.get("anyOf") or schema.get("oneOf")
    return bool(choices) and all(named(choice) for choice in choices)


def undocumented_answers(app: FastAPI) -> list[str]:
    """Routes whose success or refusals the OpenAPI schema does not describe. A JSON answer is a
    named model: a bare object (a route returning an undeclared dict) documents nothing of it."""
    missing = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            success = operation["responses"].get("200", {}).get("content", {})
            if not success or not all("schema" in kind for kind in success.values()):
                missing.append(f"{method.upper()} {path}: no answer model")
            elif "application/json" in success and not named(success["application/json"]["schema"]):
                missing.append(f"{method.upper()} {path}: its JSON answer is not a named model")
            if path.startswith("/api/v1/") and "4XX" not in operation["responses"]:
                missing.append(f"{method.upper()} {path}: refusals undocumented")
    return missing


def test_every_store_route_documents_its_answer_and_its_refusals(tmp_path: Path) -> None:
    assert undocumented_answers(create_store_app(StoreSettings(home=tmp_path))) == []


def test_every_hq_route_documents_its_answer_and_its_refusals(tmp_path: Path) -> None:
    settings = HQSettings(database_url=f"sqlite:///{tmp_path / 'hq.sqlite3'}", home=tmp_path, secret_key=b"routes")
    assert undocumented_answers(create_hq_app(settings=settings)) == []


def test_every_signed_hq_route_documents_the_body_it_reads() -> None:
    """A signed route parses its body itself (after the signature), so FastAPI cannot see it: the
    route documents it, and the schema fuzz sends it hostile bodies like any other."""
    reading = [route for module in hq_app.ROUTERS for route in module.router.routes if isinstance(route, APIRoute)
               and any(d.call is raw_body for d in route.dependant.dependencies) and "POST" in route.methods]
    assert reading and all(route.openapi_extra and "requestBody" in route.openapi_extra for route in reading), \
        [route.path for route in reading if not route.openapi_extra]
