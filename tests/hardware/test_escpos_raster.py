from __future__ import annotations

import io

import pytest
from PIL import Image

from app.domain.receipt import Receipt
from hardware.escpos.decoder import decode
from hardware.escpos.profiles import get_profile
from hardware.escpos.raster import encode_receipt_raster, find_cjk_font, raster_bytes, render_receipt_png


@pytest.mark.parametrize(("profile_name", "width"), [("58mm", 384), ("80mm", 576)])
def test_receipt_png_is_as_wide_as_the_paper(receipt: Receipt, profile_name: str, width: int):
    png = render_receipt_png(receipt, get_profile(profile_name))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.verify()
    image = Image.open(io.BytesIO(png))
    assert image.width == width and image.height > 600
    assert image.convert("L").getextrema() == (0, 255)  # something is printed


def test_the_font_found_has_chinese_glyphs():
    path, _ = find_cjk_font()
    assert path.endswith((".ttc", ".ttf", ".otf"))


def test_raster_bytes_burn_the_dark_pixels():
    image = Image.new("L", (10, 2), 255)
    image.putpixel((0, 0), 0)
    image.putpixel((9, 1), 0)
    # GS v 0 m=0, 2 bytes wide, 2 rows high; rows padded to whole bytes.
    assert raster_bytes(image) == b"\x1dv0\x00\x02\x00\x02\x00" + b"\x80\x00" + b"\x00\x40"


def test_raster_receipt_is_sent_in_bands_a_printer_can_buffer(receipt: Receipt):
    job = decode(encode_receipt_raster(receipt, get_profile("80mm")))
    rasters = job.named("raster")
    assert len(rasters) > 1
    assert all(c.args[0] == 72 and c.args[1] <= 256 for c in rasters)
    assert job.named("cut")
