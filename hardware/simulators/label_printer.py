"""A TSPL/ZPL label printer on a TCP port, for demos and tests.

It parses what it receives the way the printer would, renders each label to an image, and
answers the real status requests (TSPL ``ESC !?``, ZPL ``~HS``) from settable state.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import socketserver
import threading
from dataclasses import dataclass

from PIL import Image

from hardware.escpos.status import PrinterState
from hardware.labels import tspl, zpl
from hardware.labels.document import LabelDocument
from hardware.labels.render import render_label


@dataclass(frozen=True)
class LabelJob:
    language: str  # tspl | zpl
    document: LabelDocument
    image: Image.Image
    raw: bytes


class LabelPrinterSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self._requested_port = port
        self.jobs: list[LabelJob] = []
        self._state = PrinterState()
        self._cond = threading.Condition()
        self._server: socketserver.ThreadingTCPServer | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1]) if self._server else self._requested_port

    @property
    def uri(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def start(self) -> LabelPrinterSimulator:
        simulator = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                simulator._serve(self.request)

        server = socketserver.ThreadingTCPServer((self.host, self._requested_port), Handler, bind_and_activate=False)
        server.daemon_threads = True
        server.allow_reuse_address = True
        server.server_bind()
        server.server_activate()
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
                         name="label-sim").start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> LabelPrinterSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def status(self) -> PrinterState:
        with self._cond:
            return self._state

    def set_status(self, **changes: bool) -> None:
        with self._cond:
            self._state = dataclasses.replace(self._state, **changes)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[LabelJob]:
        with self._cond:
            self._cond.wait_for(lambda: len(self.jobs) >= count, timeout)
            return list(self.jobs)

    def _status_byte(self) -> int:
        s = self.status
        return (0x01 if s.cover_open else 0) | (0x04 if s.paper_out else 0) | (0x10 if s.offline else 0)

    def _serve(self, sock: socket.socket) -> None:
        pending = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            pending = self._answer(sock, pending)
            pending = self._take_jobs(pending)
        if pending.strip():
            self._take_jobs(pending + b"\r\n", final=True)

    def _answer(self, sock: socket.socket, pending: bytes) -> bytes:
        with contextlib.suppress(OSError):
            while tspl.STATUS_REQUEST in pending:
                pending = pending.replace(tspl.STATUS_REQUEST, b"", 1)
                sock.sendall(bytes([self._status_byte()]))
            while zpl.STATUS_REQUEST in pending:
                pending = pending.replace(zpl.STATUS_REQUEST, b"", 1)
                s = self.status
                sock.sendall(zpl.host_status(paper_out=s.paper_out, paused=s.offline, cover_open=s.cover_open))
        return pending

    def _take_jobs(self, pending: bytes, final: bool = False) -> bytes:
        while True:
            zpl_end = pending.find(b"^XZ")
            tspl_at = pending.find(b"PRINT ")
            tspl_end = pending.find(b"\n", tspl_at) if tspl_at >= 0 else -1
            if zpl_end >= 0 and (tspl_end < 0 or zpl_end < tspl_end):
                raw, pending = pending[: zpl_end + 3], pending[zpl_end + 3 :]
                self._job("zpl", raw, zpl.parse_zpl(raw))
            elif tspl_end >= 0:
                raw, pending = pending[: tspl_end + 1], pending[tspl_end + 1 :]
                self._job("tspl", raw, tspl.parse_tspl(raw))
            else:
                return pending

    def _job(self, language: str, raw: bytes, documents: list[LabelDocument]) -> None:
        if self.status.paper_out or self.status.cover_open:
            return  # a stopped printer prints nothing; the driver sees why in the status
        for doc in documents:
            job = LabelJob(language, doc, render_label(doc), raw)
            with self._cond:
                self.jobs.append(job)
                self._cond.notify_all()
