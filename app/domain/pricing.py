"""促销计算: the best price for a cart within the promotion rules, explained line by line.

How a cart is priced
--------------------
1. **Gather.** The book narrowed to the context's channel, store and member tier
   (``PromotionBook.serving``, kept per audience) finds, per line, the promotions whose SKU /
   category / brand index takes the line in (``listed_reaching``) and those for all goods; those
   not running at the context's moment are dropped, as are ones the cart can never trigger (too few
   pieces, spend below the threshold).
2. **Line groups.** Lines that share a counted promotion (第N件, 买赠, 组合) form a group; every other
   line is a group of one. A group's *plan* says, per line, which price (none, a 特价, a 会员价 — at
   most one) and which counted promotion (at most one) it takes; a line takes two only if the two
   stack (``compatible``). Plans are enumerated in full when there are ≤ ``PLAN_LIMIT`` of them
   (≤ 4 counted promotions), otherwise a reduced set: no price / best price per line, × no counted
   promotion / each one alone / all of them.
3. **Order level.** 加价购, 满减 and 满折 are computed on the amounts *after* item-level discounts of
   the lines they cover. A line is covered by an order-level promotion when it is in scope and the
   promotion stacks with everything the line already has; a line both competing promotions could
   cover goes to the earlier in application order (kind, then priority). The engine chooses the set
   ``S`` of order-level promotions and the plan of every group touching ``S`` *together*, because
   taking a 特价 can drop a cart under a 满减 threshold and an exclusive 特价 keeps its line out of
   the 满减 base. Groups outside every promotion of ``S`` simply take their cheapest plan. Promotions
   that reach no common group are searched apart, cluster by cluster.
4. **Apportion.** Order-level discounts are spread over the lines they cover by largest remainder
   (``app.domain.apportion``), weighted by what each line still owes, ties to the earlier line in
   the canonical order below, so lines always add up to the total.

What is optimal (``PricedCart.exact``)
---------------------------------------
The decision space is: a plan per group (as above) and a set of order-level promotions. When
there are ≤ ``ORDER_EXHAUSTIVE`` order-level candidates, every group's plans were enumerated in
full, and for every order-level set the plan combinations of the groups it touches are
≤ ``COMBO_LIMIT``, the search is exhaustive and the result is the lowest total in that space;
``exact`` is then True. Otherwise the order-level set is built greedily (candidates by their value
alone, each kept only if it lowers the total) and plans are improved by coordinate descent from
"every group at its cheapest plan"; every step must strictly lower the total, so the result is never
worse than that starting point, than no order-level promotion at all, or than the best single
order-level promotion — but it may miss the optimum. Not searched even when ``exact``: which units
a counted promotion uses (fixed rules: 第N件 discounts every N-th piece dearest first, 买赠 frees the
cheapest, 组合 bundles the dearest), and splitting a line between two competing order-level
promotions (priority decides). The search's order-level value ignores the cap of stacked
order-level discounts at what a line still owes; the returned amounts always respect it.

The exhaustive search gets there without trying every combination. Sets are taken smallest first;
within a set every group starts at its cheapest plan and combinations follow in plan order; the
first with the lowest total is kept, exactly as if all were tried. But a set with a member that
would discount no line is skipped (it totals as the set without it, tried before), and so are plan
combinations a bound shows cannot beat the best so far (满减 / 满折 never take less off a larger
spend).

Scan order does not matter: lines are priced in a canonical order (SKU, unit, price, quantity,
member price, then line id), so permuting a cart gives the same total and the same amount per SKU.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations, product
from types import MappingProxyType

from app.domain.apportion import largest_remainder
from app.domain.errors import DomainError
from app.domain.money import check_amount, line_amount
from app.domain.promotions import (
    CATALOG_MEMBER_PRICE,
    COUNT_KINDS,
    PRICE_KINDS,
    AddOn,
    Bundle,
    BuyGet,
    Kind,
    MemberPrice,
    NthItem,
    PriceCut,
    Promotion,
    PromotionBook,
    SpendPercent,
    SpendSave,
    compatible,
    pay_at,
)
from app.domain.quantity import Unit, check_quantity

#: Plans per line group enumerated in full; above this a reduced set is used.
PLAN_LIMIT = 64
#: Counted promotions per line group whose subsets are enumerated in full.
COUNT_EXHAUSTIVE = 4
#: Order-level candidates whose subsets are searched in full (2**6 = 64 sets).
ORDER_EXHAUSTIVE = 6
#: Plan combinations tried exhaustively per order-level set before coordinate descent.
COMBO_LIMIT = 256
#: Work allowed for the exhaustive search: order-level sets × plan combinations × groups reached.
SET_BUDGET = 4_000
DESCENT_PASSES = 4


class InvalidCart(DomainError):
    code = "invalid_cart"


@dataclass(frozen=True, slots=True)
class CartLine:
    """One ticket line: pieces, or grams of a weighed SKU priced per kg (``unit`` = GRAM)."""

    line_id: str
    sku: str
    unit_price: int
    quantity: int
    category: str = ""
    brand: str = ""
    unit: Unit = Unit.PIECE
    member_price: int | None = None  # the catalog 会员价, per piece or per kg

    @property
    def amount(self) -> int:
        return line_amount(self.unit_price, self.quantity, self.unit.per)


@dataclass(frozen=True, slots=True)
class PricingContext:
    """Where and when the cart is priced, and for whom (``tier`` None: no member attached)."""

    moment: datetime
    channel: str = "pos"  # 'pos' | 'miniprogram' | 'meituan' | …
    store: str = ""
    store_group: str = ""
    tier: str | None = None  # 'normal' | 'silver' | 'gold' | 'diamond'


@dataclass(frozen=True, slots=True)
class Discount:
    """One promotion's discount on one line (or, in ``PricedCart.applied``, on the whole cart)."""

    promotion_id: str
    name: str
    kind: Kind
    amount: int
    text: str  # for screen and receipt: '满100减20', '第2件5折', '买2赠1', '会员价'


@dataclass(frozen=True, slots=True)
class PricedLine:
    line_id: str
    sku: str
    original: int
    final: int
    discounts: tuple[Discount, ...]

    @property
    def discount(self) -> int:
        return self.original - self.final

    @property
    def note(self) -> str:
        """'特价￥2.9 满100减20' — the receipt's note under the line."""
        return " ".join(d.text for d in self.discounts)


