"""The 美团外卖 and 饿了么 adapters: their pushes checked (signature, freshness) and read into
orders, cancels and cancel requests; HQ's calls to them (confirm, ready, picked up, cancel,
cancel agree/reject, partial refund) signed their way; the pull of their unprocessed orders, the
safety net for a push that never arrived. The protocols' shared parts are in
``app.domain.platforms``."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import o2o
from app.domain import platforms as p
from app.domain.errors import DomainError
from app.hq.models import O2OChannel, O2OOrder
from app.hq.orders import callbacks, feed, intake, routing
from app.hq.orders.intake import LineIn, OrderIn

TIMEOUT = 10


def _bad_signature() -> DomainError:
    return DomainError("bad_platform_signature", status=401)


def _fresh(timestamp: Any) -> None:
    try:
        at = int(str(timestamp))
    except ValueError:
        raise _bad_signature() from None
    if abs(time.time() - at) > p.FRESHNESS_SECONDS:
        raise _bad_signature()


def _invalid(field: str) -> DomainError:
    return DomainError("missing_field", status=422, field=field)


def _text(data: dict[str, Any], key: str, longest: int, required: bool = True) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise _invalid(key)
        return ""
    text = str(value)
    if len(text) > longest or any(ord(c) < 32 for c in text):
        raise DomainError("invalid_text", status=422, field=key, limit=longest)
    return text


def _fen(data: dict[str, Any], key: str, default: int | None = None) -> int:
    if key not in data and default is not None:
        return default
    try:
        return p.yuan_to_fen(data.get(key))
    except ValueError:
        raise DomainError("invalid_amount", status=422, amount=str(data.get(key))[:20]) from None


def _int(data: dict[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if isinstance(value, bool):
        raise _invalid(key)
    try:
        return int(str(value))
    except ValueError:
        raise _invalid(key) from None


def _coordinate(value: Any) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if number == number and abs(number) < 1000 else None


# ---- 美团 -----------------------------------------------------------------------------------------
def meituan_params(session: Session, url: str, params: dict[str, str]) -> O2OChannel:
    """The push's channel once its signature and freshness hold."""
    channel = intake.channel_of(session, p.MEITUAN)
    if params.get("app_id") != channel.app_key or not p.meituan_verify(url, params, channel.app_secret):
        raise _bad_signature()
    _fresh(params.get("timestamp"))
    return channel


def meituan_order(params: dict[str, Any]) -> OrderIn:
    try:
        detail = json.loads(str(params.get("detail") or "[]"))
    except ValueError:
        raise _invalid("detail") from None
    if not isinstance(detail, list) or not detail:
        raise _invalid("detail")
    lines = []
    for item in detail:
        if not isinstance(item, dict):
            raise _invalid("detail")
        qty = _int(item, "quantity", 1)
        price = _fen(item, "price")
        weight = _int(item, "weight") if item.get("weight") else None
        lines.append(LineIn(_text(item, "app_food_code", 32, required=False) or None,
                            _text(item, "upc", 32, required=False) or None, qty, weight, price,
                            price if weight else price * qty, _text(item, "food_name", 64, required=False) or None))
    pickup = str(params.get("pick_type", "0")) == "1"
    delivery_time = _int(params, "delivery_time", 0)
    lat, lng = _coordinate(params.get("latitude")), _coordinate(params.get("longitude"))
    return OrderIn(
        channel=p.MEITUAN, channel_order_no=_text(params, "order_id", 64), fulfilment="pickup" if pickup else "delivery",
        customer_name=_text(params, "recipient_name", 64, required=False) or "美团顾客",
        customer_phone=_text(params, "recipient_phone", 20), lines=lines, paid=_fen(params, "total"),
        store=_text(params, "app_poi_code", 16), store_fixed=pickup,
        address=_text(params, "recipient_address", 200, required=False) or None, lat=lat, lng=lng,
        requested_at=datetime.fromtimestamp(delivery_time, UTC) if delivery_time > 0 else None,
        payment_ref=_text(params, "order_id", 64), delivery_fee=_fen(params, "shipping_fee", 0),
        allow_substitute=False, note=_text(params, "caution", 200, required=False),
        extra={"platform_status": str(params.get("status", ""))})


