"""Where printer bytes go, chosen by URI: tcp://, serial://, usb://, file://.

TCP uses a plain socket with short connect and write timeouts (a till must never hang on
an unplugged printer); the others use python-escpos's transports and their ``_raw``.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_TCP_PORT = 9100


class PrinterError(Exception):
    """A printer could not be reached or written to. ``code`` is stable, for UI and API."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}" if self.detail else self.code


@dataclass(frozen=True, slots=True)
class PrinterAddress:
    """A parsed printer URI."""

    scheme: str  # tcp | serial | usb | file
    target: str  # host, device path, 'vid:pid' or file path
    port: int | None = None
    options: dict[str, str] = field(default_factory=dict)


def parse_uri(uri: str) -> PrinterAddress:
    """``tcp://host[:port]``, ``serial:///dev/ttyUSB0?baudrate=9600``, ``usb://04b8:0202``, ``file:///tmp/out.bin``."""
    parts = urlsplit(uri)
    options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    scheme = parts.scheme.lower()
    if scheme == "tcp":
        if not parts.hostname:
            raise PrinterError("printer_uri_invalid", uri)
        try:
            port = parts.port or DEFAULT_TCP_PORT
        except ValueError:
            raise PrinterError("printer_uri_invalid", uri) from None
        return PrinterAddress("tcp", parts.hostname, port, options)
    if scheme in ("serial", "file"):
        path = unquote(parts.netloc + parts.path)
        if not path:
            raise PrinterError("printer_uri_invalid", uri)
        return PrinterAddress(scheme, path, None, options)
    if scheme == "usb":
        vid, _, pid = parts.netloc.partition(":")
        try:
            int(vid, 16), int(pid, 16)
        except ValueError:
            raise PrinterError("printer_uri_invalid", uri) from None
        return PrinterAddress("usb", f"{vid}:{pid}", None, options)
    raise PrinterError("printer_uri_invalid", uri)


def send(uri: str, data: bytes, timeout: float = 3.0) -> None:
    """Write ``data`` to the printer at ``uri``. Raises ``PrinterError`` with a stable code."""
    address = parse_uri(uri)
    if address.scheme == "tcp":
        with _connect(address, timeout) as sock:
            try:
                sock.sendall(data)
            except TimeoutError:
                raise PrinterError("printer_timeout", uri) from None
            except OSError as exc:
                raise PrinterError("printer_write_failed", f"{uri}: {exc}") from None
        return
    printer = _escpos_printer(address, timeout)
    try:
        printer._raw(data)
    except Exception as exc:  # pyserial and pyusb raise their own types
        raise PrinterError("printer_write_failed", f"{uri}: {exc}") from None
    finally:
        printer.close()


def request_status(uri: str, n: int = 1, timeout: float = 1.0) -> int:
    """Ask a TCP printer for real-time status byte ``n`` (DLE EOT n, n = 1..4)."""
    if not 1 <= n <= 4:
        raise ValueError("DLE EOT n is 1..4")
    address = parse_uri(uri)
    if address.scheme != "tcp":
        raise PrinterError("printer_status_unsupported", uri)
    with _connect(address, timeout) as sock:
        try:
            sock.sendall(bytes([0x10, 0x04, n]))
            reply = sock.recv(1)
        except TimeoutError:
            raise PrinterError("printer_timeout", uri) from None
        except OSError as exc:
            raise PrinterError("printer_unreachable", f"{uri}: {exc}") from None
    if not reply:
        raise PrinterError("printer_no_reply", uri)
    return reply[0]


def _connect(address: PrinterAddress, timeout: float) -> socket.socket:
    assert address.port is not None
    try:
        sock = socket.create_connection((address.target, address.port), timeout=min(timeout, 2.0))
    except TimeoutError:
        raise PrinterError("printer_timeout", f"{address.target}:{address.port}") from None
    except OSError as exc:
        raise PrinterError("printer_unreachable", f"{address.target}:{address.port}: {exc}") from None
    sock.settimeout(timeout)
    return sock


def _escpos_printer(address: PrinterAddress, timeout: float) -> Any:
    # Imported here: python-escpos loads its capability database on import, and a TCP-only
    # till should not pay for it.
    from escpos import printer

    if address.scheme == "file":
        device: Any = printer.File(address.target)
    elif address.scheme == "serial":
        if not printer.Serial.is_usable():
            raise PrinterError("printer_driver_missing", "serial printers need pyserial")
        baudrate = int(address.options.get("baudrate", "9600"))
        device = printer.Serial(address.target, baudrate=baudrate, timeout=timeout)
    else:
        if not printer.Usb.is_usable():
            raise PrinterError("printer_driver_missing", "USB printers need pyusb")
        vid, _, pid = address.target.partition(":")
        # Many Chinese printers use other endpoints than Epson's: usb://0416:5011?out_ep=0x03
        endpoints = {k: int(address.options[k], 0) for k in ("in_ep", "out_ep") if k in address.options}
        device = printer.Usb(int(vid, 16), int(pid, 16), timeout=int(timeout * 1000), **endpoints)
    try:
        device.open()
    except Exception as exc:  # DeviceNotFoundError, and backend errors (no libusb, permissions)
        raise PrinterError("printer_unreachable", str(exc)) from None
    return device
