"""库存: stock levels per product, moved by sales, goods received (收货), damage (报损) and counts (盘点).

Every movement updates the level and writes a ``stock_moved`` outbox event in the caller's
transaction, so HQ's view of the store's stock follows exactly once, in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app import auth, clock, outbox
from app.catalog import lookup
from app.context import Actor, OverrideRequest
from app.db import driver
from app.db.models import Barcode, Product, StockLevel, StockMovement
from app.domain.barcode import InStoreLayout
from app.domain.errors import DomainError
from app.domain.quantity import Unit, check_quantity
from app.domain.sale import Sale
from app.events import StockLine, StockMoved
from app.settings import StoreSettings

#: reasons an operator may give at the back office; "sale" and "return" come from tickets
MANUAL_REASONS = {"receive": 1, "damage": -1, "count": 0}  # sign of the quantity; a count sets the level


_LEVEL_TABLE = cast(Table, StockLevel.__table__)
_MOVEMENT_TABLE = cast(Table, StockMovement.__table__)
_LEVELS = (select(_LEVEL_TABLE.c.product_id, _LEVEL_TABLE.c.quantity)
           .where(_LEVEL_TABLE.c.product_id.in_(bindparam("ids", expanding=True))))
_SET_LEVEL = (update(_LEVEL_TABLE).where(_LEVEL_TABLE.c.product_id == bindparam("level_of"))
              .values(quantity=bindparam("quantity"), updated_at=bindparam("updated_at")))
_ADD_LEVEL = insert(_LEVEL_TABLE)
_ADD_MOVEMENT = insert(_MOVEMENT_TABLE)
# a sale's stock moves on the driver's connection (``app.db.driver``): its completion runs these
_LEVELS_NOW, _SET_LEVEL_NOW = driver.Prepared(_LEVELS), driver.Prepared(_SET_LEVEL)
_ADD_LEVEL_NOW = driver.Prepared(_ADD_LEVEL.values({c: bindparam(c) for c in ("product_id", "quantity", "updated_at")}))
_ADD_MOVEMENT_NOW = driver.Prepared(_ADD_MOVEMENT.values(
    {c: bindparam(c) for c in ("product_id", "sku", "delta", "reason", "ref", "operator_id", "at")}))


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
    found = session.execute(_LEVELS, {"ids": [product_id]}).first()
    return found.quantity if found else 0


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
    levels = ({row.product_id: row.quantity for row in driver.execute(session, _LEVELS_NOW, {"ids": moving})}
              if moving else {})
    changed, added, movements = [], [], []
    operator_id = actor.operator_id if actor else None
    for product_id, delta in by_product.items():
        if delta == 0:
            continue
        product = products[product_id]
        was = levels.get(product_id)
        quantity = (was or 0) + delta
        if was is None:
            added.append({"product_id": product_id, "quantity": quantity, "updated_at": at})
        else:
            changed.append({"level_of": product_id, "quantity": quantity, "updated_at": at})
        movements.append({"product_id": product_id, "sku": product.sku, "delta": delta, "reason": reason, "ref": ref,
                          "operator_id": operator_id, "at": at})
        lines.append(StockLine(product.sku, delta, product.unit, quantity))
    # one statement each for the levels that moved, the new ones and the movements, not a flush per row
    if changed:
        driver.execute_many(session, _SET_LEVEL_NOW, changed)
    if added:
        driver.execute_many(session, _ADD_LEVEL_NOW, added)
    if movements:
        driver.execute_many(session, _ADD_MOVEMENT_NOW, movements)
    moved = StockMoved(reason, ref, till, tuple(lines))
    if lines:
        outbox.record(session, moved)
    return moved.payload()


def record_sale(session: Session, sale: Sale) -> None:
    """The goods of a completed sale leave the shelf, in the sale's own transaction."""
    moves = [Move(line.product_id, line.sku, line.unit.value, -line.quantity) for line in sale.active_lines]
    apply(session, moves, "sale", sale.sale_id or "", None, sale.till)


