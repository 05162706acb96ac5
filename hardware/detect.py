"""Background device detection (设备检测): USB, serial ports, network printers, cameras.

A ``Detector`` runs its sources on its own thread every few seconds and reports what
arrived and what left through callbacks; the caller is never blocked. Each source is a
plain function returning ``DeviceInfo`` records, so tests and the diagnostics can run
one on its own (``scan_usb()``, ``scan_serial()``, ``probe_network([...])``).
"""

from __future__ import annotations

import concurrent.futures
import logging
import socket
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from hardware.devices import Connection, DeviceInfo, DeviceKind

log = logging.getLogger(__name__)

P, L, S = DeviceKind.RECEIPT_PRINTER, DeviceKind.LABEL_PRINTER, DeviceKind.SCANNER


@dataclass(frozen=True, slots=True)
class KnownUsb:
    vendor_id: int
    product_id: int | None  # None: any product of the vendor
    vendor: str
    model: str
    kind: DeviceKind | None  # None: a USB-serial bridge; what is behind it comes from config
    protocol: str = ""


#: USB ids seen on common Chinese-market POS hardware. Product-specific rows win over
#: vendor-wide ones. Sites add their own in devices.json (``extra_usb_ids``).
KNOWN_USB: tuple[KnownUsb, ...] = (
    # receipt printers (ESC/POS)
    KnownUsb(0x0416, 0x5011, "Xprinter / Gprinter (Winbond)", "POS-58/POS-80", P, "escpos"),
    KnownUsb(0x0483, 0x5720, "Xprinter (STM32)", "XP-58/XP-80", P, "escpos"),
    KnownUsb(0x0483, 0x5743, "Xprinter (STM32)", "XP-N160", P, "escpos"),
    KnownUsb(0x1FC9, 0x2016, "Xprinter (NXP)", "XP-80C", P, "escpos"),
    KnownUsb(0x28E9, 0x0289, "Gprinter 佳博", "GP-58/GP-80", P, "escpos"),
    KnownUsb(0x0FE6, 0x811E, "Rongta 容大 / generic", "RP80", P, "escpos"),
    KnownUsb(0x20D1, 0x7008, "HPRT 汉印", "TP805", P, "escpos"),
    KnownUsb(0x0525, 0xA4A7, "Sunmi 商米", "built-in printer", P, "escpos"),
    KnownUsb(0x04B8, None, "Epson", "TM series", P, "escpos"),
    KnownUsb(0x0519, None, "Star Micronics", "TSP series", P, "escpos"),
    KnownUsb(0x1504, None, "Bixolon", "SRP series", P, "escpos"),
    KnownUsb(0x1D90, None, "Citizen", "CT-S series", P, "escpos"),
    # label printers
    KnownUsb(0x1203, None, "TSC", "TTP/TE series", L, "tspl"),
    KnownUsb(0x0A5F, None, "Zebra", "ZD/GK series", L, "zpl"),
    KnownUsb(0x195F, None, "Godex 科诚", "G500", L, "zpl"),
    KnownUsb(0x28E9, 0x0292, "Gprinter 佳博", "GP-3120TU label", L, "tspl"),
    KnownUsb(0x2D84, None, "Xprinter label", "XP-365B", L, "tspl"),
    # scanners (usually keyboard wedges; some switch to USB-COM)
    KnownUsb(0x0C2E, None, "Honeywell", "Voyager/Xenon", S),
    KnownUsb(0x0536, None, "Honeywell (Hand Held)", "scanner", S),
    KnownUsb(0x1EAB, None, "Newland 新大陆", "HR/NLS series", S),
    KnownUsb(0x05E0, None, "Zebra (Symbol)", "LS/DS series", S),
    KnownUsb(0x05F9, None, "Datalogic", "scanner", S),
    KnownUsb(0x34EB, None, "Netum 讯宝", "scanner", S),
    KnownUsb(0x2DD6, None, "Deli / generic", "scanner", S),
    # USB-serial bridges: scales, pole displays and old printers sit behind these
    KnownUsb(0x067B, 0x2303, "Prolific", "PL2303 USB-serial", None),
    KnownUsb(0x1A86, 0x7523, "WCH 沁恒", "CH340 USB-serial", None),
    KnownUsb(0x0403, 0x6001, "FTDI", "FT232 USB-serial", None),
    KnownUsb(0x10C4, 0xEA60, "Silicon Labs", "CP210x USB-serial", None),
)


