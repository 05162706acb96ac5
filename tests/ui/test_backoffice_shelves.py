"""货位 (库存 → 货位) through the back office's real widgets against a real store server: the manager scans a
product and types its location, imports a CSV (as Excel saves it in China), and a bad file is
refused naming its line with nothing changed; the list shows every location in walking order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from app.db.models import ShelfLocation
from harness import o2o
from harness.store import COLA, NOODLES, WATER, StoreServer
from tests.ui.conftest import WAIT_MS, PrinterSpy, till_window
from tests.ui.test_backoffice_stock import open_module, sign_in
from ui.app import MainWindow
from ui.backoffice.shelves import ShelvesPage
from ui.backoffice.stock import StockPage


@pytest.fixture
def manager_window(qtbot, store_server: StoreServer, printer: PrinterSpy) -> Iterator[MainWindow]:
    with store_server.db() as session:
        session.execute(delete(ShelfLocation))
        session.commit()
    with till_window(qtbot, store_server.url, store_server.new_till(), printer_sink=printer) as win:
        sign_in(qtbot, win, "9001", "9999")
        yield win
    with store_server.db() as session:
        session.execute(delete(ShelfLocation))
        session.commit()


def stored(server: StoreServer) -> dict[str, str]:
    with server.db() as session:
        return dict(session.execute(select(ShelfLocation.sku, ShelfLocation.location)).all())


def test_the_manager_sets_and_imports_shelf_locations(qtbot, manager_window: MainWindow, store_server: StoreServer,
                                                      tmp_path: Path) -> None:
    win = manager_window
    office = open_module(qtbot, win, 4, "stock")
    stock = office.page("stock")
    assert isinstance(stock, StockPage)
    stock.tabs.setCurrentWidget(stock.shelves)  # 库存 → 货位
    page = stock.shelves
    assert isinstance(page, ShelvesPage)
    cola, water, noodles = (o2o.product(store_server, code)[0] for code in (COLA, WATER, NOODLES))

    qtbot.keyClicks(page.code_edit, COLA)  # a scanned barcode
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    assert page.location_edit.hasFocus()
    qtbot.keyClicks(page.location_edit, "b-10-1")
    qtbot.keyClick(page.location_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)
    assert [page.table.item(0, c).text() for c in range(2)] == ["B-10-1", cola]
    assert stored(store_server) == {cola: "B-10-1"}

    qtbot.keyClicks(page.code_edit, WATER)
    qtbot.keyClicks(page.location_edit, "B 2")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=WAIT_MS)
    assert "货位格式无效" in page.message.text() and stored(store_server) == {cola: "B-10-1"}

    bad = tmp_path / "bad.csv"
    bad.write_bytes(f"商品编码,货位\n{water},B-2\n{'X' * 10},B-3\n".encode("gb18030"))
    page.message.clear_message()
    page.import_file(bad)
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=WAIT_MS)
    assert "第 3 行" in page.message.text() and stored(store_server) == {cola: "B-10-1"}

    good = tmp_path / "good.csv"
    good.write_bytes(f"商品编码,货位\n{water},B-2\n{noodles},a-1\n".encode("gb18030"))
    page.import_file(good)
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=WAIT_MS)
    assert page.message.kind == "success"
    assert [page.table.item(r, 0).text() for r in range(3)] == ["A-1", "B-2", "B-10-1"]  # walking order
    assert stored(store_server) == {cola: "B-10-1", water: "B-2", noodles: "A-1"}

    # a double-click puts a row in the fields; an empty location clears it
    page.table.itemDoubleClicked.emit(page.table.item(0, 0))
    assert page.code_edit.text() == noodles and page.location_edit.text() == "A-1"
    page.location_edit.clear()
    qtbot.keyClick(page.location_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT_MS)
    assert noodles not in stored(store_server)

    page.import_file(tmp_path / "missing.csv")
    assert page.message.kind == "error" and "missing.csv" in page.message.text()
