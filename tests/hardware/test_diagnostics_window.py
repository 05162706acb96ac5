from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hardware import diag
from hardware.config import DeviceConfig, TillDevices
from hardware.devices import DeviceKind
from hardware.display import Lamp
from hardware.simulators.label_printer import LabelPrinterSimulator
from hardware.simulators.printer import PrinterSimulator
from hardware.simulators.serial_devices import DisplaySimulator, ScaleSimulator
from ui.customer_display import CustomerDisplay
from ui.diagnostics import DiagnosticsWindow
from ui.label_preview import LabelPreview


@pytest.fixture(autouse=True)
def chinese_ui(qapp):
    """The till's default language; the window's texts are checked as a cashier reads them."""
    from ui.app import create_app

    create_app([], "zh_CN")


@pytest.fixture
def sim():
    simulator = PrinterSimulator(port=0).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def window(qtbot, sim, tmp_path: Path):
    config = TillDevices(devices=[DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, sim.uri, name="小票打印机")])
    win = DiagnosticsWindow(config, home=tmp_path,
                            collect=lambda: diag.collect(config, home=tmp_path, sources=[], timeout=0.3))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.report is not None, timeout=5000)
    yield win
    win.close()


def test_window_lists_devices_with_live_status_and_fills_the_test_panel(window, sim):
    assert window.devices.count() == 1
    assert "正常" in window.devices.item(0).text()
    assert window.receipt_uri.text() == sim.uri


def test_test_page_prints_from_a_button_without_blocking(window, sim, qtbot):
    qtbot.mouseClick(window.test_page_button, Qt.MouseButton.LeftButton)
    assert window.receipt_result.text() == "正在打印…"  # returned at once; the print is in the background
    (job,) = sim.wait_for_jobs(1)
    assert any("打印测试" in line for line in job.lines) and job.barcodes == ["TEST-0001"]
    qtbot.waitUntil(lambda: window.receipt_result.text().startswith("正常"), timeout=5000)


def test_paper_out_shows_in_plain_words(window, sim, qtbot):
    sim.set_status(paper_out=True)
    qtbot.mouseClick(window.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "打印机缺纸" in window.receipt_result.text(), timeout=5000)


def test_drawer_opens_and_sensor_is_read(window, sim, qtbot):
    window.drawer_uri.setText(sim.uri)
    qtbot.mouseClick(window.drawer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.drawer_result.text() == "钱箱已打开", timeout=5000)
    assert sim.status.drawer_open


def test_label_test_print_goes_to_the_label_printer(window, qtbot):
    with LabelPrinterSimulator() as labels:
        window.label_uri.setText(labels.uri)
        window.label_template.setCurrentIndex(2)  # O2O bag
        qtbot.mouseClick(window.label_preview.print_button, Qt.MouseButton.LeftButton)
        (job,) = labels.wait_for_jobs(1)
    assert any(getattr(e, "text", "").startswith("美团") for e in job.document.elements)


def test_scanner_field_shows_code_symbology_and_timing(window, qtbot):
    qtbot.keyClicks(window.scan_field, "]E06901234567892")
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)
    assert window.scan_text.text() == "6901234567892"
    assert window.scan_symbology.text() == "EAN-13 (]E0)"
    assert window.scan_timing.text().startswith("16 个按键，平均")


def test_scale_panel_shows_live_weight(window, qtbot):
    with ScaleSimulator() as scale:
        window.scale_port.setText(scale.path)
        qtbot.mouseClick(window.scale_button, Qt.MouseButton.LeftButton)
        scale.put(1500)
        qtbot.waitUntil(lambda: window.weight.text() == "1.500 kg" and window.weight_state.text() == "稳定",
                        timeout=5000)
        qtbot.mouseClick(window.scale_button, Qt.MouseButton.LeftButton)


