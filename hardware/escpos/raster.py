"""The receipt as a picture: a PNG for screens and the API, GS v 0 raster for printers
that have no Chinese font of their own."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from pathlib import Path

import barcode  # python-barcode, a dependency of python-escpos
import qrcode  # a dependency of python-escpos
from PIL import Image, ImageDraw, ImageFont

from app.domain.receipt import Receipt, Style, layout
from app.domain.textwidth import char_width
from hardware.escpos.encoder import GS, EscPosBuilder, normalise
from hardware.escpos.profiles import PrinterProfile

FALLBACK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
BUNDLED_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"

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
    candidates: list[Path] = sorted(BUNDLED_FONTS.glob("*.tt[fc]")) + sorted(BUNDLED_FONTS.glob("*.otf"))
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", ":lang=zh"], capture_output=True, text=True, timeout=5, check=False
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found:
            candidates.append(Path(found))
    candidates.append(FALLBACK_FONT)
    for path in candidates:
        # WenQuanYi's collection holds the proportional face first and the monospaced one second.
        index = 1 if path.name == "wqy-microhei.ttc" else 0
        if path.is_file() and _has_han(str(path), index):
            return str(path), index
    raise FileNotFoundError("no font with Chinese glyphs; install fonts-wqy-microhei or bundle one in resources/fonts")


def _has_han(path: str, index: int) -> bool:
    try:
        font = ImageFont.truetype(path, 20, index=index)
    except OSError:
        return False
    return bytes(font.getmask("中")) != bytes(font.getmask("\U0010fffd"))


@functools.lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    path, index = find_cjk_font()
    return ImageFont.truetype(path, size, index=index)


def render_receipt(receipt: Receipt, profile: PrinterProfile) -> Image.Image:
    """The receipt as a 1-bit-ready greyscale image exactly ``profile.dots`` wide."""
    width = profile.dots
    cell = max(1, (width - 2 * MARGIN) // profile.columns)
    pieces: list[Image.Image] = []
    for line in layout(receipt, profile.columns):
        magnify = 2 if line.style in (Style.TITLE, Style.TOTAL) else 1
        piece = _text_line(normalise(line.text), cell, bold=line.style is Style.TOTAL)
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


def _text_line(text: str, cell: int, *, bold: bool) -> Image.Image:
    # Each character goes in its own cell(s) so columns line up as layout() meant them to.
    font = _font(_font_size(cell))
    columns = sum(char_width(c) for c in text)
    image = Image.new("L", (max(1, columns * cell), ROW), 255)
    draw = ImageDraw.Draw(image)
    x = 0
    for char in text:
        w = char_width(char)
        if w and char != " ":
            draw.text((x + w * cell / 2, ROW // 2), char, font=font, fill=0, anchor="mm", stroke_width=1 if bold else 0)
        x += w * cell
    return image


@functools.lru_cache(maxsize=4)
def _font_size(cell: int) -> int:
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
    font = _font(_font_size(cell))
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
