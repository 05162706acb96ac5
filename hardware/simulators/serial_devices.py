"""Serial devices on a pseudo-terminal: a scanner, a scale and a pole display that speak the real protocols.

Each opens a pty pair; the driver under test opens ``.path`` (the slave side) with
pyserial exactly as it would open /dev/ttyUSB0, while the simulator talks on the master.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty

from hardware.display import DisplayState, decode_pole
from hardware.scale import Reading, stgs_line, toledo_frame
from hardware.scanner import SUFFIXES


class PtyDevice:
    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name=type(self).__name__)
        self.received = b""

    def start(self) -> PtyDevice:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for fd in (self.master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def _loop(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], self.tick())
            if ready:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    return
                self.received += data
                self.on_bytes(data)

    def tick(self) -> float:
        """Called every loop; returns how long to wait for input."""
        return 0.05

    def on_bytes(self, data: bytes) -> None:
        pass


class ScannerSimulator(PtyDevice):
    def __init__(self, suffix: str = "CR") -> None:
        super().__init__()
        self.suffix = SUFFIXES[suffix]

    def scan(self, text: str, aim: str = "", *, encoding: str = "utf-8") -> None:
        self.write(aim.encode("ascii") + text.encode(encoding) + self.suffix)


class ScaleSimulator(PtyDevice):
    """Sends frames every ``period`` s. ``put(grams)`` shows motion for ``settle`` s, then stable.

    'T' tares (what is on it becomes the tare, the display goes net), 'Z' zeroes.
    """

    def __init__(self, protocol: str = "stgs", period: float = 0.03, settle: float = 0.15) -> None:
        super().__init__()
        self.protocol = protocol
        self.period = period
        self.settle = settle
        self.gross = 0
        self.tare = 0
        self.zero_offset = 0
        self.overload_g = 30_000
        self._settled_at = 0.0
        self._next = 0.0

    def put(self, grams: int) -> None:
        self.gross = grams
        self._settled_at = time.monotonic() + self.settle

    def reading(self) -> Reading:
        gross = self.gross - self.zero_offset
        weight = gross - self.tare
        return Reading(weight, time.monotonic() >= self._settled_at, self.tare != 0, self.tare,
                       overload=gross > self.overload_g)

    def tick(self) -> float:
        now = time.monotonic()
        if now >= self._next:
            reading = self.reading()
            self.write(stgs_line(reading) if self.protocol == "stgs" else toledo_frame(reading))
            self._next = now + self.period
        return max(0.0, self._next - time.monotonic())

    def on_bytes(self, data: bytes) -> None:
        for b in data:
            if b == ord("T"):
                self.tare = self.gross - self.zero_offset
            elif b == ord("Z"):
                self.zero_offset, self.tare = self.gross, 0


class DisplaySimulator(PtyDevice):
    """Decodes what the till sends; ``state`` is what the customer sees."""

    def __init__(self) -> None:
        super().__init__()
        self.state = DisplayState()
        self._rest = b""
        self.changed = threading.Condition()

    def on_bytes(self, data: bytes) -> None:
        state, self._rest = decode_pole(self._rest + data, self.state)
        with self.changed:
            self.state = state
            self.changed.notify_all()

    def wait_for(self, text: str, timeout: float = 3.0) -> DisplayState:
        with self.changed:
            self.changed.wait_for(lambda: self.state.text == text, timeout)
            return self.state
