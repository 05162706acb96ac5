"""The O2O board (线上订单看板) against a real store server: a new order appears and rings until
someone accepts it, picking by scan (the wrong goods refused), a short pick, a cancel mid-pick shown
loudly, and the handover refusing a wrong 自提码 before taking the right one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from harness import o2o
from harness.store import APPLE_PLU, COLA, NOODLES, WATER
from ui.api import StoreClient
from ui.app import create_app
from ui.board import BoardWindow, countdown, short_number
from ui.context import TillContext
from ui.worker import Worker

WAIT_MS = 10_000


@pytest.fixture
def board(qtbot, store_server) -> Iterator[BoardWindow]:
    create_app([], "zh_CN")
    till = store_server.new_till()
    client = StoreClient(store_server.url, language="zh_CN")
    client.login(till, "1001", "1234")
    client.open_shift(0)
    worker = Worker()
    win = BoardWindow(TillContext(client=client, worker=worker, till=till), feed_wait=2, ring_every_ms=200)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.feed._thread is not None, timeout=WAIT_MS)
    yield win
    win.close()
    worker.stop()


def order_on(board: BoardWindow, order_id: int):  # noqa: ANN201
    return board.orders.get(order_id)


def line_of(order, line_no: int):  # noqa: ANN001, ANN201
    """A line of the order (the board lists them in walking order, not by number)."""
    return next(line for line in order.lines if line.line_no == line_no)


def row_of(order, line_no: int) -> int:  # noqa: ANN001
    """The pick list's row showing line ``line_no``."""
    return next(row for row, line in enumerate(order.lines) if line.line_no == line_no)


def wait_state(qtbot, board: BoardWindow, order_id: int, **expected: object) -> None:
    def matches() -> bool:
        order = order_on(board, order_id)
        return order is not None and all(getattr(order, k) == v for k, v in expected.items())

    qtbot.waitUntil(matches, timeout=WAIT_MS)


def test_a_new_order_appears_and_rings_until_accepted(qtbot, board: BoardWindow, store_server) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)]))
    wait_state(qtbot, board, data["id"], column="new")
    card = board.lists["new"].item(board.lists["new"].count() - 1)
    assert short_number(data["channel_order_no"]) in card.text().split("\n")
    assert data["channel_order_no"] in card.toolTip()
    qtbot.waitUntil(lambda: board.alarm.rings >= 3, timeout=WAIT_MS)  # it repeats
    for order in list(board.orders.values()):  # orders other tests left waiting are accepted too
        if order.column == "new":
            board.select(order.id)
            board.accept_button.click()
            wait_state(qtbot, board, order.id, state="accepted")
    qtbot.waitUntil(lambda: not board.alarm.ringing, timeout=WAIT_MS)
    rings = board.alarm.rings
    qtbot.wait(600)
    assert board.alarm.rings == rings  # and stops


def test_pick_by_scan_short_pick_and_handover_by_code(qtbot, board: BoardWindow, store_server) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 2), (WATER, 2), (APPLE_PLU, 400)]))
    order_id = data["id"]
    wait_state(qtbot, board, order_id, column="new")
    board.select(order_id)
    board.accept_button.click()
    wait_state(qtbot, board, order_id, state="accepted")
    board.pick_button.click()
    wait_state(qtbot, board, order_id, state="picking")

    board.take_scan(NOODLES)
    qtbot.waitUntil(lambda: board.message.kind == "error", timeout=WAIT_MS)
    assert "不在拣货单上" in board.message.text()
    board.message.clear_message()
    qtbot.keyClicks(board.scan_edit, COLA)
    board.scan_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: line_of(order_on(board, order_id), 1).picked_qty == 1, timeout=WAIT_MS)
    board.take_scan(COLA)
    qtbot.waitUntil(lambda: line_of(order_on(board, order_id), 1).status == "picked", timeout=WAIT_MS)
    board.weight_edit.setText("0.412")
    board.take_scan(APPLE_PLU)
    qtbot.waitUntil(lambda: line_of(order_on(board, order_id), 3).picked_weight_g == 412, timeout=WAIT_MS)
    board.lines.selectRow(row_of(order_on(board, order_id), 2))  # water: only one left on the shelf
    board.short_qty.setValue(1)
    board.short_button.click()
    wait_state(qtbot, board, order_id, column="to_pack")
    assert line_of(order_on(board, order_id), 2).status == "short"
    board.packed_button.click()
    wait_state(qtbot, board, order_id, column="waiting")
    board.ready_button.click()
    wait_state(qtbot, board, order_id, state="ready")

    board.handover_button.click()
    dialog = board.handover_dialog
    assert dialog is not None
    dialog.code_edit.setText("111111")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=WAIT_MS)
    assert "自提码不正确" in dialog.message.text() and dialog.isVisible()
    dialog.code_edit.setText("246810")
    dialog.submit()
    wait_state(qtbot, board, order_id, column="done")
    assert order_on(board, order_id).sale_id


