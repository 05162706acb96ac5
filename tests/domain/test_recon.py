"""对账 matching: keys first, then amount and time; every fen of either side is either matched or
shows up as exactly one difference."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.recon import (
    PAY,
    REFUND,
    CashCheck,
    CashDiff,
    DiffKind,
    Ours,
    Payout,
    Theirs,
    match_payouts,
    reconcile,
    settlement_day,
)

DAY = date(2031, 3, 15)
NOON = datetime(2031, 3, 15, 12, 0, 0)


def ours(n: int, amount: int = 1000, at: datetime = NOON, **kw: object) -> Ours:
    fields: dict[str, object] = {"out_trade_no": f"OT{n}", "transaction_id": f"TX{n}"} | kw
    return Ours(ref=f"sale{n}", kind=PAY, amount=amount, at=at, business_day=at.date(), **fields)  # type: ignore[arg-type]


def theirs(n: int, amount: int = 1000, at: datetime = NOON, **kw: object) -> Theirs:
    fields: dict[str, object] = {"out_trade_no": f"OT{n}", "transaction_id": f"TX{n}", "fee": 6} | kw
    return Theirs(ref=f"row{n}", kind=PAY, amount=amount, at=at, **fields)  # type: ignore[arg-type]


def test_a_bill_that_agrees_leaves_nothing_to_do() -> None:
    result = reconcile([ours(1), ours(2, 250)], [theirs(2, 250), theirs(1)])
    assert result.differences == []
    assert (result.totals.ours_net, result.totals.theirs_net, result.totals.fees, result.totals.payout) == \
        (1250, 1250, 12, 1238)


def test_a_sale_the_provider_never_took_is_short_and_an_extra_bill_row_is_long() -> None:
    result = reconcile([ours(1), ours(2)], [theirs(1), theirs(3, 777)])
    kinds = {(d.kind, d.amount) for d in result.differences}
    assert kinds == {(DiffKind.OURS_ONLY, -1000), (DiffKind.THEIRS_ONLY, 777)}
    assert all(d.actionable for d in result.differences)


def test_a_charge_paid_after_midnight_is_in_the_next_days_bill_and_only_explained() -> None:
    late = datetime(2031, 3, 15, 23, 59, 50)
    mine = Ours("sale1", PAY, 500, late + timedelta(seconds=20), DAY, out_trade_no="OT1")
    result = reconcile([mine], [theirs(1, 500, late + timedelta(seconds=20))])
    [diff] = result.differences
    assert diff.kind is DiffKind.TIMING and not diff.actionable and diff.day == date(2031, 3, 16)


def test_a_refund_of_yesterdays_sale_matches_by_our_refund_number() -> None:
    refund = Ours("ret1", REFUND, 300, NOON, DAY, out_trade_no="OT9", out_refund_no="RF1",
                  charge_day=DAY - timedelta(days=1))
    row = Theirs("row1", REFUND, 300, NOON, fee=-2, out_trade_no="OT9", out_refund_no="RF1", refund_id="W1")
    result = reconcile([refund], [row])
    assert [d.kind for d in result.differences] == [DiffKind.REFUND_OTHER_DAY]
    assert result.totals.theirs_net == -300 and result.totals.fees == -2


def test_amounts_that_differ_are_a_mismatch_signed_the_finance_way() -> None:
    [diff] = reconcile([ours(1, 1000)], [theirs(1, 990)]).differences
    assert (diff.kind, diff.amount) == (DiffKind.AMOUNT_MISMATCH, -10)


def test_a_charge_reversed_after_success_is_short_if_we_kept_the_sale_and_closed_if_not() -> None:
    kept = reconcile([ours(1)], [theirs(1, status="REVOKED")]).differences
    assert [(d.kind, d.amount) for d in kept] == [(DiffKind.REVERSED, -1000)]
    closed = reconcile([], [theirs(1, status="REVOKED")])
    assert [d.kind for d in closed.differences] == [DiffKind.REVERSED_CLOSED]
    assert closed.totals.theirs_net == 0
    # a bill that lists the reversal as a refund row of the charge too
    reversal = Theirs("row9", REFUND, 1000, NOON, out_trade_no="OT1", out_refund_no="REVERSE-OT1")
    both = reconcile([ours(1)], [theirs(1, status="REVOKED"), reversal])
    assert sorted((d.kind, d.amount) for d in both.differences) == [(DiffKind.REVERSED, -1000),
                                                                    (DiffKind.REVERSED_CLOSED, 0)]
    assert sum(d.amount for d in both.differences) == both.totals.theirs_net - both.totals.ours_net


def test_rows_without_ids_match_by_amount_within_the_window_nearest_first() -> None:
    mine = [Ours("a", PAY, 800, NOON, DAY), Ours("b", PAY, 800, NOON + timedelta(seconds=30), DAY)]
    rows = [Theirs("y", PAY, 800, NOON + timedelta(seconds=31)), Theirs("x", PAY, 800, NOON + timedelta(seconds=1)),
            Theirs("z", PAY, 800, NOON + timedelta(hours=1))]
    result = reconcile(mine, rows, window=120)
    assert [(d.kind, d.theirs.ref if d.theirs else None) for d in result.differences] == [(DiffKind.THEIRS_ONLY, "z")]


def test_ours_for_a_day_whose_bill_is_not_in_yet_awaits_it() -> None:
    result = reconcile([ours(1)], [], billed_days=frozenset())
    assert [d.kind for d in result.differences] == [DiffKind.AWAITING_BILL]
    assert result.open_differences == []


@st.composite
def books(draw: st.DrawFn) -> tuple[list[Ours], list[Theirs]]:
    n = draw(st.integers(0, 40))
    mine: list[Ours] = []
    rows: list[Theirs] = []
    for i in range(n):
        amount = draw(st.integers(1, 50_000))
        at = NOON + timedelta(seconds=draw(st.integers(-40_000, 40_000)))
        keyed = draw(st.booleans())
        fate = draw(st.sampled_from(["both", "both", "ours", "theirs", "other_amount", "reversed", "reversed_kept"]))
        if fate.startswith("reversed"):
            keyed = True
        ids = {"out_trade_no": f"OT{i}"} if keyed else {}
        if fate in ("both", "ours", "other_amount", "reversed_kept"):
            mine.append(Ours(f"o{i}", PAY, amount, at, at.date(), **ids))
        if fate in ("both", "theirs", "other_amount", "reversed", "reversed_kept"):
            billed = amount + (draw(st.integers(1, 99)) if fate == "other_amount" else 0)
            status = "REVOKED" if fate.startswith("reversed") else "SUCCESS"
            rows.append(Theirs(f"t{i}", PAY, billed, at + timedelta(seconds=draw(st.integers(0, 5))), status=status,
                               **ids))
            if fate.startswith("reversed") and draw(st.booleans()):
                rows.append(Theirs(f"r{i}", REFUND, billed, at + timedelta(seconds=30), out_refund_no=f"REVERSE-{i}",
                                   **ids))
    return draw(st.permutations(mine)), draw(st.permutations(rows))


@given(books())
@settings(max_examples=200, deadline=None)
def test_every_fen_is_matched_or_explained(book: tuple[list[Ours], list[Theirs]]) -> None:
    mine, rows = book
    result = reconcile(mine, rows)
    # what the provider has more than we do is exactly what the differences add up to
    assert sum(d.amount for d in result.differences) == result.totals.theirs_net - result.totals.ours_net
    # every row of either side is used once: matched, or one single-sided difference
    ours_only = [d.ours.ref for d in result.differences if d.kind is DiffKind.OURS_ONLY and d.ours]
    theirs_only = [d.theirs.ref for d in result.differences if d.kind is DiffKind.THEIRS_ONLY and d.theirs]
    closed = [d for d in result.differences if d.kind is DiffKind.REVERSED_CLOSED]
    assert result.totals.matched + len(ours_only) == len(mine)
    assert result.totals.matched + len(theirs_only) + len(closed) == len(rows)
    assert len(set(ours_only)) == len(ours_only) and len(set(theirs_only)) == len(theirs_only)
    # the order rows arrive in changes nothing
    again = reconcile(list(reversed(mine)), list(reversed(rows)))
    assert sorted(d.key for d in again.differences) == sorted(d.key for d in result.differences)


def test_cash_counted_deposited_and_banked() -> None:
    assert CashCheck(DAY, 10_000, 10_000, 10_000).differences() == []
    assert CashCheck(DAY, 10_000, 9_000, 8_500).differences() == [(CashDiff.DEPOSIT_SHORT, 1_000),
                                                                  (CashDiff.BANK_SHORT, 500)]
    assert CashCheck(DAY, None, 0, None).differences() == [(CashDiff.NO_COUNT, 0)]


def test_payouts_arrive_on_their_settlement_day_or_a_little_later() -> None:
    due = settlement_day(DAY, 1)
    expected = [Payout("wx-15", due, 9_940), Payout("wx-16", settlement_day(DAY, 2), 5_000)]
    arrived = [Payout("bank-1", due + timedelta(days=2), 9_940), Payout("bank-2", due, 123)]
    pairs, pending, unexplained = match_payouts(expected, arrived)
    assert [(a.ref, b.ref) for a, b in pairs] == [("wx-15", "bank-1")]
    assert [p.ref for p in pending] == ["wx-16"] and [p.ref for p in unexplained] == ["bank-2"]
