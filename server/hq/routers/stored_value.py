"""储值 and gift cards: a till tops up, spends, refunds, asks a balance and activates a card it sold
(signed calls); admins open wallets, make card stock, look a card up and write lapsed cards off."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from app.hq import gift_cards, services
from server.hq import schemas
from server.hq.deps import DB, Admin, RawBody, SignedStore, documented_body, signed_body
from server.hq.responses import (
    BalanceOut,
    CardMoveOut,
    CardsExpiredOut,
    GiftCardOut,
    GiftCardsMadeOut,
    UnsoldCardOut,
    WalletOut,
)
from server.responses import answer

router = APIRouter(tags=["stored value"])


@router.post("/loyalty/wallets/topup", response_model=CardMoveOut, openapi_extra=documented_body(schemas.WalletMoveIn))
def wallet_top_up(store: SignedStore, body: RawBody, session: DB) -> Response:
    data = signed_body(schemas.WalletMoveIn, body)
    return answer(CardMoveOut, services.top_up(session, store, data.card, data.amount, data.ref))


@router.post("/loyalty/wallets/spend", response_model=CardMoveOut, openapi_extra=documented_body(schemas.WalletMoveIn))
def wallet_spend(store: SignedStore, body: RawBody, session: DB) -> Response:
    data = signed_body(schemas.WalletMoveIn, body)
    return answer(CardMoveOut, services.spend(session, store, data.card, data.amount, data.ref))


@router.get("/loyalty/wallets/{card_no}", response_model=BalanceOut)
def wallet_balance(card_no: schemas.Card, store: SignedStore, session: DB) -> Response:
    """查余额: the card's balance (and a gift card's last day), for the customer at the till."""
    return answer(BalanceOut, gift_cards.balance_view(session, card_no))


@router.get("/loyalty/gift-cards/{card_no}", response_model=UnsoldCardOut)
def gift_card(card_no: schemas.Card, store: SignedStore, session: DB) -> Response:
    """Is this card stock, not yet sold? (asked when the cashier scans it onto a gift-card line)"""
    return answer(UnsoldCardOut, gift_cards.check_unsold(session, card_no))


@router.post("/loyalty/gift-cards/activate", response_model=CardMoveOut,
             openapi_extra=documented_body(schemas.GiftCardActivateIn))
def gift_card_activate(store: SignedStore, body: RawBody, session: DB) -> Response:
    data = signed_body(schemas.GiftCardActivateIn, body)
    return answer(CardMoveOut, services.activate_gift_card(session, store, data.card, data.amount, data.ref))


@router.post("/loyalty/wallets/refund", response_model=CardMoveOut, openapi_extra=documented_body(schemas.WalletRefundIn))
def wallet_refund(store: SignedStore, body: RawBody, session: DB) -> Response:
    data = signed_body(schemas.WalletRefundIn, body)
    return answer(CardMoveOut, services.refund(session, store, data.card, data.ref))


@router.post("/loyalty/wallets/topup/cancel", response_model=CardMoveOut,
             openapi_extra=documented_body(schemas.WalletRefundIn))
def wallet_top_up_cancel(store: SignedStore, body: RawBody, session: DB) -> Response:
    """A top-up the store gave up on comes off the card again (refused if it arrives after)."""
    data = signed_body(schemas.WalletRefundIn, body)
    return answer(CardMoveOut, services.cancel_top_up(session, store, data.card, data.ref))


@router.post("/admin/gift-cards", response_model=GiftCardsMadeOut)
def admin_gift_cards(body: schemas.GiftCardsIn, admin: Admin, session: DB) -> dict[str, Any]:
    """制卡: card numbers for the card printer; each is activated by the sale that sells it."""
    return {"cards": services.make_gift_cards(session, body.count)}


@router.get("/admin/gift-cards/{card_no}", response_model=GiftCardOut)
def admin_gift_card(card_no: schemas.Card, admin: Admin, session: DB) -> dict[str, Any]:
    """查卡: a card's state, balance, last day and every entry (customer service, finance)."""
    return gift_cards.card_detail(session, card_no)


@router.post("/admin/gift-cards/expire", response_model=CardsExpiredOut)
def admin_expire_gift_cards(admin: Admin, session: DB) -> dict[str, Any]:
    """礼品卡过期: write off what is left on cards past their last day (a daily job; again the same
    day changes nothing)."""
    return services.expire_gift_cards(session)


@router.post("/admin/wallets", response_model=WalletOut)
def admin_wallet(body: schemas.WalletIn, admin: Admin, session: DB) -> dict[str, Any]:
    account = services.open_wallet(session, body.member, body.kind)
    return {"card_no": account.card_no, "kind": account.kind}
