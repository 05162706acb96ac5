from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.receipt import Receipt, layout
from hardware.escpos.decoder import decode, tokenize
from hardware.escpos.encoder import EscPosBuilder, encode_receipt, printed_text
from hardware.escpos.profiles import PROFILES, get_profile


def expected_lines(receipt: Receipt, profile_name: str) -> list[str]:
    profile = get_profile(profile_name)
    return [printed_text(line.text, profile.codec) for line in layout(receipt, profile.columns)]


@pytest.mark.parametrize("profile_name", ["58mm", "80mm", "58mm-gbk", "80mm-gbk"])
def test_printer_reads_back_exactly_the_laid_out_text(receipt: Receipt, profile_name: str):
    profile = get_profile(profile_name)
    job = decode(encode_receipt(receipt, profile), profile.encoding)
    assert job.lines == [line.text for line in layout(receipt, profile.columns)]
    assert any("￥" in line for line in job.lines)
    assert "好邻居便利店" in job.lines[0]


def test_big5_printer_reads_back_traditional_text_and_marks_what_it_lacks(receipt_factory):
    receipt = receipt_factory(names=("烏龍茶 500ml", "鳳梨酥禮盒"), store_name="台北門市")
    job = decode(encode_receipt(receipt, get_profile("80mm-big5")), "big5")
    assert job.lines == expected_lines(receipt, "80mm-big5")
    assert "烏龍茶 500ml" in job.lines and "鳳梨酥禮盒" in job.lines
    assert "？售小票" in job.lines  # 销 is simplified: not in Big5
    assert any(line.endswith("￥10.00") for line in job.lines)


def test_receipt_commands_are_seen_in_order(receipt: Receipt):
    job = decode(encode_receipt(receipt, get_profile("58mm"), kick_drawer=True))
    names = [c.name for c in job.commands]
    assert names[:2] == ["init", "chinese_mode"]
    assert job.commands[1].args == (1,)
    assert job.barcodes == ["S0001-20261125-0042"]
    assert job.qr_codes == ["S0001-20261125-0042"]
    assert names[-2:] == ["drawer_kick", "cut"]
    assert job.named("drawer_kick")[0].args == (0, 25, 250)


def test_title_and_total_lines_keep_their_styles(receipt: Receipt):
    job = decode(encode_receipt(receipt, get_profile("80mm")))
    title = job.printed[0]
    assert (title.align, title.width, title.height) == (1, 2, 2)
    total = next(p for p in job.printed if p.text.startswith("应收"))
    assert total.bold and total.height == 2
    assert not job.printed[2].bold and job.printed[2].width == 1


def test_without_chinese_mode_the_printer_prints_single_byte_garbage():
    job = decode(b"\x1b@" + "中".encode("gbk") + b"\n")
    assert job.lines != ["中"]
    assert decode(b"\x1b@\x1c&" + "中".encode("gb18030") + b"\n").lines == ["中"]


def test_four_byte_gb18030_characters_decode():
    text = "𠀀㐀中"  # CJK Ext. B and Ext. A take four bytes in GB18030, 中 two
    data = EscPosBuilder().init().chinese_mode().line(text).bytes()
    assert len(text.encode("gb18030")) == 10
    assert decode(data).lines == [text]


def test_status_requests_and_raster_images_are_recognised():
    data = b"\x10\x04\x01\x10\x04\x04" + b"\x1dv0\x00\x02\x00\x02\x00\xff\x00\x00\xff"
    job = decode(data)
    assert [(c.name, c.args) for c in job.commands] == [
        ("status_request", (1,)),
        ("status_request", (4,)),
        ("raster", (2, 2, 0)),
    ]


def test_code128_code_set_c_reads_as_digits():
    job = decode(b"\x1dkI\x05{C\x0c\x22\x38")
    assert job.barcodes == ["123456"]


@given(st.binary(max_size=400))
def test_any_bytes_decode_without_crashing(data: bytes):
    decode(data)
    decode(data, "big5", chinese=True)


def test_truncated_command_is_reported_not_fatal():
    job = decode(b"\x1c&abc\n\x1d(k\x10\x00\x31")
    assert job.lines == ["abc"]
    assert job.commands[-1].name == "incomplete"
    assert list(tokenize(b"\x1dv0\x00\x02\x00\x02\x00\xff"))[-1].kind == "incomplete"


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ascii_ = st.sampled_from(string.ascii_letters + string.digits + " -+*/()%.")
punct = st.sampled_from("，。、：；！？（）【】“”￥¥·")
names = st.text(st.one_of(han, ascii_, punct), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(names, min_size=1, max_size=6).map(tuple),
    store=names,
    profile_name=st.sampled_from(sorted(PROFILES)),
)
def test_any_receipt_reads_back_as_its_laid_out_text(receipt_factory, names, store, profile_name):
    receipt = receipt_factory(names=names, store_name=store)
    profile = get_profile(profile_name)
    job = decode(encode_receipt(receipt, profile), profile.encoding)
    assert job.lines == expected_lines(receipt, profile_name)
    if profile.encoding == "gb18030":
        # GB18030 covers all of Unicode: nothing is lost, only ¥ is written as ￥.
        assert job.lines == [line.text.replace("¥", "￥") for line in layout(receipt, profile.columns)]
