"""付款码 at the till: scan a customer's WeChat Pay / Alipay payment code for a ticket, follow the
attempt while the customer types a password, 查单 by hand, and cancel (= reverse)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import paycodes
from server.fields import RowId
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, command, override
from server.store.responses import PaycodeOut, PaycodeRefundOut

router = APIRouter(tags=["payment codes"])


@router.post("/tickets/{ticket_id}/paycode", response_model=PaycodeOut)
def ticket_paycode(ticket_id: RowId, body: schemas.PaycodeIn, who: Who, settings: Settings,
                   state: State) -> dict[str, Any]:
    """Charge the scanned code for ``amount`` (default: what is due, 抹零 never applies). Recorded
    before the provider is called; a resend, or the same code again, answers the same attempt."""
    return paycodes.scan(state.sessions, state.tickets, who, state.providers, state.paycode_timing, settings,
                         command_id=body.command_id, ticket_id=ticket_id, code=body.code, amount=body.amount,
                         store_code=state.store_code())


@router.get("/paycodes/{attempt_id}", response_model=PaycodeOut)
def paycode_state(attempt_id: RowId, who: Who, state: State) -> dict[str, Any]:
    """The attempt now (the till polls it while the customer confirms on the phone)."""
    return paycodes.get_attempt(state.sessions, state.tickets, who, attempt_id, state.paycode_timing)


@router.post("/paycodes/{attempt_id}/query", response_model=PaycodeOut)
def paycode_query(attempt_id: RowId, body: schemas.CommandIn, who: Who, settings: Settings,
                  state: State) -> dict[str, Any]:
    """查单: ask the provider now (asking again is harmless: the same out_trade_no)."""
    return paycodes.query_now(state.sessions, state.tickets, who, state.providers, state.paycode_timing, settings,
                              attempt_id)


@router.post("/paycodes/{attempt_id}/cancel", response_model=PaycodeOut)
def paycode_cancel(attempt_id: RowId, body: schemas.CommandIn, who: Who, state: State) -> dict[str, Any]:
    """取消: reverse the attempt (again while the provider asks; the worker carries on if it must)."""
    return paycodes.cancel(state.sessions, state.tickets, who, state.providers, state.paycode_timing, attempt_id)


@router.get("/paycode-refunds/{out_refund_no}", response_model=PaycodeRefundOut)
def paycode_refund(out_refund_no: schemas.RefundNo, who: Who, state: State) -> dict[str, Any]:
    """A refund to a payment code (a return's, a void's), as the provider last said."""
    return paycodes.get_refund(state.sessions, out_refund_no)


@router.post("/paycode-refunds/{out_refund_no}/cash", response_model=PaycodeRefundOut)
def paycode_refund_cash(out_refund_no: schemas.RefundNo, body: schemas.OverridableIn, session: DB, who: Who,
                        settings: Settings) -> dict[str, Any]:
    """现金退款: a refund the provider refused for good, paid out of the drawer instead — exactly the
    refused amount, once, with a manager's authorisation (audited, and sent to HQ)."""
    return command(session, who, body.command_id, "paycode_cash_refund", {"out_refund_no": out_refund_no},
                   lambda: paycodes.pay_refund_in_cash(session, who, out_refund_no, override(body), settings))
