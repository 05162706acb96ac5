from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from hardware import detect
from hardware.config import DeviceConfig, TillDevices, load_config, save_config
from hardware.detect import Detector, KnownUsb, lookup_usb, probe_network
from hardware.devices import Connection, DeviceInfo, DeviceKind, driver_for, drivers_for
from hardware.faults import FAULTS, fault, udev_rule


def usb(vid: int, pid: int, kind: DeviceKind | None) -> DeviceInfo:
    return DeviceInfo(f"usb:{vid:04x}:{pid:04x}:1-2", Connection.USB, "x", kind=kind, vendor_id=vid, product_id=pid)


def test_known_usb_ids_name_common_chinese_pos_hardware():
    assert lookup_usb(0x0416, 0x5011).kind is DeviceKind.RECEIPT_PRINTER
    assert lookup_usb(0x04B8, 0x0E15).vendor == "Epson"  # vendor-wide row
    assert lookup_usb(0x1EAB, 0x0D22).kind is DeviceKind.SCANNER  # Newland
    assert lookup_usb(0x0A5F, 0x0166).protocol == "zpl"  # Zebra
    assert lookup_usb(0x1A86, 0x7523).kind is None  # CH340 bridge: config says what is behind it
    assert lookup_usb(0x9999, 0x0001) is None


def test_a_site_can_add_usb_ids_that_win_over_the_table():
    extra = [KnownUsb(0x0416, 0x5011, "Our label printer", "L1", DeviceKind.LABEL_PRINTER, "tspl")]
    assert lookup_usb(0x0416, 0x5011, extra).kind is DeviceKind.LABEL_PRINTER


def test_drivers_declare_what_they_support():
    printer = driver_for(usb(0x0416, 0x5011, DeviceKind.RECEIPT_PRINTER))
    assert printer is not None and printer.name == "escpos-receipt"
    assert "reprint_last" in printer.actions and "printer_paper_out" in printer.events
    names = {d.name for d in drivers_for(usb(0x0416, 0x5011, DeviceKind.RECEIPT_PRINTER))}
    assert names == {"escpos-receipt", "escpos-drawer"}  # the drawer hangs off the printer
    label = driver_for(DeviceInfo("tcp:h:9100", Connection.NETWORK, "x", kind=DeviceKind.LABEL_PRINTER, host="h"))
    assert label is not None and label.kind is DeviceKind.LABEL_PRINTER
    assert driver_for(usb(0x1A86, 0x7523, None)) is None
    assert driver_for(DeviceInfo("camera:0", Connection.VIDEO, "cam")).kind is DeviceKind.CAMERA


def test_driver_factories_import():
    for info, kind in [
        (usb(0x0416, 0x5011, DeviceKind.RECEIPT_PRINTER), DeviceKind.RECEIPT_PRINTER),
        (usb(0x0416, 0x5011, DeviceKind.RECEIPT_PRINTER), DeviceKind.CASH_DRAWER),
    ]:
        spec = driver_for(info, kind)
        assert spec is not None and callable(spec.load())


def test_device_uri_from_detection():
    assert usb(0x0416, 0x5011, None).uri == "usb://0416:5011"
    assert DeviceInfo("tcp:a:9100", Connection.NETWORK, "n", host="10.0.0.9", port=9100).uri == "tcp://10.0.0.9:9100"


def test_network_probe_finds_listening_printer_and_skips_silent_address():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            dead = closed.getsockname()[1]
        started = time.monotonic()
        found = probe_network([f"127.0.0.1:{port}", f"127.0.0.1:{dead}"], timeout=0.2)
        assert time.monotonic() - started < 1.0
    assert [d.port for d in found] == [port]
    assert found[0].kind is DeviceKind.RECEIPT_PRINTER


def test_detector_reports_arrivals_and_departures_on_its_own_thread():
    present: list[DeviceInfo] = [usb(0x0416, 0x5011, DeviceKind.RECEIPT_PRINTER)]
    arrived, departed, threads = [], [], set()
    seen = threading.Event()

    def on_arrival(info: DeviceInfo) -> None:
        arrived.append(info.id)
        threads.add(threading.current_thread().name)
        seen.set()

    detector = Detector(on_arrival=on_arrival, on_departure=lambda i: departed.append(i.id),
                        sources=[lambda: list(present)], interval=0.02)
    started = time.monotonic()
    detector.start()
    assert time.monotonic() - started < 0.05  # the caller is not blocked
    assert seen.wait(2)
    present.clear()
    deadline = time.monotonic() + 2
    while not departed and time.monotonic() < deadline:
        time.sleep(0.01)
    detector.stop()
    assert arrived == ["usb:0416:5011:1-2"] and departed == ["usb:0416:5011:1-2"]
    assert threads == {"device-detect"}


def test_a_failing_source_does_not_stop_detection():
    def broken() -> list[DeviceInfo]:
        raise RuntimeError("libusb exploded")

    detector = Detector(sources=[broken, lambda: [usb(1, 2, None)]])
    arrived, _ = detector.scan_once()
    assert len(arrived) == 1


def test_real_sources_run_without_hardware():
    assert isinstance(detect.scan_usb(), list)
    assert isinstance(detect.scan_serial(), list)


def test_device_config_round_trips_through_devices_json(tmp_path: Path):
    config = TillDevices(
        devices=[
            DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, "usb://0416:5011", profile="58mm-gbk",
                         usb_out_ep=0x03, usb_in_ep=0x81),
            DeviceConfig("scale", DeviceKind.SCALE, "serial:///dev/ttyUSB0", baudrate=2400, protocol="toledo"),
        ],
        network_printers=["192.168.1.50"],
        extra_usb_ids=[KnownUsb(0x1234, None, "X", "Y", DeviceKind.SCANNER)],
    )
    save_config(config, tmp_path)
    loaded = load_config(tmp_path)
    assert loaded == config
    assert loaded.get("receipt").device_uri() == "usb://0416:5011?out_ep=0x03&in_ep=0x81"
    assert loaded.get("scale").device_uri() == "serial:///dev/ttyUSB0?baudrate=2400"
    assert load_config(tmp_path / "nowhere") == TillDevices()


def test_config_from_a_newer_version_still_loads(tmp_path: Path):
    (tmp_path / "devices.json").write_text(
        '{"devices": [{"id": "r", "kind": "receipt_printer", "uri": "tcp://h", "future_field": 1}]}', "utf-8"
    )
    assert load_config(tmp_path).devices[0].uri == "tcp://h"


def test_every_fault_has_both_languages_and_unknown_codes_still_read():
    for item in FAULTS.values():
        assert item.zh and item.en
    assert fault("printer_paper_out").zh == "打印机缺纸"
    assert "xyz" in fault("xyz").en
    assert udev_rule(0x0416) == 'SUBSYSTEM=="usb", ATTR{idVendor}=="0416", MODE="0666"'
