"""会员、券、储值 at HQ on PostgreSQL: found by phone, card or a one-time member code; a coupon
spent once across tills and stores; a balance that is its ledger and never goes below zero."""

from __future__ import annotations

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.hq import loyalty
from app.hq.models import WalletAccount
from harness.hq import Admin, HQServer, Store


def post(store: Store, path: str, body: dict[str, Any]):
    return store.send("POST", path, json.dumps(body).encode())


def phone() -> str:
    return "139" + f"{uuid.uuid4().int % 10**8:08d}"


def batch(admin: Admin, kind: str = "cash", value: int = 1000, threshold: int = 0, count: int = 1,
          start: timedelta = timedelta(days=-1), end: timedelta = timedelta(days=30), **extra: Any) -> list[str]:
    template = "T" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": f"测试券{value}", "kind": kind,
                                                     "value": value, "threshold": threshold}))
    now = datetime.now(UTC)
    return admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "双十一", "count": count, "valid_from": (now + start).isoformat(),
        "valid_to": (now + end).isoformat(), **extra}))["codes"]


def test_register_and_find_a_member_by_phone_card_and_a_one_time_code(admin: Admin, store: Store) -> None:
    number = phone()
    made = post(store, "/loyalty/members", {"phone": number, "name": "李娜"})
    assert made.status_code == 200, made.text
    member = made.json()
    assert member["phone"] == number[:3] + "****" + number[-4:] and member["tier"] == "normal"
    assert post(store, "/loyalty/members", {"phone": number}).json()["code"] == "member_exists"
    assert post(store, "/loyalty/members", {"phone": "12345"}).json()["code"] == "invalid_phone"
    assert store.send("GET", f"/loyalty/members?phone={number}").json()["member_no"] == member["member_no"]
    assert store.send("GET", f"/loyalty/members?card={member['member_no']}").json()["name"] == "李娜"
    assert store.send("GET", "/loyalty/members?phone=13900000000").json()["code"] == "member_not_found"

    code = admin.ok(admin.post(f"/admin/members/{member['member_no']}/code"))["code"]
    assert store.send("GET", f"/loyalty/members?code={code}").json()["member_no"] == member["member_no"]
    assert store.send("GET", f"/loyalty/members?code={code}").json()["code"] == "member_code_used"  # a screenshot
    tampered = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert store.send("GET", f"/loyalty/members?code={tampered}").json()["code"] == "member_code_invalid"


def test_an_old_member_code_is_refused(admin: Admin, hq: HQServer, store: Store) -> None:
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "王伟"}))
    with hq.db() as session:
        row = loyalty.find_member(session, hq.env["OMNISTORE_HQ_SECRET_KEY"].encode(), card=member["member_no"])
        stale = loyalty.member_code(hq.env["OMNISTORE_HQ_SECRET_KEY"].encode(), row,
                                    datetime.now(UTC) - timedelta(seconds=61))
    assert store.send("GET", f"/loyalty/members?code={stale}").json()["code"] == "member_code_expired"


def test_reserve_commit_release_and_every_refusal(admin: Admin, store: Store) -> None:
    other = admin.new_store()
    [code] = batch(admin, "threshold", value=2000, threshold=10000)
    reserve = {"code": code, "ref": "ticket-1", "subtotal": 9999}
    assert post(store, "/loyalty/coupons/reserve", reserve).json()["code"] == "coupon_below_threshold"
    held = post(store, "/loyalty/coupons/reserve", {**reserve, "subtotal": 12000})
    assert held.status_code == 200 and held.json()["discount"] == 2000
    assert post(other, "/loyalty/coupons/reserve", {**reserve, "ref": "t-9", "subtotal": 12000}).json()["code"] == "coupon_in_use"
    assert post(store, "/loyalty/coupons/release", {"code": code, "ref": "ticket-1"}).status_code == 200
    assert post(other, "/loyalty/coupons/reserve", {**reserve, "ref": "t-9", "subtotal": 12000}).status_code == 200
    assert post(other, "/loyalty/coupons/commit", {"code": code, "ref": "t-9", "sale_id": "S-1"}).status_code == 200
    assert post(other, "/loyalty/coupons/commit", {"code": code, "ref": "t-9", "sale_id": "S-1"}).status_code == 200
    assert post(store, "/loyalty/coupons/reserve", {**reserve, "subtotal": 12000}).json()["code"] == "coupon_used"

    def refused(codes: list[str], want: str, **body: Any) -> None:
        answer = post(store, "/loyalty/coupons/reserve", {"code": codes[0], "ref": "t", "subtotal": 5000, **body})
        assert answer.status_code in (404, 409) and answer.json()["code"] == want, answer.text

    refused(batch(admin, start=timedelta(days=1)), "coupon_not_yet_valid")
    refused(batch(admin, start=timedelta(days=-10), end=timedelta(days=-1)), "coupon_expired")
    refused(batch(admin, stores=[other.code]), "coupon_wrong_store")
    refused(["E0000NOPE"], "coupon_not_found")
    member = admin.ok(admin.post("/admin/members", {"phone": phone()}))
    mine = batch(admin, member=member["member_no"])
    refused(mine, "coupon_not_members")
    assert post(store, "/loyalty/coupons/reserve", {"code": mine[0], "ref": "t", "subtotal": 5000,
                                                    "member": member["member_no"]}).status_code == 200
    percent = batch(admin, "percent", value=8500)
    assert post(store, "/loyalty/coupons/reserve", {"code": percent[0], "ref": "t", "subtotal": 1999}).json()["discount"] == 300


