"""Members, coupons and stored value at the till, through the store server to a real HQ:
reserved when added, committed with the sale and released with a void through the outbox,
exactly once; refused in plain words when HQ says no or cannot be reached."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from harness.chain import LinkedStore, open_till
from harness.hq import Admin
from harness.store import COLA, Till

WATER = "6901234567908"  # 农夫山泉 550ml ￥2.00
NOODLES = "6901234567915"  # 康师傅 红烧牛肉面 ￥12.90


def coupons(admin: Admin, kind: str = "threshold", value: int = 500, threshold: int = 2000, count: int = 1,
            restore_on_return: bool = False, **extra: Any) -> list[str]:
    template = "T" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "满20减5", "kind": kind, "value": value,
                                                     "threshold": threshold, "restore_on_return": restore_on_return}))
    now = datetime.now(UTC)
    return admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "周末", "count": count, "valid_from": (now - timedelta(days=1)).isoformat(),
        "valid_to": (now + timedelta(days=7)).isoformat(), **extra}))["codes"]


def coupon_state(store: LinkedStore, code: str) -> tuple[str, str | None]:
    from app.hq.models import Coupon

    with store.hq.db() as session:
        coupon = session.get(Coupon, code)
        return coupon.state, coupon.redeemed_ref


def cid() -> dict[str, str]:
    return {"command_id": uuid.uuid4().hex}


def test_a_member_sale_with_a_coupon_and_stored_value(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    phone = "137" + f"{uuid.uuid4().int % 10**8:08d}"
    member = till.ok(till.post("/members", {"phone": phone, "name": "赵敏"}))
    assert till.ok(till.get("/members/lookup", params={"phone": phone}))["member_no"] == member["member_no"]
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    boss = Till(store.server, store.server.new_till(), "9001", "9999")
    before = boss.ok(boss.get("/closing/x"))
    topped = till.ok(till.post("/stored-value/topup", {"card": card, "amount": 10_000, **cid()}))
    assert topped["balance"] == 12_000  # 充100送20
    after = boss.ok(boss.get("/closing/x"))  # a cash top-up: the X counts it as cash in the drawer
    assert [after[k] - before[k] for k in ("top_ups", "top_up_amount", "top_up_cash", "top_up_bonus")] == [
        1, 10_000, 10_000, 2_000]
    [code] = coupons(admin)

    ticket = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.post(f"/tickets/{ticket}/member", {"member_no": member["member_no"], **cid()}))
    for item in (NOODLES, COLA, WATER, WATER):  # 12.90 + 3.50 + 2.00 + 2.00 = 20.40
        till.ok(till.scan(ticket, item))
    state = till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()}))
    assert (state["subtotal"], state["discount"], state["total"]) == (2040, 500, 1540)
    lines = [line for line in state["lines"] if not line["voided"]]
    assert sum(line["discount"] for line in lines) == 500  # apportioned to the lines, to the fen
    assert [line["discount"] for line in lines] == [316, 86, 49, 49]
    assert coupon_state(store, code)[0] == "reserved"

    paid = till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": 1000, **cid()}))
    assert paid["due"] == 540
    till.ok(till.pay_cash(ticket, 1000))
    done = till.ok(till.complete(ticket))
    assert done["change"] == 460
    receipt = till.get(f"/sales/{done['sale_id']}/receipt", params={"format": "text"}).text
    assert f"会员: {member['member_no']}" in receipt and "券 满20减5" in receipt and "-￥5.00" in receipt
    assert "储值卡" in receipt and "￥10.00" in receipt
    store.wait_drained()
    deadline = time.monotonic() + 10
    while coupon_state(store, code)[0] != "redeemed":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert coupon_state(store, code) == ("redeemed", done["sale_id"])
    after = till.ok(till.get("/members/lookup", params={"card": member["member_no"]}))
    assert after["wallet"]["balance"] == 11_000
    assert (after["points"], after["growth"]) == (5, 5)  # ￥5.40 paid outside stored value: 5 points
    assert [(r["sale_id"], r["total"]) for r in after["recent"]] == [(done["sale_id"], 1540)]  # 最近消费

    again = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(again, NOODLES))
    till.ok(till.scan(again, NOODLES))
    used = till.post(f"/tickets/{again}/coupons", {"code": code, **cid()})
    assert used.status_code == 409 and used.json()["code"] == "coupon_used"
    assert "券已核销" in used.json()["message"]


def test_a_void_releases_the_coupon_and_refunds_stored_value(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    [code] = coupons(admin, kind="cash", value=300, threshold=0)
    card = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    till.ok(till.post("/stored-value/topup", {"card": card, "amount": 5_000, **cid()}))
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(ticket, NOODLES))
    till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()}))
    till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": 990, **cid()}))
    void = till.post(f"/tickets/{ticket}/void", {"override": {"operator": "5001", "pin": "5555"}, **cid()})
    assert void.status_code == 200, void.text
    store.wait_drained()
    deadline = time.monotonic() + 10
    while coupon_state(store, code)[0] != "issued":
        assert time.monotonic() < deadline, coupon_state(store, code)
        time.sleep(0.1)
    from app.hq import loyalty

    with store.hq.db() as session:
        assert loyalty.ledger_sum(session, card) == (5_000, 0)  # the 9.90 came back
    closed = till.ok(till.post("/shifts/close", {"counted": 55_000, **cid()}))
    assert (closed["expected"], closed["over_short"]) == (50_000 + 5_000, 0)  # the top-up's cash is in the drawer


def test_hq_refusals_and_an_unreachable_hq_in_plain_words(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(ticket, COLA))
    [code] = coupons(admin)  # 满20减5 on a 3.50 ticket
    below = till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()})
    assert below.status_code == 409 and below.json()["code"] == "coupon_below_threshold"
    assert "满 20.00 可用" in below.json()["message"]
    unknown = till.post(f"/tickets/{ticket}/coupons", {"code": "E9999NOPE", **cid()})
    assert unknown.json()["code"] == "coupon_not_found"
    assert till.get("/members/lookup", params={"phone": "13900000000"}).json()["code"] == "member_not_found"
    assert till.post("/members", {"phone": "12"}).json()["code"] == "invalid_phone"
    card = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    broke = till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": 350, **cid()})
    assert broke.json()["code"] == "insufficient_balance"
    assert till.ok(till.get(f"/tickets/{ticket}"))["tenders"] == []  # nothing half-written

    store.proxy.cut()
    away = till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()})
    assert away.status_code == 503 and away.json()["code"] == "hq_unreachable"
    assert "现金收款不受影响" in away.json()["message"]
    till.ok(till.pay_cash(ticket, 500))
    assert till.ok(till.complete(ticket))["change"] == 150  # cash goes on
    store.proxy.restore()
    back = till.post(f"/tickets/{till.ok(till.post('/tickets', cid()))['id']}/coupons", {"code": code, **cid()})
    assert back.json()["code"] == "empty_ticket" or back.json()["code"] == "coupon_below_threshold"


def test_a_return_refunds_what_each_line_paid_to_the_card_first_and_hq_nets_it_out(
        linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    phone = "136" + f"{uuid.uuid4().int % 10**8:08d}"
    member = till.ok(till.post("/members", {"phone": phone, "name": "周芷若"}))
    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    till.ok(till.post("/stored-value/topup", {"card": card, "amount": 5_000, **cid()}))  # under 100: no bonus
    [code] = coupons(admin, kind="cash", value=300, threshold=0)
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.post(f"/tickets/{ticket}/member", {"member_no": member["member_no"], **cid()}))
    till.ok(till.scan(ticket, NOODLES, quantity=2))  # 25.80
    till.ok(till.scan(ticket, COLA))  # 3.50
    state = till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()}))  # -3.00 → 26.30
    noodles, cola = state["lines"]
    assert (noodles["discount"], cola["discount"]) == (264, 36)
    till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": card, "amount": 1_000, **cid()}))
    till.ok(till.pay_cash(ticket, 2_000))
    sale = till.ok(till.complete(ticket))["sale_id"]  # 26.30: 10.00 card + 16.30 cash (change 3.70)

    offer = till.ok(till.get(f"/sales/{sale}/returnable"))
    assert [(line["name"], line["paid"], line["returnable"]) for line in offer["lines"]] == [
        ("康师傅 红烧牛肉面 5连包", 2316, 2), ("可口可乐 330ml", 314, 1)]
    too_many = till.post("/returns", {"sale_id": sale, "lines": [{"line_id": cola["id"], "quantity": 2}], **cid()})
    assert too_many.status_code == 409 and too_many.json()["code"] == "return_exceeds_sale"
    assert "最多还能退 1" in too_many.json()["message"]

    first = till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": noodles["id"], "quantity": 1}],
                                           "reason": "包装破损", **cid()}))
    assert first["total"] == 1158 and first["stored_value"] == [{"card": card, "amount": 1000}] and first["cash"] == 158
    second = till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": noodles["id"], "quantity": 1},
                                                                      {"line_id": cola["id"], "quantity": 1}], **cid()}))
    assert second["total"] == 2316 - 1158 + 314 and second["stored_value"] == [] and second["cash"] == second["total"]
    assert first["total"] + second["total"] == 2630  # all of it back: exactly what was paid
    assert till.post("/returns", {"sale_id": sale, "lines": [{"line_id": cola["id"], "quantity": 1}],
                                  **cid()}).json()["code"] == "return_exceeds_sale"

    store.wait_drained()
    at_hq = dict(store.hq_sales())
    assert at_hq[sale] == 2630 and at_hq[first["return_no"]] == -1158 and at_hq[second["return_no"]] == -1472
    from app.hq import loyalty

    with store.hq.db() as session:
        assert loyalty.ledger_sum(session, card) == (5_000, 0)  # the card has its 10.00 back
    after = till.ok(till.get("/members/lookup", params={"card": member["member_no"]}))
    # earned 16 on 16.30 paid outside the card; the returns take back their share of those 16 — 1 for
    # 1.58, and the rest with the last of the sale
    assert after["points"] == 16 - 1 - 15


def test_hq_promotions_reach_the_till_and_price_the_ticket(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    second_half = {"id": "P-NOODLE-2ND", "name": "方便面第二件半价", "kind": "nth_item", "rule": {"n": 2, "percent": 50},
                   "scope": {"categories": ["方便食品"]}}
    drinks_off = {"id": "P-DRINK-88", "name": "饮料88折", "kind": "price_cut", "rule": {"percent": 88},
                  "scope": {"brands": ["可口可乐"]}, "tiers": [], "stacking": {"with_all": False}}
    bad = {"id": "P-BAD", "name": "坏的", "kind": "price_cut", "rule": {"price": -1}, "scope": {"skus": ["X"]}}
    refused = admin.post("/admin/promotions", {"items": [second_half, bad]})
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_promotion"  # none kept
    admin.ok(admin.post("/admin/promotions", {"items": [second_half, drinks_off]}))

    deadline = time.monotonic() + 10
    while True:  # the feed brings them within a pull or two
        ticket = till.ok(till.post("/tickets", cid()))["id"]
        state = till.ok(till.scan(ticket, NOODLES, quantity=2))
        if state["subtotal"] == 1290 + 645:
            break
        till.ok(till.post(f"/tickets/{ticket}/void", cid()))
        assert time.monotonic() < deadline, "HQ's promotions did not reach the till"
        time.sleep(0.3)
    assert state["lines"][0]["note"] == "第2件5折"
    state = till.ok(till.scan(ticket, COLA))
    cola = state["lines"][-1]
    assert (cola["amount"], cola["note"]) == (308, "特价8.8折")  # 3.50 × 0.88
    assert state["subtotal"] == 1935 + 308
    till.ok(till.pay_cash(ticket, 5000))
    done = till.ok(till.complete(ticket))
    receipt = till.get(f"/sales/{done['sale_id']}/receipt", params={"format": "text"}).text
    assert "第2件5折" in receipt and "特价8.8折" in receipt

    admin.ok(admin.delete("/admin/promotions/P-DRINK-88"))
    deadline = time.monotonic() + 10
    while True:
        ticket = till.ok(till.post("/tickets", cid()))["id"]
        if till.ok(till.scan(ticket, COLA))["subtotal"] == 350:
            break
        till.ok(till.post(f"/tickets/{ticket}/void", cid()))
        assert time.monotonic() < deadline, "the ended promotion still priced the till"
        time.sleep(0.3)


def test_points_pay_part_of_a_sale_and_come_back_with_a_void(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    phone = "134" + f"{uuid.uuid4().int % 10**8:08d}"
    member = till.ok(till.post("/members", {"phone": phone}))

    def attached(*codes: str) -> int:
        ticket = till.ok(till.post("/tickets", cid()))["id"]
        till.ok(till.post(f"/tickets/{ticket}/member", {"member_no": member["member_no"], **cid()}))
        for code in codes:
            till.ok(till.scan(ticket, code))
        return ticket

    def points() -> int:
        return till.ok(till.get("/members/lookup", params={"card": member["member_no"]}))["points"]

    first = attached("6901234567953")  # 茅台 ￥2999.00: 2,999 points
    assert till.post(f"/tickets/{first}/points", {"amount": 100, **cid()}).json()["code"] == "insufficient_points"
    till.ok(till.pay_cash(first, 299_900))
    till.ok(till.complete(first))
    store.wait_drained()
    deadline = time.monotonic() + 10
    while points() != 2999:
        assert time.monotonic() < deadline
        time.sleep(0.1)

    second = attached(NOODLES)
    paid = till.ok(till.post(f"/tickets/{second}/points", {"amount": 1000, **cid()}))  # ￥10.00 = 1,000 points
    assert paid["due"] == 290 and points() == 1999
    other = open_till(store)  # a walk-in at the next till: no member, no points
    walk_in = other.ok(other.post("/tickets", cid()))["id"]
    other.ok(other.scan(walk_in, COLA))
    assert other.post(f"/tickets/{walk_in}/points", {"amount": 100, **cid()}).json()["code"] == "member_required"
    till.ok(till.post(f"/tickets/{second}/void", {"override": {"operator": "5001", "pin": "5555"}, **cid()}))
    store.wait_drained()
    deadline = time.monotonic() + 10
    while points() != 2999:  # the void's event gave them back
        assert time.monotonic() < deadline
        time.sleep(0.1)

    third = attached(NOODLES)  # 12.90: 10.00 in points, 2.90 in cash
    till.ok(till.post(f"/tickets/{third}/points", {"amount": 1000, **cid()}))
    till.ok(till.pay_cash(third, 290))
    sale = till.ok(till.complete(third))
    line = sale["ticket"]["lines"][0]["id"]
    back = till.ok(till.post("/returns", {"sale_id": sale["sale_id"], "lines": [{"line_id": line, "quantity": 1}],
                                          **cid()}))
    assert (back["points"], back["cash"]) == (1000, 290)  # points back as points, never as cash
    store.wait_drained()
    deadline = time.monotonic() + 10
    while points() != 2999:  # 1,999 after paying, +1,000 back; the 2.90 in cash earned and lost 2
        assert time.monotonic() < deadline, points()
        time.sleep(0.1)


def test_offline_a_paper_coupon_is_taken_by_policy_and_hq_settles_it_on_reconnect(
        linked_store: LinkedStore, admin: Admin, tmp_path) -> None:
    from harness.chain import enrol_store

    store = linked_store
    other = enrol_store(admin, store.hq, tmp_path / "other", env={"OMNISTORE_OFFLINE_PAPER_COUPONS": "1"})
    try:
        template = "T" + uuid.uuid4().hex[:10]
        admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "纸券满10减2", "kind": "threshold",
                                                         "value": 200, "threshold": 1000}))
        now = datetime.now(UTC)
        made = admin.ok(admin.post("/admin/coupon-batches", {
            "template": template, "name": "门店派发", "count": 4, "paper": True,
            "valid_from": (now - timedelta(days=1)).isoformat(), "valid_to": (now + timedelta(days=9)).isoformat()}))
        mine = admin.ok(admin.post(f"/admin/coupon-batches/{made['batch']}/stock", {"store": store.code, "count": 2}))["codes"]
        theirs = admin.ok(admin.post(f"/admin/coupon-batches/{made['batch']}/stock",
                                     {"store": other.code, "count": 2}))["codes"]
        till, there = open_till(store), open_till(other)

        def batch_known(server) -> bool:
            from sqlalchemy import select

            from app.db.models import CouponBatchRecord
            with server.db() as session:
                return session.scalar(select(CouponBatchRecord.id).where(CouponBatchRecord.id == made["batch"])) is not None

        deadline = time.monotonic() + 10
        while not (batch_known(store.server) and batch_known(other.server)):  # the batch came down the feed
            assert time.monotonic() < deadline
            time.sleep(0.1)

        store.proxy.cut()
        other.proxy.cut()
        ticket = till.ok(till.post("/tickets", cid()))["id"]
        till.ok(till.scan(ticket, NOODLES))
        offline = till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": mine[0], **cid()}))
        assert offline["discount"] == 200 and offline["coupons"][0]["offline"] is True
        till.ok(till.pay_cash(ticket, 1100))
        sale = till.ok(till.complete(ticket))["sale_id"]
        e_coupon = coupons(admin, kind="cash", value=100, threshold=0)[0]  # e-coupons need HQ: refused offline
        refused = till.post(f"/tickets/{till.ok(till.post('/tickets', cid()))['id']}/coupons", {"code": e_coupon, **cid()})
        assert refused.json()["code"] == "hq_unreachable"

        # The other store takes the same code twice on paper (one a photocopy of ours): policy allows one a day.
        bad = there.ok(there.post("/tickets", cid()))["id"]
        there.ok(there.scan(bad, NOODLES))
        there.ok(there.post(f"/tickets/{bad}/coupons", {"code": mine[1], **cid()}))  # not its stock: HQ will say so
        there.ok(there.pay_cash(bad, 1100))
        there.ok(there.complete(bad))
        over = there.ok(there.post("/tickets", cid()))["id"]
        there.ok(there.scan(over, NOODLES))
        limit = there.post(f"/tickets/{over}/coupons", {"code": theirs[0], **cid()})
        assert limit.status_code == 409 and limit.json()["code"] == "offline_coupon_limit"

        store.proxy.restore()
        other.proxy.restore()
        store.wait_drained()
        other.wait_drained()
        assert coupon_state(store, mine[0]) == ("redeemed", sale)  # HQ settled it on reconnect
        conflicts = admin.ok(admin.get("/reports/loyalty-conflicts", store=other.code))["items"]
        assert [(c["subject"], c["reason"]) for c in conflicts] == [(mine[1], "coupon_wrong_store")]
        # ... and the other store's manager sees it on the till's sync page, in plain words
        seen = there.ok(there.get("/loyalty/conflicts"))["items"]
        assert [(c["action"], c["subject"], c["message"]) for c in seen] == [
            ("commit", mine[1], f"本店不可使用此券：{mine[1]}")]
        assert till.ok(till.get("/loyalty/conflicts"))["items"] == []  # each store sees its own

        # The other store's manager sets it right and marks it handled; a cashier may not.
        resolve = f"/loyalty/conflicts/{seen[0]['id']}/resolve"
        cashier = there.post(resolve, {"note": "已补收差额", **cid()})
        assert cashier.status_code == 403 and cashier.json()["code"] == "forbidden"
        manager = Till(other.server, other.server.new_till(), operator="9001", pin="9999")
        empty = manager.post(resolve, {"note": "  ", **cid()})
        assert empty.status_code == 422 and empty.json()["code"] == "resolution_note_invalid"
        mine_to_them = Till(store.server, store.server.new_till(), operator="9001", pin="9999").post(
            resolve, {"note": "别店的", **cid()})
        assert mine_to_them.status_code == 404 and mine_to_them.json()["code"] == "conflict_not_found"
        assert [c["id"] for c in there.ok(there.get("/loyalty/conflicts"))["items"]] == [seen[0]["id"]]  # unchanged
        once = {"note": "顾客已补现金 ￥2.00", **cid()}
        done = manager.ok(manager.post(resolve, once))
        assert (done["resolved_by"], done["resolution"]) == ("9001", "顾客已补现金 ￥2.00")
        assert manager.ok(manager.post(resolve, once)) == done  # the answer lost and the call resent: the same answer
        again = manager.post(resolve, {"note": "再记一次", **cid()})
        assert again.status_code == 409 and again.json()["code"] == "conflict_already_resolved"
        assert again.json()["message"] == "此事项已由 9001 处理过"  # HQ's refusal in the till's language
        assert there.ok(there.get("/loyalty/conflicts"))["items"] == []
        [handled] = there.ok(there.get("/loyalty/conflicts", params={"all": "true"}))["items"]
        assert (handled["id"], handled["resolved_by"], handled["resolution"], handled["message"]) == (
            seen[0]["id"], "9001", "顾客已补现金 ￥2.00", f"本店不可使用此券：{mine[1]}")
        assert handled["resolved_at"]

        other.proxy.cut()
        away = there.get("/loyalty/conflicts")
        assert away.status_code == 503 and away.json()["code"] == "hq_unreachable"
        offline = manager.post(resolve, {"note": "总部断线时", **cid()})
        assert offline.status_code == 503 and offline.json()["code"] == "hq_unreachable"
    finally:
        other.server.stop()
        other.proxy.close()


def test_a_free_item_coupon_makes_one_of_its_goods_free(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    with store.server.db() as session:
        from sqlalchemy import select

        from app.db.models import Product
        cola_sku = session.scalar(select(Product.sku).where(Product.primary_barcode == COLA))
    template = "T" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/products", {"items": [{"sku": cola_sku, "name": "可口可乐 330ml", "price": 350,
                                                       "barcodes": [{"code": COLA}]}]}))
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "可乐兑换券", "kind": "free_item",
                                                     "value": 0, "sku": cola_sku}))
    now = datetime.now(UTC)
    [code] = admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "兑换", "count": 1, "valid_from": (now - timedelta(days=1)).isoformat(),
        "valid_to": (now + timedelta(days=9)).isoformat()}))["codes"]
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(ticket, NOODLES))
    missing = till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()})
    assert missing.status_code == 409 and missing.json()["code"] == "coupon_item_missing"
    assert coupon_state(store, code)[0] == "issued"  # the reservation was given back at once
    till.ok(till.scan(ticket, COLA, quantity=2))
    state = till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()}))
    assert (state["subtotal"], state["discount"], state["total"]) == (1290 + 700, 350, 1290 + 350)
