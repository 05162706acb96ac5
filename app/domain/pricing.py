"""促销计算: the best price for a cart within the promotion rules, explained line by line.

How a cart is priced
--------------------
1. **Gather.** ``PromotionBook.reaching`` finds, per line, the promotions whose SKU / category / brand
   index takes the line in; those not running for the context (channel, store, moment, member tier)
   are dropped, as are ones the cart can never trigger (too few pieces, spend below the threshold).
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
   the 满减 base. Groups outside every promotion of ``S`` simply take their cheapest plan.
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

Scan order does not matter: lines are priced in a canonical order (SKU, unit, price, quantity,
member price, then line id), so permuting a cart gives the same total and the same amount per SKU.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations, product

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
# Internal shapes


@dataclass(frozen=True, slots=True)
class _Price:
    promotion: Promotion
    unit_price: int
    amount: int


@dataclass(slots=True)
class _Line:
    pos: int  # canonical position
    line: CartLine
    amount: int
    piece: bool
    prices: list[_Price]
    counted: list[Promotion]
    orders: dict[str, bool]  # order-level promotion id → True when the line is an add-on target


@dataclass(frozen=True, slots=True)
class _LinePlan:
    amount: int
    unit_price: int
    applied: tuple[Promotion, ...]
    discounts: tuple[tuple[Promotion, int], ...]


@dataclass(frozen=True, slots=True)
class _Plan:
    lines: tuple[_LinePlan, ...]
    amount: int


@dataclass(slots=True)
class _Group:
    lines: list[_Line]
    plans: list[_Plan]
    cheapest: int
    order_ids: frozenset[str]


_Target = tuple[int, int, int, int]  # (−unit discount, pos, units, cap): sorts dearest saving first


# ---------------------------------------------------------------------------------------------
# Public entry point


def price_cart(book: PromotionBook, lines: Sequence[CartLine], context: PricingContext) -> PricedCart:
    """Price ``lines`` for ``context`` with the best combination of ``book``'s promotions."""
    _check_lines(lines)
    ordered = sorted(lines, key=_canonical_key)
    gathered, counted, orders = _gather(book, ordered, context)
    groups, items_exact = _groups(gathered, counted)
    solved: list[tuple[_Search, _State]] = []
    exact = items_exact
    for cluster_groups, cluster_orders in _clusters(groups, orders):
        search = _Search(cluster_groups, cluster_orders)
        best, complete = search.run()
        solved.append((search, best))
        exact = exact and complete
    return _materialise(lines, groups, solved, exact)


def _clusters(groups: list[_Group], orders: list[Promotion]) -> list[tuple[list[_Group], list[Promotion]]]:
    """Order-level promotions that reach no common line group can't affect each other: split them
    (and the groups they reach) into clusters searched one by one."""
    parent = {o.id: o.id for o in orders}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    for group in groups:
        ids = sorted(group.order_ids & parent.keys())
        for pid in ids[1:]:
            parent[root(pid)] = root(ids[0])
    by_root: dict[str, tuple[list[_Group], list[Promotion]]] = {}
    for o in orders:
        by_root.setdefault(root(o.id), ([], []))[1].append(o)
    for group in groups:
        if group.order_ids:
            by_root[root(min(group.order_ids))][0].append(group)
    return list(by_root.values())


def _canonical_key(line: CartLine) -> tuple[str, str, int, int, int, str]:
    member = -1 if line.member_price is None else line.member_price
    return (line.sku, line.unit.value, line.unit_price, line.quantity, member, line.line_id)


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
    running: dict[str, bool] = {}
    gathered: list[_Line] = []
    counted: dict[str, list[tuple[int, int, int]]] = {}  # id → (unit price, pos, pieces)
    spend: dict[str, int] = {}  # order-level id → spend in scope at shelf prices
    useful_targets: set[str] = set()
    found: dict[str, Promotion] = {}
    skus = {cl.sku for cl in ordered}
    for pos, cl in enumerate(ordered):
        line = _Line(pos, cl, cl.amount, cl.unit is Unit.PIECE, [], [], {})
        seen: set[str] = set()
        for p in book.candidates(cl.sku, cl.category, cl.brand):
            on = running.get(p.id)
            if on is None:
                on = running[p.id] = _relevant(p, ctx, skus)
            if on and p.id not in seen and p.reaches(cl.sku, cl.category, cl.brand):
                seen.add(p.id)
                _offer(line, p, ctx)
                found[p.id] = p
        if ctx.tier is not None and cl.member_price is not None:
            _offer(line, CATALOG_MEMBER_PRICE, ctx)
        line.prices.sort(key=lambda price: price.promotion.sort_key)
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
            line.counted = [p for p in line.counted if p.id in useful_counted]
        if line.orders:
            line.orders = {pid: t for pid, t in line.orders.items() if pid in useful_orders}
    by_key = sorted((found[pid] for pid in useful_counted), key=lambda p: p.sort_key)
    return gathered, by_key, sorted((found[pid] for pid in useful_orders), key=lambda p: p.sort_key)


