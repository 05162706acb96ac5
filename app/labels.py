"""价签 at the store: the list of shelf labels to print, and what each label says.

A product's label goes on the list when HQ's feed changes its price or a promotion on it starts,
changes or ends (``app.sync.feed``), or when someone asks for one; it comes off when printed.
What a label shows is the product's 明码标价 facts with the member price and the promotion in
force or coming (``app.domain.price_tags`` lays it out; the till prints it on its label printer).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.catalog import lookup
from app.context import Actor
from app.db.models import LabelToPrint, Product, PromotionRecord
from app.domain.barcode import InStoreLayout
from app.domain.errors import DomainError
from app.domain.price_tags import LabelStock, PriceTag, check_fits
from app.domain.promotion_json import promotion_from_json
from app.domain.promotions import InvalidPromotion, MemberPrice, PriceCut

REASONS = ("price", "promotion", "manual")


def promoted_skus(data: dict[str, Any] | None) -> set[str]:
    """The SKUs a promotion names (its labels change when it does)."""
    if not isinstance(data, dict):
        return set()
    scope = data.get("scope")
    skus = scope.get("skus") if isinstance(scope, dict) else None
    return {s for s in skus if isinstance(s, str)} if isinstance(skus, list) else set()


def queue(session: Session, product_ids: Iterable[int], reason: str) -> None:
    """Put these products' labels on the list (once: one already waiting stays as it is)."""
    wanted = set(product_ids)
    if not wanted:
        return
    waiting = set(session.scalars(select(LabelToPrint.product_id).where(
        LabelToPrint.printed_at.is_(None), LabelToPrint.product_id.in_(wanted))))
    at = clock.now()
    for product_id in sorted(wanted - waiting):
        session.add(LabelToPrint(product_id=product_id, reason=reason, created_at=at))


def _offers(session: Session, moment: datetime) -> tuple[dict[str, tuple[int | None, int | None, str, str]],
                                                           dict[str, int]]:
    """特价 and 会员价 by SKU, from the promotions in force or still to come."""
    cuts: dict[str, tuple[int | None, int | None, str, str]] = {}
    members: dict[str, int] = {}
    for record in session.scalars(select(PromotionRecord)):
        try:
            promotion = promotion_from_json(record.data)
        except InvalidPromotion:
            continue
        window = promotion.window
        if window.ends is not None and window.ends <= moment:
            continue
        rule = promotion.rule
        for sku in promotion.scope.skus:
            if isinstance(rule, PriceCut):
                cuts[sku] = (rule.price, rule.percent, window.starts.date().isoformat() if window.starts else "",
                             window.ends.date().isoformat() if window.ends else "")
            elif isinstance(rule, MemberPrice) and rule.price is not None:
                members[sku] = rule.price
    return cuts, members


def tags(session: Session, products: list[Product]) -> list[PriceTag]:
    cuts, members = _offers(session, clock.now())
    found = []
    for p in products:
        cut = cuts.get(p.sku)
        promotion_price = None
        if cut is not None:
            price, percent, _, _ = cut
            promotion_price = price if price is not None else (p.price * (percent or 100) + 50) // 100
        found.append(PriceTag(
            sku=p.sku, name=p.name, price=p.price, unit=p.unit, barcode=p.primary_barcode or "",
            origin=p.origin or "", spec=p.spec or "", grade=p.grade or "", member_price=members.get(p.sku),
            promotion_price=promotion_price, promotion_from=cut[2] if cut else "", promotion_to=cut[3] if cut else ""))
    return found


def tag_view(tag: PriceTag) -> dict[str, Any]:
    return {"sku": tag.sku, "name": tag.name, "price": tag.price, "unit": tag.unit, "barcode": tag.barcode,
            "origin": tag.origin, "spec": tag.spec, "grade": tag.grade, "member_price": tag.member_price,
            "promotion_price": tag.promotion_price, "promotion_from": tag.promotion_from,
            "promotion_to": tag.promotion_to}


def pending(session: Session, actor: Actor, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """待打印价签: the labels waiting, oldest first, each with what it will show."""
    actor.require("supervisor")
    limit = max(1, min(limit, 500))
    waiting = select(LabelToPrint).where(LabelToPrint.printed_at.is_(None))
    total = session.scalar(select(func.count()).select_from(waiting.subquery())) or 0
    rows = list(session.scalars(waiting.order_by(LabelToPrint.id).limit(limit).offset(offset)))
    products = {p.id: p for p in session.scalars(select(Product).where(Product.id.in_([r.product_id for r in rows])))}
    found = tags(session, [products[r.product_id] for r in rows])
    items = [{"id": r.id, "reason": r.reason, "created_at": r.created_at.isoformat(), "tag": tag_view(tag)}
             for r, tag in zip(rows, found, strict=True)]
    return {"items": items, "total": total, "offset": offset, "more": offset + len(items) < total}


def tag_for_code(session: Session, actor: Actor, code: str, layout: InStoreLayout) -> dict[str, Any]:
    """One product's label, from a scan (打印单张价签)."""
    actor.require("supervisor")
    product = session.get(Product, lookup(session, code, layout).product.id)
    assert product is not None
    return tag_view(tags(session, [product])[0])


def mark_printed(session: Session, actor: Actor, ids: list[int], template: str, stock: LabelStock) -> dict[str, Any]:
    """The labels printed on ``stock`` come off the list; a template the stock cannot hold is
    refused (``label_too_wide``) and nothing comes off."""
    actor.require("supervisor")
    check_fits(template, stock)
    rows = list(session.scalars(select(LabelToPrint).where(LabelToPrint.id.in_(ids))))
    if len(rows) != len(set(ids)):
        missing = sorted(set(ids) - {r.id for r in rows})
        raise DomainError("label_not_found", status=404, label=missing[0])
    at = clock.now()
    for row in rows:
        if row.printed_at is None:
            row.printed_at = at
    session.flush()
    return {"printed": sorted(r.id for r in rows)}


def request_label(session: Session, actor: Actor, code: str, layout: InStoreLayout) -> dict[str, Any]:
    """Put one product's label on the list by hand (a torn label)."""
    actor.require("supervisor")
    product_id = lookup(session, code, layout).product.id
    queue(session, [product_id], "manual")
    session.flush()
    return pending(session, actor)
