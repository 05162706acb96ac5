"""Orders taken in (the own shop's ``POST /open/orders``, a platform's push) and cancelled by their
channel. An order is known by its channel and the channel's order no: the same order again answers
the order HQ already has and changes nothing. Everything is checked before anything is written —
a refused order leaves no row behind."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.orm import Session

from app.domain import o2o
from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import Barcode, O2OChannel, O2OHistory, O2OOrder, Product, Store
from app.hq.orders import feed, routing
from app.hq.orders.view import order_dict

#: a requested time this far in the past is still taken (clocks drift); earlier is refused
PAST_GRACE = timedelta(minutes=2)
MAX_LINES = 200


@dataclass(frozen=True)
class LineIn:
    sku: str | None
    barcode: str | None
    qty: int
    weight_g: int | None
    unit_price: int
    amount: int
    name: str | None = None


@dataclass(frozen=True)
class OrderIn:
    channel: str
    channel_order_no: str
    fulfilment: str
    customer_name: str
    customer_phone: str
    lines: list[LineIn]
    paid: int
    store: str | None = None
    address: str | None = None
    lat: float | None = None
    lng: float | None = None
    requested_at: datetime | None = None
    payment_ref: str = ""
    delivery_fee: int = 0
    commission: int | None = None
    #: the store is the customer's choice (own-shop pickup); else a preference (a platform's shop)
    store_fixed: bool = True
    allow_substitute: bool = False
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def channel_of(session: Session, code: str) -> O2OChannel:
    channel = session.get(O2OChannel, code)
    if channel is None:
        raise DomainError("unknown_channel", status=422, channel=code)
    return channel


def find(session: Session, channel: str, channel_order_no: str, lock: bool = False) -> O2OOrder | None:
    query = select(O2OOrder).where(O2OOrder.channel == channel, O2OOrder.channel_order_no == channel_order_no,
                                   O2OOrder.part == 0)
    return session.scalar(query.with_for_update() if lock else query)


def take(session: Session, incoming: OrderIn) -> O2OOrder:
    """The order, taken in and routed in one transaction — or the one already taken under the same
    channel order no (routed now if it was still waiting for the router)."""
    order = receive(session, incoming)
    if order.state == o2o.RECEIVED:
        order = session.get(O2OOrder, order.id, with_for_update=True) or order  # as written: route it
        if order.state == o2o.RECEIVED:
            route(session, order)
    return order


def receive(session: Session, incoming: OrderIn) -> O2OOrder:
    """The order checked and written as ``received``: what its channel is told at once, before any
    routing (the router routes it behind, :func:`route`) — or the one already taken under the same
    channel order no. Everything is checked first: a refused order leaves no row behind.

    A few Core statements (the channel and the order no, the store, the products, the two inserts)
    and no unit of work; on PostgreSQL the routes take :mod:`app.hq.orders.fast_intake` instead. A
    new order comes back as an unattached ``O2OOrder`` holding what was written (its ``id`` set)."""
    routing.keep_written(session)
    core = session.connection()  # Core statements on the session's connection: no ORM layer around them
    row = core.execute(_KNOWN, {"channel": incoming.channel, "no": incoming.channel_order_no}).first()
    if row is None:
        raise DomainError("unknown_channel", status=422, channel=incoming.channel)
    commission_bp, known_id = row
    if known_id is not None:
        known = session.get(O2OOrder, known_id)
        assert known is not None
        return known
    check_shape(incoming)
    store = check_store(incoming, None if incoming.store is None else core.execute(
        select(Store.id, Store.code, Store.disabled, Store.o2o_enabled).where(Store.code == incoming.store)).first())
    skus, codes = wanted(incoming.lines)
    products = {p.sku: p for p in core.execute(_PRODUCTS.where(Product.sku.in_(skus)))} if skus else {}
    by_code = {p.code: (p, p.pack_quantity) for p in core.execute(
        _PRODUCTS.add_columns(Barcode.code, Barcode.pack_quantity).join(Barcode, Product.id == Barcode.product_id)
        .where(Barcode.code.in_(codes)))} if codes else {}
    values = new_order(incoming, store, checked_lines(incoming.lines, products, by_code), commission_bp)
    order = O2OOrder(id=core.execute(_INSERT_ORDER, values).scalar_one(), **values)
    if store is not None:
        session.info.setdefault(routing.CODES, {})[store[0]] = store[1]
    history = received_history(order.id, incoming, values["created_at"])
    session.info[routing.WRITTEN].append(O2OHistory(id=core.execute(_INSERT_HISTORY, history).scalar_one(),
                                                    **history))
    return order


def new_order(incoming: OrderIn, store: tuple[int, str] | None, lines: list[dict[str, Any]],
              commission_bp: int) -> dict[str, Any]:
    """The ``o2o_orders`` row of a checked order, ``received``."""
    if incoming.paid < 0 or incoming.delivery_fee < 0 or (incoming.commission or 0) < 0:
        raise DomainError("invalid_amount", status=422, amount=min(incoming.paid, incoming.delivery_fee,
                                                                     incoming.commission or 0))
    now = clock.now()
    commission = incoming.commission
    if commission is None:
        commission = incoming.paid * commission_bp // 10_000
    return {
        "channel": incoming.channel, "channel_order_no": incoming.channel_order_no, "parent_id": None, "part": 0,
        "store_id": store[0] if store is not None else None, "store_fixed": incoming.store_fixed,
        "state": o2o.RECEIVED, "version": 0, "fulfilment": incoming.fulfilment,
        "pickup_code": f"{secrets.randbelow(1_000_000):06d}" if incoming.fulfilment == "pickup" else None,
        "customer_name": incoming.customer_name, "customer_phone": incoming.customer_phone,
        "address": incoming.address, "lat": incoming.lat, "lng": incoming.lng, "requested_at": incoming.requested_at,
        "created_at": now, "accept_by": None, "allow_substitute": incoming.allow_substitute, "note": incoming.note,
        "paid": incoming.paid, "delivery_fee": incoming.delivery_fee, "commission": commission, "refunded": 0,
        "payment_ref": incoming.payment_ref, "lines": lines, "picked": None, "rider": None, "cancel_reason": None,
        "excluded": [], "updated_at": now}


def received_history(order_id: int, incoming: OrderIn, at: datetime) -> dict[str, Any]:
    """The ``o2o_history`` row an order's history begins with."""
    return {"order_id": order_id, "at": at, "kind": "received",
            "detail": {"channel": incoming.channel, "store": incoming.store, **incoming.extra}}


