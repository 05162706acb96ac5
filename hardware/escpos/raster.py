"""The receipt as a picture: a PNG for screens and the API, GS v 0 raster for printers
that have no Chinese font of their own."""

from __future__ import annotations

import functools
import io
import itertools
import shutil
import subprocess
from pathlib import Path

import barcode  # python-barcode
import qrcode
from PIL import Image, ImageDraw, ImageFont

from app.domain.receipt import Receipt, Style, layout
from app.domain.textwidth import char_width
from hardware.escpos.encoder import GS, EscPosBuilder, normalise
from hardware.escpos.profiles import PrinterProfile

FALLBACK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
BUNDLED_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
#: Where Debian's packages put fonts covering what WenQuanYi lacks, for a machine without fontconfig:
#: Noto Sans CJK SC (fonts-noto-cjk) has CJK Ext-B (𠮷), ①, ℃; Symbola (fonts-symbola) symbols and
#: emoji in black and white, as a thermal printer prints them.
KNOWN_FALLBACK_FONTS = (
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2),
    (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"), 0),
)
#: A code point no font maps: what it renders as is the font's missing-glyph box (.notdef).
_UNMAPPED = "\U0010fffd"
#: The size glyph coverage is checked at.
_PROBE_SIZE = 24

CELL = 12  # dots per column: Font A is 12 × 24
ROW = 30  # dots per line: 24 for the glyph, 6 of line spacing
MARGIN = 8
#: Printers take raster images in bands; this many rows per GS v 0 fits every buffer we know.
BAND_ROWS = 256


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> tuple[str, int]:
    """(path, face index) of a font with Han glyphs: bundled, fontconfig, then the WenQuanYi path.

    fontconfig answers ``:lang=zh`` with its best match even when that has no Han glyphs
    (DejaVu on a bare system), so every candidate is checked for 中.
    """
    candidates = _bundled_faces() + _fontconfig_faces(":lang=zh", all_of_them=False) + [(str(FALLBACK_FONT), 0)]
    for path, index in candidates:
        if Path(path).name == "wqy-microhei.ttc":
            index = 1  # WenQuanYi's collection holds the proportional face first, the monospaced one second
        if Path(path).is_file() and _has_han(path, index):
            return path, index
    raise FileNotFoundError("no font with Chinese glyphs; install fonts-wqy-microhei or bundle one in resources/fonts")


def _bundled_faces() -> list[tuple[str, int]]:
    return [(str(p), 0) for p in sorted(BUNDLED_FONTS.glob("*.tt[fc]")) + sorted(BUNDLED_FONTS.glob("*.otf"))]