def lookup_usb(vendor_id: int, product_id: int, extra: Iterable[KnownUsb] = ()) -> KnownUsb | None:
    """The table's row for a USB id: exact product first, then vendor-wide."""
    table = (*extra, *KNOWN_USB)
    exact = next((k for k in table if k.vendor_id == vendor_id and k.product_id == product_id), None)
    return exact or next((k for k in table if k.vendor_id == vendor_id and k.product_id is None), None)


USB_CLASS_PRINTER = 7


def scan_usb(extra: Iterable[KnownUsb] = ()) -> list[DeviceInfo]:
    """POS devices on USB: rows of the table, plus anything with a printer-class interface."""
    try:
        import usb.core
    except ImportError:
        return []
    try:
        found = list(usb.core.find(find_all=True))
    except usb.core.NoBackendError:
        log.warning("pyusb has no backend (libusb missing): USB devices cannot be listed")
        return []
    except Exception:
        log.exception("USB scan failed")
        return []
    extra = tuple(extra)
    out: list[DeviceInfo] = []
    for dev in found:
        known = lookup_usb(dev.idVendor, dev.idProduct, extra)
        is_printer = _has_interface_class(dev, USB_CLASS_PRINTER)
        if known is None and not is_printer:
            continue
        kind = known.kind if known else P
        name = f"{known.vendor} {known.model}" if known else f"USB printer {dev.idVendor:04x}:{dev.idProduct:04x}"
        out.append(DeviceInfo(
            id=f"usb:{dev.idVendor:04x}:{dev.idProduct:04x}:{dev.bus}-{dev.address}",
            connection=Connection.USB,
            name=name,
            kind=kind,
            vendor=known.vendor if known else "",
            vendor_id=dev.idVendor,
            product_id=dev.idProduct,
            protocol=known.protocol if known else "escpos",
            detail=_usb_access_problem(dev),
        ))
    return out


def _has_interface_class(dev: object, cls: int) -> bool:
    try:
        for config in dev:  # type: ignore[attr-defined]
            for interface in config:
                if interface.bInterfaceClass == cls:
                    return True
    except Exception:  # descriptors unreadable without permission on some systems
        return False
    return False


def _usb_access_problem(dev: object) -> str:
    """'permission denied' when this user cannot open the device (needs a udev rule)."""
    import usb.core

    try:
        dev.get_active_configuration()  # type: ignore[attr-defined]
    except usb.core.USBError as exc:
        if exc.errno == 13:
            return "permission denied"
        return ""
    except Exception:
        return ""
    return ""


def scan_serial() -> list[DeviceInfo]:
    """Serial ports (built-in COM, USB-serial bridges); what is behind them comes from config."""
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    out: list[DeviceInfo] = []
    for port in list_ports.comports():
        vendor = ""
        if port.vid is not None and port.pid is not None:
            known = lookup_usb(port.vid, port.pid)
            vendor = known.vendor if known else ""
        out.append(DeviceInfo(
            id=f"serial:{port.device}",
            connection=Connection.SERIAL,
            name=port.description if port.description and port.description != "n/a" else port.device,
            vendor=vendor,
            vendor_id=port.vid,
            product_id=port.pid,
            path=port.device,
        ))
    return out


