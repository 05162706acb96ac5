"""The migrations build exactly the schema the models describe: a column added to a model without
its migration (or the other way round) fails here, not in a store at opening time."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from app.db.migrate import upgrade
from app.db.models import Base


def test_store_migrations_match_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine)
    with engine.connect() as connection:
        drift = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert drift == []


def _insert(raw, table: str, **given: object) -> None:  # type: ignore[no-untyped-def]
    """A row with the given values, every other required column filled with something plausible."""
    row = dict(given)
    for _, name, kind, notnull, default, _pk in raw.execute(f"PRAGMA table_info({table})"):
        if name not in row and notnull and default is None:
            row[name] = 1 if "INT" in kind.upper() or "BOOL" in kind.upper() else (
                "2026-11-30 10:00:00" if "DATE" in kind.upper() else f"{name}-1")
    raw.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def test_upgrading_a_store_keeps_every_row_of_rebuilt_tables(tmp_path: Path) -> None:
    """0010 rebuilds ``returns`` (SQLite batch mode): its lines, which cascade on delete, must stay."""
    import sqlite3

    from sqlalchemy import text

    from app.db.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    upgrade(engine, "0009")
    with sqlite3.connect(tmp_path / "store.sqlite3") as raw:  # a store's history, as 0009 kept it
        _insert(raw, "tills", code="T01")
        _insert(raw, "operators", id=1)
        _insert(raw, "shifts", id=1, till="T01", operator_id=1)
        _insert(raw, "categories", id=1)
        _insert(raw, "products", id=1, category_id=1, plu=None)
        _insert(raw, "tickets", id=7, till="T01", operator_id=1, shift_id=1, sale_id="T01-20261130-0007")
        _insert(raw, "ticket_lines", id=70, ticket_id=7, product_id=1)
        _insert(raw, "returns", id=1, sale_id="T01-20261130-0007", ticket_id=7, till="T01", operator_id=1, shift_id=1)
        _insert(raw, "return_lines", id=1, return_id=1, line_id=70, quantity=1, refund=350)
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM return_lines")).scalar() == 1
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1  # on again for the store's work
    engine.dispose()


def test_upgrading_the_demo_hq_on_sqlite_keeps_barcodes(tmp_path: Path) -> None:
    """The demo's HQ runs on SQLite too: upgrading it through the products' new ``kind`` keeps the
    barcodes, which cascade from products, as any later table rebuild must."""
    from sqlalchemy import text

    from app.db.migrate import run_migrations
    from app.hq.engine import make_hq_engine
    from app.hq.migrate import alembic_config
    from app.hq.migrate import upgrade as hq_upgrade

    engine = make_hq_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    run_migrations(engine, alembic_config(str(engine.url)), "0007")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO products (id, sku, name, spec, brand, unit, price, tax_rate, active)"
                                " VALUES (1, 'A1', '可口可乐', '', '', 'piece', 350, 1300, 1)"))
        connection.execute(text("INSERT INTO barcodes (code, product_id, pack_quantity) VALUES ('6901234567892', 1, 1)"))
    hq_upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM barcodes")).scalar() == 1
        assert connection.execute(text("SELECT kind FROM products")).scalar() == "goods"
    engine.dispose()
