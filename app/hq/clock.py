"""HQ time is UTC; the one place that reads the wall clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

#: the chain's business day runs on Beijing time: a year's points, a card's last day end at its midnight
BUSINESS_TZ = timezone(timedelta(hours=8))


def now() -> datetime:
    return datetime.now(UTC)


def business_day(moment: datetime) -> date:
    """The stores' calendar day of ``moment``."""
    return aware(moment).astimezone(BUSINESS_TZ).date()


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were written as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