def _relevant(p: Promotion, ctx: PricingContext, skus: set[str]) -> bool:
    if isinstance(p.rule, AddOn) and p.rule.targets.isdisjoint(skus):
        return False  # 加价购 only when the item is in the cart
    return p.runs_for(ctx.channel, ctx.store, ctx.store_group, ctx.moment, ctx.tier)


def _add_on_price(p: Promotion) -> int:
    assert isinstance(p.rule, AddOn)
    return p.rule.price


def _offer(line: _Line, p: Promotion, ctx: PricingContext) -> None:
    cl = line.line
    rule = p.rule
    if p.kind in PRICE_KINDS:
        if not p.scope.matches(cl.sku, cl.category, cl.brand):
            return
        if isinstance(rule, PriceCut):
            unit_price: int | None = rule.unit_price(cl.unit_price)
        else:
            assert isinstance(rule, MemberPrice) and ctx.tier is not None
            unit_price = rule.unit_price_for(cl.unit_price, ctx.tier, cl.member_price)
        if unit_price is None or unit_price >= cl.unit_price:
            return
        amount = line_amount(unit_price, cl.quantity, cl.unit.per)
        if amount < line.amount:
            line.prices.append(_Price(p, unit_price, amount))
    elif p.kind in COUNT_KINDS:
        if line.piece:
            line.counted.append(p)
    elif isinstance(rule, AddOn) and cl.sku in rule.targets:
        if line.piece:
            line.orders[p.id] = True
    elif p.scope.matches(cl.sku, cl.category, cl.brand):
        line.orders[p.id] = False


def _can_order(p: Promotion, spend: int, has_target: bool) -> bool:
    """Whether ``p`` can give anything on this cart (lower prices never reach a threshold sooner)."""
    rule = p.rule
    if isinstance(rule, AddOn):
        return has_target and spend >= rule.threshold
    assert isinstance(rule, SpendSave | SpendPercent)
    return spend >= rule.threshold and rule.discount(spend) > 0


# ---------------------------------------------------------------------------------------------
# 2. Line groups and their plans


def _groups(lines: list[_Line], counted: list[Promotion]) -> tuple[list[_Group], bool]:
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
    groups: list[_Group] = []
    exact = True
    for group_lines in by_root.values():
        ids = {p.id for line in group_lines for p in line.counted}
        group_counted = [p for p in counted if p.id in ids]
        plans, complete = _plans(group_lines, group_counted)
        exact = exact and complete
        cheapest = min(range(len(plans)), key=lambda i: (plans[i].amount, i))
        order_ids = frozenset(pid for line in group_lines for pid in line.orders)
        groups.append(_Group(group_lines, plans, cheapest, order_ids))
    return groups, exact


def _plans(lines: list[_Line], counted: list[Promotion]) -> tuple[list[_Plan], bool]:
    if not counted and len(lines) == 1:  # most lines: shelf price or one of its prices
        line = lines[0]
        plain = _Plan((_LinePlan(line.amount, line.line.unit_price, (), ()),), line.amount)
        return [plain, *(
            _Plan((_LinePlan(p.amount, p.unit_price, (p.promotion,), ((p.promotion, line.amount - p.amount),)),),
                  p.amount)
            for p in line.prices
        )], True
    exact = len(counted) <= COUNT_EXHAUSTIVE
    if exact:
        count_sets = [s for r in range(len(counted) + 1) for s in combinations(counted, r)]
    else:
        count_sets = [(), *((p,) for p in counted), tuple(counted)]
    options: list[list[_Price | None]] = [[None, *line.prices] for line in lines]
    if math.prod(len(o) for o in options) * len(count_sets) <= PLAN_LIMIT:
        price_sets: Iterable[tuple[_Price | None, ...]] = product(*options)
    else:
        exact = False
        best = tuple(min(line.prices, key=lambda p: p.amount) if line.prices else None for line in lines)
        price_sets = [tuple(None for _ in lines), best]
    plans: list[_Plan] = []
    seen: set[tuple[tuple[int, tuple[str, ...]], ...]] = set()
    price_sets = list(price_sets)
    for count_set in count_sets:
        for prices in price_sets:
            plan = _plan(lines, count_set, prices)
            key = tuple((lp.amount, tuple(p.id for p in lp.applied)) for lp in plan.lines)
            if key not in seen:
                seen.add(key)
                plans.append(plan)
    return plans, exact


