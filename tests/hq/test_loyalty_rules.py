"""The rules around the pool: campaigns that issue coupons, coupons restored by a whole return,
points that expire first-in first-out, and gift cards sold as goods and activated by the sale."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.hq import clock
from app.hq.models import CampaignGrant, Member, PointsEntry, WalletAccount, WalletEntry
from harness.hq import Admin, HQServer, Store
from tests.hq.test_loyalty import batch, phone, post


def template_and_batch(admin: Admin, count: int, *, restore: bool = False, end: timedelta = timedelta(days=30),
                       threshold: int = 0) -> tuple[int, list[str]]:
    template = "T" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "返券10元", "kind": "cash", "value": 1000,
                                                     "threshold": threshold, "restore_on_return": restore}))
    now = datetime.now(UTC)
    made = admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "活动券池", "count": count, "valid_from": (now - timedelta(days=1)).isoformat(),
        "valid_to": (now + end).isoformat()}))
    return made["batch"], made["codes"]


def campaign(admin: Admin, trigger: str, pool: int, **extra: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    return admin.ok(admin.post("/admin/campaigns", {
        "code": "C" + uuid.uuid4().hex[:10], "name": "新人礼" if trigger == "register" else "满100返10",
        "trigger": trigger, "batch": pool, "starts": (now - timedelta(hours=1)).isoformat(),
        "ends": (now + timedelta(days=7)).isoformat(), **extra}))


def member_sale(store: Store, member_no: str, total: int, lines: list[dict[str, Any]] | None = None,
                coupons: list[str] | None = None) -> dict[str, Any]:
    event = store.sale(total=total)
    event["payload"]["member_no"] = member_no
    if lines is not None:
        event["payload"]["lines"] = lines
    if coupons:
        event["payload"]["coupons"] = [{"code": c} for c in coupons]
    return event


def from_pool(view: dict[str, Any], pool: int) -> list[str]:
    """The member's coupons from this batch (other tests' campaigns may be running on the same HQ)."""
    return [c["code"] for c in view["coupons"] if c["code"].startswith(f"E{pool:04d}")]


def pushed(store: Store, *events: dict[str, Any]) -> None:
    answer = store.push(list(events))
    assert answer.status_code == 200, answer.text


def conflicts(admin: Admin, store: Store) -> list[dict[str, Any]]:
    return admin.ok(admin.get("/reports/loyalty-conflicts", store=store.code))["items"]


# ---- campaigns -------------------------------------------------------------------------------


def test_a_new_member_gets_the_welcome_coupon_once_and_the_pool_runs_dry_honestly(admin: Admin, store: Store) -> None:
    pool, codes = template_and_batch(admin, 2)
    rule = campaign(admin, "register", pool)
    welcomed = [post(store, "/loyalty/members", {"phone": phone(), "name": f"新会员{n}"}).json() for n in range(3)]
    got = [from_pool(m, pool) for m in welcomed]
    assert got[0] and got[1] and not got[2], got  # the third registration found the pool empty
    assert sorted(got[0] + got[1]) == sorted(codes)
    listed = next(c for c in admin.ok(admin.get("/admin/campaigns"))["items"] if c["code"] == rule["code"])
    assert (listed["granted"], listed["missed"], listed["pool_left"]) == (2, 1, 0)


def test_spend_campaign_gives_a_coupon_per_qualifying_sale_up_to_the_limit_and_never_twice_for_a_replay(
        admin: Admin, hq: HQServer, store: Store) -> None:
    pool, _ = template_and_batch(admin, 10)
    campaign(admin, "spend", pool, min_paid=10000, per_member=2)
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "张强"}))
    small = member_sale(store, member["member_no"], 9999)
    big = member_sale(store, member["member_no"], 12000)
    pushed(store, small, big)
    pushed(store, big)  # the outbox sends it again: no second coupon
    again = store.event("sale_completed", big["payload"])  # the same sale under a new event id
    pushed(store, again)
    view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
    assert len(from_pool(view, pool)) == 1
    pushed(store, member_sale(store, member["member_no"], 20000), member_sale(store, member["member_no"], 30000))
    view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
    assert len(from_pool(view, pool)) == 2  # per_member caps it
    with hq.db() as session:
        who = session.scalar(select(Member.id).where(Member.member_no == member["member_no"]))
        assert session.scalar(select(CampaignGrant.id).where(CampaignGrant.member_id == who).limit(1)) is not None


def test_concurrent_sales_of_one_member_cannot_beat_the_per_member_limit(admin: Admin, store: Store) -> None:
    pool, _ = template_and_batch(admin, 20)
    campaign(admin, "spend", pool, per_member=1)
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "并发"}))
    others = [admin.new_store() for _ in range(5)]
    with ThreadPoolExecutor(5) as workers:
        list(workers.map(lambda s: pushed(s, member_sale(s, member["member_no"], 5000)), others))
    view = others[0].send("GET", f"/loyalty/members?card={member['member_no']}").json()
    assert len(from_pool(view, pool)) == 1


def test_campaign_refusals(admin: Admin) -> None:
    pool, _ = template_and_batch(admin, 1)
    [paper_code] = batch(admin, paper=True)
    paper_batch = int(paper_code[1:-10])  # P<batch><serial>
    now = datetime.now(UTC)
    base = {"code": "C" + uuid.uuid4().hex[:8], "name": "x", "trigger": "spend", "batch": pool,
            "starts": now.isoformat(), "ends": (now + timedelta(days=1)).isoformat()}
    assert admin.post("/admin/campaigns", {**base, "ends": now.isoformat()}).json()["code"] == "invalid_field"
    assert admin.post("/admin/campaigns", {**base, "trigger": "birthday"}).status_code == 422
    assert admin.post("/admin/campaigns", {**base, "trigger": "register", "min_paid": 100}).json()["code"] == "invalid_field"
    assert admin.post("/admin/campaigns", {**base, "batch": 999_999}).json()["code"] == "coupon_batch_not_found"
    # paper coupons are handed out in the shop, not by a rule
    assert admin.post("/admin/campaigns", {**base, "batch": paper_batch}).json()["code"] == "coupon_batch_not_found"
    admin.ok(admin.post("/admin/campaigns", base))
    assert admin.post("/admin/campaigns", base).json()["code"] == "campaign_exists"
    ended = admin.ok(admin.delete(f"/admin/campaigns/{base['code']}"))
    assert ended["active"] is False
    assert admin.delete("/admin/campaigns/NOPE").json()["code"] == "campaign_not_found"


# ---- coupons restored on return --------------------------------------------------------------


def _return_event(store: Store, sale: dict[str, Any], codes: list[str]) -> dict[str, Any]:
    payload = {"id": 1, "sale_id": f"T01-R{uuid.uuid4().hex[:8]}", "original_sale": sale["payload"]["sale_id"],
               "till": "T01", "status": "returned", "lines": [], "subtotal": -1000, "rounding": 0, "total": -1000,
               "paid": -1000, "change": 0, "tenders": [{"method": "cash", "amount": -1000}],
               "completed_at": "2031-03-15T11:00:00", "restore_coupons": codes}
    return store.event("sale_returned", payload)


def test_a_whole_return_restores_a_coupon_whose_template_says_so_and_only_that_one(admin: Admin, store: Store) -> None:
    _, [restorable] = template_and_batch(admin, 1, restore=True)
    _, [kept] = template_and_batch(admin, 1, restore=False)
    for code in (restorable, kept):
        assert post(store, "/loyalty/coupons/reserve", {"code": code, "ref": f"{store.code}:1", "subtotal": 5000}).status_code == 200
    sale = store.sale(total=3000)
    sale["payload"]["coupons"] = [{"code": restorable}, {"code": kept}]
    pushed(store, sale)
    assert post(store, "/loyalty/coupons/reserve", {"code": restorable, "ref": "x", "subtotal": 5000}).json()["code"] == "coupon_used"
    pushed(store, _return_event(store, sale, [restorable, kept]))
    assert post(store, "/loyalty/coupons/reserve", {"code": restorable, "ref": "y", "subtotal": 5000}).status_code == 200
    assert post(store, "/loyalty/coupons/reserve", {"code": kept, "ref": "y", "subtotal": 5000}).json()["code"] == "coupon_used"
    assert not [c for c in conflicts(admin, store) if c["action"] == "restore"]


def test_a_return_naming_another_sale_restores_nothing(admin: Admin, store: Store) -> None:
    _, [code] = template_and_batch(admin, 1, restore=True)
    assert post(store, "/loyalty/coupons/reserve", {"code": code, "ref": f"{store.code}:1", "subtotal": 5000}).status_code == 200
    sale = store.sale(total=3000)
    sale["payload"]["coupons"] = [{"code": code}]
    pushed(store, sale)
    pushed(store, _return_event(store, {"payload": {"sale_id": "T01-some-other-sale"}}, [code]))
    assert post(store, "/loyalty/coupons/reserve", {"code": code, "ref": "z", "subtotal": 5000}).json()["code"] == "coupon_used"


# ---- points expiry ---------------------------------------------------------------------------


def _earned(hq: HQServer, member_no: str, entries: list[tuple[str, int, datetime]],
            reverses: dict[int, int] | None = None) -> None:
    """Back-date a member's ledger (what years of shopping would have left); ``reverses`` maps an
    entry to the earlier one it takes back (a return of that sale)."""
    with hq.db() as session:
        member = session.scalar(select(Member).where(Member.member_no == member_no))
        assert member is not None
        for n, (reason, delta, at) in enumerate(entries):
            of = (reverses or {}).get(n)
            session.add(PointsEntry(member_id=member.id, delta=delta, growth=0, reason=reason, ref=f"old-{n}",
                                    created_at=at, of_ref=f"old-{of}" if of is not None else None))
            member.points += delta
        session.commit()


def test_points_expire_oldest_first_once_and_the_panel_warns_before(admin: Admin, hq: HQServer, store: Store) -> None:
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "老会员"}))
    now = datetime.now(UTC)
    long_ago, last_year, this_year = (datetime(now.year - 2, 6, 1, tzinfo=UTC), datetime(now.year - 1, 3, 1, tzinfo=UTC),
                                      now - timedelta(minutes=1))
    # 500 earned two years ago, 300 of them spent since; 400 earned last year; 100 this year
    _earned(hq, member["member_no"], [("sale", 500, long_ago), ("spend", -300, last_year),
                                      ("sale", 400, last_year), ("sale", 100, this_year)])
    view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
    assert view["points"] == 700
    assert view["points_expiring"] == {"points": 200 + 400, "on": f"{now.astimezone(clock.BUSINESS_TZ).year}-12-31"}

    first = admin.ok(admin.post("/admin/points/expire", {"member": member["member_no"]}))
    assert first == {"members": 1, "points": 200}  # what is left of the old 500 after the 300 spent
    assert admin.ok(admin.post("/admin/points/expire", {"member": member["member_no"]})) == {"members": 0, "points": 0}
    view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
    assert view["points"] == 500
    with hq.db() as session:
        who = session.scalar(select(Member).where(Member.member_no == member["member_no"]))
        assert who is not None
        total = sum(session.scalars(select(PointsEntry.delta).where(PointsEntry.member_id == who.id)))
        assert total == who.points == 500


def test_points_expiry_over_the_whole_chain(admin: Admin, hq: HQServer) -> None:
    now = datetime.now(UTC)
    old = datetime(now.year - 3, 1, 5, tzinfo=UTC)
    members = [admin.ok(admin.post("/admin/members", {"phone": phone(), "name": f"M{n}"})) for n in range(3)]
    for n, m in enumerate(members):
        _earned(hq, m["member_no"], [("sale", 100 * (n + 1), old)] + ([("spend", -100, old)] if n == 0 else []))
    done = hq.cli("expire-points").stdout  # the yearly job
    assert done.startswith("expired ") and int(done.split()[1]) >= 200 + 300, done
    assert admin.ok(admin.post("/admin/points/expire", {}))["points"] == 0
    with hq.db() as session:
        for m in members:
            who = session.scalar(select(Member).where(Member.member_no == m["member_no"]))
            assert who is not None and who.points == 0


# ---- gift cards --------------------------------------------------------------------------------


def _card_line(card: str, amount: int) -> dict[str, Any]:
    return {"sku": "GC100", "unit": "piece", "quantity": 1, "amount": amount, "discount": 0, "voided": False,
            "card_no": card}


def test_a_gift_card_is_stock_until_a_sale_activates_it_once(admin: Admin, hq: HQServer, store: Store) -> None:
    [card, spare] = admin.ok(admin.post("/admin/gift-cards", {"count": 2}))["cards"]
    assert store.send("GET", f"/loyalty/gift-cards/{card}").json() == {"card_no": card, "state": "unsold"}
    assert store.send("GET", "/loyalty/gift-cards/7000000000000005").json()["code"] == "gift_card_not_found"
    mistyped = card[:-1] + str((int(card[-1]) + 1) % 10)  # one digit wrong: the check digit says so
    assert store.send("GET", f"/loyalty/gift-cards/{mistyped}").json()["code"] == "gift_card_mistyped"
    assert post(store, "/loyalty/wallets/spend", {"card": card, "amount": 1, "ref": "early"}).json()["code"] == "wallet_not_found"

    ref = f"{store.code}:T01-20311115-0001"
    live = post(store, "/loyalty/gift-cards/activate", {"card": card, "amount": 10000, "ref": ref})
    assert live.status_code == 200 and live.json()["balance"] == 10000
    assert post(store, "/loyalty/gift-cards/activate", {"card": card, "amount": 10000, "ref": ref}).json()["balance"] == 10000
    assert post(store, "/loyalty/gift-cards/activate", {"card": card, "amount": 10000, "ref": "other"}).json()["code"] == "gift_card_sold"
    assert store.send("GET", f"/loyalty/gift-cards/{card}").json()["code"] == "gift_card_sold"
    assert post(store, "/loyalty/wallets/spend", {"card": card, "amount": 2500, "ref": "buy-1"}).json()["balance"] == 7500

    # The same card sold again (its number typed on another sale) is refused and shown to the manager.
    sale = store.sale(total=5000)
    sale["payload"]["lines"] = [_card_line(card, 5000)]
    pushed(store, sale)
    assert any(c["action"] == "activate" and c["subject"] == card for c in conflicts(admin, store))
    with hq.db() as session:
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert account is not None and account.principal == 7500
        assert sum(session.scalars(select(WalletEntry.principal).where(WalletEntry.account_id == account.id))) == 7500


def test_a_gift_card_sold_offline_is_activated_by_the_sale_event_and_earns_no_points(admin: Admin, store: Store) -> None:
    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "买卡"}))
    sale = member_sale(store, member["member_no"], 20000 + 3000,
                       lines=[_card_line(card, 20000), {"sku": "A1", "unit": "piece", "quantity": 1, "amount": 3000,
                                                        "voided": False}])
    pushed(store, sale)
    assert post(store, "/loyalty/wallets/spend", {"card": card, "amount": 20000, "ref": "all"}).json()["balance"] == 0
    view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
    assert view["points"] == 30  # the ￥30 of goods earn; the ￥200 card does not


def test_gift_card_bad_input(admin: Admin, store: Store) -> None:
    assert admin.post("/admin/gift-cards", {"count": 0}).status_code == 422
    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    refused = post(store, "/loyalty/gift-cards/activate", {"card": card, "amount": -5, "ref": "r"})
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_amount"
    assert store.send("GET", f"/loyalty/gift-cards/{card}").json()["state"] == "unsold"
    wallet = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    assert store.send("GET", f"/loyalty/gift-cards/{wallet}").json()["code"] in ("gift_card_not_found",
                                                                                 "gift_card_mistyped")
    # a malformed card line is the manager's conflict, never a reason to stall the store's uploads
    sale = store.sale(total=100)
    sale["payload"]["lines"] = [{**_card_line(card, 100), "amount": "100"}]
    pushed(store, sale)
    assert [(c["action"], c["reason"]) for c in conflicts(admin, store)] == [("activate", "invalid_request")]
    assert store.send("GET", f"/loyalty/gift-cards/{card}").json()["state"] == "unsold"


# ---- the rules themselves ----------------------------------------------------------------------


def test_hq_changes_the_loyalty_rules_and_a_bad_rule_changes_nothing(admin: Admin, store: Store) -> None:
    defaults = admin.ok(admin.get("/admin/loyalty-rules"))
    assert defaults["points_per_yuan"] == 100 and defaults["topup_bonus"] == [[50_000, 12_000], [10_000, 2_000]]
    try:
        for bad in ({"points_per_yuan": 0}, {"earn_percent": {"normal": 100}},
                    {"tier_growth": {"normal": 0, "silver": 5_000, "gold": 1_000, "diamond": 20_000}},
                    {"topup_bonus": [[10_000, 20_000]]}, {"points_valid_years": -1}, {"happy_hour": True}):
            refused = admin.http.put(admin.hq.api + "/admin/loyalty-rules", json=bad, timeout=10)
            assert refused.status_code == 422 and refused.json()["code"] == "invalid_field", (bad, refused.text)
        assert admin.ok(admin.get("/admin/loyalty-rules")) == defaults

        changed = admin.ok(admin.http.put(admin.hq.api + "/admin/loyalty-rules", timeout=10, json={
            "points_per_yuan": 50, "topup_bonus": [[20_000, 5_000]],
            "earn_percent": {"normal": 300, "silver": 300, "gold": 300, "diamond": 300}}))
        assert changed["points_per_yuan"] == 50 and changed["tier_growth"] == defaults["tier_growth"]
        card = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
        assert post(store, "/loyalty/wallets/topup", {"card": card, "amount": 20_000, "ref": "r1"}).json()["balance"] == 25_000
        member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "规则"}))
        pushed(store, member_sale(store, member["member_no"], 1_000))
        view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
        assert view["points"] == 30  # ￥10 at 3 points a yuan
        paid = post(store, "/loyalty/points/spend", {"member": member["member_no"], "amount": 60, "ref": "p1"}).json()
        assert (paid["spent"], paid["points"]) == (30, 0)  # 50 points a yuan: ￥0.60 is 30 points
    finally:
        admin.ok(admin.http.put(admin.hq.api + "/admin/loyalty-rules", json=defaults, timeout=10))


def test_a_return_of_this_years_sale_does_not_save_last_years_points(admin: Admin, hq: HQServer) -> None:
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "退货"}))
    now = datetime.now(UTC)
    long_ago = datetime(now.year - 2, 6, 1, tzinfo=UTC)
    _earned(hq, member["member_no"], [("sale", 1000, long_ago), ("sale", 500, now), ("return", -500, now),
                                      ("sale", 300, long_ago), ("return", -100, now)], reverses={2: 1})
    # the -500 takes back this year's sale; the -100 (no sale named, kept from before) counts as use
    assert admin.ok(admin.post("/admin/points/expire", {"member": member["member_no"]})) == {
        "members": 1, "points": 1000 + 300 - 100}


def _points_return(store: Store, member_no: str, sale_id: str, back: int, refunds: list[dict[str, Any]]) -> dict[str, Any]:
    payload = {"id": 1, "sale_id": f"T01-R{uuid.uuid4().hex[:8]}", "original_sale": sale_id, "till": "T01",
               "status": "returned", "member_no": member_no, "lines": [], "subtotal": -back, "rounding": 0,
               "total": -back, "paid": -back, "change": 0, "completed_at": "2031-03-15T11:00:00",
               "tenders": [{"method": "points", "amount": -sum(r["amount"] for r in refunds)}] if refunds else [],
               "points_refunds": refunds}
    return store.event("sale_returned", payload)


def test_points_come_back_at_the_rate_they_went_at_whatever_the_rules_say_now(admin: Admin, store: Store) -> None:
    defaults = admin.ok(admin.get("/admin/loyalty-rules"))
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "规则变了"}))
    sale = member_sale(store, member["member_no"], 20_000)  # ￥200 paid: 200 points at 1 a yuan
    pushed(store, sale)
    paid = post(store, "/loyalty/points/spend", {"member": member["member_no"], "amount": 100, "ref": "pay-1"}).json()
    assert (paid["spent"], paid["points"]) == (100, 100)  # ￥1.00 with 100 points
    try:
        admin.ok(admin.http.put(admin.hq.api + "/admin/loyalty-rules", timeout=10, json={
            "points_per_yuan": 200, "earn_percent": {"normal": 300, "silver": 300, "gold": 300, "diamond": 300}}))
        half = [{"member": member["member_no"], "spend_ref": "pay-1", "amount": 50}]
        pushed(store, _points_return(store, member["member_no"], "T01-elsewhere", 0, [{**half[0], "ref": "pay-1:r1"}]),
               _points_return(store, member["member_no"], "T01-elsewhere", 0, [{**half[0], "ref": "pay-1:r2"}]))
        view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
        assert view["points"] == 200  # 50 + 50 back, not 100 + 100 at today's rate
        # the whole ￥200 sale comes back: its 200 points go, not 600 at today's 3 a yuan
        pushed(store, _points_return(store, member["member_no"], sale["payload"]["sale_id"], 20_000, []))
        view = store.send("GET", f"/loyalty/members?card={member['member_no']}").json()
        assert (view["points"], view["growth"]) == (0, 0)
    finally:
        admin.ok(admin.http.put(admin.hq.api + "/admin/loyalty-rules", json=defaults, timeout=10))


def test_a_campaign_coupon_goes_when_the_sale_that_earned_it_comes_back_whole(admin: Admin, store: Store) -> None:
    pool, _ = template_and_batch(admin, 5)
    campaign(admin, "spend", pool, min_paid=5000, per_member=5)
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "返券"}))
    kept, returned = member_sale(store, member["member_no"], 6000), member_sale(store, member["member_no"], 7000)
    pushed(store, kept, returned)
    codes = from_pool(store.send("GET", f"/loyalty/members?card={member['member_no']}").json(), pool)
    assert len(codes) == 2
    partly = _return_event(store, returned, [])
    partly["payload"]["member_no"] = member["member_no"]
    pushed(store, partly)  # part of it: the coupon stays
    whole = _return_event(store, returned, [])
    whole["payload"].update(member_no=member["member_no"], whole=True)
    pushed(store, whole)
    left = from_pool(store.send("GET", f"/loyalty/members?card={member['member_no']}").json(), pool)
    assert len(left) == 1
    [gone] = set(codes) - set(left)
    answer = post(store, "/loyalty/coupons/reserve", {"code": gone, "ref": "z", "subtotal": 9000, "member": member["member_no"]})
    assert answer.json()["code"] == "coupon_voided"
