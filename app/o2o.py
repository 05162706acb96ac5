"""线上订单 at the store: the orders HQ routes here, worked on the O2O board.

HQ hands orders down its O2O feed (``app.sync.o2o`` follows it and calls ``ingest``); the board
reads them here and takes its steps here — accept or reject, pick by scan, pack, ready, hand over.
Each step changes the order at once, in the caller's transaction (``commands.run`` commits), and
records the step for HQ as an ``O2OStep``: the step follower sends it after the commit and settles
it when HQ answers, retrying while HQ is out of reach, so the board and the tills never wait on HQ
(the board shows 待同步 meanwhile). HQ dedupes a step by its id, so a resend has the effect of once.

Handing an order over records its channel sale through the sale aggregate (tender ``platform``:
paid on the platform, not in the drawer): the goods leave the shelf then, once. A cancel that
arrives mid-pick puts what was picked back (nothing had moved) and the board says so loudly.

Every change raises the order's ``seq`` — the board's change stream — and rings ``BELL`` after the
commit, so a board waiting on ``changes`` sees a new order within moments of its arrival.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import checkout, clock, events, outbox, reports, shelves, shifts, stock
from app.catalog import lookup
from app.context import Actor
from app.db.models import O2OHistory, O2OLine, O2OOrder, O2OStep
from app.domain import o2o
from app.domain.errors import DomainError
from app.domain.quantity import Unit, check_quantity
from app.domain.sale import PLATFORM, Line, Payment, Sale, SaleRules
from app.settings import StoreSettings
from app.tickets import Tickets

PENDING, SETTLED, REFUSED = "pending", "settled", "refused"
MAX_PAGE = 200


# ---- the bell: a board waiting for changes wakes when one commits ------------------------------


class Bell:
    """Rung after a transaction that changed an order commits; ``wait`` wakes the long-polls."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    def ring(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def wait(self, seconds: float) -> None:
        with self._changed:
            seen = self._count
            self._changed.wait_for(lambda: self._count != seen, timeout=seconds)

    def on_commit(self, session: Session) -> None:
        if session.info.pop("ring_o2o_bell", False):
            self.ring()


BELL = Bell()
#: rung when a step waits to be sent: the step follower wakes at once instead of at its next pass
STEP_BELL = Bell()


def listen(sessions: Any) -> None:
    """Ring the bells as a transaction that changed an order commits; forget it on rollback."""
    from sqlalchemy import event

    def committed(session: Session) -> None:
        steps = session.info.pop("ring_o2o_steps", False)
        BELL.on_commit(session)
        if steps:
            STEP_BELL.ring()

    def rolled_back(session: Session) -> None:
        session.info.pop("ring_o2o_bell", None)
        session.info.pop("ring_o2o_steps", None)

    event.listen(sessions, "after_commit", committed)
    event.listen(sessions, "after_rollback", rolled_back)


def _touch(session: Session, order: O2OOrder, what: str, detail: str = "", actor: Actor | None = None) -> None:
    """The order changed: next place in the change stream, a line in its history, the bell."""
    moment = clock.now()
    order.seq = (session.scalar(select(func.max(O2OOrder.seq))) or 0) + 1
    order.updated_at = moment
    session.add(O2OHistory(order_id=order.id, at=moment, what=what, detail=detail[:256],
                           operator_id=actor.operator_id if actor else None))
    session.info["ring_o2o_bell"] = True


# ---- from HQ -------------------------------------------------------------------------------------


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment


