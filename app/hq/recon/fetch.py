"""The morning job: yesterday's bills fetched from every provider HQ has credentials for and
imported — WeChat Pay's and Alipay's trade bills through the payment layer, 美团's and 饿了么's
settlement bills through the platform channels HQ already signs its calls with (``o2o_channels``). Each download happens outside any transaction; each import is one of its own
(``services.import_bill``), so a provider that stalls holds no lock, and a bill not ready yet
(WeChat: from 10:00 the next day) is reported and fetched again on the next run — the same file
twice changes nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError
from app.domain.payment_code import PaymentProvider
from app.hq.recon.bills import Rejected
from app.payments.base import BEIJING, PaymentGateway

KIND = {PaymentProvider.WECHAT: "wechat", PaymentProvider.ALIPAY: "alipay"}


@dataclass(frozen=True, slots=True)
class Fetched:
    provider: str
    day: date
    outcome: str  # imported | already | not_ready | refused | failed
    detail: str = ""
    new_rows: int = 0
    rejected: list[Rejected] = field(default_factory=list)  # the rows it could not read
    params: dict[str, Any] = field(default_factory=dict)  # a refusal's message parameters


def yesterday() -> date:
    """The day before today in Beijing time: the bills' clock."""
    return (datetime.now(BEIJING) - timedelta(days=1)).date()


def fetch_bills(sessions: sessionmaker[Session], gateways: Mapping[PaymentProvider, PaymentGateway],
                day: date) -> list[Fetched]:
    from app.hq import services

    results = []
    for provider, gateway in gateways.items():
        bill = gateway.download_bill(day)  # outside any transaction
        if not bill.available:
            results.append(Fetched(provider.value, day, "not_ready", f"{bill.raw_code} {bill.message}".strip()))
            continue
        try:
            with sessions() as session:
                report = services.import_bill(session, bill.content, bill.filename or f"{provider.value}-{day}",
                                              kind=KIND[provider], source="fetch", actor="fetch")
        except DomainError as error:
            results.append(Fetched(provider.value, day, "refused", error.code, params=error.params))
            continue
        results.append(Fetched(provider.value, day, "already" if report.already else "imported",
                               new_rows=report.new_rows, rejected=[] if report.already else report.rejected))
    return results


def fetch_platform_bills(sessions: sessionmaker[Session], day: date) -> list[Fetched]:
    """Each 美团 / 饿了么 channel with credentials and an API address: the day's settlement bill
    downloaded (outside any transaction) and imported through the same path as a file by hand."""
    from app.domain.platforms import PLATFORMS
    from app.hq import services
    from app.hq.models import O2OChannel
    from app.hq.orders.platforms import download_bill

    with sessions() as session:
        channels = [channel for channel in session.scalars(select(O2OChannel).where(O2OChannel.code.in_(PLATFORMS))
                                                           .order_by(O2OChannel.code))
                    if channel.app_key and channel.app_secret and channel.callback_url]
        session.expunge_all()
    results = []
    for channel in channels:
        bill = download_bill(channel, day)
        if not bill.available:
            # no bill yet (or nothing that day): fetched again on the next run; anything else — a
            # signature the platform refused, an outage — failed
            outcome = "not_ready" if bill.later else "failed"
            results.append(Fetched(channel.code, day, outcome, f"{bill.code} {bill.message}".strip()))
            continue
        try:
            with sessions() as session:
                report = services.import_bill(session, bill.content, bill.filename, kind=channel.code,
                                              source="fetch", actor="fetch")
        except DomainError as error:
            results.append(Fetched(channel.code, day, "refused", error.code, params=error.params))
            continue
        results.append(Fetched(channel.code, day, "already" if report.already else "imported",
                               new_rows=report.new_rows, rejected=[] if report.already else report.rejected))
    return results
