"""调拨 between stores: a store sends (signed), gives a transfer up (signed, its undo); admins see
the chain's transfers. Receiving comes up as the receiver's ``transfer_received`` event."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.hq import services, transfers
from server.hq import schemas
from server.hq.deps import DB, Admin, RawBody, SignedStore, documented_body, signed_body
from server.hq.responses import TransferOut, TransfersOut
from server.responses import answer

router = APIRouter(tags=["transfers"])

Status = Annotated[str, Query(pattern=r"^(dispatched|received|cancelled)$")]


@router.post("/transfers", response_model=TransferOut, openapi_extra=documented_body(schemas.TransferIn))
def create_transfer(store: SignedStore, body: RawBody, session: DB) -> Response:
    """调拨出库: the receiving store must be the chain's and enabled; the same number again answers
    the transfer as first kept."""
    data = signed_body(schemas.TransferIn, body)
    lines = [line.model_dump() for line in data.lines]
    return answer(TransferOut, services.create_transfer(session, store, data.transfer_no, data.to_store, lines,
                                                        data.note))


@router.post("/transfers/cancel", response_model=TransferOut, openapi_extra=documented_body(schemas.TransferCancelIn))
def cancel_transfer(store: SignedStore, body: RawBody, session: DB) -> Response:
    """The sender gives a transfer up before its goods left (refused once received)."""
    data = signed_body(schemas.TransferCancelIn, body)
    return answer(TransferOut, services.cancel_transfer(session, store, data.transfer_no))


@router.get("/admin/transfers", response_model=TransfersOut)
def admin_transfers(admin: Admin, session: DB, store: schemas.OptionalText32 = "",
                    status: Status | None = None) -> dict[str, Any]:
    """The chain's transfers, newest first; one store's (sent or received) with ``store``."""
    return {"items": transfers.list_transfers(session, store[:16] or None, status)}


@router.get("/admin/transfers/{transfer_no}", response_model=TransferOut)
def admin_transfer(transfer_no: schemas.TransferNo, admin: Admin, session: DB) -> dict[str, Any]:
    return transfers.get(session, transfer_no)
