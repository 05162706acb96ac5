"""Hardware hot paths: camera frame decode, receipt encode, sale complete → first byte at the printer."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw

from bench.common import Result, time_calls
from hardware.camera import FrameDecoder
from hardware.escpos.encoder import encode_receipt
from hardware.escpos.profiles import get_profile
from hardware.labels.document import Barcode, LabelDocument
from hardware.labels.render import render_label
from hardware.printer import ReceiptPrinter
from hardware.simulators.printer import PrinterSimulator
from harness.receipts import make_receipt


def _frames() -> list[Image.Image]:
    """1280×720 camera-like frames: a QR code, an EAN-13, and nothing (the common case)."""
    qr = qrcode.QRCode(box_size=6, border=4)
    qr.add_data("https://pay.example.cn/q/S0001-20261125-0042")
    codes = [
        qr.make_image().get_image().convert("L"),
        render_label(LabelDocument(50, 22, (Barcode(24, 16, "6901234567892", "ean13", 120, 3, hri=False),))),
        None,
    ]
    frames = []
    for code in codes:
        frame = Image.new("L", (1280, 720), 170)
        draw = ImageDraw.Draw(frame)
        for i in range(0, 1280, 97):
            draw.line((i, 0, i + 40, 720), fill=140)
        if code is not None:
            frame.paste(code, (420, 180))
        frames.append(frame.convert("RGB"))  # cameras deliver colour; grayscale is part of the cost
    return frames


def camera_decode(n: int) -> list[float]:
    decoder = FrameDecoder()
    frames = _frames()
    index = iter(range(10**9))
    return time_calls(lambda: decoder.decode(frames[next(index) % len(frames)]), n)


def receipt_encode(n: int) -> list[float]:
    names = tuple(f"商品{i} 农夫山泉 550ml" for i in range(12))
    receipt = make_receipt(names)
    profile = get_profile("80mm")
    return time_calls(lambda: encode_receipt(receipt, profile), n)


def first_byte(n: int) -> list[float]:
    """From ``print_receipt`` handing the bytes to the queue to the printer receiving the job's first byte."""
    receipt = make_receipt()
    arrived = threading.Event()
    at = [0.0]

    def on_data(chunk: bytes) -> None:
        if b"\x1b@" in chunk and not arrived.is_set():  # the job starts with ESC @; status requests don't
            at[0] = time.perf_counter()
            arrived.set()

    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="omnistore-bench-") as tmp:
        simulator = PrinterSimulator(port=0).start()
        simulator.on_data = on_data
        printer = ReceiptPrinter(simulator.uri, home=Path(tmp))
        try:
            for i in range(n + 5):
                arrived.clear()
                started = time.perf_counter()
                printer.print_receipt(receipt, job_id=f"bench-{i}")
                if not arrived.wait(5):
                    raise RuntimeError("the simulated printer got nothing")
                if i >= 5:  # warm-up
                    samples.append((at[0] - started) * 1000)
                printer.wait_idle()
        finally:
            printer.close()
            simulator.stop()
    return samples


def run(n: int = 200) -> list[Result]:
    return [
        Result("camera decode, 1280×720 frame", camera_decode(n), "p99 ≤ 10 ms", 10),
        Result("receipt encode (12 lines, 80mm)", receipt_encode(max(n, 1000)), "p99 ≤ 2 ms", 2),
        Result("sale → first byte at printer", first_byte(max(50, n // 2)), "p99 ≤ 100 ms", 100),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
