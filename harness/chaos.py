"""A TCP proxy on loopback that a test controls: pass, delay, drop, reset or cut connections.

It stands between the store server and HQ in the fault tests. It works on raw TCP, so what it
breaks is what a real network breaks: half-sent requests, lost responses, refused connects.
"""

from __future__ import annotations

import contextlib
import random
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass


@dataclass
class Faults:
    cut: bool = False  # refuse every new connection (link down)
    delay: float = 0.0  # seconds added before forwarding each chunk
    drop_response: float = 0.0  # probability of closing before the response reaches the client
    reset: float = 0.0  # probability of an RST mid-exchange
    replay: float = 0.0  # probability of delivering a request a second time, after later ones


class ChaosProxy:
    def __init__(self, upstream_port: int, seed: int = 1) -> None:
        self.upstream_port = upstream_port
        self.faults = Faults()
        self.rng = random.Random(seed)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._live: set[socket.socket] = set()
        self.connections = 0
        self.broken = 0
        self.replayed = 0  # requests delivered twice
        self.replay_answers: list[int] = []  # HQ's status code for each second delivery
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut(self) -> None:
        """Link down: refuse new connections and kill the ones in flight."""
        self.faults.cut = True
        with self._lock:
            for sock in list(self._live):
                _reset(sock)

    def restore(self) -> None:
        self.faults = Faults()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.faults.cut:
                _reset(client)
                continue
            self.connections += 1
            threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
        except OSError:
            _reset(client)
            return
        with self._lock:
            self._live.update((client, upstream))
        try:
            self._shuttle(client, upstream)
        finally:
            with self._lock:
                self._live.discard(client)
                self._live.discard(upstream)
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()

    def _shuttle(self, client: socket.socket, upstream: socket.socket) -> None:
        pair = {client: upstream, upstream: client}
        requests = _RequestSplitter()
        while not self._stop.is_set():
            try:
                readable, _, _ = select.select(list(pair), [], [], 0.5)
            except (OSError, ValueError):  # cut() closed a socket under us: this connection is over
                return
            for sock in readable:
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                faults = self.faults
                if faults.cut:
                    _reset(client)
                    return
                if faults.reset and self.rng.random() < faults.reset:
                    self.broken += 1
                    _reset(client)
                    _reset(upstream)
                    return
                if sock is upstream and faults.drop_response and self.rng.random() < faults.drop_response:
                    # The request reached HQ, the answer never reaches the store: the lost ack.
                    self.broken += 1
                    _reset(client)
                    return
                if faults.delay:
                    time.sleep(faults.delay)
                try:
                    pair[sock].sendall(data)
                except OSError:
                    return
                if sock is client and faults.replay:
                    for request in requests.feed(data):
                        if self.rng.random() < faults.replay:
                            self._replay_later(request, self.rng.uniform(0.2, 1.0))

    def _replay_later(self, request: bytes, delay: float) -> None:
        """Send ``request`` again on its own connection after ``delay``: a duplicate, out of order."""

        def run() -> None:
            time.sleep(delay)
            try:
                with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5) as upstream:
                    upstream.sendall(request)
                    status = _read_status(upstream)
            except OSError:
                return
            with self._lock:
                self.replayed += 1
                self.replay_answers.append(status)

        threading.Thread(target=run, daemon=True).start()


class _RequestSplitter:
    """Cuts a client's byte stream into whole HTTP/1.1 requests (Content-Length bodies)."""

    def __init__(self) -> None:
        self.buffer = b""

    def feed(self, data: bytes) -> list[bytes]:
        self.buffer += data
        out = []
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return out
            head = self.buffer[:end].decode("latin-1").lower()
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip() == "content-length":
                    length = int(value.strip())
            total = end + 4 + length
            if len(self.buffer) < total:
                return out
            out.append(self.buffer[:total])
            self.buffer = self.buffer[total:]


def _read_status(sock: socket.socket) -> int:
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return 0
        data += chunk
    return int(data.split(b" ", 2)[1])


def _reset(sock: socket.socket) -> None:
    """Close with RST rather than FIN, as a dropped link or a crashed peer looks."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
