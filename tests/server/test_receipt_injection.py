"""Through the store server: a product name from HQ or a return reason holding ESC/POS commands
prints as text on the receipt and the slip; only the drawer pulse the till asks for is sent."""

from __future__ import annotations

import uuid

from sqlalchemy import update

from app.db.models import Return
from app.domain.barcode import with_check_digit
from app.sync import feed
from hardware.escpos.decoder import decode
from harness.store import Till

DRAWER_KICK = "\x1bp\x00\x19\xfa"
HOSTILE = f"{DRAWER_KICK}\x1b@\x1dVB\x00\r\n"


def sell_a_product_named(till: Till, name: str) -> str:
    """HQ's feed brings the product (names from HQ never pass the store's request checks); a cash sale."""
    barcode = with_check_digit("69" + f"{uuid.uuid4().int % 10**10:010d}")
    change = {"seq": 0, "entity": "product", "key": barcode, "deleted": False,
              "data": {"sku": "INJ" + barcode[-8:], "name": name, "price": 100, "unit": "piece", "category": "测试",
                       "barcodes": [{"code": barcode, "pack_quantity": 1}]}}
    with till.server.db() as session:
        feed.apply_page(session, [change], feed.cursor(session), "", bump=True)
        session.commit()
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, barcode))
    till.ok(till.pay_cash(ticket, 100))
    return str(till.ok(till.complete(ticket))["sale_id"])


def commands(data: bytes) -> list[str]:
    return [c.name for c in decode(data).commands]


def test_a_product_name_from_hq_holding_commands_prints_as_text(till: Till) -> None:
    sale = sell_a_product_named(till, f"可乐{HOSTILE}330ml")
    for copy in ("false", "true"):  # the receipt, and every reprint of it
        data = till.http.get(f"{till.server.api}/sales/{sale}/receipt",
                             params={"format": "escpos", "copy": copy}, timeout=10).content
        assert "drawer_kick" not in commands(data)
        assert commands(data).count("init") == 1 and commands(data).count("cut") == 1
        assert any(line.startswith("可乐 p") and line.endswith("330ml") for line in decode(data).lines)
    kicked = till.http.get(f"{till.server.api}/sales/{sale}/receipt", params={"format": "escpos", "kick": "true"},
                           timeout=10).content
    assert commands(kicked).count("drawer_kick") == 1
    text = till.http.get(f"{till.server.api}/sales/{sale}/receipt", params={"format": "text"}, timeout=10).text
    assert "\x1b" not in text and any(line.startswith("可乐 p") for line in text.splitlines())


def test_a_return_reason_holding_commands_never_opens_the_drawer_on_the_slip(till: Till) -> None:
    sale = sell_a_product_named(till, "雪碧 500ml")
    line = till.ok(till.get(f"/sales/{sale}/returnable"))["lines"][0]
    refused = till.post("/returns", {"sale_id": sale, "lines": [{"line_id": line["id"], "quantity": 1}],
                                     "reason": f"坏了{HOSTILE}", "command_id": uuid.uuid4().hex})
    assert refused.status_code == 422 and refused.json()["code"] == "invalid_text"  # refused at the door
    answer = till.ok(till.post("/returns", {"sale_id": sale, "lines": [{"line_id": line["id"], "quantity": 1}],
                                            "reason": "坏了", "command_id": uuid.uuid4().hex}))
    with till.server.db() as session:  # a reason an older store version let through, kept in its database
        session.execute(update(Return).where(Return.return_no == answer["return_no"]).values(reason=f"坏了{HOSTILE}"))
        session.commit()
    slip = till.http.get(f"{till.server.api}/returns/{answer['return_no']}/slip",
                         params={"format": "escpos"}, timeout=10).content
    assert "drawer_kick" not in commands(slip) and commands(slip).count("cut") == 1
    assert any(printed.startswith("原因: 坏了 p") for printed in decode(slip).lines)
