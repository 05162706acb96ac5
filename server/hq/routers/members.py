"""会员: registered and found by a store's till (signed calls) or by an admin."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from app.hq import loyalty, member360, services
from server.hq import schemas
from server.hq.deps import DB, Admin, RawBody, Settings, SignedStore, documented_body, signed_body
from server.hq.responses import Member360Out, MemberCodeOut, MemberOut
from server.responses import answer

router = APIRouter(tags=["members"])


@router.post("/loyalty/members", response_model=MemberOut, openapi_extra=documented_body(schemas.MemberIn))
def register_member(store: SignedStore, body: RawBody, session: DB) -> Response:
    """注册会员 at the till with a mobile number."""
    data = signed_body(schemas.MemberIn, body)
    return answer(MemberOut, services.register_member(session, data.phone, data.name, store))


@router.get("/loyalty/members", response_model=MemberOut)
def find_member(store: SignedStore, session: DB, settings: Settings,
                phone: schemas.PhoneQuery = "", card: schemas.MemberQuery = "",
                code: schemas.CodeQuery = "") -> Response:
    """By phone, card number or the dynamic member code (which is then used up)."""
    return answer(MemberOut, services.find_member(session, settings.secret_key, store, phone=phone, card=card, code=code))


@router.post("/admin/members", response_model=MemberOut)
def admin_member(body: schemas.MemberIn, admin: Admin, session: DB) -> dict[str, Any]:
    return services.register_member(session, body.phone, body.name, None)


@router.post("/admin/members/{member_no}/code", response_model=MemberCodeOut)
def admin_member_code(member_no: schemas.Text20, admin: Admin, session: DB, settings: Settings) -> dict[str, str]:
    """The code the member app would show now (for the app's backend, and for tests)."""
    member = loyalty.find_member(session, settings.secret_key, card=member_no)
    return {"code": loyalty.member_code(settings.secret_key, member)}


@router.get("/loyalty/members/{member_no}/360", response_model=Member360Out)
def member_360(member_no: schemas.Text20, store: SignedStore, session: DB) -> Response:
    """会员 360 for a store manager: profile, tier and growth, points and stored value, coupons, purchases."""
    return answer(Member360Out, member360.member_360(session, member_no))


@router.get("/admin/members/{member_no}/360", response_model=Member360Out)
def admin_member_360(member_no: schemas.Text20, admin: Admin, session: DB) -> Response:
    return answer(Member360Out, member360.member_360(session, member_no))
