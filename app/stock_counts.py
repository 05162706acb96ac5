"""盘点 at the back office: start a count (the book is snapshotted), count blind by scanning, see
the variance list, and have a manager approve it — only then do the adjustments post, as stock
movements with a ``stock_moved`` event — or cancel it (nothing moves).

One count is open at a time. The variance rule (counted − snapshot, so sales made while counting
still count) is ``app.domain.stock_count``'s.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app import auth, clock, stock
from app.context import Actor, OverrideRequest
from app.db.models import Product, StockCount, StockCountLine, StockLevel
from app.domain.barcode import InStoreLayout
from app.domain.errors import DomainError
from app.domain.stock_count import check_count, differences
from app.settings import StoreSettings

OPEN, APPROVED, CANCELLED = "open", "approved", "cancelled"


def _count(session: Session, count_id: int, *, open_only: bool = True) -> StockCount:
    count = session.get(StockCount, count_id)
    if count is None:
        raise DomainError("stock_count_not_found", status=404, count=count_id)
    if open_only and count.status != OPEN:
        raise DomainError("stock_count_closed", status=409, count=count_id, status_now=count.status)
    return count


def start(session: Session, actor: Actor, note: str = "") -> dict[str, Any]:
    """开始盘点: the book of every product the store sells, as it stands now."""
    actor.require("supervisor")
    if session.scalar(select(StockCount.id).where(StockCount.status == OPEN).limit(1)) is not None:
        raise DomainError("stock_count_open", status=409)
    count = StockCount(status=OPEN, note=note[:128], started_at=clock.now(), started_by=actor.operator_id)
    session.add(count)
    session.flush()
    book = session.execute(
        select(Product.id, Product.sku, StockLevel.quantity)
        .outerjoin(StockLevel, StockLevel.product_id == Product.id)
        .where(Product.kind == "goods")
    ).all()
    if book:
        session.execute(insert(StockCountLine), [
            {"count_id": count.id, "product_id": pid, "sku": sku, "book": quantity or 0, "counted": None}
            for pid, sku, quantity in book])
    return view(session, count)


def enter(session: Session, actor: Actor, count_id: int, lines: list[tuple[str, int]], layout: InStoreLayout,
          *, add: bool = True) -> dict[str, Any]:
    """Counted quantities, scanned or typed: each adds to what was counted of the product so far
    (two shelves of the same goods), or sets it when ``add`` is False (a recount)."""
    actor.require("supervisor")
    count = _count(session, count_id)
    for _, quantity in lines:
        check_count(quantity)
    for product, quantity in stock.resolve_lines(session, lines, layout, zero_allowed=True):
        line = session.scalar(select(StockCountLine).where(StockCountLine.count_id == count.id,
                                                           StockCountLine.product_id == product.id))
        if line is None:  # not in the snapshot (a product that came with the feed since): its book was 0
            line = StockCountLine(count_id=count.id, product_id=product.id, sku=product.sku, book=0, counted=None)
            session.add(line)
        line.counted = quantity + ((line.counted or 0) if add else 0)
    session.flush()
    return blind_view(session, count)


def blind_view(session: Session, count: StockCount) -> dict[str, Any]:
    """What the counter sees: what they counted, never the book."""
    rows = session.execute(
        select(StockCountLine.sku, Product.name, Product.unit, StockCountLine.counted)
        .join(Product, Product.id == StockCountLine.product_id)
        .where(StockCountLine.count_id == count.id, StockCountLine.counted.is_not(None))
        .order_by(StockCountLine.sku)).all()
    return {"id": count.id, "status": count.status, "note": count.note, "started_at": count.started_at.isoformat(),
            "counted": [{"sku": sku, "name": name, "unit": unit, "counted": counted} for sku, name, unit, counted in rows]}


def view(session: Session, count: StockCount) -> dict[str, Any]:
    return blind_view(session, count)


def variance(session: Session, actor: Actor, count_id: int) -> dict[str, Any]:
    """差异表: each counted product whose count differs from the book, for the manager to approve."""
    actor.require("supervisor")
    count = _count(session, count_id, open_only=False)
    return {**blind_view(session, count), "variances": _variances(session, count)}


def _variances(session: Session, count: StockCount) -> list[dict[str, Any]]:
    rows = session.execute(
        select(StockCountLine.sku, StockCountLine.book, StockCountLine.counted, Product.name, Product.unit)
        .join(Product, Product.id == StockCountLine.product_id)
        .where(StockCountLine.count_id == count.id, StockCountLine.counted.is_not(None))).all()
    names = {sku: (name, unit) for sku, _, _, name, unit in rows}
    found = differences({sku: book for sku, book, _, _, _ in rows},
                        {sku: counted for sku, _, counted, _, _ in rows if counted is not None})
    return [{"sku": v.sku, "name": names[v.sku][0], "unit": names[v.sku][1], "book": v.book, "counted": v.counted,
             "delta": v.delta} for v in found]


def approve(session: Session, actor: Actor, count_id: int, override: OverrideRequest | None,
            settings: StoreSettings) -> dict[str, Any]:
    """审核: a manager (signed in, or by 授权) approves; the variances post as ``count`` movements."""
    actor.require("supervisor")
    count = _count(session, count_id)
    found = _variances(session, count)
    authorised = auth.authorise(session, actor, "stock_count", "manager", override, settings,
                                detail=f"count {count.id}: {len(found)} variances")
    products = {p.sku: p for p in session.scalars(select(Product).where(Product.sku.in_([v["sku"] for v in found])))}
    moved = stock.apply(session, [stock.Move.of(products[v["sku"]], v["delta"]) for v in found], "count",
                        f"count:{count.id}", actor, actor.till)
    count.status, count.closed_at, count.closed_by = APPROVED, clock.now(), authorised.authorised_by
    session.flush()
    return {**blind_view(session, count), "variances": found, "moved": moved}


def cancel(session: Session, actor: Actor, count_id: int) -> dict[str, Any]:
    """取消盘点: nothing posts."""
    actor.require("supervisor")
    count = _count(session, count_id)
    count.status, count.closed_at, count.closed_by = CANCELLED, clock.now(), actor.operator_id
    session.flush()
    return blind_view(session, count)


def current(session: Session, actor: Actor) -> dict[str, Any] | None:
    """The open count, if any (blind)."""
    actor.require("supervisor")
    count = session.scalar(select(StockCount).where(StockCount.status == OPEN).limit(1))
    return blind_view(session, count) if count is not None else None
