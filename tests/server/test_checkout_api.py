"""The store API, against a real uvicorn process on a loopback port."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
import requests
from sqlalchemy import func, select

from app.db.models import Command, Override, SessionToken, Ticket, TicketLine
from app.domain.barcode import make_in_store_code
from harness.store import APPLE_PLU, COLA, MOUTAI, NOODLES, WATER, Till


def lines_of(till: Till, ticket: int) -> list[dict]:
    return till.ok(till.get(f"/tickets/{ticket}"))["lines"]


def test_a_cashier_sells_two_items_pays_cash_and_gets_change(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA, 2))
    state = till.ok(till.scan(ticket, NOODLES))
    assert state["subtotal"] == 2 * 350 + 1290
    assert state["item_count"] == 3
    till.ok(till.pay_cash(ticket, 5000))
    done = till.ok(till.complete(ticket))
    assert done["total"] == 1990
    assert done["change"] == 5000 - 1990
    assert done["sale_id"].startswith(f"{till.till}-")
    sale = till.ok(till.get(f"/sales/{done['sale_id']}"))
    assert sale["status"] == "completed"
    text = till.get(f"/sales/{done['sale_id']}/receipt", params={"format": "text", "profile": "58mm"}).text
    assert "可口可乐 330ml" in text and "康师傅 红烧牛肉面 5连包" in text
    assert "￥19.90" in text and "￥30.10" in text


def test_lookup_returns_the_public_product_shape(till: Till) -> None:
    product = till.ok(till.get("/products/lookup", params={"code": COLA}))
    assert product["sku"] == "A0000001"
    assert product["barcode"] == COLA
    assert product["name"] == "可口可乐 330ml"
    assert product["price"] == 350
    assert product["unit"] == "piece"
    assert till.ok(till.get("/products/lookup", params={"code": APPLE_PLU}))["unit"] == "gram"


def test_search_finds_by_chinese_substring_pinyin_initials_and_code_prefix(till: Till) -> None:
    by_name = till.ok(till.get("/products/search", params={"q": "可乐", "limit": 50}))["items"]
    assert by_name and all("可乐" in p["name"] for p in by_name)
    by_initials = till.ok(till.get("/products/search", params={"q": "kkkl", "limit": 5}))["items"]
    assert by_initials[0]["name"] == "可口可乐 330ml"
    by_code = till.ok(till.get("/products/search", params={"q": COLA[:10], "limit": 5}))["items"]
    assert any(p["barcode"] == COLA for p in by_code)
    assert len(till.ok(till.get("/products/search", params={"q": "饮", "limit": 7}))["items"]) <= 7
    assert till.ok(till.get("/products/search", params={"q": "不存在的商品名"}))["items"] == []


def test_second_send_of_the_same_command_adds_nothing(till: Till) -> None:
    ticket = till.new_ticket()
    command_id = uuid.uuid4().hex
    first = till.ok(till.scan(ticket, COLA, 1, command_id))
    again = till.ok(till.scan(ticket, COLA, 1, command_id))
    assert first == again
    assert len(lines_of(till, ticket)) == 1


def test_a_command_id_reused_for_a_different_request_is_refused(till: Till) -> None:
    ticket = till.new_ticket()
    command_id = uuid.uuid4().hex
    till.ok(till.scan(ticket, COLA, 1, command_id))
    response = till.scan(ticket, WATER, 1, command_id)
    assert response.status_code == 409
    assert response.json()["code"] == "command_id_reused"
    assert len(lines_of(till, ticket)) == 1


def test_completing_twice_with_one_command_gives_one_sale(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, WATER))
    till.ok(till.pay_cash(ticket, 200))
    command_id = uuid.uuid4().hex
    first = till.ok(till.complete(ticket, command_id))
    second = till.ok(till.complete(ticket, command_id))
    assert first["sale_id"] == second["sale_id"]
    with till.server.db() as session:
        assert session.scalar(select(func.count()).where(Ticket.sale_id == first["sale_id"])) == 1


@pytest.mark.parametrize(
    ("code", "quantity", "error", "status"),
    [
        ("6901234567891", None, "bad_check_digit", 400),
        ("6901234567", None, "invalid_barcode", 400),
        ("6909999999996", None, "unknown_product", 404),
        ("99999", None, "unknown_product", 404),
        ("可乐", None, "invalid_barcode", 400),
        (COLA, 0, "invalid_quantity", 400),
        (COLA, -3, "invalid_quantity", 400),
        (COLA, 1_000_000, "invalid_quantity", 400),
        (APPLE_PLU, 500_000, "invalid_quantity", 400),
    ],
)
def test_bad_scans_get_their_code_and_add_nothing(till: Till, code: str, quantity: int | None, error: str, status: int) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, WATER))
    response = till.scan(ticket, code, quantity)
    assert response.status_code == status, response.text
    assert response.json()["code"] == error
    assert response.json()["message"]
    assert len(lines_of(till, ticket)) == 1


def test_a_fractional_or_text_quantity_is_a_malformed_request(till: Till) -> None:
    ticket = till.new_ticket()
    for quantity in (1.5, "2", True):
        response = till.post(f"/tickets/{ticket}/lines", {"code": COLA, "quantity": quantity, "command_id": uuid.uuid4().hex})
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_request"
    assert lines_of(till, ticket) == []


def test_weighed_goods_by_plu_and_by_price_embedded_barcode(till: Till) -> None:
    ticket = till.new_ticket()
    unweighed = till.scan(ticket, APPLE_PLU)  # a PLU alone says nothing of the weight
    assert unweighed.status_code == 409 and unweighed.json()["code"] == "weight_required"
    assert "红富士苹果" in unweighed.json()["message"] and "称重" in unweighed.json()["message"]
    state = till.ok(till.scan(ticket, APPLE_PLU, 512))  # 512 g at ￥12.98/kg
    assert state["lines"][0]["amount"] == 665  # 6.64576 → 6.65
    state = till.ok(till.scan(ticket, make_in_store_code(APPLE_PLU, 1234)))
    assert state["lines"][1]["amount"] == 1234
    assert state["lines"][1]["name"] == "红富士苹果"


def test_cash_due_is_rounded_off_to_the_jiao(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, APPLE_PLU, 512))
    state = till.ok(till.scan(ticket, COLA, 2))
    assert state["subtotal"] == 1365
    assert state["total"] == 1360 and state["rounding"] == -5
    till.ok(till.pay_cash(ticket, 2000))
    done = till.ok(till.complete(ticket))
    assert done["change"] == 640
    text = till.get(f"/sales/{done['sale_id']}/receipt", params={"format": "text"}).text
    assert "抹零" in text and "-￥0.05" in text


def test_tender_below_due_cannot_complete_and_leaves_the_ticket_open(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, NOODLES))
    till.ok(till.pay_cash(ticket, 1000))
    response = till.complete(ticket)
    assert response.status_code == 409
    assert response.json()["code"] == "insufficient_tender"
    assert response.json()["due_fen"] == 290
    state = till.ok(till.get(f"/tickets/{ticket}"))
    assert state["status"] == "open" and state["sale_id"] is None and state["due"] == 290


def test_an_empty_ticket_cannot_take_cash_or_complete(till: Till) -> None:
    ticket = till.new_ticket()
    assert till.pay_cash(ticket, 100).json()["code"] == "empty_ticket"
    assert till.complete(ticket).json()["code"] == "empty_ticket"
    till.ok(till.scan(ticket, COLA))
    line = lines_of(till, ticket)[0]
    till.ok(till.post(f"/tickets/{ticket}/lines/{line['id']}/void", {"command_id": uuid.uuid4().hex}))
    assert till.complete(ticket).json()["code"] == "empty_ticket"


@pytest.mark.parametrize("amount", [0, -100, 10**12])
def test_absurd_tenders_are_refused(till: Till, amount: int) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    response = till.pay_cash(ticket, amount)
    assert response.json()["code"] == "invalid_amount"
    assert till.ok(till.get(f"/tickets/{ticket}"))["tenders"] == []


def test_no_ticket_without_an_open_shift(store_server) -> None:
    till = Till(store_server, store_server.new_till())
    response = till.post("/tickets", {"command_id": uuid.uuid4().hex})
    assert response.status_code == 409
    assert response.json()["code"] == "shift_not_open"


def test_quantity_change_reprices_the_line(till: Till) -> None:
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, COLA))["lines"][0]
    state = till.ok(till.post(f"/tickets/{ticket}/lines/{line['id']}/quantity", {"quantity": 6, "command_id": uuid.uuid4().hex}))
    assert state["lines"][0]["amount"] == 2100 and state["subtotal"] == 2100
    bad = till.post(f"/tickets/{ticket}/lines/{line['id']}/quantity", {"quantity": 0, "command_id": uuid.uuid4().hex})
    assert bad.json()["code"] == "invalid_quantity"
    assert lines_of(till, ticket)[0]["quantity"] == 6


def test_voiding_an_expensive_line_needs_a_supervisor_and_records_who(till: Till) -> None:
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, MOUTAI))["lines"][0]
    path = f"/tickets/{ticket}/lines/{line['id']}/void"
    needs = till.post(path, {"command_id": uuid.uuid4().hex})
    assert needs.status_code == 403 and needs.json() == {**needs.json(), "code": "override_required", "action": "void_line"}
    denied = till.post(path, {"command_id": uuid.uuid4().hex, "override": {"operator": "1002", "pin": "2345"}})
    assert denied.json()["code"] == "override_denied"  # another cashier is not enough
    wrong_pin = till.post(path, {"command_id": uuid.uuid4().hex, "override": {"operator": "9001", "pin": "0000"}})
    assert wrong_pin.json()["code"] == "override_denied"
    assert lines_of(till, ticket)[0]["voided"] is False
    state = till.ok(till.post(path, {"command_id": uuid.uuid4().hex, "override": {"operator": "9001", "pin": "9999"}}))
    assert state["lines"][0]["voided"] is True and state["subtotal"] == 0
    with till.server.db() as session:
        record = session.scalars(select(Override).where(Override.ticket_id == ticket)).one()
        assert record.action == "void_line" and record.line_id == line["id"]
        assert record.authorised_by != record.requested_by
    # A cheap line needs no one.
    cheap = till.ok(till.scan(ticket, WATER))["lines"][1]
    till.ok(till.post(f"/tickets/{ticket}/lines/{cheap['id']}/void", {"command_id": uuid.uuid4().hex}))


def test_price_override_is_authorised_and_shown_on_the_receipt(till: Till) -> None:
    ticket = till.new_ticket()
    line = till.ok(till.scan(ticket, NOODLES))["lines"][0]
    path = f"/tickets/{ticket}/lines/{line['id']}/price"
    assert till.post(path, {"price": 990, "command_id": uuid.uuid4().hex}).json()["code"] == "override_required"
    state = till.ok(till.post(path, {"price": 990, "command_id": uuid.uuid4().hex, "override": {"operator": "5001", "pin": "5555"}}))
    assert state["lines"][0]["amount"] == 990 and state["lines"][0]["original_price"] == 1290
    till.ok(till.pay_cash(ticket, 1000))
    sale = till.ok(till.complete(ticket))["sale_id"]
    assert "改价 原价￥12.90" in till.get(f"/sales/{sale}/receipt").text


def test_no_sale_drawer_open_needs_a_manager(till: Till) -> None:
    assert till.post("/drawer/open", {"command_id": uuid.uuid4().hex}).json()["code"] == "override_required"
    supervisor = till.post("/drawer/open", {"command_id": uuid.uuid4().hex, "override": {"operator": "5001", "pin": "5555"}})
    assert supervisor.json()["code"] == "override_denied"
    assert till.ok(till.post("/drawer/open", {"command_id": uuid.uuid4().hex, "override": {"operator": "9001", "pin": "9999"}}))["ok"]


def test_park_and_resume(till: Till) -> None:
    first = till.new_ticket()
    till.ok(till.scan(first, COLA))
    till.ok(till.post(f"/tickets/{first}/park", {"command_id": uuid.uuid4().hex}))
    second = till.new_ticket()
    assert second != first
    parked = till.ok(till.get("/tickets", params={"status": "parked"}))["items"]
    assert [t["id"] for t in parked] == [first]
    till.ok(till.scan(second, WATER))
    assert till.post(f"/tickets/{first}/resume", {"command_id": uuid.uuid4().hex}).json()["code"] == "ticket_open"
    till.ok(till.post(f"/tickets/{second}/park", {"command_id": uuid.uuid4().hex}))
    resumed = till.ok(till.post(f"/tickets/{first}/resume", {"command_id": uuid.uuid4().hex}))
    assert resumed["status"] == "open" and resumed["lines"][0]["barcode"] == COLA


def test_an_open_ticket_is_handed_back_at_the_next_login(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA, 3))
    again = Till(till.server, till.till)
    assert again.login.json()["open_ticket"] == ticket
    assert again.ok(again.post("/tickets", {"command_id": uuid.uuid4().hex}))["id"] == ticket


def test_wrong_pins_lock_the_operator_for_five_minutes(store_server) -> None:
    code = store_server.new_operator(pin="2468")
    till = store_server.new_till()
    api = store_server.api + "/session"
    for remaining in (4, 3, 2, 1):
        response = requests.post(api, json={"till": till, "operator": code, "pin": "0000"}, timeout=10)
        assert response.status_code == 401
        assert response.json()["code"] == "bad_credentials" and response.json()["remaining"] == remaining
    fifth = requests.post(api, json={"till": till, "operator": code, "pin": "0000"}, timeout=10)
    assert fifth.status_code == 423 and fifth.json()["code"] == "locked_out"
    right_pin = requests.post(api, json={"till": till, "operator": code, "pin": "2468"}, timeout=10)
    assert right_pin.json()["code"] == "locked_out"


def test_unknown_operator_and_unknown_till(store_server) -> None:
    api = store_server.api + "/session"
    assert requests.post(api, json={"till": "T01", "operator": "0000", "pin": "1"}, timeout=10).json()["code"] == "bad_credentials"
    assert requests.post(api, json={"till": "NOPE", "operator": "1001", "pin": "1234"}, timeout=10).json()["code"] == "unknown_till"


def test_an_expired_token_is_refused(till: Till) -> None:
    with till.server.db() as session:
        for row in session.scalars(select(SessionToken).where(SessionToken.till == till.till)):
            row.expires_at = datetime.now() - timedelta(seconds=1)
        session.commit()
    response = till.get("/shifts/current")
    assert response.status_code == 401 and response.json()["code"] == "token_expired"


@pytest.mark.parametrize("ending", ["logout", "revoked", "expired", "operator_locked", "operator_inactive"])
def test_a_token_ended_any_way_is_refused_by_the_next_scan_tender_and_completion(store_server, ending: str) -> None:
    """The ticket's routes read the token in the command's own transaction: ended by a logout, or
    by a change made straight in the database by another process (the ``omnistore`` command, the
    manager's 停用), it is refused at once, and the refused call writes nothing."""
    code = store_server.new_operator(pin="2468")
    till = Till(store_server, store_server.new_till(), operator=code, pin="2468")
    till.open_shift()
    ticket = till.new_ticket()
    state = till.ok(till.scan(ticket, COLA))
    if ending == "logout":
        assert till.http.delete(store_server.api + "/session", timeout=10).status_code in (200, 204)
    else:
        with store_server.db() as session:
            rows = list(session.scalars(select(SessionToken).where(SessionToken.till == till.till)))
            for row in rows:
                if ending == "revoked":
                    row.revoked = True
                elif ending == "expired":
                    row.expires_at = datetime.now() - timedelta(seconds=1)
            if ending.startswith("operator"):
                from app.db.models import Operator

                operator = session.scalars(select(Operator).where(Operator.code == code)).one()
                operator.locked = ending == "operator_locked" or operator.locked
                operator.active = ending != "operator_inactive"
            session.commit()
    refused_as = "token_expired" if ending == "expired" else "unauthorized"
    scan_id = uuid.uuid4().hex
    for response in (till.scan(ticket, WATER, command_id=scan_id), till.pay_cash(ticket, state["due"]),
                     till.complete(ticket), till.post("/tickets", {"command_id": uuid.uuid4().hex})):
        assert response.status_code == 401 and response.json()["code"] == refused_as, response.text
    with store_server.db() as session:
        assert session.scalar(select(func.count()).select_from(TicketLine).where(TicketLine.ticket_id == ticket)) == 1
        assert session.scalar(select(func.count()).select_from(Command).where(Command.id == scan_id)) == 0
        assert session.scalar(select(Ticket.status).where(Ticket.id == ticket)) == "open"


def test_no_token_is_unauthorized(store_server) -> None:
    response = requests.post(store_server.api + "/tickets", json={}, timeout=10)
    assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_oversized_body_is_refused_before_anything_is_written(till: Till) -> None:
    ticket = till.new_ticket()
    body = ('{"code": "' + "1" * 200_000 + '", "command_id": "x"}').encode()
    response = till.http.post(f"{till.server.api}/tickets/{ticket}/lines", data=body,
                              headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 413 and response.json()["code"] == "body_too_large"
    assert lines_of(till, ticket) == []


def test_invalid_utf8_and_invalid_json(till: Till) -> None:
    ticket = till.new_ticket()
    url = f"{till.server.api}/tickets/{ticket}/lines"
    headers = {"Content-Type": "application/json"}
    bad_utf8 = till.http.post(url, data=b'{"code": "\xff\xfe", "command_id": "y"}', headers=headers, timeout=10)
    assert bad_utf8.status_code == 400 and bad_utf8.json()["code"] == "invalid_encoding"
    bad_json = till.http.post(url, data=b'{"code": ', headers=headers, timeout=10)
    assert bad_json.status_code == 400 and bad_json.json()["code"] == "invalid_json"
    assert lines_of(till, ticket) == []
    with till.server.db() as session:
        assert session.scalar(select(Command).where(Command.id == "y")) is None


def test_errors_speak_english_when_asked(store_server) -> None:
    till = Till(store_server, store_server.new_till(), language="en-US")
    till.open_shift()
    ticket = till.new_ticket()
    response = till.scan(ticket, "6901234567891")
    assert response.json()["message"] == "Bad check digit in barcode 6901234567891"
    chinese = Till(store_server, till.till).scan(ticket, "6901234567891")
    assert chinese.json()["message"] == "条码校验位错误：6901234567891"


def test_escpos_and_png_receipts(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, COLA))
    till.ok(till.pay_cash(ticket, 1000))
    sale = till.ok(till.complete(ticket))["sale_id"]
    raw = till.get(f"/sales/{sale}/receipt", params={"format": "escpos", "profile": "58mm"})
    assert raw.status_code == 200 and raw.content.startswith(b"\x1b@")
    assert "可口可乐".encode("gb18030") in raw.content
    assert b"\x1bp" not in raw.content
    kicked = till.get(f"/sales/{sale}/receipt", params={"format": "escpos", "kick": "1"})
    assert b"\x1bp\x00\x19\xfa" in kicked.content  # ESC p 0 25 250: the drawer pulse
    raster = till.get(f"/sales/{sale}/receipt", params={"format": "escpos", "raster": "1", "profile": "58mm"})
    assert raster.content.startswith(b"\x1b@") and b"\x1dv0" in raster.content  # GS v 0: the receipt as a picture
    assert "可口可乐".encode("gb18030") not in raster.content
    png = till.get(f"/sales/{sale}/receipt", params={"format": "png"})
    assert png.content.startswith(b"\x89PNG")
    assert till.get(f"/sales/{sale}/receipt", params={"format": "pdf"}).json()["code"] == "unknown_format"
    assert till.get(f"/sales/{sale}/receipt", params={"profile": "99mm"}).json()["code"] == "unknown_profile"
    assert till.get("/sales/NOPE/receipt").json()["code"] == "sale_not_found"


def test_shift_close_shows_over_short_after_a_blind_count(till: Till) -> None:
    ticket = till.new_ticket()
    till.ok(till.scan(ticket, NOODLES))
    till.ok(till.pay_cash(ticket, 2000))
    till.ok(till.complete(ticket))
    closed = till.ok(till.post("/shifts/close", {"counted": 50_000 + 1290 - 100, "command_id": uuid.uuid4().hex}))
    assert closed["expected"] == 50_000 + 1290
    assert closed["over_short"] == -100
    assert till.ok(till.get("/shifts/current"))["shift"] is None


def test_failed_calls_leave_no_command_rows(till: Till) -> None:
    ticket = till.new_ticket()
    command_id = uuid.uuid4().hex
    assert till.scan(ticket, "6901234567891", command_id=command_id).status_code == 400
    with till.server.db() as session:
        assert session.scalar(select(Command).where(Command.id == command_id)) is None
        assert session.scalar(select(func.count()).select_from(TicketLine).where(TicketLine.ticket_id == ticket)) == 0


def test_shift_close_refuses_a_ticket_with_goods_and_voids_an_empty_one(till: Till) -> None:
    busy = till.new_ticket()
    till.ok(till.scan(busy, COLA))
    refused = till.post("/shifts/close", {"counted": 50_000, "command_id": uuid.uuid4().hex})
    assert refused.status_code == 409 and refused.json()["code"] == "ticket_open"
    assert till.ok(till.get("/shifts/current"))["shift"] is not None
    line = till.ok(till.get(f"/tickets/{busy}"))["lines"][0]["id"]
    till.ok(till.post(f"/tickets/{busy}/lines/{line}/void", {"command_id": uuid.uuid4().hex}))
    empty = till.new_ticket()
    till.ok(till.post("/shifts/close", {"counted": 50_000, "command_id": uuid.uuid4().hex}))
    assert till.ok(till.get(f"/tickets/{busy}"))["status"] == "voided"
    assert till.ok(till.get(f"/tickets/{empty}"))["status"] == "voided"


def test_diagnostics_from_the_login_screen_needs_a_supervisor_and_is_recorded(store_server) -> None:
    till = store_server.new_till()
    api = store_server.api

    def authorise(operator: str, pin: str, action: str = "diagnostics") -> requests.Response:
        return requests.post(api + "/authorise", json={"till": till, "operator": operator, "pin": pin, "action": action},
                             timeout=10)

    cashier = authorise("1001", "1234")
    assert cashier.status_code == 403 and cashier.json()["code"] == "override_denied"
    wrong = authorise("5001", "0000")
    assert wrong.status_code == 401 and wrong.json()["code"] == "bad_credentials"
    assert authorise("5001", "5555", action="format_disk").json()["code"] == "invalid_request"
    with store_server.db() as session:
        assert session.scalar(select(func.count()).select_from(Override).where(Override.till == till)) == 0
    allowed = authorise("5001", "5555")
    assert allowed.status_code == 200 and allowed.json()["operator"]["role"] == "supervisor"
    with store_server.db() as session:
        record = session.scalars(select(Override).where(Override.till == till)).one()
        assert record.action == "diagnostics" and record.ticket_id is None
