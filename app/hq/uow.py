"""One HQ use case, one transaction: committed when it returns, rolled back when it raises.

HQ's step functions (``loyalty.spend``, ``stores.create_store``…) join their caller's transaction,
so a bigger job built from them — an event batch's ingest, the demo seed — stays atomic. The
entry points a request or a command runs are those steps wrapped here (see ``app.hq.services``):
the commit lives in the use case, never in a route."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

P = ParamSpec("P")
R = TypeVar("R")


def transaction(step: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Session, P], R]:
    """``step`` as a whole transaction of its own on the session it is given."""

    @wraps(step)
    def run(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            result = step(session, *args, **kwargs)
            session.commit()
        except BaseException:
            session.rollback()
            raise
        return result

    return run
