"""促销 (promotions): what a promotion is, who it is for, and a book that finds the ones a cart can use.

The arithmetic of choosing the best combination lives in ``app.domain.pricing``; this module holds
the definitions, their validation (``InvalidPromotion``, code ``invalid_promotion`` with a stable
``reason``) and ``PromotionBook``, an index built once from the active set and reused per cart.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from app.domain.errors import DomainError
from app.domain.money import MAX_AMOUNT


class InvalidPromotion(DomainError):
    """A promotion definition that cannot be priced; ``params['reason']`` says why (stable)."""

    code = "invalid_promotion"


class Kind(enum.StrEnum):
    PRICE_CUT = "price_cut"  # 特价
    MEMBER_PRICE = "member_price"  # 会员价
    NTH_ITEM = "nth_item"  # 第二件半价
    BUY_GET = "buy_get"  # 买赠
    BUNDLE = "bundle"  # 组合 / 套餐
    ADD_ON = "add_on"  # 加价购
    SPEND_SAVE = "spend_save"  # 满减
    SPEND_PERCENT = "spend_percent"  # 满折


#: Kinds that set a line's unit price; a line has at most one price.
PRICE_KINDS = frozenset({Kind.PRICE_CUT, Kind.MEMBER_PRICE})
#: Kinds that count pieces across lines; a line takes part in at most one.
COUNT_KINDS = frozenset({Kind.NTH_ITEM, Kind.BUY_GET, Kind.BUNDLE})
#: Order-level kinds, computed on amounts after item-level discounts.
ORDER_KINDS = frozenset({Kind.ADD_ON, Kind.SPEND_SAVE, Kind.SPEND_PERCENT})
ITEM_KINDS = PRICE_KINDS | COUNT_KINDS

#: Application order: prices, then counted deals, then 加价购, 满减, 满折.
KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


class Tier(enum.StrEnum):
    NORMAL = "normal"  # 普通
    SILVER = "silver"  # 银卡
    GOLD = "gold"  # 金卡
    DIAMOND = "diamond"  # 钻石


def _fail(promotion_id: str, reason: str, **params: Any) -> InvalidPromotion:
    return InvalidPromotion(promotion=promotion_id, reason=reason, **params)


def _is_fen(value: object, *, low: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= MAX_AMOUNT


def _is_rate(value: object, *, low: int = 1) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= 99


def pay_at(unit_price: int, percent: int) -> int:
    """What a unit costs at ``percent`` of its price (88 → 8.8折), half-up to the fen."""
    return (unit_price * percent + 50) // 100


def yuan_text(fen: int) -> str:
    """10000 → '100', 1050 → '10.5', 105 → '1.05': amounts as a shopper reads them on a poster."""
    yuan, rest = divmod(fen, 100)
    if rest == 0:
        return str(yuan)
    return f"{yuan}.{rest // 10}" if rest % 10 == 0 else f"{yuan}.{rest:02d}"


def zhe_text(percent: int) -> str:
    """88 → '8.8折', 50 → '5折', 0 → '免费'."""
    if percent == 0:
        return "免费"
    return f"{percent // 10}折" if percent % 10 == 0 else f"{percent // 10}.{percent % 10}折"


# ---------------------------------------------------------------------------------------------
# What a promotion targets, and when and for whom it runs


@dataclass(frozen=True, slots=True)
class Scope:
    """Which goods: listed SKUs, categories or brands (or everything), minus exclusions."""

    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    everything: bool = False
    exclude_skus: frozenset[str] = frozenset()
    exclude_categories: frozenset[str] = frozenset()
    exclude_brands: frozenset[str] = frozenset()

    @classmethod
    def of_skus(cls, *skus: str) -> Scope:
        return cls(skus=frozenset(skus))

    @classmethod
    def of_categories(cls, *categories: str) -> Scope:
        return cls(categories=frozenset(categories))

    @classmethod
    def of_brands(cls, *brands: str) -> Scope:
        return cls(brands=frozenset(brands))

    @classmethod
    def all(cls, *, exclude_skus: Iterable[str] = (), exclude_categories: Iterable[str] = ()) -> Scope:
        return cls(everything=True, exclude_skus=frozenset(exclude_skus),
                   exclude_categories=frozenset(exclude_categories))

    @property
    def empty(self) -> bool:
        return not (self.everything or self.skus or self.categories or self.brands)

    def matches(self, sku: str, category: str, brand: str) -> bool:
        if sku in self.exclude_skus or category in self.exclude_categories or brand in self.exclude_brands:
            return False
        return self.everything or sku in self.skus or category in self.categories or brand in self.brands


@dataclass(frozen=True, slots=True)
class Stacking:
    """叠加: exclusive (nothing else on the same line), or stackable with named promotions or kinds.

    Two promotions may both discount one line only if each allows the other: ``with_all``, the
    other's id in ``with_ids``, or its kind in ``with_kinds``. The default stacks with nothing, so
    competing promotions are chosen between, never added.
    """

    exclusive: bool = False
    with_ids: frozenset[str] = frozenset()
    with_kinds: frozenset[Kind] = frozenset()
    with_all: bool = False

    @classmethod
    def alone(cls) -> Stacking:
        return cls(exclusive=True)

    @classmethod
    def with_anything(cls) -> Stacking:
        return cls(with_all=True)

    @classmethod
    def with_(cls, *kinds_or_ids: Kind | str) -> Stacking:
        kinds = frozenset(k for k in kinds_or_ids if isinstance(k, Kind))
        ids = frozenset(k for k in kinds_or_ids if not isinstance(k, Kind))
        return cls(with_ids=ids, with_kinds=kinds)


@dataclass(frozen=True, slots=True)
class Window:
    """Dates and daily hours, in the store's local time. ``ends`` is exclusive; hours may cross midnight."""

    starts: datetime | None = None
    ends: datetime | None = None
    hours: tuple[tuple[time, time], ...] = ()
    weekdays: frozenset[int] = frozenset()  # ISO 1 = Monday … 7; empty = every day

    def contains(self, moment: datetime) -> bool:
        if self.starts is not None and moment < self.starts:
            return False
        if self.ends is not None and moment >= self.ends:
            return False
        if self.weekdays and moment.isoweekday() not in self.weekdays:
            return False
        if not self.hours:
            return True
        now = moment.time()
        return any((a <= now < b) if a < b else (now >= a or now < b) for a, b in self.hours)