def probe_network(addresses: Sequence[str], *, timeout: float = 0.3, default_port: int = 9100) -> list[DeviceInfo]:
    """Printers answering TCP at ``addresses`` ('host' or 'host:port'), probed in parallel."""
    if not addresses:
        return []

    def probe(address: str) -> DeviceInfo | None:
        host, _, port_text = address.rpartition(":") if address.count(":") == 1 else (address, "", "")
        port = int(port_text) if port_text else default_port
        host = host or address
        try:
            with socket.create_connection((host, port), timeout=timeout):
                pass
        except OSError:
            return None
        return DeviceInfo(
            id=f"tcp:{host}:{port}", connection=Connection.NETWORK, name=f"Network printer {host}:{port}",
            kind=P, host=host, port=port, protocol="escpos",
        )

    with concurrent.futures.ThreadPoolExecutor(max_workers=min(16, len(addresses))) as pool:
        return [d for d in pool.map(probe, addresses) if d is not None]


def scan_cameras() -> list[DeviceInfo]:
    """Cameras from Qt Multimedia, when a Qt application exists (it needs one)."""
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    if QCoreApplication.instance() is None:
        return []
    out = []
    for camera in QMediaDevices.videoInputs():
        camera_id = bytes(camera.id().data()).decode("utf-8", "replace")
        out.append(DeviceInfo(
            id=f"camera:{camera_id}", connection=Connection.VIDEO, name=camera.description(),
            kind=DeviceKind.CAMERA, path=camera_id,
        ))
    return out


Source = Callable[[], list[DeviceInfo]]
Callback = Callable[[DeviceInfo], None]


class Detector:
    """Runs detection sources on a background thread and reports arrivals and departures.

    Callbacks run on the detector's thread: a Qt UI forwards them with a signal.
    """

    def __init__(
        self,
        *,
        on_arrival: Callback | None = None,
        on_departure: Callback | None = None,
        sources: Sequence[Source] | None = None,
        network_printers: Sequence[str] = (),
        extra_usb_ids: Iterable[KnownUsb] = (),
        interval: float = 3.0,
        cameras: bool = False,
    ) -> None:
        if sources is None:
            extra = tuple(extra_usb_ids)
            hosts = tuple(network_printers)
            sources = [lambda: scan_usb(extra), scan_serial]
            if hosts:
                sources.append(lambda: probe_network(hosts))
            if cameras:
                sources.append(scan_cameras)
        self.sources = list(sources)
        self.on_arrival = on_arrival
        self.on_departure = on_departure
        self.interval = interval
        self._present: dict[str, DeviceInfo] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.scans = 0

    def start(self) -> Detector:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="device-detect", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def devices(self) -> list[DeviceInfo]:
        """What is present now, as of the last scan."""
        with self._lock:
            return list(self._present.values())

    def scan_once(self) -> tuple[list[DeviceInfo], list[DeviceInfo]]:
        """Run every source once; report and return (arrived, departed)."""
        found: dict[str, DeviceInfo] = {}
        for source in self.sources:
            try:
                for info in source():
                    found[info.id] = info
            except Exception:
                log.exception("device detection source failed")
        with self._lock:
            arrived = [d for i, d in found.items() if i not in self._present]
            departed = [d for i, d in self._present.items() if i not in found]
            changed = [d for i, d in found.items() if i in self._present and self._present[i] != d]
            self._present = found
            self.scans += 1
        for info in arrived + changed:
            self._call(self.on_arrival, info)
        for info in departed:
            self._call(self.on_departure, info)
        return arrived, departed

    def _call(self, callback: Callback | None, info: DeviceInfo) -> None:
        if callback is None:
            return
        try:
            callback(info)
        except Exception:
            log.exception("device detection callback failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            self.scan_once()
            self._stop.wait(self.interval)


def with_kind(info: DeviceInfo, kind: DeviceKind) -> DeviceInfo:
    """``info`` as the given kind (config says what the serial port behind a bridge is)."""
    return replace(info, kind=kind)
