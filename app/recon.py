"""对账 for the store's manager: their own store's days, asked of HQ, where the bills are.

HQ matches the store's sales against the providers' bills (``app.hq.recon``); the store server
asks it for this store's calendar, a day and a sale's drill-down through its signed link, and
sends the manager's decisions (resolve a difference, close the day) audited as the store and the
manager's operator code. Reopening a closed day is HQ finance's alone.

What only the store holds is added to the drill-down: every payment-code attempt of the sale
(``PaymentAttempt``: its ``out_trade_no``, each state it went through and when, what the provider
answered) with the refunds sent against them, and the receipt as it printed. HQ is asked outside
any database transaction; with HQ out of reach the manager is told so (``hq_unreachable``) and
the till goes on selling.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import outside
from app.context import Actor
from app.db.models import PaymentAttempt, PaymentRefund, Return, Ticket
from app.domain.errors import DomainError
from app.domain.receipt import plain_text
from app.loyalty import call_hq
from app.receipts import receipt_for
from app.returns import slip_for
from app.settings import StoreSettings
from app.sync.hq_client import HqClient
from app.tickets import Tickets


def _base(client: HqClient | None) -> str:
    if client is None:
        raise DomainError("hq_not_connected", status=409)
    return f"/stores/{quote(client.config.store_code, safe='')}/recon"


def calendar(client: HqClient | None, actor: Actor, first: date, last: date) -> dict[str, Any]:
    """This store's days × channels between ``first`` and ``last``, each coloured by its state."""
    actor.require("manager")
    return call_hq(client, "GET", f"{_base(client)}/calendar?from={first.isoformat()}&to={last.isoformat()}")


def day_view(client: HqClient | None, actor: Actor, day: date) -> dict[str, Any]:
    """One of this store's days: ours against the providers' per channel, the differences, the cash."""
    actor.require("manager")
    return call_hq(client, "GET", f"{_base(client)}/days/{day.isoformat()}")


def sale_detail(sessions: sessionmaker[Session], tickets: Tickets, settings: StoreSettings,
                client: HqClient | None, actor: Actor, sale_id: str) -> dict[str, Any]:
    """A difference drilled down to the sale: HQ's record of it, then from the store's own books
    each payment-code attempt's history, the refunds sent against them and the receipt's text
    (a return's slip)."""
    actor.require("manager")
    found = call_hq(client, "GET", f"{_base(client)}/sales/{quote(sale_id, safe='')}")
    with sessions() as session:
        return {**found, **local_detail(session, tickets, settings, sale_id)}


def local_detail(session: Session, tickets: Tickets, settings: StoreSettings, sale_id: str) -> dict[str, Any]:
    """What the store alone knows of a sale (or of a return: its original sale's attempts, and its
    slip for the receipt)."""
    ticket_id = session.scalar(select(Ticket.id).where(Ticket.sale_id == sale_id))
    receipt = None
    if ticket_id is not None:
        receipt = plain_text(receipt_for(session, tickets, sale_id, settings))
    elif (returned := session.scalar(select(Return).where(Return.return_no == sale_id))) is not None:
        ticket_id, receipt = returned.ticket_id, plain_text(slip_for(session, sale_id, settings))
    attempts = list(session.scalars(select(PaymentAttempt).where(PaymentAttempt.ticket_id == ticket_id)
                                    .order_by(PaymentAttempt.id))) if ticket_id is not None else []
    numbers = [a.out_trade_no for a in attempts]
    refunds = list(session.scalars(select(PaymentRefund).where(PaymentRefund.out_trade_no.in_(numbers))
                                   .order_by(PaymentRefund.id))) if numbers else []
    return {"attempts": [_attempt(a) for a in attempts], "refunds": [_refund(r) for r in refunds],
            "receipt": receipt}


def _attempt(attempt: PaymentAttempt) -> dict[str, Any]:
    return {"out_trade_no": attempt.out_trade_no, "provider": attempt.provider, "till": attempt.till,
            "amount": attempt.amount, "state": attempt.state, "code": attempt.code_masked,
            "raw_code": attempt.raw_code, "message": attempt.message or "", "transaction_id": attempt.transaction_id,
            "payer_bank": attempt.payer_bank, "fee": attempt.fee, "queries": attempt.queries,
            "cancels": attempt.cancels, "created_at": attempt.created_at.isoformat(timespec="seconds"),
            "paid_at": attempt.paid_at.isoformat(timespec="seconds") if attempt.paid_at else None,
            "history": [_step(step) for step in attempt.history]}


def _refund(refund: PaymentRefund) -> dict[str, Any]:
    return {"out_refund_no": refund.out_refund_no, "out_trade_no": refund.out_trade_no, "provider": refund.provider,
            "amount": refund.amount, "state": refund.state, "raw_code": refund.raw_code, "refund_id": refund.refund_id,
            "created_at": refund.created_at.isoformat(timespec="seconds"),
            "history": [_step(step) for step in refund.history]}


def _step(step: dict[str, Any]) -> dict[str, Any]:
    return {"at": str(step.get("at", "")), "state": str(step.get("state", "")), "code": str(step.get("code") or "")}


def resolve(sessions: sessionmaker[Session], client: HqClient | None, actor: Actor, command_id: str, day: date,
            channel: str, key: str, action: str, note: str) -> dict[str, Any]:
    """处理差异: the manager resolves one of the store's differences with its reason; HQ keeps who
    (this store and the manager's code) and when. A retry of the same command gets the first answer."""
    actor.require("manager")
    path = f"{_base(client)}/days/{day.isoformat()}/resolve"
    body = {"channel": channel, "key": key, "action": action, "note": note}

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        return outside.Prepared({**body, "operator": actor.operator_code})

    return outside.run(sessions, actor, command_id, "recon_resolve", {"day": day.isoformat(), **body},
                       kind="recon_resolve", prepare=prepare,
                       call=lambda request: call_hq(client, "POST", path, request),
                       settle=lambda session, record, answer: answer)


def close_day(sessions: sessionmaker[Session], client: HqClient | None, actor: Actor, command_id: str,
              day: date) -> dict[str, Any]:
    """The manager closes the store's day once every difference is resolved (reopening is HQ's)."""
    actor.require("manager")
    path = f"{_base(client)}/days/{day.isoformat()}/close"

    def prepare(session: Session, call_id: str) -> outside.Prepared:
        return outside.Prepared({"operator": actor.operator_code})

    return outside.run(sessions, actor, command_id, "recon_close", {"day": day.isoformat()}, kind="recon_close",
                       prepare=prepare, call=lambda request: call_hq(client, "POST", path, request),
                       settle=lambda session, record, answer: answer)