def test_fifty_tills_in_two_stores_race_for_one_coupon_and_exactly_one_wins(admin: Admin, store: Store) -> None:
    other = admin.new_store()
    [code] = batch(admin)

    def attempt(n: int) -> int:
        till_store = store if n % 2 else other
        return post(till_store, "/loyalty/coupons/reserve", {"code": code, "ref": f"ticket-{n}", "subtotal": 5000}).status_code

    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(attempt, range(50)))
    assert answers.count(200) == 1 and answers.count(409) == 49


def test_a_store_that_crashes_between_reserve_and_commit_does_not_hold_the_coupon(
        admin: Admin, hq: HQServer, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    other = admin.new_store()
    [code] = batch(admin)
    assert post(store, "/loyalty/coupons/reserve", {"code": code, "ref": "lost", "subtotal": 5000}).status_code == 200
    with hq.db() as session:  # the store died; its reservation lapses (15 minutes in real time)
        from app.hq.models import Coupon

        coupon = session.get(Coupon, code)
        coupon.reserved_until = datetime.now(UTC) - timedelta(seconds=1)
        session.commit()
    taken = post(other, "/loyalty/coupons/reserve", {"code": code, "ref": "new", "subtotal": 5000})
    assert taken.status_code == 200
    late = post(store, "/loyalty/coupons/commit", {"code": code, "ref": "lost", "sale_id": "S-LATE"})
    assert late.json()["code"] == "coupon_not_reserved"  # the crashed till cannot spend it after all


def test_top_up_with_bonus_spend_refund_and_the_ledger(admin: Admin, hq: HQServer, store: Store) -> None:
    card = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    topped = post(store, "/loyalty/wallets/topup", {"card": card, "amount": 10000, "ref": "R1"}).json()
    assert (topped["principal"], topped["bonus"]) == (10000, 2000)  # 充100送20
    assert post(store, "/loyalty/wallets/topup", {"card": card, "amount": 10000, "ref": "R1"}).json() == topped
    for amount in (0, -5, 10**12):
        answer = post(store, "/loyalty/wallets/topup", {"card": card, "amount": amount, "ref": f"bad{amount}"})
        assert answer.json()["code"] == "invalid_amount"
    spent = post(store, "/loyalty/wallets/spend", {"card": card, "amount": 11000, "ref": "S1"}).json()
    assert (spent["principal"], spent["bonus"]) == (0, 1000)  # principal first
    assert post(store, "/loyalty/wallets/spend", {"card": card, "amount": 1001, "ref": "S2"}).json()["code"] == \
        "insufficient_balance"
    back = post(store, "/loyalty/wallets/refund", {"card": card, "ref": "S1"}).json()
    assert (back["principal"], back["bonus"]) == (10000, 2000)
    with hq.db() as session:
        assert loyalty.ledger_sum(session, card) == (10000, 2000)
    assert post(store, "/loyalty/wallets/spend", {"card": "9nope", "amount": 1, "ref": "x"}).json()["code"] == \
        "wallet_not_found"


def test_a_hundred_concurrent_spends_never_overdraw(admin: Admin, hq: HQServer, store: Store) -> None:
    card = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    post(store, "/loyalty/wallets/topup", {"card": card, "amount": 5000, "ref": "R"})  # 50.00, no bonus

    def spend(n: int) -> int:
        return post(store, "/loyalty/wallets/spend", {"card": card, "amount": 300, "ref": f"S{n}"}).status_code

    started = time.monotonic()
    with ThreadPoolExecutor(100) as pool:
        answers = list(pool.map(spend, range(100)))
    assert answers.count(200) == 16 and answers.count(409) == 84, (answers, time.monotonic() - started)  # 16 × 3.00
    with hq.db() as session:
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert (account.principal, account.bonus) == (200, 0)
        assert loyalty.ledger_sum(session, card) == (200, 0)


def test_paper_coupons_are_taken_only_where_their_stock_was_sent(admin: Admin, store: Store) -> None:
    other = admin.new_store()
    template = "T" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "纸券5元", "kind": "cash", "value": 500}))
    now = datetime.now(UTC)
    made = admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "门店派发", "count": 3, "paper": True,
        "valid_from": (now - timedelta(days=1)).isoformat(), "valid_to": (now + timedelta(days=9)).isoformat()}))
    unsent = post(store, "/loyalty/coupons/reserve", {"code": made["codes"][0], "ref": "t1", "subtotal": 1000})
    assert unsent.json()["code"] == "coupon_wrong_store"  # printed, but no store holds it yet
    sent = admin.ok(admin.post(f"/admin/coupon-batches/{made['batch']}/stock", {"store": store.code, "count": 2}))
    assert len(sent["codes"]) == 2
    assert post(store, "/loyalty/coupons/reserve", {"code": sent["codes"][0], "ref": "t1", "subtotal": 1000}).status_code == 200
    assert post(other, "/loyalty/coupons/reserve", {"code": sent["codes"][1], "ref": "t2",
                                                    "subtotal": 1000}).json()["code"] == "coupon_wrong_store"
    short = admin.post(f"/admin/coupon-batches/{made['batch']}/stock", {"store": other.code, "count": 5})
    assert short.status_code == 409 and short.json()["code"] == "coupon_stock_short"


