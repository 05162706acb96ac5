"""What the simulated network printers share: a threaded TCP server, settable status, job waits.

A subclass answers each connection in ``_serve``; the server runs on a daemon thread and
``stop`` resets any live connections, as pulling a printer's cable would.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import socketserver
import threading
from collections.abc import Iterator
from typing import Any, Generic, Self, TypeVar

from hardware.escpos.status import PrinterState

JobT = TypeVar("JobT")


class TcpSimulator(Generic[JobT]):
    """A threaded TCP device. ``port=0`` picks a free port; read it from ``.port``."""

    #: the server thread's name
    thread_name = "tcp-sim"

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.jobs: list[JobT] = []
        self._requested_port = port
        self._state = PrinterState()
        self._lock = threading.Condition()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            return self._requested_port
        return int(self._server.server_address[1])

    @property
    def uri(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def start(self) -> Self:
        if self._server is not None:
            return self
        self._server = _Server((self.host, self._requested_port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name=self.thread_name, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- state -----------------------------------------------------------------------------

    @property
    def status(self) -> PrinterState:
        with self._lock:
            return self._state

    def set_status(self, **changes: bool) -> None:
        """e.g. ``set_status(paper_out=True)``; fields as in ``PrinterState``."""
        with self._lock:
            self._state = dataclasses.replace(self._state, **changes)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[JobT]:
        """Block until at least ``count`` jobs have arrived (or ``timeout``); a copy of the jobs."""
        with self._lock:
            self._lock.wait_for(lambda: len(self.jobs) >= count, timeout)
            return list(self.jobs)

    # -- called from connection threads -----------------------------------------------------

    def _add_job(self, job: JobT) -> None:
        with self._lock:
            self.jobs.append(job)
            self._lock.notify_all()

    def _serve(self, sock: socket.socket) -> None:
        """Handle one client connection until it closes."""
        raise NotImplementedError


def receive(sock: socket.socket) -> Iterator[bytes]:
    """The chunks a client sends, until it closes the connection or it breaks."""
    while True:
        try:
            chunk = sock.recv(65536)
        except OSError:
            return
        if not chunk:
            return
        yield chunk


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], simulator: TcpSimulator[Any]) -> None:
        self.simulator = simulator
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Connection)

    def close_connections(self) -> None:
        with self.connections_lock:
            for sock in list(self.connections):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class _Connection(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        with self.server.connections_lock:
            self.server.connections.add(sock)
        try:
            self.server.simulator._serve(sock)
        finally:
            with self.server.connections_lock:
                self.server.connections.discard(sock)
