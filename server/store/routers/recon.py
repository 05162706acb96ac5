"""对账 for the store's manager: the store's own days as HQ reconciled them, the drill-down with the
store's payment attempts, resolving a difference and closing the day (``app.recon``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app import recon
from server.fields import Day
from server.hq.responses import ReconCalendarOut, ReconDayOut
from server.responses import HQ_FAULTS
from server.store import schemas
from server.store.deps import State, Who
from server.store.responses import StoreReconSaleOut

router = APIRouter(tags=["reconciliation"])


@router.get("/recon/calendar", response_model=ReconCalendarOut, responses=HQ_FAULTS)
def calendar(who: Who, state: State, first: Annotated[Day, Query(alias="from")],
             last: Annotated[Day, Query(alias="to")]) -> dict[str, Any]:
    """The store's days × channels, each a state: matched, differences, missing_bill, empty."""
    return recon.calendar(state.hq(), who, first, last)


@router.get("/recon/days/{day}", response_model=ReconDayOut, responses=HQ_FAULTS)
def day_view(day: Day, who: Who, state: State) -> dict[str, Any]:
    """One of the store's days: ours vs the providers' per channel, the differences, the cash."""
    return recon.day_view(state.hq(), who, day)


@router.get("/recon/sales/{sale_id}", response_model=StoreReconSaleOut, responses=HQ_FAULTS)
def sale(sale_id: schemas.SaleId, who: Who, state: State) -> dict[str, Any]:
    """A difference drilled down to the sale: HQ's record, the payment attempts' history, the receipt."""
    return recon.sale_detail(state.sessions, state.tickets, state.settings, state.hq(), who, sale_id)


@router.post("/recon/days/{day}/resolve", response_model=ReconDayOut, responses=HQ_FAULTS)
def resolve(day: Day, body: schemas.ReconResolveIn, who: Who, state: State) -> dict[str, Any]:
    """Resolve a difference with its reason (HQ keeps who and when)."""
    return recon.resolve(state.sessions, state.hq(), who, body.command_id, day, body.channel, body.key,
                         body.action, body.note)


@router.post("/recon/days/{day}/close", response_model=ReconDayOut, responses=HQ_FAULTS)
def close_day(day: Day, body: schemas.CommandIn, who: Who, state: State) -> dict[str, Any]:
    """Close the day once every difference is resolved; reopening it is HQ finance's."""
    return recon.close_day(state.sessions, state.hq(), who, body.command_id, day)
