"""调拨 at HQ: a store sends goods to another store of the chain.

The sender asks for the transfer by a signed call (``create``), in two phases on its side: HQ checks
the receiving store — one the chain doesn't have, or has disabled, is refused and nothing is kept —
and keeps the transfer ``dispatched``. The receiver learns of it through the change feed (an entry
``transfer`` scoped to it). Its ``transfer_received`` event (``receive``) marks it received with
what arrived; the feed tells the sender. A sender that gave up halfway cancels it (``cancel``),
which only a transfer not yet received allows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain import limits
from app.domain.errors import DomainError
from app.events import TransferReceived
from app.hq import changes, clock
from app.hq.models import Store, Transfer

DISPATCHED, RECEIVED, CANCELLED = "dispatched", "received", "cancelled"
MAX_QUANTITY = 10**9


def _codes(session: Session, transfer: Transfer) -> tuple[str, str]:
    stores = {s.id: s.code for s in session.scalars(
        select(Store).where(Store.id.in_([transfer.from_store_id, transfer.to_store_id])))}
    return stores[transfer.from_store_id], stores[transfer.to_store_id]


def view(session: Session, transfer: Transfer) -> dict[str, Any]:
    sender, receiver = _codes(session, transfer)
    return {"transfer_no": transfer.transfer_no, "from_store": sender, "to_store": receiver,
            "status": transfer.status, "note": transfer.note, "lines": transfer.lines,
            "created_at": transfer.created_at.isoformat(),
            "received_at": transfer.received_at.isoformat() if transfer.received_at else None}


def _announce(session: Session, transfer: Transfer) -> None:
    """The transfer as both stores' feeds hand it down."""
    data = view(session, transfer)
    changes.record(session, [
        changes.ChangeRow("transfer", transfer.transfer_no, data, scope_store_id=transfer.from_store_id),
        changes.ChangeRow("transfer", transfer.transfer_no, data, scope_store_id=transfer.to_store_id),
    ])


def _lines(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not lines:
        raise DomainError("invalid_field", status=422, field="lines", value="[]")
    kept = []
    for line in lines:
        quantity = line.get("quantity")
        if not isinstance(quantity, int) or isinstance(quantity, bool) or not 0 < quantity <= MAX_QUANTITY:
            raise DomainError("invalid_quantity", status=422, quantity=quantity)
        kept.append({"sku": str(line["sku"]), "name": str(line.get("name") or "")[:limits.PRODUCT_NAME.max_length],
                     "unit": str(line.get("unit") or "piece")[:8], "quantity": quantity, "received": None})
    return kept


def create(session: Session, sender: Store, transfer_no: str, to_store: str, lines: list[dict[str, Any]],
           note: str = "") -> dict[str, Any]:
    """调拨出库 as the sender asks it; the same number again answers the transfer kept the first time."""
    existing = session.scalar(select(Transfer).where(Transfer.transfer_no == transfer_no))
    if existing is not None:
        if existing.from_store_id != sender.id:
            raise DomainError("transfer_conflict", status=409, transfer=transfer_no)
        return view(session, existing)
    receiver = session.scalar(select(Store).where(Store.code == to_store))
    if receiver is None or receiver.disabled:
        raise DomainError("transfer_store_unknown", status=422, store=to_store)
    if receiver.id == sender.id:
        raise DomainError("transfer_to_self", status=422, store=to_store)
    transfer = Transfer(transfer_no=transfer_no, from_store_id=sender.id, to_store_id=receiver.id, status=DISPATCHED,
                        note=note, lines=_lines(lines), created_at=clock.now())
    session.add(transfer)
    session.flush()
    _announce(session, transfer)
    return view(session, transfer)


def cancel(session: Session, sender: Store, transfer_no: str) -> dict[str, Any]:
    """The sender gave the transfer up before its goods left (an abandoned call): cancelled, and
    the receiver's feed takes it away. Cancelling again changes nothing."""
    transfer = session.scalar(select(Transfer).where(Transfer.transfer_no == transfer_no).with_for_update())
    if transfer is None or transfer.from_store_id != sender.id:
        raise DomainError("transfer_not_found", status=404, transfer=transfer_no)
    if transfer.status == RECEIVED:
        raise DomainError("transfer_closed", status=409, transfer=transfer_no)
    if transfer.status != CANCELLED:
        transfer.status = CANCELLED
        _announce(session, transfer)
    return view(session, transfer)


def can_receive(session: Session, store: Store, event: TransferReceived) -> bool:
    """Whether ``store`` may mark this transfer received: it is the receiver, and the transfer is not cancelled."""
    transfer = session.scalar(select(Transfer).where(Transfer.transfer_no == event.transfer_no))
    return transfer is not None and transfer.to_store_id == store.id and transfer.status != CANCELLED


def receive(session: Session, store: Store, event: TransferReceived) -> None:
    """调拨入库 as the receiver counted it (from its event, once): the lines as received, both feeds told."""
    transfer = session.scalar(select(Transfer).where(Transfer.transfer_no == event.transfer_no).with_for_update())
    if transfer is None or transfer.to_store_id != store.id or transfer.status == CANCELLED:
        raise LookupError(f"transfer {event.transfer_no} is not {store.code}'s to receive")
    received = {line.sku: line.received for line in event.lines}
    lines = [{**line, "received": received.pop(str(line["sku"]), 0)} for line in transfer.lines]
    lines += [{"sku": sku, "name": "", "unit": "piece", "quantity": 0, "received": quantity}
              for sku, quantity in received.items()]
    transfer.lines = lines
    transfer.status, transfer.received_at = RECEIVED, clock.now()
    _announce(session, transfer)


def list_transfers(session: Session, store_code: str | None = None, status: str | None = None,
                   limit: int = 100) -> list[dict[str, Any]]:
    """HQ's view of the chain's transfers, newest first, optionally one store's (either side)."""
    query = select(Transfer)
    if store_code:
        store = session.scalar(select(Store).where(Store.code == store_code))
        if store is None:
            return []
        query = query.where(or_(Transfer.from_store_id == store.id, Transfer.to_store_id == store.id))
    if status:
        query = query.where(Transfer.status == status)
    return [view(session, t) for t in session.scalars(query.order_by(Transfer.id.desc()).limit(limit))]


def get(session: Session, transfer_no: str) -> dict[str, Any]:
    transfer = session.scalar(select(Transfer).where(Transfer.transfer_no == transfer_no))
    if transfer is None:
        raise DomainError("transfer_not_found", status=404, transfer=transfer_no)
    return view(session, transfer)
