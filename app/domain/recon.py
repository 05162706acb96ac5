"""对账: what the tills recorded matched against what a money provider's bill says, per store,
business day and channel, every difference classified.

Plain values in, plain values out; HQ loads the rows (``app.hq.recon``) and keeps what is decided.

* **Keys first.** A charge matches the bill's row for the same ``out_trade_no`` (ours, unique per
  attempt), else the same provider ``transaction_id``; a refund matches by ``out_refund_no``, else
  the provider's ``refund_id``. Only what lacks ids (a card-terminal slip, an O2O order keyed by
  the platform's order number) falls back to the same amount within ``window`` seconds.
* **The provider's day.** A bill cuts at 00:00 Beijing time by payment-success time (refunds by the
  time the refund was accepted), not by our business day: a sale rung up at 23:59 and paid at
  00:00:10 is in the next day's bill. Such a pair matches and is reported as ``TIMING`` (nothing to
  do); a refund of a charge from another day is ``REFUND_OTHER_DAY`` (nothing to do either).
* **Differences to act on.** ``OURS_ONLY`` (短款: we recorded money the provider never took),
  ``THEIRS_ONLY`` (长款: the provider took money we have no sale for), ``AMOUNT_MISMATCH`` and
  ``REVERSED`` (we kept a sale the provider reversed). A reversed charge we never kept is
  ``REVERSED_CLOSED``: the loop closed, nothing to do.

``amount`` on a difference is signed the finance way: positive is 长款 (the provider has more),
negative is 短款 (we recorded more).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

PAY = "pay"
REFUND = "refund"

#: what a provider calls a charge it reversed after success (WeChat 交易状态 REVOKED)
REVERSED_STATUS = "REVOKED"


class DiffKind(enum.StrEnum):
    OURS_ONLY = "ours_only"  # 单边账, 短款: on our books, not in the bill
    THEIRS_ONLY = "theirs_only"  # 单边账, 长款: in the bill, not on our books
    AMOUNT_MISMATCH = "amount_mismatch"
    REVERSED = "reversed"  # we kept a sale; the provider reversed the charge after success
    REVERSED_CLOSED = "reversed_closed"  # reversed after success and we kept no sale: closed loop
    TIMING = "timing"  # matched, but on another day of ours (the provider's cut-off)
    REFUND_OTHER_DAY = "refund_other_day"  # a refund of a charge from another day
    AWAITING_BILL = "awaiting_bill"  # ours, and the provider's bill for its day is not in yet


#: differences a person must resolve before the day closes; the rest explain themselves
ACTIONABLE = frozenset({DiffKind.OURS_ONLY, DiffKind.THEIRS_ONLY, DiffKind.AMOUNT_MISMATCH, DiffKind.REVERSED})


@dataclass(frozen=True, slots=True)
class Ours:
    """One movement of money as our books have it: a tender of a sale (``pay``) or of a return
    (``refund``, amount positive), in fen. ``at`` is when it succeeded (Beijing wall time)."""

    ref: str  # our row's id (sale id / tender), for the drill-down
    kind: str  # PAY | REFUND
    amount: int
    at: datetime
    business_day: date
    out_trade_no: str = ""
    transaction_id: str = ""
    out_refund_no: str = ""
    refund_id: str = ""
    charge_day: date | None = None  # a refund: the business day of the charge it gives back


@dataclass(frozen=True, slots=True)
class Theirs:
    """One row of a provider's bill: a charge, a refund (amount positive) or a reversed charge."""

    ref: str  # the bill row's id, for the drill-down
    kind: str  # PAY | REFUND
    amount: int
    at: datetime
    fee: int = 0  # 手续费 on this row (a refund's fee comes back: negative)
    status: str = "SUCCESS"
    out_trade_no: str = ""
    transaction_id: str = ""
    out_refund_no: str = ""
    refund_id: str = ""


@dataclass(frozen=True, slots=True)
class Difference:
    kind: DiffKind
    amount: int  # + 长款 (the provider has more), − 短款 (we recorded more), 0 for the explanatory ones
    day: date  # the day it belongs to: the provider's day when the bill has it, else our business day
    ours: Ours | None = None
    theirs: Theirs | None = None

    @property
    def actionable(self) -> bool:
        return self.kind in ACTIONABLE

    @property
    def key(self) -> str:
        """Stable across re-runs: what a resolution is filed under."""
        side = self.theirs or self.ours
        assert side is not None
        number = side.out_refund_no or side.refund_id if side.kind == REFUND else side.out_trade_no or side.transaction_id
        return f"{self.kind.value}:{side.kind}:{number or side.ref}"


