"""The demo's online orders: ``omnistore demo`` runs the platform simulator and this puts a few
orders on the demo store's board — the demo store placed on the map with HQ's view of its stock of
a few O2O goods, the 美团 and 饿了么 channels pointed at the simulator, and two orders of the
chain's own shop (a pickup and a delivery). The platforms' orders are pushed by the simulator."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.hq import clock
from app.hq.demo import STORE
from app.hq.masterdata import ProductData, upsert_products
from app.hq.models import Store, StoreStock
from app.hq.orders import intake, setup

#: the demo store sits in 上海徐汇
PLACE = (31.1885, 121.4365)
#: (sku, name, price in fen, barcode) of the goods the demo's orders ask for
GOODS = (
    ("O2O-MILK", "光明鲜牛奶 950ml", 1890, "6901234567892"),
    ("O2O-BREAD", "全麦吐司 400g", 1250, "6901234567908"),
    ("O2O-COLA", "可口可乐 330ml", 350, "6901234567915"),
    ("O2O-EGGS", "土鸡蛋 10枚", 1680, "6901234567922"),
)
SIM_CREDENTIALS = {"meituan": ("mt-app", "mt-secret", "/meituan/api/v1"),
                   "eleme": ("elm-app", "elm-secret", "/eleme/api/v1")}


def prepare(session: Session, sim_url: str) -> list[str]:
    """Everything the demo's orders need at HQ, and the own shop's two orders (idempotent: a demo
    run again finds its orders already taken). What it did, for the console."""
    store = session.scalar(select(Store).where(Store.code == STORE))
    if store is None:
        return ["O2O demo: no demo store"]
    upsert_products(session, [ProductData(sku, name, price, category="O2O", barcodes=((code, 1),))
                              for sku, name, price, code in GOODS])
    setup.set_store_o2o(session, STORE, PLACE[0], PLACE[1], None, True, [])
    now = clock.now()
    for sku, *_ in GOODS:  # HQ's view of the shelf, as if the store had received the goods
        if session.get(StoreStock, (store.id, sku)) is None:
            session.add(StoreStock(store_id=store.id, sku=sku, quantity=50, updated_at=now))
    for code, (key, secret, path) in SIM_CREDENTIALS.items():
        setup.set_channel(session, code, 600, False, 2, 1800, key, secret, sim_url.rstrip("/") + path)
    session.commit()
    taken = []
    for n, (fulfilment, lines) in enumerate((("pickup", [("O2O-MILK", 2), ("O2O-BREAD", 1)]),
                                              ("delivery", [("O2O-COLA", 6), ("O2O-EGGS", 1)])), start=1):
        prices = {sku: price for sku, _, price, _ in GOODS}
        order = intake.take(session, intake.OrderIn(
            channel="own", channel_order_no=f"DEMO-{clock.business_day(now).isoformat()}-{n}", fulfilment=fulfilment,
            customer_name="王小明", customer_phone="13812345678",
            lines=[intake.LineIn(sku, None, qty, None, prices[sku], prices[sku] * qty) for sku, qty in lines],
            paid=sum(prices[sku] * qty for sku, qty in lines), store=STORE,
            address=None if fulfilment == "pickup" else "上海市徐汇区漕溪北路 1 号",
            lat=None if fulfilment == "pickup" else PLACE[0] + 0.004,
            lng=None if fulfilment == "pickup" else PLACE[1],
            requested_at=now + timedelta(hours=1), payment_ref=f"demo-{n}"))
        session.commit()
        taken.append(f"{order.channel_order_no} ({fulfilment}, {order.state})")
    return ["O2O demo orders: " + ", ".join(taken)]
