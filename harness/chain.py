"""A chain on one machine: a real HQ and real store servers enrolled with it, each store reaching HQ
through a ChaosProxy so a test can cut, delay, drop or replay what crosses the link; HQ and the
stores are real processes a test may kill -9. And a till's sale, retried the way the till does."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import func, select

from harness.chaos import ChaosProxy
from harness.hq import Admin, HQServer
from harness.processes import OMNISTORE, ROOT
from harness.store import COLA, StoreServer, Till, make_store_server


@dataclass
class LinkedStore:
    """A store server enrolled with HQ, its link to HQ running through ``proxy``."""

    code: str
    server: StoreServer
    proxy: ChaosProxy
    hq: HQServer

    def restart(self) -> None:
        self.server.kill()
        self.server.start()

    def backlog(self) -> int:
        from app.db.models import OutboxEvent

        with self.server.db() as session:
            return int(session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.delivered_at.is_(None))))

    def wait_drained(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while self.backlog():
            assert time.monotonic() < deadline, f"outbox still holds {self.backlog()} events"
            time.sleep(0.2)

    def store_sales(self) -> dict[str, int]:
        """sale_id → total of every sale the store completed: the store's own truth."""
        from app.db.models import Ticket

        with self.server.db() as session:
            rows = session.execute(select(Ticket.sale_id, Ticket.total).where(Ticket.status == "completed")).all()
        return {row.sale_id: row.total for row in rows}

    def outbox_count(self) -> int:
        from app.db.models import OutboxEvent

        with self.server.db() as session:
            return int(session.scalar(select(func.count(OutboxEvent.id))))

    def hq_sales(self) -> list[tuple[str, int]]:
        from app.hq.models import Sale, Store

        with self.hq.db() as session:
            store_id = session.scalar(select(Store.id).where(Store.code == self.code))
            return [(r.sale_id, r.total) for r in session.execute(
                select(Sale.sale_id, Sale.total).where(Sale.store_id == store_id))]

    def hq_event_seqs(self) -> list[int]:
        from app.hq.models import Event, Store

        with self.hq.db() as session:
            store_id = session.scalar(select(Store.id).where(Store.code == self.code))
            return list(session.scalars(select(Event.seq).where(Event.store_id == store_id).order_by(Event.seq)))

    def assert_hq_holds_everything_once(self, acknowledged: dict[str, int]) -> None:
        """Every acknowledged sale at HQ exactly once, totals to the fen, the outbox empty, seqs gapless."""
        self.wait_drained()
        store = self.store_sales()
        assert set(acknowledged) <= set(store)
        assert all(store[sale] == total for sale, total in acknowledged.items())
        at_hq = self.hq_sales()
        ids = [sale for sale, _ in at_hq]
        assert len(ids) == len(set(ids)), "a sale reached HQ twice"
        assert dict(at_hq) == store
        assert sum(total for _, total in at_hq) == sum(store.values())
        assert self.hq_event_seqs() == list(range(1, self.outbox_count() + 1))
        assert self.hq_stock() == self.store_stock()
        assert self.backlog() == 0

    def store_stock(self) -> dict[str, int]:
        from app.db.models import Product, StockLevel

        with self.server.db() as session:
            return {sku: quantity for sku, quantity in session.execute(
                select(Product.sku, StockLevel.quantity).join(Product, Product.id == StockLevel.product_id))
                if quantity}

    def hq_stock(self) -> dict[str, int]:
        from app.hq.models import Store, StoreStock

        with self.hq.db() as session:
            store_id = session.scalar(select(Store.id).where(Store.code == self.code))
            return {r.sku: r.quantity for r in session.scalars(select(StoreStock).where(StoreStock.store_id == store_id))
                    if r.quantity}


def enrol_store(admin: Admin, hq: HQServer, home: Path, *, products: int = 3_000,
                env: dict[str, str] | None = None) -> LinkedStore:
    code = "E" + uuid.uuid4().hex[:8].upper()
    admin.ok(admin.post("/admin/stores", {"code": code, "name": f"测试门店{code}", "group": "华东"}))
    enrolment = admin.ok(admin.post(f"/admin/stores/{code}/enrolment"))
    proxy = ChaosProxy(hq.port)
    server = make_store_server(home, products=products,
                               extra_env={"OMNISTORE_SYNC_BACKOFF_MAX": "2", **(env or {})})
    subprocess.run([*OMNISTORE, "enroll", "--hq", proxy.url, "--code", enrolment["code"]],
                   cwd=ROOT, env=server.env, check=True, capture_output=True)
    server.start()
    return LinkedStore(code, server, proxy, hq)


def retry(call: Callable[[], requests.Response], timeout: float = 60.0) -> dict[str, Any]:
    """What the till does with a command when the server is away: send the same command_id again."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            response = call()
            if response.status_code < 500:
                assert response.status_code == 200, response.text
                return response.json()
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, "the store server did not come back"
        time.sleep(0.1)


def sell_cola(till: Till) -> tuple[str, int]:
    """One cash sale of a cola, each step retried with its own command_id until acknowledged."""
    ids = [uuid.uuid4().hex for _ in range(4)]
    ticket = retry(lambda: till.post("/tickets", {"command_id": ids[0]}))["id"]
    retry(lambda: till.scan(ticket, COLA, command_id=ids[1]))
    retry(lambda: till.post(f"/tickets/{ticket}/tenders", {"method": "cash", "amount": 500, "command_id": ids[2]}))
    done = retry(lambda: till.complete(ticket, command_id=ids[3]))
    return done["sale_id"], done["total"]


def open_till(store: LinkedStore) -> Till:
    till = Till(store.server, store.server.new_till())
    till.ok(till.post("/shifts/open", {"float": 50_000}))
    return till
