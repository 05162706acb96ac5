"""Operator login with PIN (lockout after repeated failures), sessions and supervisor overrides."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, delete, select
from sqlalchemy.orm import Session

from app import audit, clock
from app.context import Actor, OverrideRequest
from app.db import driver
from app.db.models import LoginFailure, Operator, Override, SessionToken, Till
from app.domain.errors import DomainError
from app.domain.roles import ROLE_RANK
from app.security import hash_pin, new_token, token_hash, verify_pin
from app.settings import StoreSettings

_DUMMY_HASH = hash_pin("0000")
#: how long wrong PINs for an unknown code are remembered (a real code's are until it logs in)
UNKNOWN_CODE_MEMORY = timedelta(days=1)


def _check_pin(session: Session, code: str, pin: str, settings: StoreSettings) -> Operator:
    """Verify a login PIN, counting failures per operator code; the count is committed though we raise.

    An unknown (or inactive) code is counted and locked out as a real one is, and costs the same
    Argon2 check: neither the answer, its ``remaining``, nor its timing tells the codes apart.
    """
    moment = clock.now()
    operator = _let_in(session.scalar(select(Operator).where(Operator.code == code)))
    counter: Operator | LoginFailure = operator if operator is not None else _unknown_code(session, code, moment)
    if counter.locked_until is not None and counter.locked_until > moment:
        minutes = max(1, round((counter.locked_until - moment).total_seconds() / 60))
        raise DomainError("locked_out", status=423, minutes=minutes)
    right = verify_pin(operator.pin_hash if operator is not None else _DUMMY_HASH, pin)
    if operator is None or not right:
        counter.failed_attempts += 1
        remaining = settings.max_failed_pins - counter.failed_attempts
        if remaining <= 0:
            counter.failed_attempts = 0
            counter.locked_until = moment + timedelta(seconds=settings.lockout_seconds)
            session.commit()
            raise DomainError("locked_out", status=423, minutes=max(1, settings.lockout_seconds // 60))
        session.commit()
        raise DomainError("bad_credentials", status=401, remaining=remaining)
    operator.failed_attempts = 0
    operator.locked_until = None
    return operator


def _let_in(operator: Operator | None) -> Operator | None:
    """The operator, or None for one no longer active (answered as an unknown code is)."""
    return operator if operator is not None and operator.active else None


def _unknown_code(session: Session, code: str, moment: datetime) -> LoginFailure:
    """The failure count of a code no operator has; codes tried long ago are forgotten."""
    row = session.get(LoginFailure, code)
    if row is None:
        session.execute(delete(LoginFailure).where(LoginFailure.updated_at < moment - UNKNOWN_CODE_MEMORY))
        row = LoginFailure(code=code, failed_attempts=0, locked_until=None, updated_at=moment)
        session.add(row)
    row.updated_at = moment
    return row


def login(session: Session, till: str, code: str, pin: str, settings: StoreSettings) -> tuple[str, Actor]:
    if session.get(Till, till) is None:
        raise DomainError("unknown_till", status=404, till=till)
    operator = _check_pin(session, code, pin, settings)
    _let_in_now(session, operator)
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


def _let_in_now(session: Session, operator: Operator) -> None:
    """The right PIN, yet not in: the manager locked the operator (停用), or reset their PIN and
    they must choose a new one first (``app.staff.change_pin``). The reset failure count stands."""
    if operator.locked:
        session.commit()
        raise DomainError("operator_locked", status=423, operator=operator.code)
    if operator.pin_change_required:
        session.commit()
        raise DomainError("pin_change_required", status=403, operator=operator.code)


def logout(session: Session, token: str) -> None:
    row = session.get(SessionToken, token_hash(token))
    if row is not None:
        row.revoked = True
        session.commit()


# Every call of a till carries its token: one indexed read answers who it is. Built once, on the
# tables' own columns: the ORM's attributes and a LIMIT each cost more than the read itself.
_SESSIONS = cast(Table, SessionToken.__table__)
_OPERATORS = cast(Table, Operator.__table__)
_RESOLVE = (select(_SESSIONS.c.revoked, _SESSIONS.c.expires_at, _SESSIONS.c.till, _OPERATORS.c.id, _OPERATORS.c.code,
                   _OPERATORS.c.name, _OPERATORS.c.role, _OPERATORS.c.active, _OPERATORS.c.locked)
            .select_from(_SESSIONS.join(_OPERATORS, _OPERATORS.c.id == _SESSIONS.c.operator_id))
            .where(_SESSIONS.c.token_hash == bindparam("token_hash")))
_RESOLVE_NOW = driver.Prepared(_RESOLVE)


def resolve(session: Session, token: str) -> Actor:
    """Who holds ``token`` (a till's bearer token), or ``unauthorized`` / ``token_expired``."""
    row = driver.execute(session, _RESOLVE_NOW, {"token_hash": token_hash(token)}).fetchone()
    if row is None or row.revoked or not row.active or row.locked:
        raise DomainError("unauthorized", status=401)
    if driver.stored_time(row.expires_at) <= clock.now():
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
        authoriser_id, authoriser_code = actor.operator_id, actor.operator_code
    elif override is None:
        raise DomainError("override_required", status=403, action=action)
    else:
        approver = _approver(session, actor, override, needed_role, action, settings,
                             subject=_subject(ticket_id, line_id))
        authoriser_id, authoriser_code = approver.id, approver.code
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
    audit.record(session, actor, action, detail, approver=authoriser_code, subject=_subject(ticket_id, line_id))
    return record


def _subject(ticket_id: int | None, line_id: int | None) -> str:
    """What an override was about, as the audit log names it."""
    if ticket_id is None:
        return ""
    return f"ticket {ticket_id}" + (f" line {line_id}" if line_id is not None else "")


def _approver(session: Session, actor: Actor, override: OverrideRequest, needed_role: str, action: str,
              settings: StoreSettings, *, subject: str = "") -> Operator:
    """授权: the code and PIN a supervisor or manager typed at ``actor``'s till.

    Every refusal — an unknown code, a wrong PIN, an approver not senior enough or not let in — is
    answered alike (``override_denied`` with the tries left) after the same Argon2 check, and is
    counted against the one asking: too many lock the actor's asking for a while. The approver's
    own login is never touched (a cashier's guesses must not lock the manager out of the till).
    """
    moment = clock.now()
    asking = session.get(Operator, actor.operator_id)
    if asking is None:
        raise DomainError("unauthorized", status=401)
    if asking.override_locked_until is not None and asking.override_locked_until > moment:
        minutes = max(1, round((asking.override_locked_until - moment).total_seconds() / 60))
        raise DomainError("override_locked", status=423, minutes=minutes)
    approver = _let_in(session.scalar(select(Operator).where(Operator.code == override.operator)))
    right = verify_pin(approver.pin_hash if approver is not None else _DUMMY_HASH, override.pin)
    if approver is not None and right and ROLE_RANK[approver.role] >= ROLE_RANK[needed_role] and not approver.locked \
            and (approver.locked_until is None or approver.locked_until <= moment):
        asking.override_failed_attempts = 0
        asking.override_locked_until = None
        return approver
    asking.override_failed_attempts += 1
    remaining = settings.max_failed_pins - asking.override_failed_attempts
    # a refused 授权 is on the record too: who asked, for what, and the code that was typed
    typed = "".join(ch for ch in override.operator if ch.isprintable())[:16]
    if remaining <= 0:
        asking.override_failed_attempts = 0
        asking.override_locked_until = moment + timedelta(seconds=settings.lockout_seconds)
        audit.record(session, actor, "override_locked", action, approver=typed, subject=subject)
        session.commit()
        raise DomainError("override_locked", status=423, minutes=max(1, settings.lockout_seconds // 60))
    audit.record(session, actor, "override_refused", action, approver=typed, subject=subject)
    session.commit()
    raise DomainError("override_denied", status=403, action=action, remaining=remaining)


#: till screens that need a senior operator's PIN before anyone is logged in
LOCAL_ACTIONS = {"diagnostics": "supervisor"}


def check_pin(session: Session, code: str, pin: str, settings: StoreSettings) -> Operator:
    """The operator whose PIN this is (failures counted and committed as at login)."""
    return _check_pin(session, code, pin, settings)


def authorise_local(session: Session, till: str, code: str, pin: str, action: str, settings: StoreSettings) -> Actor:
    """A supervisor opening a till screen from the login screen (设备诊断); recorded like any override."""
    if session.get(Till, till) is None:
        raise DomainError("unknown_till", status=404, till=till)
    needed = LOCAL_ACTIONS.get(action)
    if needed is None:
        raise DomainError("invalid_request", detail=f"action {action}")
    operator = _check_pin(session, code, pin, settings)
    if ROLE_RANK[operator.role] < ROLE_RANK[needed]:
        session.commit()  # the reset failure count stands
        raise DomainError("override_denied", status=403, action=action)
    session.add(Override(action=action, till=till, requested_by=operator.id, authorised_by=operator.id,
                         detail="", at=clock.now()))
    who = _actor(operator, till)
    audit.record(session, who, action, approver=operator.code)
    session.commit()
    return _actor(operator, till)


def create_operator(session: Session, code: str, name: str, role: str, pin: str) -> Operator:
    if role not in ROLE_RANK:
        raise DomainError("invalid_request", detail=f"role {role}")
    operator = Operator(code=code, name=name, role=role, pin_hash=hash_pin(pin), failed_attempts=0)
    session.add(operator)
    return operator
