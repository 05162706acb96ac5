"""O2O orders (门店线上订单): their states and the steps between them, and 订单寻源 — which store
fulfils an order, and why. Pure: HQ's order center (``app.hq.orders``) feeds it plain values.

Routing: a store is a candidate when its O2O switch is on, it is open, it is within the delivery
radius (delivery orders) and it has every unit the order asks for available (stock on hand minus
what other orders hold minus the channel's safety stock). Among candidates the lowest score wins:
distance in metres plus a penalty per open order (its load). When no single store can fill the
order and the channel allows it, the order is split: the store filling most of what is still
missing, nearest first, takes its share, until all is covered (or nothing more can be). Every store
considered gets a line in the explanation."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time

from app.domain.errors import DomainError
from app.domain.money import line_amount

CHANNELS = ("own", "meituan", "eleme")
FULFILMENTS = ("pickup", "delivery")

# States a store sees (the contract), and HQ's own: received (taken in, not yet routed), pending
# (no store could take it yet), split (a parent)
RECEIVED = "received"
ASSIGNED = "assigned"
ACCEPTED = "accepted"
PICKING = "picking"
PACKED = "packed"
READY = "ready"
HANDED_OVER = "handed_over"
CANCELLED = "cancelled"
REASSIGNED = "reassigned"
REJECTED = "rejected"
PENDING = "pending"
SPLIT = "split"
#: an order in one of these is finished: nothing more happens to it
FINAL = frozenset({HANDED_OVER, CANCELLED, REJECTED, SPLIT})
#: an order in one of these is a store's work (its load)
OPEN = frozenset({ASSIGNED, ACCEPTED, PICKING, PACKED, READY})

#: step → (states it may be taken in, the state it leads to)
STEPS: dict[str, tuple[frozenset[str], str]] = {
    "accept": (frozenset({ASSIGNED}), ACCEPTED),
    "reject": (frozenset({ASSIGNED}), REJECTED),
    "start_pick": (frozenset({ACCEPTED}), PICKING),
    "packed": (frozenset({ACCEPTED, PICKING}), PACKED),
    "ready": (frozenset({PACKED}), READY),
    "rider_arrived": (frozenset({PACKED, READY}), ""),  # records the rider, the state stays
    "handed_over": (frozenset({READY}), HANDED_OVER),
}
REJECT_REASONS = ("sold_out", "closed", "too_busy")

#: a delivery order goes to a store within this many metres of the customer
DELIVERY_RADIUS_M = 5000
#: one open order weighs like this many metres of distance
LOAD_PENALTY_M = 300


def next_state(step: str, state: str) -> str | None:
    """The state ``step`` leads to from ``state`` ("" when the state stays), or None: not allowed."""
    allowed, to = STEPS[step]
    return to if state in allowed else None


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres."""
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def is_open(hours: Mapping[str, str] | None, at: time) -> bool:
    """Whether ``at`` (the store's local time) is within ``{"open": "HH:MM", "close": "HH:MM"}``
    (a close before the open runs past midnight); no hours: always open."""
    if not hours or not hours.get("open") or not hours.get("close"):
        return True
    opens, closes = time.fromisoformat(hours["open"]), time.fromisoformat(hours["close"])
    if opens <= closes:
        return opens <= at < closes
    return at >= opens or at < closes


def mask_phone(phone: str) -> str:
    """138****5678: what a store sees of a customer's phone."""
    digits = phone.strip()
    if len(digits) >= 7:
        return digits[:3] + "****" + digits[-4:]
    return "****"


@dataclass(frozen=True)
class Candidate:
    """One store as routing sees it. ``available``: units per SKU it may promise online."""

    store_id: int
    code: str
    lat: float | None
    lng: float | None
    enabled: bool
    open: bool
    load: int
    available: Mapping[str, int]


@dataclass(frozen=True)
class Considered:
    """Why a store was or was not taken."""

    store: str
    eligible: bool
    reason: str  # chosen | fills | short | o2o_off | closed | too_far | no_coordinates | excluded
    distance_m: int | None = None
    load: int = 0
    score: int | None = None
    short: Mapping[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"store": self.store, "eligible": self.eligible, "reason": self.reason,
                "distance_m": self.distance_m, "load": self.load, "score": self.score, "short": dict(self.short)}