def test_a_cancel_mid_pick_is_shown_loudly(qtbot, board: BoardWindow, store_server) -> None:
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 2)]))
    wait_state(qtbot, board, data["id"], column="new")
    board.select(data["id"])
    board.accept_button.click()
    wait_state(qtbot, board, data["id"], state="accepted")
    board.pick_button.click()
    wait_state(qtbot, board, data["id"], state="picking")
    board.take_scan(COLA)
    qtbot.waitUntil(lambda: line_of(order_on(board, data["id"]), 1).picked_qty == 1, timeout=WAIT_MS)
    o2o.drop(store_server, o2o.changed(data, state="cancelled", cancel_reason="用户取消"))
    wait_state(qtbot, board, data["id"], cancelled_mid_pick=True)
    assert board.alert.isVisible() and data["channel_order_no"] in board.alert.text()
    assert order_on(board, data["id"]).column == "aside"
    board.put_back_button.click()
    wait_state(qtbot, board, data["id"], cancelled_mid_pick=False)
    assert not board.alert.isVisible()


def test_the_acceptance_countdown() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    assert countdown((now + timedelta(seconds=161)).isoformat(), now) == "02:41"
    assert countdown((now - timedelta(seconds=12)).isoformat(), now) == "-00:12"
    assert countdown(None, now) == ""


def test_the_tills_badge_counts_new_orders_and_opens_the_board(qtbot, window, store_server) -> None:
    from tests.ui.conftest import log_in

    log_in(qtbot, window)
    qtbot.waitUntil(lambda: window.o2o_button.isVisible(), timeout=WAIT_MS)
    data = o2o.drop(store_server, o2o.order(store_server, [(WATER, 1)]))
    with store_server.db() as session:
        from sqlalchemy import func, select

        from app.db.models import O2OOrder

        waiting = session.scalar(select(func.count()).select_from(O2OOrder).where(O2OOrder.state == "assigned"))
    shown = window.tr("Online orders (%1)").replace("%1", str(waiting))  # 线上订单（N）in Chinese
    qtbot.waitUntil(lambda: window.o2o_button.text() == shown, timeout=WAIT_MS)
    window.o2o_button.click()
    qtbot.waitUntil(lambda: window.board is not None and data["id"] in window.board.orders, timeout=WAIT_MS)
    assert window.board.isVisible()


def test_the_board_alone_logs_in_and_takes_wedge_scans(qtbot, store_server) -> None:
    from PySide6.QtCore import Qt

    from ui.board import BoardShell

    create_app([], "zh_CN")
    client = StoreClient(store_server.url, language="zh_CN")
    shell = BoardShell(TillContext(client=client, worker=Worker(), till=store_server.new_till()))
    qtbot.addWidget(shell)
    shell.show()
    qtbot.keyClicks(shell.login.operator_edit, "1001")
    qtbot.keyClick(shell.login.operator_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(shell.login.pin_edit, "1234")
    qtbot.keyClick(shell.login.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.stack.currentWidget() is shell.board, timeout=WAIT_MS)
    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)]))
    qtbot.waitUntil(lambda: data["id"] in shell.board.orders, timeout=WAIT_MS)
    shell.close()


