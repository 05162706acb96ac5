"""Every store→HQ request is signed: HMAC-SHA256 over method, path, timestamp, nonce and body hash.

Headers: ``X-Omni-Store``, ``X-Omni-Timestamp`` (unix seconds), ``X-Omni-Nonce`` (32 hex),
``X-Omni-Signature`` (hex). HQ refuses a stale timestamp (outside ``WINDOW_SECONDS``), a nonce
seen before for that store, and any signature that doesn't match.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from app.domain.keyed import is_digits

WINDOW_SECONDS = 300
STORE_HEADER = "X-Omni-Store"
TIMESTAMP_HEADER = "X-Omni-Timestamp"
NONCE_HEADER = "X-Omni-Nonce"
SIGNATURE_HEADER = "X-Omni-Signature"


def canonical(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """What is signed. ``path`` includes the query string exactly as sent."""
    body_hash = hashlib.sha256(body).hexdigest()
    return "\n".join((method.upper(), path, timestamp, nonce, body_hash)).encode()


def signature(secret: str, method: str, path: str, timestamp: str, nonce: str, body: bytes) -> str:
    return hmac.new(secret.encode(), canonical(method, path, timestamp, nonce, body), hashlib.sha256).hexdigest()


def sign(store: str, secret: str, method: str, path: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """The headers to send with a request from ``store``."""
    timestamp = str(int(now if now is not None else time.time()))
    nonce = secrets.token_hex(16)
    return {
        STORE_HEADER: store,
        TIMESTAMP_HEADER: timestamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: signature(secret, method, path, timestamp, nonce, body),
    }


def matches(secret: str, method: str, path: str, timestamp: str, nonce: str, body: bytes, given: str) -> bool:
    return hmac.compare_digest(signature(secret, method, path, timestamp, nonce, body), given)


def fresh(timestamp: str, now: float | None = None, window: int = WINDOW_SECONDS) -> bool:
    if not is_digits(timestamp) or len(timestamp) > 12:  # ASCII digits only: '²'.isdigit() is True
        return False
    return abs(int(timestamp) - (now if now is not None else time.time())) <= window
