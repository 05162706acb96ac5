"""发券活动: rules that hand e-coupons from a batch (the pool) to members.

The pool and the rule are kept apart: a batch holds the codes (made once, counted, audited), a
campaign says who gets one and when — 新人礼 on registration, 消费返券 on a sale that paid at
least ``min_paid`` — at most ``per_member`` each, in its window and stores. Several campaigns may
draw on one pool; when it runs dry the decision is still written down (``pool_empty``) so HQ sees
how many members missed out, and the trigger never fails because of it.

Every decision is one ``CampaignGrant`` row unique by (campaign, trigger ref): a sale event
replayed by a store's outbox never earns a second coupon.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import CampaignGrant, Coupon, CouponBatch, CouponCampaign, Member, Store

TRIGGERS = ("register", "spend")


def create_campaign(session: Session, code: str, name: str, trigger: str, batch_id: int, *, min_paid: int = 0,
                    per_member: int = 1, stores: list[str] | None = None, starts: datetime, ends: datetime) -> CouponCampaign:
    if trigger not in TRIGGERS:
        raise DomainError("invalid_field", status=422, field="trigger", value=trigger[:16])
    if min_paid < 0 or (trigger == "register" and min_paid):  # a registration pays nothing
        raise DomainError("invalid_field", status=422, field="min_paid", value=str(min_paid))
    if per_member < 1:
        raise DomainError("invalid_field", status=422, field="per_member", value=str(per_member))
    if ends <= starts:
        raise DomainError("invalid_field", status=422, field="ends", value=ends.isoformat())
    batch = session.get(CouponBatch, batch_id)
    if batch is None or batch.paper:  # paper coupons are handed out in the shop, not by a rule
        raise DomainError("coupon_batch_not_found", status=404, batch=batch_id)
    if session.scalar(select(CouponCampaign.id).where(CouponCampaign.code == code)) is not None:
        raise DomainError("campaign_exists", status=409, code=code[:32])
    campaign = CouponCampaign(code=code, name=name[:64], trigger=trigger, min_paid=min_paid, batch_id=batch_id,
                              per_member=per_member, stores=list(stores or []), starts=starts, ends=ends, active=True,
                              created_at=clock.now())
    session.add(campaign)
    session.flush()
    return campaign


def end_campaign(session: Session, code: str) -> CouponCampaign:
    campaign = session.scalar(select(CouponCampaign).where(CouponCampaign.code == code))
    if campaign is None:
        raise DomainError("campaign_not_found", status=404, code=code[:32])
    campaign.active = False
    return campaign


def campaign_dict(session: Session, campaign: CouponCampaign) -> dict[str, Any]:
    outcomes = dict(session.execute(select(CampaignGrant.outcome, func.count()).where(
        CampaignGrant.campaign_id == campaign.id).group_by(CampaignGrant.outcome)).all())
    return {"code": campaign.code, "name": campaign.name, "trigger": campaign.trigger, "min_paid": campaign.min_paid,
            "batch": campaign.batch_id, "per_member": campaign.per_member, "stores": campaign.stores,
            "starts": clock.aware(campaign.starts).isoformat(), "ends": clock.aware(campaign.ends).isoformat(),
            "active": campaign.active, "granted": int(outcomes.get("granted", 0)),
            "missed": int(outcomes.get("pool_empty", 0)), "pool_left": pool_left(session, campaign.batch_id)}


def list_campaigns(session: Session) -> list[dict[str, Any]]:
    return [campaign_dict(session, c) for c in session.scalars(select(CouponCampaign).order_by(CouponCampaign.id))]


def pool_left(session: Session, batch_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(Coupon).where(
        Coupon.batch_id == batch_id, Coupon.member_id.is_(None), Coupon.state == "issued")) or 0)


def issue(session: Session, trigger: str, member: Member, store: Store | None, paid: int, ref: str) -> list[str]:
    """Run every live campaign of ``trigger`` for this member; returns the codes handed out."""
    now = clock.now()
    # One decision at a time per member, so two events at once can't both pass ``per_member``.
    session.execute(select(Member.id).where(Member.id == member.id).with_for_update())
    campaigns = session.scalars(select(CouponCampaign).where(
        CouponCampaign.trigger == trigger, CouponCampaign.active, CouponCampaign.starts <= now,
        CouponCampaign.ends > now, CouponCampaign.min_paid <= paid).order_by(CouponCampaign.id)).all()
    codes = []
    for campaign in campaigns:
        if campaign.stores and (store is None or store.code not in campaign.stores):
            continue
        if session.scalar(select(CampaignGrant.id).where(CampaignGrant.campaign_id == campaign.id,
                                                         CampaignGrant.ref == ref)) is not None:
            continue
        had = session.scalar(select(func.count()).select_from(CampaignGrant).where(
            CampaignGrant.campaign_id == campaign.id, CampaignGrant.member_id == member.id,
            CampaignGrant.outcome == "granted")) or 0
        if had >= campaign.per_member:
            continue
        # The next free code of the pool; SKIP LOCKED lets two HQ workers hand out two codes at once.
        coupon = session.scalar(select(Coupon).join(CouponBatch, CouponBatch.id == Coupon.batch_id).where(
            Coupon.batch_id == campaign.batch_id, Coupon.member_id.is_(None), Coupon.state == "issued",
            CouponBatch.valid_to > now).order_by(Coupon.code).limit(1).with_for_update(of=Coupon, skip_locked=True))
        if coupon is not None:
            coupon.member_id = member.id
            codes.append(coupon.code)
        session.add(CampaignGrant(campaign_id=campaign.id, member_id=member.id,
                                  coupon_code=coupon.code if coupon is not None else None, ref=ref[:96],
                                  outcome="granted" if coupon is not None else "pool_empty", created_at=now))
        session.flush()
    return codes


def issue_on_sale(session: Session, store: Store, member_no: str, paid: int, ref: str) -> list[str]:
    """消费返券: a member's sale arrived from a store; ``paid`` is what earns (as for points)."""
    from app.hq.loyalty import member_by_no

    return issue(session, "spend", member_by_no(session, member_no), store, paid, ref)


def revoke_for_sale(session: Session, ref: str) -> list[str]:
    """The sale that earned a 消费返券 came back whole: its coupons, where still unused, are voided
    (one already spent stays spent — that sale is over too). Returns the codes voided."""
    voided = []
    for grant in session.scalars(select(CampaignGrant).where(CampaignGrant.ref == ref[:96],
                                                             CampaignGrant.outcome == "granted")).all():
        coupon = session.scalar(select(Coupon).where(Coupon.code == grant.coupon_code).with_for_update())
        if coupon is not None and coupon.state == "issued":
            coupon.state = "voided"
            voided.append(coupon.code)
        grant.outcome = "revoked"
    session.flush()
    return voided
