"""Signed store→HQ requests: only the enrolled store, only fresh, only once, only untampered."""

from __future__ import annotations

import json
import time

import requests

from app.sync import signing
from harness.hq import Admin, Store


def error_of(response: requests.Response) -> tuple[int, str]:
    return response.status_code, response.json()["code"]


def test_a_signed_request_is_accepted(store: Store) -> None:
    response = store.feed()
    assert response.status_code == 200, response.text
    assert set(response.json()) == {"changes", "next_cursor", "has_more", "head"}


def test_the_same_request_sent_twice_is_a_replay(store: Store) -> None:
    path = "/api/v1/sync/feed?cursor=0&limit=10"
    headers = signing.sign(store.code, store.secret, "GET", path, b"")
    assert requests.get(store.hq.url + path, headers=headers, timeout=10).status_code == 200
    again = requests.get(store.hq.url + path, headers=headers, timeout=10)
    assert error_of(again) == (401, "replayed_request")


def test_an_old_or_future_timestamp_is_stale(store: Store) -> None:
    assert error_of(store.feed_at(time.time() - signing.WINDOW_SECONDS - 30)) == (401, "stale_request")
    assert error_of(store.feed_at(time.time() + signing.WINDOW_SECONDS + 30)) == (401, "stale_request")


def test_a_tampered_body_fails_the_signature_and_writes_nothing(store: Store) -> None:
    body = json.dumps({"events": [store.event()]}).encode()
    path = "/api/v1/sync/events"
    headers = signing.sign(store.code, store.secret, "POST", path, body)
    tampered = body.replace(b"T01", b"T02")
    response = requests.post(store.hq.url + path, data=tampered, headers=headers, timeout=10)
    assert error_of(response) == (401, "bad_signature")
    assert store.push([]).json()["last_seq"] == 0


def test_a_tampered_query_fails_the_signature(store: Store) -> None:
    path = "/api/v1/sync/feed?cursor=0"
    headers = signing.sign(store.code, store.secret, "GET", path, b"")
    response = requests.get(store.hq.url + "/api/v1/sync/feed?cursor=5", headers=headers, timeout=10)
    assert error_of(response) == (401, "bad_signature")


def test_a_wrong_secret_fails_the_signature(store: Store) -> None:
    response = store.send("GET", "/sync/feed", sign_as=(store.code, "0" * 64))
    assert error_of(response) == (401, "bad_signature")


def test_missing_headers_are_refused(store: Store) -> None:
    assert error_of(requests.get(store.hq.api + "/sync/feed", timeout=10)) == (401, "unknown_store")
    headers = signing.sign(store.code, store.secret, "GET", "/api/v1/sync/feed", b"")
    del headers[signing.NONCE_HEADER]
    assert error_of(requests.get(store.hq.api + "/sync/feed", headers=headers, timeout=10)) == (401, "bad_signature")


def test_an_unknown_or_unenrolled_store_is_refused(admin: Admin, store: Store) -> None:
    assert error_of(store.send("GET", "/sync/feed", sign_as=("NOSUCH", store.secret))) == (401, "unknown_store")
    admin.ok(admin.post("/admin/stores", {"code": "U001", "name": "未开通", "group": "华东"}))
    assert error_of(store.send("GET", "/sync/feed", sign_as=("U001", store.secret))) == (401, "unknown_store")


def test_a_disabled_store_is_refused_until_enabled(admin: Admin, store: Store) -> None:
    admin.ok(admin.post(f"/admin/stores/{store.code}/disable"))
    refused = store.push([store.event()])
    assert error_of(refused) == (403, "store_disabled")
    assert refused.json()["store"] == store.code
    admin.ok(admin.post(f"/admin/stores/{store.code}/enable"))
    accepted = store.push([store.event(seq=1)])
    assert accepted.status_code == 200 and accepted.json()["last_seq"] == 1


def test_the_backlog_a_store_reports_shows_in_sync_health(admin: Admin, store: Store) -> None:
    assert store.push([store.event()], headers={"X-Omni-Backlog": "42"}).status_code == 200
    health = admin.ok(admin.get("/reports/sync-health"))
    mine = next(s for s in health["stores"] if s["store"] == store.code)
    assert mine["backlog"] == 42 and mine["last_seq"] == 1 and mine["lag_seconds"] < 60
    assert mine["last_seen"] and mine["enrolled"] is True
