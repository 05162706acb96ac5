from __future__ import annotations

import contextlib
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.domain.receipt import Receipt  # noqa: E402
from hardware.escpos.decoder import decode  # noqa: E402
from hardware.escpos.encoder import encode_receipt  # noqa: E402
from hardware.escpos.profiles import get_profile  # noqa: E402
from hardware.links import open_link  # noqa: E402
from hardware.simulators.printer import PrinterSimulator  # noqa: E402

pytest.importorskip("pytestqt")
from ui.printer_preview import PaperRollWindow  # noqa: E402

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "printer-simulator.png"


def test_window_title_goes_through_translation(qtbot):
    window = PaperRollWindow(48)
    qtbot.addWidget(window)
    from PySide6.QtCore import QCoreApplication

    # Whatever translator an earlier test installed, the title is the translation of the source.
    expected = QCoreApplication.translate("PaperRollWindow", "Receipt printer simulator")
    assert window.windowTitle() == expected


def test_printed_receipt_appears_on_the_roll_and_scrolls_into_view(qtbot, receipt: Receipt):
    window = PaperRollWindow(32)
    qtbot.addWidget(window)
    window.resize(460, 500)
    window.show()
    job = decode(encode_receipt(receipt, get_profile("58mm"), kick_drawer=True))
    window.add_job(job)
    window.add_job(job)
    assert window.job_count == 2
    bar = window.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert "2" in window.summary.text()


def test_jobs_from_the_simulator_thread_arrive_on_the_gui_thread(qtbot, receipt: Receipt):
    window = PaperRollWindow(48)
    qtbot.addWidget(window)
    with PrinterSimulator(port=0, on_job=window.add_job) as printer:
        with contextlib.closing(open_link(printer.uri)) as link:
            link.write(encode_receipt(receipt, get_profile("80mm")))
        qtbot.waitUntil(lambda: window.job_count == 1, timeout=5000)
    assert window.paper.jobs[0][0].line is not None
    assert window.paper.jobs[0][0].line.text == "好邻居便利店"


def test_screenshot_of_one_receipt(qtbot, receipt: Receipt):
    window = PaperRollWindow(48)
    qtbot.addWidget(window)
    window.show()
    window.add_job(decode(encode_receipt(receipt, get_profile("80mm"), kick_drawer=True)))
    window.resize(window.width(), window.paper.height() + window.summary.sizeHint().height() + 4)
    qtbot.wait(50)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
