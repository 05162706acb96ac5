"""HQ fixtures: a fresh PostgreSQL database per test run and the real hq-server on a loopback port
(the harness itself lives in ``harness.hq``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from harness.hq import Admin, HQServer, Store, scratch_hq


@pytest.fixture(scope="session")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQServer]:
    with scratch_hq(tmp_path_factory.mktemp("hq")) as server:
        yield server


@pytest.fixture
def admin(hq: HQServer) -> Admin:
    return hq.admin()


@pytest.fixture
def store(admin: Admin) -> Store:
    return admin.new_store()
