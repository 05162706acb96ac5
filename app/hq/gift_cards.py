"""礼品卡: gift cards printed in advance, sold at the till as goods, activated by the sale.

A card is made as an inactive stored-value account (the card stock); the till checks the card
when the cashier scans it onto a gift-card line, and the sale activates it with what the line
was paid — an ``activate`` ledger entry, so its balance is the ledger sum like every account's.
Activation is keyed by the sale: the till's call at completion and the sale's event arriving
later are one activation, and a card can only ever be sold once.

A card lasts as long as the loyalty rules say (``gift_card_valid_months``, from its sale); the
expiry job writes what is left on a lapsed card off with an ``expire`` entry. Finance reads the
issue, use, refund and expiry detail for a period, with the opening and closing balance the
cards owe (预收款) — the movements always carry the opening balance to the closing one.
"""

from __future__ import annotations

import csv
import io
import secrets
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.keyed import is_digits
from app.domain.money import check_amount, format_fen
from app.hq import clock, rules
from app.hq.loyalty import ledger_entry, prior_entry
from app.hq.models import GIFT_CARD, Store, WalletAccount, WalletEntry

MAX_BATCH = 10_000


def luhn_digit(body: str) -> str:
    """The Luhn check digit (as on bank cards): one mistyped digit or two swapped ones never make
    another card's number."""
    total = 0
    for n, digit in enumerate(reversed(body)):
        value = int(digit) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str(-total % 10)


def well_formed(card_no: str) -> bool:
    return len(card_no) == 16 and is_digits(card_no) and luhn_digit(card_no[:-1]) == card_no[-1]


def make_cards(session: Session, count: int) -> list[str]:
    """A batch of card numbers for the card printer, inactive until sold."""
    if not 1 <= count <= MAX_BATCH:
        raise DomainError("invalid_field", status=422, field="count", value=str(count))
    bodies = [f"7{secrets.randbelow(10**14):014d}" for _ in range(count)]
    numbers = [body + luhn_digit(body) for body in bodies]
    session.add_all(WalletAccount(card_no=n, kind=GIFT_CARD, member_id=None, principal=0, bonus=0, active=False,
                                  created_at=clock.now()) for n in numbers)
    session.flush()
    return numbers


def _card(session: Session, card_no: str, *, lock: bool = False) -> WalletAccount:
    if not well_formed(card_no):
        raise DomainError("gift_card_mistyped", status=422, card=card_no[:24])
    query = select(WalletAccount).where(WalletAccount.card_no == card_no, WalletAccount.kind == GIFT_CARD)
    card = session.scalar(query.with_for_update() if lock else query)
    if card is None:
        raise DomainError("gift_card_not_found", status=404, card=card_no[:24])
    return card


def check_unsold(session: Session, card_no: str) -> dict[str, Any]:
    """What the till asks when the card is scanned onto a line: is it card stock, not yet sold?"""
    card = _card(session, card_no)
    if card.activated_at is not None:
        raise DomainError("gift_card_sold", status=409, card=card_no)
    return {"card_no": card.card_no, "state": "unsold"}


def activate(session: Session, store: Store, card_no: str, amount: int, ref: str) -> dict[str, Any]:
    """The sale ``ref`` sold the card for ``amount`` fen: it becomes a live stored-value card."""
    check_amount(amount)
    card = _card(session, card_no, lock=True)
    if card.activated_at is not None and card.activated_ref != ref[:64]:
        raise DomainError("gift_card_sold", status=409, card=card_no)
    if card.activated_at is None:
        card.active, card.activated_at, card.activated_ref = True, clock.now(), ref[:64]
        card.last_day = rules.load(session).gift_card_last_day(card.activated_at)
    return ledger_entry(session, card, "activate", amount, 0, ref[:64], store)  # the same sale again: its first answer


# ---- validity and expiry -------------------------------------------------------------------

def last_day_of(session: Session, card: WalletAccount) -> date | None:
    """The last day the card can be spent: fixed at its sale (a card sold before cards kept theirs
    follows today's rules); None for stored-value accounts, card stock and cards without an end."""
    if card.kind != GIFT_CARD or card.activated_at is None:
        return None
    return card.last_day if card.last_day is not None else rules.load(session).gift_card_last_day(card.activated_at)


def lapsed(last_day: date | None, now: datetime | None = None) -> bool:
    return last_day is not None and clock.business_day(now or clock.now()) > last_day


def check_not_expired(session: Session, card: WalletAccount) -> None:
    """Refuse to spend a gift card past its last day (its balance is written off by the expiry job)."""
    last_day = last_day_of(session, card)
    if lapsed(last_day):
        assert last_day is not None
        raise DomainError("gift_card_expired", status=409, card=card.card_no, on=last_day.isoformat())


