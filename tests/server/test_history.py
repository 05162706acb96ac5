"""The history generator (``omnistore seed --history-days``) and the reports over it: a year's
top goods read partly by month must be what the days add up to, and every generated day closes
with its tenders reconciled."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import closing, history, reports
from app.context import Actor
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import SalesItemDaily, Shift, Ticket
from app.seed import seed

TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Session:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('history') / 'store.sqlite3'}")
    upgrade(engine)
    session = make_session_factory(engine)()
    seed(session, 400)
    history.generate(session, 75, per_day=60, today=TODAY)
    session.commit()
    return session


def test_each_day_gets_its_sales_and_closed_shifts(store: Session) -> None:
    day = func.substr(Ticket.completed_at, 1, 10)
    days = store.execute(select(day, func.count()).where(Ticket.status == "completed").group_by(day)).all()
    assert len(days) == 75 and all(40 <= n <= 120 for _, n in days)
    assert max(d for d, _ in days) == (TODAY - timedelta(days=1)).isoformat()
    assert store.scalar(select(func.count()).where(Shift.status == "open")) == 0


def test_top_goods_read_by_month_are_what_the_days_add_up_to(store: Session) -> None:
    span = reports.day_range(TODAY - timedelta(days=70), TODAY - timedelta(days=1))  # partial, whole, partial
    spans, months = reports._month_split(span)
    assert months and spans
    by_day = dict(store.execute(
        select(SalesItemDaily.product_id, func.sum(SalesItemDaily.amount))
        .where(SalesItemDaily.day >= span.first.isoformat(), SalesItemDaily.day <= span.last.isoformat())
        .group_by(SalesItemDaily.product_id)).all())
    top = reports.top_items(store, span)
    expected = sorted(by_day.values(), reverse=True)[:10]
    assert [item.amount for item in top] == expected


def test_every_generated_day_reconciles_and_counts_its_cash(store: Session) -> None:
    boss = Actor(4, "9001", "王店长", "manager", "T01")
    for back in (1, 30, 75):
        report = closing.x_report(store, boss, TODAY - timedelta(days=back))
        assert report.reconciles and report.sales_count > 0
        assert report.cash_over_short == 0 and report.shifts_open == 0
        assert sum(t.gross for t in report.taxes) == report.net_total
        dashboard = reports.dashboard(store, reports.day_range(TODAY - timedelta(days=back), TODAY - timedelta(days=back)))
        assert dashboard.total == report.sales_total and dashboard.tickets == report.sales_count
