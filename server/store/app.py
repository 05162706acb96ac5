"""The store server: FastAPI over SQLite, assembled from one router per resource (``routers/``).

Routes stay thin: they call ``app`` use cases, which own their transactions."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from app.settings import StoreSettings
from server.errors import finish_app
from server.responses import REFUSALS
from server.store.deps import StoreState
from server.store.routers import (
    audit,
    catalog,
    closing,
    coupons,
    drawer,
    labels,
    members,
    o2o,
    paycodes,
    recon,
    reports,
    returns,
    sales,
    session,
    shelves,
    shifts,
    staff,
    stock,
    stored_value,
    sync,
    tickets,
)
from server.store.routers import settings as store_settings

ROUTERS = (session, shifts, catalog, tickets, drawer, members, coupons, stored_value, returns, stock, sync, sales,
           reports, closing, store_settings, o2o, labels, paycodes, staff, audit, recon, shelves)


def create_store_app(settings: StoreSettings | None = None) -> FastAPI:
    settings = settings or StoreSettings.from_env()
    state = StoreState(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        state.start_sync()
        gc.collect()
        gc.freeze()  # what start-up built lives as long as the server: no collection walks it again
        yield
        state.stop_sync()

    app = FastAPI(title="OmniStore store server", version="1", docs_url="/docs", lifespan=lifespan)
    app.state.store = state
    return finish_app(app, api(), settings.max_body_bytes)


def api() -> APIRouter:
    """Every resource's routes, mounted under ``/api/v1`` by ``finish_app``, each documenting its
    coded refusals.

    The routes are added to this one router as they are, not included router by router: FastAPI
    finds a route of an included router by walking every included router's routes, once to match
    and once more to handle, at each level — for a till's scan, a few hundred route checks, half a
    millisecond of the event loop. One flat list costs one walk and a regex per route before it. Each
    route is added with what ``include_router(module.router, responses=REFUSALS)`` gave it."""
    router = APIRouter()
    for module in ROUTERS:
        for route in module.router.routes:
            if not isinstance(route, APIRoute):
                raise TypeError(f"{module.__name__}: {route!r} is not an API route")
            router.add_api_route(
                route.path, route.endpoint, response_model=route.response_model, status_code=route.status_code,
                tags=route.tags, dependencies=route.dependencies, summary=route.summary,
                description=route.description, response_description=route.response_description,
                responses={**REFUSALS, **route.responses}, deprecated=route.deprecated, methods=route.methods,
                operation_id=route.operation_id, response_model_include=route.response_model_include,
                response_model_exclude=route.response_model_exclude,
                response_model_by_alias=route.response_model_by_alias,
                response_model_exclude_unset=route.response_model_exclude_unset,
                response_model_exclude_defaults=route.response_model_exclude_defaults,
                response_model_exclude_none=route.response_model_exclude_none,
                include_in_schema=route.include_in_schema, response_class=route.response_class, name=route.name,
                callbacks=route.callbacks, openapi_extra=route.openapi_extra,
                generate_unique_id_function=route.generate_unique_id_function,
                strict_content_type=route.strict_content_type)
    return router
