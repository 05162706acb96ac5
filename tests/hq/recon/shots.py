"""The reconciliation window's screenshots for docs/screenshots: a scratch HQ with three days of a
store's sales and bills (one day with a lost sale and an extra charge), then the window in each
language asked for — HQ finance's, and the store manager's through a store server enrolled as the
store (``recon_store_day``) (``python -m tests.hq.recon.shots [en] [zh_CN]``; the Chinese ones need the
window's translations compiled)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from harness.hq import Admin, HQServer, scratch_hq
from harness.processes import OMNISTORE, ROOT
from harness.store import StoreServer, make_store_server
from tests.hq.recon.bill_files import alipay, bank, trade, wechat
from tests.hq.recon.test_recon_hq import sale_event, upload, z_event

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
DAY = date(2031, 3, 14)


def seed(admin: Admin, finance: Admin) -> None:
    store = admin.new_store(code="S001")
    events = []
    for i, day in enumerate([DAY - timedelta(days=1), DAY, DAY + timedelta(days=1)]):
        n = 1000 * (i + 1)
        events += [sale_event(store, f"S{n}1", f"{day}T10:00:00", [("wechat", 1200)], out_trade_no=f"OT{n + 1}"),
                   sale_event(store, f"S{n}2", f"{day}T11:00:00", [("alipay", 2590)]),
                   sale_event(store, f"S{n}3", f"{day}T12:00:00", [("cash", 3000)]),
                   z_event(store, day.isoformat(), 3000)]
        trades = [trade(n + 1, 1200, f"{day} 10:00:00", store="S001")]
        if day == DAY:
            events.append(sale_event(store, "S-LOST", f"{day}T15:00:00", [("wechat", 880)], out_trade_no="OT-LOST"))
            trades.append(trade(n + 9, 555, f"{day} 16:00:00", store="S001"))
        finance.ok(upload(finance, wechat(trades, day), f"wx{day}.csv"))
        finance.ok(upload(finance, alipay([trade(n + 2, 2590, f"{day} 11:00:02", provider="alipay", store="S001")], day),
                          f"ali{day}.zip"))
    store.push(events)
    finance.ok(upload(finance, bank([[f"{DAY}", "09:00:00", "11.93", "", "1.00", "财付通支付科技有限公司", "结算", "B1"]]),
                      "bank.csv"))


def wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run the event loop until ``condition`` holds, then a little more for the paint."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        time.sleep(0.02)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not show what was asked")
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.01)


def store_server(admin: Admin, hq: HQServer, home: Path) -> StoreServer:
    """A store server enrolled as S001, for the store manager's window."""
    enrolment = admin.ok(admin.post("/admin/stores/S001/enrolment"))
    server = make_store_server(home, products=50)
    subprocess.run([*OMNISTORE, "enroll", "--hq", hq.url, "--code", enrolment["code"]],
                   cwd=ROOT, env=server.env, check=True, capture_output=True)
    server.start()
    return server


def store_shot(server: StoreServer, lang: str) -> Path:
    """The store manager's window (the back office's 对账 page) on the lost sale's day, drilled down."""
    from PySide6.QtCore import Qt

    from ui.api import BackOfficeClient
    from ui.recon import ReconWindow, StoreReconClient

    client = BackOfficeClient(server.url, lang)
    client.login("T01", "9001", "9999")
    window = ReconWindow(StoreReconClient(client, lang), today=DAY)
    window.resize(1280, 860)
    window.show()
    wait(lambda: window.calendar.rowCount() > 0)
    row = next(r for r in range(window.calendar.rowCount())
               if window.calendar.item(r, 0).data(Qt.ItemDataRole.UserRole)[1] == DAY.isoformat())
    window.calendar.selectRow(row)
    wait(lambda: window.current is not None and window.differences.rowCount() > 0)
    lost = next(r for r in range(window.differences.rowCount()) if window.differences.item(r, 3).text() == "S-LOST")
    window.differences.selectRow(lost)
    wait(lambda: "S-LOST" in window.detail.toPlainText() and "\n" in window.detail.toPlainText()
         and window.progress.isHidden())
    path = OUT / f"recon_store_day_{lang}_1280x860.png"
    window.grab().save(str(path))
    window.worker.stop()
    window.close()
    return path


def main(languages: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import create_app
    from ui.recon import ReconClient, ReconWindow, save_screenshots

    with scratch_hq(Path(tempfile.mkdtemp(prefix="recon-shots-")), prefix="recon_shots") as hq:
        admin = hq.admin()
        key = admin.ok(admin.post("/admin/api-keys", {"name": "财务 王芳", "scopes": ["finance"]}))["key"]
        seed(admin, hq.admin(key))
        for lang in languages:
            create_app([], lang)
            window = ReconWindow(ReconClient(hq.url, key, lang), "", today=DAY)
            window.resize(1280, 860)
            window.show()

            for path in save_screenshots(window, OUT, lang, wait):
                print(path)
            window.worker.stop()
            window.close()
        server = store_server(admin, hq, Path(tempfile.mkdtemp(prefix="recon-shots-store-")))
        try:
            for lang in languages:
                create_app([], lang)
                print(store_shot(server, lang))
        finally:
            server.stop()


if __name__ == "__main__":
    main(sys.argv[1:] or ["en"])
