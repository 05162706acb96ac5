"""促销 at the store: HQ's promotions (from the feed) as one PromotionBook, and the ticket priced by it.

The book is rebuilt only when the feed changed a promotion (``promotions_version`` in Meta), so
pricing a scan costs the engine's run alone.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.catalog import bump_version
from app.db.models import Category, Meta, Product, PromotionRecord, Ticket
from app.domain.pricing import CartLine, PricedCart, PricingContext, price_cart
from app.domain.promotion_json import promotion_from_json
from app.domain.promotions import PromotionBook
from app.domain.quantity import Unit

VERSION_KEY = "promotions_version"
_lock = threading.Lock()
_cache: dict[str, tuple[str, PromotionBook]] = {}


def bump_promotions(session: Session) -> None:
    bump_version(session, VERSION_KEY)


#: how long a book is used before the version is read again: a scan costs no query for it, and a
#: promotion from HQ still reaches the till within the feed's few seconds
RECHECK_SECONDS = 1.0
_checked: dict[str, float] = {}


def book(session: Session) -> PromotionBook:
    key = str(session.get_bind().url)
    now = time.monotonic()
    with _lock:
        cached = _cache.get(key)
        if cached is not None and now - _checked.get(key, 0.0) < RECHECK_SECONDS:
            return cached[1]
    version = session.scalar(select(Meta.value).where(Meta.key == VERSION_KEY)) or "0"
    with _lock:
        _checked[key] = now
        cached = _cache.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
    promotions = [promotion_from_json(row.data) for row in session.scalars(select(PromotionRecord))]
    built = PromotionBook(promotions)
    with _lock:
        _cache[key] = (version, built)
    return built


def price_lines(session: Session, ticket: Ticket, store: str = "", store_group: str = "") -> PricedCart | None:
    """The ticket's active lines priced by the store's promotions; None when there are none to apply.

    A line whose price the cashier overrode (改价) is priced as overridden, without promotions.
    """
    current = book(session)
    lines = [line for line in ticket.lines if not line.voided and line.fixed_amount is None]
    if not len(current) or not lines:
        return None
    facts: dict[int, tuple[str, str]] = {
        pid: (category or "", brand or "") for pid, category, brand in session.execute(
            select(Product.id, Category.name, Product.brand).outerjoin(Category, Category.id == Product.category_id)
            .where(Product.id.in_({line.product_id for line in lines})))}
    cart = [CartLine(str(line.id), line.sku, line.unit_price, line.quantity, *facts.get(line.product_id, ("", "")),
                     Unit(line.unit)) for line in lines if line.unit_price == line.original_price]
    if not cart:
        return None
    context = PricingContext(clock.now(), "pos", store, store_group, ticket.member_tier)
    return price_cart(current, cart, context)


def explain(priced: PricedCart | None) -> dict[str, Any]:
    return {} if priced is None else {line.line_id: line for line in priced.lines if line.discounts}