def _plan(lines: list[_Line], count_set: Sequence[Promotion], prices: Sequence[_Price | None]) -> _Plan:
    unit_prices = [p.unit_price if p else line.line.unit_price for line, p in zip(lines, prices, strict=True)]
    claimed: list[Promotion | None] = [None] * len(lines)
    counted = [0] * len(lines)
    by_pos = {line.pos: i for i, line in enumerate(lines)}
    for promo in count_set:
        members = [
            i for i, line in enumerate(lines)
            if claimed[i] is None and promo in line.counted and _stacks_with_price(promo, prices[i])
        ]
        found = _counted_discounts(
            promo, [(unit_prices[i], lines[i].pos, lines[i].line.quantity) for i in members], lines
        )
        if found:
            for i in members:
                claimed[i] = promo
            for pos, amount in found.items():
                counted[by_pos[pos]] += amount
    out: list[_LinePlan] = []
    for i, line in enumerate(lines):
        price = prices[i]
        applied: list[Promotion] = []
        discounts: list[tuple[Promotion, int]] = []
        amount = line.amount
        if price is not None:
            applied.append(price.promotion)
            discounts.append((price.promotion, line.amount - price.amount))
            amount = price.amount
        taken = claimed[i]
        if taken is not None:
            applied.append(taken)
            if counted[i]:
                discounts.append((taken, counted[i]))
                amount -= counted[i]
        out.append(_LinePlan(amount, unit_prices[i], tuple(applied), tuple(discounts)))
    return _Plan(tuple(out), sum(lp.amount for lp in out))


def _stacks_with_price(promo: Promotion, price: _Price | None) -> bool:
    return price is None or compatible(promo, price.promotion)


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


