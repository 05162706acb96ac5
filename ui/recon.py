"""对账 for HQ finance (every store) or a store's manager (their store): one window over two
kinds of client. HQ finance's (``ReconClient``) talks to HQ's reconciliation API with a finance key,
opened by ``omnistore client --recon --hq URL --key K``; the store manager's
(``StoreReconClient``) talks to the store server, which asks HQ for this store's days only — the
back office's 对账 page. For a store manager the store is fixed, the payouts (a merchant's, every
store's) and the bill import are HQ's and not shown, and reopening a closed day is HQ finance's.

* a calendar: days × channels per store, each cell coloured by its state (matched, differences,
  missing bill), a closed day marked;
* a day: ours against the provider's per channel, fees and payout, every difference with its
  resolution; a difference drills down to our sale (its tenders and lines) and the bill's row,
  and in the store also to the payment attempts' history and the receipt;
* resolve a difference with a reason, close the day, reopen it (HQ finance), import a bill file.

Every call runs on the one background worker (``ui.worker``): the window never waits on HQ.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import requests
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.sale import label as tender_label
from app.messages import message
from ui.api import ApiError, BackOfficeClient
from ui.formats import yuan
from ui.worker import Worker

CHANNELS = ("wechat", "alipay", "meituan", "eleme")
#: a state's colour on the calendar
COLOURS = {"matched": "#c8e6c9", "differences": "#ffcdd2", "missing_bill": "#ffe0b2", "empty": "#eeeeee"}
ACTIONS = ("write_off", "adjust", "refund_owed", "chase")


class ReconError(Exception):
    """HQ refused: its code and its message in the window's language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ReconClient:
    """HQ's reconciliation API with a finance (or admin) key: every store."""

    hq: str
    key: str
    language: str = "zh_CN"
    timeout: float = 30.0
    #: HQ finance: every store, the payouts, the import, reopening a day
    finance = True

    def _call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.key}", "Accept-Language": self.language.replace("_", "-")}
        try:
            answer = requests.request(method, self.hq.rstrip("/") + "/api/v1" + path, json=body, params=params or None,
                                      headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            raise ReconError("hq_unreachable", str(error)) from None
        if answer.status_code != 200:
            try:
                data = answer.json()
                raise ReconError(str(data.get("code", answer.status_code)), str(data.get("message", answer.text)))
            except ValueError:
                raise ReconError(str(answer.status_code), answer.text[:200]) from None
        return answer.json()

    def calendar(self, first: date, last: date, store: str = "") -> list[dict[str, Any]]:
        params = {"from": first.isoformat(), "to": last.isoformat(), **({"store": store} if store else {})}
        return list(self._call("GET", "/recon/calendar", **params)["days"])

    def payouts(self, first: date, last: date) -> dict[str, Any]:
        return dict(self._call("GET", "/recon/payouts", **{"from": first.isoformat(), "to": last.isoformat()}))

    def day(self, store: str, day: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/recon/days/{store}/{day}"))

    def sale(self, store: str, sale_id: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/recon/sales/{store}/{sale_id}"))

    def resolve(self, store: str, day: str, channel: str, key: str, action: str, note: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/recon/days/{store}/{day}/resolve",
                               {"channel": channel, "key": key, "action": action, "note": note}))

    def close_day(self, store: str, day: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/recon/days/{store}/{day}/close"))

    def reopen_day(self, store: str, day: str, note: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/recon/days/{store}/{day}/reopen", {"note": note}))

    def import_file(self, path: Path) -> dict[str, Any]:
        content = base64.b64encode(path.read_bytes()).decode()
        return dict(self._call("POST", "/recon/imports", {"filename": path.name, "content": content}))


@dataclass
class StoreReconClient:
    """The store manager's: the store server's ``/api/v1/recon`` (their store only, HQ asked by the
    store). The ``store`` arguments of the window's calls are the store's own, whatever they say."""

    client: BackOfficeClient
    language: str = "zh_CN"
    finance = False

    def _call(self, call: Callable[[], Any]) -> dict[str, Any]:
        try:
            return dict(call())
        except ApiError as error:
            raise ReconError(error.code, error.message) from None

    def calendar(self, first: date, last: date, store: str = "") -> list[dict[str, Any]]:
        return list(self._call(lambda: self.client.recon_calendar(first.isoformat(), last.isoformat()))["days"])

    def day(self, store: str, day: str) -> dict[str, Any]:
        return self._call(lambda: self.client.recon_day(day))

    def sale(self, store: str, sale_id: str) -> dict[str, Any]:
        return self._call(lambda: self.client.recon_sale(sale_id))

    def resolve(self, store: str, day: str, channel: str, key: str, action: str, note: str) -> dict[str, Any]:
        return self._call(lambda: self.client.recon_resolve(day, channel, key, action, note))

    def close_day(self, store: str, day: str) -> dict[str, Any]:
        return self._call(lambda: self.client.recon_close(day))


class ResolveDialog(QDialog):
    """处理差异: the reason and a note."""

    def __init__(self, difference: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve a difference"))
        form = QFormLayout(self)
        form.addRow(self.tr("Difference"), QLabel(f"{difference['kind']}  {yuan(difference['amount'])}"))
        self.action = QComboBox()
        labels = {"write_off": self.tr("Write off"), "adjust": self.tr("Adjust"),
                  "refund_owed": self.tr("Refund owed to the customer"), "chase": self.tr("Chase the provider")}
        for action in ACTIONS:
            self.action.addItem(labels[action], action)
        form.addRow(self.tr("Reason"), self.action)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What was found, what was done"))
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ReconWindow(QMainWindow):
    """The calendar, the day and its differences, side by side."""

    def __init__(self, client: ReconClient | StoreReconClient, store: str = "", worker: Worker | None = None,
                 today: date | None = None) -> None:
        super().__init__()
        self.client = client
        self.worker = worker or Worker(self)
        self.current: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Reconciliation"))
        self.resize(1280, 860)
        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)

        bar = QHBoxLayout()
        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        start = today or date.today()
        self.month.setDate(QDate(start.year, start.month, 1))
        self.store = QLineEdit(store)
        self.store.setPlaceholderText(self.tr("Store code (empty: every store)"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.import_button = QPushButton(self.tr("Import a bill…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(160)
        bar.addWidget(QLabel(self.tr("Month")))
        bar.addWidget(self.month)
        bar.addWidget(self.store, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.progress)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.calendar = QTableWidget(0, 3 + len(CHANNELS))
        self.calendar.setHorizontalHeaderLabels([self.tr("Store"), self.tr("Day"), *self._channel_names(),
                                                 self.tr("Open")])
        self.calendar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calendar.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calendar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.calendar.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.payouts = QTableWidget(0, 6)
        self.payouts.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("Bill day"), self.tr("Due"),
                                                self.tr("Expected"), self.tr("State"), self.tr("Arrived")])
        self.payouts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.payouts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.addTab(self.payouts, self.tr("Payouts"))
        split.addWidget(self.tabs)

        day_panel = QWidget()
        day_layout = QVBoxLayout(day_panel)
        self.day_title = QLabel(self.tr("Choose a day"))
        self.day_title.setObjectName("title")
        day_layout.addWidget(self.day_title)
        self.totals = QTableWidget(0, 7)
        self.totals.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("State"), self.tr("Ours"),
                                               self.tr("Theirs"), self.tr("Fees"), self.tr("Payout"),
                                               self.tr("Open")])
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        day_layout.addWidget(self.totals)
        self.differences = QTableWidget(0, 6)
        self.differences.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("Kind"), self.tr("Amount"),
                                                    self.tr("Our sale"), self.tr("Bill row"), self.tr("Resolution")])
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.differences.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.differences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        day_layout.addWidget(self.differences, 1)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(180)
        day_layout.addWidget(self.detail)
        actions = QHBoxLayout()
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.close_button = QPushButton(self.tr("Close the day"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        for button in (self.resolve_button, self.close_button, self.reopen_button):
            button.setEnabled(False)
            actions.addWidget(button)
        actions.addStretch(1)
        day_layout.addLayout(actions)
        self.status = QLabel("")
        day_layout.addWidget(self.status)
        split.addWidget(day_panel)
        split.setSizes([480, 800])
        layout.addWidget(split, 1)
        if not client.finance:  # a store's manager: their store, no payouts, no import, no reopening
            self.store.setReadOnly(True)
            self.store.setPlaceholderText(self.tr("This store"))
            self.import_button.setVisible(False)
            self.reopen_button.setVisible(False)
            self.tabs.removeTab(self.tabs.indexOf(self.payouts))

        self.refresh_button.clicked.connect(self.refresh)
        self.import_button.clicked.connect(self.choose_file)
        self.calendar.itemSelectionChanged.connect(self._open_selected_day)
        self.differences.itemSelectionChanged.connect(self._show_selected_difference)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.close_button.clicked.connect(self.close_day)
        self.reopen_button.clicked.connect(self.reopen_day)
        self.refresh()

    # ---- names ---------------------------------------------------------------------------------
    def _channel_names(self) -> list[str]:
        return [self.tr("WeChat Pay"), self.tr("Alipay"), self.tr("Meituan"), self.tr("Ele.me")]

    def _state_name(self, state: str) -> str:
        return {"matched": self.tr("Matched"), "differences": self.tr("Differences"),
                "missing_bill": self.tr("Missing bill"), "empty": self.tr("Nothing")}.get(state, state)

    def _kind_name(self, kind: str) -> str:
        return {"ours_only": self.tr("Ours only (short)"), "theirs_only": self.tr("Provider only (over)"),
                "amount_mismatch": self.tr("Amount differs"), "reversed": self.tr("Reversed after success"),
                "reversed_closed": self.tr("Reversed, closed"), "timing": self.tr("Other day (cut-off)"),
                "refund_other_day": self.tr("Refund of another day"),
                "awaiting_bill": self.tr("Awaiting the bill")}.get(kind, kind)

    # ---- background calls ----------------------------------------------------------------------
    def _run(self, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.progress.setVisible(True)

        def finished(value: Any) -> None:
            self.progress.setVisible(False)
            done(value)

        def failed(error: Exception) -> None:
            self.progress.setVisible(False)
            self.status.setText(str(error))

        self.worker.submit(call, finished, failed, owner=self)

    def refresh(self) -> None:
        first = self.month.date().toPython()
        assert isinstance(first, date)
        first = first.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        store = self.store.text().strip()
        self._run(lambda: self.client.calendar(first, last, store), self._show_calendar)
        if isinstance(self.client, ReconClient):
            client = self.client
            self._run(lambda: client.payouts(first, last), self._show_payouts)

    def _show_payouts(self, answer: dict[str, Any]) -> None:
        names = dict(zip(CHANNELS, self._channel_names(), strict=True))
        states = {"received": self.tr("Received"), "pending": self.tr("Pending"), "not_due": self.tr("Not due")}
        colours = {"received": COLOURS["matched"], "pending": COLOURS["differences"], "not_due": COLOURS["empty"]}
        rows = answer["payouts"]
        self.payouts.setRowCount(len(rows))
        for row, payout in enumerate(rows):
            values = [names.get(payout["channel"], payout["channel"]), payout["bill_day"], payout["due"],
                      yuan(payout["expected"]), states.get(payout["state"], payout["state"]),
                      payout["received_on"] or ""]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setBackground(QBrush(QColor(colours.get(payout["state"], "#ffffff"))))
                self.payouts.setItem(row, column, item)

    def _show_calendar(self, days: list[dict[str, Any]]) -> None:
        if not self.client.finance and days:
            self.store.setText(days[0]["store"])
        self.calendar.setRowCount(len(days))
        for row, day in enumerate(days):
            self.calendar.setItem(row, 0, QTableWidgetItem(day["store"]))
            marker = "🔒 " if day["closed"] else ""
            self.calendar.setItem(row, 1, QTableWidgetItem(marker + day["day"]))
            for column, channel in enumerate(CHANNELS, start=2):
                state = day["states"].get(channel, "empty")
                item = QTableWidgetItem(self._state_name(state))
                item.setData(Qt.ItemDataRole.UserRole, state)
                item.setBackground(QBrush(QColor(COLOURS.get(state, "#ffffff"))))
                self.calendar.setItem(row, column, item)
            self.calendar.setItem(row, 2 + len(CHANNELS), QTableWidgetItem(str(day["open"])))
            self.calendar.item(row, 0).setData(Qt.ItemDataRole.UserRole, (day["store"], day["day"]))
        self.status.setText(self.tr("%n day(s)", "", len(days)))

    def _open_selected_day(self) -> None:
        rows = self.calendar.selectionModel().selectedRows()
        if not rows:
            return
        store, day = self.calendar.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        self.open_day(store, day)

    def open_day(self, store: str, day: str) -> None:
        self._run(lambda: self.client.day(store, day), self._show_day)

    def _show_day(self, view: dict[str, Any]) -> None:
        self.current = view
        closed = self.tr("closed") if view["closed"] else self.tr("open")
        self.day_title.setText(f"{view['store']}  {view['day']}  ({closed})")
        channels = view["channels"]
        self.totals.setRowCount(len(channels))
        names = dict(zip(CHANNELS, self._channel_names(), strict=True))
        for row, channel in enumerate(channels):
            values = [names.get(channel["channel"], channel["channel"]), self._state_name(channel["state"]),
                      yuan(channel["ours_net"]), yuan(channel["theirs_net"]), yuan(channel["fees"]),
                      yuan(channel["payout"]), str(channel["open"])]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setBackground(QBrush(QColor(COLOURS.get(channel["state"], "#ffffff"))))
                self.totals.setItem(row, column, item)
        found = [(channel["channel"], d) for channel in channels for d in channel["differences"]]
        self.differences.setRowCount(len(found))
        for row, (channel, d) in enumerate(found):
            ours, theirs = d["ours"] or {}, d["theirs"] or {}
            resolution = d["resolution"]
            values = [names.get(channel, channel), self._kind_name(d["kind"]), yuan(d["amount"]),
                      ours.get("sale_id", ""), theirs.get("out_trade_no") or theirs.get("transaction_id", ""),
                      f"{resolution['action']}: {resolution['note']}" if resolution else
                      (self.tr("to resolve") if d["actionable"] else "")]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if d["actionable"] and not resolution:
                    item.setForeground(QBrush(QColor("#b71c1c")))
                self.differences.setItem(row, column, item)
            self.differences.item(row, 0).setData(Qt.ItemDataRole.UserRole, (channel, d))
        self.detail.clear()
        self.resolve_button.setEnabled(False)
        self.close_button.setEnabled(not view["closed"])
        self.reopen_button.setEnabled(bool(view["closed"]) and self.client.finance)
        cash = view.get("cash")
        if cash:
            self.status.setText(self.tr("Cash: counted %1, deposited %2, banked %3")
                                .replace("%1", yuan(cash["counted"] or 0)).replace("%2", yuan(cash["deposited"]))
                                .replace("%3", yuan(cash["banked"]) if cash["banked"] is not None else "—"))
        else:
            self.status.setText("")

    def selected_difference(self) -> tuple[str, dict[str, Any]] | None:
        rows = self.differences.selectionModel().selectedRows()
        if not rows:
            return None
        found: tuple[str, dict[str, Any]] = self.differences.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return found

    def _show_selected_difference(self) -> None:
        picked = self.selected_difference()
        if picked is None or self.current is None:
            return
        channel, d = picked
        self.resolve_button.setEnabled(bool(d["actionable"] and not d["resolution"] and not self.current["closed"]))
        lines = [f"{self._kind_name(d['kind'])}  {yuan(d['amount'])}"]
        if d["theirs"]:
            t = d["theirs"]
            lines.append(self.tr("Bill row: %1 %2 at %3, fee %4, %5").replace("%1", t["out_trade_no"] or "-")
                         .replace("%2", yuan(t["amount"])).replace("%3", t["at"]).replace("%4", yuan(t["fee"]))
                         .replace("%5", t["transaction_id"]))
        self.detail.setPlainText("\n".join(lines))
        if d["ours"]:
            store = self.current["store"]
            sale_id = d["ours"]["sale_id"]
            self._run(lambda: self.client.sale(store, sale_id), lambda sale: self._show_sale(lines, sale))

    def _show_sale(self, lines: list[str], sale: dict[str, Any]) -> None:
        shown = [*lines, self.tr("Our sale: %1 at till %2, %3, total %4").replace("%1", sale["sale_id"])
                 .replace("%2", sale["till"]).replace("%3", sale["completed_at"]).replace("%4", yuan(sale["total"]))]
        shown += [f"  {tender_label(t['method'], self.client.language)} {yuan(t['amount'])} {t.get('out_trade_no') or ''} {t.get('transaction_id') or ''} "
                  f"{t.get('payer_bank') or ''}".rstrip() for t in sale["tenders"]]
        shown += [f"  · {line['sku']} {line['name']} {yuan(line['amount'])}" for line in sale["lines"]]
        shown += self._attempt_lines(sale)
        if sale.get("receipt"):
            shown += ["", self.tr("Receipt:"), sale["receipt"]]
        self.detail.setPlainText("\n".join(shown))

    def _attempt_lines(self, sale: dict[str, Any]) -> list[str]:
        """The store's payment-code attempts of the sale: each with its steps and the provider's answers."""
        if "attempts" not in sale:
            return []
        if not sale["attempts"]:
            return [self.tr("Payment attempts: none")]
        shown = [self.tr("Payment attempts:")]
        for attempt in sale["attempts"]:
            shown.append(f"  {attempt['out_trade_no']} {attempt['provider']} {yuan(attempt['amount'])} "
                         f"{attempt['state']} {attempt['code']} {attempt['transaction_id'] or ''} "
                         f"{attempt['message']}".rstrip())
            shown += [f"    {step['at']} {step['state']} {step['code']}".rstrip() for step in attempt["history"]]
        for refund in sale.get("refunds", []):
            shown.append("  " + self.tr("Refund %1 of %2: %3 %4").replace("%1", refund["out_refund_no"])
                         .replace("%2", refund["out_trade_no"]).replace("%3", yuan(refund["amount"]))
                         .replace("%4", refund["state"]))
            shown += [f"    {step['at']} {step['state']} {step['code']}".rstrip() for step in refund["history"]]
        return shown

    # ---- decisions -----------------------------------------------------------------------------
    def resolve_selected(self) -> None:
        picked = self.selected_difference()
        if picked is None or self.current is None:
            return
        dialog = ResolveDialog(picked[1], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.resolve(picked[0], picked[1], str(dialog.action.currentData()), dialog.note.text())

    def resolve(self, channel: str, difference: dict[str, Any], action: str, note: str) -> None:
        if self.current is None:
            return
        store, day, key = self.current["store"], self.current["day"], difference["key"]
        self._run(lambda: self.client.resolve(store, day, channel, key, action, note), self._after_change)

    def close_day(self) -> None:
        if self.current is None:
            return
        store, day = self.current["store"], self.current["day"]
        self._run(lambda: self.client.close_day(store, day), self._after_change)

    def reopen_day(self, note: str | None = None) -> None:
        if self.current is None or not isinstance(self.client, ReconClient):
            return
        client = self.client
        if note is None:
            from PySide6.QtWidgets import QInputDialog

            note, ok = QInputDialog.getText(self, self.tr("Reopen the day"), self.tr("Why is it reopened?"))
            if not ok:
                return
        store, day, reason = self.current["store"], self.current["day"], note
        self._run(lambda: client.reopen_day(store, day, reason), self._after_change)

    def _after_change(self, view: dict[str, Any]) -> None:
        self._show_day(view)
        self.refresh()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a bill"), "",
                                              self.tr("Bills (*.csv *.zip *.txt);;All files (*)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        if not isinstance(self.client, ReconClient):
            return
        client = self.client
        self._run(lambda: client.import_file(path), self._imported)

    def _imported(self, report: dict[str, Any]) -> None:
        if report["already"]:
            text = self.tr("This file was imported before: nothing changed.")
        else:
            text = (self.tr("%1 rows, %2 new, %3 unreadable").replace("%1", str(report["rows"]))
                    .replace("%2", str(report["new_rows"])).replace("%3", str(len(report["rejected"]))))
        if report["rejected"]:
            text += "\n" + "\n".join(f"{r['line']}: {message(r['reason'], self.client.language)} {r['detail']}"
                                     for r in report["rejected"][:20])
        self.status.setText(text.splitlines()[0])
        self.detail.setPlainText(text)
        self.refresh()


def run_recon(hq: str, key: str, store: str = "", lang: str | None = None) -> int:
    """``omnistore client --recon``: the reconciliation window on its own."""
    from ui.app import create_app

    app = create_app(None, lang)
    language = str(app.property("omnistore_language") or "zh_CN")
    window = ReconWindow(ReconClient(hq, key, language), store)
    window.show()
    code = app.exec()
    window.worker.stop()
    return int(code)


def save_screenshots(window: ReconWindow, out: Path, lang: str, wait: Callable[[Callable[[], bool]], None]) -> list[Path]:
    """The window's screens as PNGs (``recon_calendar``, ``recon_payouts``, ``recon_day``) for the docs:
    the calendar, the 回款 tab, then the first day with a difference drilled down. ``wait(condition)``
    runs the event loop until the condition holds (the window's calls are on its worker)."""
    saved: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        path = out / f"recon_{name}_{lang}_1280x860.png"
        window.grab().save(str(path))
        saved.append(path)

    wait(lambda: window.calendar.rowCount() > 0 and window.payouts.rowCount() > 0)
    shot("calendar")
    window.tabs.setCurrentIndex(1)
    shot("payouts")
    window.tabs.setCurrentIndex(0)
    row = next((r for r in range(window.calendar.rowCount())
                if any(window.calendar.item(r, c).data(Qt.ItemDataRole.UserRole) == "differences"
                       for c in range(2, 2 + len(CHANNELS)))), 0)
    window.calendar.selectRow(row)
    wait(lambda: window.current is not None and window.differences.rowCount() > 0)
    window.differences.selectRow(0)
    wait(lambda: "\n" in window.detail.toPlainText())
    shot("day")
    return saved
