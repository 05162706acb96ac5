"""A store's O2O settings (coordinates, hours, the O2O switch, per channel auto-accept) and a
channel's rules (acceptance limit, split, safety stock, commission, platform credentials)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq.models import O2OChannel, Store
from app.hq.orders.intake import channel_of


def _store(session: Session, code: str) -> Store:
    store = session.scalar(select(Store).where(Store.code == code))
    if store is None:
        raise DomainError("store_not_found", status=404, store=code)
    return store


def store_o2o(store: Store) -> dict[str, Any]:
    settings = store.o2o_settings or {}
    return {"code": store.code, "lat": store.lat, "lng": store.lng, "opening_hours": store.opening_hours,
            "o2o_enabled": bool(store.o2o_enabled),
            "auto_accept": [c for c, s in sorted(settings.items()) if isinstance(s, dict) and s.get("auto_accept")]}


def get_store_o2o(session: Session, code: str) -> dict[str, Any]:
    return store_o2o(_store(session, code))


def set_store_o2o(session: Session, code: str, lat: float | None, lng: float | None,
                  opening_hours: dict[str, str] | None, enabled: bool, auto_accept: list[str]) -> dict[str, Any]:
    store = _store(session, code)
    if (lat is None) != (lng is None):
        raise DomainError("address_without_coordinates", status=422)
    store.lat, store.lng, store.opening_hours, store.o2o_enabled = lat, lng, opening_hours, enabled
    store.o2o_settings = {channel: {"auto_accept": True} for channel in sorted(set(auto_accept))}
    session.flush()
    return store_o2o(store)


def channel_dict(channel: O2OChannel) -> dict[str, Any]:
    return {"code": channel.code, "accept_seconds": channel.accept_seconds, "allow_split": channel.allow_split,
            "safety_stock": channel.safety_stock, "commission_bp": channel.commission_bp,
            "app_key": channel.app_key, "callback_url": channel.callback_url}


def set_channel(session: Session, code: str, accept_seconds: int, allow_split: bool, safety_stock: int,
                commission_bp: int, app_key: str, app_secret: str, callback_url: str) -> dict[str, Any]:
    channel = channel_of(session, code)
    channel.accept_seconds, channel.allow_split, channel.safety_stock = accept_seconds, allow_split, safety_stock
    channel.commission_bp, channel.app_key, channel.callback_url = commission_bp, app_key, callback_url
    if app_secret:
        channel.app_secret = app_secret
    session.flush()
    return channel_dict(channel)