# ---------------------------------------------------------------------------------------------
# The rules, one small dataclass per kind


@dataclass(frozen=True, slots=True)
class PriceCut:
    """特价: a new unit price (per kg for weighed goods), or a percent of the price (88 = 8.8折)."""

    price: int | None = None
    percent: int | None = None

    kind = Kind.PRICE_CUT

    def unit_price(self, original: int) -> int:
        return self.price if self.price is not None else pay_at(original, self.percent or 0)

    def text(self) -> str:
        return f"特价￥{yuan_text(self.price)}" if self.price is not None else f"特价{zhe_text(self.percent or 0)}"

    def check(self, pid: str) -> None:
        if (self.price is None) == (self.percent is None):
            raise _fail(pid, "price_or_percent")
        if self.price is not None and not _is_fen(self.price):
            raise _fail(pid, "bad_price", price=self.price)
        if self.percent is not None and not _is_rate(self.percent):
            raise _fail(pid, "bad_percent", percent=self.percent)


@dataclass(frozen=True, slots=True)
class MemberPrice:
    """会员价: a member's unit price — a fixed price, a percent, a percent per tier, or (none of
    these) the SKU's own catalog member price from the cart line. Never applies without a member."""

    price: int | None = None
    percent: int | None = None
    percent_by_tier: tuple[tuple[Tier, int], ...] = ()

    kind = Kind.MEMBER_PRICE

    def unit_price_for(self, original: int, tier: str, catalog_member_price: int | None) -> int | None:
        if self.price is not None:
            return self.price
        if self.percent is not None:
            return pay_at(original, self.percent)
        if self.percent_by_tier:
            rate = dict(self.percent_by_tier).get(Tier(tier))
            return None if rate is None else pay_at(original, rate)
        return catalog_member_price

    def text(self) -> str:
        return "会员价"

    def check(self, pid: str) -> None:
        given = sum(x is not None and x != () for x in (self.price, self.percent, self.percent_by_tier or None))
        if given > 1:
            raise _fail(pid, "price_or_percent")
        if self.price is not None and not _is_fen(self.price):
            raise _fail(pid, "bad_price", price=self.price)
        if self.percent is not None and not _is_rate(self.percent):
            raise _fail(pid, "bad_percent", percent=self.percent)
        for tier, rate in self.percent_by_tier:
            if tier not in set(Tier) or not _is_rate(rate):
                raise _fail(pid, "bad_percent", tier=tier, percent=rate)


