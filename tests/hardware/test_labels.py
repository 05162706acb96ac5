from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import zxingcpp

from hardware.labels import tspl, zpl
from hardware.labels.document import (
    BagLabel,
    Barcode,
    LabelDocument,
    QRCode,
    ShelfLabel,
    Text,
    WeighedLabel,
    bag_label,
    shelf_label,
    weighed_label,
)
from hardware.labels.printer import LabelPrinter
from hardware.labels.render import render_label
from hardware.simulators.label_printer import LabelPrinterSimulator

GOLDEN = Path(__file__).parent / "golden"

SHELF = ShelfLabel("农夫山泉 饮用天然水", 200, "6921168509256", member_price=180, unit="瓶", spec="550ml",
                   origin="浙江", qr="https://m.example.cn/p/6921168509256")
WEIGHED = WeighedLabel("红富士苹果", 1234, 1298, 1602, "2100101016028", "2026-11-25 14:03", "2026-11-28")
BAG = BagLabel("美团", "MT20261125000123", "A17", 5, 1, 2, "王** 尾号1234", "不要辣", "https://o2o.example.cn/o/123")


def same_content(a: LabelDocument, b: LabelDocument) -> None:
    assert (a.width_mm, a.height_mm, a.copies) == (b.width_mm, b.height_mm, b.copies)
    assert a.elements == b.elements


@pytest.mark.parametrize("name", ["shelf", "weighed", "bag"])
def test_tspl_golden_bytes(name: str):
    doc = {"shelf": shelf_label(SHELF), "weighed": weighed_label(WEIGHED), "bag": bag_label(BAG)}[name]
    data = tspl.build_tspl(doc)
    golden = GOLDEN / f"label_{name}.tspl"
    if os.environ.get("OMNISTORE_UPDATE_GOLDEN"):  # regenerate on purpose; review the diff like any golden file
        golden.write_bytes(data)
    assert data == golden.read_bytes()
    (back,) = tspl.parse_tspl(data)
    same_content(back, doc)


@pytest.mark.parametrize("name", ["shelf", "weighed", "bag"])
def test_zpl_golden_bytes(name: str):
    doc = {"shelf": shelf_label(SHELF), "weighed": weighed_label(WEIGHED), "bag": bag_label(BAG)}[name]
    data = zpl.build_zpl(doc)
    golden = GOLDEN / f"label_{name}.zpl"
    if os.environ.get("OMNISTORE_UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()
    (back,) = zpl.parse_zpl(data)
    same_content(back, doc)


def test_tspl_speaks_the_printers_chinese_font_in_gbk():
    data = tspl.build_tspl(shelf_label(SHELF))
    assert data.startswith(b"SIZE 60 mm,40 mm\r\nGAP 2 mm,0 mm\r\n")
    assert b'TEXT 16,12,"TSS24.BF2",0,2,2,"' + "农夫山泉 饮用天然水".encode("gbk") + b'"\r\n' in data
    assert b'BARCODE 16,196,"EAN13",72,1,0,2,2,"692116850925"\r\n' in data  # check digit left to the printer
    assert b'QRCODE 344,150,M,4,A,0,"https://m.example.cn/p/6921168509256"' in data
    assert data.endswith(b"PRINT 1,1\r\n")


def test_zpl_is_utf8_with_a_cjk_font_and_escapes_control_characters():
    doc = LabelDocument(40, 30, (Text(0, 0, "价格^特价~", 30), Barcode(0, 40, "AB-12", "code128"), QRCode(0, 120, "q")))
    data = zpl.build_zpl(doc, font="E:MSUNG.FNT")
    assert data.startswith(b"^XA\n^CI28\n^PW320\n^LL240\n")
    assert "^FO0,0^A@N,30,30,E:MSUNG.FNT^FH\\^FD价格\\5E特价\\7E^FS".encode() in data
    assert b"^BCN,64,Y,N,N^FDAB-12^FS" in data and b"^BQN,2,4^FDMA,q^FS" in data
    (back,) = zpl.parse_zpl(data)
    assert back.elements == doc.elements


def test_tspl_quotes_inside_text_survive():
    doc = LabelDocument(40, 30, (Text(0, 0, 'A "quoted" 名字', 24),))
    assert b'\\["]quoted\\["]' in tspl.build_tspl(doc)
    assert tspl.parse_tspl(tspl.build_tspl(doc))[0].elements == doc.elements


def test_parsers_never_raise_on_garbage():
    assert tspl.parse_tspl(b"\xff\xfeTEXT ,,,\r\nBARCODE 1\r\nPRINT x\r\n") == []
    assert zpl.parse_zpl(b"^XA^FO1^BE^FD^XZ^XZ") is not None


def test_rendered_label_decodes_back_to_its_codes():
    image = render_label(shelf_label(SHELF))
    assert image.size == (480, 320)
    found = {(b.format.name, b.text) for b in zxingcpp.read_barcodes(image)}
    assert ("EAN13", "6921168509256") in found
    assert ("QRCode", SHELF.qr) in found


def test_label_printer_simulator_renders_what_it_receives_in_either_language(tmp_path: Path):
    with LabelPrinterSimulator() as sim:
        done = threading.Event()
        for language in ("tspl", "zpl"):
            printer = LabelPrinter(sim.uri, language=language, home=tmp_path, printer_id=f"label-{language}",
                                   on_event=lambda e: e.code == "print_job_done" and done.set(),
                                   backoff=(0.05, 0.2))
            printer.print_label(weighed_label(WEIGHED))
            assert printer.wait_idle()
            printer.close()
        jobs = sim.wait_for_jobs(2)
    assert [j.language for j in jobs] == ["tspl", "zpl"]
    for job in jobs:
        assert job.image.size == (480, 320)
        assert Text(16, 10, "红富士苹果", 48) in job.document.elements
        codes = {b.text for b in zxingcpp.read_barcodes(job.image)}
        assert "2100101016028" in codes


def test_label_printer_out_of_paper_keeps_the_label(tmp_path: Path):
    events: list[str] = []
    with LabelPrinterSimulator() as sim:
        sim.set_status(paper_out=True)
        printer = LabelPrinter(sim.uri, home=tmp_path, on_event=lambda e: events.append(e.code), backoff=(0.05, 0.1))
        printer.print_label(bag_label(BAG))
        assert not printer.wait_idle(0.4)
        assert "printer_paper_out" in events and sim.jobs == []
        sim.set_status(paper_out=False)
        assert printer.wait_idle(3)
        printer.close()
        assert len(sim.wait_for_jobs(1)) == 1
