"""Our own ESC/POS encoder.

python-escpos picks single-byte code pages for text, which garbles Chinese; here text is
encoded once, in the printer's own double-byte encoding, with the printer in Chinese
(Kanji) mode (FS &). Only this module turns receipt text into device bytes.
"""

from __future__ import annotations

import builtins
import codecs
from collections.abc import Iterable
from typing import Literal

from app.domain.receipt import LaidOutLine, Receipt, Style, layout
from app.domain.textwidth import char_width, device_text
from hardware.escpos.profiles import PrinterProfile

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
LF = b"\n"

Align = Literal["left", "center", "right"]
_ALIGN = {"left": 0, "center": 1, "right": 2}

#: QR error correction levels for GS ( k fn 69.
_QR_EC = {"L": 48, "M": 49, "Q": 50, "H": 51}

_ERRORS = "omnistore-escpos"


def _replace_unencodable(error: UnicodeError) -> tuple[str, int]:
    # One replacement per character, as wide as the character, so laid-out columns stay
    # aligned: '？' (full width, in every Chinese encoding) for a Han char, '?' otherwise.
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join("？" if char_width(c) == 2 else ("?" if char_width(c) else "") for c in bad), error.end


codecs.register_error(_ERRORS, _replace_unencodable)


def normalise(text: str) -> str:
    """Text as a Chinese printer prints it: the half-width yen sign becomes ￥, and every control
    character a space, so no text can carry a command (the one place text meets ESC/POS)."""
    return device_text(text).replace("¥", "￥")


def encode_text(text: str, codec: str) -> bytes:
    """``text`` in the printer's ``codec``; characters it lacks become '?' (or '？' when wide)."""
    return normalise(text).encode(codec, _ERRORS)


def printed_text(text: str, codec: str) -> str:
    """What the printer will actually print for ``text``: what a decoder must read back."""
    return encode_text(text, codec).decode(codec)


