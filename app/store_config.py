"""设置: the settings a store manager changes in the back office.

The environment (``app.settings.StoreSettings.from_env``) gives every value its default; what the
manager set is kept in the store's own ``store_settings`` table and overrides it. The store server
holds the effective settings and swaps them when the manager saves, so a change applies to the
next request without a restart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app import clock
from app.context import Actor
from app.db.models import StoreSetting
from app.domain.errors import DomainError
from app.domain.money import MAX_AMOUNT, RoundingPolicy
from app.settings import StoreSettings

MAX_TEXT = 200
MAX_TEXT_LINES = 4
LANGUAGES = ("zh_CN", "en")


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT or len(value.splitlines()) > MAX_TEXT_LINES \
            or any(c < " " and c != "\n" for c in value):
        raise ValueError
    return value.strip()


def _rounding(value: Any) -> str:
    return RoundingPolicy(value).value


def _limit(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AMOUNT:
        raise ValueError
    return value


def _language(value: Any) -> str:
    if value not in LANGUAGES:
        raise ValueError
    return str(value)


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    field: str  # the StoreSettings field it overrides
    parse: Callable[[Any], Any]  # the value as sent → as stored (raises ValueError)
    load: Callable[[str], Any]  # as stored → the StoreSettings value


EDITABLE: dict[str, Setting] = {s.key: s for s in (
    Setting("receipt_header", "receipt_header", _text, str),
    Setting("receipt_footer", "receipt_footer", _text, str),
    Setting("rounding", "rounding", _rounding, RoundingPolicy),
    Setting("void_line_limit", "void_line_limit", _limit, int),
    Setting("language", "default_language", _language, str),
)}


def overrides(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(StoreSetting)) if row.key in EDITABLE}


def effective(session: Session, defaults: StoreSettings) -> StoreSettings:
    """The environment's settings with the manager's overrides applied."""
    changes = {}
    for key, value in overrides(session).items():
        setting = EDITABLE[key]
        try:
            changes[setting.field] = setting.load(value)
        except ValueError:
            continue  # a value this version can't read keeps the default rather than stop the store
    return dataclasses.replace(defaults, **changes)


def _shown(settings: StoreSettings, setting: Setting) -> Any:
    value = getattr(settings, setting.field)
    return value.value if isinstance(value, RoundingPolicy) else value


def view(session: Session, defaults: StoreSettings) -> dict[str, Any]:
    current = effective(session, defaults)
    return {"values": {k: _shown(current, s) for k, s in EDITABLE.items()},
            "defaults": {k: _shown(defaults, s) for k, s in EDITABLE.items()},
            "overridden": sorted(overrides(session))}


def change(session: Session, actor: Actor, values: dict[str, Any], defaults: StoreSettings) -> dict[str, Any]:
    """Save the manager's settings (all checked before any is written); ``None`` restores the default."""
    actor.require("manager")
    if not values:
        raise DomainError("invalid_setting", status=422, setting="", value="")
    parsed: dict[str, str | None] = {}
    for key, value in values.items():
        setting = EDITABLE.get(key)
        if setting is None:
            raise DomainError("invalid_setting", status=422, setting=str(key)[:32], value="")
        if value is None:
            parsed[key] = None
            continue
        try:
            parsed[key] = str(setting.parse(value))
        except (ValueError, TypeError):
            raise DomainError("invalid_setting", status=422, setting=key, value=str(value)[:40]) from None
    moment = clock.now()
    statement = insert(StoreSetting)
    for key, value in parsed.items():
        if value is None:
            session.execute(delete(StoreSetting).where(StoreSetting.key == key))
            continue
        session.execute(statement.values(key=key, value=value, updated_at=moment, operator_id=actor.operator_id)
                        .on_conflict_do_update(index_elements=["key"], set_={
                            "value": value, "updated_at": moment, "operator_id": actor.operator_id}))
    from app.closing import audit

    audit(session, actor, "settings_changed", ", ".join(f"{k}={v}" for k, v in sorted(parsed.items()))[:200])
    return view(session, defaults)
