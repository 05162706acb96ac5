"""会员 360: everything HQ knows of one member, for the store manager — profile, tier and growth
(and how far to the next tier), the points ledger, the stored-value ledger of each card, the
coupons (usable and used), the purchases in every store, and the top-up bonus ladder (充值赠送)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.hq import clock, rules
from app.hq.loyalty import mask_phone, member_by_no
from app.hq.models import (
    Coupon,
    CouponBatch,
    CouponTemplate,
    PointsEntry,
    Sale,
    Store,
    WalletAccount,
    WalletEntry,
)
from app.hq.rules import TIERS

#: how many rows of each history the view holds (newest first)
HISTORY = 50


def member_360(session: Session, member_no: str) -> dict[str, Any]:
    member = member_by_no(session, member_no)
    loyalty = rules.load(session)
    later = [t for t in TIERS if loyalty.tier_growth[t] > member.growth]
    following = min(later, key=lambda t: loyalty.tier_growth[t]) if later else None
    points = session.scalars(select(PointsEntry).where(PointsEntry.member_id == member.id)
                             .order_by(PointsEntry.created_at.desc(), PointsEntry.id.desc()).limit(HISTORY)).all()
    accounts = session.scalars(select(WalletAccount).where(WalletAccount.member_id == member.id)
                               .order_by(WalletAccount.id)).all()
    stores = dict(session.execute(select(Store.id, Store.name)).all())
    ledger = session.execute(select(WalletEntry, WalletAccount.card_no)
                             .join(WalletAccount, WalletAccount.id == WalletEntry.account_id)
                             .where(WalletAccount.member_id == member.id)
                             .order_by(WalletEntry.created_at.desc(), WalletEntry.id.desc()).limit(HISTORY)).all()
    coupons = session.execute(select(Coupon.code, Coupon.state, CouponTemplate.name, CouponTemplate.value,
                                     CouponBatch.valid_to)
                              .join(CouponBatch, CouponBatch.id == Coupon.batch_id)
                              .join(CouponTemplate, CouponTemplate.id == CouponBatch.template_id)
                              .where(Coupon.member_id == member.id)
                              .order_by(CouponBatch.valid_to.desc()).limit(HISTORY)).all()
    sales = session.execute(select(Sale.sale_id, Sale.store_id, Sale.completed_at, Sale.total, Sale.item_count)
                            .where(Sale.member_no == member.member_no)
                            .order_by(Sale.completed_at.desc()).limit(HISTORY)).all()
    return {
        "member_no": member.member_no, "name": member.name, "phone": mask_phone(member.phone),
        "registered_at": clock.aware(member.created_at).isoformat(timespec="seconds"),
        "registered_store": stores.get(member.registered_store_id or 0, ""),
        "tier": member.tier, "growth": member.growth, "next_tier": following,
        "growth_to_next": loyalty.tier_growth[following] - member.growth if following else 0,
        "points": member.points,
        "points_history": [{"at": clock.aware(p.created_at).isoformat(timespec="seconds"), "delta": p.delta,
                            "reason": p.reason, "ref": p.ref} for p in points],
        "balance": sum(a.principal + a.bonus for a in accounts if a.active),
        "cards": [{"card_no": a.card_no, "kind": a.kind, "principal": a.principal, "bonus": a.bonus,
                   "active": a.active} for a in accounts],
        "stored_value_history": [{"at": clock.aware(e.created_at).isoformat(timespec="seconds"), "card_no": card,
                                  "kind": e.kind, "principal": e.principal, "bonus": e.bonus,
                                  "store": stores.get(e.store_id or 0, "")} for e, card in ledger],
        "coupons": [{"code": c.code, "state": c.state, "name": c.name, "value": c.value,
                     "valid_to": clock.aware(c.valid_to).isoformat(timespec="seconds")} for c in coupons],
        "purchases": [{"sale_id": s.sale_id, "store": stores.get(s.store_id, ""),
                       "at": s.completed_at.isoformat(timespec="seconds"), "total": s.total,
                       "items": s.item_count} for s in sales],
        "topup_bonus": [{"from": least, "bonus": bonus} for least, bonus in sorted(loyalty.topup_bonus)],
    }
