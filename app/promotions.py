"""促销 at the store: HQ's promotions (from the feed) as one PromotionBook, and the ticket priced by it.

The book is rebuilt only when the feed changed a promotion (``promotions_version`` in Meta), so
pricing a scan costs the engine's run alone.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
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
from app.sync import config as sync_config

VERSION_KEY = "promotions_version"
_lock = threading.Lock()
#: per database: (promotions version, book, this store's code and group at HQ)
_cache: dict[str, tuple[str, PromotionBook, str, str]] = {}


def bump_promotions(session: Session) -> None:
    bump_version(session, VERSION_KEY)


#: how long a book is used before the version is read again: a scan costs no query for it, and a
#: promotion from HQ still reaches the till within the feed's few seconds
RECHECK_SECONDS = 1.0
_checked: dict[str, float] = {}


def book(session: Session, home: Path | None = None) -> tuple[PromotionBook, str, str]:
    """The store's promotions, and the store's code and group for their ``runs_for`` (from the
    enrolment in ``home``). Both are re-read at most once a ``RECHECK_SECONDS``."""
    key = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _lock:
        cached = _cache.get(key)
        if cached is not None and now - _checked.get(key, 0.0) < RECHECK_SECONDS:
            return cached[1:]
    version = session.scalar(select(Meta.value).where(Meta.key == VERSION_KEY)) or "0"
    identity = sync_config.load(home) if home is not None else None
    store, group = (identity.store_code, identity.group) if identity else ("", "")
    with _lock:
        _checked[key] = now
        cached = _cache.get(key)
        if cached is not None and cached[0] == version:
            _cache[key] = (version, cached[1], store, group)
            return cached[1], store, group
    built = PromotionBook([promotion_from_json(row.data) for row in session.scalars(select(PromotionRecord))])
    with _lock:
        _cache[key] = (version, built, store, group)
    return built, store, group


def price_lines(session: Session, ticket: Ticket, home: Path | None = None) -> PricedCart | None:
    """The ticket's active lines priced by the store's promotions; None when there are none to apply
    (most scans of a store without promotions stop here without a query or a file read).

    A line whose price the cashier overrode (改价) is priced as overridden, without promotions.
    """
    current, store, store_group = book(session, home)
    # Price-embedded goods carry their price; a gift card is sold at its face value.
    lines = [line for line in ticket.lines if not line.voided and line.fixed_amount is None and line.card_no is None]
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