@dataclass(frozen=True)
class Decision:
    """Routing's answer: the stores taking the order, each with its share (one unless split), and
    every store considered. No assignments: no store (or stores) can fill it."""

    assignments: tuple[tuple[Candidate, dict[str, int]], ...]
    considered: tuple[Considered, ...]
    split: bool = False

    @property
    def filled(self) -> bool:
        return bool(self.assignments)


def route(demand: Mapping[str, int], candidates: Sequence[Candidate], *, lat: float | None, lng: float | None,
          delivery: bool, allow_split: bool, excluded: frozenset[int] = frozenset(),
          radius_m: int = DELIVERY_RADIUS_M, prefer: int | None = None) -> Decision:
    """Choose the store (or stores) for ``demand`` (units per SKU, all > 0). ``prefer``: the store
    the channel sent the order to (a platform's shop) wins whenever it can fill the order."""
    considered: list[Considered] = []
    eligible: list[tuple[int, Candidate]] = []
    for c in candidates:
        distance = (round(haversine_m(lat, lng, c.lat, c.lng))
                    if lat is not None and lng is not None and c.lat is not None and c.lng is not None else None)
        reason = ""
        if c.store_id in excluded:
            reason = "excluded"
        elif not c.enabled:
            reason = "o2o_off"
        elif not c.open:
            reason = "closed"
        elif delivery and distance is None:
            reason = "no_coordinates"
        elif delivery and distance is not None and distance > radius_m:
            reason = "too_far"
        if reason:
            considered.append(Considered(c.code, False, reason, distance, c.load))
            continue
        score = (distance or 0) + c.load * LOAD_PENALTY_M
        eligible.append((score, c))
    eligible.sort(key=lambda sc: (sc[1].store_id != prefer, sc[0], sc[1].code))
    whole: Candidate | None = None
    notes: dict[str, Considered] = {}
    for score, c in eligible:
        short = {sku: qty - c.available.get(sku, 0) for sku, qty in demand.items() if c.available.get(sku, 0) < qty}
        distance = score - c.load * LOAD_PENALTY_M if score is not None else None
        if not short and whole is None:
            whole = c
            notes[c.code] = Considered(c.code, True, "chosen", distance, c.load, score)
        else:
            notes[c.code] = Considered(c.code, not short, "fills" if not short else "short", distance, c.load, score,
                                       short)
    if whole is not None:
        return Decision(((whole, dict(demand)),), tuple(considered + [notes[c.code] for _, c in eligible]))
    if not allow_split or not eligible:
        return Decision((), tuple(considered + [notes[c.code] for _, c in eligible]))
    # 拆单: greedily, the store covering the most of what is missing (ties: the better score)
    missing = dict(demand)
    shares: list[tuple[Candidate, dict[str, int]]] = []
    pool = list(eligible)
    while missing and pool:
        def cover(sc: tuple[int, Candidate]) -> tuple[int, int]:
            return (-sum(min(q, max(0, sc[1].available.get(sku, 0))) for sku, q in missing.items()), sc[0])
        pool.sort(key=cover)
        score, best = pool.pop(0)
        share = {sku: min(q, max(0, best.available.get(sku, 0))) for sku, q in missing.items()}
        share = {sku: q for sku, q in share.items() if q > 0}
        if not share:
            break
        shares.append((best, share))
        for sku, q in share.items():
            missing[sku] -= q
            if not missing[sku]:
                del missing[sku]
    if missing:
        return Decision((), tuple(considered + [notes[c.code] for _, c in eligible]))
    chosen = {c.code for c, _ in shares}
    explained = [Considered(n.store, n.eligible, "chosen" if n.store in chosen else n.reason, n.distance_m, n.load,
                            n.score, n.short) for n in (notes[c.code] for _, c in eligible)]
    return Decision(tuple(shares), tuple(considered + explained), split=True)


