"""Store ↔ HQ for real: enrolment, sales up exactly once, master data down within 5 s,
and the faults a chain's network and power deliver (kill -9, a cut link, lost acks, replays).

Real processes throughout: HQ on PostgreSQL, store servers on SQLite, a TCP proxy between.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import requests

from harness.chain import LinkedStore, open_till, sell_cola
from harness.hq import Admin
from harness.store import COLA

TILLS = 4


def sell_many(store: LinkedStore, count: int) -> dict[str, int]:
    """``count`` cash sales over four tills at once; sale_id → total of each acknowledged one."""
    tills = [open_till(store) for _ in range(TILLS)]
    per_till = [count // TILLS + (1 if i < count % TILLS else 0) for i in range(TILLS)]

    def run(index: int) -> list[tuple[str, int]]:
        return [sell_cola(tills[index]) for _ in range(per_till[index])]

    with ThreadPoolExecutor(TILLS) as pool:
        done = [sale for sales in pool.map(run, range(TILLS)) for sale in sales]
    acknowledged = dict(done)
    assert len(acknowledged) == count  # each sale acknowledged once, under its own sale number
    return acknowledged


def test_a_sale_reaches_hq_once_and_a_price_change_reaches_the_till_within_5_s(
        linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    sale_id, total = sell_cola(till)
    deadline = time.monotonic() + 10
    while not store.hq_sales():
        assert time.monotonic() < deadline, "the sale did not reach HQ"
        time.sleep(0.1)
    store.assert_hq_holds_everything_once({sale_id: total})
    today = date.today().isoformat()
    report = admin.ok(admin.get("/reports/sales", store=store.code, **{"from": today, "to": today}))
    assert [(row["sales"], row["total"], row["tenders"]) for row in report["rows"]] == [(1, total, {"cash": total})]

    admin.ok(admin.post("/admin/products", {"items": [
        {"sku": "HQ-COLA", "name": "可口可乐 330ml（总部价）", "price": 390, "barcodes": [{"code": COLA}]}]}))
    changed_at = time.monotonic()
    while till.ok(till.get("/products/lookup", params={"code": COLA}))["price"] != 390:
        assert time.monotonic() - changed_at < 5, "HQ's change did not reach the store within 5 s"
        time.sleep(0.05)
    status = till.ok(till.get("/sync/status"))
    assert status["online"] is True and status["backlog"] == 0 and status["feed"]["applied"] >= 1


def test_kill_9_of_store_and_hq_during_2000_sales_loses_and_doubles_nothing(linked_store: LinkedStore) -> None:
    store, hq = linked_store, linked_store.hq
    rng = random.Random(20261126)
    stop = threading.Event()
    kills = {"store": 0, "hq": 0}

    def killer() -> None:
        while not stop.wait(rng.uniform(1.5, 4.0)):
            if rng.random() < 0.5:
                store.restart()
                kills["store"] += 1
            else:
                assert hq.process is not None
                hq.process.kill()
                hq.process.wait()
                hq.start()
                kills["hq"] += 1

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    try:
        acknowledged = sell_many(store, 2000)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert kills["store"] >= 2 and kills["hq"] >= 2, kills
    store.assert_hq_holds_everything_once(acknowledged)


def test_a_link_cut_for_the_whole_run_keeps_selling_and_drains_on_restore(linked_store: LinkedStore) -> None:
    store = linked_store
    store.proxy.cut()
    started = time.monotonic()
    acknowledged = sell_many(store, 400)
    selling = time.monotonic() - started
    assert store.hq_sales() == []
    assert store.backlog() >= 400  # every sale waits in the outbox
    till = open_till(store)
    status = till.ok(till.get("/sync/status"))
    assert status["online"] is False and status["backlog"] >= 400
    store.proxy.restore()
    store.assert_hq_holds_everything_once(acknowledged)
    assert selling < 400 * 0.5  # no sale waited on HQ: far below one connect timeout each


def test_lost_acks_replays_and_delays_deliver_every_sale_once_in_order(linked_store: LinkedStore) -> None:
    store = linked_store
    store.proxy.faults.drop_response = 0.25  # HQ stored the batch, the ack never came: the store sends it again
    store.proxy.faults.replay = 0.3  # a request delivered twice, the copy after later ones (reordered)
    store.proxy.faults.delay = 0.01
    acknowledged = sell_many(store, 400)
    time.sleep(1)
    store.assert_hq_holds_everything_once(acknowledged)
    assert store.proxy.broken > 0 and store.proxy.replayed > 0
    # A second delivery is refused (its nonce was used) — or, when it overtook the first, the
    # first is refused and the store sends again: either way nothing above counts twice.
    assert all(status in (200, 401) for status in store.proxy.replay_answers), store.proxy.replay_answers


def test_hq_refuses_the_store_once_disabled_and_the_store_keeps_selling(linked_store: LinkedStore,
                                                                         admin: Admin) -> None:
    store = linked_store
    admin.ok(admin.post(f"/admin/stores/{store.code}/disable"))
    till = open_till(store)
    sale_id, total = sell_cola(till)
    deadline = time.monotonic() + 10
    while "store_disabled" not in (till.ok(till.get("/sync/status"))["last_error"] or ""):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert store.hq_sales() == [] and store.backlog() >= 1
    stuck = till.ok(till.get("/sync/stuck"))["items"]
    assert stuck and "store_disabled" in stuck[0]["last_error"]
    admin.ok(admin.post(f"/admin/stores/{store.code}/enable"))
    store.assert_hq_holds_everything_once({sale_id: total})
    assert requests.get(store.server.url + "/healthz", timeout=5).ok


def load_hq_catalog(hq, skus: int, prefix: str) -> None:
    from app.domain.barcode import with_check_digit
    from app.hq.masterdata import apply_products, product_data

    with hq.db() as session:
        for start in range(0, skus, 5000):
            apply_products(session, [
                product_data(f"{prefix}{n:07d}", f"总部商品{n}", 100 + n % 5000, spec="500g", brand="品牌",
                             category=f"类目{n % 50}", barcodes=[(with_check_digit(f"697{n:09d}"), 1)])
                for n in range(start, min(start + 5000, skus))])
            session.commit()


def test_a_first_load_streams_with_progress_and_the_till_sells_meanwhile(admin: Admin, hq, tmp_path) -> None:
    from harness.chain import enrol_store

    load_hq_catalog(hq, 30_000, "FL")
    store = enrol_store(admin, hq, tmp_path)
    try:
        till = open_till(store)
        seen_progress: list[int] = []
        sold = 0
        while True:
            status = till.ok(till.get("/sync/status"))["feed"]
            if status["catching_up"]:
                seen_progress.append(status["cursor"] * 100 // max(1, status["head"]))
                sell_cola(till)  # the till sells while the catalog streams in
                sold += 1
            elif status["head"] and status["cursor"] >= status["head"]:
                break
            time.sleep(0.02)
        assert seen_progress and sold >= 1
        assert seen_progress == sorted(seen_progress) and seen_progress[0] < 100
        last = "697" + f"{29_999:09d}"
        from app.domain.barcode import with_check_digit

        found = till.ok(till.get("/products/lookup", params={"code": with_check_digit(last)}))
        assert found["name"] == "总部商品29999"
        assert till.ok(till.get("/products/search", params={"q": "总部商品2999", "limit": 5}))["items"]
    finally:
        store.server.stop()
        store.proxy.close()


def make_tls_files(directory) -> tuple[str, str, str]:
    """A private CA and a certificate for 127.0.0.1 signed by it, made with openssl."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=directory, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=OmniStore Test CA")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "hq.key", "-out", "hq.csr", "-subj", "/CN=127.0.0.1")
    (directory / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "hq.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "hq.pem",
            "-days", "2", "-extfile", "ext.cnf")
    return str(directory / "ca.pem"), str(directory / "hq.pem"), str(directory / "hq.key")


