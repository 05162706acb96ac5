"""订单寻源 at HQ: the candidates read from HQ's view of the stores (stock on hand from their
``stock_moved`` events, what open orders reserve, each channel's safety stock, coordinates, hours,
the O2O switch, open orders), the choice made by ``app.domain.o2o.route``, and its effects: the
order assigned (or split into parts), its stock reserved, the decision explained in its history,
the store told through the feed."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.domain import o2o
from app.hq import clock
from app.hq.engine import is_postgres
from app.hq.models import O2OChannel, O2OHistory, O2OOrder, O2OReservation, Store, StoreStock
from app.hq.orders import feed


def demand_of(lines: list[dict[str, Any]]) -> dict[str, int]:
    """Units of stock per SKU the lines take (a weighed line: its grams)."""
    demand: dict[str, int] = defaultdict(int)
    for line in lines:
        demand[line["sku"]] += int(line["stock_qty"])
    return dict(demand)


#: one round trip for every candidate on PostgreSQL: the stores in question first (the one asked
#: for, or those in the delivery radius's bounding box), then for each of them its load and, per SKU
#: asked for, what it may promise (stock read by index probes of ``ix_store_stock_sku`` on (sku,
#: store), what open orders hold by ``ix_o2o_reservations_sku_store``) — never every store's stock
CANDIDATES_SQL = """
SELECT s.id, s.code, s.lat, s.lng, s.o2o_enabled, s.opening_hours, load.n, stock.skus, stock.qty
FROM stores s
LEFT JOIN LATERAL (
    SELECT array_agg(a.sku) AS skus, array_agg(a.qty) AS qty FROM (
        SELECT ss.sku, ss.quantity - coalesce(h.held, 0) - :safety AS qty
        FROM store_stock ss CROSS JOIN LATERAL (
            SELECT CAST(sum(r.quantity) AS bigint) AS held FROM o2o_reservations r
            WHERE r.sku = ss.sku AND r.store_id = ss.store_id
        ) h
        WHERE ss.sku = ANY(:skus) AND ss.store_id = s.id
    ) a WHERE a.qty > 0
) stock ON true
CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM o2o_orders o WHERE o.store_id = s.id AND o.state = ANY(:open)
) load
WHERE s.secret_nonce IS NOT NULL AND NOT s.disabled
  AND (CAST(:only AS integer) IS NULL OR s.id = :only)
  AND (CAST(:lat0 AS double precision) IS NULL OR (s.lat BETWEEN :lat0 AND :lat1 AND s.lng BETWEEN :lng0 AND :lng1))
"""

_CANDIDATES = text(CANDIDATES_SQL)  # parsed once: the routing's one query is on every order's path


def candidates(session: Session, skus: list[str], channel: O2OChannel, only: Store | None = None,
               at: datetime | None = None, near: tuple[float, float] | None = None,
               radius_m: int = o2o.DELIVERY_RADIUS_M) -> list[o2o.Candidate]:
    """Every store that could take an order for ``skus`` (or just ``only``; with ``near``, only the
    stores within ``radius_m`` of it by a bounding box), as routing sees it: per SKU what it may
    promise online — on hand, less what open orders hold, less the channel's safety stock."""
    local = clock.aware(at or clock.now()).astimezone(clock.BUSINESS_TZ).time()
    box: tuple[float | None, ...] = (None, None, None, None)
    if near is not None and only is None:
        dlat = radius_m / 111_000
        dlng = radius_m / (111_000 * max(0.1, math.cos(math.radians(near[0]))))
        box = (near[0] - dlat, near[0] + dlat, near[1] - dlng, near[1] + dlng)
    if is_postgres(session):
        rows = session.execute(_CANDIDATES, {
            "skus": skus, "safety": channel.safety_stock, "open": sorted(o2o.OPEN),
            "only": only.id if only is not None else None,
            "lat0": box[0], "lat1": box[1], "lng0": box[2], "lng1": box[3]}).all()
        session.info.setdefault(CODES, {}).update((r[0], r[1]) for r in rows)
        return [o2o.Candidate(r[0], r[1], r[2], r[3], bool(r[4]), o2o.is_open(r[5], local), int(r[6]),
                              dict(zip(r[7], (int(q) for q in r[8]), strict=True)) if r[7] else {})
                for r in rows]
    return _candidates_portable(session, skus, channel, only, box, local)


