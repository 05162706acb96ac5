"""库存: stock levels per product, moved by sales, goods received (收货), damage (报损) and counts (盘点).

Every movement updates the level and writes a ``stock_moved`` outbox event in the caller's
transaction, so HQ's view of the store's stock follows exactly once, in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, outbox
from app.catalog import lookup
from app.context import Actor
from app.db.models import Product, StockLevel, StockMovement
from app.domain.barcode import InStoreLayout
from app.domain.errors import DomainError
from app.domain.quantity import Unit, check_quantity
from app.domain.sale import Sale
from app.events import StockLine, StockMoved

#: reasons an operator may give at the back office; "sale" and "return" come from tickets
MANUAL_REASONS = {"receive": 1, "damage": -1, "count": 0}  # sign of the quantity; a count sets the level


@dataclass(frozen=True, slots=True)
class Move:
    product_id: int
    sku: str
    unit: str
    delta: int

    @classmethod
    def of(cls, product: Product, delta: int) -> Move:
        return cls(product.id, product.sku, product.unit, delta)


def level(session: Session, product_id: int) -> int:
    row = session.get(StockLevel, product_id)
    return row.quantity if row else 0


def on_hand(session: Session, code: str, layout: InStoreLayout) -> dict[str, Any]:
    """查库存: the product a code names and how many the store holds."""
    product = lookup(session, code, layout).product
    return {"sku": product.sku, "name": product.name, "unit": product.unit, "on_hand": level(session, product.id)}


def apply(session: Session, moves: Iterable[Move], reason: str, ref: str, actor: Actor | None, till: str) -> dict[str, Any]:
    """Move stock and record one ``stock_moved`` event for the lot; returns the event payload."""
    by_product: dict[int, int] = defaultdict(int)
    products: dict[int, Move] = {}
    for move in moves:
        by_product[move.product_id] += move.delta
        products[move.product_id] = move
    at = clock.now()
    lines = []
    moving = [pid for pid, delta in by_product.items() if delta]
    levels = {row.product_id: row for row in session.scalars(
        select(StockLevel).where(StockLevel.product_id.in_(moving)))} if moving else {}
    for product_id, delta in by_product.items():
        if delta == 0:
            continue
        product = products[product_id]
        row = levels.get(product_id)
        if row is None:
            row = StockLevel(product_id=product_id, quantity=0, updated_at=at)
            session.add(row)
        row.quantity += delta
        row.updated_at = at
        session.add(StockMovement(product_id=product_id, sku=product.sku, delta=delta, reason=reason, ref=ref,
                                  operator_id=actor.operator_id if actor else None, at=at))
        lines.append(StockLine(product.sku, delta, product.unit, row.quantity))
    moved = StockMoved(reason, ref, till, tuple(lines))
    if lines:
        outbox.record(session, moved)
    return moved.payload()


def record_sale(session: Session, sale: Sale) -> None:
    """The goods of a completed sale leave the shelf, in the sale's own transaction."""
    moves = [Move(line.product_id, line.sku, line.unit.value, -line.quantity) for line in sale.active_lines]
    apply(session, moves, "sale", sale.sale_id or "", None, sale.till)


def manual_move(session: Session, actor: Actor, reason: str, lines: list[tuple[str, int]], note: str,
                layout: InStoreLayout) -> dict[str, Any]:
    """收货 / 报损 / 盘点 from the back office; a supervisor's job. Quantities are counted, never signed."""
    if not actor.at_least("supervisor"):
        raise DomainError("forbidden", status=403)
    sign = MANUAL_REASONS.get(reason)
    if sign is None:
        raise DomainError("invalid_field", status=422, field="reason", value=reason)
    if not lines:
        raise DomainError("invalid_field", status=422, field="lines", value="[]")
    moves = []
    for code, quantity in lines:
        found = lookup(session, code, layout)
        product = session.get(Product, found.product.id)
        assert product is not None
        if not (reason == "count" and quantity == 0):  # a count may find the shelf empty
            check_quantity(quantity, Unit(product.unit))
        quantity *= found.pack_quantity  # a case barcode receives the case's pieces
        delta = quantity - level(session, product.id) if reason == "count" else sign * quantity
        moves.append(Move.of(product, delta))
    return apply(session, moves, reason, note[:64], actor, actor.till)
