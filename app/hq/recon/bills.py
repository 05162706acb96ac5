"""The money providers' files, read into plain rows (no database here).

* ``wechat`` — WeChat Pay ``downloadbill`` ALL: a header line, detail lines whose every field starts
  with a backquote, then the summary header and the summary values. Read by header name, so the
  legacy layout (``总金额``, ``企业红包金额``…) reads as well as the current one.
* ``wechat_funds`` — the fund-flow bill (资金账单): 记账时间, 资金流水单号, 业务名称, 收支类型, 收支金额(元)…
* ``alipay`` — the trade bill: a zip holding a GBK CSV (``#`` header lines, 交易 / 退款 rows, ``#``
  totals), or that CSV alone.
* ``meituan`` / ``eleme`` — the platforms' settlement bill (结算账单, see docs/recon.md): one row per
  order or refund with its amount, commission, delivery fee, subsidies and payout; the merchant is
  the ``#商家ID`` line or the rows' ``shop_id`` (one bill, one shop).
* ``bank`` — a bank statement CSV (交易日期, 交易时间, 收入金额, 支出金额, 对方户名, 摘要, 流水号).

A file is refused whole (``BillError``) when it cannot be trusted: another merchant's bill, a
truncated file (the summary or trailer missing or not agreeing), GBK text that went through a UTF-8
decoder (mojibake), a row twice, a negative fee on a charge. A single row that cannot be read is
reported (``Rejected``) and the rest are read.
"""

from __future__ import annotations

import csv
import enum
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.errors import DomainError, InvalidAmount
from app.domain.money import wire_yuan_to_fen
from app.domain.recon import PAY, REFUND


class BillKind(enum.StrEnum):
    WECHAT = "wechat"
    WECHAT_FUNDS = "wechat_funds"
    ALIPAY = "alipay"
    MEITUAN = "meituan"
    ELEME = "eleme"
    BANK = "bank"


#: the channel a bill's rows reconcile (a fund-flow bill is WeChat's money, a bank statement the bank's)
CHANNEL = {BillKind.WECHAT: "wechat", BillKind.WECHAT_FUNDS: "wechat", BillKind.ALIPAY: "alipay",
           BillKind.MEITUAN: "meituan", BillKind.ELEME: "eleme", BillKind.BANK: "bank"}

CREDIT = "credit"  # money in (a fund-flow or bank statement row)
DEBIT = "debit"


class BillError(DomainError):
    """The whole file is refused; ``code`` says why (texts in ``app.messages``)."""

    status = 422


@dataclass(frozen=True, slots=True)
class BillRow:
    line: int
    entry: str  # pay | refund (a bill) · credit | debit (fund flow, bank)
    key: str  # unique within the channel: a second file with this row changes nothing
    at: datetime  # Beijing wall time
    amount: int  # fen, positive
    store_code: str = ""
    status: str = "SUCCESS"
    fee: int = 0  # the provider's fee; a refund's is negative (it comes back)
    out_trade_no: str = ""
    transaction_id: str = ""
    out_refund_no: str = ""
    refund_id: str = ""
    commission: int = 0
    delivery_fee: int = 0
    platform_subsidy: int = 0
    merchant_subsidy: int = 0
    payout: int = 0
    counterparty: str = ""
    memo: str = ""


@dataclass(frozen=True, slots=True)
class Rejected:
    line: int
    reason: str  # a code from app.messages (recon_row_*)
    detail: str = ""


@dataclass(slots=True)
class ParsedBill:
    kind: BillKind
    merchant_id: str = ""
    first_day: date | None = None
    last_day: date | None = None
    rows: list[BillRow] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def channel(self) -> str:
        return CHANNEL[self.kind]


# ---- reading bytes as text ---------------------------------------------------------------------
#: what GBK looks like after a UTF-8 decoder replaced what it could not read and it was saved again
_MOJIBAKE = re.compile("\ufffd|锟斤拷|[ÃÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö][\x80-\xbf]")


