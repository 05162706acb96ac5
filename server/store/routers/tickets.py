"""The ticket a till is selling: lines, quantities, voids, price overrides, park and resume,
tenders and completion.

These are the till's hot path (a scan, a tender, completing a sale): each answers through
``server.responses.answer``, declared by its model for the schema but serialised once, without
FastAPI's validation walk over a ticket of many lines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app import checkout, loyalty
from server.fields import RowId
from server.responses import HQ_FAULTS, answer
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, command, override
from server.store.responses import SaleOut, TicketOut, TicketsOut

router = APIRouter(tags=["tickets"])


@router.post("/tickets", response_model=TicketOut)
def open_ticket(who: Who, session: DB, state: State, body: schemas.TicketOpenIn | None = None) -> Response:
    command_id = body.command_id if body and body.command_id else None
    return answer(TicketOut, command(session, who, command_id, "open_ticket", {},
                                     lambda: checkout.open_ticket(session, state.tickets, who)))


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
def add_line(ticket_id: RowId, body: schemas.LineIn, who: Who, session: DB, settings: Settings,
             state: State) -> Response:
    payload = {"ticket": ticket_id, "code": body.code, "quantity": body.quantity}
    if body.card_no:  # 售卡: a gift-card product and the card scanned from its back (HQ is asked first)
        return answer(TicketOut, loyalty.add_gift_card(state.sessions, state.tickets, who, body.command_id, ticket_id,
                                                       body.code, body.card_no, state.hq(), settings))
    return answer(TicketOut, command(session, who, body.command_id, "add_line", payload,
                                     lambda: checkout.add_line(session, state.tickets, who, ticket_id, body.code,
                                                               body.quantity, settings), moves_money=False))


@router.post("/tickets/{ticket_id}/lines/{line_id}/quantity", response_model=TicketOut)
def change_quantity(ticket_id: RowId, line_id: RowId, body: schemas.QuantityIn, who: Who, session: DB,
                    settings: Settings, state: State) -> Response:
    payload = {"ticket": ticket_id, "line": line_id, "quantity": body.quantity}
    return answer(TicketOut, command(session, who, body.command_id, "change_quantity", payload,
                                     lambda: checkout.change_quantity(session, state.tickets, who, ticket_id, line_id,
                                                                      body.quantity, override(body), settings),
                                     moves_money=False))


@router.post("/tickets/{ticket_id}/lines/{line_id}/void", response_model=TicketOut)
def void_line(ticket_id: RowId, line_id: RowId, body: schemas.OverridableIn, who: Who, session: DB,
              settings: Settings, state: State) -> Response:
    payload = {"ticket": ticket_id, "line": line_id}
    return answer(TicketOut, command(session, who, body.command_id, "void_line", payload,
                                     lambda: checkout.void_line(session, state.tickets, who, ticket_id, line_id,
                                                                override(body), settings), moves_money=False))


@router.post("/tickets/{ticket_id}/lines/{line_id}/price", response_model=TicketOut)
def override_price(ticket_id: RowId, line_id: RowId, body: schemas.PriceIn, who: Who, session: DB,
                   settings: Settings, state: State) -> Response:
    payload = {"ticket": ticket_id, "line": line_id, "price": body.price}
    return answer(TicketOut, command(session, who, body.command_id, "price_override", payload,
                                     lambda: checkout.override_price(session, state.tickets, who, ticket_id, line_id,
                                                                     body.price, override(body), settings)))


@router.post("/tickets/{ticket_id}/park", response_model=TicketOut)
def park(ticket_id: RowId, body: schemas.CommandIn, who: Who, session: DB, settings: Settings,
         state: State) -> Response:
    return answer(TicketOut, command(session, who, body.command_id, "park", {"ticket": ticket_id},
                                     lambda: checkout.park(session, state.tickets, who, ticket_id, settings)))


@router.post("/tickets/{ticket_id}/resume", response_model=TicketOut)
def resume(ticket_id: RowId, body: schemas.CommandIn, who: Who, session: DB, settings: Settings,
           state: State) -> Response:
    return answer(TicketOut, command(session, who, body.command_id, "resume", {"ticket": ticket_id},
                                     lambda: checkout.resume(session, state.tickets, who, ticket_id, settings)))


@router.post("/tickets/{ticket_id}/void", response_model=TicketOut)
def void_ticket(ticket_id: RowId, body: schemas.OverridableIn, who: Who, session: DB,
                settings: Settings, state: State) -> Response:
    return answer(TicketOut, command(session, who, body.command_id, "void_ticket", {"ticket": ticket_id},
                                     lambda: checkout.void_ticket(session, state.tickets, who, ticket_id,
                                                                  override(body), settings)))


@router.post("/tickets/{ticket_id}/tenders", response_model=TicketOut)
def add_tender(ticket_id: RowId, body: schemas.TenderIn, who: Who, session: DB, settings: Settings,
               state: State) -> Response:
    payload = {"ticket": ticket_id, "method": body.method, "amount": body.amount}
    return answer(TicketOut, command(session, who, body.command_id, "tender", payload,
                                     lambda: checkout.add_tender(session, state.tickets, who, ticket_id, body.method,
                                                                 body.amount, settings)))


@router.post("/tickets/{ticket_id}/complete", response_model=SaleOut)
def complete(ticket_id: RowId, body: schemas.CommandIn, who: Who, session: DB, settings: Settings,
             state: State) -> Response:
    result = command(session, who, body.command_id, "complete", {"ticket": ticket_id},
                     lambda: checkout.complete(session, state.tickets, who, ticket_id, settings))
    if any(line.get("card_no") for line in result["ticket"]["lines"]):  # stored: now the cards go live
        loyalty.activate_gift_cards(state.hq(), result["ticket"])
    return answer(SaleOut, result)
