"""货位: where each product sits in this store, so a picker walks the shop once.

A location is the store's own (HQ's catalog has none): ``A-03-2`` — aisle, bay, level — set by
the manager through the API or imported from a CSV of ``SKU,location`` lines (the back office or
``omnistore shelves import``). The O2O pick list is walked by location: numbers within a location
compare as numbers (``A-3`` before ``A-10``); goods without a location come last, by category as
before (``walk``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app import clock
from app.context import Actor
from app.db.models import Barcode, Category, Product, ShelfLocation
from app.domain import limits
from app.domain.errors import DomainError

#: at most this many characters: ``A-03-2``, ``冷柜-2``, ``B12.3``
MAX_LENGTH = 16
#: parts of letters or digits (any script), joined by one of - . /
_FORM = re.compile(r"^[^\W_]+(?:[-./][^\W_]+)*$")
_PARTS = re.compile(r"[0-9]+|[^\W\d_]+")
#: at most this many lines in one import
MAX_ROWS = 50_000
_HEADERS = frozenset({"sku", "code", "商品编码", "货号", "条码"})


@dataclass(frozen=True)
class Entry:
    """One location to set: ``code`` a SKU (or one of its barcodes); ``location`` None clears it.
    ``row``: the CSV line it came from, for the error."""

    code: str
    location: str | None
    row: int | None = None


def normalise(location: str) -> str:
    """The location as stored: trimmed, letters in upper case; ``shelf_location_invalid`` when it
    is not of the form."""
    value = location.strip().upper()
    if not value or len(value) > MAX_LENGTH or not _FORM.match(value):
        raise DomainError("shelf_location_invalid", status=422, location=location[:MAX_LENGTH + 4])
    return value


def walk_key(location: str | None) -> tuple[int, tuple[tuple[int, int, str], ...]]:
    """Sort key of a location in walking order: numbers as numbers, none at all last."""
    if not location:
        return (1, ())
    return (0, tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _PARTS.findall(location)))


def walk(session: Session, codes: Sequence[str]) -> tuple[list[int], dict[str, str]]:
    """Indexes of ``codes`` in the order a picker walks the shop — by location (none: last), then
    by category (the aisle), then by code — and the location of each code that has one; one query."""
    wanted = sorted(set(codes))
    rows = session.execute(select(Product.sku, Category.name, ShelfLocation.location)
                           .outerjoin(Category, Category.id == Product.category_id)
                           .outerjoin(ShelfLocation, ShelfLocation.sku == Product.sku)
                           .where(Product.sku.in_(wanted))).all() if wanted else []
    aisles = {sku: aisle for sku, aisle, _ in rows if aisle is not None}
    places = {sku: place for sku, _, place in rows if place is not None}
    order = sorted(range(len(codes)), key=lambda n: (walk_key(places.get(codes[n])), aisles.get(codes[n], "\uffff"),
                                                      codes[n], n))
    return order, places


def listing(session: Session, actor: Actor) -> dict[str, Any]:
    """Every location set, in walking order, with the product's name (a supervisor or above)."""
    actor.require("supervisor")
    rows = sorted(session.execute(select(ShelfLocation.sku, ShelfLocation.location, ShelfLocation.updated_at,
                                         Product.name).outerjoin(Product, Product.sku == ShelfLocation.sku)).all(),
                  key=lambda row: (walk_key(row.location), row.sku))
    return {"locations": [{"sku": row.sku, "name": row.name or "", "location": row.location,
                           "updated_at": row.updated_at.isoformat(timespec="seconds")} for row in rows]}


def _sku(session: Session, code: str) -> str | None:
    sku = session.scalar(select(Product.sku).where(Product.sku == code))
    if sku is None:
        sku = session.scalar(select(Product.sku).join(Barcode, Barcode.product_id == Product.id)
                             .where(Barcode.code == code))
    return sku


