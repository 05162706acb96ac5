"""美团 and 饿了么 settlement bills fetched by the morning job, end to end: orders placed on the
platform simulator reach a real HQ, the store picks and hands them over (the platform hears each
step and completes them), the store's channel sales reach HQ, then ``omnistore hq recon fetch``
downloads each platform's bill of the day with a signed call and imports it through the same path
as a file by hand — the day is matched, the same fetch again changes nothing, and a bill for
another shop is refused with its code and leaves nothing behind."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain import platforms as p
from app.hq.models import ReconImport, ReconRow
from app.payments.base import BEIJING
from harness.hq import Admin, HQServer, Store, scratch_hq
from harness.platforms import PlatformSim, platformsim, point_channels
from tests.hq.o2o import feed, placed_store, skus, step
from tests.hq.recon.test_recon_hq import upload, z_event


@pytest.fixture(scope="module")
def phq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQServer]:
    """An HQ of these tests' own (its finance settings are changed here): callbacks retried fast."""
    with scratch_hq(tmp_path_factory.mktemp("fhq"), prefix="omnistore_recon_fetch", OMNISTORE_O2O_RETRY_BASE="0.2",
                    OMNISTORE_O2O_JOB_SECONDS="0.2", OMNISTORE_O2O_PULL_SECONDS="3600") as server:
        yield server


@pytest.fixture(scope="module")
def padmin(phq: HQServer) -> Admin:
    return phq.admin()


@pytest.fixture(scope="module")
def pfinance(phq: HQServer, padmin: Admin) -> Admin:
    raw = padmin.ok(padmin.post("/admin/api-keys", {"name": "财务", "scopes": ["finance"]}))["key"]
    return phq.admin(raw)


@pytest.fixture(scope="module")
def sim(phq: HQServer, padmin: Admin, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformSim]:
    with platformsim(Path(tmp_path_factory.mktemp("sim")), phq.url) as running:
        point_channels(padmin, running.url)
        yield running


def until(check: Callable[[], Any], seconds: float = 20) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def today() -> str:
    return datetime.now(BEIJING).date().isoformat()


def settings(finance: Admin, meituan: str, eleme: str) -> None:
    finance.ok(finance.put("/recon/settings", {"merchants": {"meituan": meituan, "eleme": eleme}}))


def hand_over(store: Store, sim: PlatformSim, platform: str, sku: str, qty: int, unit_price: int,
              **money: int) -> dict[str, Any]:
    """An order placed on the platform, taken by the store through HQ, handed over; the channel sale
    the store then sends HQ (as its outbox does on the handover)."""
    placed = sim.post("/sim/orders", {"platform": platform, "store": store.code,
                                      "lines": [{"sku": sku, "qty": qty, "unit_price": unit_price}], **money})
    assert placed["push_status"] == 200
    got = until(lambda: next((o for o in feed(store)["orders"] if o["channel_order_no"] == placed["order_no"]), None))
    assert got, placed
    for name in ("accept", "packed", "ready", "handed_over"):
        assert step(store, got["id"], name).status_code == 200
    assert until(lambda: sim.order(placed["order_no"])["status"] == "completed")
    total = qty * unit_price
    payload = {"id": 1, "till": "T01", "status": "completed",
               "lines": [{"sku": sku, "unit": "piece", "quantity": qty, "amount": total, "voided": False}],
               "subtotal": total, "rounding": 0, "total": total, "paid": total, "change": 0,
               "tenders": [{"method": "platform", "amount": total}], "sale_id": f"O-{placed['order_no']}",
               "completed_at": f"{today()}T12:00:00", "channel": platform, "channel_order_no": placed["order_no"],
               "o2o_order_id": got["id"], "commission": got["commission"], "delivery_fee": money.get("delivery_fee", 0)}
    return {"order_no": placed["order_no"], "event": store.event("sale_completed", payload), "total": total}


def fetch(hq: HQServer, day: str) -> dict[str, str]:
    done = hq.cli("recon", "fetch", "--day", day, "--lang", "en", check=False)
    lines = {line.split(" ", 1)[0]: line for line in done.stdout.splitlines() if not line.startswith(" ")}
    return {**lines, "_rc": str(done.returncode), "_out": done.stdout + done.stderr}


