"""Request field types built on ``app.domain.limits``, shared by the store's and HQ's APIs, for bodies,
paths and queries alike: nothing a request carries can be wider than what the databases hold, so a
hostile value gets a coded refusal at the door instead of an overflow (or a NUL) deep inside.

- a text field is a strict string of its kind's length that refuses control characters, with a
  coded answer (``invalid_text``) that names the field;
- every integer fits a 64-bit column (SQLite's INTEGER, PostgreSQL's bigint); a row's id is
  positive too;
- a day or a moment lies within ``limits.FIRST_DAY`` … ``limits.LAST_DAY`` (``invalid_date``), and a
  moment sent without its zone is read as UTC, HQ's time, so two moments always compare.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from app.domain import limits

#: the pydantic error types of our own fields, each answered with the API code of the same name
INVALID_TEXT = "invalid_text"
INVALID_DATE = "invalid_date"


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


#: an integer in a body: strict (12.5 or "12" is refused) and within a 64-bit column
Integer = Annotated[StrictInt, Field(ge=-limits.INT8_MAX, le=limits.INT8_MAX)]
#: a row's id in a path or a query (the path's text read as an integer): positive, within a bigint
RowId = Annotated[int, Field(ge=1, le=limits.INT8_MAX)]
#: the same for one of HQ's tables whose ids are PostgreSQL ``integer`` (int4), not bigint
IntRowId = Annotated[int, Field(ge=1, le=limits.INT4_MAX)]
#: a count or an amount in a query (the query's text read as an integer): 0 or more, within a bigint
Count = Annotated[int, Field(ge=0, le=limits.INT8_MAX)]


def _within_days(day: date) -> date:
    if not limits.FIRST_DAY <= day <= limits.LAST_DAY:
        raise PydanticCustomError(INVALID_DATE, "a date from {first} to {last}",
                                  {"first": limits.FIRST_DAY.isoformat(), "last": limits.LAST_DAY.isoformat()})
    return day


def _within_moments(moment: datetime) -> datetime:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    _within_days(moment.date())  # first as written: year 1 at +14:00 has no UTC (OverflowError)
    _within_days(moment.astimezone(UTC).date())
    return moment


#: a calendar day: a business day, a report's first or last day
Day = Annotated[date, AfterValidator(_within_days)]
#: a moment (a coupon's validity, a campaign's run), always with its zone
Moment = Annotated[datetime, AfterValidator(_within_moments)]


_LOCATIONS = ("body", "query", "path", "header")


def coded_refusal(error: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The API's code and params for one of pydantic's errors when it is one of ours, else None."""
    kind = error.get("type")
    if kind not in (INVALID_TEXT, INVALID_DATE):
        return None
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in _LOCATIONS) or "?"
    context = error.get("ctx") or {}
    if kind == INVALID_TEXT:
        return INVALID_TEXT, {"field": where, "limit": context.get("limit", 0)}
    return INVALID_DATE, {"field": where, "first": context.get("first", ""), "last": context.get("last", "")}
