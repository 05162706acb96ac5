"""The store's door and who may do what: texts HQ could not keep are refused with a code; command
ids are each till's and operator's own; wrong authorisations lock out the one asking, never the
manager; an unknown code is answered as a wrong PIN is."""

from __future__ import annotations

import statistics
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select, update

from app.db.models import AuditEntry, Command, Operator, Return, StockMovement, Ticket, TicketLine
from app.domain import limits
from harness.store import COLA, MOUTAI, WATER, StoreServer, Till


def lines_of(till: Till, ticket: int) -> list[dict]:
    return till.ok(till.get(f"/tickets/{ticket}"))["lines"]


# ---- the door: HQ's limits, at the store ------------------------------------------------------


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/stock/movements", {"reason": "receive", "note": "到货\x00", "lines": [{"code": COLA, "quantity": 1}]}, "note"),
    ("/stock/movements", {"reason": "receive\x1b", "lines": [{"code": COLA, "quantity": 1}]}, "reason"),
    ("/returns/no-receipt", {"reason": "坏了\x1bp\x00\x19", "lines": [{"code": COLA, "quantity": 1}]}, "reason"),
    ("/members", {"phone": "13800138000", "name": "张三\x07"}, "name"),
], ids=["stock note with NUL", "stock reason with ESC", "return reason with a drawer kick", "member name with BEL"])
def test_text_with_control_characters_is_refused_at_the_door_with_a_code(
        store_server: StoreServer, path: str, body: dict, field: str) -> None:
    manager = Till(store_server, store_server.new_till(), operator="9001", pin="9999")
    manager.open_shift()
    with store_server.db() as session:
        before = (session.scalar(select(func.count()).select_from(StockMovement)),
                  session.scalar(select(func.count()).select_from(Return)))
    response = manager.post(path, {**body, "command_id": uuid.uuid4().hex})
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_text" and response.json()["params"]["field"] == field
    assert "控制字符" in response.json()["message"]
    with store_server.db() as session:
        assert (session.scalar(select(func.count()).select_from(StockMovement)),
                session.scalar(select(func.count()).select_from(Return))) == before


def test_a_scanned_code_and_a_tender_method_with_control_characters_are_refused(till: Till) -> None:
    ticket = till.new_ticket()
    scanned = till.scan(ticket, "6901234567892\x00")
    assert scanned.status_code == 422 and scanned.json()["params"]["field"] == "code"
    tender = till.post(f"/tickets/{ticket}/tenders", {"method": "cash\x00", "amount": 100,
                                                      "command_id": uuid.uuid4().hex})
    assert tender.status_code == 422 and tender.json()["code"] == "invalid_text"
    assert lines_of(till, ticket) == []


def test_a_ticket_holds_no_more_lines_than_hq_keeps(till: Till) -> None:
    ticket = till.new_ticket()
    first = till.ok(till.scan(ticket, WATER))["lines"][0]
    with till.server.db() as session:  # the rest of a very long ticket, as 499 scans would have left it
        template = session.get(TicketLine, first["id"])
        assert template is not None
        session.add_all(TicketLine(ticket_id=ticket, seq=n, product_id=template.product_id, sku=template.sku,
                                   barcode=template.barcode, name=template.name, unit=template.unit, quantity=1,
                                   unit_price=template.unit_price, original_price=template.original_price,
                                   amount=template.amount, voided=False, note="", discount=0)
                        for n in range(2, limits.MAX_LINES + 1))
        # a write behind the store server's back moves the ticket's version on, as every save does
        session.execute(update(Ticket).where(Ticket.id == ticket).values(version=Ticket.version + 1))
        session.commit()
    refused = till.scan(ticket, COLA)
    assert refused.status_code == 409 and refused.json()["code"] == "ticket_full"
    assert str(limits.MAX_LINES) in refused.json()["message"]
    assert len(lines_of(till, ticket)) == limits.MAX_LINES


# ---- command ids: each till's and operator's own ----------------------------------------------


