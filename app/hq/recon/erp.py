"""ERP vouchers at HQ: a store's day as vouchers (``app.domain.vouchers``), numbered once and
kept as exported, in the ERP's formats.

* The first export of a store's day numbers its vouchers (记-N, per month) and keeps their lines;
  every later export renders what was kept, so the files are byte-identical. When the day's figures
  have changed since (a late sale, a corrected bill), the difference becomes an adjusting voucher
  with a number of its own — an exported voucher is never edited.
* A day is exported only once the store has closed it (its Z is at HQ).
* Formats: ``json``, ``csv`` (UTF-8 with BOM), ``kingdee`` (金蝶 KIS/K3 凭证引入 workbook) and
  ``yonyou`` (用友 U8 总账 凭证导入 workbook); the workbooks carry no timestamps of their own.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.apportion import largest_remainder
from app.domain.errors import DomainError
from app.domain.vouchers import (
    Account,
    Chart,
    SaleLine,
    TopUp,
    Voucher,
    VoucherLine,
    adjusting_voucher,
    cash_voucher,
    payout_voucher,
    platform_payout_voucher,
    sales_voucher,
    top_up_voucher,
)
from app.hq import clock
from app.hq.models import (
    DayClose,
    ErpVoucher,
    Event,
    Product,
    ReconRow,
    Sale,
    SaleTender,
    Setting,
    Store,
    WalletEntry,
)
from app.hq.recon.days import store_by_code

ACCOUNTS_KEY = "erp_accounts"
FORMATS = ("json", "csv", "kingdee", "yonyou")
WORD = "记"  # 凭证字
PREPARER = "OmniStore"
PAYOUT_CHANNELS = ("wechat", "alipay", "meituan", "eleme")
PLATFORMS = ("meituan", "eleme")
O2O_CHANNEL = "channel"  # the sale's channel column, once HQ keeps O2O sales
TOPUP_EVENT = "stored_value_topup"


# ---- the chart of accounts HQ configures ---------------------------------------------------------
def chart(session: Session) -> Chart:
    row = session.get(Setting, ACCOUNTS_KEY)
    overrides = {role: (str(pair[0]), str(pair[1])) for role, pair in (row.data if row else {}).items()}
    return Chart(overrides)


def accounts(session: Session) -> dict[str, Any]:
    current = chart(session)
    from app.domain.vouchers import DEFAULT_CHART

    return {"accounts": [{"role": role, "code": current[role].code, "name": current[role].name}
                         for role in DEFAULT_CHART]}


def save_accounts(session: Session, entries: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """Set account codes by role (roles not listed keep theirs)."""
    from app.domain.vouchers import DEFAULT_CHART

    row = session.get(Setting, ACCOUNTS_KEY)
    data = dict(row.data) if row else {}
    for role, code, name in entries:
        if role not in DEFAULT_CHART and not role.startswith("revenue:"):
            raise DomainError("invalid_field", status=422, field="role", value=role[:40])
        if not re.fullmatch(r"[0-9A-Za-z.\-]{1,32}", code):
            raise DomainError("invalid_field", status=422, field="code", value=code[:40])
        data[role] = [code, name.strip() or DEFAULT_CHART.get(role, ("", role))[1]]
    if row is None:
        session.add(Setting(key=ACCOUNTS_KEY, data=data, updated_at=clock.now()))
    else:
        row.data, row.updated_at = data, clock.now()
    session.flush()
    return accounts(session)


# ---- a store's day, as vouchers --------------------------------------------------------------------
def day_vouchers(session: Session, store: Store, day: date, accounts_chart: Chart) -> list[tuple[str, Voucher]]:
    """What the day's vouchers say now, each with what it is of (a payout's channel, else ""):
    sales, top-ups, each provider's payout of the day's bill, the cash."""
    close = session.scalar(select(DayClose).where(DayClose.store_id == store.id, DayClose.business_day == day))
    vouchers = [("", _sales(session, store, day, accounts_chart)),
                ("", top_up_voucher(store.code, day, _top_ups(session, store, day), accounts_chart))]
    for channel in PAYOUT_CHANNELS:
        payout = _payout(session, store, day, channel, accounts_chart)
        if payout is not None:
            vouchers.append((channel, payout))
    if close is not None:
        expected = _expected_cash(close.report)
        vouchers.append(("", cash_voucher(store.code, day, expected, close.cash_counted, close.deposited,
                                          accounts_chart)))
    return [(subject, v) for subject, v in vouchers if v.lines]


def _expected_cash(report: dict[str, Any]) -> int:
    for key in ("cash_expected", "expected_cash"):
        if isinstance(report.get(key), int):
            return int(report[key])
    counted = report.get("cash_counted")
    return int(counted) if isinstance(counted, int) else 0


def _sales(session: Session, store: Store, day: date, accounts_chart: Chart) -> Voucher:
    channel_of: dict[str, str] = {}
    if hasattr(Sale, O2O_CHANNEL):
        column = getattr(Sale, O2O_CHANNEL)
        channel_of = {sale_id: str(ch or "store") for sale_id, ch in session.execute(
            select(Sale.sale_id, column).where(Sale.store_id == store.id, Sale.business_day == day))}
    tenders: dict[tuple[str, str], int] = {}
    for sale_id, method, amount in session.execute(select(SaleTender.sale_id, SaleTender.method, SaleTender.amount)
                                                   .where(SaleTender.store_id == store.id,
                                                          SaleTender.business_day == day)):
        key = (channel_of.get(sale_id, "store"), method)
        tenders[key] = tenders.get(key, 0) + amount
    products = {p.sku: p for p in session.scalars(select(Product))}
    lines: dict[tuple[str, int, bool], int] = {}
    payloads = session.execute(select(Event.payload).join(Sale, Sale.event_id == Event.event_id)
                               .where(Sale.store_id == store.id, Sale.business_day == day).order_by(Sale.sale_id))
    for (payload,) in payloads:
        for category, rate, gift, amount in _sale_lines(payload, products):
            lines[(category, rate, gift)] = lines.get((category, rate, gift), 0) + amount
    sold = [SaleLine(category, rate, amount, gift) for (category, rate, gift), amount in sorted(lines.items())]
    return sales_voucher(store.code, day, tenders, sold, accounts_chart)


def _top_ups(session: Session, store: Store, day: date) -> list[TopUp]:
    """The day's top-ups (储值充值) as the store reported them (``stored_value_topup``: the card, the
    amount, the tender that paid it — cash when the event does not say — and its business day, else
    the day it was made), with the bonus HQ's ledger added for the same ref. A top-up HQ took back
    (``topup_cancel``) owes nothing."""
    low, high = day.isoformat(), (day + timedelta(days=2)).isoformat()
    found: dict[str, tuple[str, int]] = {}
    said_day = Event.payload["business_day"].as_string() == low
    made_then = (Event.created_at >= low) & (Event.created_at < high)
    for payload, created in session.execute(select(Event.payload, Event.created_at).where(
            Event.store_id == store.id, Event.kind == TOPUP_EVENT, said_day | made_then).order_by(Event.seq)):
        if not isinstance(payload, dict):
            continue
        business_day = payload.get("business_day")
        on = business_day if isinstance(business_day, str) and business_day else str(created)[:10]
        amount, ref, method = payload.get("amount"), payload.get("ref"), payload.get("method")
        if on != low or not isinstance(amount, int) or isinstance(amount, bool) or not isinstance(ref, str):
            continue
        found.setdefault(ref, (method if isinstance(method, str) and method else "cash", amount))
    if not found:
        return []
    entries: dict[tuple[str, str], int] = {}
    for kind, ref, bonus in session.execute(select(WalletEntry.kind, WalletEntry.ref, WalletEntry.bonus).where(
            WalletEntry.store_id == store.id, WalletEntry.kind.in_(("topup", "topup_cancel")),
            WalletEntry.ref.in_(list(found)))):
        entries[(kind, ref)] = int(bonus)
    return [TopUp(method, amount, entries.get(("topup", ref), 0)) for ref, (method, amount) in sorted(found.items())
            if ("topup_cancel", ref) not in entries]


def _sale_lines(payload: dict[str, Any], products: dict[str, Product]) -> list[tuple[str, int, bool, int]]:
    """A sale's lines at what was paid for them: the sale's subtotal spread over its lines by
    their amounts (a ticket discount lands on every line); a return's are negative."""
    raw = [line for line in payload.get("lines", []) if isinstance(line, dict) and not line.get("voided")]
    amounts = [int(line.get("amount", 0)) for line in raw]
    subtotal = payload.get("subtotal")
    sign = -1 if sum(amounts) < 0 else 1
    if isinstance(subtotal, int) and amounts and all(a * sign >= 0 for a in amounts) \
            and abs(subtotal) <= sum(abs(a) for a in amounts):
        amounts = [sign * share for share in largest_remainder(abs(subtotal), [abs(a) for a in amounts])]
    found = []
    for line, amount in zip(raw, amounts, strict=True):
        product = products.get(str(line.get("sku", "")))
        category = (product.category or "") if product else ""
        rate = product.tax_rate if product else 1300
        found.append((category, rate, bool(product and product.kind == "gift_card"), amount))
    return found


