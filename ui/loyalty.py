"""会员、券、储值、退货 at the till: the dialogs behind Ctrl+M, Ctrl+Q, Ctrl+P and Ctrl+R.

Every server call runs on the till's worker; a dialog shows the server's refusal in its own
message strip and stays open, so the cashier can correct the code and try again.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain.errors import InvalidAmount
from app.domain.keyed import is_digits, normalise_code, normalise_number
from app.domain.money import parse_yuan
from ui.api import StoreClient
from ui.dialogs import PosDialog, item_table
from ui.formats import date_time, field_amount, yuan
from ui.paycode import TopUpPaycodeDialog, is_payment_code
from ui.widgets import TOUCH_ROW, QuantityStepper, disable_ime, stepper_column
from ui.worker import Worker

TIER_NAMES = {"normal": QT_TRANSLATE_NOOP("MemberDialog", "Regular member"),
              "silver": QT_TRANSLATE_NOOP("MemberDialog", "Silver member"),
              "gold": QT_TRANSLATE_NOOP("MemberDialog", "Gold member"),
              "diamond": QT_TRANSLATE_NOOP("MemberDialog", "Diamond member")}


def member_summary(member: dict[str, Any]) -> str:
    """One line for the checkout: '赵敏 138****5678 · 金卡会员 · 积分 1,200 · 储值 ￥120.00'."""
    tier_key = str(member.get("tier", ""))
    tier = QCoreApplication.translate("MemberDialog", TIER_NAMES[tier_key]) if tier_key in TIER_NAMES else tier_key
    balance = int((member.get("wallet") or {}).get("balance", 0))
    points = QCoreApplication.translate("MemberDialog", "Points %1").replace("%1", f"{int(member.get('points', 0)):,}")
    stored = QCoreApplication.translate("MemberDialog", "Stored value %1").replace("%1", yuan(balance))
    expiring = member.get("points_expiring") or {}
    if expiring.get("points"):  # 积分到期提醒: worth telling the customer at the till
        points += QCoreApplication.translate("MemberDialog", " (%1 expire on %2)").replace(
            "%1", f"{int(expiring['points']):,}").replace("%2", str(expiring.get("on", "")))
    return f"{member.get('name') or ''} {member.get('phone', '')} · {tier} · {points} · {stored}"


def coupon_item(text: str, code: str) -> QListWidgetItem:
    """One coupon in a list the cashier taps: a row as tall as a finger needs."""
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, code)
    item.setSizeHint(QSize(0, TOUCH_ROW))
    return item


class _ServerDialog(PosDialog):
    """A dialog whose OK asks the store server something on the worker."""

    def __init__(self, title: str, client: StoreClient, worker: Worker, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(title, parent, **kwargs)
        self.client = client
        self.worker = worker
        self.busy = False
        #: the ticket as the server returned it, once the dialog's call succeeded
        self.result_ticket: Any = None

    def finish_with(self, ticket: Any) -> None:
        self.result_ticket = ticket
        self.accept()

    def entered_amount(self, edit: QLineEdit) -> int:
        """The yuan typed in ``edit`` in fen; 0 (with the reason shown) when it is not an amount above zero."""
        try:
            amount = parse_yuan(edit.text())
        except InvalidAmount:
            amount = 0
        if amount <= 0:
            self.message.show_error(self.tr("Enter an amount greater than zero."))
        return amount

    def _button(self, text: str, slot: Any) -> Any:
        button = QPushButton(text)
        button.setObjectName("secondaryButton")
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.button_row.insertWidget(0, button)
        return button

    def ask(self, call: Any, done: Any) -> None:
        if self.busy:
            return
        self.busy = True
        self.ok_button.setEnabled(False)

        def finished(result: Any) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            done(result)

        def failed(exc: Exception) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            self.message.show_error(str(exc))

        self.worker.submit(call, finished, failed, owner=self)


class MemberDialog(_ServerDialog):
    """Ctrl+M 会员: scan the member code, or type a phone or card number; register a new phone."""

    def __init__(self, client: StoreClient, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Member"), client, worker, parent, ok_text=self.tr("Find (Enter)"))
        self.member: dict[str, Any] | None = None
        form = QFormLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName("bigEdit")
        self.edit.setPlaceholderText(self.tr("Member code, phone or card number"))
        disable_ime(self.edit)
        form.addRow(self.tr("Member"), self.edit)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name (only to register)"))
        form.addRow(self.tr("Name"), self.name_edit)
        self.body.addLayout(form)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.found.setObjectName("memberFound")
        self.body.addWidget(self.found)
        self.coupons = QListWidget()
        self.body.addWidget(self.coupons, 1)
        self.recent = QLabel()
        self.recent.setWordWrap(True)
        self.body.addWidget(self.recent)
        self.register_button = self._button(self.tr("Register this phone"), self.register)
        self.size_to_parent(0.55, 0.7)
        self.edit.setFocus()

    def handle_scan(self, code: str) -> None:
        """A scanned member code goes straight to the lookup."""
        self.edit.setText(code)
        self.submit()

    def _query(self) -> dict[str, str]:
        text = normalise_code(self.edit.text())
        if text.upper().startswith("MC"):
            return {"code": text}
        if len(text) == 11 and text.startswith("1"):
            return {"phone": text}
        return {"card": text}

    def submit(self) -> None:
        if self.member is not None and self.member.get("member_no"):
            self.accept()  # found: Enter again attaches the member to the ticket
            return
        if not normalise_code(self.edit.text()):
            self.message.show_error(self.tr("Scan the member code or type a phone or card number."))
            return
        query = self._query()
        self.ask(lambda: self.client.find_member(**query), self.show_member)

    def register(self) -> None:
        phone = normalise_code(self.edit.text())
        self.ask(lambda: self.client.register_member(phone, self.name_edit.text().strip()), self.show_member)

    def show_member(self, member: dict[str, Any]) -> None:
        self.member = member
        self.found.setText(member_summary(member))
        self.coupons.clear()
        for coupon in member.get("coupons") or []:
            self.coupons.addItem(coupon_item(f"{coupon['name']}  {coupon['code']}  " + self.tr("until %1").replace(
                "%1", str(coupon.get("valid_to", ""))[:10]), coupon["code"]))
        recent = member.get("recent") or []
        self.recent.setText(self.tr("Recent: %1").replace("%1", "；".join(
            f"{date_time(r['at'])} {r['store']} {yuan(int(r['total']))}" for r in recent))
            if recent else self.tr("No purchases yet."))
        self.ok_button.setText(self.tr("Attach to ticket (Enter)"))
        self.message.show_info(self.tr("Member found."))


class CouponDialog(_ServerDialog):
    """Ctrl+Q 用券: scan or type the coupon code, or pick one of the member's."""

    def __init__(self, client: StoreClient, worker: Worker, ticket_id: str, member_coupons: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Coupon"), client, worker, parent, ok_text=self.tr("Use coupon (Enter)"))
        self.ticket_id = ticket_id
        self.edit = QLineEdit()
        self.edit.setObjectName("bigEdit")
        self.edit.setPlaceholderText(self.tr("Coupon code"))
        disable_ime(self.edit)
        self.body.addWidget(self.edit)
        self.choices = QListWidget()
        for coupon in member_coupons:
            self.choices.addItem(coupon_item(f"{coupon['name']}  {coupon['code']}", coupon["code"]))
        self.choices.currentItemChanged.connect(
            lambda item, _old: item is not None and self.edit.setText(str(item.data(Qt.ItemDataRole.UserRole))))
        self.body.addWidget(self.choices, 1)
        self.size_to_parent(0.5, 0.6)
        self.edit.setFocus()

    def handle_scan(self, code: str) -> None:
        self.edit.setText(code)
        self.submit()

    def submit(self) -> None:
        code = normalise_code(self.edit.text())
        if not code:
            self.message.show_error(self.tr("Scan or type the coupon code."))
            return
        self.ask(lambda: self.client.add_coupon(self.ticket_id, code), self.finish_with)


class StoredValueDialog(_ServerDialog):
    """Ctrl+P 储值支付: the card (the member's, or scanned) and the amount, at most what is due."""

    def __init__(self, client: StoreClient, worker: Worker, ticket_id: str, due: int, card: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pay with stored value"), client, worker, parent, ok_text=self.tr("Pay (Enter)"))
        self.ticket_id = ticket_id
        form = QFormLayout()
        self.card = QLineEdit(card)
        disable_ime(self.card)
        self.amount = QLineEdit(field_amount(due))
        self.amount.setObjectName("bigEdit")
        disable_ime(self.amount)
        form.addRow(self.tr("Card"), self.card)
        form.addRow(self.tr("Amount (￥)"), self.amount)
        self.body.addLayout(form)
        self.balance = QLabel()
        self.balance.setObjectName("memberFound")
        self.balance.setWordWrap(True)
        self.body.addWidget(self.balance)
        self.body.addStretch(1)
        self.due = due
        self._looked_up = ""
        self.card.editingFinished.connect(self.look_up)
        self.size_to_parent(0.45, 0.5)
        (self.amount if card else self.card).setFocus()
        if card:
            self.look_up()

    def handle_scan(self, code: str) -> None:
        self.card.setText(code)
        self.amount.setFocus()
        self.look_up()

    def look_up(self) -> None:
        """查余额: tell the customer what the card holds; a card short of what is due pays what it has."""
        card = normalise_code(self.card.text())
        if not card or card == self._looked_up:
            return
        self._looked_up = card
        self.balance.clear()

        def failed(exc: Exception) -> None:
            if card == normalise_code(self.card.text()):
                self._looked_up = ""
                self.message.show_error(str(exc))

        self.worker.submit(lambda: self.client.card_balance(card), lambda view: self.show_balance(card, view), failed,
                           owner=self)

    def show_balance(self, card: str, view: dict[str, Any]) -> None:
        if card != normalise_code(self.card.text()):
            return  # the cashier has typed another card since
        balance = int(view.get("balance", 0))
        text = self.tr("Balance %1").replace("%1", yuan(balance))
        if view.get("last_day"):
            text += "  " + self.tr("(valid until %1)").replace("%1", str(view["last_day"]))
        self.balance.setText(text)
        if view.get("expired"):
            self.message.show_error(self.tr("This gift card has expired; it cannot pay."))
        elif balance <= 0:
            self.message.show_error(self.tr("The card is empty."))
        elif balance < self.due and self.amount.text().strip() == field_amount(self.due) and not self.busy:
            self.amount.setText(field_amount(balance))  # only over the amount offered, never one typed
            self.message.show_info(self.tr("The card pays %1; the rest is paid another way.").replace(
                "%1", yuan(balance)))

    def submit(self) -> None:
        card = normalise_code(self.card.text())
        if not card:
            self.message.show_error(self.tr("Scan or type the card number."))
            return
        amount = self.entered_amount(self.amount)
        if amount:
            self.ask(lambda: self.client.pay_stored_value(self.ticket_id, card, amount), self.finish_with)


def bonus_for(ladder: list[dict[str, Any]], amount: int) -> int:
    """充值赠送 by HQ's ladder (the best step reached), to show before HQ credits it."""
    return max((int(step["bonus"]) for step in ladder if amount >= int(step["from"])), default=0)


class TopUpDialog(_ServerDialog):
    """Ctrl+T 充值: the customer pays cash into this till's drawer, or by payment code (付款码: the
    code is charged first, the card credited once paid — ``ui.paycode.TopUpPaycodeDialog``); HQ
    credits the card with the amount and its bonus (充100送20). The card is scanned or typed, or the
    member's is given; a payment code scanned here pays the amount entered."""

    def __init__(self, client: StoreClient, worker: Worker, card: str = "", ladder: list[dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Top up stored value"), client, worker, parent, ok_text=self.tr("Top up (Enter)"))
        self.ladder = list(ladder or [])
        #: HQ's answer once the card was credited (its ``entry`` holds the bonus)
        self.result: dict[str, Any] | None = None
        #: how the customer paid: cash, or the payment code's provider (wechat / alipay)
        self.tender = "cash"
        self.paycode_dialog: TopUpPaycodeDialog | None = None
        tenders = QHBoxLayout()
        self.cash_button = self._tender_button(self.tr("Cash"), tenders)
        self.code_button = self._tender_button(self.tr("Payment code"), tenders)
        self.cash_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.cash_button)
        group.addButton(self.code_button)
        group.buttonToggled.connect(lambda _button, _on: self._show_tender())
        self.body.addLayout(tenders)
        form = QFormLayout()
        self.card = QLineEdit(card)
        disable_ime(self.card)
        self.amount = QLineEdit()
        self.amount.setObjectName("bigEdit")
        self.amount.setPlaceholderText("100.00")
        disable_ime(self.amount)
        form.addRow(self.tr("Card"), self.card)
        self.amount_caption = QLabel(self.tr("Cash received (￥)"))
        form.addRow(self.amount_caption, self.amount)
        self.body.addLayout(form)
        self.bonus = QLabel()
        self.bonus.setObjectName("memberFound")
        self.bonus.setWordWrap(True)
        self.body.addWidget(self.bonus)
        if self.ladder:
            steps = "，".join(self.tr("from %1 get %2").replace("%1", yuan(int(step["from"])))
                             .replace("%2", yuan(int(step["bonus"]))) for step in self.ladder)
            rules = QLabel(self.tr("Bonus: %1").replace("%1", steps))
            rules.setObjectName("caption")
            rules.setWordWrap(True)
            self.body.addWidget(rules)
        self.body.addStretch(1)
        self.amount.textChanged.connect(self._preview)
        self.size_to_parent(0.45, 0.5)
        (self.amount if card else self.card).setFocus()

    def _tender_button(self, text: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("secondaryButton")
        button.setCheckable(True)
        button.setAutoDefault(False)
        row.addWidget(button)
        return button

    def _show_tender(self) -> None:
        by_code = self.code_button.isChecked()
        self.amount_caption.setText(self.tr("Amount (￥)") if by_code else self.tr("Cash received (￥)"))
        self.ok_button.setText(self.tr("Scan the payment code (Enter)") if by_code else self.tr("Top up (Enter)"))

    def handle_scan(self, code: str) -> None:
        if self.paycode_dialog is not None:
            self.paycode_dialog.handle_scan(code)
            return
        if is_payment_code(code):  # the customer's code: pay the amount entered with it
            self.code_button.setChecked(True)
            self._top_up(code)
            return
        self.card.setText(code)
        self.amount.setFocus()

    def _preview(self) -> None:
        try:
            amount = parse_yuan(self.amount.text())
        except InvalidAmount:
            self.bonus.clear()
            return
        bonus = bonus_for(self.ladder, amount)
        self.bonus.setText(self.tr("The card gets %1 (%2 bonus).").replace("%1", yuan(amount + bonus))
                           .replace("%2", yuan(bonus)) if self.ladder else "")

    def submit(self) -> None:
        self._top_up("")

    def _top_up(self, code: str) -> None:
        """Cash: HQ credits the card now. Payment code: ``code`` (or the one scanned next) pays first."""
        card = normalise_code(self.card.text())
        if not card:
            self.message.show_error(self.tr("Scan or type the card number."))
            self.card.setFocus()
            return
        amount = self.entered_amount(self.amount)
        if not amount:
            return
        if self.code_button.isChecked():
            self._pay_by_code(card, amount, code)
        else:
            self.ask(lambda: self.client.top_up(card, amount), self._done)

    def _pay_by_code(self, card: str, amount: int, code: str) -> None:
        """付款码: the scanning dialog takes over (the ticket's, paying this top-up)."""
        dialog = TopUpPaycodeDialog(self.client, self.worker, card, amount, code, self)
        self.paycode_dialog = dialog

        def accepted() -> None:
            attempt = dialog.result or {}
            topup = attempt.get("topup") or {}
            self.tender = str(attempt.get("provider") or "cash")
            self._done({"card_no": card, "entry": {"principal": int(attempt.get("amount", amount)),
                                                   "bonus": int(topup.get("bonus") or 0)}, "attempt": attempt})

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "paycode_dialog", None))
        dialog.open()

    def _done(self, result: dict[str, Any]) -> None:
        self.result = result
        self.accept()


class PointsDialog(_ServerDialog):
    """Ctrl+I 积分抵现: the member's points pay part of what is due, at HQ's rate (points per yuan)."""

    def __init__(self, client: StoreClient, worker: Worker, ticket_id: str, due: int, points: int,
                 parent: QWidget | None = None, per_yuan: int = 100) -> None:
        super().__init__(self.tr("Pay with points"), client, worker, parent, ok_text=self.tr("Pay (Enter)"))
        self.ticket_id = ticket_id
        step = 100 // math.gcd(100, per_yuan)  # fen that a whole number of points pays
        usable = min(due, points * 100 // per_yuan) // step * step
        note = QLabel(self.tr("%1 points: up to %2 (%3 points = %4)").replace("%1", f"{points:,}")
                      .replace("%2", yuan(usable)).replace("%3", str(per_yuan)).replace("%4", yuan(100)))
        self.body.addWidget(note)
        form = QFormLayout()
        self.amount = QLineEdit(field_amount(usable))
        self.amount.setObjectName("bigEdit")
        disable_ime(self.amount)
        form.addRow(self.tr("Amount (￥)"), self.amount)
        self.body.addLayout(form)
        self.size_to_parent(0.45, 0.4)
        self.amount.setFocus()

    def submit(self) -> None:
        amount = self.entered_amount(self.amount)
        if amount:
            self.ask(lambda: self.client.pay_points(self.ticket_id, amount), self.finish_with)


SALE_ID = re.compile(r"^[A-Za-z0-9]+-[0-9]{8}-[0-9]{4,}$")


def sale_query(text: str) -> dict[str, Any]:
    """What a cashier types to find a sale: an amount ('25.80', '￥25.80'), a member's card
    number (12 digits from 8), else a goods code (barcode, PLU or SKU)."""
    amount = normalise_number(text).lstrip("¥").strip()  # NFKC made ￥ into ¥, and 。 a decimal point
    if "." in amount:
        try:
            return {"total": parse_yuan(amount)}
        except InvalidAmount:
            pass
    if len(text) == 12 and text.startswith("8") and is_digits(text):
        return {"member": text}
    return {"code": text}


class ReturnDialog(_ServerDialog):
    """Ctrl+R 退货: scan the receipt's barcode, choose how many of each line come back, refund."""

    def __init__(self, client: StoreClient, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Return"), client, worker, parent, ok_text=self.tr("Find sale (Enter)"))
        self.sale: dict[str, Any] | None = None
        #: (line id, quantity) to bring back, once the cashier confirms; the checkout runs the return
        self.chosen: list[tuple[str, int]] = []
        form = QFormLayout()
        self.sale_edit = QLineEdit()
        self.sale_edit.setObjectName("bigEdit")
        self.sale_edit.setPlaceholderText(self.tr("Scan the receipt barcode, or type the amount, member or goods code"))
        disable_ime(self.sale_edit)
        self.sale_edit.textEdited.connect(self._forget_sale)
        form.addRow(self.tr("Sale"), self.sale_edit)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        form.addRow(self.tr("Sold on"), self.day)
        self.reason = QLineEdit()
        form.addRow(self.tr("Reason"), self.reason)
        self.body.addLayout(form)
        #: 查单: the day's sales that match what was typed, when there is no receipt barcode to scan
        self.matches = item_table([self.tr("Sale"), self.tr("Time"), self.tr("Total"), self.tr("Member")])
        self.matches.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.matches.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.matches.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.matches.cellDoubleClicked.connect(lambda row, _column: self._open_match(row))
        self.matches.hide()
        self.body.addWidget(self.matches, 1)
        self.table = item_table([self.tr("Item"), self.tr("Paid"), self.tr("Can return"), self.tr("Return")])
        stepper_column(self.table, 3)
        self.body.addWidget(self.table, 1)
        #: the cashier chose 无小票退货 instead: the checkout opens that dialog
        self.without_receipt = False
        self._button(self.tr("No receipt…"), self._no_receipt)
        self.size_to_parent(0.7, 0.75)
        self.sale_edit.setFocus()

    def _no_receipt(self) -> None:
        self.without_receipt = True
        self.accept()

    def handle_scan(self, code: str) -> None:
        self.sale_edit.setText(code)
        self.sale = None
        self.matches.hide()
        self.submit()

    def _forget_sale(self) -> None:
        self.sale = None
        self.ok_button.setText(self.tr("Find sale (Enter)"))

    def submit(self) -> None:
        if self.sale is None:
            text = normalise_code(self.sale_edit.text())
            picked = self.matches.currentRow() if self.matches.isVisible() else -1
            if picked >= 0 and not self.sale_edit.isModified():
                self._open_match(picked)
                return
            self.sale_edit.setModified(False)
            if not text:
                self.message.show_error(self.tr("Scan the receipt barcode or type the sale number."))
                return
            if SALE_ID.match(text):  # T01-20261201-0042
                self.ask(lambda: self.client.returnable(text), self.show_sale)
                return
            day = self.day.date().toString("yyyy-MM-dd")
            query = sale_query(text)
            self.ask(lambda: self.client.find_sales(day, **query), self.show_matches)
            return
        lines = [(str(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)), self.table.cellWidget(row, 3).value())
                 for row in range(self.table.rowCount())]
        lines = [(line_id, quantity) for line_id, quantity in lines if quantity > 0]
        if not lines:
            self.message.show_error(self.tr("Choose how many of which item come back."))
            return
        self.chosen = lines
        self.accept()

    def show_matches(self, sales: list[dict[str, Any]]) -> None:
        self.matches.setRowCount(len(sales))
        for row, sale in enumerate(sales):
            cells = (sale["sale_id"], str(sale["completed_at"])[11:16], yuan(int(sale["total"])),
                     str(sale.get("member_no") or ""))
            for column, text in enumerate(cells):
                self.matches.setItem(row, column, QTableWidgetItem(text))
        self.matches.setVisible(bool(sales))
        if len(sales) == 1:
            self._open_match(0)
        elif sales:
            self.matches.selectRow(0)
            self.message.show_info(self.tr("%1 sales match: pick one (Enter).").replace("%1", str(len(sales))), 0)
        else:
            self.message.show_error(self.tr("No sale of that day matches."))

    def _open_match(self, row: int) -> None:
        item = self.matches.item(row, 0)
        if item is not None:
            sale_id = item.text()
            self.sale_edit.setText(sale_id)
            self.ask(lambda: self.client.returnable(sale_id), self.show_sale)

    def show_sale(self, sale: dict[str, Any]) -> None:
        self.sale = sale
        self.matches.hide()
        self.message.clear_message()
        lines = [line for line in sale["lines"] if line["returnable"] > 0]
        if any(line.get("gift_card") for line in sale["lines"]):
            self.message.show_info(self.tr("Gift cards sold are not taken back."), 0)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            name = QTableWidgetItem(line["name"])
            name.setData(Qt.ItemDataRole.UserRole, line["id"])
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(yuan(line["paid"])))
            self.table.setItem(row, 2, QTableWidgetItem(str(line["returnable"])))
            self.table.setCellWidget(row, 3, QuantityStepper(int(line["returnable"])))
        self.ok_button.setText(self.tr("Refund (Enter)"))
        if not lines:
            self.message.show_error(self.tr("Everything on this sale has been returned already."))

    @property
    def sale_id(self) -> str:
        return str(self.sale["sale_id"]) if self.sale else ""


class NoReceiptReturnDialog(_ServerDialog):
    """无小票退货: scan each item coming back; refunded in cash at today's price once a manager allows it."""

    def __init__(self, client: StoreClient, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Return without receipt"), client, worker, parent, ok_text=self.tr("Refund (Enter)"))
        #: (code, quantity) coming back, once the cashier confirms; the checkout runs the return
        self.chosen: list[tuple[str, int]] = []
        note = QLabel(self.tr("Refunded in cash at today's shelf price, without promotions. A manager must allow it."))
        note.setWordWrap(True)
        self.body.addWidget(note)
        form = QFormLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("bigEdit")
        self.code_edit.setPlaceholderText(self.tr("Scan each item coming back"))
        disable_ime(self.code_edit)
        form.addRow(self.tr("Item"), self.code_edit)
        self.reason = QLineEdit()
        form.addRow(self.tr("Reason"), self.reason)
        self.body.addLayout(form)
        self.table = item_table([self.tr("Item"), self.tr("Price"), self.tr("Return")])
        stepper_column(self.table, 2)
        self.body.addWidget(self.table, 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("memberFound")
        self.body.addWidget(self.total_label)
        self.size_to_parent(0.6, 0.7)
        self.code_edit.setFocus()

    def handle_scan(self, code: str) -> None:
        self.add_item(code)

    def add_item(self, code: str) -> None:
        """One more of an item already listed, else a new row once the server knows the code."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == code:
                spin = self.table.cellWidget(row, 2)
                spin.setValue(spin.value() + 1)
                return
        self.ask(lambda: self.client.lookup(code), lambda product: self._add_row(code, product))

    def _add_row(self, code: str, product: Any) -> None:
        if product.unit != "piece":
            self.message.show_error(self.tr("%1 is sold by weight: it can only come back with its receipt.")
                                    .replace("%1", product.name))
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(product.name)
        name.setData(Qt.ItemDataRole.UserRole, code)
        name.setData(Qt.ItemDataRole.UserRole + 1, product.price)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(yuan(product.price)))
        spin = QuantityStepper(999, 1)
        spin.valueChanged.connect(self._show_total)
        self.table.setCellWidget(row, 2, spin)
        self.message.clear_message()
        self._show_total()

    def _show_total(self) -> None:
        total = sum(int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1)) * self.table.cellWidget(row, 2).value()
                    for row in range(self.table.rowCount()))
        self.total_label.setText(self.tr("Refund %1 in cash").replace("%1", yuan(total)))

    def submit(self) -> None:
        """Enter with a code typed adds that item; with the field empty it refunds what is listed."""
        code = normalise_code(self.code_edit.text())
        if code:
            self.code_edit.clear()
            self.add_item(code)
            return
        if self.busy:  # an item is still being looked up
            return
        lines = [(str(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)), self.table.cellWidget(row, 2).value())
                 for row in range(self.table.rowCount())]
        lines = [(code, quantity) for code, quantity in lines if quantity > 0]
        if not lines:
            self.message.show_error(self.tr("Scan what comes back first."))
            return
        self.chosen = lines
        self.accept()


class GiftCardDialog(_ServerDialog):
    """售卡: the gift card's own number, scanned from its back, for the gift-card line."""

    def __init__(self, client: StoreClient, worker: Worker, ticket_id: str, code: str, reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sell a gift card"), client, worker, parent, ok_text=self.tr("Add (Enter)"))
        self.ticket_id, self.code = ticket_id, code
        note = QLabel(reason)
        note.setWordWrap(True)
        self.body.addWidget(note)
        form = QFormLayout()
        self.card_edit = QLineEdit()
        self.card_edit.setObjectName("bigEdit")
        self.card_edit.setPlaceholderText(self.tr("Scan the barcode on the back of the card"))
        self.card_edit.setMaxLength(24)
        disable_ime(self.card_edit)
        form.addRow(self.tr("Card number"), self.card_edit)
        self.body.addLayout(form)
        self.size_to_parent(0.55, 0.35)
        self.card_edit.setFocus()

    def handle_scan(self, code: str) -> None:
        self.card_edit.setText(code)
        self.submit()

    def submit(self) -> None:
        card = normalise_code(self.card_edit.text())
        if not card:
            self.message.show_error(self.tr("Scan or type the card number."))
            return
        self.ask(lambda: self.client.add_line(self.ticket_id, self.code, None, None, card), self.finish_with)