def meituan_push(session: Session, url: str, params: dict[str, str]) -> O2OOrder:
    meituan_params(session, url, params)
    return take_or_cancel(session, p.MEITUAN_STATE.get(_int(params, "status", 2), "pending"), meituan_order(params))


def take_or_cancel(session: Session, state: str, incoming: OrderIn) -> O2OOrder:
    """A pushed or pulled order as the platform's status says: cancelled there → cancelled here (if
    HQ has it; an order it never had stays unknown), else taken (once)."""
    if state == o2o.CANCELLED:
        known = intake.find(session, incoming.channel, incoming.channel_order_no)
        if known is None:
            raise DomainError("order_not_found", status=404, order=incoming.channel_order_no)
        if known.state == o2o.CANCELLED:
            return known
        return intake.cancel(session, incoming.channel, incoming.channel_order_no, f"{incoming.channel}:cancelled")
    return intake.take(session, incoming)


def meituan_cancel(session: Session, url: str, params: dict[str, str]) -> O2OOrder:
    meituan_params(session, url, params)
    return intake.cancel(session, p.MEITUAN, _text(params, "order_id", 64),
                         _text(params, "reason", 64, required=False) or f"meituan:{params.get('reason_code', '')}")


def meituan_refund(session: Session, url: str, params: dict[str, str]) -> O2OOrder:
    """美团's refund push: ``notify_type=apply`` is the customer asking to cancel (agreed unless the
    order was handed over); the others are the platform telling us how a refund ended."""
    meituan_params(session, url, params)
    number = _text(params, "order_id", 64)
    if params.get("notify_type") != "apply":
        order = intake.find(session, p.MEITUAN, number)
        if order is None:
            raise DomainError("order_not_found", status=404, order=number)
        return order
    return customer_cancel(session, p.MEITUAN, number, _text(params, "reason", 64, required=False) or "customer")


def meituan_logistics(session: Session, url: str, params: dict[str, str]) -> O2OOrder:
    """美团's logistics push: where the rider is (骑手接单, 到店, 取餐…), shown on the store's board."""
    meituan_params(session, url, params)
    code = _int(params, "logistics_status")
    return rider(session, p.MEITUAN, _text(params, "order_id", 64), p.MEITUAN_RIDER.get(code, str(code)),
                 _text(params, "dispatcher_name", 64, required=False), _text(params, "dispatcher_mobile", 20,
                                                                             required=False))


# ---- 饿了么 ---------------------------------------------------------------------------------------
def eleme_push(session: Session, body: dict[str, Any]) -> O2OOrder | None:
    """A 饿了么 push: an order placed (10), cancelled before acceptance (14), a cancel asked (20);
    other types are acknowledged and ignored (None)."""
    channel = intake.channel_of(session, p.ELEME)
    if str(body.get("appId")) != channel.app_key or not p.eleme_push_verify(body, channel.app_secret):
        raise _bad_signature()
    _fresh(body.get("timestamp"))
    kind = _int(body, "type")
    try:
        message = json.loads(str(body.get("message") or "{}"))
    except ValueError:
        raise _invalid("message") from None
    if not isinstance(message, dict):
        raise _invalid("message")
    if kind == p.ELEME_PLACED:
        return take_or_cancel(session, p.ELEME_STATE.get(str(message.get("status", "unprocessed")), "pending"),
                              eleme_order(message))
    if kind == p.ELEME_CANCELLED:
        return intake.cancel(session, p.ELEME, _text(message, "orderId", 64),
                             _text(message, "reason", 64, required=False) or "eleme:cancelled")
    if kind == p.ELEME_DELIVERY:
        state = _text(message, "state", 32)
        return rider(session, p.ELEME, _text(message, "orderId", 64), p.ELEME_RIDER.get(state, state),
                     _text(message, "name", 64, required=False), _text(message, "phone", 20, required=False))
    if kind == p.ELEME_CANCEL_ASKED:
        return customer_cancel(session, p.ELEME, _text(message, "orderId", 64),
                               _text(message, "reason", 64, required=False) or "customer")
    return None


