"""The HQ server: FastAPI over PostgreSQL (SQLite for the demo), assembled from one router per
resource (``routers/``). Routes stay thin: they call ``app.hq`` use cases, which own their
transactions (``app.hq.services``).

Auth (``server.hq.deps``): admins and channels send ``Authorization: Bearer <api key>`` (scopes);
stores sign each request with their enrolment secret (``app.sync.signing``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

from fastapi import APIRouter, FastAPI

from app.hq.orders.jobs import Jobs
from app.hq.settings import HQSettings
from server.errors import finish_app
from server.hq.deps import HQState
from server.hq.routers import (
    api_keys,
    channels,
    conflicts,
    coupons,
    masterdata,
    members,
    orders,
    platforms,
    points,
    recon,
    reports,
    stored_value,
    stores,
    sync,
    transfers,
)
from server.responses import REFUSALS

#: matched in this order, one route after another: the order intake (a platform's rush) and the
#: stores' sync come first
ROUTERS = (orders, platforms, sync, stores, members, coupons, stored_value, points, conflicts, api_keys, masterdata,
           channels, reports, transfers, recon)


def create_hq_app(database_url: str | None = None, settings: HQSettings | None = None,
                  migrate: bool = True) -> FastAPI:
    settings = settings or HQSettings.from_env(database_url)
    if database_url and settings.database_url != database_url:
        settings = replace(settings, database_url=database_url)
    state = HQState(settings, migrate)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        jobs = Jobs(state.sessions)  # the order center's SLA, platform callbacks and pulls
        jobs.start()
        state.router.start()
        if state.intake is not None:
            await state.intake.open()
        try:
            yield
        finally:
            if state.intake is not None:
                await state.intake.close()
            state.router.stop()
            jobs.stop()

    app = FastAPI(title="OmniStore HQ server", version="1", docs_url="/docs", lifespan=lifespan)
    app.state.hq = state
    return finish_app(app, api(), settings.max_body_bytes)


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory`` workers: the settings from the environment, already migrated."""
    return create_hq_app(migrate=False)


def api() -> APIRouter:
    """Every resource's routes, mounted under ``/api/v1`` by ``finish_app``, each documenting its
    coded refusals."""
    router = APIRouter()
    for module in ROUTERS:
        router.include_router(module.router, responses=REFUSALS)
    return router
