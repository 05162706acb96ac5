"""概览 and 销售: the back office's dashboard and its sales journal.

The dashboard never reads the sales themselves. Each sale, in its own transaction, adds itself to
small summary tables (per hour; per hour and tender; per product per day and per month; per
category per day) — a handful of upserts, so completing a sale stays as cheap as it was — and a
year of history answers from a few thousand summary rows. Returns are few and are read from their
own table by time.

The journal reads the sales by their completion time (indexed) with the manager's filters.
A change feed tells a dashboard when a sale has completed (``SaleBell``): it asks again then.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.db import driver
from app.db.models import (
    Category,
    Operator,
    Product,
    Return,
    SalesCategoryDaily,
    SalesHourly,
    SalesItemDaily,
    SalesItemMonthly,
    SalesTenderHourly,
    Tender,
    Ticket,
    TicketLine,
)
from app.domain.errors import DomainError
from app.domain.money import line_amount
from app.domain.sale import CASH, Sale

#: the longest range a report reads (a year and a bit: last year's same month included)
MAX_RANGE_DAYS = 400
JOURNAL_LIMIT_MAX = 200


# ---- written as sales complete -------------------------------------------------------------------


def _adding(model: type, keys: Sequence[str]) -> Any:
    """INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x, built once."""
    table = model.__table__  # type: ignore[attr-defined]
    statement = insert(table)
    sums = [c.name for c in table.columns if c.name not in keys]
    return statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: table.c[name] + statement.excluded[name] for name in sums})


_ADD_HOUR = _adding(SalesHourly, ["hour"])
_ADD_TENDER = _adding(SalesTenderHourly, ["hour", "method"])
_ADD_ITEM_DAY = _adding(SalesItemDaily, ["day", "product_id"])
_ADD_ITEM_MONTH = _adding(SalesItemMonthly, ["month", "product_id"])
_ADD_CATEGORY = _adding(SalesCategoryDaily, ["day", "category_id"])
_PRODUCT_FACTS = (select(Product.id, Product.cost_price, Product.category_id)
                  .where(Product.id.in_(bindparam("ids", expanding=True))))
_HOUR_SUMS = tuple(c.name for c in SalesHourly.__table__.columns if c.name != "hour")
# a completion writes these on the driver's connection (``app.db.driver``), each row's every column bound
_ADD_HOUR_NOW, _ADD_TENDER_NOW, _ADD_ITEM_DAY_NOW, _ADD_ITEM_MONTH_NOW, _ADD_CATEGORY_NOW = (
    driver.Prepared(s.values({c.name: bindparam(c.name) for c in s.table.columns}))
    for s in (_ADD_HOUR, _ADD_TENDER, _ADD_ITEM_DAY, _ADD_ITEM_MONTH, _ADD_CATEGORY))
_PRODUCT_FACTS_NOW = driver.Prepared(_PRODUCT_FACTS)
_ITEM_SUMS = ("quantity", "lines", "amount", "cost", "costed")


@dataclass(slots=True)
class _Item:
    quantity: int = 0
    lines: int = 0
    amount: int = 0
    cost: int = 0
    costed: int = 0

    def sums(self) -> dict[str, int]:
        """Its sums by column (``dataclasses.asdict`` deep-copies: ten times the cost)."""
        return {"quantity": self.quantity, "lines": self.lines, "amount": self.amount, "cost": self.cost,
                "costed": self.costed}

    def add(self, quantity: int, amount: int, cost: int | None) -> None:
        self.quantity += quantity
        self.lines += 1
        self.amount += amount
        if cost is not None:
            self.cost += cost
            self.costed += amount


def record_sale(session: Session, sale: Sale) -> None:
    """Add a completed sale to the summaries, in the sale's transaction (``app.checkout.complete``)."""
    assert sale.completed_at is not None
    moment = sale.completed_at
    hour, day, month = moment.strftime("%Y-%m-%d %H"), moment.strftime("%Y-%m-%d"), moment.strftime("%Y-%m")
    active = sale.active_lines
    facts = {row.id: row for row in driver.execute(session, _PRODUCT_FACTS_NOW,
                                                          {"ids": list({x.product_id for x in active})})}
    items: dict[int, _Item] = {}
    categories: dict[int, _Item] = {}
    cost = costed = 0
    for line in active:
        fact = facts.get(line.product_id)
        unit_cost = fact.cost_price if fact is not None else None
        line_cost = None if unit_cost is None else line_amount(unit_cost, line.quantity, line.unit.per)
        items.setdefault(line.product_id, _Item()).add(line.quantity, line.paid, line_cost)
        category = (fact.category_id if fact is not None else None) or 0
        categories.setdefault(category, _Item()).add(line.items, line.paid, line_cost)
        if line_cost is not None:
            cost += line_cost
            costed += line.paid
    voided = [line for line in sale.lines if line.voided]
    driver.execute(session, _ADD_HOUR_NOW, {
        "hour": hour, "tickets": 1, "items": sale.item_count, "gross": sum(x.gross for x in active),
        "promotion": sale.promotion_discount, "coupons": sale.discount, "rounding": sale.rounding,
        "total": sale.total, "cost": cost, "costed": costed, "voided_lines": len(voided),
        "voided_line_amount": sum(x.gross for x in voided), "voided_tickets": 0, "voided_amount": 0})
    taken: dict[str, int] = {}
    for payment in sale.payments:
        taken[payment.kind] = taken.get(payment.kind, 0) + payment.amount
    if sale.change:
        taken[CASH] = taken.get(CASH, 0) - sale.change
    if taken:
        driver.execute_many(session, _ADD_TENDER_NOW, [{"hour": hour, "method": m, "amount": a, "count": 1} for m, a in taken.items()])
    if items:
        driver.execute_many(session, _ADD_ITEM_DAY_NOW, [{"day": day, "product_id": p, **x.sums()} for p, x in items.items()])
        driver.execute_many(session, _ADD_ITEM_MONTH_NOW, [{"month": month, "product_id": p, **x.sums()} for p, x in items.items()])
        driver.execute_many(session, _ADD_CATEGORY_NOW, [{"day": day, "category_id": c, **x.sums()} for c, x in categories.items()])
    SALE_BELL.ring_after_commit(session)


