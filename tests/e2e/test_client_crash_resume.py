"""A till killed mid-ticket loses nothing: the next login at that till carries on with the same lines."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import signal  # noqa: E402
import time  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402

from hardware.escpos.decoder import decode  # noqa: E402
from harness.client import ClientProcess  # noqa: E402
from harness.store import COLA, NOODLES, WATER, Till  # noqa: E402
from tests.ui.conftest import WAIT_MS, PrinterSpy, idle, log_in, press  # noqa: E402
from ui.api import StoreClient  # noqa: E402
from ui.app import MainWindow, create_app  # noqa: E402
from ui.dialogs import CashTenderDialog  # noqa: E402

SCANNED = [COLA, WATER, NOODLES, COLA]


def open_ticket_on_server(observer: Till) -> dict | None:
    items = observer.ok(observer.get("/tickets", params={"status": "open"}))["items"]
    return items[0] if items else None


def wait_for_lines(observer: Till, count: int, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ticket = open_ticket_on_server(observer)
        if ticket and len(ticket["lines"]) >= count:
            return ticket
        time.sleep(0.05)
    raise TimeoutError(f"the server never held {count} lines")


def test_a_till_killed_mid_ticket_resumes_the_ticket_at_the_next_login(qtbot, store_server, tmp_path) -> None:
    till = store_server.new_till()
    script = "login 1001 1234\nopen_shift 500\n" + "".join(f"scan {code}\n" for code in SCANNED)
    client = ClientProcess(store_server.url, till, tmp_path, script=script)
    try:
        client.wait_for("2 open_shift ok", timeout=60)
        observer = Till(store_server, till)  # a second session at the same till, to ask the server
        held = wait_for_lines(observer, len(SCANNED))
        assert client.alive, client.lines
    finally:
        returncode = client.kill()
    assert returncode == -signal.SIGKILL
    assert [line["barcode"] for line in held["lines"]] == SCANNED
    assert open_ticket_on_server(observer)["id"] == held["id"]

    # a fresh till process: the cashier logs in again at the same till
    create_app([], "zh_CN")
    printer = PrinterSpy()
    win = MainWindow(StoreClient(store_server.url, language="zh_CN"), till, printer_sink=printer, home=tmp_path)
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    log_in(qtbot, win)
    assert win.stack.currentWidget() is win.checkout  # the shift stayed open: no float asked again
    checkout = win.checkout
    qtbot.waitUntil(lambda: checkout.ticket is not None and str(checkout.ticket.id) == str(held["id"]), timeout=WAIT_MS)
    assert [line.barcode for line in checkout.model.rows] == SCANNED
    assert checkout.ticket.total == held["total"] == 350 + 200 + 1290 + 350
    assert "恢复" in checkout.message.text()

    # and the sale can be finished
    press(qtbot, win, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(checkout.active_dialog, CashTenderDialog), timeout=WAIT_MS)
    qtbot.keyClick(checkout.active_dialog.edit, Qt.Key.Key_Return)  # exact cash
    qtbot.waitUntil(lambda: checkout.totals.showing_change, timeout=WAIT_MS)
    sale_id = checkout.last_completion.sale_id
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    assert "康师傅" in decode(printer.jobs[0]).text
    idle(qtbot, win)

    sale = observer.ok(observer.get(f"/sales/{sale_id}"))
    assert sale["status"] == "completed"
    assert [line["barcode"] for line in sale["lines"]] == SCANNED
    assert open_ticket_on_server(observer)["id"] != held["id"]  # the till moved on to a new ticket
    win.close()