class _Search:
    """Chooses the order-level set and the plans of the groups it touches (see the module docstring).

    Per (group, plan, line) it precomputes which order-level promotions the line could join (in
    scope, stacking with everything the plan puts on the line); a set's value then only needs the
    competition between the set's own members, and a plan swap or an added promotion is evaluated
    from the groups it touches alone.
    """

    def __init__(self, groups: list[_Group], orders: list[Promotion]) -> None:
        self.groups = groups
        self.orders = orders
        index = {o.id: k for k, o in enumerate(orders)}
        self.compat = [[compatible(a, b) for b in orders] for a in orders]
        self.add_on = [isinstance(o.rule, AddOn) for o in orders]
        self.eligible: list[list[list[_Elig]]] = [
            [
                [
                    tuple(sorted(
                        (index[pid], target) for pid, target in line.orders.items()
                        if all(compatible(orders[index[pid]], a) for a in lp.applied)
                    ))
                    for line, lp in zip(g.lines, plan.lines, strict=True)
                ]
                for plan in g.plans
            ]
            for g in groups
        ]
        self.reach: list[frozenset[int]] = [frozenset(index[pid] for pid in g.order_ids) for g in groups]
        self.reached_by: list[list[int]] = [[] for _ in orders]
        for gi, ks in enumerate(self.reach):
            for k in ks:
                self.reached_by[k].append(gi)
        self.start = [g.cheapest for g in groups]

    # -- one line, one group -------------------------------------------------------------------

    def joins(self, elig: _Elig, member: Sequence[bool]) -> list[tuple[int, bool]]:
        """The members this line joins: a later one must stack with those already discounting it;
        an add-on target joins nothing else but add-ons."""
        joined: list[tuple[int, bool]] = []
        blocking: list[int] = []
        is_target = False
        for k, target in elig:
            if not member[k] or (is_target and not self.add_on[k]):
                continue
            if blocking and not all(self.compat[k][j] for j in blocking):
                continue
            joined.append((k, target))
            if target or not self.add_on[k]:  # an add-on's spend lines are not discounted by it
                blocking.append(k)
            is_target = is_target or target
        return joined

    def contribution(self, gi: int, pi: int, member: Sequence[bool]) -> tuple[dict[int, int], dict[int, list[_Target]]]:
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
        return bases, targets

    # -- one order-level set -------------------------------------------------------------------

    def state(self, member: list[bool], choice: list[int]) -> _State:
        st = _State(self, member, list(choice))
        for gi, ks in enumerate(self.reach):
            if any(member[k] for k in ks):
                st.put(gi, self.contribution(gi, choice[gi], member))
        return st

    def with_order(self, st: _State, k: int) -> _State:
        """``st`` plus order-level promotion ``k``: only groups it reaches are recomputed."""
        member = list(st.member)
        member[k] = True
        out = st.copy(member)
        for gi in self.reached_by[k]:
            out.drop(gi)
            out.put(gi, self.contribution(gi, out.choice[gi], member))
        return out

    def best_plans(self, st: _State) -> tuple[_State, bool]:
        """The best plans for ``st``'s set: exhaustive when small (exact), else coordinate descent."""
        variable = [gi for gi in st.contrib if len(self.groups[gi].plans) > 1]
        plan_counts = [len(self.groups[gi].plans) for gi in variable]
        if math.prod(plan_counts) <= COMBO_LIMIT:
            trial = st.copy(st.member)
            best_choice, best_total = list(trial.choice), trial.total()
            for combo in product(*(range(n) for n in plan_counts)):
                for gi, pi in zip(variable, combo, strict=True):
                    if pi != trial.choice[gi]:  # product moves the last group fastest: mostly one swap
                        trial.swap(gi, pi)
                total = trial.total()
                if total < best_total:
                    best_choice, best_total = list(trial.choice), total
            for gi in variable:
                if trial.choice[gi] != best_choice[gi]:
                    trial.swap(gi, best_choice[gi])
            return trial, True
        current = st.copy(st.member)
        total = current.total()
        for _ in range(DESCENT_PASSES):
            improved = False
            for gi in variable:
                keep = current.choice[gi]
                for pi in range(len(self.groups[gi].plans)):
                    if pi == keep:
                        continue
                    current.swap(gi, pi)
                    trial_total = current.total()
                    if trial_total < total:
                        total, keep, improved = trial_total, pi, True
                if current.choice[gi] != keep:
                    current.swap(gi, keep)
            if not improved:
                break
        return current, False

    def run(self) -> tuple[_State, bool]:
        n = len(self.orders)
        empty = self.state([False] * n, self.start)
        if n == 0:
            return empty, True
        best, best_total = empty, empty.total()
        reached = {gi for gis in self.reached_by for gi in gis}
        combos = math.prod(len(self.groups[gi].plans) for gi in reached)
        if n <= ORDER_EXHAUSTIVE and (2**n) * min(combos, COMBO_LIMIT) * len(reached) <= SET_BUDGET:
            exact = True
            for size in range(1, n + 1):
                for ks in combinations(range(n), size):
                    member = [False] * n
                    for k in ks:
                        member[k] = True
                    candidate, complete = self.best_plans(self.state(member, self.start))
                    exact = exact and complete
                    total = candidate.total()
                    if total < best_total:
                        best, best_total = candidate, total
            return best, exact
        alone = sorted(range(n), key=lambda k: (self.with_order(empty, k).total(), k))
        current, current_total = empty, best_total
        for k in alone:
            trial = self.with_order(current, k)
            total = trial.total()
            if total < current_total:
                current, current_total = trial, total
        improved, _ = self.best_plans(current)
        return (improved if improved.total() < current_total else current), False


