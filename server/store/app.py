"""The store server: FastAPI over SQLite, assembled from one router per resource (``routers/``).

Routes stay thin: they call ``app`` use cases, which own their transactions."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

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
    coded refusals."""
    router = APIRouter()
    for module in ROUTERS:
        router.include_router(module.router, responses=REFUSALS)
    return router
