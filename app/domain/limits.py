"""上限: how long a text and how big a number may be, stated once, from the till's door to HQ's columns.

The store's request schemas, HQ's request schemas and tables, and HQ's reading of a store's events
all take their limits from here. So a value the store accepts is a value HQ can keep: a sale the
store took can never stop the store's sync stream at HQ.

Text of every kind refuses control characters (C0, DEL, C1) and lone surrogates: PostgreSQL cannot
keep NUL in text, and none of them is anything a cashier means to type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.domain.errors import DomainError

#: PostgreSQL ``integer`` (int4): the widest value an ``Integer`` column of HQ holds
INT4_MAX = 2**31 - 1
#: PostgreSQL ``bigint`` (int8), and SQLite's INTEGER: no integer that reaches a database is wider
INT8_MAX = 2**63 - 1

#: the days a business day, a report's range or a coupon's validity may name: wide enough for any
#: sale, report or campaign, narrow enough that a day after the last or before the first (a
#: report's ``to`` + 1, a card's anniversary) is still a date the databases and Python hold
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2199, 12, 31)


@dataclass(frozen=True, slots=True)
class TextLimit:
    """A kind of text (a till code, a SKU, a reason typed at the till): its length in characters."""

    kind: str
    max_length: int
    min_length: int = 1


TILL = TextLimit("till", 16)
OPERATOR = TextLimit("operator", 16)
PIN = TextLimit("pin", 16)
STORE = TextLimit("store", 16)
STORE_GROUP = TextLimit("group", 32)
#: a client-made id: command ids, event ids, ledger refs
ID = TextLimit("id", 64)
REF = TextLimit("ref", 64)
EVENT_KIND = TextLimit("kind", 32)
#: a word of the API's own vocabulary: an action to authorise, a stock movement's reason
KEYWORD = TextLimit("keyword", 32)
#: what a cashier scans or types to find goods: barcode, PLU or in-store code
CODE = TextLimit("code", 64)
BARCODE = TextLimit("barcode", 32)
SKU = TextLimit("sku", 32)
SALE_ID = TextLimit("sale_id", 32)
TRANSFER_NO = TextLimit("transfer_no", 40)
TENDER_METHOD = TextLimit("method", 16)
COUPON = TextLimit("coupon", 32)
CARD = TextLimit("card", 24)
MEMBER_NO = TextLimit("member_no", 20)
PHONE = TextLimit("phone", 20)
#: a person's, a store's, a category's name; a product's spec and brand
NAME = TextLimit("name", 64)
PRODUCT_NAME = TextLimit("product_name", 128)
#: what an operator types as a reason or note at the till (退货原因, 收货备注)
NOTE = TextLimit("note", 64, min_length=0)
#: what a store manager writes when marking a conflict handled (已处理)
RESOLUTION_NOTE = TextLimit("resolution", 200)

#: one price, line, tender or payment: ¥9,999,999.99 (inside int4 with room for a sign)
MAX_AMOUNT = 999_999_999
#: pieces on one line, and grams on one weighed line (99.999 kg)
MAX_PIECES = 9_999
MAX_GRAMS = 99_999
#: lines on one ticket, voided ones included: bounds a sale's size, item count and total
MAX_LINES = 500
#: a ticket's subtotal or total: every line at the most (HQ keeps it in a bigint)
MAX_TICKET_AMOUNT = MAX_LINES * MAX_AMOUNT
#: pieces on one ticket (HQ keeps the count in an int4)
MAX_ITEM_COUNT = MAX_LINES * MAX_PIECES
#: one stock movement of one SKU: far above any shelf, and a million of them still sum inside a bigint
MAX_STOCK_DELTA = 10**12

# C0 controls, DEL and C1 controls (Unicode category Cc), and UTF-16 surrogates (Cs)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class InvalidText(DomainError):
    """A text of ``kind`` is not a string, too short or long, or holds a control character."""

    code = "invalid_text"
    status = 422


class InvalidNumber(DomainError):
    """A number of ``kind`` is not an integer, or beyond its limit."""

    code = "invalid_number"
    status = 422


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds a control character (NUL, ESC, DEL, C1…) or a lone surrogate."""
    return _CONTROL.search(text) is not None


def check_text(value: object, limit: TextLimit) -> str:
    """``value`` as a text of ``limit``'s kind, or :class:`InvalidText`."""
    if not isinstance(value, str) or not limit.min_length <= len(value) <= limit.max_length \
            or has_control_characters(value):
        raise InvalidText(field=limit.kind, limit=limit.max_length)
    return value


def check_number(value: object, maximum: int, kind: str, *, signed: bool = True) -> int:
    """An integer (never a bool) within ±``maximum`` (0…``maximum`` unless ``signed``), or :class:`InvalidNumber`."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > maximum or (value < 0 and not signed):
        raise InvalidNumber(field=kind, limit=maximum)
    return value


def check_line_count(lines: int) -> int:
    """A ticket may hold at most :data:`MAX_LINES` lines."""
    if lines > MAX_LINES:
        raise DomainError("ticket_full", status=409, limit=MAX_LINES)
    return lines
