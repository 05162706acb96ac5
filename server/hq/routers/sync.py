"""A store's sync: its outbox events up (in order, exactly once), master data changes down."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from app.domain.errors import DomainError
from app.hq import changes, ingest, services
from app.hq.settings import FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, FEED_MAX_WAIT_SECONDS
from server.fields import Count
from server.hq import schemas
from server.hq.deps import DB, RawBody, Settings, SignedStore, State, documented_body, signed_body
from server.hq.responses import FeedOut, IngestedOut
from server.responses import answer

router = APIRouter(tags=["sync"])


@router.post("/sync/events", response_model=IngestedOut, openapi_extra=documented_body(schemas.EventBatchIn))
def sync_events(store: SignedStore, body: RawBody, session: DB, settings: Settings) -> Response:
    too_large = DomainError("batch_too_large", status=413, max_events=settings.max_batch_events,
                            max_bytes=settings.max_batch_bytes)
    if len(body) > settings.max_batch_bytes:
        raise too_large
    batch = signed_body(schemas.EventBatchIn, body)
    if len(batch.events) > settings.max_batch_events:
        raise too_large
    events = [ingest.IncomingEvent(e.event_id, e.seq, e.kind, e.payload, e.created_at) for e in batch.events]
    return answer(IngestedOut, services.ingest_events(session, store.id, events).as_dict())


@router.get("/sync/feed", response_model=FeedOut)
async def sync_feed(
    store: SignedStore,
    state: State,
    cursor: Count = 0,
    limit: Annotated[int, Query(ge=1, le=FEED_MAX_LIMIT)] = FEED_DEFAULT_LIMIT,
    wait: Annotated[float, Query(ge=0, le=FEED_MAX_WAIT_SECONDS)] = 0,
) -> Response:
    """Master data changes after ``cursor`` for the calling store; ``wait`` long-polls."""
    def read() -> changes.FeedPage:
        with state.sessions() as session:
            return changes.read_feed(session, store, cursor, limit)

    deadline = time.monotonic() + wait
    page = await run_in_threadpool(read)
    while not page.changes and time.monotonic() < deadline:
        await asyncio.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
        page = await run_in_threadpool(read)
    return answer(FeedOut, page.as_dict())