def eleme_order(message: dict[str, Any]) -> OrderIn:
    groups = message.get("groups")
    if not isinstance(groups, list) or not groups:
        raise _invalid("groups")
    lines = []
    for group in groups:
        items = group.get("items") if isinstance(group, dict) else None
        if not isinstance(items, list):
            raise _invalid("groups.items")
        for item in items:
            if not isinstance(item, dict):
                raise _invalid("groups.items")
            qty = _int(item, "quantity", 1)
            weight = _int(item, "weight") if item.get("weight") else None
            lines.append(LineIn(_text(item, "extendCode", 32, required=False) or None,
                                _text(item, "barCode", 32, required=False) or None, qty, weight, _fen(item, "price"),
                                _fen(item, "total"), _text(item, "name", 64, required=False) or None))
    geo = str(message.get("deliveryGeo") or "")
    lng, _, lat = geo.partition(",")
    phones = message.get("phoneList") or []
    pickup = bool(message.get("pickUp"))
    deliver_time = message.get("deliverTime")
    requested = None
    if deliver_time:
        try:
            requested = datetime.fromisoformat(str(deliver_time))
        except ValueError:
            raise _invalid("deliverTime") from None
    return OrderIn(
        channel=p.ELEME, channel_order_no=_text(message, "id", 64), fulfilment="pickup" if pickup else "delivery",
        customer_name=_text(message, "consignee", 64, required=False) or "饿了么顾客",
        customer_phone=str(phones[0])[:20] if isinstance(phones, list) and phones else "",
        lines=lines, paid=_fen(message, "totalPrice"), store=_text(message, "openId", 16), store_fixed=pickup,
        address=_text(message, "deliveryPoiAddress", 200, required=False) or None,
        lat=_coordinate(lat) if geo else None, lng=_coordinate(lng) if geo else None, requested_at=requested,
        payment_ref=_text(message, "id", 64), delivery_fee=_fen(message, "deliverFee", 0),
        note=_text(message, "description", 200, required=False))


# ---- both ----------------------------------------------------------------------------------------
def rider(session: Session, channel: str, number: str, status: str, name: str, phone: str) -> O2OOrder:
    """The platform's rider on the order (each part of a split one), told to its store."""
    order = intake.find(session, channel, number, lock=True)
    if order is None:
        raise DomainError("order_not_found", status=404, order=number)
    parts = [order] if order.state != o2o.SPLIT else list(
        session.scalars(select(O2OOrder).where(O2OOrder.parent_id == order.id).with_for_update()))
    for part in parts:
        part.rider = {"status": status, "name": name, "phone": o2o.mask_phone(phone) if phone else ""}
        routing.note(session, part, "rider", {"status": status})
        if part.store_id is not None and part.state not in o2o.FINAL:
            feed.publish(session, part)
    return order
def customer_cancel(session: Session, channel: str, number: str, reason: str) -> O2OOrder:
    """The customer asks to cancel after the store accepted: agreed (the store is stopped, the stock
    released) unless the order was handed over, which the platform is told as a refusal."""
    order = intake.find(session, channel, number, lock=True)
    if order is None:
        raise DomainError("order_not_found", status=404, order=number)
    if order.state == "handed_over":
        callbacks.enqueue(session, order, "cancel_reject", {"reason": "handed_over"})
        return order
    cancelled = intake.cancel(session, channel, number, reason)
    callbacks.enqueue(session, cancelled, "cancel_agree", {})
    return cancelled


def send(channel: O2OChannel, action: str, payload: dict[str, Any]) -> Any:
    """One call to the platform, signed its way; raises on anything but its success answer."""
    if channel.code == p.MEITUAN:
        url = channel.callback_url.rstrip("/") + "/" + p.MEITUAN_CALLS[action]
        params = {"app_id": channel.app_key, "timestamp": str(int(time.time())),
                  "order_id": str(payload.get("channel_order_no", "")),
                  **{k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, separators=(",", ":"))
                     for k, v in payload.items() if k != "channel_order_no"}}
        params["sig"] = p.meituan_sig(url, params, channel.app_secret)
        response = requests.post(url, data=params, timeout=TIMEOUT)
        response.raise_for_status()
        answer = response.json()
        if answer.get("data") == "ng" or answer.get("error"):
            raise RuntimeError(f"meituan: {answer.get('error')}")
        return answer.get("result", answer.get("data"))
    if channel.code == p.ELEME:
        metas = {"app_key": channel.app_key, "timestamp": int(time.time())}
        params_e = {"orderId": str(payload.get("channel_order_no", "")),
                    **{k: v for k, v in payload.items() if k != "channel_order_no"}}
        action_name = p.ELEME_CALLS[action]
        body: dict[str, Any] = {"nop": "1.0.0", "id": uuid.uuid4().hex, "action": action_name, "token": "", "metas": metas,
                "params": params_e,
                "signature": p.eleme_call_signature(action_name, "", metas, params_e, channel.app_secret)}
        response = requests.post(channel.callback_url, json=body, timeout=TIMEOUT)
        response.raise_for_status()
        answer = response.json()
        if answer.get("error"):
            raise RuntimeError(f"eleme: {answer['error']}")
        return answer.get("result")
    url = channel.callback_url.rstrip("/") + "/" + action
    response = requests.post(url, json=payload, timeout=TIMEOUT)
    response.raise_for_status()
    return None


