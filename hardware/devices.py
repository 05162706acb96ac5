"""The device model: what a device is (data) and which driver drives it (设备与驱动).

As in Odoo's IoT box, detection and driving are apart. ``hardware.detect`` finds
``DeviceInfo`` records (a USB id, a serial port, a host answering on 9100, a camera);
each ``DriverSpec`` declares which of them it supports, what it can do (actions) and
what it tells (events). A ``Device`` is the pair, plus the till's config for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DeviceKind(StrEnum):
    RECEIPT_PRINTER = "receipt_printer"  # 小票打印机
    LABEL_PRINTER = "label_printer"  # 标签打印机
    SCANNER = "scanner"  # 扫码枪
    CASH_DRAWER = "cash_drawer"  # 钱箱 (behind a receipt printer)
    CUSTOMER_DISPLAY = "customer_display"  # 客显
    SCALE = "scale"  # 电子秤
    CAMERA = "camera"  # 摄像头扫码


class Connection(StrEnum):
    USB = "usb"
    SERIAL = "serial"
    NETWORK = "network"
    VIDEO = "video"


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One device as detection sees it. ``id`` is stable while it stays plugged in the same way."""

    id: str
    connection: Connection
    name: str
    kind: DeviceKind | None = None  # a guess from the id table; config has the last word
    vendor: str = ""
    vendor_id: int | None = None
    product_id: int | None = None
    path: str = ""  # serial device, or camera id
    host: str = ""
    port: int | None = None
    protocol: str = ""  # escpos | tspl | zpl | ... when the id table knows
    detail: str = ""  # e.g. 'permission denied' found while probing

    @property
    def uri(self) -> str:
        """Where a driver opens it, in ``hardware.links`` URI form."""
        if self.connection is Connection.NETWORK:
            return f"tcp://{self.host}:{self.port or 9100}"
        if self.connection is Connection.USB and self.vendor_id is not None and self.product_id is not None:
            return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"
        if self.connection is Connection.SERIAL:
            return f"serial://{self.path}"
        return f"camera:{self.path}"


@dataclass(frozen=True, slots=True)
class Match:
    """What a driver supports: a connection, optionally narrowed by kind, vendor, product or protocol."""

    connection: Connection
    kinds: frozenset[DeviceKind] = frozenset()
    vendor_ids: frozenset[int] = frozenset()
    usb_ids: frozenset[tuple[int, int]] = frozenset()
    protocols: frozenset[str] = frozenset()

    def matches(self, info: DeviceInfo) -> bool:
        if info.connection is not self.connection:
            return False
        if self.kinds and info.kind not in self.kinds:
            return False
        if self.protocols and info.protocol not in self.protocols:
            return False
        if self.vendor_ids or self.usb_ids:
            by_vendor = info.vendor_id in self.vendor_ids
            by_id = (info.vendor_id, info.product_id) in self.usb_ids
            return by_vendor or by_id
        return True


@dataclass(frozen=True, slots=True)
class DriverSpec:
    """A driver's declaration. ``factory`` is ``"module:Class"``, imported only when used."""

    name: str
    kind: DeviceKind
    matches: tuple[Match, ...]
    actions: tuple[str, ...]
    events: tuple[str, ...]
    factory: str
    status: str = ""  # how it learns its status, for the diagnostics page

    def supports(self, info: DeviceInfo) -> bool:
        return any(m.matches(info) for m in self.matches)

    def load(self) -> Callable[..., Any]:
        module, _, attr = self.factory.partition(":")
        return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


DRIVERS: list[DriverSpec] = []


def register(spec: DriverSpec) -> DriverSpec:
    """Add a driver; later registrations win over earlier ones for the same device."""
    DRIVERS.insert(0, spec)
    return spec


def drivers_for(info: DeviceInfo) -> list[DriverSpec]:
    return [d for d in DRIVERS if d.supports(info)]


