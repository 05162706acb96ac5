"""What both servers answer, documented: the base of every response model, the coded error, and the
way a hot route answers fast without drifting from its model.

Every route declares its answer as a pydantic model (``server/store/responses.py``,
``server/hq/responses.py``), so ``/openapi.json`` documents the answers, not only the requests. A
model allows no field it does not name: an answer with an undocumented field fails the tests
instead of reaching a client unannounced, and FastAPI never drops one silently.

Most routes return plain data and FastAPI validates it against the model. A route on the till's hot
path (a scan, a tender, completing a sale) returns :func:`answer` instead: the same data serialised
once, without FastAPI's validation walk over a ticket of a hundred lines. The tests start the
servers with ``OMNISTORE_CHECK_ANSWERS=1``, and then :func:`answer` validates too, so the whole
suite (and the schema fuzz) holds those answers to their model as well.
"""

from __future__ import annotations

import json
import os
from typing import Any, Literal

from fastapi import Response
from pydantic import BaseModel, ConfigDict

from app.commands import Answer

#: validate fast answers against their model (the test suite sets it; production skips the walk)
CHECK_ANSWERS = os.environ.get("OMNISTORE_CHECK_ANSWERS") == "1"


class Out(BaseModel):
    """An answer of the API: every field named, none unannounced."""

    model_config = ConfigDict(extra="forbid")


class ErrorOut(Out):
    """A refusal: a stable snake_case ``code``, its ``message`` in the caller's language
    (``Accept-Language``), the message's values in ``params``, and the few values clients read
    by name at the top level (``server.errors.PASSED_THROUGH``)."""

    code: str
    message: str
    params: dict[str, str | int | float | bool] | None = None
    action: str | None = None
    due_fen: int | None = None
    remaining: int | None = None
    expected: int | None = None
    event_id: str | None = None
    scope: str | None = None
    store: str | None = None
    max_events: int | None = None
    max_bytes: int | None = None


class HealthOut(Out):
    status: Literal["ok"]


#: every route's refusals, documented once (``include_router(..., responses=REFUSALS)``)
REFUSALS: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorOut, "description": "Refused: a coded error in the caller's language"},
}
#: a route that asks HQ on the till's behalf may also answer that HQ is out of reach or failing
HQ_FAULTS: dict[int | str, dict[str, Any]] = {
    502: {"model": ErrorOut, "description": "HQ failed to handle it (hq_error)"},
    503: {"model": ErrorOut, "description": "HQ cannot be reached (hq_unreachable)"},
}


def answer(model: type[Out], data: Any, status: int = 200) -> Response:
    """``data`` as JSON, declared by ``model`` (pass ``response_model=model`` on the route): FastAPI's
    validation walk is skipped, and done here instead when the tests ask for it. A command's
    ``Answer`` is sent as the text its row keeps, not serialised again."""
    if isinstance(data, Answer):
        text = data.text
        data = data.data
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if CHECK_ANSWERS:
        model.model_validate(data)
    return Response(text.encode(), status_code=status, media_type="application/json")
