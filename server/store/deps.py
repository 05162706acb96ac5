"""What the store's routes depend on: the store's state, a database session, the signed-in actor,
and the idempotent command runner."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from app import auth, commands, loyalty, o2o, outside, paycode_topups, paycodes, reports, store_config, transfers
from app.catalog import Catalog
from app.context import Actor, OverrideRequest
from app.db.engine import Checkpointer, ensure_parent, make_engine, make_session_factory, reading, relaxed
from app.db.migrate import upgrade
from app.domain.errors import DomainError
from app.settings import StoreSettings
from app.sync import config as sync_config
from app.sync.hq_client import HqClient
from app.sync.o2o import O2OLink
from app.sync.worker import SyncWorker
from app.tickets import Tickets
from server.store import schemas


class StoreState:
    """One store server's long-lived parts: settings, the database, the search index, the sync worker."""

    def __init__(self, settings: StoreSettings) -> None:
        #: the environment's settings: the defaults the manager's own (设置) override
        self.defaults = settings
        self.settings = settings
        ensure_parent(settings.database_path)
        self.engine = make_engine(settings.database_url, background_checkpoints=True)
        self.checkpointer = Checkpointer(self.engine)
        upgrade(self.engine)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)
        self.reload_settings()
        with self.sessions() as session:  # a store upgraded with sales already made: their summaries
            reports.backfill_summaries(session)
        reports.listen(self.sessions)
        o2o.listen(self.sessions)
        self.tickets = Tickets(self.sessions)
        self.catalog = Catalog()
        self.sync: SyncWorker | None = None
        self.o2o: O2OLink | None = None
        self.resumer = outside.Resumer(self.sessions)
        #: 付款码: the providers (credentials read when first needed) and the worker following attempts
        self.paycode_timing = paycodes.Timing.from_env()
        self.providers = paycodes.Providers(settings.home)
        self.paycodes = paycodes.PaycodeWorker(
            self.sessions, self.tickets, self.providers, self.paycode_timing, lambda: self.settings,
            also=lambda: paycode_topups.credit_due(self.sessions, self.hq, self.paycode_timing))

    def reload_settings(self) -> None:
        """The settings with the manager's changes applied; requests from now on use them (every
        route reads them through ``Settings``, per request)."""
        with self.sessions() as session:
            self.settings = store_config.effective(session, self.defaults)

    def start_sync(self) -> None:
        self.checkpointer.start()
        loyalty.register_undos(self.hq())
        transfers.register_undos(self.hq())
        self.resumer.start()
        self.paycodes.start()
        config = sync_config.load(self.settings.home)
        if config is not None and self.sync is None:
            self.sync = SyncWorker(self.sessions, config)
            self.sync.start()
            self.o2o = O2OLink(self.sessions, HqClient(config))
            self.o2o.start()

    def store_code(self) -> str:
        """The store's code as HQ knows it ("" before enrolment): a payment's device_info names it."""
        config = self.sync.config if self.sync is not None else sync_config.load(self.settings.home)
        return config.store_code if config is not None else ""

    def hq(self) -> HqClient | None:
        """A signed client for HQ when the store is enrolled (members, coupons, stored value)."""
        config = self.sync.config if self.sync is not None else sync_config.load(self.settings.home)
        return HqClient(config) if config is not None else None

    def stop_sync(self) -> None:
        self.checkpointer.stop()
        self.resumer.stop()
        self.paycodes.stop()
        if self.o2o is not None:
            self.o2o.stop()
        if self.sync is not None:
            self.sync.stop()


# The dependencies that touch no database and wait for nothing are ``async``: FastAPI runs each
# plain ``def`` dependency on a worker thread of its own, and on the till's hot path those hops
# (state, settings, the session's opening and closing) cost more than the work they wrap.


def store_state(request: Request) -> StoreState:
    return request.app.state.store  # type: ignore[no-any-return]


async def _state(request: Request) -> StoreState:
    return store_state(request)


State = Annotated[StoreState, Depends(_state)]