def ingest(session: Session, data: dict[str, Any]) -> O2OOrder | None:
    """Apply one order from HQ's feed in the caller's transaction; an order's older version than
    the one held is passed over. A new order HQ marks ``auto_accept`` (HQ's 自动接单 setting for
    this store and its channel — the one place that decides) is accepted at once."""
    order_id, version, state = int(data["id"]), int(data["version"]), str(data["state"])
    order = session.get(O2OOrder, order_id)
    if order is not None and order.version >= version:
        return order
    if order is None:
        if state in (o2o.REASSIGNED, o2o.CANCELLED, o2o.REJECTED):
            return None  # never on this board: nothing to drop
        order = _new_order(session, data)
        _touch(session, order, "arrived", f"{order.channel} {order.channel_order_no}")
        if state == o2o.ASSIGNED and data.get("auto_accept") is True:
            _step(session, order, "accept", None)
            _touch(session, order, "accept", "auto")
        return order
    order.version = version
    order.rider = data.get("rider")
    order.accept_by = _moment(data.get("accept_by")) or order.accept_by
    order.cancel_reason = data.get("cancel_reason") or order.cancel_reason
    kept = o2o.ahead(order.state, state)
    if kept == order.state:
        _touch(session, order, "hq_update", state)
        return order
    if kept == o2o.CANCELLED and order.state in (o2o.PICKING, o2o.PACKED, o2o.READY):
        order.cancelled_mid_pick = True
        _put_back(session, order)
    order.state = kept
    _touch(session, order, kept, order.cancel_reason or "")
    return order


def _new_order(session: Session, data: dict[str, Any]) -> O2OOrder:
    moment = clock.now()
    order = O2OOrder(
        id=int(data["id"]), version=int(data["version"]), seq=0, channel=str(data["channel"]),
        channel_order_no=str(data["channel_order_no"])[:64], state=str(data["state"]),
        fulfilment=str(data.get("fulfilment") or o2o.PICKUP), pickup_code=data.get("pickup_code"),
        customer_name=str(data.get("customer_name") or "")[:64], customer_phone=str(data.get("customer_phone") or "")[:32],
        address=data.get("address"), requested_at=_moment(data.get("requested_at")),
        created_at=_moment(data.get("created_at")) or moment, accept_by=_moment(data.get("accept_by")) or moment,
        allow_substitute=bool(data.get("allow_substitute")), note=str(data.get("note") or "")[:256],
        paid=int(data.get("paid") or 0), delivery_fee=int(data.get("delivery_fee") or 0),
        commission=int(data.get("commission") or 0), rider=data.get("rider"), cancel_reason=data.get("cancel_reason"),
        cancelled_mid_pick=False, updated_at=moment)
    session.add(order)
    session.flush()  # the lines refer to it
    for line in data.get("lines") or []:
        session.add(O2OLine(
            order_id=order.id, line_no=int(line["line_no"]), product_code=str(line["product_code"])[:32],
            barcode=line.get("barcode"), name=str(line.get("name") or "")[:128], qty=int(line.get("qty") or 1),
            weight_g=line.get("weight_g"), unit_price=int(line["unit_price"]), amount=int(line["amount"]),
            status=o2o.LINE_OPEN, picked_qty=0, picked_amount=0))
    session.flush()
    return order


def _put_back(session: Session, order: O2OOrder) -> None:
    """Goods picked for an order that will not go out go back on the shelf: nothing had left the
    stock (that happens at handover), so the pick is simply forgotten."""
    for line in _lines(session, order.id):
        line.status, line.picked_qty, line.picked_weight_g, line.picked_amount = o2o.LINE_OPEN, 0, None, 0
        line.substitute_code = None


# ---- reading -------------------------------------------------------------------------------------


def _lines(session: Session, order_id: int) -> list[O2OLine]:
    return list(session.scalars(select(O2OLine).where(O2OLine.order_id == order_id).order_by(O2OLine.line_no)))


def _steps_waiting(session: Session, order_id: int) -> tuple[int, str | None]:
    rows = session.execute(select(O2OStep.state, O2OStep.error).where(O2OStep.order_id == order_id,
                                                                        O2OStep.state != SETTLED)).all()
    waiting = sum(1 for state, _ in rows if state == PENDING)
    refused = next((error for state, error in rows if state == REFUSED), None)
    return waiting, refused


