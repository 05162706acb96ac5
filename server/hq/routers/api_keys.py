"""API keys for admins and channels, with their scopes; a new key is shown once."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.hq import keys, services
from server.fields import IntRowId
from server.hq import schemas
from server.hq.deps import DB, Admin
from server.hq.responses import ApiKeyOut, ApiKeysOut, NewApiKeyOut

router = APIRouter(tags=["api keys"])


@router.get("/admin/api-keys", response_model=ApiKeysOut)
def list_api_keys(admin: Admin, session: DB) -> dict[str, Any]:
    return {"items": [keys.key_dict(k) for k in keys.list_keys(session)]}


@router.post("/admin/api-keys", response_model=NewApiKeyOut)
def create_api_key(body: schemas.ApiKeyIn, admin: Admin, session: DB) -> dict[str, Any]:
    key, raw = services.create_key(session, body.name, body.scopes)
    return {**keys.key_dict(key), "key": raw}


@router.delete("/admin/api-keys/{key_id}", response_model=ApiKeyOut)
def revoke_api_key(key_id: IntRowId, admin: Admin, session: DB) -> dict[str, Any]:
    return keys.key_dict(services.revoke_key(session, key_id))
