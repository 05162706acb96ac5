"""A real payment-provider simulator (``omnistore paysim``) on a loopback HTTPS port, and clients for it."""

from __future__ import annotations

import contextlib
import itertools
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.payments.alipay import AlipayClient
from app.payments.base import ChargeOrder
from app.payments.credentials import PaymentCredentials, load_credentials
from app.payments.wechat import WechatPayClient
from harness.paysim import PaysimProcess
from harness.processes import free_port

_numbers = itertools.count(1)


class Paysim(PaysimProcess):
    """The harness's simulator process, with what the payment tests ask of it besides."""

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def credentials(self) -> PaymentCredentials:
        return load_credentials(self.home / "store-credentials.json")

    def trade(self, provider: str, out_trade_no: str) -> dict[str, Any]:
        return next(t for t in self.trades() if t["provider"] == provider and t["out_trade_no"] == out_trade_no)


def start_paysim(base: Path) -> Paysim:
    sim = Paysim(base / "paysim", free_port())
    sim.start()
    return sim


@pytest.fixture(scope="session")
def paysim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paysim]:
    sim = start_paysim(tmp_path_factory.mktemp("paysim"))
    yield sim
    sim.stop()


@pytest.fixture
def wechat(paysim: Paysim) -> WechatPayClient:
    creds = paysim.credentials().wechat
    assert creds is not None
    return WechatPayClient(creds, timeout=(2.0, 5.0))


@pytest.fixture
def alipay(paysim: Paysim) -> AlipayClient:
    creds = paysim.credentials().alipay
    assert creds is not None
    return AlipayClient(creds, timeout=(2.0, 5.0))


def payment_code(provider: str, script: str = "00", n: int = 0) -> str:
    """A fresh code (each works once) selecting a simulator script: prefix, 2-digit script, N, random tail."""
    prefix = "13" if provider == "wechat" else "28"
    head = f"{prefix}{script}{n}"
    return head + "".join(secrets.choice("0123456789") for _ in range(18 - len(head)))


def order(provider: str, script: str = "00", n: int = 0, amount: int = 1230) -> ChargeOrder:
    return ChargeOrder(out_trade_no=f"T{time.time_ns()}{next(_numbers)}", auth_code=payment_code(provider, script, n),
                       amount=amount, subject="好邻居便利店-上海静安店-商品", store_code="S001", till_code="T01",
                       operator_code="1001")


# ---- a store server paying against the simulator (the 付款码 flow) ----------------------------------

#: the providers' pacing shortened so a USERPAYING customer or a reverse takes fractions of a second
FAST_PAYCODES = {"OMNISTORE_PAYCODE_FIRST_QUERY": "0.2", "OMNISTORE_PAYCODE_QUERY_EVERY": "0.2",
                 "OMNISTORE_PAYCODE_GIVE_UP": "3", "OMNISTORE_PAYCODE_REVERSE_AFTER": "0",
                 "OMNISTORE_PAYCODE_REVERSE_EVERY": "0.2", "OMNISTORE_PAYCODE_REFUND_QUERY_EVERY": "0.2",
                 "OMNISTORE_PAYCODE_TICK": "0.05"}


def install_credentials(sim: Paysim, home: Path) -> Path:
    """The simulator's sandbox credentials as the store server's ``payments.json`` (owner-only)."""
    import os

    target = home / "payments.json"
    target.write_bytes((sim.home / "store-credentials.json").read_bytes())
    os.chmod(target, 0o600)
    return target


@contextlib.contextmanager
def linked_paying_store(admin: Any, hq: Any, sim: Paysim, home: Path) -> Iterator[Any]:
    """A store enrolled with ``hq`` (through its chaos proxy) that takes payment codes at ``sim``
    with fast pacing; stopped and unlinked afterwards."""
    from harness.chain import enrol_store

    linked = enrol_store(admin, hq, home, products=50, env=FAST_PAYCODES)
    install_credentials(sim, home)
    try:
        yield linked
    finally:
        linked.server.stop()
        linked.proxy.close()


def paying_store(base: Path, sim: Paysim, **env: str) -> Any:
    """A seeded store server (not started) with the simulator's credentials and fast pacing."""
    from harness.store import make_store_server

    server = make_store_server(base, products=50, extra_env={**FAST_PAYCODES, **env})
    install_credentials(sim, base)
    return server


@pytest.fixture(scope="session")
def paystore(tmp_path_factory: pytest.TempPathFactory, paysim: Paysim) -> Iterator[Any]:
    server = paying_store(tmp_path_factory.mktemp("paystore"), paysim)
    server.start()
    yield server
    server.stop()
