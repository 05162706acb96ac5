"""未能处理: the coupon, stored-value and points steps HQ could not carry out of a store's events,
listed for the store's manager and marked handled with a note (signed calls)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.hq import conflicts, services
from server.fields import RowId
from server.hq import schemas
from server.hq.deps import DB, RawBody, SignedStore, documented_body, signed_body
from server.hq.responses import ConflictOut, ConflictsOut
from server.responses import answer

router = APIRouter(tags=["conflicts"])


@router.get("/loyalty/conflicts", response_model=ConflictsOut)
def store_loyalty_conflicts(store: SignedStore, session: DB,
                            everything: Annotated[bool, Query(alias="all")] = False) -> Response:
    """This store's coupon, stored-value and points steps HQ could not carry out, for its manager:
    the open ones, or with ``all`` those already handled too."""
    return answer(ConflictsOut, conflicts.listing(session, store.code, include_resolved=everything, limit=100))


@router.post("/loyalty/conflicts/{conflict_id}/resolve", response_model=ConflictOut,
             openapi_extra=documented_body(schemas.ConflictResolveIn))
def resolve_loyalty_conflict(conflict_id: RowId, store: SignedStore,
                             body: RawBody, session: DB) -> Response:
    """已处理: the store's manager marks one of the store's own conflicts handled, with a note."""
    data = signed_body(schemas.ConflictResolveIn, body)
    return answer(ConflictOut, services.resolve_conflict(session, store, conflict_id, data.operator.strip(), data.note))