def test_clicking_an_order_card_selects_it(qtbot, board: BoardWindow, store_server) -> None:
    from PySide6.QtCore import Qt

    data = o2o.drop(store_server, o2o.order(store_server, [(COLA, 1)]))
    wait_state(qtbot, board, data["id"], column="new")
    listing = board.lists["new"]
    [item] = [listing.item(n) for n in range(listing.count())
              if listing.item(n).data(Qt.ItemDataRole.UserRole) == data["id"]]
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(item).center())
    qtbot.waitUntil(lambda: board.selected == data["id"], timeout=WAIT_MS)
    assert data["channel_order_no"] in board.title.text() and board.accept_button.isEnabled()


def test_the_pick_list_shows_shelf_locations_in_walking_order(qtbot, board: BoardWindow, store_server) -> None:
    import uuid

    from harness.store import Till

    boss = Till(store_server, store_server.new_till(), "9001", "9999")

    def place(locations: list[dict[str, object]]) -> None:
        boss.ok(boss.http.put(store_server.api + "/shelf-locations", timeout=10,
                              json={"locations": locations, "command_id": uuid.uuid4().hex}))

    place([{"code": COLA, "location": "B-1"}, {"code": WATER, "location": "A-2"}])
    try:
        data = o2o.drop(store_server, o2o.order(store_server, [(NOODLES, 1), (COLA, 1), (WATER, 1)]))
        wait_state(qtbot, board, data["id"], column="new")
        board.select(data["id"])
        shown = [(board.lines.item(row, 0).text(), board.lines.item(row, 1).text()) for row in range(3)]
        names = {line["barcode"]: line["name"] for line in data["lines"]}
        assert shown == [("A-2", names[WATER]), ("B-1", names[COLA]), ("—", names[NOODLES])]
    finally:
        place([{"code": COLA, "location": None}, {"code": WATER, "location": None}])


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_at_1024x768_no_card_line_is_cut(qtbot, lang: str) -> None:
    """The board at 1024×768: each card's order number (its tail, on a line of its own) fits its
    column — nothing elided; the whole number is in the card's tooltip and the detail's title."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from ui.api import O2OPage
    from ui.screenshots import sample_orders

    create_app([], lang)
    worker = Worker()
    win = BoardWindow(TillContext(client=StoreClient("http://127.0.0.1:9", language=lang), worker=worker, till="T01"))
    qtbot.addWidget(win)
    try:
        win.alarm.timer.setInterval(3_600_000)
        win.resize(1024, 768)
        win.show()
        orders = sample_orders()
        win.apply_page(O2OPage.from_json({"orders": orders, "cursor": 7, "new": 2}))
        qtbot.wait(50)
        assert all(len(o["channel_order_no"]) > 12 for o in orders)  # platform-long numbers
        seen = 0
        for listing in win.lists.values():
            room = listing.viewport().width() - 2 * listing.spacing() - 8
            metrics = QFontMetrics(listing.font())
            for n in range(listing.count()):
                item = listing.item(n)
                number = short_number(next(o["channel_order_no"] for o in orders if o["id"] == item.data(Qt.ItemDataRole.UserRole)))
                assert number in item.text().split("\n") and len(number) == 7
                assert metrics.horizontalAdvance(number) <= room, (number, room)
                assert any(o["channel_order_no"] in item.toolTip() for o in orders)
                seen += 1
        assert seen == len(orders)
        win.select(3)
        assert next(o["channel_order_no"] for o in orders if o["id"] == 3) in win.title.text()
        qtbot.wait(50)
        for button in (win.accept_button, win.reject_button, win.pick_button, win.packed_button, win.ready_button,
                       win.rider_button, win.handover_button, win.put_back_button, win.print_list_button,
                       win.print_label_button, win.short_button, win.substitute_button):
            assert button.width() >= button.sizeHint().width(), button.text()  # its words whole
    finally:
        win.close()
        worker.stop()
