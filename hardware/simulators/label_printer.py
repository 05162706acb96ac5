"""A TSPL/ZPL label printer on a TCP port, for demos and tests.

It parses what it receives the way the printer would, renders each label to an image, and
answers the real status requests (TSPL ``ESC !?``, ZPL ``~HS``) from settable state.
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass

from PIL import Image

from hardware.labels import tspl, zpl
from hardware.labels.document import LabelDocument
from hardware.labels.render import render_label
from hardware.simulators.tcp import TcpSimulator, receive


@dataclass(frozen=True)
class LabelJob:
    language: str  # tspl | zpl
    document: LabelDocument
    image: Image.Image
    raw: bytes


class LabelPrinterSimulator(TcpSimulator[LabelJob]):
    """A threaded TCP label printer speaking TSPL and ZPL. ``port=0`` picks a free port."""

    thread_name = "label-sim"

    def _status_byte(self) -> int:
        s = self.status
        return (0x01 if s.cover_open else 0) | (0x04 if s.paper_out else 0) | (0x10 if s.offline else 0)

    def _serve(self, sock: socket.socket) -> None:
        pending = b""
        for chunk in receive(sock):
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
            self._add_job(LabelJob(language, doc, render_label(doc), raw))
