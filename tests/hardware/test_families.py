"""Each of the till's drivers is a device of its family (hardware.families), the only types the
till's screens hold; mypy checks the signatures in `make lint`, this checks the built objects."""

from __future__ import annotations

from pathlib import Path

from hardware.display import PoleDisplay
from hardware.drawer import CashDrawer
from hardware.families import (
    CashDrawerDevice,
    CustomerDisplayDevice,
    LabelPrinterDevice,
    ReceiptPrinterDevice,
    ScaleDevice,
    ScannerDevice,
)
from hardware.labels.printer import LabelPrinter
from hardware.printer import ReceiptPrinter
from hardware.scale import SerialScale
from hardware.scanner import SerialScanner
from hardware.simulators.printer import PrinterSimulator


def test_every_till_driver_is_a_device_of_its_family(tmp_path: Path) -> None:
    with PrinterSimulator(port=0) as simulator:
        receipt = ReceiptPrinter(simulator.uri, home=tmp_path)
        label = LabelPrinter(simulator.uri, home=tmp_path, printer_id="label")
        pole = PoleDisplay("loop://")
        scale = SerialScale("loop://").start()
        scanner = SerialScanner("loop://", on_scan=lambda _scan: None).start()
        try:
            assert isinstance(receipt, ReceiptPrinterDevice)
            assert isinstance(label, LabelPrinterDevice)
            assert isinstance(CashDrawer(receipt), CashDrawerDevice)
            assert isinstance(pole, CustomerDisplayDevice)
            assert isinstance(scale, ScaleDevice)
            assert isinstance(scanner, ScannerDevice)
        finally:
            for device in (receipt, label, pole, scale, scanner):
                device.close()


def test_the_camera_is_a_scanner_of_the_family(qapp) -> None:
    from hardware.camera import CameraScanner

    camera = CameraScanner()
    try:
        assert isinstance(camera, ScannerDevice)
    finally:
        camera.close()


def test_nothing_of_another_family_passes_for_a_scale(tmp_path: Path) -> None:
    pole = PoleDisplay("loop://")
    try:
        assert not isinstance(pole, ScaleDevice)
        assert not isinstance(pole, ReceiptPrinterDevice)
    finally:
        pole.close()
