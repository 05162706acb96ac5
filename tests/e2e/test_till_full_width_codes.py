"""A till whose keyboard or scanner is in full-width (全角) mode, through the store server to a real
HQ: the member's phone and card, a coupon code and a stored-value card read as their ASCII twins."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from harness.chain import LinkedStore, open_till
from harness.hq import Admin
from harness.store import COLA

FULL_WIDTH = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                           "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
                           "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")


def cid() -> dict[str, str]:
    return {"command_id": uuid.uuid4().hex}


def test_member_coupon_and_card_typed_in_full_width_reach_hq_as_ascii(linked_store: LinkedStore, admin: Admin) -> None:
    till = open_till(linked_store)
    phone = "136" + f"{uuid.uuid4().int % 10**8:08d}"
    member = till.ok(till.post("/members", {"phone": phone.translate(FULL_WIDTH), "name": "林青"}))
    assert till.ok(till.get("/members/lookup", params={"phone": phone}))["member_no"] == member["member_no"]
    by_card = till.ok(till.get("/members/lookup", params={"card": "　" + member["member_no"].translate(FULL_WIDTH)}))
    assert by_card["member_no"] == member["member_no"]

    card = admin.ok(admin.post("/admin/wallets", {"member": member["member_no"]}))["card_no"]
    till.ok(till.post("/stored-value/topup", {"card": card.translate(FULL_WIDTH), "amount": 5_000, **cid()}))
    assert till.ok(till.get(f"/stored-value/{quote(card.translate(FULL_WIDTH))}"))["balance"] >= 5_000

    template = "T" + uuid.uuid4().hex[:10]
    admin.ok(admin.post("/admin/coupon-templates", {"code": template, "name": "立减1元", "kind": "cash", "value": 100,
                                                     "threshold": 0}))
    now = datetime.now(UTC)
    [code] = admin.ok(admin.post("/admin/coupon-batches", {
        "template": template, "name": "全角", "count": 1, "valid_from": (now - timedelta(days=1)).isoformat(),
        "valid_to": (now + timedelta(days=7)).isoformat()}))["codes"]

    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA.translate(FULL_WIDTH)))
    with_coupon = till.ok(till.post(f"/tickets/{ticket}/coupons", {"code": code.lower().translate(FULL_WIDTH), **cid()}))
    assert [c["code"] for c in with_coupon["coupons"]] == [code]
    due = with_coupon["total"] - with_coupon["paid"]
    paid = till.ok(till.post(f"/tickets/{ticket}/stored-value", {"card": card.translate(FULL_WIDTH), "amount": due,
                                                                  **cid()}))
    assert [(t["method"], t["reference"]) for t in paid["tenders"]] == [("stored_value", card)]
    assert till.ok(till.complete(ticket))["sale_id"]