def decode(content: bytes, *, gbk_first: bool = False) -> str:
    """The file's text: UTF-8 (with or without BOM) or GBK. A file that was GBK once and went
    through a UTF-8 decoder is refused, not read as garbage."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    encodings = ("gb18030", "utf-8") if gbk_first else ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError as error:
            if error.end >= len(content) and len(content) - error.start < 4:
                raise BillError("recon_truncated", line=content.count(b"\n") + 1) from None  # cut inside a character
            continue
        if encoding == "gb18030" and _looks_utf8(content):
            text = content.decode("utf-8")
        break
    else:
        raise BillError("recon_encoding")
    if _MOJIBAKE.search(text):
        raise BillError("recon_mojibake")
    return text


def _looks_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# ---- which bill is this ------------------------------------------------------------------------
def detect(content: bytes, filename: str = "") -> BillKind:
    """The kind of a file from its bytes (and its name for the platforms)."""
    if content.startswith(b"PK"):
        return BillKind.ALIPAY
    text = decode(content[:4096] if len(content) <= 4096 else _whole_lines(content[:4096]))
    head = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    lowered = filename.lower()
    if head.startswith("#支付宝") or "支付宝交易号" in text:
        return BillKind.ALIPAY
    if "资金流水单号" in head:
        return BillKind.WECHAT_FUNDS
    if "微信订单号" in head:
        return BillKind.WECHAT
    if "流水号" in head and ("收入金额" in head or "贷方金额" in head):
        return BillKind.BANK
    if "饿了么" in text or "eleme" in lowered or ",eleme," in text:
        return BillKind.ELEME
    if "美团" in text or "meituan" in lowered or ",meituan," in text:
        return BillKind.MEITUAN
    raise BillError("recon_unknown_bill")


def _whole_lines(chunk: bytes) -> bytes:
    return chunk[: chunk.rfind(b"\n") + 1] or chunk


def parse(kind: BillKind, content: bytes, *, merchant_id: str = "") -> ParsedBill:
    """Read a whole file; ``merchant_id`` (when known) must be the bill's own."""
    readers = {BillKind.WECHAT: _wechat, BillKind.WECHAT_FUNDS: _wechat_funds, BillKind.ALIPAY: _alipay,
               BillKind.MEITUAN: _platform, BillKind.ELEME: _platform, BillKind.BANK: _bank}
    bill = ParsedBill(kind)
    readers[kind](bill, content)
    if merchant_id and bill.merchant_id and bill.merchant_id != merchant_id:
        raise BillError("recon_wrong_merchant", merchant=bill.merchant_id, expected=merchant_id)
    seen: dict[str, int] = {}
    for row in bill.rows:
        if row.key in seen:
            raise BillError("recon_duplicate_row", line=row.line, first=seen[row.key])
        seen[row.key] = row.line
        if row.entry == PAY and row.fee < 0:
            raise BillError("recon_negative_fee", line=row.line)
    days = [row.at.date() for row in bill.rows]
    if days:
        bill.first_day, bill.last_day = min(days), max(days)
    return bill


# ---- the parts every reader shares ---------------------------------------------------------------
class _Row:
    """A CSV row read by header name."""

    def __init__(self, header: Sequence[str], values: Sequence[str], line: int) -> None:
        self.line = line
        self.fields = {name: value.strip().lstrip("`").strip() for name, value in zip(header, values, strict=False)}

    def get(self, *names: str) -> str:
        for name in names:
            value = self.fields.get(name)
            if value is not None:
                return value
        return ""

    def need(self, *names: str) -> str:
        value = self.get(*names)
        if not value:
            raise _Unreadable("recon_row_missing", names[0])
        return value

    def money(self, *names: str, required: bool = True) -> int:
        text = self.get(*names).replace(",", "")
        if not text:
            if required:
                raise _Unreadable("recon_row_missing", names[0])
            return 0
        try:
            return wire_yuan_to_fen(text if "." in text or text.lstrip("-").isdigit() else "?")
        except InvalidAmount:
            raise _Unreadable("recon_row_amount", f"{names[0]}={text[:20]}") from None

    def moment(self, *names: str) -> datetime:
        text = self.need(*names).replace("/", "-")
        for layout in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
            try:
                return datetime.strptime(text, layout)
            except ValueError:
                continue
        raise _Unreadable("recon_row_time", f"{names[0]}={text[:20]}")