@dataclass(frozen=True, slots=True)
class PricedCart:
    lines: tuple[PricedLine, ...]  # in the order given
    subtotal: int
    total: int
    applied: tuple[Discount, ...]  # one per promotion used, summed over lines, in application order
    exact: bool  # True: the lowest total of the whole search space (see the module docstring)

    @property
    def discount(self) -> int:
        return self.subtotal - self.total


# ---------------------------------------------------------------------------------------------
# Internal shapes (not frozen: a frozen dataclass is several times slower to build, and plans are
# built by the hundred per cart)


@dataclass(slots=True)
class _LinePlan:
    """What one line pays under a plan: at most one price, at most one counted promotion (taken even
    when none of this line's own pieces is discounted by it), and what each takes off."""

    amount: int
    unit_price: int
    price: Promotion | None = None
    price_off: int = 0
    counted: Promotion | None = None
    counted_off: int = 0

    @property
    def applied(self) -> tuple[Promotion, ...]:
        if self.price is None:
            return () if self.counted is None else (self.counted,)
        return (self.price,) if self.counted is None else (self.price, self.counted)


@dataclass(slots=True)
class _Line:
    pos: int  # canonical position
    line: CartLine
    amount: int
    piece: bool
    prices: Sequence[_LinePlan]  # the line alone at each price it may take, in application order
    counted: Sequence[Promotion]
    orders: Mapping[str, bool]  # order-level promotion id → True when the line is an add-on target


_NO_ORDERS: Mapping[str, bool] = MappingProxyType({})


@dataclass(slots=True)
class _Plan:
    lines: tuple[_LinePlan, ...]
    amount: int


@dataclass(slots=True)
class _Group:
    lines: list[_Line]
    plans: list[_Plan]
    cheapest: int


_Target = tuple[int, int, int, int]  # (−unit discount, pos, units, cap): sorts dearest saving first


# ---------------------------------------------------------------------------------------------
# Public entry point


def price_cart(book: PromotionBook, lines: Sequence[CartLine], context: PricingContext) -> PricedCart:
    """Price ``lines`` for ``context`` with the best combination of ``book``'s promotions."""
    _check_lines(lines)
    ordered = sorted(lines, key=_canonical_key)
    gathered, counted, orders = _gather(book, ordered, context)
    plans, taken, exact = _choose(gathered, counted, orders)
    return _materialise(lines, gathered, plans, taken, exact)


def _choose(
    lines: list[_Line], counted: list[Promotion], orders: list[Promotion]
) -> tuple[list[_LinePlan], list[tuple[Promotion, list[int]]], bool]:
    """The plan of every line (by canonical position), the order-level promotions taken with the
    positions each covers, and whether that is the optimum (``PricedCart.exact``).

    A group's plans are built only when it is priced, cluster by cluster, and dropped after.
    """
    chosen: dict[int, _LinePlan] = {}
    taken: list[tuple[Promotion, list[int]]] = []
    exact = True
    clusters, alone = _clusters(_groups(lines), orders)
    for group_lines in alone:
        if len(group_lines) == 1 and not group_lines[0].counted:
            line = group_lines[0]
            chosen[line.pos] = _cheapest_alone(line)
            continue
        group, complete = _group(group_lines, counted)
        exact = exact and complete
        for line, lp in zip(group.lines, group.plans[group.cheapest].lines, strict=True):
            chosen[line.pos] = lp
    for cluster_lines, cluster_orders in clusters:
        groups: list[_Group] = []
        for group_lines in cluster_lines:
            group, complete = _group(group_lines, counted)
            groups.append(group)
            exact = exact and complete
        search = _Search(groups, cluster_orders)
        member, choice, complete = search.run()
        exact = exact and complete
        taken += search.settle(member, choice, chosen)
    return [chosen[line.pos] for line in lines], taken, exact


def _clusters(
    groups: list[list[_Line]], orders: list[Promotion]
) -> tuple[list[tuple[list[list[_Line]], list[Promotion]]], list[list[_Line]]]:
    """Order-level promotions that reach no common line group can't affect each other: split them
    (and the groups they reach) into clusters searched one by one. Also returns the groups no
    order-level promotion reaches."""
    parent = {o.id: o.id for o in orders}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    first_ids: list[str | None] = []
    for group in groups:
        ids = group[0].orders.keys() if len(group) == 1 else {pid for line in group for pid in line.orders}
        if not ids:
            first_ids.append(None)
            continue
        first = min(ids)
        for pid in ids:
            if pid != first:
                parent[root(pid)] = root(first)
        first_ids.append(first)
    by_root: dict[str, tuple[list[list[_Line]], list[Promotion]]] = {}
    for o in orders:
        by_root.setdefault(root(o.id), ([], []))[1].append(o)
    alone: list[list[_Line]] = []
    for group, first_id in zip(groups, first_ids, strict=True):
        if first_id is None:
            alone.append(group)
        else:
            by_root[root(first_id)][0].append(group)
    return list(by_root.values()), alone


def _canonical_key(line: CartLine) -> tuple[str, Unit, int, int, int, str]:
    member = -1 if line.member_price is None else line.member_price
    return (line.sku, line.unit, line.unit_price, line.quantity, member, line.line_id)  # a Unit sorts as its value


def _check_lines(lines: Sequence[CartLine]) -> None:
    seen: set[str] = set()
    for line in lines:
        if not isinstance(line.line_id, str) or not line.line_id or line.line_id in seen:
            raise InvalidCart(reason="duplicate_line_id", line_id=line.line_id)
        seen.add(line.line_id)
        check_amount(line.unit_price, allow_zero=True)
        check_quantity(line.quantity, line.unit)
        if line.member_price is not None:
            check_amount(line.member_price, allow_zero=True)


# ---------------------------------------------------------------------------------------------
# 1. Gather