def driver_for(info: DeviceInfo, kind: DeviceKind | None = None) -> DriverSpec | None:
    """The driver for ``info`` (of ``kind`` when given, e.g. from config), or None."""
    for spec in DRIVERS:
        if (kind is None or spec.kind is kind) and spec.supports(info):
            return spec
    return None


def driver_named(name: str) -> DriverSpec:
    for spec in DRIVERS:
        if spec.name == name:
            return spec
    raise KeyError(name)


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """A device's live status. ``state`` is 'ok', 'unknown' (it did not answer), or 'fault'."""

    state: str = "unknown"
    faults: tuple[str, ...] = ()  # codes from hardware.faults
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "ok"


UNKNOWN = DeviceStatus()


@dataclass(slots=True)
class Device:
    """A device is data plus a driver: what was found (or configured) and what drives it."""

    info: DeviceInfo
    driver: DriverSpec | None
    configured: bool = False
    detected: bool = False
    status: DeviceStatus = field(default_factory=DeviceStatus)

    @property
    def kind(self) -> DeviceKind | None:
        return self.driver.kind if self.driver else self.info.kind


def _kinds(*kinds: DeviceKind) -> frozenset[DeviceKind]:
    return frozenset(kinds)


_PRINTER = _kinds(DeviceKind.RECEIPT_PRINTER)
_LABEL = _kinds(DeviceKind.LABEL_PRINTER)

register(DriverSpec(
    "camera-zxing", DeviceKind.CAMERA, (Match(Connection.VIDEO),),
    ("start", "stop"), ("code_decoded",), "hardware.camera:CameraScanner", "frames arriving",
))
register(DriverSpec(
    "pole-display", DeviceKind.CUSTOMER_DISPLAY, (Match(Connection.SERIAL, _kinds(DeviceKind.CUSTOMER_DISPLAY)),),
    ("show", "clear"), (), "hardware.display:PoleDisplay", "write succeeds",
))
register(DriverSpec(
    "serial-scale", DeviceKind.SCALE, (Match(Connection.SERIAL, _kinds(DeviceKind.SCALE)),),
    ("tare", "zero"), ("weight",), "hardware.scale:SerialScale", "continuous frames",
))
register(DriverSpec(
    "serial-scanner", DeviceKind.SCANNER,
    (Match(Connection.SERIAL, _kinds(DeviceKind.SCANNER)), Match(Connection.USB, _kinds(DeviceKind.SCANNER))),
    (), ("scanned",), "hardware.scanner:SerialScanner", "port open",
))
register(DriverSpec(
    "escpos-drawer", DeviceKind.CASH_DRAWER,
    (Match(Connection.NETWORK, _PRINTER), Match(Connection.USB, _PRINTER), Match(Connection.SERIAL, _PRINTER)),
    ("open",), ("drawer_opened", "drawer_closed", "drawer_not_opened"), "hardware.drawer:CashDrawer",
    "DLE EOT 1 bit 2",
))
register(DriverSpec(
    "tspl-zpl-label", DeviceKind.LABEL_PRINTER,
    (Match(Connection.USB, _LABEL), Match(Connection.NETWORK, _LABEL), Match(Connection.SERIAL, _LABEL)),
    ("print_label", "test_print"), ("print_job_done", "printer_paper_out", "printer_cover_open"),
    "hardware.labels.printer:LabelPrinter", "ESC !? (TSPL) or ~HS (ZPL)",
))
register(DriverSpec(
    "escpos-receipt", DeviceKind.RECEIPT_PRINTER,
    (Match(Connection.NETWORK, _PRINTER), Match(Connection.USB, _PRINTER), Match(Connection.SERIAL, _PRINTER)),
    ("print_receipt", "reprint_last", "open_drawer", "test_print"),
    ("print_job_done", "printer_paper_out", "printer_paper_near_end", "printer_cover_open", "printer_offline",
     "printer_unreachable", "printer_recovered"),
    "hardware.printer:ReceiptPrinter", "DLE EOT 1-4 before and after each job",
))
