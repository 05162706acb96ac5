"""Gift cards sold at the till and live the moment the sale is stored; returns without a receipt
as their own permission; the printed return slip; a coupon restored when its whole sale comes back."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import select

from app.domain.barcode import with_check_digit
from app.hq import clock
from app.hq.models import WalletAccount
from app.seed import GIFT_CARD
from harness.chain import LinkedStore, open_till
from harness.hq import Admin
from harness.store import COLA
from tests.e2e.test_till_loyalty import NOODLES, cid, coupon_state, coupons

GIFT = with_check_digit(GIFT_CARD[4])  # 礼品卡 100元
MANAGER = {"operator": "9001", "pin": "9999"}
SUPERVISOR = {"operator": "5001", "pin": "5555"}


def wait_for(check, what: str, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_a_gift_card_is_sold_as_goods_and_can_be_spent_right_after(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    [card, other] = admin.ok(admin.post("/admin/gift-cards", {"count": 2}))["cards"]
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    asked = till.scan(ticket, GIFT)
    assert asked.status_code == 409 and asked.json()["code"] == "gift_card_required"
    assert "请刷卡或输入卡号" in asked.json()["message"]
    unknown = till.post(f"/tickets/{ticket}/lines", {"code": GIFT, "card_no": "7000000000000005", **cid()})
    assert unknown.json()["code"] == "gift_card_not_found"
    slip = card[:-1] + str((int(card[-1]) + 1) % 10)  # one digit mistyped: never another card
    assert till.post(f"/tickets/{ticket}/lines", {"code": GIFT, "card_no": slip, **cid()}).json()["code"] == \
        "gift_card_mistyped"
    not_gift = till.post(f"/tickets/{ticket}/lines", {"code": COLA, "card_no": other, **cid()})
    assert not_gift.json()["code"] == "not_a_gift_card"
    assert till.ok(till.get(f"/tickets/{ticket}"))["lines"] == []  # nothing half-written

    state = till.ok(till.post(f"/tickets/{ticket}/lines", {"code": GIFT, "card_no": card, **cid()}))
    again = till.post(f"/tickets/{ticket}/lines", {"code": GIFT, "card_no": card, **cid()})
    assert again.json()["code"] == "gift_card_on_ticket"
    line = state["lines"][0]
    assert (line["card_no"], line["amount"]) == (card, 10_000)
    more = till.post(f"/tickets/{ticket}/lines/{line['id']}/quantity", {"quantity": 2, **cid()})
    assert more.json()["code"] == "quantity_fixed"
    till.ok(till.scan(ticket, COLA))

    # Stored value may pay the cola, not the card.
    wallet = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    till.ok(till.post("/stored-value/topup", {"card": wallet, "amount": 5_000, **cid()}))
    refused = till.post(f"/tickets/{ticket}/stored-value", {"card": wallet, "amount": 1_000, **cid()})
    assert refused.status_code == 409 and refused.json()["code"] == "gift_card_tender"
    till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": wallet, "amount": 350, **cid()}))
    till.ok(till.pay_cash(ticket, 10_000))
    sale = till.ok(till.complete(ticket))["sale_id"]

    spend = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(spend, NOODLES))
    paid = till.ok(till.post(f"/tickets/{spend}/stored-value", {"card": card, "amount": 1290, **cid()}))
    assert paid["due"] == 0  # the new card pays at once: activated at completion, not at the next sync
    till.ok(till.complete(spend))

    offer = till.ok(till.get(f"/sales/{sale}/returnable"))
    assert [(x["gift_card"], x["returnable"]) for x in offer["lines"]] == [(True, 0), (False, 1)]
    back = till.post("/returns", {"sale_id": sale, "lines": [{"line_id": line["id"], "quantity": 1}], **cid()})
    assert back.status_code == 409 and back.json()["code"] == "gift_card_not_returnable"

    resold = till.ok(till.post("/tickets", cid()))["id"]
    twice = till.post(f"/tickets/{resold}/lines", {"code": GIFT, "card_no": card, **cid()})
    assert twice.json()["code"] == "gift_card_sold"

    store.wait_drained()  # the sale's event reaches HQ: the same activation, not a second one
    from app.hq import loyalty

    with store.hq.db() as session:
        assert loyalty.ledger_sum(session, card) == (10_000 - 1290, 0)
    conflicts = admin.ok(admin.get("/reports/loyalty-conflicts", store=store.code))["items"]
    assert conflicts == []

    # the customer asks what is left; three years on, the card is past its last day and cannot pay
    view = till.ok(till.get(f"/stored-value/{card}"))
    assert (view["kind"], view["balance"], view["expired"]) == ("gift_card", 10_000 - 1290, False) and view["last_day"]
    with store.hq.db() as session:
        account = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card))
        assert account is not None and account.activated_at is not None
        account.activated_at -= timedelta(days=3 * 366 + 1)
        account.last_day = datetime.now(clock.BUSINESS_TZ).date() - timedelta(days=2)
        session.commit()
    view = till.ok(till.get(f"/stored-value/{card}"))
    assert view["expired"] and view["balance"] == 10_000 - 1290
    late = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(late, NOODLES))
    refused = till.post(f"/tickets/{late}/stored-value", {"card": card, "amount": 100, **cid()})
    assert refused.status_code == 409 and refused.json()["code"] == "gift_card_expired"
    assert refused.json()["message"] == f"礼品卡已过期，不能再用：{card}（有效期至 {view['last_day']}）"
    assert till.ok(till.get(f"/tickets/{late}"))["paid"] == 0  # nothing taken
    missing = till.get("/stored-value/7000000000000005")
    assert missing.status_code == 404 and missing.json()["code"] == "wallet_not_found"


def test_a_gift_card_sold_while_hq_is_away_is_refused_in_plain_words(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    store.proxy.cut()
    away = till.post(f"/tickets/{ticket}/lines", {"code": GIFT, "card_no": card, **cid()})
    assert away.status_code == 503 and away.json()["code"] == "hq_unreachable"
    store.proxy.restore()
    assert till.ok(till.get(f"/tickets/{ticket}"))["lines"] == []


def test_a_return_without_receipt_needs_its_own_permission_and_refunds_cash_at_the_shelf_price(
        linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)  # a cashier's till
    body = {"lines": [{"code": NOODLES, "quantity": 2}, {"code": COLA, "quantity": 1}], "reason": "顾客无小票"}
    asked = till.post("/returns/no-receipt", {**body, **cid()})
    assert asked.status_code == 403 and asked.json()["code"] == "override_required"
    # a supervisor is not enough: the store gives this permission to managers
    weak = till.post("/returns/no-receipt", {**body, "override": SUPERVISOR, **cid()})
    assert weak.status_code == 403 and weak.json()["code"] == "override_denied"
    gift = till.post("/returns/no-receipt", {"lines": [{"code": GIFT, "quantity": 1}], "override": MANAGER, **cid()})
    assert gift.json()["code"] == "gift_card_not_returnable"
    assert till.post("/returns/no-receipt", {"lines": [{"code": "6900000000000", "quantity": 1}], "override": MANAGER,
                                             **cid()}).json()["code"] in ("unknown_product", "bad_check_digit")

    done = till.ok(till.post("/returns/no-receipt", {**body, "override": MANAGER, **cid()}))
    assert done["total"] == done["cash"] == 2 * 1290 + 350 and done["sale_id"] is None

    slip = till.get(f"/returns/{done['return_no']}/slip", params={"format": "text"})
    assert slip.status_code == 200
    text = slip.text
    assert "退货单" in text and "无小票退货" in text and "原因: 顾客无小票" in text
    assert "康师傅 红烧牛肉面 5连包" in text and "退款合计" in text and "￥29.30" in text and "现金退款" in text
    assert "顾客签名" in text and "找零" not in text
    assert till.get("/returns/T01-R19990101-0001/slip").json()["code"] == "return_not_found"

    closed = till.ok(till.post("/shifts/close", {"counted": 50_000 - 2930, **cid()}))
    assert (closed["expected"], closed["over_short"]) == (50_000 - 2930, 0)  # the refund left the drawer
    store.wait_drained()
    assert dict(store.hq_sales())[done["return_no"]] == -2930


def test_the_return_slip_prints_what_came_back_and_where_the_money_went(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    state = till.ok(till.scan(ticket, NOODLES, quantity=2))
    till.ok(till.pay_cash(ticket, 3_000))
    sale = till.ok(till.complete(ticket))["sale_id"]
    done = till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": state["lines"][0]["id"], "quantity": 1}],
                                          "reason": "包装破损", **cid()}))
    text = till.get(f"/returns/{done['return_no']}/slip", params={"format": "text", "profile": "58mm"}).text
    assert f"原销售单 {sale}" in text and "原因: 包装破损" in text and "￥12.90" in text
    assert all(len(line.encode("gbk")) <= 32 for line in text.splitlines())  # 58 mm paper: 32 columns
    raw = till.get(f"/returns/{done['return_no']}/slip", params={"format": "escpos", "kick": "true"}).content
    from hardware.escpos.decoder import decode

    decoded = decode(raw)
    assert decoded.named("drawer_kick") and "退货单" in decoded.text and "顾客签名" in decoded.text
    assert done["return_no"] in decoded.barcodes  # scanned later to find the return


def test_a_coupon_comes_back_when_its_whole_sale_is_returned(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till = open_till(store)
    [code] = coupons(admin, kind="cash", value=300, threshold=0, restore_on_return=True)
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    till.ok(till.scan(ticket, NOODLES))
    state = till.ok(till.scan(ticket, COLA))
    till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": code, **cid()}))
    till.ok(till.pay_cash(ticket, 2_000))
    sale = till.ok(till.complete(ticket))["sale_id"]
    noodles, cola = (x["id"] for x in state["lines"])
    store.wait_drained()
    wait_for(lambda: coupon_state(store, code) == ("redeemed", sale), "the coupon was not redeemed")

    till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": cola, "quantity": 1}], **cid()}))
    store.wait_drained()
    assert coupon_state(store, code) == ("redeemed", sale)  # part of the sale kept: the coupon stays spent
    till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": noodles, "quantity": 1}], **cid()}))
    store.wait_drained()
    wait_for(lambda: coupon_state(store, code)[0] == "issued", "the coupon did not come back")


def test_stored_value_cannot_end_up_paying_for_a_gift_card(linked_store: LinkedStore, admin: Admin) -> None:
    store = linked_store
    till, other_till = open_till(store), open_till(store)
    [card] = admin.ok(admin.post("/admin/gift-cards", {"count": 1}))["cards"]
    wallet = admin.ok(admin.post("/admin/wallets", {}))["card_no"]
    till.ok(till.post("/stored-value/topup", {"card": wallet, "amount": 5_000, **cid()}))
    ticket = till.ok(till.post("/tickets", cid()))["id"]
    noodles = till.ok(till.scan(ticket, NOODLES))["lines"][0]
    till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": wallet, "amount": 1290, **cid()}))  # pays the goods
    till.ok(till.post(f"/tickets/{ticket}/lines", {"code": GIFT, "card_no": card, **cid()}))
    elsewhere = other_till.ok(other_till.post("/tickets", cid()))["id"]
    taken = other_till.post(f"/tickets/{elsewhere}/lines", {"code": GIFT, "card_no": card, **cid()})
    assert taken.json()["code"] == "gift_card_on_ticket"  # the card is on a ticket at the next till
    till.ok(till.post(f"/tickets/{ticket}/lines/{noodles['id']}/void", cid()))  # the goods go: the ￥12.90 would buy the card
    till.ok(till.pay_cash(ticket, 10_000))
    refused = till.complete(ticket)
    assert refused.status_code == 409 and refused.json()["code"] == "gift_card_tender"
    assert till.ok(till.get(f"/tickets/{ticket}"))["status"] == "open"  # nothing completed, the card not live
