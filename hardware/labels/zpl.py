"""ZPL II (Zebra, Godex and clones): build a job from a ``LabelDocument`` and read one back.

``^CI28`` makes field data UTF-8; Chinese is drawn with a scalable CJK font stored on the
printer (``^A@`` with its name, ``E:SIMSUN.TTF`` by default, configurable per printer).
"""

from __future__ import annotations

import re

from app.domain.barcode import with_check_digit
from app.domain.textwidth import device_text
from hardware.labels.document import DOTS_PER_MM, Barcode, Box, Element, LabelDocument, QRCode, Text

CJK_FONT = "E:SIMSUN.TTF"
STATUS_REQUEST = b"~HS"


def field_data(text: str) -> str:
    """``^FD`` data; ^, ~ and \\ inside go as ^FH hex escapes of their UTF-8 bytes (a ^ or ~ would
    start a command), and every control character becomes a space."""
    text = device_text(text)
    if not any(c in text for c in "^~\\"):
        return f"^FD{text}"
    escaped = "".join(f"\\{ord(c):02X}" if c in "^~\\" else c for c in text)
    return f"^FH\\^FD{escaped}"


def build_zpl(doc: LabelDocument, *, font: str = CJK_FONT) -> bytes:
    """The ZPL job for ``doc``: ^XA ^CI28 … ^XZ, UTF-8."""
    parts = ["^XA", "^CI28", f"^PW{doc.width_dots}", f"^LL{doc.height_dots}", "^LH0,0"]
    for e in doc.elements:
        parts.append(_element(e, font))
    parts += [f"^PQ{doc.copies}", "^XZ"]
    return "\n".join(parts).encode("utf-8") + b"\n"


def _element(e: Element, font: str) -> str:
    at = f"^FO{e.x},{e.y}"
    if isinstance(e, Text):
        return f"{at}^A@N,{e.height},{e.height},{font}{field_data(e.text)}^FS"
    if isinstance(e, Barcode):
        hri = "Y" if e.hri else "N"
        if e.symbology == "ean13":
            return f"{at}^BY{e.module}^BEN,{e.height},{hri},N{field_data(e.data[:12])}^FS"
        return f"{at}^BY{e.module}^BCN,{e.height},{hri},N,N{field_data(e.data)}^FS"
    if isinstance(e, QRCode):
        return f"{at}^BQN,2,{e.cell}{field_data(f'{e.ec}A,{e.data}')}^FS"
    if isinstance(e, Box):
        return f"{at}^GB{e.width},{e.height},{e.thickness}^FS"
    raise TypeError(f"not a label element: {e!r}")


_COMMAND = re.compile(r"[\^~]([A-Z@][A-Z0-9@])", re.IGNORECASE)


def parse_zpl(data: bytes) -> list[LabelDocument]:
    """Every label (^XA … ^XZ) in a ZPL stream, as documents. Never raises."""
    text = data.decode("utf-8", "replace")
    docs: list[LabelDocument] = []
    width = height = 0
    copies = 1
    elements: list[Element] = []
    x = y = 0
    module = 2
    pending: tuple[str, list[str]] | None = None
    hex_indicator: str | None = None
    pos = 0
    while True:
        match = _COMMAND.search(text, pos)
        if match is None:
            break
        name = match.group(1).upper()
        if name == "FD":
            end = text.find("^FS", match.end())
            end = len(text) if end < 0 else end
            value = text[match.end():end]
            if hex_indicator:
                value = _unhex(value, hex_indicator)
            _add_field(elements, pending, x, y, module, value)
            pending, hex_indicator = None, None
            pos = end
            continue
        nxt = _COMMAND.search(text, match.end())
        args_text = text[match.end(): nxt.start() if nxt else len(text)].strip()
        args = args_text.split(",") if args_text else []
        pos = match.end()
        try:
            if name == "XA":
                width = height = 0
                copies, elements = 1, []
            elif name == "XZ":
                docs.append(LabelDocument(round(width / DOTS_PER_MM), round(height / DOTS_PER_MM), tuple(elements),
                                          copies=copies))
            elif name == "PW":
                width = int(args[0])
            elif name == "LL":
                height = int(args[0])
            elif name == "PQ":
                copies = int(args[0])
            elif name == "FO":
                x, y = int(args[0]), int(args[1])
            elif name == "BY":
                module = int(args[0])
            elif name == "FH":
                hex_indicator = args_text[:1] or "_"
            elif name in ("A@", "A0") or (name[0] == "A" and len(args) >= 2):
                pending = ("text", args)
            elif name in ("BE", "BC", "BQ"):
                pending = (name, args)
            elif name == "GB":
                w, h = int(args[0]), int(args[1])
                t = int(args[2]) if len(args) > 2 else 1
                elements.append(Box(x, y, w, h, t))
        except (ValueError, IndexError):
            continue
    return docs


def _add_field(elements: list[Element], pending: tuple[str, list[str]] | None, x: int, y: int, module: int,
               value: str) -> None:
    kind, args = pending or ("text", [])
    try:
        if kind == "text":
            height = int(args[1]) if len(args) > 1 and args[1] else 30
            elements.append(Text(x, y, value, height))
        elif kind == "BE":
            data = with_check_digit(value) if len(value) == 12 else value
            elements.append(Barcode(x, y, data, "ean13", int(args[1]), module, args[2:3] == ["Y"]))
        elif kind == "BC":
            elements.append(Barcode(x, y, value, "code128", int(args[1]), module, args[2:3] == ["Y"]))
        elif kind == "BQ":
            ec, _, data = value.partition(",")
            elements.append(QRCode(x, y, data, int(args[2]) if len(args) > 2 else 3, ec[:1] or "M"))
    except (ValueError, IndexError):
        pass


def _unhex(value: str, indicator: str) -> str:
    raw = bytearray()
    i = 0
    encoded = value.encode("utf-8")
    mark = indicator.encode()
    while i < len(encoded):
        if encoded[i : i + 1] == mark and i + 2 < len(encoded) + 1:
            try:
                raw.append(int(encoded[i + 1 : i + 3], 16))
                i += 3
                continue
            except ValueError:
                pass
        raw.append(encoded[i])
        i += 1
    return raw.decode("utf-8", "replace")


def parse_host_status(reply: bytes) -> dict[str, bool] | None:
    """The answer to ~HS (three STX…ETX strings); None when it is not one."""
    strings = re.findall(rb"\x02([^\x03]*)\x03", reply)
    if len(strings) < 2:
        return None
    first = strings[0].decode("ascii", "replace").split(",")
    second = strings[1].decode("ascii", "replace").split(",")
    try:
        return {
            "paper_out": first[1] == "1",
            "paused": first[2] == "1",
            "cover_open": second[2] == "1",  # head up
            "ribbon_out": second[3] == "1",
        }
    except IndexError:
        return None


def host_status(*, paper_out: bool = False, paused: bool = False, cover_open: bool = False) -> bytes:
    """A ~HS answer, as the simulator gives it."""
    return (
        f"\x02030,{int(paper_out)},{int(paused)},1245,000,0,0,0,000,0,0,0\x03\r\n"
        f"\x02000,0,{int(cover_open)},0,0,2,4,0,00000000,1,000\x03\r\n"
        "\x021234,0\x03\r\n"
    ).encode("ascii")
