"""What HQ's routes depend on: HQ's state, a database session, API keys with their scopes for
admins and channels, and the signature check for stores.

Auth: admins and channels send ``Authorization: Bearer <api key>`` (scopes); stores sign each
request with their enrolment secret (``app.sync.signing``)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from app.hq import keys, signed
from app.hq.engine import make_hq_engine, make_hq_sessions
from app.hq.migrate import upgrade
from app.hq.models import ApiKey, Store
from app.hq.orders.fast_intake import FastIntake
from app.hq.orders.router import Router
from app.hq.settings import HQSettings
from server.errors import invalid_request

Model = TypeVar("Model", bound=BaseModel)


class HQState:
    """One HQ process's long-lived parts: settings, the database, the nonce pruner, the O2O router."""

    def __init__(self, settings: HQSettings, migrate: bool = True) -> None:
        self.settings = settings
        self.engine = make_hq_engine(settings.database_url)
        if migrate:
            upgrade(self.engine)
        self.sessions: sessionmaker[Session] = make_hq_sessions(self.engine)
        self.pruner = signed.NoncePruner()
        #: routes the O2O orders taken in (started with the app, beside the order center's jobs)
        self.router = Router(self.sessions)
        #: the order intake's hot path on PostgreSQL (its pool opens with the app's event loop)
        self.intake = FastIntake(settings.database_url) if self.engine.dialect.name == "postgresql" else None


# Dependencies that touch no database and wait for nothing are ``async``: FastAPI runs each plain
# ``def`` dependency on a worker thread of its own, a hop that costs more than the work it wraps.


def hq_state(request: Request) -> HQState:
    return request.app.state.hq  # type: ignore[no-any-return]


async def _state(request: Request) -> HQState:
    return hq_state(request)


State = Annotated[HQState, Depends(_state)]


async def hq_settings(state: State) -> HQSettings:
    return state.settings


Settings = Annotated[HQSettings, Depends(hq_settings)]


def db(state: State) -> Iterator[Session]:
    with state.sessions() as session:
        yield session


DB = Annotated[Session, Depends(db)]


def json_response(data: Any, status: int = 200) -> Response:
    """Big pages skip FastAPI's jsonable_encoder walk: the data is plain JSON already."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), status_code=status,
                    media_type="application/json")


# ---- API keys (admins, channels) -------------------------------------------------------------
def api_key(request: Request, state: State) -> ApiKey:
    with state.sessions() as session:
        return keys.resolve(session, request.headers.get("authorization"))


def scoped(*any_of: str) -> Callable[[ApiKey], Awaitable[ApiKey]]:
    """A dependency admitting a key with any of the scopes ``any_of`` (``admin`` admits everything)."""
    async def check(key: Annotated[ApiKey, Depends(api_key)]) -> ApiKey:
        keys.require(key, *any_of)
        return key
    return check


Admin = Annotated[ApiKey, Depends(scoped(keys.ADMIN))]
CatalogReader = Annotated[ApiKey, Depends(scoped(keys.CATALOG_READ))]
SalesReader = Annotated[ApiKey, Depends(scoped(keys.SALES_READ))]
OrderWriter = Annotated[ApiKey, Depends(scoped(keys.ORDERS_WRITE))]


# ---- signed store requests -------------------------------------------------------------------
async def raw_body(request: Request) -> bytes:
    return await request.body()


RawBody = Annotated[bytes, Depends(raw_body)]


def signed_request(request: Request, body: bytes) -> signed.SignedRequest:
    """The request as the store signed it: method, raw path and query, headers, body."""
    path = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1")
    query = request.scope.get("query_string", b"").decode("latin-1")
    return signed.SignedRequest(request.method, f"{path}?{query}" if query else path,
                                {k.lower(): v for k, v in request.headers.items()}, body)


def signed_store(request: Request, body: RawBody, state: State) -> Store:
    with state.sessions() as session:
        return signed.verify(session, signed_request(request, body), state.settings.secret_key, state.pruner)


SignedStore = Annotated[Store, Depends(signed_store)]


async def for_signed_store(state: HQState, request: Request, body: bytes,
                           work: Callable[[Store, Session], Response]) -> Response:
    """``work`` for the store that signed the request, checked as ``SignedStore`` does, for the
    calls a till waits on at checkout: the check and the work share one trip to the threadpool
    and one pooled connection (two transactions: the nonce is kept even if the work fails)."""
    incoming = signed_request(request, body)

    def run() -> Response:
        with state.engine.connect() as connection, state.sessions(bind=connection) as session:
            store = signed.verify(session, incoming, state.settings.secret_key, state.pruner)
            return work(store, session)

    return await run_in_threadpool(run)


def documented_body(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` for a signed route: its body as ``model`` says, in the schema like any
    other (the route parses it itself, after the signature)."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return {"requestBody": {"required": True, "content": {"application/json": {"schema": inline(schema)}}}}


def signed_body(model: type[Model], body: bytes) -> Model:
    """A signed request's body read as ``model`` (the signature covers the raw bytes, so the body is
    parsed here rather than by FastAPI)."""
    try:
        return model.model_validate_json(body)
    except ValidationError as error:
        raise invalid_request(error.errors()) from None
