"""The platform simulator (``omnistore platformsim``: 美团外卖 and 饿了么) as a real process pushing
to a real HQ, with HQ's channels pointed at it (credentials and callback URLs)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from harness.hq import Admin
from harness.processes import OMNISTORE, ROOT, free_port, stop_process, wait_healthy

CREDENTIALS = {"meituan": ("mt-app", "mt-secret"), "eleme": ("elm-app", "elm-secret")}


@dataclass
class PlatformSim:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def post(self, path: str, body: Any = None) -> Any:
        answer = requests.post(self.url + path, json=body or {}, timeout=60)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def get(self, path: str, **params: Any) -> requests.Response:
        return requests.get(self.url + path, params=params, timeout=60)

    def order(self, number: str) -> dict[str, Any]:
        return self.get(f"/sim/orders/{number}").json()  # type: ignore[no-any-return]

    def calls(self) -> list[dict[str, Any]]:
        return self.get("/sim/calls").json()["calls"]  # type: ignore[no-any-return]


def point_channels(admin: Admin, sim_url: str, accept_seconds: int = 300) -> None:
    """HQ's 美团 and 饿了么 channels talk to the simulator."""
    for code, (key, secret) in CREDENTIALS.items():
        callback = f"{sim_url}/meituan/api/v1" if code == "meituan" else f"{sim_url}/eleme/api/v1"
        answer = admin.http.put(admin.hq.api + f"/admin/o2o/channels/{code}", json={
            "accept_seconds": accept_seconds, "allow_split": False, "safety_stock": 0, "commission_bp": 1800,
            "app_key": key, "app_secret": secret, "callback_url": callback}, timeout=30)
        assert answer.status_code == 200, answer.text


@contextlib.contextmanager
def platformsim(home: Path, hq_url: str) -> Iterator[PlatformSim]:
    port = free_port()
    with open(home / "platformsim.log", "ab") as log:
        process = subprocess.Popen([*OMNISTORE, "platformsim", "--port", str(port), "--hq", hq_url], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=log)
    sim = PlatformSim(port, process)
    try:
        wait_healthy(sim.url, process)
        yield sim
    finally:
        stop_process(process)
