"""The ticket a till is selling: lines, quantities, voids, price overrides, park and resume,
tenders and completion.

These are the till's hot path (a scan, a tender, completing a sale): each answers through
``server.responses.answer``, declared by its model for the schema but serialised once, without
FastAPI's validation walk over a ticket of many lines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app import checkout, loyalty
from server.fields import RowId
from server.responses import HQ_FAULTS, answer
from server.store import schemas
from server.store.deps import DB, Bearer, State, Who, override, store_state, till_command, who_is
from server.store.responses import SaleOut, TicketOut, TicketsOut

router = APIRouter(tags=["tickets"])


@router.post("/tickets", response_model=TicketOut)
def open_ticket(request: Request, token: Bearer, body: schemas.TicketOpenIn | None = None) -> Response:
    command_id = body.command_id if body and body.command_id else None
    return answer(TicketOut, till_command(request, token, command_id, "open_ticket", {},
                                          lambda session, who, state: checkout.open_ticket(session, state.tickets,
                                                                                           who)))


@router.get("/tickets", response_model=TicketsOut)
def list_tickets(who: Who, session: DB, state: State,
                 status: Annotated[str, Query(pattern="^(parked|open)$")] = "parked") -> Response:
    if status == "open":
        ticket = checkout.active_ticket(session, state.tickets, who.till)
        return answer(TicketsOut, {"items": [checkout.ticket_view(ticket)] if ticket else []})
    return answer(TicketsOut, {"items": [checkout.ticket_view(t) for t in checkout.parked_tickets(session, state.tickets,
                                                                                                    who)]})


@router.get("/tickets/{ticket_id}", response_model=TicketOut)
def get_ticket(ticket_id: RowId, who: Who, session: DB, state: State) -> Response:
    return answer(TicketOut, checkout.ticket_view(checkout.get_ticket(session, state.tickets, who, ticket_id)))


@router.post("/tickets/{ticket_id}/lines", response_model=TicketOut, responses=HQ_FAULTS)
def add_line(ticket_id: RowId, body: schemas.LineIn, token: Bearer, request: Request) -> Response:
    if body.card_no:  # 售卡: a gift-card product and the card scanned from its back (HQ is asked first)
        state = store_state(request)
        return answer(TicketOut, loyalty.add_gift_card(state.sessions, state.tickets, who_is(state, token),
                                                       body.command_id, ticket_id, body.code, body.card_no, state.hq(),
                                                       state.settings))
    payload = {"ticket": ticket_id, "code": body.code, "quantity": body.quantity}
    return answer(TicketOut, till_command(
        request, token, body.command_id, "add_line", payload,
        lambda session, who, state: checkout.add_line(session, state.tickets, who, ticket_id, body.code,
                                                      body.quantity, state.settings), moves_money=False))


@router.post("/tickets/{ticket_id}/lines/{line_id}/quantity", response_model=TicketOut)
def change_quantity(ticket_id: RowId, line_id: RowId, body: schemas.QuantityIn, token: Bearer,
                    request: Request) -> Response:
    payload = {"ticket": ticket_id, "line": line_id, "quantity": body.quantity}
    return answer(TicketOut, till_command(
        request, token, body.command_id, "change_quantity", payload,
        lambda session, who, state: checkout.change_quantity(session, state.tickets, who, ticket_id, line_id,
                                                             body.quantity, override(body), state.settings),
        moves_money=False))


@router.post("/tickets/{ticket_id}/lines/{line_id}/void", response_model=TicketOut)
def void_line(ticket_id: RowId, line_id: RowId, body: schemas.OverridableIn, token: Bearer,
              request: Request) -> Response:
    payload = {"ticket": ticket_id, "line": line_id}
    return answer(TicketOut, till_command(
        request, token, body.command_id, "void_line", payload,
        lambda session, who, state: checkout.void_line(session, state.tickets, who, ticket_id, line_id,
                                                       override(body), state.settings), moves_money=False))


@router.post("/tickets/{ticket_id}/lines/{line_id}/price", response_model=TicketOut)
def override_price(ticket_id: RowId, line_id: RowId, body: schemas.PriceIn, token: Bearer,
                   request: Request) -> Response:
    payload = {"ticket": ticket_id, "line": line_id, "price": body.price}
    return answer(TicketOut, till_command(
        request, token, body.command_id, "price_override", payload,
        lambda session, who, state: checkout.override_price(session, state.tickets, who, ticket_id, line_id,
                                                            body.price, override(body), state.settings)))


@router.post("/tickets/{ticket_id}/park", response_model=TicketOut)
def park(ticket_id: RowId, body: schemas.CommandIn, token: Bearer, request: Request) -> Response:
    return answer(TicketOut, till_command(
        request, token, body.command_id, "park", {"ticket": ticket_id},
        lambda session, who, state: checkout.park(session, state.tickets, who, ticket_id, state.settings)))


@router.post("/tickets/{ticket_id}/resume", response_model=TicketOut)
def resume(ticket_id: RowId, body: schemas.CommandIn, token: Bearer, request: Request) -> Response:
    return answer(TicketOut, till_command(
        request, token, body.command_id, "resume", {"ticket": ticket_id},
        lambda session, who, state: checkout.resume(session, state.tickets, who, ticket_id, state.settings)))


@router.post("/tickets/{ticket_id}/void", response_model=TicketOut)
def void_ticket(ticket_id: RowId, body: schemas.OverridableIn, token: Bearer, request: Request) -> Response:
    return answer(TicketOut, till_command(
        request, token, body.command_id, "void_ticket", {"ticket": ticket_id},
        lambda session, who, state: checkout.void_ticket(session, state.tickets, who, ticket_id, override(body),
                                                         state.settings)))


@router.post("/tickets/{ticket_id}/tenders", response_model=TicketOut)
def add_tender(ticket_id: RowId, body: schemas.TenderIn, token: Bearer, request: Request) -> Response:
    payload = {"ticket": ticket_id, "method": body.method, "amount": body.amount}
    return answer(TicketOut, till_command(
        request, token, body.command_id, "tender", payload,
        lambda session, who, state: checkout.add_tender(session, state.tickets, who, ticket_id, body.method,
                                                        body.amount, state.settings)))


@router.post("/tickets/{ticket_id}/complete", response_model=SaleOut)
def complete(ticket_id: RowId, body: schemas.CommandIn, token: Bearer, request: Request) -> Response:
    result = till_command(
        request, token, body.command_id, "complete", {"ticket": ticket_id},
        lambda session, who, state: checkout.complete(session, state.tickets, who, ticket_id, state.settings))
    if any(line.get("card_no") for line in result.data["ticket"]["lines"]):  # stored: now the cards go live
        loyalty.activate_gift_cards(store_state(request).hq(), result.data["ticket"])
    return answer(SaleOut, result)
