"""凭证: the ERP's double-entry vouchers for a store's day, built from plain figures.

* the **daily sales voucher**: 借 each tender's account (库存现金, 其他货币资金-微信 / -支付宝,
  应收账款-美团…, 预收账款-储值卡 for what stored value paid); 贷 主营业务收入 per category net of
  tax and 应交税费-应交增值税（销项税额）per rate; a gift card sold is 预收账款 (a liability until
  spent), never revenue. Returns are the same lines on the other side. 抹零 and what a
  discount left between the tenders and the lines goes to its own account.
* the **top-up voucher** (储值充值): money paid onto a stored-value card is owed to its holder
  until spent — 借 the tender that paid it (库存现金, 其他货币资金-微信…) 贷 预收账款-储值卡; the
  bonus the rules add (充100送20) is owed too and costs 销售费用-充值赠送 now. Spending stored value
  later is the sales voucher's 借 预收账款-储值卡 贷 主营业务收入 / 销项税.
* the **payout voucher** (回款): 借 银行存款 what arrived, 借 财务费用 the provider's fees, 贷 the
  provider's clearing account the gross; an O2O platform's commission and the subsidies the
  merchant funded are 销售费用.
* the **cash voucher** (缴款): 借 银行存款 贷 库存现金 what was deposited; a count over or short of the
  drawer's expected cash goes through 待处理财产损溢.

Accounts are looked up by *role* in a chart HQ configures (:data:`DEFAULT_CHART` is only the start).
Every voucher balances by construction (借 = 贷); ``tests/domain/test_vouchers.py`` says so for any day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

#: role → (code, name); HQ's finance people change codes and names (``erp_accounts`` setting)
DEFAULT_CHART: dict[str, tuple[str, str]] = {
    "cash": ("1001", "库存现金"),
    "bank": ("1002", "银行存款"),
    "tender:wechat": ("101201", "其他货币资金-微信"),
    "tender:alipay": ("101202", "其他货币资金-支付宝"),
    "tender:card": ("1002", "银行存款"),
    "tender:stored_value": ("220301", "预收账款-储值卡"),
    "tender:gift_card": ("220302", "预收账款-礼品卡"),
    "tender:points": ("660104", "销售费用-积分抵现"),
    "channel:meituan": ("112201", "应收账款-美团"),
    "channel:eleme": ("112202", "应收账款-饿了么"),
    "channel:own": ("112203", "应收账款-自营小程序"),
    "tender:other": ("1122", "应收账款"),
    "revenue": ("6001", "主营业务收入"),
    "output_vat": ("22210102", "应交税费-应交增值税（销项税额）"),
    "liability:gift_card": ("220302", "预收账款-礼品卡"),
    "liability:stored_value": ("220301", "预收账款-储值卡"),
    "topup_bonus": ("660108", "销售费用-充值赠送"),
    "rounding": ("660302", "财务费用-抹零"),
    "fees": ("660301", "财务费用-手续费"),
    "commission": ("660105", "销售费用-平台佣金"),
    "delivery": ("660106", "销售费用-配送费"),
    "subsidy": ("660107", "销售费用-商家补贴"),
    "over_short": ("1901", "待处理财产损溢"),
}

#: what a tender method books to, by role (a method not listed books to ``tender:other``)
TENDER_ROLES = {"cash": "cash", "wechat": "tender:wechat", "alipay": "tender:alipay", "card": "tender:card",
                "bank_card": "tender:card", "stored_value": "tender:stored_value", "gift_card": "tender:gift_card",
                "points": "tender:points"}


@dataclass(frozen=True, slots=True)
class Account:
    code: str
    name: str


class Chart:
    """The accounts by role: HQ's configured codes over the defaults."""

    def __init__(self, overrides: Mapping[str, tuple[str, str]] | None = None) -> None:
        self._accounts = {role: Account(*pair) for role, pair in {**DEFAULT_CHART, **(overrides or {})}.items()}

    def __getitem__(self, role: str) -> Account:
        if role in self._accounts:
            return self._accounts[role]
        if role.startswith("revenue:"):
            base = self._accounts["revenue"]
            return Account(base.code, f"{base.name}-{role.split(':', 1)[1]}")
        return self._accounts["tender:other"]

    def tender(self, method: str, channel: str = "store") -> Account:
        if channel not in ("", "store"):
            return self[f"channel:{channel}"]
        return self[TENDER_ROLES.get(method, "tender:other")]