def test_an_https_hq_with_a_private_ca(admin: Admin, hq, tmp_path) -> None:
    from harness.processes import ROOT, free_port
    from harness.store import make_store_server

    ca, cert, key = make_tls_files(tmp_path)
    port = free_port()
    tls_hq = subprocess.Popen([sys.executable, "-m", "omnistore", "hq-server", "--port", str(port), "--database-url",
                               hq.database_url, "--ssl-certfile", cert, "--ssl-keyfile", key],
                              cwd=ROOT, env=hq.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/healthz", verify=ca, timeout=1).ok:
                    break
            except requests.RequestException:
                assert time.monotonic() < deadline, "the https HQ did not start"
                time.sleep(0.2)
        code = "S" + uuid.uuid4().hex[:8].upper()
        admin.ok(admin.post("/admin/stores", {"code": code, "name": "加密门店", "group": "华东"}))
        enrolment = admin.ok(admin.post(f"/admin/stores/{code}/enrolment"))["code"]
        server = make_store_server(tmp_path / "store")

        def enroll(*extra: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-m", "omnistore", "enroll", "--hq", url, "--code", enrolment, *extra],
                                  cwd=ROOT, env=server.env, capture_output=True, text=True)

        untrusted = enroll()
        assert untrusted.returncode == 1 and "hq_unreachable" in untrusted.stderr  # no trust, no enrolment
        assert enroll("--ca-file", ca).returncode == 0
        server.start()
        try:
            store = LinkedStore(code, server, None, hq)  # type: ignore[arg-type]
            sale = sell_cola(open_till(store))
            store.assert_hq_holds_everything_once(dict([sale]))
        finally:
            server.stop()
    finally:
        tls_hq.terminate()
        tls_hq.wait(timeout=10)