def _fontconfig_faces(pattern: str, *, all_of_them: bool) -> list[tuple[str, int]]:
    """fontconfig's best font for ``pattern`` (or every font, best first): (file, face index) pairs."""
    if not shutil.which("fc-match"):
        return []
    try:
        listing = subprocess.run(
            ["fc-match", *(["-s"] if all_of_them else []), "-f", "%{file}|%{index}\n", pattern],
            capture_output=True, text=True, timeout=5, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    faces = []
    for line in listing.splitlines():
        path, _, index = line.partition("|")
        if path:
            faces.append((path, int(index) if index.isascii() and index.isdigit() and len(index) < 4 else 0))
    return faces


def _has_han(path: str, index: int) -> bool:
    font = _probe_font(path, index)
    return font is not None and covers(font, "中")


@functools.lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    path, index = find_cjk_font()
    return ImageFont.truetype(path, size, index=index)


Face = tuple[str, int]


@functools.lru_cache(maxsize=1)
def fallback_fonts() -> tuple[Face, ...]:
    """Fonts to try, in order, for a character the main font has no glyph for: bundled ones,
    fontconfig's list for Simplified Chinese (every installed font, best first), then the paths
    Debian's font packages use."""
    known = [(str(path), index) for path, index in KNOWN_FALLBACK_FONTS]
    candidates = _bundled_faces() + _fontconfig_faces(":lang=zh-cn", all_of_them=True) + known
    main = find_cjk_font()
    return tuple(face for face in dict.fromkeys(candidates) if face != main and Path(face[0]).is_file())


@functools.lru_cache(maxsize=64)
def _probe_font(path: str, index: int) -> ImageFont.FreeTypeFont | None:
    try:
        return ImageFont.truetype(path, _PROBE_SIZE, index=index)
    except OSError:  # not a scalable font Pillow can size (a colour-bitmap emoji font, say)
        return None


def covers(font: ImageFont.FreeTypeFont, char: str) -> bool:
    """True when ``font`` draws ``char`` as a glyph of its own, not the missing-glyph box (.notdef)
    and not an empty placeholder some fonts map symbols to (WenQuanYi's ℃)."""
    mask = font.getmask(char)
    missing = font.getmask(_UNMAPPED)
    if mask.size == missing.size and bytes(mask) == bytes(missing):
        return False
    return char.isspace() or mask.getbbox() is not None


@functools.lru_cache(maxsize=4096)
def face_for(char: str) -> Face:
    """The font a character is drawn in: the main Chinese font when it has the glyph, else the
    first fallback that has it, else the main font (its box is then the truth)."""
    main = find_cjk_font()
    font = _probe_font(*main)
    if font is not None and covers(font, char):
        return main
    for face in fallback_fonts():
        candidate = _probe_font(*face)
        if candidate is not None and covers(candidate, char):
            return face
    return main


@functools.lru_cache(maxsize=64)
def _font_of(face: Face, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(face[0], size, index=face[1])


def font_for(char: str, size: int) -> ImageFont.FreeTypeFont:
    """``char``'s font (``face_for``) at ``size`` pixels."""
    return _font_of(face_for(char), size)


def draw_text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, **kwargs: object) -> None:
    """``text`` from its top-left corner at ``xy``, each run of characters in a font that has their
    glyphs, on the main font's baseline."""
    x, y = xy
    baseline = y + _font(size).getmetrics()[0]
    text = normalise(text)
    for face, run in itertools.groupby(text, key=face_for):
        chars = "".join(run)
        font = _font_of(face, size)
        draw.text((x, baseline), chars, font=font, anchor="ls", **kwargs)  # type: ignore[arg-type]
        x += font.getlength(chars)


def render_receipt(receipt: Receipt, profile: PrinterProfile) -> Image.Image:
    """The receipt as a 1-bit-ready greyscale image exactly ``profile.dots`` wide."""
    width = profile.dots
    cell = max(1, (width - 2 * MARGIN) // profile.columns)
    pieces: list[Image.Image] = []
    for line in layout(receipt, profile.columns):
        magnify = 2 if line.style in (Style.TITLE, Style.TOTAL) else 1
        piece = text_line(line.text, cell, bold=line.style is Style.TOTAL)
        if magnify > 1:
            piece = piece.resize((piece.width * magnify, piece.height * magnify), Image.Resampling.NEAREST)
        centred = line.style in (Style.TITLE, Style.CENTER)
        pieces.append(_place(piece, width, centred))
    if receipt.sale_id:
        pieces.append(Image.new("L", (width, ROW // 2), 255))
        if all(" " <= c <= "~" for c in receipt.sale_id):
            pieces.append(_place(_code128(receipt.sale_id, cell), width, True))
        pieces.append(_place(_qr(receipt.sale_id), width, True))
    pieces.append(Image.new("L", (width, ROW * 2), 255))
    image = Image.new("L", (width, sum(p.height for p in pieces)), 255)
    y = 0
    for piece in pieces:
        image.paste(piece, (0, y))
        y += piece.height
    return image


def render_receipt_png(receipt: Receipt, profile: PrinterProfile) -> bytes:
    """The receipt as PNG bytes, ``profile.dots`` pixels wide."""
    out = io.BytesIO()
    render_receipt(receipt, profile).convert("1").save(out, format="PNG", optimize=True)
    return out.getvalue()


def raster_bytes(image: Image.Image) -> bytes:
    """GS v 0 commands printing ``image`` (any mode; dark pixels print), in bands of rows."""
    mono = image.convert("L").point(lambda v: 255 if v < 128 else 0, mode="1")  # 1 bit = burn a dot
    width_bytes = (mono.width + 7) // 8
    out = bytearray()
    for top in range(0, mono.height, BAND_ROWS):
        band = mono.crop((0, top, mono.width, min(mono.height, top + BAND_ROWS)))
        out += GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + band.height.to_bytes(2, "little")
        out += band.tobytes()
    return bytes(out)


def encode_receipt_raster(receipt: Receipt, profile: PrinterProfile, *, kick_drawer: bool = False) -> bytes:
    """A whole job printing the receipt as an image, for printers without a Chinese font."""
    b = EscPosBuilder(profile.codec).init().raw(raster_bytes(render_receipt(receipt, profile))).feed(3)
    if kick_drawer:
        b.kick_drawer()
    return b.cut().bytes()


def text_line(text: str, cell: int, *, bold: bool = False) -> Image.Image:
    """One laid-out line, ``ROW`` dots high: each character centred in its own cell(s) of ``cell``
    dots so columns line up as layout() meant them to, drawn in a font that has its glyph."""
    text = normalise(text)
    font = _font(font_size(cell))
    columns = sum(char_width(c) for c in text)
    image = Image.new("L", (max(1, columns * cell), ROW), 255)
    draw = ImageDraw.Draw(image)
    x = 0
    for char in text:
        w = char_width(char)
        if w and char != " ":
            draw.text((x + w * cell / 2, ROW // 2), char, font=font_for(char, font.size), fill=0, anchor="mm",
                      stroke_width=1 if bold else 0)
        x += w * cell
    return image


@functools.lru_cache(maxsize=4)
def font_size(cell: int) -> int:
    # The largest size at which a Latin letter fits one cell and a Han character two.
    size = 2 * cell
    path, index = find_cjk_font()
    while size > 6:
        font = ImageFont.truetype(path, size, index=index)
        if font.getlength("M") <= cell and font.getlength("中") <= 2 * cell:
            return size
        size -= 1
    return size


def _place(piece: Image.Image, width: int, centred: bool) -> Image.Image:
    if piece.width > width - 2 * MARGIN:
        piece = piece.crop((0, 0, width - 2 * MARGIN, piece.height))
    row = Image.new("L", (width, piece.height), 255)
    x = (width - piece.width) // 2 if centred else MARGIN
    row.paste(piece, (x, 0))
    return row


def _code128(data: str, cell: int) -> Image.Image:
    modules = barcode.Code128(data).build()[0]
    module = 2
    height = 64
    font = _font(font_size(cell))
    image = Image.new("L", (len(modules) * module + 20, height + ROW), 255)
    draw = ImageDraw.Draw(image)
    for i, bit in enumerate(modules):
        if bit == "1":
            draw.rectangle((10 + i * module, 0, 10 + (i + 1) * module - 1, height - 1), fill=0)
    draw.text((image.width // 2, height + ROW // 2), data, font=font, fill=0, anchor="mm")
    return image


def _qr(data: str) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=6, border=2)
    code.add_data(data.encode("utf-8"))
    image: Image.Image = code.make_image().get_image()
    return image.convert("L")
