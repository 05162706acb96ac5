"""礼品卡 for finance: a card lasts as the rules say from its sale, the expiry job writes off what is
left, and the report carries the opening balance through issue, use, refund and expiry to the
closing one, on the real HQ (PostgreSQL)."""

from __future__ import annotations

import calendar
import csv
import io
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.hq import clock, gift_cards
from app.hq.engine import make_hq_engine, make_hq_sessions
from app.hq.migrate import upgrade
from app.hq.models import WalletAccount, WalletEntry
from app.hq.rules import LoyaltyRules
from harness.hq import Admin, HQServer, Store
from tests.hq.test_loyalty import post


def sold_card(admin: Admin, store: Store, amount: int) -> str:
    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    live = post(store, "/loyalty/gift-cards/activate", {"card": card, "amount": amount, "ref": f"sale-{uuid.uuid4().hex}"})
    assert live.status_code == 200, live.text
    return card


def spend(store: Store, card: str, amount: int, ref: str | None = None) -> Any:
    return post(store, "/loyalty/wallets/spend", {"card": card, "amount": amount, "ref": ref or uuid.uuid4().hex})


def ledger(hq: HQServer, card: str) -> tuple[int, int]:
    """(balance kept on the account, sum of its ledger)"""
    with hq.db() as session:
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert account is not None
        total = session.scalar(select(func.sum(WalletEntry.principal + WalletEntry.bonus))
                               .where(WalletEntry.account_id == account.id))
        return account.principal + account.bonus, int(total or 0)


def sold_long_ago(hq: HQServer, card: str, when: datetime, last_day: date | None) -> None:
    """Back-date the card's sale (what three years in a drawer would have done); ``last_day`` None
    is a card sold before cards kept their last day."""
    with hq.db() as session:
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert account is not None
        account.activated_at, account.last_day = when, last_day
        session.commit()


def beijing_today() -> date:
    return datetime.now(clock.BUSINESS_TZ).date()


