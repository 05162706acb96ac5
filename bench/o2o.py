"""The O2O order center at chain scale: own-shop orders taken (and routed) per second through the
real ``POST /open/orders``, and 订单寻源 — one order routed against 1,000 stores × 20,000 SKUs of
stock (HQ's ``store_stock``), the candidates read from PostgreSQL and scored.

Run alone with ``python -m bench.o2o [--stores N --skus N]``; needs PostgreSQL (``OMNISTORE_TEST_PG``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bench.common import KeepAlive, Result, print_table
from harness.hq import PG_ADMIN, HQServer, scratch_hq

ORDERS = 3000
CLIENTS = 16
TARGET_ORDERS_PER_S = 500
STORES = 1000
SKUS = 20_000
ROUTE_SAMPLES = 500
ROUTE_LIMIT_MS = 20.0
CENTRE = (31.2304, 121.4737)
#: the stores spread over a square this wide around the centre (上海's built-up area is ~40 km across)
SPREAD_KM = 40.0


def run(stores: int = STORES, skus: int = SKUS, orders: int = ORDERS, spread_km: float = SPREAD_KM) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="omnistore-o2o-bench-") as tmp, \
            scratch_hq(Path(tmp), "omnistore_o2o_bench", OMNISTORE_HQ_WORKERS="2", OMNISTORE_O2O_JOBS="0") as hq:
        admin = hq.admin()
        products = [f"B{n:06d}" for n in range(1, skus + 1)]
        _products(hq, products)
        _stores(hq, stores, products, spread_km)
        return _intake(hq, admin.key, products, orders) + _routing(hq, products, stores)


def _dsn(hq: HQServer) -> str:
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + hq.database_url.rsplit("/", 1)[1]


def _products(hq: HQServer, products: list[str]) -> None:
    columns = "sku, name, spec, brand, unit, price, tax_rate, active, kind"
    with psycopg.connect(_dsn(hq), autocommit=True) as conn, conn.cursor() as cursor, \
            cursor.copy(f"COPY products ({columns}) FROM STDIN") as copy:
        for sku in products:
            copy.write_row((sku, f"商品{sku}", "", "", "piece", 1000, 1300, True, "goods"))


def _stores(hq: HQServer, count: int, products: list[str], spread_km: float) -> None:
    """``count`` enrolled stores spread over ``spread_km`` around the centre, each stocking every SKU."""
    half = spread_km / 2 / 111
    started = time.perf_counter()
    rng = random.Random(7)
    with psycopg.connect(_dsn(hq), autocommit=True) as conn, conn.cursor() as cursor:
        with cursor.copy("COPY stores (code, name, store_group, disabled, secret_nonce, created_at, last_seq,"
                         " lat, lng, o2o_enabled) FROM STDIN") as copy:
            for n in range(count):
                copy.write_row((f"B{n:05d}", f"门店{n}", "华东", False, uuid.uuid4().hex, "2026-01-01T00:00:00Z", 0,
                                CENTRE[0] + rng.uniform(-half, half), CENTRE[1] + rng.uniform(-half, half) * 1.17,
                                True))
        # count × SKUs rows (20 million by default) written in one statement into the bare table: the
        # bench's scratch database keeps ``store_stock`` unlogged (no WAL for rows only the routing
        # reads), its keys and index built once afterwards instead of row by row
        cursor.execute("SET maintenance_work_mem = '256MB'")
        cursor.execute("ALTER TABLE store_stock SET UNLOGGED")
        cursor.execute("ALTER TABLE store_stock DROP CONSTRAINT store_stock_store_id_fkey, "
                       "DROP CONSTRAINT store_stock_pkey")
        cursor.execute("DROP INDEX ix_store_stock_sku")
        cursor.execute("INSERT INTO store_stock (store_id, sku, quantity, updated_at) "
                       "SELECT s.id, p.sku, (hashtext(p.sku || s.id::text) & 31), now() "
                       "FROM stores s CROSS JOIN products p WHERE s.code LIKE 'B%' AND p.sku LIKE 'B%'")
        cursor.execute("ALTER TABLE store_stock ADD CONSTRAINT store_stock_pkey PRIMARY KEY (store_id, sku)")
        cursor.execute("CREATE INDEX ix_store_stock_sku ON store_stock (sku, store_id) INCLUDE (quantity)")
        cursor.execute("ALTER TABLE store_stock ADD CONSTRAINT store_stock_store_id_fkey "
                       "FOREIGN KEY (store_id) REFERENCES stores (id)")
        cursor.execute("VACUUM ANALYZE store_stock")
    print(f"seeded {count} stores × {len(products)} SKUs in {time.perf_counter() - started:.1f}s", file=sys.stderr)


def _order(products: list[str], rng: random.Random) -> dict[str, Any]:
    lines = [{"sku": sku, "qty": rng.randint(1, 3), "unit_price": 1000, "amount": 0}
             for sku in rng.sample(products, rng.randint(1, 5))]
    for line in lines:
        line["amount"] = line["qty"] * 1000
    return {"channel_order_no": "B" + uuid.uuid4().hex[:16], "fulfilment": "delivery",
            "customer": {"name": "压测", "phone": "13800000000"},
            "address": {"text": "人民广场", "lat": CENTRE[0] + rng.uniform(-0.03, 0.03),
                        "lng": CENTRE[1] + rng.uniform(-0.03, 0.03)},
            "lines": lines, "paid": sum(line["amount"] for line in lines)}


def _intake(hq: HQServer, key: str, products: list[str], count: int) -> list[Result]:
    rng = random.Random(11)
    bodies = [_order(products, rng) for _ in range(count)]
    # an intake is idempotent by its order no: one sent again on a new connection is still one order
    local = threading.local()  # a connection per sending thread
    path = urllib.parse.urlsplit(hq.api).path + "/open/orders"
    latencies: list[float] = []

    def send(n: int) -> None:
        started = time.perf_counter()
        if not hasattr(local, "client"):
            local.client = KeepAlive(hq.url, {"Authorization": f"Bearer {key}"})
        status, text = local.client.post(path, bodies[n])
        latencies.append((time.perf_counter() - started) * 1000)
        assert status == 200, text

    for n in range(20):
        send(n)  # warm up
    latencies.clear()
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(send, range(20, count)))
    seconds = time.perf_counter() - started
    rate = (count - 20) / seconds
    with psycopg.connect(_dsn(hq), autocommit=True) as conn:  # the router routes the burst behind
        while conn.execute("SELECT count(*) FROM o2o_orders WHERE state = 'received'").fetchone() != (0,):
            time.sleep(0.05)
        routed = conn.execute("SELECT count(*) FROM o2o_orders WHERE state <> 'received' AND parent_id IS NULL"
                              ).fetchone()
    drained = time.perf_counter() - started
    assert routed is not None and routed[0] == count
    return [
        Result(f"o2o intake POST /open/orders ({CLIENTS} clients)", latencies, "latency, no limit"),
        Result(f"o2o intake: {rate:,.0f} orders/s answered received", [seconds * 1000 / (count - 20)],
               f"≥{TARGET_ORDERS_PER_S} orders/s", limit_ms=1000 / TARGET_ORDERS_PER_S),
        Result(f"o2o burst routed behind: {(count - 20) / drained:,.0f} orders/s (all in {drained:.1f} s)",
               [drained * 1000 / (count - 20)], "info, no limit"),
    ]


def _routing(hq: HQServer, products: list[str], stores: int) -> list[Result]:
    from app.domain import o2o
    from app.hq.models import O2OChannel
    from app.hq.orders import routing

    engine = create_engine(hq.database_url)
    rng = random.Random(13)
    samples: list[float] = []
    seen: list[int] = []
    with Session(engine) as session:
        channel = session.scalar(select(O2OChannel).where(O2OChannel.code == "meituan"))
        assert channel is not None
        for n in range(ROUTE_SAMPLES + 20):
            demand = {sku: rng.randint(1, 3) for sku in rng.sample(products, rng.randint(1, 5))}
            lat, lng = CENTRE[0] + rng.uniform(-0.03, 0.03), CENTRE[1] + rng.uniform(-0.03, 0.03)
            started = time.perf_counter()
            candidates = routing.candidates(session, sorted(demand), channel, near=(lat, lng))
            decision = o2o.route(demand, candidates, lat=lat, lng=lng, delivery=True, allow_split=False)
            elapsed = (time.perf_counter() - started) * 1000
            assert decision.considered
            if n >= 20:
                samples.append(elapsed)
                seen.append(len(candidates))
    engine.dispose()
    considered = sum(seen) // max(1, len(seen))
    return [Result(f"o2o route 1 order vs {stores} stores × {len(products) // 1000}k SKUs ({considered} near)", samples,
                   f"p99 ≤{ROUTE_LIMIT_MS:.0f} ms", limit_ms=ROUTE_LIMIT_MS)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.o2o")
    parser.add_argument("--stores", type=int, default=STORES)
    parser.add_argument("--skus", type=int, default=SKUS)
    parser.add_argument("--orders", type=int, default=ORDERS)
    parser.add_argument("--spread-km", type=float, default=SPREAD_KM, help="how far apart the stores are")
    args = parser.parse_args(argv)
    results = run(args.stores, args.skus, args.orders, args.spread_km)
    print_table(results)
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