def view(session: Session, order: O2OOrder) -> dict[str, Any]:
    """The order as the board shows it (``O2OOrderOut``): its lines in the order a picker walks
    the shop (``shelves.walk``), each with its shelf location."""
    lines = _lines(session, order.id)
    done = bool(lines) and all(line.status != o2o.LINE_OPEN for line in lines)
    order_of, places = shelves.walk(session, [line.product_code for line in lines])
    walked = [lines[n] for n in order_of]
    waiting, refused = _steps_waiting(session, order.id)
    return {
        "id": order.id, "seq": order.seq, "version": order.version, "channel": order.channel,
        "channel_order_no": order.channel_order_no, "state": order.state,
        "column": o2o.column(order.state, done), "fulfilment": order.fulfilment,
        "pickup_code_set": bool(order.pickup_code), "customer_name": order.customer_name,
        "customer_name_masked": o2o.mask_name(order.customer_name), "customer_phone": order.customer_phone,
        "address": order.address, "requested_at": _iso(order.requested_at), "created_at": _iso(order.created_at),
        "accept_by": _iso(order.accept_by), "allow_substitute": order.allow_substitute, "note": order.note,
        "paid": order.paid, "delivery_fee": order.delivery_fee, "commission": order.commission,
        "rider": order.rider, "cancel_reason": order.cancel_reason, "cancelled_mid_pick": order.cancelled_mid_pick,
        "reject_reason": order.reject_reason, "sale_id": order.sale_id,
        "steps_waiting": waiting, "step_refused": refused,
        "item_count": sum(line.picked_qty if line.status != o2o.LINE_OPEN else line.qty for line in lines),
        "lines": [{"line_no": line.line_no, "product_code": line.product_code, "barcode": line.barcode,
                   "name": line.name, "qty": line.qty, "weight_g": line.weight_g, "unit_price": line.unit_price,
                   "amount": line.amount, "status": line.status, "picked_qty": line.picked_qty,
                   "picked_weight_g": line.picked_weight_g, "picked_amount": line.picked_amount,
                   "substitute_code": line.substitute_code, "location": places.get(line.product_code)}
                  for line in walked],
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def get(session: Session, order_id: int) -> O2OOrder:
    order = session.get(O2OOrder, order_id)
    if order is None or order.state == o2o.REASSIGNED:
        raise DomainError("o2o_order_not_found", status=404, order=order_id)
    return order


def one(session: Session, order_id: int) -> dict[str, Any]:
    return view(session, get(session, order_id))


def listing(session: Session, state: str | None = None) -> dict[str, Any]:
    """The board's orders (reassigned-away ones dropped), newest change last; ``state`` filters."""
    query = select(O2OOrder).where(O2OOrder.state != o2o.REASSIGNED).order_by(O2OOrder.seq)
    if state is not None:
        if state not in o2o.STORE_STATES:
            raise DomainError("o2o_state_unknown", status=422, state=state[:32])
        query = query.where(O2OOrder.state == state)
    orders = [view(session, order) for order in session.scalars(query.limit(1000))]
    cursor = session.scalar(select(func.max(O2OOrder.seq))) or 0
    return {"orders": orders, "cursor": cursor, "new": _new_count(session)}


def _new_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(O2OOrder).where(O2OOrder.state == o2o.ASSIGNED)) or 0


def changes_since(session: Session, after: int) -> dict[str, Any]:
    """Orders changed after ``after`` in the change stream, at most ``MAX_PAGE``, in order."""
    orders = list(session.scalars(select(O2OOrder).where(O2OOrder.seq > after).order_by(O2OOrder.seq).limit(MAX_PAGE)))
    cursor = orders[-1].seq if orders else max(after, 0)
    if not orders:
        cursor = min(cursor, session.scalar(select(func.max(O2OOrder.seq))) or 0)
    return {"orders": [view(session, order) for order in orders], "cursor": cursor, "new": _new_count(session)}


def wait_for_changes(sessions: sessionmaker[Session], after: int, wait: float) -> dict[str, Any]:
    """``changes_since``, holding on up to ``wait`` seconds until an order changes (the board's
    long-poll). Each look is its own short read; between looks the bell wakes it (and a short
    timeout covers a change that committed between a look and the wait)."""
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        with sessions() as session:
            found = changes_since(session, after)
            session.rollback()
        left = deadline - time.monotonic()
        if found["orders"] or left <= 0:
            return found
        BELL.wait(min(left, 0.25))


