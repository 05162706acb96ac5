"""交班与日结: the X report (any time, nothing closed) and the Z report (日结) that closes a
business day, numbered, once, after every shift is closed; and the cash deposits (缴款) made
against a Z.

A business day is the day its shifts opened on: every sale, return, void and top-up of a shift
counts on that day, so a shift that runs past midnight is never split between two reports and the
day's cash adds up to the drawers that were counted. The totals per tender follow the domain's
rule (``app.domain.closing``). A Z keeps the report as it stood when it was closed and goes up to
HQ as a ``day_closed`` event; a deposit as ``cash_deposited``.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock, outbox, shifts
from app.context import Actor
from app.db.models import (
    CashDeposit,
    DayClose,
    Operator,
    Override,
    Product,
    Return,
    ReturnLine,
    ReturnTender,
    Shift,
    Tender,
    Ticket,
    TicketLine,
    TopUp,
)
from app.domain.closing import ClosedRefund, ClosedSale, day_totals, taxes_by_rate
from app.domain.errors import DomainError
from app.domain.money import check_amount, format_fen, line_amount
from app.domain.quantity import Unit
from app.domain.receipt import LaidOutLine, Style
from app.domain.sale import CASH, GIFT_CARD, STORED_VALUE, label
from app.domain.textwidth import two_columns, wrap
from app.events import CashDeposited, DayClosed

MAX_TAKER = 64
MAX_NOTE = 128


@dataclass(frozen=True, slots=True)
class TenderRow:
    method: str
    taken: int
    change: int
    refunded: int
    net: int
    expected: int
    counted: int | None = None
    over_short: int | None = None


@dataclass(frozen=True, slots=True)
class ShiftRow:
    id: int
    till: str
    operator: str
    opened_at: str
    closed_at: str | None
    float: int
    expected: int
    counted: int | None
    over_short: int | None


@dataclass(frozen=True, slots=True)
class TaxRow:
    rate_bp: int
    gross: int
    tax: int
    net: int


@dataclass(frozen=True, slots=True)
class CashierRow:
    code: str
    name: str
    sales: int
    total: int


@dataclass(frozen=True, slots=True)
class DepositRow:
    amount: int
    taken_by: str
    note: str
    recorded_by: str
    at: str


@dataclass(slots=True)
class DayReport:
    """What an X or a Z report says. ``kind`` is "X" or "Z"; a Z has its number."""

    kind: str
    business_day: str
    generated_at: str
    run_by: str
    z_no: int | None = None
    shifts_open: int = 0
    sales_count: int = 0
    gross: int = 0  # before promotions
    promotion: int = 0
    coupons: int = 0
    rounding: int = 0
    sales_total: int = 0
    returns_count: int = 0
    returns_total: int = 0
    net_total: int = 0
    voided_tickets: int = 0
    voided_amount: int = 0
    voided_lines: int = 0
    voided_line_amount: int = 0
    no_sales: int = 0
    tenders: list[TenderRow] = field(default_factory=list)
    shifts: list[ShiftRow] = field(default_factory=list)
    taxes: list[TaxRow] = field(default_factory=list)
    cashiers: list[CashierRow] = field(default_factory=list)
    stored_value_spent: int = 0
    stored_value_refunded: int = 0
    top_ups: int = 0
    top_up_amount: int = 0
    top_up_bonus: int = 0
    #: of ``top_up_amount``, what was paid in cash (the rest by payment code): the drawer holds this part
    top_up_cash: int = 0
    gift_cards_sold: int = 0
    gift_card_sales: int = 0
    gift_card_spent: int = 0
    gift_card_refunded: int = 0
    cash_expected: int = 0
    cash_counted: int | None = None
    cash_over_short: int | None = None
    deposits: list[DepositRow] = field(default_factory=list)
    deposited: int = 0
    reconciles: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DayReport:
        rows = {"tenders": TenderRow, "shifts": ShiftRow, "taxes": TaxRow, "cashiers": CashierRow,
                "deposits": DepositRow}
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        for key, row in rows.items():
            values[key] = [row(**item) for item in data.get(key) or []]
        return cls(**values)


# ---- building a report -----------------------------------------------------------------------------


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time())
    return start, start + timedelta(days=1)


def _day_shifts(session: Session, day: date) -> list[Shift]:
    start, end = _bounds(day)
    return list(session.scalars(select(Shift).where(Shift.opened_at >= start, Shift.opened_at < end)
                                .order_by(Shift.opened_at, Shift.id)))


def _operators(session: Session) -> dict[int, tuple[str, str]]:
    return {i: (code, name) for i, code, name in session.execute(select(Operator.id, Operator.code, Operator.name))}


def day_report(session: Session, day: date, kind: str, run_by: str) -> DayReport:
    """The day's report from its shifts, sales, returns, voids and top-ups as they stand now."""
    report = DayReport(kind=kind, business_day=day.isoformat(), run_by=run_by,
                       generated_at=clock.now().isoformat(timespec="seconds"))
    day_shifts = _day_shifts(session, day)
    ids = [s.id for s in day_shifts]
    if not ids:
        return report
    people = _operators(session)
    of_day = Ticket.shift_id.in_(ids)
    sold = session.execute(select(Ticket.id, Ticket.total, Ticket.change, Ticket.discount, Ticket.rounding,
                                  Ticket.operator_id).where(of_day, Ticket.status == "completed")).all()
    paid: dict[int, list[tuple[str, int]]] = {}
    for ticket_id, method, amount in session.execute(
            select(Tender.ticket_id, Tender.method, Tender.amount).join(Ticket, Ticket.id == Tender.ticket_id)
            .where(of_day, Ticket.status == "completed").order_by(Tender.id)):
        paid.setdefault(ticket_id, []).append((method, amount))
    refunds = session.execute(select(Return.id, Return.total).where(Return.shift_id.in_(ids))).all()
    refunded: dict[int, list[tuple[str, int]]] = {}
    for return_id, method, amount in session.execute(
            select(ReturnTender.return_id, ReturnTender.method, ReturnTender.amount)
            .join(Return, Return.id == ReturnTender.return_id).where(Return.shift_id.in_(ids))):
        refunded.setdefault(return_id, []).append((method, amount))
    totals = day_totals([ClosedSale(t.total, t.change, tuple(paid.get(t.id, ()))) for t in sold],
                        [ClosedRefund(r.total, tuple(refunded.get(r.id, ()))) for r in refunds])
    report.sales_count, report.sales_total = totals.sales_count, totals.sales_total
    report.returns_count, report.returns_total, report.net_total = (totals.returns_count, totals.returns_total,
                                                                     totals.net_total)
    report.coupons = sum(t.discount for t in sold)
    report.rounding = sum(t.rounding for t in sold)
    _lines(session, report, of_day)
    _refunds_by_rate(session, report, ids)
    _voids(session, report, of_day)
    _shifts(session, report, day_shifts, people)
    _cards(session, report, totals, ids)
    _cashiers(report, sold, people)
    cash = report.cash_expected
    report.tenders = [TenderRow(t.method, t.taken, t.change, t.refunded, t.net,
                                cash if t.method == CASH else t.net,
                                report.cash_counted if t.method == CASH else None,
                                report.cash_over_short if t.method == CASH else None) for t in totals.tenders]
    if not any(t.method == CASH for t in totals.tenders) and report.shifts:
        report.tenders.insert(0, TenderRow(CASH, 0, 0, 0, 0, cash, report.cash_counted, report.cash_over_short))
    report.reconciles = totals.reconciles
    return report