def manual_move(session: Session, actor: Actor, reason: str, lines: list[tuple[str, int]], note: str,
                layout: InStoreLayout, *, override: OverrideRequest | None,
                settings: StoreSettings) -> dict[str, Any]:
    """收货 / 报损 / 盘点 from the back office; a supervisor's job. Quantities are counted, never signed.
    A count sets levels: it needs what approving a 盘点 sheet needs, a manager or their 授权."""
    actor.require("supervisor")
    sign = MANUAL_REASONS.get(reason)
    if sign is None:
        raise DomainError("invalid_field", status=422, field="reason", value=reason)
    if not lines:
        raise DomainError("invalid_field", status=422, field="lines", value="[]")
    if reason == "count":
        auth.authorise(session, actor, "stock_count", "manager", override, settings,
                       detail=f"count: {len(lines)} lines")
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


# ---- the back office's 库存 ----------------------------------------------------------------------

#: 报损 reasons: 过期, 破损, 变质, 丢失, 其他 (a note says more)
DAMAGE_REASONS = ("expired", "broken", "spoiled", "lost", "other")
PAGE_MOST = 200


def stock_list(session: Session, query: str = "", limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """库存 on hand, a page at a time, found by name, pinyin initials, SKU, PLU or barcode."""
    limit = max(1, min(limit, PAGE_MOST))
    wanted = select(Product).where(Product.active.is_(True), Product.kind == "goods")
    q = query.strip()
    if q:
        like = f"%{_escaped(q)}%"
        prefix = f"{_escaped(q)}%"
        wanted = wanted.where(or_(
            Product.name.like(like, escape="\\"), Product.initials.like(f"%{_escaped(q.lower())}%", escape="\\"),
            Product.sku.like(prefix, escape="\\"), Product.plu == q,
            Product.id.in_(select(Barcode.product_id).where(Barcode.code.like(prefix, escape="\\"))),
        ))
    total = session.scalar(select(func.count()).select_from(wanted.subquery())) or 0
    products = list(session.scalars(wanted.order_by(Product.sku).limit(limit).offset(offset)))
    levels = {row.product_id: row.quantity for row in session.scalars(
        select(StockLevel).where(StockLevel.product_id.in_([p.id for p in products])))} if products else {}
    items = [{"sku": p.sku, "name": p.name, "unit": p.unit, "spec": p.spec or "", "barcode": p.primary_barcode,
              "on_hand": levels.get(p.id, 0)} for p in products]
    return {"items": items, "total": total, "offset": offset, "more": offset + len(items) < total}


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def resolve_lines(session: Session, lines: list[tuple[str, int]], layout: InStoreLayout, *,
                  zero_allowed: bool = False) -> list[tuple[Product, int]]:
    """Scanned or typed lines as (product, quantity in the product's unit): a case barcode counts its
    pieces; an unknown code, a bad quantity, refused before anything moves."""
    if not lines:
        raise DomainError("invalid_field", status=422, field="lines", value="[]")
    found_lines = []
    for code, quantity in lines:
        found = lookup(session, code, layout)
        product = session.get(Product, found.product.id)
        assert product is not None
        if not (zero_allowed and quantity == 0):
            check_quantity(quantity, Unit(product.unit))
        found_lines.append((product, quantity * found.pack_quantity))
    return found_lines


def receive_delivery(session: Session, actor: Actor, lines: list[tuple[str, int]], supplier: str, ref: str,
                     layout: InStoreLayout) -> dict[str, Any]:
    """收货 of a supplier's delivery, scanned line by line: the goods come onto the shelf, the
    delivery note's supplier and number kept with the movements."""
    actor.require("supervisor")
    if not supplier.strip():
        raise DomainError("invalid_field", status=422, field="supplier", value="")
    moves = [Move.of(product, quantity) for product, quantity in resolve_lines(session, lines, layout)]
    return apply(session, moves, "receive", f"{supplier.strip()}/{ref.strip()}"[:64], actor, actor.till)


def record_damage(session: Session, actor: Actor, lines: list[tuple[str, int]], reason: str, note: str,
                  layout: InStoreLayout) -> dict[str, Any]:
    """报损: goods written off the shelf, with why (过期, 破损, 变质, 丢失, 其他) and a note."""
    actor.require("supervisor")
    if reason not in DAMAGE_REASONS:
        raise DomainError("invalid_damage_reason", status=422, reason=reason)
    if reason == "other" and not note.strip():
        raise DomainError("damage_note_required", status=422)
    moves = [Move.of(product, -quantity) for product, quantity in resolve_lines(session, lines, layout)]
    return apply(session, moves, "damage", f"{reason}:{note.strip()}"[:64], actor, actor.till)