def set_locations(session: Session, actor: Actor, entries: Sequence[Entry], source: str = "api") -> dict[str, int]:
    """Set (or clear) the locations of ``entries`` — a manager; all are checked before any is
    written, so a bad line changes nothing. A code given twice: the last one counts."""
    actor.require("manager")
    if not entries:
        raise DomainError("shelf_locations_empty", status=422)
    if len(entries) > MAX_ROWS:
        raise DomainError("shelf_locations_too_many", status=422, limit=MAX_ROWS)
    wanted: dict[str, str | None] = {}
    for entry in entries:
        code = entry.code.strip()
        sku = _sku(session, code) if code else None
        if sku is None:
            if entry.row is not None:
                raise DomainError("shelf_csv_unknown_product", status=422, row=entry.row, code=code[:32])
            raise DomainError("unknown_product", status=404, code=code[:32])
        given = entry.location.strip() if entry.location is not None else ""
        try:
            wanted[sku] = normalise(given) if given else None
        except DomainError:
            if entry.row is not None:
                raise DomainError("shelf_csv_bad_location", status=422, row=entry.row,
                                  location=given[:MAX_LENGTH + 4]) from None
            raise
    moment = clock.now()
    cleared = [sku for sku, location in wanted.items() if location is None]
    if cleared:
        session.execute(delete(ShelfLocation).where(ShelfLocation.sku.in_(cleared)))
    statement = insert(ShelfLocation)
    for sku, location in wanted.items():
        if location is not None:
            session.execute(statement.values(sku=sku, location=location, updated_at=moment,
                                             operator_id=actor.operator_id)
                            .on_conflict_do_update(index_elements=["sku"], set_={
                                "location": location, "updated_at": moment, "operator_id": actor.operator_id}))
    saved = len(wanted) - len(cleared)
    from app.closing import audit

    audit(session, actor, "shelf_locations", f"{source}: {saved} set, {len(cleared)} cleared")
    return {"saved": saved, "cleared": len(cleared)}


def parse_csv(text: str) -> list[Entry]:
    """``SKU,location`` lines, an optional third cell (the name, for the reader) ignored; a header line
    of ``sku``/``商品编码``/``货号`` is skipped, an empty location clears it, blank lines are passed over. A line of another shape:
    ``shelf_csv_invalid`` naming it."""
    text = text.removeprefix("\ufeff")
    for row_no, line in enumerate(text.split("\n"), 1):  # line breaks and tabs only: no NUL, ESC, lone surrogate
        if limits.has_control_characters(line.replace("\r", "").replace("\t", "")):
            shown = "".join("?" if limits.has_control_characters(c) else c for c in line[:40])
            raise DomainError("shelf_csv_invalid", status=422, row=row_no, text=shown)
    entries: list[Entry] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    first = True
    for cells_read in reader:
        row_no = reader.line_num  # the file's line, even after a quoted cell that spans lines
        cells = [cell.strip() for cell in cells_read]
        if not any(cells):
            continue
        if first and cells[0].lower() in _HEADERS:
            first = False
            continue
        first = False
        if len(cells) < 2 or len(cells) > 3 or not cells[0]:
            raise DomainError("shelf_csv_invalid", status=422, row=row_no, text=",".join(cells)[:40])
        entries.append(Entry(cells[0], cells[1], row_no))
        if len(entries) > MAX_ROWS:
            raise DomainError("shelf_locations_too_many", status=422, limit=MAX_ROWS)
    return entries


def import_csv(session: Session, actor: Actor, text: str, source: str = "csv") -> dict[str, int]:
    """A CSV of ``SKU,location`` lines, all or nothing (``set_locations``)."""
    return set_locations(session, actor, parse_csv(text), source)


def decode(data: bytes) -> str:
    """A CSV file's bytes as text: UTF-8 (with or without the BOM Excel writes), else GB18030 (what
    Excel saves on a Chinese Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")
