"""线上订单 at the store: an online order's states, which step may follow which, the board's
columns, and what a picked line costs — stated once, for the store server and the board alike.

HQ owns the order; the store works it. A step the store takes moves the order here at once and
reaches HQ afterwards (the board never waits on HQ), so the store's state may run ahead of HQ's
feed for a while: ``ahead`` tells which of two states is further along.
"""

from __future__ import annotations

from app.domain.errors import DomainError
from app.domain.money import line_amount

ASSIGNED, ACCEPTED, PICKING, PACKED, READY = "assigned", "accepted", "picking", "packed", "ready"
HANDED_OVER, CANCELLED, REASSIGNED, REJECTED = "handed_over", "cancelled", "reassigned", "rejected"
STATES = (ASSIGNED, ACCEPTED, PICKING, PACKED, READY, HANDED_OVER, CANCELLED, REASSIGNED, REJECTED)
#: states after which nothing more happens to the order here
FINAL = frozenset({HANDED_OVER, CANCELLED, REASSIGNED, REJECTED})
_RANK = {ASSIGNED: 0, ACCEPTED: 1, PICKING: 2, PACKED: 3, READY: 4, HANDED_OVER: 5}

CHANNELS = ("own", "meituan", "eleme")
PICKUP, DELIVERY = "pickup", "delivery"
REJECT_REASONS = ("sold_out", "closed", "too_busy")

#: the steps the store tells HQ, and the states each may be taken from
STEPS: dict[str, frozenset[str]] = {
    "accept": frozenset({ASSIGNED}),
    "reject": frozenset({ASSIGNED}),
    "start_pick": frozenset({ACCEPTED}),
    "packed": frozenset({PICKING}),
    "ready": frozenset({PACKED}),
    "rider_arrived": frozenset({PACKED, READY}),
    "handed_over": frozenset({PACKED, READY}),
}
#: the state a step leads to (rider_arrived leaves the state as it is)
AFTER = {"accept": ACCEPTED, "reject": REJECTED, "start_pick": PICKING, "packed": PACKED, "ready": READY,
         "handed_over": HANDED_OVER}

# a line's pick
OPEN, PICKED, SHORT, SUBSTITUTED = "open", "picked", "short", "substituted"

# the board's columns: 待接单 → 拣货中 → 待打包 → 待取货/待配送 → 完成; 取消/异常 aside
NEW, PICKING_COLUMN, TO_PACK, WAITING, DONE, ASIDE = "new", "picking", "to_pack", "waiting", "done", "aside"
COLUMNS = (NEW, PICKING_COLUMN, TO_PACK, WAITING, DONE, ASIDE)


def ahead(mine: str, theirs: str) -> str:
    """The state to keep when HQ's feed says ``theirs`` and the store holds ``mine``: HQ's final
    word (cancelled, reassigned, rejected) wins; otherwise the one further along."""
    if mine == HANDED_OVER:
        return mine
    if theirs in (CANCELLED, REASSIGNED, REJECTED):
        return theirs
    if mine in FINAL:
        return mine
    return mine if _RANK[mine] >= _RANK.get(theirs, -1) else theirs


def check_step(state: str, step: str) -> str:
    """The state ``step`` leads to from ``state``, or the coded refusal."""
    if step not in STEPS:
        raise DomainError("o2o_step_unknown", status=422, step=step[:32])
    if state == CANCELLED:
        raise DomainError("o2o_order_cancelled", status=409)
    if state not in STEPS[step]:
        raise DomainError("o2o_order_state", status=409, state=state, step=step)
    return AFTER.get(step, state)


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