def _payout(session: Session, store: Store, day: date, channel: str, accounts_chart: Chart) -> Voucher | None:
    """回款 for the day's bill of ``channel``: gross and fees (a platform's commission, merchant
    subsidies and what it paid out)."""
    rows = session.execute(select(ReconRow.entry, func.sum(ReconRow.amount), func.sum(ReconRow.fee),
                                  func.sum(ReconRow.commission), func.sum(ReconRow.merchant_subsidy),
                                  func.sum(ReconRow.payout))
                           .where(ReconRow.channel == channel, ReconRow.store_code == store.code,
                                  ReconRow.bill_day == day, ReconRow.status != "REVOKED")
                           .group_by(ReconRow.entry)).all()
    if not rows:
        return None
    gross = fees = commission = subsidy = payout = 0
    for entry, amount, fee, comm, merchant, paid in rows:
        sign = -1 if entry == "refund" else 1
        gross += sign * int(amount or 0)
        fees += int(fee or 0)
        commission += int(comm or 0)
        subsidy += int(merchant or 0)
        payout += int(paid or 0)
    if channel in PLATFORMS:
        return platform_payout_voucher(store.code, day, accounts_chart[f"channel:{channel}"], gross, payout,
                                       commission, subsidy, accounts_chart)
    return payout_voucher(store.code, day, accounts_chart[f"tender:{channel}"], gross, fees, accounts_chart)


