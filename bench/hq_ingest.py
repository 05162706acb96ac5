"""HQ at chain scale: sale events in through the real signed endpoint (vs a plain COPY of the
same rows), and 200,000 SKUs paged down the feed to a newly enrolled store.

Run alone with ``python -m bench.hq_ingest``; needs PostgreSQL (``OMNISTORE_TEST_PG``).
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import requests

from app.sync import signing
from bench.common import Result, print_table
from harness.hq import Admin, HQServer, Store, scratch_hq

BATCH = 500
SALES = 50_000
FEED_SKUS = 200_000
FEED_PAGE = 5000
TARGET_SALES_PER_S = 5000
TARGET_RATIO = 0.25
FEED_LIMIT_MS = 60_000
STORES_AT_ONCE = 4


@contextlib.contextmanager
def running_hq() -> Iterator[HQServer]:
    """A real hq-server (two workers, as a busy chain runs it) on a scratch PostgreSQL database."""
    with tempfile.TemporaryDirectory(prefix="omnistore-hq-bench-") as tmp, \
            scratch_hq(Path(tmp), "omnistore_bench", OMNISTORE_HQ_WORKERS="2") as hq:
        yield hq


def run(sales: int = SALES, skus: int = FEED_SKUS, feed: bool = True) -> list[Result]:
    with running_hq() as hq:
        admin = hq.admin()
        return _ingest(hq, admin, sales) + (_feed(hq, admin, skus) if feed else [])


def _sale_events(store: Store, count: int) -> list[dict[str, Any]]:
    events = []
    for n in range(count):
        total = 500 + n % 9000
        payload = {
            "id": n + 1, "till": f"T{n % 8 + 1:02d}", "status": "completed",
            "lines": [{"id": i, "sku": f"A{(n * 7 + i) % 200000:06d}", "barcode": None, "name": "可口可乐 330ml",
                       "unit": "piece", "quantity": 1, "unit_price": total // 3, "original_price": total // 3,
                       "amount": total // 3, "voided": False, "note": ""} for i in range(3)],
            "item_count": 3, "subtotal": total, "rounding": 0, "total": total, "paid": total + 100, "change": 100,
            "tenders": [{"id": 1, "method": "cash", "amount": total + 100}],
            "sale_id": f"T01-{n:08d}", "created_at": "2031-03-15T10:00:00", "completed_at": "2031-03-15T10:01:00",
        }
        events.append(store.event("sale_completed", payload))
    return events


def _push_all(hq: HQServer, store: Store, bodies: list[bytes]) -> list[float]:
    """One store's sync worker: its batches in order, one at a time, timed each."""
    http = requests.Session()
    path = "/api/v1/sync/events"
    samples = []
    for body in bodies:
        started = time.perf_counter()
        headers = signing.sign(store.code, store.secret, "POST", path, body)
        response = http.post(hq.url + path, data=body, headers={**headers, "Content-Type": "application/json"},
                             timeout=60)
        assert response.status_code == 200, response.text
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _ingest(hq: HQServer, admin: Admin, count: int) -> list[Result]:
    from concurrent.futures import ThreadPoolExecutor

    warm = admin.new_store()  # connections, imports, plan caches
    _push_all(hq, warm, [json.dumps({"events": _sale_events(warm, BATCH)}).encode()])

    store = admin.new_store()
    events = _sale_events(store, count)
    bodies = [json.dumps({"events": events[i : i + BATCH]}).encode() for i in range(0, count, BATCH)]
    started = time.perf_counter()
    samples = _push_all(hq, store, bodies)
    http_s = time.perf_counter() - started
    http_rate = count / http_s

    # Many stores at once, as HQ sees them: each store still sends its own batches in order.
    parallel = [admin.new_store() for _ in range(STORES_AT_ONCE)]
    per_store = count // STORES_AT_ONCE
    their_bodies = []
    for s in parallel:
        mine = _sale_events(s, per_store)
        their_bodies.append([json.dumps({"events": mine[i : i + BATCH]}).encode() for i in range(0, per_store, BATCH)])
    started = time.perf_counter()
    with ThreadPoolExecutor(STORES_AT_ONCE) as pool:
        parallel_samples = [ms for got in pool.map(_push_all, [hq] * STORES_AT_ONCE, parallel, their_bodies)
                            for ms in got]
    parallel_s = time.perf_counter() - started
    parallel_rate = per_store * STORES_AT_ONCE / parallel_s

    copy_store = admin.new_store()
    with hq.db() as session:
        from sqlalchemy import select

        from app.hq.models import Store as StoreRow

        copy_store_id = session.scalar(select(StoreRow.id).where(StoreRow.code == copy_store.code))
    rows = [(copy_store_id, e["seq"], "copy-" + e["event_id"], e["kind"], json.dumps(e["payload"]), e["created_at"],
             uuid.uuid4().hex + uuid.uuid4().hex) for e in events]
    dsn = hq.database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(dsn) as conn:
        started = time.perf_counter()
        with conn.cursor() as cursor, cursor.copy(
                "COPY events (store_id, seq, event_id, kind, payload, created_at, content_hash, received_at) "
                "FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, "now"))
        conn.commit()
        copy_s = time.perf_counter() - started
    copy_rate = count / copy_s
    return [
        Result(f"hq ingest batch of {BATCH}, 1 store", samples, "latency, no limit"),
        # throughput as the mean time per batch: ≤100 ms per 500 sales is ≥5,000 sales/s
        Result(f"hq ingest HTTP 1 store: {http_rate:,.0f} sales/s", [http_s * 1000 / len(bodies)],
               f"≥{TARGET_SALES_PER_S} sales/s", limit_ms=BATCH / TARGET_SALES_PER_S * 1000),
        Result(f"hq ingest batch of {BATCH}, {STORES_AT_ONCE} stores", parallel_samples, "latency, no limit"),
        Result(f"hq ingest HTTP {STORES_AT_ONCE} stores: {parallel_rate:,.0f} sales/s",
               [parallel_s * 1000 / sum(len(b) for b in their_bodies)], f"≥{TARGET_SALES_PER_S} sales/s",
               limit_ms=BATCH / TARGET_SALES_PER_S * 1000),
        Result(f"hq COPY same rows: {copy_rate:,.0f} ev/s", [copy_s * 1000], "baseline"),
        Result(f"hq 1-store ingest/COPY ratio: {http_rate / copy_rate:.2f}", [http_s * 1000], f"ratio ≥{TARGET_RATIO}",
               limit_ms=copy_s * 1000 / TARGET_RATIO),
        Result(f"hq {STORES_AT_ONCE}-store ingest/COPY ratio: {parallel_rate / copy_rate:.2f}", [parallel_s * 1000],
               f"ratio ≥{TARGET_RATIO}", limit_ms=copy_s * 1000 / TARGET_RATIO * per_store * STORES_AT_ONCE / count),
    ]


def load_catalog(hq: HQServer, skus: int) -> None:
    """``skus`` products with barcodes straight into HQ's master data (and its change feed)."""
    from app.domain.barcode import with_check_digit
    from app.hq.masterdata import apply_products, product_data

    started = time.perf_counter()
    with hq.db() as session:
        for start in range(0, skus, 5000):
            items = [product_data(f"B{n:07d}", f"商品{n}", 100 + n % 5000, spec="500g", brand="品牌", category=f"类目{n % 50}",
                                  barcodes=[(with_check_digit(f"694{n:09d}"), 1)])
                     for n in range(start, min(start + 5000, skus))]
            apply_products(session, items)
            session.commit()
    print(f"loaded {skus} SKUs into HQ in {time.perf_counter() - started:.1f}s", file=sys.stderr)


def _feed(hq: HQServer, admin: Admin, skus: int) -> list[Result]:
    load_catalog(hq, skus)
    store = admin.new_store()
    http = requests.Session()
    pages = []
    cursor, seen = 0, 0
    started = time.perf_counter()
    while True:
        path = f"/api/v1/sync/feed?cursor={cursor}&limit={FEED_PAGE}"
        t = time.perf_counter()
        response = http.get(hq.url + path, headers=signing.sign(store.code, store.secret, "GET", path, b""), timeout=60)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append((time.perf_counter() - t) * 1000)
        seen += sum(1 for c in body["changes"] if c["entity"] == "product")
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    total_ms = (time.perf_counter() - started) * 1000
    assert seen >= skus, seen
    return [
        Result(f"hq feed page of {FEED_PAGE} changes", pages, "whole feed ≤60 s"),
        Result(f"hq feed {skus // 1000}k SKUs to new store", [total_ms], "≤60 s", limit_ms=FEED_LIMIT_MS),
    ]


if __name__ == "__main__":
    results = run(feed="--no-feed" not in sys.argv)
    print_table(results)
    raise SystemExit(0 if all(r.ok is not False for r in results) else 1)
