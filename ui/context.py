"""What every screen of one running till shares: the client, the worker, who is logged in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.api import Operator, Shift, StoreClient
from ui.worker import Worker

#: Receives the raw receipt bytes (ESC/POS) to print. Called on the worker thread.
PrinterSink = Callable[[bytes], None]


@dataclass
class TillContext:
    client: StoreClient
    worker: Worker
    till: str
    printer_sink: PrinterSink | None = None
    operator: Operator | None = None
    shift: Shift | None = None

    def print_receipt(self, data: bytes) -> None:
        """Hand receipt bytes to the printer sink (the lead wires hardware.transports.send)."""
        if self.printer_sink is not None:
            self.printer_sink(data)
