"""Values no till sends but an attacker may, at the store's door: each class gets a coded 4xx in the
caller's language before anything runs, never an overflow or a NUL deep inside (the schema fuzz,
``tests/fuzz``, sends every route such values; these name each class)."""

from __future__ import annotations

import uuid

import pytest
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import func, select

from app.db.models import Command, TicketLine
from harness.store import COLA, StoreServer, Till
from server.fields import Moment

BEYOND_64_BITS = 2**64 + 1


def refusal(response) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert body["message"], body
    return response.status_code, body["code"]


@pytest.mark.parametrize("path", ["/tickets/{big}", "/tickets/{ticket}/lines/{big}/void",
                                  "/tickets/{big}/lines", "/tickets/{ticket}/lines/{big}/quantity"])
def test_an_id_beyond_64_bits_in_a_path_is_refused_not_overflowed(till: Till, path: str) -> None:
    ticket = till.new_ticket()
    url = path.format(big=BEYOND_64_BITS, ticket=ticket)
    body = {"code": COLA, "quantity": 1, "command_id": uuid.uuid4().hex}
    response = till.get(url) if url.count("/") == 2 else till.post(url, body)
    assert refusal(response) == (422, "invalid_request")


@pytest.mark.parametrize(("field", "body"), [
    ("quantity", {"code": COLA, "quantity": BEYOND_64_BITS}),
    ("quantity", {"code": COLA, "quantity": -BEYOND_64_BITS}),
])
def test_a_number_beyond_64_bits_in_a_body_writes_nothing(store_server: StoreServer, till: Till, field: str,
                                                          body: dict) -> None:
    ticket = till.new_ticket()
    with store_server.db() as session:
        before = (session.scalar(select(func.count()).select_from(TicketLine)),
                  session.scalar(select(func.count()).select_from(Command)))
    response = till.post(f"/tickets/{ticket}/lines", {**body, "command_id": uuid.uuid4().hex})
    assert refusal(response) == (422, "invalid_request") and field in response.json()["message"]
    with store_server.db() as session:
        assert (session.scalar(select(func.count()).select_from(TicketLine)),
                session.scalar(select(func.count()).select_from(Command))) == before


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "2200-01-01"])
def test_a_day_outside_the_business_calendar_is_refused_with_its_range(till: Till, day: str) -> None:
    response = till.get("/sales", params={"day": day})
    assert refusal(response) == (422, "invalid_date")
    assert response.json()["params"] == {"field": "day", "first": "2000-01-01", "last": "2199-12-31"}
    assert "2000-01-01" in response.json()["message"] and "日期" in response.json()["message"]


@pytest.mark.parametrize(("path", "params"), [
    ("/products/lookup", {"code": "690\x001234"}), ("/stock", {"code": "\x00"}),
    ("/members/lookup", {"phone": "138\x00"}), ("/products/search", {"q": "\x1b"}),
    ("/sales", {"day": "2026-01-01", "member": "\x7f"}),
])
def test_a_control_character_in_a_query_is_refused_as_invalid_text(till: Till, path: str, params: dict) -> None:
    assert refusal(till.get(path, params=params)) == (422, "invalid_text")


@pytest.mark.parametrize("path", ["/sales/T01%00/receipt", "/sales/%1B/returnable", "/stored-value/%00",
                                  "/returns/R%00/slip"])
def test_a_control_character_in_a_path_is_refused_as_invalid_text(till: Till, path: str) -> None:
    assert refusal(till.get(path)) == (422, "invalid_text")


def test_a_repeated_query_parameter_is_read_once_and_answered(till: Till) -> None:
    response = till.http.get(till.server.api + "/sales?day=2026-01-01&total=1&total=99999999999999999999", timeout=10)
    assert refusal(response) == (422, "invalid_request")
    assert till.ok(till.http.get(till.server.api + "/sales?day=2026-01-01&day=2026-01-02", timeout=10)) == {"items": []}


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
                                    "1999-12-31T23:59:59+00:00", "2200-01-01T00:00:00"])
def test_a_moment_at_the_edge_of_the_calendar_is_refused_as_a_date_not_an_overflow(moment: str) -> None:
    """Year 1 at +14:00 has no UTC moment: converting it first answered 500 (OverflowError)."""
    with pytest.raises(ValidationError) as refused:
        TypeAdapter(Moment).validate_python(moment)
    assert refused.value.errors()[0]["type"] == "invalid_date"