# ---- numbered once, kept as exported ----------------------------------------------------------------
def _lines_out(lines: Sequence[VoucherLine]) -> list[dict[str, Any]]:
    return [{"summary": line.summary, "code": line.account.code, "name": line.account.name, "debit": line.debit,
             "credit": line.credit} for line in lines]


def _lines_in(data: Sequence[dict[str, Any]]) -> tuple[VoucherLine, ...]:
    return tuple(VoucherLine(d["summary"], Account(d["code"], d["name"]), int(d["debit"]), int(d["credit"]))
                 for d in data)


def export(session: Session, store_code: str, day: date) -> list[ErpVoucher]:
    """The store's vouchers of ``day``, numbered at the first export; a change since becomes an
    adjusting voucher. Refused while the store has not closed the day."""
    store = store_by_code(session, store_code)
    if session.scalar(select(DayClose.id).where(DayClose.store_id == store.id, DayClose.business_day == day)) is None:
        raise DomainError("erp_day_not_closed", status=409, store=store.code, day=day.isoformat())
    kept = list(session.scalars(select(ErpVoucher).where(ErpVoucher.store_id == store.id,
                                                         ErpVoucher.business_day == day).order_by(ErpVoucher.number)))
    now = day_vouchers(session, store, day, chart(session))
    for subject, voucher in now:
        mine = [k for k in kept if (k.kind, k.subject) == (voucher.kind, subject)
                or (k.kind == "adjust" and k.subject == f"{voucher.kind}:{subject}")]
        if not mine:
            kept.append(_keep(session, store, voucher, voucher.kind, subject))
            continue
        exported = Voucher(store.code, day, voucher.kind, voucher.summary,
                           tuple(line for k in mine for line in _lines_in(k.lines)))
        adjust = adjusting_voucher(exported, voucher)
        if adjust is not None:
            kept.append(_keep(session, store, adjust, "adjust", f"{voucher.kind}:{subject}"))
    return kept