def test_the_morning_job_fetches_both_platforms_bills_and_the_day_is_matched(
        phq: HQServer, padmin: Admin, pfinance: Admin, sim: PlatformSim) -> None:
    settings(pfinance, "MT1001", "ELM2001")
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 50})
    day = today()
    sold = [hand_over(store, sim, "meituan", sku, 2, 1250, delivery_fee=500, merchant_subsidy=300,
                      platform_subsidy=200),
            hand_over(store, sim, "meituan", sku, 1, 990),
            hand_over(store, sim, "eleme", sku, 3, 800, delivery_fee=400)]
    cancelled = sim.post("/sim/orders", {"platform": "meituan", "store": store.code,
                                         "lines": [{"sku": sku, "qty": 1, "unit_price": 500}]})
    sim.post(f"/sim/orders/{cancelled['order_no']}/cancel")  # the customer: it settles nothing
    pushed = store.push([s["event"] for s in sold] + [z_event(store, day, 0)])
    assert pushed.status_code == 200 and pushed.json()["parked"] == [], pushed.text

    first = fetch(phq, day)
    assert first["_rc"] == "0", first["_out"]
    assert first["meituan"].startswith(f"meituan {day}: imported") and "(2 new rows)" in first["meituan"], first  # the cancelled order settles nothing
    assert first["eleme"].startswith(f"eleme {day}: imported") and "(1 new rows)" in first["eleme"], first
    bill_calls = [c for c in sim.calls() if c["action"] in (p.MEITUAN_BILL, p.ELEME_BILL)]
    assert len(bill_calls) == 2 and all(c["valid"] for c in bill_calls)  # signed, and the platform checked it

    view = pfinance.ok(pfinance.get(f"/recon/days/{store.code}/{day}"))
    channels = {c["channel"]: c for c in view["channels"]}
    meituan, eleme = channels["meituan"], channels["eleme"]
    assert meituan["state"] == "matched" and meituan["differences"] == [], meituan
    assert eleme["state"] == "matched" and eleme["differences"] == [], eleme
    assert meituan["ours_net"] == meituan["theirs_net"] == 2500 + 990
    assert eleme["ours_net"] == eleme["theirs_net"] == 2400

    again = fetch(phq, day)  # tomorrow's run again, or a second cron: nothing changes
    assert again["_rc"] == "0" and "already" in again["meituan"] and "already" in again["eleme"], again
    with phq.db() as session:
        assert session.scalar(select(func.count()).select_from(ReconRow).where(
            ReconRow.out_trade_no.in_([s["order_no"] for s in sold] + [cancelled["order_no"]]))) == 3

    vouchers = pfinance.ok(pfinance.get("/erp/vouchers", date=day, store=store.code))["vouchers"]
    assert all(v["debit_total"] == v["credit_total"] for v in vouchers)
    payouts = [v for v in vouchers if v["kind"] == "payout"]
    assert len(payouts) == 2
    commission = (2500 - 300) * 1800 // 10_000 + 990 * 1800 // 10_000
    meituan_payout = next(v for v in payouts if "美团" in v["summary"])
    assert {line["summary"]: line["debit"] for line in meituan_payout["lines"] if line["debit"]}["平台佣金"] == commission


def test_a_bill_for_another_shop_is_refused_and_nothing_is_half_imported(
        phq: HQServer, padmin: Admin, pfinance: Admin, sim: PlatformSim) -> None:
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    day = today()
    sold = hand_over(store, sim, "meituan", sku, 1, 1500)
    with phq.db() as session:
        imports_before = session.scalar(select(func.count()).select_from(ReconImport))
    settings(pfinance, "MT9999", "ELM2001")  # the platform's bill says MT1001: not our shop
    try:
        done = fetch(phq, day)
        assert done["_rc"] == "3", done["_out"]
        assert done["meituan"].startswith(f"meituan {day}: refused recon_wrong_merchant: "), done
        assert "MT1001" in done["meituan"] and "MT9999" in done["meituan"]
        # by hand, the same: a bill of another shop id, refused whole
        header = ("bill_date,platform,order_no,store,status,order_amount,delivery_fee,platform_subsidy,"
                  "merchant_subsidy,customer_paid,commission,refund,payout,shop_id")
        rows = [f"{day},meituan,MTX{sold['order_no']},{store.code},completed,15.00,0.00,0.00,0.00,15.00,2.70,0.00,"
                f"12.30,MT9999",
                f"{day},meituan,{sold['order_no']},{store.code},completed,15.00,0.00,0.00,0.00,15.00,2.70,0.00,"
                f"12.30,MT7777"]
        mixed = upload(pfinance, "\r\n".join([header, *rows]).encode(), "meituan.csv", "meituan")
        assert mixed.status_code == 422 and mixed.json()["code"] == "recon_wrong_merchant", mixed.text
        other = upload(pfinance, "\r\n".join([header, rows[1]]).encode(), "meituan.csv", "meituan")
        assert other.status_code == 422 and other.json()["code"] == "recon_wrong_merchant", other.text
        with phq.db() as session:
            assert session.scalar(select(func.count()).select_from(ReconImport)) == imports_before
            assert session.scalar(select(func.count()).select_from(ReconRow).where(
                ReconRow.out_trade_no.in_([sold["order_no"], f"MTX{sold['order_no']}"]))) == 0
    finally:
        settings(pfinance, "MT1001", "ELM2001")
    fixed = fetch(phq, day)  # the right shop again: the bill comes in
    assert fixed["meituan"].startswith(f"meituan {day}: imported"), fixed