_ORDERS = cast(Table, O2OOrder.__table__)
_KNOWN = select(O2OChannel.commission_bp, select(_ORDERS.c.id).where(
    _ORDERS.c.channel == bindparam("channel"), _ORDERS.c.channel_order_no == bindparam("no"),
    _ORDERS.c.part == 0).scalar_subquery()).where(O2OChannel.code == bindparam("channel"))
_INSERT_ORDER = insert(_ORDERS).returning(_ORDERS.c.id)
_HISTORY = cast(Table, O2OHistory.__table__)
_INSERT_HISTORY = insert(_HISTORY).returning(_HISTORY.c.id)
_PRODUCTS = select(Product.sku, Product.name, Product.unit, Product.active)


def route(session: Session, order: O2OOrder) -> None:
    """A ``received`` order routed: to the store its channel named when that is the customer's
    choice, else to the best store (the named one preferred)."""
    channel = channel_of(session, order.channel)
    store = session.get(Store, order.store_id) if order.store_id is not None else None
    only, prefer = (None, store) if store is not None and not order.store_fixed else (store, None)
    order.store_id = None
    routing.assign(session, order, channel, only, prefer)


def check_shape(incoming: OrderIn) -> None:
    """What needs no database: fulfilment, lines, address, coordinates, requested time."""
    if incoming.fulfilment not in o2o.FULFILMENTS:
        raise DomainError("invalid_fulfilment", status=422, fulfilment=incoming.fulfilment)
    if not incoming.lines:
        raise DomainError("missing_field", status=422, field="lines")
    if len(incoming.lines) > MAX_LINES:
        raise DomainError("order_too_large", status=422, limit=MAX_LINES)
    if incoming.fulfilment == "delivery" and (incoming.lat is None or incoming.lng is None or not incoming.address):
        raise DomainError("address_without_coordinates", status=422)
    for value, low, high in ((incoming.lat, -90, 90), (incoming.lng, -180, 180)):
        if value is not None and not low <= value <= high:
            raise DomainError("invalid_coordinates", status=422, lat=str(incoming.lat), lng=str(incoming.lng))
    if incoming.requested_at is not None and clock.aware(incoming.requested_at) < clock.now() - PAST_GRACE:
        raise DomainError("requested_time_past", status=422, at=incoming.requested_at.isoformat())
    if incoming.store is None and incoming.fulfilment == "pickup":
        raise DomainError("missing_field", status=422, field="store")


def check_store(incoming: OrderIn, store: Any) -> tuple[int, str] | None:
    """The store the order names (``store``: its id, code, disabled, o2o_enabled as read), taking
    orders; None when it names none."""
    if incoming.store is None:
        return None
    if store is None:
        raise DomainError("store_not_found", status=404, store=incoming.store)
    if store.disabled or not store.o2o_enabled:
        raise DomainError("store_disabled", status=409, store=store.code)
    return int(store.id), str(store.code)


