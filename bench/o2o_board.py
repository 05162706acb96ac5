"""Order accepted at HQ → on the store's O2O board: the time from HQ answering an own-shop order
(``POST /open/orders``, PostgreSQL) to the order showing in the store board's change stream, which
a board follows by long-poll — through the store's O2O follower long-polling HQ's feed, as in a
real chain (HQ, an enrolled store server, its link through the chaos proxy)."""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.common import Result, print_table
from bench.hq_ingest import running_hq

ORDERS = 100
LIMIT_MS = 2000.0


def run(orders: int = ORDERS) -> list[Result]:
    from app.domain.barcode import with_check_digit
    from harness.chain import enrol_store, open_till
    from harness.store import Till

    with running_hq() as hq, tempfile.TemporaryDirectory(prefix="omnistore-o2o-") as tmp:
        admin = hq.admin()
        store = enrol_store(admin, hq, Path(tmp), products=200)
        try:
            board = open_till(store)
            sku = "B" + uuid.uuid4().hex[:10].upper()
            barcode = with_check_digit("69" + str(uuid.uuid4().int)[:10])
            admin.ok(admin.post("/admin/products", {"items": [{"sku": sku, "name": "基准商品", "price": 500,
                                                               "barcodes": [{"code": barcode}]}]}))
            while board.get("/products/lookup", params={"code": barcode}).status_code != 200:
                time.sleep(0.2)
            boss = Till(store.server, store.server.new_till(), "5001", "5555")
            boss.ok(boss.post("/stock/movements", {"reason": "receive", "note": "", "command_id": uuid.uuid4().hex,
                                                   "lines": [{"code": barcode, "quantity": orders * 2}]}))
            store.wait_drained()
            admin.ok(admin.http.put(admin.hq.api + f"/admin/stores/{store.code}/o2o",
                                    json={"lat": 31.2304, "lng": 121.4737, "o2o_enabled": True}, timeout=30))
            key = admin.ok(admin.post("/admin/api-keys", {"name": "bench-shop", "scopes": ["orders:write"]}))["key"]
            shop = hq.admin(key)
            seen: dict[str, float] = {}
            stop = threading.Event()

            def follow() -> None:  # the board's long-poll, as ui.board.O2OFeed makes it
                cursor = board.ok(board.get("/o2o/changes"))["cursor"]
                while not stop.is_set():
                    page = board.ok(board.get("/o2o/changes", params={"after": cursor, "wait": 5}))
                    now = time.perf_counter()
                    for order in page["orders"]:
                        seen.setdefault(order["channel_order_no"], now)
                    cursor = page["cursor"]

            follower = threading.Thread(target=follow, daemon=True)
            follower.start()
            time.sleep(1)
            accepted: dict[str, float] = {}
            for _ in range(orders):
                number = "B" + uuid.uuid4().hex[:12]
                shop.ok(shop.post("/open/orders", {
                    "channel_order_no": number, "fulfilment": "pickup", "store": store.code,
                    "customer": {"name": "基准", "phone": "13800000000"},
                    "lines": [{"sku": sku, "qty": 1, "unit_price": 500, "amount": 500}], "paid": 500}))
                accepted[number] = time.perf_counter()
                time.sleep(0.05)
            deadline = time.monotonic() + 30
            while len([n for n in accepted if n in seen]) < orders and time.monotonic() < deadline:
                time.sleep(0.1)
            stop.set()
            follower.join(timeout=10)  # its long-poll ends before the store stops under it
            samples = [(seen[n] - at) * 1000 if n in seen else 30_000.0 for n, at in accepted.items()]
        finally:
            store.server.stop()
            store.proxy.close()
    return [Result("O2O order accepted at HQ → on the store board", samples, "p99 ≤ 2 s", limit_ms=LIMIT_MS)]


if __name__ == "__main__":
    print_table(run())