def _candidates_portable(session: Session, skus: list[str], channel: O2OChannel, only: Store | None,
                         box: tuple[float | None, ...], local: time) -> list[o2o.Candidate]:
    """The same through SQLAlchemy's portable constructs, for the SQLite demo."""
    query = select(Store.id, Store.code, Store.lat, Store.lng, Store.o2o_enabled, Store.opening_hours).where(
        Store.secret_nonce.is_not(None), Store.disabled.is_(False))
    if only is not None:
        query = query.where(Store.id == only.id)
    elif box[0] is not None:
        query = query.where(Store.lat.between(box[0], box[1]), Store.lng.between(box[2], box[3]))
    stores = session.execute(query).all()
    wanted = {s.id for s in stores}
    stock: dict[int, dict[str, int]] = defaultdict(dict)
    for store_id, sku, quantity in session.execute(
            select(StoreStock.store_id, StoreStock.sku, StoreStock.quantity).where(StoreStock.sku.in_(skus))):
        if store_id in wanted:
            stock[store_id][sku] = int(quantity) - channel.safety_stock
    for store_id, sku, quantity in session.execute(
            select(O2OReservation.store_id, O2OReservation.sku, func.sum(O2OReservation.quantity))
            .where(O2OReservation.sku.in_(skus)).group_by(O2OReservation.store_id, O2OReservation.sku)):
        if store_id in wanted:
            stock[store_id][sku] = stock[store_id].get(sku, -channel.safety_stock) - int(quantity)
    load = dict(session.execute(select(O2OOrder.store_id, func.count()).where(O2OOrder.state.in_(o2o.OPEN))
                                .group_by(O2OOrder.store_id)).all())
    return [o2o.Candidate(s.id, s.code, s.lat, s.lng, bool(s.o2o_enabled), o2o.is_open(s.opening_hours, local),
                          int(load.get(s.id, 0)), {k: v for k, v in stock.get(s.id, {}).items() if v > 0})
            for s in stores]


#: an order's routing history lists at most this many stores by name (the best first)
EXPLAINED = 30


def explain(decision: o2o.Decision, demand: dict[str, int]) -> dict[str, Any]:
    """The decision for the order's history: the stores that won or came closest, by name, with
    why; how many others were passed over for each reason."""
    named = sorted(decision.considered, key=lambda c: (c.reason != "chosen", not c.eligible,
                                                       c.score if c.score is not None else 1 << 62))
    others: dict[str, int] = defaultdict(int)
    for c in named[EXPLAINED:]:
        others[c.reason] += 1
    return {"demand": demand, "considered": [c.as_dict() for c in named[:EXPLAINED]], "others": dict(others)}


#: ``session.info`` keys: the history written in the session, once :func:`keep_written` asked for it
#: (an order taken in answers its history without reading it back); the stores' codes routing read
WRITTEN = "o2o_history_written"
CODES = "o2o_store_codes"


def keep_written(session: Session) -> None:
    session.info[WRITTEN] = []


def note(session: Session, order: O2OOrder, kind: str, detail: dict[str, Any]) -> None:
    entry = O2OHistory(order_id=order.id, at=clock.now(), kind=kind, detail=detail)
    session.add(entry)
    if WRITTEN in session.info:
        session.info[WRITTEN].append(entry)


def history(session: Session, order: O2OOrder, parts: list[O2OOrder] | None = None) -> list[dict[str, Any]]:
    """The order's history (and its parts'), oldest first."""
    written: list[O2OHistory] = session.info.get(WRITTEN) or []
    if not parts and any(h.order_id == order.id and h.kind == "received" for h in written) \
            and all(h.id is not None for h in written):
        entries = sorted((h for h in written if h.order_id == order.id), key=lambda h: h.id)  # all of it: new here
    else:
        ids = [order.id, *(p.id for p in parts or [])]
        entries = list(session.scalars(select(O2OHistory).where(O2OHistory.order_id.in_(ids))
                                       .order_by(O2OHistory.id)))
    return [{"order_id": h.order_id, "at": clock.aware(h.at).isoformat(), "kind": h.kind, "detail": h.detail}
            for h in entries]


def reserve(session: Session, order: O2OOrder) -> None:
    assert order.store_id is not None
    for sku, quantity in demand_of(order.lines).items():
        session.add(O2OReservation(order_id=order.id, sku=sku, store_id=order.store_id, quantity=quantity))


def release(session: Session, order: O2OOrder) -> None:
    session.execute(delete(O2OReservation).where(O2OReservation.order_id == order.id))


def decide(session: Session, order: O2OOrder, channel: O2OChannel, only: Store | None = None,
           prefer: Store | None = None) -> tuple[o2o.Decision, dict[str, int]]:
    """Where ``order`` would go (nothing written): the decision and the demand it was made for."""
    demand = demand_of(order.lines)
    near = None
    if order.fulfilment == "delivery" and order.lat is not None and order.lng is not None and only is None:
        near = (order.lat, order.lng)  # stores beyond the delivery radius are not candidates at all
    found = candidates(session, sorted(demand), channel, only, near=near)
    decision = o2o.route(demand, found, lat=order.lat, lng=order.lng,
                         delivery=order.fulfilment == "delivery",
                         allow_split=channel.allow_split and only is None and order.parent_id is None,
                         excluded=frozenset(order.excluded or ()), prefer=prefer.id if prefer else None)
    return decision, demand


