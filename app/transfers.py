"""调拨 between stores, through HQ.

Out: the sending store asks HQ for the transfer in two phases (``app.outside``): HQ checks the
receiving store (unknown or disabled: refused, nothing moves here) and keeps the transfer; only
then does the stock leave this store (``transfer_out`` movements, a ``stock_moved`` event). A
call abandoned halfway is cancelled at HQ by the resumer.

In: HQ hands the transfer to the receiving store through its change feed (``transfer``, scoped to
the store), where it waits as incoming. Receiving it — scanned, differences recorded — moves the
goods onto this store's shelf (``transfer_in``) and sends ``transfer_received`` up; HQ marks the
transfer received and the change feed tells the sender.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import clock, outbox, outside, stock
from app.context import Actor
from app.db.models import OutsideCall, Product, Transfer
from app.domain.barcode import InStoreLayout
from app.domain.errors import DomainError
from app.events import TransferLine, TransferReceived
from app.loyalty import call_hq, store_code
from app.sync.hq_client import HqClient

OUT, IN = "out", "in"
DISPATCHED, RECEIVED, CANCELLED = "dispatched", "received", "cancelled"
KIND = "transfer_out"


def transfer_view(transfer: Transfer) -> dict[str, Any]:
    return {"transfer_no": transfer.transfer_no, "direction": transfer.direction, "other_store": transfer.other_store,
            "status": transfer.status, "note": transfer.note, "created_at": transfer.created_at.isoformat(),
            "updated_at": transfer.updated_at.isoformat(),
            "lines": [{"sku": str(x["sku"]), "name": str(x.get("name") or ""), "unit": str(x.get("unit") or "piece"),
                       "quantity": int(x["quantity"]), "received": _received(x)} for x in transfer.lines]}


def _received(line: dict[str, Any]) -> int | None:
    value = line.get("received")
    return int(value) if isinstance(value, int) else None


def dispatch(sessions: sessionmaker[Session], actor: Actor, client: HqClient | None, to_store: str,
             lines: list[tuple[str, int]], note: str, layout: InStoreLayout, command_id: str) -> dict[str, Any]:
    """调拨出库: ``lines`` leave this store for ``to_store`` once HQ has taken the transfer."""
    actor.require("supervisor")
    if client is None:
        raise DomainError("hq_not_connected", status=409)
    here = store_code(client)
    if to_store == here:
        raise DomainError("transfer_to_self", status=422, store=to_store)

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        found = stock.resolve_lines(session, lines, layout)
        merged: dict[int, int] = defaultdict(int)
        products: dict[int, Product] = {}
        for product, quantity in found:
            merged[product.id] += quantity
            products[product.id] = product
        request_lines = [{"sku": products[pid].sku, "name": products[pid].name, "unit": products[pid].unit,
                          "quantity": quantity} for pid, quantity in merged.items()]
        return outside.Prepared({"transfer_no": f"{here}-{call_id[:12]}".upper(), "to_store": to_store,
                                 "note": note, "lines": request_lines})

    def settle(session: Session, record: OutsideCall, answer: dict[str, Any]) -> dict[str, Any]:
        request = record.request
        at = clock.now()
        transfer = Transfer(transfer_no=request["transfer_no"], direction=OUT, other_store=to_store, status=DISPATCHED,
                            note=note, lines=[{**line, "received": None} for line in request["lines"]],
                            created_at=at, updated_at=at)
        session.add(transfer)
        products = {p.sku: p for p in session.scalars(
            select(Product).where(Product.sku.in_([line["sku"] for line in request["lines"]])))}
        stock.apply(session, [stock.Move.of(products[line["sku"]], -int(line["quantity"])) for line in request["lines"]],
                    "transfer_out", transfer.transfer_no, actor, actor.till)
        session.flush()
        return transfer_view(transfer)

    return outside.run(sessions, actor, command_id, "transfer_out",
                       {"to_store": to_store, "lines": [list(x) for x in lines], "note": note}, kind=KIND,
                       prepare=prepare, settle=settle,
                       call=lambda request: call_hq(client, "POST", "/transfers", request))


def _cancel(client: HqClient | None) -> outside.Undo:
    def undo(request: dict[str, Any], answer: dict[str, Any] | None) -> None:
        call_hq(client, "POST", "/transfers/cancel", {"transfer_no": request["transfer_no"]})
    return undo


def register_undos(client: HqClient | None) -> None:
    """An abandoned transfer-out is cancelled at HQ: its goods never left this store."""
    outside.register_undo(KIND, _cancel(client))


def receive(session: Session, actor: Actor, transfer_no: str, lines: list[tuple[str, int]],
            layout: InStoreLayout) -> dict[str, Any]:
    """调拨入库: the incoming transfer's goods as scanned here; what was not scanned was not received,
    a product the sender did not list is received as extra. The difference stays on the transfer."""
    actor.require("supervisor")
    transfer = session.scalar(select(Transfer).where(Transfer.transfer_no == transfer_no, Transfer.direction == IN))
    if transfer is None:
        raise DomainError("transfer_not_found", status=404, transfer=transfer_no)
    if transfer.status != DISPATCHED:
        raise DomainError("transfer_closed", status=409, transfer=transfer_no)
    counted: dict[str, int] = defaultdict(int)
    products: dict[str, Product] = {}
    for product, quantity in stock.resolve_lines(session, lines, layout, zero_allowed=True):
        counted[product.sku] += quantity
        products[product.sku] = product
    sent = {str(x["sku"]): int(x["quantity"]) for x in transfer.lines}
    missing = [sku for sku in sent if sku not in products]
    if missing:
        products.update({p.sku: p for p in session.scalars(select(Product).where(Product.sku.in_(missing)))})
    new_lines = [{**x, "received": counted.get(str(x["sku"]), 0)} for x in transfer.lines]
    new_lines += [{"sku": sku, "name": products[sku].name, "unit": products[sku].unit, "quantity": 0,
                   "received": quantity} for sku, quantity in counted.items() if sku not in sent]
    transfer.lines = new_lines
    transfer.status, transfer.updated_at = RECEIVED, clock.now()
    stock.apply(session, [stock.Move.of(products[line["sku"]], int(line["received"])) for line in new_lines
                          if line["sku"] in products], "transfer_in", transfer_no, actor, actor.till)
    outbox.record(session, TransferReceived(transfer_no, tuple(
        TransferLine(line["sku"], int(line["quantity"]), int(line["received"])) for line in new_lines)))
    session.flush()
    return transfer_view(transfer)


def list_transfers(session: Session, actor: Actor, direction: str | None = None, status: str | None = None,
                   limit: int = 50) -> dict[str, Any]:
    actor.require("supervisor")
    wanted = select(Transfer)
    if direction:
        wanted = wanted.where(Transfer.direction == direction)
    if status:
        wanted = wanted.where(Transfer.status == status)
    rows = session.scalars(wanted.order_by(Transfer.id.desc()).limit(max(1, min(limit, 200))))
    return {"items": [transfer_view(t) for t in rows]}


def apply_change(session: Session, data: dict[str, Any], here: str | None) -> None:
    """A transfer as HQ's feed hands it down: incoming ones appear, ours follow HQ's status."""
    number = str(data.get("transfer_no") or "")
    if not number:
        return
    transfer = session.scalar(select(Transfer).where(Transfer.transfer_no == number))
    status = str(data.get("status") or DISPATCHED)
    at = clock.now()
    lines = [dict(x) for x in data.get("lines") or [] if isinstance(x, dict)]
    if transfer is None:
        if here is not None and data.get("from_store") == here:
            return  # ours, given up on before it settled here: nothing left this store
        if status != DISPATCHED:
            return
        session.add(Transfer(transfer_no=number, direction=IN, other_store=str(data.get("from_store") or "")[:16],
                             status=status, note=str(data.get("note") or "")[:128],
                             lines=[{**x, "received": None} for x in lines], created_at=at, updated_at=at))
        return
    if transfer.direction == OUT and status != transfer.status:
        transfer.status, transfer.updated_at = status, at
        if status == RECEIVED and lines:
            transfer.lines = lines
    elif transfer.direction == IN and status == CANCELLED and transfer.status == DISPATCHED:
        transfer.status, transfer.updated_at = CANCELLED, at
