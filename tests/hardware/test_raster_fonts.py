"""Raster and PNG receipts and rendered labels draw what the text receipt prints: a character the
main Chinese font lacks (CJK Ext-B 𠮷, ①, ℃, ￥, an emoji in a member's name) comes from a font
that has it, never as the missing-glyph box."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw, ImageFont

from app.domain.textwidth import char_width
from hardware.escpos.profiles import get_profile
from hardware.escpos.raster import (
    ROW,
    covers,
    face_for,
    find_cjk_font,
    font_size,
    render_receipt,
    render_receipt_png,
    text_line,
)
from hardware.labels.document import LabelDocument, Text
from hardware.labels.render import render_label
from tests.hardware.conftest import make_receipt

#: 𠮷 (U+20BB7, outside the BMP), a circled digit, degrees Celsius, the full-width yen, an emoji.
HARD = "𠮷①℃￥😀"
CELL = 11
UNMAPPED = "\U0010fffd"  # one column wide, in no font
UNMAPPED_WIDE = "\U0002fffd"  # two columns wide, in no font


def fontconfig_has(path: str, char: str) -> bool:
    """fontconfig's own answer, from the font's cmap: does the font file at ``path`` map ``char``?"""
    listing = subprocess.run(["fc-list", f":charset={ord(char):x}", "file"], capture_output=True, text=True,
                             timeout=10, check=True).stdout
    return any(line.strip().rstrip(":") == path for line in listing.splitlines())


def cells(text: str) -> list[tuple[str, int, int]]:
    """Each character with the left and right edge of its cell(s) in ``text_line``."""
    out, x = [], 0
    for char in text:
        w = char_width(char) * CELL
        out.append((char, x, x + w))
        x += w
    return out


def as_the_main_font_draws_it(char: str, width: int) -> Image.Image:
    """What the main font alone draws for ``char`` in a cell ``width`` dots wide: its missing-glyph
    box (or nothing) when it lacks the glyph, which is what raster receipts printed before."""
    path, index = find_cjk_font()
    image = Image.new("L", (width, ROW), 255)
    ImageDraw.Draw(image).text((width / 2, ROW // 2), char, font=ImageFont.truetype(path, font_size(CELL), index=index),
                               fill=0, anchor="mm")
    return image


@pytest.mark.parametrize("char", list(HARD))
def test_each_hard_character_is_drawn_in_a_font_whose_cmap_has_it(char: str):
    path, index = face_for(char)
    assert fontconfig_has(path, char), f"{char!r} drawn with {path}, which fontconfig says lacks it"
    assert covers(ImageFont.truetype(path, 24, index=index), char)


def test_ext_b_and_symbols_are_not_drawn_as_the_missing_glyph_box():
    line = text_line(HARD, CELL)
    for char, left, right in cells(HARD):
        drawn = line.crop((left, 0, right, ROW))
        assert drawn.getextrema()[0] < 128, f"{char!r} left its cell blank"
        assert ImageChops.difference(drawn, as_the_main_font_draws_it(char, right - left)).getbbox() is not None
        assert ImageChops.difference(drawn, as_the_main_font_draws_it(UNMAPPED, right - left)).getbbox() is not None


def test_the_main_font_still_draws_what_it_has():
    assert face_for("中") == find_cjk_font() == face_for("A")


def test_a_receipt_with_a_member_named_in_ext_b_is_not_a_receipt_of_boxes():
    # WenQuanYi has no glyph for these two; the same line with each swapped for an unmapped
    # character as wide is what printed before: two boxes.
    lacking = "𠮷😀"
    boxes = "".join(UNMAPPED_WIDE if char_width(c) == 2 else UNMAPPED for c in lacking)
    profile = get_profile("58mm")
    real = render_receipt(make_receipt(member=f"会员 8000000012 {lacking}"), profile)
    before = render_receipt(make_receipt(member=f"会员 8000000012 {boxes}"), profile)
    assert real.size == before.size
    assert ImageChops.difference(real, before).getbbox() is not None
    assert render_receipt_png(make_receipt(member=HARD), profile).startswith(b"\x89PNG")


def test_a_label_falls_back_through_fonts_as_the_receipt_does():
    def label(text: str) -> Image.Image:
        return render_label(LabelDocument(40, 10, (Text(8, 8, text, 48),)))

    assert ImageChops.difference(label("𠮷"), label(UNMAPPED)).getbbox() is not None
    assert ImageChops.difference(label("℃"), label(UNMAPPED)).getbbox() is not None
    assert label("中").getextrema()[0] == 0


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=20))
def test_any_text_renders_as_a_receipt_and_a_label(text: str):
    image = render_receipt(make_receipt(names=(text,), store_name=text, member=text), get_profile("58mm"))
    assert image.width == 384
    assert render_label(LabelDocument(40, 30, (Text(0, 0, text, 24),))).size == (320, 240)