def _keep(session: Session, store: Store, voucher: Voucher, kind: str, subject: str) -> ErpVoucher:
    period = voucher.day.strftime("%Y-%m")
    number = (session.scalar(select(func.max(ErpVoucher.number)).where(ErpVoucher.period == period)) or 0) + 1
    row = ErpVoucher(store_id=store.id, business_day=voucher.day, kind=kind, subject=subject[:32], period=period,
                     number=number, summary=voucher.summary[:200], lines=_lines_out(voucher.lines),
                     created_at=clock.now())
    session.add(row)
    session.flush()
    return row


# ---- the formats ---------------------------------------------------------------------------------------
def as_json(store_code: str, day: date, vouchers: Sequence[ErpVoucher]) -> dict[str, Any]:
    return {"store": store_code, "day": day.isoformat(), "vouchers": [
        {"word": WORD, "number": v.number, "period": v.period, "kind": v.kind, "summary": v.summary,
         "debit_total": sum(int(line["debit"]) for line in v.lines),
         "credit_total": sum(int(line["credit"]) for line in v.lines),
         "lines": v.lines} for v in vouchers]}


def _yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def as_csv(store_code: str, day: date, vouchers: Sequence[ErpVoucher]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["日期", "凭证字", "凭证号", "摘要", "科目代码", "科目名称", "借方金额", "贷方金额", "门店"])
    for v in vouchers:
        for line in v.lines:
            writer.writerow([day.isoformat(), WORD, v.number, line["summary"], line["code"], line["name"],
                             _yuan(int(line["debit"])) if line["debit"] else "",
                             _yuan(int(line["credit"])) if line["credit"] else "", store_code])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


KINGDEE_COLUMNS = ["日期", "凭证字", "凭证号", "附单据数", "摘要", "科目代码", "科目名称", "借方金额", "贷方金额", "币别",
                   "汇率", "数量", "单价", "制单人", "审核人", "过账人"]
#: 用友 U8 总账's voucher-import sheet: one row per entry line, the columns the Chinese names of the
#: fields of U8's voucher table GL_accvouch, in that order (docs/recon.md names the sources).
YONYOU_COLUMNS = ["会计期间", "凭证类别字", "凭证类别排序号", "凭证编号", "行号", "制单日期", "附单据数", "制单人", "审核人",
                  "记账人", "记账标志", "出纳人", "凭证标志", "凭证头自定义项1", "凭证头自定义项2", "摘要", "科目编码", "币种",
                  "借方金额", "贷方金额", "外币借方金额", "外币贷方金额", "汇率", "数量借方", "数量贷方", "结算方式编码", "票号",
                  "票号发生日期", "部门编码", "职员编码", "客户编码", "供应商编码", "项目编码", "项目大类编码", "业务员",
                  "对方科目编码", "银行帐两清标志", "往来帐两清标志", "是否核销", "外部凭证帐套号", "外部凭证会计年度",
                  "外部凭证系统名称", "外部凭证系统版本号", "外部凭证制单日期", "外部凭证会计期间", "外部凭证业务类型",
                  "外部凭证业务号", "日期", "标志", "外部凭证单据号", "凭证是否可修改", "凭证分录是否可增删", "凭证合计金额是否保值",
                  "分录数值是否可修改", "分录科目是否可修改", "分录受控科目可用状态", "分录往来项是否可修改", "分录部门是否可修改",
                  "分录项目是否可修改", "分录往来项是否必输", "自定义字段1", "自定义字段2", "自定义字段3", "自定义字段4",
                  "自定义字段5", "自定义字段6", "自定义字段7", "自定义字段8", "自定义字段9", "自定义字段10", "现金项目编号",
                  "现金借方", "现金贷方"]
