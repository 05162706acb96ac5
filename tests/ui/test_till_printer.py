"""The till with its real receipt printer worker against the simulated network printer.

A printer out of paper never blocks the sale: the cashier is told, the drawer still opens
for the change, the receipt waits in the persisted queue and prints once paper is loaded.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from hardware.printer import ReceiptPrinter  # noqa: E402
from hardware.simulators.printer import PrinterSimulator  # noqa: E402
from tests.ui.conftest import WAIT_MS, log_in, till_window  # noqa: E402
from tests.ui.test_till_extras import sell_cola_for_cash  # noqa: E402
from ui.api import StoreClient  # noqa: E402
from ui.app import MainWindow, create_app  # noqa: E402


@pytest.fixture
def sim() -> Iterator[PrinterSimulator]:
    with PrinterSimulator() as simulator:
        yield simulator


@pytest.fixture
def printing_till(qtbot, store_server, sim, tmp_path) -> Iterator[MainWindow]:
    printer = ReceiptPrinter(sim.uri, home=tmp_path, backoff=(0.1, 0.3), status_timeout=0.3)
    with till_window(qtbot, store_server.url, store_server.new_till(), printer=printer) as win:
        yield win


def test_a_cash_sale_opens_the_drawer_and_prints_through_the_queue(qtbot, printing_till, sim) -> None:
    win = printing_till
    qtbot.waitUntil(lambda: win.printer_label.text() == "打印机：正常", timeout=WAIT_MS)
    log_in(qtbot, win)
    sell_cola_for_cash(qtbot, win)
    qtbot.waitUntil(lambda: any(job.text for job in sim.jobs), timeout=WAIT_MS)
    receipts = [job for job in sim.jobs if job.text]
    assert len(receipts) == 1 and "可口可乐 330ml" in receipts[0].text
    assert not receipts[0].named("drawer_kick")  # the drawer had its own pulse, ahead of the receipt
    assert any(job.named("drawer_kick") for job in sim.jobs)
    assert sim.status.drawer_open
    assert win.ctx.printer is not None and win.ctx.printer.wait_idle()
    assert win.ctx.printer.pending() == []


def test_out_of_paper_the_sale_completes_and_the_receipt_prints_after_paper_is_loaded(qtbot, printing_till, sim) -> None:
    win = printing_till
    log_in(qtbot, win)
    # the roll runs out once the cola is scanned (a scan clears the message line, so earlier the
    # fault would show in the status bar only)
    sell_cola_for_cash(qtbot, win, before_paying=lambda: sim.set_status(paper_out=True))  # completes all the same
    qtbot.waitUntil(lambda: "缺纸" in win.printer_label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "打印机缺纸" in win.checkout.message.text(), timeout=WAIT_MS)
    assert win.checkout.message.kind == "error"
    assert sim.status.drawer_open  # the real-time pulse opened it although the printer is offline
    printer = win.ctx.printer
    assert printer is not None
    qtbot.waitUntil(lambda: len(printer.pending()) == 1, timeout=WAIT_MS)
    assert not any(job.text for job in sim.jobs)

    sim.set_status(paper_out=False)
    printer.retry_now()
    qtbot.waitUntil(lambda: any(job.text for job in sim.jobs), timeout=WAIT_MS)
    assert "可口可乐 330ml" in next(job for job in sim.jobs if job.text).text
    qtbot.waitUntil(lambda: win.printer_label.text() == "打印机：正常", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "打印机已恢复" in win.checkout.message.text(), timeout=WAIT_MS)
    assert printer.pending() == []


def test_a_printer_without_a_chinese_font_gets_the_receipt_as_a_picture(qtbot, store_server, sim, tmp_path) -> None:
    from hardware.config import DeviceConfig, TillDevices, save_config
    from hardware.devices import DeviceKind
    from omnistore.till import till_printer

    save_config(TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, sim.uri, profile="58mm",
                                                  options={"raster": "1"})]), tmp_path)
    printer = till_printer(None, tmp_path)
    assert printer is not None and printer.raster and printer.profile.name == "58mm"
    create_app([], "zh_CN")
    win = MainWindow(StoreClient(store_server.url, language="zh_CN"), store_server.new_till(), printer=printer,
                     home=tmp_path)
    qtbot.addWidget(win)
    win.show()
    try:
        log_in(qtbot, win)
        sell_cola_for_cash(qtbot, win)
        qtbot.waitUntil(lambda: any(job.named("raster") for job in sim.jobs), timeout=WAIT_MS)
        picture = next(job for job in sim.jobs if job.named("raster"))
        assert picture.text == ""  # no text for the printer's (missing) font: all of it is in the picture
    finally:
        win.close()
