"""美团 orders a store handed over, reconciled against the platform's settlement bill (the platform
simulator's layout): matched by the platform's order number, an amount that differs and an order
we never handed over shown; the sales voucher books the receivable, the payout voucher the
commission."""

from __future__ import annotations

import random
from typing import Any

from harness.hq import Admin, HQServer, Store
from tests.hq.recon.test_recon_hq import upload, z_event


def o2o_sale(store: Store, sale_id: str, day: str, order_no: str, total: int, commission: int) -> dict[str, Any]:
    payload = {"id": 1, "till": "T01", "status": "completed",
               "lines": [{"sku": "A1", "unit": "piece", "quantity": 1, "amount": total, "voided": False}],
               "subtotal": total, "rounding": 0, "total": total, "paid": total, "change": 0,
               "tenders": [{"method": "channel_prepaid", "amount": total}], "sale_id": sale_id,
               "completed_at": f"{day}T12:00:00", "channel": "meituan", "channel_order_no": order_no,
               "commission": commission, "delivery_fee": 0}
    return store.event("sale_completed", payload)


def test_platform_orders_match_the_settlement_bill_by_order_number(hq: HQServer, admin: Admin,
                                                                   finance: Admin) -> None:
    day = f"{random.randint(2040, 2099)}-08-{random.randint(10, 28)}"
    store = admin.new_store()
    n = random.randint(10**6, 10**7)
    assert store.push([o2o_sale(store, "O-1", day, f"MT{n}1", 4800, 864),
                       o2o_sale(store, "O-2", day, f"MT{n}2", 3000, 540),
                       z_event(store, day, 0)]).json()["parked"] == []
    header = ("bill_date,platform,order_no,store,status,order_amount,delivery_fee,platform_subsidy,merchant_subsidy,"
              "customer_paid,commission,refund,payout")
    rows = [f"{day},meituan,MT{n}1,{store.code},completed,50.00,3.00,2.00,1.00,50.00,8.64,2.00,38.36",
            f"{day},meituan,MT{n}2,{store.code},completed,29.00,3.00,0.00,0.00,29.00,5.22,0.00,23.78",
            f"{day},meituan,MT{n}3,{store.code},completed,12.00,3.00,0.00,0.00,12.00,2.16,0.00,9.84",
            f"{day},meituan,MT{n}4,{store.code},cancelled,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00"]
    report = finance.ok(upload(finance, "\r\n".join([header, *rows]).encode(), "meituan.csv"))
    assert (report["kind"], report["rows"]) == ("meituan", 3)

    view = finance.ok(finance.get(f"/recon/days/{store.code}/{day}"))
    meituan = next(c for c in view["channels"] if c["channel"] == "meituan")
    assert sorted((d["kind"], d["amount"]) for d in meituan["differences"]) == [("amount_mismatch", -100),
                                                                                ("theirs_only", 1200)]
    assert (meituan["ours_net"], meituan["theirs_net"]) == (7800, 4800 + 2900 + 1200)

    vouchers = finance.ok(finance.get("/erp/vouchers", date=day, store=store.code))["vouchers"]
    assert all(v["debit_total"] == v["credit_total"] for v in vouchers)
    sales = next(v for v in vouchers if v["kind"] == "sales")
    assert {(line["code"], line["debit"]) for line in sales["lines"] if line["debit"]} == {("112201", 7800)}
    payout = next(v for v in vouchers if v["kind"] == "payout")
    by_summary = {line["summary"]: line for line in payout["lines"]}
    assert by_summary["回款到账"]["debit"] == 3836 + 2378 + 984
    assert by_summary["平台佣金"]["debit"] == 864 + 522 + 216 and by_summary["商家补贴"]["debit"] == 100
    assert by_summary["回款"]["credit"] == 4800 + 2900 + 1200
