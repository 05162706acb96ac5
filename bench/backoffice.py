"""The back office over a year of history: about 300,000 sales and 2 million lines.

A store is seeded with 200,000 SKUs and ``omnistore seed --history-days 365``, its server started
on a loopback port; then each report query is timed over HTTP as a manager asks it (target p99
≤ 200 ms), and the 概览 page is opened in the real widget (offscreen) until its figures show
(target ≤ 500 ms). A sale completed meanwhile at a till keeps the summaries moving.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import requests

from bench.common import Result, time_calls
from harness.processes import free_port

ROOT = Path(__file__).resolve().parent.parent
HISTORY_DAYS = 365
SAMPLES = 100
OPENS = 10


@contextmanager
def store_with_history(products: int, days: int) -> Iterator[str]:
    """A seeded store server with ``days`` of sales; yields its URL and stops it afterwards."""
    with tempfile.TemporaryDirectory(prefix="omnistore-bench-bo-") as home:
        env = {**os.environ, "OMNISTORE_HOME": home}
        me = [sys.executable, "-m", "omnistore"]
        started = time.perf_counter()
        subprocess.run([*me, "seed", "--products", str(products), "--history-days", str(days)], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
        print(f"seeded {products} SKUs and {days} days of sales in {time.perf_counter() - started:.0f}s",
              file=sys.stderr)
        port = free_port()
        with open(Path(home) / "server.log", "ab") as log:
            process = subprocess.Popen([*me, "store-server", "--port", str(port)], cwd=ROOT, env=env,
                                       stdout=subprocess.DEVNULL, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if requests.get(url + "/healthz", timeout=1).ok:
                        break
                except requests.RequestException:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the store server did not start")
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _session(url: str, till: str, operator: str, pin: str) -> requests.Session:
    http = requests.Session()
    answer = http.post(f"{url}/api/v1/session", json={"till": till, "operator": operator, "pin": pin}, timeout=10)
    answer.raise_for_status()
    http.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return http


def _get(http: requests.Session, url: str, params: dict[str, object]) -> Callable[[], object]:
    def call() -> object:
        response = http.get(url, params=params, timeout=10)
        assert response.status_code == 200, response.text[:200]
        return response

    return call


def report_queries(url: str, n: int = SAMPLES) -> list[Result]:
    api = f"{url}/api/v1"
    boss = _session(url, "T01", "9001", "9999")
    today = date.today()
    yesterday = today - timedelta(days=1)
    sale_id = boss.get(f"{api}/reports/sales", params={"from": yesterday.isoformat(), "to": yesterday.isoformat(),
                                                          "limit": 1}, timeout=10).json()["items"][0]["sale_id"]
    queries = [
        ("dashboard: yesterday by hour", "/reports/dashboard", {"from": yesterday, "to": yesterday}),
        ("dashboard: last 7 days", "/reports/dashboard", {"from": today - timedelta(days=6), "to": today}),
        ("dashboard: last 30 days", "/reports/dashboard", {"from": today - timedelta(days=29), "to": today}),
        ("dashboard: a year", "/reports/dashboard", {"from": today - timedelta(days=364), "to": today}),
        ("journal: a day, first page", "/reports/sales", {"from": yesterday, "to": yesterday}),
        ("journal: receipt number", "/reports/sales", {"from": today - timedelta(days=364), "to": today,
                                                       "receipt": sale_id}),
        ("journal: 30 days by tender and amount", "/reports/sales",
         {"from": today - timedelta(days=29), "to": today, "tender": "bank_card", "min_total": 10_000}),
        ("journal: 30 days by cashier", "/reports/sales",
         {"from": today - timedelta(days=29), "to": today, "cashier": "1002", "limit": 50}),
        ("X report: yesterday", "/closing/x", {"day": yesterday}),
    ]
    results = []
    for name, path, params in queries:
        samples = time_calls(_get(boss, api + path, {k: str(v) for k, v in params.items()}), n, warmup=3)
        results.append(Result(f"back office {name}", samples, "p99 ≤ 200 ms", 200))
    return results


def complete_while_reporting(url: str, n: int = 50) -> Result:
    """A till completes sales while the back office reads: the sale's summaries cost it little."""
    api = f"{url}/api/v1"
    till = _session(url, "T02", "1001", "1234")
    till.post(f"{api}/shifts/open", json={"float": 50_000}, timeout=10)
    samples = []
    for _ in range(n):
        ticket = till.post(f"{api}/tickets", json={"command_id": uuid.uuid4().hex}, timeout=10).json()["id"]
        for code in ("6901234567892", "6901234567908", "6901234567915"):
            state = till.post(f"{api}/tickets/{ticket}/lines", json={"code": code, "command_id": uuid.uuid4().hex},
                              timeout=10).json()
        till.post(f"{api}/tickets/{ticket}/tenders", json={"method": "cash", "amount": state["due"],
                                                           "command_id": uuid.uuid4().hex}, timeout=10)
        started = time.perf_counter()
        done = till.post(f"{api}/tickets/{ticket}/complete", json={"command_id": uuid.uuid4().hex}, timeout=10)
        samples.append((time.perf_counter() - started) * 1000)
        assert done.status_code == 200, done.text[:200]
    return Result("complete sale over a year of history (HTTP)", samples, "p99 ≤ 20 ms", 20)


def dashboard_opens(url: str, n: int = OPENS) -> Result:
    """The 概览 page built and its figures shown, in the real widget (offscreen Qt)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.api import BackOfficeClient, Operator
    from ui.app import create_app
    from ui.backoffice.overview import DashboardPage
    from ui.backoffice.shell import BackOfficeContext
    from ui.worker import Worker

    create_app([], "zh_CN")
    client = BackOfficeClient(url)
    client.login("T03", "9001", "9999")
    worker = Worker()
    samples = []
    for _ in range(n + 2):
        started = time.perf_counter()
        ctx = BackOfficeContext(client=client, worker=worker, operator=Operator("9001", "王店长", "manager"), till="T03")
        page = DashboardPage(ctx)
        page.resize(1920, 1080)
        page.show()
        page.shown()
        while page.data is None:
            QApplication.processEvents()
            time.sleep(0.001)
        QApplication.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        page.stop()
        page.close()
        page.deleteLater()
        QApplication.processEvents()
    worker.stop()
    return Result("back office: 概览 opens with a year of history", samples[2:], "≤ 500 ms", 500)


def run(products: int = 200_000, days: int = HISTORY_DAYS) -> list[Result]:
    with store_with_history(products, days) as url:
        results = report_queries(url)
        results.append(complete_while_reporting(url))
        results.append(dashboard_opens(url))
        return results
