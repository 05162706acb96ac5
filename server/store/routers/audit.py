"""审计: the store's hash-chained audit log for the manager — filtered, exported, verified (``app.audit``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from app import audit
from server.fields import Count, Day
from server.store import schemas
from server.store.deps import Language, ReadDB, Reader
from server.store.responses import CSV_EXPORT, AuditEntriesOut, AuditVerdictOut

router = APIRouter(tags=["audit"])

First = Annotated[Day | None, Query(alias="from")]
Last = Annotated[Day | None, Query(alias="to")]


def _filter(first: Any, last: Any, action: str, operator: str) -> audit.Filter:
    return audit.Filter(first, last, action.strip(), operator.strip())


@router.get("/audit", response_model=AuditEntriesOut)
def entries(who: Reader, session: ReadDB, first: First = None, last: Last = None, action: schemas.SearchText = "",
            operator: schemas.SearchText = "", limit: Count = 200) -> dict[str, Any]:
    """The newest entries that match (a range of days, an action, who acted or authorised), newest first."""
    return audit.entries(session, who, _filter(first, last, action, operator), limit)


@router.get("/audit/verify", response_model=AuditVerdictOut)
def verify(who: Reader, session: ReadDB) -> dict[str, Any]:
    """Whether the chain holds from its first entry, and where it breaks if not."""
    return audit.verify_for(session, who)


@router.get("/audit/export", response_class=Response, responses=CSV_EXPORT)
def export(who: Reader, session: ReadDB, language: Language, first: First = None, last: Last = None,
           action: schemas.SearchText = "", operator: schemas.SearchText = "") -> Response:
    """Every matching entry, oldest first, as CSV."""
    return Response(audit.to_csv(session, who, _filter(first, last, action, operator), language),
                    media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit.csv"'})
