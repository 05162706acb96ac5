"""The O2O board killed (-9) mid-pick loses nothing and doubles nothing: the picker's accept, start
and scans are on the store server as they were answered; a board started again shows the order
picking with exactly those lines ticked, and the pick goes on from there to packed — each step
recorded for HQ once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import signal  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.db.models import O2OHistory, O2OStep  # noqa: E402
from harness import o2o  # noqa: E402
from harness.client import ClientProcess  # noqa: E402
from harness.store import COLA, NOODLES, WATER, StoreServer, Till  # noqa: E402
from ui.api import StoreClient  # noqa: E402
from ui.app import create_app  # noqa: E402
from ui.board import BoardShell  # noqa: E402
from ui.context import TillContext  # noqa: E402
from ui.worker import Worker  # noqa: E402

WAIT_MS = 15_000


def recorded(server: StoreServer, order_id: int) -> tuple[list[str], list[str]]:
    """The steps waiting for (or sent to) HQ, and the scans in the order's history."""
    with server.db() as session:
        steps = list(session.scalars(select(O2OStep.step).where(O2OStep.order_id == order_id)
                                     .order_by(O2OStep.created_at, O2OStep.id)))
        scans = list(session.scalars(select(O2OHistory.detail).where(O2OHistory.order_id == order_id,
                                                                     O2OHistory.what == "scan")
                                     .order_by(O2OHistory.id)))
    return steps, scans


def picked(order: dict) -> dict[str, tuple[int, str]]:
    return {line["barcode"]: (line["picked_qty"], line["status"]) for line in order["lines"]}


@pytest.mark.parametrize("killed_after", ["6 scan ok", "5 scan ok"], ids=["after-a-scan", "during-a-scan"])
def test_a_board_killed_mid_pick_resumes_with_the_pick_as_recorded(qtbot, store_server: StoreServer,
                                                                   tmp_path, killed_after: str) -> None:
    """Killed once the second scan was answered — or as soon as the first was, the second one then
    on its way (it reached the server or it did not: either way the board shows what the server
    recorded, never a scan twice)."""
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 3), (WATER, 1)]))
    order_id, number = data["id"], data["channel_order_no"]
    till = store_server.new_till()
    script = (f"login 1001 1234\nselect {number}\naccept\nstart_pick\n"
              f"scan {COLA}\nscan {COLA}\n")
    board = ClientProcess(store_server.url, till, tmp_path, script=script, board=True)
    try:
        board.wait_for(killed_after, timeout=90)
        assert board.alive, board.lines
    finally:
        returncode = board.kill()
    assert returncode == -signal.SIGKILL
    observer = Till(store_server, store_server.new_till())
    held = observer.ok(observer.get(f"/o2o/orders/{order_id}"))
    assert held["state"] == "picking" and held["column"] == "picking"
    steps, scans = recorded(store_server, order_id)
    colas = picked(held)[COLA][0]
    assert colas == len(scans) and (colas == 2 if killed_after.startswith("6") else colas in (1, 2))
    assert picked(held) == {COLA: (colas, "open"), WATER: (0, "open")}
    assert steps == ["accept", "start_pick"]

    # the picker starts the board again (a new process, as after a power cut) and logs in
    create_app([], "zh_CN")
    client = StoreClient(store_server.url, language="zh_CN")
    worker = Worker()
    shell = BoardShell(TillContext(client=client, worker=worker, till=till))
    qtbot.addWidget(shell)
    try:
        shell.resize(1024, 768)
        shell.show()
        qtbot.keyClicks(shell.login.operator_edit, "1001")
        qtbot.keyClick(shell.login.operator_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(shell.login.pin_edit, "1234")
        qtbot.keyClick(shell.login.pin_edit, Qt.Key.Key_Return)
        board_window = shell.board
        qtbot.waitUntil(lambda: order_id in board_window.orders, timeout=WAIT_MS)
        order = board_window.orders[order_id]
        assert order.state == "picking" and order.column == "picking"
        assert {line.barcode: line.picked_qty for line in order.lines} == {COLA: colas, WATER: 0}
        board_window.select(order_id)
        assert board_window.packed_button.isEnabled() and not board_window.pick_button.isEnabled()
        shown = {board_window.lines.item(row, 1).text(): board_window.lines.item(row, 3).text()
                 for row in range(board_window.lines.rowCount())}
        assert sorted(shown.values()) == sorted(["0", str(colas)])

        # the pick goes on from there: the colas still missing tick the line, one more is the wrong item
        for _ in range(3 - colas):
            shell.wedge.scanned.emit(COLA)
            qtbot.wait(10)
        qtbot.waitUntil(lambda: {line.barcode: line.status for line in board_window.orders[order_id].lines}[COLA]
                        == "picked", timeout=WAIT_MS)
        board_window.take_scan(COLA)
        qtbot.waitUntil(lambda: board_window.message.kind == "error", timeout=WAIT_MS)
        board_window.message.clear_message()
        board_window.take_scan(NOODLES)
        qtbot.waitUntil(lambda: board_window.message.kind == "error", timeout=WAIT_MS)
        board_window.take_scan(WATER)
        qtbot.waitUntil(lambda: board_window.orders[order_id].column == "to_pack", timeout=WAIT_MS)
        board_window.packed_button.click()
        qtbot.waitUntil(lambda: board_window.orders[order_id].state == "packed", timeout=WAIT_MS)
    finally:
        shell.close()
        worker.stop()

    final = observer.ok(observer.get(f"/o2o/orders/{order_id}"))
    assert picked(final) == {COLA: (3, "picked"), WATER: (1, "picked")}
    steps, scans = recorded(store_server, order_id)
    assert steps == ["accept", "start_pick", "packed"]  # each once: nothing doubled by the kill
    assert len(scans) == 4  # three colas and the water: no scan counted twice
