"""回款: each channel's payout of a bill day, due on its settlement day (T+N, ``settlement_days`` in
the recon settings), matched against the bank statement's credits from that provider.

A provider settles the whole merchant (every store) at once, so payouts are the chain's, not a
store's: the expected amount is the day's bill net of the provider's fees (a platform's own
``payout`` column), and the credit is found by the payer's name on the statement."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.recon import PAY, REFUND, Payout, match_payouts, settlement_day
from app.hq import clock
from app.hq.models import ReconRow
from app.hq.recon.imports import recon_settings

#: who pays each channel out, as a bank statement names them (对方户名 or 摘要)
PAYERS = {"wechat": ("财付通", "微信", "tenpay"), "alipay": ("支付宝", "alipay"), "meituan": ("美团", "三快", "meituan"),
          "eleme": ("饿了么", "拉扎斯", "eleme")}
DEFAULT_DAYS = {"wechat": 1, "alipay": 1, "meituan": 7, "eleme": 7}
SLACK_DAYS = 3
MAX_DAYS = 62


def expected(session: Session, channel: str, first: date, last: date, cycle: int) -> list[Payout]:
    """One payout per bill day of ``channel``, due T+``cycle``."""
    rows = session.execute(select(ReconRow.bill_day, ReconRow.entry, func.sum(ReconRow.amount), func.sum(ReconRow.fee),
                                  func.sum(ReconRow.payout))
                           .where(ReconRow.channel == channel, ReconRow.entry.in_((PAY, REFUND)),
                                  ReconRow.status != "REVOKED", ReconRow.bill_day >= first, ReconRow.bill_day <= last)
                           .group_by(ReconRow.bill_day, ReconRow.entry))
    by_day: dict[date, int] = {}
    for day, entry, amount, fee, payout in rows:
        if channel in ("meituan", "eleme"):
            net = int(payout or 0)
        else:
            net = (-1 if entry == REFUND else 1) * int(amount or 0) - int(fee or 0)
        by_day[day] = by_day.get(day, 0) + net
    return [Payout(f"{channel}:{day.isoformat()}", settlement_day(day, cycle), amount)
            for day, amount in sorted(by_day.items()) if amount > 0]


def received(session: Session, channel: str, first: date, last: date) -> list[Payout]:
    """The bank's credits from ``channel``'s payer between ``first`` and ``last``."""
    names = PAYERS[channel]
    rows = session.execute(select(ReconRow.id, ReconRow.bill_day, ReconRow.amount, ReconRow.counterparty,
                                  ReconRow.memo).where(ReconRow.channel == "bank", ReconRow.entry == "credit",
                                                       ReconRow.bill_day >= first, ReconRow.bill_day <= last))
    return [Payout(str(row_id), day, amount) for row_id, day, amount, party, memo in rows
            if any(name in f"{party} {memo}".lower() for name in names)]


def payouts(session: Session, first: date, last: date) -> dict[str, Any]:
    """Every channel's payouts of the bill days ``first``–``last``: received (with the bank row),
    pending (due and not arrived) or not due yet; and the credits from a provider no payout explains."""
    if last < first or (last - first).days >= MAX_DAYS:
        raise DomainError("invalid_field", status=422, field="to", value=last.isoformat())
    cycles = {**DEFAULT_DAYS, **{k: int(v) for k, v in recon_settings(session).get("settlement_days", {}).items()}}
    today = clock.business_day(clock.now())
    found: list[dict[str, Any]] = []
    unexplained: list[dict[str, Any]] = []
    for channel in PAYERS:
        cycle = cycles.get(channel, 1)
        due = expected(session, channel, first, last, cycle)
        credits = received(session, channel, first + timedelta(days=cycle),
                           last + timedelta(days=cycle + SLACK_DAYS))
        pairs, pending, extra = match_payouts(due, credits, slack_days=SLACK_DAYS)
        for want, got in pairs:
            found.append(_out(channel, want, "received", got))
        for want in pending:
            found.append(_out(channel, want, "pending" if want.day < today else "not_due", None))
        unexplained += [{"channel": channel, "day": p.day.isoformat(), "amount": p.amount, "bank_row": int(p.ref)}
                        for p in extra]
    found.sort(key=lambda p: (p["bill_day"], p["channel"]))
    return {"payouts": found, "unexplained": unexplained}


def _out(channel: str, want: Payout, state: str, got: Payout | None) -> dict[str, Any]:
    return {"channel": channel, "bill_day": want.ref.split(":", 1)[1], "due": want.day.isoformat(),
            "expected": want.amount, "state": state, "received_on": got.day.isoformat() if got else None,
            "bank_row": int(got.ref) if got else None}
