"""优惠券: a till reserves, commits and releases a coupon (signed calls); admins make templates,
batches, paper-coupon stock and campaigns (发券活动)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.hq import campaigns, services
from app.hq.models import Store
from server.fields import IntRowId
from server.hq import schemas
from server.hq.deps import DB, Admin, RawBody, State, documented_body, for_signed_store, signed_body
from server.hq.responses import (
    CampaignOut,
    CampaignsOut,
    CouponBatchOut,
    CouponStateOut,
    CouponTemplateOut,
    PaperCouponsOut,
    ReservedCouponOut,
)
from server.responses import answer

router = APIRouter(tags=["coupons"])


@router.post("/loyalty/coupons/reserve", response_model=ReservedCouponOut,
             openapi_extra=documented_body(schemas.CouponReserveIn))
async def reserve_coupon(request: Request, body: RawBody, state: State) -> Response:
    def reserve(store: Store, session: Session) -> Response:
        data = signed_body(schemas.CouponReserveIn, body)
        reserved = services.reserve_coupon(session, store, data.code, data.ref, data.subtotal, data.member)
        return answer(ReservedCouponOut, reserved.as_dict())

    return await for_signed_store(state, request, body, reserve)


@router.post("/loyalty/coupons/commit", response_model=CouponStateOut,
             openapi_extra=documented_body(schemas.CouponCommitIn))
async def commit_coupon(request: Request, body: RawBody, state: State) -> Response:
    def commit(store: Store, session: Session) -> Response:
        data = signed_body(schemas.CouponCommitIn, body)
        services.commit_coupon(session, store, data.code, data.ref, data.sale_id)
        return answer(CouponStateOut, {"code": data.code, "state": "redeemed"})

    return await for_signed_store(state, request, body, commit)


@router.post("/loyalty/coupons/release", response_model=CouponStateOut,
             openapi_extra=documented_body(schemas.CouponReleaseIn))
async def release_coupon(request: Request, body: RawBody, state: State) -> Response:
    def release(store: Store, session: Session) -> Response:
        data = signed_body(schemas.CouponReleaseIn, body)
        services.release_coupon(session, store, data.code, data.ref)
        return answer(CouponStateOut, {"code": data.code, "state": "released"})

    return await for_signed_store(state, request, body, release)


@router.post("/admin/coupon-templates", response_model=CouponTemplateOut)
def admin_coupon_template(body: schemas.CouponTemplateIn, admin: Admin, session: DB) -> dict[str, Any]:
    template = services.create_coupon_template(session, body.code, body.name, body.kind, body.value, body.threshold,
                                               body.sku, body.restore_on_return)
    return {"id": template.id, "code": template.code}


@router.post("/admin/coupon-batches", response_model=CouponBatchOut)
def admin_coupon_batch(body: schemas.CouponBatchIn, admin: Admin, session: DB) -> dict[str, Any]:
    batch_id, codes = services.create_coupon_batch(session, body.template, body.name, body.count, body.valid_from,
                                                   body.valid_to, body.stores, body.paper, body.member)
    return {"batch": batch_id, "codes": codes}


@router.post("/admin/coupon-batches/{batch_id}/stock", response_model=PaperCouponsOut)
def admin_coupon_stock(batch_id: IntRowId, body: schemas.CouponStockIn, admin: Admin, session: DB) -> dict[str, Any]:
    """纸券: send paper coupons of the batch to a store (its physical stock)."""
    codes = services.stock_paper_coupons(session, batch_id, body.store, body.count)
    return {"store": body.store, "codes": codes}


@router.get("/admin/campaigns", response_model=CampaignsOut)
def admin_campaigns(admin: Admin, session: DB) -> dict[str, Any]:
    return {"items": campaigns.list_campaigns(session)}


@router.post("/admin/campaigns", response_model=CampaignOut)
def admin_campaign(body: schemas.CampaignIn, admin: Admin, session: DB) -> dict[str, Any]:
    """发券活动: a rule handing coupons of a batch to members on registration or on a sale."""
    campaign = services.create_campaign(session, body.code, body.name, body.trigger, body.batch,
                                        min_paid=body.min_paid, per_member=body.per_member, stores=body.stores,
                                        starts=body.starts, ends=body.ends)
    return campaigns.campaign_dict(session, campaign)


@router.delete("/admin/campaigns/{code}", response_model=CampaignOut)
def admin_end_campaign(code: schemas.Text32, admin: Admin, session: DB) -> dict[str, Any]:
    return campaigns.campaign_dict(session, services.end_campaign(session, code))