def test_a_fetched_bill_with_an_unreadable_row_is_imported_and_the_row_reported(
        phq: HQServer, padmin: Admin, pfinance: Admin, sim: PlatformSim) -> None:
    settings(pfinance, "MT1001", "ELM2001")
    sku, = skus(padmin, 1)
    store = placed_store(padmin, {sku: 10})
    day = today()
    sold = hand_over(store, sim, "eleme", sku, 1, 1200)
    assert store.push([sold["event"]]).json()["parked"] == []
    sim.post("/sim/garble", {"platform": "eleme"})  # the platform's export goes wrong once
    done = fetch(phq, day)
    assert done["eleme"].startswith(f"eleme {day}: imported") and "1 unreadable" in done["eleme"], done
    assert "  line 2: The amount cannot be read " in done["_out"] and "=1O.00" in done["_out"], done["_out"]
    with phq.db() as session:
        kept = session.scalar(select(ReconImport).where(ReconImport.channel == "eleme").order_by(ReconImport.id.desc()))
        assert kept is not None and kept.source == "fetch" and kept.rejected[0]["reason"] == "recon_row_amount"
    fixed = fetch(phq, day)  # the next run gets the bill whole: the row comes in
    assert "imported" in fixed["eleme"] and "unreadable" not in fixed["eleme"], fixed
    view = pfinance.ok(pfinance.get(f"/recon/days/{store.code}/{day}"))
    eleme = next(c for c in view["channels"] if c["channel"] == "eleme")
    assert eleme["differences"] == [] and eleme["theirs_net"] == 1200, eleme


def test_a_download_the_platform_refuses_or_a_day_without_a_bill_imports_nothing(
        phq: HQServer, padmin: Admin, pfinance: Admin, sim: PlatformSim) -> None:
    settings(pfinance, "MT1001", "ELM2001")
    with phq.db() as session:
        imports_before = session.scalar(select(func.count()).select_from(ReconImport))
    quiet = fetch(phq, "2025-01-02")  # nothing was ordered that day
    assert quiet["_rc"] == "3" and quiet["meituan"] == "meituan 2025-01-02: not_ready 809 bill_not_exist", quiet
    assert quiet["eleme"] == "eleme 2025-01-02: not_ready BILL_NOT_EXIST bill_not_exist", quiet
    ahead = fetch(phq, "2099-01-02")  # a day to come
    assert ahead["meituan"] == "meituan 2099-01-02: not_ready 808 bill_not_ready", ahead
    padmin.ok(padmin.http.put(padmin.hq.api + "/admin/o2o/channels/meituan", timeout=30, json={
        "accept_seconds": 300, "allow_split": False, "safety_stock": 0, "commission_bp": 1800, "app_key": "mt-app",
        "app_secret": "not-the-secret", "callback_url": f"{sim.url}/meituan/api/v1"}))  # HQ signs with a wrong secret
    try:
        forged = fetch(phq, today())
        assert forged["meituan"].startswith(f"meituan {today()}: failed 703"), forged  # the platform's 签名错误
        assert [c["valid"] for c in sim.calls() if c["action"] == p.MEITUAN_BILL][-1] is False
    finally:
        point_channels(padmin, sim.url)
    with phq.db() as session:
        assert session.scalar(select(func.count()).select_from(ReconImport)) == imports_before
