"""付款码 on the store server, against the provider simulator answering at once.

1. scan of a payment code → tender recorded (the till's POST until the attempt is paid and the
   tender on the ticket), p99 ≤ 3 × the simulator's own round trip (a pay call made directly with
   the provider client, TLS and signatures included);
2. another till's scan (POST a line) while 10 payments are polling (customers typing passwords,
   their tills polling the attempt twice a second): p99 within 1.5 × the same scan when idle.

Run alone with ``python -m bench.paycodes``.
"""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.common import Result, print_table, time_calls
from harness.paysim import code, start_paysim
from harness.store import COLA, WATER, Till, make_store_server

PAYERS = 10
#: the polling pace on the bench server: fast enough to be felt, the providers' own pacing shortened
ENV = {"OMNISTORE_PAYCODE_FIRST_QUERY": "0.5", "OMNISTORE_PAYCODE_QUERY_EVERY": "0.5",
       "OMNISTORE_PAYCODE_GIVE_UP": "120", "OMNISTORE_PAYCODE_TICK": "0.1"}


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
            stop = threading.Event()
            polling = threading.Semaphore(0)

            def payer() -> None:
                mine = Till(server, server.new_till())
                mine.open_shift()
                first = True
                while not stop.is_set():
                    t = mine.new_ticket()
                    mine.ok(mine.scan(t, COLA))
                    attempt = mine.ok(mine.post(f"/tickets/{t}/paycode", {"code": code("alipay", "01", 9),
                                                                          "command_id": uuid.uuid4().hex}))
                    if first:
                        polling.release()
                        first = False
                    while not stop.is_set():
                        state = mine.ok(mine.get(f"/paycodes/{attempt['id']}"))
                        if state["final"]:
                            break
                        time.sleep(0.5)  # the waiting dialog's pace
                    if not stop.is_set():
                        mine.ok(mine.complete(t))

            threads = [threading.Thread(target=payer, daemon=True) for _ in range(PAYERS)]
            for thread in threads:
                thread.start()
            for _ in range(PAYERS):
                polling.acquire(timeout=60)
            ticket = other.new_ticket()
            busy = time_calls(lambda: other.ok(other.scan(ticket, WATER)), n)
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
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
