"""Hardware diagnostics (硬件诊断): devices with live status, a test panel per kind, the support bundle.

Every device call runs on a background thread and comes back through a signal; the
window never waits on a printer, a port or a camera.
"""

from __future__ import annotations

import concurrent.futures
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hardware import diag
from hardware.config import TillDevices, load_config
from hardware.devices import DeviceKind
from hardware.display import PoleDisplay
from hardware.drawer import kick_and_check
from hardware.escpos.profiles import PROFILES, get_profile
from hardware.escpos.testpage import codepage_sample
from hardware.faults import fault
from hardware.labels import tspl, zpl
from hardware.labels.document import BagLabel, ShelfLabel, WeighedLabel, bag_label, shelf_label, weighed_label
from hardware.links import PrinterError, open_link
from hardware.scale import Reading, SerialScale
from hardware.scanner import parse_code
from ui.customer_display import CustomerDisplay
from ui.label_preview import LabelPreview
from ui.texts import ui_language

STATUS_COLOURS = {"ok": "#2b8a3e", "fault": "#c92a2a", "unknown": "#e67700", "n/a": "#495057"}
#: as big as the window likes to be; a 1024×768 till gets less (``fit_to``)
PREFERRED_SIZE = QSize(1100, 700)

# hardware.devices.DeviceKind values as the till says them; a kind detection could not tell is "unknown"
DEVICE_KINDS = {
    "receipt_printer": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Receipt printer"),
    "label_printer": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Label printer"),
    "scanner": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Scanner"),
    "cash_drawer": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Cash drawer"),
    "customer_display": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Customer display"),
    "scale": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Scale"),
    "camera": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Camera"),
    "unknown": QT_TRANSLATE_NOOP("DiagnosticsWindow", "Unknown device"),
}


def usb_vendor_id(uri: str) -> int | None:
    """'usb://0416:5011' → 0x0416 (a udev rule names it); None for any other link."""
    vendor = uri.removeprefix("usb://")[:4] if uri.startswith("usb://") else ""
    try:
        return int(vendor, 16) if vendor else None
    except ValueError:
        return None


def device_kind_label(kind: str) -> str:
    """'receipt_printer' → '小票打印机'; a kind the till does not know, as it is."""
    return QCoreApplication.translate("DiagnosticsWindow", DEVICE_KINDS[kind]) if kind in DEVICE_KINDS else kind

SAMPLE_SHELF = ShelfLabel("农夫山泉 饮用天然水", 200, "6921168509256", member_price=180, unit="瓶", spec="550ml",
                          origin="浙江", qr="https://m.example.cn/p/6921168509256")
SAMPLE_WEIGHED = WeighedLabel("红富士苹果", 1234, 1298, 1602, "2100101016028", "2026-11-25 14:03", "2026-11-28")
SAMPLE_BAG = BagLabel("美团", "MT20261125000123", "A17", 5, 1, 2, "王** 尾号1234", "不要辣", "https://o2o.example.cn/o/123")


