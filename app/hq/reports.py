"""HQ views: sales per store, business day and tender; each store's sync health; the open catalog."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.hq import clock, closing
from app.hq.models import Barcode, ParkedEvent, Product, Sale, SaleTender, Store


def sales_report(session: Session, first: date, last: date, store_code: str | None = None) -> dict[str, Any]:
    """One row per store and business day with its tenders and its split by channel (the counter,
    the own shop, each platform, with their commission and delivery fees); grand totals at the end."""
    where = [Sale.business_day >= first, Sale.business_day <= last]
    tender_where = [SaleTender.business_day >= first, SaleTender.business_day <= last]
    if store_code:
        where.append(Store.code == store_code)
        tender_where.append(Store.code == store_code)
    rows = session.execute(
        select(Store.code, Sale.business_day, func.count(), func.sum(Sale.total), func.sum(Sale.rounding),
               func.sum(Sale.item_count))
        .join(Store, Store.id == Sale.store_id).where(*where)
        .group_by(Store.code, Sale.business_day).order_by(Store.code, Sale.business_day)
    ).all()
    tenders: dict[tuple[str, date], dict[str, int]] = {}
    for code, day, method, amount in session.execute(
        select(Store.code, SaleTender.business_day, SaleTender.method, func.sum(SaleTender.amount))
        .join(Store, Store.id == SaleTender.store_id).where(*tender_where)
        .group_by(Store.code, SaleTender.business_day, SaleTender.method)
    ):
        tenders.setdefault((code, day), {})[method] = int(amount)
    channels: dict[tuple[str, date], dict[str, dict[str, int]]] = {}
    for code, day, channel, count, total, commission, fee in session.execute(
        select(Store.code, Sale.business_day, Sale.channel, func.count(), func.sum(Sale.total),
               func.sum(Sale.commission), func.sum(Sale.delivery_fee))
        .join(Store, Store.id == Sale.store_id).where(*where)
        .group_by(Store.code, Sale.business_day, Sale.channel)
    ):
        channels.setdefault((code, day), {})[channel] = {"sales": int(count), "total": int(total),
                                                         "commission": int(commission), "delivery_fee": int(fee)}
    store_ids = dict(session.execute(select(Store.code, Store.id)).all())
    closed = closing.closed_days(session, [store_ids[code] for code in {r[0] for r in rows}], first, last)
    out = []
    totals: dict[str, Any] = {"sales": 0, "total": 0, "rounding": 0, "item_count": 0, "tenders": {}, "channels": {}}
    for code, day, count, total, rounding, items in rows:
        by_method = dict(sorted(tenders.get((code, day), {}).items()))
        by_channel = dict(sorted(channels.get((code, day), {}).items()))
        out.append({"store": code, "business_day": day.isoformat(), "sales": int(count), "total": int(total),
                    "rounding": int(rounding), "item_count": int(items), "tenders": by_method,
                    "channels": by_channel, "closed": closed.get((store_ids[code], day))})
        for channel, figures in by_channel.items():
            kept = totals["channels"].setdefault(channel, {"sales": 0, "total": 0, "commission": 0, "delivery_fee": 0})
            for name, value in figures.items():
                kept[name] += value
        totals["sales"] += int(count)
        totals["total"] += int(total)
        totals["rounding"] += int(rounding)
        totals["item_count"] += int(items)
        for method, amount in by_method.items():
            totals["tenders"][method] = totals["tenders"].get(method, 0) + amount
    return {"from": first.isoformat(), "to": last.isoformat(), "rows": out, "totals": totals}


#: the parked events sync health lists per store, newest first (the count is of all of them)
PARKED_LISTED = 50


def sync_health(session: Session) -> dict[str, Any]:
    """Per store: when HQ last heard from it, how far its events got, what it says is still queued,
    and the events HQ parked (搁置) — each with why — while the rest of its stream went on."""
    at = clock.now()
    parked_counts = dict(session.execute(select(ParkedEvent.store_id, func.count()).group_by(ParkedEvent.store_id)).all())
    items = []
    for store in session.scalars(select(Store).order_by(Store.code)):
        last_seen = clock.aware(store.last_seen) if store.last_seen else None
        last_event = clock.aware(store.last_event_at) if store.last_event_at else None
        count = int(parked_counts.get(store.id, 0))
        items.append({
            "store": store.code, "name": store.name, "group": store.group, "disabled": store.disabled,
            "enrolled": store.secret_nonce is not None,
            "last_seen": last_seen.isoformat() if last_seen else None,
            "last_event_at": last_event.isoformat() if last_event else None,
            "last_seq": store.last_seq, "backlog": store.backlog,
            "lag_seconds": round((at - last_seen).total_seconds(), 1) if last_seen else None,
            "parked": {"count": count, "events": _parked_events(session, store.id) if count else []},
        })
    return {"at": at.isoformat(), "stores": items}


def _parked_events(session: Session, store_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(select(ParkedEvent).where(ParkedEvent.store_id == store_id)
                           .order_by(ParkedEvent.seq.desc()).limit(PARKED_LISTED))
    return [{"event_id": r.event_id, "seq": r.seq, "kind": r.kind, "reason": r.reason, "field": r.detail,
             "at": clock.aware(r.created_at).isoformat()} for r in rows]


def store_sales(session: Session, store_code: str, day: date) -> dict[str, Any]:
    """A store's completed sales of one business day, for a channel or the ERP."""
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        from app.domain.errors import DomainError

        raise DomainError("store_not_found", status=404, store=store_code[:32])
    tenders: dict[str, dict[str, int]] = {}
    for sale_id, method, amount in session.execute(
            select(SaleTender.sale_id, SaleTender.method, SaleTender.amount)
            .where(SaleTender.store_id == store.id, SaleTender.business_day == day)):
        tenders.setdefault(sale_id, {})[method] = amount
    sales = session.scalars(select(Sale).where(Sale.store_id == store.id, Sale.business_day == day)
                            .order_by(Sale.completed_at, Sale.sale_id))
    items = [{"sale_id": s.sale_id, "till": s.till, "completed_at": s.completed_at.isoformat(), "total": s.total,
              "rounding": s.rounding, "change": s.change, "item_count": s.item_count,
              "tenders": tenders.get(s.sale_id, {})} for s in sales]
    return {"store": store.code, "business_day": day.isoformat(), "sales": items}


