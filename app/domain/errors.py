"""Domain errors carry a stable snake_case ``code``; edges translate them once."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule was broken by the input. ``code`` is stable; ``params`` fill the message."""

    code: str = "domain_error"
    status: int = 400

    def __init__(self, error_code: str | None = None, *, status: int | None = None, **params: Any) -> None:
        if error_code is not None:
            self.code = error_code
        if status is not None:
            self.status = status
        self.params = params
        super().__init__(self.code, params)


class InvalidBarcode(DomainError):
    code = "invalid_barcode"


class BadCheckDigit(InvalidBarcode):
    code = "bad_check_digit"


class InvalidQuantity(DomainError):
    code = "invalid_quantity"


class InvalidAmount(DomainError):
    code = "invalid_amount"
