"""Two-way byte links to a device, by URI, with short timeouts: tcp, serial, usb, file.

The one way bytes reach a device: a driver writes and then reads the answer (DLE EOT status,
TSPL ``ESC !?``) on the same link; the encoders (``hardware.escpos``, ``hardware.labels``) only
make bytes. Every failure is a ``PrinterError`` with a stable code, never a hang. TCP uses a
plain socket with short connect and I/O timeouts (a till must never hang on an unplugged
printer); serial goes through pyserial, USB through pyusb.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import time
from dataclasses import dataclass, field
from typing import Any, Protocol
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



class Link(Protocol):
    can_read: bool

    def write(self, data: bytes) -> None: ...

    def read(self, n: int, timeout: float) -> bytes:
        """Up to ``n`` bytes, waiting at most ``timeout`` s in all; fewer (even none) on timeout."""
        ...

    def discard_input(self) -> None: ...

    def close(self) -> None: ...


def open_link(uri: str, *, connect_timeout: float = 2.0, io_timeout: float = 3.0) -> Link:
    """Open the device at ``uri``. Raises ``PrinterError`` (unreachable, busy, permission)."""
    address = parse_uri(uri)
    if address.scheme == "tcp":
        return TcpLink(address, connect_timeout, io_timeout)
    if address.scheme == "serial":
        return SerialLink(address, io_timeout)
    if address.scheme == "usb":
        return UsbLink(address, io_timeout)
    return FileLink(address)


class TcpLink:
    can_read = True

    def __init__(self, address: PrinterAddress, connect_timeout: float, io_timeout: float) -> None:
        target = f"{address.target}:{address.port}"
        try:
            self.sock = socket.create_connection((address.target, address.port), timeout=connect_timeout)
        except TimeoutError:
            raise PrinterError("printer_timeout", target) from None
        except ConnectionRefusedError:
            raise PrinterError("printer_unreachable", f"{target}: connection refused") from None
        except OSError as exc:
            raise PrinterError("printer_unreachable", f"{target}: {exc}") from None
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.settimeout(io_timeout)
        self.target = target

    def write(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except TimeoutError:
            raise PrinterError("printer_timeout", self.target) from None
        except OSError as exc:
            raise PrinterError("printer_write_failed", f"{self.target}: {exc}") from None

    def read(self, n: int, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        out = b""
        while len(out) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(n - len(out))
            except (TimeoutError, BlockingIOError):
                break
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        return out

    def discard_input(self) -> None:
        self.sock.setblocking(False)
        try:
            while self.sock.recv(4096):
                pass
        except OSError:
            pass
        finally:
            self.sock.setblocking(True)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


class SerialLink:
    can_read = True

    def __init__(self, address: PrinterAddress, io_timeout: float) -> None:
        import serial

        self.target = address.target
        try:
            self.port: Any = serial.serial_for_url(
                address.target,
                baudrate=int(address.options.get("baudrate", "9600")),
                timeout=io_timeout,
                write_timeout=io_timeout,
                rtscts=address.options.get("rtscts") == "1",
            )
        except serial.SerialException as exc:
            raise _serial_error(address.target, exc) from None

    def write(self, data: bytes) -> None:
        import serial

        try:
            self.port.write(data)
            self.port.flush()
        except serial.SerialTimeoutException:
            raise PrinterError("printer_timeout", self.target) from None
        except (serial.SerialException, OSError) as exc:
            raise PrinterError("printer_write_failed", f"{self.target}: {exc}") from None

    def read(self, n: int, timeout: float) -> bytes:
        self.port.timeout = timeout
        try:
            return bytes(self.port.read(n))
        except Exception:
            return b""

    def discard_input(self) -> None:
        with contextlib.suppress(Exception):
            self.port.reset_input_buffer()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.port.close()


def _serial_error(path: str, exc: Exception) -> PrinterError:
    cause = getattr(exc, "errno", None) or getattr(exc.__context__, "errno", None)
    if cause == errno.EACCES:
        return PrinterError("serial_permission_denied", path)
    if cause == errno.ENOENT:
        return PrinterError("serial_port_missing", path)
    if cause == errno.EBUSY:
        return PrinterError("printer_busy", path)
    return PrinterError("printer_unreachable", f"{path}: {exc}")


class UsbLink:
    can_read = False  # until an IN endpoint is found

    def __init__(self, address: PrinterAddress, io_timeout: float) -> None:
        try:
            import usb.core
            import usb.util
        except ImportError:
            raise PrinterError("usb_driver_missing", "pyusb") from None
        vid, _, pid = address.target.partition(":")
        self.target = address.target
        self.timeout_ms = int(io_timeout * 1000)
        try:
            dev = usb.core.find(idVendor=int(vid, 16), idProduct=int(pid, 16))
        except usb.core.NoBackendError:
            raise PrinterError("usb_driver_missing", "libusb") from None
        if dev is None:
            raise PrinterError("printer_unreachable", f"usb {address.target} not found")
        self.dev = dev
        try:
            with contextlib.suppress(NotImplementedError, usb.core.USBError):
                if dev.is_kernel_driver_active(0):
                    dev.detach_kernel_driver(0)
            with contextlib.suppress(usb.core.USBError):
                dev.set_configuration()
            interface = dev.get_active_configuration()[(0, 0)]
        except usb.core.USBError as exc:
            raise _usb_error(address.target, exc) from None
        out_ep = address.options.get("out_ep")
        in_ep = address.options.get("in_ep")

        def endpoint(direction: int, wanted: str | None) -> Any:
            return usb.util.find_descriptor(
                interface,
                custom_match=lambda e: (e.bEndpointAddress == int(wanted, 0)) if wanted
                else usb.util.endpoint_direction(e.bEndpointAddress) == direction,
            )

        self.out = endpoint(usb.util.ENDPOINT_OUT, out_ep)
        self.inp = endpoint(usb.util.ENDPOINT_IN, in_ep)
        if self.out is None:
            raise PrinterError("printer_unreachable", f"usb {address.target}: no OUT endpoint")
        self.can_read = self.inp is not None

    def write(self, data: bytes) -> None:
        import usb.core

        try:
            self.out.write(data, self.timeout_ms)
        except usb.core.USBTimeoutError:
            raise PrinterError("printer_timeout", self.target) from None
        except usb.core.USBError as exc:
            raise _usb_error(self.target, exc) from None

    def read(self, n: int, timeout: float) -> bytes:
        if self.inp is None:
            return b""
        try:
            return bytes(self.inp.read(max(n, self.inp.wMaxPacketSize), int(timeout * 1000)))[:n]
        except Exception:
            return b""

    def discard_input(self) -> None:
        if self.inp is not None:
            with contextlib.suppress(Exception):
                self.inp.read(self.inp.wMaxPacketSize, 10)

    def close(self) -> None:
        import usb.util

        with contextlib.suppress(Exception):
            usb.util.dispose_resources(self.dev)


def _usb_error(target: str, exc: Exception) -> PrinterError:
    code = getattr(exc, "errno", None)
    if code == errno.EACCES:
        return PrinterError("usb_permission_denied", target)
    if code == errno.EBUSY:
        return PrinterError("printer_busy", target)
    return PrinterError("printer_write_failed", f"usb {target}: {exc}")


class FileLink:
    """A file stands in for a printer in demos: writes land there, nothing answers."""

    can_read = False

    def __init__(self, address: PrinterAddress) -> None:
        try:
            self.file = open(address.target, "ab")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise PrinterError("printer_unreachable", f"{address.target}: {exc}") from None

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.file.flush()

    def read(self, n: int, timeout: float) -> bytes:
        return b""

    def discard_input(self) -> None:
        pass

    def close(self) -> None:
        self.file.close()
