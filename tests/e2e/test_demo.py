"""``omnistore demo``: the whole chain on one machine — HQ (SQLite, seeded with the demo chain's
members, coupons and gift cards), the store enrolled with it, the printer simulator — and a
member's sale at the demo till reaches HQ. Run twice: the second run keeps what the first did."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from harness.processes import ROOT, free_port
from harness.store import StoreServer, Till

COLA = "6901234567892"  # 可口可乐 330ml ￥3.50
NOODLES = "6901234567915"  # 康师傅 红烧牛肉面 5连包 ￥12.90


def start_demo(home: Path, ports: dict[str, int]) -> tuple[subprocess.Popen[bytes], StoreServer]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMNISTORE_")}
    env["OMNISTORE_HOME"] = str(home)
    with open(home.parent / f"{home.name}.log", "ab") as log:  # the child keeps its own copy of the fd
        demo = subprocess.Popen(
            [sys.executable, "-m", "omnistore", "demo", "--headless", "--products", "2000", "--port",
             str(ports["store"]), "--hq-port", str(ports["hq"]), "--printer-port", str(ports["printer"]),
             "--paysim-port", str(ports["paysim"])],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = StoreServer(home, ports["store"], env)
    deadline = time.monotonic() + 120
    while True:
        assert demo.poll() is None, (home.parent / f"{home.name}.log").read_text()
        try:
            if requests.get(server.url + "/healthz", timeout=0.5).ok:
                return demo, server
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, "the demo did not come up"
        time.sleep(0.2)


def stop_demo(demo: subprocess.Popen[bytes], ports: dict[str, int]) -> None:
    """SIGTERM, as a service manager stops it: the demo stops its servers on the way out."""
    demo.send_signal(signal.SIGTERM)
    assert demo.wait(timeout=30) == 0
    for port in ports.values():
        wait_for(lambda port=port: not port_open(port), f"port {port} still served after the demo stopped")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def cid() -> dict[str, str]:
    return {"command_id": uuid.uuid4().hex}


def wait_for(check: Any, what: str, timeout: float = 90.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, what
        time.sleep(0.2)
    return result


def test_the_demo_chain_sells_to_a_member_with_coupon_and_stored_value_and_hq_sees_it(tmp_path: Path) -> None:
    home = tmp_path / "demo"
    ports = {"store": free_port(), "hq": free_port(), "printer": free_port(), "paysim": free_port()}
    demo, server = start_demo(home, ports)
    try:
        till = Till(server, "T01")
        assert till.login.status_code == 200, till.login.text
        till.ok(till.post("/shifts/open", {"float": 50_000}))
        member = till.ok(till.get("/members/lookup", params={"phone": "13800138000"}))
        assert member["name"] == "张三" and member["points"] == 1_280 and member["wallet"]["balance"] == 22_000
        coupon = next(c["code"] for c in member["coupons"] if c["name"] == "5元代金券")
        card = member["wallet"]["cards"][0]

        ticket = till.ok(till.post("/tickets", cid()))["id"]
        for code in (NOODLES, NOODLES, COLA):  # 12.90 × 2 + 3.50
            till.ok(till.scan(ticket, code))
        till.ok(till.post(f"/tickets/{ticket}/member", {"member_no": member["member_no"], **cid()}))
        state = till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": coupon, **cid()}))
        due = state["total"] - state["paid"]
        assert state["total"] < 2_930  # the coupon came off
        till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": due, **cid()}))
        sale = till.ok(till.complete(ticket))["sale_id"]

        after = wait_for(lambda: (view := till.ok(till.get("/members/lookup", params={"phone": "13800138000"})))
                         ["recent"] and view, "the sale did not reach HQ")
        assert after["wallet"]["balance"] == 22_000 - due
        assert coupon not in [c["code"] for c in after["coupons"]]
        assert (after["recent"][0]["store"], after["recent"][0]["total"]) == ("好邻居便利店 徐汇店", state["total"])
        printed = till.get(f"/sales/{sale}/receipt", params={"format": "text"}).text
        assert "5元代金券" in printed and "储值" in printed
        welcome = till.ok(till.post("/members", {"phone": "13600136000", "name": "新会员"}))
        assert any(c["name"] == "5元代金券" for c in welcome["coupons"])  # 新人礼 on registration
    finally:
        stop_demo(demo, ports)

    demo, server = start_demo(home, ports)  # again: the same chain, not a new one
    try:
        till = Till(server, "T01")
        again = till.ok(till.get("/members/lookup", params={"phone": "13800138000"}))
        assert again["wallet"]["balance"] == after["wallet"]["balance"] and again["recent"]
        wait_for(lambda: till.ok(till.get("/sync/status"))["online"] is True, "the store did not reach HQ again")
        # 付款码 against the demo's simulator, as the README tells a newcomer to try
        if till.ok(till.get("/shifts/current"))["shift"] is None:
            till.ok(till.post("/shifts/open", {"float": 50_000}))
        ticket = till.ok(till.post("/tickets", cid()))["id"]
        till.ok(till.scan(ticket, COLA))
        paid = till.ok(till.post(f"/tickets/{ticket}/paycode", {"code": "130000000000000" + str(uuid.uuid4().int)[:3],
                                                                **cid()}))
        assert paid["state"] == "paid" and paid["ticket"]["due_exact"] == 0
        till.ok(till.complete(ticket))
    finally:
        stop_demo(demo, ports)
