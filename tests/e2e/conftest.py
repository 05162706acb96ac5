"""End-to-end fixtures: a real HQ on PostgreSQL and real store servers enrolled with it, each
reaching HQ through a ChaosProxy (the harness itself lives in ``harness.chain``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.chain import LinkedStore, enrol_store
from harness.hq import Admin, HQServer, scratch_hq


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQServer]:
    """An HQ of this module's own (the fault tests kill it)."""
    with scratch_hq(tmp_path_factory.mktemp("hq"), "omnistore_e2e") as server:
        yield server


@pytest.fixture
def admin(hq: HQServer) -> Admin:
    return hq.admin()


@pytest.fixture
def linked_store(admin: Admin, hq: HQServer, tmp_path: Path) -> Iterator[LinkedStore]:
    store = enrol_store(admin, hq, tmp_path)
    yield store
    store.server.stop()
    store.proxy.close()