def assign(session: Session, order: O2OOrder, channel: O2OChannel, only: Store | None = None,
           prefer: Store | None = None) -> o2o.Decision:
    """Route ``order`` (no store yet): assigned to the store chosen, split into parts, or left
    ``pending`` when no store can fill it. The decision is in the order's history either way."""
    decision, demand = decide(session, order, channel, only, prefer)
    explained = explain(decision, demand)
    if not decision.filled:
        order.state, order.store_id, order.accept_by, order.updated_at = o2o.PENDING, None, None, clock.now()
        note(session, order, "unrouted", explained)
        return decision
    now = clock.now()
    if not decision.split:
        store, _ = decision.assignments[0]
        _give(session, order, store.store_id, now + timedelta(seconds=channel.accept_seconds))
        note(session, order, "routed", {**explained, "store": store.code})
        feed.publish(session, order)
        return decision
    order.state, order.store_id, order.accept_by = o2o.SPLIT, None, None
    parts = _split_lines(order.lines, [share for _, share in decision.assignments])
    note(session, order, "split", {**explained, "parts": [
        {"store": c.code, "share": share} for c, share in decision.assignments]})
    paid_left, total = order.paid, sum(int(line["amount"]) for line in order.lines) or 1
    for n, ((store, share), lines) in enumerate(zip(decision.assignments, parts, strict=True), start=1):
        last = n == len(parts)
        amount = sum(int(line["amount"]) for line in lines)
        paid = paid_left if last else order.paid * amount // total
        paid_left -= paid
        part = O2OOrder(
            channel=order.channel, channel_order_no=order.channel_order_no, parent_id=order.id, part=n,
            store_id=None, state=o2o.PENDING, version=0, fulfilment=order.fulfilment,
            pickup_code=order.pickup_code, customer_name=order.customer_name, customer_phone=order.customer_phone,
            address=order.address, lat=order.lat, lng=order.lng, requested_at=order.requested_at,
            created_at=order.created_at, accept_by=None, allow_substitute=order.allow_substitute, note=order.note,
            paid=paid, delivery_fee=order.delivery_fee if n == 1 else 0, commission=0, refunded=0,
            payment_ref=order.payment_ref, lines=lines, excluded=[], updated_at=now)
        session.add(part)
        session.flush()
        _give(session, part, store.store_id, now + timedelta(seconds=channel.accept_seconds))
        note(session, part, "routed", {"store": store.code, "part_of": order.id, "share": share})
        feed.publish(session, part)
    return decision


def _give(session: Session, order: O2OOrder, store_id: int, accept_by: datetime) -> None:
    order.store_id, order.state, order.accept_by, order.updated_at = store_id, o2o.ASSIGNED, accept_by, clock.now()
    reserve(session, order)


def _split_lines(lines: list[dict[str, Any]], shares: list[dict[str, int]]) -> list[list[dict[str, Any]]]:
    """The order's lines shared out as the stores' shares of stock say: a line whose units two
    stores share becomes a line at each, its amount apportioned (the last part takes the rest)."""
    left = [dict(share) for share in shares]
    parts: list[list[dict[str, Any]]] = [[] for _ in shares]
    for line in lines:
        qty, units = int(line["qty"]), int(line["stock_qty"])
        per = max(1, units // max(1, qty))
        qty_left, amount_left = qty, int(line["amount"])
        for n, share in enumerate(left):
            if not qty_left:
                break
            have = share.get(line["sku"], 0)
            take = min(qty_left, have // per) if qty > 1 else (1 if have >= units else 0)
            if not take:
                continue
            share[line["sku"]] = have - take * per
            qty_left -= take
            amount = amount_left if not qty_left else int(line["amount"]) * take // qty
            amount_left -= amount
            parts[n].append({**line, "qty": take, "stock_qty": take * per if qty > 1 else units, "amount": amount})
    return parts


def reroute(session: Session, order: O2OOrder, channel: O2OChannel, why: str) -> o2o.Decision:
    """Take ``order`` from its store (which sees it ``reassigned``, or ``rejected`` when it said no)
    and route it again, passing over the stores that had it."""
    old = order.store_id
    assert old is not None
    release(session, order)
    order.excluded = [*(order.excluded or []), old]
    feed.publish(session, order, old, o2o.REJECTED if why == "rejected" else o2o.REASSIGNED)
    note(session, order, "reassigned", {"from_store_id": old, "why": why})
    order.store_id = None
    return assign(session, order, channel)