def expire_cards(session: Session, now: datetime | None = None) -> dict[str, int]:
    """礼品卡过期: write off what is left on every card past its last day.

    One ``expire`` entry per card and day (running it again the same day changes nothing; money
    refunded onto a lapsed card later is written off by the next run). Each card is locked while
    its entry is written and committed at once, so the job never holds cards the tills spend.
    """
    moment = clock.aware(now or clock.now())
    today = clock.business_day(moment)
    ref = f"expire:{today.isoformat()}"
    lapsed_cards = [WalletAccount.last_day < today]
    months = rules.load(session).gift_card_valid_months
    if months > 0:  # cards sold before cards kept their last day: any sold 28 days a month ago may be due
        lapsed_cards.append(and_(WalletAccount.last_day.is_(None),
                                 WalletAccount.activated_at < moment - timedelta(days=28 * months)))
    candidates = session.scalars(
        select(WalletAccount.id).where(WalletAccount.kind == GIFT_CARD, WalletAccount.activated_at.is_not(None),
                                       WalletAccount.principal + WalletAccount.bonus > 0, or_(*lapsed_cards))
        .order_by(WalletAccount.id)).all()
    cards = amount = 0
    for card_id in candidates:
        card = session.scalar(select(WalletAccount).where(WalletAccount.id == card_id).with_for_update())
        assert card is not None
        left = card.principal + card.bonus
        done = prior_entry(session, card, "expire", ref)
        if left > 0 and done is None and lapsed(last_day_of(session, card), moment):
            ledger_entry(session, card, "expire", -card.principal, -card.bonus, ref, None)
            cards, amount = cards + 1, amount + left
        session.commit()
    return {"cards": cards, "amount": amount}


# ---- what a card holds, and the finance detail ----------------------------------------------

KINDS = {"activate": "issued", "topup": "topped_up", "spend": "used", "refund": "refunded", "expire": "expired"}


def card_detail(session: Session, card_no: str) -> dict[str, Any]:
    """One card for customer service and finance: its state, balance, last day and every entry."""
    card = _card(session, card_no)
    last_day = last_day_of(session, card)
    state = "unsold" if card.activated_at is None else "expired" if lapsed(last_day) else "active"
    rows = session.execute(
        select(WalletEntry, Store.code).outerjoin(Store, Store.id == WalletEntry.store_id)
        .where(WalletEntry.account_id == card.id).order_by(WalletEntry.id)).all()
    return {"card_no": card.card_no, "state": state, "principal": card.principal, "bonus": card.bonus,
            "balance": card.principal + card.bonus,
            "activated_at": clock.aware(card.activated_at).isoformat() if card.activated_at else None,
            "last_day": last_day.isoformat() if last_day else None,
            "entries": [_entry_row(card.card_no, entry, store) for entry, store in rows]}


def balance_view(session: Session, card_no: str) -> dict[str, Any]:
    """查余额 at the till: what a stored-value or gift card holds, and a gift card's last day."""
    card = session.scalar(select(WalletAccount).where(WalletAccount.card_no == card_no))
    if card is None or not card.active:
        raise DomainError("wallet_not_found", status=404)
    last_day = last_day_of(session, card)
    return {"card_no": card.card_no, "kind": card.kind, "principal": card.principal, "bonus": card.bonus,
            "balance": card.principal + card.bonus, "last_day": last_day.isoformat() if last_day else None,
            "expired": lapsed(last_day)}


def _entry_row(card_no: str, entry: WalletEntry, store: str | None) -> dict[str, Any]:
    return {"id": entry.id, "card_no": card_no, "kind": KINDS.get(entry.kind, entry.kind), "store": store or "",
            "amount": abs(entry.principal + entry.bonus), "principal": entry.principal, "bonus": entry.bonus,
            "ref": entry.ref, "at": clock.aware(entry.created_at).isoformat()}


def _start_of(day: date, field: str) -> datetime:
    """Midnight in the store, as the UTC moment HQ stores (SQLite keeps no offset to compare by)."""
    try:
        return datetime.combine(day, time.min, tzinfo=clock.BUSINESS_TZ).astimezone(UTC)
    except OverflowError:
        raise DomainError("invalid_field", status=422, field=field, value=day.isoformat()) from None


def _owed_before(session: Session, moment: datetime) -> int:
    """What all gift cards held (the chain owes its card holders) just before ``moment``."""
    total = session.scalar(
        select(func.coalesce(func.sum(WalletEntry.principal + WalletEntry.bonus), 0))
        .join(WalletAccount, WalletAccount.id == WalletEntry.account_id)
        .where(WalletAccount.kind == GIFT_CARD, WalletEntry.created_at < moment))
    return int(total or 0)


