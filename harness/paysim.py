"""The payment-provider simulator (``omnistore paysim``) as a real process on a loopback HTTPS port,
and a store server configured to pay against it (its sandbox credentials as ``payments.json``)."""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from harness.processes import OMNISTORE, ROOT, free_port, stop_process


@dataclass
class PaysimProcess:
    home: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def ca(self) -> str:
        return str(self.home / "ca.pem")

    def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home.parent / f"paysim-{self.port}.log", "ab") as log:
            self.process = subprocess.Popen([*OMNISTORE, "paysim", "--port", str(self.port), "--data", str(self.home)],
                                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"paysim exited with {self.process.returncode}")
            try:
                if (self.home / "store-credentials.json").exists() and requests.get(
                        self.url + "/healthz", verify=self.ca, timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("paysim did not start")

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None

    def trades(self) -> list[dict[str, Any]]:
        return list(requests.get(self.url + "/_sim/trades", verify=self.ca, timeout=5).json()["trades"])

    def install(self, store_home: Path) -> Path:
        """The simulator's sandbox credentials as a store server's ``payments.json`` (owner-only)."""
        target = store_home / "payments.json"
        target.write_bytes((self.home / "store-credentials.json").read_bytes())
        os.chmod(target, 0o600)
        return target


def start_paysim(base: Path, port: int | None = None) -> PaysimProcess:
    sim = PaysimProcess(base / "paysim", port or free_port())
    sim.start()
    return sim


def code(provider: str, script: str = "00", n: int = 0) -> str:
    """A fresh payment code selecting a simulator script (digits 3–4; digit 5 is N): each works once."""
    head = f"{'13' if provider == 'wechat' else '28'}{script}{n}"
    return head + "".join(secrets.choice("0123456789") for _ in range(18 - len(head)))
