"""会员: member 360 for the manager — profile, tier and growth, points history, stored-value
ledger, coupons, purchases in every store (asked of HQ through the store server; with HQ out of
reach the page says so plainly) — and 充值, a stored-value top-up with HQ's bonus, paid in cash
at this till."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.keyed import is_digits, normalise_code
from ui.backoffice.shell import BackOfficeContext
from ui.dialogs import item_table
from ui.formats import yuan
from ui.loyalty import TopUpDialog
from ui.widgets import MessageStrip

TIERS = {
    "normal": QT_TRANSLATE_NOOP("MembersPage", "Member"),
    "silver": QT_TRANSLATE_NOOP("MembersPage", "Silver"),
    "gold": QT_TRANSLATE_NOOP("MembersPage", "Gold"),
    "diamond": QT_TRANSLATE_NOOP("MembersPage", "Diamond"),
}
MOVES = {
    "sale": QT_TRANSLATE_NOOP("MembersPage", "Earned on a sale"),
    "return": QT_TRANSLATE_NOOP("MembersPage", "Taken back by a return"),
    "spend": QT_TRANSLATE_NOOP("MembersPage", "Spent"),
    "refund": QT_TRANSLATE_NOOP("MembersPage", "Refunded"),
    "expire": QT_TRANSLATE_NOOP("MembersPage", "Expired"),
    "topup": QT_TRANSLATE_NOOP("MembersPage", "Top-up"),
    "topup_cancel": QT_TRANSLATE_NOOP("MembersPage", "Top-up cancelled"),
    "activate": QT_TRANSLATE_NOOP("MembersPage", "Activated"),
    "issued": QT_TRANSLATE_NOOP("MembersPage", "Usable"),
    "reserved": QT_TRANSLATE_NOOP("MembersPage", "Held for a sale"),
    "redeemed": QT_TRANSLATE_NOOP("MembersPage", "Used"),
    "voided": QT_TRANSLATE_NOOP("MembersPage", "Void"),
}


def tr_member(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("MembersPage", table[key]) if key in table else key


def moment(text: str) -> str:
    return text.replace("T", " ")[:16]


def fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


class MembersPage(QWidget):
    """会员 360."""

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member: dict[str, Any] | None = None
        #: the top-up dialog while it is open
        self.top_up_dialog: TopUpDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        bar = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Phone, card or member number — or scan the member code"))
        self.query.setMaxLength(32)
        self.query.returnPressed.connect(self.find)
        bar.addWidget(self.query, 1)
        self.find_button = QPushButton(self.tr("Find (Enter)"))
        self.find_button.setObjectName("primaryButton")
        self.find_button.clicked.connect(self.find)
        bar.addWidget(self.find_button)
        self.top_up_button = QPushButton(self.tr("Top up (Ctrl+T)"))
        self.top_up_button.clicked.connect(self.top_up)
        self.top_up_button.setEnabled(False)
        bar.addWidget(self.top_up_button)
        layout.addLayout(bar)
        self.message = MessageStrip()
        layout.addWidget(self.message)
        profile = QGridLayout()
        self.name = QLabel()
        self.name.setObjectName("screenTitle")
        self.tier = QLabel()
        self.points = QLabel()
        self.balance = QLabel()
        self.since = QLabel()
        self.since.setObjectName("caption")
        profile.addWidget(self.name, 0, 0, 1, 2)
        profile.addWidget(self.tier, 1, 0)
        profile.addWidget(self.points, 1, 1)
        profile.addWidget(self.balance, 2, 0)
        profile.addWidget(self.since, 2, 1)
        layout.addLayout(profile)
        self.tabs = QTabWidget()
        self.purchases = item_table([self.tr("Time"), self.tr("Store"), self.tr("Sale"), self.tr("Items"),
                                     self.tr("Total")], stretch=2)
        self.points_history = item_table([self.tr("Time"), self.tr("What"), self.tr("Points"), self.tr("Reference")],
                                         stretch=3)
        self.stored_value = item_table([self.tr("Time"), self.tr("Card"), self.tr("What"), self.tr("Amount"),
                                        self.tr("Bonus"), self.tr("Store")], stretch=5)
        self.coupons = item_table([self.tr("Coupon"), self.tr("Name"), self.tr("Value"), self.tr("State"),
                                   self.tr("Valid until")], stretch=1)
        for table, title in ((self.purchases, self.tr("Purchases")), (self.points_history, self.tr("Points")),
                             (self.stored_value, self.tr("Stored value")), (self.coupons, self.tr("Coupons"))):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.tabs.addTab(table, title)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("Ctrl+T"), self, self.top_up, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F5"), self, self.reload, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def shown(self) -> None:
        self.query.setFocus()

    def _fail(self, exc: Exception) -> None:
        self.message.show_error(str(exc))

    # ---- asking the store server (and through it HQ) -------------------------------------------

    def find(self) -> None:
        text = normalise_code(self.query.text())
        if not text:
            self.query.setFocus()
            return
        client = self.ctx.client
        if is_digits(text) and len(text) == 11:
            lookup: dict[str, str] = {"phone": text}
        elif is_digits(text) and len(text) >= 16:
            lookup = {"code": text}
        else:
            lookup = {"card": text}
        self.message.show_info(self.tr("Asking HQ…"), 0)

        def run() -> dict[str, Any]:
            found = client.find_member(**lookup)
            return client.member_360(str(found["member_no"]))

        self.ctx.worker.submit(run, self.show_member, self._fail, owner=self)

    def reload(self) -> None:
        if self.member is not None:
            member_no, client = str(self.member["member_no"]), self.ctx.client
            self.ctx.worker.submit(lambda: client.member_360(member_no), self.show_member, self._fail, owner=self)

    def top_up(self) -> None:
        if self.member is None:
            return
        cards = [c["card_no"] for c in self.member["cards"] if c["kind"] == "wallet" and c["active"]]
        dialog = TopUpDialog(self.ctx.client, self.ctx.worker, cards[0] if cards else "",
                             list(self.member.get("topup_bonus") or []), self)
        self.top_up_dialog = dialog

        def accepted() -> None:
            entry = (dialog.result or {}).get("entry") or {}
            self.message.show_success(self.tr("Topped up %1 (bonus %2).").replace(
                "%1", yuan(int(entry.get("principal", 0)))).replace("%2", yuan(int(entry.get("bonus", 0)))))
            self.reload()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "top_up_dialog", None))
        dialog.open()

    # ---- showing -----------------------------------------------------------------------------------

    def show_member(self, member: dict[str, Any]) -> None:
        self.member = member
        self.message.clear_message()
        self.top_up_button.setEnabled(True)
        self.name.setText(f"{member['name'] or member['phone']}  {member['member_no']}  {member['phone']}")
        tier = tr_member(TIERS, member["tier"])
        if member.get("next_tier"):
            tier = self.tr("%1 · growth %2, %3 more to %4").replace("%1", tier).replace(
                "%2", str(member["growth"])).replace("%3", str(member["growth_to_next"])).replace(
                "%4", tr_member(TIERS, member["next_tier"]))
        else:
            tier = self.tr("%1 · growth %2").replace("%1", tier).replace("%2", str(member["growth"]))
        self.tier.setText(tier)
        self.points.setText(self.tr("Points %1").replace("%1", str(member["points"])))
        self.balance.setText(self.tr("Stored value %1").replace("%1", yuan(int(member["balance"]))))
        self.since.setText(self.tr("Member since %1, %2").replace("%1", member["registered_at"][:10])
                           .replace("%2", member["registered_store"] or "—"))
        fill(self.purchases, [(moment(p["at"]), p["store"], p["sale_id"], str(p["items"]), yuan(int(p["total"])))
                              for p in member["purchases"]])
        fill(self.points_history, [(moment(p["at"]), tr_member(MOVES, p["reason"]), f"{int(p['delta']):+d}", p["ref"])
                                   for p in member["points_history"]])
        fill(self.stored_value, [(moment(m["at"]), m["card_no"], tr_member(MOVES, m["kind"]),
                                  yuan(int(m["principal"])), yuan(int(m["bonus"])), m["store"])
                                 for m in member["stored_value_history"]])
        fill(self.coupons, [(c["code"], c["name"], yuan(int(c["value"])), tr_member(MOVES, c["state"]),
                             c["valid_to"][:10]) for c in member["coupons"]])


def page(ctx: BackOfficeContext) -> QWidget:
    return MembersPage(ctx)