class _State:
    """An order-level set with a plan per group, its bases kept up to date as plans are swapped."""

    __slots__ = ("search", "member", "choice", "contrib", "bases", "targets", "amount")

    def __init__(self, search: _Search, member: list[bool], choice: list[int]) -> None:
        self.search = search
        self.member = member
        self.choice = choice
        self.contrib: dict[int, tuple[dict[int, int], dict[int, list[_Target]]]] = {}
        self.bases = [0] * len(member)
        self.targets: dict[int, dict[int, list[_Target]]] = {}
        self.amount = sum(g.plans[pi].amount for g, pi in zip(search.groups, choice, strict=True))

    def copy(self, member: list[bool]) -> _State:
        out = _State.__new__(_State)
        out.search, out.member, out.choice = self.search, member, list(self.choice)
        out.contrib, out.bases, out.amount = dict(self.contrib), list(self.bases), self.amount
        out.targets = {k: dict(v) for k, v in self.targets.items()}
        return out

    def put(self, gi: int, contribution: tuple[dict[int, int], dict[int, list[_Target]]]) -> None:
        self.contrib[gi] = contribution
        bases, targets = contribution
        for k, amount in bases.items():
            self.bases[k] += amount
        for k, found in targets.items():
            self.targets.setdefault(k, {})[gi] = found

    def drop(self, gi: int) -> None:
        old = self.contrib.pop(gi, None)
        if old is None:
            return
        for k, amount in old[0].items():
            self.bases[k] -= amount
        for k in old[1]:
            del self.targets[k][gi]

    def swap(self, gi: int, pi: int) -> None:
        plans = self.search.groups[gi].plans
        self.amount += plans[pi].amount - plans[self.choice[gi]].amount
        self.choice[gi] = pi
        self.drop(gi)
        self.put(gi, self.search.contribution(gi, pi, self.member))

    def total(self) -> int:
        value = 0
        for k, o in enumerate(self.search.orders):
            if not self.member[k]:
                continue
            rule = o.rule
            base = self.bases[k]
            if isinstance(rule, AddOn):
                if base >= rule.threshold and k in self.targets:
                    found = [t for ts in self.targets[k].values() for t in ts]
                    value += sum(_add_on_shares(rule, found).values())
            else:
                assert isinstance(rule, SpendSave | SpendPercent)
                value += min(rule.discount(base), base)
        return self.amount - value


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
    given: Sequence[CartLine], groups: list[_Group], solved: list[tuple[_Search, _State]], exact: bool
) -> PricedCart:
    lines = [line for group in groups for line in group.lines]
    lines.sort(key=lambda line: line.pos)
    plans: dict[int, _LinePlan] = {}
    for group in groups:  # groups no order-level promotion reaches take their cheapest plan
        for line, lp in zip(group.lines, group.plans[group.cheapest].lines, strict=True):
            plans[line.pos] = lp
    chosen: list[tuple[Promotion, list[int]]] = []
    for search, best in solved:
        joined: list[list[int]] = [[] for _ in search.orders]
        for gi, (group, pi) in enumerate(zip(search.groups, best.choice, strict=True)):
            for li, (line, lp) in enumerate(zip(group.lines, group.plans[pi].lines, strict=True)):
                plans[line.pos] = lp
                for k, _ in search.joins(search.eligible[gi][pi][li], best.member):
                    joined[k].append(line.pos)
        chosen += [(o, sorted(joined[k])) for k, o in enumerate(search.orders) if best.member[k]]
    chosen.sort(key=lambda c: c[0].sort_key)
    discounts: dict[int, list[Discount]] = {
        pos: [_discount(p, amount, _item_text(p)) for p, amount in lp.discounts] for pos, lp in plans.items()
    }
    owed = {pos: lp.amount for pos, lp in plans.items()}
    for o, members in chosen:
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
                discounts[pos].append(_discount(o, share, text))
    by_id = {line.line.line_id: line.pos for line in lines}
    priced = []
    for cl in given:
        pos = by_id[cl.line_id]
        priced.append(PricedLine(cl.line_id, cl.sku, cl.amount, owed[pos], tuple(discounts[pos])))
    subtotal = sum(p.original for p in priced)
    total = sum(p.final for p in priced)
    return PricedCart(tuple(priced), subtotal, total, _summary(discounts, lines), exact)


def _item_text(p: Promotion) -> str:
    rule = p.rule
    assert not isinstance(rule, SpendSave | SpendPercent)
    return rule.text()


def _discount(p: Promotion, amount: int, text: str) -> Discount:
    return Discount(p.id, p.name, p.kind, amount, text)


def _summary(discounts: dict[int, list[Discount]], lines: list[_Line]) -> tuple[Discount, ...]:
    totals: dict[str, Discount] = {}
    for line in lines:
        for d in discounts[line.pos]:
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
