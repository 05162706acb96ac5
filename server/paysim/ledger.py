"""The simulator's books: every trade and refund it processed, kept on disk so a restart loses nothing.

One JSON file, rewritten atomically under a lock after each change: a test kills and restarts the
simulator and still counts the charges it took; the daily bills are made from these records.

Scripted behaviours are chosen by the payment code itself (digits 3–4 select, digit 5 is N):
see :data:`SCRIPTS` and docs/payments.md.
"""

from __future__ import annotations

import enum
import json
import os
import secrets
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.payments.base import BEIJING

LEDGER_FILE = "ledger.json"


class Script(enum.StrEnum):
    INSTANT = "00"  # paid at once
    PAYING_THEN_PAID = "01"  # USERPAYING for N queries, then paid
    PAYING_THEN_CLOSED = "02"  # USERPAYING for N queries, then closed (the customer gave up)
    SYSTEMERROR_THEN_PAID = "03"  # charged, but the pay answer is SYSTEMERROR / 20000; a query says paid
    NOT_ENOUGH = "04"  # insufficient balance
    EXPIRED_CODE = "05"  # the code has expired
    RECALL_ONCE = "06"  # never confirmed; the first reverse/cancel asks to be called again
    DROP_AFTER_CHARGE = "07"  # charged, then the connection drops before any answer
    REFUND_PROCESSING = "08"  # paid at once; its refunds stay processing for N queries
    BAD_SIGNATURE = "09"  # charged, but the pay answer's signature is wrong; queries are signed
    REFUND_REFUSED = "10"  # paid at once; every refund is refused for good (the payer's account is closed)


SCRIPTS: dict[Script, str] = {
    Script.INSTANT: "instant success",
    Script.PAYING_THEN_PAID: "USERPAYING for N queries, then paid",
    Script.PAYING_THEN_CLOSED: "USERPAYING for N queries, then closed",
    Script.SYSTEMERROR_THEN_PAID: "SYSTEMERROR (WeChat) / 20000 (Alipay) though charged; the query says paid",
    Script.NOT_ENOUGH: "insufficient balance (NOTENOUGH / ACQ.BUYER_BALANCE_NOT_ENOUGH)",
    Script.EXPIRED_CODE: "expired code (AUTHCODEEXPIRE / ACQ.PAYMENT_AUTH_CODE_INVALID)",
    Script.RECALL_ONCE: "never confirmed; the first reverse answers recall=Y / retry_flag=Y, the second succeeds",
    Script.DROP_AFTER_CHARGE: "charged, then the connection is dropped before the answer",
    Script.REFUND_PROCESSING: "paid at once; a refund stays processing for N queries",
    Script.BAD_SIGNATURE: "charged, but the pay answer carries a bad signature",
    Script.REFUND_REFUSED: "paid at once; refunds are refused (USER_ACCOUNT_ABNORMAL / ACQ.SELLER_BALANCE_NOT_ENOUGH)",
}


def script_of(auth_code: str) -> tuple[Script, int]:
    """The behaviour a payment code selects, and its N (digit 5; 0 means 2)."""
    try:
        script = Script(auth_code[2:4])
    except ValueError:
        script = Script.INSTANT
    n = int(auth_code[4]) if len(auth_code) > 4 and auth_code[4].isdigit() else 0
    return script, n or 2


class TradeState(enum.StrEnum):
    USERPAYING = "USERPAYING"
    SUCCESS = "SUCCESS"
    CLOSED = "CLOSED"
    REVOKED = "REVOKED"
    PAYERROR = "PAYERROR"


@dataclass
class Refund:
    out_refund_no: str
    refund_id: str
    amount: int
    state: str  # PROCESSING / SUCCESS
    accepted_at: str
    succeeded_at: str | None = None
    queries: int = 0
    reason: str = "refund"  # "refund" or "reverse" (a reversed paid trade)