def wanted(lines: list[LineIn]) -> tuple[set[str], set[str]]:
    """The SKUs and the barcodes (of lines without a SKU) the lines name."""
    return ({line.sku for line in lines if line.sku},
            {line.barcode for line in lines if line.barcode and not line.sku})


def checked_lines(lines: list[LineIn], products: dict[str, Any],
                  by_code: dict[str, tuple[Any, int]]) -> list[dict[str, Any]]:
    """The lines checked against the catalog as read (``products`` by SKU, ``by_code``: barcode →
    product and pack quantity; a product has sku, name, unit, active): each product known, each
    quantity sane."""
    out = []
    for n, line in enumerate(lines, start=1):
        pack = 1
        if line.sku:
            known = products.get(line.sku)
            if known is None or not known.active:
                raise DomainError("unknown_sku", status=422, sku=line.sku)
            product = known
        elif line.barcode:
            found = by_code.get(line.barcode)
            if found is None or not found[0].active:
                raise DomainError("unknown_product", status=422, code=line.barcode)
            product, pack = found
        else:
            raise DomainError("missing_field", status=422, field=f"lines.{n}.sku")
        weighed = product.unit == "gram"
        if weighed:
            if line.weight_g is None or line.weight_g <= 0 or line.qty != 1:
                raise DomainError("invalid_weight", status=422, sku=product.sku, weight=line.weight_g or 0)
        elif line.qty <= 0 or line.weight_g is not None:
            raise DomainError("invalid_quantity", status=422, quantity=line.qty)
        if line.qty > 9999 or (line.weight_g or 0) > 1_000_000:
            raise DomainError("invalid_quantity", status=422, quantity=line.qty)
        if line.unit_price < 0 or line.amount < 0:
            raise DomainError("invalid_amount", status=422, amount=min(line.unit_price, line.amount))
        out.append({"line_no": n, "sku": product.sku, "barcode": line.barcode, "name": line.name or product.name,
                    "qty": line.qty, "weight_g": line.weight_g if weighed else None, "unit_price": line.unit_price,
                    "amount": line.amount, "stock_qty": line.weight_g if weighed and line.weight_g else line.qty * pack})
    return out


def cancel(session: Session, channel_code: str, channel_order_no: str, reason: str) -> O2OOrder:
    """The channel (the customer, the platform) cancels: every part of the order is stopped, its
    stock released, its store told. A cancel after the handover is refused; a second cancel
    answers the cancelled order."""
    channel_of(session, channel_code)
    order = find(session, channel_code, channel_order_no, lock=True)
    if order is None:
        raise DomainError("order_not_found", status=404, order=channel_order_no)
    parts = [order]
    if order.state == o2o.SPLIT:
        parts = list(session.scalars(select(O2OOrder).where(O2OOrder.parent_id == order.id)
                                     .order_by(O2OOrder.part).with_for_update()))
    if any(p.state == o2o.HANDED_OVER for p in parts):
        raise DomainError("order_state", status=409, state=o2o.HANDED_OVER, step="cancel")
    for part in parts:
        if part.state in (o2o.CANCELLED, o2o.REJECTED):
            continue
        _stop(session, part, reason)
    if order is not parts[0]:
        order.cancel_reason, order.updated_at = reason, clock.now()
        routing.note(session, order, "cancelled", {"reason": reason})
    return order


def _stop(session: Session, order: O2OOrder, reason: str) -> None:
    routed = order.state != o2o.RECEIVED  # a store has seen it (a received order's store is only named)
    routing.release(session, order)
    order.state, order.cancel_reason, order.updated_at = o2o.CANCELLED, reason[:64], clock.now()
    routing.note(session, order, "cancelled", {"reason": reason})
    if order.store_id is not None and routed:
        feed.publish(session, order)


def answer(session: Session, order: O2OOrder) -> dict[str, Any]:
    """What the channel sees: the order, its parts when split, and its history."""
    parts = list(session.scalars(select(O2OOrder).where(O2OOrder.parent_id == order.id).order_by(O2OOrder.part))) \
        if order.state == o2o.SPLIT else []
    wanted = {o.store_id for o in (order, *parts) if o.store_id is not None}
    stores: dict[int, str] = {k: v for k, v in session.info.get(routing.CODES, {}).items() if k in wanted}
    if wanted - stores.keys():
        stores.update(session.execute(select(Store.id, Store.code).where(Store.id.in_(wanted - stores.keys()))).all())

    def one(o: O2OOrder) -> dict[str, Any]:
        return {**order_dict(o), "store": stores.get(o.store_id) if o.store_id else None, "refunded": o.refunded}

    return {**one(order), "parts": [one(p) for p in parts], "history": routing.history(session, order, parts)}

