"""Grab every screen and dialog of the till as PNGs, against a running store server.

    python -m ui.screenshots --server http://127.0.0.1:8701 --out docs/screenshots

Logs in as the demo cashier (1001 / 1234) on till T01 (opening a shift with a ￥500 float if
none is open) and rings up a few demo products; it never completes a sale (the change and a part
payment are shown from sample figures). Every screen in 简体中文 at 1024×768 and 1920×1080, and in
English at 1024×768; then the diagnostics window, the label preview and the customer display in
each language. Then the demo manager (9001 / 9999) opens the back office; the scratch server has
40 days of sales for its charts.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.api import Completion, ShiftClose, StoreClient, StuckEvent, SyncStatus
from ui.app import MainWindow, create_app
from ui.dialogs import (
    CashTenderDialog,
    HelpDialog,
    OverrideDialog,
    ParkedTicketsDialog,
    PriceDialog,
    ProductSearchDialog,
    QuantityDialog,
)
from ui.sync import SyncDialog

SIZES = (QSize(1024, 768), QSize(1920, 1080))
DEMO_CODES = ("6901234567892", "6901234567908", "6901234567915", "6901234567953")


def wait(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the till did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    """Let the debounced theme and layouts catch up."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


class Shooter:
    def __init__(self, out: Path, server: str, till: str, operator: str, pin: str) -> None:
        self.out = out
        self.server = server
        self.till = till
        self.operator = operator
        self.pin = pin
        out.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def save(self, pixmap: QPixmap, name: str) -> None:
        path = self.out / f"{name}.png"
        pixmap.save(str(path))
        self.saved.append(path)

    def window_shot(self, win: MainWindow, name: str) -> None:
        settle()
        self.save(win.grab(), name)

    def dialog_shot(self, win: MainWindow, dialog: QDialog, name: str) -> None:
        """The window with the dialog painted centred over it, as the cashier sees it."""
        dialog.show()
        settle()
        base = win.grab()
        shot = dialog.grab()
        painter = QPainter(base)
        painter.fillRect(base.rect(), QColorAlpha)
        painter.drawPixmap(QPoint((base.width() - shot.width()) // 2, (base.height() - shot.height()) // 2), shot)
        painter.end()
        self.save(base, name)
        dialog.close()
        dialog.deleteLater()

    def run(self, lang: str, sizes: tuple[QSize, ...], names: set[str] | None = None) -> None:
        create_app([], lang)
        client = StoreClient(self.server, language=lang)
        till_home = tempfile.TemporaryDirectory(prefix="omnistore-shots-till-")  # no devices configured
        win = MainWindow(client, self.till, printer_sink=lambda _data: None, home=Path(till_home.name))
        win.show()
        try:
            if names is None or names - {"backoffice"}:
                for size in sizes:
                    self._one_size(win, lang, size, names)
            if self._want(names, "backoffice"):
                self._back_office(win, lang, sizes)
        finally:
            till_home.cleanup()
            win.close()

    def _overview(self, win: MainWindow, office: Any, tag: str, thirty_days: bool) -> None:
        office.show_module("overview")
        overview = office.page("overview")
        overview.pick(1, 1)  # yesterday, by hour, against the same weekday a week before
        wait(lambda: overview.data is not None and overview.data.first == overview.data.last and not win.worker.pending)
        overview.chart.hover(max(range(24), key=lambda h: overview.chart.values[h]))
        self.window_shot(win, f"backoffice_overview_{tag}")
        if thirty_days:
            overview.pick(0, 30)
            wait(lambda: overview.data is not None and overview.data.by == "day" and not win.worker.pending)
            self.window_shot(win, f"backoffice_overview_30_days_{tag}")

    def _back_office_pages(self, win: MainWindow, office: Any, tag: str) -> None:
        office.show_module("sales")
        journal = office.page("sales")
        journal.first.setDateTime(journal.first.dateTime().addDays(-1))
        journal.search()
        wait(lambda: bool(journal.rows) and not win.worker.pending)
        journal.table.setCurrentCell(0, 0)
        wait(lambda: journal.sale is not None and not win.worker.pending)
        self.window_shot(win, f"backoffice_sales_{tag}")
        office.show_module("close")
        close = office.page("close")
        close.day.setDate(close.day.date().addDays(-1))
        close.show_x()
        wait(lambda: close.report is not None and close.report["business_day"] == close.day_text
             and not win.worker.pending)
        self.window_shot(win, f"backoffice_close_x_{tag}")
        self.dialog_shot(win, _sample_deposit(close), f"dialog_deposit_{tag}")
        office.show_module("settings")
        settings_page = office.page("settings")
        wait(lambda: bool(settings_page.shown_values) and not win.worker.pending)
        self.window_shot(win, f"backoffice_settings_{tag}")
        office.show_module("stock")
        stock_page = office.page("stock")
        wait(lambda: stock_page.stock_table.rowCount() > 0 and not win.worker.pending)
        self.window_shot(win, f"backoffice_stock_{tag}")
        stock_page.tabs.setCurrentIndex(3)
        wait(lambda: not win.worker.pending)
        self.window_shot(win, f"backoffice_stock_count_{tag}")
        stock_page.tabs.setCurrentWidget(stock_page.shelves)  # 货位
        wait(lambda: stock_page.shelves.table.rowCount() > 0 and not win.worker.pending)
        self.window_shot(win, f"backoffice_shelves_{tag}")
        stock_page.tabs.setCurrentIndex(0)
        for code in ("6901234567892", "1001"):  # 可口可乐, 红富士苹果 (weighed: its price per 500 g)
            office.ctx.client.request_label(code)
        office.show_module("labels")
        labels_page = office.page("labels")
        wait(lambda: bool(labels_page.items) and labels_page.preview.document is not None and not win.worker.pending)
        self.window_shot(win, f"backoffice_labels_{tag}")
        self._people_pages(win, office, tag)

    def _people_pages(self, win: MainWindow, office: Any, tag: str) -> None:
        """人员, 审计 and 会员 (a sample member: the scratch store has no HQ)."""
        office.show_module("staff")
        staff = office.page("staff")
        wait(lambda: bool(staff.rows) and not win.worker.pending)
        self.window_shot(win, f"backoffice_staff_{tag}")
        for lock in (True, False):  # a scratch store's log has something to show
            office.ctx.client.lock_operator("5001", lock)
        office.show_module("audit")
        audit = office.page("audit")
        audit.refresh()
        audit.verify()
        wait(lambda: audit.verdict is not None and not win.worker.pending)
        self.window_shot(win, f"backoffice_audit_{tag}")
        office.show_module("members")
        members = office.page("members")
        members.query.setText("13800005678")
        members.show_member(SAMPLE_MEMBER_360)
        self.window_shot(win, f"backoffice_members_{tag}")

    def _back_office(self, win: MainWindow, lang: str, sizes: tuple[QSize, ...]) -> None:
        """The manager's back office: every page at 1024×768, the dashboard at each size too."""
        win.logout()
        settle(0.05)
        win.resize(sizes[0])
        win.apply_theme_now()
        win.login.operator_edit.setText(MANAGER[0])
        win.login.pin_edit.setText(MANAGER[1])
        win.login.submit()
        wait(lambda: win.backoffice is not None and win.stack.currentWidget() is win.backoffice)
        office = win.backoffice
        for size in sizes:
            tag = f"{lang}_{size.width()}x{size.height()}"
            win.resize(size)
            win.apply_theme_now()
            self._overview(win, office, tag, thirty_days=size == sizes[0])
            if size == sizes[0]:
                self._back_office_pages(win, office, tag)
        win.logout()

    def _shift_close(self, win: MainWindow, tag: str) -> None:
        """交班: the blind count, the server refusing it (a ticket is open), and a result."""
        screen = win.shift_close
        win.show_shift_close()
        screen.counted_edit.setText("1268.50")
        self.window_shot(win, f"shift_close_{tag}")
        screen.submit()
        wait(lambda: screen.message.kind == "error" and not win.worker.pending)
        self.window_shot(win, f"shift_close_refused_{tag}")
        screen.show_result(ShiftClose(expected=127200, counted=126850, over_short=-350))
        self.window_shot(win, f"shift_close_result_{tag}")
        win._back_to_checkout()

    def _sale_figures(self, win: MainWindow, tag: str) -> None:
        """The side panel after a part payment (still due), and after the sale (the change), from
        sample figures: the screenshots never take money on the server."""
        checkout = win.checkout
        ticket = checkout.ticket
        paid = 10000 if ticket.total > 10000 else ticket.total // 2
        checkout.show_ticket(dataclasses.replace(ticket, paid=paid, due=ticket.total - paid))
        self.window_shot(win, f"checkout_part_paid_{tag}")
        cash = -(-ticket.total // 10000) * 10000
        done = dataclasses.replace(ticket, status="completed", paid=cash, due=0, change=cash - ticket.total)
        checkout.model.set_ticket(None)  # the next customer's ticket, empty
        checkout.show_change(Completion("T01-20261201-0042", ticket.total, cash - ticket.total, 0, done))
        self.window_shot(win, f"checkout_change_{tag}")
        checkout.message.clear_message()
        checkout.totals.forget_sale()
        checkout.show_ticket(ticket)

    def _want(self, names: set[str] | None, name: str) -> bool:
        return names is None or name in names

    def _one_size(self, win: MainWindow, lang: str, size: QSize, names: set[str] | None) -> None:
        tag = f"{lang}_{size.width()}x{size.height()}"
        win.resize(size)
        settle(0.05)
        win.apply_theme_now()
        checkout = win.checkout
        # log in afresh at every size so the login screen is grabbed too
        if win.stack.currentWidget() is not None:
            win.logout()
            settle(0.05)
            win.login.operator_edit.setText(self.operator)
            if self._want(names, "login"):
                self.window_shot(win, f"login_{tag}")
            win.login.pin_edit.setText(self.pin)
            win.login.submit()
            wait(lambda: win.stack.currentWidget() is not win.login)
        if self._want(names, "shift"):
            opened = win.stack.currentWidget() is win.shift
            win._show_shift()
            win.shift.float_edit.setText("500.00")
            self.window_shot(win, f"shift_open_{tag}")
            if not opened:
                win.stack.setCurrentWidget(checkout)
        if win.stack.currentWidget() is win.shift:
            win.shift.float_edit.setText("500")
            win.shift.submit()
        wait(lambda: win.stack.currentWidget() is checkout and checkout.ticket is not None and not win.worker.pending)
        if not checkout.ticket.active_lines:
            for code in DEMO_CODES:
                checkout.scan(code)
            checkout.scan(f"3*{DEMO_CODES[0]}")
            wait(lambda: len(checkout.ticket.lines) >= len(DEMO_CODES))
            wait(lambda: not win.worker.pending)
        checkout.message.clear_message()
        self.window_shot(win, f"checkout_{tag}")
        if self._want(names, "more"):
            checkout.more_button.setChecked(True)  # 更多: the Ctrl-key functions as buttons
            self.window_shot(win, f"checkout_more_{tag}")
            checkout.more_button.setChecked(False)
        if self._want(names, "paid"):
            self._sale_figures(win, tag)
        if self._want(names, "error"):
            checkout.scan("6901234567891")
            wait(lambda: checkout.message.kind == "error")
            self.window_shot(win, f"checkout_bad_scan_{tag}")
            checkout.message.clear_message()
        ticket = checkout.ticket
        line = ticket.active_lines[0]
        dialogs: list[tuple[str, Callable[[], QDialog]]] = [
            ("help", lambda: HelpDialog(checkout)),
            ("quantity", lambda: QuantityDialog(line, checkout)),
            ("price", lambda: PriceDialog(line, checkout)),
            ("override", lambda: OverrideDialog("price_override", checkout)),
            ("parked", lambda: ParkedTicketsDialog([ticket], checkout)),
            ("tender", lambda: CashTenderDialog(ticket, checkout)),
            ("cancel_ticket", lambda: checkout.cancel_dialog(ticket)),
        ]
        for name, make in dialogs:
            if self._want(names, name):
                self.dialog_shot(win, make(), f"dialog_{name}_{tag}")
        if self._want(names, "sync"):
            self.dialog_shot(win, sample_sync_page(checkout, lang), f"dialog_sync_{tag}")
        for name, make in loyalty_samples(win, ticket, lang):
            if self._want(names, name):
                self.dialog_shot(win, make(), f"dialog_{name}_{tag}")
        if self._want(names, "shift_close"):
            self._shift_close(win, tag)
        if self._want(names, "search"):
            search = ProductSearchDialog(win.ctx.client, win.worker, checkout)
            search.query.setText("kkkl")
            search.show()
            wait(lambda: search.model.rowCount() > 0)
            self.dialog_shot(win, search, f"dialog_search_{tag}")


MANAGER = ("9001", "9999")


def _sample_deposit(close: Any) -> QDialog:
    """缴款 as the manager fills it in (sample figures)."""
    from ui.backoffice.close import DepositDialog

    dialog = DepositDialog(12, 1_268_850, close)
    dialog.taken_by.setText("工行押运 刘强" if close.ctx.language != "en" else "ICBC courier Liu Qiang")
    return dialog


SAMPLE_MEMBER = {
    "member_no": "800000000042", "name": "赵敏", "phone": "138****5678", "tier": "gold", "growth": 6120,
    "points": 1280, "points_expiring": {"points": 600, "on": "2026-12-31"}, "wallet": {"cards": ["9123456789012345"], "balance": 12000},
    "recent": [{"sale_id": "T01-20261120-0031", "store": "徐汇店", "at": "2026-11-20T18:42", "total": 8650, "items": 7},
               {"sale_id": "T02-20261112-0107", "store": "静安店", "at": "2026-11-12T12:05", "total": 2390, "items": 2}],
    "coupons": [{"code": "E0007123456789", "name": "满50减10", "kind": "threshold", "value": 1000, "threshold": 5000,
                 "valid_to": "2026-12-31T23:59:59+08:00"},
                {"code": "E0009876543210", "name": "全场9折", "kind": "percent", "value": 9000, "threshold": 0,
                 "valid_to": "2026-12-15T23:59:59+08:00"}],
}


SAMPLE_MEMBER_360: dict[str, Any] = {
    "member_no": "800000000042", "name": "李娜", "phone": "138****5678", "registered_at": "2025-03-08T10:12:00+00:00",
    "registered_store": "上海静安店", "tier": "silver", "growth": 3260, "next_tier": "gold", "growth_to_next": 1740,
    "points": 1280, "balance": 15_600,
    "points_history": [{"at": "2026-12-02T18:21:05+00:00", "delta": 31, "reason": "sale", "ref": "S001:T01-20261202-0031"},
                       {"at": "2026-11-28T09:02:44+00:00", "delta": -500, "reason": "spend", "ref": "S001:4411:9f0c"}],
    "cards": [{"card_no": "6200000000004217", "kind": "wallet", "principal": 13_000, "bonus": 2_600, "active": True}],
    "stored_value_history": [
        {"at": "2026-11-20T12:00:00+00:00", "card_no": "6200000000004217", "kind": "topup", "principal": 10_000,
         "bonus": 2_000, "store": "上海静安店"},
        {"at": "2026-11-25T19:40:00+00:00", "card_no": "6200000000004217", "kind": "spend", "principal": -2_590,
         "bonus": -410, "store": "上海徐汇店"}],
    "coupons": [{"code": "C8800042", "state": "issued", "name": "满50减10", "value": 1000,
                 "valid_to": "2026-12-31T15:59:59+00:00"}],
    "purchases": [{"sale_id": "T01-20261202-0031", "store": "上海静安店", "at": "2026-12-02T18:21:05", "total": 3180,
                   "items": 4},
                  {"sale_id": "T02-20261128-0112", "store": "上海徐汇店", "at": "2026-11-28T09:02:44", "total": 8990,
                   "items": 7}],
    "topup_bonus": [{"from": 10_000, "bonus": 2_000}, {"from": 50_000, "bonus": 12_000}],
}


def loyalty_samples(win: MainWindow, ticket: Any, lang: str) -> list[tuple[str, Callable[[], QDialog]]]:
    """The member, coupon, stored-value and return dialogs as a cashier sees them (sample data)."""
    from ui.api import Product
    from ui.loyalty import (
        CouponDialog,
        GiftCardDialog,
        MemberDialog,
        NoReceiptReturnDialog,
        PointsDialog,
        ReturnDialog,
        StoredValueDialog,
        TopUpDialog,
    )

    checkout, client, worker = win.checkout, win.ctx.client, win.worker

    def member() -> QDialog:
        dialog = MemberDialog(client, worker, checkout)
        dialog.edit.setText("13800005678")
        dialog.show_member(SAMPLE_MEMBER)
        return dialog

    def sale() -> QDialog:
        dialog = ReturnDialog(client, worker, checkout)
        dialog.sale_edit.setText("T01-20261126-0042")
        dialog.show_sale({"sale_id": "T01-20261126-0042", "lines": [
            {"id": 1, "name": "康师傅 红烧牛肉面 5连包", "paid": 1158, "returnable": 2},
            {"id": 2, "name": "可口可乐 330ml", "paid": 314, "returnable": 1},
            {"id": 3, "name": "礼品卡 100元", "paid": 10000, "returnable": 0, "gift_card": True}]})
        return dialog

    def search() -> QDialog:
        dialog = ReturnDialog(client, worker, checkout)
        dialog.sale_edit.setText("25.80")
        dialog.show_matches([
            {"sale_id": f"T0{n % 2 + 1}-20261201-00{42 - n}", "completed_at": f"2026-12-01T1{6 - n}:2{n}:05",
             "total": 2580, "member_no": "800000000042" if n == 1 else None} for n in range(3)])
        return dialog

    def without_receipt() -> QDialog:
        dialog = NoReceiptReturnDialog(client, worker, checkout)
        dialog.reason.setText("顾客无小票")
        dialog._add_row("6901234567915", Product("A0000003", "6901234567915", "康师傅 红烧牛肉面 5连包", 1290))
        dialog._add_row("6901234567892", Product("A0000001", "6901234567892", "可口可乐 330ml", 350))
        dialog.table.cellWidget(0, 2).setValue(2)
        return dialog

    def stored_value() -> QDialog:
        dialog = StoredValueDialog(client, worker, ticket.id, ticket.total, "", checkout)
        dialog.card.setText("7012345678901234")  # a gift card scanned: what it holds and until when
        dialog.show_balance("7012345678901234", {"balance": 8710, "kind": "gift_card", "last_day": "2029-11-30",
                                                 "expired": False})
        dialog.amount.setFocus()
        return dialog

    def gift_card() -> QDialog:
        from app.messages import message

        reason = message("gift_card_required", lang, {"name": "礼品卡 100元"})
        return GiftCardDialog(client, worker, ticket.id, "6901234567960", reason, checkout)

    def paycode() -> QDialog:
        from ui.paycode import PaycodeDialog

        dialog = PaycodeDialog(client, worker, ticket.id, ticket.due_exact or ticket.total, "", checkout)
        dialog.show_attempt({"id": 1, "state": "polling", "in_flight": True, "final": False, "seconds_left": 38,
                             "raw_code": "USERPAYING", "message": ""})  # the customer is typing the password
        dialog.timer.stop()
        return dialog

    def top_up() -> QDialog:
        dialog = TopUpDialog(client, worker, "6200000000004217", SAMPLE_MEMBER_360["topup_bonus"], checkout)
        dialog.amount.setText("100")
        return dialog

    return [
        ("paycode", paycode),
        ("member", member),
        ("coupon", lambda: CouponDialog(client, worker, ticket.id, SAMPLE_MEMBER["coupons"], checkout)),
        ("stored_value", stored_value),
        ("points", lambda: PointsDialog(client, worker, ticket.id, ticket.total, 1280, checkout)),
        ("return", sale),
        ("return_search", search),
        ("return_no_receipt", without_receipt),
        ("gift_card", gift_card),
        ("top_up", top_up),
    ]


def sample_sync_page(parent: QWidget, lang: str = "zh_CN") -> SyncDialog:
    """The sync page as it looks with the HQ link down and two uploads stuck (sample data)."""
    from app.messages import message

    page = SyncDialog(None, None, parent)
    # as the store records them: HQ's code, then its message (or the network library's)
    unreachable = ("hq_unreachable: HTTPSConnectionPool(host='hq.example.cn', port=443): Max retries exceeded "
                   "with url: /api/v1/sync/events (Caused by ConnectTimeoutError)")
    refused = "unknown_store: " + message("unknown_store", "zh_CN", {"store": "S001"})
    page.show_status(SyncStatus(enrolled=True, online=False, backlog=12, last_sync="2024-05-01T14:03:00",
                                last_error=unreachable, feed_cursor=120345, feed_applied=120345))
    page.show_stuck([
        StuckEvent(41, "5f0c…e2", "sale_completed", 7, refused, "2024-05-01T13:58:10"),
        StuckEvent(42, "9a31…07", "shift_closed", 7, refused, "2024-05-01T14:01:44"),
    ])
    page.show_conflicts([
        {"id": 7, "at": "2024-05-01T13:40:00", "action": "commit", "subject": "P0012004417731",
         "message": message("coupon_used", lang, {"code": "P0012004417731"})},
        {"id": 5, "at": "2024-05-01T11:02:00", "action": "activate", "subject": "7012345678901234",
         "message": message("gift_card_sold", lang, {"card": "7012345678901234"})},
    ])
    page.conflicts.selectRow(0)  # the manager picked one: 处理… is ready
    return page


QColorAlpha = None  # set in main() once a QApplication exists


def sample_orders() -> list[dict[str, Any]]:
    """Online orders in every column of the board (as the store server answers them)."""
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)

    def line(n: int, name: str, qty: int, price: int, status: str = "open", picked: int = 0,
             weight: int | None = None, picked_weight: int | None = None) -> dict[str, Any]:
        amount = price * qty if weight is None else price * weight // 1000
        return {"line_no": n, "product_code": f"A{n:07d}", "barcode": None, "name": name, "qty": qty,
                "weight_g": weight, "unit_price": price, "amount": amount, "status": status, "picked_qty": picked,
                "picked_weight_g": picked_weight, "picked_amount": price * picked if weight is None else amount,
                "substitute_code": None, "location": f"A-{n:02d}-{n % 3 + 1}" if n < 3 else None}

    def order(n: int, channel: str, state: str, column: str, lines: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        return {"id": n, "seq": n, "channel": channel, "channel_order_no": (f"270156609134{n:05d}" if channel != "own" else f"W2026120300{n:04d}"),
                "state": state, "column": column, "fulfilment": extra.pop("fulfilment", "pickup"),
                "customer_name_masked": "张**", "customer_phone": "138****5678",
                "accept_by": (now + timedelta(seconds=40 + 37 * n)).isoformat(), "allow_substitute": True,
                "note": extra.pop("note", ""), "paid": sum(x["amount"] for x in lines),
                "item_count": sum(x["qty"] for x in lines), "cancelled_mid_pick": False, "cancel_reason": None,
                "steps_waiting": 0, "step_refused": None, "sale_id": None, "rider": None, "lines": lines, **extra}

    return [
        order(1, "meituan", "assigned", "new", [line(1, "可口可乐 330ml", 2, 350), line(2, "康师傅 红烧牛肉面 5连包", 1, 1290)]),
        order(2, "eleme", "assigned", "new", [line(1, "农夫山泉 饮用天然水 550ml", 6, 200)], fulfilment="delivery"),
        order(3, "own", "picking", "picking", [line(1, "可口可乐 330ml", 3, 350, "picked", 3),
                                                line(2, "红富士苹果", 1, 1298, weight=500),
                                                line(3, "农夫山泉 饮用天然水 550ml", 2, 200, "open", 1)],
              note="不要塑料袋", steps_waiting=1),
        order(4, "meituan", "picking", "to_pack", [line(1, "康师傅 红烧牛肉面 5连包", 2, 1290, "short", 1)]),
        order(5, "eleme", "ready", "waiting", [line(1, "可口可乐 330ml", 1, 350, "picked", 1)], fulfilment="delivery",
              rider={"status": "arriving", "name": "王师傅", "phone": "139****0000"}),
        order(6, "own", "handed_over", "done", [line(1, "农夫山泉 饮用天然水 550ml", 1, 200, "picked", 1)],
              sale_id="T01-20261203-0042"),
        order(7, "meituan", "cancelled", "aside", [line(1, "可口可乐 330ml", 2, 350)], cancelled_mid_pick=True,
              cancel_reason="用户取消"),
    ]


def board_screenshots(out: Path, lang: str) -> list[Path]:
    """The O2O board in each of its states, at each size, from sample orders (no server needed)."""
    from ui.api import O2OPage
    from ui.board import BoardWindow, HandoverDialog
    from ui.context import TillContext
    from ui.worker import Worker

    out.mkdir(parents=True, exist_ok=True)
    worker = Worker()
    board = BoardWindow(TillContext(client=StoreClient("http://127.0.0.1:9", language=lang), worker=worker,
                                    till="T01"))
    board.alarm.timer.setInterval(3_600_000)  # quiet while shooting
    page = O2OPage.from_json({"orders": sample_orders(), "cursor": 7, "new": 2})
    saved: list[Path] = []
    tag = "zh" if lang.startswith("zh") else "en"
    board.show()
    try:
        for size in SIZES:
            board.resize(size)
            board.apply_page(page)
            for name, selected in (("board_new", 1), ("board_picking", 3), ("board_to_pack", 4),
                                   ("board_waiting", 5), ("board_done", 6), ("board_cancelled", 7)):
                board.select(selected)
                settle()
                path = out / f"{name}_{tag}_{size.width()}x{size.height()}.png"
                board.grab().save(str(path))
                saved.append(path)
            board.select(5)
            dialog = HandoverDialog(board, board.orders[5])
            dialog.show()
            settle()
            base = board.grab()
            shot = dialog.grab()
            painter = QPainter(base)
            painter.drawPixmap(QPoint((base.width() - shot.width()) // 2, (base.height() - shot.height()) // 2), shot)
            painter.end()
            path = out / f"board_handover_{tag}_{size.width()}x{size.height()}.png"
            base.save(str(path))
            saved.append(path)
            dialog.close()
    finally:
        board.close()
        worker.stop()
    return saved


def main(argv: list[str] | None = None) -> int:
    global QColorAlpha
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=None,
                        help="a running store server; by default a scratch one is seeded and started")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--till", default="T01")
    parser.add_argument("--operator", default="1001")
    parser.add_argument("--pin", default="1234")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="only these screens (e.g. backoffice, login, tender); repeat for more")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_app([], "zh_CN")
    from PySide6.QtGui import QColor

    QColorAlpha = QColor(0, 0, 0, 90)
    with contextlib.ExitStack() as stack:
        server = args.server or stack.enter_context(scratch_store_server())
        shooter = Shooter(Path(args.out), server, args.till, args.operator, args.pin)
        only = set(args.only) if args.only else None
        shooter.run("zh_CN", SIZES, only)
        shooter.run("en", (SIZES[0],), only)
    if not args.only or "board" in args.only:
        for lang in ("zh_CN", "en"):
            create_app([], lang)
            shooter.saved += board_screenshots(Path(args.out), lang)
    if not args.only:
        from ui import diagnostics

        for lang in ("zh_CN", "en"):
            create_app([], lang)
            shooter.saved += diagnostics.save_screenshots(Path(args.out))
    for path in shooter.saved:
        print(path)
    return 0


@contextlib.contextmanager
def scratch_store_server() -> Iterator[str]:
    """A store server on a free loopback port over a freshly seeded catalog in a temporary home."""
    import socket
    import subprocess
    import sys
    import tempfile

    import requests

    with tempfile.TemporaryDirectory(prefix="omnistore-shots-") as home:
        env = {**os.environ, "OMNISTORE_HOME": home}
        me = [sys.executable, "-m", "omnistore"]
        subprocess.run([*me, "seed", "--products", "3000", "--sample-promotions", "--sample-shelves", "--history-days",
                        "40"], env=env,
                       check=True,
                       stdout=subprocess.DEVNULL)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen([*me, "store-server", "--port", str(port)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            def healthy() -> bool:
                try:
                    return requests.get(url + "/healthz", timeout=1).ok
                except requests.RequestException:
                    return False

            wait(healthy, timeout=60)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a loaded machine: the shots are taken, don't fail on it
                process.kill()
                process.wait()


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: Qt's objects going away in any order can crash it