def store_stock(session: Session, store_code: str, skus: list[str], cursor: str, limit: int) -> dict[str, Any]:
    """A store's stock on hand (from its stock events), by SKU; all SKUs page by ``cursor``."""
    from app.domain.errors import DomainError
    from app.hq.models import StoreStock

    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise DomainError("store_not_found", status=404, store=store_code[:32])
    query = select(StoreStock).where(StoreStock.store_id == store.id)
    if skus:
        query = query.where(StoreStock.sku.in_(skus))
    rows = session.scalars(query.where(StoreStock.sku > cursor).order_by(StoreStock.sku).limit(limit + 1)).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    return {"store": store.code, "items": [{"sku": r.sku, "on_hand": r.quantity,
                                            "updated_at": r.updated_at.isoformat()} for r in rows],
            "next_cursor": rows[-1].sku if has_more else None}


def catalog_page(session: Session, cursor: int, limit: int) -> dict[str, Any]:
    """Products by id after ``cursor`` (base prices; group prices are for stores)."""
    products = session.scalars(select(Product).where(Product.id > cursor).order_by(Product.id).limit(limit + 1)).all()
    has_more = len(products) > limit
    products = products[:limit]
    codes: dict[int, list[dict[str, Any]]] = {}
    if products:
        for code, product_id, quantity in session.execute(
                select(Barcode.code, Barcode.product_id, Barcode.pack_quantity)
                .where(Barcode.product_id.in_([p.id for p in products])).order_by(Barcode.code)):
            codes.setdefault(product_id, []).append({"code": code, "pack_quantity": quantity})
    items = [{"sku": p.sku, "name": p.name, "spec": p.spec, "brand": p.brand, "category": p.category,
              "unit": p.unit, "price": p.price, "plu": p.plu, "tax_rate": p.tax_rate, "active": p.active,
              "barcodes": codes.get(p.id, [])} for p in products]
    return {"items": items, "next_cursor": products[-1].id if products else cursor, "has_more": has_more}
