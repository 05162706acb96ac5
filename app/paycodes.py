"""付款码: charging a customer's WeChat Pay / Alipay payment code for a ticket, never twice.

Each attempt is a ``PaymentAttempt`` row, written before the first byte leaves for the provider
and moved along one short transaction at a time; the provider is only ever called outside any
database transaction (the shape of ``app.outside``: record → commit → call → settle)::

    new → submitted → paid | failed | unknown → polling → paid | closed → needs_reverse → reversed

- **scan**: the till sends the code (and an amount, by default what is due by any tender but
  cash — 抹零 never applies to a payment code). The attempt is recorded (``new``), marked
  ``submitted`` and committed, then the provider's pay call is made with our ``out_trade_no``;
  its answer is settled: paid → a tender on the ticket with the provider's record; USERPAYING →
  ``polling``; no trustworthy answer → ``unknown``; a signed no → ``failed`` (or ``needs_reverse``
  when the provider keeps an open trade).
- **the worker** (``PaycodeWorker``, a thread of the store server) queries ``unknown`` and
  ``polling`` attempts every ``Timing.query_every`` seconds with the same number until
  ``Timing.give_up`` after submission (docs/payments.md: WeChat suggests 45 s), then they need a
  reverse; it reverses (WeChat reverse / Alipay cancel) no sooner than ``Timing.reverse_after``
  and again while the provider asks (recall=Y / retry_flag=Y) or does not answer.
- **at start** the worker resumes what a crash cut off: an attempt still ``new`` was never sent
  and is closed; one ``submitted`` is queried like an unknown one. Paid attempts become tenders on
  their ticket, the others end closed or reversed.
- While an attempt may still become paid (``IN_FLIGHT``) the ticket can't be completed or voided
  (``outside.pending_on``). A paid answer the ticket can no longer take (the ticket changed, was
  voided, or completed with another tender) is reversed, never left charged without a sale.
- **top-ups** (储值充值, ``app.paycode_topups``) are attempts with no ticket: charged, polled and
  reversed the same way; once paid, the card is credited at HQ (``topup_state``), never before.
- **refunds** to a payment code (a return, a void after payment) are ``PaymentRefund`` rows
  written in the transaction of the return or the void, with a stable ``out_refund_no``; the
  worker sends them and follows them until final.

The customer's code is a one-time bearer token: it is kept in memory only while the pay call is
made; the row keeps it masked and hashed. Credentials are never logged.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.checkout import open_sale, ticket_view
from app.context import Actor, OverrideRequest
from app.db.engine import reading, relaxed
from app.db.models import PaymentAttempt, PaymentRefund, TopUp
from app.domain.errors import DomainError
from app.domain.money import format_fen
from app.domain.payment_code import PaymentProvider, route_payment_code
from app.domain.sale import Payment, Sale, Status
from app.payments.base import (
    CancelOutcome,
    CancelResult,
    ChargeOrder,
    ChargeOutcome,
    ChargeResult,
    PaymentGateway,
    RefundResult,
    RefundState,
)
from app.settings import StoreSettings
from app.tickets import Tickets

log = logging.getLogger("omnistore.paycodes")

NEW, SUBMITTED, PAID, FAILED, UNKNOWN, POLLING = "new", "submitted", "paid", "failed", "unknown", "polling"
CLOSED, NEEDS_REVERSE, REVERSED = "closed", "needs_reverse", "reversed"
#: the attempt may still become a payment: its ticket waits
IN_FLIGHT = frozenset({NEW, SUBMITTED, UNKNOWN, POLLING})
#: the worker still has something to do for it
WORKING = IN_FLIGHT | {NEEDS_REVERSE}
FINAL = frozenset({PAID, FAILED, CLOSED, REVERSED})

#: refunds: sent and being followed, done, refused for good
R_NEW, R_PROCESSING, R_UNKNOWN, R_SUCCESS, R_FAILED = "new", "processing", "unknown", "success", "failed"
#: refused for good, then paid out of a drawer instead (现金退款, a manager allowed it)
R_PAID_IN_CASH = "paid_in_cash"
#: who may allow a refused refund to be paid in cash
CASH_REFUND_ROLE = "manager"
R_WORKING = frozenset({R_NEW, R_PROCESSING, R_UNKNOWN})

#: a paid top-up: its card being credited at HQ, credited, or refused there (the charge refunded)
TOPUP_CREDITING, TOPUP_CREDITED, TOPUP_REFUNDED = "crediting", "credited", "refunded"

#: the attempt's message for the cashier is kept to the column's width
MESSAGE_WIDTH = 200


@dataclass(frozen=True, slots=True)
class Timing:
    """The providers' guidance on pacing (docs/payments.md §2.1, §3.4), in seconds; the
    environment (``OMNISTORE_PAYCODE_<NAME>``) may shorten them for tests and the demo."""

    first_query: float = 5.0  # after USERPAYING / an unknown answer, wait this long before asking
    query_every: float = 5.0
    give_up: float = 45.0  # after submission: still not paid → reverse
    reverse_after: float = 15.0  # WeChat: never reverse sooner after the charge was sent
    reverse_every: float = 2.0
    refund_query_every: float = 5.0
    tick: float = 0.5  # how often the worker looks for work

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Timing:
        env = dict(os.environ) if env is None else env
        found = cls()
        for name in cls.__dataclass_fields__:
            raw = env.get(f"OMNISTORE_PAYCODE_{name.upper()}")
            if raw:
                found = replace(found, **{name: max(0.0, float(raw))})
        return found


# ---- failpoints (the kill -9 tests stop the server at a step, like a power cut) -------------------


def failpoint(step: str) -> None:
    """``OMNISTORE_FAILPOINTS=paycode_recorded,…`` kills this process with SIGKILL at ``step`` (tests
    of crash safety only; unset in every real store)."""
    wanted = os.environ.get("OMNISTORE_FAILPOINTS")
    if wanted and step in wanted.split(","):
        log.warning("failpoint %s: killing the process", step)
        os.kill(os.getpid(), signal.SIGKILL)


# ---- the providers -------------------------------------------------------------------------------


class Providers:
    """The store's payment gateways, from its credentials file (read once, when first needed)."""

    def __init__(self, home: Path, factory: Callable[[Path], dict[PaymentProvider, PaymentGateway]] | None = None
                 ) -> None:
        self.home = home
        self._factory = factory or _gateways_from_file
        self._found: dict[PaymentProvider, PaymentGateway] | None = None
        self._lock = threading.Lock()

    def get(self, provider: PaymentProvider | str) -> PaymentGateway:
        with self._lock:
            if self._found is None:
                self._found = self._factory(self.home)
        gateway = self._found.get(PaymentProvider(provider))
        if gateway is None:
            raise DomainError("paycode_provider_unavailable", status=409, provider=str(provider))
        return gateway


