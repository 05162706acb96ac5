"""Promotions survive the trip through JSON (HQ → change feed → store) unchanged, and a malformed
one is refused with a reason, never half built."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from hypothesis import given, settings

from app.domain.promotion_json import promotion_from_json, promotion_to_json
from app.domain.promotions import (
    AddOn,
    BuyGet,
    InvalidPromotion,
    Kind,
    MemberPrice,
    Promotion,
    Scope,
    SpendSave,
    Stacking,
    Tier,
    Window,
)
from tests.domain.test_pricing_properties import promotion_sets


def same(a: Promotion, b: Promotion) -> bool:
    return promotion_to_json(a) == promotion_to_json(b) and a.id == b.id


@settings(max_examples=60, deadline=None)
@given(promotion_sets())
def test_every_generated_promotion_round_trips(promotions: list[Promotion]) -> None:
    for promotion in promotions:
        again = promotion_from_json(promotion_to_json(promotion))
        assert same(again, promotion)
        assert again.rule == promotion.rule and again.scope == promotion.scope and again.window == promotion.window


def test_the_less_common_fields_round_trip() -> None:
    promotions = [
        Promotion("M1", "金卡9折", MemberPrice(percent_by_tier=((Tier.GOLD, 90), (Tier.DIAMOND, 85))),
                  Scope.of_categories("饮料"), tiers=frozenset({"gold", "diamond"}),
                  window=Window(datetime(2026, 12, 1), datetime(2027, 1, 1), ((time(22), time(2)),), frozenset({6, 7}))),
        Promotion("B1", "买2赠1", BuyGet(2, 1, gift=Scope.of_skus("GIFT")), Scope.of_brands("农夫山泉"),
                  stacking=Stacking.with_(Kind.SPEND_SAVE, "X9"), stores=frozenset({"S001"}), priority=5),
        Promotion("A1", "满50加1元换购", AddOn(5000, frozenset({"CUP"}), 100, 2), Scope.all(exclude_skus=["CUP"])),
        Promotion("S1", "每满100减20", SpendSave(every=10000, off=2000, max_off=6000), Scope.all(),
                  channels=frozenset({"pos", "miniprogram"})),
    ]
    for promotion in promotions:
        assert same(promotion_from_json(promotion_to_json(promotion)), promotion)


@pytest.mark.parametrize(("data", "reason"), [
    ({"id": "X", "name": "x", "kind": "teleport", "rule": {}}, "unknown_kind"),
    ({"id": "X", "name": "x", "kind": "spend_save", "rule": {"tiers": "lots"}}, "bad_field"),
    ({"id": "X", "name": "x", "kind": "price_cut", "rule": {"price": 100, "colour": "red"}}, "bad_field"),
    ({"id": "X", "name": "x", "kind": "price_cut", "rule": {"price": 100}, "scope": {"skus": "A1"}}, "bad_field"),
    ({"id": "X", "name": "x", "kind": "price_cut", "rule": {"price": 100}, "window": {"starts": "someday"}},
     "bad_field"),
    ({"id": "X", "name": "", "kind": "price_cut", "rule": {"price": 100}}, "missing_name"),
    ({"id": "X", "name": "x", "kind": "price_cut", "rule": {"price": -5}}, "bad_price"),
])
def test_malformed_promotions_are_refused_with_a_reason(data: dict, reason: str) -> None:
    with pytest.raises(InvalidPromotion) as refused:
        promotion_from_json(data)
    assert refused.value.params["reason"] == reason