def _gather(
    book: PromotionBook, ordered: Sequence[CartLine], ctx: PricingContext
) -> tuple[list[_Line], list[Promotion], list[Promotion]]:
    index = book.serving(ctx.channel, ctx.store, ctx.store_group, ctx.tier)
    skus = {cl.sku for cl in ordered}
    running: dict[str, bool] = {}
    everywhere = [p for p in index.everywhere if _relevant(p, ctx, skus)]
    gathered: list[_Line] = []
    counted: dict[str, list[tuple[int, int, int]]] = {}  # id → (unit price, pos, pieces)
    spend: dict[str, int] = {}  # order-level id → spend in scope at shelf prices
    useful_targets: set[str] = set()
    found: dict[str, Promotion] = {}
    for pos, cl in enumerate(ordered):
        reaching: list[Promotion] = []
        for p in index.listed_reaching(cl.sku, cl.category, cl.brand):
            on = running.get(p.id)
            if on is None:
                on = running[p.id] = _relevant(p, ctx, skus)
            if on:
                reaching.append(p)
                found[p.id] = p
        for p in everywhere:
            if p not in reaching and p.reaches(cl.sku, cl.category, cl.brand):
                reaching.append(p)
                found[p.id] = p
        if ctx.tier is not None and cl.member_price is not None:
            reaching.append(CATALOG_MEMBER_PRICE)
        line = _line(pos, cl, reaching, ctx)
        for p in line.counted:
            counted.setdefault(p.id, []).append((cl.unit_price, pos, cl.quantity))
        for pid, target in line.orders.items():
            if not target:
                spend[pid] = spend.get(pid, 0) + line.amount
            elif cl.unit_price > _add_on_price(found[pid]):
                useful_targets.add(pid)
        gathered.append(line)
    useful_counted = {pid for pid, members in counted.items() if _counted_discounts(found[pid], members, gathered)}
    useful_orders = {pid for pid, amount in spend.items() if _can_order(found[pid], amount, pid in useful_targets)}
    for line in gathered:
        if line.counted:
            line.counted = [p for p in line.counted if p.id in useful_counted] or ()
        if line.orders:
            line.orders = {pid: t for pid, t in line.orders.items() if pid in useful_orders} or _NO_ORDERS
    by_key = sorted((found[pid] for pid in useful_counted), key=lambda p: p.sort_key)
    return gathered, by_key, sorted((found[pid] for pid in useful_orders), key=lambda p: p.sort_key)


def _relevant(p: Promotion, ctx: PricingContext, skus: set[str]) -> bool:
    """Whether ``p``, which serves ``ctx``'s audience, runs at its moment and can apply to these goods."""
    if isinstance(p.rule, AddOn) and p.rule.targets.isdisjoint(skus):
        return False  # 加价购 only when the item is in the cart
    return p.window.contains(ctx.moment)


def _add_on_price(p: Promotion) -> int:
    assert isinstance(p.rule, AddOn)
    return p.rule.price


def _line(pos: int, cl: CartLine, reaching: Iterable[Promotion], ctx: PricingContext) -> _Line:
    """The line at ``pos`` with what each promotion reaching it offers: a price, a counted deal, a
    place in an order-level promotion's spend or among its add-on targets — or nothing.

    Each promotion in ``reaching`` takes the line in (``Promotion.reaches``): but for a 买赠's gift
    group and a 加价购's targets, that is its scope.
    """
    amount = cl.amount
    piece = cl.unit is Unit.PIECE
    prices: list[_LinePlan] = []
    counted: list[Promotion] = []
    orders: dict[str, bool] = {}
    for p in reaching:
        rule = p.rule
        kind = rule.kind
        if kind in PRICE_KINDS:
            if isinstance(rule, PriceCut):
                unit_price: int | None = rule.unit_price(cl.unit_price)
            else:
                assert isinstance(rule, MemberPrice) and ctx.tier is not None
                unit_price = rule.unit_price_for(cl.unit_price, ctx.tier, cl.member_price)
            if unit_price is None or unit_price >= cl.unit_price:
                continue
            price_amount = line_amount(unit_price, cl.quantity, cl.unit.per)
            if price_amount < amount:
                prices.append(_LinePlan(price_amount, unit_price, p, amount - price_amount))
        elif kind in COUNT_KINDS:
            if piece:
                counted.append(p)
        elif isinstance(rule, AddOn) and cl.sku in rule.targets:
            if piece:
                orders[p.id] = True
        else:
            orders[p.id] = False
    if len(prices) > 1:
        prices.sort(key=_price_order)
    return _Line(pos, cl, amount, piece, prices or (), counted or (), orders or _NO_ORDERS)


def _price_order(plan: _LinePlan) -> tuple[int, int, str]:
    assert plan.price is not None
    return plan.price.sort_key


def _can_order(p: Promotion, spend: int, has_target: bool) -> bool:
    """Whether ``p`` can give anything on this cart (lower prices never reach a threshold sooner)."""
    rule = p.rule
    if isinstance(rule, AddOn):
        return has_target and spend >= rule.threshold
    assert isinstance(rule, SpendSave | SpendPercent)
    return spend >= rule.threshold and rule.discount(spend) > 0


# ---------------------------------------------------------------------------------------------
# 2. Line groups and their plans


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    """Lines sharing a counted promotion, together; every other line alone. In order of first line."""
    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for line in lines:
        for p in line.counted:
            if p.id in first:
                parent[root(line.pos)] = root(first[p.id])
            else:
                first[p.id] = line.pos
    by_root: dict[int, list[_Line]] = {}
    for line in lines:
        by_root.setdefault(root(line.pos), []).append(line)
    return list(by_root.values())


def _group(lines: list[_Line], counted: list[Promotion]) -> tuple[_Group, bool]:
    """A group with its plans, and whether they are all of them (see ``_plans``)."""
    ids = {p.id for line in lines for p in line.counted}
    plans, complete = _plans(lines, [p for p in counted if p.id in ids] if ids else [])
    cheapest = min(range(len(plans)), key=lambda i: plans[i].amount)  # the first of the cheapest
    return _Group(lines, plans, cheapest), complete


def _cheapest_alone(line: _Line) -> _LinePlan:
    """The cheapest plan of a line no counted promotion takes in (its one-line group's ``cheapest``):
    the first of its cheapest prices, which all cost less than the shelf, else the shelf price."""
    if line.prices:
        return min(line.prices, key=lambda lp: lp.amount)
    return _LinePlan(line.amount, line.line.unit_price)