def _gross(unit_price: int, original: int, quantity: int, unit: str, fixed: int | None) -> int:
    if fixed is not None and unit_price == original:
        return fixed
    return line_amount(unit_price, quantity, Unit(unit).per)


def _lines(session: Session, report: DayReport, of_day: Any) -> None:
    """Gross, promotions, voided lines, gift cards sold and the taxes, from the day's sold lines."""
    sales_by_rate: list[tuple[int, int]] = []
    for x in session.execute(
            select(TicketLine.quantity, TicketLine.unit, TicketLine.unit_price, TicketLine.original_price,
                   TicketLine.fixed_amount, TicketLine.amount, TicketLine.discount, TicketLine.rounding,
                   TicketLine.voided, TicketLine.card_no, Product.tax_rate)
            .join(Ticket, Ticket.id == TicketLine.ticket_id).join(Product, Product.id == TicketLine.product_id)
            .where(of_day, Ticket.status == "completed")):
        gross = _gross(x.unit_price, x.original_price, x.quantity, x.unit, x.fixed_amount)
        if x.voided:
            report.voided_lines += 1
            report.voided_line_amount += gross
            continue
        report.gross += gross
        report.promotion += gross - x.amount
        line_paid = x.amount - x.discount + x.rounding
        if x.card_no:
            report.gift_cards_sold += 1
            report.gift_card_sales += line_paid
        sales_by_rate.append((x.tax_rate, line_paid))
    report.taxes = [TaxRow(t.rate_bp, t.gross, t.tax, t.net) for t in taxes_by_rate(sales_by_rate)]