@dataclass(frozen=True, slots=True)
class NthItem:
    """第N件M折: every ``n``-th piece pays ``percent`` of its price (n=2, percent=50: 第二件半价)."""

    n: int = 2
    percent: int = 50

    kind = Kind.NTH_ITEM

    def text(self) -> str:
        return f"第{self.n}件{zhe_text(self.percent)}"

    def check(self, pid: str) -> None:
        if not isinstance(self.n, int) or not 2 <= self.n <= 99:
            raise _fail(pid, "bad_count", n=self.n)
        if not _is_rate(self.percent, low=0):
            raise _fail(pid, "bad_percent", percent=self.percent)


@dataclass(frozen=True, slots=True)
class BuyGet:
    """买赠: buy ``buy`` pieces, get ``get`` free — from the same goods, or (``gift``) from a target group.

    Same goods: in each run of buy+get pieces (dearest first) the cheapest ``get`` are free.
    Target group: every ``buy`` pieces bought earn ``get`` free gift pieces, the cheapest in the cart.
    """

    buy: int
    get: int = 1
    gift: Scope | None = None

    kind = Kind.BUY_GET

    def text(self) -> str:
        return f"买{self.buy}赠{self.get}"

    def check(self, pid: str) -> None:
        if not isinstance(self.buy, int) or not isinstance(self.get, int) or not (
            1 <= self.buy <= 99 and 1 <= self.get <= 99
        ):
            raise _fail(pid, "bad_count", buy=self.buy, get=self.get)
        if self.gift is not None and self.gift.empty:
            raise _fail(pid, "empty_scope")


@dataclass(frozen=True, slots=True)
class Bundle:
    """组合 / 套餐: any ``count`` pieces from the scope for ``price`` fen, dearest pieces first."""

    count: int
    price: int

    kind = Kind.BUNDLE

    def text(self) -> str:
        return f"任选{self.count}件￥{yuan_text(self.price)}"

    def check(self, pid: str) -> None:
        if not isinstance(self.count, int) or not 2 <= self.count <= 99:
            raise _fail(pid, "bad_count", count=self.count)
        if not _is_fen(self.price, low=1):
            raise _fail(pid, "bad_price", price=self.price)


