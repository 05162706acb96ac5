"""库存 at the store: sales take goods off the shelf, a supervisor receives, writes off and counts;
every movement is an outbox event for HQ, written with the change."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from app.db.models import OutboxEvent, StockMovement
from harness.store import COLA, WATER, Till

MANAGER, MANAGER_PIN = "9001", "9999"


def move(till: Till, reason: str, lines: list[tuple[str, int]], command_id: str | None = None,
         override: dict[str, str] | None = None):
    return till.post("/stock/movements", {"reason": reason, "lines": [{"code": c, "quantity": q} for c, q in lines],
                                          "note": "送货单 A-17", "command_id": command_id or uuid.uuid4().hex,
                                          **({"override": override} if override else {})})


def on_hand(till: Till, code: str) -> int:
    return till.ok(till.get("/stock", params={"code": code}))["on_hand"]


def stock_events(till: Till) -> list[dict]:
    with till.server.db() as session:
        return [e.payload for e in session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "stock_moved")
                                                   .order_by(OutboxEvent.id))]


def test_receive_sell_write_off_and_count(store_server) -> None:
    boss = Till(store_server, store_server.new_till(), "5001", "5555")
    boss.ok(boss.post("/shifts/open", {"float": 0}))
    before = on_hand(boss, WATER)
    command_id = uuid.uuid4().hex
    received = boss.ok(move(boss, "receive", [(WATER, 24)], command_id))
    assert received["lines"] == [{"sku": received["lines"][0]["sku"], "delta": 24, "unit": "piece",
                                  "on_hand": before + 24}]
    assert boss.ok(move(boss, "receive", [(WATER, 24)], command_id)) == received  # a retry moves nothing
    assert on_hand(boss, WATER) == before + 24

    ticket = boss.new_ticket()
    boss.ok(boss.scan(ticket, WATER, quantity=3))
    boss.ok(boss.pay_cash(ticket, 10_000))
    sale = boss.ok(boss.complete(ticket))["sale_id"]
    assert on_hand(boss, WATER) == before + 21
    assert stock_events(boss)[-1]["reason"] == "sale" and stock_events(boss)[-1]["ref"] == sale

    boss.ok(move(boss, "damage", [(WATER, 1)]))
    assert on_hand(boss, WATER) == before + 20
    # a count sets the level: a supervisor needs a manager's 授权 for it, as for a 盘点 sheet
    refused = move(boss, "count", [(WATER, 5)])
    assert refused.status_code == 403 and refused.json()["code"] == "override_required"
    assert on_hand(boss, WATER) == before + 20
    counted = boss.ok(move(boss, "count", [(WATER, 5)], override={"operator": MANAGER, "pin": MANAGER_PIN}))
    assert counted["lines"][0]["delta"] == 5 - (before + 20) and on_hand(boss, WATER) == 5
    with store_server.db() as session:
        reasons = [m.reason for m in session.scalars(select(StockMovement).order_by(StockMovement.id))
                   if m.sku == received["lines"][0]["sku"]]
    assert reasons[-4:] == ["receive", "sale", "damage", "count"]


def test_stock_moves_need_a_supervisor_and_bad_lines_write_nothing(store_server) -> None:
    cashier = Till(store_server, store_server.new_till())
    assert move(cashier, "receive", [(COLA, 1)]).json()["code"] == "forbidden"
    boss = Till(store_server, store_server.new_till(), "5001", "5555")
    events = len(stock_events(boss))
    before = on_hand(boss, COLA)
    for reason, lines, code in [
        ("steal", [(COLA, 1)], "invalid_field"),
        ("receive", [(COLA, 0)], "invalid_quantity"),
        ("receive", [(COLA, -4)], "invalid_quantity"),
        ("receive", [(COLA, 2), ("6901234567891", 1)], "bad_check_digit"),  # the good line is not kept either
        ("damage", [(COLA, 10**9)], "invalid_quantity"),
    ]:
        answer = move(boss, reason, lines)
        assert answer.status_code in (400, 409, 422) and answer.json()["code"] == code, answer.text
    assert on_hand(boss, COLA) == before
    assert len(stock_events(boss)) == events