def _gateways_from_file(home: Path) -> dict[PaymentProvider, PaymentGateway]:
    from app.payments import gateways
    from app.payments.credentials import load_credentials, store_credentials_path

    return gateways(load_credentials(store_credentials_path(home)))


# ---- reading -------------------------------------------------------------------------------------


def attempt_view(attempt: PaymentAttempt, timing: Timing, ticket: dict[str, Any] | None = None) -> dict[str, Any]:
    """An attempt as the till polls it (``PaycodeOut``): its state, what the provider said, and for
    the waiting dialog the seconds left before the store gives up and reverses."""
    left = 0
    if attempt.state in IN_FLIGHT:
        started = attempt.submitted_at or attempt.created_at
        left = max(0, int(timing.give_up - (clock.now() - started).total_seconds() + 0.999))
    topup = None if attempt.topup_ref is None else {
        "card": attempt.topup_card or "", "ref": attempt.topup_ref, "state": attempt.topup_state,
        "error": attempt.topup_error, "bonus": None, "refund": None}
    return {
        "id": attempt.id, "ticket_id": attempt.ticket_id, "provider": attempt.provider, "code": attempt.code_masked,
        "amount": attempt.amount, "state": attempt.state, "final": attempt.state in FINAL,
        "in_flight": attempt.state in IN_FLIGHT, "out_trade_no": attempt.out_trade_no,
        "transaction_id": attempt.transaction_id, "payer_bank": attempt.payer_bank, "fee": attempt.fee,
        "raw_code": attempt.raw_code, "message": attempt.message or "", "seconds_left": left,
        "history": list(attempt.history), "ticket": ticket, "topup": topup,
    }


