"""Request field types built on ``app.domain.limits``, shared by the store's and HQ's APIs: a text
field is a strict string of its kind's length that refuses control characters, with a coded answer
(``invalid_text``) that names the field."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictStr
from pydantic_core import PydanticCustomError

from app.domain import limits

#: the pydantic error type a refused text carries, turned into the API's ``invalid_text`` code
INVALID_TEXT = "invalid_text"


def _refusing_control_characters(longest: int) -> AfterValidator:
    def check(value: str) -> str:
        if limits.has_control_characters(value):
            raise PydanticCustomError(INVALID_TEXT, "control characters are not allowed", {"limit": longest})
        return value

    return AfterValidator(check)


def text(limit: limits.TextLimit, *, min_length: int | None = None, max_length: int | None = None) -> Any:
    """A text field of ``limit``'s kind (its length bounds unless the field says otherwise)."""
    longest = limit.max_length if max_length is None else max_length
    return Annotated[StrictStr, Field(min_length=limit.min_length if min_length is None else min_length,
                                      max_length=longest), _refusing_control_characters(longest)]


def coded_refusal(error: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The API's code and params for one of pydantic's errors when it is one of ours, else None."""
    if error.get("type") != INVALID_TEXT:
        return None
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return INVALID_TEXT, {"field": where or "?", "limit": (error.get("ctx") or {}).get("limit", 0)}