def _refunds_by_rate(session: Session, report: DayReport, shift_ids: list[int]) -> None:
    product = func.coalesce(TicketLine.product_id, ReturnLine.product_id)
    returned = [(rate, -int(refund)) for rate, refund in session.execute(
        select(Product.tax_rate, func.sum(ReturnLine.refund))
        .select_from(ReturnLine).join(Return, Return.id == ReturnLine.return_id)
        .outerjoin(TicketLine, TicketLine.id == ReturnLine.line_id).join(Product, Product.id == product)
        .where(Return.shift_id.in_(shift_ids)).group_by(Product.tax_rate))]
    if returned:
        sales = [(t.rate_bp, t.gross) for t in report.taxes]
        report.taxes = [TaxRow(t.rate_bp, t.gross, t.tax, t.net) for t in taxes_by_rate(sales + returned)]


def _voids(session: Session, report: DayReport, of_day: Any) -> None:
    count, amount = session.execute(select(func.count(Ticket.id), func.coalesce(func.sum(Ticket.subtotal), 0))
                                    .where(of_day, Ticket.status == "voided", Ticket.subtotal > 0)).one()
    report.voided_tickets, report.voided_amount = int(count), int(amount)


def _shifts(session: Session, report: DayReport, day_shifts: list[Shift], people: dict[int, tuple[str, str]]) -> None:
    counted_all = True
    for shift in day_shifts:
        is_open = shift.status == "open"
        expected = shifts.expected_cash(session, shift) if is_open else int(shift.expected or 0)
        over_short = None if shift.counted is None else shift.counted - expected
        code, name = people.get(shift.operator_id, (str(shift.operator_id), ""))
        report.shifts.append(ShiftRow(shift.id, shift.till, f"{code} {name}".strip(),
                                      shift.opened_at.isoformat(timespec="seconds"),
                                      shift.closed_at.isoformat(timespec="seconds") if shift.closed_at else None,
                                      shift.float_amount, expected, shift.counted, over_short))
        report.cash_expected += expected
        report.shifts_open += int(is_open)
        counted_all &= shift.counted is not None
        until = shift.closed_at or clock.now()
        report.no_sales += int(session.scalar(select(func.count(Override.id)).where(
            Override.action == "no_sale", Override.till == shift.till, Override.at >= shift.opened_at,
            Override.at <= until)) or 0)
    if counted_all and day_shifts:
        report.cash_counted = sum(int(s.counted or 0) for s in day_shifts)
        report.cash_over_short = report.cash_counted - report.cash_expected


def _cards(session: Session, report: DayReport, totals: Any, shift_ids: list[int]) -> None:
    report.stored_value_spent = totals.tender(STORED_VALUE).taken
    report.stored_value_refunded = totals.tender(STORED_VALUE).refunded
    report.gift_card_spent = totals.tender(GIFT_CARD).taken
    report.gift_card_refunded = totals.tender(GIFT_CARD).refunded
    count, amount, bonus = session.execute(
        select(func.count(TopUp.id), func.coalesce(func.sum(TopUp.amount), 0), func.coalesce(func.sum(TopUp.bonus), 0))
        .where(TopUp.shift_id.in_(shift_ids))).one()
    report.top_ups, report.top_up_amount, report.top_up_bonus = int(count), int(amount), int(bonus)
    report.top_up_cash = int(session.scalar(select(func.coalesce(func.sum(TopUp.amount), 0))
                                            .where(TopUp.shift_id.in_(shift_ids), TopUp.method == "cash")) or 0)


def _cashiers(report: DayReport, sold: Any, people: dict[int, tuple[str, str]]) -> None:
    by: dict[int, list[int]] = {}
    for ticket in sold:
        entry = by.setdefault(ticket.operator_id, [0, 0])
        entry[0] += 1
        entry[1] += ticket.total
    report.cashiers = [CashierRow(*people.get(op, (str(op), "")), n, total)
                       for op, (n, total) in sorted(by.items(), key=lambda kv: -kv[1][1])]


