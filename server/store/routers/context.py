"""What the back office's routers depend on: the store's state, a session, who is asking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app import auth
from app.context import Actor
from app.db.engine import reading
from app.domain.errors import DomainError
from app.messages import language_of


def store(request: Request) -> Any:
    """The running server's ``StoreState`` (``server.store.app``)."""
    return request.app.state.store


def db(request: Request) -> Iterator[Session]:
    """A session for a change: its transaction takes the write lock as it begins."""
    with store(request).sessions() as session:
        yield session


def read_db(request: Request) -> Iterator[Session]:
    """A session for a report: it reads a snapshot and never holds up a till's write."""
    with store(request).sessions() as session:
        reading(session)
        yield session


def _who(request: Request, session: Session) -> Actor:
    """The bearer token's operator, or ``unauthorized`` / ``token_expired``."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise DomainError("unauthorized", status=401)
    return auth.resolve(session, token.strip())


def reader(request: Request, session: Annotated[Session, Depends(read_db)]) -> Actor:
    """Who asks for a report; the report reads on in the same snapshot."""
    return _who(request, session)


def writer(request: Request, session: Annotated[Session, Depends(db)]) -> Actor:
    """Who asks for a change; the write lock is let go until the change begins."""
    found = _who(request, session)
    session.rollback()
    return found


def language(request: Request) -> str:
    return language_of(request.headers.get("accept-language"))


DB = Annotated[Session, Depends(db)]
ReadDB = Annotated[Session, Depends(read_db)]
Reader = Annotated[Actor, Depends(reader)]
Writer = Annotated[Actor, Depends(writer)]
Language = Annotated[str, Depends(language)]
