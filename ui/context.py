"""What every screen of one running till shares: the client, the worker, who is logged in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hardware.drawer import kick_bytes
from hardware.families import LabelPrinterDevice, ReceiptPrinterDevice, ScaleDevice
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
    #: the till's receipt printer with its persisted queue; when set it takes the place of ``printer_sink``
    printer: ReceiptPrinterDevice | None = None
    #: the printer has no Chinese font: receipts go as pictures (devices.json option raster=1)
    printer_raster: bool = False
    #: the printer's paper: 58mm or 80mm (devices.json profile)
    printer_profile: str = "80mm"
    #: the till's scale: weighed goods (PLU) take their weight from it
    scale: ScaleDevice | None = None
    #: the customer's pole display and/or second screen (ui.customer_facing.CustomerFacing)
    customer: Any = None
    #: the till's label printer (价签), when it has one
    label_printer: LabelPrinterDevice | None = None
    operator: Operator | None = None
    shift: Shift | None = None

    @property
    def drawer_kicked_separately(self) -> bool:
        """With a queued printer the drawer opens ahead of the receipt, so no paper never keeps it shut."""
        return self.printer is not None

    def print_receipt(self, data: bytes, label: str = "") -> None:
        """Queue the receipt (persisted until the printer confirms) or hand it to the sink."""
        if self.printer is not None:
            self.printer.submit(data, kind="receipt", label=label)
        elif self.printer_sink is not None:
            self.printer_sink(data)

    def open_drawer(self) -> None:
        """Pulse the cash drawer; with a queued printer the sensor answer comes back as an event."""
        if self.printer is not None:
            self.printer.open_drawer()
        elif self.printer_sink is not None:
            self.printer_sink(kick_bytes())