# ---- X and Z -----------------------------------------------------------------------------------------


def _require(actor: Actor, role: str) -> None:
    if not actor.at_least(role):
        raise DomainError("forbidden", status=403)


def audit(session: Session, actor: Actor, action: str, detail: str, amount: int | None = None) -> None:
    """An entry in the store's audit log (审计, ``app.audit``) in the caller's transaction, once
    that module is part of the store; until then nothing."""
    if importlib.util.find_spec("app.audit") is None:
        return
    from app import audit

    audit.record(session, actor, action, detail, amount=amount)


def x_report(session: Session, actor: Actor, day: date) -> DayReport:
    """X: the day so far, nothing closed (a supervisor may look)."""
    _require(actor, "supervisor")
    if day > clock.now().date():
        raise DomainError("day_in_future", status=422, day=day.isoformat())
    report = day_report(session, day, "X", f"{actor.operator_code} {actor.operator_name}")
    closed = session.scalar(select(DayClose).where(DayClose.business_day == day.isoformat()))
    if closed is not None:
        report.z_no = closed.z_no
        _attach_deposits(session, report, closed.id)
    return report


def close_day(session: Session, actor: Actor, day: date) -> dict[str, Any]:
    """日结: a manager closes ``day`` once, after every shift of it and before it is closed."""
    _require(actor, "manager")
    if day > clock.now().date():
        raise DomainError("day_in_future", status=422, day=day.isoformat())
    done = session.scalar(select(DayClose).where(DayClose.business_day == day.isoformat()))
    if done is not None:
        raise DomainError("day_already_closed", status=409, day=day.isoformat(), z_no=done.z_no)
    _, end = _bounds(day)
    still_open = session.scalar(select(Shift.till).where(Shift.status == "open", Shift.opened_at < end)
                                .order_by(Shift.opened_at))
    if still_open is not None:
        raise DomainError("shift_still_open", status=409, till=still_open)
    number = int(session.scalar(select(func.coalesce(func.max(DayClose.z_no), 0))) or 0) + 1
    report = day_report(session, day, "Z", f"{actor.operator_code} {actor.operator_name}")
    report.z_no = number
    record = DayClose(business_day=day.isoformat(), z_no=number, closed_at=clock.now(),
                      operator_id=actor.operator_id, report=report.as_dict())
    session.add(record)
    session.flush()
    outbox.record(session, DayClosed(number, day, report.as_dict()))
    audit(session, actor, "day_closed", f"Z{number:04d} {day.isoformat()}", report.net_total)
    return report.as_dict()


def z_report(session: Session, actor: Actor, z_no: int) -> DayReport:
    _require(actor, "supervisor")
    record = session.scalar(select(DayClose).where(DayClose.z_no == z_no))
    if record is None:
        raise DomainError("z_not_found", status=404, z_no=z_no)
    report = DayReport.from_dict(record.report)
    _attach_deposits(session, report, record.id)
    return report


def closes(session: Session, actor: Actor, first: date, last: date) -> list[dict[str, Any]]:
    """The Zs of the days ``first``..``last``, newest first."""
    _require(actor, "supervisor")
    if last < first:
        raise DomainError("invalid_range", status=422, first=first.isoformat(), last=last.isoformat())
    rows = session.execute(select(DayClose).where(DayClose.business_day >= first.isoformat(),
                                                  DayClose.business_day <= last.isoformat())
                           .order_by(DayClose.business_day.desc())).scalars()
    deposited = dict(session.execute(select(CashDeposit.day_close_id, func.sum(CashDeposit.amount))
                                     .group_by(CashDeposit.day_close_id)).all())
    return [{"z_no": r.z_no, "business_day": r.business_day, "closed_at": r.closed_at.isoformat(timespec="seconds"),
             "net_total": r.report.get("net_total", 0), "sales_count": r.report.get("sales_count", 0),
             "cash_counted": r.report.get("cash_counted"), "deposited": int(deposited.get(r.id, 0))} for r in rows]


def _attach_deposits(session: Session, report: DayReport, close_id: int) -> None:
    people = _operators(session)
    report.deposits = [DepositRow(d.amount, d.taken_by, d.note, " ".join(people.get(d.operator_id, ("", ""))).strip(),
                                  d.at.isoformat(timespec="seconds"))
                       for d in session.scalars(select(CashDeposit).where(CashDeposit.day_close_id == close_id)
                                                .order_by(CashDeposit.id))]
    report.deposited = sum(d.amount for d in report.deposits)