def _plans(lines: list[_Line], counted: list[Promotion]) -> tuple[list[_Plan], bool]:
    if not counted and len(lines) == 1:  # most lines: shelf price or one of its prices
        line = lines[0]
        plain = _Plan((_LinePlan(line.amount, line.line.unit_price),), line.amount)
        return [plain, *(_Plan((lp,), lp.amount) for lp in line.prices)], True
    exact = len(counted) <= COUNT_EXHAUSTIVE
    if exact:
        count_sets = [s for r in range(len(counted) + 1) for s in combinations(counted, r)]
    else:
        count_sets = [(), *((p,) for p in counted), tuple(counted)]
    options: list[list[_LinePlan | None]] = [[None, *line.prices] for line in lines]
    if math.prod(len(o) for o in options) * len(count_sets) <= PLAN_LIMIT:
        price_sets: Iterable[tuple[_LinePlan | None, ...]] = product(*options)
    else:
        exact = False
        best = tuple(min(line.prices, key=lambda p: p.amount) if line.prices else None for line in lines)
        price_sets = [tuple(None for _ in lines), best]
    plans: list[_Plan] = []
    seen: set[tuple[tuple[int, tuple[str, ...]], ...]] = set()
    shelf = [_LinePlan(line.amount, line.line.unit_price) for line in lines]
    by_pos = {line.pos: i for i, line in enumerate(lines)}
    price_sets = list(price_sets)
    for count_set in count_sets:
        for prices in price_sets:
            plan = _plan(lines, count_set, [shelf[i] if p is None else p for i, p in enumerate(prices)], by_pos)
            key = tuple((lp.amount, tuple(p.id for p in lp.applied)) for lp in plan.lines)
            if key not in seen:
                seen.add(key)
                plans.append(plan)
    return plans, exact


def _plan(lines: list[_Line], count_set: Sequence[Promotion], priced: list[_LinePlan], by_pos: dict[int, int]) -> _Plan:
    """The plan taking ``count_set`` on top of ``priced`` (each line at its shelf price or one of its
    prices); ``by_pos``: the index of each line by its canonical position."""
    claimed: list[Promotion | None] = [None] * len(lines)
    counted = [0] * len(lines)
    for promo in count_set:
        members = [
            i for i, line in enumerate(lines)
            if claimed[i] is None and promo in line.counted and all(compatible(promo, p) for p in priced[i].applied)
        ]
        found = _counted_discounts(
            promo, [(priced[i].unit_price, lines[i].pos, lines[i].line.quantity) for i in members], lines
        )
        if found:
            for i in members:
                claimed[i] = promo
            for pos, amount in found.items():
                counted[by_pos[pos]] += amount
    out = tuple(
        lp if taken is None else _LinePlan(lp.amount - off, lp.unit_price, lp.price, lp.price_off, taken, off)
        for lp, taken, off in zip(priced, claimed, counted, strict=True)
    )
    return _Plan(out, sum(lp.amount for lp in out))


def _counted_discounts(
    promo: Promotion, members: list[tuple[int, int, int]], lines: Sequence[_Line]
) -> dict[int, int]:
    """Discount per line position for a counted promotion over (unit price, pos, pieces) members."""
    runs = sorted(members, key=lambda m: (-m[0], m[1]))
    rule = promo.rule
    if isinstance(rule, NthItem):
        return _every_nth(runs, rule.n, lambda price: price - pay_at(price, rule.percent))
    if isinstance(rule, BuyGet):
        if rule.gift is None:
            group = rule.buy + rule.get
            return _positional(runs, lambda x: x // group * rule.get + max(0, x % group - rule.buy))
        return _buy_get_gift(rule, runs, lines)
    assert isinstance(rule, Bundle)
    return _bundle(runs, rule.count, rule.price)


def _every_nth(runs: list[tuple[int, int, int]], n: int, saving: Callable[[int], int]) -> dict[int, int]:
    out: dict[int, int] = {}
    start = 0
    for price, pos, qty in runs:
        hits = (start + qty) // n - start // n
        amount = hits * saving(price)
        if amount > 0:
            out[pos] = out.get(pos, 0) + amount
        start += qty
    return out


def _positional(runs: list[tuple[int, int, int]], free_before: Callable[[int], int]) -> dict[int, int]:
    """Free pieces where ``free_before(x)`` counts the free ones among the first x (dearest first)."""
    out: dict[int, int] = {}
    start = 0
    for price, pos, qty in runs:
        free = free_before(start + qty) - free_before(start)
        if free and price:
            out[pos] = out.get(pos, 0) + free * price
        start += qty
    return out


def _buy_get_gift(rule: BuyGet, runs: list[tuple[int, int, int]], lines: Sequence[_Line]) -> dict[int, int]:
    assert rule.gift is not None
    gift_scope = rule.gift
    by_pos = {line.pos: line.line for line in lines}
    gifts, bought = [], 0
    for price, pos, qty in runs:
        cl = by_pos[pos]
        if gift_scope.matches(cl.sku, cl.category, cl.brand):
            gifts.append((price, pos, qty))
        else:
            bought += qty
    free = bought // rule.buy * rule.get
    out: dict[int, int] = {}
    for price, pos, qty in sorted(gifts, key=lambda g: (g[0], g[1])):  # cheapest gifts first
        take = min(free, qty)
        if take <= 0:
            break
        if price:
            out[pos] = take * price
        free -= take
    return out


def _bundle(runs: list[tuple[int, int, int]], count: int, price: int) -> dict[int, int]:
    ends: list[int] = []
    values: list[int] = []  # value of all pieces before each run's end
    total_units = total_value = 0
    for unit_price, _, qty in runs:
        total_units += qty
        total_value += unit_price * qty
        ends.append(total_units)
        values.append(total_value)

    def value_before(x: int) -> int:
        lo, hi = 0, len(ends)
        while lo < hi:  # first run ending after x
            mid = (lo + hi) // 2
            if ends[mid] <= x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(ends):
            return total_value
        before = values[lo - 1] if lo else 0
        start = ends[lo - 1] if lo else 0
        return before + (x - start) * runs[lo][0]

    def worth(j: int) -> bool:  # chunk j (dearest first) costs more than the bundle price
        return value_before((j + 1) * count) - value_before(j * count) > price

    lo, hi = 0, total_units // count  # chunks only get cheaper: find how many are worth bundling
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if worth(mid - 1):
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return {}
    bundled = lo * count
    weights: dict[int, int] = {}
    start = 0
    for unit_price, pos, qty in runs:
        units = max(0, min(qty, bundled - start))
        if units:
            weights[pos] = weights.get(pos, 0) + units * unit_price
        start += qty
    order = sorted(weights)
    shares = largest_remainder(lo * price, [weights[pos] for pos in order])
    return {pos: weights[pos] - share for pos, share in zip(order, shares, strict=True) if weights[pos] > share}


# ---------------------------------------------------------------------------------------------
# 3. Order level: which set, with which plans


_Elig = tuple[tuple[int, bool], ...]  # (order-level index, is add-on target) a line may join, in order
#: What one group brings to a set under one plan: (index, spend) per member, (index, targets) per add-on.
_Contribution = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, tuple[_Target, ...]], ...]]


