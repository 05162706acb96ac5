"""Serial scales (电子秤) sending weight continuously: 'ST,GS,+0012.345kg' lines or Toledo frames.

Weights are integer grams. A reading is stable only when the scale says so *and* it has
held within ``tolerance_g`` for ``hold_s`` (a scale's own motion flag clears too early on
cheap load cells).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from hardware.serialio import SerialReader, serial_path

STX, CR = 0x02, 0x0D


@dataclass(frozen=True, slots=True)
class Reading:
    weight_g: int  # net when ``net``, else gross
    stable: bool
    net: bool = False
    tare_g: int = 0
    overload: bool = False


_STGS = re.compile(r"^(ST|US|OL),(GS|NT|TR|G|N)?,?\s*([+-]?)\s*([\d.]+)\s*(kg|g|lb)?\s*$", re.IGNORECASE)


def parse_stgs(line: str) -> Reading | None:
    """'ST,GS,+0012.345kg' (stable gross), 'US,NT,-0000.010kg' (unstable net), 'OL,…' (overload)."""
    match = _STGS.match(line.strip())
    if match is None:
        return None
    state, kind, sign, number, unit = match.groups()
    try:
        value = float(number)
    except ValueError:
        return None
    grams = round(value * (1 if (unit or "kg").lower() == "g" else 1000))
    if sign == "-":
        grams = -grams
    return Reading(grams, state.upper() == "ST", (kind or "").upper() in ("NT", "N"), overload=state.upper() == "OL")


def stgs_line(reading: Reading) -> bytes:
    state = "OL" if reading.overload else ("ST" if reading.stable else "US")
    sign = "-" if reading.weight_g < 0 else "+"
    return f"{state},{'NT' if reading.net else 'GS'},{sign}{abs(reading.weight_g) / 1000:08.3f}kg\r\n".encode("ascii")


# Toledo continuous output: STX, status words A B C, 6 digits weight, 6 digits tare, CR.
# A bits 0-2: decimal point (3 = X.X, 4 = X.XX, 5 = X.XXX …). B bit 0 net, 1 negative,
# 2 over range, 3 in motion, 4 kg (else lb). Bit 5 of each status word is always set.
_DECIMALS = {0: -2, 1: -1, 2: 0, 3: 1, 4: 2, 5: 3, 6: 4, 7: 5}


def parse_toledo(frame: bytes) -> Reading | None:
    """One frame without STX and CR (16 bytes)."""
    if len(frame) < 15:
        return None
    swa, swb = frame[0], frame[1]
    digits, tare = frame[3:9], frame[9:15]
    if not (digits.isdigit() and tare.isdigit()):
        return None
    decimals = _DECIMALS[swa & 0x07]
    factor = 1000 * 10.0 ** -decimals  # grams per count, in kg mode
    if not swb & 0x10:
        factor *= 0.45359237  # lb
    weight = round(int(digits) * factor)
    if swb & 0x02:
        weight = -weight
    return Reading(weight, not swb & 0x08, bool(swb & 0x01), round(int(tare) * factor), bool(swb & 0x04))


def toledo_frame(reading: Reading, decimals: int = 3) -> bytes:
    code = {v: k for k, v in _DECIMALS.items()}[decimals]
    swa = 0x20 | 0x08 | code  # bit 3: 'count by' 1
    swb = 0x20 | 0x10 | (0x01 if reading.net else 0) | (0x02 if reading.weight_g < 0 else 0) \
        | (0x04 if reading.overload else 0) | (0x00 if reading.stable else 0x08)
    swc = 0x20
    scale = 10 ** decimals / 1000
    weight = round(abs(reading.weight_g) * scale)
    tare = round(reading.tare_g * scale)
    return bytes([STX, swa, swb, swc]) + f"{weight:06d}{tare:06d}".encode("ascii") + bytes([CR])


class FrameParser:
    """Bytes in (any chunking), readings out, for either protocol."""

    def __init__(self, protocol: str = "stgs") -> None:
        if protocol not in ("stgs", "toledo"):
            raise ValueError("scale protocol is stgs or toledo")
        self.protocol = protocol
        self._buffer = b""

    def feed(self, data: bytes) -> list[Reading]:
        self._buffer = (self._buffer + data)[-4096:]
        out: list[Reading] = []
        if self.protocol == "stgs":
            *lines, self._buffer = re.split(rb"\r\n|\n|\r", self._buffer)
            for line in lines:
                reading = parse_stgs(line.decode("ascii", "replace"))
                if reading is not None:
                    out.append(reading)
            return out
        while True:
            start = self._buffer.find(bytes([STX]))
            if start < 0:
                self._buffer = b""
                return out
            end = self._buffer.find(bytes([CR]), start)
            if end < 0:
                self._buffer = self._buffer[start:]
                return out
            reading = parse_toledo(self._buffer[start + 1 : end])
            self._buffer = self._buffer[end + 1 :]
            if reading is not None:
                out.append(reading)


class StableDetector:
    """Stable = the scale's flag *and* held within ``tolerance_g`` for ``hold_s``."""

    def __init__(self, tolerance_g: int = 2, hold_s: float = 0.3) -> None:
        self.tolerance_g = tolerance_g
        self.hold_s = hold_s
        self._anchor: int | None = None
        self._since = 0.0

    def update(self, reading: Reading, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self._anchor is None or abs(reading.weight_g - self._anchor) > self.tolerance_g or not reading.stable:
            self._anchor = reading.weight_g
            self._since = now
            return False
        return not reading.overload and now - self._since >= self.hold_s


class SerialScale:
    """A scale on a serial port. ``on_weight(reading, stable)`` runs on the reader thread."""

    def __init__(self, uri: str, *, protocol: str = "stgs", baudrate: int = 9600,
                 on_weight: Callable[[Reading, bool], None] | None = None,
                 on_event: Callable[[str], None] | None = None, tolerance_g: int = 2, hold_s: float = 0.3,
                 tare_command: bytes = b"T", zero_command: bytes = b"Z") -> None:
        path, options = serial_path(uri)
        self.parser = FrameParser(protocol)
        self.detector = StableDetector(tolerance_g, hold_s)
        self.on_weight = on_weight
        self.on_event = on_event
        self.tare_command = tare_command
        self.zero_command = zero_command
        self._latest: tuple[Reading, bool] | None = None
        self._changed = threading.Condition()
        self.reader = SerialReader(path, int(options.get("baudrate", baudrate)), self._bytes,
                                   lambda _: on_event and on_event("scale_no_data"), name="scale")

    def start(self) -> SerialScale:
        self.reader.start()
        return self

    def close(self) -> None:
        self.reader.stop()

    @property
    def latest(self) -> tuple[Reading, bool] | None:
        return self._latest

    def tare(self) -> bool:
        """去皮: the scale takes what is on it as tare."""
        return self.reader.write(self.tare_command)

    def zero(self) -> bool:
        """置零."""
        return self.reader.write(self.zero_command)

    def wait_stable(self, timeout: float = 3.0, predicate: Callable[[Reading], bool] | None = None) -> Reading | None:
        """The next stable reading (matching ``predicate``), or None. Never call this on the GUI thread."""
        def ready() -> bool:
            return self._latest is not None and self._latest[1] and (predicate is None or predicate(self._latest[0]))

        with self._changed:
            if self._changed.wait_for(ready, timeout):
                return self._latest[0] if self._latest else None
        return None

    def _bytes(self, data: bytes) -> None:
        for reading in self.parser.feed(data):
            stable = self.detector.update(reading)
            with self._changed:
                self._latest = (reading, stable)
                self._changed.notify_all()
            if self.on_weight is not None:
                self.on_weight(reading, stable)