def record_deposit(session: Session, actor: Actor, z_no: int, amount: int, taken_by: str, note: str) -> dict[str, Any]:
    """缴款: cash of a closed day handed over, with who took it; never more than the drawers held."""
    _require(actor, "manager")
    check_amount(amount)
    taken_by, note = taken_by.strip(), note.strip()
    if not taken_by or len(taken_by) > MAX_TAKER or not taken_by.isprintable():
        raise DomainError("deposit_taker_required", status=422, limit=MAX_TAKER)
    if len(note) > MAX_NOTE or not note.isprintable():
        raise DomainError("invalid_request", detail="note")
    record = session.scalar(select(DayClose).where(DayClose.z_no == z_no))
    if record is None:
        raise DomainError("z_not_found", status=404, z_no=z_no)
    held = int(record.report.get("cash_counted") or 0)
    so_far = int(session.scalar(select(func.coalesce(func.sum(CashDeposit.amount), 0))
                                .where(CashDeposit.day_close_id == record.id)) or 0)
    if so_far + amount > held:
        raise DomainError("deposit_exceeds_cash", status=409, left=format_fen(held - so_far, symbol="￥"))
    deposit = CashDeposit(day_close_id=record.id, amount=amount, taken_by=taken_by, note=note,
                          operator_id=actor.operator_id, at=clock.now())
    session.add(deposit)
    session.flush()
    outbox.record(session, CashDeposited(z_no, date.fromisoformat(str(record.business_day)), amount, taken_by, note,
                                         actor.operator_code, deposit.at.isoformat(timespec="seconds")))
    audit(session, actor, "cash_deposited", f"Z{z_no:04d} {taken_by}", amount)
    return {"z_no": z_no, "amount": amount, "taken_by": taken_by, "deposited": so_far + amount,
            "left": held - so_far - amount}


# ---- printing and exporting ----------------------------------------------------------------------------

LABELS: dict[str, tuple[str, str]] = {
    "X": ("X 报表（未结）", "X report (not closed)"),
    "Z": ("Z 报表 日结", "Z report (day close)"),
    "z_no": ("日结号", "Z number"),
    "business_day": ("营业日", "Business day"),
    "generated_at": ("打印时间", "Printed at"),
    "run_by": ("操作员", "Run by"),
    "shifts_open": ("未交班班次", "Shifts still open"),
    "sales": ("销售", "Sales"),
    "sales_count": ("销售笔数", "Sales"),
    "gross": ("原价合计", "Gross"),
    "promotion": ("促销优惠", "Promotions"),
    "coupons": ("用券优惠", "Coupons"),
    "rounding": ("抹零", "Rounding"),
    "sales_total": ("销售额", "Sales total"),
    "returns_count": ("退货笔数", "Returns"),
    "returns_total": ("退货金额", "Returned"),
    "net_total": ("净销售额", "Net sales"),
    "voids": ("作废", "Voids"),
    "voided_tickets": ("整单取消", "Tickets voided"),
    "voided_amount": ("整单取消金额", "Voided amount"),
    "voided_lines": ("删除商品行", "Lines voided"),
    "voided_line_amount": ("删除行金额", "Voided lines amount"),
    "no_sales": ("开钱箱（无销售）", "No-sales"),
    "tenders": ("支付方式", "Tenders"),
    "method": ("方式", "Tender"),
    "taken": ("收款", "Taken"),
    "change": ("找零", "Change"),
    "refunded": ("退款", "Refunded"),
    "net": ("净额", "Net"),
    "expected": ("应有", "Expected"),
    "counted": ("实点", "Counted"),
    "over_short": ("长短款", "Over/short"),
    "shifts": ("班次", "Shifts"),
    "till": ("收银台", "Till"),
    "operator": ("收银员", "Cashier"),
    "float": ("备用金", "Float"),
    "taxes": ("税率", "Taxes by rate"),
    "rate": ("税率", "Rate"),
    "tax": ("税额", "Tax"),
    "cashiers": ("收银员", "Cashiers"),
    "cards": ("储值与礼品卡", "Stored value and gift cards"),
    "stored_value_spent": ("储值消费", "Stored value spent"),
    "stored_value_refunded": ("储值退回", "Stored value refunded"),
    "top_ups": ("充值笔数", "Top-ups"),
    "top_up_amount": ("充值金额", "Topped up"),
    "top_up_bonus": ("充值赠送", "Top-up bonus"),
    "top_up_cash": ("其中现金充值", "of which in cash"),
    "gift_cards_sold": ("售卡张数", "Gift cards sold"),
    "gift_card_sales": ("售卡金额", "Gift card sales"),
    "gift_card_spent": ("礼品卡消费", "Gift cards spent"),
    "gift_card_refunded": ("礼品卡退回", "Gift cards refunded"),
    "cash": ("现金", "Cash"),
    "cash_expected": ("应有现金", "Cash expected"),
    "cash_counted": ("实点现金", "Cash counted"),
    "cash_over_short": ("现金长短款", "Cash over/short"),
    "deposits": ("缴款", "Deposits"),
    "taken_by": ("收款人", "Taken by"),
    "deposited": ("已缴款", "Deposited"),
    "reconciles": ("对账", "Reconciles"),
    "yes": ("平", "yes"),
    "no": ("不平", "NO"),
    "over": ("长款", "over"),
    "short": ("短款", "short"),
}