@dataclass(slots=True)
class _Options:
    """A group's plans as one order-level set sees them: (amount, *contribution) per plan, the least
    amount, and (index, largest base over the plans) per member it reaches."""

    plans: list[tuple[int, tuple[tuple[int, int], ...], tuple[tuple[int, tuple[_Target, ...]], ...]]]
    cheapest: int
    most: tuple[tuple[int, int], ...]


class _Search:
    """Chooses the order-level set and the plans of the groups it touches (see the module docstring).

    Per (group, plan, line) it precomputes which order-level promotions the line could join (in
    scope, stacking with everything the plan puts on the line); a set's value then only needs the
    competition between the set's own members, and a plan swap or an added promotion is evaluated
    from the groups it touches alone. A set is a bit mask over ``orders``; what a group brings to it
    depends on the plan and on the members reaching the group only, so it is computed once for each.
    """

    def __init__(self, groups: list[_Group], orders: list[Promotion]) -> None:
        self.groups = groups
        self.orders = orders
        index = {o.id: k for k, o in enumerate(orders)}
        self.stacks_with = [sum(1 << j for j, b in enumerate(orders) if compatible(a, b)) for a in orders]
        self.add_on = [isinstance(o.rule, AddOn) for o in orders]
        self.add_ons = sum(1 << k for k, add_on in enumerate(self.add_on) if add_on)
        #: per group and line: the order-level promotions in scope
        self.scopes = [
            [tuple(sorted((index[pid], target) for pid, target in line.orders.items())) for line in g.lines]
            for g in groups
        ]
        #: per group, plan and line: those that stack with all the plan puts on the line
        self.eligible = [
            [
                [
                    tuple(e for e in elig if all(compatible(orders[e[0]], a) for a in lp.applied))
                    if elig and lp.applied else elig
                    for elig, lp in zip(in_scope, plan.lines, strict=True)
                ]
                for plan in g.plans
            ]
            for g, in_scope in zip(groups, self.scopes, strict=True)
        ]
        #: every way a line may be eligible, to tell idle members of a set (``_all_join``) of two or more
        self.patterns: set[_Elig] = set()
        if len(orders) > 1:
            self.patterns = {elig for plans in self.eligible for lines in plans for elig in lines if elig}
        self.reach = [0] * len(groups)
        for gi, in_scope in enumerate(self.scopes):
            for elig in in_scope:
                for k, _ in elig:
                    self.reach[gi] |= 1 << k
        #: per group with a choice of plans: see ``_spend_cap``
        self.spend_caps = [self._spend_cap(gi) if len(g.plans) > 1 else () for gi, g in enumerate(groups)]
        self.start = [g.cheapest for g in groups]
        self.start_amount = sum(g.plans[g.cheapest].amount for g in groups)
        self.contributions: dict[tuple[int, int, int], _Contribution] = {}
        self.group_options: dict[tuple[int, int], _Options] = {}
        self.spend_values: list[dict[int, int]] = [{} for _ in orders]  # 满减 / 满折: base → value

    # -- one line, one group -------------------------------------------------------------------

    def joins(self, elig: _Elig, member: int) -> Sequence[tuple[int, bool]]:
        """The members this line joins: a later one must stack with those already discounting it;
        an add-on target joins nothing else but add-ons."""
        if len(elig) == 1:  # nothing to compete with
            return elig if member >> elig[0][0] & 1 else ()
        joined: list[tuple[int, bool]] = []
        blocking = 0
        is_target = False
        for k, target in elig:
            if not member >> k & 1 or (is_target and not self.add_on[k]):
                continue
            if blocking & ~self.stacks_with[k]:
                continue
            joined.append((k, target))
            if target or not self.add_on[k]:  # an add-on's spend lines are not discounted by it
                blocking |= 1 << k
            is_target = is_target or target
        return joined

    def contribution(self, gi: int, pi: int, member: int) -> _Contribution:
        """What group ``gi`` brings to ``member``'s set under plan ``pi``."""
        key = (gi, pi, member & self.reach[gi])
        found = self.contributions.get(key)
        if found is None:
            found = self.contributions[key] = self._contribute(gi, pi, member)
        return found

    def options(self, gi: int, member: int) -> _Options:
        """All plans of group ``gi`` as ``member``'s set sees them."""
        key = (gi, member & self.reach[gi])
        found = self.group_options.get(key)
        if found is None:
            plans = [(plan.amount, *self.contribution(gi, pi, member)) for pi, plan in enumerate(self.groups[gi].plans)]
            most: dict[int, int] = {}
            for _, bases, _ in plans:
                for k, base in bases:
                    most[k] = max(most.get(k, 0), base)
            found = self.group_options[key] = _Options(plans, min(plan[0] for plan in plans), tuple(most.items()))
        return found

    def _contribute(self, gi: int, pi: int, member: int) -> _Contribution:
        bases: dict[int, int] = {}
        targets: dict[int, list[_Target]] = {}
        group = self.groups[gi]
        for line, lp, elig in zip(group.lines, group.plans[pi].lines, self.eligible[gi][pi], strict=True):
            if not elig:
                continue
            for k, target in self.joins(elig, member):
                if target:
                    rule = self.orders[k].rule
                    assert isinstance(rule, AddOn)
                    saving = lp.unit_price - rule.price
                    if saving > 0 and lp.amount > 0:
                        targets.setdefault(k, []).append((-saving, line.pos, line.line.quantity, lp.amount))
                else:
                    bases[k] = bases.get(k, 0) + lp.amount
        return tuple(bases.items()), tuple((k, tuple(found)) for k, found in targets.items()) if targets else ()

    # -- one order-level set -------------------------------------------------------------------

    def value(self, member: int, bases: list[int], targets: dict[int, dict[int, tuple[_Target, ...]]]) -> int:
        """What ``member``'s promotions take off, given their bases and add-on targets."""
        value = 0
        for k, o in enumerate(self.orders):
            if not member >> k & 1:
                continue
            base = bases[k]
            if self.add_on[k]:
                rule = o.rule
                assert isinstance(rule, AddOn)
                if base >= rule.threshold and k in targets:
                    found = [t for ts in targets[k].values() for t in ts]
                    value += sum(_add_on_shares(rule, found).values())
                continue
            value += self.spend_value(k, base)
        return value

    def spend_value(self, k: int, base: int) -> int:
        """What 满减 / 满折 ``k`` takes off ``base``."""
        known = self.spend_values[k]
        value = known.get(base)
        if value is None:
            rule = self.orders[k].rule
            assert isinstance(rule, SpendSave | SpendPercent)
            value = known[base] = min(rule.discount(base), base)
        return value

    def state(self, member: int) -> _State:
        """``member``'s set with every group at its cheapest plan."""
        st = _State(self, member, list(self.start), self.start_amount)
        for gi, reach in enumerate(self.reach):
            if member & reach:
                st.put(gi, self.contribution(gi, self.start[gi], member))
        return st

    def with_order(self, st: _State, k: int) -> _State:
        """``st`` plus order-level promotion ``k``: only groups it reaches are recomputed."""
        member = st.member | 1 << k
        out = st.copy(member)
        for gi, reach in enumerate(self.reach):
            if reach >> k & 1:
                out.drop(gi)
                out.put(gi, self.contribution(gi, out.choice[gi], member))
        return out

    def best_plans(self, st: _State, bound: int) -> bool:
        """Moves ``st`` to the best plans for its set: exhaustive when small (True: exact), else
        coordinate descent from its current plans. Either way its total never rises.

        Only a total below ``bound`` is of use to the caller: the exhaustive search skips plan
        combinations that cannot reach one, and may then stop at one that is not its set's best.
        """
        variable = [gi for gi in st.contrib if len(self.groups[gi].plans) > 1]
        plan_counts = [len(self.groups[gi].plans) for gi in variable]
        if math.prod(plan_counts) <= COMBO_LIMIT:
            if variable:
                amount, bases = st.amount, list(st.bases)  # what the other groups bring
                targets = {k: dict(found) for k, found in st.targets.items()}
                for gi in variable:
                    amount -= self.groups[gi].plans[st.choice[gi]].amount
                    plan_bases, plan_targets = st.contrib[gi]
                    for k, base in plan_bases:
                        bases[k] -= base
                    for k, _ in plan_targets:
                        del targets[k][gi]
                start = [st.choice[gi] for gi in variable]
                tried = _Combinations(self, st.member, variable, start, amount, bases, targets, st.total(), bound)
                picks, _ = tried.first_best()
                for gi, pi in zip(variable, picks, strict=True):
                    if st.choice[gi] != pi:
                        st.swap(gi, pi)
            return True
        total = st.total()
        for _ in range(DESCENT_PASSES):
            improved = False
            for gi in variable:
                keep = st.choice[gi]
                for pi in range(len(self.groups[gi].plans)):
                    if pi == keep:
                        continue
                    st.swap(gi, pi)
                    trial_total = st.total()
                    if trial_total < total:
                        total, keep, improved = trial_total, pi, True
                if st.choice[gi] != keep:
                    st.swap(gi, keep)
            if not improved:
                break
        return False

    def best_from_cheapest(self, member: int, bound: int) -> tuple[list[int], int, bool]:
        """``best_plans`` for ``member``'s set with every group starting at its cheapest plan: the
        plan per group, the total and whether the search was exhaustive."""
        reached = [gi for gi, reach in enumerate(self.reach) if member & reach]
        variable = [gi for gi in reached if len(self.groups[gi].plans) > 1]
        if math.prod(len(self.groups[gi].plans) for gi in variable) > COMBO_LIMIT:
            st = self.state(member)
            complete = self.best_plans(st, bound)
            return st.choice, st.total(), complete
        bases = [0] * len(self.orders)
        targets: dict[int, dict[int, tuple[_Target, ...]]] = {}
        for gi in reached:
            plan_bases, plan_targets = self.contribution(gi, self.start[gi], member)
            for k, base in plan_bases:
                bases[k] += base
            for k, found in plan_targets:
                targets.setdefault(k, {})[gi] = found
        start_total = self.start_amount - self.value(member, bases, targets)
        if not variable:
            return self.start, start_total, True
        amount = self.start_amount  # from here: what the groups outside ``variable`` bring
        for gi in variable:
            amount -= self.groups[gi].plans[self.start[gi]].amount
            plan_bases, plan_targets = self.contribution(gi, self.start[gi], member)
            for k, base in plan_bases:
                bases[k] -= base
            for k, _ in plan_targets:
                del targets[k][gi]
        if self._cannot_improve(member, variable, bases, min(start_total, bound)):
            return self.start, start_total, True
        start = [self.start[gi] for gi in variable]
        picks, total = _Combinations(self, member, variable, start, amount, bases, targets, start_total, bound).first_best()
        choice = list(self.start)
        for gi, pi in zip(variable, picks, strict=True):
            choice[gi] = pi
        return choice, total, True

    def _spend_cap(self, gi: int) -> tuple[tuple[int, int], ...]:
        """Per order-level promotion in scope of group ``gi``: the most spend any of its plans could
        bring it, whatever the set (competition and stacking only ever take lines away)."""
        group = self.groups[gi]
        if len(group.lines) == 1:  # each promotion in scope gets at most the dearest plan's amount
            dearest = max(plan.amount for plan in group.plans)
            return tuple((k, dearest) for k, target in self.scopes[gi][0] if not target)
        most: dict[int, int] = {}
        for plan in group.plans:
            spend: dict[int, int] = {}
            for elig, lp in zip(self.scopes[gi], plan.lines, strict=True):
                for k, target in elig:
                    if not target:
                        spend[k] = spend.get(k, 0) + lp.amount
            for k, amount in spend.items():
                most[k] = max(most.get(k, 0), amount)
        return tuple(most.items())

    def _cannot_improve(self, member: int, variable: list[int], bases: list[int], below: int) -> bool:
        """Whether no plans of the ``variable`` groups can bring ``member``'s set a total below
        ``below``, judged without working out their plans: at best each costs its cheapest plan and
        brings each member its ``spend_caps`` on top of ``bases`` (the other groups'), and a larger
        spend never gets less off."""
        if member & self.add_ons:
            return False
        most = list(bases)
        for gi in variable:
            for k, cap in self.spend_caps[gi]:
                most[k] += cap
        most_off = sum(self.spend_value(k, most[k]) for k in range(len(self.orders)) if member >> k & 1)
        return self.start_amount - most_off >= below

    def _plan_combinations(self, member: int) -> int:
        """How many plan combinations the groups ``member``'s set reaches have."""
        return math.prod(len(g.plans) for g, reach in zip(self.groups, self.reach, strict=True) if member & reach)

    def _all_join(self, member: int) -> bool:
        """Whether every member of the set would discount some line under some plan.

        A set with an idle member has, plan for plan, the totals of the set without it, which the
        search tried before: it cannot do better, and is skipped.
        """
        joined = 0
        for elig in self.patterns:
            for k, _ in self.joins(elig, member):
                joined |= 1 << k
        return joined == member

    def run(self) -> tuple[int, list[int], bool]:
        """The order-level set to take (a bit mask over ``orders``), the plan per group, and whether
        they are the optimum."""
        n = len(self.orders)
        best_member, best_choice, best_total = 0, self.start, self.start_amount
        reached = [gi for gi, reach in enumerate(self.reach) if reach]
        combos = math.prod(len(self.groups[gi].plans) for gi in reached)
        if n <= ORDER_EXHAUSTIVE and (2**n) * min(combos, COMBO_LIMIT) * len(reached) <= SET_BUDGET:
            exact = True
            for size in range(1, n + 1):
                for ks in combinations(range(n), size):
                    member = sum(1 << k for k in ks)
                    if size > 1 and not self._all_join(member):
                        exact = exact and self._plan_combinations(member) <= COMBO_LIMIT
                        continue
                    choice, total, complete = self.best_from_cheapest(member, best_total)
                    exact = exact and complete
                    if total < best_total:
                        best_member, best_choice, best_total = member, choice, total
            return best_member, best_choice, exact
        empty = self.state(0)
        alone = sorted(range(n), key=lambda k: (self.with_order(empty, k).total(), k))
        current, current_total = empty, best_total
        for k in alone:
            trial = self.with_order(current, k)
            total = trial.total()
            if total < current_total:
                current, current_total = trial, total
        self.best_plans(current, current_total)
        return current.member, current.choice, False

    def settle(self, member: int, choice: list[int], plans: dict[int, _LinePlan]) -> list[tuple[Promotion, list[int]]]:
        """Writes each line's plan under ``choice`` into ``plans`` (by canonical position); returns
        the order-level promotions of ``member`` taken, each with the positions of the lines it covers."""
        joined: list[list[int]] = [[] for _ in self.orders]
        for gi, (group, pi) in enumerate(zip(self.groups, choice, strict=True)):
            for li, (line, lp) in enumerate(zip(group.lines, group.plans[pi].lines, strict=True)):
                plans[line.pos] = lp
                for k, _ in self.joins(self.eligible[gi][pi][li], member):
                    joined[k].append(line.pos)
        return [(o, sorted(joined[k])) for k, o in enumerate(self.orders) if member >> k & 1]


