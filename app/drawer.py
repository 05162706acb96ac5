"""开钱箱 without a sale: the cash drawer opened for change or a check, never silently."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import auth
from app.context import Actor, OverrideRequest
from app.settings import StoreSettings

#: who may open the drawer without a sale (the cashier asks them for their PIN)
NO_SALE_ROLE = "manager"


def open_without_sale(session: Session, actor: Actor, override: OverrideRequest | None,
                      settings: StoreSettings) -> dict[str, Any]:
    """A manager authorises the no-sale open, and it is logged with who allowed it."""
    record = auth.authorise(session, actor, "no_sale", NO_SALE_ROLE, override, settings)
    session.flush()
    return {"ok": True, "authorised_by": record.authorised_by}
