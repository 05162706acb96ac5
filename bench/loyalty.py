"""HQ loyalty under load: a coupon reserve + commit round trip with 50 tills at once, and a
member lookup by phone. Targets: p99 ≤ 30 ms and ≤ 50 ms.

Each of the 50 tills redeems a coupon every ``PACE_S`` seconds (a random phase each): a coupon
on every sale at a pace no real till keeps up, so HQ sees 50 tills' worth of traffic at once.
Then the same tills go flat out, one pair after another, and the table shows the throughput
HQ saturates at (this machine: 2 cores shared by HQ, PostgreSQL and the 50 tills).

Run alone with ``python -m bench.loyalty``; needs PostgreSQL (``OMNISTORE_TEST_PG``).
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import requests

from app.sync import signing
from bench.common import Result, print_table
from bench.hq_ingest import running_hq

TILLS = 50
ROUNDS = 20  # coupons per till
PACE_S = 2.0
LOOKUPS = 500


class SignedClient:
    """One till's connection to HQ, signing as its store (as the store server's sync client does)."""

    def __init__(self, url: str, code: str, secret: str) -> None:
        self.url, self.code, self.secret = url, code, secret
        self.http = requests.Session()

    def call(self, method: str, path: str, body: dict | None = None) -> requests.Response:
        data = json.dumps(body).encode() if body is not None else b""
        full = "/api/v1" + path
        headers = signing.sign(self.code, self.secret, method, full, data)
        return self.http.request(method, self.url + full, data=data or None,
                                 headers={**headers, "Content-Type": "application/json"}, timeout=30)


def _redeem(hq, stores, codes: list[str], pace: float) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    """Every till reserves and commits its share of ``codes``, one pair per ``pace`` seconds."""
    import random

    samples: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(TILLS)
    rounds = len(codes) // TILLS

    def till(n: int) -> None:
        store = stores[n % 2]
        client = SignedClient(hq.url, store.code, store.secret)
        client.call("GET", "/loyalty/members?phone=13800000000")  # connect (404 is fine)
        start.wait()
        due = time.perf_counter() + random.Random(n).uniform(0, pace)
        for r in range(rounds):
            if pace:
                time.sleep(max(0.0, due - time.perf_counter()))
                due += pace
            code = codes[n * rounds + r]
            began = time.perf_counter()
            held = client.call("POST", "/loyalty/coupons/reserve", {"code": code, "ref": f"t{n}-{r}", "subtotal": 8800})
            done = client.call("POST", "/loyalty/coupons/commit", {"code": code, "ref": f"t{n}-{r}", "sale_id": f"S{n}-{r}"})
            elapsed = (time.perf_counter() - began) * 1000
            assert held.status_code == 200 and done.status_code == 200, (held.text, done.text)
            with lock:
                samples.append(elapsed)

    began = time.perf_counter()
    with ThreadPoolExecutor(TILLS) as pool:
        list(pool.map(till, range(TILLS)))
    return samples, time.perf_counter() - began


def run() -> list[Result]:
    with running_hq() as hq:
        admin = hq.admin()
        stores = [admin.new_store(), admin.new_store()]
        admin.ok(admin.post("/admin/coupon-templates", {"code": "BENCH10", "name": "满50减10", "kind": "threshold",
                                                         "value": 1000, "threshold": 5000}))
        now = datetime.now(UTC)
        codes = admin.ok(admin.post("/admin/coupon-batches", {
            "template": "BENCH10", "name": "bench", "count": TILLS * ROUNDS, "valid_from": (now - timedelta(days=1)).isoformat(),
            "valid_to": (now + timedelta(days=1)).isoformat()}))["codes"]
        codes += admin.ok(admin.post("/admin/coupon-batches", {
            "template": "BENCH10", "name": "bench", "count": TILLS * ROUNDS, "valid_from": (now - timedelta(days=1)).isoformat(),
            "valid_to": (now + timedelta(days=1)).isoformat()}))["codes"]
        phones = [f"138{n:08d}" for n in range(200)]
        for number in phones:
            admin.ok(admin.post("/admin/members", {"phone": number, "name": "会员"}))

        paced, paced_s = _redeem(hq, stores, codes[: TILLS * ROUNDS], PACE_S)
        flat_out, flat_s = _redeem(hq, stores, codes[TILLS * ROUNDS:], 0.0)

        lookup = SignedClient(hq.url, stores[0].code, stores[0].secret)
        lookups = []
        for n in range(LOOKUPS):
            began = time.perf_counter()
            answer = lookup.call("GET", f"/loyalty/members?phone={phones[n % len(phones)]}")
            lookups.append((time.perf_counter() - began) * 1000)
            assert answer.status_code == 200, answer.text
    return [
        Result(f"coupon reserve+commit, {TILLS} tills, 1 per {PACE_S:g} s", paced, "p99 ≤ 30 ms", limit_ms=30),
        Result(f"coupon pairs flat out: {len(flat_out) / flat_s:,.0f}/s", flat_out, "saturation, no limit"),
        Result("member lookup by phone (HQ)", lookups, "p99 ≤ 50 ms", limit_ms=50),
    ]


if __name__ == "__main__":
    print_table(run())
