"""人员: the store's operators as HQ sent them, and what the store manager does about them — lock
and unlock (停用/启用), reset a PIN (the operator chooses a new one at the next login), see who
was logged in where. An operator changes their own PIN (old and new, ``app.domain.pins``).

Every step is in the audit log (``app.audit``) in its own transaction; a PIN chosen or reset goes
up to HQ (``pin_changed``), which sends the new hash to every store: the PIN follows the operator.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import audit, auth, clock, outbox
from app.context import Actor
from app.db.models import Operator, SessionToken, Till
from app.domain.errors import DomainError
from app.domain.pins import check_new_pin
from app.events import PinChanged
from app.security import hash_pin
from app.settings import StoreSettings

#: how many logins of one operator the history shows
LOGIN_HISTORY = 50


def _operator(session: Session, code: str) -> Operator:
    operator = session.scalar(select(Operator).where(Operator.code == code))
    if operator is None:
        raise DomainError("operator_not_found", status=404, operator=code[:16])
    return operator


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def operators(session: Session, actor: Actor) -> dict[str, Any]:
    """Every operator this store knows, with their role, whether they may log in, and their last
    login (when, at which till)."""
    actor.require("manager")
    last = (select(SessionToken.operator_id, func.max(SessionToken.created_at).label("at"))
            .group_by(SessionToken.operator_id).subquery())
    rows = session.execute(select(Operator, last.c.at).outerjoin(last, last.c.operator_id == Operator.id)
                           .order_by(Operator.code)).all()
    tills = dict(session.execute(select(SessionToken.operator_id, SessionToken.till).join(
        last, (last.c.operator_id == SessionToken.operator_id) & (last.c.at == SessionToken.created_at))).all())
    moment = clock.now()
    open_now = set(session.scalars(select(SessionToken.operator_id).where(
        SessionToken.revoked.is_(False), SessionToken.expires_at > moment)))
    return {"items": [{
        "code": op.code, "name": op.name, "role": op.role, "active": bool(op.active), "locked": bool(op.locked),
        "locked_out": op.locked_until is not None and op.locked_until > moment,
        "pin_change_required": bool(op.pin_change_required),
        "last_login_at": _moment(at), "last_login_till": tills.get(op.id), "logged_in": op.id in open_now,
    } for op, at in rows]}


def logins(session: Session, actor: Actor, code: str) -> dict[str, Any]:
    """Who was logged in where: the operator's latest logins, newest first."""
    actor.require("manager")
    operator = _operator(session, code)
    moment = clock.now()
    rows = session.execute(select(SessionToken.created_at, SessionToken.till, SessionToken.expires_at,
                                  SessionToken.revoked, Till.name)
                           .outerjoin(Till, Till.code == SessionToken.till)
                           .where(SessionToken.operator_id == operator.id)
                           .order_by(SessionToken.created_at.desc()).limit(LOGIN_HISTORY)).all()
    return {"operator": operator.code, "items": [{
        "at": _moment(r.created_at), "till": r.till, "till_name": r.name or r.till,
        "open": not r.revoked and r.expires_at > moment,
    } for r in rows]}


def _revoke_sessions(session: Session, operator: Operator) -> None:
    session.execute(update(SessionToken).where(SessionToken.operator_id == operator.id,
                                               SessionToken.revoked.is_(False)).values(revoked=True))


def _other(session: Session, actor: Actor, code: str) -> Operator:
    actor.require("manager")
    operator = _operator(session, code)
    if operator.id == actor.operator_id:
        raise DomainError("operator_is_you", status=409)
    return operator


def lock(session: Session, actor: Actor, code: str) -> dict[str, Any]:
    """停用: the operator can't log in or authorise until unlocked; their tills are logged out."""
    operator = _other(session, actor, code)
    if not operator.locked:
        operator.locked = True
        _revoke_sessions(session, operator)
        audit.record(session, actor, "operator_locked", operator.name, subject=operator.code)
    return _state(operator)


def unlock(session: Session, actor: Actor, code: str) -> dict[str, Any]:
    """启用: let the operator in again, a lockout after wrong PINs lifted too."""
    operator = _other(session, actor, code)
    was = operator.locked or (operator.locked_until is not None and operator.locked_until > clock.now())
    operator.locked, operator.failed_attempts, operator.locked_until = False, 0, None
    if was:
        audit.record(session, actor, "operator_unlocked", operator.name, subject=operator.code)
    return _state(operator)


def reset_pin(session: Session, actor: Actor, code: str, temporary_pin: str) -> dict[str, Any]:
    """重置密码: the manager gives the operator a one-time PIN; the next login with it asks for a
    new one (``pin_change_required``). Their open sessions end."""
    operator = _other(session, actor, code)
    check_new_pin(temporary_pin)
    operator.pin_hash = hash_pin(temporary_pin)
    operator.pin_change_required = True
    operator.failed_attempts, operator.locked_until = 0, None
    _revoke_sessions(session, operator)
    audit.record(session, actor, "pin_reset", operator.name, subject=operator.code)
    outbox.record(session, PinChanged(operator.code, operator.pin_hash, must_change=True))
    return _state(operator)


def change_pin(session: Session, till: str, code: str, pin: str, new_pin: str, settings: StoreSettings) -> dict[str, Any]:
    """改密码: an operator sets a new PIN with the one they have (after a reset, the one-time PIN).
    A wrong PIN counts towards the lockout as at login; the new one must keep the PIN rules."""
    if session.get(Till, till) is None:
        raise DomainError("unknown_till", status=404, till=till)
    operator = auth.check_pin(session, code, pin, settings)
    if operator.locked:
        session.commit()
        raise DomainError("operator_locked", status=423, operator=operator.code)
    check_new_pin(new_pin, old=pin)
    operator.pin_hash = hash_pin(new_pin)
    operator.pin_change_required = False
    who = Actor(operator.id, operator.code, operator.name, operator.role, till)
    audit.record(session, who, "pin_changed", operator.name, subject=operator.code)
    outbox.record(session, PinChanged(operator.code, operator.pin_hash))
    session.commit()
    return _state(operator)


def _state(operator: Operator) -> dict[str, Any]:
    return {"code": operator.code, "locked": bool(operator.locked),
            "pin_change_required": bool(operator.pin_change_required)}