def test_display_test_lights_the_total_lamp(window, qtbot):
    with DisplaySimulator() as display:
        window.display_port.setText(display.path)
        qtbot.mouseClick(window.display_button, Qt.MouseButton.LeftButton)
        assert display.wait_for("88.88").lamp is Lamp.TOTAL
        qtbot.waitUntil(lambda: window.display_result.text().startswith("已显示"), timeout=5000)


def test_camera_panel_reports_a_missing_camera_instead_of_failing(window, qtbot):
    qtbot.mouseClick(window.camera_button, Qt.MouseButton.LeftButton)
    window.cameraCode.emit("6901234567892", "EAN13")
    assert "EAN13  6901234567892" in window.camera_codes.toPlainText()
    qtbot.mouseClick(window.camera_button, Qt.MouseButton.LeftButton)


def test_export_support_bundle(window, qtbot, tmp_path):
    path = tmp_path / "bundle.zip"
    window.export_bundle_to(path)
    qtbot.waitUntil(lambda: "诊断包已保存" in window.status.text(), timeout=5000)
    assert "devices.json" in zipfile.ZipFile(path).namelist()


def test_label_preview_and_customer_display_widgets(qtbot):
    from hardware.labels.document import ShelfLabel, shelf_label

    preview = LabelPreview()
    qtbot.addWidget(preview)
    preview.set_document(shelf_label(ShelfLabel("可口可乐", 350, "6901234567892")))
    assert preview.image.pixmap().width() == 480 and preview.print_button.isEnabled()
    customer = CustomerDisplay(store_name="好邻居")
    qtbot.addWidget(customer)
    customer.set_lines([("可口可乐", "1", 350)])
    customer.set_total(350)
    customer.set_payment(500, 150)
    customer.set_payment_qr("https://pay.example.cn/x")
    assert customer.total.text() == "￥3.50" and "1.50" in customer.change.text()
    assert not customer.qr.pixmap().isNull()
    customer.clear()
    assert customer.lines.rowCount() == 0 and customer.qr.isHidden()



def test_in_chinese_the_window_says_nothing_in_english(qtbot, sim, tmp_path: Path):
    """Device kinds, statuses, faults and their fixes, the panels: all Chinese; addresses and the
    names of formats (TSPL, QR) stay as they are."""
    from hardware.devices import Connection, DeviceInfo
    from tests.ui.screen_text import english_in, visible_texts

    sim.set_status(paper_near_end=True)
    config = TillDevices(devices=[
        DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, sim.uri, name="前台小票打印机"),
        DeviceConfig("label", DeviceKind.LABEL_PRINTER, "tcp://127.0.0.1:1", name="标签打印机"),
        DeviceConfig("scale", DeviceKind.SCALE, "serial:///dev/ttyUSB0", name="电子秤", protocol="stgs"),
    ])
    plugged = DeviceInfo("usb-1", Connection.USB, "XP-58", vendor_id=0x0416, product_id=0x5011,
                         detail="permission denied")  # a printer the till user may not open
    # collected as the CLI and the support bundle collect it: in English
    win = DiagnosticsWindow(config, home=tmp_path,
                            collect=lambda: diag.collect(config, home=tmp_path, sources=[lambda: [plugged]],
                                                         timeout=0.3, language="en"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.report is not None, timeout=5000)
    assert win.devices.count() == 4
    texts = []
    for row in range(win.devices.count()):
        win.devices.setCurrentRow(row)  # each device's details: kind, faults, what to do
        texts += visible_texts(win)
    details = " ".join(texts)
    assert "小票打印机 · 已配置" in details and "打印纸即将用完" in details and "udev" in details
    english = sorted({phrase for text in texts for phrase in english_in(text)})
    assert english == []
    win.close()


def test_the_window_fits_a_1024x768_screen(qtbot, window):
    from PySide6.QtCore import QRect

    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 768
    window.fit_to(QRect(0, 0, 1024, 768))
    assert window.width() <= 1024 and window.height() <= 768
    window.fit_to(QRect(0, 0, 1920, 1080))
    assert (window.width(), window.height()) == (1100, 700)  # a big screen gets the size it likes