def finance_report(session: Session, first: date, last: date, store_code: str | None = None,
                   cursor: int = 0, limit: int = 500) -> dict[str, Any]:
    """礼品卡报表: issue, use, refund and expiry for the business days ``first``–``last``.

    ``totals`` and ``by_store`` sum each kind (positive fen); ``opening`` and ``closing`` are what
    all cards held at the period's edges, so ``opening + issued + topped_up − used + refunded −
    expired = closing`` (chain-wide only: a card bought in one store is spent in any, so with a
    store picked they are None). ``items`` is the detail, a page at a time.
    """
    start, end, where = _period(first, last, store_code)
    totals = {name: 0 for name in KINDS.values()}
    by_store: dict[str, dict[str, int]] = {}
    for code, kind, amount in session.execute(
        select(Store.code, WalletEntry.kind, func.sum(WalletEntry.principal + WalletEntry.bonus))
        .join(WalletAccount, WalletAccount.id == WalletEntry.account_id)
        .outerjoin(Store, Store.id == WalletEntry.store_id).where(*where)
        .group_by(Store.code, WalletEntry.kind)):
        name = KINDS.get(kind)
        if name is None:
            continue
        row = by_store.setdefault(code or "", {n: 0 for n in KINDS.values()})
        row[name] += abs(int(amount))
        totals[name] += abs(int(amount))
    items, has_more = _detail(session, where, cursor, limit)
    return {"from": first.isoformat(), "to": last.isoformat(), "store": store_code or None,
            "opening": None if store_code else _owed_before(session, start),
            "closing": None if store_code else _owed_before(session, end), "totals": totals,
            "by_store": [{"store": code, **row} for code, row in sorted(by_store.items())],
            "items": items, "next_cursor": items[-1]["id"] if items else cursor, "has_more": has_more}


def _period(first: date, last: date, store_code: str | None) -> tuple[datetime, datetime, list[Any]]:
    """The business days ``first``–``last`` as moments, and the filter of their gift-card entries."""
    if last < first or last >= date.max:
        raise DomainError("invalid_field", status=422, field="to", value=last.isoformat())
    start, end = _start_of(first, "from"), _start_of(last + timedelta(days=1), "to")
    where = [WalletAccount.kind == GIFT_CARD, WalletEntry.created_at >= start, WalletEntry.created_at < end]
    if store_code:
        where.append(Store.code == store_code)
    return start, end, where


def _detail(session: Session, where: list[Any], cursor: int, limit: int) -> tuple[list[dict[str, Any]], bool]:
    """A page of the entries after ``cursor``, oldest first, and whether more follow."""
    rows = session.execute(
        select(WalletEntry, WalletAccount.card_no, Store.code)
        .join(WalletAccount, WalletAccount.id == WalletEntry.account_id)
        .outerjoin(Store, Store.id == WalletEntry.store_id).where(*where, WalletEntry.id > cursor)
        .order_by(WalletEntry.id).limit(limit + 1)).all()
    return [_entry_row(card_no, entry, store) for entry, card_no, store in rows[:limit]], len(rows) > limit


CSV_HEADERS = {
    "zh_CN": ("卡号", "类型", "金额", "本金", "赠送", "门店", "单号", "时间"),
    "en": ("Card", "Kind", "Amount", "Principal", "Bonus", "Store", "Reference", "Time"),
}
CSV_KINDS = {"zh_CN": {"issued": "售卡激活", "topped_up": "充值", "used": "消费", "refunded": "退款", "expired": "过期"}}


def finance_csv(session: Session, first: date, last: date, store_code: str | None, language: str) -> bytes:
    """The whole detail as CSV for finance's spreadsheet: UTF-8 with a BOM (so Excel reads the
    Chinese), yuan with two decimals, times in the stores' (Beijing) time."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS.get(language, CSV_HEADERS["en"]))
    kinds = CSV_KINDS.get(language, {})
    _start, _end, where = _period(first, last, store_code)
    cursor, more = 0, True
    while more:
        items, more = _detail(session, where, cursor, 5_000)
        for item in items:
            at = datetime.fromisoformat(item["at"]).astimezone(clock.BUSINESS_TZ)
            writer.writerow([item["card_no"], kinds.get(item["kind"], item["kind"]), format_fen(item["amount"]),
                             format_fen(item["principal"]), format_fen(item["bonus"]), item["store"], item["ref"],
                             f"{at:%Y-%m-%d %H:%M:%S}"])
        cursor = items[-1]["id"] if items else cursor
    return ("\ufeff" + out.getvalue()).encode("utf-8")
