"""The ticket a till is selling: lines, quantities, voids, price overrides, park and resume,
tenders and completion."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app import checkout, loyalty
from server.fields import RowId
from server.store import schemas
from server.store.deps import DB, Settings, State, Who, command, override

router = APIRouter(tags=["tickets"])


@router.post("/tickets")
def open_ticket(who: Who, session: DB, state: State, body: schemas.TicketOpenIn | None = None) -> dict[str, Any]:
    command_id = body.command_id if body and body.command_id else None
    return command(session, who, command_id, "open_ticket", {},
                   lambda: checkout.open_ticket(session, state.tickets, who))


@router.get("/tickets")
def list_tickets(who: Who, session: DB, state: State,
                 status: Annotated[str, Query(pattern="^(parked|open)$")] = "parked") -> dict[str, Any]:
    if status == "open":
        ticket = checkout.active_ticket(session, state.tickets, who.till)
        return {"items": [checkout.ticket_view(ticket)] if ticket else []}
    return {"items": [checkout.ticket_view(t) for t in checkout.parked_tickets(session, state.tickets, who)]}


@router.get("/tickets/{ticket_id}")
def get_ticket(ticket_id: RowId, who: Who, session: DB, state: State) -> dict[str, Any]:
    return checkout.ticket_view(checkout.get_ticket(session, state.tickets, who, ticket_id))


@router.post("/tickets/{ticket_id}/lines")
def add_line(ticket_id: RowId, body: schemas.LineIn, who: Who, session: DB, settings: Settings,
             state: State) -> dict[str, Any]:
    payload = {"ticket": ticket_id, "code": body.code, "quantity": body.quantity}
    if body.card_no:  # 售卡: a gift-card product and the card scanned from its back (HQ is asked first)
        return loyalty.add_gift_card(state.sessions, state.tickets, who, body.command_id, ticket_id, body.code,
                                     body.card_no, state.hq(), settings)
    return command(session, who, body.command_id, "add_line", payload,
                   lambda: checkout.add_line(session, state.tickets, who, ticket_id, body.code, body.quantity,
                                             settings), moves_money=False)


@router.post("/tickets/{ticket_id}/lines/{line_id}/quantity")
def change_quantity(ticket_id: RowId, line_id: RowId, body: schemas.QuantityIn, who: Who, session: DB,
                    settings: Settings, state: State) -> dict[str, Any]:
    payload = {"ticket": ticket_id, "line": line_id, "quantity": body.quantity}
    return command(session, who, body.command_id, "change_quantity", payload,
                   lambda: checkout.change_quantity(session, state.tickets, who, ticket_id, line_id, body.quantity,
                                                    override(body), settings), moves_money=False)


@router.post("/tickets/{ticket_id}/lines/{line_id}/void")
def void_line(ticket_id: RowId, line_id: RowId, body: schemas.OverridableIn, who: Who, session: DB,
              settings: Settings, state: State) -> dict[str, Any]:
    payload = {"ticket": ticket_id, "line": line_id}
    return command(session, who, body.command_id, "void_line", payload,
                   lambda: checkout.void_line(session, state.tickets, who, ticket_id, line_id, override(body),
                                              settings), moves_money=False)


@router.post("/tickets/{ticket_id}/lines/{line_id}/price")
def override_price(ticket_id: RowId, line_id: RowId, body: schemas.PriceIn, who: Who, session: DB,
                   settings: Settings, state: State) -> dict[str, Any]:
    payload = {"ticket": ticket_id, "line": line_id, "price": body.price}
    return command(session, who, body.command_id, "price_override", payload,
                   lambda: checkout.override_price(session, state.tickets, who, ticket_id, line_id, body.price,
                                                   override(body), settings))


@router.post("/tickets/{ticket_id}/park")
def park(ticket_id: RowId, body: schemas.CommandIn, who: Who, session: DB, settings: Settings,
         state: State) -> dict[str, Any]:
    return command(session, who, body.command_id, "park", {"ticket": ticket_id},
                   lambda: checkout.park(session, state.tickets, who, ticket_id, settings))


@router.post("/tickets/{ticket_id}/resume")
def resume(ticket_id: RowId, body: schemas.CommandIn, who: Who, session: DB, settings: Settings,
           state: State) -> dict[str, Any]:
    return command(session, who, body.command_id, "resume", {"ticket": ticket_id},
                   lambda: checkout.resume(session, state.tickets, who, ticket_id, settings))


@router.post("/tickets/{ticket_id}/void")
def void_ticket(ticket_id: RowId, body: schemas.OverridableIn, who: Who, session: DB,
                settings: Settings, state: State) -> dict[str, Any]:
    return command(session, who, body.command_id, "void_ticket", {"ticket": ticket_id},
                   lambda: checkout.void_ticket(session, state.tickets, who, ticket_id, override(body), settings))


@router.post("/tickets/{ticket_id}/tenders")
def add_tender(ticket_id: RowId, body: schemas.TenderIn, who: Who, session: DB, settings: Settings,
               state: State) -> dict[str, Any]:
    payload = {"ticket": ticket_id, "method": body.method, "amount": body.amount}
    return command(session, who, body.command_id, "tender", payload,
                   lambda: checkout.add_tender(session, state.tickets, who, ticket_id, body.method, body.amount,
                                               settings))


@router.post("/tickets/{ticket_id}/complete")
def complete(ticket_id: RowId, body: schemas.CommandIn, who: Who, session: DB, settings: Settings,
             state: State) -> dict[str, Any]:
    result = command(session, who, body.command_id, "complete", {"ticket": ticket_id},
                     lambda: checkout.complete(session, state.tickets, who, ticket_id, settings))
    if any(line.get("card_no") for line in result["ticket"]["lines"]):  # stored: now the cards go live
        loyalty.activate_gift_cards(state.hq(), result["ticket"])
    return result
