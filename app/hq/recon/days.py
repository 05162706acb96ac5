"""A store's day, channel by channel: our sales against the imported bills (``app.domain.recon``
does the matching), the Z's cash against the deposit and the bank, what finance resolved, and
whether the day is closed.

Our side: the sales' tenders paid by payment code (``wechat``, ``alipay``: keyed by
``out_trade_no`` / ``transaction_id`` where the sale tenders carry them, else by amount and time),
the top-ups (储值充值) paid by payment code as the store reported them (``stored_value_topup`` with
the provider's numbers; one whose charge was refunded because HQ refused the card,
``stored_value_topup_refunded``: the charge and its refund)
and the O2O orders a store handed over (``meituan``, ``eleme``: keyed by the platform's order
number). A day is matched against a window of the day before and after, since the providers cut
their bills by their own clock; each difference is shown on the day it belongs to."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.recon import PAY, REFUND, CashCheck, Difference, Ours, Theirs, reconcile
from app.events import STORED_VALUE_TOPUP as TOPUP_EVENT
from app.events import STORED_VALUE_TOPUP_REFUNDED as TOPUP_REFUNDED_EVENT
from app.hq import clock
from app.hq.models import DayClose, Event, ReconAction, ReconDay, ReconImport, ReconRow, Sale, SaleTender, Store

#: the channels reconciled against a provider's bill, and the tender method or sale channel they read
PAYMENT_CHANNELS = ("wechat", "alipay")
PLATFORM_CHANNELS = ("meituan", "eleme")
CHANNELS = PAYMENT_CHANNELS + PLATFORM_CHANNELS
RESOLUTIONS = ("write_off", "adjust", "refund_owed", "chase")
MAX_DAYS = 62
#: columns the sale tenders carry once payment codes record them (read when present)
TENDER_KEYS = ("out_trade_no", "transaction_id", "out_refund_no", "refund_id")
#: the rest of a payment-code tender's record, shown in the drill-down
PROVIDER_TEXTS = ("provider", "payer_bank")
#: the sale's columns an O2O order's sale carries (read when present)
O2O_COLUMNS = ("channel", "channel_order_no")


def store_by_code(session: Session, code: str) -> Store:
    store = session.scalar(select(Store).where(Store.code == code))
    if store is None:
        raise DomainError("store_not_found", status=404, store=code)
    return store


def own_store(signer: Store, code: str) -> str:
    """A store's manager sees and decides on the signing store's days only: another store's are
    refused, whatever the code in the path says."""
    if code != signer.code:
        raise DomainError("recon_other_store", status=403, store=code[:16])
    return signer.code


def store_actor(store: Store, operator: str) -> str:
    """Who a store's decision is audited as: the store and its manager's operator code."""
    return f"{store.code}:{operator.strip()}"[:64]


# ---- our side and theirs ---------------------------------------------------------------------------
def ours(session: Session, store: Store, channel: str, first: date, last: date) -> list[Ours]:
    if channel in PAYMENT_CHANNELS:
        keys = [getattr(SaleTender, name) for name in TENDER_KEYS if hasattr(SaleTender, name)]
        query = (select(SaleTender.sale_id, SaleTender.amount, Sale.completed_at, Sale.business_day, *keys)
                 .join(Sale, (Sale.store_id == SaleTender.store_id) & (Sale.sale_id == SaleTender.sale_id))
                 .where(SaleTender.store_id == store.id, SaleTender.method == channel,
                        SaleTender.business_day >= first, SaleTender.business_day <= last))
        found = []
        for row in session.execute(query):
            ids = {name: str(value or "") for name, value in zip(TENDER_KEYS, row[4:], strict=False)}
            kind = REFUND if row.amount < 0 else PAY
            found.append(Ours(row.sale_id, kind, abs(row.amount), row.completed_at, row.business_day,
                              out_trade_no=ids.get("out_trade_no", ""), transaction_id=ids.get("transaction_id", ""),
                              out_refund_no=ids.get("out_refund_no", ""), refund_id=ids.get("refund_id", "")))
        return _with_charge_days(session, store, found) + _top_ups_by_code(session, store, channel, first, last)
    if not all(hasattr(Sale, name) for name in O2O_COLUMNS):  # HQ does not know O2O sales yet
        return []
    channel_column, order_no = (getattr(Sale, name) for name in O2O_COLUMNS)
    query = (select(Sale.sale_id, Sale.total, Sale.completed_at, Sale.business_day, order_no)
             .where(Sale.store_id == store.id, channel_column == channel,
                    Sale.business_day >= first, Sale.business_day <= last))
    return [Ours(row.sale_id, REFUND if row.total < 0 else PAY, abs(row.total), row.completed_at, row.business_day,
                 out_trade_no=str(row[4] or "")) for row in session.execute(query)]


def _top_ups_by_code(session: Session, store: Store, channel: str, first: date, last: date) -> list[Ours]:
    """The store's top-ups paid by ``channel``'s payment code (the event names the tender, the
    ``out_trade_no`` and the provider's transaction), and the refunds of those HQ refused."""
    day = Event.payload["business_day"].as_string()
    found = []
    for kind, payload in session.execute(select(Event.kind, Event.payload).where(
            Event.store_id == store.id, Event.kind.in_((TOPUP_EVENT, TOPUP_REFUNDED_EVENT)),
            day >= first.isoformat(), day <= last.isoformat()).order_by(Event.seq)):
        if not isinstance(payload, dict) or payload.get("method") != channel or not payload.get("out_trade_no"):
            continue
        try:
            on = date.fromisoformat(str(payload["business_day"]))
            at = datetime.fromisoformat(str(payload.get("paid_at") or "")).replace(tzinfo=None)
            amount = int(payload["amount"])
        except (KeyError, TypeError, ValueError):
            continue
        ref, number = f"topup:{payload.get('ref', '')}"[:64], str(payload["out_trade_no"])
        found.append(Ours(ref, PAY, abs(amount), at, on, out_trade_no=number,
                          transaction_id=str(payload.get("transaction_id") or "")))
        if kind == TOPUP_REFUNDED_EVENT:  # HQ refused the card: the charge went back whole
            try:
                refunded_at = datetime.fromisoformat(str(payload.get("at") or "")).replace(tzinfo=None)
            except ValueError:
                refunded_at = at
            found.append(Ours(ref, REFUND, abs(amount), refunded_at, on, out_trade_no=number,
                              out_refund_no=str(payload.get("out_refund_no") or ""), charge_day=on))
    return found


def _with_charge_days(session: Session, store: Store, found: list[Ours]) -> list[Ours]:
    """A refund knows the business day of the charge it gives back (a refund of another day's sale
    is explained, not a difference)."""
    wanted = {o.out_trade_no for o in found if o.kind == REFUND and o.out_trade_no}
    if not wanted or not hasattr(SaleTender, "out_trade_no"):
        return found
    column = getattr(SaleTender, TENDER_KEYS[0])
    days: dict[str, date] = dict(session.execute(select(column, SaleTender.business_day).where(
        SaleTender.store_id == store.id, column.in_(wanted), SaleTender.amount > 0)).tuples().all())
    return [replace(o, charge_day=days.get(o.out_trade_no)) if o.kind == REFUND else o for o in found]


def theirs(session: Session, store: Store, channel: str, first: date, last: date) -> list[Theirs]:
    query = select(ReconRow).where(ReconRow.channel == channel, ReconRow.store_code == store.code,
                                   ReconRow.entry.in_((PAY, REFUND)),
                                   ReconRow.bill_day >= first, ReconRow.bill_day <= last)
    return [Theirs(str(r.id), r.entry, r.amount, r.at, fee=r.fee, status=r.status, out_trade_no=r.out_trade_no,
                   transaction_id=r.transaction_id, out_refund_no=r.out_refund_no, refund_id=r.refund_id)
            for r in session.scalars(query)]


def billed_days(session: Session, channel: str, first: date, last: date) -> frozenset[date]:
    """The days a bill of ``channel`` covers (a bill covers its merchant's every store)."""
    spans = session.execute(select(ReconImport.first_day, ReconImport.last_day).where(
        ReconImport.channel == channel, ReconImport.first_day <= last, ReconImport.last_day >= first))
    days: set[date] = set()
    for start, end in spans:
        if start is None or end is None:
            continue
        day: date = max(start, first)
        while day <= min(end, last):
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


# ---- one day ---------------------------------------------------------------------------------------
def _channel_day(session: Session, store: Store, channel: str, day: date,
                 resolved: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    window = (day - timedelta(days=1), day + timedelta(days=1))
    return _cell(channel, day, ours(session, store, channel, *window), theirs(session, store, channel, *window),
                 billed_days(session, channel, *window), resolved)


def _cell(channel: str, day: date, mine: list[Ours], rows: list[Theirs], billed: frozenset[date],
          resolved: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """One channel of one day, from our rows and the bill's of the day and the days either side."""
    result = reconcile(mine, rows, billed_days=billed)
    today_ours = [o for o in mine if o.business_day == day]
    today_theirs = [t for t in rows if t.at.date() == day]
    paid = sum(o.amount for o in today_ours if o.kind == PAY)
    refunded = sum(o.amount for o in today_ours if o.kind == REFUND)
    their_paid = sum(t.amount for t in today_theirs if t.kind == PAY)
    their_refunded = sum(t.amount for t in today_theirs if t.kind == REFUND)
    fees = sum(t.fee for t in today_theirs)
    differences = [_difference(d, channel, resolved) for d in result.differences if d.day == day]
    open_count = sum(1 for d in differences if d["actionable"] and d["resolution"] is None)
    if not today_ours and not today_theirs and not differences:
        state = "empty"
    elif day not in billed and today_ours:
        state = "missing_bill"
    elif open_count:
        state = "differences"
    else:
        state = "matched"
    return {"channel": channel, "state": state, "ours_paid": paid, "ours_refunded": refunded,
            "ours_net": paid - refunded, "theirs_paid": their_paid, "theirs_refunded": their_refunded,
            "theirs_net": their_paid - their_refunded, "fees": fees, "payout": their_paid - their_refunded - fees,
            "open": open_count, "differences": differences}


def _difference(d: Difference, channel: str, resolved: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    return {"key": d.key, "kind": d.kind.value, "amount": d.amount, "actionable": d.actionable,
            "ours": _ours_out(d.ours), "theirs": _theirs_out(d.theirs),
            "resolution": resolved.get((channel, d.key)) if d.actionable else None}


def _ours_out(o: Ours | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"sale_id": o.ref, "kind": o.kind, "amount": o.amount, "at": o.at.isoformat(),
            "business_day": o.business_day.isoformat(), "out_trade_no": o.out_trade_no,
            "transaction_id": o.transaction_id, "out_refund_no": o.out_refund_no}


def _theirs_out(t: Theirs | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"row_id": int(t.ref), "kind": t.kind, "amount": t.amount, "at": t.at.isoformat(), "fee": t.fee,
            "status": t.status, "out_trade_no": t.out_trade_no, "transaction_id": t.transaction_id,
            "out_refund_no": t.out_refund_no, "refund_id": t.refund_id}


def _resolutions(session: Session, store: Store, day: date) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for action in session.scalars(select(ReconAction).where(
            ReconAction.store_id == store.id, ReconAction.business_day == day,
            ReconAction.action.in_(RESOLUTIONS)).order_by(ReconAction.id)):
        found[(action.channel, action.diff_key)] = {"action": action.action, "note": action.note,
                                                    "actor": action.actor, "at": action.at.isoformat()}
    return found


def cash_check(session: Session, store: Store, day: date) -> dict[str, Any] | None:
    """The Z's counted cash against what was deposited (缴款) and what the bank statement shows: a
    credit whose memo names the store and 缴款, within three days."""
    close = session.scalar(select(DayClose).where(DayClose.store_id == store.id, DayClose.business_day == day))
    if close is None:
        return None
    covered = session.scalar(select(func.count()).select_from(ReconImport).where(
        ReconImport.channel == "bank", ReconImport.last_day >= day))
    banked = None
    if covered:
        banked = int(session.scalar(select(func.coalesce(func.sum(ReconRow.amount), 0)).where(
            ReconRow.channel == "bank", ReconRow.entry == "credit", ReconRow.bill_day >= day,
            ReconRow.bill_day <= day + timedelta(days=3), ReconRow.memo.contains(store.code),
            ReconRow.memo.contains(f"{day:%m%d}"))) or 0)
    check = CashCheck(day, close.cash_counted, close.deposited, banked)
    return {"z_no": close.z_no, "counted": close.cash_counted, "deposited": close.deposited, "banked": banked,
            "differences": [{"kind": kind.value, "amount": amount} for kind, amount in check.differences()]}


def day_view(session: Session, store_code: str, day: date) -> dict[str, Any]:
    """对账 of one store's day: per channel ours vs theirs, fees, payout, the differences; the cash."""
    store = store_by_code(session, store_code)
    resolved = _resolutions(session, store, day)
    channels = [_channel_day(session, store, channel, day, resolved) for channel in CHANNELS]
    closed = session.get(ReconDay, (store.id, day))
    history = [{"action": a.action, "channel": a.channel, "key": a.diff_key, "note": a.note, "actor": a.actor,
                "at": a.at.isoformat()} for a in session.scalars(select(ReconAction).where(
                    ReconAction.store_id == store.id, ReconAction.business_day == day).order_by(ReconAction.id))]
    return {"store": store.code, "day": day.isoformat(), "closed": bool(closed and closed.closed),
            "open": sum(c["open"] for c in channels), "channels": channels, "cash": cash_check(session, store, day),
            "history": history}


def calendar(session: Session, first: date, last: date, store_code: str | None = None) -> dict[str, Any]:
    """Days × channels per store, each cell a state: matched, differences, missing_bill, empty; a
    closed day says so. Each store's rows of the whole range are read once per channel and each day
    matched from them (a month of a chain's stores in a few queries per store, not per day)."""
    if last < first or (last - first).days >= MAX_DAYS:
        raise DomainError("invalid_field", status=422, field="to", value=last.isoformat())
    stores = [store_by_code(session, store_code)] if store_code else list(
        session.scalars(select(Store).order_by(Store.code)))
    closed = {(d.store_id, d.business_day) for d in session.scalars(select(ReconDay).where(
        ReconDay.closed.is_(True), ReconDay.business_day >= first, ReconDay.business_day <= last))}
    active = _active_days(session, [s.id for s in stores], [s.code for s in stores], first, last)
    span = (first - timedelta(days=1), last + timedelta(days=1))
    billed = {channel: billed_days(session, channel, *span) for channel in CHANNELS}
    resolved = _resolutions_between(session, first, last)
    rows = []
    for store in stores:
        days = sorted(day for store_id, day in active if store_id == store.id)
        if not days:
            continue
        cells: dict[date, dict[str, dict[str, Any]]] = {day: {} for day in days}
        for channel in CHANNELS:
            mine_by_day = _by_day(ours(session, store, channel, *span), lambda o: o.business_day)
            theirs_by_day = _by_day(theirs(session, store, channel, *span), lambda t: t.at.date())
            for day in days:
                near = [day - timedelta(days=1), day, day + timedelta(days=1)]
                cells[day][channel] = _cell(channel, day, [o for d in near for o in mine_by_day.get(d, [])],
                                            [t for d in near for t in theirs_by_day.get(d, [])], billed[channel],
                                            resolved.get((store.id, day), {}))
        for day in days:
            rows.append({"store": store.code, "day": day.isoformat(), "closed": (store.id, day) in closed,
                         "states": {c: cell["state"] for c, cell in cells[day].items()},
                         "open": sum(cell["open"] for cell in cells[day].values())})
    return {"days": rows}


def _by_day(items: list[Any], day_of: Any) -> dict[date, list[Any]]:
    found: dict[date, list[Any]] = {}
    for item in items:
        found.setdefault(day_of(item), []).append(item)
    return found


def _resolutions_between(session: Session, first: date,
                         last: date) -> dict[tuple[int, date], dict[tuple[str, str], dict[str, Any]]]:
    found: dict[tuple[int, date], dict[tuple[str, str], dict[str, Any]]] = {}
    for action in session.scalars(select(ReconAction).where(
            ReconAction.business_day >= first, ReconAction.business_day <= last,
            ReconAction.action.in_(RESOLUTIONS)).order_by(ReconAction.id)):
        found.setdefault((action.store_id, action.business_day), {})[(action.channel, action.diff_key)] = {
            "action": action.action, "note": action.note, "actor": action.actor, "at": action.at.isoformat()}
    return found


def _active_days(session: Session, store_ids: list[int], codes: list[str], first: date,
                 last: date) -> set[tuple[int, date]]:
    """The store days with anything to reconcile: a sale, or a bill row of the store."""
    by_code = dict(zip(codes, store_ids, strict=True))
    found: set[tuple[int, date]] = set()
    if not store_ids:
        return found
    for store_id, day in session.execute(select(Sale.store_id, Sale.business_day).distinct().where(
            Sale.store_id.in_(store_ids), Sale.business_day >= first, Sale.business_day <= last)):
        found.add((store_id, day))
    for code, day in session.execute(select(ReconRow.store_code, ReconRow.bill_day).distinct().where(
            ReconRow.store_code.in_(codes), ReconRow.bill_day >= first, ReconRow.bill_day <= last)):
        found.add((by_code[code], day))
    return found


# ---- what finance decides ------------------------------------------------------------------------
def _check_open(session: Session, store: Store, day: date) -> None:
    closed = session.get(ReconDay, (store.id, day))
    if closed is not None and closed.closed:
        raise DomainError("recon_day_closed", status=409, store=store.code, day=day.isoformat())


def _note(note: str) -> str:
    cleaned = note.strip()
    if not cleaned:
        raise DomainError("missing_field", status=422, field="note")
    return cleaned[:500]


def resolve(session: Session, store_code: str, day: date, channel: str, key: str, action: str, note: str,
            actor: str) -> dict[str, Any]:
    """A difference resolved with its reason (write-off, adjust, refund owed, chase the provider)."""
    store = store_by_code(session, store_code)
    if action not in RESOLUTIONS:
        raise DomainError("invalid_field", status=422, field="action", value=action[:20])
    if channel not in CHANNELS:
        raise DomainError("invalid_field", status=422, field="channel", value=channel[:20])
    _check_open(session, store, day)
    cell = _channel_day(session, store, channel, day, {})
    if not any(d["key"] == key and d["actionable"] for d in cell["differences"]):
        raise DomainError("recon_difference_not_found", status=404, key=key[:80])
    session.add(ReconAction(store_id=store.id, business_day=day, channel=channel, diff_key=key, action=action,
                            note=_note(note), actor=actor[:64], at=clock.now()))
    session.flush()
    return day_view(session, store_code, day)


def close_day(session: Session, store_code: str, day: date, actor: str) -> dict[str, Any]:
    """The day is closed once every difference on it is resolved."""
    store = store_by_code(session, store_code)
    _check_open(session, store, day)
    view = day_view(session, store_code, day)
    if view["open"]:
        raise DomainError("recon_open_differences", status=409, count=view["open"])
    _set_closed(session, store, day, True, actor, "")
    return day_view(session, store_code, day)


def reopen_day(session: Session, store_code: str, day: date, note: str, actor: str) -> dict[str, Any]:
    """Reopening a closed day (HQ finance only; the route checks the scope) is audited with its reason."""
    store = store_by_code(session, store_code)
    closed = session.get(ReconDay, (store.id, day))
    if closed is None or not closed.closed:
        raise DomainError("recon_day_not_closed", status=409, store=store.code, day=day.isoformat())
    _set_closed(session, store, day, False, actor, _note(note))
    return day_view(session, store_code, day)


def _set_closed(session: Session, store: Store, day: date, closed: bool, actor: str, note: str) -> None:
    now = clock.now()
    row = session.get(ReconDay, (store.id, day))
    if row is None:
        session.add(ReconDay(store_id=store.id, business_day=day, closed=closed, changed_at=now, changed_by=actor[:64]))
    else:
        row.closed, row.changed_at, row.changed_by = closed, now, actor[:64]
    session.add(ReconAction(store_id=store.id, business_day=day, channel="", diff_key="",
                            action="close" if closed else "reopen", note=note, actor=actor[:64], at=now))
    session.flush()


def sale_detail(session: Session, store_code: str, sale_id: str) -> dict[str, Any]:
    """The drill-down of a difference to our side: the sale, its tenders with the provider's record
    of each (the payment attempt that paid it: provider, numbers, payer's bank, fee) and its lines."""
    store = store_by_code(session, store_code)
    sale = session.scalar(select(Sale).where(Sale.store_id == store.id, Sale.sale_id == sale_id))
    if sale is None:
        raise DomainError("sale_not_found", status=404, sale=sale_id[:64])
    tenders = []
    for tender in session.scalars(select(SaleTender).where(SaleTender.store_id == store.id,
                                                            SaleTender.sale_id == sale_id)):
        record = {name: str(getattr(tender, name) or "") for name in (*TENDER_KEYS, *PROVIDER_TEXTS)
                  if hasattr(tender, name)}
        tenders.append({"method": tender.method, "amount": tender.amount, **record,
                        "fee": int(getattr(tender, "fee", 0) or 0)})
    event = session.scalar(select(Event).where(Event.event_id == sale.event_id))
    payload = event.payload if event else {}
    lines = [{"sku": str(line.get("sku", "")), "name": str(line.get("name", "")), "amount": int(line.get("amount", 0))}
             for line in payload.get("lines", []) if isinstance(line, dict) and not line.get("voided")]
    return {"store": store.code, "sale_id": sale.sale_id, "till": sale.till,
            "business_day": sale.business_day.isoformat(), "completed_at": sale.completed_at.isoformat(),
            "total": sale.total, "tenders": tenders, "lines": lines}
