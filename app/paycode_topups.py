"""储值充值 paid by payment code (付款码): the customer's code is charged first, and the card is
credited at HQ only once the provider says paid — so the customer never gets value for nothing,
and never pays for nothing either.

1. **scan** — the card is asked of HQ (it exists, takes top-ups) and the till's shift must be
   open; then the attempt is recorded with no ticket, under the top-up's reference at HQ
   (``topup_ref``), and charged exactly as a ticket's is (``app.paycodes.charge``: the same
   ``out_trade_no`` rules, polling while the customer types a password, a reverse at the time
   limit or when the cashier cancels).
2. **credit** — a paid attempt is ``crediting``: HQ is asked outside any transaction (its top-up
   dedupes by the reference, so asking again credits once), and its yes settled in one short
   transaction: the ``TopUp`` row (the tender: ``wechat`` / ``alipay``, not the drawer's cash), the
   ``stored_value_topup`` event with the provider's numbers for reconciliation, the audit entry.
3. **HQ out of reach** (or failing on its side) after the money was taken: the attempt stays
   ``crediting`` and the payment-code worker asks HQ again every pass, after a restart too, until
   it answers. **HQ's definite no** (the card closed or frozen, a gift card): the charge is
   refunded whole (``app.paycodes.record_refund``, which the worker sends and follows), the
   attempt is ``refunded`` with HQ's code, for the till to show, and HQ hears of the charge and its
   refund (``stored_value_topup_refunded``) to match them against the provider's bill.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from app import audit, clock, outbox, shifts
from app.context import Actor
from app.db.models import Operator, PaymentAttempt, Shift, TopUp
from app.domain.errors import DomainError
from app.domain.keyed import normalise_code
from app.domain.money import check_amount
from app.domain.payment_code import route_payment_code
from app.events import STORED_VALUE_TOPUP, STORED_VALUE_TOPUP_REFUNDED, Kept
from app.loyalty import call_hq, card_balance, store_code
from app.outside import UNKNOWN_OUTCOME
from app.paycodes import (
    NEW,
    PAID,
    TOPUP_CREDITED,
    TOPUP_CREDITING,
    TOPUP_REFUNDED,
    Providers,
    Timing,
    charge,
    code_digest,
    failpoint,
    new_out_trade_no,
    record_refund,
    settling,
    step,
    view_with_ticket,
)
from app.payments.base import ChargeOrder
from app.settings import StoreSettings
from app.sync.hq_client import HqClient
from app.tickets import Tickets

log = logging.getLogger("omnistore.paycode_topups")


def scan_top_up(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, providers: Providers, timing: Timing,
                settings: StoreSettings, client: HqClient | None, *, command_id: str, card: str, amount: int,
                code: str) -> dict[str, Any]:
    """充值 by payment code: charge ``code`` for ``amount`` fen, then credit ``card`` at HQ.

    A resend of the same command answers the one attempt there is (never a second charge)."""
    card = normalise_code(card)
    check_amount(amount)
    found = route_payment_code(code)
    digest = code_digest(found.digits)
    with sessions() as session:
        existing = session.scalar(select(PaymentAttempt).where(PaymentAttempt.till == actor.till,
                                                               PaymentAttempt.command_id == command_id))
        if existing is not None:
            if existing.topup_card != card or existing.code_hash != digest or existing.amount != amount:
                raise DomainError("command_id_reused", status=409)
            return view_with_ticket(session, tickets, existing, timing)
        shifts.require_open(session, actor.till)
        session.rollback()
    card_balance(client, card)  # HQ knows the card (and is there) before any money is taken
    gateway = providers.get(found.provider)
    with sessions() as session:
        shift = shifts.require_open(session, actor.till)
        moment = clock.now()
        attempt = PaymentAttempt(
            out_trade_no=new_out_trade_no(), ticket_id=None, till=actor.till, operator_id=actor.operator_id,
            command_id=command_id, provider=found.provider.value, code_hash=digest, code_masked=found.masked,
            amount=amount, state=NEW, history=[step(moment, NEW)], created_at=moment, updated_at=moment,
            topup_ref=f"{store_code(client)}:{command_id}"[:64], topup_card=card, topup_shift_id=shift.id)
        session.add(attempt)
        session.commit()
        attempt_id, out_trade_no = attempt.id, attempt.out_trade_no
    order = ChargeOrder(out_trade_no=out_trade_no, auth_code=found.digits, amount=amount,
                        subject=f"{settings.store_name}-储值充值"[:32], store_code=store_code(client),
                        till_code=actor.till, operator_code=actor.operator_code)
    view = charge(sessions, tickets, timing, settings, attempt_id, gateway, order)
    if view.get("state") == PAID:
        failpoint("paycode_topup_paid")
        credit(sessions, client, timing, attempt_id)
        return get_top_up(sessions, tickets, timing, attempt_id)
    return view


def get_top_up(sessions: sessionmaker[Session], tickets: Tickets, timing: Timing, attempt_id: int) -> dict[str, Any]:
    with sessions() as session:
        attempt = session.get(PaymentAttempt, attempt_id)
        if attempt is None:
            raise DomainError("paycode_not_found", status=404)
        return view_with_ticket(session, tickets, attempt, timing)


def credit(sessions: sessionmaker[Session], client: HqClient | None, timing: Timing, attempt_id: int) -> bool:
    """Credit one paid top-up's card at HQ (outside any transaction) and settle HQ's answer. False
    when HQ could not be asked or did not answer: the attempt waits for the next pass."""
    with sessions() as session:
        attempt = session.get(PaymentAttempt, attempt_id)
        if attempt is None or attempt.state != PAID or attempt.topup_state != TOPUP_CREDITING:
            return False
        request = {"card": attempt.topup_card, "amount": attempt.amount, "ref": attempt.topup_ref}
        session.rollback()
    try:
        answer = call_hq(client, "POST", "/loyalty/wallets/topup", request)
    except DomainError as error:
        if error.code in UNKNOWN_OUTCOME or error.code == "hq_not_connected":
            _later(sessions, attempt_id, timing)
            return False
        _refund(sessions, attempt_id, error.code)
        return True
    _credited(sessions, attempt_id, answer)
    return True


def credit_due(sessions: sessionmaker[Session], client: Callable[[], HqClient | None], timing: Timing) -> int:
    """The worker's pass: every paid top-up whose card is still to be credited, whose time has come."""
    moment = clock.now()
    with sessions() as session:
        due = list(session.scalars(select(PaymentAttempt.id).where(
            PaymentAttempt.state == PAID, PaymentAttempt.topup_state == TOPUP_CREDITING,
            or_(PaymentAttempt.next_at.is_(None), PaymentAttempt.next_at <= moment)).order_by(PaymentAttempt.id)
            .limit(20)))
        session.rollback()
    if not due:
        return 0
    link = client()
    return sum(credit(sessions, link, timing, attempt_id) for attempt_id in due)


