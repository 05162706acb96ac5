"""What plain ASGI does not carry: the client certificate of the TLS connection, and a way to drop it.

WeChat's ``/secapi/*`` need the merchant certificate on the same host as the calls that don't, so the
simulator asks for a certificate in every handshake (``CERT_OPTIONAL``) and each request sees what
its connection presented. The "connection dropped after the charge" script needs to cut the TCP
connection itself. Both ride on a small subclass of uvicorn's h11 protocol that puts the connection's
facts into the ASGI scope's ``extensions``.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

from fastapi import Request
from uvicorn.protocols.http.h11_impl import H11Protocol

EXTENSION = "paysim.connection"


class ConnectionFactsProtocol(H11Protocol):
    """uvicorn's h11 protocol, adding the peer certificate's SHA-256 and the transport to each scope."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        facts = {"peer_sha256": hashlib.sha256(der).digest() if der else None, "transport": transport}
        inner = self.app

        async def app(scope: Any, receive: Any, send: Any) -> None:
            scope.setdefault("extensions", {})[EXTENSION] = facts
            await inner(scope, receive, send)

        self.app = app


def client_certificate(request: Request) -> bytes | None:
    """The SHA-256 fingerprint of the certificate the caller presented, if any."""
    facts = request.scope.get("extensions", {}).get(EXTENSION) or {}
    return facts.get("peer_sha256")


def abort_connection(request: Request) -> None:
    """Cut the connection without an answer, as a network failure after the provider's work would."""
    facts = request.scope.get("extensions", {}).get(EXTENSION) or {}
    transport = facts.get("transport")
    if transport is not None:
        transport.abort()