@dataclass
class Trade:
    provider: str  # wechat / alipay
    out_trade_no: str
    auth_code: str
    amount: int
    subject: str
    device_info: str
    merchant: str  # mch_id / app_id
    sub_merchant: str
    script: str
    n: int
    state: str
    created_at: str
    transaction_id: str = ""
    paid_at: str | None = None
    closed_at: str | None = None
    queries: int = 0
    reverses: int = 0
    charged: bool = False  # money was taken from the customer at some point
    refunds: dict[str, Refund] = field(default_factory=dict)

    @property
    def refunded(self) -> int:
        return sum(refund.amount for refund in self.refunds.values())

    @property
    def transaction_prefix(self) -> str:
        return "42000" if self.provider == "wechat" else ""  # WeChat's numbers start 42000…, Alipay's with the date

    def mark_paid(self) -> None:
        self.state = TradeState.SUCCESS
        self.charged = True
        self.paid_at = now_text()
        self.transaction_id = self.transaction_id or new_number(self.transaction_prefix, 28)

    def close(self, state: TradeState) -> None:
        self.state = state
        self.closed_at = now_text()

    def advance_on_query(self) -> None:
        """A query moves a scripted trade along: the customer confirms (or gives up) at the Nth query."""
        if self.state != TradeState.USERPAYING:
            return
        self.queries += 1
        if self.queries < self.n:
            return
        if self.script == Script.PAYING_THEN_PAID:
            self.mark_paid()
        elif self.script == Script.PAYING_THEN_CLOSED:
            self.close(TradeState.CLOSED)

    def revoke(self) -> None:
        """Close an unpaid trade; reverse a paid one, its money going back (what was not refunded yet)."""
        if self.state == TradeState.SUCCESS and self.refunded < self.amount:
            number = f"REVERSE-{self.out_trade_no}"
            self.refunds[number] = Refund(number, new_number("50300", 29), self.amount - self.refunded, "SUCCESS",
                                          now_text(), now_text(), reason="reverse")
        if self.state != TradeState.REVOKED:
            self.close(TradeState.REVOKED)

    def add_refund(self, out_refund_no: str, amount: int) -> Refund:
        """A new refund: done at once, or PROCESSING when the trade's script keeps it so."""
        processing = self.script == Script.REFUND_PROCESSING
        refund_id = new_number("50300", 29) if self.provider == "wechat" else self.transaction_id
        refund = Refund(out_refund_no, refund_id, amount, "PROCESSING" if processing else "SUCCESS", now_text(),
                        None if processing else now_text())
        self.refunds[out_refund_no] = refund
        return refund

    def advance_refund(self, refund: Refund) -> None:
        """A refund kept PROCESSING by the script succeeds at the Nth query."""
        if refund.state != "PROCESSING":
            return
        refund.queries += 1
        if refund.queries >= self.n:
            refund.state = "SUCCESS"
            refund.succeeded_at = now_text()

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data["auth_code"] = self.auth_code[:4] + "…" + self.auth_code[-4:]
        data["refunded"] = self.refunded
        data["refunds"] = [asdict(refund) for refund in self.refunds.values()]
        return data


def now_text() -> str:
    return datetime.now(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING)


def new_number(prefix: str, length: int) -> str:
    """A provider-style number: a prefix, today's date, random digits to ``length``."""
    head = prefix + datetime.now(BEIJING).strftime("%Y%m%d")
    return head + "".join(secrets.choice("0123456789") for _ in range(length - len(head)))


class Ledger:
    """Trades by (provider, out_trade_no), and which payment codes were used (each works once)."""

    def __init__(self, home: Path) -> None:
        self.path = home / LEDGER_FILE
        self.lock = threading.RLock()
        self.trades: dict[str, Trade] = {}
        self.used_codes: dict[str, str] = {}
        if self.path.exists():
            self._load()

    @staticmethod
    def key(provider: str, out_trade_no: str) -> str:
        return f"{provider}:{out_trade_no}"

    def get(self, provider: str, out_trade_no: str) -> Trade | None:
        return self.trades.get(self.key(provider, out_trade_no))

    def add(self, trade: Trade) -> None:
        self.trades[self.key(trade.provider, trade.out_trade_no)] = trade
        if trade.auth_code:
            self.used_codes[trade.auth_code] = self.key(trade.provider, trade.out_trade_no)

    def find_refund(self, provider: str, out_refund_no: str) -> tuple[Trade, Refund] | None:
        for trade in self.trades.values():
            if trade.provider == provider and out_refund_no in trade.refunds:
                return trade, trade.refunds[out_refund_no]
        return None

    def save(self) -> None:
        data = {"trades": [asdict(trade) for trade in self.trades.values()], "used_codes": self.used_codes}
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def _load(self) -> None:
        data = json.loads(self.path.read_text(encoding="utf-8"))
        for raw in data.get("trades", []):
            refunds = {no: Refund(**r) for no, r in raw.pop("refunds", {}).items()}
            trade = Trade(**raw, refunds=refunds)
            self.trades[self.key(trade.provider, trade.out_trade_no)] = trade
        self.used_codes = dict(data.get("used_codes", {}))
