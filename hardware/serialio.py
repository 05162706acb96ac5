"""Shared plumbing for line-oriented serial devices: a reader thread that reconnects."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def open_serial(path: str, baudrate: int, timeout: float = 0.1) -> Any:
    import serial

    return serial.serial_for_url(path, baudrate=baudrate, timeout=timeout, write_timeout=1.0)


def serial_path(uri_or_path: str) -> tuple[str, dict[str, str]]:
    """``serial:///dev/ttyUSB0?baudrate=2400`` or a bare path → (path, options)."""
    if uri_or_path.startswith("serial://"):
        from hardware.links import parse_uri

        address = parse_uri(uri_or_path)
        return address.target, address.options
    return uri_or_path, {}


class SerialReader:
    """Reads a serial port on its own thread and hands every chunk to ``on_bytes``.

    When the port goes away (USB-serial unplugged) it reports ``on_fault`` once and keeps
    trying to reopen it every ``retry_s``.
    """

    def __init__(self, path: str, baudrate: int, on_bytes: Callable[[bytes], None],
                 on_fault: Callable[[str], None] | None = None, *, retry_s: float = 1.0, name: str = "serial") -> None:
        self.path = path
        self.baudrate = baudrate
        self.on_bytes = on_bytes
        self.on_fault = on_fault
        self.retry_s = retry_s
        self.port: Any = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.connected = threading.Event()

    def start(self) -> SerialReader:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        with self._lock, contextlib.suppress(Exception):
            if self.port is not None:
                self.port.close()

    def write(self, data: bytes) -> bool:
        with self._lock:
            if self.port is None:
                return False
            try:
                self.port.write(data)
                return True
            except Exception:
                return False

    def _run(self) -> None:
        reported = False
        while not self._stop.is_set():
            if self.port is None:
                try:
                    port = open_serial(self.path, self.baudrate)
                except Exception as exc:
                    if not reported and self.on_fault is not None:
                        self.on_fault(str(exc))
                    reported = True
                    self._stop.wait(self.retry_s)
                    continue
                with self._lock:
                    self.port = port
                reported = False
                self.connected.set()
            try:
                data = self.port.read(4096)
            except Exception as exc:
                log.info("serial %s lost: %s", self.path, exc)
                with self._lock, contextlib.suppress(Exception):
                    self.port.close()
                    self.port = None
                self.connected.clear()
                if self.on_fault is not None:
                    self.on_fault(str(exc))
                reported = True
                continue
            if data:
                try:
                    self.on_bytes(bytes(data))
                except Exception:
                    log.exception("serial %s: handler failed", self.path)
