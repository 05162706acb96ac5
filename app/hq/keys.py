"""API keys for admins and channels (小程序, 外卖平台, ERP): bearer keys with scopes, stored hashed."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import ApiKey

ADMIN = "admin"
CATALOG_READ = "catalog:read"
SALES_READ = "sales:read"
FINANCE = "finance"  # 财务: reconciliation, closing and reopening its days, the ERP's vouchers
ORDERS_WRITE = "orders:write"
SCOPES = (ADMIN, CATALOG_READ, SALES_READ, FINANCE, ORDERS_WRITE)
KEY_PREFIX = "omk_"
SHOWN_PREFIX_CHARS = 12


def key_hash(raw: str) -> str:
    # A 256-bit random key needs no slow KDF: SHA-256 can't be brute-forced back to it.
    return hashlib.sha256(raw.encode()).hexdigest()


def parse_scopes(scopes: Iterable[str]) -> list[str]:
    wanted = [s.strip() for s in scopes if s.strip()]
    for scope in wanted:
        if scope not in SCOPES:
            raise DomainError("unknown_scope", status=422, scope=scope)
    if not wanted:
        raise DomainError("missing_field", status=422, field="scopes")
    return sorted(set(wanted), key=SCOPES.index)


def create_key(session: Session, name: str, scopes: Iterable[str]) -> tuple[ApiKey, str]:
    """A new key; the raw key is returned once and never stored."""
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(name=name.strip() or "key", prefix=raw[:SHOWN_PREFIX_CHARS], key_hash=key_hash(raw),
                 scopes=",".join(parse_scopes(scopes)), created_at=clock.now())
    session.add(key)
    session.flush()
    return key, raw


def list_keys(session: Session) -> list[ApiKey]:
    """Every API key, revoked ones too, oldest first."""
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def presented(authorization: str | None) -> str:
    """The raw key of an ``Authorization: Bearer …`` header, or 401 ``invalid_api_key``."""
    scheme, _, raw = (authorization or "").partition(" ")
    raw = raw.strip()
    if scheme.lower() != "bearer" or not raw:
        raise DomainError("invalid_api_key", status=401)
    return raw


def resolve(session: Session, authorization: str | None) -> ApiKey:
    """The live key named by an ``Authorization: Bearer …`` header, or 401 ``invalid_api_key``."""
    key = session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash(presented(authorization))))
    if key is None or key.revoked_at is not None:
        raise DomainError("invalid_api_key", status=401)
    return key


_SCOPES = select(ApiKey.scopes, ApiKey.revoked_at).where(ApiKey.key_hash == bindparam("hash"))


def require_header(session: Session, authorization: str | None, *any_of: str) -> None:
    """:func:`resolve` then :func:`require` in one Core read, for a hot path that needs no more of
    the key than its scopes (the order intake)."""
    row = session.connection().execute(_SCOPES, {"hash": key_hash(presented(authorization))}).first()
    if row is None or row.revoked_at is not None:
        raise DomainError("invalid_api_key", status=401)
    require_scopes(row.scopes, *any_of)


def require(key: ApiKey, *any_of: str) -> None:
    """403 ``insufficient_scope`` unless the key holds one of ``any_of`` (admin holds all)."""
    require_scopes(key.scopes, *any_of)


def require_scopes(scopes: str, *any_of: str) -> None:
    """403 ``insufficient_scope`` unless ``scopes`` (comma-separated) hold one of ``any_of``."""
    held = set(scopes.split(","))
    if ADMIN in held or held.intersection(any_of):
        return
    raise DomainError("insufficient_scope", status=403, scope=" | ".join(any_of))


def revoke(session: Session, key_id: int) -> ApiKey:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise DomainError("api_key_not_found", status=404, key=key_id)
    if key.revoked_at is None:
        key.revoked_at = clock.now()
    return key


def revoke_by_prefix(session: Session, prefix: str) -> ApiKey:
    """``omnistore hq revoke-key PREFIX``: the one live key whose shown prefix starts with ``prefix``."""
    prefix = prefix.strip()
    if len(prefix) < len(KEY_PREFIX) + 2:
        raise DomainError("ambiguous_key_prefix", prefix=prefix)
    pattern = prefix[:SHOWN_PREFIX_CHARS]
    found = [k for k in session.scalars(select(ApiKey).where(ApiKey.revoked_at.is_(None)))
             if k.prefix.startswith(pattern) and (len(prefix) <= SHOWN_PREFIX_CHARS or k.key_hash == key_hash(prefix))]
    if not found:
        raise DomainError("api_key_not_found", status=404, key=prefix)
    if len(found) > 1:
        raise DomainError("ambiguous_key_prefix", prefix=prefix)
    return revoke(session, found[0].id)


def key_dict(key: ApiKey) -> dict[str, object]:
    return {"id": key.id, "name": key.name, "prefix": key.prefix, "scopes": key.scopes.split(","),
            "created_at": key.created_at.isoformat(), "revoked": key.revoked_at is not None}
