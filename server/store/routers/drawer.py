"""The cash drawer opened without a sale."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import drawer
from server.store import schemas
from server.store.deps import DB, Settings, Who, command, override
from server.store.responses import DrawerOpenedOut

router = APIRouter(tags=["drawer"])


@router.post("/drawer/open", response_model=DrawerOpenedOut)
def open_drawer(body: schemas.OverridableIn, who: Who, session: DB, settings: Settings) -> dict[str, Any]:
    """No-sale drawer open: a manager authorises it and it is logged."""
    return command(session, who, body.command_id, "no_sale", {},
                   lambda: drawer.open_without_sale(session, who, override(body), settings))
