"""HQ time is UTC; the one place that reads the wall clock."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were written as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
