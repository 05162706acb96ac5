"""Serial barcode scanners (串口扫码枪): codes end with a configured suffix, optionally led by an AIM id.

Keyboard-wedge scanners are read by the UI (``ui/wedge.py``); this is for scanners set to
USB-COM or RS-232, which are faster and cannot type into the wrong window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from hardware.serialio import SerialReader, serial_path

SUFFIXES: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "TAB": b"\t"}

#: AIM symbology identifiers (ISO/IEC 15424): ']' + code character + modifier.
AIM_SYMBOLOGIES: dict[str, str] = {
    "]E0": "EAN-13", "]E1": "EAN-13 add-on 2", "]E2": "EAN-13 add-on 5", "]E3": "EAN-13 with add-on", "]E4": "EAN-8",
    "]C0": "Code 128", "]C1": "GS1-128", "]C2": "Code 128 (AIM)", "]C4": "Code 128 (ISBT)",
    "]Q0": "QR Code model 1", "]Q1": "QR Code", "]Q2": "QR Code (ECI)", "]Q3": "GS1 QR Code", "]Q4": "QR Code",
    "]Q5": "GS1 QR Code", "]Q6": "QR Code",
    "]d0": "Data Matrix", "]d1": "Data Matrix", "]d2": "GS1 DataMatrix", "]d4": "Data Matrix (ECI)",
    "]A0": "Code 39", "]I0": "ITF", "]I1": "ITF", "]F0": "Codabar", "]G0": "Code 93",
    "]L0": "PDF417", "]L1": "PDF417", "]L2": "PDF417", "]e0": "GS1 DataBar", "]z0": "Aztec", "]X0": "other",
}

#: family names when the modifier is one we have no row for
_AIM_FAMILIES = {"E": "EAN/UPC", "C": "Code 128", "Q": "QR Code", "d": "Data Matrix", "A": "Code 39", "I": "ITF",
                 "L": "PDF417", "e": "GS1 DataBar", "z": "Aztec", "F": "Codabar", "G": "Code 93"}


@dataclass(frozen=True, slots=True)
class Scan:
    text: str
    symbology: str = ""  # 'EAN-13', 'QR Code', … ('' when the scanner sends no AIM id)
    aim: str = ""  # ']E0'
    raw: bytes = b""
    at: float = field(default=0.0, compare=False)


def symbology_name(aim: str) -> str:
    return AIM_SYMBOLOGIES.get(aim) or _AIM_FAMILIES.get(aim[1:2], "unknown")


def decode_text(raw: bytes) -> str:
    """UTF-8 when it is (QR codes from apps), else GB18030 (Chinese scanners' default)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", "replace")


def parse_code(raw: bytes, *, aim: bool = True, at: float = 0.0) -> Scan:
    """One code without its suffix: strip and name the AIM id when there is one."""
    raw = raw.strip(b"\r\n")
    if aim and len(raw) >= 3 and raw[:1] == b"]" and chr(raw[1]).isalpha():
        ident = raw[:3].decode("ascii", "replace")
        return Scan(decode_text(raw[3:]), symbology_name(ident), ident, raw, at)
    return Scan(decode_text(raw), "", "", raw, at)


class ScanParser:
    """Bytes in (any chunking), complete scans out."""

    def __init__(self, suffix: str = "CR", *, aim: bool = True) -> None:
        if suffix not in SUFFIXES:
            raise ValueError(f"suffix is one of {', '.join(SUFFIXES)}")
        self.suffix = SUFFIXES[suffix]
        self.aim = aim
        self._buffer = b""

    def feed(self, data: bytes) -> list[Scan]:
        self._buffer += data
        out: list[Scan] = []
        while True:
            index = self._buffer.find(self.suffix)
            if index < 0:
                break
            raw, self._buffer = self._buffer[:index], self._buffer[index + len(self.suffix):]
            if raw.strip(b"\r\n"):
                out.append(parse_code(raw, aim=self.aim, at=time.monotonic()))
        return out


class SerialScanner:
    """A scanner on a serial port; ``on_scan`` runs on the reader thread (forward it with a Qt signal)."""

    def __init__(self, uri: str, *, on_scan: Callable[[Scan], None], suffix: str = "CR", baudrate: int = 9600,
                 aim: bool = True, on_event: Callable[[str], None] | None = None) -> None:
        path, options = serial_path(uri)
        self.parser = ScanParser(suffix, aim=aim)
        self.on_scan = on_scan
        self.on_event = on_event
        self.reader = SerialReader(path, int(options.get("baudrate", baudrate)), self._bytes,
                                   lambda _: on_event and on_event("scanner_disconnected"), name="scanner")

    def start(self) -> SerialScanner:
        self.reader.start()
        return self

    def close(self) -> None:
        self.reader.stop()

    def _bytes(self, data: bytes) -> None:
        for scan in self.parser.feed(data):
            self.on_scan(scan)