class _Combinations:
    """The plan combinations of one order-level set's variable groups, in the order ``product``
    lists them: finds the first whose total is the lowest and below that of the ``start`` plans.

    A branch and bound: with some groups' plans fixed, the rest cannot cost less than their cheapest
    plans nor take more off than 满减 / 满折 give on the largest base each of their plans could bring
    (a larger spend never gets less off). A branch that cannot go below the best so far, or below
    ``bound``, holds no combination that would be taken. With a 加价购 in the set every combination
    is tried.
    """

    __slots__ = ("search", "member", "members", "variable", "options", "amount", "bases", "targets", "bounded",
                 "cheapest_rest", "largest_rest", "bound", "combo", "best", "best_total")

    def __init__(
        self,
        search: _Search,
        member: int,
        variable: list[int],
        start: list[int],
        amount: int,
        bases: list[int],
        targets: dict[int, dict[int, tuple[_Target, ...]]],
        start_total: int,
        bound: int,
    ) -> None:
        """``amount``, ``bases`` and ``targets``: what the groups outside ``variable`` bring (taken
        over); ``start_total``: the total with the ``start`` plans."""
        self.search, self.member, self.variable, self.bound = search, member, variable, bound
        self.amount, self.bases, self.targets = amount, bases, targets
        self.options = [search.options(gi, member) for gi in variable]
        self.members = [k for k in range(len(search.orders)) if member >> k & 1]
        self.bounded = not member & search.add_ons
        depth = len(variable)
        self.cheapest_rest = [0] * (depth + 1)  # per depth: the least the groups from there can cost
        self.largest_rest = [[0] * len(search.orders) for _ in range(depth + 1)]  # … and the most they bring
        for j in range(depth - 1, -1, -1):
            self.cheapest_rest[j] = self.cheapest_rest[j + 1] + self.options[j].cheapest
            largest = self.largest_rest[j] = list(self.largest_rest[j + 1])
            for k, base in self.options[j].most:
                largest[k] += base
        self.combo = list(start)
        self.best, self.best_total = list(start), start_total

    def first_best(self) -> tuple[list[int], int]:
        """The plan per variable group and the total: the first best combination, else ``start``."""
        self._visit(0, self.amount)
        return self.best, self.best_total

    def _visit(self, j: int, amount: int) -> None:
        """The combinations with the plans of the variable groups before ``j`` fixed: ``amount``
        is what all groups but those from ``j`` on cost."""
        search, bases = self.search, self.bases
        if j == len(self.variable):
            total = amount - search.value(self.member, bases, self.targets)
            if total < self.best_total:
                self.best, self.best_total = list(self.combo), total
            return
        if self.bounded:
            largest = self.largest_rest[j]
            most_off = sum(search.spend_value(k, bases[k] + largest[k]) for k in self.members)
            if amount + self.cheapest_rest[j] - most_off >= min(self.best_total, self.bound):
                return
        for pi, plan in enumerate(self.options[j].plans):
            self.combo[j] = pi
            self._put(j, pi)
            self._visit(j + 1, amount + plan[0])
            self._drop(j, pi)

    def _put(self, j: int, pi: int) -> None:
        _, plan_bases, plan_targets = self.options[j].plans[pi]
        for k, base in plan_bases:
            self.bases[k] += base
        for k, found in plan_targets:
            self.targets.setdefault(k, {})[self.variable[j]] = found

    def _drop(self, j: int, pi: int) -> None:
        _, plan_bases, plan_targets = self.options[j].plans[pi]
        for k, base in plan_bases:
            self.bases[k] -= base
        for k, _ in plan_targets:
            del self.targets[k][self.variable[j]]