def test_another_till_sending_the_same_command_id_gets_its_own_answer(store_server: StoreServer) -> None:
    first, second = Till(store_server, store_server.new_till()), Till(store_server, store_server.new_till())
    for till in (first, second):
        till.open_shift()
    command_id = "scan-1"  # a till's own counter: another till's counter says the same
    a, b = first.new_ticket(), second.new_ticket()
    answer = first.ok(first.scan(a, COLA, command_id=command_id))
    other = second.ok(second.scan(b, WATER, command_id=command_id))
    assert other["id"] == b and [line["barcode"] for line in other["lines"]] == [WATER]
    assert first.ok(first.scan(a, COLA, command_id=command_id)) == answer  # a retry still gets its first answer
    assert len(lines_of(first, a)) == 1
    assert second.ok(second.scan(b, WATER, command_id=command_id)) == other


def test_another_operator_at_the_same_till_runs_their_own_command(store_server: StoreServer) -> None:
    till_code = store_server.new_till()
    first = Till(store_server, till_code)
    first.open_shift()
    ticket = first.new_ticket()
    first.ok(first.scan(ticket, COLA, command_id="c-7"))
    colleague = Till(store_server, till_code, operator="1002", pin="2345")
    mine = colleague.ok(colleague.scan(ticket, WATER, command_id="c-7"))
    assert [line["barcode"] for line in mine["lines"]] == [COLA, WATER]
    with store_server.db() as session:
        assert session.scalar(select(func.count()).select_from(Command).where(Command.id == "c-7",
                                                                                Command.till == till_code)) == 2


def test_commands_recorded_before_ids_were_scoped_still_answer_a_retry(tmp_path: Path) -> None:
    """Store migration 0012 files each old command under the till its answer names; one whose
    answer names none stays reachable for its operator from any till."""
    import sqlite3

    from app import commands
    from app.context import Actor
    from app.db.engine import make_engine, make_session_factory
    from app.db.migrate import upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine, "0011")
    with sqlite3.connect(tmp_path / "store.sqlite3") as raw:
        raw.execute("INSERT INTO operators (id, code, name, role, pin_hash, failed_attempts, active) "
                    "VALUES (1, '1001', '张三', 'cashier', 'x', 0, 1)")
        for command_id, response in (("scan-9", '{"id": 5, "till": "T01", "lines": []}'),
                                     ("done-9", '{"sale_id": "T01-1", "ticket": {"till": "T01"}}'),
                                     ("drawer-9", '{"ok": true, "authorised_by": 3}')):
            raw.execute("INSERT INTO commands (id, operator_id, action, fingerprint, response, created_at) "
                        "VALUES (?, 1, 'x', ?, ?, '2026-12-01 10:00:00')",
                        (command_id, commands.fingerprint("x", {}), response))
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as session:
        filed = {c.id: c.till for c in session.scalars(select(Command))}
    assert filed == {"scan-9": "T01", "done-9": "T01", "drawer-9": commands.LEGACY_TILL}

    def run(till: str, command_id: str) -> dict:
        with sessions() as session:
            return commands.run(session, Actor(1, "1001", "张三", "cashier", till), command_id, "x", {},
                                lambda: {"ran": till})

    assert run("T01", "scan-9") == {"id": 5, "till": "T01", "lines": []}
    assert run("T02", "scan-9") == {"ran": "T02"}  # another till's scan-9 is its own
    assert run("T02", "drawer-9") == {"ok": True, "authorised_by": 3}
    engine.dispose()


# ---- authorisations (授权) and logins: lock the one asking, tell no code from another -------------


def void_attempt(till: Till, ticket: int, line: int, approver: str, pin: str) -> requests.Response:
    return till.post(f"/tickets/{ticket}/lines/{line}/void",
                     {"command_id": uuid.uuid4().hex, "override": {"operator": approver, "pin": pin}})


def expensive_line(store_server: StoreServer) -> tuple[Till, int, int]:
    """A new cashier at a new till, with a line only a supervisor may void."""
    cashier = Till(store_server, store_server.new_till(), operator=store_server.new_operator("cashier", "2468"),
                   pin="2468")
    cashier.open_shift()
    ticket = cashier.new_ticket()
    return cashier, ticket, cashier.ok(cashier.scan(ticket, MOUTAI))["lines"][0]["id"]


