"""价签 at the back office: the labels to print (HQ's price changes and promotions put them there),
one product's label from a scan, and the labels printed coming off the list."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app import labels
from app.domain.price_tags import LabelStock
from server.fields import Count
from server.store import schemas
from server.store.deps import DB, Settings, Who, command
from server.store.responses import LabelsOut, LabelsPrintedOut, PriceTagOut

router = APIRouter(tags=["labels"])

Limit = Annotated[int, Query(ge=1, le=500)]


@router.get("/labels/pending", response_model=LabelsOut)
def pending_labels(who: Who, session: DB, limit: Limit = 100, offset: Count = 0) -> dict[str, Any]:
    """待打印价签, oldest first, each with what its label shows."""
    return labels.pending(session, who, limit, offset)


@router.get("/labels/tag", response_model=PriceTagOut)
def label_tag(who: Who, session: DB, settings: Settings, code: schemas.Code) -> dict[str, Any]:
    """One product's label, from a scanned or typed code."""
    return labels.tag_for_code(session, who, code, settings.in_store_layout)


@router.post("/labels/requests", response_model=LabelsOut)
def request_label(body: schemas.LabelRequestIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """A product's label put on the list by hand (a torn or missing label)."""
    return command(session, who, body.command_id, "label_request", body.model_dump(exclude={"command_id"}),
                   lambda: labels.request_label(session, who, body.code, settings.in_store_layout))


@router.post("/labels/printed", response_model=LabelsPrintedOut)
def labels_printed(body: schemas.LabelsPrintedIn, who: Who, session: DB) -> dict[str, Any]:
    """Printed labels come off the list; a template too big for the label stock is refused."""
    stock = LabelStock(body.width_mm, body.height_mm)
    return command(session, who, body.command_id, "labels_printed", body.model_dump(exclude={"command_id"}),
                   lambda: labels.mark_printed(session, who, body.ids, body.template, stock))
