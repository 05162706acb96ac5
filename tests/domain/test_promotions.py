"""The promotion engine priced with concrete numbers, one kind at a time, then the rules around them."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from app.domain.apportion import largest_remainder
from app.domain.pricing import CartLine, InvalidCart, PricedCart, PricingContext, price_cart
from app.domain.promotions import (
    AddOn,
    Bundle,
    BuyGet,
    InvalidPromotion,
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

NOON = datetime(2026, 5, 6, 12, 0)  # a Wednesday
AT_POS = PricingContext(NOON, "pos", "S001", "north")
GOLD = PricingContext(NOON, "pos", "S001", "north", "gold")


def cola(line_id: str = "1", quantity: int = 1) -> CartLine:
    return CartLine(line_id, "cola", 350, quantity, "drinks", "coke")


def item(line_id: str, sku: str, price: int, quantity: int = 1, category: str = "grocery") -> CartLine:
    return CartLine(line_id, sku, price, quantity, category)


def price(promotions: list[Promotion], lines: list[CartLine], context: PricingContext = AT_POS) -> PricedCart:
    return price_cart(PromotionBook(promotions), lines, context)


def finals(cart: PricedCart) -> dict[str, int]:
    return {line.line_id: line.final for line in cart.lines}


MANJIAN = Promotion("mj", "满减", SpendSave(tiers=((10000, 2000), (20000, 5000))))


# -- each kind --------------------------------------------------------------------------------


def test_second_cola_at_half_price() -> None:
    cart = price([Promotion("p", "第二件半价", NthItem(2, 50), Scope.of_skus("cola"))], [cola(quantity=2)])
    assert cart.total == 525
    assert cart.lines[0].note == "第2件5折"
    assert cart.exact


def test_second_half_price_counts_pieces_across_lines() -> None:
    cart = price([Promotion("p", "第二件半价", NthItem(), Scope.of_skus("cola"))], [cola("1"), cola("2"), cola("3")])
    assert cart.total == 350 + 175 + 350


def test_price_cut_sets_the_unit_price() -> None:
    cart = price([Promotion("t", "可乐特价", PriceCut(price=290), Scope.of_skus("cola"))], [cola(quantity=3)])
    assert cart.total == 870
    assert cart.lines[0].discounts[0].text == "特价￥2.9"


def test_price_cut_on_weighed_goods_is_per_kg() -> None:
    apples = CartLine("1", "apple", 1200, 1500, "fruit", unit=Unit.GRAM)  # ¥12/kg × 1.5 kg
    cart = price([Promotion("t", "苹果特价", PriceCut(percent=80), Scope.of_categories("fruit"))], [apples])
    assert cart.subtotal == 1800
    assert cart.total == 1440
    assert cart.lines[0].note == "特价8折"


def test_spend_and_save_takes_the_highest_tier_reached() -> None:
    assert price([MANJIAN], [item("1", "a", 9999)]).total == 9999
    assert price([MANJIAN], [item("1", "a", 10000)]).total == 8000
    reached = price([MANJIAN], [item("1", "a", 12000), item("2", "b", 9000)])
    assert reached.total == 16000
    assert reached.lines[0].note == "满200减50"
    assert sum(line.discount for line in reached.lines) == 5000


def test_spend_and_save_every_hundred_with_a_cap() -> None:
    every = Promotion("e", "每满100减10", SpendSave(every=10000, off=1000, max_off=2500))
    assert price([every], [item("1", "a", 29900)]).total == 27900
    assert price([every], [item("1", "a", 99900)]).total == 97400
    assert price([every], [item("1", "a", 29900)]).lines[0].note == "每满100减10"


def test_spend_and_percent() -> None:
    percent = Promotion("z", "满200打9折", SpendPercent(((20000, 90),)))
    assert price([percent], [item("1", "a", 19999)]).total == 19999
    cart = price([percent], [item("1", "a", 15000), item("2", "b", 10000)])
    assert cart.total == 22500
    assert cart.lines[0].note == "满200打9折"


def test_buy_two_get_one_on_three_items() -> None:
    cart = price([Promotion("b", "买2赠1", BuyGet(2, 1), Scope.of_skus("cola"))], [cola(quantity=3)])
    assert cart.total == 700
    assert cart.lines[0].note == "买2赠1"
    assert price([Promotion("b", "买2赠1", BuyGet(2, 1), Scope.of_skus("cola"))], [cola(quantity=2)]).total == 700


def test_buy_two_shampoo_get_the_cheapest_soap_free() -> None:
    promo = Promotion("b", "买2洗发水赠香皂", BuyGet(2, 1, gift=Scope.of_skus("soap1", "soap2")), Scope.of_skus("shampoo"))
    lines = [item("1", "shampoo", 3990, 2), item("2", "soap1", 590), item("3", "soap2", 450)]
    cart = price([promo], lines)
    assert finals(cart) == {"1": 7980, "2": 590, "3": 0}


def test_any_three_from_the_group_for_ten_yuan_picks_the_dearest_three() -> None:
    snacks = Promotion("g", "零食任选3件10元", Bundle(3, 1000), Scope.of_categories("snack"))
    lines = [item("1", "s1", 500, category="snack"), item("2", "s2", 300, category="snack"),
             item("3", "s3", 450, category="snack"), item("4", "s4", 200, category="snack")]
    cart = price([snacks], lines)
    assert cart.total == 1000 + 200
    assert finals(cart)["4"] == 200
    assert cart.lines[0].note == "任选3件￥10"


def test_bundle_is_skipped_when_it_would_cost_more() -> None:
    snacks = Promotion("g", "任选3件10元", Bundle(3, 1000), Scope.of_categories("snack"))
    lines = [item(str(i), f"s{i}", 300, category="snack") for i in range(3)]
    assert price([snacks], lines).total == 900


def test_add_on_deal_only_once_the_threshold_is_reached() -> None:
    cup = Promotion("a", "加价购杯子", AddOn(5000, frozenset({"cup"}), 100))
    below = price([cup], [item("1", "rice", 4999), item("2", "cup", 1500)])
    assert below.total == 4999 + 1500
    reached = price([cup], [item("1", "rice", 5000), item("2", "cup", 1500, 2)])
    assert finals(reached) == {"1": 5000, "2": 1500 + 100}
    assert reached.lines[1].note == "满50加1元换购"


def test_add_on_deal_needs_the_item_in_the_cart() -> None:
    cup = Promotion("a", "加价购杯子", AddOn(5000, frozenset({"cup"}), 100))
    assert price([cup], [item("1", "rice", 9000)]).total == 9000


def test_member_price_from_the_catalog_only_with_a_member() -> None:
    line = CartLine("1", "milk", 1000, 2, "dairy", member_price=850)
    assert price([], [line]).total == 2000
    cart = price([], [line], GOLD)
    assert cart.total == 1700
    assert cart.lines[0].note == "会员价"


def test_member_price_per_tier() -> None:
    promo = Promotion("m", "会员折扣", MemberPrice(percent_by_tier=((Tier.GOLD, 90), (Tier.DIAMOND, 80))))
    line = item("1", "a", 1000)
    assert price([promo], [line]).total == 1000
    assert price([promo], [line], GOLD).total == 900
    assert price([promo], [line], PricingContext(NOON, tier="diamond")).total == 800
    assert price([promo], [line], PricingContext(NOON, tier="silver")).total == 1000


# -- when and where ---------------------------------------------------------------------------


def test_promotion_runs_only_in_its_date_window_and_hours() -> None:
    lunch = Promotion("t", "午市特价", PriceCut(price=290), Scope.of_skus("cola"),
                      window=Window(starts=NOON - timedelta(days=1), ends=NOON + timedelta(days=1),
                                    hours=((time(11), time(13)),)))
    assert price([lunch], [cola()]).total == 290
    assert price([lunch], [cola()], PricingContext(NOON.replace(hour=13))).total == 350
    assert price([lunch], [cola()], PricingContext(NOON + timedelta(days=1))).total == 350


def test_overnight_hours_wrap_past_midnight() -> None:
    night = Promotion("t", "夜宵", PriceCut(price=290), Scope.of_skus("cola"), window=Window(hours=((time(22), time(2)),)))
    assert price([night], [cola()], PricingContext(NOON.replace(hour=23))).total == 290
    assert price([night], [cola()], PricingContext(NOON.replace(hour=1))).total == 290
    assert price([night], [cola()], PricingContext(NOON.replace(hour=3))).total == 350


def test_promotion_runs_only_on_its_channels_and_stores() -> None:
    online = Promotion("t", "小程序特价", PriceCut(price=290), Scope.of_skus("cola"), channels=frozenset({"miniprogram"}))
    assert price([online], [cola()]).total == 350
    assert price([online], [cola()], PricingContext(NOON, "miniprogram")).total == 290
    north = Promotion("t", "北区特价", PriceCut(price=290), Scope.of_skus("cola"), store_groups=frozenset({"north"}))
    assert price([north], [cola()]).total == 290
    assert price([north], [cola()], PricingContext(NOON, "pos", "S900", "south")).total == 350


def test_tier_restricted_promotion_needs_that_tier() -> None:
    gold_only = Promotion("t", "金卡特价", PriceCut(price=290), Scope.of_skus("cola"), tiers=frozenset({"gold"}))
    assert price([gold_only], [cola()]).total == 350
    assert price([gold_only], [cola()], GOLD).total == 290


def test_exclusions_keep_goods_out_of_a_storewide_promotion() -> None:
    storewide = Promotion("m", "满减", SpendSave(tiers=((10000, 2000),)), Scope.all(exclude_categories=["tobacco"]))
    cart = price([storewide], [item("1", "a", 6000), item("2", "cig", 6000, category="tobacco")])
    assert cart.total == 12000


# -- stacking and choosing ----------------------------------------------------------------------


def test_competing_item_promotions_pick_the_better_one() -> None:
    cut = Promotion("t", "特价", PriceCut(price=300), Scope.of_skus("cola"))
    half = Promotion("h", "第二件半价", NthItem(), Scope.of_skus("cola"))
    cart = price([cut, half], [cola(quantity=2)])
    assert cart.total == 525
    assert [d.promotion_id for d in cart.applied] == ["h"]


def test_stackable_price_cut_and_second_half_price_apply_together() -> None:
    cut = Promotion("t", "特价", PriceCut(price=300), Scope.of_skus("cola"), stacking=Stacking.with_(Kind.NTH_ITEM))
    half = Promotion("h", "第二件半价", NthItem(), Scope.of_skus("cola"), stacking=Stacking.with_("t"))
    assert price([cut, half], [cola(quantity=2)]).total == 300 + 150


def test_one_sided_stacking_is_not_enough() -> None:
    cut = Promotion("t", "特价", PriceCut(price=300), Scope.of_skus("cola"), stacking=Stacking.with_(Kind.NTH_ITEM))
    half = Promotion("h", "第二件半价", NthItem(), Scope.of_skus("cola"))
    assert price([cut, half], [cola(quantity=2)]).total == 525


def test_exclusive_price_cut_competes_with_spend_and_save_for_the_lowest_total() -> None:
    cut = Promotion("t", "特价", PriceCut(price=9000), Scope.of_skus("tv"), stacking=Stacking.alone())
    save = Promotion("m", "满100减20", SpendSave(tiers=((10000, 2000),)), stacking=Stacking.with_anything())
    cart = price([cut, save], [item("1", "tv", 10000)])
    assert cart.total == 8000  # declining the 特价 keeps the cart over the threshold
    assert [d.promotion_id for d in cart.applied] == ["m"]


def test_spend_and_save_counts_amounts_after_item_discounts_when_stacked() -> None:
    cut = Promotion("t", "特价", PriceCut(price=9000), Scope.of_skus("tv"), stacking=Stacking.with_anything())
    save = Promotion("m", "满90减20", SpendSave(tiers=((9000, 2000),)), stacking=Stacking.with_anything())
    cart = price([cut, save], [item("1", "tv", 10000)])
    assert cart.total == 7000
    assert cart.lines[0].note == "特价￥90 满90减20"


def test_exclusive_line_stays_out_of_the_spend_and_save_base() -> None:
    cut = Promotion("t", "特价", PriceCut(price=100), Scope.of_skus("cola"), stacking=Stacking.alone())
    save = Promotion("m", "满100减20", SpendSave(tiers=((10000, 2000),)), stacking=Stacking.with_anything())
    cart = price([cut, save], [item("1", "rice", 10000), cola("2")])
    assert finals(cart) == {"1": 8000, "2": 100}


def test_competing_spend_promotions_pick_the_better_one() -> None:
    save = Promotion("m", "满200减20", SpendSave(tiers=((20000, 2000),)))
    percent = Promotion("z", "满200打8折", SpendPercent(((20000, 80),)))
    cart = price([save, percent], [item("1", "a", 25000)])
    assert cart.total == 20000
    assert [d.promotion_id for d in cart.applied] == ["z"]


def test_order_discount_is_apportioned_by_largest_remainder_and_lines_add_up() -> None:
    save = Promotion("m", "满100减20", SpendSave(tiers=((10000, 2000),)))
    lines = [item("1", "a", 3333), item("2", "b", 3333), item("3", "c", 3334)]
    cart = price([save], lines)
    assert cart.total == 8000
    assert sum(line.final for line in cart.lines) == cart.total
    # exact shares 666.6 / 666.6 / 666.8: the two spare fen go to the largest remainder, then the earlier line
    assert [line.discount for line in cart.lines] == [667, 666, 667]


def test_lines_come_back_in_the_order_given() -> None:
    cart = price([], [item("z", "b", 100), item("a", "a", 200)])
    assert [line.line_id for line in cart.lines] == ["z", "a"]


# -- apportionment ----------------------------------------------------------------------------


def test_largest_remainder_gives_the_leftover_fen_to_the_largest_remainders() -> None:
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert largest_remainder(2000, [12000, 9000]) == [1143, 857]
    assert largest_remainder(0, [0, 0]) == [0, 0]


# -- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: Promotion("", "x", PriceCut(price=1)), "missing_id"),
        (lambda: Promotion("p", " ", PriceCut(price=1)), "missing_name"),
        (lambda: Promotion("p", "x", PriceCut()), "price_or_percent"),
        (lambda: Promotion("p", "x", PriceCut(price=1, percent=50)), "price_or_percent"),
        (lambda: Promotion("p", "x", PriceCut(percent=100)), "bad_percent"),
        (lambda: Promotion("p", "x", PriceCut(price=-1)), "bad_price"),
        (lambda: Promotion("p", "x", NthItem(1, 50)), "bad_count"),
        (lambda: Promotion("p", "x", BuyGet(0, 1)), "bad_count"),
        (lambda: Promotion("p", "x", Bundle(3, 0)), "bad_price"),
        (lambda: Promotion("p", "x", SpendSave()), "no_tiers"),
        (lambda: Promotion("p", "x", SpendSave(tiers=((10000, 10000),))), "bad_tier"),
        (lambda: Promotion("p", "x", SpendSave(tiers=((20000, 5000), (10000, 2000)))), "tiers_not_increasing"),
        (lambda: Promotion("p", "x", SpendSave(tiers=((10000, 2000),), every=100, off=10)), "tiers_or_every"),
        (lambda: Promotion("p", "x", SpendPercent(((10000, 90), (20000, 95)))), "tiers_not_increasing"),
        (lambda: Promotion("p", "x", AddOn(5000, frozenset(), 100)), "empty_scope"),
        (lambda: Promotion("p", "x", PriceCut(price=1), Scope()), "empty_scope"),
        (lambda: Promotion("p", "x", PriceCut(price=1), tiers=frozenset({"platinum"})), "unknown_tier"),
        (lambda: Promotion("p", "x", PriceCut(price=1), window=Window(starts=NOON, ends=NOON)), "empty_window"),
        (lambda: Promotion("p", "x", PriceCut(price=1), window=Window(hours=((time(9), time(9)),))), "bad_hours"),
        (lambda: PromotionBook([Promotion("p", "x", PriceCut(price=1)), Promotion("p", "y", PriceCut(price=2))]),
         "duplicate_id"),
    ],
)
def test_bad_promotion_definitions_are_refused_with_a_stable_reason(make: object, reason: str) -> None:
    assert callable(make)
    with pytest.raises(InvalidPromotion) as caught:
        make()
    assert caught.value.code == "invalid_promotion"
    assert caught.value.params["reason"] == reason


def test_duplicate_line_ids_are_refused() -> None:
    with pytest.raises(InvalidCart) as caught:
        price([], [cola("1"), cola("1")])
    assert caught.value.code == "invalid_cart"
