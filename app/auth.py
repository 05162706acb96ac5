"""Operator login with PIN (lockout after repeated failures), sessions and supervisor overrides."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app import clock
from app.context import ROLE_RANK, Actor, OverrideRequest
from app.db.models import Operator, Override, SessionToken, Till
from app.domain.errors import DomainError
from app.security import hash_pin, new_token, token_hash, verify_pin
from app.settings import StoreSettings


def _check_pin(session: Session, operator: Operator | None, pin: str, settings: StoreSettings) -> Operator:
    """Verify a PIN, counting failures; the failure count is committed even though we raise."""
    moment = clock.now()
    if operator is None or not operator.active:
        # Same cost as a real check, so codes can't be probed by timing.
        verify_pin(_DUMMY_HASH, pin)
        raise DomainError("bad_credentials", status=401, remaining=settings.max_failed_pins)
    if operator.locked_until is not None and operator.locked_until > moment:
        minutes = max(1, round((operator.locked_until - moment).total_seconds() / 60))
        raise DomainError("locked_out", status=423, minutes=minutes)
    if not verify_pin(operator.pin_hash, pin):
        operator.failed_attempts += 1
        remaining = settings.max_failed_pins - operator.failed_attempts
        if remaining <= 0:
            operator.failed_attempts = 0
            operator.locked_until = moment + timedelta(seconds=settings.lockout_seconds)
            session.commit()
            raise DomainError("locked_out", status=423, minutes=max(1, settings.lockout_seconds // 60))
        session.commit()
        raise DomainError("bad_credentials", status=401, remaining=remaining)
    operator.failed_attempts = 0
    operator.locked_until = None
    return operator


_DUMMY_HASH = hash_pin("0000")


def login(session: Session, till: str, code: str, pin: str, settings: StoreSettings) -> tuple[str, Actor]:
    if session.get(Till, till) is None:
        raise DomainError("unknown_till", status=404, till=till)
    operator = session.scalar(select(Operator).where(Operator.code == code))
    operator = _check_pin(session, operator, pin, settings)
    token = new_token()
    moment = clock.now()
    session.add(
        SessionToken(
            token_hash=token_hash(token),
            operator_id=operator.id,
            till=till,
            created_at=moment,
            expires_at=moment + timedelta(seconds=settings.token_ttl_seconds),
        )
    )
    session.commit()
    return token, _actor(operator, till)


def logout(session: Session, token: str) -> None:
    row = session.get(SessionToken, token_hash(token))
    if row is not None:
        row.revoked = True
        session.commit()


# Every call of a till carries its token: one indexed read answers who it is.
_RESOLVE = (select(SessionToken.revoked, SessionToken.expires_at, SessionToken.till, Operator.id, Operator.code,
                   Operator.name, Operator.role, Operator.active)
            .join(Operator, Operator.id == SessionToken.operator_id)
            .where(SessionToken.token_hash == bindparam("token_hash")))


def resolve(session: Session, token: str) -> Actor:
    """Who holds ``token`` (a till's bearer token), or ``unauthorized`` / ``token_expired``."""
    row = session.execute(_RESOLVE, {"token_hash": token_hash(token)}).first()
    if row is None or row.revoked or not row.active:
        raise DomainError("unauthorized", status=401)
    if row.expires_at <= clock.now():
        raise DomainError("token_expired", status=401)
    return Actor(row.id, row.code, row.name, row.role, row.till)


def _actor(operator: Operator, till: str) -> Actor:
    return Actor(operator.id, operator.code, operator.name, operator.role, till)


def authorise(
    session: Session,
    actor: Actor,
    action: str,
    needed_role: str,
    override: OverrideRequest | None,
    settings: StoreSettings,
    *,
    ticket_id: int | None = None,
    line_id: int | None = None,
    detail: str = "",
) -> Override:
    """Record who allowed ``action``: the actor if senior enough, else the override's operator."""
    if actor.at_least(needed_role):
        authoriser_id = actor.operator_id
    elif override is None:
        raise DomainError("override_required", status=403, action=action)
    else:
        operator = session.scalar(select(Operator).where(Operator.code == override.operator))
        try:
            operator = _check_pin(session, operator, override.pin, settings)
        except DomainError as error:
            if error.code == "locked_out":
                raise
            raise DomainError("override_denied", status=403, action=action) from error
        if ROLE_RANK[operator.role] < ROLE_RANK[needed_role]:
            raise DomainError("override_denied", status=403, action=action)
        authoriser_id = operator.id
    record = Override(
        action=action,
        till=actor.till,
        ticket_id=ticket_id,
        line_id=line_id,
        requested_by=actor.operator_id,
        authorised_by=authoriser_id,
        detail=detail,
        at=clock.now(),
    )
    session.add(record)
    return record


#: till screens that need a senior operator's PIN before anyone is logged in
LOCAL_ACTIONS = {"diagnostics": "supervisor"}


def authorise_local(session: Session, till: str, code: str, pin: str, action: str, settings: StoreSettings) -> Actor:
    """A supervisor opening a till screen from the login screen (设备诊断); recorded like any override."""
    if session.get(Till, till) is None:
        raise DomainError("unknown_till", status=404, till=till)
    needed = LOCAL_ACTIONS.get(action)
    if needed is None:
        raise DomainError("invalid_request", detail=f"action {action}")
    operator = _check_pin(session, session.scalar(select(Operator).where(Operator.code == code)), pin, settings)
    if ROLE_RANK[operator.role] < ROLE_RANK[needed]:
        session.commit()  # the reset failure count stands
        raise DomainError("override_denied", status=403, action=action)
    session.add(Override(action=action, till=till, requested_by=operator.id, authorised_by=operator.id,
                         detail="", at=clock.now()))
    session.commit()
    return _actor(operator, till)


def create_operator(session: Session, code: str, name: str, role: str, pin: str) -> Operator:
    if role not in ROLE_RANK:
        raise DomainError("invalid_request", detail=f"role {role}")
    operator = Operator(code=code, name=name, role=role, pin_hash=hash_pin(pin), failed_attempts=0)
    session.add(operator)
    return operator
