"""A busy store back from 24 hours offline: 20,000 sales (and their stock events) waiting in
the outbox drain to HQ through the real sync worker. Target: ≤ 60 s from the store server's start.

Run alone with ``python -m bench.sync_catchup``; needs PostgreSQL (``OMNISTORE_TEST_PG``).
"""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

from bench.common import Result, print_table
from bench.hq_ingest import running_hq

SALES = 20_000
LIMIT_MS = 60_000
FEED_SKUS = 200_000


def run(sales: int = SALES) -> list[Result]:
    from app.db.models import OutboxEvent
    from harness.chain import enrol_store, open_till, sell_cola

    with running_hq() as hq, tempfile.TemporaryDirectory(prefix="omnistore-catchup-") as tmp:
        store = enrol_store(hq.admin(), hq, Path(tmp))
        try:
            sell_cola(open_till(store))  # one real sale: its events are the day's template
            store.wait_drained()
            store.server.stop()  # the link is down for a day; the till sold on
            with store.server.db() as session:
                template = session.scalars(select(OutboxEvent).order_by(OutboxEvent.id.desc()).limit(2)).all()[::-1]
                started_at = template[0].created_at
                rows = []
                for n in range(sales):
                    sale_id = f"T01-OFFLINE-{n:06d}"
                    at = started_at + timedelta(seconds=4 * n)
                    for event in template:
                        payload = dict(event.payload)
                        if event.kind == "sale_completed":
                            payload["sale_id"] = sale_id
                            payload["completed_at"] = at.isoformat(timespec="seconds")
                        else:
                            payload["ref"] = sale_id
                        rows.append({"event_id": uuid.uuid4().hex, "kind": event.kind, "payload": payload,
                                     "created_at": at, "attempts": 0})
                session.execute(insert(OutboxEvent), rows)
                session.commit()
            waiting = store.backlog()
            started = time.perf_counter()
            store.server.start()
            store.wait_drained(timeout=600)
            elapsed = (time.perf_counter() - started) * 1000
            assert len(store.hq_sales()) == sales + 1
        finally:
            store.server.stop()
            store.proxy.close()
    return [Result(f"sync catch-up, {sales:,} sales offline", [elapsed], f"≤ 60 s ({waiting:,} events)",
                   limit_ms=LIMIT_MS)]


def feed_to_new_store(skus: int = FEED_SKUS) -> list[Result]:
    """A new store's first load: HQ's whole catalog through the real sync worker into its SQLite."""
    import requests

    from bench.hq_ingest import load_catalog
    from harness.chain import enrol_store
    from harness.store import Till

    with running_hq() as hq, tempfile.TemporaryDirectory(prefix="omnistore-feed-") as tmp:
        load_catalog(hq, skus)
        started = time.perf_counter()
        store = enrol_store(hq.admin(), hq, Path(tmp), products=0)
        try:
            till = Till(store.server, "T01")
            while True:
                feed = till.ok(till.get("/sync/status"))["feed"]
                if feed["head"] and feed["cursor"] >= feed["head"] and not feed["catching_up"]:
                    break
                time.sleep(0.1)
            elapsed = (time.perf_counter() - started) * 1000
            assert requests.get(store.server.api + "/products/search", params={"q": "商品19999", "limit": 1},
                                headers=till.http.headers, timeout=10).json()["items"]
        finally:
            store.server.stop()
            store.proxy.close()
    return [Result(f"feed {skus // 1000}k SKUs into a new store", [elapsed], "≤ 60 s, enrol to applied",
                   limit_ms=LIMIT_MS)]


if __name__ == "__main__":
    print_table(run() + feed_to_new_store())
