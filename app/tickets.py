"""Where sales in progress are kept: the ``Sale`` aggregate mapped to the store's tables.

A use case loads a ticket (``Tickets.load``), calls one command on it and saves it
(``Tickets.save``) in the same transaction as the command's record; the caller commits.

While a ticket is being sold the store server keeps it in memory too, so a scan costs one
indexed lookup of the ticket's version, the product lookup, the insert of the new line and the
update of what changed — not a reload of every line. The copy is used only while it is as new as
the row (``tickets.version`` is bumped by every save), and it is published only when the
transaction that saved it commits: a rollback (a refused scan, a crash halfway) drops it, and the
next load reads the row again. Every store transaction begins IMMEDIATE (``app.db.engine``), so
a command reads and changes a ticket while holding the database's write lock: two tills' commands
on one ticket never interleave.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Result, Table, bindparam, event, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db import driver
from app.db.models import Category, Product, Tender, Ticket, TicketCoupon, TicketLine
from app.domain.errors import DomainError
from app.domain.quantity import Unit
from app.domain.sale import Coupon, Line, Payment, Sale, SaleRules, Status

_TICKETS = cast(Table, Ticket.__table__)
_LINES = cast(Table, TicketLine.__table__)
_COUPONS = cast(Table, TicketCoupon.__table__)
_TENDERS = cast(Table, Tender.__table__)

#: a line's stored columns, in this order (what ``save`` compares to know what changed)
LineRow = tuple[Any, ...]

# Built once: a scan runs these every time, and building a statement costs more than running it.
_VERSION = select(_TICKETS.c.version, _TICKETS.c.till).where(_TICKETS.c.id == bindparam("ticket_id"))
#: a ticket's columns that its indexes hold: SQLite rewrites an index entry for every column an
#: UPDATE sets, changed or not, so a save that changes none of them (a scan) leaves them out
_INDEXED = ("status", "sale_id", "shift_id", "completed_at")
_SAVE_TICKET = (update(_TICKETS)
                .where(_TICKETS.c.id == bindparam("ticket_id"), _TICKETS.c.version == bindparam("was"))
                .values({c: bindparam(c) for c in ("member_no", "member_tier", "subtotal", "discount", "rounding",
                                                   "total", "paid", "change", "updated_at", "version")}))
_SAVE_TICKET_KEYS = _SAVE_TICKET.values({c: bindparam(c) for c in _INDEXED})
_LINE_COLUMNS = ("ticket_id", "seq", "product_id", "sku", "barcode", "name", "unit", "quantity", "unit_price",
                 "original_price", "amount", "fixed_amount", "voided", "note", "discount", "rounding", "card_no",
                 "reductions")
_INSERT_LINE = insert(_LINES).values({c: bindparam(c) for c in _LINE_COLUMNS})
_LINE_CHANGES = ("quantity", "unit_price", "amount", "voided", "note", "discount", "rounding", "reductions")
_UPDATE_LINE = (update(_LINES).where(_LINES.c.id == bindparam("line_id"))
                .values({c: bindparam(c) for c in _LINE_CHANGES}))
_INSERT_TENDER = insert(_TENDERS).values({c: bindparam(c) for c in ("ticket_id", "method", "amount", "created_at",
                                                                     "reference", "ref", "provider",
                                                                     "transaction_id", "payer_bank", "fee")})
_VERSION_NOW, _SAVE_TICKET_NOW, _SAVE_TICKET_KEYS_NOW, _INSERT_LINE_NOW, _UPDATE_LINE_NOW, _INSERT_TENDER_NOW = (
    driver.Prepared(s) for s in (_VERSION, _SAVE_TICKET, _SAVE_TICKET_KEYS, _INSERT_LINE, _UPDATE_LINE,
                                 _INSERT_TENDER))


def _line_row(line: Line) -> LineRow:
    return (line.quantity, line.unit_price, line.amount, line.voided, line.note, line.discount, line.rounding,
            line.reductions)


def _coupon_row(coupon: Coupon) -> tuple[int]:
    return (coupon.discount,)


def _keys(sale: Sale) -> tuple[Any, ...]:
    """The sale's values of the ticket's indexed columns (``_INDEXED``)."""
    return (sale.status.value, sale.sale_id, sale.shift_id, sale.completed_at)


@dataclass(slots=True)
class _Stored:
    """A ticket as its row holds it: the aggregate and what each child row was saved with."""

    version: int
    sale: Sale
    #: the indexed columns as the row holds them (``_keys``)
    keys: tuple[Any, ...] = ()
    lines: dict[int, LineRow] = field(default_factory=dict)
    coupons: dict[int, tuple[int]] = field(default_factory=dict)
    payments: set[int] = field(default_factory=set)


class Tickets:
    """The store's tickets (小票), loaded and saved as ``Sale`` aggregates."""

    def __init__(self, sessions: sessionmaker[Session] | None = None) -> None:
        self._kept: dict[int, _Stored] = {}
        self._lock = threading.Lock()
        if sessions is not None:
            event.listen(sessions, "after_commit", self._publish)
            event.listen(sessions, "after_rollback", self._drop)

    # ---- loading ------------------------------------------------------------------------

    def load(self, session: Session, ticket_id: int, rules: SaleRules | None = None, *, till: str | None = None) -> Sale:
        """The ticket, at ``till`` when given (another till's ticket is not found)."""
        version = driver.execute(session, _VERSION_NOW, {"ticket_id": ticket_id}).fetchone()
        if version is None or (till is not None and version.till != till):
            raise DomainError("ticket_not_found", status=404, ticket=ticket_id)
        with self._lock:
            stored = self._kept.get(ticket_id)
        if stored is None or stored.version != version.version:
            stored = self._read(session, ticket_id)
        _touched(session)[ticket_id] = stored
        if rules is not None:
            stored.sale.rules = rules
        return stored.sale

    def _read(self, session: Session, ticket_id: int) -> _Stored:
        row = session.execute(select(_TICKETS).where(_TICKETS.c.id == ticket_id)).one()
        sale = Sale(id=row.id, till=row.till, status=Status(row.status), member_no=row.member_no,
                    member_tier=row.member_tier, sale_id=row.sale_id, operator_id=row.operator_id,
                    shift_id=row.shift_id, created_at=row.created_at, completed_at=row.completed_at,
                    subtotal=row.subtotal, discount=row.discount, rounding=row.rounding, total=row.total,
                    paid=row.paid, change=row.change)
        stored = _Stored(row.version, sale, _keys(sale))
        lines = session.execute(
            select(_LINES, Category.name.label("category_name"), Product.brand)
            .join(Product, Product.id == _LINES.c.product_id).outerjoin(Category, Category.id == Product.category_id)
            .where(_LINES.c.ticket_id == ticket_id).order_by(_LINES.c.seq))
        for x in lines:
            line = Line(product_id=x.product_id, sku=x.sku, name=x.name, unit=Unit(x.unit), quantity=x.quantity,
                        unit_price=x.unit_price, original_price=x.original_price, barcode=x.barcode,
                        fixed_amount=x.fixed_amount, card_no=x.card_no, category=x.category_name or "",
                        brand=x.brand or "", voided=x.voided, reductions=x.reductions, seq=x.seq, id=x.id,
                        amount=x.amount, discount=x.discount)
            line.rounding = x.rounding
            line.promotion_note = "" if line.price_overridden else x.note
            sale.lines.append(line)
            stored.lines[x.id] = _line_row(line)
        for x in session.execute(select(_COUPONS).where(_COUPONS.c.ticket_id == ticket_id).order_by(_COUPONS.c.id)):
            coupon = Coupon(code=x.code, name=x.name, kind=x.kind, value=x.value, threshold=x.threshold, sku=x.sku,
                            offline=x.offline, ref=x.ref, id=x.id, discount=x.discount)
            sale.coupons.append(coupon)
            stored.coupons[x.id] = _coupon_row(coupon)
        for x in session.execute(select(_TENDERS).where(_TENDERS.c.ticket_id == ticket_id).order_by(_TENDERS.c.id)):
            sale.payments.append(Payment(kind=x.method, amount=x.amount, reference=x.reference, ref=x.ref, id=x.id,
                                         created_at=x.created_at, provider=x.provider,
                                         transaction_id=x.transaction_id, payer_bank=x.payer_bank, fee=x.fee))
            stored.payments.add(x.id)
        return stored

    # ---- saving -------------------------------------------------------------------------

    def add(self, session: Session, sale: Sale) -> Sale:
        """A new ticket: its row is inserted and it gets its id."""
        result = _cursor(session.execute(insert(_TICKETS).values(
            till=sale.till, operator_id=sale.operator_id, shift_id=sale.shift_id, status=sale.status.value,
            created_at=sale.created_at, updated_at=sale.created_at, subtotal=0, discount=0, rounding=0, total=0, paid=0,
            change=0, version=0)))
        sale.id = _new_id(result)
        _touched(session)[sale.id] = _Stored(0, sale, _keys(sale))
        return sale

    def save(self, session: Session, sale: Sale, moment: datetime) -> None:
        """Write what changed since the ticket was loaded; the version moves on by one."""
        stored = _touched(session).get(sale.id)
        if stored is None or stored.sale is not sale:
            raise RuntimeError(f"ticket {sale.id} saved without being loaded in this transaction")
        keys = _keys(sale)
        values = {"ticket_id": sale.id, "was": stored.version, "member_no": sale.member_no,
                  "member_tier": sale.member_tier, "subtotal": sale.subtotal, "discount": sale.discount,
                  "rounding": sale.rounding, "total": sale.total, "paid": sale.paid, "change": sale.change,
                  "updated_at": moment, "version": stored.version + 1}
        if keys == stored.keys:
            moved = driver.execute(session, _SAVE_TICKET_NOW, values)
        else:
            moved = driver.execute(session, _SAVE_TICKET_KEYS_NOW, {**values, **dict(zip(_INDEXED, keys, strict=True))})
            stored.keys = keys
        if moved.rowcount != 1:  # changed under us by a writer that bypassed this copy
            raise DomainError("ticket_changed", status=409)
        stored.version += 1
        self._save_lines(session, sale, stored)
        self._save_coupons(session, sale, stored, moment)
        for payment in sale.payments:
            if payment.id is None:
                payment.created_at = payment.created_at or moment
                payment.id = driver.insert(session, _INSERT_TENDER_NOW, {
                    "ticket_id": sale.id, "method": payment.kind, "amount": payment.amount,
                    "created_at": payment.created_at, "reference": payment.reference, "ref": payment.ref,
                    "provider": payment.provider, "transaction_id": payment.transaction_id,
                    "payer_bank": payment.payer_bank, "fee": payment.fee})
                stored.payments.add(payment.id)
        _saved(session).add(sale.id)

    def _save_lines(self, session: Session, sale: Sale, stored: _Stored) -> None:
        changed = []
        for line in sale.lines:
            row = _line_row(line)
            if line.id is None:
                line.id = driver.insert(session, _INSERT_LINE_NOW, {
                    "ticket_id": sale.id, "seq": line.seq, "product_id": line.product_id, "sku": line.sku,
                    "barcode": line.barcode, "name": line.name, "unit": line.unit.value, "quantity": line.quantity,
                    "unit_price": line.unit_price, "original_price": line.original_price, "amount": line.amount,
                    "fixed_amount": line.fixed_amount, "voided": line.voided, "note": line.note,
                    "discount": line.discount, "rounding": line.rounding, "card_no": line.card_no,
                    "reductions": line.reductions})
            elif stored.lines.get(line.id) != row:
                changed.append({"line_id": line.id, **dict(zip(_LINE_CHANGES, row, strict=True))})
            stored.lines[line.id] = row
        if changed:
            driver.execute_many(session, _UPDATE_LINE_NOW, changed)

    def _save_coupons(self, session: Session, sale: Sale, stored: _Stored, moment: datetime) -> None:
        kept = {c.id for c in sale.coupons if c.id is not None}
        for gone in set(stored.coupons) - kept:
            session.execute(_COUPONS.delete().where(_COUPONS.c.id == gone))
            del stored.coupons[gone]
        for coupon in sale.coupons:
            if coupon.id is None:
                result = _cursor(session.execute(insert(_COUPONS).values(
                    ticket_id=sale.id, code=coupon.code, name=coupon.name, kind=coupon.kind, value=coupon.value,
                    threshold=coupon.threshold, discount=coupon.discount, created_at=moment, sku=coupon.sku,
                    offline=coupon.offline, ref=coupon.ref)))
                coupon.id = _new_id(result)
            elif stored.coupons.get(coupon.id) != _coupon_row(coupon):
                session.execute(update(_COUPONS).where(_COUPONS.c.id == coupon.id).values(discount=coupon.discount))
            stored.coupons[coupon.id] = _coupon_row(coupon)

    # ---- the copy in memory follows the transaction --------------------------------------

    def _publish(self, session: Session) -> None:
        touched: dict[int, _Stored] = session.info.pop("tickets", {})
        saved: set[int] = session.info.pop("tickets_saved", set())
        with self._lock:
            for ticket_id, stored in touched.items():
                if ticket_id in saved and stored.sale.status in (Status.OPEN, Status.PARKED):
                    self._kept[ticket_id] = stored
                else:  # finished, or loaded and not saved (nothing to trust about it): read it again
                    self._kept.pop(ticket_id, None)

    def _drop(self, session: Session) -> None:
        touched: dict[int, _Stored] = session.info.pop("tickets", {})
        session.info.pop("tickets_saved", None)
        with self._lock:
            for ticket_id in touched:
                self._kept.pop(ticket_id, None)

    def forget(self, ticket_id: int) -> None:
        with self._lock:
            self._kept.pop(ticket_id, None)


def _cursor(result: Result[Any]) -> CursorResult[Any]:
    """An INSERT's or UPDATE's result, with its row count and new key."""
    return cast(CursorResult[Any], result)


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None, "an INSERT always has its new row's key"
    return int(key[0])


def _touched(session: Session) -> dict[int, _Stored]:
    touched: dict[int, _Stored] = session.info.setdefault("tickets", {})
    return touched


def _saved(session: Session) -> set[int]:
    saved: set[int] = session.info.setdefault("tickets_saved", set())
    return saved


def active_ticket_id(session: Session, till: str) -> int | None:
    return session.scalar(select(_TICKETS.c.id).where(_TICKETS.c.till == till, _TICKETS.c.status == "open")
                          .order_by(_TICKETS.c.id))


def parked_ticket_ids(session: Session, till: str) -> list[int]:
    return list(session.scalars(select(_TICKETS.c.id).where(_TICKETS.c.till == till, _TICKETS.c.status == "parked")
                                .order_by(_TICKETS.c.id)))

