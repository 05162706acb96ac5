"""HTTP to HQ: signed requests with short timeouts. Never called on the sale path."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

from app.sync.config import SyncConfig
from app.sync.signing import sign

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 30.0


class HqError(Exception):
    """HQ refused a request (``code`` from its JSON error) or could not be reached (``hq_unreachable``)."""

    def __init__(self, code: str, message: str = "", status: int | None = None, body: dict[str, Any] | None = None):
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.status = status
        self.body = body or {}


class HqClient:
    def __init__(self, config: SyncConfig) -> None:
        self.config = config
        self.http = requests.Session()
        self.http.verify = config.verify
        self.base_path = urlsplit(config.hq_url).path.rstrip("/")

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                body: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
                read_timeout: float = READ_TIMEOUT) -> dict[str, Any]:
        query = f"?{urlencode(params)}" if params else ""
        full_path = f"{self.base_path}{path}{query}"
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode() if body is not None else b""
        signed = sign(self.config.store_code, self.config.secret, method, full_path, data)
        all_headers = {**signed, **(headers or {})}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        url = self.config.hq_url.rstrip("/") + path + query
        try:
            # verify per request: a session's own setting loses to REQUESTS_CA_BUNDLE in the environment
            response = self.http.request(method, url, data=data or None, headers=all_headers,
                                         timeout=(CONNECT_TIMEOUT, read_timeout), verify=self.config.verify)
        except requests.RequestException as error:
            raise HqError("hq_unreachable", str(error)) from error
        try:
            payload: dict[str, Any] = response.json()
        except ValueError:
            payload = {}
        if response.status_code >= 400:
            raise HqError(payload.get("code", f"http_{response.status_code}"), payload.get("message", ""),
                          response.status_code, payload)
        return payload

    def push_events(self, events: list[dict[str, Any]], backlog: int) -> dict[str, Any]:
        return self.request("POST", "/api/v1/sync/events", body={"events": events},
                            headers={"X-Omni-Backlog": str(backlog)})

    def feed(self, cursor: int, limit: int = 1000, wait: int = 0) -> dict[str, Any]:
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if wait:
            params["wait"] = wait
        return self.request("GET", "/api/v1/sync/feed", params=params, read_timeout=READ_TIMEOUT + wait)

    def o2o_orders(self, after: int, wait: int = 0) -> dict[str, Any]:
        """HQ's O2O feed for this store: orders changed after ``after`` (long-poll up to ``wait`` s)."""
        return self.request("GET", "/api/v1/sync/o2o/orders", params={"after": after, "wait": wait},
                            read_timeout=READ_TIMEOUT + wait)

    def o2o_step(self, order_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """Tell HQ a step the store took on an order (idempotent by its ``step_id``)."""
        return self.request("POST", f"/api/v1/sync/o2o/orders/{order_id}/steps", body=body)


def enroll(hq_url: str, code: str, ca_file: str | None = None) -> SyncConfig:
    """Trade a one-time enrolment code for this store's identity and secret."""
    url = hq_url.rstrip("/") + "/api/v1/enroll"
    try:
        response = requests.post(url, json={"code": code}, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), verify=ca_file or True)
    except requests.RequestException as error:
        raise HqError("hq_unreachable", str(error)) from error
    payload = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
    if response.status_code >= 400:
        raise HqError(payload.get("code", f"http_{response.status_code}"), payload.get("message", ""), response.status_code)
    return SyncConfig(hq_url=hq_url.rstrip("/"), store_code=payload["store_code"], secret=payload["secret"],
                      store_name=payload.get("store_name", ""), group=payload.get("group", ""), ca_file=ca_file)
