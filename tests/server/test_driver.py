"""The hot statements on the driver's connection (``app.db.driver``) store what SQLAlchemy would
have stored, run in the session's own transaction, and fill in what the statement carries itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, bindparam, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from app import outbox
from app.db import driver
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import OutboxEvent, Product
from app.events import Kept


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine)
    yield make_session_factory(engine)
    engine.dispose()


def stored(session: Session, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in session.execute(text(sql), params)]


def test_a_row_written_on_the_driver_is_stored_as_sqlalchemy_stores_it(sessions: sessionmaker[Session]) -> None:
    payload = {"ticket": {"name": "可口可乐 330ml", "amount": 350, "voided": False}, "lines": [1, 2]}
    moment = datetime(2026, 12, 3, 19, 54, 8, 123)
    with sessions() as session:
        ours = outbox.record(session, Kept("probe", payload))
        theirs = session.execute(insert(OutboxEvent).values(event_id="theirs", kind="probe", payload=payload,
                                                            created_at=moment)).inserted_primary_key
        session.execute(text("UPDATE outbox SET created_at = :at WHERE id = :id"),
                        {"at": driver._stored(moment), "id": ours.id})
        session.commit()
    with sessions() as session:
        rows = stored(session, "SELECT payload, created_at, attempts FROM outbox WHERE id IN (:a, :b) ORDER BY id",
                      a=ours.id, b=theirs[0])
        assert rows[0] == rows[1]  # the same text, the same time format, the column's default filled in
        assert rows[0][2] == 0
        read = session.scalars(select(OutboxEvent).where(OutboxEvent.id == ours.id)).one()
        assert read.payload == payload and read.created_at == moment


def test_a_time_goes_in_and_comes_out_as_sqlalchemy_does_it() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, 6)
    assert driver._stored(moment) == "2026-01-02 03:04:05.000006"
    assert driver.stored_time(driver._stored(moment)) == moment


def test_statements_run_in_the_sessions_transaction(sessions: sessionmaker[Session]) -> None:
    add = driver.Prepared(insert(OutboxEvent).values({c: bindparam(c) for c in ("event_id", "kind", "payload",
                                                                                 "created_at")}))
    with sessions() as session:
        driver.insert(session, add, {"event_id": "gone", "kind": "k", "payload": driver.Json({}),
                                     "created_at": datetime.now()})
        assert session.scalar(select(OutboxEvent.id).where(OutboxEvent.event_id == "gone")) is not None
        session.rollback()
        assert "omnistore_driver" not in session.info  # the connection went back with the transaction
        assert session.scalar(select(OutboxEvent.id).where(OutboxEvent.event_id == "gone")) is None
        assert driver.connection(session) is session.connection().connection.dbapi_connection
        driver.insert(session, add, {"event_id": "kept", "kind": "k", "payload": driver.Json({}),
                                     "created_at": datetime.now()})
        session.commit()
        assert "omnistore_driver" not in session.info
    with sessions() as session:
        assert session.scalar(select(OutboxEvent.id).where(OutboxEvent.event_id == "kept")) is not None


def test_in_lists_and_values_the_statement_carries(sessions: sessionmaker[Session]) -> None:
    products = cast(Table, Product.__table__)
    with sessions() as session:
        session.execute(insert(products), [{"sku": f"S{i}", "name": f"商品{i}", "price": 100 * i, "unit": "piece"}
                                           for i in range(1, 5)])
        ids = list(session.scalars(select(products.c.id).order_by(products.c.id)))
        by_ids = driver.Prepared(select(products.c.sku).where(products.c.id.in_(bindparam("ids", expanding=True)))
                                 .order_by(products.c.sku))
        for wanted in ([], ids[:1], ids[1:]):
            got = [row.sku for row in driver.execute(session, by_ids, {"ids": wanted})]
            assert got == list(session.scalars(select(products.c.sku).where(products.c.id.in_(wanted))
                                               .order_by(products.c.sku)))
        literal = driver.Prepared(select(products.c.sku).where(products.c.price.in_((200, 300)),
                                                                products.c.unit == "piece").order_by(products.c.sku))
        assert [row.sku for row in driver.execute(session, literal, {})] == ["S2", "S3"]


def test_a_default_only_python_can_work_out_is_refused_when_prepared() -> None:
    table = Table("probe", MetaData(), Column("id", Integer, primary_key=True), Column("name", String),
                  Column("at", DateTime, default=datetime.now))
    with pytest.raises(ValueError, match="constant default"):
        driver.Prepared(insert(table).values(name=bindparam("name")))


def test_a_transaction_begun_before_its_first_driver_statement_is_the_one_it_runs_in(
        sessions: sessionmaker[Session]) -> None:
    """A session that began (a command-line tool's) before anything was run on the driver."""
    with sessions() as session:
        session.execute(text("SELECT 1"))
        session.info.pop("omnistore_driver", None)  # as if the listener had not been there at its BEGIN
        recorded = outbox.record(session, Kept("probe", {}))
        session.rollback()
        assert session.scalar(select(OutboxEvent.id).where(OutboxEvent.id == recorded.id)) is None