def _fen(text: str) -> int | None:
    try:
        return wire_yuan_to_fen(text.replace(",", ""))
    except InvalidAmount:
        return None


class _Unreadable(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _csv_lines(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank lines as CSV fields, with their 1-based line numbers."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            found.append((number, next(csv.reader([line]))))
    return found


def _read_rows(bill: ParsedBill, header: list[str], lines: Sequence[tuple[int, list[str]]]) -> Iterator[_Row]:
    for number, values in lines:
        if len(values) < len(header):
            raise BillError("recon_truncated", line=number)
        yield _Row(header, values, number)


def _keep(bill: ParsedBill, row: _Row, make: Callable[[_Row], BillRow | None]) -> None:
    try:
        built = make(row)
    except _Unreadable as problem:
        bill.rejected.append(Rejected(row.line, problem.reason, problem.detail))
        return
    if built is not None:
        bill.rows.append(built)


# ---- WeChat Pay ----------------------------------------------------------------------------------
def _wechat(bill: ParsedBill, content: bytes) -> None:
    lines = _csv_lines(decode(content))
    if not lines or "微信订单号" not in [h.strip() for h in lines[0][1]]:
        raise BillError("recon_unknown_bill")
    header = [h.strip() for h in lines[0][1]]
    summary_at = next((i for i, (_, values) in enumerate(lines) if values and values[0].strip() in ("总交易单数",)), None)
    if summary_at is None or summary_at + 1 >= len(lines):
        raise BillError("recon_truncated", line=lines[-1][0])
    summary = _Row([h.strip() for h in lines[summary_at][1]], lines[summary_at + 1][1], lines[summary_at + 1][0])
    details = lines[1:summary_at]
    if summary.get("总交易单数") != str(len(details)) or len(lines[summary_at + 1][1]) < len(lines[summary_at][1]):
        raise BillError("recon_truncated", line=lines[-1][0])
    merchants = set()
    for row in _read_rows(bill, header, details):
        merchants.add(row.get("特约商户号") or row.get("商户号"))
        _keep(bill, row, _wechat_row)
    total = summary.get("应结订单总金额", "总交易额")
    if total and not bill.rejected and _fen(total) != sum(r.amount for r in bill.rows if r.entry == PAY):
        raise BillError("recon_truncated", line=summary.line)  # the summary was cut: its figures disagree
    if len(merchants) > 1:
        raise BillError("recon_wrong_merchant", merchant=",".join(sorted(merchants)), expected="")
    bill.merchant_id = next(iter(merchants), "")


def _wechat_row(row: _Row) -> BillRow:
    status = row.need("交易状态")
    device = row.get("设备号")
    common = {"line": row.line, "at": row.moment("交易时间"), "store_code": device.split("-")[0],
              "out_trade_no": row.get("商户订单号"), "transaction_id": row.need("微信订单号"),
              "fee": row.money("手续费", required=False), "memo": row.get("商品名称")}
    if status == "REFUND":
        out_refund_no, refund_id = row.get("商户退款单号"), row.get("微信退款单号")
        return BillRow(entry=REFUND, key=f"refund:{out_refund_no or refund_id}", amount=row.money("退款金额", "总退款金额"),
                       status=row.get("退款状态") or status, out_refund_no=out_refund_no, refund_id=refund_id,
                       **common)  # type: ignore[arg-type]
    amount = row.money("应结订单金额", "总金额")
    return BillRow(entry=PAY, key=f"pay:{common['out_trade_no'] or common['transaction_id']}", amount=amount,
                   status=status, **common)  # type: ignore[arg-type]


def _wechat_funds(bill: ParsedBill, content: bytes) -> None:
    lines = _csv_lines(decode(content))
    header = [h.strip() for h in lines[0][1]] if lines else []
    if "资金流水单号" not in header:
        raise BillError("recon_unknown_bill")
    summary_at = next((i for i, (_, values) in enumerate(lines) if values and values[0].strip() == "资金流水总笔数"), None)
    if summary_at is None or summary_at + 1 >= len(lines):
        raise BillError("recon_truncated", line=lines[-1][0])
    details = lines[1:summary_at]
    summary = _Row([h.strip() for h in lines[summary_at][1]], lines[summary_at + 1][1], lines[summary_at + 1][0])
    if summary.get("资金流水总笔数") != str(len(details)):
        raise BillError("recon_truncated", line=lines[-1][0])

    def make(row: _Row) -> BillRow:
        entry = CREDIT if row.need("收支类型") == "收入" else DEBIT
        return BillRow(line=row.line, entry=entry, key=f"flow:{row.need('资金流水单号')}", at=row.moment("记账时间"),
                       amount=abs(row.money("收支金额(元)", "收支金额")), transaction_id=row.get("微信支付业务单号"),
                       memo=f"{row.get('业务名称')} {row.get('业务类型')}".strip())

    for row in _read_rows(bill, header, details):
        _keep(bill, row, make)


# ---- Alipay ------------------------------------------------------------------------------------
def _alipay(bill: ParsedBill, content: bytes) -> None:
    if content.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = [n for n in archive.namelist() if not n.endswith("(汇总).csv") and n.endswith(".csv")]
                if not names:
                    raise BillError("recon_truncated", line=0)
                content = archive.read(names[0])
        except (zipfile.BadZipFile, EOFError, OSError):
            raise BillError("recon_truncated", line=0) from None
    text = decode(content, gbk_first=True)
    lines = _csv_lines(text)
    merchant = re.search(r"#账号：\[(\w+)\]", text)
    bill.merchant_id = merchant.group(1) if merchant else ""
    header_at = next((i for i, (_, values) in enumerate(lines) if values and values[0].strip() == "支付宝交易号"), None)
    end_at = next((i for i, (_, values) in enumerate(lines) if values and "业务明细列表结束" in values[0]), None)
    if header_at is None:
        raise BillError("recon_unknown_bill")
    if end_at is None:
        raise BillError("recon_truncated", line=lines[-1][0])
    header = [h.strip() for h in lines[header_at][1]]
    details = lines[header_at + 1:end_at]
    counted = sum(int(m) for m in re.findall(r"#(?:交易|退款)合计：(\d+)笔", text))
    if counted != len(details):
        raise BillError("recon_truncated", line=lines[-1][0])
    for row in _read_rows(bill, header, details):
        _keep(bill, row, _alipay_row)


def _alipay_row(row: _Row) -> BillRow:
    kind = row.need("业务类型")
    amount = row.money("订单金额（元）", "订单金额(元)")
    fee = -row.money("服务费（元）", "服务费(元)", required=False)  # the bill shows what it takes as negative
    common = {"line": row.line, "at": row.moment("完成时间", "创建时间"), "store_code": row.get("门店编号"),
              "out_trade_no": row.get("商户订单号"), "transaction_id": row.need("支付宝交易号"), "fee": fee,
              "memo": row.get("商品名称")}
    if kind == "退款":
        batch = row.get("退款批次号/请求号")
        return BillRow(entry=REFUND, key=f"refund:{batch or common['transaction_id']}", amount=abs(amount),
                       out_refund_no=batch, status="SUCCESS", **common)  # type: ignore[arg-type]
    if kind != "交易":
        raise _Unreadable("recon_row_kind", kind[:20])
    return BillRow(entry=PAY, key=f"pay:{common['out_trade_no'] or common['transaction_id']}", amount=amount,
                   **common)  # type: ignore[arg-type]


# ---- 美团 / 饿了么 settlement ---------------------------------------------------------------------
PLATFORM_COLUMNS = ["账单日期", "门店编号", "订单号", "类型", "下单时间", "完成时间", "订单金额", "佣金", "配送费",
                    "平台补贴", "商家补贴", "结算金额"]


def _platform(bill: ParsedBill, content: bytes) -> None:
    text = decode(content)
    lines = [(n, v) for n, v in _csv_lines(text) if not v[0].startswith("#")]
    header_at = next((i for i, (_, values) in enumerate(lines)
                      if {"订单号", "order_no"} & {v.strip() for v in values}), None)
    if header_at is None:
        raise BillError("recon_unknown_bill")
    header = [h.strip() for h in lines[header_at][1]]
    rows = lines[header_at + 1:]
    total = next((i for i, (_, values) in enumerate(rows) if values[0].strip() == "合计"), None)
    if "订单号" in header:  # the Chinese layout ends with its 合计 line: without it the file was cut
        if total is None:
            raise BillError("recon_truncated", line=lines[-1][0])
        trailer = _Row(header, rows[total][1], rows[total][0])
        rows = rows[:total]
        if trailer.get("订单号") != str(len(rows)):
            raise BillError("recon_truncated", line=trailer.line)
    merchant = re.search(r"#商家ID：\[?(\w+)", text)
    bill.merchant_id = merchant.group(1) if merchant else ""
    read = list(_read_rows(bill, header, rows))
    shops = {row.get("商家ID", "shop_id") for row in read} - {""}
    if len(shops) > 1 or (shops and bill.merchant_id and shops != {bill.merchant_id}):
        raise BillError("recon_wrong_merchant", merchant=",".join(sorted(shops)), expected=bill.merchant_id)
    bill.merchant_id = bill.merchant_id or next(iter(shops), "")
    for row in read:
        _keep(bill, row, _platform_row)


def _platform_row(row: _Row) -> BillRow | None:
    """One order (or refund) of a settlement bill, in either layout: the Chinese one (docs/recon.md)
    or the platform simulator's (``order_no, order_amount, commission, refund, payout`` …, docs/o2o.md)."""
    order_no = row.need("订单号", "平台订单号", "order_no")
    status = row.get("类型", "status")
    if status == "cancelled":
        return None  # a cancelled order settles nothing
    entry = REFUND if status in ("退款", "部分退款", "refund") else PAY
    commission = row.money("佣金", "平台服务费", "技术服务费", "commission", required=False)
    if commission < 0:
        raise _Unreadable("recon_row_amount", f"commission={commission}")
    amount = abs(row.money("订单金额", "订单原价", "order_amount")) - row.money("refund", required=False)
    return BillRow(line=row.line, entry=entry, key=f"{entry}:{order_no}",
                   at=row.moment("完成时间", "下单时间", "账单日期", "bill_date"), amount=amount,
                   store_code=row.get("门店编号", "商家门店ID", "store"), out_trade_no=order_no, fee=commission,
                   commission=commission, delivery_fee=row.money("配送费", "配送服务费", "delivery_fee", required=False),
                   platform_subsidy=row.money("平台补贴", "平台活动补贴", "platform_subsidy", required=False),
                   merchant_subsidy=row.money("商家补贴", "商家活动支出", "merchant_subsidy", required=False),
                   payout=row.money("结算金额", "商家应收", "本期应结算", "payout"))


# ---- a bank statement --------------------------------------------------------------------------
def _bank(bill: ParsedBill, content: bytes) -> None:
    lines = _csv_lines(decode(content))
    lines = [(n, v) for n, v in lines if not v[0].startswith("#")]
    if not lines or "流水号" not in [h.strip() for h in lines[0][1]]:
        raise BillError("recon_unknown_bill")
    header = [h.strip() for h in lines[0][1]]
    account = re.search(r"#账号：\[?([\w*]+)", decode(content))
    bill.merchant_id = account.group(1) if account else ""

    def make(row: _Row) -> BillRow | None:
        income = row.money("收入金额", "贷方金额", required=False)
        spent = row.money("支出金额", "借方金额", required=False)
        day = row.need("交易日期").replace("/", "-")
        at = _Row(["t"], [f"{day} {row.get('交易时间') or '00:00:00'}"], row.line).moment("t")
        return BillRow(line=row.line, entry=CREDIT if income else DEBIT, key=f"bank:{row.need('流水号')}", at=at,
                       amount=abs(income or spent), counterparty=row.get("对方户名"), memo=row.get("摘要", "用途"))

    for row in _read_rows(bill, header, lines[1:]):
        _keep(bill, row, make)