class _State:
    """An order-level set with a plan per group, its bases kept up to date as plans are swapped."""

    __slots__ = ("search", "member", "choice", "contrib", "bases", "targets", "amount")

    def __init__(self, search: _Search, member: int, choice: list[int], amount: int) -> None:
        self.search = search
        self.member = member
        self.choice = choice
        self.amount = amount
        self.contrib: dict[int, _Contribution] = {}
        self.bases = [0] * len(search.orders)
        self.targets: dict[int, dict[int, tuple[_Target, ...]]] = {}

    def copy(self, member: int) -> _State:
        out = _State(self.search, member, list(self.choice), self.amount)
        out.contrib, out.bases = dict(self.contrib), list(self.bases)
        out.targets = {k: dict(v) for k, v in self.targets.items()}
        return out

    def put(self, gi: int, contribution: _Contribution) -> None:
        self.contrib[gi] = contribution
        bases, targets = contribution
        for k, amount in bases:
            self.bases[k] += amount
        for k, found in targets:
            self.targets.setdefault(k, {})[gi] = found

    def drop(self, gi: int) -> None:
        old = self.contrib.pop(gi, None)
        if old is None:
            return
        for k, amount in old[0]:
            self.bases[k] -= amount
        for k, _ in old[1]:
            del self.targets[k][gi]

    def swap(self, gi: int, pi: int) -> None:
        plans = self.search.groups[gi].plans
        self.amount += plans[pi].amount - plans[self.choice[gi]].amount
        self.choice[gi] = pi
        self.drop(gi)
        self.put(gi, self.search.contribution(gi, pi, self.member))

    def total(self) -> int:
        return self.amount - self.search.value(self.member, self.bases, self.targets)