@dataclass(slots=True)
class Totals:
    """One day's money on one channel: ours against the provider's, and what the provider keeps."""

    ours_paid: int = 0
    ours_refunded: int = 0
    theirs_paid: int = 0
    theirs_refunded: int = 0
    fees: int = 0
    matched: int = 0

    @property
    def ours_net(self) -> int:
        return self.ours_paid - self.ours_refunded

    @property
    def theirs_net(self) -> int:
        return self.theirs_paid - self.theirs_refunded

    @property
    def payout(self) -> int:
        """What the provider will pay out for the day: its net less its fees."""
        return self.theirs_net - self.fees


@dataclass(slots=True)
class Result:
    totals: Totals = field(default_factory=Totals)
    differences: list[Difference] = field(default_factory=list)

    @property
    def open_differences(self) -> list[Difference]:
        return [d for d in self.differences if d.actionable]


def provider_day(at: datetime) -> date:
    """The bill a moment lands in: both providers cut at 00:00 Beijing time (``at`` is Beijing wall
    time, naive or aware)."""
    return at.date()


def reconcile(ours: Iterable[Ours], theirs: Iterable[Theirs], *, window: int = 120,
              billed_days: frozenset[date] | None = None) -> Result:
    """Match our rows against the bill's and classify every difference.

    ``billed_days``: the days whose bill is in; an unmatched row of ours whose provider day has no
    bill yet is ``AWAITING_BILL`` rather than 短款 (None: every day's bill is in).
    """
    result = Result()
    totals = result.totals
    # one index per kind, so a key is the number itself (no tuple per row: a bill has a million)
    by_number: dict[str, dict[str, Theirs]] = {PAY: {}, REFUND: {}}
    by_provider_id: dict[str, dict[str, Theirs]] = {PAY: {}, REFUND: {}}
    theirs_list: list[Theirs] = []
    refunded_charges: set[str] = set()
    paid = refunded = fees = 0
    ours = list(ours)
    # the provider's own ids are indexed only when some row of ours has them and not our number
    want_ids = any(not (o.out_refund_no if o.kind == REFUND else o.out_trade_no)
                   and (o.refund_id if o.kind == REFUND else o.transaction_id) for o in ours)
    for row in theirs:
        theirs_list.append(row)
        if row.kind == REFUND:
            number, provider_id = row.out_refund_no, row.refund_id
            refunded += row.amount
            refunded_charges.add(row.out_trade_no)
        else:
            number, provider_id = row.out_trade_no, row.transaction_id
            paid += row.amount
        if number:
            by_number[row.kind].setdefault(number, row)
        if provider_id and want_ids:
            by_provider_id[row.kind].setdefault(provider_id, row)
        fees += row.fee
    # a charge reversed after success is its own refund unless the bill lists the reversal as one
    reversed_rows = [row for row in theirs_list if row.status == REVERSED_STATUS and row.kind == PAY]
    reversed_charges = {row.out_trade_no for row in reversed_rows}
    refunded += sum(row.amount for row in reversed_rows
                    if not (row.out_trade_no and row.out_trade_no in refunded_charges))
    totals.theirs_paid, totals.theirs_refunded, totals.fees = paid, refunded, fees
    used: set[int] = set()  # id() of the bill rows taken
    unkeyed: list[Ours] = []
    missing: list[Ours] = []
    differences = result.differences
    ours_paid = ours_refunded = matched = 0
    for mine in ours:
        if mine.kind == REFUND:
            ours_refunded += mine.amount
            number, provider_id = mine.out_refund_no, mine.refund_id
        else:
            ours_paid += mine.amount
            number, provider_id = mine.out_trade_no, mine.transaction_id
        found = (by_number[mine.kind].get(number) if number else None) \
            or (by_provider_id[mine.kind].get(provider_id) if provider_id else None)
        if found is not None and id(found) not in used:
            used.add(id(found))
            matched += 1
            if found.amount != mine.amount or found.status == REVERSED_STATUS or found.at.date() != mine.business_day \
                    or mine.charge_day is not None:
                _pair(result, mine, found)
        elif number or provider_id:
            missing.append(mine)  # the provider knows every number it took: not in the bill, not taken
        else:
            unkeyed.append(mine)
    totals.ours_paid, totals.ours_refunded = ours_paid, ours_refunded
    for mine, found in _match_by_amount(unkeyed, [t for t in theirs_list if id(t) not in used], window):
        if found is None:
            missing.append(mine)
        else:
            used.add(id(found))
            matched += 1
            _pair(result, mine, found)
    totals.matched = matched
    for mine in missing:
        day = provider_day(mine.at)
        kind = DiffKind.AWAITING_BILL if billed_days is not None and day not in billed_days else DiffKind.OURS_ONLY
        differences.append(Difference(kind, 0 if kind is DiffKind.AWAITING_BILL else -_signed(mine),
                                      mine.business_day, ours=mine))
    for row in theirs_list:
        if id(row) in used:
            continue
        if row.status == REVERSED_STATUS or (row.kind == REFUND and row.out_trade_no
                                             and row.out_trade_no in reversed_charges):
            differences.append(Difference(DiffKind.REVERSED_CLOSED, 0, provider_day(row.at), theirs=row))
        else:
            differences.append(Difference(DiffKind.THEIRS_ONLY, _signed(row), provider_day(row.at), theirs=row))
    return result