YONYOU_WORD_SEQ = 1  # 凭证类别排序号 of 记 where it is the account set's first (or only) 凭证类别


#: U8 keeps 60 bytes of a 摘要
YONYOU_SUMMARY_BYTES = 60


def _yonyou_row(day: date, number: int, row: int, line: dict[str, Any], debit: Decimal,
                credit: Decimal) -> list[Any]:
    """One entry line in 用友 U8's columns: what a voucher needs, the rest left empty (币种 empty is
    the account set's own currency)."""
    known = {"会计期间": day.month, "凭证类别字": WORD, "凭证类别排序号": YONYOU_WORD_SEQ, "凭证编号": number,
             "行号": row, "制单日期": day.isoformat(), "附单据数": 0, "制单人": PREPARER,
             "摘要": _clipped(line["summary"], YONYOU_SUMMARY_BYTES), "科目编码": line["code"], "借方金额": debit,
             "贷方金额": credit}
    return [known.get(column) for column in YONYOU_COLUMNS]


def _clipped(text: str, most: int) -> str:
    """``text`` cut to ``most`` bytes as GBK counts them, never through a character."""
    while len(text.encode("gbk", errors="replace")) > most:
        text = text[:-1]
    return text


def as_workbook(day: date, vouchers: Sequence[ErpVoucher], layout: str) -> bytes:
    """A 金蝶 or 用友 voucher-import workbook, byte-identical for the same vouchers."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "凭证"
    kingdee = layout == "kingdee"
    sheet.append(KINGDEE_COLUMNS if kingdee else YONYOU_COLUMNS)
    for v in vouchers:
        for row, line in enumerate(v.lines, start=1):
            debit = _yuan(int(line["debit"])) if line["debit"] else Decimal("0.00")
            credit = _yuan(int(line["credit"])) if line["credit"] else Decimal("0.00")
            if kingdee:
                sheet.append([day.isoformat(), WORD, v.number, 0, line["summary"], line["code"], line["name"], debit,
                              credit, "RMB", 1, 0, 0, PREPARER, "", ""])
            else:
                sheet.append(_yonyou_row(day, v.number, row, line, debit, credit))
    fixed = datetime(day.year, day.month, day.day)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = PREPARER
    raw = io.BytesIO()
    book.save(raw)
    return _stable_zip(raw.getvalue(), fixed)


def _stable_zip(data: bytes, moment: datetime) -> bytes:
    """The workbook's zip again with every entry dated ``moment`` and the document's own times
    pinned to it: openpyxl stamps the time of saving."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=(moment.year, moment.month, moment.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()


def render(store_code: str, day: date, vouchers: Sequence[ErpVoucher], fmt: str) -> tuple[bytes, str]:
    """The export as bytes and its media type."""
    if fmt == "csv":
        return as_csv(store_code, day, vouchers), "text/csv; charset=utf-8"
    if fmt in ("kingdee", "yonyou"):
        return as_workbook(day, vouchers, fmt), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return json.dumps(as_json(store_code, day, vouchers), ensure_ascii=False).encode(), "application/json"
