"""Customer pole display (客显): the 8-digit LED kind with 单价/总计/收款/找零 lamps.

ESC @ initialises, ESC s n lights one lamp ('0' none, '1' price, '2' total, '3' paid,
'4' change), ESC Q A <digits> CR shows a number (the decimal point takes no digit), and
CLR (0x0C) blanks it. Writes go through a small worker so the till never waits on the port.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from app.domain.money import format_fen
from hardware.serialio import open_serial, serial_path

log = logging.getLogger(__name__)

ESC, CLR = 0x1B, 0x0C
DIGITS = 8


class Lamp(IntEnum):
    NONE = 0
    PRICE = 1  # 单价
    TOTAL = 2  # 总计
    PAID = 3  # 收款
    CHANGE = 4  # 找零


def amount_text(fen: int) -> str:
    """'12.50'; amounts too long for 8 digits show as all nines rather than a wrong number."""
    text = format_fen(abs(fen))
    if sum(c.isdigit() for c in text) > DIGITS:
        text = "999999.99"
    return ("-" if fen < 0 else "") + text


#: What the 8-digit LED can show; anything else sent inside ESC Q A … CR would be read as a command.
_SHOWABLE = frozenset("0123456789.- ")


def encode_show(fen: int, lamp: Lamp) -> bytes:
    shown = "".join(c for c in amount_text(fen) if c in _SHOWABLE)  # the one place text meets the display
    return bytes([ESC, ord("s"), ord("0") + int(lamp), ESC, ord("Q"), ord("A")]) + shown.encode("ascii") + b"\r"


def encode_init() -> bytes:
    return bytes([ESC, ord("@"), CLR])


@dataclass(frozen=True, slots=True)
class DisplayState:
    text: str = ""
    lamp: Lamp = Lamp.NONE


def decode_pole(data: bytes, state: DisplayState | None = None) -> tuple[DisplayState, bytes]:
    """Apply ``data`` to ``state``; returns the new state and the bytes of an unfinished command."""
    state = state or DisplayState()
    i = 0
    while i < len(data):
        b = data[i]
        if b == CLR:
            state = DisplayState("", state.lamp)
            i += 1
        elif b == ESC:
            if i + 1 >= len(data):
                break
            cmd = data[i + 1]
            if cmd == ord("@"):
                state = DisplayState()
                i += 2
            elif cmd == ord("s"):
                if i + 2 >= len(data):
                    break
                n = data[i + 2] - ord("0")
                state = DisplayState(state.text, Lamp(n) if 0 <= n <= 4 else Lamp.NONE)
                i += 3
            elif cmd == ord("Q"):
                end = data.find(b"\r", i)
                if end < 0:
                    break
                body = data[i + 3 : end] if data[i + 2 : i + 3] == b"A" else b""
                state = DisplayState(body.decode("ascii", "replace"), state.lamp)
                i = end + 1
            else:
                i += 2
        else:
            i += 1
    return state, data[i:]


class PoleDisplay:
    """The display on a serial port. Every call returns at once; the latest state wins."""

    def __init__(self, uri: str, *, baudrate: int = 2400, on_event: Callable[[str], None] | None = None) -> None:
        self.path, options = serial_path(uri)
        self.baudrate = int(options.get("baudrate", baudrate))
        self.on_event = on_event
        self._pending: bytes | None = encode_init()
        self._cond = threading.Condition()
        self._stopping = False
        self._port: object = None
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="pole-display", daemon=True)
        self._thread.start()

    def show(self, fen: int, lamp: Lamp) -> None:
        self._send(encode_show(fen, lamp))

    def show_price(self, fen: int) -> None:
        self.show(fen, Lamp.PRICE)

    def show_total(self, fen: int) -> None:
        self.show(fen, Lamp.TOTAL)

    def show_paid(self, fen: int) -> None:
        self.show(fen, Lamp.PAID)

    def show_change(self, fen: int) -> None:
        self.show(fen, Lamp.CHANGE)

    def clear(self) -> None:
        self._send(encode_init())

    def flush(self, timeout: float = 2.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._pending is None, timeout)

    def close(self) -> None:
        self.flush(1.0)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(2)
        if self._port is not None:
            self._port.close()  # type: ignore[attr-defined]

    def _send(self, data: bytes) -> None:
        with self._cond:
            # An init already waiting must still go out first.
            self._pending = (self._pending or b"") + data if self._pending == encode_init() else data
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stopping or self._pending is not None)
                if self._stopping:
                    return
                data = self._pending
            try:
                if self._port is None:
                    self._port = open_serial(self.path, self.baudrate)
                self._port.write(data)  # type: ignore[attr-defined]
                self._failed = False
            except Exception as exc:
                log.info("pole display %s: %s", self.path, exc)
                self._port = None
                if not self._failed and self.on_event is not None:
                    self.on_event("display_unreachable")
                self._failed = True
            with self._cond:
                if self._pending is data:
                    self._pending = None
                self._cond.notify_all()
