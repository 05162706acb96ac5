"""会员规则: the chain's loyalty rules, set by HQ's marketing team without a release.

One document in the ``settings`` table: tiers by growth value, points per yuan paid by tier,
what points are worth at the till, how long they last, and the top-up bonus ladder. Read when a
rule is applied (one primary-key lookup), so every HQ worker uses the rules as last saved.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import Setting

KEY = "loyalty_rules"
TIERS = ("normal", "silver", "gold", "diamond")


@dataclass(frozen=True)
class LoyaltyRules:
    #: 成长值 at which each tier starts (one point of growth per yuan paid)
    tier_growth: dict[str, int] = field(default_factory=lambda: {"normal": 0, "silver": 1_000, "gold": 5_000,
                                                                 "diamond": 20_000})
    #: 积分倍率: points per yuan paid, in percent (150: 1.5 points a yuan)
    earn_percent: dict[str, int] = field(default_factory=lambda: {"normal": 100, "silver": 120, "gold": 150,
                                                                  "diamond": 200})
    #: 积分抵现: this many points pay one yuan
    points_per_yuan: int = 100
    #: 积分有效期: valid to the end of the year this many years after they were earned (0: for ever)
    points_valid_years: int = 1
    #: 充值赠送: (top-up at least, bonus) in fen; the best one reached applies — 充100送20, 充500送120
    topup_bonus: tuple[tuple[int, int], ...] = ((50_000, 12_000), (10_000, 2_000))
    #: 礼品卡有效期: months from the sale that activated the card (0: for ever). A card sold without
    #: the buyer's name must stay valid at least three years (单用途商业预付卡管理办法), so 1–35 is refused.
    gift_card_valid_months: int = 36

    def tier_for(self, growth: int) -> str:
        return max((t for t in TIERS if growth >= self.tier_growth[t]), key=lambda t: self.tier_growth[t])

    def points_for(self, paid: int, tier: str) -> int:
        """Points earned on ``paid`` fen (whole yuan only)."""
        return paid // 100 * self.earn_percent.get(tier, 100) // 100

    def gift_card_last_day(self, activated_at: datetime) -> date | None:
        """The last business day a card activated at ``activated_at`` can be spent (None: no end)."""
        if self.gift_card_valid_months <= 0:
            return None
        start = clock.business_day(activated_at)
        months = start.month - 1 + self.gift_card_valid_months
        year, month = start.year + months // 12, months % 12 + 1
        anniversary = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
        return anniversary - timedelta(days=1)

    def bonus_for(self, amount: int) -> int:
        return next((bonus for floor, bonus in sorted(self.topup_bonus, reverse=True) if amount >= floor), 0)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["topup_bonus"] = [list(step) for step in self.topup_bonus]
        return data


def load(session: Session) -> LoyaltyRules:
    row = session.get(Setting, KEY)
    return parse(row.data) if row is not None else LoyaltyRules()


def save(session: Session, data: dict[str, Any]) -> LoyaltyRules:
    """Check the whole document first: a bad rule is refused and the saved rules stay as they were."""
    unknown = set(data) - set(LoyaltyRules.__dataclass_fields__)
    if unknown:
        raise DomainError("invalid_field", status=422, field=sorted(unknown)[0][:32], value="")
    rules = parse({**load(session).as_dict(), **data})
    row = session.get(Setting, KEY)
    if row is None:
        session.add(Setting(key=KEY, data=rules.as_dict(), updated_at=clock.now()))
    else:
        row.data, row.updated_at = rules.as_dict(), clock.now()
    session.flush()
    return rules


def _bad(name: str, value: Any) -> DomainError:
    return DomainError("invalid_field", status=422, field=name, value=str(value)[:64])


def _count(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(name, value)
    return value


def parse(data: dict[str, Any]) -> LoyaltyRules:
    growth, earn = data.get("tier_growth"), data.get("earn_percent")
    if not isinstance(growth, dict) or set(growth) != set(TIERS):
        raise _bad("tier_growth", growth)
    if not isinstance(earn, dict) or set(earn) != set(TIERS):
        raise _bad("earn_percent", earn)
    tier_growth = {t: _count(f"tier_growth.{t}", growth[t], 0, 10**9) for t in TIERS}
    if tier_growth["normal"] != 0 or [tier_growth[t] for t in TIERS] != sorted(set(tier_growth.values())):
        raise _bad("tier_growth", growth)  # every member has a tier, and each tier starts higher
    ladder = data.get("topup_bonus")
    if not isinstance(ladder, list | tuple) or len(ladder) > 20:
        raise _bad("topup_bonus", ladder)
    steps = []
    for n, step in enumerate(ladder):
        if not isinstance(step, list | tuple) or len(step) != 2:
            raise _bad(f"topup_bonus.{n}", step)
        floor = _count(f"topup_bonus.{n}.0", step[0], 1, 10**8)
        steps.append((floor, _count(f"topup_bonus.{n}.1", step[1], 0, floor)))  # never more bonus than paid
    return LoyaltyRules(
        tier_growth=tier_growth,
        earn_percent={t: _count(f"earn_percent.{t}", earn[t], 0, 10_000) for t in TIERS},
        points_per_yuan=_count("points_per_yuan", data.get("points_per_yuan"), 1, 10_000),
        points_valid_years=_count("points_valid_years", data.get("points_valid_years"), 0, 50),
        topup_bonus=tuple(sorted(steps, reverse=True)),
        gift_card_valid_months=_gift_card_months(data.get("gift_card_valid_months", LoyaltyRules.gift_card_valid_months)),
    )


def _gift_card_months(value: Any) -> int:
    months = _count("gift_card_valid_months", value, 0, 1_200)
    if 0 < months < 36:
        raise _bad("gift_card_valid_months", value)
    return months
