"""The till as ``omnistore client`` starts it: its devices chosen from ``devices.json`` (the one
place that picks drivers for the device families of ``hardware.families``), the window, the loop."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from app.domain.keyed import is_digits
from hardware.config import load_config
from hardware.devices import DeviceKind
from hardware.families import CustomerDisplayDevice, LabelPrinterDevice, ReceiptPrinterDevice, ScaleDevice
from ui.api import StoreClient
from ui.app import DEFAULT_LANGUAGE, MainWindow, create_app
from ui.customer_facing import CustomerFacing

log = logging.getLogger(__name__)


def till_printer(printer_uri: str | None, home: Path) -> ReceiptPrinterDevice | None:
    """The till's receipt printer: ``devices.json``'s when it names one, else ``printer_uri``.

    Jobs go through the printer's persisted queue, so a printer that is off or out of paper
    never blocks a sale: the receipt waits on disk and prints when the printer is back.
    """
    from hardware.printer import ReceiptPrinter, receipt_printer_from_config

    configured = load_config(home).of_kind(DeviceKind.RECEIPT_PRINTER)
    if configured:
        return receipt_printer_from_config(configured[0], home=home)
    if not printer_uri:
        return None
    return ReceiptPrinter(printer_uri, home=home)


def till_label_printer(home: Path) -> LabelPrinterDevice | None:
    """The till's label printer (价签), when ``devices.json`` names one: TSPL or ZPL, queued on disk."""
    from hardware.labels.printer import LabelPrinter

    configured = load_config(home).of_kind(DeviceKind.LABEL_PRINTER)
    if not configured or not configured[0].enabled:
        return None
    return LabelPrinter(configured[0].device_uri(), language=configured[0].language or "tspl", home=home,
                        printer_id=configured[0].id or "label")


def till_peripherals(home: Path) -> tuple[ScaleDevice | None, CustomerFacing | None]:
    """The scale and the customer displays ``devices.json`` names for this till (each optional)."""
    from hardware.display import PoleDisplay
    from hardware.scale import SerialScale
    from ui.customer_display import CustomerDisplay

    config = load_config(home)
    scales = config.of_kind(DeviceKind.SCALE)
    scale: ScaleDevice | None = None
    if scales:
        scale = SerialScale(scales[0].device_uri(), protocol=scales[0].protocol or "stgs",
                            baudrate=scales[0].baudrate).start()
    pole: CustomerDisplayDevice | None = None
    screen: CustomerDisplay | None = None
    for display in config.of_kind(DeviceKind.CUSTOMER_DISPLAY):
        if display.uri.startswith("screen:"):  # the second monitor, e.g. "screen:1"
            screen = screen or CustomerDisplay()
        elif pole is None:
            pole = PoleDisplay(display.device_uri(), baudrate=display.baudrate)
    if screen is not None:
        screen.show_on_second_screen()
    return scale, (CustomerFacing(pole, screen) if pole or screen else None)


def till_camera(window: MainWindow, home: Path) -> QObject | None:
    """A camera in ``devices.json`` scans at the till: member QR, coupons and barcodes held up to it.

    ``uri`` ``camera:N`` picks the Nth video input (``camera:`` the default one); each decoded
    code arrives as if scanned, once per code held in view.
    """
    cameras = load_config(home).of_kind(DeviceKind.CAMERA)
    if not cameras:
        return None
    from hardware.camera import CameraScanner

    device = None
    index = cameras[0].uri.partition(":")[2].strip("/")
    if is_digits(index) and len(index) <= 3:
        from PySide6.QtMultimedia import QMediaDevices

        inputs = QMediaDevices.videoInputs()
        device = inputs[int(index)] if int(index) < len(inputs) else None
    scanner = CameraScanner(device, parent=window)
    scanner.decoded.connect(lambda text, _format: window.take_scan(text))
    scanner.failed.connect(lambda code: log.warning("camera: %s", code))
    scanner.start()
    return scanner


def run_client(server_url: str, till: str, home: Path, lang: str | None = None, printer_uri: str | None = None,
               argv: Sequence[str] | None = None) -> int:
    """Entry point for ``omnistore client``: show the till and run the event loop; returns the exit code.
    ``home`` is the till's data directory (its devices and print queues), chosen by the caller."""
    app = create_app(argv, lang)
    language = str(app.property("omnistore_language") or DEFAULT_LANGUAGE)
    client = StoreClient(server_url, language=language)
    scale, customer = till_peripherals(home)
    window = MainWindow(client, till, printer=till_printer(printer_uri, home), scale=scale, customer=customer,
                        home=home, label_printer=till_label_printer(home))
    camera = till_camera(window, home)
    if camera is not None:
        window.destroyed.connect(camera.close)
    screen = QGuiApplication.primaryScreen()
    if screen is not None and screen.availableGeometry().width() <= 1366:
        window.setGeometry(screen.geometry())  # also where no window manager honours full screen
        window.showFullScreen()
    else:
        window.resize(1280, 900)
        window.show()
    window.apply_theme_now()
    from ui import automation  # test and benchmark hook; inert unless its environment variables are set

    automation.install(window)
    return app.exec()


def run_board(server_url: str, till: str, home: Path, lang: str | None = None, printer_uri: str | None = None,
              argv: Sequence[str] | None = None) -> int:
    """``omnistore client --board``: the O2O board alone (a picker's PC or tablet), logged in as
    at ``till``; the pick list and bag labels print on its receipt printer."""
    from ui.board import BoardShell
    from ui.context import TillContext
    from ui.worker import Worker

    app = create_app(argv, lang)
    language = str(app.property("omnistore_language") or DEFAULT_LANGUAGE)
    client = StoreClient(server_url, language=language)
    worker = Worker()
    printer = till_printer(printer_uri, home)
    ctx = TillContext(client=client, worker=worker, till=till, printer=printer)
    if printer is not None:
        ctx.printer_raster, ctx.printer_profile = printer.raster, printer.profile.name
    shell = BoardShell(ctx)
    shell.resize(1280, 800)
    shell.show()
    from ui import automation  # test hook; inert unless its environment variable is set

    automation.install_board(shell)
    return app.exec()
