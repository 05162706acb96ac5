"""Store server round trips at 200,000 SKUs: scan, search as you type, durable completion."""

from __future__ import annotations

import itertools
import random
import time
import uuid

from bench.common import Result, time_calls
from harness.store import COLA, NOODLES, WATER, StoreServer, Till

SEARCHES = ["k", "kk", "kkk", "kkkl", "可", "可乐", "苹果", "6901", "69400004", "nfsq", "康师傅", "牛奶", "xl", "洗衣液",
            "A00001", "礼盒", "hsnr", "zzz", "酸奶 草莓", "ylcn"]


def run(server: StoreServer, n: int = 1000) -> list[Result]:
    till = Till(server, server.new_till())
    till.open_shift()
    http = till.http
    health_url = server.url + "/healthz"

    with server.db() as session:
        from sqlalchemy import select

        from app.db.models import Barcode

        codes = list(session.scalars(select(Barcode.code).limit(5000)))
    rng = random.Random(7)

    def basket_scans() -> list[float]:
        """Baskets of 20 lines; paying and starting the next ticket are not timed."""
        samples: list[float] = []
        while len(samples) < n:
            ticket_id = till.new_ticket()
            for _ in range(20):
                started = time.perf_counter()
                response = till.scan(ticket_id, rng.choice(codes))
                samples.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
            till.pay_cash(ticket_id, response.json()["due"])
            till.complete(ticket_id)
        return samples[:n]

    basket_scans()  # warm up (the server settled after its start: the baseline is measured on it warm, as the rest)
    healthz = time_calls(lambda: http.get(health_url, timeout=5), n)
    baseline = sorted(healthz)[int(len(healthz) * 0.99)]
    scans = basket_scans()
    queries = itertools.cycle(SEARCHES)
    search_url = server.api + "/products/search"
    searches = time_calls(lambda: http.get(search_url, params={"q": next(queries), "limit": 20}, timeout=5), n)

    def one_sale_then_complete() -> float:
        ticket_id = till.new_ticket()
        for code in (COLA, WATER, NOODLES):
            state = till.scan(ticket_id, code).json()
        till.pay_cash(ticket_id, state["due"])
        body = {"command_id": uuid.uuid4().hex}
        url = f"{server.api}/tickets/{ticket_id}/complete"
        started = time.perf_counter()
        response = http.post(url, json=body, timeout=5)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.text
        return elapsed

    completes = [one_sale_then_complete() for _ in range(max(100, n // 4))]
    return [
        Result("healthz round trip", healthz, "baseline"),
        Result("scan → line added (HTTP)", scans, "p99 ≤ 15 ms", 15, baseline_p99=baseline),
        Result("search as you type (HTTP)", searches, "p99 ≤ 25 ms", 25, baseline_p99=baseline),
        Result("complete sale, durable (HTTP)", completes, "p99 ≤ 20 ms", 20, baseline_p99=baseline),
    ]