def get_attempt(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, attempt_id: int,
                timing: Timing) -> dict[str, Any]:
    with sessions() as session:
        reading(session)  # the tills poll this twice a second: never the write lock a scan waits for
        attempt = _own(session, actor, attempt_id)
        if attempt.state not in FINAL and attempt.state != NEEDS_REVERSE:
            return attempt_view(attempt, timing)  # still waiting: the ticket has not changed
        return view_with_ticket(session, tickets, attempt, timing)


def _own(session: Session, actor: Actor, attempt_id: int) -> PaymentAttempt:
    attempt = session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.till != actor.till:
        raise DomainError("paycode_not_found", status=404)
    return attempt


def view_with_ticket(session: Session, tickets: Tickets, attempt: PaymentAttempt, timing: Timing,
          sale: Sale | None = None) -> dict[str, Any]:
    """The attempt with its ticket (``sale`` when this transaction holds it already), or for a
    top-up with the refund of its charge when HQ refused the card."""
    if attempt.ticket_id is None:
        view = attempt_view(attempt, timing)
        refund = session.scalar(select(PaymentRefund).where(PaymentRefund.out_trade_no == attempt.out_trade_no)
                                .order_by(PaymentRefund.id.desc()).limit(1))
        if view["topup"] is not None and refund is not None:
            view["topup"]["refund"] = refund_view(refund)
        if view["topup"] is not None and attempt.topup_state == TOPUP_CREDITED:
            view["topup"]["bonus"] = session.scalar(select(TopUp.bonus).where(TopUp.ref == attempt.topup_ref))
        return view
    ticket = ticket_view(sale if sale is not None else tickets.load(session, attempt.ticket_id))
    return attempt_view(attempt, timing, ticket)