@dataclass(frozen=True, slots=True)
class VoucherLine:
    summary: str  # 摘要
    account: Account
    debit: int  # fen, ≥ 0
    credit: int  # fen, ≥ 0; exactly one of the two is non-zero


@dataclass(frozen=True, slots=True)
class Voucher:
    store: str
    day: date
    kind: str  # sales | topup | payout | cash | adjust
    summary: str
    lines: tuple[VoucherLine, ...]

    @property
    def debit_total(self) -> int:
        return sum(line.debit for line in self.lines)

    @property
    def credit_total(self) -> int:
        return sum(line.credit for line in self.lines)

    @property
    def balanced(self) -> bool:
        return self.debit_total == self.credit_total


@dataclass(slots=True)
class _Builder:
    """Signed amounts per (summary, account): + is 借, − is 贷; netted, zeros dropped."""

    amounts: dict[tuple[str, Account], int] = field(default_factory=dict)

    def debit(self, summary: str, account: Account, amount: int) -> None:
        key = (summary, account)
        self.amounts[key] = self.amounts.get(key, 0) + amount

    def credit(self, summary: str, account: Account, amount: int) -> None:
        self.debit(summary, account, -amount)

    def lines(self) -> tuple[VoucherLine, ...]:
        debits = [VoucherLine(s, a, v, 0) for (s, a), v in self.amounts.items() if v > 0]
        credits = [VoucherLine(s, a, 0, -v) for (s, a), v in self.amounts.items() if v < 0]
        return tuple(sorted(debits, key=_order) + sorted(credits, key=_order))


def _order(line: VoucherLine) -> tuple[str, str]:
    return line.account.code, line.summary


@dataclass(frozen=True, slots=True)
class SaleLine:
    """What a day sold of one category at one tax rate (returns negative), in fen with tax."""

    category: str
    tax_rate: int  # basis points: 1300 = 13%
    amount: int
    gift_card: bool = False  # a gift card sold: 预收账款, not revenue


def tax_of(gross: int, rate: int) -> int:
    """The output VAT inside a tax-inclusive ``gross`` (price-inclusive, rounded half up per rate)."""
    sign = -1 if gross < 0 else 1
    net = (abs(gross) * 10_000 * 2 + (10_000 + rate)) // ((10_000 + rate) * 2)
    return sign * (abs(gross) - net)


def sales_voucher(store: str, day: date, tenders: Mapping[tuple[str, str], int], lines: Iterable[SaleLine],
                  chart: Chart) -> Voucher:
    """The daily sales voucher. ``tenders``: (channel, method) → net taken in fen (returns
    subtracted); ``lines``: what was sold. What the tenders and the lines differ by (抹零, a
    rounding of apportioned discounts) is booked to ``rounding`` so the voucher balances."""
    book = _Builder()
    taken = 0
    for (channel, method), amount in sorted(tenders.items()):
        book.debit("销售收款", chart.tender(method, channel), amount)
        taken += amount
    sold = 0
    by_rate: dict[int, int] = {}
    for line in lines:
        sold += line.amount
        if line.gift_card:
            book.credit("售礼品卡", chart["liability:gift_card"], line.amount)
            continue
        tax = tax_of(line.amount, line.tax_rate)
        book.credit("销售收入", chart[f"revenue:{line.category}" if line.category else "revenue"], line.amount - tax)
        by_rate[line.tax_rate] = by_rate.get(line.tax_rate, 0) + tax
    for rate, tax in sorted(by_rate.items()):
        book.credit(f"销项税额 {rate / 100:g}%", chart["output_vat"], tax)
    if taken != sold:
        book.debit("抹零及尾差", chart["rounding"], sold - taken)
    return Voucher(store, day, "sales", f"{day.isoformat()} 销售", book.lines())


