"""付款码 at the till: the customer's WeChat Pay / Alipay payment code pays what is due.

The store server owns the payment (it holds the keys and talks to the provider); the till sends
the scanned code, then polls the attempt while the customer confirms on the phone. The dialog shows
"等待顾客输入密码…" with the seconds left, a cancel key (Esc: the server reverses the charge, with
the same care as when it gives up by itself) and 查单 (F5: the server asks the provider now). A
provider out of reach is said in one line, the attempt is cancelled, and the cashier takes another
tender.

After a return with a payment-code share, ``PaycodeRefundsDialog`` follows each refund to the
customer's code (退款中 / 已退回 / 被拒绝); one the provider refused may be paid in cash from the
drawer (现金退款) once a manager allows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.payment_code import recognise_payment_code
from app.messages import message
from ui.api import ApiError, StoreClient, Ticket, new_command_id
from ui.dialogs import OverrideDialog, PosDialog
from ui.formats import yuan
from ui.texts import ui_language
from ui.widgets import AmountLabel
from ui.worker import Worker

#: how often the dialog asks the store server how the payment stands
POLL_MS = 500
#: how often the refunds dialog asks how the refunds stand
REFUND_POLL_MS = 1000
#: an override the store server turned down: ask the manager again
OVERRIDE_RETRY_CODES = frozenset({"bad_credentials", "override_denied", "not_authorized", "forbidden",
                                  "locked_out"})
#: the provider could not be reached at all (the client's code for a network failure)
OFFLINE_CODES = frozenset({"NETWORK"})


def is_payment_code(text: str) -> bool:
    return recognise_payment_code(text) is not None


class PaycodeDialog(PosDialog):
    """付款码收款: the amount due in large digits; scan (or the code scanned at the item prompt) pays it."""

    def __init__(self, client: StoreClient, worker: Worker, ticket_id: str, due: int, code: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Payment code"), parent, ok_text=self.tr("Check payment (F5)"))
        self.client = client
        self.worker = worker
        self.ticket_id = ticket_id
        self.due = due
        self.attempt: dict[str, Any] | None = None
        self.result_ticket: Ticket | None = None
        self.busy = False
        self._closing = False
        self.cancel_button.setText(self.tr("Cancel payment (Esc)"))
        row = QHBoxLayout()
        caption = QLabel(self.tr("Amount due"))
        caption.setObjectName("caption")
        row.addWidget(caption)
        self.amount_label = AmountLabel("huge")
        self.amount_label.setText(yuan(due))
        row.addWidget(self.amount_label, 1)
        self.body.addLayout(row)
        self.status = QLabel(self.tr("Scan the customer's payment code."))
        self.status.setObjectName("paycodeStatus")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.body.addStretch(1)
        self.ok_button.setEnabled(False)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.size_to_parent(0.45, 0.45)
        if code:
            QTimer.singleShot(0, lambda: self.charge(code))

    # -- what the cashier does ----------------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        self.charge(code)

    def charge(self, code: str) -> None:
        """Send the scanned code for what is due (once: the server dedupes the same code)."""
        if self.busy or (self.attempt is not None and self.attempt.get("in_flight")):
            self.message.show_error(self.tr("A payment is still being confirmed: wait, or cancel it first."))
            return
        if not is_payment_code(code):
            self.message.show_error(self.tr("That is not a WeChat Pay or Alipay payment code."))
            return
        self.message.clear_message()
        self.status.setText(self.tr("Sending the payment…"))
        self._call(self.send(code, new_command_id()))

    def send(self, code: str, command_id: str) -> Callable[[], dict[str, Any]]:
        """The call that charges ``code`` (on the worker): the ticket's due here."""
        return lambda: self.client.pay_code(self.ticket_id, code, None, command_id)

    def submit(self) -> None:
        """F5 / Enter 查单: the store server asks the provider now."""
        attempt = self.attempt
        if attempt is None or attempt.get("final"):
            return
        command_id = new_command_id()
        self._call(lambda: self.client.paycode_query(int(attempt["id"]), command_id))

    def reject(self) -> None:
        """Esc: cancel. A payment in flight is reversed first; the dialog closes once it no longer can pay."""
        attempt = self.attempt
        if attempt is None or attempt.get("final") or not attempt.get("in_flight"):
            self.timer.stop()
            super().reject()
            return
        self._closing = True
        self.status.setText(self.tr("Cancelling the payment…"))
        command_id = new_command_id()

        def failed(exc: Exception) -> None:
            self.busy = False
            self._closing = False
            if isinstance(exc, ApiError) and exc.code == "paycode_already_paid":
                self.poll()  # paid meanwhile: the tender stands
                return
            self.message.show_error(str(exc))

        self.busy = True
        self.worker.submit(lambda: self.client.paycode_cancel(int(attempt["id"]), command_id), self._answered,
                           failed, owner=self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_F5:
            self.submit()
            return
        super().keyPressEvent(event)

    # -- following the attempt ---------------------------------------------------------------

    def poll(self) -> None:
        attempt = self.attempt
        if attempt is None or self.busy:
            return
        self.busy = True

        def failed(exc: Exception) -> None:
            self.busy = False  # the next tick asks again

        self.worker.submit(lambda: self.client.paycode(int(attempt["id"])), self._answered, failed, owner=self)

    def _call(self, call: Any) -> None:
        self.busy = True

        def failed(exc: Exception) -> None:
            self.busy = False
            self.status.setText("")
            self.message.show_error(str(exc))

        self.worker.submit(call, self._answered, failed, owner=self)

    def _answered(self, attempt: dict[str, Any]) -> None:
        self.busy = False
        self.show_attempt(attempt)

    def show_attempt(self, attempt: dict[str, Any]) -> None:
        self.attempt = attempt
        state = str(attempt.get("state"))
        in_flight = bool(attempt.get("in_flight"))
        self.ok_button.setEnabled(not attempt.get("final"))
        if state == "paid":
            self.paid(attempt)
            return
        if in_flight and str(attempt.get("raw_code") or "") in OFFLINE_CODES and not self._closing:
            # the provider can't be reached: say so in one line, stop this payment, offer other tenders
            self.message.show_error(self.tr("The payment provider cannot be reached: take another tender."))
            self.reject()
            return
        if in_flight:
            self.status.setText(self.tr("Waiting for the customer to enter the password… (%1 s)")
                                .replace("%1", str(int(attempt.get("seconds_left", 0)))))
            self.timer.start()
            return
        if state == "needs_reverse":
            self.status.setText(self.tr("The payment is being cancelled; the customer is not charged."))
            if self._closing:
                self.timer.stop()
                super().reject()
            else:
                self.timer.start()
            return
        self.timer.stop()
        if self._closing:
            super().reject()
            return
        reason = str(attempt.get("message") or attempt.get("raw_code") or state)
        if state == "failed":
            self.status.setText(self.tr("Not paid: %1. Scan another code or take another tender.").replace("%1", reason))
        else:
            self.status.setText(self.tr("The payment was cancelled; the customer is not charged."))

    def paid(self, attempt: dict[str, Any]) -> None:
        """The customer paid: the tender is on the ticket."""
        self.timer.stop()
        self.result_ticket = Ticket.from_json(attempt["ticket"])
        self.accept()


class TopUpPaycodeDialog(PaycodeDialog):
    """储值充值 by payment code: the customer's code pays the top-up, then the store server credits the
    card at HQ. The scanning, waiting and cancelling are the ticket's; after payment the dialog waits
    for HQ (the server keeps at it while HQ is away) and says when HQ refused the card and the money
    is going back to the customer."""

    def __init__(self, client: StoreClient, worker: Worker, card: str, amount: int, code: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(client, worker, "", amount, code, parent)
        self.setWindowTitle(self.tr("Top up by payment code"))
        self.card = card
        #: the attempt once the card was credited (its ``topup``)
        self.result: dict[str, Any] | None = None

    def send(self, code: str, command_id: str) -> Callable[[], dict[str, Any]]:
        return lambda: self.client.top_up_by_code(self.card, self.due, code, command_id)

    def paid(self, attempt: dict[str, Any]) -> None:
        topup = attempt.get("topup") or {}
        state = topup.get("state")
        self.ok_button.setEnabled(False)
        if state == "credited":
            self.timer.stop()
            self.result = attempt
            self.accept()
            return
        if state == "refunded":
            refund = topup.get("refund") or {}
            reason = message(str(topup.get("error") or ""), ui_language(), {"card": self.card})
            if refund.get("state") == "success":
                text = self.tr("HQ refused the card (%1): the payment was refunded to the customer.")
            elif refund.get("state") == "failed":
                text = self.tr("HQ refused the card (%1), and the provider refused the refund: refund it in cash "
                               "with a manager.")
            else:
                text = self.tr("HQ refused the card (%1): the payment is being refunded to the customer.")
            self.status.setText(text.replace("%1", reason))
            self.cancel_button.setText(self.tr("Close (Esc)"))
            if refund.get("final"):
                self.timer.stop()
            else:
                self.timer.start()
            return
        self.status.setText(self.tr("Paid. Crediting the card at HQ… (if HQ is away, the store credits it "
                                    "as soon as HQ is back)"))
        self.cancel_button.setText(self.tr("Close (Esc)"))
        self.timer.start()


class PaycodeRefundsDialog(PosDialog):
    """退款到付款码: after a return, each refund to the customer's WeChat Pay / Alipay as the store
    server follows it — pending, refunded, or refused; a refused one offers 现金退款 (the manager's
    code and PIN are asked for), and ``on_cash`` hears of each refund paid in cash (to open the drawer)."""

    def __init__(self, client: StoreClient, worker: Worker, refunds: list[dict[str, Any]],
                 parent: QWidget | None = None, on_cash: Callable[[dict[str, Any]], None] | None = None) -> None:
        super().__init__(self.tr("Refunds to payment codes"), parent, ok_text=self.tr("Done (Enter)"))
        self.client = client
        self.worker = worker
        self.on_cash = on_cash
        self.refunds = {str(r["out_refund_no"]): dict(r) for r in refunds}
        self.labels: dict[str, QLabel] = {}
        self.cash_buttons: dict[str, QPushButton] = {}
        self.asking: set[str] = set()
        self.paying: set[str] = set()
        self.manager_dialog: OverrideDialog | None = None
        self._command_ids: dict[str, str] = {}
        for number in self.refunds:
            row = QHBoxLayout()
            label = QLabel()
            label.setObjectName("paycodeRefundState")
            label.setWordWrap(True)
            row.addWidget(label, 1)
            button = QPushButton(self.tr("Cash refund"))
            button.setObjectName("secondaryButton")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, n=number: self.pay_in_cash(n))
            row.addWidget(button)
            self.labels[number], self.cash_buttons[number] = label, button
            self.body.addLayout(row)
        self.body.addStretch(1)
        self.cancel_button.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(REFUND_POLL_MS)
        self.timer.timeout.connect(self.poll)
        for refund in list(self.refunds.values()):
            self.show_refund(refund)
        self.size_to_parent(0.5, 0.4)

    def submit(self) -> None:
        self.timer.stop()
        self.accept()

    def reject(self) -> None:
        self.timer.stop()
        super().reject()

    # -- following the refunds ---------------------------------------------------------------

    def poll(self) -> None:
        for number, refund in self.refunds.items():
            if refund.get("final") or number in self.asking:
                continue
            self.asking.add(number)

            def failed(exc: Exception, n: str = number) -> None:
                self.asking.discard(n)  # the next tick asks again

            self.worker.submit(lambda n=number: self.client.paycode_refund(n), self._answered, failed, owner=self)

    def _answered(self, refund: dict[str, Any]) -> None:
        self.asking.discard(str(refund.get("out_refund_no")))
        self.show_refund(refund)

    def show_refund(self, refund: dict[str, Any]) -> None:
        number = str(refund["out_refund_no"])
        if number not in self.labels:
            return
        self.refunds[number] = dict(refund)
        state = str(refund.get("state"))
        if state == "success":
            text = self.tr("%1 %2: refunded to the customer")
        elif state == "failed":
            text = self.tr("%1 %2: refused by the provider (%3). Refund it in cash with a manager.")
        elif state == "paid_in_cash":
            text = self.tr("%1 %2: refunded in cash")
        else:
            text = self.tr("%1 %2: refund pending…")
        provider = self.tr("WeChat Pay") if refund.get("provider") == "wechat" else self.tr("Alipay")
        self.labels[number].setText(text.replace("%1", provider).replace("%2", yuan(int(refund.get("amount", 0))))
                                    .replace("%3", str(refund.get("raw_code") or "")))
        button = self.cash_buttons[number]
        button.setVisible(state == "failed")
        button.setEnabled(state == "failed" and number not in self.paying)
        if any(not r.get("final") for r in self.refunds.values()):
            self.timer.start()
        else:
            self.timer.stop()

    # -- 现金退款 ----------------------------------------------------------------------------

    def pay_in_cash(self, number: str, override: dict[str, str] | None = None) -> None:
        """Ask the store server to pay the refused refund in cash; it wants a manager (asked here)."""
        if number in self.paying or self.refunds.get(number, {}).get("state") != "failed":
            return
        command_id = self._command_ids.setdefault(number, new_command_id())  # a retry is the same payment
        self.paying.add(number)
        self.cash_buttons[number].setEnabled(False)
        self.message.clear_message()

        def failed(exc: Exception) -> None:
            self.paying.discard(number)
            self.show_refund(self.refunds[number])
            if isinstance(exc, ApiError) and exc.code == "override_required":
                self._ask_manager(number, None)
            elif isinstance(exc, ApiError) and override and exc.code in OVERRIDE_RETRY_CODES:
                self._ask_manager(number, str(exc))
            else:
                self.message.show_error(str(exc))

        def done(refund: dict[str, Any]) -> None:
            self.paying.discard(number)
            self.show_refund(refund)
            if self.on_cash is not None:
                self.on_cash(refund)

        self.worker.submit(lambda: self.client.paycode_refund_cash(number, command_id, override), done, failed,
                           owner=self)

    def _ask_manager(self, number: str, error: str | None) -> None:
        dialog = OverrideDialog("paycode_cash_refund", self, error)
        self.manager_dialog = dialog

        def accepted() -> None:
            self.manager_dialog = None
            self.pay_in_cash(number, dialog.override)

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: setattr(self, "manager_dialog", None))
        dialog.open()