def in_flight_clause(ticket_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """``in_flight_on`` as a clause, for ``outside.pending_on``'s one statement."""
    attempts = cast(Table, PaymentAttempt.__table__)
    return exists().where(attempts.c.ticket_id == ticket_id, attempts.c.state.in_(IN_FLIGHT))


def in_flight_on(session: Session, ticket_id: int) -> bool:
    """An attempt on this ticket may still become a payment (``outside.pending_on`` asks)."""
    return session.scalar(select(PaymentAttempt.id).where(PaymentAttempt.ticket_id == ticket_id,
                                                          PaymentAttempt.state.in_(IN_FLIGHT)).limit(1)) is not None


# ---- scanning a code -----------------------------------------------------------------------------


def code_digest(digits: str) -> str:
    return hashlib.sha256(f"omnistore-paycode:{digits}".encode()).hexdigest()


def new_out_trade_no() -> str:
    """Ours, unique to the attempt and the same for every retry of it (≤ 32 of [0-9A-Za-z])."""
    return "OS" + uuid.uuid4().hex[:26].upper()


def scan(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, providers: Providers, timing: Timing,
         settings: StoreSettings, *, command_id: str, ticket_id: int, code: str, amount: int | None,
         store_code: str = "") -> dict[str, Any]:
    """A payment code scanned for a ticket: charge it for ``amount`` (None: what is due), once.

    A resend of the same command, or the same code scanned again for the ticket, answers the one
    attempt there is (never a second charge)."""
    found = route_payment_code(code)
    digest = code_digest(found.digits)
    with sessions() as session:
        # Without an fsync: a "new" attempt lost to a power cut was never sent. The "submitted" mark
        # below is durable before the first byte leaves; what comes after may be lost only to be
        # found again by the resumer's query.
        relaxed(session)
        existing = session.scalar(select(PaymentAttempt).where(PaymentAttempt.till == actor.till,
                                                               PaymentAttempt.command_id == command_id))
        if existing is not None:
            if existing.ticket_id != ticket_id or existing.code_hash != digest:
                raise DomainError("command_id_reused", status=409)
            return view_with_ticket(session, tickets, existing, timing)
        again = session.scalar(select(PaymentAttempt).where(PaymentAttempt.ticket_id == ticket_id,
                                                            PaymentAttempt.code_hash == digest))
        if again is not None:  # a code works once: the same code again is the same payment
            return view_with_ticket(session, tickets, again, timing)
        sale = open_sale(session, tickets, actor, ticket_id, settings)
        if in_flight_on(session, ticket_id):
            raise DomainError("payment_pending", status=409)
        if amount is None:  # what is due, exact fen (抹零 is for cash only)
            if sale.is_empty:
                raise DomainError("empty_ticket", status=409)
            if sale.due_exact == 0:
                raise DomainError("nothing_due", status=409)
            amount = sale.due_exact
        sale.check_payment(found.provider.value, amount)
        gateway = providers.get(found.provider)
        moment = clock.now()
        attempt = PaymentAttempt(
            out_trade_no=new_out_trade_no(), ticket_id=ticket_id, till=actor.till, operator_id=actor.operator_id,
            command_id=command_id, provider=found.provider.value, code_hash=digest, code_masked=found.masked,
            amount=amount, state=NEW, history=[step(moment, NEW)], created_at=moment, updated_at=moment)
        session.add(attempt)
        session.commit()
        attempt_id, out_trade_no = attempt.id, attempt.out_trade_no
    order = ChargeOrder(out_trade_no=out_trade_no, auth_code=found.digits, amount=amount,
                        subject=f"{settings.store_name}-商品"[:32], store_code=store_code or "S",
                        till_code=actor.till, operator_code=actor.operator_code)
    return charge(sessions, tickets, timing, settings, attempt_id, gateway, order)


def charge(sessions: sessionmaker[Session], tickets: Tickets, timing: Timing, settings: StoreSettings,
           attempt_id: int, gateway: PaymentGateway, order: ChargeOrder) -> dict[str, Any]:
    """Send a recorded (``new``) attempt: marked ``submitted`` durably first, then the provider's
    pay call outside any transaction, then its answer settled."""
    failpoint("paycode_recorded")
    with settling, sessions() as session:
        attempt = _locked(session, attempt_id)
        if attempt.state != NEW:  # cancelled in the meantime: never sent
            return view_with_ticket(session, tickets, attempt, timing)
        _move(attempt, SUBMITTED, clock.now())
        attempt.submitted_at = attempt.updated_at
        session.commit()
    failpoint("paycode_submitted")
    result = gateway.pay(order)
    failpoint("paycode_answered")
    return settle_charge(sessions, tickets, timing, settings, attempt_id, result)


# ---- settling what a provider said ---------------------------------------------------------------

#: one settlement at a time (a till's answer, the worker's, a top-up's credit at HQ)
settling = threading.Lock()


def settle_charge(sessions: sessionmaker[Session], tickets: Tickets, timing: Timing, settings: StoreSettings,
                  attempt_id: int, result: ChargeResult, *, queried: bool = False,
                  answer: bool = True) -> dict[str, Any]:
    """Apply a pay or query answer to the attempt (and its ticket), in one short transaction
    (without an fsync: lost to a power cut, the attempt is queried again and settles the same)."""
    from app.checkout import rules

    with settling, sessions() as session:
        relaxed(session)
        attempt = _locked(session, attempt_id)
        moment = clock.now()
        if queried:
            attempt.queries += 1
        sale: Sale | None = None
        if attempt.state in IN_FLIGHT:
            attempt.raw_code, attempt.message = result.raw_code[:64], (result.message or "")[:MESSAGE_WIDTH]
            if result.outcome is ChargeOutcome.PAID:
                sale = _paid(session, tickets, attempt, result, moment, rules(session, settings))
            elif result.outcome is ChargeOutcome.FAILED:
                if result.close_required:
                    _move(attempt, NEEDS_REVERSE, moment, result.raw_code)
                    attempt.next_at = _reverse_time(attempt, timing, moment)
                else:
                    _move(attempt, FAILED if attempt.state == SUBMITTED else CLOSED, moment, result.raw_code)
            else:
                _waiting(attempt, result, timing, moment)
        elif attempt.state == NEEDS_REVERSE and result.outcome is ChargeOutcome.FAILED:
            # a query while reversing: nothing kept at the provider, nothing left to reverse
            _move(attempt, CLOSED, moment, result.raw_code)
        view = view_with_ticket(session, tickets, attempt, timing, sale) if answer else {}
        session.commit()
    return view


def _paid(session: Session, tickets: Tickets, attempt: PaymentAttempt, result: ChargeResult, moment: datetime,
          rules: Any) -> Sale | None:
    """The customer was charged: the tender on the ticket, or a reverse when the ticket can't take it."""
    attempt.transaction_id = (result.transaction_id or "")[:64] or None
    attempt.payer_bank = (result.payer_bank or "")[:64] or None
    attempt.fee = result.fee or 0
    attempt.paid_at = result.paid_at.replace(tzinfo=None) if result.paid_at else moment
    if result.amount is not None and result.amount != attempt.amount:
        _move(attempt, NEEDS_REVERSE, moment, "AMOUNT_MISMATCH")
        attempt.next_at = moment
        return None
    if attempt.ticket_id is None:  # a top-up: the card is credited at HQ next (app.paycode_topups)
        _move(attempt, PAID, moment, result.raw_code)
        attempt.topup_state, attempt.next_at = TOPUP_CREDITING, moment
        return None
    try:
        sale = tickets.load(session, attempt.ticket_id, rules)
        if sale.status is not Status.OPEN:
            raise DomainError("ticket_closed", status=409)
        payment = sale.add_payment(Payment(
            attempt.provider, attempt.amount, reference=attempt.code_masked, ref=attempt.out_trade_no,
            provider=attempt.provider, transaction_id=attempt.transaction_id, payer_bank=attempt.payer_bank,
            fee=attempt.fee))
        tickets.save(session, sale, moment)
    except DomainError as error:
        log.warning("payment %s paid but its ticket can't take it (%s): reversing", attempt.out_trade_no, error.code)
        _move(attempt, NEEDS_REVERSE, moment, error.code)
        attempt.next_at = moment
        return None
    attempt.tender_id = payment.id
    _move(attempt, PAID, moment, result.raw_code)
    attempt.next_at = None
    return sale


def _waiting(attempt: PaymentAttempt, result: ChargeResult, timing: Timing, moment: datetime) -> None:
    """USERPAYING or no trustworthy answer: ask again, until the time limit, then reverse."""
    started = attempt.submitted_at or attempt.created_at
    if (moment - started).total_seconds() >= timing.give_up:
        _move(attempt, NEEDS_REVERSE, moment, result.raw_code)
        attempt.next_at = _reverse_time(attempt, timing, moment)
        return
    state = POLLING if result.outcome is ChargeOutcome.USERPAYING else UNKNOWN
    first = attempt.state == SUBMITTED
    if state != attempt.state or first:
        _move(attempt, state, moment, result.raw_code)
    wait = timing.first_query if first else timing.query_every
    attempt.next_at = moment + timedelta(seconds=wait)


def _reverse_time(attempt: PaymentAttempt, timing: Timing, moment: datetime) -> datetime:
    started = attempt.submitted_at or attempt.created_at
    return max(moment, started + timedelta(seconds=timing.reverse_after))


def settle_cancel(sessions: sessionmaker[Session], tickets: Tickets, timing: Timing, attempt_id: int,
                  result: CancelResult, *, answer: bool = True) -> dict[str, Any]:
    with settling, sessions() as session:
        relaxed(session)  # lost to a power cut: reversed again, the same number (idempotent)
        attempt = _locked(session, attempt_id)
        moment = clock.now()
        if attempt.state == NEEDS_REVERSE:
            attempt.cancels += 1
            attempt.raw_code, attempt.message = result.raw_code[:64], (result.message or "")[:MESSAGE_WIDTH]
            if result.outcome is CancelOutcome.DONE and not result.retry:
                _move(attempt, REVERSED, moment, result.raw_code)
                attempt.next_at = None
            elif result.outcome is CancelOutcome.FAILED:
                # refused for good (past the window): a person must refund it; ask again much later
                attempt.history = [*attempt.history, step(moment, NEEDS_REVERSE, result.raw_code)]
                attempt.next_at = moment + timedelta(seconds=max(60.0, timing.reverse_every))
            else:
                attempt.history = [*attempt.history, step(moment, NEEDS_REVERSE, result.raw_code)]
                attempt.next_at = moment + timedelta(seconds=timing.reverse_every)
            attempt.updated_at = moment
        view = view_with_ticket(session, tickets, attempt, timing) if answer else {}
        session.commit()
    return view


def _locked(session: Session, attempt_id: int) -> PaymentAttempt:
    attempt = session.get(PaymentAttempt, attempt_id)
    if attempt is None:
        raise DomainError("paycode_not_found", status=404)
    return attempt


def step(moment: datetime, state: str, code: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"at": moment.isoformat(timespec="milliseconds"), "state": state}
    if code:
        entry["code"] = code[:64]
    return entry


def _move(attempt: PaymentAttempt, state: str, moment: datetime, code: str | None = None) -> None:
    attempt.state, attempt.updated_at = state, moment
    attempt.history = [*attempt.history, step(moment, state, code)]


# ---- the cashier's keys: 查单 and cancel ---------------------------------------------------------


def query_now(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, providers: Providers, timing: Timing,
              settings: StoreSettings, attempt_id: int) -> dict[str, Any]:
    """查单: ask the provider now what became of the attempt, and settle it."""
    with sessions() as session:
        attempt = _own(session, actor, attempt_id)
        state, provider, number = attempt.state, attempt.provider, attempt.out_trade_no
        if state in FINAL or state == NEW:
            return view_with_ticket(session, tickets, attempt, timing)
        session.rollback()
    result = providers.get(provider).query(number)
    return settle_charge(sessions, tickets, timing, settings, attempt_id, result, queried=True)


def cancel(sessions: sessionmaker[Session], tickets: Tickets, actor: Actor, providers: Providers, timing: Timing,
           attempt_id: int) -> dict[str, Any]:
    """The cancel key on the waiting dialog: reverse the attempt (with the same care as the worker:
    the same number, again while the provider asks). A paid attempt is refused: void the ticket."""
    with settling, sessions() as session:
        attempt = _own(session, actor, attempt_id)
        if attempt.state == PAID:
            raise DomainError("paycode_already_paid", status=409)
        moment = clock.now()
        if attempt.state == NEW:
            _move(attempt, CLOSED, moment, "CANCELLED")  # never sent
        elif attempt.state in IN_FLIGHT:
            _move(attempt, NEEDS_REVERSE, moment, "CANCELLED")
            attempt.next_at = moment
        state, provider, number = attempt.state, attempt.provider, attempt.out_trade_no
        session.commit()
    if state == NEEDS_REVERSE:
        result = providers.get(provider).cancel(number)
        return settle_cancel(sessions, tickets, timing, attempt_id, result)
    return get_attempt(sessions, tickets, actor, attempt_id, timing)


# ---- refunds -------------------------------------------------------------------------------------


def record_refund(session: Session, provider: str, out_trade_no: str | None, total: int, amount: int,
                  moment: datetime) -> PaymentRefund:
    """A refund of ``amount`` (of a charge of ``total``) to a payment code's tender, recorded in the
    caller's transaction (a return, a void after payment); the worker sends it, with this stable
    ``out_refund_no``, once the caller has committed, and follows it until final."""
    if not out_trade_no or provider not in (PaymentProvider.WECHAT.value, PaymentProvider.ALIPAY.value):
        raise DomainError("unsupported_tender", method=provider[:32])
    refund = PaymentRefund(out_refund_no="RF" + uuid.uuid4().hex[:26].upper(), out_trade_no=out_trade_no,
                           provider=provider, amount=amount, total=total, state=R_NEW,
                           history=[step(moment, R_NEW)], created_at=moment, updated_at=moment)
    session.add(refund)
    session.flush()
    return refund


def refunds_of_ticket(session: Session, ticket_id: int, moment: datetime) -> list[PaymentRefund]:
    """整单取消 after a payment code paid: each such tender refunded whole."""
    found = []
    for attempt in session.scalars(select(PaymentAttempt).where(PaymentAttempt.ticket_id == ticket_id,
                                                                PaymentAttempt.state == PAID)):
        found.append(record_refund(session, attempt.provider, attempt.out_trade_no, attempt.amount, attempt.amount,
                                   moment))
    return found


def get_refund(sessions: sessionmaker[Session], out_refund_no: str) -> dict[str, Any]:
    with sessions() as session:
        refund = session.scalar(select(PaymentRefund).where(PaymentRefund.out_refund_no == out_refund_no))
        if refund is None:
            raise DomainError("paycode_refund_not_found", status=404)
        return refund_view(refund)


def refund_view(refund: PaymentRefund) -> dict[str, Any]:
    return {"out_refund_no": refund.out_refund_no, "out_trade_no": refund.out_trade_no, "provider": refund.provider,
            "amount": refund.amount, "state": refund.state, "refund_id": refund.refund_id,
            "raw_code": refund.raw_code, "final": refund.state not in R_WORKING,
            "cash_paid_at": refund.cash_paid_at.isoformat(timespec="seconds") if refund.cash_paid_at else None}


def pay_refund_in_cash(session: Session, actor: Actor, out_refund_no: str, override: OverrideRequest | None,
                       settings: StoreSettings) -> dict[str, Any]:
    """现金退款: a refund the provider refused for good (``failed``) paid out of this till's drawer
    instead, for exactly the refused amount, once, when a manager allows it. It leaves the shift's
    expected cash (``shifts.expected_cash``), is audited with the manager's override, and HQ hears
    of it (``PaycodeRefundPaidInCash``). Asked again for a refund paid in cash: the same answer."""
    from app import auth, outbox, shifts
    from app.events import PaycodeRefundPaidInCash

    shift = shifts.require_open(session, actor.till)
    refund = session.scalar(select(PaymentRefund).where(PaymentRefund.out_refund_no == out_refund_no)
                            .with_for_update())
    if refund is None:
        raise DomainError("paycode_refund_not_found", status=404)
    if refund.state == R_PAID_IN_CASH:
        return refund_view(refund)
    if refund.state != R_FAILED:
        raise DomainError("paycode_refund_not_refused", status=409, state=refund.state)
    allowed = auth.authorise(session, actor, "paycode_cash_refund", CASH_REFUND_ROLE, override, settings,
                             detail=f"{out_refund_no} {format_fen(refund.amount, symbol='￥')}")
    moment = clock.now()
    refund.state, refund.updated_at = R_PAID_IN_CASH, moment
    refund.history = [*refund.history, step(moment, R_PAID_IN_CASH)]
    refund.cash_shift_id, refund.cash_operator_id, refund.cash_paid_at = shift.id, actor.operator_id, moment
    approver = actor.operator_code if allowed.authorised_by == actor.operator_id else (
        override.operator if override is not None else "")
    outbox.record(session, PaycodeRefundPaidInCash(refund.out_refund_no, refund.provider, refund.amount,
                                                   refund.out_trade_no, actor.till, moment, approver))
    session.flush()
    return refund_view(refund)


def _settle_refund(sessions: sessionmaker[Session], refund_id: int, result: RefundResult, *, queried: bool) -> None:
    with settling, sessions() as session:
        refund = session.get(PaymentRefund, refund_id)
        if refund is None or refund.state not in R_WORKING:
            return
        moment = clock.now()
        state = {RefundState.SUCCESS: R_SUCCESS, RefundState.FAILED: R_FAILED,
                 RefundState.PROCESSING: R_PROCESSING}.get(result.state, R_UNKNOWN)
        refund.raw_code = result.raw_code[:64]
        refund.refund_id = (result.refund_id or refund.refund_id or "")[:64] or None
        if queried:
            refund.queries += 1
        if state != refund.state:
            refund.state = state
            refund.history = [*refund.history, step(moment, state, result.raw_code)]
        refund.updated_at = moment
        session.commit()


# ---- the worker ----------------------------------------------------------------------------------


def _still_waiting(state: str, result: ChargeResult) -> bool:
    """A query that says what the attempt already says (USERPAYING while polling, nothing while unknown)."""
    return (state == POLLING and result.outcome is ChargeOutcome.USERPAYING) or \
        (state == UNKNOWN and result.outcome is ChargeOutcome.UNKNOWN)


class PaycodeWorker:
    """The store server's thread that follows attempts and refunds out there: queries, reverses,
    refunds, refund queries — each outside any transaction, each settled in a short one. At start
    it resumes what a crash (or kill -9) cut off."""

    def __init__(self, sessions: sessionmaker[Session], tickets: Tickets, providers: Providers, timing: Timing,
                 settings: Callable[[], StoreSettings], also: Callable[[], int] | None = None) -> None:
        self.sessions = sessions
        self.tickets = tickets
        self.providers = providers
        self.timing = timing
        self.settings = settings
        #: more work each pass (paid top-ups whose card HQ has not credited yet)
        self.also = also
        self.started = clock.now()
        self._resumed_at: datetime | None = None
        #: attempts whose last query changed nothing: when to ask again (kept here, not written)
        self._later_at: dict[int, datetime] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="paycode-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.pass_once()
            except Exception:  # a bug must not stop the payments being followed
                log.exception("following payment codes failed")
            self._stop.wait(self.timing.tick)

    def pass_once(self) -> int:
        """One pass: every attempt and refund whose time has come. Returns how many were handled."""
        moment = clock.now()
        done = 0
        if self._resumed_at is None or (moment - self._resumed_at).total_seconds() >= 60:
            done = self._resume_cut_off()
            self._resumed_at = moment
        with self.sessions() as session:
            reading(session)  # looking for work never takes the write lock a till's scan waits for
            due = [(a.id, a.state, a.provider, a.out_trade_no, a.submitted_at or a.created_at) for a in session.scalars(
                select(PaymentAttempt).where(PaymentAttempt.state.in_((UNKNOWN, POLLING, NEEDS_REVERSE)),
                                             or_(PaymentAttempt.next_at.is_(None), PaymentAttempt.next_at <= moment))
                .order_by(PaymentAttempt.next_at).limit(50))]
            refunds = [(r.id, r.state, r.provider, r.out_trade_no, r.out_refund_no, r.amount, r.total)
                       for r in session.scalars(select(PaymentRefund).where(
                           PaymentRefund.state.in_(R_WORKING), PaymentRefund.updated_at <= moment)
                           .order_by(PaymentRefund.id).limit(50))]
            session.rollback()
        waiting = {attempt_id for attempt_id, state, *_ in due if state in (POLLING, UNKNOWN)}
        self._later_at = {k: v for k, v in self._later_at.items() if k in waiting}
        for attempt_id, state, provider, number, submitted in due:
            if self._stop.is_set():
                break
            if attempt_id in waiting and self._later_at.get(attempt_id, moment) > moment:
                continue
            try:
                gateway = self.providers.get(provider)
            except DomainError as error:
                log.warning("payment %s: %s", number, error.code)
                continue
            if state == NEEDS_REVERSE:
                failpoint("paycode_reversing")
                settle_cancel(self.sessions, self.tickets, self.timing, attempt_id, gateway.cancel(number),
                              answer=False)
            else:
                failpoint("paycode_polling")
                result = gateway.query(number)
                asked = clock.now()
                if _still_waiting(state, result) and (asked - submitted).total_seconds() < self.timing.give_up:
                    # nothing new (the customer is still typing): ask again later, no write at all
                    self._later_at[attempt_id] = asked + timedelta(seconds=self.timing.query_every)
                    continue
                self._later_at.pop(attempt_id, None)
                settle_charge(self.sessions, self.tickets, self.timing, self.settings(), attempt_id, result,
                              queried=True, answer=False)
            done += 1
        for refund_id, state, provider, number, refund_no, amount, total in refunds:
            try:
                gateway = self.providers.get(provider)
            except DomainError as error:
                log.warning("refund %s: %s", refund_no, error.code)
                continue
            if state == R_PROCESSING:
                _settle_refund(self.sessions, refund_id, gateway.refund_query(refund_no, out_trade_no=number),
                               queried=True)
                self._later(refund_id, self.timing.refund_query_every)
            else:
                _settle_refund(self.sessions, refund_id, gateway.refund(number, refund_no, amount, total),
                               queried=False)
                self._later(refund_id, self.timing.first_query if state == R_NEW else self.timing.query_every)
            done += 1
        if self.also is not None and not self._stop.is_set():
            done += self.also()
        return done

    def _later(self, refund_id: int, seconds: float) -> None:
        """Refunds are followed again no sooner than ``seconds`` from now (``updated_at`` paces them)."""
        with self.sessions() as session:
            refund = session.get(PaymentRefund, refund_id)
            if refund is not None and refund.state in R_WORKING:
                refund.updated_at = clock.now() + timedelta(seconds=seconds)
                session.commit()

    def _resume_cut_off(self) -> int:
        """Attempts a crash cut off: ``new`` ones were never sent (closed); ``submitted`` ones may
        have been charged (queried now, like an unknown answer)."""
        moment = clock.now()
        # from before this process started, or left far longer than any pay call waits
        cutoff = max(self.started, moment - timedelta(seconds=self.timing.give_up + 60))
        with settling, self.sessions() as session:
            cut = list(session.scalars(select(PaymentAttempt).where(
                PaymentAttempt.state.in_((NEW, SUBMITTED)), PaymentAttempt.updated_at < cutoff)))
            for attempt in cut:
                if attempt.state == NEW:
                    _move(attempt, CLOSED, moment, "INTERRUPTED")
                else:
                    _move(attempt, UNKNOWN, moment, "INTERRUPTED")
                    attempt.next_at = moment
            session.commit()
        return len(cut)
