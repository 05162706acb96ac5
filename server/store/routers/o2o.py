"""线上订单 on the O2O board: the orders HQ routed here, their change stream, and the board's steps
(accept or reject, pick by scan, substitute or short-pick, packed, ready, rider, handover), each
once per ``command_id``; the pick list and the bag label on the receipt printer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import Field

from app import o2o
from app.o2o_print import bag_label, pick_list
from server.fields import Count, RowId
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, command
from server.store.printed import printed
from server.store.responses import PRINTED, O2OHistoryOut, O2OOrderOut, O2OOrdersOut

router = APIRouter(tags=["o2o"])

#: how long a board's long-poll may wait for a change (seconds)
Wait = Annotated[int, Field(ge=0, le=25)]
LineNo = Annotated[int, Field(ge=1, le=10_000)]


@router.get("/o2o/orders", response_model=O2OOrdersOut)
def list_orders(who: Who, session: DB, state: Annotated[schemas.O2OWord | None, Query()] = None) -> dict[str, Any]:
    """The board: every order HQ routed here (``state`` filters), with the change stream's cursor."""
    return o2o.listing(session, state)


@router.get("/o2o/changes", response_model=O2OOrdersOut)
def changes(who: Who, store: State, after: Count = 0, wait: Wait = 0) -> dict[str, Any]:
    """Orders changed after ``after`` (the cursor of the last answer); with ``wait`` the server holds
    the request until something changes or ``wait`` seconds pass."""
    return o2o.wait_for_changes(store.sessions, after, wait)


@router.get("/o2o/orders/{order_id}", response_model=O2OOrderOut)
def get_order(order_id: RowId, who: Who, session: DB) -> dict[str, Any]:
    return o2o.one(session, order_id)


@router.get("/o2o/orders/{order_id}/history", response_model=O2OHistoryOut)
def order_history(order_id: RowId, who: Who, session: DB) -> dict[str, Any]:
    return {"entries": o2o.history(session, order_id)}


def _step(session: DB, who: Who, command_id: str, action: str, order_id: int, payload: dict[str, Any],
          change: Any) -> dict[str, Any]:
    return command(session, who, command_id, f"o2o_{action}", {"order": order_id, **payload}, change)


@router.post("/o2o/orders/{order_id}/accept", response_model=O2OOrderOut)
def accept(order_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """接单."""
    return _step(session, who, body.command_id, "accept", order_id, {}, lambda: o2o.accept(session, who, order_id))


@router.post("/o2o/orders/{order_id}/reject", response_model=O2OOrderOut)
def reject(order_id: RowId, body: schemas.O2ORejectIn, who: Who, session: DB) -> dict[str, Any]:
    """拒单: sold_out, closed or too_busy."""
    return _step(session, who, body.command_id, "reject", order_id, {"reason": body.reason},
                 lambda: o2o.reject(session, who, order_id, body.reason))


@router.post("/o2o/orders/{order_id}/start-pick", response_model=O2OOrderOut)
def start_pick(order_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """开始拣货."""
    return _step(session, who, body.command_id, "start_pick", order_id, {},
                 lambda: o2o.start_pick(session, who, order_id))


@router.post("/o2o/orders/{order_id}/scan", response_model=O2OOrderOut)
def scan(order_id: RowId, body: schemas.O2OScanIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """扫码拣货: ticks the line the goods belong to; goods not on the list: ``o2o_wrong_item``."""
    return _step(session, who, body.command_id, "scan", order_id, body.model_dump(exclude={"command_id"}),
                 lambda: o2o.scan(session, who, order_id, body.code, body.weight_g, settings))


@router.post("/o2o/orders/{order_id}/lines/{line_no}/short", response_model=O2OOrderOut)
def short_pick(order_id: RowId, line_no: LineNo, body: schemas.O2OShortIn, who: Who, session: DB) -> dict[str, Any]:
    """缺货: fewer go out than ordered; HQ refunds the rest through the channel."""
    return _step(session, who, body.command_id, "short", order_id, {"line": line_no, "picked_qty": body.picked_qty},
                 lambda: o2o.short_pick(session, who, order_id, line_no, body.picked_qty))


@router.post("/o2o/orders/{order_id}/lines/{line_no}/substitute", response_model=O2OOrderOut)
def substitute(order_id: RowId, line_no: LineNo, body: schemas.O2OSubstituteIn, who: Who, session: DB,
               settings: Settings) -> dict[str, Any]:
    """替换, when the customer allowed it."""
    return _step(session, who, body.command_id, "substitute", order_id, {"line": line_no, "code": body.code},
                 lambda: o2o.substitute(session, who, order_id, line_no, body.code, settings))


@router.post("/o2o/orders/{order_id}/packed", response_model=O2OOrderOut)
def packed(order_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """打包完成."""
    return _step(session, who, body.command_id, "packed", order_id, {}, lambda: o2o.packed(session, who, order_id))


@router.post("/o2o/orders/{order_id}/ready", response_model=O2OOrderOut)
def ready(order_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """出餐 / 待取货."""
    return _step(session, who, body.command_id, "ready", order_id, {}, lambda: o2o.ready(session, who, order_id))


@router.post("/o2o/orders/{order_id}/rider-arrived", response_model=O2OOrderOut)
def rider_arrived(order_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """骑手到店."""
    return _step(session, who, body.command_id, "rider_arrived", order_id, {},
                 lambda: o2o.rider_arrived(session, who, order_id))


@router.post("/o2o/orders/{order_id}/handover", response_model=O2OOrderOut)
def handover(order_id: RowId, body: schemas.O2OHandoverIn, who: Who, session: DB, store: State) -> dict[str, Any]:
    """交付: by the customer's 自提码 (once), or to the rider; records the channel sale."""
    return _step(session, who, body.command_id, "handover", order_id, {"pickup_code": body.pickup_code},
                 lambda: o2o.hand_over(session, store.tickets, who, order_id, body.pickup_code))


@router.post("/o2o/orders/{order_id}/put-back", response_model=O2OOrderOut)
def put_back(order_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    """The goods of an order cancelled mid-pick are back on the shelf: the board stops alerting."""
    return _step(session, who, body.command_id, "put_back", order_id, {},
                 lambda: o2o.dismiss_cancel(session, who, order_id))


@router.get("/o2o/orders/{order_id}/pick-list", response_class=Response, responses=PRINTED)
def print_pick_list(order_id: RowId, who: Who, session: DB, settings: Settings,
                    format: schemas.PrintOption = "text", profile: schemas.PrintOption = "80mm") -> Response:
    """拣货单: the order's lines to pick, for the receipt printer."""
    return printed(pick_list(session, order_id, settings), format, profile, False, False)


@router.get("/o2o/orders/{order_id}/label", response_class=Response, responses=PRINTED)
def print_label(order_id: RowId, who: Who, session: DB, settings: Settings,
                format: schemas.PrintOption = "text", profile: schemas.PrintOption = "80mm") -> Response:
    """袋贴: order number, 自提码, a QR of the order, items count and the customer's masked name."""
    return printed(bag_label(session, order_id, settings), format, profile, False, False)