def test_wrong_authorisations_lock_the_cashier_out_of_asking_not_the_manager_out_of_the_till(
        store_server: StoreServer) -> None:
    manager = store_server.new_operator("manager", "8642")
    cashier, ticket, line = expensive_line(store_server)
    for remaining in (4, 3, 2, 1):
        denied = void_attempt(cashier, ticket, line, manager, "0000")
        assert denied.status_code == 403
        assert denied.json()["code"] == "override_denied" and denied.json()["remaining"] == remaining
    locked = void_attempt(cashier, ticket, line, manager, "0000")
    assert locked.status_code == 423 and locked.json()["code"] == "override_locked"
    assert "5 分钟" in locked.json()["message"]
    right = void_attempt(cashier, ticket, line, manager, "8642")
    assert right.json()["code"] == "override_locked"  # the cashier's asking is locked, whoever answers
    assert lines_of(cashier, ticket)[0]["voided"] is False
    # every refused 授权 and the lock are on the audit log: who asked, for what, with whose code
    with store_server.db() as session:
        refused = session.execute(select(AuditEntry.action, AuditEntry.approver, AuditEntry.detail, AuditEntry.subject)
                                  .where(AuditEntry.subject == f"ticket {ticket} line {line}",
                                         AuditEntry.action.like("override_%")).order_by(AuditEntry.seq)).all()
    assert [(action, approver) for action, approver, _, _ in refused] == [
        ("override_refused", manager)] * 4 + [("override_locked", manager)]
    assert {detail["text"] for _, _, detail, _ in refused} == {"void_line"}
    with store_server.db() as session:
        row = session.scalar(select(Operator).where(Operator.code == manager))
        assert row is not None and row.failed_attempts == 0 and row.locked_until is None
    # The manager is not locked out: they log in at this very till, and authorise for another cashier.
    assert Till(store_server, cashier.till, operator=manager, pin="8642").login.status_code == 200
    other, other_ticket, other_line = expensive_line(store_server)
    assert other.ok(void_attempt(other, other_ticket, other_line, manager, "8642"))["lines"][0]["voided"] is True


def test_an_unknown_approver_and_a_wrong_pin_are_answered_alike(store_server: StoreServer) -> None:
    manager = store_server.new_operator("manager", "8642")
    unknown = "6" + f"{uuid.uuid4().int % 1000:03d}"
    cashier, ticket, line = expensive_line(store_server)
    answers, seconds = [], {unknown: [], manager: []}
    for approver in (unknown, manager, unknown, manager):
        started = time.perf_counter()
        response = void_attempt(cashier, ticket, line, approver, "0000")
        seconds[approver].append(time.perf_counter() - started)
        answers.append((response.status_code, response.json()))
    assert [(status, body["code"], body["remaining"]) for status, body in answers] == [
        (403, "override_denied", 4), (403, "override_denied", 3), (403, "override_denied", 2),
        (403, "override_denied", 1)]
    assert answers[0][1]["message"] == answers[1][1]["message"]
    # An unknown code costs an Argon2 check too (against a dummy hash): no quicker answer to tell it by.
    assert statistics.mean(seconds[unknown]) > 0.5 * statistics.mean(seconds[manager])


def test_an_unknown_operator_code_is_counted_and_locked_like_a_real_one(store_server: StoreServer) -> None:
    api = store_server.api + "/session"
    till = store_server.new_till()
    real = store_server.new_operator(pin="2468")
    unknown = "6" + f"{uuid.uuid4().int % 1000:03d}"
    for remaining in (4, 3, 2, 1):
        for code in (real, unknown):
            response = requests.post(api, json={"till": till, "operator": code, "pin": "0000"}, timeout=10)
            assert (response.status_code, response.json()["code"], response.json()["remaining"]) == (
                401, "bad_credentials", remaining)
    for code in (real, unknown):
        locked = requests.post(api, json={"till": till, "operator": code, "pin": "0000"}, timeout=10)
        assert (locked.status_code, locked.json()["code"]) == (423, "locked_out")
    again = requests.post(api, json={"till": till, "operator": unknown, "pin": "0000"}, timeout=10)
    assert again.json()["code"] == "locked_out"


def test_an_unknown_code_is_never_let_in_even_with_the_dummy_hashs_pin(store_server: StoreServer) -> None:
    unknown = "6" + f"{uuid.uuid4().int % 1000:03d}"
    response = requests.post(store_server.api + "/session",
                             json={"till": store_server.new_till(), "operator": unknown, "pin": "0000"}, timeout=10)
    assert response.status_code == 401 and response.json()["code"] == "bad_credentials"