@dataclass(frozen=True, slots=True)
class PlatformBill:
    """A platform's settlement bill of a day as downloaded: its CSV bytes, or why there are none."""

    available: bool
    content: bytes = b""
    filename: str = ""
    code: str = ""
    message: str = ""
    later: bool = False  # the platform has no bill for the day (yet): fetch again on the next run


def download_bill(channel: O2OChannel, day: date) -> PlatformBill:
    """The platform's settlement bill (结算账单) of ``day``, asked for with a signed call like every
    other (``app.domain.platforms``: 美团 ``bill/download``, 饿了么 ``eleme.finance.downloadBill``),
    outside any transaction. A platform that cannot be reached or says no answers ``available=False``."""
    try:
        if channel.code == p.MEITUAN:
            url = channel.callback_url.rstrip("/") + "/" + p.MEITUAN_BILL
            params = {"app_id": channel.app_key, "timestamp": str(int(time.time())), "bill_date": day.isoformat()}
            params["sig"] = p.meituan_sig(url, params, channel.app_secret)
            answer = requests.post(url, data=params, timeout=TIMEOUT).json()
            data, error = answer.get("data"), answer.get("error") or {}
            if not isinstance(data, dict):
                return PlatformBill(False, code=str(error.get("code", "")), message=str(error.get("msg", ""))[:200],
                                    later=error.get("code") in p.MEITUAN_NO_BILL)
            content, shop = data.get("content"), data.get("shop_id", "")
        else:
            metas = {"app_key": channel.app_key, "timestamp": int(time.time())}
            params_e = {"billDate": day.isoformat()}
            body: dict[str, Any] = {
                "nop": "1.0.0", "id": uuid.uuid4().hex, "action": p.ELEME_BILL, "token": "", "metas": metas,
                "params": params_e,
                "signature": p.eleme_call_signature(p.ELEME_BILL, "", metas, params_e, channel.app_secret)}
            answer = requests.post(channel.callback_url, json=body, timeout=TIMEOUT).json()
            result, error = answer.get("result"), answer.get("error") or {}
            if not isinstance(result, dict):
                return PlatformBill(False, code=str(error.get("code", "")), message=str(error.get("message", ""))[:200],
                                    later=error.get("code") in p.ELEME_NO_BILL)
            content, shop = result.get("content"), result.get("shopId", "")
    except (requests.RequestException, ValueError, AttributeError) as failure:
        return PlatformBill(False, code="unreachable", message=str(failure)[:200])
    if not isinstance(content, str):
        return PlatformBill(False, code="no_content")
    return PlatformBill(True, content.encode("utf-8"), f"{channel.code}-{str(shop)[:32]}-{day.isoformat()}.csv")


def pull(channel: O2OChannel) -> list[dict[str, Any]]:
    """The platform's unprocessed orders (as their pushes carry them), outside any transaction."""
    result = send(channel, "unprocessed", {"channel_order_no": ""})
    return [item for item in result or [] if isinstance(item, dict)]


def take_pulled(session: Session, channel: O2OChannel, raw: dict[str, Any]) -> O2OOrder:
    """A pulled order taken like its push (already known: nothing changes)."""
    if channel.code == p.MEITUAN:
        return take_or_cancel(session, p.MEITUAN_STATE.get(_int(raw, "status", 2), "pending"), meituan_order(raw))
    return take_or_cancel(session, p.ELEME_STATE.get(str(raw.get("status", "unprocessed")), "pending"),
                          eleme_order(raw))
