"""A receipt printer on a TCP port (like a real one on 9100), for demos and tests.

It speaks the real protocol: bytes in, a job per cut (or per connection), each decoded the
way a printer would; DLE EOT status requests answered at once from settable state.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence

from hardware.escpos.decoder import DecodedJob, decode, tokenize
from hardware.escpos.profiles import PROFILES, PrinterProfile, get_profile
from hardware.escpos.status import status_byte
from hardware.simulators.tcp import TcpSimulator, receive

log = logging.getLogger(__name__)

JobCallback = Callable[[DecodedJob], None]


class PrinterSimulator(TcpSimulator[DecodedJob]):
    """A threaded TCP receipt printer. ``port=0`` picks a free port; read it from ``.port``."""

    thread_name = "printer-sim"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        encoding: str = "gb18030",
        on_job: JobCallback | None = None,
    ) -> None:
        super().__init__(host, port)
        self.encoding = encoding
        self.on_job = on_job
        #: called with each chunk as it arrives, before any decoding (latency measurements)
        self.on_data: Callable[[bytes], None] | None = None
        #: False: nothing on the drawer port, so kicks open nothing (for testing that path)
        self.drawer_connected = True

    # -- state -----------------------------------------------------------------------------

    def kick_drawer(self, *, realtime: bool = False) -> None:
        """ESC p runs in buffer order, so not while the printer is offline; DLE DC4 1 always does."""
        if self.drawer_connected and (realtime or self.status.ready):
            self.set_status(drawer_open=True)  # the drawer springs open until someone shuts it

    def status_byte(self, n: int) -> int:
        with self._lock:
            return status_byte(self._state, n)

    def clear(self) -> None:
        with self._lock:
            self.jobs.clear()

    # -- called from connection threads -----------------------------------------------------

    def _job_done(self, data: bytes) -> None:
        job = decode(data, self.encoding)
        if not job.prints_something:
            return
        self._add_job(job)
        if self.on_job is not None:
            try:
                self.on_job(job)
            except Exception:
                log.exception("printer simulator: on_job callback failed")

    def _serve(self, sock: socket.socket) -> None:
        pending = bytearray()
        scanned = 0
        try:
            for chunk in receive(sock):
                if self.on_data is not None:
                    self.on_data(chunk)
                pending += chunk
                scanned = self._process(pending, scanned, sock)
        finally:
            if pending:
                self._job_done(bytes(pending))

    def _process(self, pending: bytearray, scanned: int, sock: socket.socket) -> int:
        """Answer real-time requests and hand over finished jobs; return how far we have read."""
        restart = True
        while restart:
            restart = False
            data = bytes(pending)
            for token in tokenize(data, scanned):
                if token.kind == "incomplete":
                    break
                scanned = token.end
                if token.name == "status_request" and 1 <= token.args[0] <= 4:
                    with contextlib.suppress(OSError):
                        sock.sendall(bytes([self.status_byte(token.args[0])]))
                elif token.name == "realtime_command" and token.args[0] == 1:
                    self.kick_drawer(realtime=True)  # DLE DC4 1 m t: real-time drawer pulse
                elif token.name == "drawer_kick":
                    self.kick_drawer()
                elif token.name == "cut":
                    self._job_done(data[: token.end])
                    del pending[: token.end]
                    scanned = 0
                    restart = True
                    break
        return scanned


def print_job(job: DecodedJob, out: object = None) -> None:
    """Headless output: the job's text, its barcodes and a tear line."""
    stream = out or sys.stdout
    for line in job.lines:
        print(line, file=stream)  # type: ignore[arg-type]
    for data in job.barcodes:
        print(f"[CODE128 {data}]", file=stream)  # type: ignore[arg-type]
    for data in job.qr_codes:
        print(f"[QR {data}]", file=stream)  # type: ignore[arg-type]
    if job.named("drawer_kick"):
        print("[drawer opened]", file=stream)  # type: ignore[arg-type]
    print("~" * 24 + " cut " + "~" * 24, file=stream, flush=True)  # type: ignore[arg-type]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


WindowRunner = Callable[[PrinterSimulator, PrinterProfile], int]


def main(argv: Sequence[str] | None = None, *, window: WindowRunner | None = None) -> int:
    """``omnistore printer-sim [--host H] [--port 9100] [--profile 80mm] [--window]``.

    ``window`` runs the preview window (``ui.printer_preview``); hardware may not import ui,
    so the composition root passes it in.
    """
    parser = argparse.ArgumentParser(
        prog="omnistore printer-sim", description="Simulated ESC/POS receipt printer on TCP."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=9100, help="TCP port (default 9100; 0 picks a free one)")
    parser.add_argument("--profile", default="80mm", choices=sorted(PROFILES), help="printer profile (encoding)")
    parser.add_argument("--window", action="store_true", help="show the paper-roll preview window")
    args = parser.parse_args(argv)
    if args.window and window is None:
        parser.error("--window needs the UI; run it as `omnistore printer-sim --window`")
    profile = get_profile(args.profile)
    simulator = PrinterSimulator(args.host, args.port, encoding=profile.encoding)
    try:
        simulator.start()
    except OSError as exc:
        print(f"printer-sim: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print(
        f"printer-sim: listening on {simulator.uri} ({profile.name}, {profile.encoding})", file=sys.stderr, flush=True
    )
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop ends it as cleanly as Ctrl+C
    try:
        if window is not None and args.window:
            return window(simulator, profile)
        simulator.on_job = print_job
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        if threading.current_thread() is threading.main_thread():  # a second signal must not cut the stop short
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        simulator.stop()


if __name__ == "__main__":
    sys.exit(main())
