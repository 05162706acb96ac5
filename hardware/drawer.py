"""Cash drawer (钱箱): kicked through the receipt printer's drawer port, sensed via DLE EOT 1.

ESC p m t1 t2 pulses the solenoid; bit 2 of the DLE EOT 1 answer is the level of the
drawer's sensor switch. Which level means "open" depends on the drawer, hence
``sensor_high`` (True: bit set while open, the common case and our simulator's).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hardware.escpos.encoder import EscPosBuilder
from hardware.escpos.status import PrinterState
from hardware.links import Link

if TYPE_CHECKING:
    from hardware.printer import ReceiptPrinter, StatusProtocol

#: how long the solenoid takes to throw the drawer before the sensor is read
SETTLE_S = 0.12


@dataclass(frozen=True, slots=True)
class DrawerResult:
    code: str  # drawer_opened | drawer_not_opened | drawer_sensor_unknown
    state: PrinterState | None = None


def kick_bytes(pin: int = 0, on_ms: int = 50, off_ms: int = 500) -> bytes:
    """ESC p: pin 0 is connector pin 2 (most drawers), 1 is pin 5."""
    return EscPosBuilder().kick_drawer(pin, on_ms, off_ms).bytes()


def realtime_kick_bytes(pin: int = 0, pulse_100ms: int = 1) -> bytes:
    """DLE DC4 1 m t: a pulse the printer fires at once, even offline (out of paper, cover open)."""
    return b"\x10\x14\x01" + bytes([pin, max(1, min(8, pulse_100ms))])


def is_open(state: PrinterState, *, sensor_high: bool = True) -> bool:
    return state.drawer_open == sensor_high


def kick_and_check(
    link: Link, *, pin: int = 0, sensor_high: bool = True, timeout: float = 0.5, status: StatusProtocol | None = None,
    settle: float = SETTLE_S,
) -> DrawerResult:
    """Pulse the drawer on ``link`` and read the sensor back. Raises ``PrinterError`` when the write fails."""
    if status is None:
        from hardware.printer import EscPosStatus

        status = EscPosStatus()
    before = status.query(link, timeout)
    # ESC p waits its turn in the buffer, which an offline printer does not process.
    link.write(realtime_kick_bytes(pin) if before is not None and not before.ready else kick_bytes(pin))
    deadline = time.monotonic() + max(settle, 0.0) + 0.5
    time.sleep(settle)
    while True:
        state = status.query(link, timeout)
        if state is None:
            return DrawerResult("drawer_sensor_unknown")
        if is_open(state, sensor_high=sensor_high):
            return DrawerResult("drawer_opened", state)
        if time.monotonic() >= deadline:
            return DrawerResult("drawer_not_opened", state)
        time.sleep(0.05)


class CashDrawer:
    """The drawer behind a ``ReceiptPrinter``: kicks go through the printer's worker, never the caller's thread."""

    def __init__(self, printer: ReceiptPrinter) -> None:
        self.printer = printer

    def open(self) -> None:
        """Open now; the outcome comes as the printer's ``drawer_*`` event."""
        self.printer.open_drawer()

    def is_open(self) -> bool | None:
        """The sensor as last read; None when the printer has not told us."""
        state = self.printer.status.state
        if state is None:
            return None
        return is_open(state, sensor_high=self.printer.drawer_sensor_high)
