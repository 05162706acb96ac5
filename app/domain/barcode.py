"""Barcodes (条码): GS1 check digits and the store's price/weight-embedded codes (店内码)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.domain.errors import BadCheckDigit, InvalidBarcode
from app.domain.keyed import is_digits, normalise_code

MAX_CODE_LENGTH = 32


class CodeKind(enum.StrEnum):
    EAN13 = "ean13"
    EAN8 = "ean8"
    UPCA = "upca"
    ITF14 = "itf14"
    IN_STORE = "in_store"  # 店内码: PLU + price or weight, printed by the store's scale
    PLU = "plu"  # short code typed by the cashier
    SKU = "sku"  # the store's own item code (letters allowed)


class EmbeddedValue(enum.StrEnum):
    PRICE = "price"  # total price in fen
    WEIGHT = "weight"  # weight in grams


@dataclass(frozen=True, slots=True)
class InStoreLayout:
    """How the store's scale lays out a 13-digit in-store barcode.

    ``prefix`` + PLU (``plu_digits``) + value (``value_digits``) + EAN check digit.
    """

    prefixes: tuple[str, ...] = ("2",)
    plu_digits: int = 6
    value_digits: int = 5
    value: EmbeddedValue = EmbeddedValue.PRICE

    def __post_init__(self) -> None:
        for prefix in self.prefixes:
            if not is_digits(prefix) or len(prefix) + self.plu_digits + self.value_digits + 1 != 13:
                raise ValueError("in-store layout must add up to 13 digits")


@dataclass(frozen=True, slots=True)
class ScannedCode:
    """What a scanned or typed code says, before it is looked up."""

    kind: CodeKind
    code: str  # the code to look up (PLU for in-store codes)
    embedded_price: int | None = None
    embedded_weight: int | None = None


def gs1_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for ``body`` (all digits, without the check digit)."""
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = ord(char) - 48
        total += digit * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    return is_digits(code) and len(code) >= 2 and gs1_check_digit(code[:-1]) == int(code[-1])


def with_check_digit(body: str) -> str:
    return body + str(gs1_check_digit(body))


_GS1_KINDS = {8: CodeKind.EAN8, 12: CodeKind.UPCA, 13: CodeKind.EAN13, 14: CodeKind.ITF14}


def parse_code(raw: str, layout: InStoreLayout | None = None) -> ScannedCode:
    """Classify a scanned or typed code. A GS1 length with a wrong check digit is an error,
    never a lookup of something else. Full-width (全角) input is read as its ASCII twin."""
    layout = layout or InStoreLayout()
    code = normalise_code(raw)
    if not code or len(code) > MAX_CODE_LENGTH or not code.isascii() or not code.isprintable():
        raise InvalidBarcode(code=raw[:MAX_CODE_LENGTH])
    if not code.isdigit():
        if not code.replace("-", "").replace("_", "").isalnum():
            raise InvalidBarcode(code=raw[:MAX_CODE_LENGTH])
        return ScannedCode(CodeKind.SKU, code.upper())
    if len(code) <= 6:
        return ScannedCode(CodeKind.PLU, code)
    kind = _GS1_KINDS.get(len(code))
    if kind is None:
        raise InvalidBarcode(code=code)
    if not has_valid_check_digit(code):
        raise BadCheckDigit(code=code)
    if kind is CodeKind.EAN13:
        for prefix in layout.prefixes:
            if code.startswith(prefix):
                return _parse_in_store(code, prefix, layout)
    return ScannedCode(kind, code)


def _parse_in_store(code: str, prefix: str, layout: InStoreLayout) -> ScannedCode:
    start = len(prefix)
    plu = code[start : start + layout.plu_digits].lstrip("0") or "0"
    value = int(code[start + layout.plu_digits : start + layout.plu_digits + layout.value_digits])
    if layout.value is EmbeddedValue.PRICE:
        return ScannedCode(CodeKind.IN_STORE, plu, embedded_price=value)
    return ScannedCode(CodeKind.IN_STORE, plu, embedded_weight=value)


def make_in_store_code(plu: str, value: int, layout: InStoreLayout | None = None) -> str:
    """What the scale prints for ``plu`` and ``value`` (fen or grams)."""
    layout = layout or InStoreLayout()
    if not is_digits(plu) or len(plu) > layout.plu_digits or not 0 <= value < 10**layout.value_digits:
        raise InvalidBarcode(code=plu)
    body = layout.prefixes[0] + plu.zfill(layout.plu_digits) + str(value).zfill(layout.value_digits)
    return with_check_digit(body)
