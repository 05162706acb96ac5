"""Payment-provider clients for 付款码 tenders (WeChat Pay v2 micropay, Alipay 当面付).

No database and no Qt here: the store's payment flow records its intent, commits, then calls a
:class:`~app.payments.base.PaymentGateway` outside any transaction and settles what comes back.
"""

from __future__ import annotations

from app.domain.payment_code import PaymentProvider
from app.payments.base import PaymentConfigError, PaymentGateway
from app.payments.credentials import PaymentCredentials


def gateways(credentials: PaymentCredentials) -> dict[PaymentProvider, PaymentGateway]:
    """A client for every provider the store has credentials for."""
    from app.payments.alipay import AlipayClient
    from app.payments.wechat import WechatPayClient

    found: dict[PaymentProvider, PaymentGateway] = {}
    if credentials.wechat is not None:
        found[PaymentProvider.WECHAT] = WechatPayClient(credentials.wechat)
    if credentials.alipay is not None:
        found[PaymentProvider.ALIPAY] = AlipayClient(credentials.alipay)
    return found


__all__ = ["PaymentConfigError", "PaymentGateway", "gateways"]
