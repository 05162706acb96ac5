"""Promotion engine: a 100-line cart against 1,000 active promotions (p99 ≤ 5 ms).

The mix is what a chain runs in a busy week: mostly 特价 on single SKUs, some 第二件半价 / 买赠 /
会员价, category bundles, and a few dozen order-level 满减 / 满折 / 加价购 by category, brand or
the whole store. The book is built once (as the till does when promotions sync) and reused.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from app.domain.pricing import CartLine, PricingContext, price_cart
from app.domain.promotions import (
    AddOn,
    Bundle,
    BuyGet,
    Kind,
    MemberPrice,
    NthItem,
    PriceCut,
    Promotion,
    PromotionBook,
    Scope,
    SpendPercent,
    SpendSave,
    Stacking,
    Tier,
    Window,
)
from app.domain.quantity import Unit
from bench.common import Result, time_calls

SKUS = 20_000
CATEGORIES = 80
BRANDS = 200
NOW = datetime(2026, 11, 25, 14, 3)


def catalog(rng: random.Random) -> list[tuple[str, str, str, int]]:
    """(sku, category, brand, price) for a supermarket range."""
    return [
        (f"69{i:011d}", f"c{rng.randrange(CATEGORIES):02d}", f"b{rng.randrange(BRANDS):03d}",
         rng.choice([150, 250, 350, 500, 890, 1290, 1990, 2990, 4590, 8990, 15900]))
        for i in range(SKUS)
    ]


def promotions(rng: random.Random, goods: list[tuple[str, str, str, int]]) -> list[Promotion]:
    out: list[Promotion] = []
    week = Window(starts=NOW - timedelta(days=3), ends=NOW + timedelta(days=4))
    item_stacking = Stacking.with_(Kind.SPEND_SAVE, Kind.SPEND_PERCENT, Kind.ADD_ON, Kind.MEMBER_PRICE)
    order_stacking = Stacking.with_(Kind.PRICE_CUT, Kind.MEMBER_PRICE, Kind.NTH_ITEM, Kind.ADD_ON)
    for i in range(1000):
        sku, category, _, price = rng.choice(goods)
        roll = rng.random()
        pid = f"P{i:04d}"
        if roll < 0.62:
            out.append(Promotion(pid, "特价", PriceCut(price=price * rng.choice([70, 80, 90]) // 100),
                                 Scope.of_skus(sku), window=week, stacking=item_stacking))
        elif roll < 0.70:
            out.append(Promotion(pid, "第二件半价", NthItem(2, 50), Scope.of_skus(sku), window=week,
                                 stacking=item_stacking if rng.random() < 0.5 else Stacking()))
        elif roll < 0.76:
            out.append(Promotion(pid, "买2赠1", BuyGet(2, 1), Scope.of_skus(sku), window=week))
        elif roll < 0.82:
            out.append(Promotion(pid, "会员价", MemberPrice(percent_by_tier=((Tier.GOLD, 90), (Tier.DIAMOND, 85))),
                                 Scope.of_skus(sku), tiers=frozenset({"gold", "diamond"}), stacking=item_stacking))
        elif roll < 0.86:
            out.append(Promotion(pid, "组合", Bundle(3, price * 2), Scope.of_skus(*(g[0] for g in rng.sample(goods, 6))),
                                 window=week))
        elif roll < 0.90:
            out.append(Promotion(pid, "午市特价", PriceCut(percent=88), Scope.of_skus(sku),
                                 window=Window(hours=((time(11), time(13)),)), channels=frozenset({"pos"})))
        elif roll < 0.96:
            threshold = rng.choice([5000, 10000, 20000])
            out.append(Promotion(pid, "满减", SpendSave(tiers=((threshold, threshold // 5), (threshold * 2, threshold // 2))),
                                 Scope.of_categories(category), stores=frozenset({"S001", "S017"}),
                                 window=week, stacking=order_stacking))
        elif roll < 0.98:
            out.append(Promotion(pid, "满折", SpendPercent(((10000, 95), (30000, 90))), Scope.of_categories(category),
                                 channels=frozenset({"pos", "miniprogram"}), window=week))
        elif roll < 0.99:
            out.append(Promotion(pid, "每满减", SpendSave(every=10000, off=500, max_off=5000),
                                 Scope.all(exclude_categories=[category]), store_groups=frozenset({"north"}),
                                 window=Window(starts=NOW - timedelta(days=40), ends=NOW - timedelta(days=1))))
        else:
            out.append(Promotion(pid, "加价购", AddOn(5000, frozenset({sku}), 100), Scope.all(), window=week))
    return out


def cart(rng: random.Random, goods: list[tuple[str, str, str, int]], promoted: list[str], lines: int = 100) -> list[CartLine]:
    """Half the lines are promoted goods (what a shopper's basket looks like in a promotion week)."""
    by_sku = {g[0]: g for g in goods}
    out = []
    for i in range(lines):
        sku, category, brand, price = by_sku[rng.choice(promoted)] if i % 2 else rng.choice(goods)
        weighed = rng.random() < 0.05
        out.append(CartLine(f"L{i:03d}", sku, price, rng.randint(200, 1500) if weighed else rng.choice([1, 1, 1, 2, 3, 6]),
                            category, brand, Unit.GRAM if weighed else Unit.PIECE,
                            member_price=price * 95 // 100 if rng.random() < 0.2 else None))
    return out


def run(n: int = 300) -> list[Result]:
    rng = random.Random(5)
    goods = catalog(rng)
    active = promotions(rng, goods)
    book = PromotionBook(active)
    promoted = sorted({sku for p in active for sku in p.scope.skus})
    carts = [cart(rng, goods, promoted) for _ in range(20)]
    contexts = [
        PricingContext(NOW, "pos", "S001", "north", "gold"),
        PricingContext(NOW, "pos", "S017", "north", None),
        PricingContext(NOW.replace(hour=12), "miniprogram", "S020", "south", "diamond"),
    ]
    turn = iter(range(10**9))

    def one() -> None:
        i = next(turn)
        price_cart(book, carts[i % len(carts)], contexts[i % len(contexts)])

    build = time_calls(lambda: PromotionBook(active), 20, warmup=2)
    return [
        Result("pricing: 100-line cart, 1,000 promotions", time_calls(one, n), "p99 ≤ 5 ms", limit_ms=5.0),
        Result("pricing: build PromotionBook (1,000)", build, "once per sync", limit_ms=None),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
