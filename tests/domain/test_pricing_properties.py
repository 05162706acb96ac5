"""Properties of the promotion engine over random carts and promotion sets (Hypothesis)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.apportion import largest_remainder
from app.domain.pricing import CartLine, PricedCart, PricingContext, price_cart
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
)
from app.domain.quantity import Unit

NOW = datetime(2026, 5, 6, 12, 0)
GOODS = {"a": ("drinks", "x"), "b": ("drinks", "y"), "c": ("snack", "x"), "d": ("snack", "z"), "e": ("fruit", "y")}

stackings = st.sampled_from([
    Stacking(), Stacking.alone(), Stacking.with_anything(),
    Stacking.with_(Kind.SPEND_SAVE, Kind.SPEND_PERCENT, Kind.ADD_ON),
    Stacking.with_(Kind.PRICE_CUT, Kind.MEMBER_PRICE, Kind.NTH_ITEM, Kind.BUNDLE, Kind.BUY_GET),
])
item_scopes = st.one_of(
    st.sets(st.sampled_from(sorted(GOODS)), min_size=1, max_size=3).map(lambda s: Scope.of_skus(*s)),
    st.sampled_from(["drinks", "snack", "fruit"]).map(Scope.of_categories),
)
order_scopes = st.one_of(item_scopes, st.just(Scope.all()))
fen = st.integers(min_value=1, max_value=3000)


@st.composite
def spend_save(draw: st.DrawFn) -> SpendSave:
    if draw(st.booleans()):
        every = draw(st.integers(100, 5000))
        return SpendSave(every=every, off=draw(st.integers(1, every - 1)))
    first = draw(st.integers(100, 5000))
    off = draw(st.integers(1, first - 1))
    tiers = [(first, off)]
    if draw(st.booleans()):
        tiers.append((first + draw(st.integers(1, 5000)), off + draw(st.integers(1, first))))
        if tiers[1][1] >= tiers[1][0]:
            tiers.pop()
    return SpendSave(tiers=tuple(tiers))


@st.composite
def spend_percent(draw: st.DrawFn) -> SpendPercent:
    first, rate = draw(st.integers(0, 5000)), draw(st.integers(2, 99))
    tiers = [(first, rate)]
    if draw(st.booleans()):
        tiers.append((first + draw(st.integers(1, 5000)), draw(st.integers(1, rate - 1))))
    return SpendPercent(tuple(tiers))


item_rules = st.one_of(
    st.builds(PriceCut, price=st.integers(0, 3000)),
    st.builds(PriceCut, percent=st.integers(1, 99)),
    st.builds(MemberPrice, percent=st.integers(1, 99)),
    st.just(MemberPrice()),
    st.builds(NthItem, n=st.integers(2, 4), percent=st.integers(0, 99)),
    st.builds(BuyGet, buy=st.integers(1, 3), get=st.integers(1, 2)),
    st.builds(BuyGet, buy=st.integers(1, 3), get=st.integers(1, 2), gift=st.just(Scope.of_skus("e"))),
    st.builds(Bundle, count=st.integers(2, 4), price=fen),
)
order_rules = st.one_of(
    spend_save(),
    spend_percent(),
    st.builds(AddOn, threshold=st.integers(1, 5000), targets=st.just(frozenset({"b"})), price=st.integers(0, 500),
              max_quantity=st.integers(1, 2)),
)


@st.composite
def promotion_sets(draw: st.DrawFn) -> list[Promotion]:
    out = []
    for i in range(draw(st.integers(0, 5))):
        order = draw(st.booleans())
        rule = draw(order_rules if order else item_rules)
        tiers = draw(st.sampled_from([frozenset(), frozenset({"gold"}), frozenset({"silver", "gold"})]))
        out.append(Promotion(f"p{i}", f"促销{i}", rule, draw(order_scopes if order else item_scopes),
                             tiers=tiers, priority=draw(st.integers(0, 2)), stacking=draw(stackings)))
    return out


@st.composite
def cart_lines(draw: st.DrawFn, max_lines: int = 5) -> list[CartLine]:
    lines = []
    for i in range(draw(st.integers(1, max_lines))):
        sku = draw(st.sampled_from(sorted(GOODS)))
        category, brand = GOODS[sku]
        weighed = sku == "e" and draw(st.booleans())
        unit_price = draw(st.integers(0, 3000))
        member = draw(st.none() | st.integers(0, 3000))
        lines.append(CartLine(str(i), sku, unit_price,
                              draw(st.integers(1, 1500)) if weighed else draw(st.integers(1, 4)),
                              category, brand, Unit.GRAM if weighed else Unit.PIECE, member))
    return lines


tiers = st.none() | st.sampled_from([t.value for t in Tier])


def check_sound(cart: PricedCart) -> None:
    assert cart.total >= 0
    assert sum(line.final for line in cart.lines) == cart.total
    assert cart.subtotal - cart.total == sum(sum(d.amount for d in line.discounts) for line in cart.lines)
    for line in cart.lines:
        assert 0 <= line.final <= line.original
        assert all(d.amount > 0 and d.text for d in line.discounts)
    assert sum(d.amount for d in cart.applied) == cart.discount


def per_sku(cart: PricedCart) -> Counter[str]:
    out: Counter[str] = Counter()
    for line in cart.lines:
        out[line.sku] += line.final
    return out


@settings(max_examples=300, deadline=None)
@given(promotion_sets(), cart_lines(), tiers)
def test_prices_are_never_negative_nor_above_the_shelf_and_lines_add_up(
    promotions: list[Promotion], lines: list[CartLine], tier: str | None
) -> None:
    check_sound(price_cart(PromotionBook(promotions), lines, PricingContext(NOW, tier=tier)))


@settings(max_examples=200, deadline=None)
@given(promotion_sets(), cart_lines(), tiers, st.randoms(use_true_random=False))
def test_scan_order_does_not_change_the_total_or_what_each_sku_costs(
    promotions: list[Promotion], lines: list[CartLine], tier: str | None, rnd: random.Random
) -> None:
    book = PromotionBook(promotions)
    context = PricingContext(NOW, tier=tier)
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    rescanned = [CartLine(str(i), *_fields(line)) for i, line in enumerate(shuffled)]  # ids follow scan order
    first, second = price_cart(book, lines, context), price_cart(book, rescanned, context)
    assert first.total == second.total
    assert per_sku(first) == per_sku(second)


def _fields(line: CartLine) -> tuple[str, int, int, str, str, Unit, int | None]:
    return (line.sku, line.unit_price, line.quantity, line.category, line.brand, line.unit, line.member_price)


@settings(max_examples=300, deadline=None)
@given(promotion_sets(), cart_lines(), st.sampled_from([t.value for t in Tier]))
def test_a_member_never_pays_more_than_a_non_member(
    promotions: list[Promotion], lines: list[CartLine], tier: str
) -> None:
    book = PromotionBook(promotions)
    member = price_cart(book, lines, PricingContext(NOW, tier=tier))
    guest = price_cart(book, lines, PricingContext(NOW))
    assume(member.exact and guest.exact)
    assert member.total <= guest.total


@settings(max_examples=300, deadline=None)
@given(promotion_sets(), cart_lines(max_lines=4), tiers, st.integers(0, 3000), st.integers(1, 3), st.booleans())
def test_adding_an_item_no_item_promotion_targets_never_costs_more_than_its_shelf_price(
    promotions: list[Promotion], lines: list[CartLine], tier: str | None, unit_price: int, quantity: int,
    in_a_category: bool,
) -> None:
    """total(cart + item) ≤ total(cart) + shelf amount(item), for an item outside every item-level
    promotion (it may still count toward 满减 / 满折 / 加价购 spend). Holds for exact searches: the old
    choice stays available and order-level discounts only grow with spend. It does *not* hold for an
    item that counted promotions reach (adding a piece can regroup a 组合 and move amounts across a
    threshold), which is why the item is taken from outside their scopes."""
    book = PromotionBook(promotions)
    context = PricingContext(NOW, tier=tier)
    extra = CartLine("new", "zz", unit_price, quantity, "drinks" if in_a_category else "other", "x")
    before = price_cart(book, lines, context)
    after = price_cart(book, [*lines, extra], context)
    assume(not any(p.kind not in (Kind.SPEND_SAVE, Kind.SPEND_PERCENT, Kind.ADD_ON)
                   and p.scope.matches("zz", extra.category, "x") for p in promotions))
    assume(before.exact and after.exact)
    assert after.total <= before.total + extra.amount


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_largest_remainder_sums_exactly_and_stays_within_a_fen_of_the_exact_share(
    total: int, weights: list[int]
) -> None:
    assume(sum(weights) > 0)
    shares = largest_remainder(total, weights)
    assert sum(shares) == total
    whole = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        assert abs(share - Fraction(total * weight, whole)) < 1
