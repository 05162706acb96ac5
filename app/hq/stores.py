"""Stores (门店): creation, one-time enrolment codes (开通码), the per-store signing secret.

The secret is never stored. At enrolment HQ draws a random nonce for the store and keeps that;
the secret is ``HMAC-SHA256(master key, "store-secret\\n" + store code + "\\n" + nonce)``. A copy of
the database alone can't sign as a store; re-enrolling draws a new nonce, which retires the old
secret at once. The master key comes from ``OMNISTORE_HQ_SECRET_KEY`` or ``<hq home>/secret.key``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import changes, clock
from app.hq.models import EnrolmentCode, Store

STORE_CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
# No 0/O, 1/I: the code is read out over the phone and typed at the store.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_LEN = 4


def derive_secret(master_key: bytes, store_code: str, nonce: str) -> str:
    message = f"store-secret\n{store_code}\n{nonce}".encode()
    return hmac.new(master_key, message, hashlib.sha256).hexdigest()


def secret_of(master_key: bytes, store: Store) -> str | None:
    return derive_secret(master_key, store.code, store.secret_nonce) if store.secret_nonce else None


def store_dict(store: Store) -> dict[str, object]:
    return {"code": store.code, "name": store.name, "group": store.group, "disabled": store.disabled,
            "enrolled": store.secret_nonce is not None}


def list_stores(session: Session) -> list[Store]:
    """Every store of the chain, by code."""
    return list(session.scalars(select(Store).order_by(Store.code)))


def get_store(session: Session, code: str, *, lock: bool = False) -> Store:
    query = select(Store).where(Store.code == code)
    store = session.scalar(query.with_for_update() if lock else query)
    if store is None:
        raise DomainError("store_not_found", status=404, store=code)
    return store


def _check_text(field: str, value: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise DomainError("missing_field", status=422, field=field)
    if len(value) > limit or not value.isprintable():
        raise DomainError("invalid_field", status=422, field=field, value=value[:40])
    return value


def create_store(session: Session, code: str, name: str, group: str) -> Store:
    """A new store, announced on the feed. Enrol it with ``issue_enrolment_code``."""
    if not STORE_CODE.match(code):
        raise DomainError("invalid_store_code", status=422, store=code)
    name = _check_text("name", name, 64)
    group = _check_text("group", group, 32)
    if session.scalar(select(Store.id).where(Store.code == code)) is not None:
        raise DomainError("store_exists", status=409, store=code)
    store = Store(code=code, name=name, group=group, disabled=False, created_at=clock.now(), last_seq=0)
    session.add(store)
    session.flush()
    changes.record(session, [changes.ChangeRow("store", code, {"code": code, "name": name, "group": group})])
    return store


def _normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _code_hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedCode:
    code: str
    expires_at: datetime


def issue_enrolment_code(session: Session, store_code: str, ttl_seconds: int) -> IssuedCode:
    """A fresh one-time code; earlier unused codes of the store stop working."""
    store = get_store(session, store_code)
    if store.disabled:
        raise DomainError("store_disabled", status=403, store=store.code)
    at = clock.now()
    session.execute(update(EnrolmentCode).where(EnrolmentCode.store_id == store.id, EnrolmentCode.used_at.is_(None))
                    .values(used_at=at))
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LEN))
    code = "-".join(raw[i : i + CODE_GROUP_LEN] for i in range(0, len(raw), CODE_GROUP_LEN))
    expires = at + timedelta(seconds=ttl_seconds)
    session.add(EnrolmentCode(code_hash=_code_hash(code), store_id=store.id, created_at=at, expires_at=expires))
    session.flush()
    return IssuedCode(code, expires)


@dataclass(frozen=True, slots=True)
class Enrolment:
    store_code: str
    store_name: str
    group: str
    secret: str

    def as_dict(self) -> dict[str, str]:
        return {"store_code": self.store_code, "store_name": self.store_name, "group": self.group,
                "secret": self.secret}


def enroll(session: Session, code: str, master_key: bytes) -> Enrolment:
    """Exchange a one-time code for the store's signing secret. The caller commits."""
    bad = DomainError("bad_enrolment_code", status=401)
    if not code or len(code) > 64:
        raise bad
    row = session.scalar(select(EnrolmentCode).where(EnrolmentCode.code_hash == _code_hash(code)).with_for_update())
    at = clock.now()
    if row is None or row.used_at is not None or clock.aware(row.expires_at) <= at:
        raise bad
    store = session.get(Store, row.store_id, with_for_update=True)
    assert store is not None
    if store.disabled:
        raise DomainError("store_disabled", status=403, store=store.code)
    row.used_at = at
    store.secret_nonce = secrets.token_hex(16)
    store.enrolled_at = at
    secret = derive_secret(master_key, store.code, store.secret_nonce)
    return Enrolment(store.code, store.name, store.group, secret)


def set_disabled(session: Session, store_code: str, disabled: bool) -> Store:
    store = get_store(session, store_code, lock=True)
    store.disabled = disabled
    return store
