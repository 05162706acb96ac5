"""Bills kept at HQ, once: a file is recognised by its hash, a row by its channel and key, so the
same file twice — or tomorrow's re-download that repeats yesterday's rows — changes nothing.

An import is one transaction (``app.hq.services.import_bill``): a file refused for any reason
leaves nothing behind."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.hq import clock
from app.hq.models import ReconImport, ReconRow, Setting
from app.hq.recon.bills import CHANNEL, BillKind, BillRow, Rejected, detect, parse

#: the finance settings document: {"merchants": {"wechat": mch_id, "alipay": pid, …},
#: "settlement_days": {"wechat": 1, "alipay": 1, "meituan": 7, …}}
SETTINGS_KEY = "recon"
SOURCES = ("upload", "cli", "fetch")
CHUNK = 5_000
MAX_FILENAME = 200

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class ImportReport:
    import_id: int
    kind: str
    channel: str
    merchant_id: str
    rows: int
    new_rows: int
    already: bool  # the same file was imported before: nothing changed
    rejected: list[Rejected] = field(default_factory=list)
    first_day: str | None = None
    last_day: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"import_id": self.import_id, "kind": self.kind, "channel": self.channel,
                "merchant_id": self.merchant_id, "rows": self.rows, "new_rows": self.new_rows,
                "already": self.already, "first_day": self.first_day, "last_day": self.last_day,
                "rejected": [{"line": r.line, "reason": r.reason, "detail": r.detail} for r in self.rejected]}


def recon_settings(session: Session) -> dict[str, Any]:
    row = session.get(Setting, SETTINGS_KEY)
    return dict(row.data) if row else {}


def save_settings(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    row = session.get(Setting, SETTINGS_KEY)
    if row is None:
        session.add(Setting(key=SETTINGS_KEY, data=data, updated_at=clock.now()))
    else:
        row.data, row.updated_at = data, clock.now()
    session.flush()
    return data


def import_bill(session: Session, content: bytes, filename: str, *, kind: str | None = None,
                source: str = "upload", actor: str = "", progress: Progress | None = None) -> ImportReport:
    """Read ``content`` and keep its rows; the same bytes again answer the first import's report."""
    digest = hashlib.sha256(content).hexdigest()
    before = session.scalar(select(ReconImport).where(ReconImport.file_hash == digest))
    if before is not None:
        return ImportReport(before.id, before.kind, before.channel, before.merchant_id, before.rows, 0, True,
                            [Rejected(**r) for r in before.rejected],
                            _iso(before.first_day), _iso(before.last_day))
    if not content.strip():
        raise DomainError("recon_unknown_bill", status=422)
    try:
        bill_kind = BillKind(kind) if kind else detect(content, filename)
    except ValueError:
        raise DomainError("invalid_field", status=422, field="kind", value=str(kind)[:20]) from None
    channel = CHANNEL[bill_kind]
    merchant = str(recon_settings(session).get("merchants", {}).get(bill_kind.value, "")
                   or recon_settings(session).get("merchants", {}).get(channel, ""))
    bill = parse(bill_kind, content, merchant_id=merchant)
    if not bill.rows and not bill.rejected:
        raise DomainError("recon_unknown_bill", status=422)
    record = ReconImport(kind=bill_kind.value, channel=channel, merchant_id=bill.merchant_id,
                         first_day=bill.first_day, last_day=bill.last_day, file_hash=digest,
                         filename=filename[-MAX_FILENAME:] or "bill", source=source, rows=len(bill.rows), new_rows=0,
                         rejected=[], imported_at=clock.now(), imported_by=actor[:64])
    session.add(record)
    session.flush()
    rejected = list(bill.rejected)
    new_rows = 0
    for start in range(0, len(bill.rows), CHUNK):
        chunk = bill.rows[start:start + CHUNK]
        known = {key: amount for key, amount in session.execute(
            select(ReconRow.key, ReconRow.amount).where(ReconRow.channel == channel,
                                                        ReconRow.key.in_([r.key for r in chunk])))}
        fresh = []
        for row in chunk:
            if row.key not in known:
                fresh.append(_values(record.id, channel, row))
            elif known[row.key] != row.amount:
                rejected.append(Rejected(row.line, "recon_row_conflict", f"{row.key}"))
        if fresh:
            session.execute(insert(ReconRow), fresh)
        new_rows += len(fresh)
        if progress:
            progress(start + len(chunk), len(bill.rows))
    record.new_rows = new_rows
    record.rejected = [{"line": r.line, "reason": r.reason, "detail": r.detail} for r in rejected]
    session.flush()
    return ImportReport(record.id, record.kind, channel, record.merchant_id, len(bill.rows), new_rows, False,
                        rejected, _iso(bill.first_day), _iso(bill.last_day))


def _values(import_id: int, channel: str, row: BillRow) -> dict[str, Any]:
    return {"import_id": import_id, "channel": channel, "key": row.key[:100], "line": row.line, "entry": row.entry,
            "bill_day": row.at.date(), "store_code": row.store_code[:16], "at": row.at, "amount": row.amount,
            "fee": row.fee, "status": row.status[:16], "out_trade_no": row.out_trade_no[:64],
            "transaction_id": row.transaction_id[:64], "out_refund_no": row.out_refund_no[:64],
            "refund_id": row.refund_id[:64], "commission": row.commission, "delivery_fee": row.delivery_fee,
            "platform_subsidy": row.platform_subsidy, "merchant_subsidy": row.merchant_subsidy,
            "payout": row.payout, "counterparty": row.counterparty[:128], "memo": row.memo[:128]}


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def listing(session: Session, cursor: int = 0, limit: int = 100) -> dict[str, Any]:
    """The imports, newest first, ``limit`` at a time below ``cursor`` (0: from the newest)."""
    query = select(ReconImport).order_by(ReconImport.id.desc()).limit(limit)
    if cursor:
        query = query.where(ReconImport.id < cursor)
    found = list(session.scalars(query))
    return {"imports": [{"id": r.id, "kind": r.kind, "channel": r.channel, "merchant_id": r.merchant_id,
                         "first_day": _iso(r.first_day), "last_day": _iso(r.last_day), "filename": r.filename,
                         "source": r.source, "rows": r.rows, "new_rows": r.new_rows, "rejected": r.rejected,
                         "imported_at": r.imported_at.isoformat(), "imported_by": r.imported_by} for r in found],
            "cursor": found[-1].id if len(found) == limit else 0}
