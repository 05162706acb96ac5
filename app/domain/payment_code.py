"""付款码: which provider a scanned payment code belongs to, decided by its digits, never guessed.

WeChat Pay codes are 18 digits starting 10–15; Alipay codes are 16–24 digits starting 25–30 (both
providers' own wording: "以10/11/12/13/14/15为前缀的18位数字", "25~30开头的长度为16~24位的数字").
A scanner may send full-width digits or a trailing newline, so the text is NFKC-normalised and
stripped first. Anything else is refused with a coded error rather than sent to a provider.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass

from app.domain.errors import DomainError

#: longer input is refused before it is normalised (NFKC can grow a string)
MAX_INPUT_LENGTH = 64


class PaymentProvider(enum.StrEnum):
    WECHAT = "wechat"  # 微信支付
    ALIPAY = "alipay"  # 支付宝


class InvalidPaymentCode(DomainError):
    code = "invalid_payment_code"


@dataclass(frozen=True, slots=True)
class PaymentCode:
    """A customer's 付款码, normalised to ASCII digits, and whose it is."""

    provider: PaymentProvider
    digits: str

    @property
    def masked(self) -> str:
        """For logs and screens: the first 4 and last 4 digits only (a code is a one-time bearer token)."""
        return self.digits[:4] + "*" * (len(self.digits) - 8) + self.digits[-4:]


def normalise_payment_code(text: str) -> str:
    """Full-width digits to ASCII, surrounding whitespace (a scanner's CR/LF) removed."""
    return unicodedata.normalize("NFKC", text).strip()


def recognise_payment_code(text: str) -> PaymentCode | None:
    """The payment code in ``text``, or None when it is not one (never raises)."""
    if not isinstance(text, str) or len(text) > MAX_INPUT_LENGTH:
        return None
    digits = normalise_payment_code(text)
    if not digits or not all("0" <= ch <= "9" for ch in digits):
        return None
    prefix = int(digits[:2]) if len(digits) >= 2 else -1
    if len(digits) == 18 and 10 <= prefix <= 15:
        return PaymentCode(PaymentProvider.WECHAT, digits)
    if 16 <= len(digits) <= 24 and 25 <= prefix <= 30:
        return PaymentCode(PaymentProvider.ALIPAY, digits)
    return None


def route_payment_code(text: str) -> PaymentCode:
    """The payment code in ``text``; a clear ``invalid_payment_code`` error when it is none."""
    found = recognise_payment_code(text)
    if found is None:
        shown = text[:MAX_INPUT_LENGTH] if isinstance(text, str) else ""
        raise InvalidPaymentCode(code=normalise_payment_code(shown)[:32])
    return found
