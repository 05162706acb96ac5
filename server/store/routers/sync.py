"""The store's link to HQ as the sync page (Ctrl+S) shows it: status, uploads HQ keeps refusing,
and the coupon, stored-value and points steps HQ could not carry out (未能处理)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from app import loyalty
from app.messages import language_of
from app.sync import outbox as sync_outbox
from app.sync.worker import status as sync_status
from server.fields import RowId
from server.hq.responses import ConflictOut
from server.responses import HQ_FAULTS
from server.store import schemas
from server.store.deps import DB, State, Who
from server.store.responses import StoreConflictsOut, StuckEventsOut, SyncStatusOut

router = APIRouter(tags=["sync"])


@router.get("/sync/status", response_model=SyncStatusOut)
def get_sync_status(who: Who, session: DB, state: State) -> dict[str, Any]:
    return sync_status(state.sync.state if state.sync else None, session)


@router.get("/sync/stuck", response_model=StuckEventsOut)
def get_stuck_events(who: Who, session: DB, request: Request) -> dict[str, Any]:
    """Uploads HQ keeps refusing, and those it parked, with why in the till's language."""
    return {"items": sync_outbox.stuck(session, language_of(request.headers.get("accept-language")))}


@router.get("/loyalty/conflicts", response_model=StoreConflictsOut, responses=HQ_FAULTS)
def loyalty_conflicts(who: Who, request: Request, state: State,
                      everything: Annotated[bool, Query(alias="all")] = False) -> dict[str, Any]:
    """未能处理: what HQ could not carry out of this store's coupons, stored value and points; the
    open ones, or with ``all`` those the manager has handled too."""
    language = language_of(request.headers.get("accept-language"))
    return {"items": loyalty.conflicts(state.hq(), language, everything)}


@router.post("/loyalty/conflicts/{conflict_id}/resolve", response_model=ConflictOut, responses=HQ_FAULTS)
def resolve_loyalty_conflict(conflict_id: RowId, body: schemas.ConflictResolveIn,
                             who: Who, state: State) -> dict[str, Any]:
    """已处理: the manager marks one of HQ's conflicts handled, with a note of what was done."""
    return loyalty.resolve_conflict(state.sessions, state.hq(), who, body.command_id, conflict_id, body.note)
