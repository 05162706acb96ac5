"""A store's steps on an order (accept, reject, start_pick, packed, ready, rider_arrived,
handed_over), each once per ``step_id``: the same step again answers what it answered the first
time and does nothing more. A step the order's state does not allow is refused (``order_state``:
a cancelled order says so); a step on an order taken from the store is ``order_not_yours``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import o2o
from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import O2OFeedEntry, O2OOrder, O2OStep, Store
from app.hq.orders import callbacks, feed, routing
from app.hq.orders.intake import channel_of
from app.hq.orders.view import order_dict


@dataclass(frozen=True)
class PickedLine:
    line_no: int
    picked_qty: int
    weight_g: int | None
    substitute_code: str | None
    amount: int


def take_step(session: Session, store: Store, order_id: int, step_id: str, step: str, reason: str | None = None,
              lines: list[PickedLine] | None = None, pickup_code: str | None = None) -> dict[str, Any]:
    done = session.get(O2OStep, step_id)
    if done is not None:
        if done.store_id != store.id or done.order_id != order_id:
            raise DomainError("step_id_reused", status=409, step_id=step_id)
        return done.answer
    order = session.scalar(select(O2OOrder).where(O2OOrder.id == order_id).with_for_update())
    if order is None:
        raise DomainError("order_not_found", status=404, order=order_id)
    if order.store_id != store.id:
        if store.id in (order.excluded or []):
            raise DomainError("order_not_yours", status=409, order=order_id)
        raise DomainError("order_not_found", status=404, order=order_id)
    if step not in o2o.STEPS:
        raise DomainError("order_state", status=409, state=order.state, step=step)
    to = o2o.next_state(step, order.state)
    if to is None:
        raise DomainError("order_state", status=409, state=order.state, step=step)
    channel = channel_of(session, order.channel)
    now = clock.now()
    detail: dict[str, Any] = {"step": step, "store": store.code, "step_id": step_id}
    if step == "reject":
        if reason not in o2o.REJECT_REASONS:
            raise DomainError("invalid_reason", status=422, reason=reason or "")
        detail["reason"] = reason
        routing.note(session, order, "step", detail)
        routing.reroute(session, order, channel, "rejected")
        answer = session.scalar(select(O2OFeedEntry.data).where(  # the order as this store now sees it
            O2OFeedEntry.store_id == store.id, O2OFeedEntry.order_id == order.id)
            .order_by(O2OFeedEntry.version.desc()).limit(1)) or order_dict(order, o2o.REJECTED)
        if order.state == o2o.PENDING:
            callbacks.unroutable(session, order, channel)
        session.add(O2OStep(step_id=step_id, order_id=order_id, store_id=store.id, answer=answer, created_at=now))
        session.flush()
        return answer
    if step == "packed" and lines is not None:
        _record_pick(session, order, lines, detail)
    if step == "rider_arrived":
        order.rider = {**(order.rider or {"name": "", "phone": ""}), "status": "arrived"}
    if step == "handed_over":
        if order.fulfilment == "pickup" and (pickup_code or "") != (order.pickup_code or ""):
            raise DomainError("pickup_code_wrong", status=422)
        routing.release(session, order)  # the store's sale moves the stock now
    if to:
        order.state = to
    order.updated_at = now
    routing.note(session, order, "step", detail)
    callbacks.after_step(session, order, channel, step)
    feed.publish(session, order)
    answer = order_dict(order)
    session.add(O2OStep(step_id=step_id, order_id=order_id, store_id=store.id, answer=answer, created_at=now))
    session.flush()
    return answer


def _record_pick(session: Session, order: O2OOrder, lines: list[PickedLine], detail: dict[str, Any]) -> None:
    """The pick as the store made it; what was short is refunded to the customer through the
    channel (a substitute at its own amount, never more than the line was paid)."""
    known = {int(line["line_no"]): line for line in order.lines}
    for picked in lines:
        line = known.get(picked.line_no)
        if line is None:
            raise DomainError("order_line_not_found", status=422, line=picked.line_no)
        if picked.picked_qty < 0 or picked.picked_qty > int(line["qty"]) or picked.amount < 0:
            raise DomainError("invalid_quantity", status=422, quantity=picked.picked_qty)
        if picked.substitute_code and not order.allow_substitute:
            raise DomainError("substitute_not_allowed", status=422, line=picked.line_no)
    given = {p.line_no: min(p.amount, int(known[p.line_no]["amount"])) for p in lines}
    refunds = o2o.short_refund(order.lines, given)
    order.picked = [{"line_no": p.line_no, "picked_qty": p.picked_qty, "weight_g": p.weight_g,
                     "substitute_code": p.substitute_code, "amount": p.amount} for p in lines]
    refund = sum(refunds.values())
    detail["picked"] = order.picked
    if refund:
        order.refunded = refund
        detail["refund"] = {"total": refund, "lines": {str(k): v for k, v in refunds.items()}}
        callbacks.enqueue(session, order, "partial_refund",
                          {"amount": refund, "lines": [{"line_no": k, "product_code": known[k]["sku"], "refund": v}
                                                       for k, v in sorted(refunds.items())]})
