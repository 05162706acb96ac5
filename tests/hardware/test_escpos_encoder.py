from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.domain.receipt import Receipt
from hardware.escpos.encoder import EscPosBuilder, encode_receipt, encode_text
from hardware.escpos.profiles import PROFILES, get_profile

GOLDEN = Path(__file__).parent / "golden"


def test_profiles_cover_both_paper_widths_and_three_encodings():
    assert {"58mm", "80mm", "80mm-gbk", "80mm-big5"} <= set(PROFILES)
    assert (get_profile("58mm").columns, get_profile("58mm").dots) == (32, 384)
    assert (get_profile("80mm").columns, get_profile("80mm").dots) == (48, 576)
    assert {p.encoding for p in PROFILES.values()} == {"gb18030", "gbk", "big5"}


def test_unknown_profile_is_a_key_error():
    with pytest.raises(KeyError):
        get_profile("110mm")


def test_each_command_has_its_documented_bytes():
    b = EscPosBuilder()
    assert b.init().bytes() == b"\x1b@"
    assert EscPosBuilder().chinese_mode(True).chinese_mode(False).bytes() == b"\x1c&\x1c."
    assert EscPosBuilder().align("center").bold(True).size(2, 2).bytes() == b"\x1ba\x01\x1bE\x01\x1d!\x11"
    assert EscPosBuilder().feed(3).cut().bytes() == b"\x1bd\x03\x1dVB\x00"
    assert EscPosBuilder().kick_drawer().bytes() == b"\x1bp\x00\x19\xfa"  # ESC p 0 25 250
    assert EscPosBuilder().barcode_code128("A{1").bytes() == b"\x1dh@\x1dw\x02\x1dH\x02\x1dk\x49\x06{BA{{1"
    assert EscPosBuilder().qr("S1").bytes() == (
        b"\x1d(k\x04\x00\x31\x41\x32\x00"  # model 2
        b"\x1d(k\x03\x00\x31\x43\x06"  # module size 6
        b"\x1d(k\x03\x00\x31\x45\x31"  # error correction M
        b"\x1d(k\x05\x00\x31\x50\x30S1"  # store
        b"\x1d(k\x03\x00\x31\x51\x30"  # print
    )


def test_yen_sign_and_chinese_punctuation_print_in_gb18030_and_gbk():
    for codec in ("gb18030", "gbk"):
        assert encode_text("¥12.30", codec) == "￥12.30".encode(codec) == b"\xa3\xa412.30"
        assert encode_text("，。：！“”（）、", codec) == "，。：！“”（）、".encode(codec)


def test_big5_printer_gets_its_own_full_width_yen():
    assert encode_text("￥5.00", get_profile("80mm-big5").codec) == b"\xa2\x445.00"


def test_characters_the_printer_lacks_become_question_marks_as_wide_as_they_were():
    big5 = get_profile("80mm-big5").codec
    # 银 is simplified (Big5 has only 銀); the emoji is in no double-byte set.
    assert encode_text("收银台", big5).decode(big5) == "收？台"
    assert encode_text("a😀b", "gbk") == b"a\xa3\xbfb"  # full-width ？ keeps the two columns
    assert encode_text("a\u0300", "gbk") == b"a"  # a combining mark takes no column


def test_small_receipt_matches_golden_bytes(receipt_factory):
    receipt = receipt_factory(names=("可乐",), footer_lines=("谢谢！",))
    assert encode_receipt(receipt, get_profile("58mm")) == (GOLDEN / "receipt_58mm_cola.bin").read_bytes()


def test_receipt_starts_with_init_then_chinese_mode_and_ends_with_cut(receipt: Receipt):
    data = encode_receipt(receipt, get_profile("80mm"))
    assert data.startswith(b"\x1b@\x1c&")
    assert data.endswith(b"\x1dVB\x00")
    assert b"\x1bp" not in data


def test_drawer_kick_goes_in_before_the_cut_only_when_asked(receipt: Receipt):
    data = encode_receipt(receipt, get_profile("58mm"), kick_drawer=True)
    assert data.endswith(b"\x1bp\x00\x19\xfa\x1dVB\x00")


def test_thirty_line_receipt_encodes_within_two_milliseconds(receipt_factory):
    receipt = receipt_factory(names=tuple(f"特价商品{i}号 农夫山泉" for i in range(12)))
    profile = get_profile("80mm")
    encode_receipt(receipt, profile)
    runs = 50
    started = time.perf_counter()
    for _ in range(runs):
        encode_receipt(receipt, profile)
    assert (time.perf_counter() - started) / runs < 0.002
