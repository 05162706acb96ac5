"""The printer test page (打印测试页) and the code page sample that shows which encoding a printer reads."""

from __future__ import annotations

import time

from hardware.escpos.encoder import EscPosBuilder
from hardware.escpos.profiles import PrinterProfile

#: (label printed in ASCII, Python codec): the line that reads right names the printer's encoding
CODEPAGES = (("GB18030", "gb18030"), ("GBK", "gbk"), ("BIG5", "cp950"), ("UTF-8", "utf-8"))
SAMPLE = "中文打印 收款 ￥12.50"  # the same characters in simplified and traditional


def build_test_page(profile: PrinterProfile, *, title: str = "打印测试 Test page", store: str = "") -> bytes:
    """Chinese text, ￥, a CODE128 barcode and a QR code, then the code page sample, then a cut."""
    b = EscPosBuilder(profile.codec).init().chinese_mode(True)
    b.align("center").size(2, 2).line(title).size(1, 1)
    if store:
        b.line(store)
    b.align("left").line(time.strftime("%Y-%m-%d %H:%M:%S"))
    b.line(f"{profile.name}  {profile.encoding}  {profile.columns} cols")
    b.line("-" * profile.columns)
    b.line("农夫山泉 550ml      2 x ￥2.00   ￥4.00")
    b.line("康师傅红烧牛肉面    1 x ￥4.50   ￥4.50")
    b.bold(True).line("合计 Total                      ￥8.50").bold(False)
    b.line("-" * profile.columns)
    b.align("center").barcode_code128("TEST-0001").feed(1).qr("https://omnistore.example.cn/test").align("left")
    b.raw(codepage_sample(profile.codec, init=False))
    return b.feed(3).cut().bytes()


def codepage_sample(codec: str = "gb18030", *, init: bool = True) -> bytes:
    """The same Chinese line in each encoding, each headed by its name in ASCII."""
    b = EscPosBuilder(codec)
    if init:
        b.init().chinese_mode(True)
    b.line("Code page test: pick the line that reads right")
    for name, python_codec in CODEPAGES:
        b.raw(f"[{name}] ".encode("ascii") + SAMPLE.encode(python_codec, "replace") + b"\n")
    if init:
        b.feed(3).cut()
    return b.bytes()
