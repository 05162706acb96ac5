"""Checks a signed store→HQ request (see ``app.sync.signing``) and records its nonce."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, bindparam, delete, exists, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.keyed import is_digits
from app.hq import clock
from app.hq.models import RequestNonce, Store
from app.hq.stores import secret_of
from app.sync import signing

BACKLOG_HEADER = "X-Omni-Backlog"
NONCE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# A nonce must outlive every timestamp it could be replayed with: ±window around its first use.
NONCE_TTL = timedelta(seconds=2 * signing.WINDOW_SECONDS + 60)
PRUNE_EVERY_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class SignedRequest:
    method: str
    path: str  # with the query string, exactly as sent
    headers: dict[str, str]  # lower-case names
    body: bytes


class NoncePruner:
    """Deletes expired nonces now and then, from whichever request comes along."""

    def __init__(self) -> None:
        self._last = 0.0

    def due(self) -> bool:
        now = time.monotonic()
        if now - self._last < PRUNE_EVERY_SECONDS:
            return False
        self._last = now
        return True


def verify(session: Session, request: SignedRequest, master_key: bytes, pruner: NoncePruner | None = None) -> Store:
    """The calling store, or a 401/403 ``DomainError``; commits the nonce and the store's last_seen."""
    headers = request.headers
    store_code = headers.get(signing.STORE_HEADER.lower(), "")
    timestamp = headers.get(signing.TIMESTAMP_HEADER.lower(), "")
    nonce = headers.get(signing.NONCE_HEADER.lower(), "")
    given = headers.get(signing.SIGNATURE_HEADER.lower(), "")
    at = clock.now()
    postgres = session.get_bind().dialect.name == "postgresql"
    noted = False
    if not store_code:
        store = None
    elif postgres and NONCE.match(nonce):
        store, noted = _store_noting_nonce(session, store_code, nonce, at)
    else:
        store = session.scalar(select(Store).where(Store.code == store_code))
    try:
        secret = secret_of(master_key, store) if store is not None else None
        if store is None or secret is None:
            raise DomainError("unknown_store", status=401, store=store_code[:32])
        if not signing.fresh(timestamp):
            raise DomainError("stale_request", status=401)
        if not NONCE.match(nonce) or not signing.matches(secret, request.method, request.path, timestamp, nonce,
                                                         request.body, given):
            raise DomainError("bad_signature", status=401)
        if store.disabled:
            raise DomainError("store_disabled", status=403, store=store.code)
    except DomainError:
        session.rollback()  # a refused request leaves no nonce behind
        raise
    if not noted:
        _note_nonce(session, store, nonce, at, postgres)
    if pruner is not None and pruner.due():
        session.execute(delete(RequestNonce).where(RequestNonce.seen_at < at - NONCE_TTL))
    values: dict[str, object] = {}
    backlog = headers.get(BACKLOG_HEADER.lower(), "")
    if is_digits(backlog) and len(backlog) <= 12:  # ASCII digits only: '²'.isdigit() is True
        values["backlog"] = min(int(backlog), 2**31 - 1)
    # Every request writing the store's row would queue a busy store's tills behind one row
    # lock; "last seen" to within a few seconds is all sync health needs.
    if values or _seen.due(store.id):
        session.execute(update(Store).where(Store.id == store.id).values(last_seen=at, **values))
    session.commit()
    return store


def _note_nonce(session: Session, store: Store, nonce: str, at: datetime, postgres: bool) -> None:
    if postgres:
        # The nonce's own commit need not wait for the disk: a database crash could forget the
        # last fraction of a second of nonces, and a replay must still be fresh and signed.
        # The work the request then does commits durably as usual.
        session.execute(text("SET LOCAL synchronous_commit TO OFF"))
    try:
        session.execute(insert(RequestNonce).values(store_id=store.id, nonce=nonce, seen_at=at))
    except IntegrityError:
        session.rollback()
        raise DomainError("replayed_request", status=401) from None


def _store_noting_nonce_statement() -> Select[Store, bool, str]:
    noted = (
        insert(RequestNonce)
        .from_select(["store_id", "nonce", "seen_at"],
                     select(Store.id, bindparam("nonce", type_=RequestNonce.nonce.type),
                            bindparam("seen_at", type_=RequestNonce.seen_at.type))
                     .where(Store.code == bindparam("code"), Store.secret_nonce.is_not(None), Store.disabled.is_(False)))
        .returning(RequestNonce.store_id)
        .cte("noted")
    )
    # set_config(..., is_local => true) is _note_nonce's SET LOCAL, riding along with the statement.
    return select(Store, exists(noted.select()).label("noted"),
                  func.set_config("synchronous_commit", "off", True)).where(Store.code == bindparam("code"))


_STORE_NOTING_NONCE = _store_noting_nonce_statement()


def _store_noting_nonce(session: Session, code: str, nonce: str, at: datetime) -> tuple[Store | None, bool]:
    """The store, and whether ``nonce`` is now recorded for it (only for an enrolled, enabled store):
    one round trip (PostgreSQL) where reading the store and then recording the nonce take three.
    The signature is checked afterwards, and a failing request rolls the nonce back."""
    try:
        row = session.execute(_STORE_NOTING_NONCE, {"code": code, "nonce": nonce, "seen_at": at}).one_or_none()
    except IntegrityError:
        # Seen before: a replay, unless the checks find something worse first.
        session.rollback()
        return session.scalar(select(Store).where(Store.code == code)), False
    if row is None:
        return None, False
    store, noted, _ = row
    return store, noted


class _LastSeen:
    """When each store's ``last_seen`` was last written by this process."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self._written: dict[int, float] = {}
        self._lock = threading.Lock()

    def due(self, store_id: int) -> bool:
        now = time.monotonic()
        with self._lock:
            if now - self._written.get(store_id, -self.every) < self.every:
                return False
            self._written[store_id] = now
            return True


_seen = _LastSeen()
