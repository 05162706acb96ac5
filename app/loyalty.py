"""会员、券、储值 at the till: the store server asks HQ, the one place a coupon or a balance lives.

- A member is looked up (phone, card, dynamic code) or registered at HQ and attached to the ticket.
- A coupon is reserved at HQ when the cashier adds it (every check happens there); it is
  committed at HQ when the sale's ``sale_completed`` event arrives and released by the
  ``ticket_voided`` event — through the outbox, exactly once, even if the link is down then.
- Stored value is spent at HQ when the tender is added (the balance must be checked online);
  a voided ticket's spends are refunded by the same ``ticket_voided`` event.

With HQ unreachable these calls fail with ``hq_unreachable`` and a plain message; selling
cash goods goes on untouched.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.checkout import _open_for_change, _recalculate, add_line, check_cards_bought_with_money, ticket_dict
from app.context import Actor
from app.db.models import Tender, Ticket, TicketCoupon, TicketLine
from app.domain.errors import DomainError
from app.domain.keyed import is_digits, normalise_code
from app.domain.money import check_amount
from app.outbox import record_event
from app.settings import StoreSettings
from app.sync.hq_client import HqClient, HqError

LOYALTY_READ_TIMEOUT = 5.0


def _call(client: HqClient | None, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    if client is None:
        raise DomainError("hq_not_connected", status=409)
    try:
        return client.request(method, "/api/v1" + path, body=body, read_timeout=LOYALTY_READ_TIMEOUT)
    except HqError as error:
        if error.status and 400 <= error.status < 500 and error.code not in ("unknown_store", "bad_signature",
                                                                              "stale_request", "replayed_request"):
            raise DomainError(error.code, status=error.status, **_params(error.body)) from None
        raise DomainError("hq_unreachable", status=503) from None


def _params(body: dict[str, Any]) -> dict[str, Any]:
    params = body.get("params")
    return dict(params) if isinstance(params, dict) else {}


def ref_of(client: HqClient | None, ticket: Ticket) -> str:
    """The ticket as HQ knows it: unique across the chain."""
    store = client.config.store_code if client is not None else "local"
    return f"{store}:{ticket.id}"


# ---- members ---------------------------------------------------------------------------------


def find_member(client: HqClient | None, *, phone: str = "", card: str = "", code: str = "") -> dict[str, Any]:
    phone, card, code = normalise_code(phone), normalise_code(card), normalise_code(code)
    key, value = ("code", code) if code else ("card", card) if card else ("phone", phone)
    if not value:
        raise DomainError("invalid_request", status=422, detail="phone, card or code")
    return _call(client, "GET", f"/loyalty/members?{key}={quote(value)}")


def register_member(client: HqClient | None, phone: str, name: str) -> dict[str, Any]:
    return _call(client, "POST", "/loyalty/members", {"phone": normalise_code(phone), "name": name})


def attach_member(session: Session, actor: Actor, ticket_id: int, member_no: str | None,
                  settings: StoreSettings, client: HqClient | None = None) -> dict[str, Any]:
    ticket = _open_for_change(session, actor, ticket_id)
    tier = None
    if member_no:  # the tier decides member prices: HQ says which it is, not the till
        tier = str(find_member(client, card=member_no).get("tier") or "normal")
    ticket.member_no, ticket.member_tier = member_no or None, tier
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


# ---- coupons ---------------------------------------------------------------------------------


def add_coupon(session: Session, actor: Actor, ticket_id: int, code: str, client: HqClient | None,
               settings: StoreSettings) -> dict[str, Any]:
    ticket = _open_for_change(session, actor, ticket_id)
    code = normalise_code(code).upper()
    if any(c.code == code for c in ticket.coupons):
        raise DomainError("coupon_on_ticket", status=409, code=code)
    if ticket.tenders:
        raise DomainError("ticket_being_paid", status=409)
    offline = False
    try:
        held = _call(client, "POST", "/loyalty/coupons/reserve",
                     {"code": code, "ref": ref_of(client, ticket), "subtotal": ticket.subtotal, "member": ticket.member_no})
    except DomainError as error:
        if error.code != "hq_unreachable":
            raise
        held, offline = _offline_paper_coupon(session, client, code, ticket, settings), True
    if held.get("kind") == "free_item" and not any(not x.voided and x.sku == held.get("sku") for x in ticket.lines):
        if not offline:
            _call(client, "POST", "/loyalty/coupons/release", {"code": code, "ref": ref_of(client, ticket)})
        raise DomainError("coupon_item_missing", status=409, code=code)
    ticket.coupons.append(TicketCoupon(code=code, name=str(held.get("name", ""))[:64], kind=str(held["kind"]),
                                       value=int(held["value"]), threshold=int(held.get("threshold", 0)),
                                       sku=held.get("sku"), discount=0, created_at=clock.now(), offline=offline))
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def remove_coupon(session: Session, actor: Actor, ticket_id: int, code: str, client: HqClient | None,
                  settings: StoreSettings) -> dict[str, Any]:
    ticket = _open_for_change(session, actor, ticket_id)
    coupon = next((c for c in ticket.coupons if c.code == normalise_code(code).upper()), None)
    if coupon is None:
        raise DomainError("coupon_not_on_ticket", status=404, code=code[:32])
    if ticket.tenders:
        raise DomainError("ticket_being_paid", status=409)
    _call(client, "POST", "/loyalty/coupons/release", {"code": coupon.code, "ref": ref_of(client, ticket)})
    ticket.coupons.remove(coupon)
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def _offline_paper_coupon(session: Session, client: HqClient | None, code: str, ticket: Ticket,
                          settings: StoreSettings) -> dict[str, Any]:
    """离线用券 (the store's offline policy): with HQ out of reach, a paper coupon of a batch this store
    knows may still be taken — within its dates and stores, above its threshold, and no more than
    the day's allowance. HQ redeems it when the sale arrives, or reports a conflict to the manager."""
    from sqlalchemy import func

    from app.db.models import CouponBatchRecord, TicketCoupon

    refused = DomainError("hq_unreachable", status=503)
    if not code.startswith("P") or len(code) < 12 or not is_digits(code[1:-10]) or settings.offline_paper_coupons <= 0:
        raise refused
    batch = session.get(CouponBatchRecord, int(code[1:-10]))
    if batch is None:
        raise refused
    data = batch.data
    store = client.config.store_code if client is not None else ""
    now = clock.now()
    if data.get("stores") and store not in data["stores"]:
        raise DomainError("coupon_wrong_store", status=409, code=code)
    def local(text: str) -> datetime:  # HQ's UTC moment on this store's wall clock
        moment = datetime.fromisoformat(text)
        return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment

    if now < local(data["valid_from"]):
        raise DomainError("coupon_not_yet_valid", status=409, code=code, start=str(data["valid_from"])[:10])
    if now > local(data["valid_to"]):
        raise DomainError("coupon_expired", status=409, code=code, end=str(data["valid_to"])[:10])
    if ticket.subtotal < int(data.get("threshold", 0)):
        raise DomainError("coupon_below_threshold", status=409, code=code, threshold=f"{int(data['threshold']) / 100:.2f}")
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    taken = session.scalar(select(func.count(TicketCoupon.id)).where(TicketCoupon.offline,
                                                                   TicketCoupon.created_at >= today)) or 0
    if taken >= settings.offline_paper_coupons:
        raise DomainError("offline_coupon_limit", status=409, limit=settings.offline_paper_coupons)
    return {"name": data.get("name", ""), "kind": data["kind"], "value": data["value"],
            "threshold": data.get("threshold", 0)}


def conflicts(client: HqClient | None, language: str, include_resolved: bool = False) -> list[dict[str, Any]]:
    """What HQ could not carry out from this store's sales (a coupon another store took while this
    one was offline, say), newest first, each with the reason in the manager's language: the open
    ones, or with ``include_resolved`` those already handled too."""
    from app.messages import message

    items = _call(client, "GET", "/loyalty/conflicts" + ("?all=true" if include_resolved else "")).get("items") or []
    return [{**item, "message": message(str(item.get("reason", "")), language,
                                        {"code": item.get("subject", ""), "card": item.get("subject", "")})}
            for item in items if isinstance(item, dict)]


def resolve_conflict(client: HqClient | None, actor: Actor, conflict_id: int, note: str) -> dict[str, Any]:
    """已处理: the store manager, having set it right in the store, marks one of HQ's conflicts handled
    with a note; HQ keeps who (this manager's code) and when. Only a manager may."""
    if not actor.at_least("manager"):
        raise DomainError("forbidden", status=403)
    return _call(client, "POST", f"/loyalty/conflicts/{conflict_id}/resolve",
                 {"operator": actor.operator_code, "note": note})


# ---- gift cards ------------------------------------------------------------------------------


def add_gift_card(session: Session, actor: Actor, ticket_id: int, code: str, card_no: str,
                  client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """售卡: a gift-card product with the card scanned from its back; HQ says whether it is unsold
    card stock. The sale activates it (``activate_gift_cards``, and HQ again from the sale's event)."""
    card_no = normalise_code(card_no)
    _open_for_change(session, actor, ticket_id)
    held = select(TicketLine.id).join(Ticket, Ticket.id == TicketLine.ticket_id).where(
        TicketLine.card_no == card_no, TicketLine.voided.is_(False), Ticket.status.in_(("open", "parked")))
    if session.scalar(held.limit(1)) is not None:  # on this ticket, or on another till's
        raise DomainError("gift_card_on_ticket", status=409, card=card_no)
    _call(client, "GET", f"/loyalty/gift-cards/{quote(card_no, safe='')}")
    return add_line(session, actor, ticket_id, code, 1, settings, card_no=card_no)


def activate_gift_cards(client: HqClient | None, sale: dict[str, Any]) -> list[str]:
    """Right after the sale is stored: activate its cards at HQ so they can be spent at once. If
    HQ is out of reach the sale's event activates them when it arrives; returns those activated now."""
    if client is None:
        return []
    done = []
    for line in sale.get("lines") or []:
        if not line.get("card_no") or line.get("voided"):
            continue
        try:
            _call(client, "POST", "/loyalty/gift-cards/activate", {
                "card": line["card_no"], "amount": line["amount"] - line["discount"],
                "ref": f"{client.config.store_code}:{sale['sale_id']}"})
        except DomainError:
            continue  # the event carries it; a refusal lands in HQ's conflicts for the manager
        done.append(str(line["card_no"]))
    return done


# ---- stored value ----------------------------------------------------------------------------


def pay_stored_value(session: Session, actor: Actor, ticket_id: int, card: str, amount: int,
                     client: HqClient | None, settings: StoreSettings) -> dict[str, Any]:
    """储值支付: at most what is still due; HQ takes it from the card under its row lock."""
    card = normalise_code(card)
    ticket = _open_for_change(session, actor, ticket_id)
    check_amount(amount)
    if not any(not line.voided for line in ticket.lines):
        raise DomainError("empty_ticket", status=409)
    due = ticket.total - ticket.paid
    if amount > due:
        raise DomainError("overpaid_stored_value", status=409, due=f"￥{due / 100:.2f}")
    check_cards_bought_with_money(ticket, amount)
    ref = f"{ref_of(client, ticket)}:{len(ticket.tenders) + 1}"
    _call(client, "POST", "/loyalty/wallets/spend", {"card": card, "amount": amount, "ref": ref})
    ticket.tenders.append(Tender(method="stored_value", amount=amount, created_at=clock.now(), reference=card, ref=ref))
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)


def card_balance(client: HqClient | None, card: str) -> dict[str, Any]:
    """查余额: what the card holds now, from HQ (a gift card says its last day too)."""
    card = normalise_code(card)
    if not card or len(card) > 24 or not (card.isascii() and card.isalnum()):
        raise DomainError("wallet_not_found", status=404)
    return _call(client, "GET", f"/loyalty/wallets/{card}")


def top_up(session: Session, actor: Actor, client: HqClient | None, card: str, amount: int,
           command_id: str) -> dict[str, Any]:
    """充值 at the till: HQ adds the principal and the bonus its rules give (充100送20); the cash
    goes into this till's drawer, so the shift's expected cash counts it."""
    from app import shifts
    from app.db.models import TopUp

    card = normalise_code(card)
    check_amount(amount)
    shift = shifts.require_open(session, actor.till)
    store = client.config.store_code if client is not None else "local"
    ref = f"{store}:{command_id}"
    result = _call(client, "POST", "/loyalty/wallets/topup", {"card": card, "amount": amount, "ref": ref})
    entry = result.get("entry") or {}
    session.add(TopUp(shift_id=shift.id, till=actor.till, card=card, amount=amount, bonus=int(entry.get("bonus", 0)),
                      ref=ref, created_at=clock.now()))
    record_event(session, "stored_value_topup", {"till": actor.till, "card": card, "amount": amount, "ref": ref})
    return result


def pay_points(session: Session, actor: Actor, ticket_id: int, amount: int, client: HqClient | None,
               settings: StoreSettings) -> dict[str, Any]:
    """积分抵现: the attached member's points pay ``amount`` fen (100 points = ￥1), at most what is due."""
    ticket = _open_for_change(session, actor, ticket_id)
    check_amount(amount)
    if not ticket.member_no:
        raise DomainError("member_required", status=409)
    due = ticket.total - ticket.paid
    if amount > due:
        raise DomainError("overpaid_stored_value", status=409, due=f"￥{due / 100:.2f}")
    check_cards_bought_with_money(ticket, amount)
    ref = f"{ref_of(client, ticket)}:{len(ticket.tenders) + 1}"
    _call(client, "POST", "/loyalty/points/spend", {"member": ticket.member_no, "amount": amount, "ref": ref})
    ticket.tenders.append(Tender(method="points", amount=amount, created_at=clock.now(), reference=ticket.member_no,
                                 ref=ref))
    _recalculate(ticket, settings)
    session.flush()
    return ticket_dict(ticket)
