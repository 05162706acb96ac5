"""One place where errors become JSON ``{"code", "message"}`` in the caller's language.

Shared by the store and HQ apps.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.domain.errors import DomainError
from app.messages import language_of, message
from server.fields import coded_refusal
from server.responses import HealthOut, answer

log = logging.getLogger("omnistore.api")


def error_response(request: Request | None, error_code: str, status: int, params: dict[str, Any] | None = None) -> JSONResponse:
    params = params or {}
    language = language_of(request.headers.get("accept-language") if request else None)
    body: dict[str, Any] = {"code": error_code, "message": message(error_code, language, params)}
    # The message's values, machine-readable and stable too: a till shows its own words with
    # them, a store server relays HQ's refusal in the till's language, a sync worker realigns.
    shown = {k: v for k, v in params.items() if isinstance(v, str | int | float | bool) and k != "detail"}
    if shown:
        body["params"] = shown
    for key in PASSED_THROUGH:
        if key in params:
            body[key] = params[key]
    return JSONResponse(body, status_code=status)


#: values clients read by name at the top level of an error (kept there for them)
PASSED_THROUGH = ("action", "due_fen", "remaining", "expected", "event_id", "scope", "store", "max_events", "max_bytes")


def invalid_request(errors: Sequence[Any]) -> DomainError:
    """Pydantic's validation errors as one coded error, for a body FastAPI parsed and for one a
    route parsed itself (HQ's signed bodies): ``invalid_json`` (400) when it is not JSON at all,
    else ``invalid_request`` (422) naming the first field at fault."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return DomainError("invalid_json", status=400)
    first = errors[0] if errors else {}
    ours = coded_refusal(first)  # a limit of app.domain.limits: its own code (invalid_text)
    if ours is not None:
        return DomainError(ours[0], status=422, **ours[1])
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    return DomainError("invalid_request", status=422, detail=f"{where}: {first.get('msg', '')}".strip(": "))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(request: Request, error: DomainError) -> JSONResponse:
        return error_response(request, error.code, error.status, error.params)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
        refused = invalid_request(error.errors())
        return error_response(request, refused.code, refused.status, refused.params)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "invalid_request")
        return error_response(request, code, error.status_code, {"detail": str(error.detail)})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, "internal_error", 500)


class BodyGuard:
    """Refuse oversized bodies (413 ``body_too_large``) and non-UTF-8 JSON (400 ``invalid_encoding``)
    before any handler runs, so nothing is half-read or half-written."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send, "body_too_large", 413)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, send, "body_too_large", 413)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            await self._refuse(scope, send, "invalid_encoding", 400)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send, code: str, status: int) -> None:
        request = Request(scope)
        response = error_response(request, code, status, {"limit": self.max_bytes})
        await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def finish_app(app: FastAPI, router: Any, max_body_bytes: int) -> FastAPI:
    """What the store and HQ apps share: error handlers, the body guard, /healthz, the API."""
    install_error_handlers(app)
    app.add_middleware(BodyGuard, max_bytes=max_body_bytes)

    @app.get("/healthz", response_model=HealthOut)
    def healthz() -> Response:
        return answer(HealthOut, {"status": "ok"})

    app.include_router(router, prefix="/api/v1")
    return app
