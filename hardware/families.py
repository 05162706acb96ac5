"""The till's device families as interfaces (设备接口): what a screen may ask of a receipt printer,
a label printer, a scale, a customer display, a cash drawer or a scanner — never which model,
protocol or wire it is.

The drivers satisfy these structurally (``ReceiptPrinter``, ``LabelPrinter``, ``SerialScale``,
``PoleDisplay``, ``CashDrawer``, ``SerialScanner`` and the camera's ``CameraScanner``); which driver
a till uses is chosen once, from its ``devices.json``, by the composition root (``omnistore.till``).
The till's screens hold these types only, so a new model (a USB scale, a network pole display) is a
new driver and nothing else. Every call returns at once: drivers do their I/O on their own thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

__all__ = [
    "CashDrawerDevice", "CustomerDisplayDevice", "EventCallback", "LabelPrinterDevice", "PrinterEvent", "PrinterStatus",
    "ReceiptPrinterDevice", "ScaleDevice", "ScannerDevice",
]

from app.domain.receipt import Receipt
from hardware.escpos.profiles import PrinterProfile
from hardware.labels.document import LabelDocument
from hardware.printer import EventCallback, PrinterEvent, PrinterStatus
from hardware.scale import Reading


@runtime_checkable
class ReceiptPrinterDevice(Protocol):
    """小票打印机: jobs wait in its persisted queue until the printer confirms them; what happens
    (queued, printed, paper out, drawer opened) comes back through ``on_event``."""

    #: the paper and encoding the receipts are laid out for (58mm, 80mm)
    profile: PrinterProfile
    #: no Chinese font in the printer: receipts go as pictures
    raster: bool
    on_event: EventCallback | None

    @property
    def status(self) -> PrinterStatus: ...

    def submit(self, data: bytes, *, kind: str | None = None, label: str = "", job_id: str | None = None) -> str: ...

    def print_receipt(self, receipt: Receipt, *, job_id: str | None = None) -> str: ...

    def reprint_last(self) -> str | None: ...

    def open_drawer(self) -> None: ...

    def request_status(self) -> None: ...

    def retry_now(self) -> None: ...

    def close(self, timeout: float = 3.0) -> None: ...


@runtime_checkable
class LabelPrinterDevice(Protocol):
    """标签打印机: shelf, weighed-goods and bag labels, queued like receipts."""

    on_event: EventCallback | None

    @property
    def status(self) -> PrinterStatus: ...

    def print_label(self, doc: LabelDocument, *, job_id: str | None = None, label: str = "") -> str: ...

    def close(self, timeout: float = 3.0) -> None: ...


@runtime_checkable
class ScaleDevice(Protocol):
    """电子秤: the latest reading and whether it is steady; tare and zero."""

    @property
    def latest(self) -> tuple[Reading, bool] | None: ...

    def tare(self) -> bool: ...

    def zero(self) -> bool: ...

    def wait_stable(self, timeout: float = 3.0, predicate: Callable[[Reading], bool] | None = None) -> Reading | None:
        """The next steady reading (matching ``predicate``), or None: never on the GUI thread."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class CustomerDisplayDevice(Protocol):
    """客显: one amount with its lamp (单价, 总计, 收款, 找零), the latest call winning."""

    def show_price(self, fen: int) -> None: ...

    def show_total(self, fen: int) -> None: ...

    def show_paid(self, fen: int) -> None: ...

    def show_change(self, fen: int) -> None: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class CashDrawerDevice(Protocol):
    """钱箱: opened now (the outcome comes as the printer's ``drawer_*`` event), and its sensor."""

    def open(self) -> None: ...

    def is_open(self) -> bool | None: ...


@runtime_checkable
class ScannerDevice(Protocol):
    """扫码枪 or camera: once started, each code read arrives on the device's own thread, through the
    callback (a serial scanner's ``on_scan``) or the Qt signal (the camera's ``decoded``) the
    driver was built with. A keyboard-wedge scanner needs no driver: ``ui.wedge`` reads its keys."""

    def start(self) -> object: ...

    def close(self) -> None: ...


if TYPE_CHECKING:  # every driver fits its family: checked by mypy in `make lint`, nothing runs
    from hardware.display import PoleDisplay
    from hardware.drawer import CashDrawer
    from hardware.labels.printer import LabelPrinter
    from hardware.printer import ReceiptPrinter
    from hardware.scale import SerialScale
    from hardware.scanner import SerialScanner

    def _drivers_fit_their_families(receipt: ReceiptPrinter, label: LabelPrinter, scale: SerialScale,
                                    pole: PoleDisplay, drawer: CashDrawer, scanner: SerialScanner) -> None:
        fitted: tuple[ReceiptPrinterDevice, LabelPrinterDevice, ScaleDevice, CustomerDisplayDevice, CashDrawerDevice,
                      ScannerDevice] = (receipt, label, scale, pole, drawer, scanner)
        del fitted