def _add_on_shares(rule: AddOn, targets: Iterable[_Target]) -> dict[int, int]:
    left = rule.max_quantity
    out: dict[int, int] = {}
    for neg_saving, pos, units, cap in sorted(targets):
        take = min(left, units)
        if take <= 0:
            break
        out[pos] = min(cap, take * -neg_saving)
        left -= take
    return out


# ---------------------------------------------------------------------------------------------
# 4. Apportion and explain


def _materialise(
    given: Sequence[CartLine],
    lines: list[_Line],
    plans: list[_LinePlan],
    taken: list[tuple[Promotion, list[int]]],
    exact: bool,
) -> PricedCart:
    texts: dict[str, str] = {}
    discounts: list[list[Discount] | None] = [None] * len(lines)  # per canonical position
    for pos, lp in enumerate(plans):
        if lp.price is not None:
            discounts[pos] = [_item_discount(lp.price, lp.price_off, texts)]
        if lp.counted is not None and lp.counted_off:
            found = _item_discount(lp.counted, lp.counted_off, texts)
            discounts[pos] = [*(discounts[pos] or ()), found]
    owed = [lp.amount for lp in plans]
    for o, members in sorted(taken, key=lambda t: t[0].sort_key):
        rule = o.rule
        if isinstance(rule, AddOn):
            spend = sum(plans[pos].amount for pos in members if not lines[pos].orders[o.id])
            if spend < rule.threshold:
                continue
            targets = [
                (-(plans[pos].unit_price - rule.price), pos, lines[pos].line.quantity, owed[pos])
                for pos in members if lines[pos].orders[o.id] and plans[pos].unit_price > rule.price and owed[pos]
            ]
            shares = _add_on_shares(rule, targets)
            text = rule.text()
        else:
            assert isinstance(rule, SpendSave | SpendPercent)
            base = sum(plans[pos].amount for pos in members)
            amount = min(rule.discount(base), sum(owed[pos] for pos in members))
            split = largest_remainder(amount, [owed[pos] for pos in members]) if amount else []
            shares = dict(zip(members, split, strict=False))
            text = rule.text(base)
        for pos, share in shares.items():
            if share > 0:
                owed[pos] -= share
                found = _discount(o, share, text)
                line_discounts = discounts[pos]
                if line_discounts is None:
                    discounts[pos] = [found]
                else:
                    line_discounts.append(found)
    by_id = {line.line.line_id: line.pos for line in lines}
    priced = []
    for cl in given:
        pos = by_id[cl.line_id]
        line_discounts = discounts[pos]
        priced.append(PricedLine(cl.line_id, cl.sku, lines[pos].amount, owed[pos],
                                 tuple(line_discounts) if line_discounts else ()))
    subtotal = sum(p.original for p in priced)
    total = sum(p.final for p in priced)
    return PricedCart(tuple(priced), subtotal, total, _summary(discounts), exact)


def _item_discount(p: Promotion, amount: int, texts: dict[str, str]) -> Discount:
    """``p``'s discount on one line; its text, the same on every line, is made once (``texts``)."""
    text = texts.get(p.id)
    if text is None:
        rule = p.rule
        assert not isinstance(rule, SpendSave | SpendPercent)
        text = texts[p.id] = rule.text()
    return _discount(p, amount, text)


def _discount(p: Promotion, amount: int, text: str) -> Discount:
    return Discount(p.id, p.name, p.kind, amount, text)


def _summary(discounts: list[list[Discount] | None]) -> tuple[Discount, ...]:
    totals: dict[str, Discount] = {}
    for line_discounts in discounts:
        for d in line_discounts or ():
            seen = totals.get(d.promotion_id)
            totals[d.promotion_id] = d if seen is None else Discount(
                d.promotion_id, d.name, d.kind, seen.amount + d.amount, seen.text
            )
    kinds = list(Kind)
    return tuple(sorted(totals.values(), key=lambda d: (kinds.index(d.kind), d.promotion_id)))


__all__ = [
    "CartLine",
    "Discount",
    "InvalidCart",
    "PricedCart",
    "PricedLine",
    "PricingContext",
    "price_cart",
]
