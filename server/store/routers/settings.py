"""设置: the settings the store manager changes in the back office (``app.store_config``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from app import commands, store_config
from app.domain.errors import DomainError
from server.store.deps import DB, ReadDB, Reader, Who, store_state
from server.store.responses import SettingsOut
from server.store.schemas import Body, CommandId

router = APIRouter()


class SettingsIn(Body):
    values: dict[str, Any]
    command_id: CommandId


@router.get("/settings", response_model=SettingsOut)
def get_settings(request: Request, who: Reader, session: ReadDB) -> dict[str, Any]:
    """What the store runs with now, the environment's defaults, and which the manager changed."""
    if not who.at_least("supervisor"):
        raise DomainError("forbidden", status=403)
    return store_config.view(session, store_state(request).defaults)


@router.put("/settings", response_model=SettingsOut)
def put_settings(request: Request, body: SettingsIn, who: Who, session: DB) -> dict[str, Any]:
    """Save some settings (a manager); the server applies them to the next request, no restart."""
    state = store_state(request)
    result = commands.run(session, who, body.command_id, "settings", {"values": body.values},
                          lambda: store_config.change(session, who, body.values, state.defaults))
    state.reload_settings()
    return result
