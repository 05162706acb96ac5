"""TSPL (TSC, Gprinter, Xprinter label printers): build a job from a ``LabelDocument`` and read one back.

Chinese goes through the printer's built-in ``TSS24.BF2`` font (24×24 dots, GB2312/GBK),
so the whole job is encoded in GBK; characters it lacks become '?'.
"""

from __future__ import annotations

import re

from app.domain.barcode import with_check_digit
from app.domain.textwidth import device_text
from hardware.labels.document import Barcode, Box, Element, LabelDocument, QRCode, Text

FONT = "TSS24.BF2"
FONT_DOTS = 24
ENCODING = "gbk"
STATUS_REQUEST = b"\x1b!?"  # answered by one status byte, even mid-job

#: heights of TSPL's built-in bitmap fonts, for jobs made by other software
_FONT_HEIGHTS = {"1": 12, "2": 20, "3": 24, "4": 32, "5": 48, "6": 14, "7": 21, "8": 14, FONT: 24, "TSS16.BF2": 16}
_SYMBOLOGIES = {"ean13": "EAN13", "code128": "128"}


def quote(text: str) -> str:
    """A TSPL string literal: a double quote inside is written \\["], and every control character
    becomes a space, since a line break would end the command and run the rest as commands."""
    return '"' + device_text(text).replace('"', '\\["]') + '"'


def build_tspl(doc: LabelDocument, *, encoding: str = ENCODING) -> bytes:
    """The TSPL job for ``doc``: SIZE, GAP, CLS, the elements, PRINT."""
    lines = [
        f"SIZE {doc.width_mm} mm,{doc.height_mm} mm",
        f"GAP {doc.gap_mm} mm,0 mm",
        "DIRECTION 1,0",
        "REFERENCE 0,0",
        "CLS",
    ]
    lines += [_element(e) for e in doc.elements]
    lines.append(f"PRINT {doc.copies},1")
    return "".join(line + "\r\n" for line in lines).encode(encoding, "replace")


def _element(e: Element) -> str:
    if isinstance(e, Text):
        mul = max(1, round(e.height / FONT_DOTS))
        return f"TEXT {e.x},{e.y},{quote(FONT)},0,{mul},{mul},{quote(e.text)}"
    if isinstance(e, Barcode):
        kind = _SYMBOLOGIES[e.symbology]
        data = e.data[:12] if e.symbology == "ean13" else e.data  # the printer adds the check digit
        return f"BARCODE {e.x},{e.y},{quote(kind)},{e.height},{1 if e.hri else 0},0,{e.module},{e.module},{quote(data)}"
    if isinstance(e, QRCode):
        return f"QRCODE {e.x},{e.y},{e.ec},{e.cell},A,0,{quote(e.data)}"
    if isinstance(e, Box):
        return f"BOX {e.x},{e.y},{e.x + e.width},{e.y + e.height},{e.thickness}"
    raise TypeError(f"not a label element: {e!r}")


_ARG = re.compile(r'\s*("(?:[^"\\]|\\\["\])*"|[^,]*)\s*(?:,|$)')


def split_args(text: str) -> list[str]:
    """TSPL's comma-separated parameters, quoted strings unquoted."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        match = _ARG.match(text, pos)
        if match is None or match.end() == pos:
            break
        value = match.group(1)
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            value = value[1:-1].replace('\\["]', '"')
        out.append(value.strip() if not match.group(1).startswith('"') else value)
        pos = match.end()
    return out


def _mm(value: str) -> int:
    return round(float(value.replace("mm", "").strip() or 0))


def parse_tspl(data: bytes, *, encoding: str = ENCODING) -> list[LabelDocument]:
    """Every label a TSPL stream prints, as documents. Unknown commands are skipped; never raises."""
    docs: list[LabelDocument] = []
    width = height = 0
    gap = 2
    elements: list[Element] = []
    for raw in re.split(rb"\r?\n", data.replace(STATUS_REQUEST, b"")):
        line = raw.decode(encoding, "replace").strip()
        if not line:
            continue
        command, _, rest = line.partition(" ")
        command = command.upper()
        args = split_args(rest)
        try:
            if command == "SIZE":
                width, height = _mm(args[0]), _mm(args[1])
            elif command == "GAP":
                gap = _mm(args[0])
            elif command == "CLS":
                elements = []
            elif command == "TEXT":
                x, y, font, _rot, _xm, ym, text = args[:7]
                elements.append(Text(int(x), int(y), text, _FONT_HEIGHTS.get(font, FONT_DOTS) * int(ym)))
            elif command == "BARCODE":
                x, y, kind, h, hri, _rot, narrow, _wide, content = args[:9]
                symbology = "ean13" if kind.upper() == "EAN13" else "code128"
                if symbology == "ean13" and len(content) == 12:
                    content = with_check_digit(content)
                elements.append(Barcode(int(x), int(y), content, symbology, int(h), int(narrow), hri == "1"))
            elif command == "QRCODE":
                x, y, ec, cell = args[:4]
                elements.append(QRCode(int(x), int(y), args[-1], int(cell), ec))
            elif command == "BOX":
                x, y, x2, y2, t = (int(a) for a in args[:5])
                elements.append(Box(x, y, x2 - x, y2 - y, t))
            elif command == "PRINT":
                copies = int(args[0]) if args and args[0] else 1
                docs.append(LabelDocument(width, height, tuple(elements), gap, copies))
        except (ValueError, IndexError):
            continue  # a malformed line prints nothing on a real printer either
    return docs


def parse_status_byte(byte: int) -> dict[str, bool]:
    """The answer to ESC !?: bit 0 head open, 1 paper jam, 2 out of paper, 3 out of ribbon, 4 pause, 6 cover open."""
    return {
        "cover_open": bool(byte & 0x41),
        "paper_jam": bool(byte & 0x02),
        "paper_out": bool(byte & 0x04),
        "ribbon_out": bool(byte & 0x08),
        "paused": bool(byte & 0x10),
        "printing": bool(byte & 0x20),
    }