def months_on(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def test_a_card_past_its_last_day_is_refused_and_the_job_writes_off_what_is_left(
        admin: Admin, hq: HQServer, store: Store) -> None:
    old, fresh = sold_card(admin, store, 10_000), sold_card(admin, store, 5_000)
    early_spend = f"buy-{uuid.uuid4().hex}"
    assert spend(store, old, 2_500, early_spend).json()["balance"] == 7_500
    # sold on the 15th, 37 months ago (Beijing time): its last day was the 14th of last month
    sold_on = months_on(beijing_today().replace(day=15), -37)
    sold = datetime(sold_on.year, sold_on.month, 15, 10, tzinfo=clock.BUSINESS_TZ)
    last_day = months_on(sold_on, 36) - timedelta(days=1)
    sold_long_ago(hq, old, sold, last_day)

    refused = spend(store, old, 100)
    assert refused.status_code == 409 and refused.json()["code"] == "gift_card_expired"
    assert refused.json()["params"] == {"card": old, "on": last_day.isoformat()}
    assert last_day.isoformat() in refused.json()["message"]
    assert ledger(hq, old) == (7_500, 7_500)  # nothing written
    assert spend(store, fresh, 1_000).json()["balance"] == 4_000  # a card sold today spends as ever

    detail = admin.ok(admin.get(f"/admin/gift-cards/{old}"))
    assert (detail["state"], detail["balance"], detail["last_day"]) == ("expired", 7_500, last_day.isoformat())
    assert [e["kind"] for e in detail["entries"]] == ["issued", "used"]
    assert admin.ok(admin.get(f"/admin/gift-cards/{fresh}"))["state"] == "active"

    done = admin.ok(admin.post("/admin/gift-cards/expire"))
    assert done["cards"] >= 1 and done["amount"] >= 7_500
    assert ledger(hq, old) == (0, 0)
    assert admin.ok(admin.get(f"/admin/gift-cards/{old}"))["entries"][-1] | {"id": 0, "at": "", "ref": ""} == {
        "id": 0, "card_no": old, "kind": "expired", "store": "", "amount": 7_500, "principal": -7_500, "bonus": 0,
        "ref": "", "at": ""}
    assert admin.ok(admin.post("/admin/gift-cards/expire")) == {"cards": 0, "amount": 0}  # again: nothing
    assert ledger(hq, fresh) == (4_000, 4_000)

    # the early purchase comes back after the card lapsed: the card takes no money back (it would
    # only be written off again); the refund becomes the store manager's conflict, paid in cash there
    back = post(store, "/loyalty/wallets/refund", {"card": old, "ref": early_spend})
    assert back.status_code == 409 and back.json()["code"] == "gift_card_expired"
    assert ledger(hq, old) == (0, 0)
    assert "0 gift cards" in hq.cli("expire-gift-cards").stdout  # today's run has been


def test_a_card_keeps_the_last_day_it_was_sold_with_whatever_the_rules_say_later(
        admin: Admin, hq: HQServer, store: Store) -> None:
    rules = admin.ok(admin.get("/admin/loyalty-rules"))
    today = beijing_today()
    card = sold_card(admin, store, 5_000)
    assert admin.ok(admin.get(f"/admin/gift-cards/{card}"))["last_day"] == (months_on(today, 36) - timedelta(days=1)).isoformat()
    try:
        admin.ok(admin.http.put(admin.hq.api + "/admin/loyalty-rules", json={"gift_card_valid_months": 60}, timeout=10))
        longer = sold_card(admin, store, 5_000)
        assert admin.ok(admin.get(f"/admin/gift-cards/{longer}"))["last_day"] == (
            months_on(today, 60) - timedelta(days=1)).isoformat()
        assert admin.ok(admin.get(f"/admin/gift-cards/{card}"))["last_day"] == (
            months_on(today, 36) - timedelta(days=1)).isoformat()  # sold under 36 months: it keeps them
    finally:
        admin.ok(admin.http.put(admin.hq.api + "/admin/loyalty-rules", json=rules, timeout=10))
    # a card sold before cards kept their last day follows the rules of the day
    legacy = sold_card(admin, store, 1_000)
    sold = datetime.now(UTC) - timedelta(days=4 * 366)
    sold_long_ago(hq, legacy, sold, None)
    assert admin.ok(admin.get(f"/admin/gift-cards/{legacy}"))["state"] == "expired"
    assert spend(store, legacy, 100).json()["code"] == "gift_card_expired"
    admin.ok(admin.post("/admin/gift-cards/expire"))
    assert ledger(hq, legacy) == (0, 0)


def test_gift_cards_cannot_be_topped_up_and_their_validity_has_a_legal_floor(admin: Admin, store: Store) -> None:
    card = sold_card(admin, store, 10_000)
    refused = post(store, "/loyalty/wallets/topup", {"card": card, "amount": 10_000, "ref": "t1"})
    assert refused.status_code == 409 and refused.json()["code"] == "gift_card_topup"
    assert admin.ok(admin.get(f"/admin/gift-cards/{card}"))["balance"] == 10_000
    rules = admin.ok(admin.get("/admin/loyalty-rules"))
    assert rules["gift_card_valid_months"] == 36
    for bad in (12, 35, -1, "36"):  # an anonymous card must last three years at least
        answer = admin.http.put(admin.hq.api + "/admin/loyalty-rules", json={"gift_card_valid_months": bad}, timeout=10)
        assert answer.status_code == 422 and answer.json()["code"] == "invalid_field", bad
    assert admin.ok(admin.get("/admin/loyalty-rules")) == rules
    assert admin.get("/admin/gift-cards/7000000000000005").json()["code"] == "gift_card_not_found"


def _report(admin: Admin, day: str, **params: Any) -> dict[str, Any]:
    return admin.ok(admin.get("/reports/gift-cards", **{"from": day, "to": day, **params}))


def test_the_report_carries_the_opening_balance_through_the_days_movements_to_the_closing_one(
        admin: Admin, store: Store) -> None:
    today = clock.aware(datetime.now(UTC)).astimezone(clock.BUSINESS_TZ).date().isoformat()
    before = _report(admin, today)
    card = sold_card(admin, store, 20_000)
    bought = f"buy-{uuid.uuid4().hex}"
    assert spend(store, card, 6_000, bought).json()["balance"] == 14_000
    assert spend(store, card, 1_000).json()["balance"] == 13_000
    assert post(store, "/loyalty/wallets/refund", {"card": card, "ref": bought}).json()["balance"] == 19_000

    after = _report(admin, today)
    moved = {kind: after["totals"][kind] - before["totals"][kind] for kind in after["totals"]}
    assert moved == {"issued": 20_000, "topped_up": 0, "used": 7_000, "refunded": 6_000, "expired": 0}
    assert after["closing"] - before["closing"] == 19_000 and after["opening"] == before["opening"]
    totals = after["totals"]
    assert after["opening"] + totals["issued"] + totals["topped_up"] - totals["used"] + totals["refunded"] \
        - totals["expired"] == after["closing"]

    mine = _report(admin, today, store=store.code)
    assert [row["store"] for row in mine["by_store"]] == [store.code]
    assert mine["opening"] is None and mine["closing"] is None  # a store's cards are spent chain-wide
    rows = [item for item in mine["items"] if item["card_no"] == card]
    assert [(r["kind"], r["amount"]) for r in rows] == [("issued", 20_000), ("used", 6_000), ("used", 1_000),
                                                          ("refunded", 6_000)]
    page = _report(admin, today, store=store.code, limit=2)
    assert len(page["items"]) == 2 and page["has_more"]
    rest = _report(admin, today, store=store.code, cursor=page["next_cursor"])
    assert page["items"] + rest["items"] == mine["items"]

    chinese = admin.http.get(admin.hq.api + "/reports/gift-cards", timeout=10, headers={"Accept-Language": "zh-CN"},
                             params={"from": today, "to": today, "store": store.code, "format": "csv"})
    assert chinese.status_code == 200 and chinese.headers["content-type"].startswith("text/csv")
    assert chinese.content.startswith("\ufeff".encode())  # Excel opens the Chinese right
    table = list(csv.reader(io.StringIO(chinese.content.decode("utf-8-sig"))))
    assert table[0] == ["卡号", "类型", "金额", "本金", "赠送", "门店", "单号", "时间"]
    assert [card, "售卡激活", "200.00", "200.00", "0.00", store.code] in [row[:6] for row in table[1:]]
    english = admin.get("/reports/gift-cards", **{"from": today, "to": today, "store": store.code, "format": "csv"})
    assert english.content.decode("utf-8-sig").splitlines()[0] == "Card,Kind,Amount,Principal,Bonus,Store,Reference,Time"


def test_report_bad_input(admin: Admin) -> None:
    backwards = admin.get("/reports/gift-cards", **{"from": "2026-12-02", "to": "2026-12-01"})
    assert backwards.status_code == 422 and backwards.json()["code"] == "invalid_field"
    for params in ({"from": "2026-12-01", "to": "2026-12-02", "format": "xml"}, {"from": "yesterday", "to": "2026-12-02"},
                   {"to": "2026-12-02"}, {"from": "2026-12-01", "to": "9999-12-31"},
                   {"from": "0001-01-01", "to": "2026-12-02"}):
        answer = admin.get("/reports/gift-cards", **params)
        assert answer.status_code == 422 and answer.json()["code"], params


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)),
       st.integers(36, 240))
