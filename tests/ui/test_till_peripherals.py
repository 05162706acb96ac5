"""The till with its scale and customer displays: a PLU takes its weight from the scale (or the
cashier types it), and the pole display and second screen follow the sale to the change."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from hardware.display import Lamp, PoleDisplay  # noqa: E402
from hardware.scale import SerialScale  # noqa: E402
from hardware.simulators.serial_devices import DisplaySimulator, ScaleSimulator  # noqa: E402
from tests.ui.conftest import WAIT_MS, idle, log_in, scan, till_window  # noqa: E402
from tests.ui.test_till_extras import sell_cola_for_cash  # noqa: E402
from ui.app import MainWindow, create_app  # noqa: E402
from ui.customer_display import CustomerDisplay  # noqa: E402
from ui.customer_facing import CustomerFacing  # noqa: E402
from ui.dialogs import WeightDialog  # noqa: E402

APPLE_PLU = "1001"  # 红富士苹果 ￥12.98/kg


@pytest.fixture
def devices() -> Iterator[tuple[ScaleSimulator, DisplaySimulator]]:
    with ScaleSimulator() as scale, DisplaySimulator() as display:
        yield scale, display


@pytest.fixture
def till(qtbot, store_server, devices) -> Iterator[MainWindow]:
    scale_sim, display_sim = devices
    create_app([], "zh_CN")
    scale = SerialScale(f"serial://{scale_sim.path}").start()
    customer = CustomerFacing(PoleDisplay(f"serial://{display_sim.path}"), CustomerDisplay())
    with till_window(qtbot, store_server.url, store_server.new_till(), printer_sink=lambda _data: None,
                     scale=scale, customer=customer) as win:
        yield win


def test_a_plu_takes_its_weight_from_the_scale(qtbot, till, devices) -> None:
    scale_sim, display_sim = devices
    log_in(qtbot, till)
    scale_sim.put(512)  # 512 g of apples on the scale
    scan(qtbot, till, APPLE_PLU)
    qtbot.waitUntil(lambda: len(till.checkout.model.rows) == 1, timeout=WAIT_MS)
    line = till.checkout.model.rows[0]
    assert (line.name, line.unit, line.quantity, line.amount) == ("红富士苹果", "gram", 512, 665)  # 12.98 × 0.512
    state = display_sim.wait_for("6.65")
    assert state.lamp is Lamp.TOTAL
    screen = till.ctx.customer.screen
    assert screen.lines.rowCount() == 1 and screen.lines.item(0, 1).text() == "0.512 kg"


def test_without_a_steady_weight_the_cashier_types_it(qtbot, till, devices) -> None:
    log_in(qtbot, till)
    scan(qtbot, till, APPLE_PLU)  # nothing on the scale
    qtbot.waitUntil(lambda: isinstance(till.checkout.active_dialog, WeightDialog), timeout=WAIT_MS)
    dialog = till.checkout.active_dialog
    assert "秤上没有稳定的重量" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClicks(dialog.edit, "0", delay=60)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.message.kind == "error"  # zero is no weight
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "1.25", delay=60)  # typed by hand, not a scanner burst
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(till.checkout.model.rows) == 1, timeout=WAIT_MS)
    assert till.checkout.model.rows[0].quantity == 1250


def test_the_pole_display_shows_the_change_until_the_next_customer(qtbot, till, devices) -> None:
    _scale, display_sim = devices
    log_in(qtbot, till)
    sell_cola_for_cash(qtbot, till, "10")  # ￥3.50 paid with ￥10
    state = display_sim.wait_for("6.50")
    assert state.lamp is Lamp.CHANGE
    idle(qtbot, till)
    assert display_sim.state.text == "6.50"  # the next (empty) ticket does not wipe the change
    assert "6.50" in till.ctx.customer.screen.change.text()


def test_a_code_held_up_to_the_till_camera_is_sold_once(qtbot, till, tmp_path) -> None:
    from hardware.config import DeviceConfig, TillDevices, save_config
    from hardware.devices import DeviceKind
    from omnistore.till import till_camera

    save_config(TillDevices(devices=[DeviceConfig("camera", DeviceKind.CAMERA, "camera:")]), tmp_path)
    camera = till_camera(till, tmp_path)  # no camera on this machine: it says so, and still decodes frames
    assert camera is not None
    log_in(qtbot, till)
    from tests.hardware.test_camera import frame_with, linear

    frame = frame_with(linear("6901234567892", "ean13"))
    for _ in range(3):  # held in view for three frames: one line
        camera.feed(frame)
    qtbot.waitUntil(lambda: len(till.checkout.model.rows) == 1, timeout=WAIT_MS)
    idle(qtbot, till)
    assert [(line.name, line.quantity) for line in till.checkout.model.rows] == [("可口可乐 330ml", 1)]
    camera.close()
