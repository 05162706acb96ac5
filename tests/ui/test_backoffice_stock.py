"""库存 and 价签 through the back office's real widgets against a real store server: the stock list
found by pinyin, a blind count with a variance approved by the manager, and a batch of shelf
labels printed on a TSPL label printer — read back from the exact bytes the simulator received."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.label import Barcode, Text
from app.domain.price_tags import COMPLAINT_LINE
from hardware.labels import tspl
from hardware.labels.printer import LabelPrinter
from hardware.simulators.label_printer import LabelPrinterSimulator
from harness.store import COLA, WATER, StoreServer, Till
from tests.ui.conftest import WAIT_MS, PrinterSpy, till_window
from ui.app import MainWindow
from ui.backoffice.labels import LabelsPage
from ui.backoffice.shell import BackOfficeWindow
from ui.backoffice.stock import StockPage


def sign_in(qtbot, win: MainWindow, operator: str, pin: str) -> None:
    qtbot.keyClicks(win.login.operator_edit, operator)
    qtbot.keyClick(win.login.operator_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(win.login.pin_edit, pin)
    qtbot.keyClick(win.login.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.backoffice, timeout=WAIT_MS)


def open_module(qtbot, win: MainWindow, number: int, key: str) -> BackOfficeWindow:
    office = win.backoffice
    assert isinstance(office, BackOfficeWindow)
    if QApplication.activeWindow() is not win:
        win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget() or office, getattr(Qt.Key, f"Key_{number}"),
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: office.current_key == key, timeout=WAIT_MS)
    return office


@pytest.fixture
def labels_sim() -> Iterator[LabelPrinterSimulator]:
    with LabelPrinterSimulator() as sim:
        yield sim


@pytest.fixture
def manager_window(qtbot, store_server: StoreServer, printer: PrinterSpy, labels_sim: LabelPrinterSimulator,
                   tmp_path: Path) -> Iterator[MainWindow]:
    label_printer = LabelPrinter(labels_sim.uri, language="tspl", home=tmp_path, printer_id="label",
                                 backoff=(0.05, 0.2))
    try:
        with till_window(qtbot, store_server.url, store_server.new_till(), printer_sink=printer,
                         label_printer=label_printer) as win:
            sign_in(qtbot, win, "9001", "9999")
            yield win
    finally:
        label_printer.close()


@pytest.fixture
def manager(store_server: StoreServer) -> Till:
    boss = Till(store_server, store_server.new_till(), "9001", "9999")
    current = boss.ok(boss.get("/stock/counts/current"))["count"]
    if current:
        boss.ok(boss.post(f"/stock/counts/{current['id']}/cancel", {"command_id": uuid.uuid4().hex}))
    return boss


def on_hand(till: Till, code: str) -> int:
    return till.ok(till.get("/stock", params={"code": code}))["on_hand"]


def test_a_blind_count_with_a_variance_is_approved_through_the_stock_screen(
        qtbot, manager_window: MainWindow, manager: Till) -> None:
    win = manager_window
    office = open_module(qtbot, win, 4, "stock")
    page = office.page("stock")
    assert isinstance(page, StockPage)
    qtbot.waitUntil(lambda: page.stock_table.rowCount() > 0, timeout=WAIT_MS)
    page.query.setText("nfsq")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(page.stock_table.item(r, 1).text().startswith("农夫山泉")
                                for r in range(page.stock_table.rowCount())), timeout=WAIT_MS)

    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.start_count_button.isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(page.start_count_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.count is not None and page.count_code.isEnabled(), timeout=WAIT_MS)
    book = on_hand(manager, WATER)
    counted = max(book, 0) + 7
    page.count_quantity.setValue(counted)
    qtbot.keyClicks(page.count_code, WATER)
    qtbot.keyClick(page.count_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.counted_table.rowCount() == 1, timeout=WAIT_MS)
    shown = [page.counted_table.item(0, c).text() for c in range(page.counted_table.columnCount())]
    assert shown[-1] == str(counted) and str(book) not in shown[:1]  # blind: the book is nowhere on the row
    assert page.counted_table.columnCount() == 3

    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.variance_table.isVisible() and page.variance_table.rowCount() == 1, timeout=WAIT_MS)
    assert page.variance_table.item(0, 2).text() == str(book)
    assert page.variance_table.item(0, 4).text() == f"{counted - book:+d}"
    assert on_hand(manager, WATER) == book  # nothing posts before the approval
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.count is None and "1" in page.message.text(), timeout=WAIT_MS)
    assert on_hand(manager, WATER) == counted
    assert manager.ok(manager.get("/stock/counts/current"))["count"] is None


def test_a_label_batch_prints_on_the_tspl_printer_with_the_marked_price_fields(
        qtbot, manager_window: MainWindow, manager: Till, labels_sim: LabelPrinterSimulator) -> None:
    for code in (COLA, WATER):
        manager.ok(manager.post("/labels/requests", {"code": code, "command_id": uuid.uuid4().hex}))
    win = manager_window
    office = open_module(qtbot, win, 5, "labels")
    page = office.page("labels")
    assert isinstance(page, LabelsPage)
    qtbot.waitUntil(lambda: page.table.rowCount() >= 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.preview.document is not None, timeout=WAIT_MS)
    names = {page.items[r]["tag"]["name"] for r in range(len(page.items))}
    assert {"可口可乐 330ml", "农夫山泉 饮用天然水 550ml"} <= names
    waiting = len(page.items)

    page.template.setCurrentIndex(page.template.findData("promotion"))  # 70 × 50 mm on a 60 × 40 mm roll
    qtbot.mouseClick(page.print_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "70" in page.message.text(), timeout=WAIT_MS)
    assert labels_sim.jobs == []

    page.template.setCurrentIndex(page.template.findData("shelf"))
    qtbot.mouseClick(page.print_all_button, Qt.MouseButton.LeftButton)
    jobs = labels_sim.wait_for_jobs(waiting, timeout=20)
    documents = [document for job in jobs for document in tspl.parse_tspl(job.raw)]
    cola = next(d for d in documents if Text(12, 8, "可口可乐 330ml", 48) in d.elements)
    texts = [e.text for e in cola.elements if isinstance(e, Text)]
    assert (cola.width_mm, cola.height_mm) == (60, 40)
    assert "零售价 ￥3.50/件" in texts and COMPLAINT_LINE in texts
    assert any(t.startswith("产地 ") and "规格 330ml" in t for t in texts)
    assert any(t.startswith("等级 合格品") and "单位 件" in t for t in texts)
    barcodes = cola.of(Barcode)
    assert [(b.data, b.symbology) for b in barcodes] == [(COLA, "ean13")]
    raw = b"".join(job.raw for job in jobs)
    # the exact commands: 12 digits (the printer adds the check digit), Chinese in GBK
    assert f'BARCODE 12,198,"EAN13",48,1,0,2,2,"{COLA[:12]}"\r\n'.encode() in raw
    assert f'TEXT 12,288,"TSS24.BF2",0,1,1,"{COMPLAINT_LINE}"\r\n'.encode("gbk") in raw
    assert b"SIZE 60 mm,40 mm\r\n" in raw
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=WAIT_MS)
    assert manager.ok(manager.get("/labels/pending"))["total"] == 0

    qtbot.keyClicks(page.code, WATER)  # one label from a scan, off the list or not
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    one = labels_sim.wait_for_jobs(len(jobs) + 1, timeout=20)[-1]
    water = tspl.parse_tspl(one.raw)[0]
    water_texts = [e.text for e in water.elements if isinstance(e, Text)]
    assert water_texts[0] == "农夫山泉 饮用天然水 550ml" and "零售价 ￥2.00/件" in water_texts


def test_a_supervisors_count_is_approved_by_a_managers_authorisation(
        qtbot, store_server: StoreServer, printer: PrinterSpy, manager: Till) -> None:
    from PySide6.QtCore import QTimer

    from ui.dialogs import OverrideDialog

    with till_window(qtbot, store_server.url, store_server.new_till(), printer_sink=printer) as win:
        sign_in(qtbot, win, "5001", "5555")
        office = open_module(qtbot, win, 4, "stock")
        page = office.page("stock")
        assert isinstance(page, StockPage)
        page.tabs.setCurrentIndex(3)
        qtbot.waitUntil(lambda: page.start_count_button.isEnabled(), timeout=WAIT_MS)
        qtbot.mouseClick(page.start_count_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.count is not None and page.count_code.isEnabled(), timeout=WAIT_MS)
        counted = max(on_hand(manager, COLA), 0) + 3
        page.count_quantity.setValue(counted)
        qtbot.keyClicks(page.count_code, COLA)
        qtbot.keyClick(page.count_code, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.counted_table.rowCount() == 1, timeout=WAIT_MS)
        asked: list[str] = []

        def authorise() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, OverrideDialog)
            asked.append(dialog.reason.text())
            dialog.operator.setText("9001")
            dialog.pin.setText("9999")
            dialog.submit()

        QTimer.singleShot(300, authorise)
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.count is None, timeout=WAIT_MS)
        assert len(asked) == 1  # a supervisor is asked for a manager's authorisation, once
        assert on_hand(manager, COLA) == counted