def _later(sessions: sessionmaker[Session], attempt_id: int, timing: Timing) -> None:
    with settling, sessions() as session:
        attempt = session.get(PaymentAttempt, attempt_id)
        if attempt is not None and attempt.topup_state == TOPUP_CREDITING:
            attempt.next_at = clock.now() + timedelta(seconds=max(timing.query_every, 1.0))
            session.commit()


def _actor(session: Session, attempt: PaymentAttempt) -> Actor:
    """The cashier who took the top-up (the audit entry is theirs, even when the worker settles it)."""
    operator = session.get(Operator, attempt.operator_id)
    if operator is None:
        return Actor(attempt.operator_id, "", "", "cashier", attempt.till)
    return Actor(operator.id, operator.code, operator.name, operator.role, attempt.till)


def _credited(sessions: sessionmaker[Session], attempt_id: int, answer: dict[str, Any]) -> None:
    with settling, sessions() as session:
        attempt = session.get(PaymentAttempt, attempt_id)
        if attempt is None or attempt.topup_state != TOPUP_CREDITING or attempt.topup_ref is None:
            return
        card, ref, moment = attempt.topup_card or "", attempt.topup_ref, clock.now()
        entry = answer.get("entry") or {}
        # the shift it was taken in (closed since, perhaps): its business day is the voucher's
        taken_in = session.get(Shift, attempt.topup_shift_id) if attempt.topup_shift_id is not None else None
        if taken_in is None:
            return
        day = taken_in.opened_at.date().isoformat()
        session.add(TopUp(shift_id=taken_in.id, till=attempt.till, card=card, amount=attempt.amount,
                          bonus=int(entry.get("bonus", 0)), ref=ref, created_at=moment, method=attempt.provider,
                          out_trade_no=attempt.out_trade_no))
        outbox.record(session, Kept(STORED_VALUE_TOPUP, {
            "till": attempt.till, "card": card, "amount": attempt.amount, "ref": ref, "method": attempt.provider,
            "business_day": day, "out_trade_no": attempt.out_trade_no, "transaction_id": attempt.transaction_id,
            "provider": attempt.provider,
            "paid_at": (attempt.paid_at or moment).isoformat(timespec="seconds")}))
        audit.record(session, _actor(session, attempt), "stored_value_topup", f"{card} {attempt.provider}",
                     amount=attempt.amount, subject=card[:64])
        attempt.topup_state, attempt.topup_error, attempt.next_at, attempt.updated_at = TOPUP_CREDITED, None, None, moment
        attempt.history = [*attempt.history, step(moment, TOPUP_CREDITED)]
        session.commit()


def _refund(sessions: sessionmaker[Session], attempt_id: int, code: str) -> None:
    """HQ refused the card for good after the customer paid: the charge goes back whole."""
    with settling, sessions() as session:
        attempt = session.get(PaymentAttempt, attempt_id)
        if attempt is None or attempt.topup_state != TOPUP_CREDITING:
            return
        moment = clock.now()
        log.warning("top-up %s refused by HQ (%s): refunding the payment code", attempt.out_trade_no, code)
        refund = record_refund(session, attempt.provider, attempt.out_trade_no, attempt.amount, attempt.amount,
                               moment)
        taken_in = session.get(Shift, attempt.topup_shift_id) if attempt.topup_shift_id is not None else None
        # for reconciliation: the provider's bill shows the charge and its refund, both ours
        outbox.record(session, Kept(STORED_VALUE_TOPUP_REFUNDED, {
            "till": attempt.till, "card": attempt.topup_card or "", "amount": attempt.amount,
            "ref": attempt.topup_ref or "", "method": attempt.provider, "reason": code[:64],
            "business_day": (taken_in.opened_at if taken_in is not None else moment).date().isoformat(),
            "out_trade_no": attempt.out_trade_no, "transaction_id": attempt.transaction_id,
            "paid_at": (attempt.paid_at or moment).isoformat(timespec="seconds"),
            "out_refund_no": refund.out_refund_no, "at": moment.isoformat(timespec="seconds")}))
        attempt.topup_state, attempt.topup_error, attempt.next_at, attempt.updated_at = (
            TOPUP_REFUNDED, code[:64], None, moment)
        attempt.history = [*attempt.history, step(moment, TOPUP_REFUNDED, code)]
        session.commit()