# ---- conflicts the store manager marks handled -------------------------------------------------


def conflict_in(store: Store) -> dict[str, Any]:
    """A sale with a coupon HQ never issued: HQ keeps its commit as a conflict for the store's manager."""
    code = "X" + uuid.uuid4().hex[:12].upper()
    sale = store.sale()
    sale["payload"]["coupons"] = [{"code": code}]
    assert store.push([sale]).status_code == 200
    [conflict] = [c for c in store_conflicts(store) if c["subject"] == code]
    assert (conflict["action"], conflict["reason"]) == ("commit", "coupon_not_found")
    return conflict


def store_conflicts(store: Store, everything: bool = False) -> list[dict[str, Any]]:
    answer = store.send("GET", "/loyalty/conflicts" + ("?all=true" if everything else ""))
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_a_manager_marks_a_conflict_handled_once_with_a_note(admin: Admin, store: Store) -> None:
    older, newer = conflict_in(store), conflict_in(store)
    assert (older["resolved_at"], older["resolved_by"], older["resolution"]) == (None, None, None)
    path = f"/loyalty/conflicts/{older['id']}/resolve"
    for note in ("", "   ", "长" * 201):
        refused = post(store, path, {"operator": "9001", "note": note})
        assert refused.status_code == 422 and refused.json()["code"] == "resolution_note_invalid", refused.text
    assert post(store, path, {"operator": "9001"}).json()["code"] == "invalid_request"
    assert [c["id"] for c in store_conflicts(store)] == [newer["id"], older["id"]]  # nothing was written

    done = post(store, path, {"operator": "9001", "note": "  顾客补了现金差额 ￥5  "})
    assert done.status_code == 200, done.text
    assert (done.json()["id"], done.json()["resolved_by"], done.json()["resolution"]) == (
        older["id"], "9001", "顾客补了现金差额 ￥5")
    again = post(store, path, {"operator": "9002", "note": "又处理了一次"})
    assert again.status_code == 409 and again.json()["code"] == "conflict_already_resolved"
    assert again.json()["params"]["by"] == "9001"

    assert [c["id"] for c in store_conflicts(store)] == [newer["id"]]  # the open list lost it
    everything = store_conflicts(store, everything=True)
    assert [c["id"] for c in everything] == [newer["id"], older["id"]]  # newest first
    handled = everything[1]
    assert (handled["resolved_by"], handled["resolution"]) == ("9001", "顾客补了现金差额 ￥5")  # the first note stays
    assert datetime.fromisoformat(handled["resolved_at"]) > datetime.fromisoformat(handled["at"])
    report = admin.ok(admin.get("/reports/loyalty-conflicts", store=store.code))["items"]
    assert [c["id"] for c in report] == [newer["id"]]
    report = admin.ok(admin.get("/reports/loyalty-conflicts", store=store.code, all="true"))["items"]
    assert [(c["id"], c["resolved_by"]) for c in report] == [(newer["id"], None), (older["id"], "9001")]