def _t(key: str, language: str) -> str:
    zh, en = LABELS[key]
    return en if language == "en" else zh


def _money(amount: int | None) -> str:
    return "—" if amount is None else format_fen(amount, symbol="￥")


def _over_short(amount: int | None, language: str) -> str:
    if amount is None:
        return "—"
    if amount == 0:
        return _money(0)
    return f"{_t('over' if amount > 0 else 'short', language)} {_money(abs(amount))}"


def _rate(rate_bp: int) -> str:
    return f"{rate_bp / 100:g}%"


def summary_rows(report: DayReport, language: str) -> list[tuple[str, str, str]]:
    """(section, label, value) for every figure of the report, in the order it prints."""
    def t(key: str) -> str:
        return _t(key, language)

    m = _money
    rows: list[tuple[str, str, str]] = [
        ("", t(report.kind), ""),
        ("", t("business_day"), report.business_day),
    ]
    if report.z_no is not None:
        rows.append(("", t("z_no"), f"Z{report.z_no:04d}"))
    rows += [("", t("generated_at"), report.generated_at.replace("T", " ")), ("", t("run_by"), report.run_by)]
    if report.shifts_open:
        rows.append(("", t("shifts_open"), str(report.shifts_open)))
    s = t("sales")
    rows += [(s, t("sales_count"), str(report.sales_count)), (s, t("gross"), m(report.gross)),
             (s, t("promotion"), m(-report.promotion)), (s, t("coupons"), m(-report.coupons)),
             (s, t("rounding"), m(report.rounding)), (s, t("sales_total"), m(report.sales_total)),
             (s, t("returns_count"), str(report.returns_count)), (s, t("returns_total"), m(-report.returns_total)),
             (s, t("net_total"), m(report.net_total))]
    v = t("voids")
    rows += [(v, t("voided_tickets"), f"{report.voided_tickets} / {m(report.voided_amount)}"),
             (v, t("voided_lines"), f"{report.voided_lines} / {m(report.voided_line_amount)}"),
             (v, t("no_sales"), str(report.no_sales))]
    for tender in report.tenders:
        name = label(tender.method, language)
        section = f"{t('tenders')} · {name}"
        rows += [(section, t("taken"), m(tender.taken))]
        if tender.change:
            rows.append((section, t("change"), m(-tender.change)))
        if tender.refunded:
            rows.append((section, t("refunded"), m(-tender.refunded)))
        rows += [(section, t("net"), m(tender.net)), (section, t("expected"), m(tender.expected))]
        if tender.method == CASH:
            rows += [(section, t("counted"), m(tender.counted)),
                     (section, t("over_short"), _over_short(tender.over_short, language))]
    for row in report.taxes:
        section = f"{t('taxes')} · {_rate(row.rate_bp)}"
        rows += [(section, t("sales_total"), m(row.gross)), (section, t("tax"), m(row.tax))]
    c = t("cards")
    rows += [(c, t("stored_value_spent"), m(report.stored_value_spent)),
             (c, t("stored_value_refunded"), m(report.stored_value_refunded)),
             (c, t("top_ups"), f"{report.top_ups} / {m(report.top_up_amount)}"),
             (c, t("top_up_cash"), m(report.top_up_cash)),
             (c, t("top_up_bonus"), m(report.top_up_bonus)),
             (c, t("gift_cards_sold"), f"{report.gift_cards_sold} / {m(report.gift_card_sales)}"),
             (c, t("gift_card_spent"), m(report.gift_card_spent)),
             (c, t("gift_card_refunded"), m(report.gift_card_refunded))]
    for shift in report.shifts:
        section = f"{t('shifts')} · {shift.till} {shift.operator}"
        rows += [(section, t("float"), m(shift.float)), (section, t("expected"), m(shift.expected)),
                 (section, t("counted"), m(shift.counted)),
                 (section, t("over_short"), _over_short(shift.over_short, language))]
    for cashier in report.cashiers:
        rows.append((t("cashiers"), f"{cashier.code} {cashier.name}", f"{cashier.sales} / {m(cashier.total)}"))
    ca = t("cash")
    rows += [(ca, t("cash_expected"), m(report.cash_expected)), (ca, t("cash_counted"), m(report.cash_counted)),
             (ca, t("cash_over_short"), _over_short(report.cash_over_short, language))]
    for deposit in report.deposits:
        rows.append((t("deposits"), f"{deposit.at.replace('T', ' ')} {deposit.taken_by}", m(deposit.amount)))
    if report.deposits:
        rows.append((t("deposits"), t("deposited"), m(report.deposited)))
    rows.append(("", t("reconciles"), t("yes" if report.reconciles else "no")))
    return rows


