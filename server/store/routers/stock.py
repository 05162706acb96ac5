"""库存 at the back office: goods received, damage and counts, a product's level, the stock list,
盘点 (blind count, variance, approval), and 调拨 transfers between stores through HQ."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app import stock, stock_counts, transfers
from server.fields import Count, RowId
from server.responses import HQ_FAULTS
from server.store import schemas
from server.store.deps import DB, ReadDB, Reader, Settings, State, Who, command, override
from server.store.responses import (
    CurrentCountOut,
    StockCountApprovedOut,
    StockCountOut,
    StockLevelOut,
    StockListOut,
    StockMovedOut,
    StockVariancesOut,
    StoreTransferOut,
    StoreTransfersOut,
)

router = APIRouter(tags=["stock"])

Limit = Annotated[int, Query(ge=1, le=stock.PAGE_MOST)]
Direction = Annotated[str, Query(pattern=r"^(out|in)$")]
TransferStatus = Annotated[str, Query(pattern=r"^(dispatched|received|cancelled)$")]


def _lines(lines: list[schemas.StockLineIn]) -> list[tuple[str, int]]:
    return [(line.code, line.quantity) for line in lines]


@router.post("/stock/movements", response_model=StockMovedOut)
def move_stock(body: schemas.StockMoveIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """收货 / 报损 / 盘点 (supervisor and up); each line's new level comes back."""
    lines = [(line.code, line.quantity) for line in body.lines]
    return command(session, who, body.command_id, "stock_move", body.model_dump(exclude={"command_id", "override"}),
                   lambda: stock.manual_move(session, who, body.reason, lines, body.note, settings.in_store_layout,
                                             override=override(body), settings=settings))


@router.get("/stock", response_model=StockLevelOut)
def stock_level(who: Who, session: DB, settings: Settings,
                code: schemas.Code) -> dict[str, Any]:
    return stock.on_hand(session, code, settings.in_store_layout)


@router.get("/stock/list", response_model=StockListOut)
def stock_list(who: Reader, session: ReadDB, q: schemas.SearchText = "", limit: Limit = 50,
               offset: Count = 0) -> dict[str, Any]:
    """库存: on hand, a page at a time; ``q`` finds by name, pinyin initials, SKU, PLU or barcode."""
    return stock.stock_list(session, q, limit, offset)


@router.post("/stock/receipts", response_model=StockMovedOut)
def receive_delivery(body: schemas.StockReceiptIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """收货 of a supplier's delivery, scanned; the supplier and the delivery note's number kept."""
    return command(session, who, body.command_id, "stock_receipt", body.model_dump(exclude={"command_id"}),
                   lambda: stock.receive_delivery(session, who, _lines(body.lines), body.supplier, body.ref,
                                                  settings.in_store_layout))


@router.post("/stock/damage", response_model=StockMovedOut)
def record_damage(body: schemas.StockDamageIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """报损 with its reason (expired, broken, spoiled, lost, other + note)."""
    return command(session, who, body.command_id, "stock_damage", body.model_dump(exclude={"command_id"}),
                   lambda: stock.record_damage(session, who, _lines(body.lines), body.reason, body.note,
                                               settings.in_store_layout))


@router.post("/stock/counts", response_model=StockCountOut)
def start_count(body: schemas.StockCountStartIn, who: Who, session: DB) -> dict[str, Any]:
    """开始盘点: the book is snapshotted; one count at a time."""
    return command(session, who, body.command_id, "stock_count_start", body.model_dump(exclude={"command_id"}),
                   lambda: stock_counts.start(session, who, body.note))


@router.get("/stock/counts/current", response_model=CurrentCountOut)
def current_count(who: Who, session: DB) -> dict[str, Any]:
    return {"count": stock_counts.current(session, who)}


@router.post("/stock/counts/{count_id}/lines", response_model=StockCountOut)
def count_lines(count_id: RowId, body: schemas.StockCountLinesIn, who: Who, session: DB,
                settings: Settings) -> dict[str, Any]:
    """Counted quantities (blind: the answer never shows the book)."""
    return command(session, who, body.command_id, "stock_count_lines",
                   {"count": count_id, **body.model_dump(exclude={"command_id"})},
                   lambda: stock_counts.enter(session, who, count_id, _lines(body.lines), settings.in_store_layout,
                                              add=body.add))


@router.get("/stock/counts/{count_id}/variances", response_model=StockVariancesOut)
def count_variances(count_id: RowId, who: Who, session: DB) -> dict[str, Any]:
    """差异表: book against counted for each product counted differently."""
    return stock_counts.variance(session, who, count_id)


@router.post("/stock/counts/{count_id}/approve", response_model=StockCountApprovedOut)
def approve_count(count_id: RowId, body: schemas.OverridableIn, who: Who, session: DB,
                  settings: Settings) -> dict[str, Any]:
    """审核: a manager (or a manager's 授权) approves; the variances post as stock movements."""
    return command(session, who, body.command_id, "stock_count_approve", {"count": count_id},
                   lambda: stock_counts.approve(session, who, count_id, override(body), settings))


@router.post("/stock/counts/{count_id}/cancel", response_model=StockCountOut)
def cancel_count(count_id: RowId, body: schemas.CommandIn, who: Who, session: DB) -> dict[str, Any]:
    return command(session, who, body.command_id, "stock_count_cancel", {"count": count_id},
                   lambda: stock_counts.cancel(session, who, count_id))


@router.post("/stock/transfers", response_model=StoreTransferOut, responses=HQ_FAULTS)
def transfer_out(body: schemas.TransferOutIn, who: Who, state: State, settings: Settings) -> dict[str, Any]:
    """调拨出库: HQ takes the transfer (an unknown or disabled store is refused), then the goods leave."""
    return transfers.dispatch(state.sessions, who, state.hq(), body.to_store, _lines(body.lines), body.note,
                              settings.in_store_layout, body.command_id)


@router.get("/stock/transfers", response_model=StoreTransfersOut)
def list_transfers(who: Who, session: DB, direction: Direction | None = None,
                   status: TransferStatus | None = None) -> dict[str, Any]:
    return transfers.list_transfers(session, who, direction, status)


@router.post("/stock/transfers/{transfer_no}/receive", response_model=StoreTransferOut)
def receive_transfer(transfer_no: schemas.TransferNo, body: schemas.TransferReceiveIn, who: Who, session: DB,
                     settings: Settings) -> dict[str, Any]:
    """调拨入库: the incoming transfer's goods as scanned; differences stay on the transfer."""
    return command(session, who, body.command_id, "transfer_receive",
                   {"transfer": transfer_no, **body.model_dump(exclude={"command_id"})},
                   lambda: transfers.receive(session, who, transfer_no, _lines(body.lines), settings.in_store_layout))