def history(session: Session, order_id: int) -> list[dict[str, Any]]:
    get(session, order_id)
    return [{"at": _iso(row.at), "what": row.what, "detail": row.detail} for row in session.scalars(
        select(O2OHistory).where(O2OHistory.order_id == order_id).order_by(O2OHistory.id))]


# ---- the board's steps ---------------------------------------------------------------------------


def _step(session: Session, order: O2OOrder, step: str, actor: Actor | None, *, reason: str | None = None,
          lines: list[dict[str, Any]] | None = None, pickup_code: str | None = None) -> None:
    """Move the order by ``step`` here and record it for HQ (sent after the commit)."""
    order.state = o2o.check_step(order.state, step)
    step_id = uuid.uuid4().hex
    moment = clock.now()
    session.add(O2OStep(id=step_id, order_id=order.id, step=step, state=PENDING, attempts=0, created_at=moment,
                        updated_at=moment, body={"step_id": step_id, "step": step, "reason": reason, "lines": lines,
                                                 "pickup_code": pickup_code}))
    session.info["ring_o2o_steps"] = True


def _working(session: Session, order_id: int) -> O2OOrder:
    order = get(session, order_id)
    if order.state == o2o.CANCELLED:
        raise DomainError("o2o_order_cancelled", status=409)
    return order


