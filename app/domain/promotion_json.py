"""Promotions as JSON: how HQ authors them, the change feed carries them, and a store keeps them.

``{"id", "name", "kind", "rule": {...}, "scope": {...}, "channels", "stores", "store_groups",
"window": {"starts", "ends", "hours": [["08:00", "10:00"]], "weekdays"}, "tiers", "priority",
"stacking": {...}}`` — lists for sets, ISO 8601 for moments, money in fen. Anything malformed is an
``InvalidPromotion`` with a stable reason, never a half-built promotion.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any

from app.domain.promotions import (
    AddOn,
    Bundle,
    BuyGet,
    InvalidPromotion,
    Kind,
    MemberPrice,
    NthItem,
    PriceCut,
    Promotion,
    Rule,
    Scope,
    SpendPercent,
    SpendSave,
    Stacking,
    Tier,
    Window,
)

RULES: dict[Kind, type] = {
    Kind.PRICE_CUT: PriceCut, Kind.MEMBER_PRICE: MemberPrice, Kind.NTH_ITEM: NthItem, Kind.BUY_GET: BuyGet,
    Kind.BUNDLE: Bundle, Kind.SPEND_SAVE: SpendSave, Kind.SPEND_PERCENT: SpendPercent, Kind.ADD_ON: AddOn,
}
SCOPE_SETS = ("skus", "categories", "brands", "exclude_skus", "exclude_categories", "exclude_brands")


def _bad(pid: str, reason: str, **params: Any) -> InvalidPromotion:
    return InvalidPromotion(promotion=pid, reason=reason, **params)


def _strings(pid: str, value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(pid, "bad_field", field=where)
    return frozenset(value)


def _scope(pid: str, data: Any, where: str = "scope") -> Scope:
    if data is None:
        return Scope.all()
    if not isinstance(data, Mapping):
        raise _bad(pid, "bad_field", field=where)
    return Scope(everything=bool(data.get("everything", False)),
                 **{name: _strings(pid, data.get(name), f"{where}.{name}") for name in SCOPE_SETS})


def _pairs(pid: str, value: Any, where: str) -> tuple[tuple[Any, int], ...]:
    if not isinstance(value, list) or not all(isinstance(v, list) and len(v) == 2 for v in value):
        raise _bad(pid, "bad_field", field=where)
    return tuple((a, b) for a, b in value)


def _rule(pid: str, kind: Kind, data: Any) -> Rule:
    if not isinstance(data, Mapping):
        raise _bad(pid, "bad_field", field="rule")
    values = dict(data)
    try:
        if kind in (Kind.SPEND_SAVE, Kind.SPEND_PERCENT) and "tiers" in values:
            values["tiers"] = _pairs(pid, values["tiers"], "rule.tiers")
        if kind is Kind.MEMBER_PRICE and "percent_by_tier" in values:
            values["percent_by_tier"] = tuple((Tier(t), p) for t, p in _pairs(pid, values["percent_by_tier"],
                                                                              "rule.percent_by_tier"))
        if kind is Kind.BUY_GET and values.get("gift") is not None:
            values["gift"] = _scope(pid, values["gift"], "rule.gift")
        if kind is Kind.ADD_ON:
            values["targets"] = _strings(pid, values.get("targets"), "rule.targets")
        return RULES[kind](**values)  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        raise _bad(pid, "bad_field", field="rule") from None


def _moment(pid: str, value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise _bad(pid, "bad_field", field=where) from None
    return moment.replace(tzinfo=None)  # the store's local wall clock, as the window means it


def _window(pid: str, data: Any) -> Window:
    if data is None:
        return Window()
    if not isinstance(data, Mapping):
        raise _bad(pid, "bad_field", field="window")
    try:
        hours = tuple((time.fromisoformat(str(a)), time.fromisoformat(str(b)))
                      for a, b in _pairs(pid, data.get("hours", []), "window.hours"))
        weekdays = frozenset(int(d) for d in data.get("weekdays") or [])
    except (TypeError, ValueError):
        raise _bad(pid, "bad_field", field="window") from None
    return Window(_moment(pid, data.get("starts"), "window.starts"), _moment(pid, data.get("ends"), "window.ends"),
                  hours, weekdays)


def _stacking(pid: str, data: Any) -> Stacking:
    if data is None:
        return Stacking()
    if not isinstance(data, Mapping):
        raise _bad(pid, "bad_field", field="stacking")
    try:
        kinds = frozenset(Kind(k) for k in data.get("with_kinds") or [])
    except ValueError:
        raise _bad(pid, "bad_field", field="stacking.with_kinds") from None
    return Stacking(exclusive=bool(data.get("exclusive", False)), with_ids=_strings(pid, data.get("with_ids"), "with_ids"),
                    with_kinds=kinds, with_all=bool(data.get("with_all", False)))


def promotion_from_json(data: Any) -> Promotion:
    if not isinstance(data, Mapping):
        raise _bad("?", "bad_field", field="promotion")
    pid = str(data.get("id") or "")
    try:
        kind = Kind(str(data.get("kind")))
    except ValueError:
        raise _bad(pid, "unknown_kind", rule=str(data.get("kind"))) from None
    priority = data.get("priority", 0)
    return Promotion(
        id=pid, name=str(data.get("name") or ""), rule=_rule(pid, kind, data.get("rule")),
        scope=_scope(pid, data.get("scope")), channels=_strings(pid, data.get("channels"), "channels"),
        stores=_strings(pid, data.get("stores"), "stores"),
        store_groups=_strings(pid, data.get("store_groups"), "store_groups"),
        window=_window(pid, data.get("window")), tiers=_strings(pid, data.get("tiers"), "tiers"),
        priority=priority, stacking=_stacking(pid, data.get("stacking")),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | time):
        return value.isoformat()
    if isinstance(value, Scope | Window | Stacking) or hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    return value.value if isinstance(value, Kind | Tier) else value


def promotion_to_json(promotion: Promotion) -> dict[str, Any]:
    return {
        "id": promotion.id, "name": promotion.name, "kind": promotion.kind.value, "rule": _plain(promotion.rule),
        "scope": _plain(promotion.scope), "channels": _plain(promotion.channels), "stores": _plain(promotion.stores),
        "store_groups": _plain(promotion.store_groups), "window": _plain(promotion.window),
        "tiers": _plain(promotion.tiers), "priority": promotion.priority, "stacking": _plain(promotion.stacking),
    }
