from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qrcode
import zxingcpp
from PIL import Image, ImageDraw

from hardware.camera import Debouncer, Decoded, DecodeWorker, FrameDecoder, prepare
from hardware.labels.document import Barcode, LabelDocument
from hardware.labels.render import render_label


def frame_with(code: Image.Image, size: tuple[int, int] = (1280, 720)) -> Image.Image:
    """A camera-like frame: grey background, the code somewhere off-centre, a little noise."""
    frame = Image.new("L", size, 170)
    draw = ImageDraw.Draw(frame)
    for i in range(0, size[0], 97):
        draw.line((i, 0, i + 40, size[1]), fill=140)
    frame.paste(code, (size[0] // 3, size[1] // 4))
    return frame


def qr_image(text: str) -> Image.Image:
    code = qrcode.QRCode(box_size=6, border=4)
    code.add_data(text.encode("utf-8"))
    return code.make_image().get_image().convert("L")


def linear(data: str, symbology: str) -> Image.Image:
    return render_label(LabelDocument(110, 22, (Barcode(24, 16, data, symbology, 110, 3, hri=False),)))


def datamatrix(text: str) -> Image.Image:
    image = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.DataMatrix).to_image(scale=8)
    height, width = memoryview(image).shape
    grey = Image.frombytes("L", (width, height), bytes(memoryview(image)))
    padded = Image.new("L", (grey.width + 40, grey.height + 40), 255)
    padded.paste(grey, (20, 20))
    return padded


@pytest.mark.parametrize(
    ("image", "text", "fmt"),
    [
        (lambda: qr_image("https://pay.example.cn/付款码?id=42"), "https://pay.example.cn/付款码?id=42", "QRCode"),
        (lambda: linear("6901234567892", "ean13"), "6901234567892", "EAN13"),
        (lambda: linear("S0001-20261125-0042", "code128"), "S0001-20261125-0042", "Code128"),
        (lambda: datamatrix("0106901234567892"), "0106901234567892", "DataMatrix"),
    ],
)
def test_each_code_type_decodes_from_a_1280x720_frame(image, text, fmt):
    codes = FrameDecoder().decode(frame_with(image()))
    assert Decoded(text, fmt, codes[0].symbology) in codes


def test_big_colour_frames_are_cut_down_to_grey_1280():
    frame = frame_with(qr_image("hello"), (1920, 1080)).convert("RGB")
    prepared = prepare(frame)
    assert prepared.mode == "L" and prepared.size == (1280, 720)
    assert [c.text for c in FrameDecoder().decode(frame)] == ["hello"]


def test_qimage_frames_decode_too():
    from PySide6.QtGui import QImage

    frame = frame_with(qr_image("qimage")).convert("RGB")
    qimage = QImage(frame.tobytes(), frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888).copy()
    assert [c.text for c in FrameDecoder().decode(qimage)] == ["qimage"]


def test_formats_we_did_not_ask_for_are_ignored():
    assert FrameDecoder("EAN13").decode(frame_with(qr_image("not wanted"))) == []


def test_code_held_in_view_is_read_once_until_it_leaves():
    debouncer = Debouncer(gone_after=1.0)
    code = Decoded("6901234567892", "EAN13")
    assert debouncer.accept([code], now=0.0) == [code]
    assert debouncer.accept([code], now=0.5) == []
    assert debouncer.accept([code], now=1.4) == []  # still in view: each frame refreshes it
    assert debouncer.accept([], now=2.0) == []
    assert debouncer.accept([code], now=2.6) == [code]  # gone for > 1 s, then back: a new scan


def test_worker_decodes_off_the_callers_thread_and_reads_a_held_code_once():
    got: list[tuple[str, str]] = []
    done = threading.Event()

    def on_codes(codes: list[Decoded]) -> None:
        got.extend((c.text, threading.current_thread().name) for c in codes)
        done.set()

    worker = DecodeWorker(on_codes)
    frame = frame_with(qr_image("held"))
    for _ in range(5):
        worker.submit(frame)
    assert done.wait(3)
    worker.submit(frame)
    worker.close()
    assert got == [("held", "camera-decode")]


def test_camera_scanner_emits_a_qt_signal(qtbot):
    from hardware.camera import CameraScanner

    scanner = CameraScanner()
    with qtbot.waitSignal(scanner.decoded, timeout=3000) as blocker:
        scanner.feed(frame_with(qr_image("扫码")))
    assert blocker.args == ["扫码", "QRCode"]
    scanner.close()