class Background(QObject):
    """Runs device calls on a small pool; the callback runs on the GUI thread."""

    _done = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="diag")
        self._done.connect(lambda callback, result: callback(result))
        self.pending = 0

    def run(self, fn: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        self.pending += 1

        def job() -> None:
            try:
                result: Any = fn()
            except Exception as exc:  # shown in the panel, never raised into Qt
                result = exc
            self.pending -= 1
            self._done.emit(callback, result)

        self.pool.submit(job)

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


class ScanField(QLineEdit):
    """A line that notes when each key arrived: scanners type a code in a few ms per key."""

    scanned = Signal(str, list)  # text, gaps between keys in ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._times: list[float] = []
        self.returnPressed.connect(self._finish)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.text() and event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._times.append(time.perf_counter())
        super().keyPressEvent(event)

    def _finish(self) -> None:
        gaps = [(b - a) * 1000 for a, b in zip(self._times, self._times[1:], strict=False)]
        self.scanned.emit(self.text(), gaps)
        self._times.clear()
        self.clear()


class DiagnosticsWindow(QWidget):
    """``DiagnosticsWindow(config=None, home=till_home)``; ``collect`` can be swapped for tests."""

    scaleReading = Signal(object, bool)
    cameraCode = Signal(str, str)

    def __init__(self, config: TillDevices | None = None, *, home: Path,
                 collect: Callable[[], diag.DiagReport] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hardware diagnostics"))
        self.home = home
        self.config = config if config is not None else load_config(home)
        # the faults' texts and fixes in the till's language (hardware keeps both, keyed by fault code)
        self._collect = collect or (lambda: diag.collect(self.config, home=self.home, timeout=0.5,
                                                         language=ui_language()))
        self.background = Background(self)
        self.report: diag.DiagReport | None = None
        self.scale: SerialScale | None = None
        self.pole: PoleDisplay | None = None
        self.camera: Any = None

        self.devices = QListWidget()
        self.devices.currentRowChanged.connect(self._select)
        self.details = QLabel(wordWrap=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.bundle_button = QPushButton(self.tr("Export support bundle"))
        self.bundle_button.clicked.connect(self._ask_bundle)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Devices")))
        left_layout.addWidget(self.devices, 1)
        left_layout.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.bundle_button)
        left_layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._receipt_panel(), self.tr("Receipt printer"))
        self.tabs.addTab(self._drawer_panel(), self.tr("Cash drawer"))
        self.tabs.addTab(self._label_panel(), self.tr("Label printer"))
        self.tabs.addTab(self._scanner_panel(), self.tr("Scanner"))
        self.tabs.addTab(self._camera_panel(), self.tr("Camera"))
        self.tabs.addTab(self._display_panel(), self.tr("Customer display"))
        self.tabs.addTab(self._scale_panel(), self.tr("Scale"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([340, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.scaleReading.connect(self._show_weight)
        self.cameraCode.connect(self._show_camera_code)
        screen = QGuiApplication.primaryScreen()
        self.fit_to(screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768))
        self.refresh()

    def fit_to(self, available: QRect) -> None:
        """Its preferred size, but never wider or taller than the screen it opens on (a 1024×768 till)."""
        self.resize(min(PREFERRED_SIZE.width(), available.width()), min(PREFERRED_SIZE.height(), available.height()))

    # -- device list -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Looking for devices…"))
        self.background.run(self._collect, self._show_report)

    def _show_report(self, report: diag.DiagReport | Exception) -> None:
        self.refresh_button.setEnabled(True)
        if isinstance(report, Exception):
            self.status.setText(self.tr("Detection failed: %1").replace("%1", str(report)))
            return
        self.report = report
        self.devices.clear()
        for row in report.devices:
            where = self.tr("configured") if row.configured else self.tr("detected")
            item = QListWidgetItem(f"● {row.name}  ·  {self._status_text(row.status)}")
            item.setToolTip(f"{device_kind_label(row.kind)} · {where} · {row.uri}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setForeground(QColor(STATUS_COLOURS.get(row.status, "#495057")))
            self.devices.addItem(item)
        self.status.setText(self.tr("%1 device(s)").replace("%1", str(len(report.devices))))
        if report.devices:
            self.devices.setCurrentRow(0)

    def status_with_faults(self, status: str, faults: list[str]) -> str:
        """'正常：打印纸即将用完' — the status, and what the printer says is wrong."""
        if not faults:
            return self._status_text(status)
        return self.tr("%1: %2").replace("%1", self._status_text(status)).replace("%2", "；".join(faults))

    def _status_text(self, status: str) -> str:
        return {"ok": self.tr("OK"), "fault": self.tr("Fault"), "unknown": self.tr("Status unknown"),
                "n/a": self.tr("No status")}.get(status, status)

    def _select(self, index: int) -> None:
        item = self.devices.item(index)
        if item is None:
            return
        row: diag.DeviceRow = item.data(Qt.ItemDataRole.UserRole)
        where = self.tr("configured") if row.configured else self.tr("detected")
        if row.configured and row.detected:
            where += " + " + self.tr("detected")
        lines = [f"<b>{row.name}</b>", f"{device_kind_label(row.kind)} · {where}", row.uri,
                 self.tr("Driver: %1").replace("%1", row.driver or "-")]
        language = ui_language()
        lines += [f"<span style='color:#c92a2a'>⚠ {fault(c).text(language)}</span>" for c in row.faults]
        # said again from the fault codes: a report may come in another language than the till's
        lines += [f"→ {fix}" for fix in diag.fixes_for(row.faults, vendor_id=usb_vendor_id(row.uri), language=language)]
        self.details.setText("<br>".join(lines))
        kind = row.kind
        if kind in (DeviceKind.RECEIPT_PRINTER, DeviceKind.CASH_DRAWER):
            self.receipt_uri.setText(row.uri)
            self.drawer_uri.setText(row.uri)
        elif kind == DeviceKind.LABEL_PRINTER:
            self.label_uri.setText(row.uri)
        elif row.uri.startswith("serial://"):
            for edit in (self.scale_port, self.display_port):
                edit.setText(row.uri)

    # -- support bundle ----------------------------------------------------------------------------

    def _ask_bundle(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export support bundle"),
                                              f"omnistore-support-{time.strftime('%Y%m%d-%H%M')}.zip", "Zip (*.zip)")
        if path:
            self.export_bundle_to(Path(path))

    def export_bundle_to(self, path: Path) -> None:
        self.bundle_button.setEnabled(False)
        self.background.run(lambda: diag.export_bundle(path, home=self.home, report=self.report),
                            self._bundle_done)

    def _bundle_done(self, result: Path | Exception) -> None:
        self.bundle_button.setEnabled(True)
        if isinstance(result, Exception):
            self.status.setText(self.tr("Could not write the bundle: %1").replace("%1", str(result)))
        else:
            self.status.setText(self.tr("Support bundle saved: %1").replace("%1", str(result)))

    # -- receipt printer and drawer ----------------------------------------------------------------

    def _receipt_panel(self) -> QWidget:
        panel = QWidget()
        form = QFormLayout(panel)
        self.receipt_uri = QLineEdit(placeholderText="tcp://192.168.1.50:9100")
        self.receipt_profile = QComboBox()
        self.receipt_profile.addItems(sorted(PROFILES))
        self.receipt_profile.setCurrentText("80mm")
        self.test_page_button = QPushButton(self.tr("Print test page (Chinese, ￥, barcode, QR)"))
        self.test_page_button.clicked.connect(self.print_test_page)
        self.codepage_button = QPushButton(self.tr("Print code page sample"))
        self.codepage_button.clicked.connect(self.print_codepages)
        self.status_button = QPushButton(self.tr("Read status"))
        self.status_button.clicked.connect(self.read_printer_status)
        self.receipt_result = QLabel(wordWrap=True)
        form.addRow(self.tr("Printer"), self.receipt_uri)
        form.addRow(self.tr("Paper / encoding"), self.receipt_profile)
        form.addRow(self.test_page_button)
        form.addRow(self.codepage_button)
        form.addRow(self.status_button)
        form.addRow(self.receipt_result)
        hint = QLabel(self.tr("If Chinese prints as garbage, print the code page sample and choose the "
                              "profile whose line reads correctly."), wordWrap=True)
        form.addRow(hint)
        return panel

    def print_test_page(self) -> None:
        uri, profile = self.receipt_uri.text().strip(), self.receipt_profile.currentText()
        self.receipt_result.setText(self.tr("Printing…"))
        self.background.run(lambda: diag.send_test_page(uri, profile), self._show_printer_status)

    def print_codepages(self) -> None:
        uri = self.receipt_uri.text().strip()
        self.background.run(lambda: _send(uri, codepage_sample(get_profile(self.receipt_profile.currentText()).codec)),
                            self._show_sent)

    def read_printer_status(self) -> None:
        uri = self.receipt_uri.text().strip()
        self.background.run(lambda: diag.printer_status(uri), self._show_printer_status)

    def _show_printer_status(self, status: Any) -> None:
        if isinstance(status, Exception):
            self.receipt_result.setText(str(status))
            return
        texts = [fault(c).text(self._language()) for c in status.faults]
        self.receipt_result.setText(self.status_with_faults(status.label, texts))

    def _show_sent(self, result: Any) -> None:
        text = self.tr("Sent") if result is None else fault(getattr(result, "code", str(result))).text(self._language())
        self.receipt_result.setText(text)

    def _drawer_panel(self) -> QWidget:
        panel = QWidget()
        form = QFormLayout(panel)
        self.drawer_uri = QLineEdit(placeholderText="tcp://192.168.1.50:9100")
        self.drawer_button = QPushButton(self.tr("Open drawer and read the sensor"))
        self.drawer_button.clicked.connect(self.open_drawer)
        self.drawer_result = QLabel()
        form.addRow(self.tr("Printer the drawer is plugged into"), self.drawer_uri)
        form.addRow(self.drawer_button)
        form.addRow(self.drawer_result)
        return panel

    def open_drawer(self) -> None:
        uri = self.drawer_uri.text().strip()

        def kick() -> str:
            with _closing(open_link(uri, connect_timeout=1.5, io_timeout=1.5)) as link:
                return kick_and_check(link).code

        self.background.run(kick, lambda r: self.drawer_result.setText(
            fault(getattr(r, "code", r) if isinstance(r, Exception) else r).text(self._language())))

    # -- labels ------------------------------------------------------------------------------------

    def _label_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        form = QFormLayout()
        self.label_uri = QLineEdit(placeholderText="tcp://192.168.1.60:9100")
        self.label_language = QComboBox()
        self.label_language.addItems(["tspl", "zpl"])
        self.label_template = QComboBox()
        self.label_template.addItem(self.tr("Shelf label"), "shelf")
        self.label_template.addItem(self.tr("Weighed goods"), "weighed")
        self.label_template.addItem(self.tr("O2O bag"), "bag")
        self.label_template.currentIndexChanged.connect(self._update_label)
        form.addRow(self.tr("Printer"), self.label_uri)
        form.addRow(self.tr("Language"), self.label_language)
        form.addRow(self.tr("Label"), self.label_template)
        layout.addLayout(form)
        self.label_preview = LabelPreview()
        self.label_preview.print_button.setText(self.tr("Print label"))
        self.label_preview.printRequested.connect(self.print_label)
        layout.addWidget(self.label_preview, 1)
        self.label_result = QLabel()
        layout.addWidget(self.label_result)
        self._update_label()
        return panel

    def _update_label(self) -> None:
        kind = self.label_template.currentData()
        doc = {"shelf": lambda: shelf_label(SAMPLE_SHELF), "weighed": lambda: weighed_label(SAMPLE_WEIGHED),
               "bag": lambda: bag_label(SAMPLE_BAG)}[kind or "shelf"]()
        self.label_preview.set_document(doc)

    def print_label(self, doc: Any) -> None:
        uri = self.label_uri.text().strip()
        data = tspl.build_tspl(doc) if self.label_language.currentText() == "tspl" else zpl.build_zpl(doc)
        self.background.run(lambda: _send(uri, data), lambda r: self.label_result.setText(
            self.tr("Sent") if r is None else fault(getattr(r, "code", str(r))).text(self._language())))

    # -- scanner -----------------------------------------------------------------------------------

    def _scanner_panel(self) -> QWidget:
        panel = QWidget()
        form = QFormLayout(panel)
        self.scan_field = ScanField()
        self.scan_field.setPlaceholderText(self.tr("Click here and scan a code"))
        self.scan_field.scanned.connect(self._show_scan)
        self.scan_text = QLabel()
        self.scan_symbology = QLabel()
        self.scan_timing = QLabel()
        form.addRow(self.tr("Test field"), self.scan_field)
        form.addRow(self.tr("Decoded"), self.scan_text)
        form.addRow(self.tr("Symbology"), self.scan_symbology)
        form.addRow(self.tr("Keystroke timing"), self.scan_timing)
        form.addRow(QLabel(self.tr("A scanner types each key within a few milliseconds; a person takes over 50 ms. "
                                   "Turn on AIM identifiers in the scanner to see the symbology."), wordWrap=True))
        return panel

    def _show_scan(self, text: str, gaps: list[float]) -> None:
        scan = parse_code(text.encode("utf-8"))
        self.scan_text.setText(scan.text)
        self.scan_symbology.setText(f"{scan.symbology} ({scan.aim})" if scan.aim else self.tr("not sent by the scanner"))
        if gaps:
            self.scan_timing.setText(self.tr("%1 keys, average %2 ms, slowest %3 ms")
                                     .replace("%1", str(len(gaps) + 1)).replace("%2", f"{sum(gaps) / len(gaps):.1f}")
                                     .replace("%3", f"{max(gaps):.1f}"))
        else:
            self.scan_timing.setText("-")

    # -- camera ------------------------------------------------------------------------------------

    def _camera_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.camera_button = QPushButton(self.tr("Start camera"))
        self.camera_button.clicked.connect(self.toggle_camera)
        self.camera_view = QLabel(self.tr("No camera running"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.camera_view.setMinimumSize(480, 270)
        self.camera_view.setStyleSheet("background:#212529; color:#adb5bd;")
        self.camera_codes = QPlainTextEdit(readOnly=True)
        self.camera_codes.setMaximumHeight(120)
        layout.addWidget(self.camera_button)
        layout.addWidget(self.camera_view, 1)
        layout.addWidget(QLabel(self.tr("Decoded")))
        layout.addWidget(self.camera_codes)
        return panel

    def toggle_camera(self) -> None:
        from hardware.camera import CameraScanner

        if self.camera is not None:
            self.camera.close()
            self.camera = None
            self.camera_button.setText(self.tr("Start camera"))
            return
        self.camera = CameraScanner(parent=self)
        self.camera.decoded.connect(self.cameraCode)
        self.camera.failed.connect(lambda code: self.camera_view.setText(fault(code).text(self._language())))
        self._preview_count = 0
        self.camera.on_preview = self._preview
        self.camera.start()
        self.camera_button.setText(self.tr("Stop camera"))

    def _preview(self, frame: Any) -> None:
        self._preview_count += 1
        if self._preview_count % 3:
            return  # a third of the frames is plenty for a preview
        image: QImage = frame.toImage()
        self.camera_view.setPixmap(QPixmap.fromImage(image).scaledToWidth(self.camera_view.width()))

    def _show_camera_code(self, text: str, fmt: str) -> None:
        self.camera_codes.appendPlainText(f"{time.strftime('%H:%M:%S')}  {fmt}  {text}")

    # -- customer display --------------------------------------------------------------------------

    def _display_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        form = QFormLayout()
        self.display_port = QLineEdit(placeholderText="serial:///dev/ttyUSB0?baudrate=2400")
        self.display_button = QPushButton(self.tr("Show test amounts"))
        self.display_button.clicked.connect(self.test_display)
        self.display_result = QLabel()
        form.addRow(self.tr("Pole display port"), self.display_port)
        form.addRow(self.display_button)
        form.addRow(self.display_result)
        layout.addLayout(form)
        self.second_screen_button = QPushButton(self.tr("Open the second-screen display"))
        self.second_screen_button.clicked.connect(self.show_second_screen)
        layout.addWidget(self.second_screen_button)
        layout.addStretch(1)
        return panel

    def test_display(self) -> None:
        port = self.display_port.text().strip()
        if self.pole is None or self.pole.path != port:
            if self.pole is not None:
                self.pole.close()
            self.pole = PoleDisplay(port, on_event=lambda code: None)
        pole = self.pole
        pole.show_price(888)
        pole.show_total(8888)
        self.background.run(lambda: pole.flush() and not pole._failed, lambda ok: self.display_result.setText(
            self.tr("Shown: 88.88 with the Total lamp") if ok is True else fault("display_unreachable").text(
                self._language())))

    def show_second_screen(self) -> None:
        self.customer = CustomerDisplay(store_name=self.tr("Welcome"))
        self.customer.set_lines([("农夫山泉 550ml", "2", 400), ("康师傅红烧牛肉面", "1", 450)])
        self.customer.set_total(850)
        self.customer.set_payment(1000, 150)
        self.customer.set_payment_qr("https://pay.example.cn/q/TEST", self.tr("Scan to pay"))
        self.customer.show_on_second_screen()

    # -- scale -------------------------------------------------------------------------------------

    def _scale_panel(self) -> QWidget:
        panel = QWidget()
        form = QFormLayout(panel)
        self.scale_port = QLineEdit(placeholderText="serial:///dev/ttyUSB1?baudrate=9600")
        self.scale_protocol = QComboBox()
        self.scale_protocol.addItem("ST,GS,+0012.345kg", "stgs")
        self.scale_protocol.addItem(self.tr("Toledo, continuous output"), "toledo")
        self.scale_button = QPushButton(self.tr("Connect"))
        self.scale_button.clicked.connect(self.toggle_scale)
        self.tare_button = QPushButton(self.tr("Tare"))
        self.zero_button = QPushButton(self.tr("Zero"))
        self.tare_button.clicked.connect(lambda: self.scale and self.scale.tare())
        self.zero_button.clicked.connect(lambda: self.scale and self.scale.zero())
        self.weight = QLabel("—")
        self.weight.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.weight_state = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.tare_button)
        row.addWidget(self.zero_button)
        form.addRow(self.tr("Port"), self.scale_port)
        form.addRow(self.tr("Protocol"), self.scale_protocol)
        form.addRow(self.scale_button)
        form.addRow(row)
        form.addRow(self.tr("Weight"), self.weight)
        form.addRow(self.weight_state)
        return panel

    def toggle_scale(self) -> None:
        if self.scale is not None:
            self.scale.close()
            self.scale = None
            self.scale_button.setText(self.tr("Connect"))
            return
        self.scale = SerialScale(self.scale_port.text().strip(), protocol=self.scale_protocol.currentData(),
                                 on_weight=self.scaleReading.emit,
                                 on_event=lambda code: self.scaleReading.emit(None, False)).start()
        self.scale_button.setText(self.tr("Disconnect"))

    def _show_weight(self, reading: Reading | None, stable: bool) -> None:
        if reading is None:
            self.weight_state.setText(fault("scale_no_data").text(self._language()))
            return
        self.weight.setText(f"{reading.weight_g / 1000:.3f} kg")
        parts = [self.tr("Stable") if stable else self.tr("Settling…")]
        if reading.net:
            parts.append(self.tr("Net, tare %1 kg").replace("%1", f"{reading.tare_g / 1000:.3f}"))
        if reading.overload:
            parts.append(fault("scale_overload").text(self._language()))
        self.weight_state.setText("  ".join(parts))

    # -- shared ------------------------------------------------------------------------------------

    def _language(self) -> str:
        return ui_language()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        for device in (self.scale, self.pole, self.camera):
            if device is not None:
                device.close()
        self.background.shutdown()
        super().closeEvent(event)


class _closing:
    def __init__(self, link: Any) -> None:
        self.link = link

    def __enter__(self) -> Any:
        return self.link

    def __exit__(self, *exc: object) -> None:
        self.link.close()


def _send(uri: str, data: bytes) -> PrinterError | None:
    try:
        with _closing(open_link(uri, connect_timeout=1.5, io_timeout=3.0)) as link:
            link.write(data)
    except PrinterError as exc:
        return exc
    return None


#: the screen the shots are taken for: the smallest a till has
SHOT_SCREEN = QRect(0, 0, 1024, 768)


def save_screenshots(out: Path) -> list[Path]:
    """diagnostics, label preview and customer display, rendered offscreen in the language the
    application was set up in (``ui.app.create_app``): ``diagnostics_zh_CN_1024x768.png``…"""
    from hardware.simulators.printer import PrinterSimulator

    language = ui_language()
    out.mkdir(parents=True, exist_ok=True)
    simulator = PrinterSimulator(port=0).start()
    simulator.set_status(paper_near_end=True)
    from hardware.config import DeviceConfig

    config = TillDevices(devices=[
        DeviceConfig("receipt", DeviceKind.RECEIPT_PRINTER, simulator.uri, name="前台小票打印机"),
        DeviceConfig("label", DeviceKind.LABEL_PRINTER, "tcp://127.0.0.1:1", name="标签打印机"),
        DeviceConfig("scale", DeviceKind.SCALE, "serial:///dev/ttyUSB0", name="电子秤", protocol="stgs"),
    ])
    paths = []
    try:
        window = DiagnosticsWindow(config, home=out / ".diag-home",
                                   collect=lambda: diag.collect(config, home=out / ".diag-home", sources=[],
                                                                timeout=0.3, language=language))
        window.fit_to(SHOT_SCREEN)
        window.show()
        _wait(lambda: window.report is not None)
        window.scan_field.setText("]E06901234567892")
        window._show_scan("]E06901234567892", [4.1, 3.9, 4.3, 4.0])
        window.tabs.setCurrentIndex(0)
        window.receipt_result.setText(window.status_with_faults("ok", [fault("printer_paper_near_end").text(language)]))
        _wait(lambda: False, 0.2)
        paths.append(_grab(window, out / f"diagnostics_{language}_{SHOT_SCREEN.width()}x{SHOT_SCREEN.height()}.png"))
        preview = LabelPreview()
        preview.set_document(shelf_label(SAMPLE_SHELF))
        preview.resize(620, 470)
        preview.show()
        _wait(lambda: False, 0.1)
        paths.append(_grab(preview, out / f"label-preview_{language}.png"))
        welcome = QCoreApplication.translate("CustomerDisplay", "Welcome")
        customer = CustomerDisplay(store_name=f"好邻居便利店  {welcome}")
        customer.set_lines([("农夫山泉 饮用天然水 550ml", "2", 400), ("康师傅红烧牛肉面", "1", 450),
                            ("红富士苹果", "1.234 kg", 1602), ("可口可乐 330ml", "3", 1050)])
        customer.set_total(3502)
        customer.set_payment(4000, 498)
        customer.set_payment_qr("https://pay.example.cn/q/S0001-20261125-0042")
        customer.resize(1024, 600)
        customer.show()
        _wait(lambda: False, 0.1)
        paths.append(_grab(customer, out / f"customer-display_{language}.png"))
        window.close()
    finally:
        simulator.stop()
    return paths


def _wait(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.diagnostics (--home DIR | --screenshots DIR)``: the window for the till whose data
    directory is ``--home``, or its screenshots."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m ui.diagnostics")
    parser.add_argument("--home", type=Path, help="the till's data directory (its devices.json)")
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)
    if not args.screenshots and not args.home:
        parser.error("give --home (the till's data directory) or --screenshots")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.screenshots:
        for path in save_screenshots(args.screenshots):
            print(path)
        return 0
    window = DiagnosticsWindow(home=args.home)
    window.show()
    QTimer.singleShot(0, window.raise_)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
