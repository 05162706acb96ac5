"""支付方式: every way a customer can pay, with its rules stated once.

Everything that treats tenders differently — the drawer count, 抹零, change, refunds, points,
whether a tender may buy a gift card, which outside party must authorise it, the receipt's
words — asks the tender's ``TenderKind`` here instead of comparing method strings. Adding a
tender is one entry in ``TENDERS`` (plus, for an outside one, its provider).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.domain.errors import DomainError


class RefundTo(enum.StrEnum):
    """Where the money of a return goes for what this tender paid."""

    SOURCE = "source"  # back where it came from: the card, the points, the payer's WeChat/Alipay
    CASH = "cash"  # out of the drawer


class Authoriser(enum.StrEnum):
    """Who must say yes before the tender counts (an outside call, made in two phases)."""

    NONE = "none"  # the cashier's word: cash, a card slip from an external terminal
    HQ = "hq"  # HQ's ledgers: stored value, gift cards, points
    PROVIDER = "provider"  # a payment provider: WeChat Pay, Alipay, UnionPay
    CHANNEL = "channel"  # paid online on a channel before the order reached the store


@dataclass(frozen=True, slots=True)
class TenderKind:
    code: str
    label_zh: str
    label_en: str
    refund_to: RefundTo
    authoriser: Authoriser
    #: the money is in this till's drawer (expected cash at 交班)
    in_drawer: bool = False
    #: 抹零 applies to what this tender pays; it may be more than is due and the rest is change
    cash_like: bool = False
    #: the paid amount earns points: not money that came in earlier (a top-up) or was earned already
    earns_points: bool = True
    #: may pay for a gift card sold on the same ticket (stored value and points may not: that would
    #: turn them, bonus included, into a new card's cash)
    buys_gift_cards: bool = True

    def label(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_zh

    @property
    def paid_in_kind(self) -> bool:
        """Refunds go back to this tender itself."""
        return self.refund_to is RefundTo.SOURCE


CASH = "cash"
STORED_VALUE = "stored_value"
GIFT_CARD = "gift_card"
POINTS = "points"
WECHAT = "wechat"
ALIPAY = "alipay"
UNIONPAY = "unionpay"
BANK_CARD = "bank_card"
PLATFORM = "platform"

TENDERS: dict[str, TenderKind] = {
    kind.code: kind
    for kind in (
        TenderKind(CASH, "现金", "Cash", RefundTo.CASH, Authoriser.NONE, in_drawer=True, cash_like=True),
        TenderKind(STORED_VALUE, "储值卡", "Stored value", RefundTo.SOURCE, Authoriser.HQ,
                   earns_points=False, buys_gift_cards=False),
        TenderKind(GIFT_CARD, "礼品卡", "Gift card", RefundTo.SOURCE, Authoriser.HQ,
                   earns_points=False, buys_gift_cards=False),
        TenderKind(POINTS, "积分抵现", "Points", RefundTo.SOURCE, Authoriser.HQ,
                   earns_points=False, buys_gift_cards=False),
        TenderKind(WECHAT, "微信支付", "WeChat Pay", RefundTo.SOURCE, Authoriser.PROVIDER),
        TenderKind(ALIPAY, "支付宝", "Alipay", RefundTo.SOURCE, Authoriser.PROVIDER),
        TenderKind(UNIONPAY, "云闪付", "UnionPay", RefundTo.SOURCE, Authoriser.PROVIDER),
        TenderKind(BANK_CARD, "银行卡", "Bank card", RefundTo.SOURCE, Authoriser.NONE),
        # an O2O order paid on its platform (own shop, 美团, 饿了么): never in the drawer, no points
        # here (the channel's own), refunds go back through the channel
        TenderKind(PLATFORM, "平台支付", "Paid on platform", RefundTo.SOURCE, Authoriser.CHANNEL,
                   earns_points=False),
    )
}

#: what a till may hand the store server directly as ``method`` of a plain tender (the others come
#: through their own steps: a card, points, a payment code)
DIRECT_TENDERS = frozenset({CASH})


def tender_kind(code: str) -> TenderKind:
    """The kind for ``code``, or ``unsupported_tender``."""
    kind = TENDERS.get(code)
    if kind is None:
        raise DomainError("unsupported_tender", method=str(code)[:32])
    return kind


def label(code: str, language: str = "zh_CN") -> str:
    """The receipt's and the screen's name of a tender; an unknown code shows as itself."""
    kind = TENDERS.get(code)
    return kind.label(language) if kind is not None else code
