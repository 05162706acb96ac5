"""促销 at the store: HQ's promotions (from the feed) as one PromotionBook, and the ticket priced by it.

The book is rebuilt only when the feed changed a promotion (``promotions_version`` in Meta), so
pricing a scan costs the engine's run alone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog import bump_version
from app.db.models import Meta, PromotionRecord
from app.domain.pricing import CartLine, PricedCart, PricingContext, price_cart
from app.domain.promotion_json import promotion_from_json
from app.domain.promotions import PromotionBook
from app.domain.sale import Pricer, no_promotions
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


def pricer(session: Session, home: Path | None, moment: datetime) -> Pricer:
    """The store's promotions as the sale's pricing function at ``moment`` (a store without
    promotions prices nothing, without a query or a file read on most scans)."""
    current, store, store_group = book(session, home)
    if not len(current):
        return no_promotions

    def price(lines: Sequence[CartLine], tier: str | None) -> PricedCart | None:
        return price_cart(current, lines, PricingContext(moment, "pos", store, store_group, tier))

    return price