def slip(report: DayReport, store_name: str, columns: int, language: str = "zh_CN") -> list[LaidOutLine]:
    """The report as a receipt-printer slip: laid out like a receipt, printed by the same encoder."""
    out = [LaidOutLine(t, Style.TITLE) for t in wrap(store_name, columns // 2)]
    rows = summary_rows(report, language)
    out.append(LaidOutLine(rows[0][1], Style.CENTER))
    section = ""
    for where, name, value in rows[1:]:
        if where != section:
            out.append(LaidOutLine("-" * columns, Style.RULE))
            if where:
                out += [LaidOutLine(t) for t in wrap(f"[{where}]", columns)]
            section = where
        out.append(LaidOutLine(two_columns(name, value, columns)))
    out.append(LaidOutLine("-" * columns, Style.RULE))
    return out


def slip_text(report: DayReport, store_name: str, columns: int, language: str = "zh_CN") -> str:
    from app.domain.textwidth import device_text

    return "\n".join(device_text(line.text) for line in slip(report, store_name, columns, language)) + "\n"


def to_csv(report: DayReport, language: str) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Chinese right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["section", "item", "value"] if language == "en" else ["分类", "项目", "数值"])
    writer.writerows(summary_rows(report, language))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(report: DayReport, language: str) -> bytes:
    """One sheet of every figure, and a sheet each for tenders, shifts and taxes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    def t(key: str) -> str:
        return _t(key, language)

    book = Workbook()
    sheet = book.active
    sheet.title = t(report.kind)[:31]
    sheet.append([t("business_day"), report.business_day])
    for where, name, value in summary_rows(report, language):
        sheet.append([where, name, value])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions["C"].width = 18
    tenders = book.create_sheet(t("tenders"))
    tenders.append([t("method"), t("taken"), t("change"), t("refunded"), t("net"), t("expected"), t("counted"),
                    t("over_short")])
    for row in report.tenders:  # money in yuan as numbers: finance adds them up in the sheet
        tenders.append([label(row.method, language), *[None if x is None else x / 100 for x in (
            row.taken, row.change, row.refunded, row.net, row.expected, row.counted, row.over_short)]])
    shifts_sheet = book.create_sheet(t("shifts"))
    shifts_sheet.append([t("till"), t("operator"), t("float"), t("expected"), t("counted"), t("over_short")])
    for s in report.shifts:
        shifts_sheet.append([s.till, s.operator, s.float / 100, s.expected / 100,
                             None if s.counted is None else s.counted / 100,
                             None if s.over_short is None else s.over_short / 100])
    taxes = book.create_sheet(t("taxes"))
    taxes.append([t("rate"), t("sales_total"), t("tax"), t("net")])
    for x in report.taxes:
        taxes.append([_rate(x.rate_bp), x.gross / 100, x.tax / 100, x.net / 100])
    for ws in (tenders, shifts_sheet, taxes):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