async def store_settings(state: State) -> StoreSettings:
    return state.settings


Settings = Annotated[StoreSettings, Depends(store_settings)]


async def db(state: State) -> AsyncIterator[Session]:
    """The request's session. Opening one connects to nothing (the first statement, on the route's
    thread, does), and closing it only hands its connection back to the pool."""
    with state.sessions() as session:
        yield session


DB = Annotated[Session, Depends(db)]


def read_db(state: State) -> Iterator[Session]:
    """A session for a report: it begins DEFERRED and reads a snapshot, never holding up a till's write."""
    with state.sessions() as session:
        reading(session)
        yield session


ReadDB = Annotated[Session, Depends(read_db)]


def actor(request: Request, session: DB) -> Actor:
    """The operator behind the bearer token, at their till."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise DomainError("unauthorized", status=401)
    reading(session)  # a read of the token: no write lock for it, the command's own transaction takes that
    found = auth.resolve(session, token.strip())
    session.rollback()
    return found


Who = Annotated[Actor, Depends(actor)]


def reader(request: Request, session: ReadDB) -> Actor:
    """Who asks for a report; the report reads on in the same snapshot."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise DomainError("unauthorized", status=401)
    return auth.resolve(session, token.strip())


Reader = Annotated[Actor, Depends(reader)]


async def language(request: Request) -> str:
    from app.messages import language_of

    return language_of(request.headers.get("accept-language"))


Language = Annotated[str, Depends(language)]


def bearer_token(request: Request) -> str:
    return request.headers["authorization"].partition(" ")[2].strip()


# ---- the till's hot path -------------------------------------------------------------------
# A scan, a tender, a completion: one hop to a worker thread in all. The token is only taken
# from its header up front (no database, no thread); whose it is, the route's own transaction
# reads — the one that makes the change — so a token revoked, expired or of an operator locked
# out is refused by the very command it comes with, and the call costs no second transaction.


async def bearer(request: Request) -> str:
    """The call's bearer token (401 ``unauthorized`` without one), not yet checked."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise DomainError("unauthorized", status=401)
    return token.strip()


Bearer = Annotated[str, Depends(bearer)]


def till_command(request: Request, token: str, command_id: str | None, action: str, payload: dict[str, Any],
                 change: Callable[[Session, Actor, StoreState], dict[str, Any]], *,
                 moves_money: bool = True) -> commands.Answer:
    """``command`` for a till's call on its ticket, in one transaction on the route's thread:
    the token is resolved in the transaction that runs ``change``."""
    state = store_state(request)
    with state.sessions() as session:
        if not moves_money:
            relaxed(session)
        who = auth.resolve(session, token)
        if command_id is None:
            return commands.Answer.of(commands.apply(session, lambda: change(session, who, state)))
        return commands.run_answer(session, who, command_id, action, payload, lambda: change(session, who, state))


def who_is(state: StoreState, token: str) -> Actor:
    """Whose ``token`` is, read in a transaction of its own (for a call that runs several)."""
    with state.sessions() as session:
        reading(session)
        return auth.resolve(session, token)


def command(session: Session, who: Actor, command_id: str | None, action: str, payload: dict[str, Any],
            change: Callable[[], dict[str, Any]], *, moves_money: bool = True) -> dict[str, Any]:
    """Run a state-changing call once per ``command_id`` (a repeat answers what the first did).

    Only a few calls may come without an id (opening a shift or a ticket): their own rule — one
    open shift, one open ticket per till — is what keeps a retry of those harmless. A step that
    ``moves_money`` False may commit without an fsync (``app.db.engine.relaxed``)."""
    if not moves_money:
        relaxed(session)
    if command_id is None:
        return commands.apply(session, change)
    return commands.run(session, who, command_id, action, payload, change)


def override(body: schemas.OverridableIn) -> OverrideRequest | None:
    """The supervisor's or manager's code and PIN sent along with a call that needs one."""
    return OverrideRequest(body.override.operator, body.override.pin) if body.override else None
