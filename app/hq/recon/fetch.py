"""The morning job: yesterday's bills fetched from every provider HQ has credentials for and
imported. Each download happens outside any transaction; each import is one of its own
(``services.import_bill``), so a provider that stalls holds no lock, and a bill not ready yet
(WeChat: from 10:00 the next day) is reported and fetched again on the next run — the same file
twice changes nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError
from app.domain.payment_code import PaymentProvider
from app.payments.base import BEIJING, PaymentGateway

KIND = {PaymentProvider.WECHAT: "wechat", PaymentProvider.ALIPAY: "alipay"}


@dataclass(frozen=True, slots=True)
class Fetched:
    provider: str
    day: date
    outcome: str  # imported | already | not_ready | refused
    detail: str = ""
    new_rows: int = 0


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
            results.append(Fetched(provider.value, day, "refused", error.code))
            continue
        results.append(Fetched(provider.value, day, "already" if report.already else "imported",
                               new_rows=report.new_rows))
    return results
