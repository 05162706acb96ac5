"""付款码 on the store server, against the provider simulator answering at once.

1. scan of a payment code → tender recorded (the till's POST until the attempt is paid and the
   tender on the ticket), p99 ≤ 3 × the simulator's own round trip (a pay call made directly with
   the provider client, TLS and signatures included);
2. another till's scan (POST a line) while 10 payments are polling (customers typing passwords,
   their tills polling the attempt twice a second): p99 within 1.5 × the same scan when idle.

Run alone with ``python -m bench.paycodes``.
"""

from __future__ import annotations

import multiprocessing
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.common import Result, print_table, time_calls
from harness.paysim import code, start_paysim
from harness.store import COLA, WATER, Till, make_store_server

PAYERS = 10
#: the polling pace on the bench server: fast enough to be felt, the providers' own pacing shortened
ENV = {"OMNISTORE_PAYCODE_FIRST_QUERY": "0.5", "OMNISTORE_PAYCODE_QUERY_EVERY": "0.5",
       "OMNISTORE_PAYCODE_GIVE_UP": "120", "OMNISTORE_PAYCODE_TICK": "0.1"}


def _payer(api: str, till: str, stop: Any, polling: Any) -> None:
    """A till whose customers pay by payment code and take their time (USERPAYING for 9 queries);
    it polls the attempt twice a second, as the waiting dialog does."""
    import requests

    http = requests.Session()
    login = http.post(api + "/session", json={"till": till, "operator": "1001", "pin": "1234"}, timeout=30)
    http.headers["Authorization"] = f"Bearer {login.json()['token']}"
    http.post(api + "/shifts/open", json={"float": 50_000}, timeout=30)
    first = True
    while not stop.is_set():
        ticket = http.post(api + "/tickets", json={"command_id": uuid.uuid4().hex}, timeout=30).json()["id"]
        http.post(api + f"/tickets/{ticket}/lines", json={"code": COLA, "command_id": uuid.uuid4().hex}, timeout=30)
        attempt = http.post(api + f"/tickets/{ticket}/paycode", json={
            "code": code("alipay", "01", 9), "command_id": uuid.uuid4().hex}, timeout=30).json()
        if first:
            polling.release()
            first = False
        while not stop.is_set():
            if http.get(api + f"/paycodes/{attempt['id']}", timeout=30).json().get("final"):
                break
            time.sleep(0.5)
        if not stop.is_set():
            http.post(api + f"/tickets/{ticket}/complete", json={"command_id": uuid.uuid4().hex}, timeout=30)


def run(n: int = 300, products: int = 2000) -> list[Result]:
    from app.payments.base import ChargeOrder
    from app.payments.credentials import load_credentials
    from app.payments.wechat import WechatPayClient

    with tempfile.TemporaryDirectory(prefix="omnistore-bench-pay-") as tmp:
        base = Path(tmp)
        sim = start_paysim(base)
        (base / "store").mkdir()
        server = make_store_server(base / "store", products=products, extra_env=ENV)
        sim.install(server.home)
        server.start()
        try:
            creds = load_credentials(sim.home / "store-credentials.json").wechat
            assert creds is not None
            direct = WechatPayClient(creds)
            rtt = time_calls(lambda: direct.pay(ChargeOrder(
                out_trade_no="B" + uuid.uuid4().hex[:20], auth_code=code("wechat"), amount=350, subject="bench",
                store_code="S", till_code="B")), n)
            rtt_p99 = Result("paysim pay round trip (direct)", rtt, "baseline").p99

            till = Till(server, server.new_till())
            till.open_shift()
            samples: list[float] = []
            for _ in range(n + 10):
                ticket = till.new_ticket()
                till.ok(till.scan(ticket, COLA))
                started = time.perf_counter()
                paid = till.ok(till.post(f"/tickets/{ticket}/paycode",
                                         {"code": code("wechat"), "command_id": uuid.uuid4().hex}))
                samples.append((time.perf_counter() - started) * 1000)
                assert paid["state"] == "paid"
                till.ok(till.complete(ticket))
            scan_pay = Result("paycode scan → tender recorded", samples[10:], f"p99 ≤ 3× paysim ({3 * rtt_p99:.1f}ms)",
                              limit_ms=3 * rtt_p99)

            other = Till(server, server.new_till())
            other.open_shift()
            ticket = other.new_ticket()
            idle = time_calls(lambda: other.ok(other.scan(ticket, WATER)), n)
            idle_p99 = Result("scan idle", idle, "baseline").p99
            # the ten paying tills run in processes of their own, so their work never shares the
            # measuring till's interpreter
            stop = multiprocessing.Event()
            polling = multiprocessing.Semaphore(0)
            payers = [multiprocessing.Process(target=_payer, args=(server.api, server.new_till(), stop, polling),
                                              daemon=True) for _ in range(PAYERS)]
            for process in payers:
                process.start()
            for _ in range(PAYERS):
                polling.acquire(timeout=60)
            second = Till(server, server.new_till())  # a fresh ticket (a till holds one open ticket)
            second.open_shift()
            busy_ticket = second.new_ticket()
            busy = time_calls(lambda: second.ok(second.scan(busy_ticket, WATER)), n)
            stop.set()
            for process in payers:
                process.join(timeout=30)
            return [
                Result("paysim pay round trip (direct)", rtt, "baseline"),
                scan_pay,
                Result("scan, idle", idle, "baseline"),
                Result(f"scan while {PAYERS} payments poll", busy, f"p99 ≤ 1.5× idle ({1.5 * idle_p99:.1f}ms)",
                       limit_ms=1.5 * idle_p99),
            ]
        finally:
            server.stop()
            sim.stop()


if __name__ == "__main__":
    print_table(run())