@dataclass(frozen=True, slots=True)
class SpendSave:
    """满减: tiers (spend ≥ threshold → off), or 每满 ``every`` fen → ``off`` (capped by ``max_off``)."""

    tiers: tuple[tuple[int, int], ...] = ()
    every: int | None = None
    off: int | None = None
    max_off: int | None = None

    kind = Kind.SPEND_SAVE

    @property
    def threshold(self) -> int:
        return self.tiers[0][0] if self.tiers else (self.every or 0)

    def discount(self, spend: int) -> int:
        if self.every is not None and self.off is not None:
            off = spend // self.every * self.off
            return off if self.max_off is None else min(off, self.max_off)
        reached = [off for threshold, off in self.tiers if spend >= threshold]
        return reached[-1] if reached else 0

    def text(self, spend: int) -> str:
        if self.every is not None:
            return f"每满{yuan_text(self.every)}减{yuan_text(self.off or 0)}"
        reached = [(t, off) for t, off in self.tiers if spend >= t] or self.tiers[:1]
        threshold, off = reached[-1]
        return f"满{yuan_text(threshold)}减{yuan_text(off)}"

    def check(self, pid: str) -> None:
        if self.tiers and self.every is not None:
            raise _fail(pid, "tiers_or_every")
        if self.every is not None:
            if not (_is_fen(self.every, low=1) and _is_fen(self.off, low=1)) or (self.off or 0) >= self.every:
                raise _fail(pid, "bad_tier", every=self.every, off=self.off)
            if self.max_off is not None and not _is_fen(self.max_off, low=self.off or 1):
                raise _fail(pid, "bad_tier", max_off=self.max_off)
            return
        if not self.tiers:
            raise _fail(pid, "no_tiers")
        previous = (0, 0)
        for threshold, off in self.tiers:
            if not (_is_fen(threshold, low=1) and _is_fen(off, low=1)) or off >= threshold:
                raise _fail(pid, "bad_tier", threshold=threshold, off=off)
            if threshold <= previous[0] or off <= previous[1]:
                raise _fail(pid, "tiers_not_increasing", threshold=threshold, off=off)
            previous = (threshold, off)


@dataclass(frozen=True, slots=True)
class SpendPercent:
    """满折: spend ≥ threshold → pay ``percent`` of it (90 = 9折); higher tiers pay a lower percent."""

    tiers: tuple[tuple[int, int], ...]

    kind = Kind.SPEND_PERCENT

    @property
    def threshold(self) -> int:
        return self.tiers[0][0]

    def discount(self, spend: int) -> int:
        reached = [rate for threshold, rate in self.tiers if spend >= threshold]
        return spend - pay_at(spend, reached[-1]) if reached else 0

    def text(self, spend: int) -> str:
        reached = [(t, rate) for t, rate in self.tiers if spend >= t] or self.tiers[:1]
        threshold, rate = reached[-1]
        return f"满{yuan_text(threshold)}打{zhe_text(rate)}"

    def check(self, pid: str) -> None:
        if not self.tiers:
            raise _fail(pid, "no_tiers")
        previous = (-1, 100)
        for threshold, rate in self.tiers:
            if not _is_fen(threshold) or not _is_rate(rate):
                raise _fail(pid, "bad_tier", threshold=threshold, percent=rate)
            if threshold <= previous[0] or rate >= previous[1]:
                raise _fail(pid, "tiers_not_increasing", threshold=threshold, percent=rate)
            previous = (threshold, rate)


@dataclass(frozen=True, slots=True)
class AddOn:
    """加价购: spend ≥ ``threshold`` on the scope, then up to ``max_quantity`` of the ``targets`` cost
    ``price`` each — only if they are in the cart. The targets don't count toward the spend, and
    while the deal is chosen they take part in no other order-level promotion (换购品不参与满减满折)."""

    threshold: int
    targets: frozenset[str]
    price: int
    max_quantity: int = 1

    kind = Kind.ADD_ON

    def text(self) -> str:
        return f"满{yuan_text(self.threshold)}加{yuan_text(self.price)}元换购"

    def check(self, pid: str) -> None:
        if not self.targets:
            raise _fail(pid, "empty_scope")
        if not _is_fen(self.threshold, low=1) or not _is_fen(self.price):
            raise _fail(pid, "bad_price", threshold=self.threshold, price=self.price)
        if not isinstance(self.max_quantity, int) or not 1 <= self.max_quantity <= 99:
            raise _fail(pid, "bad_count", max_quantity=self.max_quantity)


Rule = PriceCut | MemberPrice | NthItem | BuyGet | Bundle | SpendSave | SpendPercent | AddOn


