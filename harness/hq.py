"""A real hq-server process on a PostgreSQL database of its own, an admin's (or a channel's) API
conversation with it, and a store's signed one (the way the store's sync worker has it)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import requests
from sqlalchemy.orm import Session

from app.sync import signing
from harness.processes import OMNISTORE, ROOT, free_port, stop_process, wait_healthy

PG_ADMIN = os.environ.get("OMNISTORE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def create_database(name: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url(name: str) -> str:
    base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}"


@dataclass
class HQServer:
    home: Path
    port: int
    database_url: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    admin_key: str = ""
    _engine: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return self.url + "/api/v1"

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*OMNISTORE, "hq", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, check=check)

    def start(self) -> None:
        with open(self.home / "hq-server.log", "ab") as log:
            self.process = subprocess.Popen(
                [*OMNISTORE, "hq-server", "--port", str(self.port),
                 "--database-url", self.database_url],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log,
            )
        wait_healthy(self.url, self.process)

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None
        if self._engine is not None:
            self._engine.dispose()

    def db(self) -> Session:
        from app.hq.engine import make_hq_engine, make_hq_sessions

        if self._engine is None:
            self._engine = make_hq_engine(self.database_url)
        return make_hq_sessions(self._engine)()

    def admin(self, key: str | None = None) -> Admin:
        return Admin(self, key or self.admin_key)


@dataclass
class Admin:
    """An admin's (or a channel's) API conversation with HQ."""

    hq: HQServer
    key: str
    http: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        if self.key:
            self.http.headers["Authorization"] = f"Bearer {self.key}"
        self.http.headers["Accept-Language"] = "en"

    def post(self, path: str, body: Any = None) -> requests.Response:
        return self.http.post(self.hq.api + path, json=body, timeout=30)

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(self.hq.api + path, params=params, timeout=30)

    def delete(self, path: str) -> requests.Response:
        return self.http.delete(self.hq.api + path, timeout=30)

    def put(self, path: str, body: Any = None) -> requests.Response:
        return self.http.put(self.hq.api + path, json=body, timeout=30)

    def ok(self, response: requests.Response) -> Any:
        assert response.status_code == 200, response.text
        return response.json()

    def new_store(self, group: str = "华东", code: str | None = None) -> Store:
        """A store created, enrolled, and ready to sign: no two tests share one."""
        code = code or "T" + uuid.uuid4().hex[:8].upper()
        self.ok(self.post("/admin/stores", {"code": code, "name": f"测试店{code}", "group": group}))
        enrolment = self.ok(self.post(f"/admin/stores/{code}/enrolment"))
        found = self.ok(requests.post(self.hq.api + "/enroll", json={"code": enrolment["code"]}, timeout=10))
        return Store(self.hq, found["store_code"], found["secret"], found["group"])


@dataclass
class Store:
    """A store's signed conversation with HQ, the way the store's sync worker has it."""

    hq: HQServer
    code: str
    secret: str
    group: str
    seq: int = 0

    def send(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None,
             now: float | None = None, sign_as: tuple[str, str] | None = None) -> requests.Response:
        full = "/api/v1" + path
        code, secret = sign_as or (self.code, self.secret)
        signed = signing.sign(code, secret, method, full, body, now)
        return requests.request(method, self.hq.url + full, data=body,
                                headers={**signed, "Content-Type": "application/json", "Accept-Language": "en",
                                         **(headers or {})}, timeout=60)

    def feed_at(self, now: float) -> requests.Response:
        return self.send("GET", "/sync/feed?cursor=0", now=now)

    def push(self, events: list[dict[str, Any]], **kwargs: Any) -> requests.Response:
        return self.send("POST", "/sync/events", json.dumps({"events": events}).encode(), **kwargs)

    def feed(self, cursor: int = 0, limit: int = 1000, **extra: Any) -> requests.Response:
        query = "&".join([f"cursor={cursor}", f"limit={limit}", *(f"{k}={v}" for k, v in extra.items())])
        return self.send("GET", f"/sync/feed?{query}")

    def event(self, kind: str = "shift_opened", payload: dict[str, Any] | None = None, seq: int | None = None) -> dict[str, Any]:
        """The next outbox event of this store."""
        if seq is None:
            self.seq += 1
            seq = self.seq
        return {"event_id": uuid.uuid4().hex, "seq": seq, "kind": kind, "payload": payload or {"till": "T01"},
                "created_at": datetime.now().isoformat(timespec="seconds")}

    def sale(self, total: int = 1990, tenders: list[tuple[str, int]] | None = None, day: str = "2031-03-15",
             rounding: int = 0, change: int = 0) -> dict[str, Any]:
        tenders = tenders or [("cash", total + change)]
        sale_id = f"T01-{uuid.uuid4().hex[:10]}"
        payload = {
            "id": 1, "till": "T01", "status": "completed",
            "lines": [{"sku": "A1", "unit": "piece", "quantity": 2, "amount": total, "voided": False}],
            "subtotal": total - rounding, "rounding": rounding, "total": total, "paid": total + change,
            "change": change, "tenders": [{"method": m, "amount": a} for m, a in tenders],
            "sale_id": sale_id, "completed_at": f"{day}T10:15:00",
        }
        return self.event("sale_completed", payload)


@contextlib.contextmanager
def scratch_hq(home: Path, prefix: str = "omnistore_test", **env: str) -> Iterator[HQServer]:
    """A real hq-server on a PostgreSQL database of its own (dropped afterwards), with an admin key."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    create_database(name)
    url = database_url(name)
    server = HQServer(home=home, port=free_port(), database_url=url,
                      env={**os.environ, "OMNISTORE_HOME": str(home), "OMNISTORE_HQ_DATABASE_URL": url,
                           "OMNISTORE_HQ_SECRET_KEY": uuid.uuid4().hex, **env})
    try:
        server.cli("db", "upgrade")
        server.admin_key = server.cli("create-key", "--name", "admin", "--scopes", "admin").stdout.split()[0]
        server.start()
        yield server
    finally:
        server.stop()
        drop_database(name)
