"""货位: the shelf locations the O2O pick list is walked by — the list, a manager's change, and a
CSV import (``SKU,location`` lines; larger files: ``omnistore shelves import``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import shelves
from server.store import schemas
from server.store.deps import DB, ReadDB, Reader, Who, command
from server.store.responses import ShelfLocationsOut, ShelfLocationsSavedOut

router = APIRouter(tags=["shelves"])


@router.get("/shelf-locations", response_model=ShelfLocationsOut)
def list_locations(who: Reader, session: ReadDB) -> dict[str, Any]:
    """Every location set here, in walking order (a supervisor or above)."""
    return shelves.listing(session, who)


@router.put("/shelf-locations", response_model=ShelfLocationsSavedOut)
def set_locations(body: schemas.ShelfLocationsIn, who: Who, session: DB) -> dict[str, Any]:
    """Set or clear (``location`` null or empty) products' locations — a manager; all or nothing."""
    entries = [shelves.Entry(item.code, item.location) for item in body.locations]
    return command(session, who, body.command_id, "shelf_locations", body.model_dump(exclude={"command_id"}),
                   lambda: shelves.set_locations(session, who, entries))


@router.post("/shelf-locations/import", response_model=ShelfLocationsSavedOut)
def import_locations(body: schemas.ShelfCsvIn, who: Who, session: DB) -> dict[str, Any]:
    """A CSV of ``SKU,location`` lines — a manager; a bad line names itself and changes nothing."""
    return command(session, who, body.command_id, "shelf_import", {"csv": body.csv},
                   lambda: shelves.import_csv(session, who, body.csv))