def record_void(session: Session, sale: Sale, moment: datetime) -> None:
    """整单取消 counts in the hour it happened (``app.checkout.void_ticket``)."""
    if sale.subtotal <= 0:
        return
    session.execute(_ADD_HOUR, {"hour": moment.strftime("%Y-%m-%d %H"), **dict.fromkeys(_HOUR_SUMS, 0),
                                "voided_tickets": 1, "voided_amount": sale.subtotal})


class SaleBell:
    """Rings when a sale has completed (committed): a dashboard waiting on ``wait`` asks again.

    The mark is this process's id and a counter: a client holding a mark from before a restart
    sees it differ and asks again, which is all it needs."""

    def __init__(self) -> None:
        self._boot = uuid.uuid4().hex[:8]
        self._count = 0
        self._changed = threading.Condition()

    @property
    def mark(self) -> str:
        return f"{self._boot}-{self._count}"

    def ring(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def ring_after_commit(self, session: Session) -> None:
        session.info["ring_sale_bell"] = True

    def on_commit(self, session: Session) -> None:
        if session.info.pop("ring_sale_bell", False):
            self.ring()

    def wait(self, since: str, seconds: float) -> str:
        """The mark once it differs from ``since``, or after ``seconds`` whatever it is."""
        with self._changed:
            self._changed.wait_for(lambda: self.mark != since, timeout=seconds)
            return self.mark


SALE_BELL = SaleBell()


def listen(sessions: Any) -> None:
    """Ring the bell as a transaction that completed a sale commits; forget it on rollback."""
    from sqlalchemy import event

    event.listen(sessions, "after_commit", SALE_BELL.on_commit)
    event.listen(sessions, "after_rollback", lambda s: s.info.pop("ring_sale_bell", None))


# ---- ranges --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayRange:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def shifted(self, days: int) -> DayRange:
        return DayRange(self.first - timedelta(days=days), self.last - timedelta(days=days))


def day_range(first: date, last: date) -> DayRange:
    """``first``..``last`` inclusive; reversed or longer than ``MAX_RANGE_DAYS`` is refused."""
    if last < first:
        raise DomainError("invalid_range", status=422, first=first.isoformat(), last=last.isoformat())
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise DomainError("range_too_long", status=422, days=MAX_RANGE_DAYS)
    return DayRange(first, last)


def _hours(r: DayRange) -> tuple[str, str]:
    return f"{r.first.isoformat()} 00", f"{r.last.isoformat()} 23"


# ---- the dashboard -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    label: str  # the hour ("09") or the day ("2026-12-03")
    total: int
    tickets: int


@dataclass(frozen=True, slots=True)
class Ranked:
    key: str
    name: str
    quantity: int
    amount: int
    unit: str = "piece"


@dataclass(frozen=True, slots=True)
class Dashboard:
    first: str
    last: str
    by: str  # "hour" for one day, else "day"
    series: list[Point]
    compare: list[Point]  # the same weekdays a week (or whole weeks) earlier
    compare_first: str
    tickets: int
    total: int
    items: int
    gross: int
    promotion: int
    coupons: int
    rounding: int
    cost: int
    costed: int
    voided_tickets: int
    voided_amount: int
    voided_lines: int
    voided_line_amount: int
    refunds: int
    refund_amount: int
    tenders: dict[str, int] = field(default_factory=dict)
    top_items: list[Ranked] = field(default_factory=list)
    top_categories: list[Ranked] = field(default_factory=list)
    mark: str = ""

    @property
    def average_ticket(self) -> int:
        return self.total // self.tickets if self.tickets else 0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["average_ticket"] = self.average_ticket
        out["margin"] = self.costed - self.cost
        return out


def dashboard(session: Session, r: DayRange) -> Dashboard:
    mark = SALE_BELL.mark  # before reading: a sale that completes meanwhile rings a newer mark
    by = "hour" if r.days == 1 else "day"
    weeks = -(-r.days // 7)
    earlier = r.shifted(7 * weeks)
    series = _series(session, r, by)
    compare = _series(session, earlier, by)
    low, high = _hours(r)
    sums = session.execute(select(*[func.coalesce(func.sum(SalesHourly.__table__.c[n]), 0) for n in _HOUR_SUMS])
                           .where(SalesHourly.hour >= low, SalesHourly.hour <= high)).one()
    totals = dict(zip(_HOUR_SUMS, (int(v) for v in sums), strict=True))
    tenders = {m: int(a) for m, a in session.execute(
        select(SalesTenderHourly.method, func.sum(SalesTenderHourly.amount))
        .where(SalesTenderHourly.hour >= low, SalesTenderHourly.hour <= high).group_by(SalesTenderHourly.method)
        .order_by(func.sum(SalesTenderHourly.amount).desc()))}
    start, end = datetime.combine(r.first, time()), datetime.combine(r.last + timedelta(days=1), time())
    refunds, refund_amount = session.execute(
        select(func.count(Return.id), func.coalesce(func.sum(Return.total), 0))
        .where(Return.created_at >= start, Return.created_at < end)).one()
    return Dashboard(
        first=r.first.isoformat(), last=r.last.isoformat(), by=by, series=series, compare=compare,
        compare_first=earlier.first.isoformat(), tickets=totals["tickets"], total=totals["total"],
        items=totals["items"], gross=totals["gross"], promotion=totals["promotion"], coupons=totals["coupons"],
        rounding=totals["rounding"], cost=totals["cost"], costed=totals["costed"],
        voided_tickets=totals["voided_tickets"], voided_amount=totals["voided_amount"],
        voided_lines=totals["voided_lines"], voided_line_amount=totals["voided_line_amount"],
        refunds=int(refunds), refund_amount=int(refund_amount), tenders=tenders,
        top_items=top_items(session, r), top_categories=top_categories(session, r), mark=mark)


def _series(session: Session, r: DayRange, by: str) -> list[Point]:
    low, high = _hours(r)
    key = func.substr(SalesHourly.hour, 12, 2) if by == "hour" else func.substr(SalesHourly.hour, 1, 10)
    found = {k: (int(t), int(n)) for k, t, n in session.execute(
        select(key, func.sum(SalesHourly.total), func.sum(SalesHourly.tickets))
        .where(SalesHourly.hour >= low, SalesHourly.hour <= high).group_by(key))}
    labels = ([f"{h:02d}" for h in range(24)] if by == "hour"
              else [(r.first + timedelta(days=n)).isoformat() for n in range(r.days)])
    return [Point(label, *found.get(label, (0, 0))) for label in labels]


def _month_split(r: DayRange) -> tuple[list[tuple[str, str]], list[str]]:
    """The range as day spans (for partial months) and whole months: a year reads 12 month rows
    per product instead of 365 day rows."""
    spans: list[tuple[str, str]] = []
    months: list[str] = []
    cursor = r.first
    while cursor <= r.last:
        month_end = (cursor.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if cursor.day == 1 and month_end <= r.last:
            months.append(cursor.strftime("%Y-%m"))
        else:
            spans.append((cursor.isoformat(), min(month_end, r.last).isoformat()))
        cursor = month_end + timedelta(days=1)
    return spans, months


def top_items(session: Session, r: DayRange, limit: int = 10) -> list[Ranked]:
    spans, months = _month_split(r)
    parts = []
    if spans:
        parts.append(select(SalesItemDaily.product_id.label("product_id"), SalesItemDaily.quantity.label("quantity"),
                            SalesItemDaily.amount.label("amount"))
                     .where(or_(*[and_(SalesItemDaily.day >= a, SalesItemDaily.day <= b) for a, b in spans])))
    if months:
        parts.append(select(SalesItemMonthly.product_id.label("product_id"),
                            SalesItemMonthly.quantity.label("quantity"), SalesItemMonthly.amount.label("amount"))
                     .where(SalesItemMonthly.month.in_(months)))
    rows = parts[0].union_all(*parts[1:]).subquery() if len(parts) > 1 else parts[0].subquery()
    ranked = (select(rows.c.product_id, func.sum(rows.c.quantity).label("quantity"),
                     func.sum(rows.c.amount).label("amount"))
              .group_by(rows.c.product_id).order_by(func.sum(rows.c.amount).desc()).limit(limit).subquery())
    found = session.execute(
        select(ranked.c.product_id, ranked.c.quantity, ranked.c.amount, Product.sku, Product.name, Product.unit)
        .join(Product, Product.id == ranked.c.product_id).order_by(ranked.c.amount.desc()))
    return [Ranked(x.sku, x.name, int(x.quantity), int(x.amount), x.unit) for x in found]


def top_categories(session: Session, r: DayRange, limit: int = 10) -> list[Ranked]:
    rows = session.execute(
        select(SalesCategoryDaily.category_id, Category.name, func.sum(SalesCategoryDaily.quantity),
               func.sum(SalesCategoryDaily.amount))
        .outerjoin(Category, Category.id == SalesCategoryDaily.category_id)
        .where(SalesCategoryDaily.day >= r.first.isoformat(), SalesCategoryDaily.day <= r.last.isoformat())
        .group_by(SalesCategoryDaily.category_id).order_by(func.sum(SalesCategoryDaily.amount).desc()).limit(limit))
    return [Ranked(str(cid), name or "", int(q), int(a)) for cid, name, q, a in rows]


# ---- the sales journal ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JournalQuery:
    """销售 search: every filter optional but the time range."""

    start: datetime
    end: datetime  # exclusive
    receipt: str = ""  # a sale number, or its beginning
    min_total: int | None = None
    max_total: int | None = None
    member: str = ""
    cashier: str = ""  # operator code
    tender: str = ""
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class JournalRow:
    sale_id: str
    completed_at: str
    till: str
    cashier: str
    cashier_name: str
    items: int
    total: int
    discount: int
    member_no: str | None
    tenders: list[str]


def journal_query(start: datetime, end: datetime, **filters: Any) -> JournalQuery:
    if end <= start:
        raise DomainError("invalid_range", status=422, first=start.isoformat(sep=" "), last=end.isoformat(sep=" "))
    if end - start > timedelta(days=MAX_RANGE_DAYS):
        raise DomainError("range_too_long", status=422, days=MAX_RANGE_DAYS)
    query = JournalQuery(start, end, **filters)
    if query.min_total is not None and query.max_total is not None and query.max_total < query.min_total:
        raise DomainError("invalid_amount_range", status=422, low=query.min_total, high=query.max_total)
    return query


def journal(session: Session, q: JournalQuery) -> dict[str, Any]:
    """The sales that match, newest first, a page at a time; ``more`` when another page follows."""
    when: Any = Ticket.completed_at
    if q.receipt:
        # Sale numbers are ASCII: a prefix is a range on their unique index, a few rows at most. The
        # time is then checked on those rows (an expression, so SQLite does not walk the time index).
        when = func.ifnull(Ticket.completed_at, None, type_=Ticket.completed_at.type)
    where = [Ticket.status == "completed", when >= q.start, when < q.end]
    if q.receipt:
        where += [Ticket.sale_id >= q.receipt, Ticket.sale_id < q.receipt + "\x7f"]
    if q.min_total is not None:
        where.append(Ticket.total >= q.min_total)
    if q.max_total is not None:
        where.append(Ticket.total <= q.max_total)
    if q.member:
        where.append(Ticket.member_no == q.member)
    if q.cashier:
        where.append(Ticket.operator_id.in_(select(Operator.id).where(Operator.code == q.cashier)))
    if q.tender:
        where.append(exists().where(Tender.ticket_id == Ticket.id, Tender.method == q.tender))
    found = session.execute(
        select(Ticket.id, Ticket.sale_id, Ticket.completed_at, Ticket.till, Ticket.total, Ticket.discount,
               Ticket.member_no, Operator.code, Operator.name)
        .join(Operator, Operator.id == Ticket.operator_id).where(*where)
        .order_by(Ticket.completed_at.desc(), Ticket.id.desc()).limit(q.limit + 1).offset(q.offset)).all()
    more = len(found) > q.limit
    found = found[:q.limit]
    ids = [row.id for row in found]
    methods: dict[int, list[str]] = {}
    items: dict[int, int] = {}
    if ids:
        for ticket_id, method in session.execute(select(Tender.ticket_id, Tender.method)
                                                 .where(Tender.ticket_id.in_(ids)).order_by(Tender.id)):
            if method not in methods.setdefault(ticket_id, []):
                methods[ticket_id].append(method)
        piece = func.sum(func.iif(TicketLine.unit == "piece", TicketLine.quantity, 1))
        items = {t: int(n) for t, n in session.execute(
            select(TicketLine.ticket_id, piece).where(TicketLine.ticket_id.in_(ids), TicketLine.voided.is_(False))
            .group_by(TicketLine.ticket_id))}
    rows = [JournalRow(r.sale_id, r.completed_at.isoformat(timespec="seconds"), r.till, r.code, r.name,
                       items.get(r.id, 0), r.total, r.discount, r.member_no, methods.get(r.id, []))
            for r in found]
    return {"items": [asdict(row) for row in rows], "more": more, "offset": q.offset}


# ---- summaries rebuilt from the sales (a store upgraded with sales already made, seeded history) ----

_GROSS = ("CASE WHEN l.fixed_amount IS NOT NULL AND l.unit_price = l.original_price THEN l.fixed_amount "
          "WHEN l.unit = 'gram' THEN (l.unit_price * l.quantity * 2 + 1000) / 2000 ELSE l.unit_price * l.quantity END")
_PAID = "(l.amount - l.discount + l.rounding)"
_ITEMS = "CASE WHEN l.unit = 'gram' THEN 1 ELSE l.quantity END"
_COST = ("CASE WHEN p.cost_price IS NULL THEN 0 WHEN l.unit = 'gram' THEN (p.cost_price * l.quantity * 2 + 1000) / 2000 "
         "ELSE p.cost_price * l.quantity END")
_COSTED = f"CASE WHEN p.cost_price IS NULL THEN 0 ELSE {_PAID} END"
_SOLD = ("FROM ticket_lines l JOIN tickets t ON t.id = l.ticket_id JOIN products p ON p.id = l.product_id "
         "WHERE t.status = 'completed' AND NOT l.voided")

_REBUILD = (
    "DELETE FROM sales_hourly",
    "DELETE FROM sales_tenders_hourly",
    "DELETE FROM sales_items_daily",
    "DELETE FROM sales_items_monthly",
    "DELETE FROM sales_categories_daily",
    f"""WITH per_ticket AS (
        SELECT l.ticket_id AS ticket_id,
               SUM(CASE WHEN l.voided THEN 0 ELSE {_ITEMS} END) AS items,
               SUM(CASE WHEN l.voided THEN 0 ELSE {_GROSS} END) AS gross,
               SUM(CASE WHEN l.voided THEN 0 ELSE {_GROSS} - l.amount END) AS promotion,
               SUM(CASE WHEN l.voided THEN 0 ELSE {_COST} END) AS cost,
               SUM(CASE WHEN l.voided THEN 0 ELSE {_COSTED} END) AS costed,
               SUM(CASE WHEN l.voided THEN 1 ELSE 0 END) AS voided_lines,
               SUM(CASE WHEN l.voided THEN {_GROSS} ELSE 0 END) AS voided_line_amount
        FROM ticket_lines l JOIN tickets t ON t.id = l.ticket_id JOIN products p ON p.id = l.product_id
        WHERE t.status = 'completed' GROUP BY l.ticket_id)
    INSERT INTO sales_hourly (hour, tickets, items, gross, promotion, coupons, rounding, total, cost, costed,
                              voided_lines, voided_line_amount, voided_tickets, voided_amount)
    SELECT substr(t.completed_at, 1, 13), COUNT(*), SUM(x.items), SUM(x.gross), SUM(x.promotion), SUM(t.discount),
           SUM(t.rounding), SUM(t.total), SUM(x.cost), SUM(x.costed), SUM(x.voided_lines), SUM(x.voided_line_amount),
           0, 0
    FROM tickets t JOIN per_ticket x ON x.ticket_id = t.id GROUP BY 1""",
    """INSERT INTO sales_hourly (hour, voided_tickets, voided_amount)
    SELECT substr(updated_at, 1, 13), COUNT(*), SUM(subtotal) FROM tickets
    WHERE status = 'voided' AND subtotal > 0 GROUP BY 1
    ON CONFLICT (hour) DO UPDATE SET voided_tickets = voided_tickets + excluded.voided_tickets,
                                     voided_amount = voided_amount + excluded.voided_amount""",
    """INSERT INTO sales_tenders_hourly (hour, method, amount, count)
    SELECT substr(t.completed_at, 1, 13), x.method,
           SUM(x.amount - CASE WHEN x.method = 'cash' THEN t.change ELSE 0 END), COUNT(*)
    FROM (SELECT ticket_id, method, SUM(amount) AS amount FROM tenders GROUP BY ticket_id, method) x
    JOIN tickets t ON t.id = x.ticket_id WHERE t.status = 'completed' GROUP BY 1, 2""",
    f"""INSERT INTO sales_items_daily (day, product_id, quantity, lines, amount, cost, costed)
    SELECT substr(t.completed_at, 1, 10), l.product_id, SUM(l.quantity), COUNT(*), SUM({_PAID}), SUM({_COST}),
           SUM({_COSTED}) {_SOLD} GROUP BY 1, 2""",
    """INSERT INTO sales_items_monthly (month, product_id, quantity, lines, amount, cost, costed)
    SELECT substr(day, 1, 7), product_id, SUM(quantity), SUM(lines), SUM(amount), SUM(cost), SUM(costed)
    FROM sales_items_daily GROUP BY 1, 2""",
    f"""INSERT INTO sales_categories_daily (day, category_id, quantity, lines, amount, cost, costed)
    SELECT substr(t.completed_at, 1, 10), COALESCE(p.category_id, 0), SUM({_ITEMS}), COUNT(*), SUM({_PAID}),
           SUM({_COST}), SUM({_COSTED}) {_SOLD} GROUP BY 1, 2""",
)
SUMMARIES_KEY = "sales_summaries"


def rebuild_summaries(session: Session) -> None:
    """Work the summaries out again from every sale, in the caller's transaction: what each sale's
    ``record_sale`` would have added up to."""
    from sqlalchemy import text

    for statement in _REBUILD:
        session.execute(text(statement))


def backfill_summaries(session: Session) -> bool:
    """Once per store: summaries for the sales made before the store kept them. True if it ran."""
    from app.db.models import Meta

    if session.get(Meta, SUMMARIES_KEY) is not None:
        return False
    rebuild_summaries(session)
    session.add(Meta(key=SUMMARIES_KEY, value="1"))
    session.commit()
    return True
