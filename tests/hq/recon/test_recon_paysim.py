"""End to end: charges and a refund through the payment simulator, the store's sales reaching HQ
through its event stream, the morning job fetching the day's bills from the simulator through the
payment layer; the day shows exactly the sale the provider never took and the charge we never
sold, the payout carries the simulator's fees, and the vouchers balance."""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.payments.alipay import AlipayClient
from app.payments.base import BEIJING, ChargeResult
from app.payments.wechat import WechatPayClient
from harness.hq import Admin, HQServer, Store
from tests.hq.recon.test_recon_hq import z_event
from tests.payments.conftest import Paysim, order, start_paysim


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paysim]:
    started = start_paysim(tmp_path_factory.mktemp("recon-paysim"))
    yield started
    started.stop()


def sale(store: Store, sale_id: str, charge: ChargeResult, amount: int, **refund: str) -> dict[str, Any]:
    """The sale (or, with ``refund``, the return) as the store's outbox sends it."""
    at = (charge.paid_at or datetime.now(BEIJING)).astimezone(BEIJING).replace(tzinfo=None)
    tender = {"method": charge.provider.value, "amount": amount, "provider": charge.provider.value,
              "out_trade_no": charge.out_trade_no, "transaction_id": charge.transaction_id, **refund}
    payload = {"id": 1, "till": "T01", "status": "completed",
               "lines": [{"sku": "A1", "unit": "piece", "quantity": 1 if amount > 0 else -1, "amount": amount,
                          "voided": False}],
               "subtotal": amount, "rounding": 0, "total": amount, "paid": amount, "change": 0, "tenders": [tender],
               "sale_id": sale_id, "completed_at": at.isoformat(timespec="seconds")}
    return store.event("sale_completed" if amount > 0 else "sale_returned", payload)


def test_pay_refund_fetch_and_reconcile_against_the_simulators_bills(
        hq: HQServer, admin: Admin, finance: Admin, sim: Paysim, tmp_path: Path) -> None:
    creds = sim.credentials()
    assert creds.wechat is not None and creds.alipay is not None
    wechat, alipay = WechatPayClient(creds.wechat, timeout=(2, 5)), AlipayClient(creds.alipay, timeout=(2, 5))
    store = admin.new_store()
    tag = f"{store.code}{random.randint(100, 999)}"

    def charge(client: Any, provider: str, amount: int, n: int) -> ChargeResult:
        wanted = order(provider, amount=amount)
        paid = client.pay(type(wanted)(f"{tag}{n}", wanted.auth_code, amount, wanted.subject, store.code, "T01"))
        assert paid.charged, paid
        return paid

    a = charge(wechat, "wechat", 1000, 1)
    b = charge(wechat, "wechat", 2590, 2)
    extra = charge(wechat, "wechat", 555, 3)  # the till lost this one: no sale of ours
    d = charge(alipay, "alipay", 800, 4)
    refund = wechat.refund(b.out_trade_no, f"{tag}R2", 300, 2590)
    assert refund.state.value in ("success", "processing")
    today = datetime.now(BEIJING).date()
    never = ChargeResult(a.provider, f"{tag}9", a.outcome, "SUCCESS", transaction_id="4200000000000000000000009999",
                         paid_at=a.paid_at)  # the POS believes it was paid; the provider never took it
    pushed = store.push([sale(store, "E-1", a, 1000), sale(store, "E-2", b, 2590), sale(store, "E-4", d, 800),
                         sale(store, "E-9", never, 777),
                         sale(store, "E-2R", b, -300, out_refund_no=f"{tag}R2"),
                         z_event(store, today.isoformat(), 0)])
    assert pushed.status_code == 200 and pushed.json()["parked"] == []

    credentials = tmp_path / "payments.json"
    shutil.copy(sim.home / "store-credentials.json", credentials)
    os.chmod(credentials, 0o600)
    fetched = hq.cli("recon", "fetch", "--credentials", str(credentials), "--day", today.isoformat(), check=False)
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    assert "wechat" in fetched.stdout and "alipay" in fetched.stdout and "imported" in fetched.stdout
    again = hq.cli("recon", "fetch", "--credentials", str(credentials), "--day", today.isoformat(), check=False)
    # the same bill again (Alipay's zip is stamped with the time of export, so not the same bytes): nothing new
    assert again.returncode == 0 and all(line.endswith(("already", "(0 new rows)"))
                                         for line in again.stdout.strip().splitlines()), again.stdout

    view = finance.ok(finance.get(f"/recon/days/{store.code}/{today.isoformat()}"))
    channels = {c["channel"]: c for c in view["channels"]}
    wx, ali = channels["wechat"], channels["alipay"]
    assert sorted((d["kind"], d["amount"], (d["ours"] or {}).get("sale_id"), (d["theirs"] or {}).get("out_trade_no"))
                  for d in wx["differences"]) == [("ours_only", -777, "E-9", None),
                                                  ("theirs_only", 555, None, extra.out_trade_no)]
    assert (wx["ours_paid"], wx["ours_refunded"], wx["theirs_paid"], wx["theirs_refunded"]) == \
        (1000 + 2590 + 777, 300, 1000 + 2590 + 555, 300)
    assert wx["fees"] == 6 + 16 + 3 - 2 and wx["payout"] == wx["theirs_net"] - wx["fees"]
    assert ali["state"] == "matched" and ali["differences"] == [] and ali["fees"] == 5

    vouchers = finance.ok(finance.get("/erp/vouchers", date=today.isoformat(), store=store.code))["vouchers"]
    assert all(v["debit_total"] == v["credit_total"] for v in vouchers)
    payouts = {v["summary"].split(" ", 2)[-1]: v for v in vouchers if v["kind"] == "payout"}
    wx_payout = payouts["其他货币资金-微信"]
    fee_line = next(line for line in wx_payout["lines"] if line["summary"] == "支付手续费")
    assert fee_line["debit"] == wx["fees"]