def test_a_store_cannot_mark_another_stores_conflict_handled(admin: Admin, store: Store) -> None:
    conflict = conflict_in(store)
    other = admin.new_store()
    for conflict_id in (conflict["id"], 2**62):  # someone else's, and one nobody has: the same answer
        theirs = post(other, f"/loyalty/conflicts/{conflict_id}/resolve", {"operator": "9001", "note": "不是本店的"})
        assert theirs.status_code == 404 and theirs.json()["code"] == "conflict_not_found"
    assert [c["id"] for c in store_conflicts(store)] == [conflict["id"]]
    assert store_conflicts(other, everything=True) == []


def test_two_managers_marking_one_conflict_at_once_leave_one_note(store: Store) -> None:
    conflict = conflict_in(store)

    def resolve(n: int) -> int:
        return post(store, f"/loyalty/conflicts/{conflict['id']}/resolve",
                    {"operator": f"90{n:02d}", "note": f"第{n}位店长"}).status_code

    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(resolve, range(10)))
    assert answers.count(200) == 1 and answers.count(409) == 9, answers
    [handled] = store_conflicts(store, everything=True)
    assert handled["resolution"] == f"第{int(handled['resolved_by'][2:])}位店长"


# ---- what a store gave up on -----------------------------------------------------------------


def wallet_with(admin: Admin, store: Store, amount: int) -> str:
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "郭靖"}))
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    assert post(store, "/loyalty/wallets/topup", {"card": card, "amount": amount, "ref": uuid.uuid4().hex}).ok
    return str(card)


def balance_of(store: Store, card: str) -> int:
    return int(store.send("GET", f"/loyalty/wallets/{card}").json()["balance"])


def test_a_spend_given_up_on_before_it_arrived_is_refused_when_it_does(admin: Admin, store: Store) -> None:
    card = wallet_with(admin, store, 10_000)
    before = balance_of(store, card)
    ref = f"{store.code}:late:{uuid.uuid4().hex[:8]}"
    assert post(store, "/loyalty/wallets/refund", {"card": card, "ref": ref}).ok  # the store's undo overtook it
    late = post(store, "/loyalty/wallets/spend", {"card": card, "amount": 500, "ref": ref})
    assert late.status_code == 409 and late.json()["code"] == "spend_cancelled"
    assert balance_of(store, card) == before


def test_a_spend_given_up_on_after_it_arrived_goes_back_once(admin: Admin, store: Store) -> None:
    card = wallet_with(admin, store, 10_000)
    before = balance_of(store, card)
    ref = f"{store.code}:gone:{uuid.uuid4().hex[:8]}"
    assert post(store, "/loyalty/wallets/spend", {"card": card, "amount": 700, "ref": ref}).json()["kind"] == "wallet"
    for _ in range(2):
        assert post(store, "/loyalty/wallets/refund", {"card": card, "ref": ref}).ok
    assert balance_of(store, card) == before


def test_points_given_up_on_go_back_and_a_late_spend_is_refused(admin: Admin, store: Store) -> None:
    member = admin.ok(admin.post("/admin/members", {"phone": phone(), "name": "黄蓉"}))["member_no"]
    ref = f"{store.code}:pts:{uuid.uuid4().hex[:8]}"
    assert post(store, "/loyalty/points/refund", {"member": member, "ref": ref}).ok
    late = post(store, "/loyalty/points/spend", {"member": member, "amount": 100, "ref": ref})
    assert late.status_code == 409 and late.json()["code"] == "spend_cancelled"


def test_a_top_up_given_up_on_comes_off_the_card_unless_it_was_spent(admin: Admin, store: Store) -> None:
    card = wallet_with(admin, store, 100)
    before = balance_of(store, card)
    ref = f"{store.code}:{uuid.uuid4().hex}"
    added = post(store, "/loyalty/wallets/topup", {"card": card, "amount": 10_000, "ref": ref}).json()
    assert added["balance"] > before
    assert post(store, "/loyalty/wallets/topup/cancel", {"card": card, "ref": ref}).ok
    assert balance_of(store, card) == before
    early = f"{store.code}:{uuid.uuid4().hex}"
    assert post(store, "/loyalty/wallets/topup/cancel", {"card": card, "ref": early}).ok
    late = post(store, "/loyalty/wallets/topup", {"card": card, "amount": 10_000, "ref": early})
    assert late.status_code == 409 and late.json()["code"] == "topup_cancelled"
    spent_ref = f"{store.code}:{uuid.uuid4().hex}"
    assert post(store, "/loyalty/wallets/topup", {"card": card, "amount": 10_000, "ref": spent_ref}).ok
    assert post(store, "/loyalty/wallets/spend", {"card": card, "amount": balance_of(store, card),
                                                  "ref": uuid.uuid4().hex}).ok
    spent = post(store, "/loyalty/wallets/topup/cancel", {"card": card, "ref": spent_ref})
    assert spent.status_code == 409 and spent.json()["code"] == "topup_spent"
