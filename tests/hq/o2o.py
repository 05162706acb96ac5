"""What the O2O tests share: products with their own SKUs, stores placed on the map with stock
(moved by their own ``stock_moved`` events, as a store's sync sends them), an own-shop order."""

from __future__ import annotations

import json
import uuid
from typing import Any

from harness.hq import Admin, Store

#: 上海人民广场 and points around it (≈ 1.1 km per 0.01° of latitude)
CENTRE = (31.2304, 121.4737)


def skus(admin: Admin, count: int = 2, unit: str = "piece") -> list[str]:
    """``count`` new products of their own (no other test's stores stock them)."""
    made = ["O" + uuid.uuid4().hex[:10].upper() for _ in range(count)]
    admin.ok(admin.post("/admin/products", {"items": [
        {"sku": sku, "name": f"商品{sku}", "price": 1000, "unit": unit} for sku in made]}))
    return made


def placed_store(admin: Admin, stock: dict[str, int], north_km: float = 0.0, **o2o: Any) -> Store:
    store = admin.new_store()
    body = {"lat": CENTRE[0] + north_km / 111.0, "lng": CENTRE[1], "o2o_enabled": True, **o2o}
    admin.ok(admin.http.put(admin.hq.api + f"/admin/stores/{store.code}/o2o", json=body, timeout=30))
    if stock:
        moved = store.push([store.event("stock_moved", {"reason": "receive", "ref": "R-1", "till": "T01", "lines": [
            {"sku": sku, "delta": qty} for sku, qty in stock.items()]})])
        assert moved.status_code == 200, moved.text
    return store


def order(lines: list[tuple[str, int]], fulfilment: str = "delivery", north_km: float = 0.0,
          **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "channel_order_no": "W" + uuid.uuid4().hex[:12], "fulfilment": fulfilment,
        "customer": {"name": "张三", "phone": "13812345678"},
        "lines": [{"sku": sku, "qty": qty, "unit_price": 500, "amount": 500 * qty} for sku, qty in lines],
        "paid": sum(500 * qty for _, qty in lines), "payment_ref": "wx-" + uuid.uuid4().hex[:8],
    }
    if fulfilment == "delivery":
        body["address"] = {"text": "南京东路 1 号", "lat": CENTRE[0] + north_km / 111.0, "lng": CENTRE[1]}
    body.update(extra)
    return body


def feed(store: Store, after: int = 0, wait: float = 0) -> dict[str, Any]:
    answer = store.send("GET", f"/sync/o2o/orders?after={after}&wait={wait}")
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def step(store: Store, order_id: int, step: str, **body: Any) -> Any:
    payload = {"step_id": body.pop("step_id", uuid.uuid4().hex), "step": step, **body}
    return store.send("POST", f"/sync/o2o/orders/{order_id}/steps", json.dumps(payload).encode())


def channel_key(admin: Admin, scope: str = "orders:write") -> Admin:
    made = admin.ok(admin.post("/admin/api-keys", {"name": "shop", "scopes": [scope]}))
    return admin.hq.admin(made["key"])
