"""HQ's door for codes: a phone typed in full-width registers and finds the member under its ASCII
digits; digits of another script are an invalid phone; a superscript digit in a signed header or a
card number is a coded refusal, never a 500."""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

from harness.hq import Admin, Store

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def a_phone() -> str:
    return "137" + f"{uuid.uuid4().int % 10**8:08d}"


def test_a_full_width_phone_registers_and_finds_the_member_under_its_ascii_digits(admin: Admin, store: Store) -> None:
    number = a_phone()
    made = store.send("POST", "/loyalty/members", json.dumps({"phone": number.translate(FULL_WIDTH),
                                                               "name": "周杰"}).encode())
    assert made.status_code == 200, made.text
    assert made.json()["phone"] == number[:3] + "****" + number[-4:]
    found = store.send("GET", f"/loyalty/members?phone={quote(number)}").json()
    assert found["member_no"] == made.json()["member_no"]
    again = store.send("GET", f"/loyalty/members?phone={quote(number.translate(FULL_WIDTH))}").json()
    assert again["member_no"] == made.json()["member_no"]


def test_a_phone_in_arabic_indic_digits_is_an_invalid_phone(store: Store) -> None:
    number = a_phone()
    for typed in (number.translate(ARABIC_INDIC), number[:3] + number[3:].translate(ARABIC_INDIC)):
        answer = store.send("POST", "/loyalty/members", json.dumps({"phone": typed}).encode())
        assert answer.status_code == 422 and answer.json()["code"] == "invalid_phone", typed
    # A control character is refused at the door (app.domain.limits), whatever the field: the store
    # strips a scanner's Enter before it asks.
    newline = store.send("POST", "/loyalty/members", json.dumps({"phone": a_phone() + "\n"}).encode())
    assert newline.status_code == 422 and newline.json()["code"] == "invalid_text"


def test_a_superscript_digit_in_a_signed_header_is_refused_not_a_500(store: Store) -> None:
    stale = store.send("GET", "/sync/feed?cursor=0", headers={"X-Omni-Timestamp": "\u00b2"})
    assert stale.status_code == 401 and stale.json()["code"] == "stale_request"
    fine = store.send("GET", "/sync/feed?cursor=0", headers={"X-Omni-Backlog": "\u00b2\u00b3"})
    assert fine.status_code == 200, fine.text


def test_a_gift_card_number_of_superscript_digits_is_not_found_not_a_500(store: Store) -> None:
    answer = store.send("GET", "/loyalty/gift-cards/" + quote("²" * 16))
    assert 400 <= answer.status_code < 500 and set(answer.json()) >= {"code", "message"}, answer.text
