"""礼品卡: gift cards printed in advance, sold at the till as goods, activated by the sale.

A card is made as an inactive stored-value account (the card stock); the till checks the card
when the cashier scans it onto a gift-card line, and the sale activates it with what the line
was paid — an ``activate`` ledger entry, so its balance is the ledger sum like every account's.
Activation is keyed by the sale: the till's call at completion and the sale's event arriving
later are one activation, and a card can only ever be sold once.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.money import check_amount
from app.hq import clock
from app.hq.loyalty import ledger_entry
from app.hq.models import Store, WalletAccount

GIFT_CARD = "gift_card"
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
    return len(card_no) == 16 and card_no.isdigit() and luhn_digit(card_no[:-1]) == card_no[-1]


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
    return ledger_entry(session, card, "activate", amount, 0, ref[:64], store)  # the same sale again: its first answer
