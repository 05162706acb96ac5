"""The one place that reads the wall clock, so tests can move time."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """Local wall time, naive: receipts, shifts and business days are in store time."""
    return datetime.now()