def test_a_card_lasts_its_months_to_the_day_before_the_anniversary(sold: datetime, months: int) -> None:
    rule = LoyaltyRules(gift_card_valid_months=months)
    last = rule.gift_card_last_day(sold)
    start = sold.astimezone(clock.BUSINESS_TZ).date()
    anniversary = last + timedelta(days=1)
    assert (anniversary.year * 12 + anniversary.month) - (start.year * 12 + start.month) == months
    # the same day of the month, or the month's last day when it is shorter (sold on 31 Jan or 29 Feb)
    assert anniversary.day == start.day or (anniversary.day < start.day and (anniversary + timedelta(days=1)).day == 1)
    assert LoyaltyRules(gift_card_valid_months=0).gift_card_last_day(sold) is None


def test_a_card_sold_late_in_the_evening_counts_from_the_beijing_day() -> None:
    sold = datetime(2026, 2, 28, 17, 30, tzinfo=UTC)  # 1 March 01:30 in the store
    assert LoyaltyRules().gift_card_last_day(sold) == date(2029, 2, 28)
    assert LoyaltyRules().gift_card_last_day(datetime(2024, 2, 29, 3, tzinfo=UTC)) == date(2027, 2, 27)


def test_the_report_counts_beijing_days_on_the_demo_hq_too(tmp_path: Path) -> None:
    """SQLite (the demo's HQ) keeps no offset: a card sold at 01:30 in the store is that day's, not
    the day before's (17:30 UTC)."""
    engine = make_hq_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    upgrade(engine)
    with make_hq_sessions(engine)() as session:
        [card] = gift_cards.make_cards(session, 1)
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert account is not None
        early = datetime(2026, 12, 1, 17, 30, tzinfo=UTC)  # 2 December, 01:30 in the store
        session.add(WalletEntry(account_id=account.id, kind="activate", principal=10_000, bonus=0, ref="early",
                                created_at=early))
        session.commit()
        on_the_day = gift_cards.finance_report(session, date(2026, 12, 2), date(2026, 12, 2))
        day_before = gift_cards.finance_report(session, date(2026, 12, 1), date(2026, 12, 1))
        csv_text = gift_cards.finance_csv(session, date(2026, 12, 2), date(2026, 12, 2), None, "zh_CN").decode("utf-8-sig")
    engine.dispose()
    assert (on_the_day["totals"]["issued"], on_the_day["opening"], on_the_day["closing"]) == (10_000, 0, 10_000)
    assert (day_before["totals"]["issued"], day_before["closing"]) == (0, 0)
    assert "2026-12-02 01:30:00" in csv_text  # the store's clock, as finance reads it