def accept(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """接单."""
    order = _working(session, order_id)
    _step(session, order, "accept", actor)
    _touch(session, order, "accept", "", actor)
    return view(session, order)


def reject(session: Session, actor: Actor, order_id: int, reason: str) -> dict[str, Any]:
    """拒单, for a reason the platform knows: sold out, closed, too busy."""
    if reason not in o2o.REJECT_REASONS:
        raise DomainError("o2o_reject_reason", status=422, reason=reason[:32])
    order = _working(session, order_id)
    _step(session, order, "reject", actor, reason=reason)
    order.reject_reason = reason
    _touch(session, order, "reject", reason, actor)
    return view(session, order)


def start_pick(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """开始拣货."""
    order = _working(session, order_id)
    _step(session, order, "start_pick", actor)
    _touch(session, order, "start_pick", "", actor)
    return view(session, order)


def _picking(session: Session, order_id: int) -> O2OOrder:
    order = _working(session, order_id)
    if order.state != o2o.PICKING:
        raise DomainError("o2o_order_state", status=409, state=order.state, step="pick")
    return order


def scan(session: Session, actor: Actor, order_id: int, code: str, weight_g: int | None,
         settings: StoreSettings) -> dict[str, Any]:
    """扫码拣货: the scanned goods tick the first open line they belong to. Goods not on the pick
    list are refused (``o2o_wrong_item``); a weighed line takes its actual weight (from the scale,
    or the label's embedded weight) and the price difference follows."""
    order = _picking(session, order_id)
    found = lookup(session, code, settings.in_store_layout)
    sku, scanned = found.product.sku, found.scanned
    line = next((line for line in _lines(session, order.id) if line.status == o2o.LINE_OPEN and (
        line.product_code == sku or (line.barcode and line.barcode == scanned))), None)
    if line is None:
        raise DomainError("o2o_wrong_item", status=409, name=found.product.name[:64])
    if line.weight_g is not None:
        weight = found.embedded_weight if found.embedded_weight is not None else weight_g
        if weight is None:
            raise DomainError("weight_required", status=409, name=line.name[:64], sku=sku)
        line.picked_weight_g = check_quantity(weight, Unit.GRAM)
        line.picked_qty, line.status = 1, o2o.LINE_PICKED
        line.picked_amount = o2o.picked_amount(line.unit_price, 1, line.picked_weight_g)
        detail = f"{line.line_no} {line.picked_weight_g}g {line.picked_amount - line.amount:+d}"
    else:
        if weight_g is not None:
            raise DomainError("invalid_quantity", quantity=weight_g)
        line.picked_qty += 1
        line.picked_amount = o2o.picked_amount(line.unit_price, line.picked_qty, None)
        if line.picked_qty >= line.qty:
            line.status = o2o.LINE_PICKED
        detail = f"{line.line_no} {line.picked_qty}/{line.qty}"
    _touch(session, order, "scan", detail, actor)
    return view(session, order)


def _line(session: Session, order: O2OOrder, line_no: int) -> O2OLine:
    line = session.get(O2OLine, (order.id, line_no))
    if line is None:
        raise DomainError("o2o_line_not_found", status=404, line=line_no)
    return line


def short_pick(session: Session, actor: Actor, order_id: int, line_no: int, picked_qty: int) -> dict[str, Any]:
    """缺货: the line goes out with fewer than ordered (none at all: 0); HQ refunds the rest
    through the channel when the order is packed."""
    order = _picking(session, order_id)
    line = _line(session, order, line_no)
    if isinstance(picked_qty, bool) or not 0 <= picked_qty < line.qty or line.weight_g is not None and picked_qty:
        raise DomainError("invalid_quantity", quantity=picked_qty)
    line.status, line.picked_qty, line.picked_weight_g = o2o.LINE_SHORT, picked_qty, None
    line.picked_amount = o2o.picked_amount(line.unit_price, picked_qty, None)
    line.substitute_code = None
    _touch(session, order, "short", f"{line.line_no} {picked_qty}/{line.qty}", actor)
    return view(session, order)


def substitute(session: Session, actor: Actor, order_id: int, line_no: int, code: str,
               settings: StoreSettings) -> dict[str, Any]:
    """替换: other goods in place of a line, when the customer allowed it; at the price paid."""
    order = _picking(session, order_id)
    if not order.allow_substitute:
        raise DomainError("o2o_no_substitute", status=409)
    line = _line(session, order, line_no)
    found = lookup(session, code, settings.in_store_layout)
    if found.product.sku == line.product_code:
        raise DomainError("o2o_substitute_same", status=409)
    line.status, line.substitute_code = o2o.LINE_SUBSTITUTED, found.product.sku
    line.picked_qty, line.picked_weight_g, line.picked_amount = line.qty, line.weight_g, line.amount
    _touch(session, order, "substitute", f"{line.line_no} {found.product.sku}", actor)
    return view(session, order)


def packed(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """打包完成: every line picked, short or substituted; HQ gets the actual pick."""
    order = _picking(session, order_id)
    lines = _lines(session, order.id)
    if any(line.status == o2o.LINE_OPEN for line in lines):
        raise DomainError("o2o_pick_incomplete", status=409)
    if not any(line.picked_qty for line in lines):
        raise DomainError("o2o_nothing_picked", status=409)
    _step(session, order, "packed", actor, lines=[
        {"line_no": line.line_no, "picked_qty": line.picked_qty, "weight_g": line.picked_weight_g,
         "substitute_code": line.substitute_code, "amount": line.picked_amount} for line in lines])
    _touch(session, order, "packed", "", actor)
    return view(session, order)


def ready(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """出餐/待取货: the bag waits at the counter."""
    order = _working(session, order_id)
    _step(session, order, "ready", actor)
    _touch(session, order, "ready", "", actor)
    return view(session, order)


def rider_arrived(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """骑手到店."""
    order = _working(session, order_id)
    if order.fulfilment != o2o.DELIVERY:
        raise DomainError("o2o_not_delivery", status=409)
    _step(session, order, "rider_arrived", actor)
    _touch(session, order, "rider_arrived", "", actor)
    return view(session, order)


def dismiss_cancel(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """The picker saw the cancel and put the goods back: the board stops shouting."""
    order = get(session, order_id)
    if not order.cancelled_mid_pick:
        raise DomainError("o2o_order_state", status=409, state=order.state, step="dismiss")
    order.cancelled_mid_pick = False
    _touch(session, order, "put_back", "", actor)
    return view(session, order)


def hand_over(session: Session, tickets: Tickets, actor: Actor, order_id: int, pickup_code: str | None) -> dict[str, Any]:
    """交付: to the customer by their 自提码 (a code works once), or to the rider. The order
    becomes a channel sale in this till's shift, paid on the platform; the goods leave the shelf."""
    order = get(session, order_id)
    if order.state == o2o.HANDED_OVER:
        raise DomainError("pickup_code_used" if order.fulfilment == o2o.PICKUP else "o2o_order_state",
                          status=409, state=order.state, step="handed_over")
    order = _working(session, order_id)
    o2o.check_step(order.state, "handed_over")
    if order.fulfilment == o2o.PICKUP:
        o2o.check_pickup_code(order.pickup_code, pickup_code)
    shift = shifts.require_open(session, actor.till)
    sale = _channel_sale(session, tickets, actor, order, shift.id)
    order.sale_id = sale.sale_id
    _step(session, order, "handed_over", actor, pickup_code=pickup_code if order.fulfilment == o2o.PICKUP else None)
    _touch(session, order, "handed_over", sale.sale_id or "", actor)
    return view(session, order)


def _channel_sale(session: Session, tickets: Tickets, actor: Actor, order: O2OOrder, shift_id: int) -> Sale:
    moment = clock.now()
    sale = tickets.add(session, Sale(id=0, till=actor.till, operator_id=actor.operator_id, shift_id=shift_id,
                                     created_at=moment, rules=SaleRules()))
    from app.db.models import Product

    for line in _lines(session, order.id):
        if not line.picked_qty:
            continue
        sku = line.substitute_code or line.product_code
        product = session.scalar(select(Product).where(Product.sku == sku))
        if product is None:
            raise DomainError("unknown_product", status=404, code=sku)
        unit = Unit(product.unit)
        quantity = line.picked_weight_g if unit is Unit.GRAM and line.picked_weight_g else line.picked_qty
        sale.add_line(Line(product_id=product.id, sku=product.sku, name=product.name, unit=unit, quantity=quantity,
                           unit_price=line.unit_price, original_price=line.unit_price, barcode=line.barcode,
                           fixed_amount=line.picked_amount))
    if sale.total:
        sale.add_payment(Payment(PLATFORM, sale.total, reference=order.channel_order_no[:32]))
    sale.complete(checkout._next_sale_id(session, sale.till, moment.strftime("%Y%m%d")), moment)
    tickets.save(session, sale, moment)
    ticket = checkout.ticket_view(sale)
    outbox.record(session, events.SaleCompleted(ticket, channel=order.channel, channel_order_no=order.channel_order_no,
                                                o2o_order_id=order.id, commission=order.commission,
                                                delivery_fee=order.delivery_fee))
    stock.record_sale(session, sale)
    reports.record_sale(session, sale)
    return sale


# ---- steps to HQ ---------------------------------------------------------------------------------


def pending_steps(session: Session, limit: int = 20) -> list[tuple[str, int, dict[str, Any]]]:
    """Steps waiting for HQ, oldest first: (step id, order id, body)."""
    return [(row.id, row.order_id, dict(row.body)) for row in session.scalars(
        select(O2OStep).where(O2OStep.state == PENDING).order_by(O2OStep.created_at, O2OStep.id).limit(limit))]


def settle_step(session: Session, step_id: str, answer: dict[str, Any] | None, error: str | None) -> None:
    """HQ answered a step: ``answer`` (the order as HQ has it now) or a definite ``error`` code."""
    row = session.get(O2OStep, step_id)
    if row is None or row.state != PENDING:
        return
    row.state, row.error, row.updated_at = (SETTLED if error is None else REFUSED), error, clock.now()
    order = session.get(O2OOrder, row.order_id)
    if order is None:
        return
    if answer is not None and isinstance(answer.get("version"), int) and answer.get("id") == order.id:
        try:  # HQ's answer is the order as it holds it now: what changed there (a rider) is taken too
            with session.begin_nested():
                ingest(session, answer)
        except (KeyError, TypeError, ValueError):
            order.version = max(order.version, answer["version"])
    _touch(session, order, "synced" if error is None else "step_refused", f"{row.step} {error or ''}".strip())


def step_failed(session: Session, step_id: str, error: str) -> None:
    """HQ could not be reached for a step: it stays pending, to be sent again."""
    row = session.get(O2OStep, step_id)
    if row is not None and row.state == PENDING:
        row.attempts += 1
        row.error, row.updated_at = error[:64], clock.now()
