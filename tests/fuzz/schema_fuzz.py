"""Hostile requests generated from a server's own OpenAPI schema, and what every answer is held to.

Sent, operation by operation: first schemathesis's boundary cases of every parameter, valid and
invalid (ids past 64 bits, NUL and other control characters, strings past their limit, missing
and wrong-typed fields, repeated query parameters, methods a route does not take), then a bounded
number of random requests per operation in each mode, valid and invalid by the schema, drawn by
Hypothesis with a fixed seed: the same requests on every run, so a red run is red on a laptop too.

Held to: no 5xx; every 4xx is ``{"code", "message"}`` (plus ``params`` and the few values clients
read by name) with a snake_case code and its message from ``app/messages.py`` — the store's till
asks in Chinese, HQ's callers in English; every answer has a status, media type and body its route
declares; a request the schema calls invalid is refused.

Every failure is collected, not only the first, and reported with a curl line to replay it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.errors import FailureGroup

from app.sync import signing

#: the seed of every run: the same requests each time
SEED = 20_240_611
#: random requests per operation and mode, after the boundary cases
RANDOM_EXAMPLES = 20

CODE = re.compile(r"^[a-z][a-z0-9_]*$")


#: values that broke routes before, mixed into every generated integer, number and string
HOSTILE_INTEGERS = [2**63, 2**64 + 1, -(2**63) - 1, 10**30, 2**31, -1, 0]
HOSTILE_NUMBERS = [1e308, -1e308, 0.5, 2.0**64]
HOSTILE_STRINGS = [
    "\x00", "a\x00b", "\x1b[2J\x1bp\x00\x19\xfa", "\x7f", "\u0085", "\ufeff", "𠮷", "１２３", "²",
    "9999-12-31", "0001-01-01", "2024-02-30", "9999-12-31T23:59:59", "0001-01-01T00:00:00+14:00",
    "2024-01-01T00:00:00Z", "99999999999999999999", "-1", "1e400", "NaN", " ", "../..", "%00", "x" * 5000,
]


def config() -> schemathesis.Config:
    """The checks every answer goes through; boundary cases with repeated query parameters; the
    hostile values mixed in."""
    chance = 0.25
    return schemathesis.Config.from_dict({
        "seed": SEED,
        "dictionaries": {"integers": {"values": HOSTILE_INTEGERS}, "numbers": {"values": HOSTILE_NUMBERS},
                         "strings": {"values": HOSTILE_STRINGS}},
        "generation": {"mode": "all", "database": "none", "deterministic": True, "dictionaries": {
            "integer": {"dictionary": "integers", "probability": chance},
            "number": {"dictionary": "numbers", "probability": chance},
            "string": {"dictionary": "strings", "probability": chance},
        }},
        "phases": {"coverage": {"generate-duplicate-query-parameters": True}},
        "checks": {
            "enabled": False,
            "not_a_server_error": {"enabled": True},
            "status_code_conformance": {"enabled": True},
            "content_type_conformance": {"enabled": True},
            "response_schema_conformance": {"enabled": True},
            # a body past the servers' size cap is refused before it is read: 413 is a refusal too
            "negative_data_rejection": {"enabled": True, "expected-statuses": [
                "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]},
        },
    })


def coded_refusal(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """Every 4xx answers ``{"code", "message"}`` with a stable snake_case code and a message."""
    if not 400 <= response.status_code < 500:
        return None
    body = response.json()
    assert isinstance(body, dict), f"{response.status_code} answered {body!r}, not an object"
    assert isinstance(body.get("code"), str) and CODE.match(body["code"]), f"no snake_case code: {body!r}"
    assert isinstance(body.get("message"), str) and body["message"].strip(), f"no message: {body!r}"
    assert body["message"] != body["code"], f"no translation of {body['code']} in app/messages.py"
    assert isinstance(body.get("params", {}), dict), f"params is not an object: {body!r}"
    return True


@dataclass
class Run:
    """One server's fuzz: what was sent, and what failed (each kind of failure of an operation
    once, with the first request that showed it and how often it did)."""

    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: dict[tuple[str, str], str] = field(default_factory=dict)
    seen: Counter[tuple[str, str]] = field(default_factory=Counter)

    def fail(self, case: Case, failures: FailureGroup) -> None:
        for failure in failures.exceptions:
            key = (case.operation.label, failure.title)
            self.seen[key] += 1
            self.failures.setdefault(key, str(failures))

    def summary(self) -> str:
        return f"{self.sent} requests, by status: {dict(sorted(self.statuses.items()))}"

    def report(self) -> str:
        lines = [f"{len(self.failures)} kinds of failure in {self.summary()}:"]
        lines += [f"  {label}: {title} ×{self.seen[label, title]}" for label, title in sorted(self.failures)]
        return "\n".join(lines + ["", *self.failures.values()])


def fuzz(schema: schemathesis.BaseSchema, session: requests.Session,
         after: Callable[[Case, Response], None] = lambda case, response: None) -> Run:
    """Every operation of ``schema``: its boundary cases, then its random ones in each mode."""
    run = Run()
    for result in schema.get_all_operations():
        operation = result.ok()
        for case in boundary_cases(schema, operation):
            send(run, case, session, after)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            random_cases(operation, mode, lambda case: send(run, case, session, after))
    return run


def boundary_cases(schema: schemathesis.BaseSchema, operation: schemathesis.APIOperation) -> Iterator[Case]:
    generation = schema.config.generation_for(operation=operation, phase="coverage")
    yield from schema.iter_coverage_cases(operation, generation_modes=list(GenerationMode),
                                          generation_config=generation)


def random_cases(operation: schemathesis.APIOperation, mode: GenerationMode, each: Callable[[Case], None]) -> None:
    @seed(SEED)
    @settings(max_examples=RANDOM_EXAMPLES, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def draw(case: Case) -> None:
        each(case)

    try:
        draw()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE  # nothing to send wrong: an operation without parameters


def without_long_polls(case: Case) -> None:
    """A long-poll's valid ``wait`` (up to 25 s) becomes none: the fuzz wants the answer, and holding
    each of thousands of requests that long would take hours (the hold has its own tests)."""
    query = case.query if isinstance(case.query, dict) else None
    wait = query.get("wait") if query else None
    if query is None or wait is None or isinstance(wait, bool):
        return
    try:
        seconds = float(wait)
    except (TypeError, ValueError):
        return  # not a number: a refusal to check as it is
    if 0 < seconds <= 60:
        query["wait"] = 0


def send(run: Run, case: Case, session: requests.Session, after: Callable[[Case, Response], None]) -> None:
    without_long_polls(case)
    response = case.call(session=session, timeout=30)
    run.sent += 1
    run.statuses[response.status_code] = run.statuses.get(response.status_code, 0) + 1
    after(case, response)
    try:
        case.validate_response(response, additional_checks=[coded_refusal])
    except FailureGroup as failures:
        run.fail(case, failures)


class SignedByStore(requests.auth.AuthBase):
    """HQ's two kinds of caller at once: the admin's API key (``Authorization``) and a store's
    signature over the request exactly as sent (``X-Omni-*``), so every route, an admin's or a
    store's, is reached with what it asks for."""

    def __init__(self, admin_key: str, store_code: str, secret: str) -> None:
        self.admin_key, self.store_code, self.secret = admin_key, store_code, secret

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        assert request.method is not None
        request.headers.update(signing.sign(self.store_code, self.secret, request.method, request.path_url, body))
        request.headers["Authorization"] = f"Bearer {self.admin_key}"
        return request
