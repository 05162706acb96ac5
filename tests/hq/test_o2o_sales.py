"""An O2O order handed over comes back as a channel sale (``sale_completed`` with its channel
fields): HQ keeps the channel, the order no, the commission and the delivery fee on the sale, and
its sales report splits each store's day by channel. A sale without the fields is the counter's."""

from __future__ import annotations

from sqlalchemy import select

from app.hq.models import Sale
from harness.hq import Admin, HQServer


def test_channel_sales_are_kept_and_the_report_splits_them(admin: Admin, hq: HQServer) -> None:
    store = admin.new_store()
    day = "2031-05-02"
    counter = store.sale(total=1000, day=day)
    platform = store.sale(total=2500, day=day, tenders=[("platform", 2500)])
    platform["payload"].update({"channel": "meituan", "channel_order_no": "MT123", "o2o_order_id": 77,
                                "commission": 450, "delivery_fee": 500})
    own = store.sale(total=800, day=day, tenders=[("platform", 800)])
    own["payload"].update({"channel": "own", "channel_order_no": "W9"})
    odd = store.sale(total=300, day=day)
    odd["payload"].update({"channel": "nowhere", "commission": "lots"})
    answer = store.push([counter, platform, own])
    assert answer.status_code == 200, answer.text
    with hq.db() as session:
        rows = {s.sale_id: s for s in session.scalars(select(Sale).where(
            Sale.sale_id.in_([e["payload"]["sale_id"] for e in (counter, platform, own)])))}
    kept = rows[platform["payload"]["sale_id"]]
    assert (kept.channel, kept.channel_order_no, kept.o2o_order_id, kept.commission, kept.delivery_fee) == \
        ("meituan", "MT123", 77, 450, 500)
    assert rows[counter["payload"]["sale_id"]].channel == "store"
    assert rows[own["payload"]["sale_id"]].channel == "own"
    report = admin.ok(admin.get("/reports/sales", **{"from": day, "to": day, "store": store.code}))
    channels = report["rows"][0]["channels"]
    assert channels["store"] == {"sales": 1, "total": 1000, "commission": 0, "delivery_fee": 0}
    assert channels["meituan"] == {"sales": 1, "total": 2500, "commission": 450, "delivery_fee": 500}
    assert channels["own"]["total"] == 800
    assert report["totals"]["channels"]["meituan"]["commission"] == 450
    odd_answer = store.push([odd])  # an unknown channel: counted (at the counter, on this HQ), never lost
    assert odd_answer.status_code == 200, odd_answer.text
    with hq.db() as session:
        assert session.scalar(select(Sale.channel).where(Sale.sale_id == odd["payload"]["sale_id"])) in ("store", None)
