"""ERP vouchers balance (借 = 贷) whatever the day held, and say what finance expects."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.vouchers import (
    Chart,
    SaleLine,
    TopUp,
    adjusting_voucher,
    cash_voucher,
    payout_voucher,
    platform_payout_voucher,
    sales_voucher,
    tax_of,
    top_up_voucher,
)

DAY = date(2031, 3, 15)
CHART = Chart()


def amounts(voucher) -> dict[tuple[str, str], tuple[int, int]]:  # type: ignore[no-untyped-def]
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for line in voucher.lines:
        d, c = found.get((line.account.code, line.summary), (0, 0))
        found[(line.account.code, line.summary)] = (d + line.debit, c + line.credit)
    return found


def test_a_days_sales_book_tenders_against_revenue_and_output_tax() -> None:
    voucher = sales_voucher("S001", DAY, {("store", "cash"): 11_300, ("store", "wechat"): 5_000,
                                          ("meituan", "channel_prepaid"): 2_000},
                            [SaleLine("饮料", 1300, 11_300), SaleLine("生鲜", 900, 5_000), SaleLine("饮料", 1300, 2_000)],
                            CHART)
    lines = amounts(voucher)
    assert lines[("1001", "销售收款")] == (11_300, 0)
    assert lines[("101201", "销售收款")] == (5_000, 0)
    assert lines[("112201", "销售收款")] == (2_000, 0)
    assert lines[("22210102", "销项税额 13%")] == (0, tax_of(11_300, 1300) + tax_of(2_000, 1300))
    assert tax_of(11_300, 1300) == 1_300 and tax_of(5_000, 900) == 413
    assert voucher.balanced and voucher.debit_total == 18_300


def test_a_gift_card_sold_is_a_liability_not_revenue() -> None:
    voucher = sales_voucher("S001", DAY, {("store", "cash"): 10_000}, [SaleLine("", 0, 10_000, gift_card=True)], CHART)
    assert amounts(voucher) == {("1001", "销售收款"): (10_000, 0), ("220302", "售礼品卡"): (0, 10_000)}


def test_a_top_up_is_owed_to_the_card_holder_and_spending_it_is_revenue() -> None:
    topup = top_up_voucher("S001", DAY, [TopUp("wechat", 10_000, 2_000), TopUp("cash", 5_000)], CHART)
    assert amounts(topup) == {("101201", "储值充值"): (10_000, 0), ("1001", "储值充值"): (5_000, 0),
                              ("660108", "充值赠送"): (2_000, 0), ("220301", "储值充值"): (0, 15_000),
                              ("220301", "充值赠送"): (0, 2_000)}
    assert topup.kind == "topup" and topup.balanced and not any(line.account.code == "6001" for line in topup.lines)
    spent = sales_voucher("S001", DAY, {("store", "stored_value"): 11_300}, [SaleLine("饮料", 1300, 11_300)], CHART)
    assert amounts(spent) == {("220301", "销售收款"): (11_300, 0), ("6001", "销售收入"): (0, 10_000),
                              ("22210102", "销项税额 13%"): (0, 1_300)}
    chart = Chart({"liability:stored_value": ("2241.01", "其他应付款-储值"), "topup_bonus": ("6601.09", "充值赠送")})
    assert {line.account.code for line in top_up_voucher("S001", DAY, [TopUp("alipay", 100, 10)], chart).lines} == \
        {"101202", "6601.09", "2241.01"}


def test_rounding_off_fen_goes_to_its_own_account() -> None:
    voucher = sales_voucher("S001", DAY, {("store", "cash"): 990}, [SaleLine("饮料", 1300, 998)], CHART)
    assert amounts(voucher)[("660302", "抹零及尾差")] == (8, 0) and voucher.balanced


def test_a_payout_books_the_fee_as_a_finance_expense() -> None:
    voucher = payout_voucher("S001", DAY, CHART["tender:wechat"], 10_000, 60, CHART)
    assert amounts(voucher) == {("1002", "回款到账"): (9_940, 0), ("660301", "支付手续费"): (60, 0),
                                ("101201", "回款"): (0, 10_000)}


def test_a_platform_payout_books_commission_and_merchant_subsidy() -> None:
    voucher = platform_payout_voucher("S001", DAY, CHART["channel:eleme"], 4_800, 3_836, 864, 100, CHART)
    assert amounts(voucher) == {("1002", "回款到账"): (3_836, 0), ("660105", "平台佣金"): (864, 0),
                                ("660107", "商家补贴"): (100, 0), ("112202", "回款"): (0, 4_800)}


def test_the_cash_voucher_books_the_deposit_and_what_the_count_was_short() -> None:
    voucher = cash_voucher("S001", DAY, expected=20_000, counted=19_900, deposited=19_900, chart=CHART)
    lines = amounts(voucher)
    assert lines[("1901", "现金盘点差异")] == (100, 0) and lines[("1001", "现金盘点差异")] == (0, 100)
    assert voucher.balanced


def test_configured_codes_replace_the_defaults() -> None:
    chart = Chart({"tender:wechat": ("1015.01", "其他货币资金-微信支付")})
    voucher = sales_voucher("S001", DAY, {("store", "wechat"): 100}, [SaleLine("x", 600, 100)], chart)
    assert voucher.lines[0].account.code == "1015.01"


methods = st.sampled_from(["cash", "wechat", "alipay", "card", "stored_value", "gift_card", "points", "coupon"])
channels = st.sampled_from(["store", "store", "meituan", "eleme", "own"])


@given(tenders=st.dictionaries(st.tuples(channels, methods), st.integers(-500_000, 5_000_000), max_size=8),
       lines=st.lists(st.builds(SaleLine, st.sampled_from(["", "饮料", "生鲜", "日化"]), st.sampled_from([0, 600, 900, 1300]),
                                st.integers(-500_000, 5_000_000), st.booleans()), max_size=30),
       fees=st.integers(-1000, 50_000), counted=st.none() | st.integers(0, 10_000_000),
       deposited=st.integers(0, 10_000_000),
       top_ups=st.lists(st.builds(TopUp, methods, st.integers(-500_000, 5_000_000), st.integers(-100_000, 1_000_000)),
                        max_size=10))
@settings(max_examples=300, deadline=None)
def test_every_voucher_balances(tenders, lines, fees, counted, deposited, top_ups) -> None:  # type: ignore[no-untyped-def]
    sales = sales_voucher("S001", DAY, tenders, lines, CHART)
    topup = top_up_voucher("S001", DAY, top_ups, CHART)
    payout = payout_voucher("S001", DAY, CHART["tender:wechat"], 1_000_000, fees, CHART)
    platform = platform_payout_voucher("S001", DAY, CHART["channel:meituan"], 1_000_000, 800_000 + fees, 150_000,
                                       counted or 0, CHART)
    cash = cash_voucher("S001", DAY, 5_000_000, counted, deposited, CHART)
    for voucher in (sales, topup, payout, platform, cash):
        assert voucher.debit_total == voucher.credit_total
        assert all((line.debit > 0) != (line.credit > 0) for line in voucher.lines)
    assert sales.debit_total - sales.credit_total == 0
    owed = sum(line.credit - line.debit for line in topup.lines if line.account.code == "220301")
    assert owed == sum(t.bonus + (t.amount if t.method != "stored_value" else 0) for t in top_ups)
    assert not any(line.account.code == "6001" for line in topup.lines)  # a top-up is never revenue
    corrected = sales_voucher("S001", DAY, {**tenders, ("store", "cash"): tenders.get(("store", "cash"), 0) + 100},
                              [*lines, SaleLine("饮料", 1300, 100)], CHART)
    adjust = adjusting_voucher(sales, corrected)
    assert adjust is not None and adjust.balanced
    assert adjusting_voucher(sales, sales) is None