@dataclass(frozen=True, slots=True, eq=False)
class Promotion:
    """One promotion as HQ defines it. Empty ``channels`` / ``stores`` + ``store_groups`` / ``tiers``
    mean "all"; a non-empty ``tiers`` means members of those tiers only. Identity is ``id``."""

    id: str
    name: str
    rule: Rule
    scope: Scope = field(default_factory=Scope.all)
    channels: frozenset[str] = frozenset()
    stores: frozenset[str] = frozenset()
    store_groups: frozenset[str] = frozenset()
    window: Window = field(default_factory=Window)
    tiers: frozenset[str] = frozenset()
    priority: int = 0
    stacking: Stacking = field(default_factory=Stacking)

    def __post_init__(self) -> None:
        pid = self.id
        if not isinstance(pid, str) or not pid:
            raise _fail(str(pid), "missing_id")
        if not isinstance(self.name, str) or not self.name.strip():
            raise _fail(pid, "missing_name")
        if not isinstance(self.rule, Rule):
            raise _fail(pid, "unknown_kind", rule=type(self.rule).__name__)
        if self.scope.empty:
            raise _fail(pid, "empty_scope")
        self.rule.check(pid)
        bad_tiers = set(self.tiers) - set(Tier)
        if bad_tiers:
            raise _fail(pid, "unknown_tier", tiers=sorted(bad_tiers))
        w = self.window
        if w.starts is not None and w.ends is not None and w.ends <= w.starts:
            raise _fail(pid, "empty_window")
        if any(a == b for a, b in w.hours) or any(not 1 <= d <= 7 for d in w.weekdays):
            raise _fail(pid, "bad_hours")
        if isinstance(self.priority, bool) or not isinstance(self.priority, int):
            raise _fail(pid, "bad_priority")

    def __hash__(self) -> int:
        return hash(self.id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Promotion) and other.id == self.id

    @property
    def kind(self) -> Kind:
        return self.rule.kind

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Application order: by kind, then higher priority first, then id."""
        return (KIND_ORDER[self.kind], -self.priority, self.id)

    def allows(self, other: Promotion) -> bool:
        s = self.stacking
        return not s.exclusive and (s.with_all or other.id in s.with_ids or other.kind in s.with_kinds)

    def runs_for(self, channel: str, store: str, store_group: str, moment: datetime, tier: str | None) -> bool:
        """Whether this promotion is on for that channel, store, moment and member tier."""
        return self.serves(channel, store, store_group, tier) and self.window.contains(moment)

    def serves(self, channel: str, store: str, store_group: str, tier: str | None) -> bool:
        """Whether this promotion is for that channel, store and member tier (at some moment)."""
        if self.channels and channel not in self.channels:
            return False
        if (self.stores or self.store_groups) and store not in self.stores and store_group not in self.store_groups:
            return False
        if self.tiers and tier not in self.tiers:
            return False
        return self.kind is not Kind.MEMBER_PRICE or tier is not None

    def reaches(self, sku: str, category: str, brand: str) -> bool:
        """Whether a line of these goods takes part at all (scope, gift group or add-on targets)."""
        rule = self.rule
        if isinstance(rule, AddOn) and sku in rule.targets:
            return True
        if isinstance(rule, BuyGet) and rule.gift is not None and rule.gift.matches(sku, category, brand):
            return True
        return self.scope.matches(sku, category, brand)


def compatible(a: Promotion, b: Promotion) -> bool:
    """Whether ``a`` and ``b`` may both discount the same line (each must allow the other)."""
    return a.allows(b) and b.allows(a)


#: The SKU's catalog member price (``CartLine.member_price``), offered to any member.
CATALOG_MEMBER_PRICE = Promotion(
    id="catalog_member_price", name="会员价", rule=MemberPrice(), stacking=Stacking.with_anything()
)


#: Audiences (channel, store, store group, tier) whose narrowed book a ``PromotionBook`` keeps.
SERVING_CACHE = 16


class PromotionBook:
    """The active promotions, indexed once by SKU, category and brand; reuse it for every cart."""

    __slots__ = ("promotions", "_by_sku", "_by_category", "_by_brand", "_everywhere", "_serving")

    def __init__(self, promotions: Iterable[Promotion]) -> None:
        self.promotions: tuple[Promotion, ...] = tuple(sorted(promotions, key=lambda p: p.sort_key))
        self._serving: dict[tuple[str, str, str, str | None], PromotionBook] = {}
        self._by_sku: dict[str, list[Promotion]] = {}
        self._by_category: dict[str, list[Promotion]] = {}
        self._by_brand: dict[str, list[Promotion]] = {}
        self._everywhere: list[Promotion] = []
        seen: set[str] = set()
        for p in self.promotions:
            if not isinstance(p, Promotion):
                raise InvalidPromotion(reason="not_a_promotion")
            if p.id in seen or p.id == CATALOG_MEMBER_PRICE.id:
                raise _fail(p.id, "duplicate_id")
            seen.add(p.id)
            scopes = [p.scope]
            if isinstance(p.rule, BuyGet) and p.rule.gift is not None:
                scopes.append(p.rule.gift)
            if isinstance(p.rule, AddOn):
                scopes.append(Scope(skus=p.rule.targets))
            for scope in scopes:
                if scope.everything:
                    self._everywhere.append(p)
                for sku in scope.skus:
                    self._by_sku.setdefault(sku, []).append(p)
                for category in scope.categories:
                    self._by_category.setdefault(category, []).append(p)
                for brand in scope.brands:
                    self._by_brand.setdefault(brand, []).append(p)

    def __len__(self) -> int:
        return len(self.promotions)

    def serving(self, channel: str, store: str, store_group: str, tier: str | None) -> PromotionBook:
        """The book narrowed to the promotions that ``serve`` this audience (windows still unchecked).

        A till prices every cart for the same channel and store and a handful of tiers, so the
        narrowed books are kept: a cart then looks at the few promotions that can run for it.
        """
        key = (channel, store, store_group, tier)
        narrowed = self._serving.get(key)
        if narrowed is None:
            narrowed = PromotionBook(p for p in self.promotions if p.serves(channel, store, store_group, tier))
            if len(self._serving) >= SERVING_CACHE:
                self._serving.clear()
            self._serving[key] = narrowed
        return narrowed

    def candidates(self, sku: str, category: str, brand: str) -> Iterator[Promotion]:
        """Index hits for these goods, unchecked and possibly repeated: filter cheaply, then ``reaches``."""
        yield from self._listed(sku, category, brand)
        yield from self._everywhere

    def reaching(self, sku: str, category: str, brand: str) -> list[Promotion]:
        """Promotions whose scope, gift group or add-on targets take in these goods (any context)."""
        return _reaching(self.candidates(sku, category, brand), sku, category, brand)

    @property
    def everywhere(self) -> Sequence[Promotion]:
        """The promotions whose scope or gift group is all goods (bar exclusions): hits for any goods."""
        return self._everywhere

    def listed_reaching(self, sku: str, category: str, brand: str) -> list[Promotion]:
        """``reaching`` among the hits under these goods' SKU, category and brand, in the same order:
        all of it but what only ``everywhere`` brings."""
        return _reaching(self._listed(sku, category, brand), sku, category, brand)

    def _listed(self, sku: str, category: str, brand: str) -> Iterator[Promotion]:
        for bucket in (self._by_sku.get(sku), self._by_category.get(category), self._by_brand.get(brand)):
            if bucket:
                yield from bucket


def _reaching(candidates: Iterable[Promotion], sku: str, category: str, brand: str) -> list[Promotion]:
    """The ``candidates`` that reach these goods, each once, in order."""
    found: dict[str, Promotion] = {}
    for p in candidates:
        if p.id not in found and p.reaches(sku, category, brand):
            found[p.id] = p
    return list(found.values())
