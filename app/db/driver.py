"""The till's hot statements run on the SQLite driver's own connection, inside the session's transaction.

A scan runs about ten statements. Through SQLAlchemy each costs some 50–70 µs of Python around
the database's own few microseconds (the execution context, the parameters' processing, the
result's setup); on the driver's cursor the same statement costs 2–5 µs. So the few statements
every scan, tender and completion runs are built once as SQLAlchemy statements (the tables'
own columns, checked by mypy and the tests) and compiled once to their SQL, then run here on the
connection the session's transaction holds: the same transaction, the same write lock, the same
commit. Everything else keeps to the ORM.

What SQLAlchemy's types and its execution would do on the way in is done here for what these
statements bind: a ``datetime`` goes in as the text SQLAlchemy stores for ``DateTime`` on SQLite
(``2026-12-03 19:54:08.000000``), a value for a ``JSON`` column (wrapped in ``Json``) as its
``json.dumps``, a ``bool`` as 0 or 1 (the driver's own); a column left out gets its constant
default, an ``IN`` list one placeholder per value. On the way out the caller reads what it needs
(``stored_time`` for a ``DateTime`` column).
"""

from __future__ import annotations

import json
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, DateTime, event
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql import Executable

_DIALECT = sqlite.dialect(paramstyle="named")


class Prepared:
    """A statement compiled once to SQLite's SQL, its parameters named as its bindparams are."""

    __slots__ = ("sql", "defaults", "expanding", "_sized")

    def __init__(self, statement: Executable) -> None:
        compiled = statement.compile(dialect=_DIALECT)  # type: ignore[attr-defined]
        self.sql = str(compiled)
        #: the values the statement carries itself (a literal, ``seq + 1``'s one)
        self.defaults = {name: bind.effective_value for bind, name in compiled.bind_names.items()
                         if not bind.required}
        # a column the statement leaves out gets its default, as SQLAlchemy's execution would give it
        for column in [*getattr(compiled, "insert_prefetch", ()), *getattr(compiled, "update_prefetch", ())]:
            default = column.default if column in getattr(compiled, "insert_prefetch", ()) else column.onupdate
            if default is None or not default.is_scalar:
                raise ValueError(f"{column}: only a constant default can be filled in here")
            self.defaults[column.key] = default.arg
        #: ``IN`` lists given as one list (``bindparam(expanding=True)``): one placeholder per value
        self.expanding = tuple(name for bind, name in compiled.bind_names.items() if bind.expanding)
        self._sized: dict[tuple[int, ...], str] = {}

    def expanded(self, params: dict[str, Any]) -> str:
        """The SQL for these lists' lengths (an empty list matches nothing), with each list's values
        put in ``params`` under names of their own."""
        sizes = tuple(len(params[name]) for name in self.expanding)
        sql = self._sized.get(sizes)
        if sql is None:
            sql = self.sql
            for name, size in zip(self.expanding, sizes, strict=True):
                names = ", ".join(f":{name}__{i}" for i in range(size)) or "NULL"
                sql = sql.replace(f"__[POSTCOMPILE_{name}]", names)
            self._sized[sizes] = sql
        for name in self.expanding:
            params.update({f"{name}__{i}": value for i, value in enumerate(params.pop(name))})
        return sql

    def __repr__(self) -> str:
        return f"Prepared({self.sql!r})"


#: where a session keeps the driver's connection of its transaction, while that lasts
_KEPT = "omnistore_driver"


@event.listens_for(Session, "after_begin")
def _keep(session: Session, _transaction: SessionTransaction, connection: Connection) -> None:
    raw = connection.connection.dbapi_connection
    if isinstance(raw, sqlite3.Connection):
        session.info[_KEPT] = raw


@event.listens_for(Session, "after_transaction_end")
def _let_go(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the transaction, not a savepoint in it: its connection goes back
        session.info.pop(_KEPT, None)


def connection(session: Session) -> sqlite3.Connection:
    """The driver's connection of ``session``'s transaction (begun here if it was not yet)."""
    raw: sqlite3.Connection | None = session.info.get(_KEPT)
    if raw is None:  # no statement yet, or the transaction began before this module was imported
        found = session.connection().connection.dbapi_connection
        assert isinstance(found, sqlite3.Connection), "the store's database is SQLite"
        raw = session.info[_KEPT] = found
    return raw


def _bound(statement: Prepared, params: Mapping[str, Any]) -> dict[str, Any]:
    bound = {k: (_stored(v) if isinstance(v, datetime) else _json_in(v) if isinstance(v, Json) else v)
             for k, v in params.items()}
    return {**statement.defaults, **bound} if statement.defaults else bound


class Json:
    """A value for a ``JSON`` column, stored as SQLAlchemy's ``JSON`` stores it (``json.dumps``)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _json_in(value: Json) -> str:
    return json.dumps(value.value)


#: ``DateTime`` on SQLite, in and out: SQLAlchemy's own processors
_TIME_IN = cast(Callable[[datetime], str], DateTime().dialect_impl(_DIALECT).bind_processor(_DIALECT))
_TIME_OUT = cast(Callable[[str], datetime], DateTime().dialect_impl(_DIALECT).result_processor(_DIALECT, None))
assert _TIME_IN is not None and _TIME_OUT is not None


def _stored(moment: datetime) -> str:
    """``moment`` as SQLAlchemy's ``DateTime`` keeps it in SQLite."""
    return str(_TIME_IN(moment))


def stored_time(text: str) -> datetime:
    """A ``DateTime`` column's text, read back as SQLAlchemy would."""
    moment = _TIME_OUT(text)
    assert isinstance(moment, datetime)
    return moment


#: a named tuple per shape of result: rows are read by attribute, as SQLAlchemy's are
_ROWS: dict[tuple[str, ...], Any] = {}


def _named(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> Any:
    fields = tuple(column[0] for column in cursor.description)
    row_type = _ROWS.get(fields)
    if row_type is None:
        row_type = _ROWS.setdefault(fields, namedtuple("Row", fields, rename=True))
    return row_type._make(values)


def execute(session: Session, statement: Prepared, params: Mapping[str, Any]) -> sqlite3.Cursor:
    """Run ``statement`` in ``session``'s transaction; its rows are read by attribute."""
    cursor = connection(session).cursor()
    cursor.row_factory = _named
    bound = _bound(statement, params)
    return cursor.execute(statement.expanded(bound) if statement.expanding else statement.sql, bound)


def insert(session: Session, statement: Prepared, params: Mapping[str, Any]) -> int:
    """Run an INSERT; the new row's key."""
    key = execute(session, statement, params).lastrowid
    assert key is not None, "an INSERT always has its new row's key"
    return key


def execute_many(session: Session, statement: Prepared, rows: Iterable[Mapping[str, Any]]) -> None:
    assert not statement.expanding, "a list of rows, each with its own IN list: one execute each"
    connection(session).executemany(statement.sql, [_bound(statement, row) for row in rows])