def _signed(row: Ours | Theirs) -> int:
    return -row.amount if row.kind == REFUND else row.amount


def _pair(result: Result, mine: Ours, found: Theirs) -> None:
    """A matched pair that is not simply equal: reversed, another amount, another day."""
    day = provider_day(found.at)
    if found.status == REVERSED_STATUS:
        result.differences.append(Difference(DiffKind.REVERSED, -_signed(mine), day, mine, found))
        return
    if found.amount != mine.amount:
        result.differences.append(Difference(DiffKind.AMOUNT_MISMATCH, _signed(found) - _signed(mine), day,
                                             mine, found))
        return
    if mine.kind == REFUND and mine.charge_day is not None and mine.charge_day != day:
        result.differences.append(Difference(DiffKind.REFUND_OTHER_DAY, 0, day, mine, found))
    elif day != mine.business_day:
        result.differences.append(Difference(DiffKind.TIMING, 0, day, mine, found))


def _match_by_amount(ours: Sequence[Ours], theirs: Sequence[Theirs],
                     window: int) -> Iterable[tuple[Ours, Theirs | None]]:
    """What lacks ids: the same kind and amount, the nearest in time within ``window`` seconds,
    earliest first (deterministic whatever the input order)."""
    pool: dict[tuple[str, int], list[Theirs]] = {}
    for row in sorted(theirs, key=lambda t: (t.at, t.ref)):
        if row.status != REVERSED_STATUS:
            pool.setdefault((row.kind, row.amount), []).append(row)
    limit = timedelta(seconds=window)
    for mine in sorted(ours, key=lambda o: (o.at, o.ref)):
        candidates = pool.get((mine.kind, mine.amount))
        best: Theirs | None = None
        if candidates:
            best_at = -1
            for i, row in enumerate(candidates):
                gap = abs(row.at - mine.at)
                if gap <= limit and (best is None or gap < abs(best.at - mine.at)):
                    best, best_at = row, i
                if row.at - mine.at > limit:
                    break
            if best is not None:
                del candidates[best_at]
        yield mine, best


# ---- cash: the Z's count against the deposit (缴款) and the bank ------------------------------
class CashDiff(enum.StrEnum):
    DEPOSIT_SHORT = "deposit_short"  # counted at the Z, not (all) deposited: +: counted more than deposited
    BANK_SHORT = "bank_short"  # deposited, not (all) on the bank statement: +: deposited more than banked
    NO_COUNT = "no_count"  # the Z carries no counted cash


@dataclass(frozen=True, slots=True)
class CashCheck:
    business_day: date
    counted: int | None
    deposited: int
    banked: int | None  # None: no bank statement covers it yet

    def differences(self) -> list[tuple[CashDiff, int]]:
        found: list[tuple[CashDiff, int]] = []
        if self.counted is None:
            found.append((CashDiff.NO_COUNT, 0))
        elif self.counted != self.deposited:
            found.append((CashDiff.DEPOSIT_SHORT, self.counted - self.deposited))
        if self.banked is not None and self.banked != self.deposited:
            found.append((CashDiff.BANK_SHORT, self.deposited - self.banked))
        return found


# ---- settlement: T+N payouts against what arrived ----------------------------------------------
def settlement_day(day: date, cycle_days: int) -> date:
    """When a day's takings are paid out on a T+``cycle_days`` settlement (calendar days)."""
    return day + timedelta(days=cycle_days)


@dataclass(frozen=True, slots=True)
class Payout:
    ref: str
    day: date
    amount: int


def match_payouts(expected: Sequence[Payout], received: Sequence[Payout], *,
                  slack_days: int = 3) -> tuple[list[tuple[Payout, Payout]], list[Payout], list[Payout]]:
    """Expected payouts (one per bill day, due on its settlement day) against the credits that
    arrived: the same amount on the due day or up to ``slack_days`` later (weekends, holidays).
    Returns the pairs, the expected ones still pending, and the credits no payout explains."""
    pool = sorted(received, key=lambda p: (p.day, p.ref))
    pairs: list[tuple[Payout, Payout]] = []
    pending: list[Payout] = []
    for want in sorted(expected, key=lambda p: (p.day, p.ref)):
        for i, got in enumerate(pool):
            if got.amount == want.amount and want.day <= got.day <= want.day + timedelta(days=slack_days):
                pairs.append((want, pool.pop(i)))
                break
        else:
            pending.append(want)
    return pairs, pending, pool
