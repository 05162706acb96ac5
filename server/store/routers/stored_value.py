"""储值 and gift cards at the till: pay with a card, the card's balance, a top-up paid in cash or by
payment code."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import loyalty, paycode_topups
from server.fields import RowId
from server.hq.responses import BalanceOut, CardMoveOut
from server.responses import HQ_FAULTS
from server.store import schemas
from server.store.deps import Settings, State, Who
from server.store.responses import PaycodeOut, TicketOut

router = APIRouter(tags=["stored value"])


@router.post("/tickets/{ticket_id}/stored-value", response_model=TicketOut, responses=HQ_FAULTS)
def ticket_stored_value(ticket_id: RowId, body: schemas.StoredValueIn, who: Who, settings: Settings,
                        state: State) -> dict[str, Any]:
    """储值支付: HQ takes ``amount`` from the card now (in two phases: ``app.outside``)."""
    return loyalty.pay_stored_value(state.sessions, state.tickets, who, body.command_id, ticket_id, body.card,
                                    body.amount, state.hq(), settings)


@router.get("/stored-value/{card}", response_model=BalanceOut, responses=HQ_FAULTS)
def stored_value_balance(card: schemas.Card, who: Who, state: State) -> dict[str, Any]:
    """查余额: the card's balance at HQ, for the customer (and a gift card's last day)."""
    return loyalty.card_balance(state.hq(), card)


@router.post("/stored-value/topup", response_model=CardMoveOut, responses=HQ_FAULTS)
def stored_value_top_up(body: schemas.TopUpIn, who: Who, state: State) -> dict[str, Any]:
    """充值: the customer pays cash at the till; HQ credits the card (a retry credits once)."""
    return loyalty.top_up(state.sessions, who, state.hq(), body.card, body.amount, body.command_id)


@router.post("/stored-value/topup/paycode", response_model=PaycodeOut, responses=HQ_FAULTS)
def stored_value_top_up_paycode(body: schemas.TopUpPaycodeIn, who: Who, settings: Settings,
                                state: State) -> dict[str, Any]:
    """充值 by payment code: the customer's code is charged (followed like a ticket's: poll
    ``/paycodes/{id}``, cancel there), and only once paid is the card credited at HQ — again in the
    background while HQ is out of reach; refused by HQ, the charge is refunded (``topup.refund``)."""
    return paycode_topups.scan_top_up(state.sessions, state.tickets, who, state.providers, state.paycode_timing,
                                      settings, state.hq(), command_id=body.command_id, card=body.card,
                                      amount=body.amount, code=body.code)
