"""What the 付款码 flow tests share: a till paying by payment code, and waiting for an attempt to end."""

from __future__ import annotations

import time
import uuid
from typing import Any

import requests

from harness.store import Till


def pay_code(till: Till, ticket: int, code: str, amount: int | None = None,
             command_id: str | None = None) -> requests.Response:
    body: dict[str, Any] = {"code": code, "command_id": command_id or uuid.uuid4().hex}
    if amount is not None:
        body["amount"] = amount
    return till.post(f"/tickets/{ticket}/paycode", body)


def attempt(till: Till, attempt_id: int) -> dict[str, Any]:
    return till.ok(till.get(f"/paycodes/{attempt_id}"))


def wait_final(till: Till, attempt_id: int, timeout: float = 20.0) -> dict[str, Any]:
    """Poll the attempt as the till's waiting dialog does, until it is final."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = attempt(till, attempt_id)
        if found["final"]:
            return found
        time.sleep(0.1)
    raise AssertionError(f"attempt {attempt_id} still {attempt(till, attempt_id)['state']} after {timeout}s")


def charged(trades: list[dict[str, Any]], out_trade_no: str) -> list[dict[str, Any]]:
    """The simulator's trades under our number that took the customer's money."""
    return [t for t in trades if t["out_trade_no"] == out_trade_no and t["charged"]]