@dataclass(frozen=True, slots=True)
class TopUp:
    """Money paid onto a stored-value card (储值充值), in fen: ``amount`` paid with ``method``, and
    the ``bonus`` the top-up rules added. A top-up taken back is the same with negative figures."""

    method: str
    amount: int
    bonus: int = 0


def top_up_voucher(store: str, day: date, top_ups: Iterable[TopUp], chart: Chart) -> Voucher:
    """The day's top-ups: 借 the tender's account 贷 预收账款-储值卡 what was paid; 借 销售费用-充值赠送
    贷 预收账款-储值卡 the bonus. Nothing of it is revenue until the card pays for a sale."""
    book = _Builder()
    liability = chart["liability:stored_value"]
    for top_up in top_ups:
        book.debit("储值充值", chart.tender(top_up.method), top_up.amount)
        book.credit("储值充值", liability, top_up.amount)
        book.debit("充值赠送", chart["topup_bonus"], top_up.bonus)
        book.credit("充值赠送", liability, top_up.bonus)
    return Voucher(store, day, "topup", f"{day.isoformat()} 储值充值", book.lines())


def payout_voucher(store: str, day: date, clearing: Account, gross: int, fees: int, chart: Chart) -> Voucher:
    """回款 from a payment provider: it paid out ``gross`` less its fees; the bank has what arrived."""
    book = _Builder()
    book.debit("回款到账", chart["bank"], gross - fees)
    book.debit("支付手续费", chart["fees"], fees)
    book.credit("回款", clearing, gross)
    return Voucher(store, day, "payout", f"{day.isoformat()} 回款 {clearing.name}", book.lines())


def platform_payout_voucher(store: str, day: date, clearing: Account, gross: int, payout: int, commission: int,
                            merchant_subsidy: int, chart: Chart) -> Voucher:
    """回款 from an O2O platform: what it settled (``payout``), its commission and the subsidies the
    merchant funded as expenses, against the receivable of the orders (``gross``). What is left
    (delivery charges, the platform's own subsidies) goes to ``delivery`` either way."""
    book = _Builder()
    book.debit("回款到账", chart["bank"], payout)
    book.debit("平台佣金", chart["commission"], commission)
    book.debit("商家补贴", chart["subsidy"], merchant_subsidy)
    book.debit("配送费及平台其他", chart["delivery"], gross - payout - commission - merchant_subsidy)
    book.credit("回款", clearing, gross)
    return Voucher(store, day, "payout", f"{day.isoformat()} 回款 {clearing.name}", book.lines())


def cash_voucher(store: str, day: date, expected: int, counted: int | None, deposited: int, chart: Chart) -> Voucher:
    """缴款 and the Z's count: over or short of the expected cash goes to 待处理财产损溢."""
    book = _Builder()
    if counted is not None and counted != expected:
        book.debit("现金盘点差异", chart["cash"], counted - expected)
        book.credit("现金盘点差异", chart["over_short"], counted - expected)
    book.debit("现金缴存银行", chart["bank"], deposited)
    book.credit("现金缴存银行", chart["cash"], deposited)
    return Voucher(store, day, "cash", f"{day.isoformat()} 日结缴款", book.lines())


def adjusting_voucher(exported: Voucher, now: Voucher) -> Voucher | None:
    """A correction after export: the lines that turn the exported voucher into what it should now
    be (an exported voucher is never edited). None when nothing changed."""
    book = _Builder()
    for line in now.lines:
        book.debit(line.summary, line.account, line.debit - line.credit)
    for line in exported.lines:
        book.debit(line.summary, line.account, line.credit - line.debit)
    lines = book.lines()
    if not lines:
        return None
    return Voucher(now.store, now.day, "adjust", f"{now.day.isoformat()} 调整 {exported.summary}", lines)
