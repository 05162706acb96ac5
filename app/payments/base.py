"""The payment-provider interface the store's payment flow is written against (付款码支付).

Every call is idempotent on our own number — ``out_trade_no`` for a charge, ``out_refund_no`` for a
refund — so the flow retries with the same number, never a new one. Every business answer comes
back as a typed result; nothing here raises for a provider's "no" or for a network problem:

* a network failure, a timeout, a malformed body or an answer whose signature does not verify is
  ``UNKNOWN`` — the money may or may not have moved, so the caller queries (and in the end cancels);
* ``FAILED`` is only ever a signed, definite "this was not charged" (or "this refund was refused").

Amounts are integer fen. Times are aware datetimes in Beijing time (the providers' clock).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Protocol

from app.domain.errors import DomainError, InvalidAmount
from app.domain.money import check_amount
from app.domain.payment_code import PaymentProvider, route_payment_code

#: our numbers as both providers accept them: WeChat allows 32 characters of [0-9a-zA-Z_-|*@], Alipay 64
OUR_NUMBER = re.compile(r"[0-9A-Za-z_\-|*@]{1,32}")

#: both providers speak Beijing time (UTC+8, no daylight saving)
BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


class PaymentConfigError(DomainError):
    """The store's payment credentials are missing, unsafe or malformed (a setup problem, not a payment's)."""

    code = "payment_config_invalid"


class ChargeOutcome(enum.StrEnum):
    PAID = "paid"  # the customer was charged; transaction_id is set
    USERPAYING = "userpaying"  # 输入密码中: the customer is confirming on the phone — query again
    FAILED = "failed"  # definitely not charged (the provider said so, signed)
    UNKNOWN = "unknown"  # no trustworthy answer: query, and cancel if it stays unknown


class CancelOutcome(enum.StrEnum):
    DONE = "done"  # closed (never paid) or reversed (the money goes back); the number is dead
    RETRY = "retry"  # the provider asks to call again (WeChat recall=Y, Alipay retry_flag=Y)
    FAILED = "failed"  # the provider refuses for good (e.g. past the cancel window): refund instead
    UNKNOWN = "unknown"  # no trustworthy answer: call cancel again with the same number


class RefundState(enum.StrEnum):
    PROCESSING = "processing"  # accepted, not final: query until SUCCESS or FAILED
    SUCCESS = "success"  # the money is on its way back to the customer
    FAILED = "failed"  # refused or closed for good (raw_code says why; CHANGE needs a person)
    UNKNOWN = "unknown"  # no trustworthy answer, or the refund is not known: send the same refund again


@dataclass(frozen=True, slots=True)
class ChargeOrder:
    """One attempt to charge a payment code. ``out_trade_no`` is ours and stays with the attempt."""

    out_trade_no: str
    auth_code: str  # the customer's 付款码 digits (a one-time bearer token: never log it whole)
    amount: int  # fen
    subject: str  # WeChat ``body`` / Alipay ``subject``: "门店品牌名-城市分店名-实际商品名称"
    store_code: str
    till_code: str
    operator_code: str = ""

    def __post_init__(self) -> None:
        """Refuse what no provider would take, before anything is sent."""
        check_number("out_trade_no", self.out_trade_no)
        check_amount(self.amount)
        route_payment_code(self.auth_code)

    @property
    def device_info(self) -> str:
        """WeChat ``device_info`` / Alipay ``terminal_id``: the store and the till (String(32))."""
        return f"{self.store_code}-{self.till_code}"[:32]


def check_number(field: str, value: str) -> str:
    """``out_trade_no`` / ``out_refund_no``: 1–32 characters of what both providers accept."""
    if not isinstance(value, str) or not OUR_NUMBER.fullmatch(value):
        raise DomainError("invalid_field", field=field, value=str(value)[:40])
    return value


def check_refund(out_refund_no: str, amount: int, total: int) -> None:
    """A refund of 1 fen up to the charge's total, under a valid number."""
    check_number("out_refund_no", out_refund_no)
    check_amount(total)
    if check_amount(amount) > total:
        raise InvalidAmount(amount=amount)


@dataclass(frozen=True, slots=True)
class ChargeResult:
    provider: PaymentProvider
    out_trade_no: str
    outcome: ChargeOutcome
    raw_code: str  # the provider's own code for the record: SUCCESS, USERPAYING, NOTENOUGH, 10003, ACQ.…
    message: str = ""  # the provider's words (err_code_des / sub_msg), for the cashier and the record
    transaction_id: str | None = None  # 微信支付订单号 / 支付宝交易号
    amount: int | None = None  # fen, as the provider recorded it
    payer_bank: str | None = None  # WeChat bank_type (e.g. CMC, OTHERS) / Alipay fund channels
    fee: int | None = None  # the provider's fee in fen, when an answer carries it (usually only the bill)
    paid_at: datetime | None = None
    close_required: bool = False  # FAILED, yet the provider keeps an open trade: cancel it to close the loop

    @property
    def charged(self) -> bool:
        return self.outcome is ChargeOutcome.PAID


@dataclass(frozen=True, slots=True)
class CancelResult:
    provider: PaymentProvider
    out_trade_no: str
    outcome: CancelOutcome
    raw_code: str
    message: str = ""
    retry: bool = False  # WeChat recall=Y / Alipay retry_flag=Y
    action: str | None = None  # Alipay: "close" (was unpaid) or "refund" (was paid, money goes back)


@dataclass(frozen=True, slots=True)
class RefundResult:
    provider: PaymentProvider
    out_trade_no: str
    out_refund_no: str
    state: RefundState
    raw_code: str
    message: str = ""
    refund_id: str | None = None  # the provider's refund number, when it gives one
    amount: int | None = None  # fen
    refunded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class BillResult:
    """One day's trade bill as the provider sent it (finance parses it; see docs/payments.md)."""

    provider: PaymentProvider
    day: date
    available: bool  # False: the provider has no bill for that day (yet)
    raw_code: str
    message: str = ""
    content: bytes = b""  # WeChat: the UTF-8 text; Alipay: the csv.zip
    filename: str = ""


class PaymentGateway(Protocol):
    """One provider's 付款码 API. Implementations: :class:`app.payments.wechat.WechatPayClient`,
    :class:`app.payments.alipay.AlipayClient`."""

    provider: PaymentProvider

    def pay(self, order: ChargeOrder) -> ChargeResult:
        """Charge the customer's code (WeChat micropay / Alipay trade.pay, scene bar_code)."""
        ...

    def query(self, out_trade_no: str) -> ChargeResult:
        """What became of a charge (WeChat orderquery / Alipay trade.query)."""
        ...

    def cancel(self, out_trade_no: str) -> CancelResult:
        """Close or reverse a charge (WeChat reverse, mutual TLS / Alipay trade.cancel)."""
        ...

    def refund(self, out_trade_no: str, out_refund_no: str, amount: int, total: int) -> RefundResult:
        """Refund ``amount`` of a paid charge of ``total`` fen (WeChat refund, mutual TLS / Alipay trade.refund)."""
        ...

    def refund_query(self, out_refund_no: str, *, out_trade_no: str) -> RefundResult:
        """What became of a refund (WeChat refundquery / Alipay trade.fastpay.refund.query).

        ``out_trade_no`` is required because Alipay looks a refund up by trade and request number.
        """
        ...

    def download_bill(self, day: date) -> BillResult:
        """The day's trade bill (WeChat downloadbill ALL / Alipay bill download URL, then the zip)."""
        ...
