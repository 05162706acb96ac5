"""Real-time status (DLE EOT n): the four status bytes and what their bits mean.

Fixed bits 0x12 are always set; 0x10 0x04 n asks for byte n (1 printer, 2 offline cause,
3 error cause, 4 roll paper sensor).
"""

from __future__ import annotations

from dataclasses import dataclass

FIXED = 0x12


@dataclass(frozen=True, slots=True)
class PrinterState:
    """What a receipt printer reports about itself."""

    offline: bool = False
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    drawer_open: bool = False
    cutter_error: bool = False

    @property
    def ready(self) -> bool:
        return not (self.offline or self.cover_open or self.paper_out or self.cutter_error)


def status_byte(state: PrinterState, n: int) -> int:
    """The byte a printer in ``state`` answers to DLE EOT ``n``.

    As on real printers, an open cover, no paper or a cutter error also take it offline.
    The drawer bit is our convention: set while the drawer is open.
    """
    if n == 1:
        offline = not state.ready
        return FIXED | (0x04 if state.drawer_open else 0) | (0x08 if offline else 0)
    if n == 2:
        return (
            FIXED
            | (0x04 if state.cover_open else 0)
            | (0x20 if state.paper_out else 0)
            | (0x40 if state.cutter_error else 0)
        )
    if n == 3:
        return FIXED | (0x08 if state.cutter_error else 0)
    if n == 4:
        return FIXED | (0x0C if state.paper_near_end else 0) | (0x60 if state.paper_out else 0)
    raise ValueError("DLE EOT n is 1..4")


def parse_status(bytes_by_n: dict[int, int]) -> PrinterState:
    """A ``PrinterState`` from the answers to DLE EOT 1..4 (missing ones count as all clear)."""
    b1, b2, b3, b4 = (bytes_by_n.get(n, FIXED) for n in (1, 2, 3, 4))
    return PrinterState(
        offline=bool(b1 & 0x08),
        cover_open=bool(b2 & 0x04),
        paper_out=bool(b4 & 0x60) or bool(b2 & 0x20),
        paper_near_end=bool(b4 & 0x0C),
        drawer_open=bool(b1 & 0x04),
        cutter_error=bool(b3 & 0x08),
    )
