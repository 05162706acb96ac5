"""The demo's online orders on the demo's own HQ (SQLite): the demo store, once enrolled, gets the
own shop's two orders routed to it, through the portable routing path."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import requests

from harness.processes import OMNISTORE, ROOT, free_port, stop_process, wait_healthy


def test_the_demo_drops_orders_on_the_demo_store(tmp_path: Path) -> None:
    env = {**os.environ, "OMNISTORE_HOME": str(tmp_path), "OMNISTORE_HQ_SECRET_KEY": "demo-test-key",
           "OMNISTORE_O2O_JOBS": "0"}
    env.pop("OMNISTORE_HQ_DATABASE_URL", None)
    seeded = subprocess.run([*OMNISTORE, "hq", "demo-seed", "--enrol"], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=True)
    code = next(line.split(": ", 1)[1] for line in seeded.stdout.splitlines() if line.startswith("enrolment code: "))
    port = free_port()
    server = subprocess.Popen([*OMNISTORE, "hq-server", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", server)
        enrolled = requests.post(f"http://127.0.0.1:{port}/api/v1/enroll", json={"code": code}, timeout=30)
        assert enrolled.status_code == 200, enrolled.text
        dropped = subprocess.run([*OMNISTORE, "hq", "demo-o2o", "--sim", "http://127.0.0.1:9"], cwd=ROOT, env=env,
                                 capture_output=True, text=True)
        assert dropped.returncode == 0, dropped.stderr
        assert dropped.stdout.count("assigned") == 2, dropped.stdout
        again = subprocess.run([*OMNISTORE, "hq", "demo-o2o", "--sim", "http://127.0.0.1:9"], cwd=ROOT, env=env,
                               capture_output=True, text=True, check=True)
        assert again.stdout == dropped.stdout  # the same orders, not new ones
    finally:
        stop_process(server)
