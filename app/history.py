"""A year (or any number of days) of plausible sales for the back office's reports and benchmarks
(``omnistore seed --history-days 365``).

Every day of the past ``days`` gets its shifts (one per till, opened in the morning, closed and
counted at night) and some 800 completed sales: more at lunch and after work, more at weekends,
baskets of a few goods drawn with a long tail from the catalog (a few hundred best sellers and
thousands of slow movers), weighed goods by the gram, tenders split between WeChat, Alipay, cash
(with change and 抹零 to the jiao) and bank cards, now and then a voided line or a voided ticket.
Rows go in with bulk inserts, then the dashboard's summaries are worked out from them once.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Meta, Operator, Product, SaleCounter, Shift, Till
from app.domain.money import RoundingPolicy, line_amount, round_cash_due
from app.reports import SUMMARIES_KEY, rebuild_summaries

#: sales on an ordinary weekday; weekends sell more
SALES_PER_DAY = 820
#: the share of the day's sales in each hour, 07:00–22:00
HOURS = {7: 3, 8: 5, 9: 5, 10: 5, 11: 8, 12: 10, 13: 7, 14: 5, 15: 5, 16: 6, 17: 9, 18: 11, 19: 9, 20: 7, 21: 5}
TENDERS = (("wechat", 42), ("alipay", 25), ("cash", 26), ("bank_card", 7))

#: one row as the bulk inserts take it
Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class _Goods:
    id: int
    sku: str
    barcode: str | None
    name: str
    unit: str
    price: int


def _catalog(session: Session, rng: random.Random, size: int = 4000) -> tuple[list[_Goods], list[float]]:
    """The goods a store really sells, with a long tail of weights (Zipf-like), cheap goods more often."""
    rows = session.execute(select(Product.id, Product.sku, Product.primary_barcode, Product.name, Product.unit,
                                  Product.price).where(Product.kind == "goods", Product.active.is_(True))
                           .order_by(Product.id).limit(size * 3)).all()
    goods = [_Goods(*row) for row in rows if row.price > 0]
    rng.shuffle(goods)
    goods = goods[:size]
    weights = [1.0 / (rank + 8) * 1000 / (g.price + 1000) for rank, g in enumerate(goods)]
    return goods, weights


def generate(session: Session, days: int, *, seed: int = 20261203, per_day: int = SALES_PER_DAY,
             progress: Callable[[int, int], None] | None = None, today: date | None = None) -> int:
    """Completed sales for the ``days`` days before ``today``; returns how many. The caller commits."""
    rng = random.Random(seed)
    goods, weights = _catalog(session, rng)
    if not goods:
        raise ValueError("seed the catalog first (omnistore seed --products N)")
    tills = list(session.scalars(select(Till.code).order_by(Till.code)))[:3] or ["T01"]
    cashiers = list(session.scalars(select(Operator.id).where(Operator.role == "cashier").order_by(Operator.id)))
    cashiers = cashiers or list(session.scalars(select(Operator.id).order_by(Operator.id)))
    raw = session.connection().connection.driver_connection
    assert raw is not None, "a live SQLite connection"
    cursor = raw.cursor()
    ticket_id = int(cursor.execute("SELECT COALESCE(MAX(id), 0) FROM tickets").fetchone()[0])
    line_id = int(cursor.execute("SELECT COALESCE(MAX(id), 0) FROM ticket_lines").fetchone()[0])
    last_day = (today or date.today()) - timedelta(days=1)
    made = 0
    for n in range(days):
        day = last_day - timedelta(days=days - 1 - n)
        tickets: list[Row] = []
        lines: list[Row] = []
        tenders: list[Row] = []
        shifts = {till: _open_shift(session, till, rng.choice(cashiers), day) for till in tills}
        counters = dict.fromkeys(tills, 0)
        drawer = dict.fromkeys(tills, 0)
        weekend = day.weekday() >= 5
        count = int(per_day * (1.25 if weekend else 1.0) * rng.uniform(0.85, 1.15))
        for moment in sorted(_moments(rng, day, count)):
            till = rng.choice(tills)
            shift = shifts[till]
            ticket_id += 1
            counters[till] += 1
            sale_id = f"{till}-{day:%Y%m%d}-{counters[till]:04d}"
            subtotal = 0
            seq = 0
            for product in rng.choices(goods, weights, k=max(1, int(rng.expovariate(1 / 6.5)))):
                seq += 1
                line_id += 1
                quantity = rng.randint(150, 1800) if product.unit == "gram" else rng.choice((1, 1, 1, 1, 2, 2, 3, 6))
                amount = line_amount(product.price, quantity, 1000 if product.unit == "gram" else 1)
                voided = rng.random() < 0.01
                if not voided:
                    subtotal += amount
                lines.append((line_id, ticket_id, seq, product.id, product.sku, product.barcode, product.name,
                              product.unit, quantity, product.price, product.price, amount, voided))
            if subtotal == 0:
                subtotal = lines[-1][11]
                lines[-1] = (*lines[-1][:12], False)
            method = rng.choices([m for m, _ in TENDERS], [w for _, w in TENDERS])[0]
            total, change, paid = subtotal, 0, subtotal
            if method == "cash":
                total = round_cash_due(subtotal, RoundingPolicy.JIAO_DOWN)
                paid = next((note for note in (500, 1000, 2000, 5000, 10_000) if note >= total and rng.random() < 0.7),
                            -(-total // 10_000) * 10_000)
                change = paid - total
                drawer[till] += total
            rounding = total - subtotal
            if rounding:  # the 抹零 is carried by the first goods line, as the sale spreads it
                first = next(i for i in range(len(lines) - seq, len(lines)) if not lines[i][12])
                lines[first] = (*lines[first], rounding)
            tickets.append((ticket_id, till, rng.choice(cashiers), shift.id, "completed", moment, moment, moment,
                            sale_id, subtotal, 0, rounding, total, paid, change))
            tenders.append((ticket_id, method, paid, moment))
            if rng.random() < 0.004:  # 整单取消 now and then
                ticket_id += 1
                tickets.append((ticket_id, till, rng.choice(cashiers), shift.id, "voided", moment, moment, None, None,
                                goods[0].price, 0, 0, goods[0].price, 0, 0))
        _write(cursor, tickets, lines, tenders)
        for till, shift in shifts.items():
            expected = shift.float_amount + drawer[till]
            shift.expected, shift.counted, shift.status = expected, expected, "closed"
            shift.closed_at = datetime.combine(day, time(22, 30))
            session.merge(SaleCounter(till=till, day=f"{day:%Y%m%d}", seq=counters[till]))
        session.flush()
        made += sum(1 for t in tickets if t[4] == "completed")
        if progress:
            progress(n + 1, days)
    rebuild_summaries(session)
    session.merge(Meta(key=SUMMARIES_KEY, value="1"))
    return made


def _moments(rng: random.Random, day: date, count: int) -> list[datetime]:
    hours = list(HOURS)
    picked = rng.choices(hours, [HOURS[h] for h in hours], k=count)
    return [datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60), rng.randrange(1_000_000)))
            for hour in picked]


def _open_shift(session: Session, till: str, operator_id: int, day: date) -> Shift:
    shift = Shift(till=till, operator_id=operator_id, float_amount=50_000,
                  opened_at=datetime.combine(day, time(6, 50)), status="open")
    session.add(shift)
    session.flush()
    return shift


_INSERT_TICKETS = ("INSERT INTO tickets (id, till, operator_id, shift_id, status, created_at, updated_at, completed_at, "
                   "sale_id, subtotal, discount, rounding, total, paid, change, version) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
_INSERT_LINES = ("INSERT INTO ticket_lines (id, ticket_id, seq, product_id, sku, barcode, name, unit, quantity, "
                 "unit_price, original_price, amount, voided, note, discount, rounding, reductions) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?, 0)")
_INSERT_TENDERS = "INSERT INTO tenders (ticket_id, method, amount, created_at) VALUES (?, ?, ?, ?)"


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(sep=" ")


def _write(cursor: object, tickets: list[Row], lines: list[Row], tenders: list[Row]) -> None:
    """One day's rows in three executemany calls, as SQLAlchemy would store them (text timestamps)."""
    cursor.executemany(_INSERT_TICKETS, [(*t[:5], _stamp(t[5]), _stamp(t[6]), _stamp(t[7]), *t[8:])  # type: ignore[attr-defined]
                                         for t in tickets])
    cursor.executemany(_INSERT_LINES, [(*x[:13], x[13] if len(x) > 13 else 0) for x in lines])  # type: ignore[attr-defined]
    cursor.executemany(_INSERT_TENDERS, [(t[0], t[1], t[2], _stamp(t[3])) for t in tenders])  # type: ignore[attr-defined]
