"""The delivery platforms' pushes (美团外卖 form-encoded, 饿了么 JSON), each checked against the
platform's own signature before anything is read, and answered the way the platform expects;
and the pull of their unprocessed orders on demand."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from app.domain.errors import DomainError
from app.hq import services
from app.hq.orders import jobs, platforms
from server.hq import schemas
from server.hq.deps import DB, Admin, RawBody, State, signed_body
from server.hq.responses import ElemeAckOut, MeituanAckOut, PulledOut
from server.responses import answer

router = APIRouter(tags=["platforms"])


def _form_body() -> dict[str, Any]:
    schema = schemas.MeituanPushIn.model_json_schema()
    schema["additionalProperties"] = {"type": "string"}
    return {"requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": schema}}}}


def _form(body: bytes) -> dict[str, str]:
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body), max_num_fields=200)
    except (UnicodeDecodeError, ValueError):
        raise DomainError("invalid_request", status=422, detail="form") from None
    params = dict(pairs)
    signed_body(schemas.MeituanPushIn, json.dumps(params).encode())  # the fields every push carries
    return params


def _called_url(request: Request) -> str:
    """The URL the platform called, as it signed it."""
    host = request.headers.get("host", request.url.netloc)
    return f"{request.url.scheme}://{host}{request.url.path}"


MEITUAN_OK = {"data": "ok"}


@router.post("/platforms/meituan/orders", response_model=MeituanAckOut, openapi_extra=_form_body())
def meituan_order(request: Request, body: RawBody, session: DB) -> Response:
    """美团 pushes a paid order (推送已支付订单)."""
    services.platform_push(session, platforms.meituan_push, _called_url(request), _form(body))
    return answer(MeituanAckOut, MEITUAN_OK)


@router.post("/platforms/meituan/cancel", response_model=MeituanAckOut, openapi_extra=_form_body())
def meituan_cancel(request: Request, body: RawBody, session: DB) -> Response:
    """美团 pushes an order cancelled (推送取消订单)."""
    services.platform_push(session, platforms.meituan_cancel, _called_url(request), _form(body))
    return answer(MeituanAckOut, MEITUAN_OK)


@router.post("/platforms/meituan/refund", response_model=MeituanAckOut, openapi_extra=_form_body())
def meituan_refund(request: Request, body: RawBody, session: DB) -> Response:
    """美团 pushes a refund message (推送退款消息): ``apply`` is the customer asking to cancel."""
    services.platform_push(session, platforms.meituan_refund, _called_url(request), _form(body))
    return answer(MeituanAckOut, MEITUAN_OK)


@router.post("/platforms/meituan/logistics", response_model=MeituanAckOut, openapi_extra=_form_body())
def meituan_logistics(request: Request, body: RawBody, session: DB) -> Response:
    """美团 pushes the rider's progress (推送配送状态): the store's board shows it."""
    services.platform_push(session, platforms.meituan_logistics, _called_url(request), _form(body))
    return answer(MeituanAckOut, MEITUAN_OK)


@router.post("/platforms/eleme/push", response_model=ElemeAckOut, openapi_extra={"requestBody": {
    "required": True, "content": {"application/json": {"schema": schemas.ElemePushIn.model_json_schema()}}}})
def eleme_push(body: RawBody, session: DB) -> Response:
    """饿了么's push (消息推送): the signature covers the fields as sent, so the raw body is read."""
    envelope = signed_body(schemas.ElemePushIn, body)
    services.platform_push(session, platforms.eleme_push, envelope.model_dump())
    return answer(ElemeAckOut, {"message": "ok"})


@router.post("/admin/o2o/pull", response_model=PulledOut)
async def pull_now(admin: Admin, state: State) -> Response:
    """Pull the platforms' unprocessed orders now (HQ does it every 30 s by itself)."""
    taken = await run_in_threadpool(jobs.pull_all, state.sessions)
    return answer(PulledOut, {"taken": taken})
