"""Hostile input at every route of both servers, generated from their own OpenAPI schemas and sent
to real processes (the store server enrolled with HQ, HQ on PostgreSQL): no route answers 5xx,
every refusal is coded and translated, every answer is what its route declares, and nothing is
left half-written (``schema_fuzz`` says what is sent and checked)."""

from __future__ import annotations

import sqlite3

import pytest
import requests
import schemathesis
from sqlalchemy import func, select

from harness.chain import LinkedStore
from harness.hq import Admin, HQServer, Store
from harness.store import Till
from tests.fuzz.schema_fuzz import SignedByStore, fuzz


class FuzzTill:
    """The fuzz's till: signed in, its shift open. A generated request may sign it out or close
    its shift (those are routes too); it signs in and opens again, so the routes after keep
    reaching the till's real state instead of ``unauthorized``."""

    def __init__(self, store: LinkedStore) -> None:
        self.store = store
        self.code = store.server.new_till()
        self.http = requests.Session()
        self.sign_in()

    def sign_in(self) -> None:
        till = Till(self.store.server, self.code)  # in Chinese, as a till asks
        self.http.headers.update(till.http.headers)
        shift = till.ok(till.get("/shifts/current"))["shift"]
        if shift is None:
            till.open_shift()

    def after(self, case: schemathesis.Case, response: schemathesis.Response) -> None:
        ended = (case.method, case.path) in {("DELETE", "/api/v1/session"), ("POST", "/api/v1/shifts/close")}
        if ended and response.status_code == 200:
            self.sign_in()


class HqCaller:
    """The fuzz's caller at HQ: an admin's key and a store's signature on every request. A
    generated request may revoke the admin's own key (that is a route too); a new key is made
    then, so the routes after keep reaching HQ's real state instead of ``invalid_api_key``."""

    def __init__(self, hq: HQServer, store: Store) -> None:
        self.hq, self.store = hq, store
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = "en"
        self.http.auth = SignedByStore(hq.admin_key, store.code, store.secret)

    def after(self, case: schemathesis.Case, response: schemathesis.Response) -> None:
        revoked = (case.method, case.path, response.status_code) == ("DELETE", "/api/v1/admin/api-keys/{key_id}", 200)
        if revoked and self.http.get(self.hq.api + "/admin/api-keys", timeout=10).status_code == 401:
            key = self.hq.cli("create-key", "--name", "fuzz", "--scopes", "admin").stdout.split()[0]
            self.http.auth = SignedByStore(key, self.store.code, self.store.secret)


@pytest.fixture(scope="module")
def fuzz_till(fuzz_store: LinkedStore) -> FuzzTill:
    return FuzzTill(fuzz_store)


@pytest.fixture(scope="module")
def hq_caller(fuzz_hq: HQServer, signing_store: Store) -> HqCaller:
    return HqCaller(fuzz_hq, signing_store)


def test_every_store_route_answers_hostile_input_with_a_coded_refusal(store_api: schemathesis.BaseSchema,
                                                                        fuzz_till: FuzzTill) -> None:
    run = fuzz(store_api, fuzz_till.http, after=fuzz_till.after)
    print(run.summary())
    if run.failures:
        pytest.fail(run.report(), pytrace=False)


def test_every_hq_route_answers_hostile_input_with_a_coded_refusal(hq_api: schemathesis.BaseSchema,
                                                                     hq_caller: HqCaller) -> None:
    run = fuzz(hq_api, hq_caller.http, after=hq_caller.after)
    print(run.summary())
    if run.failures:
        pytest.fail(run.report(), pytrace=False)


def test_after_the_fuzz_the_store_holds_nothing_half_written(fuzz_store: LinkedStore) -> None:
    from app.db.models import OutboxEvent, Ticket, TicketLine

    with sqlite3.connect(fuzz_store.server.home / "store.sqlite3") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with fuzz_store.server.db() as session:
        lines = dict(session.execute(select(TicketLine.ticket_id, func.sum(TicketLine.amount))
                                     .where(TicketLine.voided.is_(False)).group_by(TicketLine.ticket_id)).all())
        tickets = dict(session.execute(select(Ticket.id, Ticket.subtotal)).all())
        assert {ticket: lines.get(ticket, 0) for ticket in tickets} == tickets
        seqs = list(session.scalars(select(OutboxEvent.id).order_by(OutboxEvent.id)))
        assert seqs == list(range(1, len(seqs) + 1))


def test_after_the_fuzz_hq_holds_every_stores_events_exactly_up_to_its_last_seq(
        fuzz_hq: HQServer, fuzz_admin: Admin, fuzz_store: LinkedStore) -> None:
    from app.hq.models import Event
    from app.hq.models import Store as StoreRow

    fuzz_store.wait_drained()
    with fuzz_hq.db() as session:
        for store_id, last_seq in session.execute(select(StoreRow.id, StoreRow.last_seq)).all():
            seqs = list(session.scalars(select(Event.seq).where(Event.store_id == store_id).order_by(Event.seq)))
            assert seqs == list(range(1, last_seq + 1)), store_id
