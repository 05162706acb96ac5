"""The chain's stores: created by an admin, enrolled with a one-time code, disabled and enabled."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.hq import audit, services, stores
from server.fields import Count
from server.hq import schemas
from server.hq.deps import DB, Admin, Settings
from server.hq.responses import EnrolmentCodeOut, EnrolmentOut, StoreAuditOut, StoreOut, StoresOut

router = APIRouter(tags=["stores"])


@router.post("/enroll", response_model=EnrolmentOut)
def enroll(body: schemas.EnrollIn, session: DB, settings: Settings) -> dict[str, str]:
    """A store exchanges its one-time enrolment code for its signing secret (unsigned)."""
    return services.enroll(session, body.code, settings.secret_key).as_dict()


@router.get("/admin/stores", response_model=StoresOut)
def list_stores(admin: Admin, session: DB) -> dict[str, Any]:
    return {"items": [stores.store_dict(s) for s in stores.list_stores(session)]}


@router.post("/admin/stores", response_model=StoreOut)
def create_store(body: schemas.StoreIn, admin: Admin, session: DB) -> dict[str, Any]:
    return stores.store_dict(services.create_store(session, body.code, body.name, body.group))


@router.post("/admin/stores/{code}/enrolment", response_model=EnrolmentCodeOut)
def enrolment_code(code: schemas.Text16, admin: Admin, session: DB, settings: Settings) -> dict[str, str]:
    issued = services.issue_enrolment_code(session, code, settings.enrolment_ttl_seconds)
    return {"code": issued.code, "expires_at": issued.expires_at.isoformat()}


@router.post("/admin/stores/{code}/disable", response_model=StoreOut)
def disable_store(code: schemas.Text16, admin: Admin, session: DB) -> dict[str, Any]:
    return stores.store_dict(services.set_store_disabled(session, code, True))


@router.post("/admin/stores/{code}/enable", response_model=StoreOut)
def enable_store(code: schemas.Text16, admin: Admin, session: DB) -> dict[str, Any]:
    return stores.store_dict(services.set_store_disabled(session, code, False))


@router.get("/admin/stores/{code}/audit", response_model=StoreAuditOut)
def store_audit(code: schemas.Text16, admin: Admin, session: DB, limit: Count = 200) -> dict[str, Any]:
    """审计: a store's audit log as it sent it, newest first, and whether the chain HQ holds is intact."""
    return audit.store_audit(session, code, limit)
