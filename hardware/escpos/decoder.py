"""Reads an ESC/POS byte stream back: the printed lines and the commands seen.

Used by the printer simulator and by tests, so that what we send is checked against what
a printer would make of it. Never raises on unknown or truncated input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from hardware.escpos.profiles import PROFILES

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
LF = 0x0A

# (prefix, command byte) -> (name, number of parameter bytes) for fixed-length commands.
_FIXED: dict[tuple[int, int], tuple[str, int]] = {
    (ESC, ord("@")): ("init", 0),
    (ESC, ord("E")): ("bold", 1),
    (ESC, ord("a")): ("align", 1),
    (ESC, ord("d")): ("feed", 1),
    (ESC, ord("e")): ("feed_reverse", 1),
    (ESC, ord("J")): ("feed_dots", 1),
    (ESC, ord("p")): ("drawer_kick", 3),
    (ESC, ord("!")): ("print_mode", 1),
    (ESC, ord("-")): ("underline", 1),
    (ESC, ord("G")): ("double_strike", 1),
    (ESC, ord("M")): ("font", 1),
    (ESC, ord("t")): ("code_table", 1),
    (ESC, ord("R")): ("charset", 1),
    (ESC, ord("2")): ("line_spacing", 0),
    (ESC, ord("3")): ("line_spacing", 1),
    (ESC, ord("{")): ("upside_down", 1),
    (ESC, ord("V")): ("rotate", 1),
    (ESC, ord("$")): ("position", 2),
    (ESC, ord("\\")): ("relative_position", 2),
    (ESC, ord(" ")): ("right_spacing", 1),
    (ESC, ord("c")): ("panel", 2),
    (ESC, ord("r")): ("colour", 1),
    (ESC, ord("U")): ("unidirectional", 1),
    (ESC, ord("i")): ("cut", 0),
    (ESC, ord("m")): ("cut", 0),
    (GS, ord("!")): ("size", 1),
    (GS, ord("h")): ("barcode_height", 1),
    (GS, ord("w")): ("barcode_module", 1),
    (GS, ord("H")): ("barcode_hri", 1),
    (GS, ord("f")): ("barcode_font", 1),
    (GS, ord("B")): ("reverse", 1),
    (GS, ord("b")): ("smoothing", 1),
    (GS, ord("L")): ("left_margin", 2),
    (GS, ord("W")): ("print_width", 2),
    (GS, ord("a")): ("auto_status", 1),
    (GS, ord("r")): ("status_transmission", 1),
    (GS, ord("I")): ("printer_id", 1),
    (GS, ord("/")): ("print_downloaded_image", 1),
    (GS, ord("P")): ("motion_units", 2),
    (FS, ord("&")): ("chinese_mode_on", 0),
    (FS, ord(".")): ("chinese_mode_off", 0),
    (FS, ord("!")): ("chinese_print_mode", 1),
    (FS, ord("-")): ("chinese_underline", 1),
    (FS, ord("C")): ("chinese_code_system", 1),
    (FS, ord("S")): ("chinese_spacing", 2),
    (FS, ord("W")): ("chinese_quadruple", 1),
    (FS, ord("p")): ("nv_image", 2),
    (DLE, 0x04): ("status_request", 1),
    (DLE, 0x05): ("realtime_request", 1),
    (DLE, 0x14): ("realtime_command", 3),
}


@dataclass(frozen=True, slots=True)
class Token:
    """One lexical piece of the stream: ``text`` (bytes ≥ 0x20), ``lf``, ``control``,
    ``command``, or ``incomplete`` (a command cut short by the end of the data)."""

    kind: str
    start: int
    end: int
    name: str = ""
    args: tuple[int, ...] = ()
    data: bytes = b""


def tokenize(data: bytes, start: int = 0) -> Iterator[Token]:
    """The tokens of ``data`` from ``start``; stops after an ``incomplete`` token."""
    i, n = start, len(data)
    while i < n:
        b = data[i]
        if b >= 0x20:
            j = i + 1
            while j < n and data[j] >= 0x20:
                j += 1
            yield Token("text", i, j, data=data[i:j])
            i = j
            continue
        if b == LF:
            yield Token("lf", i, i + 1)
            i += 1
            continue
        if b not in (ESC, GS, FS, DLE):
            yield Token("control", i, i + 1, args=(b,))
            i += 1
            continue
        token = _command(data, i)
        yield token
        if token.kind == "incomplete":
            return
        i = token.end


def _command(data: bytes, i: int) -> Token:
    n = len(data)
    if i + 1 >= n:
        return Token("incomplete", i, n)
    prefix, op = data[i], data[i + 1]
    fixed = _FIXED.get((prefix, op))
    if fixed is not None:
        name, count = fixed
        end = i + 2 + count
        if end > n:
            return Token("incomplete", i, n)
        return Token("command", i, end, name, tuple(data[i + 2 : end]))
    if prefix == GS and op == ord("k"):
        return _barcode(data, i)
    if prefix == GS and op == ord("V"):
        if i + 2 >= n:
            return Token("incomplete", i, n)
        mode = data[i + 2]
        end = i + 3 if mode in (0, 1, 48, 49) else i + 4
        if end > n:
            return Token("incomplete", i, n)
        return Token("command", i, end, "cut", tuple(data[i + 2 : end]))
    if prefix == GS and op == ord("("):
        # GS ( X pL pH [p bytes]: every extended GS ( function is length-prefixed.
        if i + 4 >= n:
            return Token("incomplete", i, n)
        end = i + 5 + data[i + 3] + data[i + 4] * 256
        if end > n:
            return Token("incomplete", i, n)
        return Token("command", i, end, "gs(" + chr(data[i + 2]), data=data[i + 5 : end])
    if prefix == GS and op == ord("v"):
        # GS v 0 m xL xH yL yH d1...dk, k = x * y
        if i + 7 >= n:
            return Token("incomplete", i, n)
        width = data[i + 4] + data[i + 5] * 256
        height = data[i + 6] + data[i + 7] * 256
        end = i + 8 + width * height
        if end > n:
            return Token("incomplete", i, n)
        return Token("command", i, end, "raster", (width, height, data[i + 3]), data[i + 8 : end])
    if prefix == GS and op == ord("8"):
        if i + 6 >= n:
            return Token("incomplete", i, n)
        end = i + 7 + int.from_bytes(data[i + 3 : i + 7], "little")
        return Token("command", i, end, "graphics", data=data[i + 7 : end]) if end <= n else Token("incomplete", i, n)
    if prefix == ESC and op == ord("*"):
        if i + 4 >= n:
            return Token("incomplete", i, n)
        dots = data[i + 3] + data[i + 4] * 256
        end = i + 5 + dots * (3 if data[i + 2] >= 32 else 1)
        return Token("command", i, end, "bit_image") if end <= n else Token("incomplete", i, n)
    if prefix == ESC and op == ord("D"):
        nul = data.find(b"\x00", i + 2)
        return Token("command", i, nul + 1, "tabs") if nul >= 0 else Token("incomplete", i, n)
    # Unknown: we cannot know its length; skip the two bytes and carry on.
    return Token("command", i, i + 2, "unknown", data=data[i : i + 2])


def _barcode(data: bytes, i: int) -> Token:
    n = len(data)
    if i + 2 >= n:
        return Token("incomplete", i, n)
    system = data[i + 2]
    if system <= 6:  # function A: NUL-terminated
        nul = data.find(b"\x00", i + 3)
        if nul < 0:
            return Token("incomplete", i, n)
        return Token("command", i, nul + 1, "barcode", (system,), data[i + 3 : nul])
    if i + 3 >= n:
        return Token("incomplete", i, n)
    end = i + 4 + data[i + 3]
    if end > n:
        return Token("incomplete", i, n)
    return Token("command", i, end, "barcode", (system,), data[i + 4 : end])


def code128_text(payload: bytes) -> str:
    """The human-readable data of a GS k 73 payload ({A/{B/{C code-set switches removed)."""
    out: list[str] = []
    code_c = False
    i = 0
    while i < len(payload):
        b = payload[i]
        if b == ord("{") and i + 1 < len(payload):
            nxt = payload[i + 1]
            i += 2
            if nxt == ord("{"):
                out.append("{")
            elif nxt in (ord("A"), ord("B"), ord("C")):
                code_c = nxt == ord("C")
            continue
        out.append(f"{b:02d}" if code_c else chr(b))
        i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Command:
    """A command the printer saw. ``line`` is the index of the next printed line when it came."""

    name: str
    args: tuple[int, ...] = ()
    data: str | bytes = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class PrintedLine:
    text: str
    align: int = 0  # 0 left, 1 centre, 2 right
    bold: bool = False
    width: int = 1  # character magnification
    height: int = 1


@dataclass
class DecodedJob:
    """What a printer made of one job: its printed lines and every command, in order."""

    printed: list[PrintedLine] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return [p.text for p in self.printed]

    @property
    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)

    def named(self, name: str) -> list[Command]:
        return [c for c in self.commands if c.name == name]

    @property
    def barcodes(self) -> list[str]:
        return [str(c.data) for c in self.named("barcode")]

    @property
    def qr_codes(self) -> list[str]:
        return [str(c.data) for c in self.named("qr")]

    @property
    def prints_something(self) -> bool:
        """True unless the job only asked for status or changed modes (nothing on paper)."""
        return bool(self.printed) or any(
            c.name in ("barcode", "qr", "raster", "drawer_kick", "cut") for c in self.commands
        )


@dataclass
class _State:
    chinese: bool
    bold: bool = False
    align: int = 0
    width: int = 1
    height: int = 1


def decode(data: bytes, encoding: str = "gb18030", *, chinese: bool = False) -> DecodedJob:
    """Parse ``data`` as a printer would. ``encoding`` is the printer's Chinese encoding
    (a profile encoding such as 'big5', or a Python codec); ``chinese`` the power-on mode."""
    codec = _codec(encoding)
    job = DecodedJob()
    state = _State(chinese=chinese)
    segments: list[bytes | str] = []
    line_state: PrintedLine | None = None
    qr_data = b""

    def flush(force: bool) -> None:
        nonlocal line_state
        if not segments and not force:
            return
        text = "".join(s if isinstance(s, str) else s.decode(codec, "replace") for s in segments)
        style = line_state or _style(state)
        job.printed.append(PrintedLine(text, style.align, style.bold, style.width, style.height))
        segments.clear()
        line_state = None

    def add(name: str, args: tuple[int, ...] = (), data: str | bytes = "") -> None:
        job.commands.append(Command(name, args, data, len(job.printed)))

    for token in tokenize(data):
        kind, name, args = token.kind, token.name, token.args
        if kind == "text":
            if line_state is None:
                line_state = _style(state)
            segments.append(token.data if state.chinese else token.data.decode("cp437"))
        elif kind == "lf":
            flush(True)
        elif kind == "incomplete":
            add("incomplete", data=data[token.start : token.end])
        elif kind == "control":
            continue
        elif name == "init":
            state = _State(chinese=state.chinese)
            add("init")
        elif name in ("chinese_mode_on", "chinese_mode_off"):
            state.chinese = name == "chinese_mode_on"
            add("chinese_mode", (int(state.chinese),))
        elif name == "bold":
            state.bold = bool(args[0] & 1)
            add("bold", (int(state.bold),))
        elif name == "align":
            state.align = args[0] % 48 if args[0] >= 48 else args[0] & 3
            add("align", (state.align,))
        elif name == "size":
            state.width, state.height = (args[0] >> 4) + 1, (args[0] & 0x0F) + 1
            add("size", (state.width, state.height))
        elif name == "print_mode":
            state.bold = bool(args[0] & 0x08)
            state.height = 2 if args[0] & 0x10 else 1
            state.width = 2 if args[0] & 0x20 else 1
            add("print_mode", args)
        elif name in ("feed", "feed_dots", "cut"):
            flush(False)
            add(name, args)
        elif name == "barcode":
            flush(False)
            raw = token.data
            add("barcode", args, code128_text(raw) if args[0] == 73 else raw.decode("ascii", "replace"))
        elif name == "gs(k":
            qr_data = _qr(token.data, qr_data, add)
        elif name == "raster":
            flush(False)
            add("raster", args, token.data)
        elif name == "unknown":
            add("unknown", data=token.data)
        else:
            add(name, args)
    flush(False)
    return job


def _qr(payload: bytes, stored: bytes, add: object) -> bytes:
    # GS ( k cn fn ...: cn 49 is QR. fn 80 stores data, fn 81 prints what is stored.
    if len(payload) < 2 or payload[0] != 49:
        return stored
    fn = payload[1]
    if fn == 80:
        return payload[3:]
    if fn == 81:
        add("qr", (), stored.decode("utf-8", "replace"))  # type: ignore[operator]
    return stored


def _style(state: _State) -> PrintedLine:
    return PrintedLine("", state.align, state.bold, state.width, state.height)


def _codec(encoding: str) -> str:
    profile_codec = next((p.codec for p in PROFILES.values() if p.encoding == encoding), None)
    return profile_codec or encoding