class EscPosBuilder:
    """Accumulates ESC/POS commands; ``bytes()`` is the job. Methods chain."""

    def __init__(self, codec: str = "gb18030") -> None:
        self.codec = codec
        self._parts: list[builtins.bytes] = []

    def bytes(self) -> builtins.bytes:
        """The job so far."""
        return b"".join(self._parts)

    def raw(self, data: builtins.bytes) -> EscPosBuilder:
        self._parts.append(data)
        return self

    def init(self) -> EscPosBuilder:
        """ESC @: reset the printer's modes (not its buffer)."""
        return self.raw(ESC + b"@")

    def chinese_mode(self, on: bool = True) -> EscPosBuilder:
        """FS & / FS .: bytes ≥ 0x80 are read as double-byte (or GB18030 four-byte) characters."""
        return self.raw(FS + (b"&" if on else b"."))

    def text(self, text: str) -> EscPosBuilder:
        """Text without a line feed, in the printer's encoding."""
        return self.raw(encode_text(text, self.codec))

    def line(self, text: str = "") -> EscPosBuilder:
        """Text and a line feed (LF prints the line)."""
        return self.raw(encode_text(text, self.codec) + LF)

    def align(self, align: Align) -> EscPosBuilder:
        """ESC a n."""
        return self.raw(ESC + b"a" + bytes([_ALIGN[align]]))

    def bold(self, on: bool = True) -> EscPosBuilder:
        """ESC E n."""
        return self.raw(ESC + b"E" + bytes([1 if on else 0]))

    def size(self, width: int = 1, height: int = 1) -> EscPosBuilder:
        """GS ! n: character magnification 1–8 in each direction."""
        if not (1 <= width <= 8 and 1 <= height <= 8):
            raise ValueError("character size must be 1..8")
        return self.raw(GS + b"!" + bytes([(width - 1) << 4 | (height - 1)]))

    def feed(self, lines: int = 1) -> EscPosBuilder:
        """ESC d n: print the buffer and feed ``lines`` lines."""
        return self.raw(ESC + b"d" + bytes([lines]))

    def barcode_code128(self, data: str, *, height: int = 64, module: int = 2, hri_below: bool = True) -> EscPosBuilder:
        """GS k 73: CODE128 in code set B ({B); '{' in the data is sent as '{{'."""
        if not data or not all(" " <= c <= "~" for c in data):
            raise ValueError("CODE128 set B takes printable ASCII only")
        payload = b"{B" + data.replace("{", "{{").encode("ascii")
        if len(payload) > 255:
            raise ValueError("barcode data too long")
        return (
            self.raw(GS + b"h" + bytes([height]))
            .raw(GS + b"w" + bytes([module]))
            .raw(GS + b"H" + bytes([2 if hri_below else 0]))
            .raw(GS + b"k" + bytes([73, len(payload)]) + payload)
        )

    def qr(self, data: str, *, module: int = 6, ec: str = "M") -> EscPosBuilder:
        """GS ( k: model 2, module size, error correction, store the data (UTF-8), print."""
        payload = data.encode("utf-8")
        n = len(payload) + 3
        if n > 0xFFFF:
            raise ValueError("QR data too long")
        return (
            self.raw(GS + b"(k\x04\x00\x31\x41\x32\x00")
            .raw(GS + b"(k\x03\x00\x31\x43" + bytes([module]))
            .raw(GS + b"(k\x03\x00\x31\x45" + bytes([_QR_EC[ec]]))
            .raw(GS + b"(k" + bytes([n & 0xFF, n >> 8]) + b"\x31\x50\x30" + payload)
            .raw(GS + b"(k\x03\x00\x31\x51\x30")
        )

    def cut(self, *, partial: bool = True, feed: int = 0) -> EscPosBuilder:
        """GS V 66/65 n: feed to the cutter (plus ``feed`` motion units) and cut."""
        return self.raw(GS + b"V" + bytes([66 if partial else 65, feed]))

    def kick_drawer(self, pin: int = 0, on_ms: int = 50, off_ms: int = 500) -> EscPosBuilder:
        """ESC p m t1 t2: pulse the cash drawer (钱箱) connector; t in units of 2 ms."""
        return self.raw(ESC + b"p" + bytes([pin, on_ms // 2, off_ms // 2]))


def encode_receipt(receipt: Receipt, profile: PrinterProfile, *, kick_drawer: bool = False) -> bytes:
    """The whole print job for ``receipt`` on a printer of ``profile``.

    The drawer pulse, when asked for, goes before the cut so that one job is everything up
    to and including its cut.
    """
    b = EscPosBuilder(profile.codec).init().chinese_mode(True)
    _styled_lines(b, layout(receipt, profile.columns))
    b.feed(1).align("center")
    if receipt.sale_id and all(" " <= c <= "~" for c in receipt.sale_id):
        b.barcode_code128(receipt.sale_id).feed(1)
    if receipt.sale_id:
        b.qr(receipt.sale_id)
    b.align("left").feed(3)
    if kick_drawer:
        b.kick_drawer()
    return b.cut().bytes()


def _styled_lines(b: EscPosBuilder, lines: Iterable[LaidOutLine]) -> None:
    for line in lines:
        style = line.style
        if style is Style.TITLE:
            b.align("center").size(2, 2).line(line.text).size(1, 1).align("left")
        elif style is Style.TOTAL:
            # layout() gives TOTAL half the columns, so it is printed double width too.
            b.bold(True).size(2, 2).line(line.text).size(1, 1).bold(False)
        elif style is Style.CENTER:
            b.align("center").line(line.text).align("left")
        else:
            b.line(line.text)


def encode_lines(lines: Iterable[LaidOutLine], profile: PrinterProfile) -> bytes:
    """A document laid out like a receipt (an X or Z report, say) as one print job, cut at the end."""
    b = EscPosBuilder(profile.codec).init().chinese_mode(True)
    _styled_lines(b, lines)
    return b.feed(3).cut().bytes()
