"""The O2O order center: the chain's own shop puts its orders in (``orders:write``), the stores
long-poll their orders and report their steps (signed), HQ's people see an order's history, the
platform callbacks that keep failing, and set stores' and channels' O2O settings (admin)."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from app.domain.errors import DomainError
from app.hq import keys, services
from app.hq.models import O2OOrder
from app.hq.orders import callbacks, feed, intake, setup
from app.hq.orders.steps import PickedLine
from server.fields import Count, RowId
from server.hq import schemas
from server.hq.deps import DB, Admin, OrderWriter, RawBody, SignedStore, State, documented_body, signed_body
from server.hq.responses import (
    CallbacksOut,
    ChannelOut,
    OrderDetailOut,
    OrderFeedOut,
    OrderOut,
    StoreO2OOut,
)
from server.responses import answer

router = APIRouter(tags=["orders"])

#: a store's long-poll holds at most this long
FEED_MAX_WAIT = 25


def order_in(body: schemas.OrderIn, channel: str = "own") -> intake.OrderIn:
    address = body.address
    return intake.OrderIn(
        channel=channel, channel_order_no=body.channel_order_no, fulfilment=body.fulfilment,
        customer_name=body.customer.name, customer_phone=body.customer.phone,
        lines=[intake.LineIn(line.sku or None, line.barcode, line.qty, line.weight_g, line.unit_price, line.amount,
                             line.name) for line in body.lines],
        paid=body.paid, store=body.store, address=address.text if address else None,
        lat=address.lat if address else None, lng=address.lng if address else None,
        requested_at=body.requested_at, payment_ref=body.payment_ref, delivery_fee=body.delivery_fee,
        allow_substitute=body.allow_substitute, note=body.note)


@router.post("/open/orders", response_model=OrderDetailOut)
async def put_order(body: schemas.OrderIn, request: Request, state: State,
                    wait: Annotated[bool, Query(description="answer once the order is routed")] = False) -> Response:
    """An order of the chain's own shop (key scope ``orders:write``), answered ``received`` as soon
    as it is safely written (its pickup code already set) and routed to a store right behind;
    ``wait=true`` answers it routed. The same ``channel_order_no`` again answers the order already
    taken. A new order takes the intake's hot path (PostgreSQL: no thread, no ORM)."""
    incoming = order_in(body)
    authorization = request.headers.get("authorization")
    if state.intake is not None and not wait:
        taken = await state.intake.receive(authorization, keys.ORDERS_WRITE, incoming)
        if taken is not None:
            state.router.nudge()
            return answer(OrderDetailOut, taken)

    def general() -> Response:
        with state.sessions() as session:
            keys.require_header(session, authorization, keys.ORDERS_WRITE)
            return answer(OrderDetailOut, services.receive_order(session, incoming, state.router, wait))

    return await run_in_threadpool(general)


@router.post("/open/orders/cancel", response_model=OrderDetailOut)
def cancel_order(body: schemas.OrderCancelIn, key: OrderWriter, session: DB) -> Response:
    return answer(OrderDetailOut, services.cancel_order(session, "own", body.channel_order_no,
                                                        body.reason or "customer"))


@router.get("/open/orders/{channel_order_no}", response_model=OrderDetailOut)
def get_order(channel_order_no: schemas.OrderNo, key: OrderWriter, session: DB) -> Response:
    order = intake.find(session, "own", channel_order_no)
    if order is None:
        raise DomainError("order_not_found", status=404, order=channel_order_no)
    return answer(OrderDetailOut, intake.answer(session, order))


# ---- the store's half (signed) -------------------------------------------------------------------
@router.get("/sync/o2o/orders", response_model=OrderFeedOut)
async def order_feed(
    store: SignedStore, state: State, after: Count = 0,
    wait: Annotated[float, Query(ge=0, le=FEED_MAX_WAIT)] = 0,
) -> Response:
    """The store's orders changed after version ``after``; ``wait`` long-polls."""
    def read() -> dict[str, Any]:
        with state.sessions() as session:
            return feed.read(session, store.id, after)

    deadline = time.monotonic() + wait
    page = await run_in_threadpool(read)
    while not page["orders"] and time.monotonic() < deadline:
        await asyncio.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        page = await run_in_threadpool(read)
    return answer(OrderFeedOut, page)


@router.post("/sync/o2o/orders/{order_id}/steps", response_model=OrderOut,
             openapi_extra=documented_body(schemas.OrderStepIn))
def order_step(order_id: RowId, store: SignedStore, body: RawBody, session: DB) -> Response:
    step = signed_body(schemas.OrderStepIn, body)
    lines = None if step.lines is None else [
        PickedLine(line.line_no, line.picked_qty, line.weight_g, line.substitute_code, line.amount)
        for line in step.lines]
    return answer(OrderOut, services.take_order_step(session, store, order_id, step.step_id, step.step, step.reason,
                                                     lines, step.pickup_code))


# ---- HQ's people ---------------------------------------------------------------------------------
@router.get("/admin/o2o/orders/{order_id}", response_model=OrderDetailOut)
def order_detail(order_id: RowId, admin: Admin, session: DB) -> Response:
    order = session.get(O2OOrder, order_id)
    if order is None:
        raise DomainError("order_not_found", status=404, order=order_id)
    return answer(OrderDetailOut, intake.answer(session, order))


@router.get("/admin/o2o/callbacks", response_model=CallbacksOut)
def callback_queue(admin: Admin, session: DB,
                   state: Annotated[str | None, Query(pattern="^(pending|done|failed)$")] = None) -> Response:
    """The calls HQ owes the platforms; ``state=failed``: those that kept failing."""
    return answer(CallbacksOut, {"items": callbacks.listing(session, state)})


@router.get("/admin/stores/{code}/o2o", response_model=StoreO2OOut)
def store_o2o(code: schemas.Text16, admin: Admin, session: DB) -> dict[str, Any]:
    return setup.get_store_o2o(session, code)


@router.put("/admin/stores/{code}/o2o", response_model=StoreO2OOut)
def set_store_o2o(code: schemas.Text16, body: schemas.StoreO2OIn, admin: Admin, session: DB) -> dict[str, Any]:
    hours = body.opening_hours.model_dump() if body.opening_hours else None
    return services.set_store_o2o(session, code, body.lat, body.lng, hours, body.o2o_enabled, list(body.auto_accept))


@router.put("/admin/o2o/channels/{code}", response_model=ChannelOut)
def set_channel(code: schemas.Text16, body: schemas.ChannelIn, admin: Admin, session: DB) -> dict[str, Any]:
    return services.set_channel(session, code, body.accept_seconds, body.allow_split, body.safety_stock,
                                body.commission_bp, body.app_key, body.app_secret, body.callback_url)
