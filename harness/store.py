"""A real store server process on a loopback port with its own data directory, and a till's
conversation with it (the way the client has it)."""

from __future__ import annotations

import itertools
import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from harness.processes import OMNISTORE, ROOT, free_port, stop_process, wait_healthy

TEST_PRODUCTS = 3_000

@dataclass
class StoreServer:
    home: Path
    port: int
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    _tills: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return self.url + "/api/v1"

    def start(self) -> None:
        with open(self.home / "server.log", "ab") as log:  # the child keeps its own copy of the fd
            self.process = subprocess.Popen(
                [*OMNISTORE, "store-server", "--port", str(self.port)],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log,
            )
        wait_healthy(self.url, self.process)

    def kill(self) -> None:
        """kill -9: no shutdown handlers, like a power cut to the process."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None

    def db(self) -> Any:
        """A session on the server's own database file (WAL allows a second connection)."""
        from app.db.engine import make_engine, make_session_factory

        return make_session_factory(make_engine(f"sqlite:///{self.home / 'store.sqlite3'}"))()

    def new_till(self) -> str:
        """A till nobody else in the test run uses, so tests don't share shifts or tickets."""
        from app.db.models import Till

        code = f"X{next(self._tills):03d}"
        with self.db() as session:
            session.add(Till(code=code, name=f"测试{code}"))
            session.commit()
        return code

    def new_operator(self, role: str = "cashier", pin: str = "2468") -> str:
        from app.auth import create_operator

        code = f"7{uuid.uuid4().int % 1000:03d}"
        with self.db() as session:
            from app.db.models import Operator

            while session.query(Operator).filter_by(code=code).first():
                code = f"7{uuid.uuid4().int % 1000:03d}"
            create_operator(session, code, "测试员", role, pin)
            session.commit()
        return code


def make_store_server(tmp: Path, products: int = TEST_PRODUCTS, extra_env: dict[str, str] | None = None) -> StoreServer:
    env = {**os.environ, "OMNISTORE_HOME": str(tmp), **(extra_env or {})}
    subprocess.run(
        [*OMNISTORE, "seed", "--products", str(products)],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
    )
    return StoreServer(home=tmp, port=free_port(), env=env)


class Till:
    """A till's conversation with the store server, the way the client has it."""

    def __init__(self, server: StoreServer, till: str, operator: str = "1001", pin: str = "1234",
                 language: str = "zh-CN") -> None:
        self.server = server
        self.till = till
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = language
        self.login = self.post("/session", {"till": till, "operator": operator, "pin": pin})
        self.http.headers["Authorization"] = f"Bearer {self.login.json()['token']}"

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return self.http.post(self.server.api + path, json=body, timeout=10, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.server.api + path, timeout=10, **kwargs)

    def ok(self, response: requests.Response) -> dict[str, Any]:
        assert response.status_code == 200, response.text
        return response.json()

    def open_shift(self, amount: int = 50_000) -> dict[str, Any]:
        return self.ok(self.post("/shifts/open", {"float": amount}))

    def new_ticket(self) -> int:
        return int(self.ok(self.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"])

    def scan(self, ticket: int, code: str, quantity: int | None = None, command_id: str | None = None) -> requests.Response:
        body: dict[str, Any] = {"code": code, "command_id": command_id or uuid.uuid4().hex}
        if quantity is not None:
            body["quantity"] = quantity
        return self.post(f"/tickets/{ticket}/lines", body)

    def pay_cash(self, ticket: int, amount: int) -> requests.Response:
        return self.post(f"/tickets/{ticket}/tenders", {"method": "cash", "amount": amount, "command_id": uuid.uuid4().hex})

    def complete(self, ticket: int, command_id: str | None = None) -> requests.Response:
        return self.post(f"/tickets/{ticket}/complete", {"command_id": command_id or uuid.uuid4().hex})


COLA = "6901234567892"  # 可口可乐 330ml ￥3.50
WATER = "6901234567908"  # 农夫山泉 饮用天然水 550ml ￥2.00
NOODLES = "6901234567915"  # 康师傅 红烧牛肉面 5连包 ￥12.90
MOUTAI = "6901234567953"  # 茅台 飞天 ￥2999.00
APPLE_PLU = "1001"  # 红富士苹果 ￥12.98/kg
