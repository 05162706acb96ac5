"""The schema fuzz's chain: a real HQ on PostgreSQL with an admin key, a real store server enrolled
with it (so the store's member, coupon and stored-value routes reach HQ too) and a till signed in
there with its shift open; each server's OpenAPI schema as it serves it (``schema_fuzz`` says what
is sent and checked)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis

from harness.chain import LinkedStore, enrol_store
from harness.hq import Admin, HQServer, Store, scratch_hq
from tests.fuzz.schema_fuzz import config


@pytest.fixture(scope="module")
def fuzz_hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQServer]:
    with scratch_hq(tmp_path_factory.mktemp("fuzz-hq"), "omnistore_fuzz") as server:
        yield server


@pytest.fixture(scope="module")
def fuzz_admin(fuzz_hq: HQServer) -> Admin:
    return fuzz_hq.admin()


@pytest.fixture(scope="module")
def fuzz_store(fuzz_admin: Admin, fuzz_hq: HQServer,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[LinkedStore]:
    store = enrol_store(fuzz_admin, fuzz_hq, tmp_path_factory.mktemp("fuzz-store"), products=300)
    yield store
    store.server.stop()
    store.proxy.close()


@pytest.fixture(scope="module")
def signing_store(fuzz_admin: Admin) -> Store:
    """A store of HQ's own for HQ's signed routes, enrolled like any other."""
    return fuzz_admin.new_store()


@pytest.fixture(scope="module")
def store_api(fuzz_store: LinkedStore) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(fuzz_store.server.url + "/openapi.json", config=config())


@pytest.fixture(scope="module")
def hq_api(fuzz_hq: HQServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(fuzz_hq.url + "/openapi.json", config=config())