def short_refund(lines: Sequence[Mapping[str, int | None]], picked: Mapping[int, int]) -> dict[int, int]:
    """The refund per line for a short pick: a line's ``amount`` less what was picked of it (picked
    amounts as the store priced them, never more than the line), 0 when nothing is short."""
    refunds: dict[int, int] = {}
    for line in lines:
        no = int(line["line_no"] or 0)
        amount = int(line["amount"] or 0)
        got = picked.get(no, amount)
        refund = max(0, amount - max(0, got))
        if refund:
            refunds[no] = refund
    return refunds


# ---- the store's board ---------------------------------------------------------------------------
# A step the store takes moves the order there at once and reaches HQ afterwards (the board never
# waits on HQ), so the store's state may run ahead of HQ's feed for a while: ``ahead`` tells which
# of two states is further along.

PICKUP, DELIVERY = "pickup", "delivery"
#: HQ's last word on an order: the store's own progress never outranks it
_HQ_FINAL = frozenset({CANCELLED, REASSIGNED, REJECTED})
_RANK = {ASSIGNED: 0, ACCEPTED: 1, PICKING: 2, PACKED: 3, READY: 4, HANDED_OVER: 5}

# a line's pick
LINE_OPEN, LINE_PICKED, LINE_SHORT, LINE_SUBSTITUTED = "open", "picked", "short", "substituted"

# the board's columns: 待接单 → 拣货中 → 待打包 → 待取货/待配送 → 完成; 取消/异常 aside
NEW, PICKING_COLUMN, TO_PACK, WAITING, DONE, ASIDE = "new", "picking", "to_pack", "waiting", "done", "aside"
COLUMNS = (NEW, PICKING_COLUMN, TO_PACK, WAITING, DONE, ASIDE)
#: every state a store may hold an order in
STORE_STATES = (ASSIGNED, ACCEPTED, PICKING, PACKED, READY, HANDED_OVER, CANCELLED, REASSIGNED, REJECTED)


def ahead(mine: str, theirs: str) -> str:
    """The state to keep when HQ's feed says ``theirs`` and the store holds ``mine``: a handed-over
    order stays so; HQ's final word (cancelled, reassigned, rejected) wins; otherwise the one
    further along."""
    if mine == HANDED_OVER:
        return mine
    if theirs in _HQ_FINAL or mine not in _RANK:
        return theirs if theirs in _HQ_FINAL or mine not in _HQ_FINAL else mine
    return mine if _RANK[mine] >= _RANK.get(theirs, -1) else theirs


def check_step(state: str, step: str) -> str:
    """The state ``step`` leads to from ``state`` at the store, or the coded refusal."""
    if step not in STEPS:
        raise DomainError("o2o_step_unknown", status=422, step=step[:32])
    if state == CANCELLED:
        raise DomainError("o2o_order_cancelled", status=409)
    after = next_state(step, state)
    if after is None:
        raise DomainError("o2o_order_state", status=409, state=state, step=step)
    return after or state


def column(state: str, lines_done: bool) -> str:
    """The board's column for an order in ``state`` (``lines_done``: every line picked or settled)."""
    if state == ASSIGNED:
        return NEW
    if state in (ACCEPTED, PICKING):
        return TO_PACK if state == PICKING and lines_done else PICKING_COLUMN
    if state in (PACKED, READY):
        return WAITING
    if state == HANDED_OVER:
        return DONE
    return ASIDE


def picked_amount(unit_price: int, qty: int, weight_g: int | None) -> int:
    """What the picked goods cost at the price sold online: a weighed line by its actual weight
    (the price per kg), others by the count."""
    if weight_g is not None:
        return line_amount(unit_price, weight_g, 1000)
    return unit_price * qty


def check_pickup_code(expected: str | None, given: str | None) -> None:
    """自提码: the customer's code must match the order's."""
    if not expected or (given or "").strip() != expected:
        raise DomainError("pickup_code_wrong", status=422)


def mask_name(name: str) -> str:
    """The customer's name as a bag label shows it: 张** / J***."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * min(max(1, len(name) - 1), 3)
