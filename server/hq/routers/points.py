"""积分 and the chain's loyalty rules: a till spends points (signed call); admins set the rules and
run the yearly 积分清零."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from app.hq import rules, services
from server.hq import schemas
from server.hq.deps import DB, Admin, RawBody, SignedStore, documented_body, signed_body
from server.hq.responses import LoyaltyRulesOut, PointsExpiredOut, PointsRefundedOut, PointsSpentOut
from server.responses import answer

router = APIRouter(tags=["points"])


@router.post("/loyalty/points/spend", response_model=PointsSpentOut,
             openapi_extra=documented_body(schemas.PointsSpendIn))
def points_spend(store: SignedStore, body: RawBody, session: DB) -> Response:
    data = signed_body(schemas.PointsSpendIn, body)
    return answer(PointsSpentOut, services.spend_points(session, data.member, data.amount, data.ref))


@router.post("/loyalty/points/refund", response_model=PointsRefundedOut,
             openapi_extra=documented_body(schemas.PointsRefundIn))
def points_refund(store: SignedStore, body: RawBody, session: DB) -> Response:
    """A points payment the store gave up on goes back (once; refused if it arrives after)."""
    data = signed_body(schemas.PointsRefundIn, body)
    services.refund_points(session, data.member, data.ref)
    return answer(PointsRefundedOut, {"member_no": data.member, "ref": data.ref, "state": "refunded"})


@router.get("/admin/loyalty-rules", response_model=LoyaltyRulesOut)
def admin_loyalty_rules(admin: Admin, session: DB) -> dict[str, Any]:
    return rules.load(session).as_dict()


@router.put("/admin/loyalty-rules", response_model=LoyaltyRulesOut)
def admin_save_loyalty_rules(body: dict[str, Any], admin: Admin, session: DB) -> dict[str, Any]:
    """会员规则: tiers, points per yuan by tier, points' worth and life, the top-up bonus ladder.
    Send any of them; the document is checked whole, and in force for the next request."""
    return services.save_loyalty_rules(session, body).as_dict()


@router.post("/admin/points/expire", response_model=PointsExpiredOut)
def admin_expire_points(body: schemas.PointsExpireIn, admin: Admin, session: DB) -> dict[str, Any]:
    """积分清零 by the chain's rule (run by a yearly job; running it again changes nothing)."""
    return services.expire_points(session, member_no=body.member)
