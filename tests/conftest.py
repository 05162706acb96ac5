"""Shared fixtures: a real store server process on a loopback port, with its own data directory
(the process harness itself lives in ``harness/``, shared with ``bench/``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every server the tests start holds its fast answers to their declared models too (server.responses).
os.environ.setdefault("OMNISTORE_CHECK_ANSWERS", "1")

from harness.store import (  # noqa: E402
    APPLE_PLU,  # noqa: F401  (the product codes tests sell, importable from here too)
    COLA,  # noqa: F401
    MOUTAI,  # noqa: F401
    NOODLES,  # noqa: F401
    WATER,  # noqa: F401
    StoreServer,
    Till,
    make_store_server,
)


@pytest.fixture(scope="session")
def store_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    server = make_store_server(tmp_path_factory.mktemp("store"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def till(store_server: StoreServer) -> Till:
    """A logged-in cashier at a fresh till with a shift open."""
    t = Till(store_server, store_server.new_till())
    t.open_shift()
    return t


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave with pytest's own exit status once everything has run and reported, without the
    interpreter's shutdown: there PySide6 (6.x) may free a Qt wrapper whose C++ side is already
    gone and abort the process (exit 134, "bool_dealloc") after every test has passed — seen when
    the paper-roll window's tests follow the till's."""
    if _EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
